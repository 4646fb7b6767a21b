// SPDX-License-Identifier: GPL-3.0-or-later
// consent-unprovable: evidence rows lacking consent_at or source. One finding with the count.
#include "rules/rule.h"
#include "rules/ruleutil.h"

#include <QJsonObject>
#include <algorithm>

namespace ad::rules {

namespace {

class ConsentUnprovable final : public Rule
{
public:
    QString id() const override { return QStringLiteral("consent-unprovable"); }
    QList<Finding> evaluate(const RuleContext& c) const override
    {
        QList<qint64> ids;
        qint64 noTime = 0, noSource = 0;
        for (const EvidenceRow& e : c.snapshot.evidence) {
            const bool t = !e.consentAt.isValid();
            const bool s = e.source.trimmed().isEmpty();
            noTime += t;
            noSource += s;
            if (t || s)
                ids << e.id;
        }
        if (ids.isEmpty())
            return {};
        std::sort(ids.begin(), ids.end());
        const qint64 total = c.snapshot.evidence.size();
        Finding f = c.finding();
        f.summary =
            QStringLiteral(
                "%1 of %2 evidence rows cannot prove permission (no consent_at: %3, no source: %4)")
                .arg(util::count(ids.size()), util::count(total), util::count(noTime), util::count(noSource));
        f.toClear = QStringLiteral(
            "every evidence row needs when (consent_at) and where (source) permission was given");
        QJsonObject ev;
        ev.insert(QStringLiteral("evidence_ids"), util::idArray(ids));
        ev.insert(QStringLiteral("value"), ids.size());
        ev.insert(QStringLiteral("threshold"), 0);
        ev.insert(QStringLiteral("total"), total);
        f.evidence = ev;
        return {f};
    }
};

} // namespace

std::unique_ptr<Rule> makeConsentUnprovable()
{
    return std::make_unique<ConsentUnprovable>();
}

} // namespace ad::rules
