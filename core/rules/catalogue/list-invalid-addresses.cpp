// SPDX-License-Identifier: GPL-3.0-or-later
// list-invalid-addresses: an imported list file (lists/<account>/<list>.csv) where invalid rows / all rows of
// the file is more than invalid_share_max (default 0.01), from the list's screening summary. One finding per
// list, by list id.
#include "rules/rule.h"
#include "rules/ruleutil.h"

#include <QJsonObject>
#include <algorithm>

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
        const double max = c.number(QStringLiteral("invalid_share_max"), 0.01);
        const util::Compare cmp =
            util::compareFromString(c.text(QStringLiteral("compare"), QStringLiteral("gt")))
                .value_or(util::Compare::Gt);
        QList<const MailingList*> lists;
        for (const MailingList& l : c.snapshot.lists) {
            if (l.screening && l.screening->rows > 0 &&
                util::fires(double(l.screening->invalid) / double(l.screening->rows), cmp, max))
                lists << &l;
        }
        std::sort(lists.begin(), lists.end(), [](const MailingList* a, const MailingList* b) {
            return util::naturalLess(a->listId, b->listId);
        });
        QList<Finding> out;
        for (const MailingList* l : lists) {
            const auto& s = *l->screening;
            const double share = double(s.invalid) / double(s.rows);
            Finding f = c.finding();
            f.summary = QStringLiteral("list %1: %2 invalid addresses (%3 of %4 rows) %5 %6")
                            .arg(l->listId, util::percent(share), util::count(s.invalid), util::count(s.rows),
                                 util::symbol(cmp), util::percent(max));
            const util::Level level{f.severity, max, cmp};
            f.toClear = QStringLiteral("invalid addresses must be %1 %2 of %3 rows")
                            .arg(util::symbol(util::Compare::Le),
                                 util::count(util::clearingCount(s.rows, level)), util::count(s.rows));
            QJsonObject ev;
            ev.insert(QStringLiteral("list_id"), l->listId);
            ev.insert(QStringLiteral("value"), share);
            ev.insert(QStringLiteral("threshold"), max);
            ev.insert(QStringLiteral("count"), s.invalid);
            ev.insert(QStringLiteral("rows"), s.rows);
            f.evidence = ev;
            out << f;
        }
        return out;
    }
};

} // namespace

std::unique_ptr<Rule> makeListInvalidAddresses()
{
    return std::make_unique<ListInvalidAddresses>();
}

} // namespace ad::rules
