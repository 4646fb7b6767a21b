// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/types.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace ad::rules {

// One fired rule (../shared/spec/policy-rules.md): which clause, how severe, what it saw, what would clear
// it.
struct Finding
{
    QString rule;   // rule id, e.g. "complaint-rate"
    QString clause; // policy clause, e.g. "Account Suspension"
    Severity severity = Severity::Info;
    QString summary;      // one line with the real numbers
    QString toClear;      // what would clear it, e.g. "complaints must be ≤ 40 of 20,000 delivered"
    QJsonObject evidence; // structured: campaign_id / list_id / evidence_ids / message_ids / accounts …,
                          // value, threshold
};

// The result of evaluating one account.
struct Evaluation
{
    QString accountId;
    AccountStatus status = AccountStatus::Active; // current status in the store
    QDateTime asOf;
    QString policyId;
    QString policyVersion;
    Action recommended = Action::None; // most severe non-info finding
    QList<Finding> findings;           // in rule-catalogue order, then by evidence id
    // Account-level rates (campaigns with ≥ min_volume), for the queue and reports; nullopt when none.
    std::optional<double> complaintRate, bounceRate, unsubscribeRate, openRate;
    // findingsToCompactJson(findings), when the maker of this evaluation has written it (EvaluationService,
    // for the evaluation cache): appendIndentedJson then lays out these bytes instead of serialising the
    // findings a second time. Empty when not written. Whoever changes `findings` afterwards clears it.
    QByteArray findingsCompactJson;
};

// `evaluate --json` shapes (../shared/spec/cli.md). The finding object has exactly the keys
// rule, clause, severity, summary, evidence (+ to_clear, an addition documented in README).
QJsonObject toJson(const Finding& f);
QJsonObject toJson(const Evaluation& e);

// The same JSON written directly, byte for byte what QJsonDocument writes for the objects above (same key
// order, string escapes, number formats; tests/rules/test_jsonwriter.cpp compares them), without
// building a QJsonObject per finding: for the evaluation cache and `evaluate --json` of whole stores.
// QJsonDocument(array of toJson(f)).toJson(Compact):
QByteArray findingsToCompactJson(const QList<Finding>& findings);
// Appends toJson(e) as QJsonDocument's indented writer writes it as a value nested `depth` levels deep
// (an element of a top-level array: depth 1): no indentation before the '{', none after the '}'. The
// findings are e.findingsCompactJson re-indented when that is set (the same bytes), else written from
// e.findings.
void appendIndentedJson(QByteArray& out, const Evaluation& e, int depth);

} // namespace ad::rules
