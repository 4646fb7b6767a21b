// SPDX-License-Identifier: GPL-3.0-or-later
// The persisted cross-account overlap index: OverlapIndex::serialize / deserialize (the restored index
// answers linksFor exactly as the built one; damaged, truncated or foreign bytes are refused, never read
// out of bounds) and EvaluationService keeping it in the case store (a later service without the
// process-wide cache loads it instead of building; an import, other options or a damaged row make it
// build again, with the same evaluations; a read-only store or a failing save still evaluates; a schema-1
// store is migrated).
#include "bundle/importer.h"
#include "rules/evaluator.h"
#include "rules/finding.h"
#include "rules/overlap.h"
#include "rulestest.h"
#include "store/casestore.h"
#include "store/sqlite.h"
#include "util/error.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <random>

using namespace ad;
using namespace ad::rules;

namespace {

const char* kTemplate = "Dear customer we are happy to announce our biggest end of year sale with discounts "
                        "of up to seventy percent on shoes bags jackets and accessories from more than two "
                        "hundred brands the offer is valid until the end of the month while stocks last free "
                        "delivery for every order above fifty dollars and easy returns within thirty days "
                        "visit our store today and find the perfect gift for your family and friends";

QString variant(const QString& word)
{
    QString t = QString::fromLatin1(kTemplate);
    return word.isEmpty() ? t : t.replace(QStringLiteral("shoes"), word);
}

QString randomText(std::mt19937& rng)
{
    std::uniform_int_distribution<int> word(0, 4999);
    QStringList w;
    for (int i = 0; i < 60; ++i)
        w << QStringLiteral("v%1").arg(word(rng));
    return w.join(u' ');
}

StoredMessage msg(const QString& account, qint64 id, const QString& from, const QStringList& domains,
                  const QString& text = QStringLiteral("short"))
{
    StoredMessage m = rt::message(id, text);
    m.accountId = account;
    m.from = from;
    m.linkDomains = domains;
    return m;
}

// Everything linksFor says about an account, as text.
QString describe(const OverlapIndex& idx, const QString& accountId)
{
    QStringList out;
    for (const OverlapIndex::Link& l : idx.linksFor(accountId)) {
        QStringList content;
        for (const OverlapIndex::ContentMatch& c : l.content)
            content << QStringLiteral("%1~%2=%3")
                           .arg(c.messageId)
                           .arg(c.otherMessageId)
                           .arg(c.similarity, 0, 'g', 17);
        out << l.accountId + u'/' + toString(l.status) + u"/from:" + l.fromAddresses.join(u',') +
                   u"/domains:" + l.linkDomains.join(u',') + u"/content:" + content.join(u',');
    }
    return accountId + u" -> " + out.join(u" | ");
}

QStringList describeAll(const OverlapIndex& idx, const QStringList& ids)
{
    QStringList out;
    for (const QString& id : ids)
        out << describe(idx, id);
    return out;
}

// A fixture with every kind of link: shared From addresses (accounts.csv, campaigns, messages, platform
// addresses that never count), shared link domains (and allow-listed / platform ones that never count),
// near-duplicate content clusters across three accounts, a cluster inside one account only, messages too
// short to count, a From address shared by more accounts than max_accounts_per_key (with a suspended
// account beyond the cap), and a few hundred random accounts.
struct Fixture
{
    OverlapIndex::Options options;
    std::unique_ptr<OverlapIndex> index;
    QStringList ids;

