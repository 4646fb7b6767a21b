// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow/mainwindow.h"

#include "caseview/caseview.h"
#include "common/labels.h"
#include "decision/decisiondialog.h"
#include "decision/listdecisiondialog.h"
#include "importer/importdialog.h"
#include "importer/importtask.h"
#include "mainwindow/app.h"
#include "queue/queuemodel.h"
#include "queue/queueview.h"
#include "rules/evaluator.h"
#include "settings/settings.h"
#include "settings/settingsdialog.h"
#include "store/casestore.h"
#include "util/clock.h"
#include "util/error.h"
#include "util/paths.h"

#ifdef ABUSEDESK_HAVE_REPORT
#include "report/report.h"
#endif
#ifdef ABUSEDESK_HAVE_RENDER
#include "render/pdfrenderer.h"
#endif

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>

namespace ad::ui {

namespace {
bool isBundlePath(const QString& path)
{
    const QFileInfo fi(path);
    return fi.isDir() || (fi.isFile() && fi.suffix().compare(QLatin1String("zip"), Qt::CaseInsensitive) == 0);
}
} // namespace

MainWindow::MainWindow(Settings& settings, const QString& storePath, QWidget* parent)
    : QMainWindow(parent), m_settings(settings)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("AbuseDesk"));
    setWindowIcon(appIcon());
    setAcceptDrops(true);
    loadPolicy();

    m_model = new QueueModel(this);
    m_queue = new QueueView(m_model, this);
    m_case = new CaseView(this);
    m_case->setPolicy(m_policy.get());
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_queue);
    m_splitter->addWidget(m_case);
    // Queue ~40 %, case view ~60 %: the case view carries the prose (findings, messages).
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setChildrenCollapsible(false);
    setCentralWidget(m_splitter);

    m_loadTimer = new QTimer(this);
    m_loadTimer->setSingleShot(true);
    m_loadTimer->setInterval(120);
    connect(m_loadTimer, &QTimer::timeout, this, [this] {
        m_case->showAccount(m_pendingAccount);
        updateActions();
    });
    connect(m_queue, &QueueView::currentAccountChanged, this, &MainWindow::onCurrentAccountChanged);
    connect(m_queue, &QueueView::openRequested, this, [this](const QString& id) {
        m_loadTimer->stop();
        if (m_case->accountId() != id || !m_case->data())
            m_case->showAccount(id);
        updateActions();
        m_case->tabs()->setFocus(Qt::OtherFocusReason);
    });
    connect(m_queue, &QueueView::decisionRequested, this, [this](Action a) { openDecisionDialog(a); });
    connect(m_case, &CaseView::accountLinkActivated, this, &MainWindow::showAccount);
    connect(m_case, &CaseView::listDecisionRequested, this,
            [this](const QString& listId, Action a) { openListDecisionDialog(listId, a); });

    m_stStore = new QLabel(this);
    m_stAccounts = new QLabel(this);
    m_stAsOf = new QLabel(this);
    m_stPolicy = new QLabel(this);
    m_stReviewer = new QLabel(this);
    m_stReviewer->setObjectName(QStringLiteral("statusReviewer"));
    statusBar()->addWidget(m_stStore, 1);
    for (QLabel* l : {m_stAccounts, m_stAsOf, m_stPolicy, m_stReviewer})
        statusBar()->addPermanentWidget(l);

    buildActions();
    buildMenus();

    resize(1400, 860);
    restoreGeometry(settings.windowGeometry());
    restoreState(settings.windowState());
    if (!settings.splitterState().isEmpty())
        m_splitter->restoreState(settings.splitterState());
    else
        m_splitter->setSizes({560, 840});
    if (!settings.queueHeaderState().isEmpty())
        m_queue->table()->horizontalHeader()->restoreState(settings.queueHeaderState());

    openStore(storePath.isEmpty() ? settings.effectiveStorePath() : storePath);
    if (!m_policyError.isEmpty())
        showError(tr("Policy"), m_policyError);
}

MainWindow::~MainWindow()
{
    if (m_job) {
        m_job->cancel();
        m_job->wait();
    }
    // The model and the case view hold pointers into the store: detach them first.
    m_model->setStore(nullptr);
    m_case->setStore(nullptr);
}

