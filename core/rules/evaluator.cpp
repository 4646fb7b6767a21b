// SPDX-License-Identifier: GPL-3.0-or-later
#include "rules/evaluator.h"

#include "rules/overlap.h"
#include "rules/registry.h"
#include "rules/rule.h"

#include <algorithm>

namespace ad::rules {

Evaluator::Evaluator(const Policy& policy)
    : m_policy(policy), m_prepared(std::make_shared<PreparedPolicy>(policy))
{
    // The enabled rules and their settings, looked up once instead of per account.
    for (const auto& rule : catalogue()) {
        const QString id = rule->id();
        const Policy::RuleSettings* settings = m_policy.rule(id);
        if (settings && settings->enabled)
            m_enabled.push_back(
                {rule.get(), id, settings, std::make_shared<ResolvedParams>(m_policy, *settings)});
    }
    minVolumes(m_policy, m_minVolume);
}

Evaluator::~Evaluator() = default;

Evaluation Evaluator::evaluate(const AccountSnapshot& snapshot, const QDateTime& asOf,
                               const OverlapIndex* overlap) const
{
    Evaluation e;
    e.accountId = snapshot.account.id;
    e.status = snapshot.currentStatus;
    e.asOf = asOf;
    e.policyId = m_policy.id();
    e.policyVersion = m_policy.version();
    for (const EnabledRule& r : m_enabled) {
        if (r.rule->needsOverlap() && !overlap)
            continue;
        const RuleContext ctx{snapshot, asOf,        m_policy, *r.settings,
                              r.id,     *m_prepared, overlap,  r.params.get()};
        e.findings += r.rule->evaluate(ctx);
    }
    Severity worst = Severity::Info;
    for (const Finding& f : e.findings) {
        if (int(f.severity) > int(worst))
            worst = f.severity;
    }
    e.recommended = recommendedActionFor(worst);
    computeRates(m_minVolume, snapshot, asOf, e);
    return e;
}

snapshot::Parts Evaluator::neededParts() const
{
    snapshot::Parts parts = snapshot::Campaigns; // computeRates
    for (const auto& rule : catalogue()) {
        const QString id = rule->id();
        const Policy::RuleSettings* settings = m_policy.rule(id);
        if (settings && settings->enabled)
            parts |= ruleParts(id);
    }
    return parts;
}

void Evaluator::minVolumes(const Policy& policy, double (&into)[4])
{
    auto minVol = [&](const char* rule) {
        return policy.number(QString::fromLatin1(rule), QStringLiteral("min_volume"), 500);
    };
    into[0] = minVol("complaint-rate");
    into[1] = minVol("bounce-rate");
    into[2] = minVol("unsubscribe-rate");
    into[3] = minVol("open-rate");
}

void Evaluator::computeRates(const Policy& policy, const AccountSnapshot& snapshot, const QDateTime& asOf,
                             Evaluation& into)
{
    double minVolume[4];
    minVolumes(policy, minVolume);
    computeRates(minVolume, snapshot, asOf, into);
}

void Evaluator::computeRates(const double (&minVolume)[4], const AccountSnapshot& snapshot,
                             const QDateTime& asOf, Evaluation& into)
{
    const double cMin = minVolume[0], bMin = minVolume[1], uMin = minVolume[2], oMin = minVolume[3];
    qint64 cNum = 0, cDen = 0, bNum = 0, bDen = 0, uNum = 0, uDen = 0, oNum = 0, oDen = 0;
    for (const Campaign& c : snapshot.campaigns) {
        if (asOf.isValid() && c.sentAt.isValid() && c.sentAt > asOf)
            continue;
        if (c.delivered > 0 && double(c.delivered) >= cMin) {
            cNum += c.complaints;
            cDen += c.delivered;
        }
        if (c.sent > 0 && double(c.sent) >= bMin) {
            bNum += c.bounces;
            bDen += c.sent;
        }
        if (c.delivered > 0 && double(c.delivered) >= uMin) {
            uNum += c.unsubscribes;
            uDen += c.delivered;
        }
        if (c.delivered > 0 && double(c.delivered) >= oMin) {
            oNum += c.uniqueOpens;
            oDen += c.delivered;
        }
    }
    auto rate = [](qint64 n, qint64 d) -> std::optional<double> {
        if (d <= 0)
            return std::nullopt;
        return double(n) / double(d);
    };
    into.complaintRate = rate(cNum, cDen);
    into.bounceRate = rate(bNum, bDen);
    into.unsubscribeRate = rate(uNum, uDen);
    into.openRate = rate(oNum, oDen);
}

} // namespace ad::rules
