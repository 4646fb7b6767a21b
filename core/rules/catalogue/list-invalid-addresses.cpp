// SPDX-License-Identifier: GPL-3.0-or-later
// list-invalid-addresses: an imported list file (lists/<account>/<list>.csv) where invalid rows / all rows of
// the file is more than invalid_share_max (default 0.01), from the list's screening summary. One finding per
// list, by list id.
#include "rules/rule.h"
#include "rules/ruleutil.h"

namespace ad::rules {

namespace {

class ListInvalidAddresses final : public Rule
{
public:
    QString id() const override { return QStringLiteral("list-invalid-addresses"); }
    QList<ParamSpec> params() const override
    {
        return {{QStringLiteral("invalid_share_max"), ParamSpec::Type::Share},
                {QStringLiteral("compare"), ParamSpec::Type::Compare}};
    }
    QList<Finding> evaluate(const RuleContext& c) const override
    {
        return util::evaluateListShare(c,
                                       {QStringLiteral("invalid_share_max"),
                                        QStringLiteral("invalid addresses"), &ListScreeningSummary::invalid});
    }
};

} // namespace

std::unique_ptr<Rule> makeListInvalidAddresses()
{
    return std::make_unique<ListInvalidAddresses>();
}

} // namespace ad::rules
