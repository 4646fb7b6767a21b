// SPDX-License-Identifier: GPL-3.0-or-later
// restricted-content: the message subject or text matches a pattern (case-insensitive regular
// expression) of a category of the policy's restricted_content list. One finding per message naming
// every matching category and the first matched words, by message id.
// A pattern with a required literal (PreparedPolicy::restrictedLiterals, rule.h) is run only on messages
// whose folded subject and text contain that literal: the same findings, most patterns not run.
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
        const literal::Set& literals = c.prepared.restrictedLiterals;
        std::string folded;
        std::vector<char> found;
        for (const StoredMessage* m : util::sortedMessages(c.snapshot)) {
            if (literals.count() > 0) {
                folded.clear();
                literal::appendFolded(folded, m->subject);
                folded.push_back('\n');
                literal::appendFolded(folded, m->text);
                literals.scan(folded, found);
            }
            QString text; // subject, newline, text: built for the first pattern that is run
            bool built = false;
            QJsonArray matches;
            QStringList names;
            for (const auto& cat : c.prepared.restrictedContent) {
                for (qsizetype i = 0; i < cat.patterns.size(); ++i) {
                    const int lit = cat.literals[i];
                    if (lit >= 0 && !found[size_t(lit)])
                        continue; // no match can lack the literal
                    if (!built) {
                        text = m->subject + QLatin1Char('\n') + m->text;
                        built = true;
                    }
                    const QRegularExpression& re = cat.patterns[i];
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
