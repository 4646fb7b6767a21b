// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/types.h"
#include "util/clock.h"
#include "util/error.h"
#include "util/hash.h"
#include "util/timeutil.h"

#include <QTest>

using namespace ad;

class TestUtil : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parseIso_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("utc"); // empty = rejected
        QTest::newRow("Z") << "2026-03-01T09:30:00Z"
                           << "2026-03-01T09:30:00Z";
        QTest::newRow("offset") << "2026-03-01T16:30:00+07:00"
                                << "2026-03-01T09:30:00Z";
        QTest::newRow("negative offset") << "2026-03-01T04:30:00-05:00"
                                         << "2026-03-01T09:30:00Z";
        QTest::newRow("compact offset") << "2026-03-01T16:30:00+0700"
                                        << "2026-03-01T09:30:00Z";
        QTest::newRow("date only is midnight UTC") << "2026-03-01"
                                                   << "2026-03-01T00:00:00Z";
        QTest::newRow("fraction") << "2026-03-01T09:30:00.25Z"
                                  << "2026-03-01T09:30:00.250Z";
        QTest::newRow("no seconds") << "2026-03-01T09:30Z"
                                    << "2026-03-01T09:30:00Z";
        QTest::newRow("no offset") << "2026-03-01T09:30:00"
                                   << "";
        QTest::newRow("space instead of T") << "2026-03-01 09:30:00Z"
                                            << "";
        QTest::newRow("bad month") << "2026-13-01"
                                   << "";
        QTest::newRow("bad day") << "2026-02-30"
                                 << "";
        QTest::newRow("bad hour") << "2026-03-01T25:00:00Z"
                                  << "";
        QTest::newRow("garbage") << "yesterday"
                                 << "";
        QTest::newRow("trailing") << "2026-03-01T09:30:00Zx"
                                  << "";
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("non-ASCII digit in the fraction")
            << QString::fromUtf8("2026-03-01T09:30:00.123\u0663Z") << "";
        QTest::newRow("fullwidth digit") << QString::fromUtf8("\uff12026-03-01") << "";
    }
    void parseIso()
    {
        QFETCH(QString, text);
        QFETCH(QString, utc);
        const auto t = time::parseIso(text);
        if (utc.isEmpty()) {
            QVERIFY(!t.has_value());
        } else {
            QVERIFY(t.has_value());
            QCOMPARE(time::toIso(*t), utc);
        }
    }
    void moreThanYears()
    {
        const QDateTime now = *time::parseIso(u"2026-11-20T00:00:00Z");
        QVERIFY(!time::moreThanYearsBefore(*time::parseIso(u"2024-11-20T00:00:00Z"), now, 2)); // exactly
        QVERIFY(time::moreThanYearsBefore(*time::parseIso(u"2024-11-19T00:00:00Z"), now, 2));  // one day more
        QVERIFY(!time::moreThanYearsBefore(*time::parseIso(u"2024-11-21T00:00:00Z"), now, 2)); // one day less
    }
    void errorText()
    {
        const Error e = Error::at(QStringLiteral("accounts.csv"), 7, QStringLiteral("signup_at"),
                                  QStringLiteral("2026-13-01"), QStringLiteral("not an ISO 8601 timestamp"));
        QCOMPARE(e.toString(),
                 QStringLiteral(
                     "accounts.csv:7: column signup_at: value \"2026-13-01\": not an ISO 8601 timestamp"));
        QCOMPARE(e.kind(), Error::Kind::Input);
    }
    void fixedClock()
    {
        FixedClock c(*time::parseIso(u"2026-01-01"));
        c.advanceSecs(86400);
        QCOMPARE(time::toIso(c.now()), QStringLiteral("2026-01-02T00:00:00Z"));
    }
    void sha()
    {
        QCOMPARE(sha256Hex("abc"),
                 QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }
    void enums()
    {
        QCOMPARE(actionFromString(u"proof_requested"), std::optional<Action>(Action::RequestProof));
        QCOMPARE(toString(Action::RequestProof), QStringLiteral("request_proof"));
        QVERIFY(!actionFromString(u"ban").has_value());
        QVERIFY(Severity::Info < Severity::Warn && Severity::Suspend < Severity::Terminate);
        QCOMPARE(toString(*accountStatusFromString(u"warned")), QStringLiteral("warned"));
    }
};

QTEST_GUILESS_MAIN(TestUtil)
#include "test_util.moc"
