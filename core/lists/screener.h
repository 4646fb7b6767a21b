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

    // The shipped defaults (resources/lists/*.txt and the default policy's role list).
    static ScreeningConfig defaults();
};

class Screener
{
public:
    explicit Screener(const ScreeningConfig& config);
    ~Screener();
    // Screens one address (row `line` of the file); returns its Problem bits.
    int add(QStringView email, qint64 line);
    // Totals, shares, examples per problem and per-domain counts; detailsJson is the JSON also printed
    // by `abusedesk-cli screen-list --json`.
    ListScreeningSummary finish();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace ad::lists
