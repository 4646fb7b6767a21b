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

#include <QIODevice>

namespace {

// Writes the evaluations as they come, in the output format of the whole list (cli.md): a table, or
// exactly what QJsonDocument(array of every evaluation).toJson(Indented) gives, one element at a time.
class Printer
{
public:
    Printer(QTextStream& out, bool json) : m_out(out), m_json(json) {}

    void add(const ad::rules::Evaluation& e)
    {
        if (m_json) {
            // An element of an indented array: what QJsonDocument(array).toJson(Indented) writes for it
            // (rules::appendIndentedJson writes exactly that, see finding.h).
            QByteArray element;
            element.reserve(2048);
            element += m_count == 0 ? "[\n    " : ",\n    ";
            ad::rules::appendIndentedJson(element, e, 1);
            write(element);
        } else {
            if (m_count == 0)
                header();
            m_out << QStringLiteral("%1 %2 %3 %4\n")
                         .arg(e.accountId.leftJustified(16), ad::toString(e.status).leftJustified(11),
                              ad::toString(e.recommended).leftJustified(12))
                         .arg(e.findings.size());
            // Summaries quote bundle text (list names, addresses, subjects): no control characters reach
            // the terminal.
            for (const auto& f : e.findings)
                m_out << "    " << ad::toString(f.severity).leftJustified(10) << f.rule << ": "
                      << ad::cli::terminalSafe(f.summary) << '\n';
            if (m_count == 0) {
                m_asOf = e.asOf;
                m_policyId = e.policyId;
                m_policyVersion = e.policyVersion;
            }
        }
        ++m_count;
    }

    // An evaluation as element(e) encoded it (on an evaluation worker thread).
    void addEncoded(const ad::rules::Evaluation& e, QByteArray&& element)
    {
        if (!m_json) {
            add(e);
            return;
        }
        if (m_count == 0)
            element[0] = '['; // "[\n    " instead of ",\n    ", same length
        write(element);
        ++m_count;
    }

    // The JSON element of `e` with the separator before it (",\n    "): the bytes add() writes for any
    // element but the first. Pure, for EvaluationService's encoder.
    static QByteArray element(const ad::rules::Evaluation& e)
    {
        QByteArray element;
        element.reserve(2048);
        element += ",\n    ";
        ad::rules::appendIndentedJson(element, e, 1);
        return element;
    }

    void finish()
    {
        if (m_json) {
            write(m_count == 0 ? QByteArrayLiteral("[\n]\n") : QByteArrayLiteral("\n]\n"));
            return;
        }
        if (m_count == 0) {
            header();
            return;
        }
        m_out << QStringLiteral("\n%1 account(s) evaluated as of %2 with policy %3 %4\n")
                     .arg(m_count)
                     .arg(ad::time::toIso(m_asOf), m_policyId, m_policyVersion);
    }

private:
    // UTF-8 straight to the stream's device (stdout) when it has one, after what the stream holds.
    void write(const QByteArray& utf8)
    {
        if (QIODevice* device = m_out.device()) {
            m_out.flush();
            device->write(utf8);
        } else {
            m_out << QString::fromUtf8(utf8);
        }
    }

    void header()
    {
        m_out << QStringLiteral("%1 %2 %3 %4\n")
                     .arg(QStringLiteral("ACCOUNT").leftJustified(16),
                          QStringLiteral("STATUS").leftJustified(11),
                          QStringLiteral("RECOMMENDED").leftJustified(12), QStringLiteral("FINDINGS"));
    }

    QTextStream& m_out;
    bool m_json;
    qint64 m_count = 0;
    QDateTime m_asOf;
    QString m_policyId, m_policyVersion;
};

// evaluateEach hands the accounts over in the store's (UTF-8 byte) order; the output is sorted by
// QString (UTF-16) order. The two differ only between characters at or above U+E000 and those outside
// the BMP, so only a store with such an account id needs the evaluations kept and sorted
// (CaseStore::accountIdOrderIsUtf16Order).

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
    ad::CaseStore& store = args.existingStore();
    ad::rules::EvaluationService service(store, pol);
    if (!when.isValid())
        when = service.defaultAsOf();

    Printer printer(args.out(), p.isSet(json));
    if (p.isSet(account)) {
        if (!store.account(p.value(account)))
            throw ad::Error::input(
                QStringLiteral("unknown account \"%1\" in %2").arg(p.value(account), store.path()));
        if (!when.isValid())
            throw ad::Error::input(
                QStringLiteral("the store has no import to take the evaluation time from; give "
                               "--as-of"));
        printer.add(service.evaluateAccount(p.value(account), when));
    } else if (store.accountCount() > 0) {
        if (!when.isValid())
            throw ad::Error::input(
                QStringLiteral("the store has no import to take the evaluation time from; give "
                               "--as-of"));
        if (store.accountIdOrderIsUtf16Order()) {
            // Streamed: nothing but the current evaluation is held.
            if (p.isSet(json)) {
                // Serialised on the evaluation's worker thread (EvaluationService::setThreadCount).
                service.evaluateEach(when, &Printer::element,
                                     [&](ad::rules::Evaluation&& e, QByteArray&& bytes) {
                                         printer.addEncoded(e, std::move(bytes));
                                     });
            } else {
                service.evaluateEach(when, [&](ad::rules::Evaluation&& e) { printer.add(e); });
            }
        } else {
            for (const auto& e : service.evaluateAll(when))
                printer.add(e);
        }
    }
    printer.finish();
    return ad::cli::Ok;
}

} // namespace

ABUSEDESK_CLI_COMMAND(evaluate, "evaluate",
                      "run the rules module; findings and recommended action per account", runEvaluate)
