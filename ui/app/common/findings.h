// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Findings as the UI reads them: from the store's evaluation cache (the JSON `evaluate --json` prints),
// so opening an account does not re-run the cross-account rules.

#include "rules/finding.h"

#include <QHash>
#include <QSet>
#include <QString>

namespace ad::ui {

QList<rules::Finding> findingsFromJson(const QString& findingsJson);

// Evidence-row ids a finding rests on (evidence.evidence_ids, or evidence.rows[].id).
QList<qint64> evidenceIds(const rules::Finding& f);
// Account ids a multi-account finding names (evidence.accounts / evidence.account_ids / other_account…).
QStringList linkedAccounts(const rules::Finding& f);

// For the permission-evidence tab: evidence row id -> the reasons it is not valid permission. Which rows
// comes from the consent-invalid, consent-unprovable and stale-contact findings (evidence_ids); the
// detail (pre-checked box, no consent time, last contact…) is read from the row itself.
QHash<qint64, QStringList> invalidEvidenceReasons(const QList<rules::Finding>& findings,
                                                  const QList<EvidenceRow>& rows);

// The rule ids of the catalogue (../shared/spec/policy-rules.md), for the queue's rule filter.
const QStringList& ruleCatalogue();

} // namespace ad::ui
