// SPDX-License-Identifier: GPL-3.0-or-later
// bounce-rate: a campaign with at least min_volume sent whose bounces share is more than the threshold
// (policy-rules.md; the comparison is policy data: params "compare" or a "levels" ladder).
#include "rules/rule.h"
#include "rules/ruleutil.h"

namespace ad::rules {

namespace {

class BounceRate final : public Rule
{
public:
    QString id() const override { return QStringLiteral("bounce-rate"); }
    QList<ParamSpec> params() const override
    {
        return {{QStringLiteral("threshold"), ParamSpec::Type::Share},
                {QStringLiteral("compare"), ParamSpec::Type::Compare},
                {QStringLiteral("levels"), ParamSpec::Type::Levels},
                {QStringLiteral("min_volume"), ParamSpec::Type::Count},
                {QStringLiteral("count"),
                 ParamSpec::Type::Choice,
                 {QStringLiteral("bounces"), QStringLiteral("hard_bounces")}}};
    }
    QList<Finding> evaluate(const RuleContext& c) const override
    {
        util::RateSpec spec;
        spec.countLabel = QStringLiteral("bounces");
        spec.countNoun = QStringLiteral("bounces");
        spec.countKey = QStringLiteral("bounces");
        spec.denomKey = QStringLiteral("sent");
        spec.defaultThreshold = 0.05;
        spec.defaultCompare = util::Compare::Gt;
        spec.numerator = [&c](const Campaign& cp, QString* label) {
            // params "count": "bounces" (default) or "hard_bounces"; a campaign without a hard_bounces
            // figure is measured on all its bounces, and the summary says so.
            if (c.text(QStringLiteral("count"), QStringLiteral("bounces")) == u"hard_bounces") {
                if (cp.hardBounces) {
                    *label = QStringLiteral("hard bounces");
                    return *cp.hardBounces;
                }
                *label = QStringLiteral("bounces (hard bounces not exported)");
            }
            return cp.bounces;
        };
        spec.denominator = [](const Campaign& cp) { return cp.sent; };
        return util::evaluateRate(c, spec);
    }
};

} // namespace

std::unique_ptr<Rule> makeBounceRate()
{
    return std::make_unique<BounceRate>();
}

} // namespace ad::rules
