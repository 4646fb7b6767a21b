// SPDX-License-Identifier: GPL-3.0-or-later
// The cross-account overlap index and the multi-account rules.
#include "rules/registry.h"
#include "rulestest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <optional>
#include <random>

using namespace ad;
using namespace ad::rules;
using namespace rt;

namespace {

const char* kTemplate = "Dear customer we are happy to announce our biggest end of year sale with discounts "
                        "of up to seventy percent "
                        "on shoes bags jackets and accessories from more than two hundred brands the offer "
                        "is valid until the end of "
                        "the month while stocks last free delivery for every order above fifty dollars and "
                        "easy returns within thirty "
                        "days visit our store today and find the perfect gift for your family and friends";

QString variant(const QString& replaceWord)
{
    QString t = QString::fromLatin1(kTemplate);
    return replaceWord.isEmpty() ? t : t.replace(QStringLiteral("shoes"), replaceWord);
}

AccountSnapshot acc(const QString& id, AccountStatus status = AccountStatus::Active)
{
    AccountSnapshot s = account(id);
    s.currentStatus = status;
    return s;
}

StoredMessage msg(const QString& account, qint64 id, const QString& from, const QStringList& domains,
                  const QString& text = QStringLiteral("short"))
{
    StoredMessage m = message(id, text);
    m.accountId = account;
    m.from = from;
    m.linkDomains = domains;
    return m;
}

} // namespace

class TestOverlap : public QObject
{
    Q_OBJECT
    std::optional<Policy> policy;

private Q_SLOTS:
    void initTestCase() { policy = Policy::builtin(QStringLiteral("optimais")); }

    void links()
    {
        OverlapIndex idx(OverlapIndex::options(*policy));
        // A and B share a From address (B's is only in a campaign)
        AccountSnapshot a = acc("A"), b = acc("B");
        a.account.fromAddresses = {"News@Shop.Example"};
        Campaign cb = campaign("C1", 10, 10, 0, 0, 0, 0);
        cb.fromAddress = "Shop <news@shop.example>";
        b.campaigns << cb;
        // C and D share a link domain; E and F only an allow-listed one; G and H only a platform domain
        AccountSnapshot c = acc("C"), d = acc("D"), e = acc("E"), f = acc("F"), g = acc("G"), h = acc("H");
        c.messages << msg("C", 10, "c@c.example", {"promo.example", "www.facebook.com"});
        d.messages << msg("D", 11, "d@d.example", {"www.promo.example"});
        e.messages << msg("E", 12, "e@e.example", {"facebook.com", "m.facebook.com"});
        f.messages << msg("F", 13, "f@f.example", {"facebook.com"});
        g.messages << msg("G", 14, "g@optimais.com", {"click.optimais.com"});
        h.messages << msg("H", 15, "g@optimais.com", {"click.optimais.com"});
        // I and J near-duplicate content, K different
        AccountSnapshot i = acc("I"), j = acc("J"), k = acc("K");
        i.messages << msg("I", 20, "i@i.example", {}, variant({}));
        j.messages << msg("J", 21, "j@j.example", {}, variant("sandals"));
        k.messages << msg(
            "K", 22, "k@k.example", {},
            "Our bakery opens a second shop downtown next week with fresh bread pastries and coffee "
            "every morning from seven o clock come and taste the new sourdough recipe our bakers "
            "have been working on all summer long");
        for (const auto* s : {&a, &b, &c, &d, &e, &f, &g, &h, &i, &j, &k})
            idx.addSnapshot(*s);
        idx.finish();
        QCOMPARE(idx.accountCount(), 11);

        auto la = idx.linksFor("A");
        QCOMPARE(la.size(), 1);
        QCOMPARE(la.first().accountId, QStringLiteral("B"));
        QCOMPARE(la.first().fromAddresses, QStringList{"news@shop.example"});

        auto lc = idx.linksFor("C");
        QCOMPARE(lc.size(), 1);
        QCOMPARE(lc.first().accountId, QStringLiteral("D"));
        QCOMPARE(lc.first().linkDomains, QStringList{"promo.example"});

        QVERIFY(idx.linksFor("E").isEmpty());
        QVERIFY(idx.linksFor("G").isEmpty());

        QVERIFY(OverlapIndex::jaccard(variant({}), variant("sandals")) >= 0.8);
        auto li = idx.linksFor("I");
        QCOMPARE(li.size(), 1);
        QCOMPARE(li.first().accountId, QStringLiteral("J"));
        QCOMPARE(li.first().content.size(), 1);
        QCOMPARE(li.first().content.first().messageId, 20);
        QCOMPARE(li.first().content.first().otherMessageId, 21);
        QVERIFY(li.first().content.first().similarity >= 0.8);
        QVERIFY(idx.linksFor("K").isEmpty());
        QVERIFY(idx.linksFor("nobody").isEmpty());
    }

