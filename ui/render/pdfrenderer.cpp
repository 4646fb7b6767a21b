// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/pdfrenderer.h"

#include "util/error.h"

#include <QBuffer>
#include <QEventLoop>
#include <QFile>
#include <QFont>
#include <QGuiApplication>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineSettings>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFJob.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <unistd.h>

namespace ad::render {

namespace {

constexpr int kLoadTimeoutMs = 120000;
// Page geometry (millimetres): the body leaves 18 mm at the top and bottom for the stamp.
constexpr double kMarginTop = 18, kMarginBottom = 18, kMarginSide = 14;

QByteArray printBody(const QString& htmlPath)
{
    QWebEngineProfile profile; // off-the-record: nothing is written to disk
    QWebEnginePage page(&profile);
    QWebEngineSettings* s = page.settings();
    s->setAttribute(QWebEngineSettings::JavascriptEnabled, false);
    s->setAttribute(QWebEngineSettings::PluginsEnabled, false);
    s->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, false);
    s->setAttribute(QWebEngineSettings::LocalContentCanAccessFileUrls, false);
    s->setAttribute(QWebEngineSettings::AutoLoadIconsForPage, false);
    s->setAttribute(QWebEngineSettings::PdfViewerEnabled, false);

    QEventLoop loop;
    bool loaded = false, timedOut = false;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        loop.quit();
    });
    QObject::connect(&page, &QWebEnginePage::loadFinished, &loop, [&](bool ok) {
        loaded = ok;
        loop.quit();
    });
    timer.start(kLoadTimeoutMs);
    page.load(QUrl::fromLocalFile(htmlPath));
    loop.exec();
    if (timedOut)
        throw Error::internal(
            QStringLiteral("the report page did not load within %1 s").arg(kLoadTimeoutMs / 1000));
    if (!loaded)
        throw Error::internal(QStringLiteral("the report page failed to load in QtWebEngine"));

    QByteArray pdf;
    bool done = false;
    const QPageLayout layout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                             QMarginsF(kMarginSide, kMarginTop, kMarginSide, kMarginBottom),
                             QPageLayout::Millimeter);
    page.printToPdf(
        [&](const QByteArray& bytes) {
            pdf = bytes;
            done = true;
            loop.quit();
        },
        layout);
    timer.start(kLoadTimeoutMs);
    if (!done)
        loop.exec();
    if (timedOut || pdf.isEmpty())
        throw Error::internal(QStringLiteral("QtWebEngine did not print the report to PDF"));
    return pdf;
}

QByteArray stampPdf(int pages, const report::PdfRequest& r)
{
    QByteArray out;
    QBuffer buf(&out);
    buf.open(QIODevice::WriteOnly);
    QPdfWriter w(&buf);
    w.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0),
                                QPageLayout::Millimeter));
    w.setResolution(300);
    w.setCreator(QStringLiteral("AbuseDesk"));
    w.setTitle(r.title);
    QPainter p(&w);
    const double dpmm = 300.0 / 25.4;
    const QRectF page(0, 0, 210 * dpmm, 297 * dpmm);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(8);
    p.setFont(font);
    const QString label = r.pageLabel.isEmpty() ? QStringLiteral("Page %1 of %2") : r.pageLabel;
    for (int i = 0; i < pages; ++i) {
        if (i > 0)
            w.newPage();
        p.setPen(QColor(0x5b, 0x65, 0x70));
        const QRectF head(kMarginSide * dpmm, 7 * dpmm, page.width() - 2 * kMarginSide * dpmm, 6 * dpmm);
        p.drawText(head, Qt::AlignLeft | Qt::AlignVCenter, r.title);
        p.drawText(head, Qt::AlignRight | Qt::AlignVCenter, r.caseId);
        p.drawLine(QPointF(head.left(), head.bottom() + 1 * dpmm),
                   QPointF(head.right(), head.bottom() + 1 * dpmm));
        const QRectF foot(kMarginSide * dpmm, page.height() - 12 * dpmm,
                          page.width() - 2 * kMarginSide * dpmm, 6 * dpmm);
        p.drawText(foot, Qt::AlignRight | Qt::AlignVCenter, label.arg(i + 1).arg(pages));
        p.drawText(foot, Qt::AlignLeft | Qt::AlignVCenter, r.caseId);
    }
    p.end();
    return out;
}

} // namespace

int pdfPageCount(const QByteArray& pdf)
{
    try {
        QPDF q;
        q.setSuppressWarnings(true);
        q.processMemoryFile("report.pdf", pdf.constData(), size_t(pdf.size()));
        return int(QPDFPageDocumentHelper(q).getAllPages().size());
    } catch (const std::exception& e) {
        throw Error::internal(QStringLiteral("not a readable PDF: %1").arg(QString::fromUtf8(e.what())));
    }
}

QByteArray renderPdf(const report::PdfRequest& request)
{
    QTemporaryDir tmp;
    if (!tmp.isValid())
        throw Error::internal(QStringLiteral("cannot create a temporary folder: %1").arg(tmp.errorString()));
    const QString htmlPath = tmp.filePath(QStringLiteral("report.html"));
    {
        QFile f(htmlPath);
        if (!f.open(QIODevice::WriteOnly) || f.write(request.html.toUtf8()) < 0)
            throw Error::internal(QStringLiteral("cannot write %1: %2").arg(htmlPath, f.errorString()));
    }
    const QByteArray body = printBody(htmlPath);
    const int pages = pdfPageCount(body);
    const QByteArray stamp = stampPdf(pages, request);

    const QString bodyPath = tmp.filePath(QStringLiteral("body.pdf"));
    const QString stampPath = tmp.filePath(QStringLiteral("stamp.pdf"));
    const QString outPath = tmp.filePath(QStringLiteral("out.pdf"));
    for (const auto& [path, bytes] : {std::pair{bodyPath, body}, std::pair{stampPath, stamp}}) {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            throw Error::internal(QStringLiteral("cannot write %1: %2").arg(path, f.errorString()));
    }
    try {
        QPDFJob job;
        job.setMessagePrefix("abusedesk");
        job.config()
            ->inputFile(bodyPath.toStdString())
            ->overlay()
            ->file(stampPath.toStdString())
            ->endUnderlayOverlay()
            ->outputFile(outPath.toStdString())
            ->deterministicId()
            ->checkConfiguration();
        job.run();
        if (job.hasWarnings() && job.getExitCode() != QPDFJob::EXIT_WARNING && job.getExitCode() != 0)
            throw Error::internal(QStringLiteral("qpdf could not stamp the report"));
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        throw Error::internal(
            QStringLiteral("qpdf could not stamp the report: %1").arg(QString::fromUtf8(e.what())));
    }
    QFile f(outPath);
    if (!f.open(QIODevice::ReadOnly))
        throw Error::internal(QStringLiteral("cannot read %1: %2").arg(outPath, f.errorString()));
    return f.readAll();
}

std::unique_ptr<QCoreApplication> createApplication(int& argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY") &&
        qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (!qEnvironmentVariableIsSet("QTWEBENGINE_DISABLE_SANDBOX") && ::geteuid() == 0)
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    return std::make_unique<QGuiApplication>(argc, argv);
}

} // namespace ad::render
