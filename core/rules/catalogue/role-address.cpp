// SPDX-License-Identifier: GPL-3.0-or-later
// role-address: evidence subscribers whose local part (lower-case, "+tag" dropped) is on the policy's
// role_local_parts list, and imported list files with role addresses (the screening summary's `role`
// count). One finding for the evidence rows, then one per list file, by list id.
#include "rules/rule.h"
#include "rules/ruleutil.h"

#include <QJsonObject>
#include <algorithm>

namespace ad::rules {

namespace {

class RoleAddress final : public Rule
{
public:
    QString id() const override { return QStringLiteral("role-address"); }
    QStringList requiredLists() const override { return {QStringLiteral("role_local_parts")}; }
    QList<Finding> evaluate(const RuleContext& c) const override
    {
        QList<Finding> out;
        QList<qint64> ids;
        QStringList examples;
        for (const EvidenceRow& e : c.snapshot.evidence) {
            if (util::isRoleAddress(c.prepared, e.subscriber)) {
                ids << e.id;
                if (examples.size() < 3)
                    examples << e.subscriber;
            }
        }
        if (!ids.isEmpty()) {
            std::sort(ids.begin(), ids.end());
            Finding f = c.finding();
            f.summary = QStringLiteral("%1 of %2 evidence subscribers are role addresses (%3%4)")
                            .arg(util::count(ids.size()), util::count(c.snapshot.evidence.size()),
                                 examples.join(QStringLiteral(", ")),
                                 ids.size() > examples.size() ? QStringLiteral(", …") : QString());
            f.toClear =
                QStringLiteral("role addresses (info@, sales@, …) must be removed: they are not a person "
                               "who gave permission");
            QJsonObject ev;
            ev.insert(QStringLiteral("evidence_ids"), util::idArray(ids));
            ev.insert(QStringLiteral("value"), ids.size());
            ev.insert(QStringLiteral("threshold"), 0);
            f.evidence = ev;
            out << f;
        }
        QList<const MailingList*> lists;
        for (const MailingList& l : c.snapshot.lists) {
            if (l.screening && l.screening->role > 0)
                lists << &l;
        }
        std::sort(lists.begin(), lists.end(), [](const MailingList* a, const MailingList* b) {
            return util::naturalLess(a->listId, b->listId);
        });
        for (const MailingList* l : lists) {
            const auto& s = *l->screening;
            Finding f = c.finding();
            f.summary = QStringLiteral("list %1: %2 of %3 rows of the imported file are role addresses")
                            .arg(l->listId, util::count(s.role), util::count(s.rows));
            f.toClear = QStringLiteral("the %1 role addresses must be removed from list %2")
                            .arg(util::count(s.role), l->listId);
            QJsonObject ev;
            ev.insert(QStringLiteral("list_id"), l->listId);
            ev.insert(QStringLiteral("value"), s.role);
            ev.insert(QStringLiteral("threshold"), 0);
            ev.insert(QStringLiteral("rows"), s.rows);
            f.evidence = ev;
            out << f;
        }
        return out;
    }
};

} // namespace

std::unique_ptr<Rule> makeRoleAddress()
{
    return std::make_unique<RoleAddress>();
}

} // namespace ad::rules
