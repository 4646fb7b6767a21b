// SPDX-License-Identifier: GPL-3.0-or-later
// PDF case reports: rendered by QtWebEngine, stamped with "Page n of N" and the case id, text
// extractable (pdftotext finds findings, numbers and hashes), redaction holds in the PDF too.
#include "../report/fixture.h"
#include "render/pdfrenderer.h"
#include "report/report.h"
#include "util/error.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QtTest>

using namespace ad;

namespace {

QString pdfToText(const QString& pdf)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    p.waitForFinished(120000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

class TestRender : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::ReportFixture> fx;
    QTemporaryDir out;

    QString exportPdf(const QString& name, bool redact, const QString& lang = QStringLiteral("en"))
    {
        report::Options o;
        o.accountId = QStringLiteral("A1001");
        o.exportedAt = *time::parseIso(u"2026-11-22T10:00:00Z");
        o.redact = redact;
        o.language = lang;
        const QString path = out.filePath(name);
        report::exportReport(*fx->store, fx->policy, o, report::Format::Pdf, path, &render::renderPdf);
        // Kept for a look: ABUSEDESK_KEEP_PDF=folder copies each rendered report there.
        if (const QString keep = qEnvironmentVariable("ABUSEDESK_KEEP_PDF"); !keep.isEmpty())
            QFile::copy(path, keep + QLatin1Char('/') + name);
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("ABUSEDESK_RESOURCES", ABUSEDESK_RESOURCES);
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed");
        fx = std::make_unique<test::ReportFixture>();
    }

    void pdfHoldsTheFactsAsText()
    {
        const QString path = exportPdf(QStringLiteral("A1001.pdf"), false);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        const int pages = render::pdfPageCount(bytes);
        QVERIFY(pages >= 3);
        const QString text = pdfToText(path);
        QVERIFY(text.contains(QLatin1String("complaint-rate")));
        QVERIFY(text.contains(QLatin1String("list-source-forbidden")));
        QVERIFY(text.contains(QLatin1String("Account Suspension")));
        QVERIFY(text.contains(QLatin1String("20,000")));
        QVERIFY(text.contains(QLatin1String("19,000")));
        QVERIFY(text.contains(QLatin1String("0.33 %")));
        QVERIFY(text.contains(QLatin1String("What would clear it")));
        // Hashes: the audit-log head and every imported file (a long hash may wrap inside its table cell
        // in -layout mode, so compare with whitespace removed).
        QString flat = text;
        flat.remove(QRegularExpression(QStringLiteral("\\s")));
        QVERIFY(flat.contains(fx->store->lastAuditEntry()->hash));
        for (const auto& file :
             fx->store->importFiles(fx->store->importOfAccount(QStringLiteral("A1001"))->id))
            QVERIFY2(flat.contains(file.sha256), qPrintable(file.path));
        // Stamped header and footer on every page.
        for (int i = 1; i <= pages; ++i)
            QVERIFY2(text.contains(QStringLiteral("Page %1 of %2").arg(i).arg(pages)),
                     qPrintable(QString::number(i)));
        QCOMPARE(int(text.count(QLatin1String("Case A1001"))) >= pages, true);
        QVERIFY(!text.contains(QLatin1String("http:"), Qt::CaseInsensitive));
        QVERIFY(!text.contains(QLatin1String("https:"), Qt::CaseInsensitive));
    }

    void indonesianPageLabels()
    {
        const QString path = exportPdf(QStringLiteral("A1001-id.pdf"), false, QStringLiteral("id"));
        const QString text = pdfToText(path);
        QVERIFY(text.contains(QLatin1String("Halaman 1 dari")));
        QVERIFY(text.contains(QLatin1String("Lampiran bukti")));
    }

    void redactedPdfHasNoSubscriberAddress()
    {
        const QString path = exportPdf(QStringLiteral("A1001-redacted.pdf"), true);
        const QString text = pdfToText(path);
        QString flat = text;
        flat.remove(QRegularExpression(QStringLiteral("\\s")));
        QVERIFY(flat.contains(QLatin1String("d***@example.com")));
        for (const QString& a :
             test::ReportFixture::subscriberAddresses() + test::ReportFixture::ipAddresses())
            QVERIFY2(!flat.contains(a, Qt::CaseInsensitive), qPrintable(a));
    }

    void damagedPdfIsAnError()
    {
        QVERIFY_THROWS_EXCEPTION(Error, render::pdfPageCount(QByteArrayLiteral("%PDF-1.4 not really")));
    }
};

int main(int argc, char** argv)
{
    auto app = render::createApplication(argc, argv);
    TestRender t;
    return QTest::qExec(&t, argc, argv);
}
#include "test_render.moc"
