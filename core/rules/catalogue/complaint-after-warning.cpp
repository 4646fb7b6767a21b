// SPDX-License-Identifier: GPL-3.0-or-later
// complaint-after-warning: a complaint report received strictly after the account's first warning
// (platform history `warn` or a warn decision of this tool), both at or before the as-of time. Reports
// whose feedback type is in excluded_feedback_types (default: not-spam) are not complaints.
#include "rules/rule.h"
#include "rules/ruleutil.h"
#include "util/timeutil.h"

#include <QJsonObject>

namespace ad::rules {

namespace {

class ComplaintAfterWarning final : public Rule
{
public:
    QString id() const override { return QStringLiteral("complaint-after-warning"); }
    QList<ParamSpec> params() const override
    {
        return {{QStringLiteral("excluded_feedback_types"), ParamSpec::Type::Strings}};
    }
    QList<Finding> evaluate(const RuleContext& c) const override
    {
        QDateTime warnedAt;
        if (!util::warned(c.snapshot, c.asOf, &warnedAt) || !warnedAt.isValid())
            return {};
        QList<qint64> ids;
        for (const Complaint* cp : util::countedComplaints(c)) {
            if (cp->receivedAt.isValid() && cp->receivedAt > warnedAt)
                ids << cp->id;
        }
        if (ids.isEmpty())
            return {};
        Finding f = c.finding();
        f.summary = QStringLiteral("%1 complaint report%2 received after the warning of %3")
                        .arg(util::count(ids.size()), ids.size() == 1 ? QString() : QStringLiteral("s"),
                             util::date(warnedAt));
        f.toClear =
            QStringLiteral("no complaint report may follow the warning of %1").arg(util::date(warnedAt));
        QJsonObject ev;
        ev.insert(QStringLiteral("complaint_ids"), util::idArray(ids));
        ev.insert(QStringLiteral("warned_at"), time::toIso(warnedAt));
        ev.insert(QStringLiteral("value"), ids.size());
        ev.insert(QStringLiteral("threshold"), 0);
        f.evidence = ev;
        return {f};
    }
};

} // namespace

std::unique_ptr<Rule> makeComplaintAfterWarning()
{
    return std::make_unique<ComplaintAfterWarning>();
}

} // namespace ad::rules
