// SPDX-License-Identifier: GPL-3.0-or-later
// link-text-mismatch: a link whose visible text is itself a URL or a domain name that differs from the
// domain of the link's target. Domains are compared lower-case without "www."; the text's domain matches
// when the target is that domain or a subdomain of it. Targets on the platform's own domains (click
// tracking) are not judged. One finding per message listing its mismatched links, by message id.
#include "rules/rule.h"
#include "rules/ruleutil.h"

#include <QJsonArray>
#include <QJsonObject>

namespace ad::rules {

namespace {

// The domain a link text shows, or empty when the text is not a URL/domain.
QString shownDomain(const QString& text)
{
    static const QRegularExpression re(
        QStringLiteral(
            "^(?:(?:https?|ftp)://"
            ")?((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{1,62})(?::\\d+)?(?:[/?#]\\S*)?$"),
        QRegularExpression::CaseInsensitiveOption);
    const QString t = text.trimmed();
    if (t.isEmpty() || t.contains(QLatin1Char(' ')) || t.contains(QLatin1Char('@')))
        return {};
    const auto m = re.match(t);
    if (!m.hasMatch())
        return {};
    return util::normalizeHost(m.captured(1));
}

class LinkTextMismatch final : public Rule
{
public:
    QString id() const override { return QStringLiteral("link-text-mismatch"); }
    QList<Finding> evaluate(const RuleContext& c) const override
    {
        QList<Finding> out;
        for (const StoredMessage* m : util::sortedMessages(c.snapshot)) {
            QJsonArray links;
            QString first;
            for (const MessageLink& l : m->links) {
                const QString shown = shownDomain(l.text);
                if (shown.isEmpty())
                    continue;
                const QString href = l.href.trimmed();
                if (!href.startsWith(QStringLiteral("http://"), Qt::CaseInsensitive) &&
                    !href.startsWith(QStringLiteral("https://"), Qt::CaseInsensitive))
                    continue;
                const QString target = util::hostOf(href);
                if (target.isEmpty() || PreparedPolicy::hostIn(target, c.prepared.platformDomains))
                    continue;
                if (PreparedPolicy::hostIn(target, {shown}))
                    continue;
                QJsonObject o;
                o.insert(QStringLiteral("text"), l.text);
                o.insert(QStringLiteral("href"), l.href);
                o.insert(QStringLiteral("shown_domain"), shown);
                o.insert(QStringLiteral("target_domain"), target);
                links.append(o);
                if (first.isEmpty())
                    first = QStringLiteral("link text %1 goes to %2").arg(util::quoted(l.text, 50), target);
            }
            if (links.isEmpty())
                continue;
            Finding f = c.finding();
            f.summary =
                QStringLiteral("%1: %2%3")
                    .arg(util::messageLabel(*m), first,
                         links.size() > 1 ? QStringLiteral(" (+%1 more)").arg(links.size() - 1) : QString());
            f.toClear = QStringLiteral("a link that shows a web address must lead to that address");
            QJsonObject ev = util::messageEvidence(*m);
            ev.insert(QStringLiteral("links"), links);
            f.evidence = ev;
            out << f;
        }
        return out;
    }
};

} // namespace

std::unique_ptr<Rule> makeLinkTextMismatch()
{
    return std::make_unique<LinkTextMismatch>();
}

} // namespace ad::rules
