// SPDX-License-Identifier: GPL-3.0-or-later
// The CPU shortcuts of the rules against what they replace: the restricted-content literal pre-check
// (rule.h, literal::) never skips a pattern that would match; the hand-written time and address helpers
// give what the Qt-based code gave.
#include "rules/registry.h"
#include "rules/rule.h"
#include "rules/ruleutil.h"
#include "rulestest.h"
#include "util/timeutil.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace ad;
using namespace ad::rules;

namespace {

constexpr auto kOptions =
    QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption;

// Every pattern of both shipped policies, then hand-edited ones (some give a literal, some must not).
QStringList allPatterns()
{
    QStringList out;
    for (const QString& id : Policy::builtinIds()) {
        const Policy p = Policy::builtin(id);
        for (const QJsonValue& v : p.raw().value(QStringLiteral("restricted_content")).toArray()) {
            for (const QJsonValue& pat : v.toObject().value(QStringLiteral("patterns")).toArray())
                out << pat.toString();
        }
    }
    out << QStringLiteral("Kickstart\\b") << QStringLiteral("\\bSKINCARE") << QStringLiteral("ssss+ki")
        << QStringLiteral("\\bpay-day\\b") << QStringLiteral("bit\\.ly/\\w+") << QStringLiteral("(?i)casino")
        << QStringLiteral("(?-i)Casino") << QStringLiteral("casino|poker") << QStringLiteral("(?:casino)|x")
        << QStringLiteral("[c]asino") << QStringLiteral("cas{1}ino") << QStringLiteral("\\Qcasino\\E")
        << QStringLiteral("ca\\x73ino") << QStringLiteral("caſino") << QStringLiteral("\\bstraße\\b")
        << QStringLiteral("ﬁnance") << QStringLiteral("kasino?s") << QStringLiteral("kas*ino")
        << QStringLiteral("(?x) c a s i n o") << QStringLiteral("(*UCP)casino")
        << QStringLiteral("\\bwin (big|large)+ now\\b") << QStringLiteral("\\(free\\) money")
        << QStringLiteral("a\\(|bcdefg") << QStringLiteral("\\bdoctor'?s note\\b")
        << QStringLiteral("z.*zzzz") << QStringLiteral("^subject line$")
        << QStringLiteral("kelvin\\s+kelvin");
    return out;
}

// Strings some pattern matches (and near misses), in many case forms and with the two non-ASCII code
// points PCRE2 folds to ASCII letters, plus text around them that must not confuse the folding.
QStringList corpus()
{
    QStringList seeds{QStringLiteral("casino"),
                      QStringLiteral("sports betting"),
                      QStringLiteral("sport betting"),
                      QStringLiteral("slot gacor"),
                      QStringLiteral("without a prescription"),
                      QStringLiteral("without prescription"),
                      QStringLiteral("firearm"),
                      QStringLiteral("pornography"),
                      QStringLiteral("adult dating"),
                      QStringLiteral("guaranteed returns"),
                      QStringLiteral("get rich quick"),
                      QStringLiteral("cryptocurrency signals"),
                      QStringLiteral("crypto investment"),
                      QStringLiteral("forex signal"),
                      QStringLiteral("payday loans"),
                      QStringLiteral("pinjaman online"),
                      QStringLiteral("replica handbags"),
                      QStringLiteral("barang kw"),
                      QStringLiteral("counterfeit"),
                      QStringLiteral("xxx"),
                      QStringLiteral("kickstart"),
                      QStringLiteral("skincare"),
                      QStringLiteral("ssssski"),
                      QStringLiteral("pay-day"),
                      QStringLiteral("bit.ly/abc"),
                      QStringLiteral("kasinos"),
                      QStringLiteral("kassssino"),
                      QStringLiteral("kino"),
                      QStringLiteral("win big large now"),
                      QStringLiteral("(free) money"),
                      QStringLiteral("bcdefg"),
                      QStringLiteral("doctors note"),
                      QStringLiteral("zaazzzz"),
                      QStringLiteral("subject line"),
                      QStringLiteral("kelvin \t kelvin"),
                      QStringLiteral("escort service"),
                      QStringLiteral("taruhan"),
                      QStringLiteral("obat kuat"),
                      QStringLiteral("ammunition"),
                      QStringLiteral("double your bitcoin"),
                      QStringLiteral("initial coin offering"),
                      QStringLiteral("debt relief"),
                      QStringLiteral("straße"),
                      QStringLiteral("finance")};
    const QStringList around{QString(),
                             QStringLiteral("Halo Rina,\n"),
                             QStringLiteral("İstanbul ı ß ﬁ ﬀ "),
                             QString::fromUtf8("\xef\xbd\x83\xef\xbd\x81\xef\xbd\x93 "), // fullwidth "cas"
                             QStringLiteral("café\u0301 \u00a0\u200d"),
                             QString::fromUtf8("\xf0\x9f\x8e\xb0 "), // slot machine emoji (surrogate pair)
                             QString(QChar(0xD83C)) + QStringLiteral(" lone surrogate "),
                             QStringLiteral("x")};
    QRandomGenerator rng(20261130);
    QStringList out;
    for (const QString& seed : seeds) {
        QStringList forms{seed, seed.toUpper()};
        for (int variant = 0; variant < 12; ++variant) {
            QString s;
            for (const QChar ch : seed) {
                const quint32 r = rng.bounded(4u);
                if (ch == u'k' && r == 0)
                    s += QChar(0x212A); // KELVIN SIGN
                else if (ch == u's' && r == 0)
                    s += QChar(0x017F); // LONG S
                else if (ch == u'i' && r == 1 && variant % 3 == 0)
                    s += QChar(0x0130); // İ: not i for PCRE2
                else
                    s += r >= 2 ? ch.toUpper() : ch;
            }
            forms << s;
        }
        for (const QString& f : forms) {
            for (const QString& a : around)
                out << a + f << f + a << a + f + QLatin1Char(' ') + a;
        }
    }
    // Fixture message files as they are (subject lines and bodies of every kind).
    QDirIterator it(QStringLiteral(ABUSEDESK_TEST_DATA), {QStringLiteral("*.eml"), QStringLiteral("*.mbox")},
                    QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly))
            out << QString::fromUtf8(f.readAll());
    }
    return out;
}

