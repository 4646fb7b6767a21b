// SPDX-License-Identifier: GPL-3.0-or-later
// postal-address-missing: a sample message whose text does not contain the account's registered
// postal_address, compared after folding case, whitespace and punctuation away (only letters and digits
// are compared). An account with no registered postal address is not judged by this rule (there is
// nothing to compare with). One finding per message, by message id.
#include "rules/rule.h"
#include "rules/ruleutil.h"

#include <QJsonObject>

namespace ad::rules {

namespace {

class PostalAddressMissing final : public Rule
{
public:
    QString id() const override { return QStringLiteral("postal-address-missing"); }
    QList<Finding> evaluate(const RuleContext& c) const override
    {
        if (c.snapshot.messages.isEmpty())
            return {}; // no message to judge (most accounts): the address need not be folded
        const QString address = util::fold(c.snapshot.account.postalAddress);
        if (address.isEmpty())
            return {};
        QList<Finding> out;
        std::u16string folded; // util::fold of each message text, in one buffer
        for (const StoredMessage* m : util::sortedMessages(c.snapshot)) {
            folded.clear();
            util::appendFold(folded, m->text);
            if (QStringView(folded.data(), qsizetype(folded.size())).contains(address))
                continue;
            Finding f = c.finding();
            f.summary = QStringLiteral("%1: the registered postal address %2 is not in the message text")
                            .arg(util::messageLabel(*m), util::quoted(c.snapshot.account.postalAddress, 80));
            f.toClear = QStringLiteral("the footer of every message must show the postal address %1")
                            .arg(util::quoted(c.snapshot.account.postalAddress, 80));
            QJsonObject ev = util::messageEvidence(*m);
            ev.insert(QStringLiteral("postal_address"), c.snapshot.account.postalAddress);
            f.evidence = ev;
            out << f;
        }
        return out;
    }
};

} // namespace

std::unique_ptr<Rule> makePostalAddressMissing()
{
    return std::make_unique<PostalAddressMissing>();
}

} // namespace ad::rules
