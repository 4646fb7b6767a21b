// SPDX-License-Identifier: GPL-3.0-or-later
// lists/screeningjson.h: the directly written screening details equal, byte for byte, the text that
// QJsonDocument gave for the same values (the code Screener::finish used before, kept here as the
// reference): key order, number formatting, string escaping; and a real screening's details are
// unchanged by a QJsonDocument parse and compact rewrite.
#include "lists/screener.h"
#include "lists/screeningjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>
#include <cmath>
#include <deque>
#include <limits>

using namespace ad::lists;

namespace {

// Screener::finish's former serialisation, on the same values.
QByteArray reference(const ScreeningDetails& d)
{
    QJsonObject problems;
    for (int i = 0; i < ScreeningDetails::kProblems; ++i) {
        QJsonArray ex;
        for (const ScreeningExample& e : d.examples[i]) {
            QJsonObject o{{QStringLiteral("line"), double(e.line)}, {QStringLiteral("email"), e.email}};
            if (kScreeningExampleExtras[i])
                o.insert(QLatin1String(kScreeningExampleExtras[i]), e.extra);
            ex.append(o);
        }
        problems.insert(QLatin1String(kScreeningProblemNames[i]),
                        QJsonObject{{QStringLiteral("count"), double(d.problemCount[i])},
                                    {QStringLiteral("share"), d.problemShare[i]},
                                    {QStringLiteral("examples"), ex}});
    }
    QJsonArray top;
    for (const ScreeningTopDomain& t : d.top) {
        QJsonObject o{{QStringLiteral("domain"), QString::fromStdString(std::string(t.name))},
                      {QStringLiteral("count"), double(t.count)},
                      {QStringLiteral("share"), t.share},
                      {QStringLiteral("disposable"), t.disposable}};
        o.insert(QStringLiteral("typo_of"),
                 t.typoOf ? QJsonValue(QString::fromStdString(*t.typoOf)) : QJsonValue(QJsonValue::Null));
        top.append(o);
    }
    QJsonObject domains{
        {QStringLiteral("distinct"), double(d.distinctDomains)},
        {QStringLiteral("exact"), true},
        {QStringLiteral("untracked"), 0.0},
        {QStringLiteral("top"), top},
        {QStringLiteral("other"), QJsonObject{{QStringLiteral("domains"), double(d.otherDomains)},
                                              {QStringLiteral("count"), double(d.otherCount)},
                                              {QStringLiteral("share"), d.otherShare}}}};
    QJsonObject root{{QStringLiteral("rows"), double(d.rows)},
                     {QStringLiteral("valid"), double(d.valid)},
                     {QStringLiteral("clean"), double(d.clean)},
                     {QStringLiteral("distinct_addresses"), double(d.distinctAddresses)},
                     {QStringLiteral("problems"), problems},
                     {QStringLiteral("domains"), domains}};
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

QByteArray direct(const ScreeningDetails& d)
{
    return QByteArray::fromStdString(screeningDetailsJson(d));
}

// Owns the examples and top domains a ScreeningDetails points to.
struct Holder
{
    ScreeningDetails d;
    std::vector<ScreeningExample> examples[ScreeningDetails::kProblems];
    std::deque<std::string> strings; // stable addresses
    std::vector<ScreeningTopDomain> top;

    void addTop(const std::string& name, qint64 count, double share, bool disposable, const char* typoOf)
    {
        strings.push_back(name);
        const std::string* t = nullptr;
        if (typoOf) {
            strings.push_back(typoOf);
            t = &strings.back();
        }
        top.push_back({strings[strings.size() - (typoOf ? 2 : 1)], count, share, disposable, t});
    }
    const ScreeningDetails& done()
    {
        for (int i = 0; i < ScreeningDetails::kProblems; ++i)
            d.examples[i] = examples[i];
        d.top = top;
        return d;
    }
};

const double kDoubles[] = {0.0,
                           -0.0,
                           1.0,
                           0.5,
                           0.1,
                           0.2,
                           0.3,
                           1e-7,
                           1e-6,
                           1e-5,
                           1e-4,
                           0.000123,
                           0.333333,
                           0.999999,
                           0.142857,
                           2.0 / 3.0,
                           0.1 + 0.2,
                           123456.5,
                           1e6,
                           1e15,
                           1e16,
                           1e17,
                           1e21,
                           1e300,
                           5e-324,
                           9007199254740992.0,
                           9007199254740994.0,
                           18014398509481984.0,
                           -1.0,
                           -0.25,
                           -9007199254740992.0,
                           std::numeric_limits<double>::infinity(),
                           -std::numeric_limits<double>::infinity(),
                           std::numeric_limits<double>::quiet_NaN()};

const qint64 kCounts[] = {0,
                          1,
                          9,
                          10,
                          999999,
                          1000000,
                          123456789,
                          qint64(1) << 53,
                          (qint64(1) << 53) + 1,
                          (qint64(1) << 53) + 2,
                          qint64(1e16),
                          std::numeric_limits<qint64>::max(),
                          -1,
                          std::numeric_limits<qint64>::min()};

QString randomString(QRandomGenerator& g)
{
    const int n = int(g.bounded(12));
    QString s;
    for (int i = 0; i < n; ++i) {
        switch (g.bounded(5)) {
        case 0:
            s += QChar(char16_t(g.bounded(0x20)));
            break; // control
        case 1:
            s += QChar(char16_t(0x20 + g.bounded(0x60)));
            break; // printable ASCII, DEL
        case 2:
            s += QChar(char16_t(0x80 + g.bounded(0x780)));
            break; // two UTF-8 bytes
        case 3:
            s += QChar(char16_t(0xd800 + g.bounded(0x800)));
            break; // surrogates, paired or not
        default:
            s += QChar(char16_t(g.bounded(0x10000)));
            break;
        }
    }
    return s;
}

std::string randomUtf8(QRandomGenerator& g)
{
    if (g.bounded(3) == 0) { // arbitrary bytes, not always UTF-8
        std::string s;
        const int n = int(g.bounded(10));
        for (int i = 0; i < n; ++i)
            s += char(g.bounded(256));
        return s;
    }
    return randomString(g).toStdString();
}

} // namespace

class TestScreeningJson : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void emptyDetails()
    {
        Holder h;
        const ScreeningDetails& d = h.done();
        QCOMPARE(direct(d), reference(d));
        QCOMPARE(
            direct(d),
            QByteArray("{\"clean\":0,\"distinct_addresses\":0,\"domains\":{\"distinct\":0,\"exact\":true,"
                       "\"other\":{\"count\":0,\"domains\":0,\"share\":0},\"top\":[],\"untracked\":0},"
                       "\"problems\":{\"disposable\":{\"count\":0,\"examples\":[],\"share\":0},"
                       "\"duplicate\":{\"count\":0,\"examples\":[],\"share\":0},"
                       "\"invalid\":{\"count\":0,\"examples\":[],\"share\":0},"
                       "\"role\":{\"count\":0,\"examples\":[],\"share\":0},"
                       "\"typo\":{\"count\":0,\"examples\":[],\"share\":0}},\"rows\":0,\"valid\":0}"));
    }

