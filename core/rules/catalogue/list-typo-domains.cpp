// SPDX-License-Identifier: GPL-3.0-or-later
// list-typo-domains: an imported list file with addresses at likely misspellings of large mailbox
// domains (the screening summary's `typo` count; the screener compares with the policy's
// mailbox_domains at edit distance 1–2 and never flags real_provider_domains). One finding per list.
#include "rules/rule.h"
#include "rules/ruleutil.h"

#include <QJsonObject>
#include <algorithm>

namespace ad::rules {

namespace {

class ListTypoDomains final : public Rule
{
public:
    QString id() const override { return QStringLiteral("list-typo-domains"); }
    QList<Finding> evaluate(const RuleContext& c) const override
    {
        QList<const MailingList*> lists;
        for (const MailingList& l : c.snapshot.lists) {
            if (l.screening && l.screening->typo > 0)
                lists << &l;
        }
        std::sort(lists.begin(), lists.end(), [](const MailingList* a, const MailingList* b) {
            return util::naturalLess(a->listId, b->listId);
        });
        QList<Finding> out;
        for (const MailingList* l : lists) {
            const auto& s = *l->screening;
            Finding f = c.finding();
            f.summary =
                QStringLiteral(
                    "list %1: %2 of %3 rows are at likely misspelled mailbox domains (e.g. gmial.com)")
                    .arg(l->listId, util::count(s.typo), util::count(s.rows));
            f.toClear =
                QStringLiteral("correct or remove the %1 misspelled address%2 of list %3")
                    .arg(util::count(s.typo), s.typo == 1 ? QString() : QStringLiteral("es"), l->listId);
            QJsonObject ev;
            ev.insert(QStringLiteral("list_id"), l->listId);
            ev.insert(QStringLiteral("value"), s.typo);
            ev.insert(QStringLiteral("threshold"), 0);
            ev.insert(QStringLiteral("rows"), s.rows);
            f.evidence = ev;
            out << f;
        }
        return out;
    }
};

} // namespace

std::unique_ptr<Rule> makeListTypoDomains()
{
    return std::make_unique<ListTypoDomains>();
}

} // namespace ad::rules
