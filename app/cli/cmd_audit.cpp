// SPDX-License-Identifier: GPL-3.0-or-later
// abusedesk-cli audit verify   — check the hash chain (exit 1 naming the first bad entry; exit 2 when
//                               the --db file does not exist: no store is created)
// abusedesk-cli audit list     — print the log (JSON lines with --json)
#include "audit/decisionservice.h"
#include "command.h"
#include "store/casestore.h"
#include "util/error.h"
#include "util/timeutil.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {

int runAudit(ad::cli::Args& args)
{
    QCommandLineParser p;
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Machine-readable output."));
    p.addOption(json);
    p.addPositionalArgument(QStringLiteral("verb"),
                            QStringLiteral("verify: check the hash chain; list: print it."));
    if (!args.parse(p, QStringLiteral("The append-only, hash-chained audit log of imports and decisions.")))
        return ad::cli::Ok;
    const QStringList pos = p.positionalArguments();
    if (pos.size() != 1)
        throw ad::Error::input(QStringLiteral("expected one verb: verify or list"));
    args.existingStore(); // a missing --db file is bad input, never a new empty store
    ad::CaseStore& store = args.store();
    if (pos.constFirst() == QLatin1String("verify")) {
        const ad::audit::VerifyResult r = ad::audit::verify(store);
        if (p.isSet(json)) {
            QJsonObject o{{QStringLiteral("ok"), r.ok}, {QStringLiteral("entries"), r.entries}};
            if (!r.ok) {
                o.insert(QStringLiteral("first_bad_entry"), r.firstBadSeq);
                o.insert(QStringLiteral("reason"), r.reason);
            }
            args.out() << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
        }
        if (!r.ok) {
            args.err() << "audit log broken at " << r.reason << '\n';
            return ad::cli::Problem;
        }
        if (!p.isSet(json)) {
            const auto last = store.lastAuditEntry();
            args.out() << "audit log intact: " << r.entries << " entries"
                       << (last ? QStringLiteral(", head %1").arg(last->hash) : QString()) << '\n';
        }
        return ad::cli::Ok;
    }
    if (pos.constFirst() == QLatin1String("list")) {
        store.forEachAuditEntry([&](const ad::AuditEntry& e) {
            if (p.isSet(json)) {
                const QJsonObject o{
                    {QStringLiteral("seq"), e.seq},
                    {QStringLiteral("at"), ad::time::toIso(e.at)},
                    {QStringLiteral("actor"), e.actor},
                    {QStringLiteral("kind"), e.kind},
                    {QStringLiteral("account_id"), e.accountId},
                    {QStringLiteral("payload"), QJsonDocument::fromJson(e.payloadJson.toUtf8()).object()},
                    {QStringLiteral("prev_hash"), e.prevHash},
                    {QStringLiteral("hash"), e.hash}};
                args.out() << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
            } else {
                args.out() << e.seq << '\t' << ad::time::toIso(e.at) << '\t' << e.actor << '\t' << e.kind
                           << '\t' << (e.accountId.isEmpty() ? QStringLiteral("-") : e.accountId) << '\t'
                           << e.hash.left(16) << '\n';
            }
            return true;
        });
        return ad::cli::Ok;
    }
    throw ad::Error::input(
        QStringLiteral("unknown verb \"%1\" (expected verify or list)").arg(pos.constFirst()));
}

} // namespace

ABUSEDESK_CLI_COMMAND(audit, "audit", "verify or list the hash-chained audit log", runAudit)
