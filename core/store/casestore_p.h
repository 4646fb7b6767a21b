// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internals shared by casestore.cpp and importwriter.cpp (not installed, not used outside core/store).

#include "store/casestore.h"
#include "store/sqlite.h"

#include <QHash>
#include <memory>

namespace ad {

namespace store::detail {

// The connection and its statement cache.
struct Connection
{
    QString path;
    std::unique_ptr<sql::Database> db;
    QHash<QByteArray, std::shared_ptr<sql::Statement>> cache;

    // A prepared statement for `sqlText`, reset and with cleared bindings. Statements are cached; when the
    // cached one is still stepping (a reader called from inside another reader's callback) a fresh one is
    // returned instead.
    std::shared_ptr<sql::Statement> st(QByteArrayView sqlText);
};

// Reads the last audit entry and inserts the one `makeEntry` returns (inside the caller's transaction).
qint64 appendAudit(Connection& d,
                   const std::function<AuditEntry(const std::optional<AuditEntry>& last)>& makeEntry);
std::optional<AuditEntry> lastAuditEntry(Connection& d);

QString joinList(const QStringList& items);   // ';'-joined, empty -> null
QStringList splitList(const QString& joined); // inverse

} // namespace store::detail

struct CaseStore::Private : store::detail::Connection
{
    int version = 0;
    bool importActive = false;
    // The last queueCount, valid while neither this connection (total changes) nor another one
    // (PRAGMA data_version) changed the file: the queue asks for the count and the page of one filter.
    struct
    {
        QString key;
        qint64 totalChanges = -1, dataVersion = -1, count = 0;
    } lastCount;
};

} // namespace ad
