// SPDX-License-Identifier: GPL-3.0-or-later
// abusedesk-gen: reproduces the committed demo bundle byte for byte, is deterministic, writes CSV that an
// RFC 4180 reader accepts with the case-bundle columns, and refuses bad arguments.
#include "lists/csv.h"
#include "util/error.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kGen = QStringLiteral(ABUSEDESK_BINARY_DIR "/tools/gen/abusedesk-gen");
const QString kDemo = QStringLiteral(ABUSEDESK_RESOURCES "/demo/optimais-demo");
// The exact command of resources/demo/README.md.
const QStringList kDemoArgs{QStringLiteral("--accounts"),
                            QStringLiteral("60"),
                            QStringLiteral("--campaigns-per-account"),
                            QStringLiteral("8"),
                            QStringLiteral("--evidence"),
                            QStringLiteral("1200"),
                            QStringLiteral("--messages"),
                            QStringLiteral("120"),
                            QStringLiteral("--list-rows"),
                            QStringLiteral("6000"),
                            QStringLiteral("--seed"),
                            QStringLiteral("1"),
                            QStringLiteral("--exported-at"),
                            QStringLiteral("2026-11-20T00:00:00Z")};

int gen(const QStringList& args, QByteArray* err = nullptr)
{
    QProcess p;
    p.start(kGen, args);
    if (!p.waitForFinished(300000))
        return -1;
    if (err)
        *err = p.readAllStandardError();
    return p.exitCode();
}

QStringList files(const QString& root)
{
    QStringList out;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        out << QDir(root).relativeFilePath(it.next());
    out.sort();
    return out;
}

QByteArray read(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

} // namespace

