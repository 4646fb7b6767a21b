// SPDX-License-Identifier: GPL-3.0-or-later
// list-disposable-domains: an imported list file (lists/<account>/<list>.csv) where disposable rows / all
// rows of the file is more than disposable_share_max (default 0.01), from the list's screening summary. One
// finding per list, by list id.
#include "rules/rule.h"
#include "rules/ruleutil.h"

namespace ad::rules {

namespace {

class ListDisposableDomains final : public Rule
{
public:
    QString id() const override { return QStringLiteral("list-disposable-domains"); }
    QList<ParamSpec> params() const override
    {
        return {{QStringLiteral("disposable_share_max"), ParamSpec::Type::Share},
                {QStringLiteral("compare"), ParamSpec::Type::Compare}};
    }
    QList<Finding> evaluate(const RuleContext& c) const override
    {
        return util::evaluateListShare(c, {QStringLiteral("disposable_share_max"),
                                           QStringLiteral("addresses at disposable-mail domains"),
                                           &ListScreeningSummary::disposable});
    }
};

} // namespace

std::unique_ptr<Rule> makeListDisposableDomains()
{
    return std::make_unique<ListDisposableDomains>();
}

} // namespace ad::rules
