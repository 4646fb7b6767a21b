// SPDX-License-Identifier: GPL-3.0-or-later
// one-click-unsubscribe-missing: a sample message without RFC 8058 one-click unsubscribe (a
// List-Unsubscribe https URI plus List-Unsubscribe-Post: List-Unsubscribe=One-Click), as parsed into
// StoredMessage::oneClickUnsubscribe. One finding per message, by message id.
#include "rules/rule.h"
#include "rules/ruleutil.h"

#include <QJsonObject>

namespace ad::rules {

namespace {

class OneClickUnsubscribeMissing final : public Rule
{
public:
    QString id() const override { return QStringLiteral("one-click-unsubscribe-missing"); }
    QList<Finding> evaluate(const RuleContext& c) const override
    {
        QList<Finding> out;
        for (const StoredMessage* m : util::sortedMessages(c.snapshot)) {
            if (m->oneClickUnsubscribe)
                continue;
            bool https = false;
            for (const QString& u : m->listUnsubscribe)
                https = https || u.contains(QStringLiteral("https:"), Qt::CaseInsensitive);
            Finding f = c.finding();
            f.summary =
                QStringLiteral("%1: no one-click unsubscribe (%2)")
                    .arg(util::messageLabel(*m),
                         m->listUnsubscribe.isEmpty() ? QStringLiteral("no List-Unsubscribe header")
                         : !https
                             ? QStringLiteral("List-Unsubscribe has no https URI")
                             : QStringLiteral("List-Unsubscribe-Post: List-Unsubscribe=One-Click missing"));
            f.toClear = QStringLiteral("add List-Unsubscribe with an https URI and List-Unsubscribe-Post: "
                                       "List-Unsubscribe=One-Click (RFC 8058)");
            QJsonObject ev = util::messageEvidence(*m);
            ev.insert(QStringLiteral("list_unsubscribe"), util::stringArray(m->listUnsubscribe));
            f.evidence = ev;
            out << f;
        }
        return out;
    }
};

} // namespace

std::unique_ptr<Rule> makeOneClickUnsubscribeMissing()
{
    return std::make_unique<OneClickUnsubscribeMissing>();
}

} // namespace ad::rules