    explicit Fixture(const Policy& policy)
    {
        options = OverlapIndex::options(policy);
        options.maxAccountsPerKey = 5;
        index = std::make_unique<OverlapIndex>(options);
        OverlapIndex& idx = *index;
        auto add = [&](const QString& id, AccountStatus status, const QStringList& from) {
            idx.addAccount(id, status, from);
            ids << id;
        };
        add("A", AccountStatus::Active, {"News@Shop.Example", "team@optimais.com"});
        add("B", AccountStatus::Warned, {});
        idx.addFromAddress("B", "Shop <news@shop.example>");
        add("C", AccountStatus::Active, {});
        idx.addMessage(msg("C", 10, "c@c.example", {"promo.example", "www.facebook.com"}));
        add("D", AccountStatus::Suspended, {});
        idx.addMessage(msg("D", 11, "News <news@shop.example>", {"www.promo.example", "click.optimais.com"}));
        add("E", AccountStatus::Active, {});
        idx.addMessage(msg("E", 12, "e@e.example", {"facebook.com"}));
        // content: I, J, L near-duplicates (L twice), K alone, M's two messages only match each other
        add("I", AccountStatus::Active, {});
        add("J", AccountStatus::Terminated, {});
        add("K", AccountStatus::Active, {});
        add("L", AccountStatus::Active, {});
        add("M", AccountStatus::Active, {});
        idx.addMessage(msg("I", 20, "i@i.example", {}, variant({})));
        idx.addMessage(msg("J", 21, "j@j.example", {}, variant("sandals")));
        idx.addMessage(msg("L", 22, "l@l.example", {}, variant("boots")));
        idx.addMessage(msg("L", 23, "l@l.example", {}, variant("hats")));
        idx.addMessage(
            msg("K", 24, "k@k.example", {},
                "Our bakery opens a second shop downtown next week with fresh bread pastries and "
                "coffee every morning from seven o clock come and taste the new sourdough recipe"));
        std::mt19937 rng(7);
        const QString mText = randomText(rng);
        idx.addMessage(msg("M", 25, "m@m.example", {}, mText));
        idx.addMessage(msg("M", 26, "m@m.example", {}, mText + QStringLiteral(" again")));
        // a crowded From address: twelve accounts, the cap is five, X10 is suspended (always listed)
        for (int n = 0; n < 12; ++n) {
            const QString id = QStringLiteral("X%1").arg(n, 2, 10, QLatin1Char('0'));
            add(id, n == 10 ? AccountStatus::Suspended : AccountStatus::Active, {"crowd@many.example"});
        }
        // random accounts: own addresses and domains, random texts; pairs sharing domains and templates
        qint64 id = 100;
        for (int n = 0; n < 300; ++n) {
            const QString acc = QStringLiteral("R%1").arg(n, 3, 10, QLatin1Char('0'));
            add(acc, n % 17 == 0 ? AccountStatus::Suspended : AccountStatus::Active,
                {QStringLiteral("r%1@r%1.example").arg(n)});
            idx.addFromAddress(acc, QStringLiteral("Campaign <c%1@r%2.example>").arg(n % 40).arg(n % 40));
            idx.addMessage(msg(acc, id++, QStringLiteral("r%1@r%1.example").arg(n),
                               {QStringLiteral("d%1.example").arg(n / 3)}, randomText(rng)));
            if (n % 25 == 0)
                idx.addMessage(msg(acc, id++, QStringLiteral("x@r%1.example").arg(n), {},
                                   variant(QStringLiteral("coats%1").arg(n / 50))));
        }
        idx.finish();
        ids << QStringLiteral("nobody");
    }
};

} // namespace

class TestOverlapStore : public QObject
{
    Q_OBJECT
    std::optional<Policy> policy;

private Q_SLOTS:
    void initTestCase() { policy = Policy::builtin(QStringLiteral("optimais")); }

    // ---- OverlapIndex::serialize / deserialize ------------------------------------------------------