void MainWindow::loadPolicy()
{
    try {
        m_policy = std::make_unique<rules::Policy>(m_settings.loadPolicy());
        m_policyError.clear();
    } catch (const Error& e) {
        m_policyError = tr("The configured policy cannot be loaded (%1); using the built-in optimais policy.")
                            .arg(e.toString());
        m_policy = std::make_unique<rules::Policy>(rules::Policy::builtin(QStringLiteral("optimais")));
    }
}

QString MainWindow::reviewer() const
{
    return m_settings.reviewer();
}

void MainWindow::buildActions()
{
    auto make = [this](const QString& name, const QString& text, const QKeySequence& key,
                       QStyle::StandardPixmap icon = QStyle::SP_CustomBase) {
        auto* a = new QAction(text, this);
        a->setObjectName(name);
        if (!key.isEmpty())
            a->setShortcut(key);
        if (icon != QStyle::SP_CustomBase)
            a->setIcon(style()->standardIcon(icon));
        addAction(a);
        return a;
    };
    // A bundle is a folder or a .zip; one file dialog cannot pick both kinds, so there is one action each
    // (dropping either on the window works too).
    m_importAction = make(QStringLiteral("actionImport"), tr("&Import bundle folder…"),
                          QKeySequence(tr("Ctrl+I")), QStyle::SP_DialogOpenButton);
    m_importAction->setToolTip(tr("Import a case bundle folder (the folder holding manifest.json); you can "
                                  "also drop it on the window"));
    connect(m_importAction, &QAction::triggered, this, &MainWindow::chooseBundleFolder);
    m_importZipAction = make(QStringLiteral("actionImportZip"), tr("Import bundle .&zip…"),
                             QKeySequence(tr("Ctrl+Shift+I")), QStyle::SP_FileIcon);
    m_importZipAction->setToolTip(
        tr("Import a case bundle packed as a .zip file; you can also drop it on the window"));
    connect(m_importZipAction, &QAction::triggered, this, &MainWindow::chooseBundleZip);
    connect(make(QStringLiteral("actionOpenStore"), tr("&Open store…"), QKeySequence::Open,
                 QStyle::SP_DirOpenIcon),
            &QAction::triggered, this, &MainWindow::chooseStore);
#ifdef ABUSEDESK_HAVE_REPORT
    auto* exportAction =
        make(QStringLiteral("actionExport"), tr("&Export report…"), QKeySequence(tr("Ctrl+Shift+E")));
    exportAction->setToolTip(tr("Write the current account's case report (PDF, HTML or JSON)"));
    connect(exportAction, &QAction::triggered, this, [this] { exportReport(false); });
    m_caseActions.append(exportAction);
    auto* exportRedacted =
        make(QStringLiteral("actionExportRedacted"), tr("Export &redacted report…"), QKeySequence());
    exportRedacted->setToolTip(tr("The case report with subscriber addresses and personal data masked"));
    connect(exportRedacted, &QAction::triggered, this, [this] { exportReport(true); });
    m_caseActions.append(exportRedacted);
#endif
    connect(make(QStringLiteral("actionQuit"), tr("&Quit"), QKeySequence::Quit), &QAction::triggered, this,
            &QWidget::close);
    connect(make(QStringLiteral("actionFind"), tr("&Find in queue"), QKeySequence::Find), &QAction::triggered,
            m_queue, &QueueView::focusSearch);
    connect(make(QStringLiteral("actionRefresh"), tr("&Refresh"), QKeySequence::Refresh,
                 QStyle::SP_BrowserReload),
            &QAction::triggered, this, &MainWindow::refresh);
    m_reevaluateAction =
        make(QStringLiteral("actionReevaluate"), tr("Re-&evaluate all"), QKeySequence(tr("Ctrl+E")));
    connect(m_reevaluateAction, &QAction::triggered, this, &MainWindow::reevaluateAll);
    connect(make(QStringLiteral("actionNext"), tr("&Next account"), QKeySequence(Qt::Key_J)),
            &QAction::triggered, this, [this] {
                const QModelIndex cur = m_queue->table()->currentIndex();
                m_queue->selectRow(cur.isValid() ? cur.row() + 1 : 0);
            });
    connect(make(QStringLiteral("actionPrevious"), tr("&Previous account"), QKeySequence(Qt::Key_K)),
            &QAction::triggered, this, [this] {
                const QModelIndex cur = m_queue->table()->currentIndex();
                m_queue->selectRow(cur.isValid() ? cur.row() - 1 : 0);
            });
    connect(make(QStringLiteral("actionFocusQueue"), tr("Back to the &queue"), QKeySequence(Qt::Key_Escape)),
            &QAction::triggered, this, [this] { m_queue->table()->setFocus(Qt::ShortcutFocusReason); });

    auto* decide = make(QStringLiteral("actionDecide"), tr("&Decide…"), QKeySequence(tr("Ctrl+Return")),
                        QStyle::SP_DialogApplyButton);
    decide->setToolTip(tr("Record a decision with the recommended action preselected"));
    connect(decide, &QAction::triggered, this, [this] { openDecisionDialog(); });
    m_caseActions.append(decide);
    const QList<QPair<Action, QKeySequence>> keyed{
        {Action::Warn, QKeySequence(Qt::Key_W)},      {Action::Suspend, QKeySequence(Qt::Key_S)},
        {Action::Terminate, QKeySequence(Qt::Key_T)}, {Action::Reinstate, QKeySequence(Qt::Key_R)},
        {Action::Dismiss, QKeySequence(Qt::Key_D)},   {Action::RequestProof, QKeySequence(Qt::Key_P)}};
    for (const auto& [act, key] : keyed) {
        auto* a = make(QStringLiteral("action_") + toString(act), tr("%1…").arg(Labels::action(act)), key);
        const Action copy = act;
        connect(a, &QAction::triggered, this, [this, copy] { openDecisionDialog(copy); });
        m_caseActions.append(a);
    }
    m_approveAction = make(QStringLiteral("actionApprove"), tr("&Approve pending termination…"),
                           QKeySequence(tr("Ctrl+Shift+A")));
    connect(m_approveAction, &QAction::triggered, this, &MainWindow::openApprovalDialog);
    connect(make(QStringLiteral("actionSettings"), tr("&Preferences…"),
                 QKeySequence::keyBindings(QKeySequence::Preferences).value(0, QKeySequence(tr("Ctrl+,")))),
            &QAction::triggered, this, &MainWindow::openSettings);
    connect(make(QStringLiteral("actionAbout"), tr("&About AbuseDesk"), QKeySequence::HelpContents),
            &QAction::triggered, this, &MainWindow::showAbout);
    connect(make(QStringLiteral("actionAboutQt"), tr("About &Qt"), QKeySequence()), &QAction::triggered, qApp,
            &QApplication::aboutQt);
}

