// SPDX-License-Identifier: GPL-3.0-or-later
// consent-invalid: evidence rows that are not valid permission — method `none`; `checkbox` with
// checkbox_default=checked; `offline_form` without email_contact_explained=true; `purchase` whose
// last_purchase_at is absent or more than purchase_max_age_years (default 2, calendar years) before the
// as-of time. One finding with the count and the share of all evidence rows; terminate (the rule's
// severity) when the share is ≥ consent_invalid_terminate_share (default 5 %), else lower_severity
// (default suspend).
#include "rules/rule.h"
#include "rules/ruleutil.h"
#include "util/timeutil.h"

#include <QJsonObject>
#include <algorithm>

namespace ad::rules {

namespace {

class ConsentInvalid final : public Rule
{
public:
    QString id() const override { return QStringLiteral("consent-invalid"); }
    QList<ParamSpec> params() const override
    {
        return {{QStringLiteral("consent_invalid_terminate_share"), ParamSpec::Type::Share},
                {QStringLiteral("lower_severity"), ParamSpec::Type::Severity},
                {QStringLiteral("purchase_max_age_years"), ParamSpec::Type::Count}};
    }
    QList<Finding> evaluate(const RuleContext& c) const override
    {
        const auto& rows = c.snapshot.evidence;
        if (rows.isEmpty())
            return {};
        const int years = int(c.number(QStringLiteral("purchase_max_age_years"), 2));
        const time::YearsBefore stale(c.asOf, years);
        qint64 none = 0, checked = 0, offline = 0, purchase = 0;
        QList<qint64> ids;
        for (const EvidenceRow& e : rows) {
            bool bad = false;
            if (e.method == u"none") {
                ++none;
                bad = true;
            } else if (e.method == u"checkbox" && e.checkboxDefault == u"checked") {
                ++checked;
                bad = true;
            } else if (e.method == u"offline_form" && e.emailContactExplained != true) {
                ++offline;
                bad = true;
            } else if (e.method == u"purchase" && (!e.lastPurchaseAt.isValid() || stale(e.lastPurchaseAt))) {
                ++purchase;
                bad = true;
            }
            if (bad)
                ids << e.id;
        }
        if (ids.isEmpty())
            return {};
        std::sort(ids.begin(), ids.end());
        const qint64 total = rows.size();
        const double share = double(ids.size()) / double(total);
        const double terminateShare = c.number(QStringLiteral("consent_invalid_terminate_share"), 0.05);
        const bool terminate = share >= terminateShare;
        Finding f = c.finding();
        if (!terminate)
            f.severity =
                severityFromString(c.text(QStringLiteral("lower_severity"), QStringLiteral("suspend")))
                    .value_or(Severity::Suspend);
        QStringList parts;
        if (none)
            parts << QStringLiteral("method none: %1").arg(util::count(none));
        if (checked)
            parts << QStringLiteral("pre-checked checkbox: %1").arg(util::count(checked));
        if (offline)
            parts << QStringLiteral("offline form without e-mail notice: %1").arg(util::count(offline));
        if (purchase)
            parts << QStringLiteral("purchase older than %1 years or undated: %2")
                         .arg(years)
                         .arg(util::count(purchase));
        f.summary = QStringLiteral("%1 of %2 evidence rows (%3) are not valid permission (%4); %5 %6")
                        .arg(util::count(ids.size()), util::count(total), util::percent(share),
                             parts.join(QStringLiteral(", ")),
                             terminate ? util::symbol(util::Compare::Ge) : QStringLiteral("<"),
                             util::percent(terminateShare));
        const util::Level lowest{Severity::Terminate, terminateShare, util::Compare::Ge};
        f.toClear = terminate
                        ? QStringLiteral(
                              "no evidence row may lack valid permission; fewer than %1 (at most %2 of %3) "
                              "would lower this to %4")
                              .arg(util::percent(terminateShare),
                                   util::count(util::clearingCount(total, lowest)), util::count(total),
                                   c.text(QStringLiteral("lower_severity"), QStringLiteral("suspend")))
                        : QStringLiteral("no evidence row may lack valid permission");
        QJsonObject ev;
        ev.insert(QStringLiteral("evidence_ids"), util::idArray(ids));
        ev.insert(QStringLiteral("count"), ids.size());
        ev.insert(QStringLiteral("total"), total);
        ev.insert(QStringLiteral("value"), share);
        ev.insert(QStringLiteral("threshold"), terminateShare);
        QJsonObject reasons;
        reasons.insert(QStringLiteral("method_none"), none);
        reasons.insert(QStringLiteral("checkbox_prechecked"), checked);
        reasons.insert(QStringLiteral("offline_form_unexplained"), offline);
        reasons.insert(QStringLiteral("purchase_stale_or_undated"), purchase);
        ev.insert(QStringLiteral("reasons"), reasons);
        f.evidence = ev;
        return {f};
    }
};

} // namespace

std::unique_ptr<Rule> makeConsentInvalid()
{
    return std::make_unique<ConsentInvalid>();
}

} // namespace ad::rules
