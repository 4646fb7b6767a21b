// SPDX-License-Identifier: GPL-3.0-or-later
// `abusedesk-cli screen-list` on fixtures (tests/data/lists-screen): JSON keys, counts, limits, exit codes,
// error messages.
#include "listgen.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out, err;
};

Run cli(const QStringList& args, const QList<std::pair<QString, QString>>& extraEnv = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ABUSEDESK_RESOURCES"), QStringLiteral(ABUSEDESK_RESOURCES));
    for (const auto& [k, v] : extraEnv)
        env.insert(k, v);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(ABUSEDESK_BINARY_DIR "/app/cli/abusedesk-cli"),
            QStringList{QStringLiteral("screen-list")} + args);
    if (!p.waitForFinished(60000))
        return {};
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

QString fixture(const char* name)
{
    return QStringLiteral(ABUSEDESK_TEST_DATA "/lists-screen/") + QLatin1String(name);
}

} // namespace

class TestScreenListCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // The command screens through the same bounded-memory path as the import: with a budget that forces
    // the temporary files (in a private TMPDIR, empty afterwards) the output is byte for byte the same.
    void tinyBudgetSameOutput()
    {
        QTemporaryDir dir;        // the list, outside
        listgen::PrivateTemp tmp; // the test's own TMPDIR, also inherited by the command
        const QString list = dir.filePath(QStringLiteral("big.csv"));
        QByteArray csv = "email\n";
        for (int i = 0; i < 20000; ++i)
            csv += listgen::address(std::uint64_t(i)).toUtf8() + '\n';
        QFile f(list);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(csv);
        f.close();
        const Run big = cli({list, QStringLiteral("--json")});
        const Run small = cli({list, QStringLiteral("--json")},
                              {{QStringLiteral("ABUSEDESK_LIST_SET_BYTES"), QStringLiteral("1024")},
                               {QStringLiteral("ABUSEDESK_LIST_TRACKED_DOMAINS"), QStringLiteral("8")}});
        QVERIFY2(big.err.isEmpty(), big.err.constData());
        QVERIFY2(small.err.isEmpty(), small.err.constData());
        QCOMPARE(small.exitCode, big.exitCode);
        QCOMPARE(small.out, big.out);
        QVERIFY(QJsonDocument::fromJson(big.out).object()[u"problems"][u"duplicate"][u"count"].toInt() >
                4000);
        QVERIFY(tmp.empty());
        const Run text = cli({list}, {{QStringLiteral("ABUSEDESK_LIST_SET_BYTES"), QStringLiteral("1024")}});
        QCOMPARE(text.out, cli({list}).out);
    }

    void badBudgetVariable()
    {
        const Run r = cli({fixture("dirty.csv"), QStringLiteral("--json")},
                          {{QStringLiteral("ABUSEDESK_LIST_SET_BYTES"), QStringLiteral("4M")}});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains("ABUSEDESK_LIST_SET_BYTES must be a whole number of at least 1024: 4M"),
                 r.err.constData());
    }

    void dirtyList()
    {
        const Run r = cli({fixture("dirty.csv"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 1); // limits exceeded: a problem found and reported
        QVERIFY2(r.err.isEmpty(), r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.keys(), (QStringList{"clean", "distinct_addresses", "domains", "file", "limits",
                                        "problems", "rows", "valid"}));
        QCOMPARE(o[u"file"].toString(), fixture("dirty.csv"));
        QCOMPARE(o[u"rows"].toInt(), 10);
        QCOMPARE(o[u"valid"].toInt(), 9);
        QCOMPARE(o[u"clean"].toInt(), 5);
        const QJsonObject p = o[u"problems"].toObject();
        QCOMPARE(p.keys(), (QStringList{"disposable", "duplicate", "invalid", "role", "typo"}));
        for (const auto& k : p.keys())
            QCOMPARE(p[k].toObject().keys(), (QStringList{"count", "examples", "share"}));
        QCOMPARE(p[u"invalid"][u"count"].toInt(), 1);
        QCOMPARE(p[u"invalid"][u"share"].toDouble(), 0.1);
        QCOMPARE(p[u"invalid"][u"examples"][0].toObject(),
                 (QJsonObject{{"line", 8}, {"email", "not an address"}, {"reason", "missing @"}}));
        QCOMPARE(p[u"duplicate"][u"examples"][0].toObject(),
                 (QJsonObject{{"line", 4},
                              {"email", "BudiSantoso+promo@gmail.com"},
                              {"key", "budisantoso@gmail.com"}}));
        QCOMPARE(p[u"role"][u"examples"][0].toObject(),
                 (QJsonObject{{"line", 5}, {"email", "info@tokoku.co.id"}}));
        QCOMPARE(p[u"disposable"][u"examples"][0].toObject(),
                 (QJsonObject{{"line", 6}, {"email", "x@a.mailinator.com"}, {"domain", "mailinator.com"}}));
        QCOMPARE(p[u"typo"][u"examples"][0].toObject(),
                 (QJsonObject{{"line", 7}, {"email", "agus@gmial.com"}, {"suggestion", "gmail.com"}}));
        // line 9 starts after the quoted two-line cell of line 8
        const QJsonObject domains = o[u"domains"].toObject();
        QCOMPARE(domains.keys(), (QStringList{"distinct", "exact", "other", "top", "untracked"}));
        QCOMPARE(domains[u"top"][0].toObject(), (QJsonObject{{"domain", "gmail.com"},
                                                             {"count", 2},
                                                             {"share", 0.222222},
                                                             {"disposable", false},
                                                             {"typo_of", QJsonValue()}}));
        QCOMPARE(domains[u"top"][1][u"domain"].toString(), QStringLiteral("yahoo.co.id"));
        const QJsonObject limits = o[u"limits"].toObject();
        QCOMPARE(limits.keys(), (QStringList{"disposable_share_max", "invalid_share_max", "policy"}));
        QCOMPARE(limits[u"invalid_share_max"].toObject(),
                 (QJsonObject{{"limit", 0.01}, {"share", 0.1}, {"exceeded", true}}));
        QCOMPARE(limits[u"disposable_share_max"].toObject(),
                 (QJsonObject{{"limit", 0.01}, {"share", 0.1}, {"exceeded", true}}));
    }

    void lineNumbersAfterMultilineCell()
    {
        const Run r = cli({fixture("dirty.csv"), QStringLiteral("--json"), QStringLiteral("--examples"),
                           QStringLiteral("0")});
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o[u"problems"][u"invalid"][u"examples"].toArray().size(), 0);
        QCOMPARE(o[u"problems"][u"invalid"][u"count"].toInt(), 1);
    }

    void cleanList()
    {
        const Run r = cli({fixture("clean.csv"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o[u"rows"].toInt(), 5);
        QCOMPARE(o[u"clean"].toInt(), 5);
        for (const char* k : {"invalid", "duplicate", "role", "disposable", "typo"})
            QCOMPARE(o[u"problems"][QLatin1String(k)][u"count"].toInt(), 0);
        QCOMPARE(o[u"limits"][u"invalid_share_max"][u"exceeded"].toBool(), false);
        QCOMPARE(o[u"limits"][u"disposable_share_max"][u"exceeded"].toBool(), false);
    }

    void humanReadable()
    {
        const Run r = cli({fixture("dirty.csv")});
        QCOMPARE(r.exitCode, 1);
        const QString out = QString::fromUtf8(r.out);
        QVERIFY2(out.contains(QStringLiteral("10 rows, 9 valid")), r.out.constData());
        QVERIFY(out.contains(QStringLiteral("line 7: agus@gmial.com  [suggestion: gmail.com]")));
        QVERIFY(out.contains(QStringLiteral("invalid    10.00% vs max 1.00%  EXCEEDED")));
    }

    // Acceptance audit: an uploaded row's ESC sequence went straight to the reviewer's terminal in the
    // text output.
    void humanReadableEscapesControls()
    {
        const Run r = cli({QStringLiteral(ABUSEDESK_TEST_DATA "/cli-terminal-escapes/list.csv")});
        QCOMPARE(r.exitCode, 1); // one invalid row of two
        QVERIFY(!r.out.contains('\x1b'));
        QVERIFY(!r.out.contains('\x07'));
        QVERIFY2(r.out.contains("line 2: evil\\x1b]0;pwned\\x07@x.example"), r.out.constData());
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing column")
            << QStringList{fixture("no-email-column.csv"), QStringLiteral("--json")}
            << QStringLiteral(
                   "no-email-column.csv:1: required column \"email\" is missing (columns: name, mail)");
        QTest::newRow("csv syntax") << QStringList{fixture("broken.csv"), QStringLiteral("--json")}
                                    << QStringLiteral("broken.csv:3: column 1: unterminated quoted field");
        QTest::newRow("no such file") << QStringList{fixture("nope.csv")} << QStringLiteral("cannot read ");
        QTest::newRow("folder") << QStringList{QStringLiteral(ABUSEDESK_TEST_DATA)}
                                << QStringLiteral("is a folder");
        QTest::newRow("no file") << QStringList{} << QStringLiteral("expected one list file");
        QTest::newRow("bad examples")
            << QStringList{fixture("clean.csv"), QStringLiteral("--examples"), QStringLiteral("x")}
            << QStringLiteral("--examples must be a non-negative number: x");
        QTest::newRow("db not accepted")
            << QStringList{fixture("clean.csv"), QStringLiteral("--db"), QStringLiteral("x.sqlite")}
            << QStringLiteral("Unknown option 'db'");
    }
    void errors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = cli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestScreenListCli)
#include "test_screen_list_cli.moc"
