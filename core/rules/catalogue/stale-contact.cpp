// SPDX-License-Identifier: GPL-3.0-or-later
// stale-contact: evidence rows whose last_contacted_at is more than max_age_years (default 2, calendar
// years counted back from the as-of time) before the as-of time, or, when last_contacted_at is absent,
// whose consent_at is. Rows with neither date are not judged here (consent-unprovable covers them).
#include "rules/rule.h"
#include "rules/ruleutil.h"
#include "util/timeutil.h"

#include <QJsonObject>
#include <algorithm>

namespace ad::rules {

namespace {

class StaleContact final : public Rule
{
public:
    QString id() const override { return QStringLiteral("stale-contact"); }
    QList<ParamSpec> params() const override
    {
        return {{QStringLiteral("max_age_years"), ParamSpec::Type::Count}};
    }
    QList<Finding> evaluate(const RuleContext& c) const override
    {
        const int years = int(c.number(QStringLiteral("max_age_years"), 2));
        const time::YearsBefore stale(c.asOf, years);
        QList<qint64> ids;
        for (const EvidenceRow& e : c.snapshot.evidence) {
            const QDateTime& last = e.lastContactedAt.isValid() ? e.lastContactedAt : e.consentAt;
            if (last.isValid() && stale(last))
                ids << e.id;
        }
        if (ids.isEmpty())
            return {};
        std::sort(ids.begin(), ids.end());
        const QDateTime& cutoff = stale.cutoff();
        Finding f = c.finding();
        f.summary =
            QStringLiteral("%1 of %2 evidence subscribers were last contacted (or consented) more than %3 "
                           "years ago, before %4")
                .arg(util::count(ids.size()), util::count(c.snapshot.evidence.size()))
                .arg(years)
                .arg(util::date(cutoff));
        f.toClear =
            QStringLiteral("subscribers not contacted since %1 must be removed or asked to confirm again")
                .arg(util::date(cutoff));
        QJsonObject ev;
        ev.insert(QStringLiteral("evidence_ids"), util::idArray(ids));
        ev.insert(QStringLiteral("value"), ids.size());
        ev.insert(QStringLiteral("threshold"), years);
        ev.insert(QStringLiteral("cutoff"), time::toIso(cutoff));
        f.evidence = ev;
        return {f};
    }
};

} // namespace

std::unique_ptr<Rule> makeStaleContact()
{
    return std::make_unique<StaleContact>();
}

} // namespace ad::rules