QAction* MainWindow::action(const QString& objectName) const
{
    return findChild<QAction*>(objectName);
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(action(QStringLiteral("actionImport")));
    file->addAction(m_importZipAction);
    file->addAction(action(QStringLiteral("actionOpenStore")));
#ifdef ABUSEDESK_HAVE_REPORT
    file->addSeparator();
    file->addAction(action(QStringLiteral("actionExport")));
    file->addAction(action(QStringLiteral("actionExportRedacted")));
#endif
    file->addSeparator();
    file->addAction(action(QStringLiteral("actionQuit")));

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(action(QStringLiteral("actionFind")));
    view->addAction(action(QStringLiteral("actionRefresh")));
    view->addAction(m_reevaluateAction);
    view->addSeparator();
    view->addAction(action(QStringLiteral("actionNext")));
    view->addAction(action(QStringLiteral("actionPrevious")));
    view->addAction(action(QStringLiteral("actionFocusQueue")));

    QMenu* caseMenu = menuBar()->addMenu(tr("&Case"));
    for (QAction* a : std::as_const(m_caseActions)) {
        if (a->objectName().startsWith(QLatin1String("actionExport")))
            continue; // in the File menu
        caseMenu->addAction(a);
        if (a->objectName() == QLatin1String("actionDecide"))
            caseMenu->addSeparator();
    }
    caseMenu->addSeparator();
    caseMenu->addAction(m_approveAction);

    QMenu* settings = menuBar()->addMenu(tr("&Settings"));
    settings->addAction(action(QStringLiteral("actionSettings")));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(action(QStringLiteral("actionAbout")));
    help->addAction(action(QStringLiteral("actionAboutQt")));

    QToolBar* tb = addToolBar(tr("Main"));
    tb->setObjectName(QStringLiteral("mainToolbar"));
    tb->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    // Import: the folder by default, the .zip from the button's menu.
    auto* importButton = new QToolButton(tb);
    importButton->setObjectName(QStringLiteral("importButton"));
    importButton->setDefaultAction(m_importAction);
    auto* importMenu = new QMenu(importButton);
    importMenu->addAction(m_importAction);
    importMenu->addAction(m_importZipAction);
    importButton->setMenu(importMenu);
    importButton->setPopupMode(QToolButton::MenuButtonPopup);
    importButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    tb->addWidget(importButton);
    tb->addAction(action(QStringLiteral("actionRefresh")));
    tb->addSeparator();
    tb->addAction(action(QStringLiteral("actionDecide")));
    tb->addAction(m_approveAction);
}

