// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Screening of an imported address list (../shared/spec/policy-rules.md: role-address,
// list-invalid-addresses, list-disposable-domains, list-typo-domains). Streaming: addresses are fed one
// at a time; memory grows with the number of distinct addresses only through the duplicate detector.

#include "domain/types.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <memory>

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
    int maxTrackedDomains = 65536;   // distinct domains counted one by one (bounds memory, see below)

    // The shipped defaults: resources/lists/disposable-domains.txt, mailbox-domains.txt and
    // real-provider-domains.txt, extended by the default policy's (resources/policies/optimais.json)
    // "mailbox_domains" and "real_provider_domains"; the policy's "role_local_parts" or, when it has
    // none, resources/lists/role-local-parts.txt.
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
//    probability about n^2 / 2^65 for n distinct addresses (under 1e-6 for 5 million);
//  - role: the lower-cased local part without "+tag" is on the role list;
//  - disposable: the domain or any parent domain of it is on the disposable list (x.mailinator.com);
//  - typo: the domain is not a mailbox domain, not a real provider domain and not disposable, and its
//    optimal-string-alignment distance to a mailbox domain M is 1 or 2 when M has 9 or more
//    characters (gmail.com, hotmail.com…), or exactly 1 with the first label unchanged when M is
//    shorter (aol.com, live.com, msn.com: only "aol.con"-style top-level typos; distance 2 or a changed
//    name on such short domains hits real domains like aon.com or life.com);
//  - per-domain counts are exact for the first `maxTrackedDomains` distinct domains; addresses at
//    further domains are screened the same way but only counted together ("untracked") so that memory
//    stays bounded on adversarial lists.

class Screener
{
public:
    explicit Screener(const ScreeningConfig& config);
    ~Screener();
    // Screens one address (row `line` of the file); returns its Problem bits.
    int add(QStringView email, qint64 line);
    // Counts so far (cheap; finish() gives the full result).
    qint64 rows() const;
    // Totals, shares, examples per problem and per-domain counts; detailsJson is the JSON also printed
    // by `abusedesk-cli screen-list --json`.
    ListScreeningSummary finish();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace ad::lists
