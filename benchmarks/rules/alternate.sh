#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Interleaved comparison of two abusedesk-cli binaries (not a test; nothing asserted):
#
#   benchmarks/rules/alternate.sh OLD_CLI NEW_CLI N STORE_A STORE_B
#
# N times: OLD on STORE_A, then NEW with ABUSEDESK_EVAL_THREADS=1 and NEW with the default thread count on
# STORE_B, each `evaluate --json` under `perf stat -e task-clock`; prints wall and CPU (ms) per run and
# whether the three outputs are byte-identical. STORE_A and STORE_B should be copies of the same store
# (both are evaluated in place, so their evaluation caches are rewritten). Compare the caches afterwards
# with cache_md5.sh.
set -eu
OLD=${1:?usage: alternate.sh OLD_CLI NEW_CLI N STORE_A STORE_B}; NEW=$2; N=$3; A=$4; B=$5
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
for i in $(seq "$N"); do
  for v in old new-1 new-N; do
    case $v in old) BIN=$OLD; DB=$A; T=;; new-1) BIN=$NEW; DB=$B; T=1;; new-N) BIN=$NEW; DB=$B; T=;; esac
    s=$(date +%s.%N)
    c=$(ABUSEDESK_EVAL_THREADS=$T perf stat -e task-clock -x, "$BIN" evaluate --json --db "$DB" 2>&1 >"$OUT/$v.json" | cut -d, -f1)
    e=$(date +%s.%N)
    echo "$v wall $(echo "$e - $s" | bc) s, task-clock $c ms, load $(cut -d' ' -f1 /proc/loadavg)"
  done
  if cmp -s "$OUT/old.json" "$OUT/new-1.json" && cmp -s "$OUT/old.json" "$OUT/new-N.json"; then
    echo "outputs identical"
  else
    echo "OUTPUTS DIFFER"
  fi
done
