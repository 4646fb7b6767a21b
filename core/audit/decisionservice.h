// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Decisions through one API, used by abusedesk-cli and the desktop program alike
// (../shared/spec/policy-rules.md, "Decisions"):
//  - a rationale of at least a sentence is required when the action differs from the recommendation;
//  - `terminate` needs a second, different reviewer's approval when the policy says so; until then it is
//    pending and the account's status does not change;
//  - the account's current status changes with the effective action (warn -> warned, suspend ->
//    suspended, terminate -> terminated, reinstate -> active; dismiss / request_proof keep it);
//  - a customer notice is generated from the action's template (English or Indonesian); a placeholder
//    left unfilled blocks the decision;
//  - every decision and approval is appended to the hash-chained audit log in the same transaction.

#include "domain/types.h"
#include "rules/finding.h"
#include "rules/policy.h"

#include <QDateTime>
#include <QString>
#include <optional>

namespace ad {

class CaseStore;
class Clock;

struct DecisionRequest
{
    QString accountId;
    QString listId; // approve_list / reject_list only
    Action action = Action::None;
    QString rationale;
    QString reviewer;
    QString language = QStringLiteral("en"); // notice language: "en" or "id"
};

struct DecisionOutcome
{
    Decision decision;
    bool pendingApproval = false;                 // terminate waiting for a second reviewer
    AccountStatus status = AccountStatus::Active; // the account's status afterwards
    QString auditHash;                            // hash of the audit entry written
};

class DecisionService
{
public:
    DecisionService(CaseStore& store, const rules::Policy& policy, const Clock& clock);

    // Evaluates the account as of `asOf` (the findings the decision rests on), checks the request and
    // records it. Throws Error::input with a reviewer-readable reason when refused (nothing is written).
    DecisionOutcome decide(const DecisionRequest& request, const QDateTime& asOf);

    // The second reviewer's approval of the pending terminate of an account. Refused for the reviewer
    // who proposed it, and when nothing is pending.
    DecisionOutcome approve(const QString& accountId, const QString& reviewer);

    // Renders the customer notice for an action without recording anything (the decision dialog's live
    // preview). Throws Error::input naming any placeholder that could not be filled. `listId` fills the
    // {{list_id}} placeholder of the approve_list / reject_list templates.
    QString notice(const QString& accountId, Action action, const QString& language,
                   const QList<rules::Finding>& findings, const QString& rationale,
                   const QString& listId = {}) const;

    // Whether `action` differs from `recommended` so that a rationale is required (dismiss follows a
    // recommendation of none; a list verdict always needs one), and the rule used
    // for "at least a sentence" (≥ 20 characters and at least 3 words).
    static bool rationaleRequired(Action action, Action recommended);
    static bool rationaleIsSentence(const QString& rationale);

private:
    CaseStore& m_store;
    const rules::Policy& m_policy;
    const Clock& m_clock;
};

// The audit log's hash chain.
namespace audit {
struct VerifyResult
{
    bool ok = true;
    qint64 entries = 0;
    qint64 firstBadSeq = 0; // 0 when ok
    QString reason;         // "entry 7: hash does not match its content", "entry 8: previous hash …", …
};
VerifyResult verify(const CaseStore& store);
} // namespace audit

} // namespace ad
