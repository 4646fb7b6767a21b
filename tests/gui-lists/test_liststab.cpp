// SPDX-License-Identifier: GPL-3.0-or-later
// The Lists tab through the real main window, offscreen: import tests/data/bundle-good (list L2 of
// A1001 has one row of each problem kind), open the account and the tab, compare the summary with core's
// screening (the store's summary and a fresh lists::Screener run over the same file), check the policy
// limits and the domain chart, filter the rows by one problem kind, refuse a list decision without a
// rationale and one DecisionService refuses (nothing written either time), record a rejection with a
// rationale (decision, audit entry, the tab and the report show it), and check the translations.
#include "../gui/mainwindowtestutil.h"
#include "caseview/caseview.h"
#include "caseview/listrowsmodel.h"
#include "caseview/liststab.h"
#include "decision/listdecisiondialog.h"
#include "lists/csv.h"
#include "lists/screener.h"
#include "mainwindow/app.h"
#include "mainwindow/mainwindow.h"
#include "report/report.h"
#include "settings/settings.h"
#include "store/casestore.h"
#include "util/clock.h"

#include <QApplication>
#include <QBarSet>
#include <QChartView>
#include <QCheckBox>
#include <QFile>
#include <QHorizontalBarSeries>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QValueAxis>

using namespace ad;
using namespace ad::ui;
using ad::uitest::waitForJob;

