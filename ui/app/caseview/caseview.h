// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The account case view: tabs Overview, Metrics, Messages, Permission evidence, Lists, Complaints, History.
// Switching accounts reads only what the title, the Overview tab and the decision actions need (the
// account, its status, decisions, cached evaluation and findings, and row counts: CaseData::load with no
// parts). Every other tab is loaded lazily: when it is first shown for the account, the CaseData parts it
// needs are read through CaseStore and handed to it; a hidden tab never costs anything on a switch (no
// chart rebuilt, no message parsed or rendered). Findings come from the store's evaluation cache.

#include "domain/types.h"
#include "rules/finding.h"
#include "store/casestore.h"

#include <QHash>
#include <QWidget>
#include <functional>
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
    // Always loaded.
    Account account;
    AccountStatus status = AccountStatus::Active;
    QList<Decision> decisions;
    std::optional<EvaluationRow> evaluation;
    QList<rules::Finding> findings;
    bool pendingApproval = false;
    CaseCounts counts; // rows of every part, loaded or not

    // Loaded on demand (see the parts below); empty until their part is loaded.
    QList<Campaign> campaigns;
    QList<MailingList> lists;
    QList<EvidenceRow> evidence;
    QList<Complaint> complaints;
    QList<HistoryEntry> history;
    QList<StoredMessage> messages; // without raw

    // The parts, as bits of an unsigned mask. (Constants rather than `enum Part : unsigned`: lupdate's C++
    // parser does not understand an enum base and then files every CaseView string under the wrong context.)
    static constexpr unsigned NoParts = 0;
    static constexpr unsigned Campaigns = 1u << 0;
    static constexpr unsigned Lists = 1u << 1;
    static constexpr unsigned Evidence = 1u << 2;
    static constexpr unsigned Complaints = 1u << 3;
    static constexpr unsigned History = 1u << 4;
    static constexpr unsigned Messages = 1u << 5;
    static constexpr unsigned AllParts = (1u << 6) - 1;
    unsigned loadedParts = NoParts;
    bool has(unsigned parts) const { return (loadedParts & parts) == parts; }

    static std::optional<CaseData> load(const CaseStore& store, const QString& accountId,
                                        unsigned parts = AllParts);
    // Reads the parts not loaded yet.
    void loadParts(const CaseStore& store, unsigned parts);
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
    // The shown account's data: the always-loaded part, plus the parts of the tabs shown so far.
    const std::optional<CaseData>& data() const { return m_data; }
    // Whether a tab holds the shown account's data (the Overview always does; the others once shown).
    bool isTabLoaded(QWidget* tab) const;
    // Loads a tab for the shown account now, even when hidden (exports, tests).
    void ensureTabLoaded(QWidget* tab);

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
    struct LazyTab
    {
        unsigned parts;                            // CaseData parts the tab reads
        std::function<void(const CaseData&)> load; // fills the tab
        std::function<void()> clear;               // empties it
        bool loaded = false;                       // holds the shown account's data
        bool stale = false;                        // holds another account's data
    };
    // Adds a tab that is loaded when first shown for an account.
    void addLazyTab(QWidget* tab, const QString& title, unsigned parts,
                    std::function<void(const CaseData&)> load, std::function<void()> clear);
    void updateTabTitles();

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
    QHash<QWidget*, LazyTab> m_lazy;
};

} // namespace ad::ui
