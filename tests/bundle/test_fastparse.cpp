// SPDX-License-Identifier: GPL-3.0-or-later
// The importer's byte-level checks (core/bundle/fastparse.h, ad::time::parseIsoMs) accept exactly what
// their QString counterparts accept, with the same results.
#include "bundle/fastparse.h"
#include "util/timeutil.h"

#include <QRandomGenerator>
#include <QTest>

using namespace ad::bundle;

class TestFastParse : public QObject
{
    Q_OBJECT

private:
    static void same(const QByteArray& text)
    {
        const auto expected = ad::time::parseIso(QString::fromLatin1(text));
        const auto got = ad::time::parseIsoMs(text);
        QVERIFY2(expected.has_value() == got.has_value(), text.constData());
        if (expected)
            QVERIFY2(expected->toMSecsSinceEpoch() == *got, text.constData());
    }

private Q_SLOTS:
    void timestampsLikeParseIso()
    {
        const char* cases[] = {"2026-03-01",
                               "2026-03-01T09:30:00Z",
                               "2026-03-01T09:30Z",
                               "2026-03-01t09:30:00z",
                               "2026-03-01 09:30:00Z",
                               "2026-03-01T09:30:00.5Z",
                               "2026-03-01T09:30:00,123456Z",
                               "2026-03-01T09:30:00.Z",
                               "2026-03-01T09:30:00+02:00",
                               "2026-03-01T09:30:00-0530",
                               "2026-03-01T09:30:00+2:00",
                               "2026-03-01T09:30:00+24:00",
                               "2026-03-01T09:30:00+23:59",
                               "2026-03-01T09:30:00+01:60",
                               "2026-03-01T09:30:00",
                               "2026-03-01T24:00:00Z",
                               "2026-03-01T23:60:00Z",
                               "2026-03-01T23:59:60Z",
                               "2026-02-29",
                               "2024-02-29",
                               "2000-02-29",
                               "1900-02-29",
                               "0000-01-01",
                               "0001-01-01",
                               "0001-01-01T00:00:00+01:00",
                               "9999-12-31T23:59:59.999Z",
                               "2026-13-01",
                               "2026-00-10",
                               "2026-04-31",
                               "2026-04-30",
                               "2026-3-01",
                               "2026-03-01T",
                               "2026-03-01Z",
                               "2026-03-01T09:30:00ZZ",
                               "2026-03-01T09:30:00Z ",
                               " 2026-03-01",
                               "2026/03/01",
                               "",
                               "x",
                               "1970-01-01T00:00:00Z",
                               "1969-12-31T23:59:59.999Z",
                               "1583-10-15",
                               "1582-10-10",
                               "0400-02-29",
                               "2026-03-01T09:30:00+00",
                               "2026-03-01T09:30:00+0",
                               "2026-03-01T9:30:00Z",
                               "2026-03-01T09:3Z"};
        for (const char* c : cases)
            same(c);
    }

    void randomTimestampsLikeParseIso()
    {
        // Random mutations of valid stamps, byte by byte from a small alphabet.
        QRandomGenerator rng(42);
        const QByteArray alphabet = "0123456789-:TZ+.,tz 9";
        const QByteArray seeds[] = {"2026-03-01T09:30:00.123+02:00", "2024-02-29T23:59:59Z", "1999-12-31"};
        for (int i = 0; i < 20000; ++i) {
            QByteArray s = seeds[i % 3];
            const int edits = 1 + int(rng.bounded(3));
            for (int k = 0; k < edits; ++k) {
                const int op = int(rng.bounded(3));
                const int at = int(rng.bounded(s.size() + 1));
                const char c = alphabet[int(rng.bounded(alphabet.size()))];
                if (op == 0 && at < s.size())
                    s[at] = c;
                else if (op == 1)
                    s.insert(at, c);
                else if (at < s.size())
                    s.remove(at, 1);
            }
            same(s);
            if (QTest::currentTestFailed())
                return;
        }
    }

    void ids()
    {
        QVERIFY(fast::isId("A100001"));
        QVERIFY(fast::isId("a.b_c:d-9"));
        QVERIFY(fast::isId(QByteArray(64, 'x')));
        QVERIFY(!fast::isId(QByteArray(65, 'x')));
        QVERIFY(!fast::isId(""));
        QVERIFY(!fast::isId("a b"));
        QVERIFY(!fast::isId("a/b"));
        QVERIFY(!fast::isId("\xc3\xa9"));
        QVERIFY(fast::isAscii("abc"));
        QVERIFY(!fast::isAscii("ab\xc3\xa9"));
    }
};

QTEST_APPLESS_MAIN(TestFastParse)
#include "test_fastparse.moc"
