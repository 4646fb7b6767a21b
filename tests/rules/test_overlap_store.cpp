// SPDX-License-Identifier: GPL-3.0-or-later
// The persisted cross-account overlap index: OverlapIndex::serialize / deserialize (the restored index
// answers linksFor exactly as the built one; damaged, truncated or foreign bytes are refused, never read
// out of bounds) and EvaluationService keeping it in the case store (a later service without the
// process-wide cache loads it instead of building; an import, other options or a damaged row make it
// build again, with the same evaluations; a read-only store or a failing save still evaluates; a schema-1
// store is migrated).
#include "rules/evaluator.h"
#include "rules/finding.h"
#include "rules/overlap.h"
#include "rulestest.h"
#include "store/casestore.h"
#include "store/sqlite.h"
#include "util/error.h"

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

QByteArray encode(const Evaluation& e)
{
    QByteArray out;
    appendIndentedJson(out, e, 1);
    return out;
}

// Every evaluation of a whole-store run, encoded as `evaluate --json` encodes it, in order.
QByteArray evaluateStore(CaseStore& store, const Policy& policy, int threads = 2)
{
    EvaluationService service(store, policy);
    service.setThreadCount(threads);
    QByteArray out;
    service.evaluateEach(rt::T("2026-11-20T00:00:00Z"), &encode,
                         [&](Evaluation&&, QByteArray&& bytes) { out += bytes + '\n'; });
    return out;
}

struct Counts
{
    qint64 builds = EvaluationService::overlapBuildCount();
    qint64 loads = EvaluationService::overlapLoadCount();
    qint64 newBuilds() const { return EvaluationService::overlapBuildCount() - builds; }
    qint64 newLoads() const { return EvaluationService::overlapLoadCount() - loads; }
};

qint64 persistedRows(CaseStore& store)
{
    return store.database().queryInt("SELECT count(*) FROM overlap_index");
}

// 400 accounts with every kind of link: From addresses shared in threes (accounts.csv and campaigns),
// link domains shared in pairs, two near-duplicate templates across many accounts, a From address shared
// by every seventh account (crowded for a policy with max_accounts_per_key 5), terminated and suspended
// accounts among them; every other account's message is random text.
void fillStore(CaseStore& store, const QString& sha = QStringLiteral("a"), int accounts = 400)
{
    ImportInfo info;
    info.bundlePath = "overlap";
    info.bundleSha256 = QString(64, sha.at(0));
    info.exportedAt = rt::T("2026-11-20T00:00:00Z");
    info.source = "test";
    info.importedAt = rt::T("2026-11-21T00:00:00Z").addSecs(store.imports().size());
    info.importedBy = "tester";
    auto w = store.beginImport(info);
    std::mt19937 rng(5);
    for (int i = 0; i < accounts; ++i) {
        Account a;
        a.id = QStringLiteral("P%1").arg(i, 4, 10, QLatin1Char('0'));
        a.name = a.id;
        a.ownerEmail = a.id.toLower() + "@owner.example";
        a.signupAt = rt::T("2025-01-01T00:00:00Z");
        a.status = i % 53 == 5 ? AccountStatus::Terminated
                               : (i % 41 == 7 ? AccountStatus::Suspended : AccountStatus::Active);
        a.fromAddresses = {i % 4 == 0 ? QStringLiteral("news%1@group.example").arg(i / 12)
                                      : a.id.toLower() + "@own.example"};
        if (i % 7 == 0)
            a.fromAddresses << QStringLiteral("crowd@many.example");
        w->addAccount(a);
        Campaign c;
        c.accountId = a.id;
        c.campaignId = QStringLiteral("C1");
        c.sentAt = rt::T("2026-10-01T00:00:00Z").addDays(i % 20);
        c.sent = 1000;
        c.delivered = 990;
        c.bounces = 10;
        c.complaints = i % 5;
        c.unsubscribes = i % 9;
        c.uniqueOpens = 100 + i % 50;
        c.fromAddress = i % 4 == 1 ? QStringLiteral("Group <news%1@group.example>").arg(i / 12) : QString();
        w->addCampaign(c);
        StoredMessage m;
        m.accountId = a.id;
        m.campaignId = c.campaignId;
        m.file = u"messages/" + a.id + u"/1.eml";
        m.from = a.id.toLower() + "@own.example";
        m.subject = QStringLiteral("Offer");
        m.date = rt::T("2026-10-01T10:00:00Z");
        m.text = i % 10 == 0 ? variant(QStringLiteral("boots%1").arg(i % 3))
                 : i % 10 == 1
                     ? QStringLiteral("Our bakery opens a second shop downtown next week with fresh "
                                      "bread pastries and coffee every morning from seven o clock "
                                      "come and taste the new sourdough recipe number %1")
                           .arg(i % 2)
                     : randomText(rng);
        m.raw =
            QByteArray("From: ") + m.from.toUtf8() + "\r\nSubject: Offer\r\n\r\n" + m.text.toUtf8() + "\r\n";
        m.links = {MessageLink{QStringLiteral("Shop"), QStringLiteral("https://d%1.example/x").arg(i / 2)}};
        m.linkDomains = {QStringLiteral("d%1.example").arg(i / 2), QStringLiteral("facebook.com")};
        w->addMessage(m);
    }
    w->commit("{}");
}

