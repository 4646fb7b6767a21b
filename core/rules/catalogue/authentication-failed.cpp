// SPDX-License-Identifier: GPL-3.0-or-later
// authentication-failed: the message's Authentication-Results reports dmarc=fail, or neither spf nor dkim
// is `pass`. A message without any Authentication-Results verdict is not judged (nothing was reported).
// One finding per message, by message id.
#include "rules/rule.h"
#include "rules/ruleutil.h"

#include <QJsonObject>

namespace ad::rules {

namespace {

class AuthenticationFailed final : public Rule
{
public:
    QString id() const override { return QStringLiteral("authentication-failed"); }
    QList<Finding> evaluate(const RuleContext& c) const override
    {
        QList<Finding> out;
        for (const StoredMessage* m : util::sortedMessages(c.snapshot)) {
            if (m->spf.isEmpty() && m->dkim.isEmpty() && m->dmarc.isEmpty())
                continue;
            const bool dmarcFail = m->dmarc == u"fail";
            const bool bothNotPass = m->spf != u"pass" && m->dkim != u"pass";
            if (!dmarcFail && !bothNotPass)
                continue;
            auto v = [](const QString& s) { return s.isEmpty() ? QStringLiteral("none") : s; };
            Finding f = c.finding();
            f.summary = QStringLiteral("%1: Authentication-Results spf=%2 dkim=%3 dmarc=%4")
                            .arg(util::messageLabel(*m), v(m->spf), v(m->dkim), v(m->dmarc));
            f.toClear = QStringLiteral("the sending domain must pass DMARC, with SPF or DKIM passing");
            QJsonObject ev = util::messageEvidence(*m);
            ev.insert(QStringLiteral("spf"), m->spf);
            ev.insert(QStringLiteral("dkim"), m->dkim);
            ev.insert(QStringLiteral("dmarc"), m->dmarc);
            f.evidence = ev;
            out << f;
        }
        return out;
    }
};

} // namespace

std::unique_ptr<Rule> makeAuthenticationFailed()
{
    return std::make_unique<AuthenticationFailed>();
}

} // namespace ad::rules
