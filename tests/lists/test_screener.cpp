// SPDX-License-Identifier: GPL-3.0-or-later
// List screening (core/lists): syntax, folding, role, disposable, typo, counts, JSON details, CSV reader.
#include "lists/address.h"
#include "lists/csv.h"
#include "lists/screener.h"
#include "lists/u64set.h"
#include "util/error.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace ad::lists;

namespace {

ScreeningConfig shipped()
{
    qputenv("ABUSEDESK_RESOURCES", ABUSEDESK_RESOURCES);
    return ScreeningConfig::defaults();
}

int screenOne(const QString& email)
{
    Screener s(shipped());
    return s.add(email, 2);
}

QJsonObject details(Screener& s)
{
    return QJsonDocument::fromJson(s.finish().detailsJson.toUtf8()).object();
}

} // namespace

class TestScreener : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void syntax_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("reason");
        auto row = [](const char* name, const QByteArray& a, bool v, const char* reason = "") {
            QTest::newRow(name) << QString::fromUtf8(a) << v << QString::fromUtf8(reason);
        };
        row("plain", "budi@example.co.id", true);
        row("upper case", "Budi.Santoso@Example.COM", true);
        row("trimmed", "  siti@example.com \t", true);
        row("plus tag", "a+news@example.com", true);
        row("atext specials", "o'brien!#$%&*/=?^_`{|}~-x@example.com", true);
        row("quoted local", "\"john doe\"@example.com", true);
        row("quoted with escaped quote", "\"a\\\"b\"@example.com", true);
        row("quoted with @", "\"a@b\"@example.com", true);
        row("hyphen in domain", "x@my-shop.example.id", true);
        row("xn-- domain", "x@xn--bcher-kva.example", true);
        row("local 64", QByteArray(QByteArray(64, 'a') + "@example.com"), true);
        row("empty", "", false, "empty");
        row("blank", "   ", false, "empty");
        row("no at", "budi.example.com", false, "missing @");
        row("two at", "a@b@example.com", false, "more than one @");
        row("empty local", "@example.com", false, "empty local part");
        row("empty domain", "budi@", false, "empty domain");
        row("no dot", "budi@localhost", false, "domain has no dot");
        row("leading dot", ".budi@example.com", false, "local part starts or ends with a dot");
        row("trailing dot local", "budi.@example.com", false, "local part starts or ends with a dot");
        row("double dot", "bu..di@example.com", false, "consecutive dots in local part");
        row("space", "budi santoso@example.com", false, "space in address");
        row("comma", "budi,santoso@example.com", false, "invalid character in local part");
        row("display name", "Budi <budi@example.com>", false, "space in address");
        row("angle brackets", "<budi@example.com>", false, "invalid character in local part");
        row("local 65", QByteArray(QByteArray(65, 'a') + "@example.com"), false,
            "local part longer than 64 characters");
        row("ip literal", "budi@[192.0.2.1]", false, "IP-address literal domains are not accepted");
        row("numeric tld", "budi@192.0.2.1", false, "top-level domain is numeric");
        row("trailing dot domain", "budi@example.com.", false, "domain ends with a dot");
        row("double dot domain", "budi@example..com", false, "empty label in domain");
        row("hyphen label start", "budi@-shop.example.com", false,
            "domain label starts or ends with a hyphen");
        row("hyphen label end", "budi@shop-.example.com", false, "domain label starts or ends with a hyphen");
        row("underscore domain", "budi@my_shop.com", false, "invalid character in domain");
        row("label 64", QByteArray("x@" + QByteArray(64, 'a') + ".com"), false,
            "domain label longer than 63 characters");
        row("too long",
            QByteArray("x@" + QByteArray(60, 'a') + "." + QByteArray(60, 'b') + "." + QByteArray(60, 'c') +
                       "." + QByteArray(60, 'd') + "." + QByteArray(60, 'e') + ".com"),
            false, "address longer than 254 characters");
        row("non-ascii local", "bü@example.com", false,
            "non-ASCII characters (internationalised addresses are not accepted)");
        row("unicode domain", "x@bücher.example", false,
            "non-ASCII characters (internationalised addresses are not accepted)");
        row("unterminated quote", "\"abc@example.com", false, "unterminated quoted local part");
        row("text after quote", "\"abc\"x@example.com", false, "text after quoted local part");
        row("empty quoted", "\"\"@example.com", false, "empty local part");
    }
    void syntax()
    {
        QFETCH(QString, address);
        QFETCH(bool, valid);
        QFETCH(QString, reason);
        char buf[kAddressBuffer];
        const AddressCheck a = checkAddress(address, buf);
        QCOMPARE(a.valid, valid);
        if (!valid)
            QCOMPARE(QString::fromLatin1(a.reason), reason);
        QCOMPARE(screenOne(address) & Invalid, valid ? 0 : int(Invalid));
    }

    void lowerCasedParts()
    {
        char buf[kAddressBuffer];
        const AddressCheck a = checkAddress(u"  Budi.S@Example.CO.ID ", buf);
        QVERIFY(a.valid);
        QCOMPARE(QByteArray(a.local.data(), qsizetype(a.local.size())), QByteArray("budi.s"));
        QCOMPARE(QByteArray(a.domain.data(), qsizetype(a.domain.size())), QByteArray("example.co.id"));
    }

    void folding_data()
    {
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("second");
        QTest::addColumn<bool>("duplicate");
        auto row = [](const char* name, const char* a, const char* b, bool dup) {
            QTest::newRow(name) << QString::fromUtf8(a) << QString::fromUtf8(b) << dup;
        };
        row("case", "Budi@Example.com", "budi@example.COM", true);
        row("whitespace", " budi@example.com", "budi@example.com  ", true);
        row("gmail dots", "budi.santoso@gmail.com", "budisantoso@gmail.com", true);
        row("gmail plus", "budi+promo@gmail.com", "budi@gmail.com", true);
        row("googlemail", "b.udi@googlemail.com", "budi@gmail.com", true);
        row("outlook plus", "siti+shop@outlook.com", "siti@outlook.com", true);
        row("hotmail plus", "siti+shop@hotmail.com", "Siti@hotmail.com", true);
        row("live plus", "siti+x@live.com", "siti@live.com", true);
        row("icloud plus", "siti+x@icloud.com", "siti@icloud.com", true);
        row("yahoo dash", "budi-promo@yahoo.com", "budi@yahoo.com", true);
        row("yahoo.co.id dash", "budi-promo@yahoo.co.id", "budi@yahoo.co.id", true);
        row("ymail dash", "budi-x@ymail.com", "budi@ymail.com", true);
        row("outlook dots kept", "s.iti@outlook.com", "siti@outlook.com", false);
        row("yahoo dots kept", "b.udi@yahoo.com", "budi@yahoo.com", false);
        row("yahoo plus kept", "budi+x@yahoo.com", "budi@yahoo.com", false);
        row("gmail dash kept", "budi-x@gmail.com", "budi@gmail.com", false);
        row("other domain plus kept", "budi+x@example.com", "budi@example.com", false);
        row("other domain dots kept", "b.udi@example.com", "budi@example.com", false);
        row("different domains", "budi@gmail.com", "budi@yahoo.com", false);
        row("quoted not folded", "\"b.udi\"@gmail.com", "budi@gmail.com", false);
    }
    void folding()
    {
        QFETCH(QString, first);
        QFETCH(QString, second);
        QFETCH(bool, duplicate);
        Screener s(shipped());
        QCOMPARE(s.add(first, 2) & Duplicate, 0);
        QCOMPARE(s.add(second, 3) & Duplicate, duplicate ? int(Duplicate) : 0);
        const ad::ListScreeningSummary sum = s.finish();
        QCOMPARE(sum.duplicates, duplicate ? 1 : 0);
    }

    void duplicateCountsEveryRepeat()
    {
        Screener s(shipped());
        s.add(u"a@example.com", 2);
        s.add(u"a@example.com", 3);
        s.add(u"A@EXAMPLE.COM", 4);
        s.add(u"not-an-address", 5);
        s.add(u"not-an-address", 6); // invalid rows are not duplicates
        const auto d = details(s);
        const QJsonObject dup = d[u"problems"][u"duplicate"].toObject();
        QCOMPARE(dup[u"count"].toInt(), 2);
        const QJsonArray ex = dup[u"examples"].toArray();
        QCOMPARE(ex.size(), 2);
        QCOMPARE(ex[0][u"line"].toInt(), 3);
        QCOMPARE(ex[1][u"email"].toString(), QStringLiteral("A@EXAMPLE.COM"));
        QCOMPARE(ex[1][u"key"].toString(), QStringLiteral("a@example.com"));
        QCOMPARE(d[u"distinct_addresses"].toInt(), 1);
        QCOMPARE(d[u"problems"][u"invalid"][u"count"].toInt(), 2);
    }

    void roles_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("role");
        for (const char* r :
             {"info", "sales", "webmaster", "bisnis", "admin", "support", "postmaster", "abuse", "noreply",
              "no-reply", "marketing", "office", "contact", "hello", "help"})
            QTest::newRow(r) << (QString::fromLatin1(r) + QStringLiteral("@tokoku.co.id")) << true;
        QTest::newRow("upper case") << QStringLiteral("INFO@tokoku.co.id") << true;
        QTest::newRow("plus tag") << QStringLiteral("sales+2026@tokoku.co.id") << true;
        QTest::newRow("person") << QStringLiteral("dewi@tokoku.co.id") << false;
        QTest::newRow("prefix only") << QStringLiteral("information@tokoku.co.id") << false;
        QTest::newRow("role as domain") << QStringLiteral("dewi@info.co.id") << false;
    }
    void roles()
    {
        QFETCH(QString, address);
        QFETCH(bool, role);
        QCOMPARE(screenOne(address) & Role, role ? int(Role) : 0);
    }

    void roleListFromConfig()
    {
        ScreeningConfig c = shipped();
        c.roleLocalParts = {QStringLiteral("Kasir")};
        Screener s(c);
        QCOMPARE(s.add(u"kasir@toko.id", 2) & Role, int(Role));
        QCOMPARE(s.add(u"info@toko.id", 3) & Role, 0);
    }

    void disposable_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("disposable");
        QTest::addColumn<QString>("listed");
        QTest::newRow("mailinator") << QStringLiteral("x@mailinator.com") << true
                                    << QStringLiteral("mailinator.com");
        QTest::newRow("subdomain") << QStringLiteral("x@abc.mailinator.com") << true
                                   << QStringLiteral("mailinator.com");
        QTest::newRow("deep subdomain")
            << QStringLiteral("x@a.b.guerrillamail.com") << true << QStringLiteral("guerrillamail.com");
        QTest::newRow("upper case") << QStringLiteral("x@YOPMAIL.com") << true
                                    << QStringLiteral("yopmail.com");
        QTest::newRow("10minutemail")
            << QStringLiteral("x@10minutemail.com") << true << QStringLiteral("10minutemail.com");
        QTest::newRow("suffix is not subdomain")
            << QStringLiteral("x@mymailinator.com") << false << QString();
        QTest::newRow("disposable as subdomain of real")
            << QStringLiteral("x@mailinator.com.example.org") << false << QString();
        QTest::newRow("gmail") << QStringLiteral("x@gmail.com") << false << QString();
    }
    void disposable()
    {
        QFETCH(QString, address);
        QFETCH(bool, disposable);
        QFETCH(QString, listed);
        Screener s(shipped());
        QCOMPARE(s.add(address, 7) & Disposable, disposable ? int(Disposable) : 0);
        const auto ex = details(s)[u"problems"][u"disposable"][u"examples"].toArray();
        QCOMPARE(ex.size(), disposable ? 1 : 0);
        if (disposable) {
            QCOMPARE(ex[0][u"domain"].toString(), listed);
            QCOMPARE(ex[0][u"line"].toInt(), 7);
        }
    }

    void typos_data()
    {
        QTest::addColumn<QString>("domain");
        QTest::addColumn<QString>("suggestion"); // empty: not a typo
        auto row = [](const char* d, const char* sug) {
            QTest::newRow(d) << QString::fromLatin1(d) << QString::fromLatin1(sug);
        };
        row("gmial.com", "gmail.com");
        row("gmal.com", "gmail.com");
        row("gmail.con", "gmail.com");
        row("gmail.co", "gmail.com");
        row("gamil.com", "gmail.com");
        row("gnail.con", "gmail.com");
        row("yahooo.com", "yahoo.com");
        row("yaho.com", "yahoo.com");
        row("yahoo.co.ld", "yahoo.co.id");
        row("yahoo.co.di", "yahoo.co.id");
        row("hotmial.com", "hotmail.com");
        row("hotmai.com", "hotmail.com");
        row("outlok.com", "outlook.com");
        row("outllok.con", "outlook.com");
        row("iclod.com", "icloud.com");
        row("aol.con", "aol.com");
        row("live.con", "live.com");
        // never typos: real providers, the mailbox domains themselves, ordinary domains
        for (const char* d :
             {"gmail.com",      "googlemail.com", "yahoo.com",     "yahoo.co.id",   "ymail.com", "aim.com",
              "rocketmail.com", "yahoo.co.in",    "yahoo.co.uk",   "yahoo.ca",      "mail.com",  "email.com",
              "gmx.com",        "cloud.com",      "hotmail.co.uk", "outlook.co.id", "aol.com",   "me.com",
              "mac.com",        "msn.com",        "live.com",      "icloud.com"})
            row(d, "");
        // short targets: only top-level typos with the name unchanged
        row("aon.com", "");
        row("life.com", "");
        row("lime.com", "");
        row("msm.com", "");
        // ordinary domains far from any target
        row("tokopedia.com", "");
        row("example.co.id", "");
        row("ui.ac.id", "");
        // disposable domains are reported as disposable, not as typos
        row("mailinator.com", "");
    }
    void typos()
    {
        QFETCH(QString, domain);
        QFETCH(QString, suggestion);
        Screener s(shipped());
        const int p = s.add(QString(QStringLiteral("budi@") + domain), 2);
        QCOMPARE(p & Typo, suggestion.isEmpty() ? 0 : int(Typo));
        const auto ex = details(s)[u"problems"][u"typo"][u"examples"].toArray();
        if (!suggestion.isEmpty())
            QCOMPARE(ex[0][u"suggestion"].toString(), suggestion);
    }

    void cleanRealProviderList()
    {
        Screener s(shipped());
        const QStringList list{"budi.santoso@gmail.com",
                               "siti.rahma@yahoo.com",
                               "agus@yahoo.co.id",
                               "dewi@ymail.com",
                               "rina@aim.com",
                               "joko@rocketmail.com",
                               "maria@hotmail.com",
                               "kevin@outlook.com",
                               "lisa@icloud.com",
                               "tom@aol.com",
                               "ana@live.com",
                               "wayan@yahoo.co.in",
                               "putu@gmx.com",
                               "made@mail.com",
                               "nyoman@protonmail.com",
                               "fajar@outlook.co.id",
                               "ayu@telkom.net",
                               "andi@me.com",
                               "eka@msn.com",
                               "hendra@googlemail.com",
                               "sri@zoho.com",
                               "yusuf@qq.com"};
        qint64 line = 2;
        for (const QString& a : list)
            QCOMPARE(s.add(a, line++), 0);
        const auto sum = s.finish();
        QCOMPARE(sum.rows, list.size());
        QCOMPARE(sum.invalid + sum.duplicates + sum.role + sum.disposable + sum.typo, 0);
        const auto d = QJsonDocument::fromJson(sum.detailsJson.toUtf8()).object();
        QCOMPARE(d[u"clean"].toInt(), list.size());
    }

    void countsSharesAndExamples()
    {
        ScreeningConfig c = shipped();
        c.maxExamples = 2;
        c.topDomains = 2;
        Screener s(c);
        qint64 line = 2;
        for (int i = 0; i < 6; ++i)
            s.add(QStringLiteral("user%1@gmail.com").arg(i), line++);
        for (int i = 0; i < 3; ++i)
            s.add(QStringLiteral("user%1@tokoku.co.id").arg(i), line++);
        s.add(u"x@mailinator.com", line++); // line 11
        s.add(u"bad address", line++);      // line 12
        s.add(u"also bad", line++);         // line 13
        s.add(u"still@bad", line++);        // line 14
        s.add(u"info@gmial.com", line++);   // line 15: role + typo
        s.add(u"user0@gmail.com", line++);  // line 16: duplicate
        const ad::ListScreeningSummary sum = s.finish();
        QCOMPARE(sum.rows, 15);
        QCOMPARE(sum.invalid, 3);
        QCOMPARE(sum.duplicates, 1);
        QCOMPARE(sum.role, 1);
        QCOMPARE(sum.disposable, 1);
        QCOMPARE(sum.typo, 1);
        const auto d = QJsonDocument::fromJson(sum.detailsJson.toUtf8()).object();
        QCOMPARE(d.keys(),
                 (QStringList{"clean", "distinct_addresses", "domains", "problems", "rows", "valid"}));
        QCOMPARE(d[u"valid"].toInt(), 12);
        QCOMPARE(d[u"clean"].toInt(), 9);
        const QJsonObject inv = d[u"problems"][u"invalid"].toObject();
        QCOMPARE(inv.keys(), (QStringList{"count", "examples", "share"}));
        QCOMPARE(inv[u"share"].toDouble(), 0.2);
        QCOMPARE(inv[u"examples"].toArray().size(), 2); // capped
        QCOMPARE(inv[u"examples"][0].toObject(),
                 (QJsonObject{{"line", 12}, {"email", "bad address"}, {"reason", "missing @"}}));
        QCOMPARE(d[u"problems"][u"typo"][u"examples"][0].toObject(),
                 (QJsonObject{{"line", 15}, {"email", "info@gmial.com"}, {"suggestion", "gmail.com"}}));
        QCOMPARE(d[u"problems"].toObject().keys(),
                 (QStringList{"disposable", "duplicate", "invalid", "role", "typo"}));
        const QJsonObject dom = d[u"domains"].toObject();
        QCOMPARE(dom[u"distinct"].toInt(), 4);
        QCOMPARE(dom[u"exact"].toBool(), true);
        const QJsonArray top = dom[u"top"].toArray();
        QCOMPARE(top.size(), 2);
        QCOMPARE(top[0].toObject(), (QJsonObject{{"domain", "gmail.com"},
                                                 {"count", 7},
                                                 {"share", 0.583333},
                                                 {"disposable", false},
                                                 {"typo_of", QJsonValue()}}));
        QCOMPARE(top[1][u"domain"].toString(), QStringLiteral("tokoku.co.id"));
        QCOMPARE(dom[u"other"].toObject(), (QJsonObject{{"domains", 2}, {"count", 2}, {"share", 0.166667}}));
    }

    void emptyList()
    {
        Screener s(shipped());
        const auto sum = s.finish();
        QCOMPARE(sum.rows, 0);
        const auto d = QJsonDocument::fromJson(sum.detailsJson.toUtf8()).object();
        QCOMPARE(d[u"problems"][u"invalid"][u"share"].toDouble(), 0.0);
        QCOMPARE(d[u"domains"][u"top"].toArray().size(), 0);
    }

    void domainsBeyondTheTrackedOnesAreCountedExactly()
    {
        ScreeningConfig c = shipped();
        c.maxTrackedDomains = 2;
        Screener s(c);
        s.add(u"a@one.com", 2);
        s.add(u"a@two.com", 3);
        s.add(u"a@three.com", 4);
        QCOMPARE(s.add(u"a@gmial.com", 5), int(Typo)); // screened the same when not tracked
        s.add(u"b@three.com", 6);
        s.add(u"c@three.com", 7);
        const auto d = details(s);
        QCOMPARE(s.spillStats().domainRecords, 2); // three.com (3) and gmial.com (1), from the cache
        QCOMPARE(d[u"domains"][u"exact"].toBool(), true);
        QCOMPARE(d[u"domains"][u"untracked"].toInt(), 0);
        QCOMPARE(d[u"domains"][u"distinct"].toInt(), 4);
        const QJsonArray top = d[u"domains"][u"top"].toArray();
        QCOMPARE(top[0][u"domain"].toString(), QStringLiteral("three.com"));
        QCOMPARE(top[0][u"count"].toInt(), 3);
        QCOMPARE(top[1][u"domain"].toString(), QStringLiteral("gmial.com"));
        QCOMPARE(top[1][u"typo_of"].toString(), QStringLiteral("gmail.com")); // classified again
        QCOMPARE(d[u"problems"][u"typo"][u"count"].toInt(), 1);
    }

    void distance()
    {
        QCOMPARE(damerauLevenshtein("gmail.com", "gmail.com", 2), 0);
        QCOMPARE(damerauLevenshtein("gmial.com", "gmail.com", 2), 1); // transposition
        QCOMPARE(damerauLevenshtein("gmal.com", "gmail.com", 2), 1);
        QCOMPARE(damerauLevenshtein("gnail.con", "gmail.com", 2), 2);
        QCOMPARE(damerauLevenshtein("yahoo.com", "gmail.com", 2), 3); // beyond the limit
        QCOMPARE(damerauLevenshtein("a", "abcd", 2), 3);
        QCOMPARE(damerauLevenshtein("ca", "abc", 3), 3); // OSA, not unrestricted DL
    }

    void hashSet()
    {
        U64Set set(16);
        for (std::uint64_t i = 0; i < 100000; ++i)
            QVERIFY(set.insert(hash64(std::to_string(i))));
        QCOMPARE(set.size(), std::size_t(100000));
        QVERIFY(set.capacity() >= 100000 * 4 / 3);
        for (std::uint64_t i = 0; i < 100000; ++i)
            QVERIFY(!set.insert(hash64(std::to_string(i))));
        QVERIFY(set.contains(hash64("99999")));
        QVERIFY(!set.contains(hash64("100000")));
        QVERIFY(set.insert(0)); // 0 is stored (as 1)
        QVERIFY(set.contains(0));
        QVERIFY(hash64("a@example.com") != hash64("b@example.com"));
        QVERIFY(hash64("") != hash64(std::string_view("\0", 1)));
    }

    void csvReader()
    {
        QByteArray data = "\xEF\xBB\xBF"
                          "name,email\r\n"
                          "\"Santoso, Budi\",budi@example.com\r\n"
                          "\r\n"
                          "\"multi\nline \"\"quoted\"\"\",\"siti@example.com\"\n"
                          "plain,  x@y.com  \r"
                          "last,z@example.com";
        QBuffer buf(&data);
        buf.open(QIODevice::ReadOnly);
        ListCsvReader r(buf, QStringLiteral("list.csv"));
        r.readHeader();
        QCOMPARE(r.header(), (QStringList{"name", "email"}));
        QCOMPARE(r.index(u"email"), 1);
        QVERIFY(r.next());
        QCOMPARE(r.line(), 2);
        QCOMPARE(r.text(0), QStringLiteral("Santoso, Budi"));
        QVERIFY(r.next());
        QCOMPARE(r.line(), 4);
        QCOMPARE(r.text(0), QStringLiteral("multi\nline \"quoted\""));
        QCOMPARE(r.text(1), QStringLiteral("siti@example.com"));
        QVERIFY(r.next());
        QCOMPARE(r.line(), 6);
        QCOMPARE(r.text(1), QStringLiteral("  x@y.com  "));
        QVERIFY(r.next());
        QCOMPARE(r.line(), 7);
        QCOMPARE(r.text(1), QStringLiteral("z@example.com"));
        QVERIFY(!r.next());
    }

    void csvErrors_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QByteArray() << "list.csv:1: the file is empty (a header row is required)";
        QTest::newRow("unterminated")
            << QByteArray("email\n\"a@b.com\nx\n") << "list.csv:2: column 1: unterminated quoted field";
        QTest::newRow("quote in field")
            << QByteArray("email\nab\"c@d.com\n") << "list.csv:2: column 1: quote inside an unquoted field";
        QTest::newRow("after quote") << QByteArray("email\n\"a\"b\n")
                                     << "list.csv:2: column 1: text after a closing quote";
        QTest::newRow("field count") << QByteArray("name,email\nx,a@b.com\ny\n")
                                     << "list.csv:3: 1 fields where the header has 2";
        QTest::newRow("duplicate column")
            << QByteArray("email,email\n") << "list.csv:1: column \"email\" appears twice in the header";
        QTest::newRow("empty column name")
            << QByteArray("email,\n") << "list.csv:1: column 2 of the header has no name";
    }
    void csvErrors()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, message);
        QBuffer buf(&data);
        buf.open(QIODevice::ReadOnly);
        ListCsvReader r(buf, QStringLiteral("list.csv"));
        try {
            r.readHeader();
            while (r.next()) {
            }
            QFAIL("no error");
        } catch (const ad::Error& e) {
            QCOMPARE(e.toString(), message);
            QCOMPARE(e.kind(), ad::Error::Kind::Input);
        }
    }

    void shippedListsLoad()
    {
        const ScreeningConfig c = shipped();
        QVERIFY(c.disposableDomains.size() >= 300);
        QVERIFY(c.disposableDomains.contains(QStringLiteral("mailinator.com")));
        QVERIFY(!c.disposableDomains.contains(QStringLiteral("gmail.com")));
        QVERIFY(c.mailboxDomains.contains(QStringLiteral("yahoo.co.id")));
        QVERIFY(c.realProviderDomains.contains(QStringLiteral("ymail.com")));
        // The shipped files: every mailbox domain is also listed as a real provider domain.
        const QString dir = QStringLiteral(ABUSEDESK_RESOURCES "/lists/");
        const QStringList real =
            ScreeningConfig::readListFile(dir + QStringLiteral("real-provider-domains.txt"));
        for (const QString& m : ScreeningConfig::readListFile(dir + QStringLiteral("mailbox-domains.txt")))
            QVERIFY2(real.contains(m), qPrintable(m));
        for (const QString& r : c.realProviderDomains)
            QVERIFY2(!c.disposableDomains.contains(r), qPrintable(r));
        QVERIFY(c.roleLocalParts.contains(QStringLiteral("bisnis")));
    }

    void missingResourceIsAnError()
    {
        try {
            ScreeningConfig::readListFile(QStringLiteral("/nonexistent/x.txt"));
            QFAIL("no error");
        } catch (const ad::Error& e) {
            QVERIFY(e.toString().startsWith(QStringLiteral("cannot read the list file /nonexistent/x.txt")));
        }
    }
};

QTEST_GUILESS_MAIN(TestScreener)
#include "test_screener.moc"