    void typicalDetails()
    {
        Holder h;
        h.d.rows = 12;
        h.d.valid = 10;
        h.d.clean = 5;
        h.d.distinctAddresses = 9;
        const QString extras[] = {QStringLiteral("missing @"), QStringLiteral("a@example.com"), QString(),
                                  QStringLiteral("mailinator.com"), QStringLiteral("gmail.com")};
        for (int i = 0; i < ScreeningDetails::kProblems; ++i) {
            h.d.problemCount[i] = i + 1;
            h.d.problemShare[i] = std::round(double(i + 1) / 12 * 1e6) / 1e6;
            for (int k = 0; k < i + 1; ++k)
                h.examples[i].push_back({k + 2, QStringLiteral("user%1@example.com").arg(k), extras[i]});
        }
        h.d.distinctDomains = 4;
        h.addTop("example.com", 6, 0.6, false, nullptr);
        h.addTop("mailinator.com", 2, 0.2, true, nullptr);
        h.addTop("gmial.com", 1, 0.1, false, "gmail.com");
        h.d.otherDomains = 1;
        h.d.otherCount = 1;
        h.d.otherShare = 0.1;
        const ScreeningDetails& d = h.done();
        QCOMPARE(direct(d), reference(d));
        // The extra key sorts before, between or after "email" and "line".
        QVERIFY(
            direct(d).contains("{\"domain\":\"mailinator.com\",\"email\":\"user0@example.com\",\"line\":2}"));
        QVERIFY(direct(d).contains("{\"email\":\"user0@example.com\",\"key\":\"a@example.com\",\"line\":2}"));
        QVERIFY(direct(d).contains("{\"email\":\"user0@example.com\",\"line\":2,\"reason\":\"missing @\"}"));
        QVERIFY(direct(d).contains("{\"email\":\"user0@example.com\",\"line\":2}"));
    }