    // A From value given again (another account, a campaign, a message) counts the same every time: an
    // address links its accounts whatever the spelling, a platform-domain or non-address value never
    // links and never names an account on its own.
    void repeatedFromValues()
    {
        OverlapIndex idx(OverlapIndex::options(*policy));
        const QString shared = QStringLiteral("Shop <News@Shop.Example>");
        const QString platform = QStringLiteral("Team <team@optimais.com>");
        const QString junk = QStringLiteral("not an address");
        for (int round = 0; round < 2; ++round) {
            for (const char* id : {"P1", "P2", "P3"}) {
                idx.addFromAddress(id, platform);
                idx.addFromAddress(id, junk);
            }
        }
        idx.addAccount("A", AccountStatus::Active, {shared, platform, junk});
        idx.addFromAddress("B", shared);
        idx.addFromAddress("B", shared);
        idx.addFromAddress("C", QStringLiteral("news@shop.example"));
        idx.addMessage(msg("D", 1, shared, {}));
        idx.addAccount("E", AccountStatus::Suspended, {platform, junk});
        idx.finish();
        QCOMPARE(idx.accountCount(), 5); // A-E; P1-P3 were only named by values that do not count
        const auto la = idx.linksFor("A");
        QCOMPARE(la.size(), 3);
        for (qsizetype i = 0; i < la.size(); ++i) {
            QCOMPARE(la[i].accountId, QString(QChar(char16_t(u'B' + i))));
            QCOMPARE(la[i].fromAddresses, QStringList{"news@shop.example"});
        }
        QCOMPARE(idx.linksFor("B").size(), 3);
        QVERIFY(idx.linksFor("E").isEmpty());
        QVERIFY(idx.linksFor("P1").isEmpty());
        // Fed again after finish (not the documented use): still parsed, not taken from a stale cache.
        idx.addFromAddress("F", platform);
        QCOMPARE(idx.accountCount(), 5);
    }

    void dissimilarTextIsNoLink()
    {
        // About half the words replaced: well under the 0.8 threshold.
        QString t = QString::fromLatin1(kTemplate);
        QStringList words = t.split(' ');
        for (int n = 0; n < words.size(); n += 2)
            words[n] = QStringLiteral("w%1").arg(n);
        const QString other = words.join(' ');
        QVERIFY(OverlapIndex::jaccard(t, other) < 0.5);
        OverlapIndex idx(OverlapIndex::options(*policy));
        idx.addMessage(msg("X", 1, "x@x.example", {}, t));
        idx.addMessage(msg("Y", 2, "y@y.example", {}, other));
        idx.finish();
        QVERIFY(idx.linksFor("X").isEmpty());
    }

    void rulesUseTheIndex()
    {
        AccountSnapshot old = acc("A2", AccountStatus::Suspended);
        old.account.fromAddresses = {"deals@cheap.example"};
        AccountSnapshot fresh = acc("A3");
        fresh.account.fromAddresses = {"deals@cheap.example"};
        AccountSnapshot sibling = acc("A4");
        sibling.messages << msg("A4", 7, "x@a4.example", {"cheap-links.example"});
        fresh.messages << msg("A3", 8, "y@a3.example", {"cheap-links.example"});
        OverlapIndex idx(OverlapIndex::options(*policy));
        for (const auto* s : {&old, &fresh, &sibling})
            idx.addSnapshot(*s);
        idx.finish();
        Evaluator ev(*policy);

        const Evaluation e = ev.evaluate(fresh, rt::asOf(), &idx);
        const auto overlap = findings(e, "multi-account-overlap");
        QCOMPARE(overlap.size(), 1);
        QCOMPARE(ad::toString(overlap.first().severity), ad::toString(Severity::Suspend));
        const QJsonArray accounts = overlap.first().evidence.value("accounts").toArray();
        QCOMPARE(accounts.size(), 2);
        QCOMPARE(accounts[0].toObject().value("account_id").toString(), QStringLiteral("A2"));
        QCOMPARE(accounts[0].toObject().value("status").toString(), QStringLiteral("suspended"));
        QCOMPARE(accounts[0].toObject().value("from_addresses").toArray(), QJsonArray{"deals@cheap.example"});
        QCOMPARE(accounts[1].toObject().value("link_domains").toArray(), QJsonArray{"cheap-links.example"});
        const auto evasion = findings(e, "suspension-evasion");
        QCOMPARE(evasion.size(), 1);
        QCOMPARE(evasion.first().evidence.value("accounts").toArray().size(), 1);
        QCOMPARE(ad::toString(e.recommended), ad::toString(Action::Terminate));

        // the suspended account itself only overlaps with an active one: no evasion
        const Evaluation eo = ev.evaluate(old, rt::asOf(), &idx);
        QCOMPARE(findings(eo, "multi-account-overlap").size(), 1);
        QVERIFY(findings(eo, "suspension-evasion").isEmpty());

        // without an index the multi-account rules do not run
        QVERIFY(findings(ev.evaluate(fresh, rt::asOf(), nullptr), "multi-account-overlap").isEmpty());
    }

