// SPDX-License-Identifier: GPL-3.0-or-later
// open-rate: a campaign with at least min_volume delivered whose unique opens share is less than the
// threshold (policy-rules.md; the comparison is policy data: params "compare" or a "levels" ladder).
#include "rules/rule.h"
#include "rules/ruleutil.h"

namespace ad::rules {

namespace {

class OpenRate final : public Rule
{
public:
    QString id() const override { return QStringLiteral("open-rate"); }
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
        spec.countLabel = QStringLiteral("unique opens");
        spec.countNoun = QStringLiteral("unique opens");
        spec.countKey = QStringLiteral("unique_opens");
        spec.denomKey = QStringLiteral("delivered");
        spec.defaultThreshold = 0.03;
        spec.defaultCompare = util::Compare::Lt;
        spec.numerator = [](const Campaign& cp, QString*) { return cp.uniqueOpens; };
        spec.denominator = [](const Campaign& cp) { return cp.delivered; };
        return util::evaluateRate(c, spec);
    }
};

} // namespace

std::unique_ptr<Rule> makeOpenRate()
{
    return std::make_unique<OpenRate>();
}

} // namespace ad::rules
