// SPDX-License-Identifier: GPL-3.0-or-later
// The first wall (HTML/CSS rewriting), the CSP, and the link heuristics of the preview.
#include "preview/htmlsanitizer.h"
#include "preview/linkcheck.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace ad::preview;

namespace {

QString hostileHtml(const QString& port)
{
    QFile f(QStringLiteral(ABUSEDESK_TEST_DATA "/preview-hostile/hostile.eml"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QString s = QString::fromUtf8(f.readAll());
    const qsizetype b = s.indexOf(QLatin1String("<!DOCTYPE html>"));
    const qsizetype e = s.indexOf(QLatin1String("</html>"));
    return s.mid(b, e + 7 - b).replace(QLatin1String("@PORT@"), port);
}

} // namespace

class TestSanitizer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cspIsFirstElementOfHead_data()
    {
        QTest::addColumn<QString>("html");
        QTest::newRow("full") << QStringLiteral("<html><head><title>t</title></head><body>x</body></html>");
        QTest::newRow("no head") << QStringLiteral("<html><body><p>x</p></body></html>");
        QTest::newRow("fragment") << QStringLiteral("<p>just a fragment</p>");
        QTest::newRow("empty") << QString();
        QTest::newRow("meta before") << QStringLiteral("<meta charset=koi8-r><title>t</title><p>x");
    }
    void cspIsFirstElementOfHead()
    {
        QFETCH(QString, html);
        const SanitizeResult r = sanitizeHtml(html, QStringLiteral("m7"), {});
        const QString out = QString::fromUtf8(r.html);
        static const QRegularExpression re(
            QStringLiteral("<head>\\s*<meta http-equiv=\"Content-Security-Policy\" "
                           "content=\"([^\"]*)\">\\s*<meta http-equiv=\"Content-Type\" "
                           "content=\"text/html; charset=utf-8\">"));
        const auto m = re.match(out);
        QVERIFY2(m.hasMatch(), qPrintable(out));
        QCOMPARE(m.captured(1), contentSecurityPolicy());
        QVERIFY2(!out.contains(QLatin1String("koi8"), Qt::CaseInsensitive), qPrintable(out));
    }

    void cspDirectives()
    {
        const QString csp = contentSecurityPolicy();
        for (const char* d : {"default-src 'none'", "img-src admsg: data:",
                              "style-src 'unsafe-inline' admsg:", "font-src data:", "form-action 'none'",
                              "base-uri 'none'", "frame-src 'none'", "object-src 'none'", "media-src 'none'"})
            QVERIFY2(csp.contains(QLatin1String(d)), d);
        QVERIFY(!csp.contains(QLatin1String("script-src")));
        QVERIFY(!csp.contains(QLatin1String("unsafe-eval")));
    }

    void hostileFixtureIsDefused()
    {
        const QString html = hostileHtml(QStringLiteral("47123"));
        QVERIFY(html.contains(QLatin1String("47123")));
        const SanitizeResult r = sanitizeHtml(html, QStringLiteral("m1"), {});
        QString out = QString::fromUtf8(r.html);
        // The one reference to the server left is the link target, which is only ever displayed.
        QCOMPARE(out.count(QLatin1String("href=\"http://127.0.0.1:47123/click\"")), 1);
        out.remove(QLatin1String("href=\"http://127.0.0.1:47123/click\""));
        QVERIFY2(!out.contains(QLatin1String("47123")), qPrintable(out));
        for (const char* gone :
             {"<script", "onload=", "onerror=", "<base", "refresh", "Set-Cookie", "<link", "ping=", "<iframe",
              "<object", "<embed", "action=", "target=", "dns-prefetch"})
            QVERIFY2(!out.contains(QLatin1String(gone), Qt::CaseInsensitive), gone);
        // What the reviewer still sees: text, the placeholder, markers for the removed frames/objects.
        QVERIFY(out.contains(QLatin1String("Spring sale")));
        QVERIFY(out.contains(QLatin1String("value=\"reviewer@optimais.example\""))); // content after <embed>
        QVERIFY(out.contains(QLatin1String("admsg://m1/blocked")));
        QVERIFY(out.contains(QLatin1String("[blocked &lt;iframe&gt; from 127.0.0.1]")));
        QVERIFY(out.contains(QLatin1String("[blocked &lt;object&gt; from 127.0.0.1]")));
        QVERIFY(out.contains(QLatin1String("href=\"javascript:")));
        QCOMPARE(r.remoteHosts, QStringList{QStringLiteral("127.0.0.1")});
        // every resource of the fixture (base, refresh, 6 links, 2 imports, font, bg, escaped, image-set,
        // external script, pixel, 2 srcset, source, picture, inline style, table, td, ping, 2 frames... )
        QVERIFY2(r.remoteReferences >= 28, qPrintable(QString::number(r.remoteReferences)));
    }

    void cidReferencesAreServedFromTheMessage()
    {
        const QString html = QStringLiteral(
            "<img src=\"cid:Logo@Example\"><img src=\"CID:%3Cother%40x%3E\"><img src=\"cid:missing@x\">"
            "<div style=\"background:url(cid:logo@example)\"></div>");
        const SanitizeResult r = sanitizeHtml(html, QStringLiteral("m3"),
                                              {QStringLiteral("logo@example"), QStringLiteral("other@x")});
        const QString out = QString::fromUtf8(r.html);
        QCOMPARE(out.count(QLatin1String("admsg://m3/cid/logo%40example")), 2);
        QVERIFY2(out.contains(QLatin1String("src=\"admsg://m3/cid/other%40x\"")), qPrintable(out));
        QVERIFY(out.contains(QLatin1String("src=\"admsg://m3/blocked\"")));
        QCOMPARE(r.remoteReferences, 0);
        QVERIFY(r.notes.join(u'\n').contains(QLatin1String("cid:missing@x")));
    }

    void dataUrisAndRelativeUrls()
    {
        const QString html =
            QStringLiteral("<img id=a src=\"data:image/png;base64,iVBORw0KGgo=\">"
                           "<img id=b src=\"data:text/html,<script>alert(1)</script>\">"
                           "<img id=c src=\"images/x.png\"><img id=d src=\"//cdn.tracker.example/p.gif\">"
                           "<img id=e src=\" \t\nhttp://Spaced.Example/x.gif\">"
                           "<img id=f src=\"admsg://m1/cid/steal\">");
        const SanitizeResult r = sanitizeHtml(html, QStringLiteral("m4"), {});
        const QString out = QString::fromUtf8(r.html);
        QVERIFY(out.contains(QLatin1String("src=\"data:image/png;base64,iVBORw0KGgo=\"")));
        QVERIFY(!out.contains(QLatin1String("data:text/html")));
        QVERIFY(!out.contains(QLatin1String("images/x.png")));
        QVERIFY(!out.contains(QLatin1String("admsg://m1/")));
        QCOMPARE(r.remoteReferences, 2);
        QCOMPARE(r.remoteHosts,
                 (QStringList{QStringLiteral("cdn.tracker.example"), QStringLiteral("spaced.example")}));
    }

    void relativeUrlsCountAgainstBase()
    {
        const SanitizeResult r = sanitizeHtml(
            QStringLiteral("<head><base href=\"https://base.example/a/\"></head><img src=\"p.gif\">"),
            QStringLiteral("m5"), {});
        QCOMPARE(r.remoteReferences, 2); // the base itself and the image resolved against it
        QCOMPARE(r.remoteHosts, QStringList{QStringLiteral("base.example")});
        QVERIFY(!QString::fromUtf8(r.html).contains(QLatin1String("base.example")));
    }

    // libxml2 nests what follows <embed>/<source> inside them; removing the element must not drop it.
    void contentAfterRemovedVoidElementsIsKept()
    {
        const SanitizeResult r = sanitizeHtml(
            QStringLiteral(
                "<p>before</p><embed src=\"http://e.example/x.swf\"><p id=after>after the embed</p>"
                "<video><source src=\"http://v.example/v.mp4\"></video><p>after the video</p>"),
            QStringLiteral("m8"), {});
        const QString out = QString::fromUtf8(r.html);
        QVERIFY2(out.contains(QLatin1String("<p id=\"after\">after the embed</p>")), qPrintable(out));
        QVERIFY(out.contains(QLatin1String("after the video")));
        QVERIFY(out.contains(QLatin1String("[blocked &lt;embed&gt; from e.example]")));
        QCOMPARE(r.remoteHosts, (QStringList{QStringLiteral("e.example"), QStringLiteral("v.example")}));
    }

    void outputIsUtf8NotEntities()
    {
        const SanitizeResult r =
            sanitizeHtml(QStringLiteral("<p>Привет, мир — Grüße</p>"), QStringLiteral("m6"), {});
        QVERIFY2(r.html.contains(QStringLiteral("Привет, мир — Grüße").toUtf8()), r.html.constData());
    }

    void cssRewriting_data()
    {
        QTest::addColumn<QString>("css");
        QTest::addColumn<QString>("expected");
        const QString P = QStringLiteral("url(\"P\")");
        QTest::newRow("plain url") << QStringLiteral("a{background:url(http://h/x.png)}")
                                   << QStringLiteral("a{background:") + P + u'}';
        QTest::newRow("quoted paren") << QStringLiteral("a{background:url('http://h/x).png')}")
                                      << QStringLiteral("a{background:") + P + u'}';
        QTest::newRow("escaped function") << QStringLiteral("a{background:u\\72l(http://h/x.png)}")
                                          << QStringLiteral("a{background:") + P + u'}';
        QTest::newRow("upper case") << QStringLiteral("a{background:URL( http://h/x.png )}")
                                    << QStringLiteral("a{background:") + P + u'}';
        QTest::newRow("import string")
            << QStringLiteral("@import \"http://h/i.css\";") << QStringLiteral("@import \"P\";");
        QTest::newRow("import url") << QStringLiteral("@import url(http://h/i.css) screen;")
                                    << QStringLiteral("@import ") + P + QStringLiteral(" screen;");
        QTest::newRow("image-set")
            << QStringLiteral("a{b:-webkit-image-set(\"http://h/1.png\" 1x, 'http://h/2.png' 2x)}")
            << QStringLiteral("a{b:-webkit-image-set(\"P\" 1x, \"P\" 2x)}");
        QTest::newRow("string outside is kept") << QStringLiteral("a::after{content:\"http://h/\"}")
                                                << QStringLiteral("a::after{content:\"http://h/\"}");
        QTest::newRow("comment kept")
            << QStringLiteral("/* url(http://h/) */a{}") << QStringLiteral("/* url(http://h/) */a{}");
        QTest::newRow("data kept") << QStringLiteral("a{b:url(data:image/png;base64,AA==)}")
                                   << QStringLiteral("a{b:url(data:image/png;base64,AA==)}");
        QTest::newRow("font-face src")
            << QStringLiteral("@font-face{src:url(http://h/f.woff) format('woff')}")
            << QStringLiteral("@font-face{src:") + P + QStringLiteral(" format('woff')}");
    }
    void cssRewriting()
    {
        QFETCH(QString, css);
        QFETCH(QString, expected);
        const QString out = rewriteCssUrls(css, [](const QString& u) {
            return u.startsWith(QLatin1String("data:")) ? QString() : QStringLiteral("P");
        });
        QCOMPARE(out, expected);
    }

    void textAsHtmlEscapes()
    {
        const QString out =
            QString::fromUtf8(textAsHtml(QStringLiteral("<script>x</script> & <b>Köln</b>"), {}));
        QVERIFY(out.contains(QStringLiteral("&lt;script&gt;x&lt;/script&gt; &amp; &lt;b&gt;Köln&lt;/b&gt;")));
        QVERIFY(out.contains(QLatin1String("Content-Security-Policy")));
        QVERIFY(!out.contains(QLatin1String("<script>")));
    }

    void links_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("href");
        QTest::addColumn<QString>("domain");
        QTest::addColumn<bool>("deceptive");
        QTest::newRow("text shows other domain") << "www.bank.example"
                                                 << "http://login.evil.example/verify"
                                                 << "login.evil.example" << true;
        QTest::newRow("full url in text") << "https://bank.example/login"
                                          << "https://evil.example/"
                                          << "evil.example" << true;
        QTest::newRow("same domain") << "Visit shop.example"
                                     << "https://www.shop.example/spring"
                                     << "www.shop.example" << false;
        QTest::newRow("subdomain") << "shop.example"
                                   << "https://click.shop.example/r/1"
                                   << "click.shop.example" << false;
        QTest::newRow("no domain in text") << "See the offer"
                                           << "https://click.tracker.example/r/1"
                                           << "click.tracker.example" << false;
        QTest::newRow("file name is no domain") << "report.pdf"
                                                << "https://files.example/report.pdf"
                                                << "files.example" << false;
        QTest::newRow("mailto") << "help@shop.example"
                                << "mailto:help@shop.example"
                                << "shop.example" << false;
        QTest::newRow("mailto other") << "help@bank.example"
                                      << "mailto:help@evil.example"
                                      << "evil.example" << true;
        QTest::newRow("javascript") << "click"
                                    << "javascript:alert(1)"
                                    << "" << true;
        QTest::newRow("lookalike idn") << "paypal.example"
                                       << "https://xn--pypal-4ve.example/"
                                       << "xn--pypal-4ve.example" << true;
        QTest::newRow("suffix trick") << "bank.example"
                                      << "https://bank.example.evil.example/"
                                      << "bank.example.evil.example" << true;
    }
    void links()
    {
        QFETCH(QString, text);
        QFETCH(QString, href);
        QFETCH(QString, domain);
        QFETCH(bool, deceptive);
        const LinkAssessment a = assessLink(text, href);
        QCOMPARE(a.domain, domain);
        QCOMPARE(a.deceptive, deceptive);
        if (deceptive)
            QVERIFY(!a.reason.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSanitizer)
#include "test_sanitizer.moc"