    void crowdedKeyStillShowsSuspended()
    {
        OverlapIndex::Options o = OverlapIndex::options(*policy);
        o.maxAccountsPerKey = 5;
        OverlapIndex idx(o);
        for (int n = 0; n < 50; ++n) {
            const QString id = QStringLiteral("B%1").arg(n, 3, 10, QLatin1Char('0'));
            idx.addAccount(id, n == 40 ? AccountStatus::Terminated : AccountStatus::Active,
                           {"same@crowd.example"});
        }
        idx.finish();
        const auto l = idx.linksFor("B010");
        QCOMPARE(l.size(), 6); // five first + the terminated one
        QCOMPARE(l.last().accountId, QStringLiteral("B040"));
        QCOMPARE(ad::toString(l.last().status), ad::toString(AccountStatus::Terminated));
    }

    void scale()
    {
        // 10,000 accounts, 20,000 messages of random words, with 100 planted near-duplicate pairs and 100
        // planted shared From addresses. No timing assertion: this shows the build is not all-pairs.
        std::mt19937 rng(42);
        std::uniform_int_distribution<int> word(0, 4999);
        auto randomText = [&] {
            QStringList w;
            for (int i = 0; i < 80; ++i)
                w << QStringLiteral("v%1").arg(word(rng));
            return w.join(' ');
        };
        OverlapIndex idx(OverlapIndex::options(*policy));
        qint64 msgId = 1;
        for (int n = 0; n < 10000; ++n) {
            const QString id = QStringLiteral("S%1").arg(n, 5, 10, QLatin1Char('0'));
            QStringList from{QStringLiteral("sender%1@s%1.example").arg(n)};
            if (n < 200 && n % 2 == 1)
                from << QStringLiteral("sender%1@s%1.example").arg(n - 1);
            idx.addAccount(id, AccountStatus::Active, from);
            for (int k = 0; k < 2; ++k) {
                QString text = randomText();
                if (n >= 1000 && n < 1200 && k == 0)
                    text = variant(n % 2 ? QStringLiteral("boots%1").arg(n) : QString()) +
                           QStringLiteral(" ref%1").arg(n / 2);
                StoredMessage m = msg(id, msgId++, {}, {QStringLiteral("d%1.example").arg(n)}, text);
                idx.addMessage(m);
            }
        }
        idx.finish();
        QCOMPARE(idx.accountCount(), 10000);
        QCOMPARE(idx.messageCount(), 20000);
        // shared From pairs
        for (int n = 1; n < 200; n += 2) {
            const auto l = idx.linksFor(QStringLiteral("S%1").arg(n, 5, 10, QLatin1Char('0')));
            QCOMPARE(l.size(), 1);
            QCOMPARE(l.first().accountId, QStringLiteral("S%1").arg(n - 1, 5, 10, QLatin1Char('0')));
        }
        // content: every planted account is linked to all other planted accounts' near-duplicates
        int contentLinked = 0;
        for (int n = 1000; n < 1200; ++n) {
            const auto l = idx.linksFor(QStringLiteral("S%1").arg(n, 5, 10, QLatin1Char('0')));
            bool any = false;
            for (const auto& link : l)
                any = any || !link.content.isEmpty();
            contentLinked += any;
        }
        QCOMPARE(contentLinked, 200);
        // random accounts have no links
        for (int n = 5000; n < 5100; ++n)
            QVERIFY(idx.linksFor(QStringLiteral("S%1").arg(n, 5, 10, QLatin1Char('0'))).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestOverlap)
#include "test_overlap.moc"