    void strings()
    {
        const QString special[] = {
            QString::fromUtf8("b\xc3\xbc"
                              "di@b\xc3\xbc"
                              "cher.example"), // ü
            QString::fromUtf8("\xe7\x94\xa8\xe6\x88\xb7@\xe4\xbe\x8b\xe5\xad\x90.\xe4\xb8\xad\xe5\x9b\xbd"),
            QString::fromUtf8("smile\xf0\x9f\x98\x80@example.com"), // a surrogate pair
            QStringLiteral("\"quoted\\back\"@x"),
            QString::fromUtf8("ctl\x01\x02\x07\x08\x09\x0a\x0b\x0c\x0d\x1b\x1f\x7f@x"),
            QString(QChar(0)) + QStringLiteral("nul"),
            QString(QChar(0xd800)),                          // lone high surrogate at the end
            QString(QChar(0xd83d)) + QStringLiteral("x"),    // high surrogate, then no low one
            QString(QChar(0xde00)) + QStringLiteral("y"),    // lone low surrogate
            QString(QChar(0xdbff)) + QString(QChar(0xdfff)), // U+10FFFF
            QString(QChar(0xfffe)) + QString(QChar(0xffff)), // noncharacters
            QString(QChar(0x2028)) + QString(QChar(0x2029)), // line/paragraph separators
            QString(QChar(0x80)) + QString(QChar(0x7ff)) + QString(QChar(0x800)),
            QStringLiteral("</script>&<>'"),
            QString()};
        Holder h;
        int line = 2;
        for (int i = 0; i < ScreeningDetails::kProblems; ++i)
            for (const QString& s : special)
                h.examples[i].push_back({line++, s, s});
        h.addTop("b\xc3\xbc"
                 "cher.example",
                 1, 0.5, false, "g\xc3\xa4mail.com");
        h.addTop("bad\xff\xfe"
                 "bytes",
                 1, 0.5, true, "\xc3"); // not UTF-8: as QString::fromStdString reads it
        h.addTop(std::string("ctl\x01\x1f\"\\", 7), 1, 0.5, false, "x\ty");
        h.addTop("", 0, 0, false, "");
        const ScreeningDetails& d = h.done();
        QCOMPARE(direct(d), reference(d));
    }

    void numbers()
    {
        for (const double v : kDoubles) {
            Holder h;
            for (int i = 0; i < ScreeningDetails::kProblems; ++i)
                h.d.problemShare[i] = v;
            h.d.otherShare = v;
            h.addTop("example.com", 1, v, false, nullptr);
            const ScreeningDetails& d = h.done();
            QCOMPARE(direct(d), reference(d));
        }
        for (const qint64 n : kCounts) {
            Holder h;
            h.d.rows = h.d.valid = h.d.clean = h.d.distinctAddresses = n;
            h.d.distinctDomains = h.d.otherDomains = h.d.otherCount = n;
            for (int i = 0; i < ScreeningDetails::kProblems; ++i) {
                h.d.problemCount[i] = n;
                h.examples[i].push_back({n, QStringLiteral("a@b.c"), QStringLiteral("x")});
            }
            h.addTop("example.com", n, 0.5, true, "example.org");
            const ScreeningDetails& d = h.done();
            QCOMPARE(direct(d), reference(d));
        }
        // Shares as the screener computes them (rounded to 1e-6) for many fractions.
        for (qint64 of = 1; of <= 400; ++of)
            for (qint64 n = 0; n <= of; n += (of > 50 ? 7 : 1)) {
                Holder h;
                h.d.otherShare = std::round(double(n) / double(of) * 1e6) / 1e6;
                const ScreeningDetails& d = h.done();
                QCOMPARE(direct(d), reference(d));
            }
    }

    // Every share the screener can write (k / 1e6 for k = 0 … 1e6) and its neighbouring doubles: the
    // direct form (a fast path from 0.01) equals Qt's.
    void everyShare()
    {
        auto qt = [](double v) {
            return v == std::trunc(v) ? QByteArray::number(qint64(v))
                                      : QByteArray::number(v, 'g', QLocale::FloatingPointShortest);
        };
        auto mine = [](double v) {
            std::string out;
            appendScreeningJsonNumber(out, v);
            return QByteArray::fromStdString(out);
        };
        for (int k = 0; k <= 1000000; ++k) {
            const double v = std::round(double(k) / 1e6 * 1e6) / 1e6;
            if (mine(v) != qt(v))
                QFAIL(qPrintable(QStringLiteral("%1: %2 instead of %3")
                                     .arg(k)
                                     .arg(QString::fromLatin1(mine(v)), QString::fromLatin1(qt(v)))));
            if (k % 37 == 0) {
                for (const double w : {std::nextafter(v, 0.0), std::nextafter(v, 2.0)})
                    QCOMPARE(mine(w), qt(w));
            }
        }
    }

