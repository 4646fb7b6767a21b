// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the real abusedesk-cli: `inspect-message FILE --json` on a fixture, compared to the expected JSON
// (tests/data/mime-cli/), and exit code 2 with a reason on input that is not mail.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

namespace {

const QString cli = QStringLiteral(ABUSEDESK_BINARY_DIR "/app/cli/abusedesk-cli");
const QString data = QStringLiteral(ABUSEDESK_TEST_DATA);

struct Run
{
    int exitCode = -1;
    QByteArray out, err;
};

Run run(const QStringList& args)
{
    QProcess p;
    p.start(cli, args);
    if (!p.waitForFinished(120000))
        qFatal("abusedesk-cli did not finish");
    return Run{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
               p.readAllStandardError()};
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing %s", qPrintable(path));
    return f.readAll();
}

} // namespace

class TestMimeCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void inspectJson()
    {
        const Run r =
            run({QStringLiteral("inspect-message"),
                 data + QStringLiteral("/mime-messages/alternative-related.eml"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QJsonParseError pe;
        const QJsonDocument got = QJsonDocument::fromJson(r.out, &pe);
        QVERIFY2(pe.error == QJsonParseError::NoError, qPrintable(pe.errorString()));
        const QJsonDocument expected =
            QJsonDocument::fromJson(readFile(data + QStringLiteral("/mime-cli/alternative-related.json")));
        QVERIFY(expected.isObject());
        const QJsonObject g = got.object(), e = expected.object();
        QCOMPARE(g.keys(), e.keys());
        for (const QString& k : e.keys())
            QVERIFY2(g.value(k) == e.value(k), qPrintable(k));
        // The keys come in the contract's order.
        const QStringList order{"from",
                                "return_path",
                                "subject",
                                "date",
                                "message_id",
                                "headers",
                                "text",
                                "html",
                                "links",
                                "attachments",
                                "list_unsubscribe",
                                "one_click_unsubscribe",
                                "authentication_results"};
        qsizetype last = -1;
        for (const QString& k : order) {
            const qsizetype at = r.out.indexOf(QByteArray("\"" + k.toUtf8() + "\":"));
            QVERIFY2(at > last, qPrintable(k));
            last = at;
        }
        QVERIFY(r.err.isEmpty());
    }
    void inspectNulls()
    {
        // No Date, no text/html part of one kind, no auth results: null, not missing.
        const Run r = run({QStringLiteral("inspect-message"),
                           data + QStringLiteral("/mime-messages/malformed.eml"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QVERIFY(o.value(QStringLiteral("date")).isNull());
        QVERIFY(o.value(QStringLiteral("return_path")).isNull());
        QCOMPARE(o.value(QStringLiteral("subject")).toString(), QStringLiteral("malformed"));
        QCOMPARE(o.value(QStringLiteral("list_unsubscribe")).toArray().size(), 0);
        QCOMPARE(o.value(QStringLiteral("one_click_unsubscribe")).toBool(true), false);
        const QJsonObject auth = o.value(QStringLiteral("authentication_results")).toObject();
        QCOMPARE(auth.keys(), (QStringList{"dkim", "dmarc", "spf"}));
        QVERIFY(auth.value(QStringLiteral("spf")).isNull());
    }
    void inspectSummary()
    {
        const Run r =
            run({QStringLiteral("inspect-message"), data + QStringLiteral("/mime-messages/malformed.eml")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("Subject:       malformed\n"));
        QVERIFY(r.out.contains("Warnings:\n"));
        QVERIFY(r.out.contains("  no Date header\n"));
    }
    // Acceptance audit: the text summary wrote a hostile body's ESC sequences (clear screen, set the
    // window title) and C1 controls straight to the reviewer's terminal.
    void inspectSummaryShowsControlsEscaped()
    {
        const Run r = run({QStringLiteral("inspect-message"),
                           data + QStringLiteral("/cli-terminal-escapes/escape-sequences.eml")});
        QCOMPARE(r.exitCode, 0);
        for (const char c : r.out)
            QVERIFY2((uchar(c) >= 0x20 && uchar(c) != 0x7f) || c == '\n' || c == '\t',
                     qPrintable(QStringLiteral("control byte 0x%1 on stdout").arg(uint(uchar(c)), 2, 16)));
        QVERIFY(!r.out.contains("\xc2\x9b")); // C1 CSI as UTF-8
        QVERIFY2(r.out.contains("body \\x1b[2J\\x1b]0;pwned\\x07 end\n\\x9b31m C1 CSI"), r.out.constData());
        // --json keeps the exact text (escaped by JSON).
        const Run j = run({QStringLiteral("inspect-message"), QStringLiteral("--json"),
                           data + QStringLiteral("/cli-terminal-escapes/escape-sequences.eml")});
        QCOMPARE(j.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(j.out).object().value(QStringLiteral("text")).toString(),
                 QStringLiteral("body \x1b[2J\x1b]0;pwned\x07 end\n\u009b31m C1 CSI\n"));
    }

    void notMail_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("reason");
        QTest::newRow("png")
            << "/mime-messages/not-mail-png.eml"
            << QByteArray(
                   "not-mail-png.eml: not an e-mail message: binary data (NUL bytes in the header block)");
        QTest::newRow("empty") << "/mime-messages/not-mail-empty.eml"
                               << QByteArray("not-mail-empty.eml: not an e-mail message: empty input");
        QTest::newRow("missing file")
            << "/mime-messages/does-not-exist.eml" << QByteArray("does-not-exist.eml: cannot read the file");
    }
    void notMail()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, reason);
        const Run r = run({QStringLiteral("inspect-message"), data + file, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains(reason), r.err.constData());
    }
    void usage()
    {
        const Run r = run({QStringLiteral("inspect-message"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("expected exactly one FILE"));
    }
};

QTEST_GUILESS_MAIN(TestMimeCli)
#include "test_mime_cli.moc"