class TestGen : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void reproducesCommittedDemo()
    {
        QTemporaryDir tmp;
        const QString out = tmp.filePath(QStringLiteral("demo"));
        QCOMPARE(gen(QStringList{out} + kDemoArgs), 0);
        const QStringList expected = files(kDemo);
        QVERIFY(expected.size() > 50);
        QCOMPARE(files(out), expected);
        for (const QString& f : expected)
            QVERIFY2(read(out + QLatin1Char('/') + f) == read(kDemo + QLatin1Char('/') + f), qPrintable(f));
    }

    void deterministicAndSeeded()
    {
        QTemporaryDir tmp;
        const QStringList small{QStringLiteral("--accounts"), QStringLiteral("30"),
                                QStringLiteral("--list-rows"), QStringLiteral("500")};
        QCOMPARE(gen(QStringList{tmp.filePath(QStringLiteral("a"))} + small), 0);
        QCOMPARE(gen(QStringList{tmp.filePath(QStringLiteral("b"))} + small), 0);
        QCOMPARE(gen(QStringList{tmp.filePath(QStringLiteral("c"))} + small + QStringList{"--seed", "2"}), 0);
        const QStringList fa = files(tmp.filePath(QStringLiteral("a")));
        QCOMPARE(files(tmp.filePath(QStringLiteral("b"))), fa);
        for (const QString& f : fa)
            QVERIFY(read(tmp.filePath("a/" + f)) == read(tmp.filePath("b/" + f)));
        QVERIFY(read(tmp.filePath(QStringLiteral("a/accounts.csv"))) !=
                read(tmp.filePath(QStringLiteral("c/accounts.csv"))));
    }

    void csvFilesAreWellFormed()
    {
        const QHash<QString, QStringList> headers{
            {"accounts.csv",
             {"account_id", "name", "owner_email", "from_addresses", "postal_address", "website", "signup_at",
              "status", "flagged_at", "flag_reason"}},
            {"campaigns.csv",
             {"account_id", "campaign_id", "sent_at", "subject", "from_address", "list_ids", "sent",
              "delivered", "bounces", "hard_bounces", "complaints", "unsubscribes", "unique_opens",
              "unique_clicks"}},
            {"lists.csv",
             {"account_id", "list_id", "name", "source", "acquired_at", "size", "double_opt_in"}},
            {"evidence.csv",
             {"account_id", "list_id", "subscriber", "method", "consent_at", "source", "ip",
              "checkbox_default", "email_contact_explained", "consent_text", "confirmed_at",
              "last_purchase_at", "last_contacted_at"}},
            {"complaints/complaints.csv",
             {"account_id", "campaign_id", "received_at", "recipient", "feedback_type", "source", "note"}},
            {"history.csv", {"account_id", "at", "action", "reason", "by"}}};
        qint64 campaigns = 0;
        for (const QString& f : files(kDemo)) {
            if (!f.endsWith(QLatin1String(".csv")))
                continue;
            QFile file(kDemo + QLatin1Char('/') + f);
            QVERIFY(file.open(QIODevice::ReadOnly));
            ad::lists::ListCsvReader r(file, f);
            try {
                r.readHeader();
                if (headers.contains(f))
                    QCOMPARE(r.header(), headers.value(f));
                else
                    QVERIFY2(f.startsWith(QLatin1String("lists/")) && r.index(u"email") >= 0, qPrintable(f));
                while (r.next()) {
                    if (f == QLatin1String("campaigns.csv")) {
                        ++campaigns;
                        const qint64 sent = r.text(6).toLongLong(), delivered = r.text(7).toLongLong(),
                                     bounces = r.text(8).toLongLong();
                        QVERIFY(delivered + bounces <= sent);
                    }
                }
            } catch (const ad::Error& e) {
                QFAIL(qPrintable(e.toString()));
            }
        }
        QCOMPARE(campaigns, 480);
    }

    void everyProfileIsInTheDemo()
    {
        const QByteArray lists = read(kDemo + QStringLiteral("/lists.csv"));
        for (const char* s :
             {",purchased,", ",rented,", ",third_party,", ",public_web,", ",unknown,", ",import,"})
            QVERIFY2(lists.contains(s), s);
        const QByteArray history = read(kDemo + QStringLiteral("/history.csv"));
        for (const char* s : {",warn,", ",suspend,", ",proof_requested,", ",reinstate,"})
            QVERIFY2(history.contains(s), s);
        const QByteArray accounts = read(kDemo + QStringLiteral("/accounts.csv"));
        QVERIFY(accounts.contains(",suspended,"));
        QVERIFY(accounts.contains(",warned,"));
        QByteArray allMessages;
        for (const QString& f : files(kDemo + QStringLiteral("/messages")))
            allMessages += read(kDemo + QStringLiteral("/messages/") + f);
        for (const char* s :
             {"charset=iso-8859-1", "charset=windows-1252", "charset=koi8-r", "charset=ISO-2022-JP",
              "multipart/alternative", "multipart/related", "Content-ID: <", "base64", "quoted-printable",
              "=?UTF-8?B?", "dmarc=fail", "\n>From ", "https://secure-verify-a100015.top"})
            QVERIFY2(allMessages.contains(s), s);
        bool mbox = false;
        for (const QString& f : files(kDemo + QStringLiteral("/messages")))
            mbox = mbox || f.endsWith(QLatin1String(".mbox"));
        QVERIFY(mbox);
        QVERIFY(!files(kDemo + QStringLiteral("/complaints")).filter(QStringLiteral(".eml")).isEmpty());
    }

    void badArguments_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no dir") << QStringList{} << QStringLiteral("Usage: abusedesk-gen");
        QTest::newRow("bad number") << QStringList{"x", "--accounts", "ten"}
                                    << QStringLiteral("--accounts expects a whole number >= 1, not \"ten\"");
        QTest::newRow("zero accounts") << QStringList{"x", "--accounts", "0"}
                                       << QStringLiteral("--accounts expects a whole number >= 1, not \"0\"");
        QTest::newRow("bad time") << QStringList{"x", "--exported-at", "yesterday"}
                                  << QStringLiteral(
                                         "--exported-at is not an ISO 8601 time with offset: yesterday");
        QTest::newRow("unknown option")
            << QStringList{"x", "--colour", "red"} << QStringLiteral("unknown option --colour");
        QTest::newRow("missing value")
            << QStringList{"x", "--seed"} << QStringLiteral("--seed needs a value");
        QTest::newRow("non-empty dir") << QStringList{QStringLiteral(ABUSEDESK_RESOURCES "/lists")}
                                       << QStringLiteral("exists and is not an empty folder");
    }
    void badArguments()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QTemporaryDir tmp;
        QStringList a = args;
        if (!a.isEmpty() && a.first() == QLatin1String("x"))
            a.first() = tmp.filePath(QStringLiteral("x"));
        QByteArray err;
        QCOMPARE(gen(a, &err), 2);
        QVERIFY2(QString::fromUtf8(err).contains(message), err.constData());
        QVERIFY(!QFileInfo::exists(tmp.filePath(QStringLiteral("x")))); // nothing written
    }
};

QTEST_GUILESS_MAIN(TestGen)
#include "test_gen.moc"