    void manyDomainsAndExamples()
    {
        Holder h;
        h.d.rows = 5000000;
        h.d.valid = 4900000;
        for (int k = 0; k < 1000; ++k)
            h.addTop("domain" + std::to_string(k) + ".example", 5000000 - k, 1.0 / (k + 3), k % 7 == 0,
                     k % 5 == 0 ? "gmail.com" : nullptr);
        for (int i = 0; i < ScreeningDetails::kProblems; ++i)
            for (int k = 0; k < 200; ++k)
                h.examples[i].push_back({qint64(k) * 1000 + 2,
                                         QStringLiteral("u%1@d%2.example").arg(k).arg(i),
                                         QStringLiteral("extra %1").arg(k)});
        const ScreeningDetails& d = h.done();
        QCOMPARE(direct(d), reference(d));
    }

    void randomDetails()
    {
        QRandomGenerator g(20261130);
        for (int round = 0; round < 300; ++round) {
            Holder h;
            auto count = [&] {
                return g.bounded(4) == 0 ? kCounts[g.bounded(int(std::size(kCounts)))]
                                         : qint64(g.bounded(100000));
            };
            auto dbl = [&] {
                switch (g.bounded(3)) {
                case 0:
                    return kDoubles[g.bounded(int(std::size(kDoubles)))];
                case 1:
                    return std::round(g.generateDouble() * 1e6) / 1e6;
                default:
                    return (g.generateDouble() - 0.5) * std::pow(10.0, double(g.bounded(40)) - 20);
                }
            };
            h.d.rows = count();
            h.d.valid = count();
            h.d.clean = count();
            h.d.distinctAddresses = count();
            h.d.distinctDomains = count();
            h.d.otherDomains = count();
            h.d.otherCount = count();
            h.d.otherShare = dbl();
            for (int i = 0; i < ScreeningDetails::kProblems; ++i) {
                h.d.problemCount[i] = count();
                h.d.problemShare[i] = dbl();
                const int n = int(g.bounded(4));
                for (int k = 0; k < n; ++k)
                    h.examples[i].push_back({count(), randomString(g), randomString(g)});
            }
            const int domains = int(g.bounded(5));
            for (int k = 0; k < domains; ++k) {
                const std::string typo = randomUtf8(g);
                h.addTop(randomUtf8(g), count(), dbl(), g.bounded(2) == 0,
                         g.bounded(2) == 0 ? typo.c_str() : nullptr);
            }
            const ScreeningDetails& d = h.done();
            QCOMPARE(direct(d), reference(d));
        }
    }

    // A real screening's details: a QJsonDocument parse and compact rewrite (sorted keys, Qt's number
    // and string forms) gives the same text.
    void screenerOutputIsCanonical()
    {
        qputenv("ABUSEDESK_RESOURCES", ABUSEDESK_RESOURCES);
        const ScreeningConfig config = ScreeningConfig::defaults();
        const QStringList lists[] = {{},
                                     {QStringLiteral("a@example.com")},
                                     {QStringLiteral("a@example.com"), QStringLiteral("A@Example.com"),
                                      QStringLiteral("info@example.com"), QStringLiteral("x@mailinator.com"),
                                      QStringLiteral("y@gmial.com"), QStringLiteral("not an address"),
                                      QString::fromUtf8("b\xc3\xbc"
                                                        "di@b\xc3\xbc"
                                                        "cher.example"),
                                      QString::fromUtf8("\xe7\x94\xa8@\xe4\xbe\x8b.cn"),
                                      QStringLiteral("\"q\\\"x\"@example.com"),
                                      QStringLiteral("z@yahooo.com"), QStringLiteral("w@hotmial.com"),
                                      QString::fromUtf8("tab\there@example.com"), QStringLiteral("@"),
                                      QStringLiteral("abuse@aol.con")}};
        for (const QStringList& list : lists) {
            Screener s(config);
            qint64 line = 2;
            for (const QString& e : list)
                s.add(e, line++);
            const QString json = s.finish().detailsJson;
            QVERIFY(!json.isEmpty());
            QJsonParseError err;
            const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &err);
            QCOMPARE(err.error, QJsonParseError::NoError);
            QCOMPARE(QString::fromUtf8(doc.toJson(QJsonDocument::Compact)), json);
        }
        // Many rows and domains (the top list is full, "other" is not empty).
        Screener s(config);
        for (int k = 0; k < 3000; ++k)
            s.add(QStringLiteral("user%1@d%2.example").arg(k).arg(k % 97), k + 2);
        const QString json = s.finish().detailsJson;
        QCOMPARE(QString::fromUtf8(QJsonDocument::fromJson(json.toUtf8()).toJson(QJsonDocument::Compact)),
                 json);
        QVERIFY(json.contains(QStringLiteral("\"other\":{\"count\":")));
    }
};

QTEST_GUILESS_MAIN(TestScreeningJson)
#include "test_screening_json.moc"
