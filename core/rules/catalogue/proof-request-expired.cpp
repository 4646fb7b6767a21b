// SPDX-License-Identifier: GPL-3.0-or-later
// proof-request-expired: the account's latest proof request (history `proof_requested` or a
// request_proof decision of this tool, at or before the as-of time) is more than proof_deadline_days
// (default 14, counted in 24-hour days: strictly more than N × 86,400 s) before the as-of time, and no
// later history entry or decision exists for the account (up to the as-of time).
#include "rules/rule.h"
#include "rules/ruleutil.h"
#include "util/timeutil.h"

#include <QJsonObject>

namespace ad::rules {

namespace {

class ProofRequestExpired final : public Rule
{
public:
    QString id() const override { return QStringLiteral("proof-request-expired"); }
    QList<ParamSpec> params() const override
    {
        return {{QStringLiteral("proof_deadline_days"), ParamSpec::Type::Days}};
    }
    QList<Finding> evaluate(const RuleContext& c) const override
    {
        const auto& s = c.snapshot;
        QDateTime requested;
        QString where;
        qint64 sourceId = 0;
        auto upToAsOf = [&](const QDateTime& t) { return t.isValid() && (!c.asOf.isValid() || t <= c.asOf); };
        for (const HistoryEntry& h : s.history) {
            if (h.action == Action::RequestProof && upToAsOf(h.at) &&
                (!requested.isValid() || h.at >= requested)) {
                requested = h.at;
                where = QStringLiteral("history");
                sourceId = h.id;
            }
        }
        for (const Decision& d : s.decisions) {
            if (d.action == Action::RequestProof && d.state != Decision::State::Superseded &&
                upToAsOf(d.at) && (!requested.isValid() || d.at >= requested)) {
                requested = d.at;
                where = QStringLiteral("decision");
                sourceId = d.id;
            }
        }
        if (!requested.isValid())
            return {};
        for (const HistoryEntry& h : s.history) {
            if (upToAsOf(h.at) && h.at > requested)
                return {};
        }
        for (const Decision& d : s.decisions) {
            if (upToAsOf(d.at) && d.at > requested)
                return {};
        }
        const qint64 deadlineDays = qint64(c.number(QStringLiteral("proof_deadline_days"), 14));
        const qint64 secs = requested.secsTo(c.asOf);
        if (secs <= deadlineDays * 86400)
            return {};
        const QDateTime deadline = requested.addSecs(deadlineDays * 86400);
        Finding f = c.finding();
        f.summary =
            QStringLiteral("proof of permission requested on %1 (%2), %3 days before %4 > %5-day deadline, "
                           "nothing recorded since")
                .arg(util::date(requested), where)
                .arg(secs / 86400)
                .arg(util::date(c.asOf))
                .arg(deadlineDays);
        f.toClear = QStringLiteral(
                        "the customer's proof must be reviewed and recorded (a later decision), it was due "
                        "by %1")
                        .arg(time::toIso(deadline));
        QJsonObject ev;
        ev.insert(QStringLiteral("requested_at"), time::toIso(requested));
        ev.insert(QStringLiteral("requested_in"), where);
        ev.insert(where == u"history" ? QStringLiteral("history_id") : QStringLiteral("decision_id"),
                  sourceId);
        ev.insert(QStringLiteral("value"), double(secs) / 86400.0);
        ev.insert(QStringLiteral("threshold"), deadlineDays);
        f.evidence = ev;
        return {f};
    }
};

} // namespace

std::unique_ptr<Rule> makeProofRequestExpired()
{
    return std::make_unique<ProofRequestExpired>();
}

} // namespace ad::rules
