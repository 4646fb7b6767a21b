// SPDX-License-Identifier: GPL-3.0-or-later
// list-source-unknown: a list whose source is unknown (params "sources", default ["unknown"]), or whose
// source needs evidence (params "evidence_sources", default ["import"]) while no evidence row names the
// list. One finding per list, by list id.
#include "rules/rule.h"
#include "rules/ruleutil.h"

#include <QHash>
#include <QJsonObject>
#include <algorithm>

namespace ad::rules {

namespace {

class ListSourceUnknown final : public Rule
{
public:
    QString id() const override { return QStringLiteral("list-source-unknown"); }
    QList<ParamSpec> params() const override
    {
        return {{QStringLiteral("sources"), ParamSpec::Type::Strings},
                {QStringLiteral("evidence_sources"), ParamSpec::Type::Strings}};
    }
    QList<Finding> evaluate(const RuleContext& c) const override
    {
        const QStringList unknown = c.strings(QStringLiteral("sources"), {QStringLiteral("unknown")});
        const QStringList needEvidence =
            c.strings(QStringLiteral("evidence_sources"), {QStringLiteral("import")});
        // Evidence rows per list; an account's rows mostly come list after list, so a run of the same
        // list is counted before it is added (one hash look-up per run, not per row).
        QHash<QString, qint64> withEvidence;
        const QString* runList = nullptr;
        qint64 run = 0;
        for (const EvidenceRow& e : c.snapshot.evidence) {
            if (runList && *runList == e.listId) {
                ++run;
                continue;
            }
            if (runList)
                withEvidence[*runList] += run;
            runList = &e.listId;
            run = 1;
        }
        if (runList)
            withEvidence[*runList] += run;
        QList<const MailingList*> lists;
        for (const MailingList& l : c.snapshot.lists) {
            if (unknown.contains(l.source) ||
                (needEvidence.contains(l.source) && !withEvidence.contains(l.listId)))
                lists << &l;
        }
        std::sort(lists.begin(), lists.end(), [](const MailingList* a, const MailingList* b) {
            return util::naturalLess(a->listId, b->listId);
        });
        QList<Finding> out;
        for (const MailingList* l : lists) {
            const bool isUnknown = unknown.contains(l->source);
            Finding f = c.finding();
            f.summary =
                isUnknown ? QStringLiteral("list %1%2: source unknown, permission cannot be shown")
                          : QStringLiteral("list %1%2: source \"%3\" and no permission evidence rows for it");
            f.summary = f.summary.arg(
                l->listId, l->name.isEmpty() ? QString() : QLatin1Char(' ') + util::quoted(l->name));
            if (!isUnknown)
                f.summary = f.summary.arg(l->source);
            f.toClear =
                QStringLiteral("the customer must show how the addresses of list %1 were collected, with "
                               "permission evidence")
                    .arg(l->listId);
            QJsonObject ev;
            ev.insert(QStringLiteral("list_id"), l->listId);
            ev.insert(QStringLiteral("value"), l->source);
            ev.insert(QStringLiteral("evidence_rows"), withEvidence.value(l->listId));
            f.evidence = ev;
            out << f;
        }
        return out;
    }
};

} // namespace

std::unique_ptr<Rule> makeListSourceUnknown()
{
    return std::make_unique<ListSourceUnknown>();
}

} // namespace ad::rules
