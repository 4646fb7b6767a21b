// SPDX-License-Identifier: GPL-3.0-or-later
// The queue model over a real store (paging, sorting and filtering by the store), the settings class,
// the severity colours in light and dark palettes, and the embedded translations.
#include "bundle/importer.h"
#include "common/severitystyle.h"
#include "queue/queuemodel.h"
#include "rules/evaluator.h"
#include "rules/policy.h"
#include "settings/settings.h"
#include "store/casestore.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace ad;
using namespace ad::ui;

namespace {
void writeFile(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

// A bundle of `n` accounts A00000…, names in reverse order, every third one warned.
QString makeBigBundle(const QString& dir, int n)
{
    writeFile(dir + QStringLiteral("/manifest.json"),
              R"({"format":"case-bundle","version":1,"exported_at":"2026-11-20T00:00:00Z","source":"test"})");
    QByteArray accounts = "account_id,name,owner_email,signup_at,status\n";
    QByteArray campaigns =
        "account_id,campaign_id,sent_at,sent,delivered,bounces,complaints,unsubscribes,unique_opens\n";
    for (int i = 0; i < n; ++i) {
        const QByteArray id = "A" + QByteArray::number(i).rightJustified(5, '0');
        accounts += id + ",Shop " + QByteArray::number(n - i).rightJustified(6, '0') + ",o" +
                    QByteArray::number(i) + "@shop.example,2025-01-01," + (i % 3 == 0 ? "warned" : "active") +
                    "\n";
        // Every account one campaign; complaints vary so the complaint-rate rule fires for some.
        campaigns += id + ",C1,2026-11-01T00:00:00Z,1010,1000,10," + QByteArray::number(i % 7) + ",1,200\n";
    }
    writeFile(dir + QStringLiteral("/accounts.csv"), accounts);
    writeFile(dir + QStringLiteral("/campaigns.csv"), campaigns);
    return dir;
}
} // namespace

class TestQueueModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_policy = std::make_unique<rules::Policy>(rules::Policy::builtin(QStringLiteral("optimais")));
        m_store = std::make_unique<CaseStore>(m_dir.filePath(QStringLiteral("big.sqlite")));
        const QString bundle = makeBigBundle(m_dir.filePath(QStringLiteral("big")), kAccounts);
        bundle::ImportOptions opt;
        opt.reviewer = QStringLiteral("tester");
        opt.now = QDateTime(QDate(2026, 11, 21), QTime(0, 0), Qt::UTC);
        bundle::importBundle(*m_store, bundle, opt);
        rules::EvaluationService service(*m_store, *m_policy);
        service.evaluateAll(service.defaultAsOf());
        QCOMPARE(m_store->accountCount(), qint64(kAccounts));
    }

    void modelTester()
    {
        QueueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(m_store.get());
        QCOMPARE(model.rowCount(), kAccounts);
        QCOMPARE(model.columnCount(), int(QueueModel::ColumnCount));
        model.sort(QueueModel::Name, Qt::DescendingOrder);
        QueueFilter f;
        f.status = QStringLiteral("warned");
        model.setFilter(f);
        model.setFilter({});
        QCOMPARE(model.rowCount(), kAccounts);
    }

    void pagesAreFetchedLazily()
    {
        QueueModel model;
        model.setStore(m_store.get());
        QCOMPARE(model.pagesFetched(), 0); // counting does not fetch rows
        QCOMPARE(model.accountAt(0), QStringLiteral("A00000"));
        QCOMPARE(model.pagesFetched(), 1);
        QCOMPARE(model.accountAt(kAccounts - 1),
                 QStringLiteral("A%1").arg(kAccounts - 1, 5, 10, QLatin1Char('0')));
        QCOMPARE(model.pagesFetched(), 2);
        // Walking the whole queue keeps only a bounded number of pages in memory.
        for (int r = 0; r < kAccounts; r += 37)
            QVERIFY(!model.accountAt(r).isEmpty());
        QVERIFY(model.cachedPages() <= QueueModel::kMaxPages);
        QCOMPARE(model.pagesFetched() >= kAccounts / QueueModel::kPageSize, true);
    }

    void sortingIsDoneByTheStore()
    {
        QueueModel model;
        model.setStore(m_store.get());
        model.sort(QueueModel::Name, Qt::AscendingOrder);
        // Names run in reverse of ids: the smallest name belongs to the last account.
        QCOMPARE(model.data(model.index(0, QueueModel::Name)).toString(), QStringLiteral("Shop 000001"));
        QCOMPARE(model.accountAt(0), QStringLiteral("A%1").arg(kAccounts - 1, 5, 10, QLatin1Char('0')));
        model.sort(QueueModel::Account, Qt::DescendingOrder);
        QCOMPARE(model.accountAt(0), QStringLiteral("A%1").arg(kAccounts - 1, 5, 10, QLatin1Char('0')));
        // Every column can be sorted on, both ways, and keeps the full count.
        for (int c = 0; c < QueueModel::ColumnCount; ++c) {
            for (Qt::SortOrder o : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                model.sort(c, o);
                QCOMPARE(model.rowCount(), kAccounts);
                QVERIFY(!model.accountAt(0).isEmpty());
            }
        }
    }

    void filtering()
    {
        QueueModel model;
        model.setStore(m_store.get());
        QueueFilter f;
        f.status = QStringLiteral("warned");
        model.setFilter(f);
        QCOMPARE(model.rowCount(), (kAccounts + 2) / 3);
        for (int r = 0; r < model.rowCount(); r += 50)
            QCOMPARE(model.data(model.index(r, QueueModel::Status)).toString(), QStringLiteral("warned"));
        f = {};
        f.text = QStringLiteral("o42@shop.example");
        model.setFilter(f);
        QVERIFY(model.rowCount() >= 1);
        QCOMPARE(model.accountAt(0), QStringLiteral("A00042"));
        f = {};
        f.rule = QStringLiteral("complaint-rate");
        model.setFilter(f);
        // complaints i % 7 of 1000 delivered: > 0.2 % for i % 7 >= 3, i.e. 4 of every 7 accounts.
        QVERIFY(model.rowCount() > 0);
        QVERIFY(model.rowCount() < kAccounts);
        QCOMPARE(model.data(model.index(0, QueueModel::Recommended), QueueModel::RecommendedRole).toString(),
                 QStringLiteral("suspend"));
    }

    void ratesArePercent()
    {
        QueueModel model;
        model.setStore(m_store.get());
        // A00006: 6 complaints of 1000 delivered.
        QueueFilter f;
        f.text = QStringLiteral("A00006");
        model.setFilter(f);
        QVERIFY(model.rowCount() >= 1);
        int row = 0;
        while (row < model.rowCount() && model.accountAt(row) != QLatin1String("A00006"))
            ++row;
        QVERIFY(row < model.rowCount());
        const QString rate = model.data(model.index(row, QueueModel::ComplaintRate)).toString();
        QVERIFY2(rate.contains(QStringLiteral("0.60")) || rate.contains(QStringLiteral("0,60")),
                 qPrintable(rate));
        QVERIFY(rate.endsWith(QStringLiteral("%")));
    }

    void pagingTiming()
    {
        // Reported, not asserted: how long the first screen and a jump to the end take.
        QueueModel model;
        QElapsedTimer t;
        t.start();
        model.setStore(m_store.get());
        model.sort(QueueModel::ComplaintRate, Qt::DescendingOrder);
        model.accountAt(0);
        const qint64 first = t.elapsed();
        t.restart();
        model.accountAt(model.rowCount() - 1);
        qInfo("queue of %d accounts: first page %lld ms, last page %lld ms", kAccounts, first, t.elapsed());
    }

    void settingsRoundTrip()
    {
        {
            QSettings(QStringLiteral("OPTIMAIS"), QStringLiteral("abusedesk")).clear();
            Settings s;
            QCOMPARE(s.reviewer(), Settings::systemUser());
            QCOMPARE(s.policyId(), QStringLiteral("optimais"));
            s.setReviewer(QStringLiteral("  Dewi  "));
            s.setLanguage(QStringLiteral("id"));
            s.setLanguage(QStringLiteral("fr")); // refused: not a shipped language
            s.setBuiltinPolicy(QStringLiteral("mailbox-providers"));
            s.setStorePath(QStringLiteral("/tmp/x.sqlite"));
            s.sync();
        }
        Settings s;
        QCOMPARE(s.reviewer(), QStringLiteral("Dewi"));
        QCOMPARE(s.language(), QStringLiteral("id"));
        QCOMPARE(s.policyId(), QStringLiteral("mailbox-providers"));
        QCOMPARE(s.loadPolicy().id(), QStringLiteral("mailbox-providers"));
        QCOMPARE(s.effectiveStorePath(), QStringLiteral("/tmp/x.sqlite"));
        // A test-mode location, never the user's real settings, and one of this test's own: ctest runs
        // tests in parallel and test_gui_mainwindow keeps its reviewer in the same settings file name, so a
        // shared HOME let this test's clear() erase it mid-run (CI failure of 2026-11-30).
        QVERIFY(QStandardPaths::isTestModeEnabled());
        const QString expectedHome =
            QStringLiteral("/testhome/") + QFileInfo(QCoreApplication::applicationFilePath()).fileName();
        QVERIFY2(
            QDir::homePath().endsWith(expectedHome),
            qPrintable(QStringLiteral("HOME is %1; run through ctest, which gives each test its own HOME")
                           .arg(QDir::homePath())));
        QVERIFY(QSettings(QStringLiteral("OPTIMAIS"), QStringLiteral("abusedesk"))
                    .fileName()
                    .startsWith(QDir::homePath() + QStringLiteral("/.qttest/")));
        QSettings(QStringLiteral("OPTIMAIS"), QStringLiteral("abusedesk")).clear();
    }

    void severityColoursHaveContrast_data()
    {
        QTest::addColumn<QColor>("base");
        QTest::addColumn<QColor>("text");
        QTest::newRow("light") << QColor(Qt::white) << QColor(Qt::black);
        QTest::newRow("fusion-light") << QColor(0xff, 0xff, 0xff) << QColor(0x25, 0x25, 0x25);
        QTest::newRow("dark") << QColor(0x2a, 0x2a, 0x2a) << QColor(0xee, 0xee, 0xee);
        QTest::newRow("breeze-dark") << QColor(0x1b, 0x1e, 0x20) << QColor(0xfc, 0xfc, 0xfc);
    }
    void severityColoursHaveContrast()
    {
        QFETCH(QColor, base);
        QFETCH(QColor, text);
        QPalette p;
        p.setColor(QPalette::Base, base);
        p.setColor(QPalette::Text, text);
        for (Severity s : {Severity::Info, Severity::Warn, Severity::Suspend, Severity::Terminate}) {
            const QColor bg = severityBackground(s, p);
            QVERIFY2(contrastRatio(bg, text) >= 4.5,
                     qPrintable(QStringLiteral("%1: %2").arg(toString(s)).arg(contrastRatio(bg, text))));
            QVERIFY(bg != base); // visibly tinted
        }
        QVERIFY(contrastRatio(problemBackground(p), text) >= 4.5);
    }

    void translationsAreEmbedded()
    {
        for (const QString& lang : {QStringLiteral("en"), QStringLiteral("id")}) {
            QTranslator t;
            QVERIFY2(t.load(QStringLiteral(":/i18n/abusedesk_%1.qm").arg(lang)), qPrintable(lang));
        }
        QTranslator id;
        QVERIFY(id.load(QStringLiteral(":/i18n/abusedesk_id.qm")));
        QCOMPARE(id.translate("ad::ui::MainWindow", "&Import bundle folder…"),
                 QStringLiteral("&Impor folder bundel…"));
        QCOMPARE(id.translate("ad::ui::QueueModel", "Recommended"), QStringLiteral("Rekomendasi"));
    }

private:
    static constexpr int kAccounts = 3000;
    QTemporaryDir m_dir;
    std::unique_ptr<rules::Policy> m_policy;
    std::unique_ptr<CaseStore> m_store;
};

int main(int argc, char** argv)
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("OPTIMAIS"));
    QApplication::setApplicationName(QStringLiteral("abusedesk-test"));
    TestQueueModel t;
    return QTest::qExec(&t, argc, argv);
}

#include "test_queuemodel.moc"
