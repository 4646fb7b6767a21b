// SPDX-License-Identifier: GPL-3.0-or-later
// Verification of the audit log: every entry's hash must match its content, every entry must carry the
// hash of the one before it, sequence numbers must run 1, 2, 3… without gap, and every decision in the
// decisions table must be backed by an audit entry with the same content (so that a decision edited or
// added behind the log's back, or a log cut short at its end, is found too).
#include "audit/chain.h"
#include "audit/decisionservice.h"
#include "store/casestore.h"
#include "util/timeutil.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace ad::audit {

namespace {

QString decisionKey(const QString& accountId, const QString& action, const QString& reviewer,
                    const QString& at, const QString& rationale, const QString& state)
{
    return QStringList{accountId, action, reviewer, at, rationale, state}.join(QChar(0x1f));
}

} // namespace

VerifyResult verify(const CaseStore& store)
{
    VerifyResult r;
    std::optional<AuditEntry> previous;
    QMultiHash<QString, qint64> backed; // decision key -> seq of the entry
    store.forEachAuditEntry([&](const AuditEntry& e) {
        ++r.entries;
        const qint64 expectedSeq = previous ? previous->seq + 1 : 1;
        auto fail = [&](const QString& why) {
            r.ok = false;
            r.firstBadSeq = e.seq;
            r.reason = QStringLiteral("entry %1: %2").arg(e.seq).arg(why);
            return false;
        };
        if (e.seq != expectedSeq)
            return fail(QStringLiteral(
                            "sequence number out of order (expected %1): an entry was deleted, inserted or "
                            "reordered")
                            .arg(expectedSeq));
        const QString expectedPrev = previous ? previous->hash : QString();
        if (e.prevHash != expectedPrev)
            return fail(QStringLiteral("previous-entry hash %1 does not match entry %2's hash %3")
                            .arg(e.prevHash.isEmpty() ? QStringLiteral("(none)") : e.prevHash)
                            .arg(expectedSeq - 1)
                            .arg(expectedPrev.isEmpty() ? QStringLiteral("(none)") : expectedPrev));
        if (entryHash(e) != e.hash)
            return fail(QStringLiteral("content does not match its hash (the entry was edited)"));
        if (e.kind == QLatin1String("decision") || e.kind == QLatin1String("approval") ||
            e.kind == QLatin1String("list_decision")) {
            const QJsonObject p = QJsonDocument::fromJson(e.payloadJson.toUtf8()).object();
            backed.insert(decisionKey(p.value(QStringLiteral("account_id")).toString(),
                                      p.value(QStringLiteral("action")).toString(),
                                      p.value(QStringLiteral("reviewer")).toString(),
                                      p.value(QStringLiteral("at")).toString(),
                                      p.value(QStringLiteral("rationale")).toString(),
                                      p.value(QStringLiteral("state")).toString()),
                          e.seq);
        }
        previous = e;
        return true;
    });
    if (!r.ok)
        return r;

    // Every decision must be backed by exactly one audit entry with its content.
    for (const Account& a : store.accounts()) {
        for (const Decision& d : store.decisions(a.id)) {
            const QString key = decisionKey(d.accountId, toString(d.action), d.reviewer, time::toIso(d.at),
                                            d.rationale, toString(d.state));
            auto it = backed.find(key);
            if (it == backed.end()) {
                r.ok = false;
                r.firstBadSeq = r.entries + 1;
                r.reason =
                    QStringLiteral("decision %1 (%2 on account %3 by %4) has no matching audit entry: the "
                                   "decision was edited, or the log was cut short after entry %5")
                        .arg(d.id)
                        .arg(toString(d.action), d.accountId, d.reviewer)
                        .arg(r.entries);
                return r;
            }
            backed.erase(it);
        }
    }
    // …and every decision entry of the log must still have its decision: a row deleted from the decisions
    // table (e.g. an approval, to undo a terminate) leaves its entry behind.
    if (!backed.isEmpty()) {
        qint64 first = -1;
        for (auto it = backed.cbegin(); it != backed.cend(); ++it)
            if (first < 0 || it.value() < first)
                first = it.value();
        r.ok = false;
        r.firstBadSeq = first;
        r.reason =
            QStringLiteral("entry %1: records a decision that is missing from the decisions table (the "
                           "decision was deleted or edited)")
                .arg(first);
    }
    return r;
}

} // namespace ad::audit
