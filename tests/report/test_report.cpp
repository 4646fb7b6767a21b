// SPDX-License-Identifier: GPL-3.0-or-later
// Case reports in core: JSON against the schema, self-contained HTML, safe message content, redaction,
// languages, reproducibility, the CLI command and its bad inputs.
#include "fixture.h"
#include "jsonschema.h"
#include "report/redact.h"
#include "report/report.h"
#include "report/sanitize.h"
#include "report/svgchart.h"
#include "util/error.h"
#include "util/hash.h"

#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

using namespace ad;

namespace {

report::Options options(const QString& account = QStringLiteral("A1001"))
{
    report::Options o;
    o.accountId = account;
    o.exportedAt = *time::parseIso(u"2026-11-22T10:00:00Z");
    return o;
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

QString cli()
{
    return QStringLiteral(ABUSEDESK_BINARY_DIR "/app/cli/abusedesk-cli");
}

} // namespace

class TestReport : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::ReportFixture> fx;

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("ABUSEDESK_RESOURCES", ABUSEDESK_RESOURCES);
        fx = std::make_unique<test::ReportFixture>();
    }

    void jsonValidatesAndHoldsTheFacts()
    {
        const QJsonObject model = report::buildModel(*fx->store, fx->policy, options());
        const QByteArray json = report::toJson(model);
        const QJsonDocument doc = QJsonDocument::fromJson(json);
        QVERIFY(doc.isObject());
        const QJsonObject schema =
            QJsonDocument::fromJson(
                readFile(QStringLiteral(ABUSEDESK_RESOURCES "/templates/report.schema.json")))
                .object();
        QVERIFY(!schema.isEmpty());
        QStringList errors;
        test::validateJson(doc.object(), schema, QStringLiteral("$"), errors);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));

        const QJsonObject o = doc.object();
        QCOMPARE(o.value(QStringLiteral("account")).toObject().value(QStringLiteral("id")).toString(),
                 QStringLiteral("A1001"));
        QCOMPARE(o.value(QStringLiteral("policy")).toObject().value(QStringLiteral("id")).toString(),
                 QStringLiteral("optimais"));
        QCOMPARE(o.value(QStringLiteral("policy")).toObject().value(QStringLiteral("version")).toString(),
                 fx->policy.version());
        QCOMPARE(o.value(QStringLiteral("as_of")).toString(), QStringLiteral("2026-11-20T00:00:00Z"));
        // Findings with clause, numbers and what would clear them.
        const QJsonArray findings = o.value(QStringLiteral("findings")).toArray();
        QVERIFY(!findings.isEmpty());
        bool complaint = false;
        for (const auto& f : findings) {
            const QJsonObject fo = f.toObject();
            QVERIFY(!fo.value(QStringLiteral("clause")).toString().isEmpty());
            if (fo.value(QStringLiteral("rule")).toString() == QLatin1String("complaint-rate")) {
                complaint = true;
                QVERIFY(fo.value(QStringLiteral("summary")).toString().contains(QLatin1String("62")));
                QVERIFY(!fo.value(QStringLiteral("to_clear")).toString().isEmpty());
            }
        }
        QVERIFY(complaint);
        // Metrics.
        const QJsonObject c7 = o.value(QStringLiteral("campaigns")).toArray().first().toObject();
        QCOMPARE(c7.value(QStringLiteral("campaign_id")).toString(), QStringLiteral("C7"));
        QCOMPARE(c7.value(QStringLiteral("sent")).toInt(), 20000);
        QCOMPARE(c7.value(QStringLiteral("delivered")).toInt(), 19000);
        QCOMPARE(c7.value(QStringLiteral("complaint_rate")).toDouble(), 62.0 / 19000.0);
        // Evidence: the invalid rows with their reasons, in line order.
        const QJsonArray invalid =
            o.value(QStringLiteral("evidence")).toObject().value(QStringLiteral("invalid_rows")).toArray();
        QStringList reasons;
        for (const auto& r : invalid)
            reasons << r.toObject().value(QStringLiteral("reason")).toString();
        QCOMPARE(reasons,
                 (QStringList{QStringLiteral("checkbox_prechecked"), QStringLiteral("method_none"),
                              QStringLiteral("offline_not_explained"), QStringLiteral("purchase_stale")}));
        // Complaints: csv rows and the ARF report, oldest first.
        const QJsonArray complaints = o.value(QStringLiteral("complaints")).toArray();
        QCOMPARE(complaints.size(), 4);
        for (int i = 1; i < complaints.size(); ++i)
            QVERIFY(complaints.at(i - 1).toObject().value(QStringLiteral("received_at")).toString() <=
                    complaints.at(i).toObject().value(QStringLiteral("received_at")).toString());
        // Linked account A1003 shares the From address.
        const QJsonArray linked = o.value(QStringLiteral("linked_accounts")).toArray();
        QVERIFY2(!linked.isEmpty(), json.constData());
        QCOMPARE(linked.first().toObject().value(QStringLiteral("account_id")).toString(),
                 QStringLiteral("A1003"));
        // Decision history.
        const QJsonArray decisions = o.value(QStringLiteral("decisions")).toArray();
        QCOMPARE(decisions.size(), 1);
        QCOMPARE(decisions.first().toObject().value(QStringLiteral("reviewer")).toString(),
                 QStringLiteral("rina"));
        QVERIFY(!decisions.first().toObject().value(QStringLiteral("notice_text")).toString().isEmpty());
        // Appendix: every imported file with its real hash, and the audit head.
        const QJsonObject ap = o.value(QStringLiteral("appendix")).toObject();
        const QJsonArray files = ap.value(QStringLiteral("files")).toArray();
        QVERIFY(files.size() >= 10);
        for (const auto& f : files) {
            const QJsonObject fo = f.toObject();
            const QByteArray bytes =
                readFile(fx->bundle + QLatin1Char('/') + fo.value(QStringLiteral("path")).toString());
            QCOMPARE(fo.value(QStringLiteral("sha256")).toString(), sha256Hex(bytes));
        }
        QCOMPARE(ap.value(QStringLiteral("audit_head")).toObject().value(QStringLiteral("hash")).toString(),
                 fx->store->lastAuditEntry()->hash);
        QCOMPARE(ap.value(QStringLiteral("audit_entries")).toInt(), int(fx->store->auditCount()));
    }

    void schemaRejectsWrongReports()
    {
        // The validator and schema have teeth: a missing key, a wrong type and an unknown key are caught.
        const QJsonObject schema =
            QJsonDocument::fromJson(
                readFile(QStringLiteral(ABUSEDESK_RESOURCES "/templates/report.schema.json")))
                .object();
        QJsonObject model = report::buildModel(*fx->store, fx->policy, options());
        model.remove(QStringLiteral("findings"));
        model.insert(QStringLiteral("redacted"), QStringLiteral("no"));
        model.insert(QStringLiteral("extra"), 1);
        QStringList errors;
        test::validateJson(model, schema, QStringLiteral("$"), errors);
        QCOMPARE(errors.size(), 3);
        QVERIFY(errors.join(QLatin1Char('\n')).contains(QLatin1String("missing required \"findings\"")));
    }

    void htmlIsSelfContainedAndSafe()
    {
        const QString html = report::toHtml(report::buildModel(*fx->store, fx->policy, options()));
        QVERIFY(html.startsWith(QLatin1String("<!DOCTYPE html>")));
        static const QRegularExpression remote(QStringLiteral("https?:"),
                                               QRegularExpression::CaseInsensitiveOption);
        const auto m = remote.match(html);
        QVERIFY2(!m.hasMatch(), qPrintable(html.mid(std::max<qsizetype>(0, m.capturedStart() - 80), 160)));
        for (const char* bad : {"<script", "<iframe", "<object", "<embed", "<form", "<base", "<link",
                                "onload=", "onclick=", "href=", "src=\"h", "url(", "@import", "refresh",
                                "<input", "document.cookie"})
            QVERIFY2(!html.contains(QLatin1String(bad), Qt::CaseInsensitive), bad);
        // A javascript: target is only ever shown as text, never in an attribute.
        QVERIFY(!html.contains(QRegularExpression(QStringLiteral("=\"[^\"]*javascript:"))));
        // The cid: logo is inlined, remote images are placeholders, links are shown as text.
        QVERIFY(html.contains(QLatin1String("<img src=\"data:image/png;base64,")));
        QVERIFY(html.contains(QLatin1String("[remote image removed: tracker.example")));
        QVERIFY(html.contains(QStringLiteral(
            "www.paypal.com</span><span class=\"href\"> [\u2192 hxxps://paypa1.example/login]")));
        QVERIFY(html.contains(QLatin1String("Content-Security-Policy")));
        // Charts, thresholds, numbers, hashes.
        QCOMPARE(html.count(QLatin1String("<svg ")), 4);
        QVERIFY(html.contains(QLatin1String("20,000")));
        QVERIFY(html.contains(QLatin1String("0.33 %"))); // C7: 62 of 19,000 delivered
        QVERIFY(html.contains(fx->store->lastAuditEntry()->hash));
        for (const auto& f : fx->store->importFiles(fx->store->importOfAccount(QStringLiteral("A1001"))->id))
            QVERIFY(html.contains(f.sha256));
        QVERIFY(html.contains(QLatin1String("complaint-rate")));
        QVERIFY(html.contains(QLatin1String("Account Suspension")));
        QVERIFY(html.contains(QLatin1String("A1003")));
    }

    void redactionRemovesEverySubscriberAddress_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("html") << QStringLiteral("html");
        QTest::newRow("json") << QStringLiteral("json");
    }
    void redactionRemovesEverySubscriberAddress()
    {
        QFETCH(QString, format);
        report::Options o = options();
        const auto toText = [&](const report::Options& opts) {
            const QJsonObject model = report::buildModel(*fx->store, fx->policy, opts);
            return format == QLatin1String("html") ? report::toHtml(model)
                                                   : QString::fromUtf8(report::toJson(model));
        };
        const QString plain = toText(o);
        o.redact = true;
        const QString red = toText(o);
        int presentUnredacted = 0;
        for (const QString& a :
             test::ReportFixture::subscriberAddresses() + test::ReportFixture::ipAddresses()) {
            if (plain.contains(a, Qt::CaseInsensitive))
                ++presentUnredacted;
            QVERIFY2(!red.contains(a, Qt::CaseInsensitive), qPrintable(a));
        }
        QVERIFY(presentUnredacted >= 12); // the unredacted report does show them
        // A malformed row of a list file is still a subscriber's (acceptance audit: it was shown in full).
        QVERIFY(plain.contains(QLatin1String("not-an-address")));
        QVERIFY2(!red.contains(QLatin1String("not-an-address")), "malformed list row left unmasked");
        QVERIFY(red.contains(QLatin1String("n***")));
        QVERIFY(red.contains(QLatin1String("d***@example.com")));
        QVERIFY(red.contains(QLatin1String("203.0.*.*")));
        // The sender's own identity stays.
        QVERIFY(red.contains(QLatin1String("news@brightdeals.example")));
        QVERIFY(red.contains(QLatin1String("owner@brightdeals.example")));
    }

    void languages()
    {
        report::Options o = options();
        o.language = QStringLiteral("id");
        const QString id = report::toHtml(report::buildModel(*fx->store, fx->policy, o));
        QVERIFY(id.contains(QLatin1String("<html lang=\"id\">")));
        QVERIFY(id.contains(QLatin1String("Lampiran bukti")));
        QVERIFY(id.contains(QLatin1String("Kronologi keluhan")));
        QVERIFY(!id.contains(QLatin1String("Evidence appendix")));
        QVERIFY(id.contains(QLatin1String("20.000"))); // Indonesian digit grouping
        const QString en = report::toHtml(report::buildModel(*fx->store, fx->policy, options()));
        QVERIFY(en.contains(QLatin1String("Evidence appendix")));
        o.language = QStringLiteral("fr");
        QVERIFY_THROWS_EXCEPTION(Error, report::buildModel(*fx->store, fx->policy, o));
    }

    void reproducible_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("html") << QStringLiteral("html");
        QTest::newRow("json") << QStringLiteral("json");
    }
    void reproducible()
    {
        QFETCH(QString, format);
        const auto fmt = *report::formatFromString(format);
        QTemporaryDir tmp;
        report::Options a = options();
        report::Options b = options();
        b.exportedAt = *time::parseIso(u"2027-01-05T17:30:00Z");
        report::exportReport(*fx->store, fx->policy, a, fmt, tmp.filePath(QStringLiteral("a")));
        report::exportReport(*fx->store, fx->policy, b, fmt, tmp.filePath(QStringLiteral("b")));
        const QByteArray ra = readFile(tmp.filePath(QStringLiteral("a")));
        const QByteArray rb = readFile(tmp.filePath(QStringLiteral("b")));
        QVERIFY(!ra.isEmpty());
        QVERIFY(ra != rb); // the export time differs…
        const auto strip = [](QByteArray bytes) {
            QList<QByteArray> lines = bytes.split('\n');
            lines.removeIf([](const QByteArray& l) {
                return l.contains("class=\"exported-at\"") || l.contains("\"exported_at\": \"2026-11-22") ||
                       l.contains("\"exported_at\": \"2027-01-05");
            });
            return lines.join('\n');
        };
        QCOMPARE(strip(ra), strip(rb));                                    // …and nothing else does
        QCOMPARE(ra.split('\n').size() - strip(ra).split('\n').size(), 1); // exactly one line removed
    }

    void exportSeveralWithProgress()
    {
        QTemporaryDir tmp;
        QList<QPair<int, int>> calls;
        const QStringList files =
            report::exportReports(*fx->store, fx->policy, {QStringLiteral("A1001"), QStringLiteral("A1002")},
                                  options(), report::Format::Json, tmp.path(), {}, [&](int done, int total) {
                                      calls.append({done, total});
                                      return true;
                                  });
        QCOMPARE(files.size(), 2);
        QVERIFY(QFile::exists(tmp.filePath(QStringLiteral("A1002.json"))));
        QCOMPARE(calls, (QList<QPair<int, int>>{{0, 2}, {1, 2}, {2, 2}}));
        // Cancelling stops before the next account.
        QTemporaryDir tmp2;
        QVERIFY_THROWS_EXCEPTION(
            Error, report::exportReports(
                       *fx->store, fx->policy, {QStringLiteral("A1001"), QStringLiteral("A1002")}, options(),
                       report::Format::Json, tmp2.path(), {}, [](int done, int) { return done < 1; }));
        QVERIFY(QFile::exists(tmp2.filePath(QStringLiteral("A1001.json"))));
        QVERIFY(!QFile::exists(tmp2.filePath(QStringLiteral("A1002.json"))));
        // PDF without a renderer is refused, nothing written.
        QVERIFY_THROWS_EXCEPTION(Error,
                                 report::exportReport(*fx->store, fx->policy, options(), report::Format::Pdf,
                                                      tmp.filePath(QStringLiteral("x.pdf"))));
        QVERIFY(!QFile::exists(tmp.filePath(QStringLiteral("x.pdf"))));
    }

    void unknownAccountIsRefused()
    {
        QTemporaryDir tmp;
        const qint64 audit = fx->store->auditCount();
        try {
            report::exportReport(*fx->store, fx->policy, options(QStringLiteral("NOPE")),
                                 report::Format::Html, tmp.filePath(QStringLiteral("r.html")));
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Input);
            QVERIFY(e.message().contains(QLatin1String("no account \"NOPE\"")));
        }
        QVERIFY(!QFile::exists(tmp.filePath(QStringLiteral("r.html"))));
        QCOMPARE(fx->store->auditCount(), audit);
    }

    void sanitizer()
    {
        mime::Attachment logo;
        logo.contentId = QStringLiteral("logo@x");
        logo.contentType = QStringLiteral("image/png");
        logo.data = QByteArrayLiteral("PNGDATA");
        mime::Attachment svg;
        svg.contentId = QStringLiteral("s@x");
        svg.contentType = QStringLiteral("image/svg+xml");
        svg.data = QByteArrayLiteral("<svg onload=alert(1)>");
        const auto r = report::sanitizeHtml(
            QStringLiteral(
                "<p onclick=\"x()\" class=\"finding\" style=\"color:red\">Hi <b>you</b> &amp; me</p>"
                "<img src=\"cid:logo@x\" alt=\"L\"><img src=\"cid:s@x\"><img src=\"//cdn.example/a.png\">"
                "<img src=\"data:image/svg+xml;base64,PHN2Zz4=\">"
                "<div style=\"position:fixed;top:0\">over</div><a href=\"javascript:evil()\">go</a>"
                "<script>bad()</script><style>p{}</style><svg><script>x</script></svg><!-- c -->"
                "<form><input value=secret>text</form><marquee>unwrapped</marquee>"),
            {logo, svg},
            [](const QString& s) { return QString(s).replace(QLatin1String("you"), QLatin1String("Y")); });
        QVERIFY2(r.html.startsWith(QLatin1String("<p style=\"color:red\">Hi <b>Y</b> &amp; me")),
                 qPrintable(r.html));
        QVERIFY(r.html.contains(QLatin1String("<img src=\"data:image/png;base64,UE5HREFUQQ==\" alt=\"L\">")));
        QVERIFY(r.html.contains(
            QLatin1String("<span class=\"remote\">[remote image removed: cid]</span>"))); // svg part
        QVERIFY(r.html.contains(
            QLatin1String("<span class=\"remote\">[remote image removed: cdn.example]</span>")));
        QVERIFY(r.html.contains(QLatin1String("<span class=\"remote\">[remote image removed: data]</span>")));
        QVERIFY(r.html.contains(QLatin1String("<div>over</div>")));
        QVERIFY(r.html.contains(QStringLiteral(
            "<span class=\"link\">go</span><span class=\"href\"> [\u2192 javascript:evil()]</span>")));
        QVERIFY(r.html.contains(QLatin1String("text")));
        QVERIFY(r.html.contains(QLatin1String("unwrapped")));
        for (const char* gone : {"onclick", "class=\"finding\"", "position", "<script", "bad()", "<style",
                                 "<svg", "<!--", "<form", "<input", "secret", "<marquee", "PHN2Zz4"})
            QVERIFY2(!r.html.contains(QLatin1String(gone)), gone);
        // Content the tolerant parser nests under a void element (an unclosed <embed>) is kept.
        const auto e =
            report::sanitizeHtml(QStringLiteral("<embed src=\"x.swf\"><p>after the embed</p>"), {});
        QCOMPARE(e.html, QStringLiteral("<p>after the embed</p>"));
        QCOMPARE(r.inlinedImages, 1);
        QCOMPARE(r.remoteResources, 3);
    }

    void redactor()
    {
        QCOMPARE(report::Redactor::maskAddress(QStringLiteral("jane@example.com")),
                 QStringLiteral("j***@example.com"));
        const report::Redactor r(true, {QStringLiteral("News@Shop.example")});
        QCOMPARE(r.apply(QStringLiteral(
                     "to jane.doe@example.com, from news@shop.example at 10:00:00 via 192.0.2.1; "
                     "u?e=jane%40example.com ip 2001:db8::1 v1.2.3.4.5 ok")),
                 QStringLiteral("to j***@example.com, from news@shop.example at 10:00:00 via 192.0.*.*; "
                                "u?e=j***%40example.com ip 2001:*:* v1.2.3.4.5 ok"));
        const report::Redactor off(false, {});
        QCOMPARE(off.apply(QStringLiteral("jane@example.com")), QStringLiteral("jane@example.com"));
        // Acceptance audit: fields that hold a subscriber are masked even when the address is malformed
        // (a list file's invalid rows were shown in full in a redacted report).
        QCOMPARE(r.subscriber(QStringLiteral("andi@@yahoo.com")), QStringLiteral("a***@@yahoo.com"));
        QCOMPARE(r.subscriber(QStringLiteral("putri@")), QStringLiteral("p***@"));
        QCOMPARE(r.subscriber(QStringLiteral("rina@gmail")), QStringLiteral("r***@gmail"));
        QCOMPARE(r.subscriber(QStringLiteral("ayu@[10.0.0.7]")), QStringLiteral("a***@[10.0.*.*]"));
        QCOMPARE(r.subscriber(QStringLiteral("john.smith")), QStringLiteral("j***"));
        QCOMPARE(r.subscriber(QStringLiteral("jane@example.com")), QStringLiteral("j***@example.com"));
        QCOMPARE(r.subscriber(QStringLiteral("news@shop.example")), QStringLiteral("news@shop.example"));
        QCOMPARE(off.subscriber(QStringLiteral("andi@@yahoo.com")), QStringLiteral("andi@@yahoo.com"));
    }

    void svgChart()
    {
        report::RateChart c;
        c.title = QStringLiteral("Complaint rate");
        c.threshold = 0.002;
        c.thresholdLabel = QStringLiteral("threshold > 0.20 %");
        c.bars = {{QStringLiteral("C7"), 0.0033, true},
                  {QStringLiteral("C8"), 0.0006, true},
                  {QStringLiteral("C9"), std::nullopt, true},
                  {QStringLiteral("C10"), 0.01, false}};
        c.belowVolumeLabel = QStringLiteral("below volume");
        const QString svg = report::renderSvg(c);
        QVERIFY(svg.startsWith(QLatin1String("<svg ")));
        QVERIFY(svg.contains(QLatin1String("fill=\"#c0392b\""))); // C7 over
        QVERIFY(svg.contains(QLatin1String("fill=\"#2e7d5b\""))); // C8 under
        QVERIFY(svg.contains(QLatin1String("fill=\"#b8b8b8\""))); // C10 not evaluated
        QVERIFY(svg.contains(QLatin1String("stroke-dasharray"))); // threshold line
        QVERIFY(svg.contains(QLatin1String(">0.33 %<")));
        QVERIFY(!svg.contains(QLatin1String("http")));
        QCOMPARE(report::renderSvg(c), svg);
    }

    void cliWritesReportsAndRefusesBadInput()
    {
        if (!QFile::exists(cli()))
            QSKIP("abusedesk-cli is not built");
        QTemporaryDir tmp;
        const auto run = [&](const QStringList& args, QByteArray* err = nullptr) {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("ABUSEDESK_NOW"), QStringLiteral("2026-11-22T10:00:00Z"));
            p.setProcessEnvironment(env);
            p.start(cli(),
                    QStringList{QStringLiteral("report"), QStringLiteral("--db"), fx->dbPath()} + args);
            p.waitForFinished(120000);
            if (err)
                *err = p.readAllStandardError();
            return p.exitCode();
        };
        const QString json = tmp.filePath(QStringLiteral("r.json"));
        QCOMPARE(run({QStringLiteral("--account"), QStringLiteral("A1001"), QStringLiteral("--format"),
                      QStringLiteral("json"), QStringLiteral("--out"), json, QStringLiteral("--lang"),
                      QStringLiteral("id"), QStringLiteral("--redact")}),
                 0);
        const QJsonObject o = QJsonDocument::fromJson(readFile(json)).object();
        QCOMPARE(o.value(QStringLiteral("language")).toString(), QStringLiteral("id"));
        QCOMPARE(o.value(QStringLiteral("redacted")).toBool(), true);
        QCOMPARE(o.value(QStringLiteral("exported_at")).toString(), QStringLiteral("2026-11-22T10:00:00Z"));

        const QString bad = tmp.filePath(QStringLiteral("bad.out"));
        QByteArray err;
        QCOMPARE(run({QStringLiteral("--account"), QStringLiteral("A1001"), QStringLiteral("--format"),
                      QStringLiteral("docx"), QStringLiteral("--out"), bad},
                     &err),
                 2);
        QVERIFY2(err.contains("unknown format \"docx\" (expected pdf, html or json)"), err.constData());
        QCOMPARE(run({QStringLiteral("--account"), QStringLiteral("ZZZ"), QStringLiteral("--format"),
                      QStringLiteral("html"), QStringLiteral("--out"), bad},
                     &err),
                 2);
        QVERIFY2(err.contains("no account \"ZZZ\""), err.constData());
        QCOMPARE(run({QStringLiteral("--account"), QStringLiteral("A1001"), QStringLiteral("--format"),
                      QStringLiteral("html"), QStringLiteral("--out"), bad, QStringLiteral("--as-of"),
                      QStringLiteral("yesterday")},
                     &err),
                 2);
        QVERIFY2(err.contains("--as-of \"yesterday\" is not an ISO 8601 time"), err.constData());
        QCOMPARE(run({QStringLiteral("--account"), QStringLiteral("A1001"), QStringLiteral("--format"),
                      QStringLiteral("html")},
                     &err),
                 2);
        QVERIFY2(err.contains("--out is required"), err.constData());
        QVERIFY(!QFile::exists(bad));
        // Acceptance audit: a missing store is bad input and is not created.
        const QString missing = tmp.filePath(QStringLiteral("no-store.sqlite"));
        QProcess p;
        p.start(cli(), {QStringLiteral("report"), QStringLiteral("--db"), missing,
                        QStringLiteral("--account"), QStringLiteral("A1001"), QStringLiteral("--format"),
                        QStringLiteral("json"), QStringLiteral("--out"), bad});
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("no case store at"));
        QVERIFY(!QFile::exists(missing));
        QVERIFY(!QFile::exists(bad));
    }
};

QTEST_GUILESS_MAIN(TestReport)
#include "test_report.moc"
