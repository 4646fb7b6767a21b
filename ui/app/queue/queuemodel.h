// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The review queue as a table model over the case store. It never holds the whole queue: rowCount()
// is CaseStore::queueCount(filter) and rows are fetched on demand in pages of kPageSize through
// CaseStore::queuePage(), keeping at most kMaxPages pages (least recently used dropped). Sorting and
// filtering are done by the store (SQL), so 100,000 accounts stay instant.

#include "store/casestore.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace ad::ui {

class QueueModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Account,
        Name,
        Status,
        Recommended,
        WorstFinding,
        ComplaintRate,
        BounceRate,
        UnsubscribeRate,
        OpenRate,
        Complaints,
        Flagged,
        Assignee,
        ColumnCount
    };
    enum Role
    {
        AccountIdRole = Qt::UserRole + 1,
        PendingApprovalRole,
        RecommendedRole,
        SeverityRole
    };
    static constexpr int kPageSize = 200;
    static constexpr int kMaxPages = 16;

    explicit QueueModel(QObject* parent = nullptr);

    // The store is not owned; nullptr empties the model.
    void setStore(const CaseStore* store);
    void setFilter(const QueueFilter& filter);
    const QueueFilter& filter() const { return m_filter; }
    // Re-reads the count and drops cached pages (after an import, an evaluation or a decision).
    void refresh();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    QString accountAt(int row) const;
    // Row of an account in the current order, -1 if not in the filtered queue: from the cached pages, else
    // CaseStore::queueRowOf (one counting query; no page is fetched).
    int rowOfAccount(const QString& accountId) const;
    // Pages fetched from the store since construction (for tests and the benchmark).
    int pagesFetched() const { return m_fetches; }
    int cachedPages() const { return int(m_pages.size()); }

    static QueueColumn storeColumn(int column);

private:
    const QueueRow* rowAt(int row) const;

    const CaseStore* m_store = nullptr;
    QueueFilter m_filter;
    int m_sortColumn = Account;
    Qt::SortOrder m_order = Qt::AscendingOrder;
    qint64 m_count = 0;
    mutable QHash<int, QList<QueueRow>> m_pages;
    mutable QList<int> m_lru; // most recent last
    mutable int m_fetches = 0;
};

} // namespace ad::ui
