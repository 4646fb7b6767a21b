// SPDX-License-Identifier: GPL-3.0-or-later
// restricted-content: the message subject or text matches a pattern (case-insensitive regular
// expression) of a category of the policy's restricted_content list. One finding per message naming
// every matching category and the first matched words, by message id.
#include "rules/rule.h"
#include "rules/ruleutil.h"

#include <QJsonArray>
#include <QJsonObject>

namespace ad::rules {

namespace {

class RestrictedContent final : public Rule
{
public:
    QString id() const override { return QStringLiteral("restricted-content"); }
    QStringList requiredLists() const override { return {QStringLiteral("restricted_content")}; }
    QList<Finding> evaluate(const RuleContext& c) const override
    {
        QList<Finding> out;
        for (const StoredMessage* m : util::sortedMessages(c.snapshot)) {
            const QString text = m->subject + QLatin1Char('\n') + m->text;
            QJsonArray matches;
            QStringList names;
            for (const auto& cat : c.prepared.restrictedContent) {
                for (const QRegularExpression& re : cat.patterns) {
                    const auto match = re.match(text);
                    if (match.hasMatch()) {
                        QJsonObject o;
                        o.insert(QStringLiteral("category"), cat.name);
                        o.insert(QStringLiteral("pattern"), re.pattern());
                        o.insert(QStringLiteral("matched"), match.captured(0));
                        matches.append(o);
                        names << QStringLiteral("%1 (%2)").arg(cat.name, util::quoted(match.captured(0), 40));
                        break;
                    }
                }
            }
            if (matches.isEmpty())
                continue;
            Finding f = c.finding();
            f.summary = QStringLiteral("%1: restricted content: %2")
                            .arg(util::messageLabel(*m), names.join(QStringLiteral(", ")));
            f.toClear =
                QStringLiteral("restricted content must be removed or shown to be allowed under the policy");
            QJsonObject ev = util::messageEvidence(*m);
            ev.insert(QStringLiteral("matches"), matches);
            f.evidence = ev;
            out << f;
        }
        return out;
    }
};

} // namespace

std::unique_ptr<Rule> makeRestrictedContent()
{
    return std::make_unique<RestrictedContent>();
}

} // namespace ad::rules
