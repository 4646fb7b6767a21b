// SPDX-License-Identifier: GPL-3.0-or-later
// Drives the real main window offscreen: import a bundle through the import dialog (and a refused one,
// and a cancelled one), filter and sort the queue, open an account and check the case tabs, record a
// decision with the keyboard, override with and without a rationale, terminate with and without a second
// reviewer, and watch the audit log grow.
#include "bundle/importer.h"
#include "caseview/caseview.h"
#include "caseview/complaintstab.h"
#include "caseview/evidencetab.h"
#include "caseview/historytab.h"
#include "caseview/messagestab.h"
#include "caseview/metricstab.h"
#include "caseview/overviewtab.h"
#include "decision/decisiondialog.h"
#include "importer/importdialog.h"
#include "importer/importtask.h"
#include "mainwindow/app.h"
#include "mainwindow/mainwindow.h"
#include "mainwindowtestutil.h"
#include "queue/queuemodel.h"
#include "queue/queueview.h"
#include "settings/settings.h"
#include "store/casestore.h"

#ifdef ABUSEDESK_HAVE_PREVIEW
#include "preview/schemes.h"
#endif

#include <QAction>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QValueAxis>
#include <cmath>

using namespace ad;
using namespace ad::ui;
using ad::uitest::waitForJob;

