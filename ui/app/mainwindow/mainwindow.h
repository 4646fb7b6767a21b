// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The reviewer's main window: the queue (left) and the case of the selected account (right), menus,
// toolbar and a status bar with the store, account count, as-of time, policy and reviewer.
//
// Dialogs are opened with open(), never exec(): the functions that open them return the dialog so tests
// (and scripts) can drive it and accept() it.

#include "domain/types.h"
#include "rules/policy.h"

#include <QMainWindow>
#include <memory>
#include <optional>

class QAction;
class QFileDialog;
class QLabel;
class QSplitter;
class QTimer;

namespace ad {
class CaseStore;
class Clock;
} // namespace ad

namespace ad::ui {

class Settings;
class QueueModel;
class QueueView;
class CaseView;
class BackgroundJob;
class ImportDialog;
class DecisionDialog;
class ListDecisionDialog;
class SettingsDialog;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // `storePath` empty: the store from the settings (or the default one).
    explicit MainWindow(Settings& settings, const QString& storePath = {}, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens (creating if needed) a case store; on failure keeps the current one and shows why.
    bool openStore(const QString& path);
    QString storeError() const { return m_storeError; }
    // Starts importing a bundle (folder or .zip) on a worker thread, then evaluates every account.
    BackgroundJob* importBundle(const QString& path);
    // File → Import bundle folder… / Import bundle .zip…: the file dialog (opened, not exec'd) whose
    // selection starts importBundle(); nullptr while a job runs or without a store.
    QFileDialog* chooseBundleFolder();
    QFileDialog* chooseBundleZip();
    BackgroundJob* reevaluateAll();
    BackgroundJob* currentJob() const { return m_job; }
    ImportDialog* importDialog() const { return m_importDialog; }

    // The decision dialog for the current account (preselected action; nullopt = the recommendation).
    DecisionDialog* openDecisionDialog(std::optional<Action> action = std::nullopt);
    DecisionDialog* openApprovalDialog();
    DecisionDialog* decisionDialog() const { return m_decisionDialog; }
    // The approve_list / reject_list dialog for a list of the shown account (the Lists tab's buttons).
    ListDecisionDialog* openListDecisionDialog(const QString& listId, Action action);
    ListDecisionDialog* listDecisionDialog() const { return m_listDecisionDialog; }
    SettingsDialog* openSettings();

    // Shows an account in the case view and selects it in the queue when it is in the filtered queue.
    void showAccount(const QString& accountId);
    void refresh();

    CaseStore* store() const { return m_store.get(); }
    const rules::Policy& policy() const { return *m_policy; }
    QueueModel* queueModel() const { return m_model; }
    QueueView* queueView() const { return m_queue; }
    CaseView* caseView() const { return m_case; }
    QString reviewer() const;
    QLabel* statusReviewer() const { return m_stReviewer; }
    QAction* action(const QString& objectName) const;

Q_SIGNALS:
    void jobFinished();
    void decisionRecorded();
    void storeOpened();

protected:
    void closeEvent(QCloseEvent* e) override;
    void dragEnterEvent(QDragEnterEvent* e) override;
    void dropEvent(QDropEvent* e) override;

private:
    void buildActions();
    void buildMenus();
    void updateStatusBar();
    void updateActions();
    void chooseStore();
    void exportReport(bool redacted);
    void showAbout();
    void startJob(BackgroundJob* job);
    void onJobFinished();
    void onCurrentAccountChanged(const QString& accountId);
    void loadPolicy();
    void showError(const QString& title, const QString& text);

    Settings& m_settings;
    std::unique_ptr<CaseStore> m_store;
    std::unique_ptr<rules::Policy> m_policy;
    QString m_policyError;
    QString m_storeError;
    QueueModel* m_model;
    QueueView* m_queue;
    CaseView* m_case;
    QSplitter* m_splitter;
    QTimer* m_loadTimer;
    QString m_pendingAccount;
    BackgroundJob* m_job = nullptr;
    ImportDialog* m_importDialog = nullptr;
    DecisionDialog* m_decisionDialog = nullptr;
    ListDecisionDialog* m_listDecisionDialog = nullptr;
    QLabel *m_stStore, *m_stAccounts, *m_stAsOf, *m_stPolicy, *m_stReviewer;
    QList<QAction*> m_caseActions;
    QAction* m_approveAction = nullptr;
    QAction* m_importAction = nullptr;
    QAction* m_importZipAction = nullptr;
    QAction* m_reevaluateAction = nullptr;
};

} // namespace ad::ui
