// SPDX-License-Identifier: GPL-3.0-or-later
// list-source-forbidden: a list whose source is one the policy forbids (default purchased, rented,
// third_party, public_web). One finding per list, by list id.
#include "rules/rule.h"
#include "rules/ruleutil.h"

#include <QJsonObject>
#include <algorithm>

namespace ad::rules {

namespace {

class ListSourceForbidden final : public Rule
{
public:
    QString id() const override { return QStringLiteral("list-source-forbidden"); }
    QList<ParamSpec> params() const override
    {
        return {{QStringLiteral("sources"), ParamSpec::Type::Strings}};
    }
    QList<Finding> evaluate(const RuleContext& c) const override
    {
        const QStringList forbidden = c.strings(
            QStringLiteral("sources"), {QStringLiteral("purchased"), QStringLiteral("rented"),
                                        QStringLiteral("third_party"), QStringLiteral("public_web")});
        QList<const MailingList*> lists;
        for (const MailingList& l : c.snapshot.lists) {
            if (forbidden.contains(l.source))
                lists << &l;
        }
        std::sort(lists.begin(), lists.end(), [](const MailingList* a, const MailingList* b) {
            return util::naturalLess(a->listId, b->listId);
        });
        QList<Finding> out;
        for (const MailingList* l : lists) {
            Finding f = c.finding();
            f.summary =
                QStringLiteral("list %1%2: source \"%3\" is not an allowed way to obtain addresses%4")
                    .arg(l->listId, l->name.isEmpty() ? QString() : QLatin1Char(' ') + util::quoted(l->name),
                         l->source,
                         l->size ? QStringLiteral(" (%1 addresses)").arg(util::count(*l->size)) : QString());
            f.toClear =
                QStringLiteral("list %1 must not be used: only addresses collected with the subscriber's own "
                               "permission are allowed (not bought, rented, third-party or scraped)")
                    .arg(l->listId);
            QJsonObject ev;
            ev.insert(QStringLiteral("list_id"), l->listId);
            ev.insert(QStringLiteral("value"), l->source);
            ev.insert(QStringLiteral("threshold"), util::stringArray(forbidden));
            f.evidence = ev;
            out << f;
        }
        return out;
    }
};

} // namespace

std::unique_ptr<Rule> makeListSourceForbidden()
{
    return std::make_unique<ListSourceForbidden>();
}

} // namespace ad::rules
