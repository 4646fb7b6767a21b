// SPDX-License-Identifier: GPL-3.0-or-later
// suspension-evasion: an overlap (as in multi-account-overlap) with an account whose current status is
// one of params "statuses" (default suspended, terminated). One finding listing those accounts.
#include "rules/overlap.h"
#include "rules/rule.h"
#include "rules/ruleutil.h"

namespace ad::rules {

namespace {

class SuspensionEvasion final : public Rule
{
public:
    QString id() const override { return QStringLiteral("suspension-evasion"); }
    QList<ParamSpec> params() const override
    {
        return {{QStringLiteral("statuses"), ParamSpec::Type::Strings}};
    }
    bool needsOverlap() const override { return true; }
    QList<Finding> evaluate(const RuleContext& c) const override
    {
        const QStringList statuses = c.strings(QStringLiteral("statuses"),
                                               {QStringLiteral("suspended"), QStringLiteral("terminated")});
        QList<OverlapIndex::Link> links;
        for (const auto& l : c.overlap->linksFor(c.snapshot.account.id)) {
            if (statuses.contains(ad::toString(l.status)))
                links << l;
        }
        if (links.isEmpty())
            return {};
        return {util::overlapFinding(
            c, links, QStringLiteral("linked to %1 suspended or terminated %2"),
            QStringLiteral("the account must be shown not to continue the sending of the "
                           "suspended or terminated accounts"))};
    }
};

} // namespace

std::unique_ptr<Rule> makeSuspensionEvasion()
{
    return std::make_unique<SuspensionEvasion>();
}

} // namespace ad::rules
