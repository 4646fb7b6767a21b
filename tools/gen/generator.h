// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The deterministic case-bundle generator behind abusedesk-gen (../shared/spec/case-bundle.md).
//
// Determinism: the only randomness is std::mt19937_64 (whose output sequence the C++ standard fixes),
// seeded per account from (seed, account index) with splitmix64, and turned into numbers by the
// distributions in generator.cpp (std::uniform_int_distribution & co. differ between standard
// libraries, so none is used). No clock, no locale, no hash-table iteration order reaches the output:
// the same arguments give byte-identical files on every platform.
//
// Streaming: accounts are generated one at a time in id order and appended to the open CSV files;
// per-account files (list files, messages, ARF reports) are written and closed immediately. Memory is
// a few bytes per account (the profile table and the set of used domains), independent of the number of
// campaigns, evidence rows, list rows and messages.
//
// Variety: within every block of 1,000 accounts the first 25 have fixed profiles so that even a small
// bundle shows every rule of policy-rules.md at least once (see profileFor() in generator.cpp and
// resources/demo/README.md); the others are clean senders (about two thirds) or have one or two random
// violations.

#include <QString>
#include <cstdint>

namespace ad::gen {

struct Options
{
    QString outDir;
    std::int64_t accounts = 60;
    std::int64_t campaignsPerAccount = 8;
    std::int64_t evidence = -1; // total rows; default 20 per account
    std::int64_t messages = -1; // total; default 2 per account
    std::int64_t listRows = -1; // total rows over all imported list files; default 100 per account
    std::uint64_t seed = 1;
    std::int64_t exportedAt = 0; // seconds since the epoch (UTC)
};

struct Totals
{
    std::int64_t accounts = 0, campaigns = 0, lists = 0, listFiles = 0, listRows = 0, evidence = 0,
                 complaintRows = 0, arfReports = 0, messages = 0, mboxFiles = 0, history = 0;
};

// Writes the bundle into options.outDir (created; it must not exist or be empty). Throws ad::Error.
Totals generate(const Options& options);

} // namespace ad::gen