void suspend(CaseStore& store, const QString& accountId)
{
    Decision dec;
    dec.accountId = accountId;
    dec.action = Action::Suspend;
    dec.recommended = Action::Suspend;
    dec.state = Decision::State::Effective;
    dec.reviewer = "rina";
    dec.at = rt::T("2026-11-22T00:00:00Z");
    dec.rationale = "Shares a From address with a terminated account.";
    dec.policyId = "optimais";
    dec.policyVersion = "1";
    dec.findingsJson = "[]";
    dec.noticeLanguage = "en";
    dec.noticeText = "Dear customer";
    store.recordDecision(dec, AccountStatus::Suspended, [&](const std::optional<AuditEntry>& last) {
        AuditEntry a;
        a.seq = last ? last->seq + 1 : 1;
        a.at = dec.at;
        a.actor = dec.reviewer;
        a.kind = "decision";
        a.accountId = dec.accountId;
        a.payloadJson = "{}";
        a.prevHash = last ? last->hash : QString();
        a.hash = QString(64, QLatin1Char('0'));
        return a;
    });
}

Policy withOverlapParams(const QJsonObject& params, const QStringList& platformDomains = {})
{
    QJsonObject raw = Policy::builtin(QStringLiteral("optimais")).raw();
    QJsonObject rules = raw.value("rules").toObject();
    QJsonObject rule = rules.value("multi-account-overlap").toObject();
    QJsonObject p = rule.value("params").toObject();
    for (auto it = params.begin(); it != params.end(); ++it)
        p.insert(it.key(), it.value());
    rule.insert("params", p);
    rules.insert("multi-account-overlap", rule);
    raw.insert("rules", rules);
    if (!platformDomains.isEmpty()) {
        QJsonArray domains = raw.value("platform_domains").toArray();
        for (const QString& d : platformDomains)
            domains.append(d);
        raw.insert("platform_domains", domains);
    }
    return Policy::fromJson(QJsonDocument(raw).toJson(), QStringLiteral("test policy"));
}

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

    // ---- EvaluationService and the case store ---------------------------------------------------------

    // The first service builds and saves; one in a fresh process cache loads it (no build), with one and
    // two threads and for one account, and evaluates byte for byte the same; statuses changed by a decision
    // after the save are seen by the loaded index as by a fresh build.
    void serviceLoadsInsteadOfBuilding()
    {
        QTemporaryDir dir;
        CaseStore store(dir.filePath(QStringLiteral("s.sqlite")));
        fillStore(store);
        EvaluationService::clearOverlapCache();
        Counts c;
        const QByteArray built = evaluateStore(store, *policy);
        QCOMPARE(c.newBuilds(), 1);
        QCOMPARE(c.newLoads(), 0);
        QCOMPARE(persistedRows(store), 1);
        // the fixture links accounts in every way
        QVERIFY(built.contains("\"multi-account-overlap\""));
        QVERIFY(built.contains("\"suspension-evasion\""));
        QVERIFY(built.contains("group.example"));
        QVERIFY(built.contains("d1.example"));
        QVERIFY(built.contains("\"similarity\""));
        for (int threads : {1, 2}) {
            EvaluationService::clearOverlapCache();
            Counts l;
            QCOMPARE(evaluateStore(store, *policy, threads), built);
            QCOMPARE(l.newBuilds(), 0);
            QCOMPARE(l.newLoads(), 1);
            // the next service of the process takes it from the process cache
            QCOMPARE(evaluateStore(store, *policy, threads), built);
            QCOMPARE(l.newLoads(), 1);
            QCOMPARE(l.newBuilds(), 0);
        }
        EvaluationService::clearOverlapCache();
        {
            Counts l;
            EvaluationService one(store, *policy);
            const QByteArray e = encode(one.evaluateAccount("P0010", rt::T("2026-11-20T00:00:00Z")));
            QVERIFY(built.contains(e));
            QCOMPARE(l.newLoads(), 1);
            QCOMPARE(l.newBuilds(), 0);
        }

        // a decision after the save: the loaded index reports the new status, as a fresh build does
        suspend(store, "P0002");
        EvaluationService::clearOverlapCache();
        Counts l;
        const QByteArray loaded = evaluateStore(store, *policy);
        QCOMPARE(l.newLoads(), 1);
        QCOMPARE(l.newBuilds(), 0);
        QVERIFY(loaded != built);
        EvaluationService::setOverlapPersistence(false);
        EvaluationService::clearOverlapCache();
        const QByteArray rebuilt = evaluateStore(store, *policy);
        EvaluationService::setOverlapPersistence(true);
        QCOMPARE(l.newBuilds(), 1);
        QCOMPARE(l.newLoads(), 1);
        QCOMPARE(loaded, rebuilt);
    }

    // A restored index that holds only a few of the store's accounts (3 linked accounts of 200) takes
    // their statuses from the store one by one instead of reading every account: a suspension recorded
    // after the save turns the shared From address into suspension-evasion exactly as a fresh build does,
    // with one and two threads.
    void fewLinkedAccountsTakeTheirStatusesFromTheStore()
    {
        QTemporaryDir dir;
        CaseStore store(dir.filePath(QStringLiteral("few.sqlite")));
        {
            ImportInfo info;
            info.bundlePath = "few";
            info.bundleSha256 = QString(64, QLatin1Char('f'));
            info.exportedAt = rt::T("2026-11-20T00:00:00Z");
            info.source = "test";
            info.importedAt = rt::T("2026-11-21T00:00:00Z");
            info.importedBy = "tester";
            auto w = store.beginImport(info);
            for (int i = 0; i < 200; ++i) {
                Account a;
                a.id = QStringLiteral("Q%1").arg(i, 4, 10, QLatin1Char('0'));
                a.name = a.id;
                a.ownerEmail = a.id.toLower() + "@owner.example";
                a.signupAt = rt::T("2025-01-01T00:00:00Z");
                a.fromAddresses = {i % 99 == 1 ? QStringLiteral("shared@x.example")
                                               : a.id.toLower() + "@own.example"};
                w->addAccount(a);
            }
            w->commit("{}");
        }
        EvaluationService::clearOverlapCache();
        const QByteArray before = evaluateStore(store, *policy);
        QVERIFY(before.contains("\"multi-account-overlap\""));
        QVERIFY(!before.contains("\"suspension-evasion\""));
        QCOMPARE(persistedRows(store), 1);
        suspend(store, "Q0100");
        for (int threads : {1, 2}) {
            EvaluationService::clearOverlapCache();
            Counts c;
            const QByteArray loaded = evaluateStore(store, *policy, threads);
            QCOMPARE(c.newLoads(), 1);
            QCOMPARE(c.newBuilds(), 0);
            QVERIFY(loaded.contains("\"suspension-evasion\""));
            EvaluationService::setOverlapPersistence(false);
            EvaluationService::clearOverlapCache();
            const QByteArray rebuilt = evaluateStore(store, *policy, threads);
            EvaluationService::setOverlapPersistence(true);
            QCOMPARE(c.newBuilds(), 1);
            QCOMPARE(loaded, rebuilt);
        }
    }

    // Without persistence nothing is saved or loaded.
    void persistenceCanBeSwitchedOff()
    {
        QTemporaryDir dir;
        CaseStore store(dir.filePath(QStringLiteral("s.sqlite")));
        fillStore(store, "a", 60);
        EvaluationService::setOverlapPersistence(false);
        EvaluationService::clearOverlapCache();
        Counts c;
        const QByteArray a = evaluateStore(store, *policy);
        QCOMPARE(persistedRows(store), 0);
        EvaluationService::clearOverlapCache();
        QCOMPARE(evaluateStore(store, *policy), a);
        EvaluationService::setOverlapPersistence(true);
        QCOMPARE(c.newBuilds(), 2);
        QCOMPARE(c.newLoads(), 0);
    }

    // An import deletes the saved index: the next service builds from the new data (and saves it).
    void importInvalidates()
    {
        QTemporaryDir dir;
        CaseStore store(dir.filePath(QStringLiteral("s.sqlite")));
        fillStore(store, "a", 100);
        EvaluationService::clearOverlapCache();
        Counts c;
        const QByteArray before = evaluateStore(store, *policy);
        QCOMPARE(persistedRows(store), 1);
        fillStore(store, "b", 200); // re-imports P0000-P0099, adds P0100-P0199
        QCOMPARE(persistedRows(store), 0);
        EvaluationService::clearOverlapCache();
        const QByteArray after = evaluateStore(store, *policy);
        QCOMPARE(c.newBuilds(), 2);
        QCOMPARE(c.newLoads(), 0);
        QVERIFY(after.size() > before.size());
        QVERIFY(after.contains("P0150"));
        QCOMPARE(persistedRows(store), 1);
        EvaluationService::clearOverlapCache();
        QCOMPARE(evaluateStore(store, *policy), after);
        QCOMPARE(c.newLoads(), 1);
    }

    // Other overlap options (platform domains, jaccard threshold, max accounts per key) never use the
    // index of the others: each builds once and is saved next to them; each loads its own afterwards.
    void otherOptionsBuildTheirOwn()
    {
        QTemporaryDir dir;
        CaseStore store(dir.filePath(QStringLiteral("s.sqlite")));
        fillStore(store, "a", 200);
        const QList<Policy> policies{*policy, withOverlapParams({}, {QStringLiteral("group.example")}),
                                     withOverlapParams({{"jaccard_threshold", 0.95}}),
                                     withOverlapParams({{"max_accounts_per_key", 5}})};
        QList<QByteArray> outputs;
        EvaluationService::clearOverlapCache();
        Counts c;
        for (const Policy& p : policies)
            outputs << evaluateStore(store, p);
        QCOMPARE(c.newBuilds(), policies.size());
        QCOMPARE(c.newLoads(), 0);
        QCOMPARE(persistedRows(store), policies.size());
        // the options matter here: every output differs from the default policy's
        for (qsizetype i = 1; i < outputs.size(); ++i)
            QVERIFY2(outputs[i] != outputs[0], qPrintable(QString::number(i)));
        for (qsizetype i = 0; i < policies.size(); ++i) {
            EvaluationService::clearOverlapCache();
            QCOMPARE(evaluateStore(store, policies[i]), outputs[i]);
        }
        QCOMPARE(c.newBuilds(), policies.size());
        QCOMPARE(c.newLoads(), policies.size());
    }

    // A damaged row (truncated, a flipped bit, garbage, empty, another format) is not used: the service
    // builds, evaluates exactly as before and saves a good row again.
    void damagedRowFallsBackToABuild()
    {
        QTemporaryDir dir;
        CaseStore store(dir.filePath(QStringLiteral("s.sqlite")));
        fillStore(store, "a", 200);
        EvaluationService::clearOverlapCache();
        const QByteArray expected = evaluateStore(store, *policy);
        sql::Statement get(store.database(), "SELECT payload FROM overlap_index", false);
        QVERIFY(get.step());
        const QByteArray good = get.blob(0);
        get = sql::Statement();
        QVERIFY(good.size() > 100);
        QByteArray flipped = good;
        flipped[good.size() / 2] = char(flipped[good.size() / 2] ^ 0x10);
        const QList<QByteArray> damaged{good.left(good.size() / 2), good.left(good.size() - 1), flipped,
                                        QByteArray(good.size(), 'x'), QByteArray()};
        for (qsizetype i = 0; i <= damaged.size(); ++i) {
            if (i < damaged.size()) {
                sql::Statement set(store.database(), "UPDATE overlap_index SET payload = ?1", false);
                set.bindBlob(1, damaged[i]);
                set.exec();
            } else {
                store.database().exec("UPDATE overlap_index SET format = format + 1");
            }
            EvaluationService::clearOverlapCache();
            Counts c;
            QCOMPARE(evaluateStore(store, *policy), expected);
            QCOMPARE(c.newBuilds(), 1);
            QCOMPARE(c.newLoads(), 0);
            sql::Statement again(store.database(), "SELECT payload, format FROM overlap_index", false);
            QVERIFY(again.step());
            QCOMPARE(again.blob(0), good);
            QCOMPARE(again.int64(1), qint64(OverlapIndex::kSerialFormat));
        }
    }

    // A store that cannot be written (here: a query_only connection) still evaluates: the index is
    // built, the save fails quietly, the output is the same.
    void readOnlyStoreStillEvaluates()
    {
        QTemporaryDir dir;
        CaseStore store(dir.filePath(QStringLiteral("s.sqlite")));
        fillStore(store, "a", 200);
        EvaluationService::clearOverlapCache();
        const QByteArray expected = evaluateStore(store, *policy);
        store.database().exec("DELETE FROM overlap_index");
        store.database().exec("PRAGMA query_only=ON");
        EvaluationService::clearOverlapCache();
        Counts c;
        // cached rows unchanged: the evaluation writes nothing, the index save is refused
        QCOMPARE(evaluateStore(store, *policy), expected);
        QCOMPARE(c.newBuilds(), 1);
        store.database().exec("PRAGMA query_only=OFF");
        QCOMPARE(persistedRows(store), 0);
        // a save that fails for any other reason likewise
        store.database().exec("CREATE TRIGGER no_index BEFORE INSERT ON overlap_index BEGIN "
                              "SELECT RAISE(ABORT, 'no room'); END");
        EvaluationService::clearOverlapCache();
        QCOMPARE(evaluateStore(store, *policy), expected);
        EvaluationService one(store, *policy);
        EvaluationService::clearOverlapCache();
        QVERIFY(expected.contains(encode(one.evaluateAccount("P0010", rt::T("2026-11-20T00:00:00Z")))));
        QCOMPARE(c.newBuilds(), 3);
        QCOMPARE(c.newLoads(), 0);
        QCOMPARE(persistedRows(store), 0);
    }

    // A schema-1 store (written before the table existed) is upgraded when opened and then keeps the index.
    void schemaOneStoreKeepsTheIndexAfterUpgrade()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.sqlite"));
        QByteArray expected;
        {
            CaseStore store(path);
            fillStore(store, "a", 100);
            EvaluationService::clearOverlapCache();
            expected = evaluateStore(store, *policy);
            // back to schema 1: what a store written by the previous version looks like
            store.database().exec("DROP TABLE overlap_index; PRAGMA user_version=1");
        }
        {
            sql::Database db(path);
            QCOMPARE(db.queryInt("PRAGMA user_version"), qint64(1));
        }
        CaseStore store(path);
        QCOMPARE(store.schemaVersion(), CaseStore::kSchemaVersion);
        EvaluationService::clearOverlapCache();
        Counts c;
        QCOMPARE(evaluateStore(store, *policy), expected);
        QCOMPARE(persistedRows(store), 1);
        EvaluationService::clearOverlapCache();
        QCOMPARE(evaluateStore(store, *policy), expected);
        QCOMPARE(c.newBuilds(), 1);
        QCOMPARE(c.newLoads(), 1);
    }
};

QTEST_GUILESS_MAIN(TestOverlapStore)
#include "test_overlap_store.moc"
