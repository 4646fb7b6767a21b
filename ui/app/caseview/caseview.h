// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The account case view: tabs Overview, Metrics, Messages, Permission evidence, Lists, Complaints, History.
// Everything is read through CaseStore's readers once per account (CaseData) and handed to the tabs;
// findings come from the store's evaluation cache.

#include "domain/types.h"
#include "rules/finding.h"
#include "store/casestore.h"

#include <QWidget>
#include <optional>

class QTabWidget;
class QLabel;

namespace ad::rules {
class Policy;
}

namespace ad::ui {

class OverviewTab;
class MetricsTab;
class MessagesTab;
class EvidenceTab;
class ListsTab;
class ComplaintsTab;
class HistoryTab;

struct CaseData
{
    Account account;
    AccountStatus status = AccountStatus::Active;
    QList<Campaign> campaigns;
    QList<MailingList> lists;
    QList<EvidenceRow> evidence;
    QList<Complaint> complaints;
    QList<HistoryEntry> history;
    QList<StoredMessage> messages; // without raw
    QList<Decision> decisions;
    std::optional<EvaluationRow> evaluation;
    QList<rules::Finding> findings;
    bool pendingApproval = false;

    static std::optional<CaseData> load(const CaseStore& store, const QString& accountId);
};

class CaseView : public QWidget
{
    Q_OBJECT
public:
    explicit CaseView(QWidget* parent = nullptr);

    void setStore(const CaseStore* store) { m_store = store; }
    void setPolicy(const rules::Policy* policy) { m_policy = policy; }
    // Loads (or reloads) an account; an empty id clears the view.
    void showAccount(const QString& accountId);
    void reload() { showAccount(m_accountId); }
    QString accountId() const { return m_accountId; }
    const std::optional<CaseData>& data() const { return m_data; }

    QTabWidget* tabs() const { return m_tabs; }
    OverviewTab* overview() const { return m_overview; }
    MetricsTab* metrics() const { return m_metrics; }
    MessagesTab* messages() const { return m_messages; }
    EvidenceTab* evidence() const { return m_evidence; }
    ListsTab* lists() const { return m_lists; }
    ComplaintsTab* complaints() const { return m_complaints; }
    HistoryTab* history() const { return m_history; }

Q_SIGNALS:
    void accountLinkActivated(const QString& accountId);
    // From the Lists tab: record approve_list / reject_list on a list of the shown account.
    void listDecisionRequested(const QString& listId, ad::Action action);

private:
    const CaseStore* m_store = nullptr;
    const rules::Policy* m_policy = nullptr;
    QString m_accountId;
    std::optional<CaseData> m_data;
    QLabel* m_title;
    QTabWidget* m_tabs;
    OverviewTab* m_overview;
    MetricsTab* m_metrics;
    MessagesTab* m_messages;
    EvidenceTab* m_evidence;
    ListsTab* m_lists;
    ComplaintsTab* m_complaints;
    HistoryTab* m_history;
};

} // namespace ad::ui
