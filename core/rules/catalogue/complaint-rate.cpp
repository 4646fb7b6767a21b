// SPDX-License-Identifier: GPL-3.0-or-later
// complaint-rate: a campaign with at least min_volume delivered whose complaints share is more than the
// threshold (policy-rules.md; the comparison is policy data: params "compare" or a "levels" ladder).
#include "rules/rule.h"
#include "rules/ruleutil.h"

namespace ad::rules {

namespace {

class ComplaintRate final : public Rule
{
public:
    QString id() const override { return QStringLiteral("complaint-rate"); }
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
        spec.countLabel = QStringLiteral("spam complaints");
        spec.countNoun = QStringLiteral("complaints");
        spec.countKey = QStringLiteral("complaints");
        spec.denomKey = QStringLiteral("delivered");
        spec.defaultThreshold = 0.002;
        spec.defaultCompare = util::Compare::Gt;
        spec.numerator = [](const Campaign& cp, QString*) { return cp.complaints; };
        spec.denominator = [](const Campaign& cp) { return cp.delivered; };
        return util::evaluateRate(c, spec);
    }
};

} // namespace

std::unique_ptr<Rule> makeComplaintRate()
{
    return std::make_unique<ComplaintRate>();
}

} // namespace ad::rules