bool MainWindow::openStore(const QString& path)
{
    std::unique_ptr<CaseStore> store;
    try {
        store = std::make_unique<CaseStore>(path);
    } catch (const Error& e) {
        m_storeError = e.toString();
        showError(tr("Open store"), tr("The case store %1 cannot be opened: %2").arg(path, e.toString()));
        updateStatusBar();
        return false;
    }
    m_storeError.clear();
    m_model->setStore(nullptr);
    m_case->setStore(nullptr);
    m_store = std::move(store);
    m_case->setStore(m_store.get());
    m_model->setStore(m_store.get());
    if (m_model->rowCount() > 0)
        m_queue->selectRow(0);
    else
        m_case->showAccount({});
    updateStatusBar();
    updateActions();
    Q_EMIT storeOpened();
    return true;
}

void MainWindow::updateStatusBar()
{
    if (!m_store) {
        m_stStore->setText(tr("No case store open"));
        m_stAccounts->clear();
        m_stAsOf->clear();
    } else {
        m_stStore->setText(tr("Store: %1").arg(QDir::toNativeSeparators(m_store->path())));
        m_stAccounts->setText(tr("%n account(s)", nullptr, int(m_store->accountCount())));
        QDateTime asOf;
        try {
            asOf = rules::EvaluationService(*m_store, *m_policy).defaultAsOf();
        } catch (const Error&) {
        }
        m_stAsOf->setText(asOf.isValid() ? tr("As of %1").arg(Labels::dateTime(asOf))
                                         : tr("As of: no import yet"));
    }
    m_stPolicy->setText(tr("Policy: %1 %2").arg(m_policy->id(), m_policy->version()));
    m_stPolicy->setToolTip(m_policy->title());
    m_stReviewer->setText(tr("Reviewer: %1").arg(reviewer()));
}

void MainWindow::updateActions()
{
    const bool haveAccount = m_store && m_case->data().has_value();
    const bool busy = m_job != nullptr;
    for (QAction* a : std::as_const(m_caseActions))
        a->setEnabled(haveAccount && !busy);
    m_approveAction->setEnabled(haveAccount && !busy && m_case->data()->pendingApproval);
    m_importAction->setEnabled(!busy && m_store);
    m_importZipAction->setEnabled(!busy && m_store);
    m_reevaluateAction->setEnabled(!busy && m_store);
}

void MainWindow::onCurrentAccountChanged(const QString& accountId)
{
    m_pendingAccount = accountId;
    m_loadTimer->start();
}

void MainWindow::showAccount(const QString& accountId)
{
    if (!m_queue->selectAccount(accountId)) {
        // Not in the filtered queue: show it anyway.
        m_loadTimer->stop();
    }
    m_loadTimer->stop();
    m_case->showAccount(accountId);
    updateActions();
}

void MainWindow::refresh()
{
    if (!m_store)
        return;
    m_queue->refreshKeepingRow();
    m_loadTimer->stop();
    m_case->showAccount(m_queue->currentAccount().isEmpty() ? m_case->accountId()
                                                            : m_queue->currentAccount());
    updateStatusBar();
    updateActions();
}

QFileDialog* MainWindow::chooseBundleFolder()
{
    if (m_job || !m_store)
        return nullptr;
    auto* dlg = new QFileDialog(this, tr("Import case bundle folder"), m_settings.lastImportFolder());
    dlg->setObjectName(QStringLiteral("importFolderDialog"));
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->setFileMode(QFileDialog::Directory);
    dlg->setOption(QFileDialog::ShowDirsOnly);
    dlg->setLabelText(QFileDialog::Accept, tr("Import"));
    connect(dlg, &QFileDialog::fileSelected, this, [this](const QString& folder) {
        // Choosing manifest.json (typed into the name field) means "this folder".
        const QFileInfo fi(folder);
        const QString path = fi.isFile() ? fi.absolutePath() : fi.absoluteFilePath();
        m_settings.setLastImportFolder(QFileInfo(path).absolutePath());
        importBundle(path);
    });
    dlg->open();
    return dlg;
}

