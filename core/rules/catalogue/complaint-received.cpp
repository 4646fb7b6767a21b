// SPDX-License-Identifier: GPL-3.0-or-later
// complaint-received: complaint reports (complaints.csv rows and ARF reports, not the campaigns'
// aggregate counts) received in the review window before the as-of time, while the account has no
// warning on record (platform history `warn` or a warn decision of this tool, at or before as-of).
// Window: as-of − review_window_days ≤ received_at ≤ as-of (both edges included). Reports whose
// feedback type is in excluded_feedback_types (default: not-spam) are not complaints.
#include "rules/rule.h"
#include "rules/ruleutil.h"
#include "util/timeutil.h"

#include <QJsonObject>

namespace ad::rules {

namespace {

class ComplaintReceived final : public Rule
{
public:
    QString id() const override { return QStringLiteral("complaint-received"); }
    QList<ParamSpec> params() const override
    {
        return {{QStringLiteral("review_window_days"), ParamSpec::Type::Days},
                {QStringLiteral("excluded_feedback_types"), ParamSpec::Type::Strings}};
    }
    QList<Finding> evaluate(const RuleContext& c) const override
    {
        if (util::warned(c.snapshot, c.asOf, nullptr))
            return {}; // the warning step was taken; complaint-after-warning covers what follows
        const qint64 days = qint64(c.number(QStringLiteral("review_window_days"), 90));
        const QDateTime from = c.asOf.addDays(-days);
        QList<qint64> ids;
        QDateTime latest;
        for (const Complaint* cp : util::countedComplaints(c)) {
            if (!cp->receivedAt.isValid() || cp->receivedAt < from)
                continue;
            ids << cp->id;
            if (!latest.isValid() || cp->receivedAt > latest)
                latest = cp->receivedAt;
        }
        if (ids.isEmpty())
            return {};
        Finding f = c.finding();
        f.summary =
            QStringLiteral("%1 complaint report%2 received in the %3 days before %4 (latest %5) and no "
                           "warning on record")
                .arg(util::count(ids.size()), ids.size() == 1 ? QString() : QStringLiteral("s"))
                .arg(days)
                .arg(util::date(c.asOf), util::date(latest));
        f.toClear =
            QStringLiteral("no complaint report received after %1 (a warning is the policy's first step)")
                .arg(util::date(from));
        QJsonObject ev;
        ev.insert(QStringLiteral("complaint_ids"), util::idArray(ids));
        ev.insert(QStringLiteral("value"), ids.size());
        ev.insert(QStringLiteral("threshold"), 0);
        ev.insert(QStringLiteral("window_days"), days);
        ev.insert(QStringLiteral("window_start"), time::toIso(from));
        f.evidence = ev;
        return {f};
    }
};

} // namespace

std::unique_ptr<Rule> makeComplaintReceived()
{
    return std::make_unique<ComplaintReceived>();
}

} // namespace ad::rules