// time::toIso as it was (QDateTime::toString).
QString oldToIso(const QDateTime& dt)
{
    if (!dt.isValid())
        return {};
    const QDateTime utc = dt.toUTC();
    if (utc.time().msec() != 0)
        return utc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
    return utc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

QList<QDateTime> manyDates()
{
    QList<QDateTime> out;
    const QList<qint64> fixed{0,
                              1,
                              -1,
                              999,
                              -999,
                              86399999,
                              -86400000,
                              951782400000,    // 2000-02-29
                              951868799999,    // 2000-02-29T23:59:59.999
                              1709164800000,   // 2024-02-29
                              4107542400000,   // 2100-03-01
                              -62135596800000, // 0001-01-01
                              -62135596800001, // year 0 (QDateTime's form)
                              -62198755200000,
                              253402300799999, // 9999-12-31T23:59:59.999
                              253402300800000, // 10000-01-01
                              253402300800000 * 3};
    for (const qint64 ms : fixed)
        out << QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    QRandomGenerator rng(42);
    for (int i = 0; i < 20000; ++i) {
        // years 1..9999 and a little beyond, with and without milliseconds
        const qint64 ms = qint64(rng.bounded(320000.0) * 1e9) - 62300000000000LL;
        out << QDateTime::fromMSecsSinceEpoch(i % 2 ? ms - ms % 1000 : ms, Qt::UTC);
    }
    for (int i = 0; i < 2000; ++i) {
        const qint64 ms = qint64(rng.bounded(4.0e12)) - 1.0e12;
        out << QDateTime::fromMSecsSinceEpoch(ms, Qt::OffsetFromUTC, int(rng.bounded(-50400, 50400)));
        out << QDateTime::fromMSecsSinceEpoch(ms, Qt::LocalTime);
    }
    // every leap day and the days around it in 1900..2400 at a few times of day
    for (int y = 1900; y <= 2400; ++y) {
        for (const QDate d : {QDate(y, 2, 28), QDate(y, 3, 1), QDate(y, 12, 31), QDate(y, 1, 1)}) {
            out << QDateTime(d, QTime(0, 0), Qt::UTC) << QDateTime(d, QTime(23, 59, 59, 1), Qt::UTC);
        }
        if (QDate::isLeapYear(y))
            out << QDateTime(QDate(y, 2, 29), QTime(12, 30, 5, 250), Qt::UTC);
    }
    out << QDateTime() << QDateTime(QDate(2026, 2, 30), QTime(0, 0), Qt::UTC);
    return out;
}

} // namespace

