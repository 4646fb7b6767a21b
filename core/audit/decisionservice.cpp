// SPDX-License-Identifier: GPL-3.0-or-later
#include "audit/decisionservice.h"

#include "audit/chain.h"
#include "audit/notice.h"
#include "rules/evaluator.h"
#include "store/casestore.h"
#include "util/clock.h"
#include "util/error.h"
#include "util/timeutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace ad {

namespace {

bool isAccountAction(Action a)
{
    switch (a) {
    case Action::Warn:
    case Action::Suspend:
    case Action::Terminate:
    case Action::Reinstate:
    case Action::Dismiss:
    case Action::RequestProof:
        return true;
    default:
        return false;
    }
}

bool isListAction(Action a)
{
    return a == Action::ApproveList || a == Action::RejectList;
}

std::optional<AccountStatus> statusAfter(Action a)
{
    switch (a) {
    case Action::Warn:
        return AccountStatus::Warned;
    case Action::Suspend:
        return AccountStatus::Suspended;
    case Action::Terminate:
        return AccountStatus::Terminated;
    case Action::Reinstate:
        return AccountStatus::Active;
    default:
        return std::nullopt;
    }
}

QString localized(const QString& language, const char* en, const char* id)
{
    return QString::fromUtf8(language == QLatin1String("id") ? id : en);
}

// The decision whose approval is awaited: the account's latest decision, when it is a terminate recorded
// as pending. Any later decision on the account (an approval, or another decision that supersedes it)
// ends the wait.
std::optional<Decision> pendingTerminate(const QList<Decision>& decisions)
{
    if (decisions.isEmpty())
        return std::nullopt;
    const Decision& last = decisions.constLast();
    if (last.action == Action::Terminate && last.state == Decision::State::PendingApproval)
        return last;
    return std::nullopt;
}

QJsonObject decisionPayload(const Decision& d, const QDateTime& asOf)
{
    QJsonObject o;
    o.insert(QStringLiteral("account_id"), d.accountId);
    if (!d.listId.isEmpty())
        o.insert(QStringLiteral("list_id"), d.listId);
    o.insert(QStringLiteral("action"), toString(d.action));
    o.insert(QStringLiteral("recommended"), toString(d.recommended));
    o.insert(QStringLiteral("state"), toString(d.state));
    o.insert(QStringLiteral("reviewer"), d.reviewer);
    o.insert(QStringLiteral("at"), time::toIso(d.at));
    if (asOf.isValid())
        o.insert(QStringLiteral("as_of"), time::toIso(asOf));
    o.insert(QStringLiteral("rationale"), d.rationale);
    o.insert(QStringLiteral("policy"),
             QJsonObject{{QStringLiteral("id"), d.policyId}, {QStringLiteral("version"), d.policyVersion}});
    o.insert(QStringLiteral("findings"), QJsonDocument::fromJson(d.findingsJson.toUtf8()).array());
    if (!d.noticeText.isEmpty()) {
        o.insert(QStringLiteral("notice_language"), d.noticeLanguage);
        o.insert(QStringLiteral("notice"), d.noticeText);
    }
    if (d.approvesDecisionId)
        o.insert(QStringLiteral("approves_decision"), d.approvesDecisionId);
    return o;
}

QString findingsJson(const QList<rules::Finding>& findings)
{
    QJsonArray a;
    for (const auto& f : findings)
        a.append(rules::toJson(f));
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

} // namespace

DecisionService::DecisionService(CaseStore& store, const rules::Policy& policy, const Clock& clock)
    : m_store(store), m_policy(policy), m_clock(clock)
{}

bool DecisionService::rationaleRequired(Action action, Action recommended)
{
    if (isListAction(action))
        return true; // a list verdict always says why
    // Dismissing an account whose recommendation is "none" follows the recommendation (the desktop
    // program preselects dismiss for it); it does not differ from it.
    if (action == Action::Dismiss && recommended == Action::None)
        return false;
    return action != recommended;
}

bool DecisionService::rationaleIsSentence(const QString& rationale)
{
    const QString t = rationale.simplified();
    if (t.size() < 20)
        return false;
    static const QRegularExpression word(QStringLiteral("[\\p{L}\\p{N}]+"));
    int words = 0;
    auto it = word.globalMatch(t);
    while (it.hasNext() && words < 3) {
        it.next();
        ++words;
    }
    return words >= 3;
}

QString DecisionService::notice(const QString& accountId, Action action, const QString& language,
                                const QList<rules::Finding>& findings, const QString& rationale,
                                const QString& listId) const
{
    const auto account = m_store.account(accountId);
    if (!account)
        throw Error::input(QStringLiteral("unknown account \"%1\"").arg(accountId));
    if (!notice::hasTemplate(action, language))
        return {};
    const QString templ = notice::loadTemplate(action, language);
    const QDateTime now = m_clock.now();
    QHash<QString, QString> v;
    v.insert(QStringLiteral("account_id"), account->id);
    v.insert(QStringLiteral("account_name"), account->name);
    if (!listId.isEmpty())
        v.insert(QStringLiteral("list_id"), listId);
    v.insert(QStringLiteral("date"), now.toUTC().toString(QStringLiteral("yyyy-MM-dd")));
    v.insert(QStringLiteral("policy_title"), m_policy.title());
    v.insert(QStringLiteral("policy_version"), m_policy.version());
    QStringList lines;
    for (const auto& f : findings) {
        if (f.severity == Severity::Info)
            continue; // informational findings are for the reviewer, not grounds for action
        lines << QStringLiteral("- ") + f.summary;
    }
    if (lines.isEmpty())
        lines << localized(language, "- The review found no violation of a policy rule.",
                           "- Peninjauan tidak menemukan pelanggaran aturan kebijakan.");
    v.insert(QStringLiteral("findings"), lines.join(QLatin1Char('\n')));
    v.insert(QStringLiteral("rationale"),
             rationale.trimmed().isEmpty()
                 ? localized(language, "The reviewer confirmed the action recommended by the policy rules.",
                             "Peninjau mengonfirmasi tindakan yang direkomendasikan oleh aturan kebijakan.")
                 : rationale.trimmed());
    const int days = int(
        m_policy.number(QStringLiteral("proof-request-expired"), QStringLiteral("proof_deadline_days"), 14));
    v.insert(QStringLiteral("proof_deadline"),
             now.addDays(days).toUTC().toString(QStringLiteral("yyyy-MM-dd")));
    return notice::render(templ, v);
}

DecisionOutcome DecisionService::decide(const DecisionRequest& req, const QDateTime& asOf)
{
    const QString reviewer = req.reviewer.trimmed();
    if (reviewer.isEmpty())
        throw Error::input(QStringLiteral("a decision needs a reviewer name"));
    if (!notice::languages().contains(req.language))
        throw Error::input(
            QStringLiteral("unknown notice language \"%1\" (expected en or id)").arg(req.language));
    const auto account = m_store.account(req.accountId);
    if (!account)
        throw Error::input(QStringLiteral("unknown account \"%1\"").arg(req.accountId));
    if (isListAction(req.action)) {
        if (req.listId.isEmpty())
            throw Error::input(QStringLiteral("%1 needs --list ID").arg(toString(req.action)));
        const auto lists = m_store.lists(req.accountId);
        const bool known = std::any_of(lists.begin(), lists.end(),
                                       [&](const MailingList& l) { return l.listId == req.listId; });
        if (!known)
            throw Error::input(
                QStringLiteral("account \"%1\" has no list \"%2\"").arg(req.accountId, req.listId));
    } else if (!isAccountAction(req.action)) {
        throw Error::input(
            QStringLiteral("\"%1\" is not a decision (expected warn, suspend, terminate, reinstate, "
                           "dismiss, request_proof, approve_list or reject_list)")
                .arg(toString(req.action)));
    } else if (!req.listId.isEmpty()) {
        throw Error::input(QStringLiteral("--list goes only with approve_list or reject_list"));
    }

    rules::EvaluationService evaluation(m_store, m_policy);
    const QDateTime when = asOf.isValid() ? asOf : evaluation.defaultAsOf();
    const rules::Evaluation eval =
        evaluation.evaluateAccount(req.accountId, when.isValid() ? when : m_clock.now());

    if (rationaleRequired(req.action, eval.recommended) && !rationaleIsSentence(req.rationale)) {
        if (isListAction(req.action))
            throw Error::input(
                QStringLiteral("%1 needs a rationale of at least a sentence (20 characters, 3 words)")
                    .arg(toString(req.action)));
        throw Error::input(
            QStringLiteral("the decision (%1) differs from the recommendation (%2): a rationale of at "
                           "least a sentence (20 characters, 3 words) is required")
                .arg(toString(req.action), toString(eval.recommended)));
    }

    const QList<Decision> previous = m_store.decisions(req.accountId);
    const auto pending = pendingTerminate(previous);
    if (pending && req.action == Action::Terminate)
        throw Error::conflict(
            QStringLiteral("account \"%1\" already has a terminate awaiting a second reviewer's "
                           "approval (proposed by %2)")
                .arg(req.accountId, pending->reviewer));

    QList<rules::Finding> basis = eval.findings;
    if (isListAction(req.action)) {
        basis.erase(std::remove_if(basis.begin(), basis.end(),
                                   [&](const rules::Finding& f) {
                                       return f.evidence.value(QStringLiteral("list_id")).toString() !=
                                              req.listId;
                                   }),
                    basis.end());
    }

    Decision d;
    d.accountId = req.accountId;
    d.listId = req.listId;
    d.action = req.action;
    d.recommended = eval.recommended;
    d.reviewer = reviewer;
    d.at = m_clock.now().toUTC();
    d.rationale = req.rationale.trimmed();
    d.policyId = m_policy.id();
    d.policyVersion = m_policy.version();
    d.findingsJson = findingsJson(basis);
    const bool needsSecond = req.action == Action::Terminate && m_policy.terminateNeedsSecondReviewer();
    d.state = needsSecond ? Decision::State::PendingApproval : Decision::State::Effective;
    // The customer is told only once the decision takes effect: a pending terminate gets its notice at
    // approval time.
    if (!needsSecond) {
        d.noticeLanguage = req.language;
        d.noticeText = notice(req.accountId, req.action, req.language, basis, d.rationale, req.listId);
    } else {
        // Still render it now so an unfillable template blocks the proposal, not the approval.
        notice(req.accountId, req.action, req.language, basis, d.rationale, req.listId);
        d.noticeLanguage = req.language;
    }
    const std::optional<AccountStatus> newStatus = needsSecond ? std::nullopt : statusAfter(req.action);

    QString hash;
    const QString kind =
        isListAction(req.action) ? QStringLiteral("list_decision") : QStringLiteral("decision");
    d.id = m_store.recordDecision(d, newStatus, [&](const std::optional<AuditEntry>& last) {
        AuditEntry e = audit::nextEntry(last, d.at, reviewer, kind, d.accountId, decisionPayload(d, when));
        hash = e.hash;
        return e;
    });

    DecisionOutcome out;
    out.decision = d;
    out.pendingApproval = needsSecond;
    out.status = m_store.currentStatus(req.accountId);
    out.auditHash = hash;
    return out;
}

DecisionOutcome DecisionService::approve(const QString& accountId, const QString& reviewerName)
{
    const QString reviewer = reviewerName.trimmed();
    if (reviewer.isEmpty())
        throw Error::input(QStringLiteral("an approval needs a reviewer name"));
    if (!m_store.account(accountId))
        throw Error::input(QStringLiteral("unknown account \"%1\"").arg(accountId));
    const auto pending = pendingTerminate(m_store.decisions(accountId));
    if (!pending)
        throw Error::input(
            QStringLiteral("account \"%1\" has no terminate awaiting approval").arg(accountId));
    if (pending->reviewer.compare(reviewer, Qt::CaseInsensitive) == 0)
        throw Error::conflict(
            QStringLiteral("%1 proposed this terminate and cannot approve it: a second, different "
                           "reviewer must")
                .arg(reviewer));

    Decision d;
    d.accountId = accountId;
    d.action = Action::Terminate;
    d.recommended = pending->recommended;
    d.state = Decision::State::Approved;
    d.reviewer = reviewer;
    d.at = m_clock.now().toUTC();
    d.rationale = pending->rationale;
    d.policyId = pending->policyId;
    d.policyVersion = pending->policyVersion;
    d.findingsJson = pending->findingsJson;
    d.approvesDecisionId = pending->id;
    d.noticeLanguage = pending->noticeLanguage.isEmpty() ? QStringLiteral("en") : pending->noticeLanguage;
    QList<rules::Finding> basis;
    for (const auto& v : QJsonDocument::fromJson(pending->findingsJson.toUtf8()).array()) {
        const QJsonObject o = v.toObject();
        rules::Finding f;
        f.rule = o.value(QStringLiteral("rule")).toString();
        f.summary = o.value(QStringLiteral("summary")).toString();
        f.severity =
            severityFromString(o.value(QStringLiteral("severity")).toString()).value_or(Severity::Info);
        basis << f;
    }
    d.noticeText = notice(accountId, Action::Terminate, d.noticeLanguage, basis, d.rationale);

    QString hash;
    d.id = m_store.recordDecision(d, AccountStatus::Terminated, [&](const std::optional<AuditEntry>& last) {
        AuditEntry e = audit::nextEntry(last, d.at, reviewer, QStringLiteral("approval"), accountId,
                                        decisionPayload(d, QDateTime()));
        hash = e.hash;
        return e;
    });
    DecisionOutcome out;
    out.decision = d;
    out.status = m_store.currentStatus(accountId);
    out.auditHash = hash;
    return out;
}

} // namespace ad
