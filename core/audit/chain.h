// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/casestore.h"

#include <QJsonObject>

namespace ad::audit {

// Builds the next entry of the hash chain after `last` (seq = last.seq + 1, prevHash = last.hash),
// with its hash over the canonical form of every field. Pass it to CaseStore::recordDecision /
// appendAudit / ImportWriter::appendAudit inside their transaction.
AuditEntry nextEntry(const std::optional<AuditEntry>& last, const QDateTime& at, const QString& actor,
                     const QString& kind, const QString& accountId, const QJsonObject& payload);

// The hash an entry must carry, recomputed from its fields.
QString entryHash(const AuditEntry& e);

} // namespace ad::audit
