// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Builders shared by the store tests and the store benchmark program.

#include "domain/types.h"
#include "store/casestore.h"
#include "util/hash.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTimeZone>

namespace ad::storetest {

inline QDateTime utc(const char* iso)
{
    QDateTime t = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs);
    return t.toUTC();
}

inline Account account(const QString& id, const QString& name, AccountStatus status = AccountStatus::Active)
{
    Account a;
    a.id = id;
    a.name = name;
    a.ownerEmail = u"owner@" + id.toLower() + u".example";
    a.fromAddresses = {u"news@" + id.toLower() + u".example", QStringLiteral("promo@shared.example")};
    a.postalAddress = u"Jalan " + name + u" 1, Jakarta";
    a.website = u"https://" + id.toLower() + u".example";
    a.signupAt = utc("2025-01-01T00:00:00Z");
    a.status = status;
    a.flaggedAt = utc("2026-11-01T00:00:00Z");
    a.flagReason = QStringLiteral("complaint spike");
    return a;
}

inline Campaign campaign(const QString& accountId, const QString& id, const char* sentAt, qint64 sent = 1000)
{
    Campaign c;
    c.accountId = accountId;
    c.campaignId = id;
    c.sentAt = utc(sentAt);
    c.subject = u"Subject " + id;
    c.fromAddress = QStringLiteral("news@example.com");
    c.listIds = {QStringLiteral("L1"), QStringLiteral("L2")};
    c.sent = sent;
    c.delivered = sent - 10;
    c.bounces = 10;
    c.hardBounces = 4;
    c.complaints = 2;
    c.unsubscribes = 3;
    c.uniqueOpens = 100;
    c.uniqueClicks = std::nullopt;
    return c;
}

inline ImportInfo importInfo(const char* exportedAt = "2026-11-20T00:00:00Z",
                             const QString& sha = QStringLiteral("b1"))
{
    ImportInfo i;
    i.bundlePath = QStringLiteral("/tmp/bundle");
    i.bundleSha256 = sha;
    i.exportedAt = utc(exportedAt);
    i.source = QStringLiteral("optimais-platform");
    i.importedAt = utc("2026-11-21T08:00:00Z");
    i.importedBy = QStringLiteral("rina");
    return i;
}

// A stand-in for core/audit's chain (the store only stores what it is given).
inline std::function<AuditEntry(const std::optional<AuditEntry>&)>
auditMaker(const QString& kind, const QString& accountId, const QDateTime& at)
{
    return [=](const std::optional<AuditEntry>& last) {
        AuditEntry e;
        e.seq = last ? last->seq + 1 : 1;
        e.at = at;
        e.actor = QStringLiteral("rina");
        e.kind = kind;
        e.accountId = accountId;
        e.payloadJson = QStringLiteral("{\"kind\":\"%1\"}").arg(kind);
        e.prevHash = last ? last->hash : QString();
        e.hash = sha256Hex(QString(QString::number(e.seq) + e.kind + e.accountId + e.prevHash).toUtf8());
        return e;
    };
}

inline QString fileSha256(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("<unreadable>");
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return QString::fromLatin1(h.result().toHex());
}

} // namespace ad::storetest
