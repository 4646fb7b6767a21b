// SPDX-License-Identifier: GPL-3.0-or-later
// jemalloc's options for both programs (compiled in only when they link jemalloc; see
// abusedesk_use_allocator in the top CMakeLists.txt). jemalloc reads this symbol once, at its start;
// MALLOC_CONF in the environment still overrides it for experiments.
//
//  - thp:always — the arenas ask for transparent huge pages (madvise). An evaluation of a large store
//    first-touches about a gigabyte of fresh heap; with 4 KiB pages that is ~75,000 page faults, which
//    cost ~1 s of system time on a virtual machine (benchmarks/rules/README.md, sixth session). Has no
//    effect where the kernel's transparent_hugepage setting is "never".
//  - metadata_thp:auto — the allocator's own metadata too, once it is large.
//  - dirty/muzzy_decay_ms:30000 — freed pages go back to the system after ~30 s instead of ~10 s, so a
//    run that frees and allocates in waves (reading, then the cache rows) reuses its pages instead of
//    faulting them in again. The desktop program still returns memory when idle.
extern "C" {
extern const char* malloc_conf;
const char* malloc_conf = "thp:always,metadata_thp:auto,dirty_decay_ms:30000,muzzy_decay_ms:30000";
}
