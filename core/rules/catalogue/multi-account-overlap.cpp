// SPDX-License-Identifier: GPL-3.0-or-later
// multi-account-overlap: the account shares a From address, a link domain (not on platform_domains or
// link_host_allowlist) or near-duplicate message content (estimated Jaccard ≥ jaccard_threshold) with
// another account, through the OverlapIndex (core/rules/overlap.h). One finding listing the linked
// accounts (the first 50 in evidence.accounts; evidence.accounts_total has the count).
#include "rules/overlap.h"
#include "rules/rule.h"
#include "rules/ruleutil.h"

namespace ad::rules {

namespace {

class MultiAccountOverlap final : public Rule
{
public:
    QString id() const override { return QStringLiteral("multi-account-overlap"); }
    QList<ParamSpec> params() const override
    {
        return {{QStringLiteral("jaccard_threshold"), ParamSpec::Type::Share},
                {QStringLiteral("shingle_words"), ParamSpec::Type::Count},
                {QStringLiteral("min_shingles"), ParamSpec::Type::Count},
                {QStringLiteral("max_accounts_per_key"), ParamSpec::Type::Count}};
    }
    QStringList requiredLists() const override
    {
        return {QStringLiteral("platform_domains"), QStringLiteral("link_host_allowlist")};
    }
    bool needsOverlap() const override { return true; }
    QList<Finding> evaluate(const RuleContext& c) const override
    {
        const QList<OverlapIndex::Link> links = c.overlap->linksFor(c.snapshot.account.id);
        if (links.isEmpty())
            return {};
        return {util::overlapFinding(
            c, links, QStringLiteral("shares senders, link domains or content with %1 other %2"),
            QStringLiteral("the linked accounts must be shown to belong to unrelated "
                           "customers, or be merged into one account"))};
    }
};

} // namespace

std::unique_ptr<Rule> makeMultiAccountOverlap()
{
    return std::make_unique<MultiAccountOverlap>();
}

} // namespace ad::rules
