// SPDX-License-Identifier: GPL-3.0-or-later
// The safe preview end to end: hostile content against a loopback server that counts connections, each wall
// on its own, cid: images, large and non-UTF-8 messages, links and navigation.
#include "loopbackserver.h"
#include "mime/mime.h"
#include "preview/htmlsanitizer.h"
#include "preview/messagepreview.h"
#include "preview/previewprofile.h"
#include "preview/safepage.h"
#include "preview/schemes.h"
#include "util/hash.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QWebEngineProfile>
#include <QWebEngineScript>
#include <QWebEngineSettings>
#include <QWebEngineUrlScheme>
#include <QWebEngineView>

using namespace ad::preview;

namespace {

QByteArray fixture(const char* relative)
{
    QFile f(QStringLiteral(ABUSEDESK_TEST_DATA "/") + QString::fromUtf8(relative));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", relative);
    return f.readAll();
}

QByteArray hostileRaw(quint16 port)
{
    return fixture("preview-hostile/hostile.eml").replace("@PORT@", QByteArray::number(port));
}

QString hostileHtml(quint16 port)
{
    const QString s = QString::fromUtf8(hostileRaw(port));
    const qsizetype b = s.indexOf(QLatin1String("<!DOCTYPE html>"));
    const qsizetype e = s.indexOf(QLatin1String("</html>"));
    return s.mid(b, e + 7 - b);
}

// Lets whatever the page might still try (late prefetches, refresh timers, lazy images) happen before
// counting.
void settle()
{
    QTest::qWait(1500);
}

bool waitLoaded(MessagePreview& p)
{
    if (p.isLoaded())
        return true;
    QSignalSpy spy(&p, &MessagePreview::loadFinished);
    return spy.wait(60000) && spy.first().first().toBool();
}

bool waitLoaded(QWebEnginePage& page)
{
    QSignalSpy spy(&page, &QWebEnginePage::loadFinished);
    return spy.wait(60000) && spy.first().first().toBool();
}

QString domHtml(QWebEnginePage* page)
{
    QString result;
    QEventLoop loop;
    page->toHtml([&](const QString& html) {
        result = html;
        loop.quit();
    });
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    loop.exec();
    return result;
}

QString plainText(QWebEnginePage* page)
{
    QString result;
    QEventLoop loop;
    page->toPlainText([&](const QString& text) {
        result = text;
        loop.quit();
    });
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    loop.exec();
    return result;
}

// Runs JavaScript in the application world (isolated from the page's own scripts; works with the page's
// JavaScript disabled). Returns an invalid QVariant if nothing came back.
QVariant appJs(QWebEnginePage* page, const QString& script)
{
    QVariant result;
    bool done = false;
    QEventLoop loop;
    page->runJavaScript(script, QWebEngineScript::ApplicationWorld, [&](const QVariant& v) {
        result = v;
        done = true;
        loop.quit();
    });
    if (!done) {
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return result;
}

bool printPdf(QWebEnginePage* page, const QString& path)
{
    QSignalSpy spy(page, &QWebEnginePage::pdfPrintingFinished);
    page->printToPdf(path);
    return spy.wait(60000) && spy.first().at(1).toBool();
}

struct ProbePage : SafePage
{
    using SafePage::acceptNavigationRequest;
    using SafePage::createWindow;
};

} // namespace

class TestPreview : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.start()); }

    void schemeRegistration()
    {
        const QWebEngineUrlScheme s = QWebEngineUrlScheme::schemeByName(schemeName());
        QCOMPARE(s.name(), schemeName());
        QVERIFY(s.flags() & QWebEngineUrlScheme::SecureScheme);
        QVERIFY(s.flags() & QWebEngineUrlScheme::LocalScheme);
        QVERIFY(!(s.flags() & QWebEngineUrlScheme::ContentSecurityPolicyIgnored));
        QVERIFY(!(s.flags() & QWebEngineUrlScheme::CorsEnabled));
        QVERIFY(!(s.flags() & QWebEngineUrlScheme::ServiceWorkersAllowed));
    }

    void profileIsHardened()
    {
        QWebEngineProfile* p = hardenedProfile();
        QVERIFY(p->isOffTheRecord());
        QCOMPARE(p->httpCacheType(), QWebEngineProfile::NoCache);
        QCOMPARE(p->persistentCookiesPolicy(), QWebEngineProfile::NoPersistentCookies);
        QVERIFY(p->urlSchemeHandler(schemeName()) != nullptr);
        SafePage page;
        using S = QWebEngineSettings;
        for (QWebEngineSettings* s : {p->settings(), page.settings()}) {
            for (S::WebAttribute a :
                 {S::JavascriptEnabled, S::JavascriptCanOpenWindows, S::PluginsEnabled,
                  S::LocalStorageEnabled, S::WebGLEnabled, S::Accelerated2dCanvasEnabled, S::ErrorPageEnabled,
                  S::LocalContentCanAccessFileUrls, S::LocalContentCanAccessRemoteUrls,
                  S::AutoLoadIconsForPage, S::DnsPrefetchEnabled, S::PdfViewerEnabled,
                  S::NavigateOnDropEnabled, S::HyperlinkAuditingEnabled})
                QVERIFY2(!s->testAttribute(a), qPrintable(QString::number(int(a))));
            QCOMPARE(s->unknownUrlSchemePolicy(), S::DisallowUnknownUrlSchemes);
        }
        QCOMPARE(page.profile(), p);
    }

    // The whole pipeline: parse, rewrite, CSP, settings, interceptor, SafePage.
    void hostileMessageContactsNobody()
    {
        const int before = m_server.connections();
        MessagePreview preview;
        preview.resize(1000, 800);
        preview.show();
        preview.setMessage(hostileRaw(m_server.port()), QStringLiteral("hostile.eml"));
        QVERIFY(waitLoaded(preview));
        settle();
        QCOMPARE(m_server.connections() - before, 0);
        QCOMPARE(preview.page()->title(), QStringLiteral("Hostile sample"));
        const QString dom = domHtml(preview.page());
        QVERIFY2(dom.contains(QLatin1String("<p id=\"check\">untouched</p>")), qPrintable(dom));
        QVERIFY(!dom.contains(QLatin1String("SCRIPT WROTE")));
        // The policy is in force from the first element of <head>.
        QVERIFY2(dom.contains(QLatin1String(
                     "<head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';")),
                 qPrintable(dom.left(400)));
        QVERIFY(!dom.contains(QLatin1String("data-script=\"ran\"")));
        QCOMPARE(preview.page()->url(), preview.documentUrl());

        QVERIFY(preview.blockedCount() >= 28);
        QCOMPARE(preview.blockedHosts(), QStringList{QStringLiteral("127.0.0.1")});
        QVERIFY2(preview.statusText().contains(QLatin1String("remote resources blocked (hosts: 127.0.0.1)")),
                 qPrintable(preview.statusText()));

        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("hostile.pdf"));
        QVERIFY(printPdf(preview.page(), pdf));
        QVERIFY(QFileInfo(pdf).size() > 1000);
        settle();
        QCOMPARE(m_server.connections() - before, 0);
        QCOMPARE(preview.page()->url(), preview.documentUrl());
        QCOMPARE(preview.page()->title(), QStringLiteral("Hostile sample"));
    }

    // The other walls alone: the fixture served as it is (no rewriting, no CSP). The settings keep its
    // scripts from running, SafePage refuses the refresh and the frame, and nothing reaches the server. Two
    // walls stop requests below the CSP: QtWebEngine denies remote loads from a local scheme while
    // LocalContentCanAccessRemoteUrls is off (before any interceptor is asked), and the request interceptor
    // blocks whatever is not admsg:/data:. The last row switches the first of them off to test the second.
    void unsanitizedDocumentStillContactsNobody_data()
    {
        QTest::addColumn<bool>("https");
        QTest::addColumn<bool>("localWall");
        QTest::newRow("http") << false << true;
        QTest::newRow("https") << true << true;
        QTest::newRow("https, interceptor only") << true << false;
    }
    void unsanitizedDocumentStillContactsNobody()
    {
        QFETCH(bool, https);
        QFETCH(bool, localWall);
        const int before = m_server.connections();
        const int blockedBefore = DocumentRegistry::instance().totalBlocked();
        ServedDocument doc;
        QString html = hostileHtml(m_server.port());
        if (https)
            html.replace(QLatin1String("http://127.0.0.1"), QLatin1String("https://127.0.0.1"));
        doc.html = html.toUtf8();
        const QString id = DocumentRegistry::instance().add(doc);
        QWebEngineView view;
        SafePage page(&view);
        if (!localWall)
            page.settings()->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, true);
        view.setPage(&page);
        view.resize(800, 600);
        view.show();
        QSignalSpy refused(&page, &SafePage::navigationRefused);
        page.loadDocument(documentUrl(id));
        QVERIFY(waitLoaded(page));
        settle();
        QCOMPARE(m_server.connections() - before, 0);
        QCOMPARE(page.title(), QStringLiteral("Hostile sample"));
        const QString dom = domHtml(&page);
        QVERIFY(dom.contains(QLatin1String("<p id=\"check\">untouched</p>")));
        QVERIFY(!dom.contains(QLatin1String("data-script=\"ran\"")));
        const BlockedRequests b = DocumentRegistry::instance().blocked(id);
        if (!localWall) {
            QVERIFY2(b.count >= 5, qPrintable(QString::number(b.count)));
            QCOMPARE(b.hosts, QStringList{QStringLiteral("127.0.0.1")});
            QVERIFY(DocumentRegistry::instance().totalBlocked() > blockedBefore);
        }
        // <meta http-equiv=refresh> and the <iframe> asked to go to the server: refused, still on the
        // document.
        QStringList refusedUrls;
        for (const QList<QVariant>& r : refused)
            refusedUrls << r.first().toUrl().path();
        QVERIFY2(refusedUrls.contains(QStringLiteral("/refresh")), qPrintable(refusedUrls.join(u' ')));
        QCOMPARE(page.url(), documentUrl(id));
        DocumentRegistry::instance().remove(id);
    }

    void cidImageIsShown()
    {
        MessagePreview preview;
        preview.resize(900, 700);
        preview.show();
        preview.setMessage(fixture("preview-cid/cid.eml"), QStringLiteral("cid.eml"));
        QVERIFY(waitLoaded(preview));
        settle();
        // The image element has the PNG's natural size (read from the application world, isolated from the
        // page; the page's own JavaScript is off).
        const QVariant size =
            appJs(preview.page(), QStringLiteral("var i=document.getElementById('logo'); "
                                                 "i ? (i.naturalWidth + 'x' + i.naturalHeight) : 'none'"));
        QCOMPARE(size.toString(), QStringLiteral("80x60"));
        // And it is really painted: red at the top left, white to its right.
        const QImage shot = preview.view()->grab().toImage();
        QVERIFY(!shot.isNull());
        const QColor inside = shot.pixelColor(20, 20);
        const QColor outside = shot.pixelColor(200, 20);
        QVERIFY2(inside.red() > 230 && inside.green() < 30 && inside.blue() < 30, qPrintable(inside.name()));
        QVERIFY2(outside.red() > 230 && outside.green() > 230 && outside.blue() > 230,
                 qPrintable(outside.name()));
        QCOMPARE(preview.blockedCount(), 0);

        QTableWidget* att = preview.attachmentsTable();
        QCOMPARE(att->rowCount(), 1);
        QCOMPARE(att->item(0, 0)->text(), QStringLiteral("logo.png"));
        QCOMPARE(att->item(0, 1)->text(), QStringLiteral("image/png"));
        QVERIFY(att->item(0, 3)->text().size() == 64);
    }

    void largeMessageRenders()
    {
        QByteArray html = "<html><head><title>large</title></head><body>";
        int i = 0;
        while (html.size() < 5 * 1024 * 1024)
            html += "<p class=\"row\">Row " + QByteArray::number(i++) +
                    " lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor</p>\n";
        html += "<p id=\"end\">END-MARKER</p></body></html>";
        const QByteArray raw = "From: big@sender.example\r\nTo: r@customer.example\r\nSubject: large\r\n"
                               "MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n"
                               "Content-Transfer-Encoding: 8bit\r\n\r\n" +
                               html;
        {
            // Where the time goes (figures for the log, not assertions).
            QElapsedTimer t;
            t.start();
            const ad::mime::ParsedMessage parsed = ad::mime::parseMessage(raw, QStringLiteral("large.eml"));
            const qint64 parseMs = t.restart();
            const SanitizeResult r = sanitizeHtml(parsed.html, QStringLiteral("m0"), {});
            qInfo("5 MB message: parse %lld ms, rewrite %lld ms (%lld bytes out)", parseMs, t.elapsed(),
                  qint64(r.html.size()));
        }
        MessagePreview preview;
        preview.resize(900, 700);
        QElapsedTimer timer;
        timer.start();
        preview.setMessage(raw, QStringLiteral("large.eml"));
        const qint64 sync = timer.elapsed();
        QVERIFY(waitLoaded(preview));
        qInfo("5 MB message: setMessage returned after %lld ms, loadFinished after %lld ms", sync,
              timer.elapsed());
        const QString text = plainText(preview.page());
        QVERIFY(text.contains(QLatin1String("END-MARKER")));
        QVERIFY(text.contains(QStringLiteral("Row %1 lorem").arg(i - 1)));
        QCOMPARE(preview.rawView()->document()->blockCount() > i, true);
    }

    void koi8rHtmlIsDecoded()
    {
        MessagePreview preview;
        preview.setMessage(fixture("preview-charset/koi8r-html.eml"), QStringLiteral("koi8r-html.eml"));
        QVERIFY(waitLoaded(preview));
        const QString text = plainText(preview.page());
        QVERIFY2(text.contains(QStringLiteral("Привет, мир! Съешь же ещё этих мягких французских булок.")),
                 qPrintable(text));
    }

    void latin1TextIsEscapedAndDecoded()
    {
        MessagePreview preview;
        preview.setMessage(fixture("preview-charset/latin1-text.eml"), QStringLiteral("latin1-text.eml"));
        QVERIFY(waitLoaded(preview));
        const QString text = plainText(preview.page());
        QVERIFY2(text.contains(QStringLiteral("Grüße aus Köln, café, naïve, 25 °C.")), qPrintable(text));
        // Shown as text, not interpreted as markup.
        QVERIFY(text.contains(QLatin1String("<script>document.title=\"x\"</script> & <b>not bold</b>")));
        QVERIFY(preview.page()->title() != QLatin1String("x"));
        QVERIFY(preview.plainTextView()->toPlainText().contains(QStringLiteral("Grüße aus Köln")));
    }

    void clickedLinkIsShownNeverFollowed()
    {
        MessagePreview preview;
        preview.resize(900, 700);
        preview.show();
        QVERIFY(QTest::qWaitForWindowExposed(&preview));
        preview.setMessage(fixture("preview-links/deceptive.eml"), QStringLiteral("deceptive.eml"));
        QVERIFY(waitLoaded(preview));
        settle();
        QSignalSpy clicked(&preview, &MessagePreview::linkClicked);
        QWidget* target = preview.view()->focusProxy() ? preview.view()->focusProxy() : preview.view();
        QTest::mouseMove(target, QPoint(50, 50));
        QTest::mouseClick(target, Qt::LeftButton, {}, QPoint(50, 50));
        QTRY_VERIFY_WITH_TIMEOUT(!clicked.isEmpty(), 20000);
        QCOMPARE(clicked.first().first().toUrl(),
                 QUrl(QStringLiteral("http://login.evil.example/verify?u=42")));
        QCOMPARE(preview.lastClickedLink(), QStringLiteral("http://login.evil.example/verify?u=42"));
        settle();
        QCOMPARE(preview.page()->url(), preview.documentUrl());
        QVERIFY(plainText(preview.page()).contains(QLatin1String("www.bank.example")));
    }

    void pageRefusesEveryNavigation()
    {
        ProbePage page;
        const QUrl doc(QStringLiteral("admsg://m999/"));
        using P = QWebEnginePage;
        for (P::NavigationType t :
             {P::NavigationTypeLinkClicked, P::NavigationTypeTyped, P::NavigationTypeFormSubmitted,
              P::NavigationTypeBackForward, P::NavigationTypeReload, P::NavigationTypeOther,
              P::NavigationTypeRedirect}) {
            QVERIFY(!page.acceptNavigationRequest(QUrl(QStringLiteral("https://evil.example/")), t, true));
            QVERIFY(!page.acceptNavigationRequest(doc, t, true)); // not announced through loadDocument
        }
        QSignalSpy clicked(&page, &SafePage::linkClicked);
        QVERIFY(!page.acceptNavigationRequest(QUrl(QStringLiteral("https://evil.example/x")),
                                              P::NavigationTypeLinkClicked, true));
        QCOMPARE(clicked.size(), 1);
        QCOMPARE(page.createWindow(P::WebBrowserTab), nullptr);
        QCOMPARE(page.createWindow(P::WebBrowserWindow), nullptr);
        QCOMPARE(page.createWindow(P::WebDialog), nullptr);
    }

    void linksTableFlagsDeceptiveLinks()
    {
        MessagePreview preview;
        preview.setMessage(fixture("preview-links/deceptive.eml"), QStringLiteral("deceptive.eml"));
        QTableWidget* t = preview.linksTable();
        QMap<QString, bool> flagged;
        for (int r = 0; r < t->rowCount(); ++r)
            flagged.insert(t->item(r, 0)->text(), t->item(r, 0)->data(Qt::UserRole).toBool());
        QCOMPARE(flagged.value(QStringLiteral("www.bank.example")), true);
        QCOMPARE(flagged.value(QStringLiteral("paypal.example")), true);
        QCOMPARE(flagged.value(QStringLiteral("Visit shop.example")), false);
        QCOMPARE(flagged.value(QStringLiteral("See the offer")), false);
        QCOMPARE(flagged.value(QStringLiteral("help@shop.example")), false);
        for (int r = 0; r < t->rowCount(); ++r) {
            if (t->item(r, 0)->text() == u"www.bank.example") {
                QCOMPARE(t->item(r, 2)->text(), QStringLiteral("login.evil.example"));
                QVERIFY(t->item(r, 1)->background().style() != Qt::NoBrush);
                QVERIFY(t->item(r, 3)->text().contains(QLatin1String("login.evil.example")));
            }
        }
        QVERIFY(preview.tabs()->tabText(MessagePreview::LinksTab).contains(QLatin1String("2 deceptive")));
    }

    void headersAndAccessibility()
    {
        MessagePreview preview;
        preview.setMessage(fixture("preview-charset/koi8r-html.eml"), QStringLiteral("koi8r-html.eml"));
        QTableWidget* h = preview.headersTable();
        bool subject = false;
        for (int r = 0; r < h->rowCount(); ++r)
            if (h->item(r, 0)->text().compare(QLatin1String("Subject"), Qt::CaseInsensitive) == 0)
                subject = h->item(r, 1)->text() == QStringLiteral("Тема письма");
        QVERIFY(subject);
        QVERIFY(preview.rawView()->toPlainText().startsWith(QLatin1String("From: =?koi8-r?B?")));
        for (QWidget* w : preview.findChildren<QWidget*>())
            if (qobject_cast<QTableWidget*>(w) || qobject_cast<QPlainTextEdit*>(w) ||
                qobject_cast<QWebEngineView*>(w) || qobject_cast<QTabWidget*>(w) || qobject_cast<QLabel*>(w))
                QVERIFY2(!w->accessibleName().isEmpty(), w->metaObject()->className());
    }

    void unparseableInputShowsRawAndReason()
    {
        MessagePreview preview;
        preview.setMessage(QByteArray(), QStringLiteral("empty.eml"));
        QVERIFY(preview.statusText().contains(QLatin1String("could not be parsed")));
        QCOMPARE(preview.tabs()->currentIndex(), int(MessagePreview::RawTab));
    }

    // Proves the fixture and the server detect a leak: the same HTML in an ordinary page with JavaScript on
    // does contact the server and does run its scripts. Runs last, on its own server.
    void zz_controlOrdinaryPageLeaks()
    {
        LoopbackServer control;
        QVERIFY(control.start());
        QWebEngineProfile profile; // a plain off-the-record profile, default settings
        QWebEnginePage page(&profile);
        page.setHtml(hostileHtml(control.port()),
                     QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(control.port())));
        QTRY_VERIFY_WITH_TIMEOUT(control.connections() > 0, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(page.title().contains(QLatin1String("RAN")), 30000);
    }

private:
    LoopbackServer m_server;
};

int main(int argc, char** argv)
{
    ad::preview::registerSchemes();
    QApplication app(argc, argv);
    TestPreview test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_preview.moc"
