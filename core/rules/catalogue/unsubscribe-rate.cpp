// SPDX-License-Identifier: GPL-3.0-or-later
// unsubscribe-rate: a campaign with at least min_volume delivered whose unsubscribes share is more than the
// threshold (policy-rules.md; the comparison is policy data: params "compare" or a "levels" ladder).
#include "rules/rule.h"
#include "rules/ruleutil.h"

namespace ad::rules {

namespace {

class UnsubscribeRate final : public Rule
{
public:
    QString id() const override { return QStringLiteral("unsubscribe-rate"); }
    QList<ParamSpec> params() const override
    {
        return {{QStringLiteral("threshold"), ParamSpec::Type::Share},
                {QStringLiteral("compare"), ParamSpec::Type::Compare},
                {QStringLiteral("levels"), ParamSpec::Type::Levels},
                {QStringLiteral("min_volume"), ParamSpec::Type::Count}};
    }
    QList<Finding> evaluate(const RuleContext& c) const override
    {
        util::RateSpec spec;
        spec.countLabel = QStringLiteral("unsubscribes");
        spec.countNoun = QStringLiteral("unsubscribes");
        spec.countKey = QStringLiteral("unsubscribes");
        spec.denomKey = QStringLiteral("delivered");
        spec.defaultThreshold = 0.01;
        spec.defaultCompare = util::Compare::Gt;
        spec.numerator = [](const Campaign& cp, QString*) { return cp.unsubscribes; };
        spec.denominator = [](const Campaign& cp) { return cp.delivered; };
        return util::evaluateRate(c, spec);
    }
};

} // namespace

std::unique_ptr<Rule> makeUnsubscribeRate()
{
    return std::make_unique<UnsubscribeRate>();
}

} // namespace ad::rules
