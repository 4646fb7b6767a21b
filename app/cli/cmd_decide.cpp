// SPDX-License-Identifier: GPL-3.0-or-later
// abusedesk-cli decide --account ID --action ACTION --reason TEXT [--reviewer NAME] [--list ID]
//                      [--lang en|id] [--as-of TIME] [--policy ID|FILE] [--json]
#include "audit/decisionservice.h"
#include "command.h"
#include "rules/policy.h"
#include "util/error.h"
#include "util/timeutil.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {

int runDecide(ad::cli::Args& args)
{
    QCommandLineParser p;
    const QCommandLineOption account(QStringLiteral("account"), QStringLiteral("The account."),
                                     QStringLiteral("ID"));
    const QCommandLineOption action(
        QStringLiteral("action"),
        QStringLiteral("warn, suspend, terminate, reinstate, dismiss, request_proof; with "
                       "--list also approve_list, reject_list."),
        QStringLiteral("ACTION"));
    const QCommandLineOption reason(
        QStringLiteral("reason"),
        QStringLiteral("The rationale (required, at least a sentence, when the action "
                       "differs from the recommendation)."),
        QStringLiteral("TEXT"));
    const QCommandLineOption reviewer(
        QStringLiteral("reviewer"),
        QStringLiteral("Who decides (default: $ABUSEDESK_REVIEWER or the OS user)."), QStringLiteral("NAME"));
    const QCommandLineOption list(QStringLiteral("list"),
                                  QStringLiteral("The list, for approve_list / reject_list."),
                                  QStringLiteral("ID"));
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  QStringLiteral("Language of the customer notice: en or id."),
                                  QStringLiteral("LANG"), QStringLiteral("en"));
    const QCommandLineOption asOf(
        QStringLiteral("as-of"),
        QStringLiteral("Evaluate the findings as of this time (default: the bundle's "
                       "exported_at)."),
        QStringLiteral("TIME"));
    const QCommandLineOption policy(QStringLiteral("policy"),
                                    QStringLiteral("Policy id or file (default: optimais)."),
                                    QStringLiteral("POLICY"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print the recorded decision as JSON."));
    p.addOptions({account, action, reason, reviewer, list, lang, asOf, policy, json});
    if (!args.parse(p, QStringLiteral("Record a decision on an account in the audit log.")))
        return ad::cli::Ok;
    if (!p.positionalArguments().isEmpty())
        throw ad::Error::input(
            QStringLiteral("unexpected argument \"%1\"").arg(p.positionalArguments().constFirst()));
    if (!p.isSet(account))
        throw ad::Error::input(QStringLiteral("--account is required"));
    if (!p.isSet(action))
        throw ad::Error::input(QStringLiteral("--action is required"));
    // cli.md: `decide --account ID --action ACTION --reason TEXT`; policy-rules.md: reviewers record a
    // decision "with a rationale". One that differs from the recommendation needs at least a sentence
    // (DecisionService checks that); one that agrees still needs some text.
    if (!p.isSet(reason) || p.value(reason).trimmed().isEmpty())
        throw ad::Error::input(
            QStringLiteral("--reason is required: the rationale of the decision (at least a "
                           "sentence when it differs from the recommendation)"));
    const auto a = ad::actionFromString(p.value(action));
    if (!a || *a == ad::Action::None)
        throw ad::Error::input(
            QStringLiteral("unknown action \"%1\" (expected warn, suspend, terminate, reinstate, "
                           "dismiss, request_proof, approve_list or reject_list)")
                .arg(p.value(action)));
    QDateTime when;
    if (p.isSet(asOf)) {
        const auto t = ad::time::parseIso(p.value(asOf));
        if (!t)
            throw ad::Error::input(
                QStringLiteral("--as-of \"%1\" is not an ISO 8601 time").arg(p.value(asOf)));
        when = *t;
    }
    ad::DecisionRequest req;
    req.accountId = p.value(account);
    req.listId = p.value(list);
    req.action = *a;
    req.rationale = p.value(reason);
    req.reviewer = args.reviewer(p);
    req.language = p.value(lang);
    args.existingStore(); // a missing --db file is bad input, never a new empty store
    ad::DecisionService service(args.store(), args.policy(p.value(policy)), args.clock());
    const ad::DecisionOutcome out = service.decide(req, when);
    if (p.isSet(json)) {
        QJsonObject o{{QStringLiteral("decision_id"), out.decision.id},
                      {QStringLiteral("account_id"), out.decision.accountId},
                      {QStringLiteral("action"), ad::toString(out.decision.action)},
                      {QStringLiteral("recommended_action"), ad::toString(out.decision.recommended)},
                      {QStringLiteral("reviewer"), out.decision.reviewer},
                      {QStringLiteral("at"), ad::time::toIso(out.decision.at)},
                      {QStringLiteral("pending_approval"), out.pendingApproval},
                      {QStringLiteral("status"), ad::toString(out.status)},
                      {QStringLiteral("audit_hash"), out.auditHash}};
        if (!out.decision.listId.isEmpty())
            o.insert(QStringLiteral("list_id"), out.decision.listId);
        if (!out.decision.noticeText.isEmpty())
            o.insert(QStringLiteral("notice"), out.decision.noticeText);
        args.out() << QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else if (out.pendingApproval) {
        args.out() << "terminate of " << req.accountId << " proposed by " << out.decision.reviewer
                   << "; it takes effect once a second, different reviewer approves it "
                      "(abusedesk-cli approve --account "
                   << req.accountId << " --reviewer NAME)\n";
    } else {
        args.out() << ad::toString(out.decision.action) << " recorded for " << req.accountId << " by "
                   << out.decision.reviewer << "; status now " << ad::toString(out.status) << '\n';
    }
    return ad::cli::Ok;
}

} // namespace

ABUSEDESK_CLI_COMMAND(decide, "decide", "record a decision (warn, suspend, terminate, …) in the audit log",
                      runDecide)