QFileDialog* MainWindow::chooseBundleZip()
{
    if (m_job || !m_store)
        return nullptr;
    auto* dlg = new QFileDialog(this, tr("Import case bundle .zip"), m_settings.lastImportFolder(),
                                tr("Case bundles (*.zip);;All files (*)"));
    dlg->setObjectName(QStringLiteral("importZipDialog"));
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->setFileMode(QFileDialog::ExistingFile);
    dlg->setLabelText(QFileDialog::Accept, tr("Import"));
    connect(dlg, &QFileDialog::fileSelected, this, [this](const QString& file) {
        m_settings.setLastImportFolder(QFileInfo(file).absolutePath());
        importBundle(file);
    });
    dlg->open();
    return dlg;
}

void MainWindow::chooseStore()
{
    auto* dlg = new QFileDialog(this, tr("Open case store"),
                                QFileInfo(m_settings.effectiveStorePath()).absolutePath(),
                                tr("Case stores (*.sqlite *.db);;All files (*)"));
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->setFileMode(QFileDialog::AnyFile);
    dlg->setOption(QFileDialog::DontConfirmOverwrite);
    dlg->setLabelText(QFileDialog::Accept, tr("Open"));
    connect(dlg, &QFileDialog::fileSelected, this, [this](const QString& file) {
        if (openStore(file)) {
            m_settings.setStorePath(file);
            m_settings.sync();
        }
    });
    dlg->open();
}