    void roundTripAnswersTheSame()
    {
        Fixture f(*policy);
        const QStringList built = describeAll(*f.index, f.ids);
        // the fixture has every kind of link (or the comparison would prove little)
        const QString all = built.join(u'\n');
        QVERIFY(all.contains(u"A -> B/warned/from:news@shop.example"));
        QVERIFY(all.contains(u"C -> D/suspended/from:/domains:promo.example"));
        QVERIFY(all.contains(u"I -> J/terminated/from:/domains:/content:20~21="));
        QVERIFY(all.contains(u"L/active/from:/domains:/content:20~23=")); // L's best of two
        QVERIFY(describe(*f.index, "X00").contains(u"X10/suspended"));
        QVERIFY(!describe(*f.index, "X00").contains(u"X06"));
        QCOMPARE(f.index->linksFor("M").size(), 0);
        QVERIFY(all.contains(u"content:") && all.contains(u"R000"));

        const QByteArray bytes = f.index->serialize();
        QVERIFY(!bytes.isEmpty());
        const auto restored = OverlapIndex::deserialize(f.options, bytes);
        QVERIFY(restored);
        QCOMPARE(restored->accountCount(), f.index->accountCount());
        QCOMPARE(restored->messageCount(), f.index->messageCount());
        QCOMPARE(describeAll(*restored, f.ids), built);
        // serialising the restored index gives the same bytes
        QCOMPARE(restored->serialize(), bytes);
        // statuses can be refreshed on the restored index as on the built one
        restored->setStatus("B", AccountStatus::Terminated);
        f.index->setStatus("B", AccountStatus::Terminated);
        QVERIFY(describe(*restored, "A").contains(u"B/terminated"));
        QCOMPARE(describeAll(*restored, f.ids), describeAll(*f.index, f.ids));
        // and the rules give the same evaluations with either
        Evaluator ev(*policy);
        for (const char* id : {"A", "C", "I", "J", "X00", "X10", "R000", "R025"}) {
            AccountSnapshot s = rt::account(id);
            QCOMPARE(findingsToCompactJson(ev.evaluate(s, rt::asOf(), restored.get()).findings),
                     findingsToCompactJson(ev.evaluate(s, rt::asOf(), f.index.get()).findings));
        }
    }

    void emptyAndUnfinished()
    {
        OverlapIndex unfinished(OverlapIndex::options(*policy));
        QVERIFY(unfinished.serialize().isEmpty());
        OverlapIndex empty(OverlapIndex::options(*policy));
        empty.finish();
        const auto restored = OverlapIndex::deserialize(OverlapIndex::options(*policy), empty.serialize());
        QVERIFY(restored);
        QCOMPARE(restored->accountCount(), 0);
        QCOMPARE(restored->messageCount(), 0);
        QVERIFY(restored->linksFor("A").isEmpty());
    }

    // Other options than the index was built with: refused (each option on its own).
    void otherOptionsAreRefused()
    {
        Fixture f(*policy);
        const QByteArray bytes = f.index->serialize();
        QVERIFY(OverlapIndex::deserialize(f.options, bytes));
        QList<OverlapIndex::Options> others;
        for (int i = 0; i < 6; ++i) {
            OverlapIndex::Options o = f.options;
            switch (i) {
            case 0:
                o.platformDomains << QStringLiteral("other.example");
                break;
            case 1:
                o.linkHostAllowList.removeLast();
                break;
            case 2:
                o.jaccardThreshold = 0.75;
                break;
            case 3:
                o.shingleWords = 4;
                break;
            case 4:
                o.minShingles = 11;
                break;
            default:
                o.maxAccountsPerKey = 1000;
                break;
            }
            QVERIFY2(!OverlapIndex::deserialize(o, bytes), qPrintable(QString::number(i)));
        }
    }

    // Truncated at any length, any single bit flipped, bytes appended: refused (the checksum), never read
    // beyond the bytes given (the payload is copied into a buffer of exactly its size each time).
    void damagedPayloadsAreRefused()
    {
        Fixture f(*policy);
        const QByteArray bytes = f.index->serialize();
        QVERIFY(bytes.size() > 1000);
        auto exact = [&](const QByteArray& b) {
            // a fresh allocation of exactly b.size() bytes (no terminating slack read by accident)
            std::unique_ptr<char[]> copy(new char[size_t(std::max<qsizetype>(1, b.size()))]);
            std::memcpy(copy.get(), b.constData(), size_t(b.size()));
            return OverlapIndex::deserialize(f.options, QByteArrayView(copy.get(), b.size())) == nullptr;
        };
        for (qsizetype n = 0; n < bytes.size(); n += (n < 300 ? 1 : 97))
            QVERIFY2(exact(bytes.left(n)), qPrintable(QString::number(n)));
        QVERIFY(exact(bytes.left(bytes.size() - 1)));
        QVERIFY(exact(bytes + QByteArray(1, '\0')));
        for (qsizetype i = 0; i < bytes.size(); i += (i < 200 ? 1 : 37)) {
            for (int bit : {0, 7}) {
                QByteArray b = bytes;
                b[i] = char(b[i] ^ (1 << bit));
                QVERIFY2(exact(b), qPrintable(QStringLiteral("byte %1 bit %2").arg(i).arg(bit)));
            }
        }
        QVERIFY(!OverlapIndex::deserialize(f.options, QByteArray("ADOVLPIX")));
        QVERIFY(!OverlapIndex::deserialize(f.options, QByteArray(4096, '\0')));
    }

