// SPDX-License-Identifier: GPL-3.0-or-later
// unsubscribe-link-missing: a sample message whose body (text or HTML) has no unsubscribe link. A link
// counts when its visible text or its target contains one of the policy's unsubscribe_keywords
// ("unsubscribe", "opt out", "berhenti berlangganan", …), or when the message text has such a keyword
// with a URL (http, https or mailto) within 200 characters of it. The List-Unsubscribe header alone does
// not count (one-click-unsubscribe-missing checks it). One finding per message, by message id.
#include "rules/rule.h"
#include "rules/ruleutil.h"

#include <QJsonObject>

namespace ad::rules {

namespace {

bool hasKeyword(const QString& s, const QStringList& keywords)
{
    const QString l = s.toLower();
    for (const QString& k : keywords) {
        if (!k.isEmpty() && l.contains(k))
            return true;
    }
    return false;
}

bool textHasUnsubscribeUrl(const QString& text, const QStringList& keywords)
{
    static const QRegularExpression url(QStringLiteral("(https?://|mailto:)"),
                                        QRegularExpression::CaseInsensitiveOption);
    const QString l = text.toLower();
    for (const QString& k : keywords) {
        if (k.isEmpty())
            continue;
        for (qsizetype at = l.indexOf(k); at >= 0; at = l.indexOf(k, at + 1)) {
            const qsizetype from = std::max<qsizetype>(0, at - 200);
            const QString window = l.mid(from, at - from + k.size() + 200);
            if (url.match(window).hasMatch())
                return true;
        }
    }
    return false;
}

class UnsubscribeLinkMissing final : public Rule
{
public:
    QString id() const override { return QStringLiteral("unsubscribe-link-missing"); }
    QStringList requiredLists() const override { return {QStringLiteral("unsubscribe_keywords")}; }
    QList<Finding> evaluate(const RuleContext& c) const override
    {
        const QStringList& kw = c.prepared.unsubscribeKeywords;
        QList<Finding> out;
        for (const StoredMessage* m : util::sortedMessages(c.snapshot)) {
            bool found = false;
            for (const MessageLink& l : m->links) {
                if (hasKeyword(l.text, kw) || hasKeyword(l.href, kw)) {
                    found = true;
                    break;
                }
            }
            if (!found)
                found = textHasUnsubscribeUrl(m->text, kw);
            if (found)
                continue;
            Finding f = c.finding();
            f.summary = QStringLiteral("%1: no unsubscribe link in the body (%2 link%3 checked)")
                            .arg(util::messageLabel(*m))
                            .arg(m->links.size())
                            .arg(m->links.size() == 1 ? QString() : QStringLiteral("s"));
            f.toClear =
                QStringLiteral("every message must include a single-click unsubscribe link in its body");
            f.evidence = util::messageEvidence(*m);
            out << f;
        }
        return out;
    }
};

} // namespace

std::unique_ptr<Rule> makeUnsubscribeLinkMissing()
{
    return std::make_unique<UnsubscribeLinkMissing>();
}

} // namespace ad::rules