void MainWindow::showError(const QString& title, const QString& text)
{
    statusBar()->showMessage(text, 15000);
    auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("errorBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::startJob(BackgroundJob* job)
{
    m_job = job;
    connect(job, &BackgroundJob::finished, this, &MainWindow::onJobFinished);
    if (m_importDialog)
        m_importDialog->deleteLater();
    m_importDialog = new ImportDialog(job, this);
    // The dialog shows the job's result after it ended: it owns the job (and cannot close while it runs).
    job->setParent(m_importDialog);
    m_importDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_importDialog, &QObject::destroyed, this, [this, d = m_importDialog] {
        if (m_importDialog == d)
            m_importDialog = nullptr;
    });
    job->start();
    m_importDialog->open();
    updateActions();
}

BackgroundJob* MainWindow::importBundle(const QString& path)
{
    if (m_job || !m_store)
        return nullptr;
    auto* job = new BackgroundJob(m_store->path(), path, reviewer(), *m_policy, this);
    startJob(job);
    return job;
}

BackgroundJob* MainWindow::reevaluateAll()
{
    if (m_job || !m_store)
        return nullptr;
    auto* job = new BackgroundJob(m_store->path(), QString(), reviewer(), *m_policy, this);
    startJob(job);
    return job;
}

void MainWindow::onJobFinished()
{
    BackgroundJob* job = m_job;
    m_job = nullptr;
    const BackgroundJob::Result r = job->result();
    m_model->refresh();
    if (m_model->rowCount() > 0)
        m_queue->selectRow(0);
    m_loadTimer->stop();
    m_case->showAccount(m_queue->currentAccount());
    if (r.error)
        statusBar()->showMessage(r.error->toString(), 15000);
    else if (r.imported)
        statusBar()->showMessage(r.summary, 15000);
    updateStatusBar();
    updateActions();
    Q_EMIT jobFinished();
}

DecisionDialog* MainWindow::openDecisionDialog(std::optional<Action> act)
{
    if (!m_store || m_job)
        return nullptr;
    m_loadTimer->stop();
    const QString account =
        m_queue->currentAccount().isEmpty() ? m_case->accountId() : m_queue->currentAccount();
    if (account.isEmpty())
        return nullptr;
    if (m_case->accountId() != account)
        m_case->showAccount(account);
    if (m_decisionDialog)
        m_decisionDialog->close();
    DecisionDialog::Context ctx;
    ctx.store = m_store.get();
    ctx.policy = m_policy.get();
    ctx.clock = &SystemClock::instance();
    ctx.accountId = account;
    ctx.reviewer = reviewer();
    ctx.noticeLanguage = m_settings.language();
    auto* dlg = new DecisionDialog(ctx, act, this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    m_decisionDialog = dlg;
    connect(dlg, &QObject::destroyed, this, [this, dlg] {
        if (m_decisionDialog == dlg)
            m_decisionDialog = nullptr;
    });
    connect(dlg, &DecisionDialog::recorded, this, [this, account](const DecisionOutcome& out) {
        // The decision can change what the rules say (e.g. a warning in the account's history).
        try {
            rules::EvaluationService service(*m_store, *m_policy);
            const QDateTime asOf = service.defaultAsOf();
            if (asOf.isValid())
                service.evaluateAccount(account, asOf);
        } catch (const Error& e) {
            statusBar()->showMessage(e.toString(), 15000);
        }
        statusBar()->showMessage(
            out.pendingApproval
                ? tr("%1: terminate recorded by %2, waiting for a second reviewer's approval.")
                      .arg(account, out.decision.reviewer)
                : tr("%1: %2 recorded by %3; status now %4.")
                      .arg(account, Labels::action(out.decision.action), out.decision.reviewer,
                           Labels::status(out.status)),
            15000);
        refresh();
        Q_EMIT decisionRecorded();
    });
    dlg->open();
    return dlg;
}

ListDecisionDialog* MainWindow::openListDecisionDialog(const QString& listId, Action action)
{
    if (!m_store || m_job || m_case->accountId().isEmpty() || listId.isEmpty())
        return nullptr;
    if (m_listDecisionDialog)
        m_listDecisionDialog->close();
    ListDecisionDialog::Context ctx;
    ctx.store = m_store.get();
    ctx.policy = m_policy.get();
    ctx.clock = &SystemClock::instance();
    ctx.accountId = m_case->accountId();
    ctx.listId = listId;
    ctx.reviewer = reviewer();
    ctx.noticeLanguage = m_settings.language();
    auto* dlg = new ListDecisionDialog(ctx, action, this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    m_listDecisionDialog = dlg;
    connect(dlg, &QObject::destroyed, this, [this, dlg] {
        if (m_listDecisionDialog == dlg)
            m_listDecisionDialog = nullptr;
    });
    const QString account = ctx.accountId;
    connect(dlg, &ListDecisionDialog::recorded, this, [this, account](const DecisionOutcome& out) {
        statusBar()->showMessage(tr("%1: list %2: %3 recorded by %4.")
                                     .arg(account, out.decision.listId, Labels::action(out.decision.action),
                                          out.decision.reviewer),
                                 15000);
        refresh();
        Q_EMIT decisionRecorded();
    });
    dlg->open();
    return dlg;
}

DecisionDialog* MainWindow::openApprovalDialog()
{
    if (!m_store || m_job || !m_case->data() || !m_case->data()->pendingApproval)
        return nullptr;
    if (m_decisionDialog)
        m_decisionDialog->close();
    DecisionDialog::Context ctx;
    ctx.store = m_store.get();
    ctx.policy = m_policy.get();
    ctx.clock = &SystemClock::instance();
    ctx.accountId = m_case->accountId();
    ctx.reviewer = reviewer();
    ctx.noticeLanguage = m_settings.language();
    auto* dlg = new DecisionDialog(ctx, this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    m_decisionDialog = dlg;
    connect(dlg, &QObject::destroyed, this, [this, dlg] {
        if (m_decisionDialog == dlg)
            m_decisionDialog = nullptr;
    });
    const QString account = ctx.accountId;
    connect(dlg, &DecisionDialog::recorded, this, [this, account](const DecisionOutcome& out) {
        statusBar()->showMessage(tr("%1: termination approved by %2; status now %3.")
                                     .arg(account, out.decision.reviewer, Labels::status(out.status)),
                                 15000);
        refresh();
        Q_EMIT decisionRecorded();
    });
    dlg->open();
    return dlg;
}

SettingsDialog* MainWindow::openSettings()
{
    auto* dlg = new SettingsDialog(m_settings, this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    const QString oldStore = m_settings.effectiveStorePath();
    const QString oldPolicy = m_policy->id() + QLatin1Char('|') + m_settings.policyFile();
    const QString oldLanguage = m_settings.language();
    connect(dlg, &QDialog::accepted, this, [this, oldStore, oldPolicy, oldLanguage] {
        updateStatusBar();
        if (m_settings.effectiveStorePath() != oldStore &&
            (!m_store || m_store->path() != m_settings.effectiveStorePath()))
            openStore(m_settings.effectiveStorePath());
        loadPolicy();
        m_case->setPolicy(m_policy.get());
        updateStatusBar();
        if (m_policy->id() + QLatin1Char('|') + m_settings.policyFile() != oldPolicy && m_store &&
            m_store->accountCount() > 0)
            reevaluateAll(); // the queue's recommendations belong to the old policy
        if (m_settings.language() != oldLanguage)
            statusBar()->showMessage(tr("The new language applies the next time AbuseDesk starts."), 15000);
        if (!m_policyError.isEmpty())
            showError(tr("Policy"), m_policyError);
        m_case->reload();
    });
    dlg->open();
    return dlg;
}

void MainWindow::exportReport(bool redacted)
{
#ifdef ABUSEDESK_HAVE_REPORT
    if (!m_store || !m_case->data())
        return;
    const QString account = m_case->accountId();
    QStringList filters;
#ifdef ABUSEDESK_HAVE_RENDER
    filters << tr("PDF report (*.pdf)");
#endif
    filters << tr("HTML report (*.html)") << tr("JSON report (*.json)");
    auto* dlg = new QFileDialog(this, tr("Export report — %1").arg(account),
                                QFileInfo(m_settings.lastImportFolder()).absoluteFilePath(),
                                filters.join(QStringLiteral(";;")));
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->setAcceptMode(QFileDialog::AcceptSave);
    dlg->setFileMode(QFileDialog::AnyFile);
    dlg->selectFile(
        QStringLiteral("case-%1%2").arg(account, redacted ? QStringLiteral("-redacted") : QString()));
    connect(dlg, &QFileDialog::fileSelected, this, [this, dlg, account, redacted](QString path) {
        const QString filter = dlg->selectedNameFilter();
        report::Format format = report::Format::Html;
        if (filter.contains(QLatin1String("*.pdf")))
            format = report::Format::Pdf;
        else if (filter.contains(QLatin1String("*.json")))
            format = report::Format::Json;
        if (const auto bySuffix = report::formatFromString(QFileInfo(path).suffix().toLower()))
            format = *bySuffix;
        else
            path += QLatin1Char('.') + report::fileSuffix(format);
        report::Options options;
        options.accountId = account;
        options.language = m_settings.language();
        options.redact = redacted;
        options.exportedAt = SystemClock::instance().now();
        try {
            report::PdfRenderer pdf;
#ifdef ABUSEDESK_HAVE_RENDER
            pdf = [](const report::PdfRequest& r) { return render::renderPdf(r); };
#endif
            report::exportReport(*m_store, *m_policy, options, format, path, pdf);
            statusBar()->showMessage(tr("Report written to %1").arg(QDir::toNativeSeparators(path)), 15000);
        } catch (const Error& e) {
            showError(tr("Export report"), tr("The report was not written: %1").arg(e.toString()));
        }
    });
    dlg->open();
#else
    Q_UNUSED(redacted)
#endif
}

void MainWindow::showAbout()
{
    auto* box = new QMessageBox(this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("aboutBox"));
    box->setWindowTitle(tr("About AbuseDesk"));
    box->setIconPixmap(appIcon().pixmap(64, 64));
    box->setTextFormat(Qt::RichText);
    box->setText(tr("<h3>AbuseDesk %1</h3><p>Compliance review desk for e-mail marketing abuse.</p>"
                    "<p>Licence: GNU General Public License, version 3 or later (GPL-3.0-or-later). "
                    "This program comes with ABSOLUTELY NO WARRANTY.</p><p>Built with Qt %2.</p>")
                     .arg(paths::version(), QString::fromLatin1(qVersion())));
    box->open();
}

void MainWindow::closeEvent(QCloseEvent* e)
{
    if (m_job) {
        m_job->cancel();
        m_job->wait();
    }
    m_settings.setWindowGeometry(saveGeometry());
    m_settings.setWindowState(saveState());
    m_settings.setSplitterState(m_splitter->saveState());
    m_settings.setQueueHeaderState(m_queue->table()->horizontalHeader()->saveState());
    m_settings.sync();
    QMainWindow::closeEvent(e);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* e)
{
    const QList<QUrl> urls = e->mimeData()->urls();
    if (!m_job && urls.size() == 1 && urls.first().isLocalFile() && isBundlePath(urls.first().toLocalFile()))
        e->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* e)
{
    const QList<QUrl> urls = e->mimeData()->urls();
    if (urls.size() != 1 || !urls.first().isLocalFile())
        return;
    const QString path = urls.first().toLocalFile();
    if (!isBundlePath(path))
        return;
    e->acceptProposedAction();
    importBundle(path);
}

} // namespace ad::ui
