// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The all-or-nothing, streaming import of a case bundle (../shared/spec/case-bundle.md) into a CaseStore.
//
// How it works
//  1. The bundle is listed (BundleSource::open: paths, links, sizes, zip integrity of the directory) and
//     every file is classified; files the format does not define are ignored with a warning.
//  2. manifest.json is read and checked.
//  3. One ImportWriter transaction: accounts.csv, lists.csv, campaigns.csv, evidence.csv, history.csv,
//     complaints/complaints.csv, then the per-account files (lists/<a>/<l>.csv, messages/<a>/*.eml|*.mbox,
//     complaints/<a>/*.eml) in the bundle's order, every row streamed straight to SQLite. Every file is
//     read once and hashed while it is imported, and its import_files row (path, size, SHA-256) written
//     as soon as it is read; at the end the bundle hash is computed from those rows (in path order, from
//     the table's key), set on the import record (ImportWriter::setBundleSha256) and looked up among
//     earlier imports ("already imported" warning).
//     Sample messages are parsed by a second thread (MessageWorker in importer.cpp) from when accounts.csv
//     is read: its results are written by the importing thread between CSV rows (SQLite stays on one
//     thread and connection); a message's error is reported where the message is in the bundle's order,
//     after the CSV files' errors, exactly as when messages are parsed in line
//     (ImportOptions::parseMessagesInParallel = false). The top-level CSV files are read, hashed and parsed
//     (RFC 4180, UTF-8, field counts) by a producer thread (CsvProducer in importer.cpp) while the importing
//     thread checks and writes their rows; the first error is the same as in line
//     (ImportOptions::parseCsvInParallel = false). The audit entry of kind "import" is appended and the
//     transaction committed. Any error or a cancellation throws, and the writer's destructor rolls back: the
//     store is left exactly as it was.
//
// Memory: the only per-bundle state is the account ids (64-bit hashes, with the line defining each) and the
// (account, list) pairs (64-bit hashes); files are recorded in the store as they are read (not kept); CSV
// files are read in chunks, list files row by row, .mbox files message by message; the message worker's
// queue is bounded (256 messages, 32 MiB); SQLite's page cache is fixed (32 MiB).
//
// Speed: the bulk files (campaigns.csv, evidence.csv, list files) are checked on the fields' bytes and
// bound to SQLite as UTF-8 views (no QString/QDateTime per field; values with non-ASCII bytes take the
// QString path, so results and error texts are the same); the full-text index is filled at commit (see
// core/store/importwriter.cpp); files are hashed with OpenSSL's SHA-256.
//
// Validation (every error is an ad::Error of Kind::Input naming file, line, column and value):
// manifest format/version/exported_at; ids [A-Za-z0-9._:-]{1,64}; ISO 8601 timestamps (ad::time::parseIso);
// booleans true/false; enum values; non-negative integer counts; delivered + bounces <= sent;
// hard_bounces <= bounces; account_id unique; campaign_id and list_id unique within their account; every
// account_id (and per-account folder) defined in accounts.csv; list files only for lists of lists.csv;
// a value is required in every required column, except complaints.csv `recipient` (may be redacted).
// Per-account files are exactly lists/<account>/<list>.csv, messages/<account>/<name>.eml|.mbox and
// complaints/<account>/<name>.eml (extensions in any case); deeper paths and anything else are ignored with a
// warning. An ARF report without Arrival-Date/Received-Date is kept with an unknown time and a warning.
// Values and columns not checked by the spec (e-mail syntax, evidence.list_id, campaign list_ids
// pointing to lists.csv) are stored as given: the rules module reports on them.

#include "bundle/bundlesource.h"
#include "domain/types.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <atomic>
#include <functional>

namespace ad {
class CaseStore;
}

namespace ad::bundle {

struct ImportProgress
{
    qint64 bytesRead = 0;  // bytes of the bundle's files read so far (each file is read once)
    qint64 bytesTotal = 0; // the size of the files to read
    qint64 rows = 0;       // CSV rows, messages and reports imported so far
    QString file;          // the file being read
};

struct ImportOptions
{
    qint64 maxFileSize = kDefaultMaxFileSize;
    QString reviewer;                                    // who imports (import record, audit entry actor)
    QDateTime now;                                       // import time, from the caller's clock
    std::function<void(const ImportProgress&)> progress; // called every ~1 MiB and per file
    const std::atomic<bool>* cancel = nullptr;           // set from another thread to cancel
    std::function<bool()> isCancelled;                   // alternative to `cancel`
    // Sample messages are parsed on a second thread while the CSV files are imported (the default); false:
    // on the importing thread, in the bundle's order (same results, errors and store contents).
    bool parseMessagesInParallel = true;
    // The top-level CSV files are read and parsed (RFC 4180, UTF-8, field counts) on a second thread while
    // the importing thread checks and writes their rows (the default); false: on the importing thread. Same
    // results, errors and store contents either way.
    bool parseCsvInParallel = true;
};

struct ImportCounts
{
    qint64 accounts = 0;
    qint64 campaigns = 0;
    qint64 lists = 0;
    qint64 listRows = 0;
    qint64 complaints = 0; // complaints.csv rows + ARF reports
    qint64 evidence = 0;
    qint64 messages = 0;
    qint64 history = 0;
};

struct ImportResult
{
    qint64 importId = 0;
    QString bundleSha256;
    QDateTime exportedAt;
    qint64 previousImportId = 0; // != 0 when the same bundle (same hash) was imported before
    ImportCounts counts;
    QStringList warnings;
    qint64 fileCount = 0; // files read (their paths, sizes and SHA-256: CaseStore::importFiles(importId))
    qint64 bytes = 0;     // total size of the files read

    // {"accounts":N,"campaigns":N,"complaints":N,"evidence":N,"messages":N,"warnings":[...]}
    QString summaryJson() const;
    // "imported 3 accounts, 5 campaigns, … (2 warnings)"
    QString summaryLine() const;
};

// Imports the bundle at `path` (a folder or a .zip). Throws ad::Error: Kind::Input for a bad bundle,
// Kind::Cancelled when cancelled, Kind::Internal for store failures. The store is unchanged on any throw.
ImportResult importBundle(CaseStore& store, const QString& path, const ImportOptions& options);

} // namespace ad::bundle
