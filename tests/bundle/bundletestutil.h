// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Helpers of the bundle tests: copying and editing fixture bundles, writing .zip files with libarchive,
// generating large bundles, and a logical dump of a case store (every row of every table) to prove that a
// failed import left it exactly as it was.

#include <QByteArray>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <algorithm>
#include <archive.h>
#include <archive_entry.h>
#include <sqlite3.h>
#include <stdexcept>

namespace bundletest {

inline QString fixture(const QString& name)
{
    return QStringLiteral(ABUSEDESK_TEST_DATA "/") + name;
}

inline void writeFile(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        throw std::runtime_error("cannot write " + path.toStdString());
    f.write(bytes);
}

inline QByteArray readFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw std::runtime_error("cannot read " + path.toStdString());
    return f.readAll();
}

inline void copyTree(const QString& from, const QString& to)
{
    QDir().mkpath(to);
    QDirIterator it(from, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString src = it.next();
        const QString rel = QDir(from).relativeFilePath(src);
        writeFile(to + QLatin1Char('/') + rel, readFile(src));
    }
}

// Every file of a folder as (relative path, bytes), sorted by path.
inline QList<QPair<QString, QByteArray>> treeEntries(const QString& dir, const QString& prefix = {})
{
    QList<QPair<QString, QByteArray>> out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString src = it.next();
        out.append({prefix + QDir(dir).relativeFilePath(src), readFile(src)});
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    return out;
}

// Writes a .zip with libarchive; entries named exactly as given (so "../x" can be written on purpose).
inline void writeZip(const QString& zipPath, const QList<QPair<QString, QByteArray>>& entries)
{
    archive* a = archive_write_new();
    archive_write_set_format_zip(a);
    if (archive_write_open_filename(a, QFile::encodeName(zipPath).constData()) != ARCHIVE_OK)
        throw std::runtime_error(archive_error_string(a));
    for (const auto& [name, bytes] : entries) {
        archive_entry* e = archive_entry_new();
        archive_entry_set_pathname(e, name.toUtf8().constData());
        archive_entry_set_size(e, bytes.size());
        archive_entry_set_filetype(e, AE_IFREG);
        archive_entry_set_perm(e, 0644);
        archive_entry_set_mtime(e, 1700000000, 0);
        if (archive_write_header(a, e) != ARCHIVE_OK)
            throw std::runtime_error(archive_error_string(a));
        if (!bytes.isEmpty())
            archive_write_data(a, bytes.constData(), size_t(bytes.size()));
        archive_entry_free(e);
    }
    archive_write_close(a);
    archive_write_free(a);
}

// Logical dump: for every table, every row as text, rows sorted; tables in name order.
inline QByteArray dumpStore(const QString& dbPath)
{
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(dbPath).constData(), &db, SQLITE_OPEN_READONLY, nullptr) !=
        SQLITE_OK) {
        sqlite3_close(db);
        throw std::runtime_error("cannot open " + dbPath.toStdString());
    }
    const auto query = [&](const QByteArray& sql) {
        QList<QByteArray> rows;
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db, sql.constData(), -1, &st, nullptr) != SQLITE_OK)
            throw std::runtime_error(sqlite3_errmsg(db));
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            QByteArray row;
            for (int i = 0; i < sqlite3_column_count(st); ++i) {
                const int type = sqlite3_column_type(st, i);
                row += QByteArray::number(type) + ':';
                row += QByteArray(static_cast<const char*>(sqlite3_column_blob(st, i)),
                                  sqlite3_column_bytes(st, i))
                           .toHex();
                row += '|';
            }
            rows.append(row);
        }
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE)
            throw std::runtime_error(sqlite3_errmsg(db));
        return rows;
    };
    QByteArray out;
    const QList<QByteArray> tables = query(
        "SELECT name FROM sqlite_master WHERE type='table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name");
    for (const QByteArray& t : tables) {
        const QByteArray name = QByteArray::fromHex(t.mid(t.indexOf(':') + 1).chopped(1));
        QList<QByteArray> rows = query("SELECT * FROM \"" + name + "\"");
        std::sort(rows.begin(), rows.end());
        out += "== " + name + " (" + QByteArray::number(rows.size()) + ")\n";
        for (const QByteArray& r : std::as_const(rows))
            out += r + '\n';
    }
    sqlite3_close(db);
    return out;
}

// A large, valid bundle: `accounts` accounts with two campaigns, one list and one evidence row each, and a
// list file of `listRows` addresses for the first account.
inline void generateBundle(const QString& dir, int accounts, int listRows)
{
    QDir().mkpath(dir + QStringLiteral("/lists/G0"));
    writeFile(
        dir + QStringLiteral("/manifest.json"),
        R"({"format":"case-bundle","version":1,"exported_at":"2026-11-20T00:00:00Z","source":"generated"})");
    QByteArray acc = "account_id,name,owner_email,signup_at,status\n";
    QByteArray camp =
        "account_id,campaign_id,sent_at,sent,delivered,bounces,complaints,unsubscribes,unique_opens\n";
    QByteArray lists = "account_id,list_id,source\n";
    QByteArray ev = "account_id,list_id,subscriber,method,consent_at\n";
    for (int i = 0; i < accounts; ++i) {
        const QByteArray id = "G" + QByteArray::number(i);
        acc += id + ",\"Shop " + QByteArray::number(i) + ", Inc.\",owner" + QByteArray::number(i) +
               "@shop.example,2025-01-01T00:00:00Z,active\n";
        camp += id + ",C1,2026-11-01T00:00:00Z,1000,950,30,2,5,200\n";
        camp += id + ",C2,2026-11-02T00:00:00Z,2000,1900,60,1,4,300\n";
        lists += id + ",L1,signup_form\n";
        ev += id + ",L1,sub" + QByteArray::number(i) + "@example.org,signup_form,2025-02-01T00:00:00Z\n";
    }
    writeFile(dir + QStringLiteral("/accounts.csv"), acc);
    writeFile(dir + QStringLiteral("/campaigns.csv"), camp);
    writeFile(dir + QStringLiteral("/lists.csv"), lists);
    writeFile(dir + QStringLiteral("/evidence.csv"), ev);
    QFile f(dir + QStringLiteral("/lists/G0/L1.csv"));
    if (!f.open(QIODevice::WriteOnly))
        throw std::runtime_error("cannot write list file");
    f.write("email,first_name\n");
    QByteArray chunk;
    for (int i = 0; i < listRows; ++i) {
        chunk += "person" + QByteArray::number(i) + "@example" + QByteArray::number(i % 97) + ".com,Name" +
                 QByteArray::number(i) + '\n';
        if (chunk.size() > (1 << 20)) {
            f.write(chunk);
            chunk.clear();
        }
    }
    f.write(chunk);
}

} // namespace bundletest