    // Damage behind a matching checksum (what a forged or mis-written payload would be): every length,
    // index and status is checked, so random changes to the bytes, or a truncation with the checksum made
    // to match, give null or an index that answers without reading out of bounds (run under
    // AddressSanitizer: ABUSEDESK_SANITIZE).
    void damageBehindAValidChecksumIsBoundsChecked()
    {
        Fixture f(*policy);
        const QByteArray bytes = f.index->serialize();
        const QByteArray body = bytes.left(bytes.size() - 8);
        auto withChecksum = [](QByteArray b) {
            const quint64 c = OverlapIndex::payloadChecksum(b);
            b.append(reinterpret_cast<const char*>(&c), sizeof c);
            return b;
        };
        QVERIFY(OverlapIndex::deserialize(f.options, withChecksum(body)));
        // truncated bodies with a matching checksum: never an index
        for (qsizetype n = 0; n < body.size(); n += (n < 400 ? 1 : 61))
            QVERIFY2(!OverlapIndex::deserialize(f.options, withChecksum(body.left(n))),
                     qPrintable(QString::number(n)));
        QVERIFY(!OverlapIndex::deserialize(f.options, withChecksum(body + QByteArray(8, '\0'))));
        // random bytes changed (lengths, offsets, indexes, statuses, text): null or a usable index
        std::mt19937 rng(11);
        int refused = 0, accepted = 0;
        for (int round = 0; round < 3000; ++round) {
            QByteArray b = body;
            const int changes = 1 + int(rng() % 4);
            for (int c = 0; c < changes; ++c) {
                const qsizetype at = qsizetype(rng() % quint32(b.size()));
                switch (rng() % 3) {
                case 0:
                    b[at] = char(rng());
                    break;
                case 1:
                    b[at] = char(0xff);
                    break;
                default:
                    b[at] = char(b[at] + 1);
                    break;
                }
            }
            const auto idx = OverlapIndex::deserialize(f.options, withChecksum(b));
            if (!idx) {
                ++refused;
                continue;
            }
            ++accepted;
            for (const QString& id : f.ids)
                idx->linksFor(id);
        }
        QVERIFY(refused > 0);
        qInfo("damaged payloads with a matching checksum: %d refused, %d accepted", refused, accepted);
    }

    void largerIndexRoundTrip()
    {
        // 3,000 accounts, 6,000 messages with planted near-duplicates and shared From addresses/domains.
        std::mt19937 rng(42);
        const OverlapIndex::Options o = OverlapIndex::options(*policy);
        OverlapIndex idx(o);
        QStringList ids;
        qint64 msgId = 1;
        for (int n = 0; n < 3000; ++n) {
            const QString id = QStringLiteral("S%1").arg(n, 5, 10, QLatin1Char('0'));
            ids << id;
            QStringList from{QStringLiteral("sender%1@s%1.example").arg(n)};
            if (n % 3 == 1)
                from << QStringLiteral("sender%1@s%1.example").arg(n - 1);
            idx.addAccount(id, n % 101 == 0 ? AccountStatus::Terminated : AccountStatus::Active, from);
            for (int k = 0; k < 2; ++k) {
                QString text = randomText(rng);
                if (n % 10 == 0 && k == 0)
                    text =
                        variant(QStringLiteral("boots%1").arg(n % 7)) + QStringLiteral(" ref%1").arg(n % 30);
                idx.addMessage(msg(id, msgId++, {}, {QStringLiteral("d%1.example").arg(n / 4)}, text));
            }
        }
        idx.finish();
        const auto restored = OverlapIndex::deserialize(o, idx.serialize());
        QVERIFY(restored);
        QCOMPARE(restored->messageCount(), 6000);
        const QStringList a = describeAll(idx, ids), b = describeAll(*restored, ids);
        QCOMPARE(b, a);
        QVERIFY(a.join(u'\n').contains(u"content:"));
    }
};

QTEST_GUILESS_MAIN(TestOverlapStore)
#include "test_overlap_store.moc"
