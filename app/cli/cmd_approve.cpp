// SPDX-License-Identifier: GPL-3.0-or-later
// abusedesk-cli approve --account ID --reviewer NAME [--policy ID|FILE] [--json]
#include "audit/decisionservice.h"
#include "command.h"
#include "util/error.h"
#include "util/timeutil.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {

int runApprove(ad::cli::Args& args)
{
    QCommandLineParser p;
    const QCommandLineOption account(QStringLiteral("account"), QStringLiteral("The account."),
                                     QStringLiteral("ID"));
    const QCommandLineOption reviewer(QStringLiteral("reviewer"),
                                      QStringLiteral("The second reviewer (must differ from the proposer)."),
                                      QStringLiteral("NAME"));
    const QCommandLineOption policy(QStringLiteral("policy"),
                                    QStringLiteral("Policy id or file (default: optimais)."),
                                    QStringLiteral("POLICY"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the approval as JSON."));
    p.addOptions({account, reviewer, policy, json});
    if (!args.parse(p, QStringLiteral("Approve, as a second reviewer, the pending terminate of an account.")))
        return ad::cli::Ok;
    if (!p.isSet(account))
        throw ad::Error::input(QStringLiteral("--account is required"));
    if (!p.isSet(reviewer))
        throw ad::Error::input(QStringLiteral("--reviewer is required"));
    args.existingStore(); // a missing --db file is bad input, never a new empty store
    ad::DecisionService service(args.store(), args.policy(p.value(policy)), args.clock());
    const ad::DecisionOutcome out = service.approve(p.value(account), args.reviewer(p));
    if (p.isSet(json)) {
        const QJsonObject o{{QStringLiteral("decision_id"), out.decision.id},
                            {QStringLiteral("approves_decision_id"), out.decision.approvesDecisionId},
                            {QStringLiteral("account_id"), out.decision.accountId},
                            {QStringLiteral("reviewer"), out.decision.reviewer},
                            {QStringLiteral("at"), ad::time::toIso(out.decision.at)},
                            {QStringLiteral("status"), ad::toString(out.status)},
                            {QStringLiteral("audit_hash"), out.auditHash}};
        args.out() << QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else {
        args.out() << "terminate of " << out.decision.accountId << " approved by " << out.decision.reviewer
                   << "; status now " << ad::toString(out.status) << '\n';
    }
    return ad::cli::Ok;
}

} // namespace

ABUSEDESK_CLI_COMMAND(approve, "approve", "second reviewer's approval of a pending terminate", runApprove)