class TestRulesCpu : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The folding is exact: over every code point, a one-character pattern of each printable ASCII
    // character matches (caseless, UCP) exactly the code points whose fold equals its fold.
    void foldIsPcre2Caseless()
    {
        QString all;
        QList<char32_t> at; // code point at each UTF-16 index where one starts
        for (char32_t cp = 1; cp <= 0x10FFFF; ++cp) {
            if (cp >= 0xD800 && cp <= 0xDFFF)
                continue;
            if (cp < 0x10000) {
                all += QChar(char16_t(cp));
                at << cp;
            } else {
                all += QChar(QChar::highSurrogate(cp));
                all += QChar(QChar::lowSurrogate(cp));
                at << cp << 0;
            }
        }
        for (char16_t c = 0x20; c < 0x7F; ++c) {
            const QRegularExpression re(QRegularExpression::escape(QString(QChar(c))), kOptions);
            QSet<char32_t> matched;
            auto m = re.globalMatch(all);
            while (m.hasNext())
                matched.insert(at.at(m.next().capturedStart(0)));
            QSet<char32_t> expected;
            for (char32_t cp = 1; cp < 0x10000; ++cp) {
                if ((cp < 0xD800 || cp > 0xDFFF) && literal::fold(char16_t(cp)) == literal::fold(c))
                    expected.insert(cp);
            }
            QCOMPARE(matched, expected);
        }
        // Surrogates never fold to an ASCII character.
        for (char16_t u = 0xD800; u <= 0xDFFF; ++u)
            QCOMPARE(int(uchar(literal::fold(u))), 0x80);
        // PCRE2 has no multi-character folding: "ß" is not "ss", "ﬁ" is not "fi".
        QVERIFY(!QRegularExpression(QStringLiteral("ss"), kOptions).match(QStringLiteral("ß")).hasMatch());
        QVERIFY(!QRegularExpression(QStringLiteral("fi"), kOptions).match(QStringLiteral("ﬁ")).hasMatch());
    }

    void requiredLiteral_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QByteArray>("literal");
        QTest::newRow("word") << QStringLiteral("\\bcasino\\b") << QByteArray("casino");
        QTest::newRow("upper") << QStringLiteral("\\bCaSiNo\\b") << QByteArray("casino");
        QTest::newRow("optional s") << QStringLiteral("\\bsports? betting\\b") << QByteArray(" betting");
        QTest::newRow("group") << QStringLiteral("\\bwithout (a )?prescription\\b")
                               << QByteArray("prescription");
        QTest::newRow("alternation in group")
            << QStringLiteral("\\badult (video|content|dating)\\b") << QByteArray("adult ");
        QTest::newRow("word chars") << QStringLiteral("\\bporn\\w*") << QByteArray("porn");
        QTest::newRow("plus keeps") << QStringLiteral("ssss+ki") << QByteArray("ssss");
        QTest::newRow("star drops") << QStringLiteral("kas*ino") << QByteArray("");
        QTest::newRow("star drops, long") << QStringLiteral("kas*inocasino") << QByteArray("inocasino");
        QTest::newRow("escaped punct") << QStringLiteral("bit\\.ly/\\w+") << QByteArray("bit.ly/");
        QTest::newRow("escaped paren") << QStringLiteral("\\(free\\) money") << QByteArray("(free) money");
        QTest::newRow("plain punct") << QStringLiteral("\\bpay-day\\b") << QByteArray("pay-day");
        QTest::newRow("short") << QStringLiteral("\\bxxx\\b") << QByteArray("");
        QTest::newRow("top-level or") << QStringLiteral("casino|poker") << QByteArray("");
        QTest::newRow("or after group") << QStringLiteral("(?:casino)|x") << QByteArray("");
        QTest::newRow("or after escaped paren") << QStringLiteral("a\\(|bcdefg") << QByteArray("");
        QTest::newRow("class") << QStringLiteral("[c]asino") << QByteArray("");
        QTest::newRow("braces") << QStringLiteral("cas{1}ino") << QByteArray("");
        QTest::newRow("quote") << QStringLiteral("\\Qcasino\\E") << QByteArray("");
        QTest::newRow("hex escape") << QStringLiteral("ca\\x73ino") << QByteArray("");
        QTest::newRow("inline option") << QStringLiteral("(?i)casino") << QByteArray("");
        QTest::newRow("extended") << QStringLiteral("(?x) c a s i n o") << QByteArray("");
        QTest::newRow("verb") << QStringLiteral("(*UCP)casino") << QByteArray("");
        QTest::newRow("non-ASCII") << QStringLiteral("caſino") << QByteArray("");
        QTest::newRow("ligature") << QStringLiteral("ﬁnance") << QByteArray("");
        QTest::newRow("unbalanced") << QStringLiteral("(casino") << QByteArray("");
        QTest::newRow("tab") << QStringLiteral("casino\tcasino") << QByteArray("");
        QTest::newRow("anchors") << QStringLiteral("^subject line$") << QByteArray("subject line");
        QTest::newRow("dot") << QStringLiteral("z.*zzzz") << QByteArray("zzzz");
    }

    void requiredLiteral()
    {
        QFETCH(QString, pattern);
        QFETCH(QByteArray, literal);
        QCOMPARE(literal::requiredLiteral(pattern), literal);
    }

    // Whenever a pattern matches a text of the corpus, its literal is found in the folded text.
    void preCheckNeverSkipsAMatch()
    {
        const QStringList patterns = allPatterns();
        const QStringList texts = corpus();
        literal::Set set;
        QList<QRegularExpression> res;
        QList<int> lits;
        int withLiteral = 0;
        for (const QString& p : patterns) {
            res << QRegularExpression(p, kOptions);
            lits << set.add(literal::requiredLiteral(p));
            withLiteral += lits.last() >= 0;
        }
        QVERIFY(withLiteral >= 40);
        int matches = 0, skipped = 0;
        std::string folded;
        std::vector<char> found;
        for (const QString& t : texts) {
            folded.clear();
            literal::appendFolded(folded, t);
            set.scan(folded, found);
            for (qsizetype i = 0; i < res.size(); ++i) {
                const bool hit = res[i].match(t).hasMatch();
                matches += hit;
                if (lits[i] < 0)
                    continue;
                if (hit && !found[size_t(lits[i])])
                    QFAIL(qPrintable(QStringLiteral("pattern %1 matches %2 but its literal was not found")
                                         .arg(patterns[i], t.left(200))));
                skipped += !found[size_t(lits[i])];
            }
        }
        QVERIFY2(matches > 2000, qPrintable(QString::number(matches)));
        QVERIFY(skipped > 10000);
    }

    // The rule gives the same findings with the pre-check as with every pattern run on every message.
    void restrictedContentSameWithoutPreCheck()
    {
        const QStringList texts = corpus();
        for (const QString& id : Policy::builtinIds()) {
            const Policy policy = Policy::builtin(id);
            const PreparedPolicy prepared(policy);
            PreparedPolicy unfiltered(policy);
            for (auto& cat : unfiltered.restrictedContent)
                cat.literals.fill(-1);
            const Rule* rule = findRule(QStringLiteral("restricted-content"));
            const Policy::RuleSettings* settings = policy.rule(QStringLiteral("restricted-content"));
            QVERIFY(rule && settings);
            const QString ruleId = rule->id();
            AccountSnapshot s = rt::account();
            for (qsizetype i = 0; i < texts.size(); ++i) {
                ad::StoredMessage m = rt::message(i + 1, texts[i]);
                m.subject = texts[(i * 7) % texts.size()].left(80);
                s.messages << m;
            }
            const QDateTime asOf = rt::asOf();
            const RuleContext a{s, asOf, policy, *settings, ruleId, prepared, nullptr};
            const RuleContext b{s, asOf, policy, *settings, ruleId, unfiltered, nullptr};
            const QList<Finding> fa = rule->evaluate(a), fb = rule->evaluate(b);
            QVERIFY(fa.size() > 500);
            QCOMPARE(fa.size(), fb.size());
            for (qsizetype i = 0; i < fa.size(); ++i) {
                QCOMPARE(fa[i].summary, fb[i].summary);
                QCOMPARE(fa[i].evidence, fb[i].evidence);
            }
        }
    }

    // ---- addresses and text -------------------------------------------------------------------------
    void isRoleAddressAsLocalPartLookup()
    {
        QJsonObject o = Policy::builtin(QStringLiteral("optimais")).raw();
        QJsonArray roles = o.value(QStringLiteral("role_local_parts")).toArray();
        roles << QStringLiteral(" Marketing ") << QString(QString(QChar(0x212A)) + QStringLiteral("ontakt"))
              << QStringLiteral("büro") << QStringLiteral("INFO\t") << QStringLiteral("a+b");
        o.insert(QStringLiteral("role_local_parts"), roles);
        const Policy edited = Policy::fromJson(QJsonDocument(o).toJson(), QStringLiteral("edited.json"));
        QStringList locals{QStringLiteral("info"),
                           QStringLiteral("INFO"),
                           QStringLiteral(" info "),
                           QStringLiteral("\tinfo\r"),
                           QStringLiteral("info+news"),
                           QStringLiteral("+info"),
                           QStringLiteral("in+fo"),
                           QStringLiteral("marketing"),
                           QStringLiteral("kontakt"),
                           QString(QChar(0x212A)) + QStringLiteral("ontakt"),
                           QStringLiteral("Büro"),
                           QStringLiteral("BÜRO"),
                           QStringLiteral("a+b"),
                           QStringLiteral("a"),
                           QStringLiteral("sales"),
                           QStringLiteral("Sales+x+y"),
                           QStringLiteral("rina"),
                           QStringLiteral("info\u00a0"),
                           QStringLiteral(""),
                           QStringLiteral(" "),
                           QStringLiteral("x@info"),
                           QString(70, QLatin1Char('i')),
                           QStringLiteral("admin") + QString(60, QLatin1Char(' '))};
        for (const QJsonValue& r : roles)
            locals << r.toString() << r.toString().toUpper();
        QStringList addresses;
        for (const QString& l : locals) {
            addresses << l << l + QStringLiteral("@shop.example") << l + QStringLiteral("@Büro.example")
                      << l + QStringLiteral("@") << QStringLiteral(" ") + l + QStringLiteral("@a@b.example");
        }
        int roleHits = 0;
        for (const Policy* policy : {&edited}) {
            const PreparedPolicy prepared(*policy);
            for (const QString& a : addresses) {
                const bool expected = prepared.roleLocalParts.contains(util::localPart(a));
                QCOMPARE(util::isRoleAddress(prepared, a), expected);
                roleHits += expected;
            }
        }
        for (const QString& id : Policy::builtinIds()) {
            const PreparedPolicy prepared(Policy::builtin(id));
            for (const QString& a : addresses)
                QCOMPARE(util::isRoleAddress(prepared, a),
                         prepared.roleLocalParts.contains(util::localPart(a)));
        }
        QVERIFY(roleHits > 50);
    }

    void appendFoldAsFold()
    {
        QStringList texts = corpus();
        texts << QString() << QStringLiteral("Jl. Sudirman No. 5, Jakarta 10220")
              << QStringLiteral("ÄÖÜ ß ǅ ǈ Ǳ İ ı Σ ς ① ½ ٣ 𝟘 𝔸") << QString(QChar(0xDC00));
        std::u16string buf;
        for (const QString& t : texts) {
            buf.clear();
            util::appendFold(buf, t);
            QCOMPARE(QString(reinterpret_cast<const QChar*>(buf.data()), qsizetype(buf.size())),
                     util::fold(t));
        }
        buf.assign(1, u'x');
        util::appendFold(buf, u"A-b C");
        QCOMPARE(QString(reinterpret_cast<const QChar*>(buf.data()), qsizetype(buf.size())),
                 QStringLiteral("xabc"));
    }

    // ---- time ----------------------------------------------------------------------------------------
    void toIsoAsQDateTimeToString()
    {
        int compared = 0;
        for (const QDateTime& t : manyDates()) {
            QCOMPARE(time::toIso(t), oldToIso(t));
            ++compared;
        }
        QVERIFY(compared > 20000);
        QCOMPARE(time::toIso(QDateTime::fromMSecsSinceEpoch(951782400250, Qt::UTC)),
                 QStringLiteral("2000-02-29T00:00:00.250Z"));
        QCOMPARE(time::toIso(QDateTime::fromMSecsSinceEpoch(-62135596800000, Qt::UTC)),
                 QStringLiteral("0001-01-01T00:00:00Z"));
    }

    void yearsBeforeAsMoreThanYearsBefore()
    {
        const QList<QDateTime> dates = manyDates();
        QList<QDateTime> nows{QDateTime(QDate(2024, 2, 29), QTime(0, 0), Qt::UTC),
                              QDateTime(QDate(2026, 11, 20), QTime(0, 0), Qt::UTC),
                              QDateTime(QDate(2026, 3, 1), QTime(5, 0), Qt::OffsetFromUTC, 7 * 3600),
                              QDateTime(QDate(1, 6, 1), QTime(0, 0), Qt::UTC), QDateTime()};
        int fired = 0, compared = 0;
        for (const QDateTime& now : nows) {
            for (const int years : {0, 1, 2, 5, 100}) {
                const time::YearsBefore before(now, years);
                QCOMPARE(before.cutoff(), now.toUTC().addYears(-years));
                QList<QDateTime> thens = dates;
                thens << before.cutoff() << before.cutoff().addMSecs(-1) << before.cutoff().addMSecs(1)
                      << before.cutoff().addDays(-1) << before.cutoff().addDays(1);
                for (const QDateTime& then : thens) {
                    const bool expected = time::moreThanYearsBefore(then, now, years);
                    QCOMPARE(before(then), expected);
                    fired += expected;
                    ++compared;
                }
            }
        }
        QVERIFY(fired > 1000 && fired < compared - 1000);
    }
};

QTEST_GUILESS_MAIN(TestRulesCpu)
#include "test_rules_cpu.moc"
