// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Screening of an imported address list (../shared/spec/policy-rules.md: role-address,
// list-invalid-addresses, list-disposable-domains, list-typo-domains). Streaming: addresses are fed one
// at a time, and memory does not grow with the list.
//
// Memory budget (the defaults; ScreeningConfig sets them) and temporary files:
//  - duplicates: the 64-bit hashes of the first distinct addresses are kept in an in-memory set of at
//    most `duplicateSetBytes` (4 MiB: 2^19 slots, 393,216 hashes; 6 MiB for a moment while the set
//    doubles to that size). Once it is full, an address whose hash is in the set is a duplicate at once;
//    any other one is written as a 16-byte record (hash, line, problem bits) to one of 64 temporary files
//    chosen by 6 high bits of the hash (lists/spill.h: unlinked files in the system temp dir, gone when
//    the screener is destroyed, on an exception too). finish() frees the set and reads the files one at
//    a time in file order with a new set of the same budget: the first record of a hash is a first
//    occurrence, every later one a duplicate ("late duplicate", reported to finish()'s callback). A file
//    whose distinct hashes overflow that set is split again the same way on the next 6 bits (at most
//    9 levels). The results are exactly those of one unbounded set: same counts, same rows, same
//    examples. While fewer than `maxExamples` duplicates are known, spilled rows also write their
//    address to a text file, so that the first duplicate examples in file order can be given with their
//    address whichever pass finds them;
//  - domains: counted one by one in memory for the first `maxTrackedDomains` (16,384, about 2 MiB)
//    distinct domains; addresses at further domains go through a 1,024-entry cache (their
//    classification and a pending count) to 64 partitioned temporary files of (hash, count, name)
//    records, aggregated per file in finish() the same way. Every domain count, `distinct` and the top
//    list are therefore exact whatever the list size;
//  - examples: at most `maxExamples` per problem; the top list: `topDomains` entries (a heap in finish());
//  - write buffers: 16 KiB per temporary file in use (at most 64 + 64 + 1 in the first pass).
// Temporary disk use is about 16 bytes per address after the first 393,216 distinct ones (80 MB for
// 5 million), plus the domain records on lists with very many domains. Nothing is kept per row.

#include "domain/types.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <cstddef>
#include <functional>
#include <memory>
#include <span>

namespace ad::lists {

enum Problem : int
{
    Invalid = 1 << 0,
    Duplicate = 1 << 1,
    Role = 1 << 2,
    Disposable = 1 << 3,
    Typo = 1 << 4,
};

struct ScreeningConfig
{
    QStringList roleLocalParts;      // policy role list
    QStringList disposableDomains;   // shipped list (resources/lists/disposable-domains.txt)
    QStringList mailboxDomains;      // large mailbox providers, the typo targets
    QStringList realProviderDomains; // never flagged as typos (ymail.com, aim.com, yahoo.co.id…)
    int maxExamples = 10;            // example rows kept per problem
    int topDomains = 20;             // domains listed by name in the breakdown (the rest is "other")
    int maxTrackedDomains = 16384;   // distinct domains counted in memory (the rest: temporary files)
    // Bytes of the in-memory set of address hashes (see above); rounded down to a power of two, at least
    // 1 KiB. SIZE_MAX: never use temporary files (the set grows with the list).
    std::size_t duplicateSetBytes = std::size_t(4) << 20;

    // The shipped defaults: resources/lists/disposable-domains.txt, mailbox-domains.txt and
    // real-provider-domains.txt, extended by the default policy's (resources/policies/optimais.json)
    // "mailbox_domains" and "real_provider_domains"; the policy's "role_local_parts" or, when it has
    // none, resources/lists/role-local-parts.txt.
    // The environment can lower or raise the memory knobs: ABUSEDESK_LIST_SET_BYTES (duplicateSetBytes,
    // at least 1024) and ABUSEDESK_LIST_TRACKED_DOMAINS (maxTrackedDomains, at least 1); a value that is
    // not such a number throws ad::Error (Input) naming the variable.
    // Throws ad::Error (Internal) naming a resource file that cannot be read.
    static ScreeningConfig defaults();
    // Reads one of the shipped list files: one entry a line, '#' starts a comment, blank lines
    // ignored, entries trimmed and lower-cased.
    static QStringList readListFile(const QString& path);
};

// Rules of the screening (resources/lists/README.md has the full text):
//  - every data row is counted once in `rows`; a row can have several problems (a duplicate role
//    address at a disposable domain counts in three); shares are of `rows`;
//  - invalid rows (see lists/address.h) get no other problem and are not in the domain breakdown;
//  - duplicate: a valid address whose folded form (lists/address.h foldAddress) was seen on an earlier
//    row; the first occurrence is not a duplicate. Folded addresses are remembered as 64-bit hashes
//    (lists/u64set.h): two distinct addresses are taken for duplicates only when their hashes collide,
//    probability about n^2 / 2^65 for n distinct addresses (under 1e-6 for 5 million). A duplicate is
//    reported by add() when its first occurrence is in the in-memory set, else by finish();
//  - role: the lower-cased local part without "+tag" is on the role list;
//  - disposable: the domain or any parent domain of it is on the disposable list (x.mailinator.com);
//  - typo: the domain is not a mailbox domain, not a real provider domain and not disposable, and its
//    optimal-string-alignment distance to a mailbox domain M is 1 or 2 when M has 9 or more
//    characters (gmail.com, hotmail.com…), or exactly 1 with the first label unchanged when M is
//    shorter (aol.com, live.com, msn.com: only "aol.con"-style top-level typos; distance 2 or a changed
//    name on such short domains hits real domains like aon.com or life.com);
//  - per-domain counts are exact (see above); the details' "exact" is always true and "untracked"
//    always 0 (kept for readers of summaries written by earlier versions, which counted domains beyond
//    maxTrackedDomains only together).

class Screener
{
public:
    explicit Screener(const ScreeningConfig& config);
    ~Screener();
    // Screens one address (row `line` of the file); returns its Problem bits as far as known now: a
    // duplicate whose first occurrence went to a temporary file gets its Duplicate bit from finish().
    // Lines must increase from call to call (rows of a file) and lie in [0, 2^55); throws ad::Error
    // (Internal) otherwise, before counting anything. Throws ad::Error (Internal) when a temporary file
    // cannot be created or written (a $TMPDIR that does not exist, a full disk); the screener's counts
    // are then incomplete: destroy it (its temporary files go with it).
    int add(QStringView email, qint64 line);
    // Counts so far (cheap; finish() gives the full result).
    qint64 rows() const;
    // Lines of rows found to be duplicates only in finish(), in batches (ascending within a batch, not
    // across batches); each such line is reported once and add() returned it without Duplicate.
    using LateDuplicates = std::function<void(std::span<const qint64> lines)>;
    // Totals, shares, examples per problem and per-domain counts; detailsJson is the JSON also printed
    // by `abusedesk-cli screen-list --json`. Call once; the temporary files are gone when it returns.
    ListScreeningSummary finish(const LateDuplicates& lateDuplicates = {});

    // What went through temporary files (benchmark, tests).
    struct SpillStats
    {
        qint64 addressRecords = 0; // rows written in the first pass
        qint64 domainRecords = 0;
        qint64 bytes = 0; // written to temporary files in all passes
        int files = 0;    // temporary files created in all passes
        int levels = 0;   // deepest partition level used + 1 (0: none)
    };
    SpillStats spillStats() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace ad::lists
