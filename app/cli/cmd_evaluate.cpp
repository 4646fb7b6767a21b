// SPDX-License-Identifier: GPL-3.0-or-later
// abusedesk-cli evaluate [--account ID] [--as-of TIME] [--policy ID|FILE] [--json] [--db FILE]
// Runs the rules module over the store (or one account) and prints one object per account, sorted by
// account_id (../shared/spec/cli.md). The results are also written to the store's evaluation cache.
#include "command.h"
#include "rules/evaluator.h"
#include "rules/policy.h"
#include "store/casestore.h"
#include "util/error.h"
#include "util/timeutil.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {

void printTable(QTextStream& out, const QList<ad::rules::Evaluation>& results)
{
    out << QStringLiteral("%1 %2 %3 %4\n")
               .arg(QStringLiteral("ACCOUNT").leftJustified(16), QStringLiteral("STATUS").leftJustified(11),
                    QStringLiteral("RECOMMENDED").leftJustified(12), QStringLiteral("FINDINGS"));
    for (const auto& e : results) {
        out << QStringLiteral("%1 %2 %3 %4\n")
                   .arg(e.accountId.leftJustified(16), ad::toString(e.status).leftJustified(11),
                        ad::toString(e.recommended).leftJustified(12))
                   .arg(e.findings.size());
        for (const auto& f : e.findings)
            out << "    " << ad::toString(f.severity).leftJustified(10) << f.rule << ": " << f.summary
                << '\n';
    }
    if (!results.isEmpty())
        out << QStringLiteral("\n%1 account(s) evaluated as of %2 with policy %3 %4\n")
                   .arg(results.size())
                   .arg(ad::time::toIso(results.first().asOf), results.first().policyId,
                        results.first().policyVersion);
}

int runEvaluate(ad::cli::Args& args)
{
    QCommandLineParser p;
    const QCommandLineOption account(QStringLiteral("account"), QStringLiteral("Evaluate only this account."),
                                     QStringLiteral("ID"));
    const QCommandLineOption asOf(
        QStringLiteral("as-of"),
        QStringLiteral("Evaluate as of this ISO 8601 time (default: exported_at of the "
                       "latest import)."),
        QStringLiteral("TIME"));
    const QCommandLineOption policy(QStringLiteral("policy"),
                                    QStringLiteral("Policy id (optimais, mailbox-providers) or policy file "
                                                   "(default: optimais)."),
                                    QStringLiteral("POLICY"));
    const QCommandLineOption json(
        QStringLiteral("json"),
        QStringLiteral("Print a JSON array, one object per account (default: a table)."));
    p.addOptions({account, asOf, policy, json});
    if (!args.parse(p,
                    QStringLiteral("Run the rules module and print each account's findings and recommended "
                                   "action.")))
        return ad::cli::Ok;
    if (!p.positionalArguments().isEmpty())
        throw ad::Error::input(
            QStringLiteral("unexpected argument \"%1\"").arg(p.positionalArguments().constFirst()));

    QDateTime when;
    if (p.isSet(asOf)) {
        const auto t = ad::time::parseIso(p.value(asOf));
        if (!t)
            throw ad::Error::input(QStringLiteral("--as-of \"%1\" is not an ISO 8601 time with offset (e.g. "
                                                  "2026-11-20T00:00:00Z) or a date (2026-11-20)")
                                       .arg(p.value(asOf)));
        when = *t;
    }
    if (p.isSet(account) && p.value(account).trimmed().isEmpty())
        throw ad::Error::input(QStringLiteral("--account must not be empty"));

    const ad::rules::Policy& pol = args.policy(p.value(policy));
    ad::CaseStore& store = args.store();
    ad::rules::EvaluationService service(store, pol);
    if (!when.isValid())
        when = service.defaultAsOf();

    QList<ad::rules::Evaluation> results;
    if (p.isSet(account)) {
        if (!store.account(p.value(account)))
            throw ad::Error::input(
                QStringLiteral("unknown account \"%1\" in %2").arg(p.value(account), store.path()));
        if (!when.isValid())
            throw ad::Error::input(
                QStringLiteral("the store has no import to take the evaluation time from; give "
                               "--as-of"));
        results << service.evaluateAccount(p.value(account), when);
    } else if (store.accountCount() > 0) {
        if (!when.isValid())
            throw ad::Error::input(
                QStringLiteral("the store has no import to take the evaluation time from; give "
                               "--as-of"));
        results = service.evaluateAll(when);
    }

    if (p.isSet(json)) {
        QJsonArray arr;
        for (const auto& e : results)
            arr.append(ad::rules::toJson(e));
        args.out() << QString::fromUtf8(QJsonDocument(arr).toJson(QJsonDocument::Indented));
    } else {
        printTable(args.out(), results);
    }
    return ad::cli::Ok;
}

} // namespace

ABUSEDESK_CLI_COMMAND(evaluate, "evaluate",
                      "run the rules module; findings and recommended action per account", runEvaluate)
