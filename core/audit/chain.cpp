// SPDX-License-Identifier: GPL-3.0-or-later
#include "audit/chain.h"

#include "util/hash.h"
#include "util/timeutil.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ad::audit {

QString entryHash(const AuditEntry& e)
{
    // Canonical form: a compact JSON array of every field in a fixed order. QJsonObject keeps its keys
    // sorted, so re-serialising the payload gives the same bytes for the same content.
    const QJsonObject payload = QJsonDocument::fromJson(e.payloadJson.toUtf8()).object();
    const QJsonArray canonical{e.seq, time::toIso(e.at), e.actor, e.kind, e.accountId, payload, e.prevHash};
    return sha256Hex(QJsonDocument(canonical).toJson(QJsonDocument::Compact));
}

AuditEntry nextEntry(const std::optional<AuditEntry>& last, const QDateTime& at, const QString& actor,
                     const QString& kind, const QString& accountId, const QJsonObject& payload)
{
    AuditEntry e;
    e.seq = last ? last->seq + 1 : 1;
    e.at = at.toUTC();
    e.actor = actor;
    e.kind = kind;
    e.accountId = accountId;
    e.payloadJson = QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    e.prevHash = last ? last->hash : QString();
    e.hash = entryHash(e);
    return e;
}

} // namespace ad::audit