namespace {
QString fixtureBundle()
{
    const QString good = QStringLiteral(ABUSEDESK_TEST_DATA "/bundle-good");
    if (QFileInfo::exists(good + QStringLiteral("/manifest.json")))
        return good;
    return QStringLiteral(ABUSEDESK_RESOURCES "/demo/optimais-demo");
}

bool copyTree(const QString& from, const QString& to)
{
    QDir().mkpath(to);
    const QDir src(from);
    for (const QFileInfo& fi : src.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString target = to + QLatin1Char('/') + fi.fileName();
        if (fi.isDir()) {
            if (!copyTree(fi.filePath(), target))
                return false;
        } else if (!QFile::copy(fi.filePath(), target)) {
            return false;
        }
    }
    return true;
}

int rowOf(QueueModel* model, const QString& account)
{
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->accountAt(r) == account)
            return r;
    return -1;
}
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QSettings(QStringLiteral("OPTIMAIS"), QStringLiteral("abusedesk")).clear();
        m_settings = std::make_unique<Settings>();
        m_settings->setReviewer(QStringLiteral("alice"));
        m_storePath = m_dir.filePath(QStringLiteral("cases.sqlite"));
        m_window = std::make_unique<MainWindow>(*m_settings, m_storePath);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_window->store());
        QCOMPARE(m_window->queueModel()->rowCount(), 0);
    }

    void reviewerIsShown() { QVERIFY(m_window->statusReviewer()->text().contains(QStringLiteral("alice"))); }

    void refusedBundleChangesNothing()
    {
        // A copy of the fixture with a bad timestamp in accounts.csv line 2.
        const QString bad = m_dir.filePath(QStringLiteral("bad-bundle"));
        QVERIFY(copyTree(fixtureBundle(), bad));
        QFile f(bad + QStringLiteral("/accounts.csv"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray csv = f.readAll();
        f.close();
        const qsizetype firstRow = csv.indexOf('\n') + 1;
        // Replace the first ISO timestamp of the first data row by an impossible date.
        const qsizetype ts = csv.indexOf("20", csv.indexOf(",", csv.indexOf("://", firstRow)));
        QVERIFY(ts > firstRow);
        csv.replace(ts, 4, "2O25");
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(csv);
        f.close();

        const qint64 auditBefore = m_window->store()->auditCount();
        QVERIFY(m_window->importBundle(bad));
        QVERIFY(m_window->importDialog());
        QVERIFY(waitForJob(*m_window));
        ImportDialog* dlg = m_window->importDialog();
        QVERIFY(dlg);
        QVERIFY2(dlg->outcomeText().contains(QStringLiteral("not changed")), qPrintable(dlg->outcomeText()));
        QCOMPARE(dlg->refusalFile(), QStringLiteral("accounts.csv"));
        QVERIFY(!dlg->refusalLine().isEmpty());
        QCOMPARE(dlg->refusalColumn(), QStringLiteral("signup_at"));
        QVERIFY(dlg->refusalValue().startsWith(QStringLiteral("2O25")));
        QCOMPARE(m_window->store()->accountCount(), qint64(0));
        QCOMPARE(m_window->store()->auditCount(), auditBefore);
        QCOMPARE(m_window->queueModel()->rowCount(), 0);
        dlg->accept();
    }

    void cancelledImportChangesNothing()
    {
        // Cancelled before the first byte: deterministic, and the store must stay empty.
        BackgroundJob job(m_storePath, fixtureBundle(), QStringLiteral("alice"), m_window->policy());
        QSignalSpy done(&job, &BackgroundJob::finished);
        job.cancel();
        job.start();
        QVERIFY(done.wait(60000));
        QVERIFY(job.result().cancelled);
        QVERIFY(!job.result().imported);
        QVERIFY(!job.result().error);
        QCOMPARE(m_window->store()->accountCount(), qint64(0));
    }

    void importThroughTheDialog()
    {
        const qint64 auditBefore = m_window->store()->auditCount();
        QVERIFY(m_window->importBundle(fixtureBundle()));
        ImportDialog* dlg = m_window->importDialog();
        QVERIFY(dlg);
        QVERIFY(dlg->isVisible());
        QVERIFY(dlg->cancelButton()->isVisible());
        // The window stays responsive while the worker imports: the event loop runs here.
        QVERIFY(waitForJob(*m_window));
        QVERIFY2(dlg->outcomeText().contains(QStringLiteral("Import complete")),
                 qPrintable(dlg->outcomeText()));
        QVERIFY(dlg->refusalFile().isEmpty());
        // What was imported, in words.
        QVERIFY2(dlg->outcomeText().contains(
                     QStringLiteral("Imported %1 accounts, ").arg(m_window->store()->accountCount())),
                 qPrintable(dlg->outcomeText()));
        dlg->accept();
        QVERIFY(m_window->store()->accountCount() > 0);
        QCOMPARE(m_window->queueModel()->rowCount(), int(m_window->store()->accountCount()));
        QVERIFY(m_window->store()->auditCount() > auditBefore); // the import's audit entry
        // Every account was evaluated: the queue shows recommendations.
        for (int r = 0; r < m_window->queueModel()->rowCount(); ++r)
            QVERIFY(!m_window->queueModel()
                         ->data(m_window->queueModel()->index(r, QueueModel::Recommended),
                                QueueModel::RecommendedRole)
                         .toString()
                         .isEmpty());
    }

    void importSummaryIsTranslated()
    {
        bundle::ImportCounts c;
        c.accounts = 1;
        c.campaigns = 2;
        c.messages = 1;
        QCOMPARE(BackgroundJob::importSummary(c, 0),
                 QStringLiteral("Imported 1 account, 2 campaigns, 0 complaints, 0 evidence rows, 1 message "
                                "(no warnings)."));
        c.lists = 1;
        c.listRows = 250;
        QCOMPARE(BackgroundJob::importSummary(c, 1),
                 QStringLiteral("Imported 1 account, 2 campaigns, 0 complaints, 0 evidence rows, 1 message, "
                                "1 list with 250 address rows (1 warning)."));
        // Counts are written in the user's locale (digit grouping).
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        c.evidence = 1200;
        const QString grouped = BackgroundJob::importSummary(c, 0);
        QLocale::setDefault(before);
        c.evidence = 0;
        QVERIFY2(grouped.contains(QStringLiteral("1,200 evidence rows")), qPrintable(grouped));
        QTranslator indonesian;
        QVERIFY(indonesian.load(QStringLiteral(":/i18n/abusedesk_id.qm")));
        QCoreApplication::installTranslator(&indonesian);
        const QString id = BackgroundJob::importSummary(c, 2);
        QCoreApplication::removeTranslator(&indonesian);
        QVERIFY2(id.contains(QStringLiteral("1 akun")) && id.contains(QStringLiteral("2 kampanye")) &&
                     id.contains(QStringLiteral("2 peringatan")),
                 qPrintable(id));
    }

    void filterAndSortTheQueue()
    {
        QueueView* q = m_window->queueView();
        QueueModel* m = m_window->queueModel();
        const int all = m->rowCount();
        QVERIFY(all >= 2);
        // Sort by account, descending, through the header.
        q->table()->sortByColumn(QueueModel::Account, Qt::DescendingOrder);
        QVERIFY(m->accountAt(0) > m->accountAt(all - 1));
        q->table()->sortByColumn(QueueModel::Account, Qt::AscendingOrder);
        QVERIFY(m->accountAt(0) < m->accountAt(all - 1));
        // Status filter.
        q->statusCombo()->setCurrentIndex(q->statusCombo()->findData(QStringLiteral("warned")));
        for (int r = 0; r < m->rowCount(); ++r)
            QCOMPARE(m->data(m->index(r, QueueModel::Status)).toString(), QStringLiteral("warned"));
        QVERIFY(m->rowCount() < all);
        q->statusCombo()->setCurrentIndex(0);
        QCOMPARE(m->rowCount(), all);
        // Free text (debounced; Enter applies at once).
        q->searchEdit()->setFocus();
        QTest::keyClicks(q->searchEdit(), QStringLiteral("Bright"));
        QTest::keyClick(q->searchEdit(), Qt::Key_Return);
        QCOMPARE(m->rowCount(), 1);
        QCOMPARE(m->accountAt(0), QStringLiteral("A1001"));
        q->searchEdit()->clear();
        q->applyFilter();
        QCOMPARE(m->rowCount(), all);
        // Rule filter.
        q->ruleCombo()->setCurrentIndex(q->ruleCombo()->findData(QStringLiteral("list-source-forbidden")));
        QCOMPARE(m->rowCount(), 1);
        QCOMPARE(m->accountAt(0), QStringLiteral("A1001"));
        q->ruleCombo()->setCurrentIndex(0);
        QCOMPARE(m->rowCount(), all);
    }

    void openAccountShowsEvidence()
    {
        QueueView* q = m_window->queueView();
        const int row = rowOf(m_window->queueModel(), QStringLiteral("A1001"));
        QVERIFY(row >= 0);
        q->table()->setFocus();
        q->selectRow(row);
        QTest::keyClick(q->table(), Qt::Key_Return);
        CaseView* cv = m_window->caseView();
        QCOMPARE(cv->accountId(), QStringLiteral("A1001"));
        QVERIFY(cv->data().has_value());

        // Overview: findings with clause and summary, severity-coloured.
        QTableWidget* findings = cv->overview()->findingsTable();
        QVERIFY(findings->rowCount() > 0);
        QStringList rules;
        for (int r = 0; r < findings->rowCount(); ++r) {
            rules << findings->item(r, 1)->text();
            QVERIFY(!findings->item(r, 2)->text().isEmpty()); // clause
            QVERIFY(!findings->item(r, 3)->text().isEmpty()); // summary with numbers
        }
        QVERIFY2(rules.contains(QStringLiteral("complaint-rate")), qPrintable(rules.join(QLatin1Char(','))));
        QVERIFY(rules.contains(QStringLiteral("list-source-forbidden")));

        // The other tabs are loaded when shown.
        // Metrics: two campaigns in every chart; the policy's complaint threshold.
        cv->tabs()->setCurrentWidget(cv->metrics());
        QCOMPARE(cv->metrics()->chartViews().size(), 4);
        for (int c = 0; c < 4; ++c)
            QCOMPARE(cv->metrics()->pointCount(c), 2);
        QCOMPARE(cv->metrics()->thresholdOf(0), 0.002);
        // The rate axes have round ticks (a step of 1, 2 or 5 times a power of ten) and show the threshold.
        for (QChartView* view : cv->metrics()->chartViews()) {
            auto* y = qobject_cast<QValueAxis*>(view->chart()->axes(Qt::Vertical).value(0));
            QVERIFY(y);
            const double step = (y->max() - y->min()) / (y->tickCount() - 1);
            const double mantissa = step / std::pow(10.0, std::floor(std::log10(step)));
            QVERIFY2(
                qFuzzyCompare(mantissa, 1.0) || qFuzzyCompare(mantissa, 2.0) ||
                    qFuzzyCompare(mantissa, 2.5) || qFuzzyCompare(mantissa, 5.0),
                qPrintable(
                    QStringLiteral("%1 .. %2 in %3 ticks").arg(y->min()).arg(y->max()).arg(y->tickCount())));
        }
        QVERIFY(
            qobject_cast<QValueAxis*>(cv->metrics()->chartViews()[0]->chart()->axes(Qt::Vertical).value(0))
                ->max() >= 0.2);

        // Messages: the sample message is listed and shown.
        cv->tabs()->setCurrentWidget(cv->messages());
        QVERIFY(cv->messages()->messageTable()->rowCount() >= 1);
        QVERIFY(cv->messages()->viewer()->hasPreview());
        // The preview, where the reviewer reads, gets most of the height, not the list of a few messages.
        QVERIFY2(cv->messages()->viewer()->height() > 2 * cv->messages()->messageTable()->height(),
                 qPrintable(QStringLiteral("preview %1 px, list %2 px")
                                .arg(cv->messages()->viewer()->height())
                                .arg(cv->messages()->messageTable()->height())));

        // Permission evidence: the row with method "none" says why it is not valid.
        cv->tabs()->setCurrentWidget(cv->evidence());
        QTableWidget* ev = cv->evidence()->evidenceTable();
        bool sawInvalid = false;
        for (int r = 0; r < ev->rowCount(); ++r)
            if (ev->item(r, 0)->text() == QLatin1String("bob@gmial.com"))
                sawInvalid = !ev->item(r, EvidenceTab::kWhyColumn)->text().isEmpty();
        QVERIFY(sawInvalid);
        QVERIFY(cv->evidence()->listTable()->rowCount() >= 2);

        // Complaints: csv rows and the ARF report.
        cv->tabs()->setCurrentWidget(cv->complaints());
        QVERIFY(cv->complaints()->table()->rowCount() >= 1);
        cv->tabs()->setCurrentWidget(cv->overview());
    }

    void hiddenTabsLoadWhenShown()
    {
        CaseView* cv = m_window->caseView();
        cv->tabs()->setCurrentWidget(cv->overview());
        m_window->showAccount(QStringLiteral("A1001"));
        cv->tabs()->setCurrentWidget(cv->complaints()); // filled with A1001's reports
        cv->tabs()->setCurrentWidget(cv->overview());
        m_window->showAccount(QStringLiteral("A1002"));
        QCOMPARE(cv->accountId(), QStringLiteral("A1002"));
        // Only what the Overview needs was read: no tab part, no other tab filled for A1002.
        QVERIFY(cv->data().has_value());
        QCOMPARE(cv->data()->loadedParts, unsigned(CaseData::NoParts));
        QVERIFY(cv->data()->history.isEmpty());
        QVERIFY(cv->isTabLoaded(cv->overview()));
        for (QWidget* tab : {static_cast<QWidget*>(cv->metrics()), static_cast<QWidget*>(cv->messages()),
                             static_cast<QWidget*>(cv->evidence()), static_cast<QWidget*>(cv->complaints()),
                             static_cast<QWidget*>(cv->history())})
            QVERIFY(!cv->isTabLoaded(tab));
        // The counts (Overview facts, tab titles) come without the rows being read.
        const CaseCounts counts = m_window->store()->caseCounts(QStringLiteral("A1002"));
        QCOMPARE(counts.history, qint64(2));
        QCOMPARE(counts.campaigns, qint64(1));
        QCOMPARE(cv->data()->counts.complaints, qint64(0));
        QCOMPARE(cv->tabs()->tabText(cv->tabs()->indexOf(cv->complaints())),
                 QStringLiteral("&Complaints (0)"));
        // The Overview's facts count the rows no tab has read yet.
        QVERIFY2(cv->overview()->facts()->text().contains(QStringLiteral("1 campaign")),
                 qPrintable(cv->overview()->facts()->text()));

        // Shown: loaded with A1002's rows, not the A1001 rows it held before.
        cv->tabs()->setCurrentWidget(cv->complaints());
        QVERIFY(cv->isTabLoaded(cv->complaints()));
        QVERIFY(cv->data()->has(CaseData::Complaints));
        QCOMPARE(cv->complaints()->table()->rowCount(), 0);
        cv->tabs()->setCurrentWidget(cv->history());
        QVERIFY(cv->isTabLoaded(cv->history()));
        QCOMPARE(cv->history()->table()->rowCount(), 2);
        QVERIFY(!cv->history()->emptyState()->isVisible());
        QVERIFY(!cv->isTabLoaded(cv->metrics()));
        QVERIFY(!cv->data()->has(CaseData::Campaigns));

        // Switching while on a tab reloads that tab for the new account at once: A1001 has neither platform
        // history nor decisions yet, which the History tab says instead of showing an empty table.
        m_window->showAccount(QStringLiteral("A1001"));
        QVERIFY(cv->isTabLoaded(cv->history()));
        QCOMPARE(cv->history()->table()->rowCount(), 0);
        QVERIFY(!cv->history()->table()->isVisible());
        QVERIFY(cv->history()->emptyState()->isVisible());
        QVERIFY(cv->history()->emptyState()->text().contains(QStringLiteral("No history yet")));
        cv->tabs()->setCurrentWidget(cv->metrics());
        QCOMPARE(cv->metrics()->pointCount(0), 2); // A1001's two campaigns
        cv->tabs()->setCurrentWidget(cv->overview());
    }

    void importDialogsPickAFolderOrAZip()
    {
        // File → Import bundle folder… picks a directory; … .zip picks a file.
        QFileDialog* folder = m_window->chooseBundleFolder();
        QVERIFY(folder);
        QCOMPARE(folder->fileMode(), QFileDialog::Directory);
        QVERIFY(folder->isVisible());
        folder->reject();
        QFileDialog* zip = m_window->chooseBundleZip();
        QVERIFY(zip);
        QCOMPARE(zip->fileMode(), QFileDialog::ExistingFile);
        QVERIFY(zip->nameFilters().join(QLatin1Char(' ')).contains(QStringLiteral("*.zip")));
        zip->reject();
        QVERIFY(m_window->action(QStringLiteral("actionImport")));
        QVERIFY(m_window->action(QStringLiteral("actionImportZip")));

        // Choosing the folder imports it (already imported: the job says so and nothing changes).
        const qint64 accounts = m_window->store()->accountCount();
        folder = m_window->chooseBundleFolder();
        QVERIFY(folder);
        Q_EMIT folder->fileSelected(fixtureBundle());
        QVERIFY(m_window->currentJob());
        QVERIFY(waitForJob(*m_window));
        QVERIFY(m_window->importDialog());
        m_window->importDialog()->accept();
        QCOMPARE(m_window->store()->accountCount(), accounts);
        if (folder)
            folder->reject();
    }

    void overrideNeedsRationaleAndWarnByKeyboard()
    {
        CaseView* cv = m_window->caseView();
        QCOMPARE(cv->accountId(), QStringLiteral("A1001"));
        const Action recommended = cv->data()->evaluation->recommended;
        QVERIFY(recommended != Action::Warn); // so warn is an override
        const qint64 auditBefore = m_window->store()->auditCount();

        m_window->queueView()->table()->setFocus();
        QTest::keyClick(m_window->queueView()->table(), Qt::Key_W);
        DecisionDialog* dlg = m_window->decisionDialog();
        QVERIFY(dlg);
        QCOMPARE(ad::toString(dlg->selectedAction()), ad::toString(Action::Warn));
        QVERIFY(dlg->findingCount() > 0);
        QVERIFY(!dlg->noticeText().isEmpty());
        // Without a rationale: refused inline, nothing written.
        QVERIFY(!dlg->canRecord());
        QVERIFY(dlg->blockingReason().contains(QStringLiteral("rationale")));
        QVERIFY(!dlg->recordButton()->isEnabled());
        dlg->accept();
        QVERIFY(dlg->isVisible());
        QVERIFY(!dlg->errorText().isEmpty());
        QCOMPARE(m_window->store()->auditCount(), auditBefore);
        // Too short a rationale is still refused.
        QTest::keyClicks(dlg->rationaleEdit(), QStringLiteral("ok then"));
        QVERIFY(!dlg->canRecord());
        // A sentence: recorded with the keyboard.
        dlg->rationaleEdit()->clear();
        QTest::keyClicks(dlg->rationaleEdit(),
                         QStringLiteral("First offence; the customer removed the purchased list yesterday."));
        QVERIFY(dlg->canRecord());
        QVERIFY(dlg->noticeText().contains(QStringLiteral("purchased list")));
        // Indonesian notice preview.
        dlg->setNoticeLanguage(QStringLiteral("id"));
        const QString idNotice = dlg->noticeText();
        dlg->setNoticeLanguage(QStringLiteral("en"));
        QVERIFY(idNotice != dlg->noticeText());
        QSignalSpy recorded(m_window.get(), &MainWindow::decisionRecorded);
        dlg->recordButton()->setFocus();
        QTest::keyClick(dlg->recordButton(), Qt::Key_Space);
        QCOMPARE(recorded.size(), 1);
        QCOMPARE(m_window->store()->auditCount(), auditBefore + 1);
        QCOMPARE(ad::toString(m_window->store()->currentStatus(QStringLiteral("A1001"))),
                 ad::toString(AccountStatus::Warned));
        const QList<Decision> decisions = m_window->store()->decisions(QStringLiteral("A1001"));
        QCOMPARE(decisions.constLast().reviewer, QStringLiteral("alice"));
        QVERIFY(decisions.constLast().rationale.contains(QStringLiteral("purchased list")));
        // The history tab shows it with the reviewer.
        m_window->showAccount(QStringLiteral("A1001"));
        m_window->caseView()->tabs()->setCurrentWidget(m_window->caseView()->history());
        QTableWidget* hist = m_window->caseView()->history()->table();
        QVERIFY(hist->rowCount() >= 1);
        QVERIFY(hist->isVisible());
        QVERIFY(!m_window->caseView()->history()->emptyState()->isVisible());
        QCOMPARE(hist->item(0, 3)->text(), QStringLiteral("alice"));
        m_window->caseView()->tabs()->setCurrentWidget(m_window->caseView()->overview());
    }

    void followingTheRecommendationNeedsNoRationale()
    {
        m_window->showAccount(QStringLiteral("A1001"));
        const Action recommended = m_window->caseView()->data()->evaluation->recommended;
        DecisionDialog* dlg = m_window->openDecisionDialog(); // recommendation preselected
        QVERIFY(dlg);
        QCOMPARE(ad::toString(dlg->selectedAction()),
                 ad::toString(recommended == Action::None ? Action::Dismiss : recommended));
        if (recommended != Action::None)
            QVERIFY2(dlg->canRecord(), qPrintable(dlg->blockingReason()));
        // Disputing a finding requires a rationale.
        dlg->setFindingConfirmed(0, false);
        QVERIFY(!dlg->canRecord());
        dlg->setFindingConfirmed(0, true);
        dlg->reject();
    }

    void terminateNeedsASecondReviewer()
    {
        m_window->showAccount(QStringLiteral("A1001"));
        const qint64 auditBefore = m_window->store()->auditCount();
        const AccountStatus before = m_window->store()->currentStatus(QStringLiteral("A1001"));
        m_window->queueView()->table()->setFocus();
        QTest::keyClick(m_window->queueView()->table(), Qt::Key_T);
        DecisionDialog* dlg = m_window->decisionDialog();
        QVERIFY(dlg);
        QCOMPARE(ad::toString(dlg->selectedAction()), ad::toString(Action::Terminate));
        QVERIFY(dlg->terminateNote()->isVisible());
        QVERIFY(dlg->terminateNote()->text().contains(QStringLiteral("second reviewer")));
        if (!dlg->canRecord())
            dlg->setRationale(QStringLiteral("Purchased list and complaints well above the limit."));
        QVERIFY(dlg->canRecord());
        dlg->accept();
        QVERIFY(dlg->outcome());
        QVERIFY(dlg->outcome()->pendingApproval);
        QCOMPARE(m_window->store()->auditCount(), auditBefore + 1);
        // Pending: the status does not change, and the queue marks it.
        QVERIFY(m_window->store()->currentStatus(QStringLiteral("A1001")) == before);
        QueueModel* m = m_window->queueModel();
        const int row = rowOf(m, QStringLiteral("A1001"));
        QVERIFY(m->data(m->index(row, 0), QueueModel::PendingApprovalRole).toBool());
        QVERIFY(m->data(m->index(row, QueueModel::Status)).toString().contains(QStringLiteral("pending")));
        m_window->queueView()->pendingCheck()->setChecked(true);
        QCOMPARE(m->rowCount(), 1);
        m_window->queueView()->pendingCheck()->setChecked(false);

        // The same reviewer cannot approve.
        m_window->showAccount(QStringLiteral("A1001"));
        QVERIFY(m_window->action(QStringLiteral("actionApprove"))->isEnabled());
        DecisionDialog* same = m_window->openApprovalDialog();
        QVERIFY(same);
        QVERIFY(!same->canRecord());
        QVERIFY(same->blockingReason().contains(QStringLiteral("second, different reviewer")));
        same->accept();
        QVERIFY(!same->errorText().isEmpty());
        QCOMPARE(m_window->store()->auditCount(), auditBefore + 1);
        same->reject();

        // A different reviewer (changed in the settings) approves: effective now.
        m_settings->setReviewer(QStringLiteral("bob"));
        DecisionDialog* other = m_window->openApprovalDialog();
        QVERIFY(other);
        QVERIFY2(other->canRecord(), qPrintable(other->blockingReason()));
        other->accept();
        QVERIFY(other->outcome());
        QCOMPARE(ad::toString(m_window->store()->currentStatus(QStringLiteral("A1001"))),
                 ad::toString(AccountStatus::Terminated));
        QCOMPARE(m_window->store()->auditCount(), auditBefore + 2);
        QVERIFY(m_window->store()->pendingApprovals().isEmpty());
        m_settings->setReviewer(QStringLiteral("alice"));
    }

    void linkedAccountJumps()
    {
        // Jumping to an account through the case view's link signal selects it.
        Q_EMIT m_window->caseView()->accountLinkActivated(QStringLiteral("A1002"));
        QCOMPARE(m_window->caseView()->accountId(), QStringLiteral("A1002"));
        QCOMPARE(m_window->queueView()->currentAccount(), QStringLiteral("A1002"));
    }

    void keyboardMovesThroughTheQueue()
    {
        QueueView* q = m_window->queueView();
        q->selectRow(0);
        q->table()->setFocus();
        const QString first = q->currentAccount();
        QTest::keyClick(q->table(), Qt::Key_J);
        QVERIFY(q->currentAccount() != first);
        QTest::keyClick(q->table(), Qt::Key_K);
        QCOMPARE(q->currentAccount(), first);
        QTest::keyClick(q->table(), Qt::Key_Down);
        QVERIFY(q->currentAccount() != first);
    }

    void geometryIsRemembered()
    {
        m_window->resize(1434, 777);
        auto* splitter = m_window->findChild<QSplitter*>(QStringLiteral("mainSplitter"));
        splitter->setSizes({400, 834});
        const QList<int> sizes = splitter->sizes();
        m_window->close();
        m_window.reset();
        MainWindow again(*m_settings, m_storePath);
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QCOMPARE(again.size(), QSize(1434, 777));
        QCOMPARE(again.findChild<QSplitter*>(QStringLiteral("mainSplitter"))->sizes(), sizes);
        // The store and its decisions are still there.
        QVERIFY(again.queueModel()->rowCount() >= 2);
    }

    void cleanupTestCase()
    {
        m_window.reset();
        QSettings(QStringLiteral("OPTIMAIS"), QStringLiteral("abusedesk")).clear();
    }

private:
    QTemporaryDir m_dir;
    QString m_storePath;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<MainWindow> m_window;
};

int main(int argc, char** argv)
{
    QStandardPaths::setTestModeEnabled(true);
#ifdef ABUSEDESK_HAVE_PREVIEW
    ad::preview::registerSchemes();
#endif
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("OPTIMAIS"));
    QApplication::setApplicationName(QStringLiteral("abusedesk-test"));
    // As the program does: the English translation resolves the plural forms ("%n account(s)").
    if (!ad::ui::installTranslations(app, QStringLiteral("en")))
        return 1;
    TestMainWindow t;
    return QTest::qExec(&t, argc, argv);
}

#include "test_mainwindow.moc"
