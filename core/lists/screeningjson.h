// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The JSON text of a list's screening details (ListScreeningSummary::detailsJson; keys documented in
// resources/lists/README.md), written directly into a byte buffer. The text is byte for byte what
// QJsonDocument(…).toJson(QJsonDocument::Compact) gives for the same values — the form stored by earlier
// versions, which readers and stored summaries rely on:
//  - keys of every object in QJsonObject's order (sorted), no spaces;
//  - numbers as QJsonValue(double) prints them: an integral value of magnitude at most 2^53 as an integer
//    ("5", "1000000", -0.0 as "0"), any other finite value as QByteArray::number(d, 'g',
//    QLocale::FloatingPointShortest) ("0.1", "1e-07", "1e+16"), a non-finite one as null;
//  - strings as QJsonDocument escapes them: '"' '\\' \b \f \n \r \t, other characters below U+0020 as
//    \u00xx (lower-case hex), everything else as UTF-8, a lone surrogate as \udxxx.
// tests/lists/test_screening_json.cpp compares it with QJsonDocument on varied details.

#include <QString>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ad::lists {

struct ScreeningExample
{
    qint64 line = 0;
    QString email;
    QString extra; // reason / key / (none for role) / domain / suggestion
};

struct ScreeningTopDomain
{
    std::string_view name; // UTF-8
    qint64 count = 0;
    double share = 0;
    bool disposable = false;
    const std::string* typoOf = nullptr; // UTF-8; null: "typo_of": null
};

struct ScreeningDetails
{
    // Problems in this order: invalid, duplicate, role, disposable, typo (their examples carry "reason",
    // "key", nothing, "domain" and "suggestion" as the extra key).
    static constexpr int kProblems = 5;
    qint64 rows = 0;
    qint64 valid = 0;
    qint64 clean = 0;
    qint64 distinctAddresses = 0;
    qint64 problemCount[kProblems] = {};
    double problemShare[kProblems] = {};
    std::span<const ScreeningExample> examples[kProblems];
    qint64 distinctDomains = 0;
    std::span<const ScreeningTopDomain> top;
    qint64 otherDomains = 0;
    qint64 otherCount = 0;
    double otherShare = 0;
};

// The problem names and the extra key of their examples (nullptr: none), in ScreeningDetails' order.
extern const char* const kScreeningProblemNames[ScreeningDetails::kProblems];
extern const char* const kScreeningExampleExtras[ScreeningDetails::kProblems];

// Appends one number as above (exposed for tests).
void appendScreeningJsonNumber(std::string& out, double d);

// Compact JSON text of the details (see above), UTF-8 (always valid: lone surrogates are escaped).
std::string screeningDetailsJson(const ScreeningDetails& details);

} // namespace ad::lists