namespace {
const QString kAccount = QStringLiteral("A1001");
const QString kList = QStringLiteral("L2");

QString bundle()
{
    return QStringLiteral(ABUSEDESK_TEST_DATA "/bundle-good");
}

// Screens the fixture's list file with core's screener, as the import does.
ListScreeningSummary screenFixture()
{
    QFile f(bundle() + QStringLiteral("/lists/A1001/L2.csv"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    lists::ListCsvReader reader(f, f.fileName());
    reader.readHeader();
    const int email = reader.index(u"email");
    lists::Screener screener(lists::ScreeningConfig::defaults());
    while (reader.next())
        screener.add(reader.text(email), reader.line());
    return screener.finish();
}

QString cell(QTableWidget* t, int r, int c)
{
    const QTableWidgetItem* item = t->item(r, c);
    return item ? item->text() : QString();
}
} // namespace

class TestListsTab : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QSettings(QStringLiteral("OPTIMAIS"), QStringLiteral("abusedesk")).clear();
        m_settings = std::make_unique<Settings>();
        m_settings->setReviewer(QStringLiteral("alice"));
        m_settings->setLanguage(QStringLiteral("en"));
        m_window = std::make_unique<MainWindow>(*m_settings, m_dir.filePath(QStringLiteral("cases.sqlite")));
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_window->importBundle(bundle()));
        QVERIFY(waitForJob(*m_window));
        QVERIFY(m_window->store()->account(kAccount));
        m_window->showAccount(kAccount);
        CaseView* cv = m_window->caseView();
        QCOMPARE(cv->accountId(), kAccount);
        m_tab = cv->lists();
        QVERIFY(m_tab);
        const int index = cv->tabs()->indexOf(m_tab);
        QVERIFY(index >= 0);
        QCOMPARE(cv->tabs()->tabText(index), QStringLiteral("&Lists"));
        cv->tabs()->setCurrentIndex(index);
        QVERIFY(m_tab->isVisible());
    }

    void listsArePicked()
    {
        QTableWidget* t = m_tab->listTable();
        QCOMPARE(t->rowCount(), 2); // L1 (no file) and L2
        QCOMPARE(cell(t, 0, 0), QStringLiteral("L1"));
        QCOMPARE(cell(t, 1, 0), kList);
        QCOMPARE(cell(t, 1, 2), QStringLiteral("purchased"));
        QCOMPARE(cell(t, 0, 5), QStringLiteral("6")); // declared in lists.csv
        QCOMPARE(cell(t, 1, 5), QStringLiteral("—"));
        QCOMPARE(cell(t, 1, 6), QStringLiteral("6")); // rows of the uploaded file
        QCOMPARE(cell(t, 1, 7), QStringLiteral("none yet"));
        QCOMPARE(cell(t, 0, 6), QStringLiteral("no file in the bundle"));
        // The imported date is the import's.
        QVERIFY(!cell(t, 1, 4).isEmpty() && cell(t, 1, 4) != QStringLiteral("—"));
        // The first list with a screened file is opened.
        QCOMPARE(m_tab->currentListId(), kList);
        // The list without a file: nothing to screen, said so; decisions still possible.
        QVERIFY(m_tab->selectList(QStringLiteral("L1")));
        QCOMPARE(m_tab->currentListId(), QStringLiteral("L1"));
        QCOMPARE(m_tab->rowsModel()->totalCount(), 0);
        QVERIFY(m_tab->findChild<QLabel*>(QStringLiteral("listSummaryNote"))
                    ->text()
                    .contains(QStringLiteral("no uploaded file")));
        QVERIFY(m_tab->approveButton()->isEnabled());
        QVERIFY(!m_tab->selectList(QStringLiteral("NOPE")));
        QVERIFY(m_tab->selectList(kList));
        QCOMPARE(m_tab->currentListId(), kList);
    }

    void summaryMatchesCoreScreening()
    {
        const ListScreeningSummary core = screenFixture();
        QCOMPARE(core.rows, 6);
        std::optional<ListScreeningSummary> stored;
        for (const MailingList& l : m_window->store()->lists(kAccount))
            if (l.listId == kList)
                stored = l.screening;
        QVERIFY(stored);
        const qint64 expected[] = {core.rows, core.invalid,    core.duplicates,
                                   core.role, core.disposable, core.typo};
        const qint64 fromStore[] = {stored->rows, stored->invalid,    stored->duplicates,
                                    stored->role, stored->disposable, stored->typo};
        QTableWidget* s = m_tab->summaryTable();
        QCOMPARE(s->rowCount(), int(ListsTab::SummaryRowCount));
        for (int r = 0; r < ListsTab::SummaryRowCount; ++r) {
            QCOMPARE(fromStore[r], expected[r]);
            QCOMPARE(cell(s, r, ListsTab::CountColumn), QString::number(expected[r]));
        }
        // One of six rows of each kind: 16.67 %.
        QCOMPARE(cell(s, ListsTab::InvalidRow, ListsTab::ShareColumn), QStringLiteral("16.67 %"));
        QCOMPARE(cell(s, ListsTab::TotalRow, ListsTab::ShareColumn), QStringLiteral("100.00 %"));
        // Against the optimais policy: invalid and disposable at most 1 %, role and typo none allowed.
        QCOMPARE(cell(s, ListsTab::InvalidRow, ListsTab::LimitColumn), QStringLiteral("at most 1.00 %"));
        QCOMPARE(cell(s, ListsTab::DisposableRow, ListsTab::LimitColumn), QStringLiteral("at most 1.00 %"));
        QCOMPARE(cell(s, ListsTab::RoleRow, ListsTab::LimitColumn), QStringLiteral("none allowed"));
        QCOMPARE(cell(s, ListsTab::TypoRow, ListsTab::LimitColumn), QStringLiteral("none allowed"));
        QCOMPARE(cell(s, ListsTab::DuplicateRow, ListsTab::LimitColumn), QStringLiteral("no policy rule"));
        QCOMPARE(cell(s, ListsTab::InvalidRow, ListsTab::ResultColumn), QStringLiteral("over (warn)"));
        QCOMPARE(s->verticalHeaderItem(ListsTab::InvalidRow)->toolTip(),
                 QStringLiteral("list-invalid-addresses"));
        QCOMPARE(cell(s, ListsTab::TypoRow, ListsTab::ResultColumn), QStringLiteral("over (info)"));
        QCOMPARE(
            m_tab->findChild<QLabel*>(QStringLiteral("listSummaryNote"))->text(),
            QStringLiteral("4 list rules of policy optimais fire on this file: list-invalid-addresses, "
                           "role-address, list-disposable-domains, list-typo-domains. Shares are of all 6 "
                           "rows; a row can have several problems."));
        QCOMPARE(cell(s, ListsTab::DuplicateRow, ListsTab::ResultColumn), QStringLiteral("for information"));
        // Over the limit is coloured, pass is not.
        QVERIFY(s->item(ListsTab::InvalidRow, ListsTab::ResultColumn)->background().style() != Qt::NoBrush);
        QCOMPARE(s->item(ListsTab::DuplicateRow, ListsTab::ResultColumn)->background().style(), Qt::NoBrush);
    }

    void domainChartHasTheDomains()
    {
        QHorizontalBarSeries* series = m_tab->domainSeries();
        QVERIFY(series);
        QCOMPARE(series->count(), 1);
        const QBarSet* set = series->barSets().first();
        // Valid rows: 5 (not-an-address is invalid); gmail.com has 2 of them = 40 %, the largest, on top
        // (the last bar of a horizontal series).
        qreal sum = 0;
        for (int i = 0; i < set->count(); ++i)
            sum += set->at(i);
        QVERIFY(qAbs(sum - 100.0) < 0.01);
        QVERIFY(qAbs(set->at(set->count() - 1) - 40.0) < 0.01);
        // The share axis covers the largest bar and ticks at round values (10 %, 20 %, …).
        QValueAxis* axis = nullptr;
        for (QAbstractAxis* a : series->attachedAxes())
            if (auto* v = qobject_cast<QValueAxis*>(a))
                axis = v;
        QVERIFY(axis);
        QVERIFY(axis->max() >= 40.0);
        const double step = (axis->max() - axis->min()) / (axis->tickCount() - 1);
        QVERIFY2(qFuzzyCompare(step, 5.0) || qFuzzyCompare(step, 10.0) || qFuzzyCompare(step, 20.0) ||
                     qFuzzyCompare(step, 25.0),
                 qPrintable(QStringLiteral("%1 .. %2 in %3 ticks")
                                .arg(axis->min())
                                .arg(axis->max())
                                .arg(axis->tickCount())));
        QCOMPARE(m_tab->domainChartTitle()->text(),
                 QStringLiteral("Domains by share of the 5 valid addresses (top 4 of 4)"));
    }

    void filterByOneProblemKind()
    {
        ListRowsModel* model = m_tab->rowsModel();
        // Default: every problem kind, i.e. the 5 offending rows of 6.
        QCOMPARE(model->totalCount(), 5);
        for (int bit : {int(lists::Invalid), int(lists::Duplicate), int(lists::Disposable), int(lists::Typo)})
            m_tab->problemFilter(bit)->setChecked(false);
        QCOMPARE(model->problemMask(), int(lists::Role));
        QCOMPARE(model->totalCount(), screenFixture().role);
        QCOMPARE(m_tab->rowCountLabel()->text(), QStringLiteral("1 matching rows"));
        QTableView* view = m_tab->rowsView();
        QTRY_COMPARE(view->model()->rowCount(), 1); // fetched by the view
        QCOMPARE(model->data(model->index(0, ListRowsModel::AddressColumn)).toString(),
                 QStringLiteral("info@brightdeals-partner.example"));
        QCOMPARE(model->data(model->index(0, ListRowsModel::ReasonColumn)).toString(),
                 QStringLiteral("role address (info@), not a person"));
        QCOMPARE(model->data(model->index(0, ListRowsModel::LineColumn)).toLongLong(), 3);
        // Typo only: the reason names the mailbox domain the screening found.
        m_tab->problemFilter(lists::Typo)->setChecked(true);
        m_tab->problemFilter(lists::Role)->setChecked(false);
        QTRY_COMPARE(view->model()->rowCount(), 1);
        QCOMPARE(model->data(model->index(0, ListRowsModel::ReasonColumn)).toString(),
                 QStringLiteral("gmial.com looks like a misspelling of gmail.com"));
        // Nothing ticked: every row of the file.
        m_tab->problemFilter(lists::Typo)->setChecked(false);
        QCOMPARE(model->problemMask(), 0);
        QCOMPARE(model->totalCount(), 6);
        QCOMPARE(m_tab->rowCountLabel()->text(), QStringLiteral("All 6 rows of the file"));
        for (int bit : {int(lists::Invalid), int(lists::Duplicate), int(lists::Role), int(lists::Disposable),
                        int(lists::Typo)})
            m_tab->problemFilter(bit)->setChecked(true);
        QCOMPARE(model->totalCount(), 5);
    }

    void rejectWithoutRationaleIsRefused()
    {
        CaseStore* store = m_window->store();
        const qint64 audit = store->auditCount();
        const qint64 decisions = store->decisions(kAccount).size();
        QTest::mouseClick(m_tab->rejectButton(), Qt::LeftButton);
        ListDecisionDialog* dlg = m_window->listDecisionDialog();
        QVERIFY(dlg);
        QVERIFY(dlg->action() == Action::RejectList);
        QVERIFY(!dlg->recordButton()->isEnabled());
        QVERIFY(!dlg->canRecord());
        // The reject_list notice names the list.
        QVERIFY2(dlg->noticeText().contains(kList), qPrintable(dlg->noticeText()));
        dlg->setRationale(QStringLiteral("bought"));
        QVERIFY(!dlg->recordButton()->isEnabled());
        dlg->accept();
        QCOMPARE(dlg->errorText(),
                 QStringLiteral("Not recorded: A list decision needs a rationale of at least a sentence (20 "
                                "characters, 3 words)."));
        QVERIFY(dlg->isVisible());
        QCOMPARE(store->auditCount(), audit);
        QCOMPARE(store->decisions(kAccount).size(), decisions);
        dlg->reject();
        QVERIFY(!m_tab->listDecision(kList));
    }

    void refusalByDecisionServiceIsShown()
    {
        // A reviewer name of blanks passes the dialog but not DecisionService.
        CaseStore* store = m_window->store();
        const qint64 audit = store->auditCount();
        ListDecisionDialog::Context ctx;
        ctx.store = store;
        ctx.policy = &m_window->policy();
        ctx.clock = &SystemClock::instance();
        ctx.accountId = kAccount;
        ctx.listId = kList;
        ctx.reviewer = QStringLiteral("   ");
        ListDecisionDialog dlg(ctx, Action::ApproveList);
        dlg.setRationale(QStringLiteral("The customer showed the double opt-in records for every row."));
        QVERIFY(dlg.canRecord());
        QSignalSpy recorded(&dlg, &ListDecisionDialog::recorded);
        dlg.accept();
        QCOMPARE(dlg.errorText(), QStringLiteral("Not recorded: a decision needs a reviewer name"));
        QCOMPARE(recorded.count(), 0);
        QVERIFY(!dlg.outcome());
        QCOMPARE(store->auditCount(), audit);
        QVERIFY(store->decisions(kAccount).isEmpty() ||
                store->decisions(kAccount).constLast().action != Action::ApproveList);
    }

    void rejectWithRationaleIsRecorded()
    {
        CaseStore* store = m_window->store();
        const qint64 audit = store->auditCount();
        QTest::mouseClick(m_tab->rejectButton(), Qt::LeftButton);
        ListDecisionDialog* dlg = m_window->listDecisionDialog();
        QVERIFY(dlg);
        QTest::keyClicks(dlg->rationaleEdit(), QStringLiteral("Purchased from a broker; role and disposable "
                                                              "addresses confirm it."));
        QVERIFY(dlg->recordButton()->isEnabled());
        QSignalSpy spy(m_window.get(), &MainWindow::decisionRecorded);
        QTest::mouseClick(dlg->recordButton(), Qt::LeftButton);
        QCOMPARE(spy.count(), 1);

        // Decision and audit entry.
        QCOMPARE(store->auditCount(), audit + 1);
        const std::optional<AuditEntry> last = store->lastAuditEntry();
        QVERIFY(last);
        QCOMPARE(last->kind, QStringLiteral("list_decision"));
        QCOMPARE(last->actor, QStringLiteral("alice"));
        QCOMPARE(last->accountId, kAccount);
        const QJsonObject payload = QJsonDocument::fromJson(last->payloadJson.toUtf8()).object();
        QCOMPARE(payload.value(QStringLiteral("list_id")).toString(), kList);
        const Decision d = store->decisions(kAccount).constLast();
        QVERIFY(d.action == Action::RejectList);
        QCOMPARE(d.listId, kList);
        QCOMPARE(d.reviewer, QStringLiteral("alice"));
        QVERIFY(d.noticeText.contains(kList));

        // The tab shows it (the case view was reloaded), on the same list.
        QCOMPARE(m_window->caseView()->lists(), m_tab);
        QCOMPARE(m_tab->currentListId(), kList);
        const std::optional<Decision> shown = m_tab->listDecision(kList);
        QVERIFY(shown);
        QVERIFY(shown->action == Action::RejectList);
        QVERIFY(m_tab->decisionLabel()->text().startsWith(QStringLiteral("Rejected by alice on ")));
        QVERIFY(m_tab->decisionLabel()->text().contains(QStringLiteral("Purchased from a broker")));
        QVERIFY(cell(m_tab->listTable(), 1, 7).startsWith(QStringLiteral("reject list by alice")));
        QCOMPARE(cell(m_tab->listTable(), 0, 7), QStringLiteral("none yet"));

        // The case report lists the decision with its list.
        report::Options o;
        o.accountId = kAccount;
        const QJsonObject model = report::buildModel(*store, m_window->policy(), o);
        bool found = false;
        for (const auto& v : model.value(QStringLiteral("decisions")).toArray()) {
            const QJsonObject dec = v.toObject();
            if (dec.value(QStringLiteral("action")).toString() == QLatin1String("reject_list") &&
                dec.value(QStringLiteral("list_id")).toString() == kList)
                found = true;
        }
        QVERIFY(found);
        const QString html = report::toHtml(model);
        QVERIFY(html.contains(QStringLiteral("reject list")));
    }

    void controlsHaveAccessibleNames()
    {
        const QList<QWidget*> controls{m_tab->listTable(),
                                       m_tab->summaryTable(),
                                       m_tab->domainChart(),
                                       m_tab->rowsView(),
                                       m_tab->approveButton(),
                                       m_tab->rejectButton(),
                                       m_tab->problemFilter(lists::Invalid),
                                       m_tab->problemFilter(lists::Typo)};
        for (QWidget* w : controls)
            QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
        QCOMPARE(m_tab->problemFilter(lists::Disposable)->accessibleName(),
                 QStringLiteral("Show disposable rows"));
    }

    void translationsAreComplete()
    {
        // Both .ts files: no unfinished or empty translation (lrelease would fall back to English).
        for (const QString& lang : {QStringLiteral("en"), QStringLiteral("id")}) {
            QFile f(QStringLiteral(ABUSEDESK_RESOURCES "/translations/abusedesk_%1.ts").arg(lang));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QString ts = QString::fromUtf8(f.readAll());
            QVERIFY2(!ts.contains(QStringLiteral("unfinished")), qPrintable(lang));
            QVERIFY2(!ts.contains(QStringLiteral("<translation></translation>")), qPrintable(lang));
            QVERIFY2(!ts.contains(QStringLiteral("<translation/>")), qPrintable(lang));
            QVERIFY(ts.contains(QStringLiteral("<name>ad::ui::ListsTab</name>")));
            QVERIFY(ts.contains(QStringLiteral("<name>ad::ui::ListRowsModel</name>")));
            QVERIFY(ts.contains(QStringLiteral("<name>ad::ui::ListDecisionDialog</name>")));
        }
        QTranslator id;
        QVERIFY(id.load(QStringLiteral(":/i18n/abusedesk_id.qm")));
        QCOMPARE(id.translate("ad::ui::ListsTab", "&Approve list…"), QStringLiteral("&Setujui daftar…"));
        QCOMPARE(id.translate("ad::ui::CaseView", "&Lists"), QStringLiteral("&Daftar"));
        QCOMPARE(id.translate("ad::ui::ListRowsModel", "missing @"), QStringLiteral("tanpa @"));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_settings.reset();
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    ListsTab* m_tab = nullptr;
};

int main(int argc, char** argv)
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("OPTIMAIS"));
    QApplication::setApplicationName(QStringLiteral("abusedesk-test"));
    // As the program does: the English translation resolves the plural forms.
    if (!ad::ui::installTranslations(app, QStringLiteral("en")))
        return 1;
    TestListsTab t;
    return QTest::qExec(&t, argc, argv);
}

#include "test_liststab.moc"
