// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Lists: the account's imported mailing lists (source, size, import date, the reviewer's current list
// decision) and, for the chosen list, the screening of the uploaded file (lists/<account>/<list>.csv):
// total, invalid, duplicate, role, disposable and typo counts with their shares, each against the active
// policy's rule for it (list-invalid-addresses, list-disposable-domains: share limit; role-address,
// list-typo-domains: any row fires; duplicates: no rule), a chart of the top domains by share, and the
// offending rows (paged through ListRowsModel) filtered by problem kind. "Approve list…" / "Reject
// list…" ask the main window to record an approve_list / reject_list decision (listDecisionRequested).
//
// The screening itself is core's (core/lists); nothing is recomputed here except per-row reasons.

#include "domain/types.h"

#include <QWidget>
#include <optional>

class QCheckBox;
class QLabel;
class QPushButton;
class QScrollArea;
class QTableView;
class QTableWidget;

namespace ad {
class CaseStore;
namespace rules {
class Policy;
}
} // namespace ad

class QChartView;
class QHorizontalBarSeries;

namespace ad::ui {

struct CaseData;
class ListRowsModel;

class ListsTab : public QWidget
{
    Q_OBJECT
public:
    // Rows of the summary table, in order.
    enum SummaryRow
    {
        TotalRow,
        InvalidRow,
        DuplicateRow,
        RoleRow,
        DisposableRow,
        TypoRow,
        SummaryRowCount
    };
    enum SummaryColumn
    {
        CountColumn,
        ShareColumn,
        LimitColumn,
        ResultColumn,
        SummaryColumnCount
    };

    explicit ListsTab(QWidget* parent = nullptr);
    void load(const CaseData& data, const CaseStore* store, const rules::Policy* policy);
    void clear();

    // Selects a list by id (false when the account has no such list).
    bool selectList(const QString& listId);
    QString currentListId() const;
    // The last approve_list / reject_list decision on a list of the loaded account.
    std::optional<Decision> listDecision(const QString& listId) const;

    QTableWidget* listTable() const { return m_lists; }
    QTableWidget* summaryTable() const { return m_summary; }
    QChartView* domainChart() const { return m_chart; }
    QLabel* domainChartTitle() const { return m_chartTitle; }
    QHorizontalBarSeries* domainSeries() const { return m_series; }
    QTableView* rowsView() const { return m_rowsView; }
    ListRowsModel* rowsModel() const { return m_rowsModel; }
    // Problem filter checkbox for a lists::Problem bit.
    QCheckBox* problemFilter(int problemBit) const;
    QLabel* rowCountLabel() const { return m_rowCount; }
    QLabel* decisionLabel() const { return m_decision; }
    QPushButton* approveButton() const { return m_approve; }
    QPushButton* rejectButton() const { return m_reject; }

Q_SIGNALS:
    // The reviewer asked to approve (Action::ApproveList) or reject (Action::RejectList) a list.
    void listDecisionRequested(const QString& listId, ad::Action action);

private:
    void showList(int index);
    void showSummary(const MailingList& list);
    void showChart(const MailingList& list);
    void showDecision(const QString& listId);
    void applyFilter();
    void updateRowCount();

    const CaseStore* m_store = nullptr;
    const rules::Policy* m_policy = nullptr;
    QString m_accountId;
    QList<MailingList> m_listData;
    QList<Decision> m_decisions;

    QTableWidget* m_lists;
    QLabel* m_title;
    QTableWidget* m_summary;
    QLabel* m_summaryNote;
    QScrollArea* m_leftScroll;
    QChartView* m_chart;
    QLabel* m_chartTitle;
    QHorizontalBarSeries* m_series = nullptr;
    QLabel* m_decision;
    QPushButton* m_approve;
    QPushButton* m_reject;
    QList<QCheckBox*> m_filters;
    QLabel* m_rowCount;
    QTableView* m_rowsView;
    ListRowsModel* m_rowsModel;
};

} // namespace ad::ui
