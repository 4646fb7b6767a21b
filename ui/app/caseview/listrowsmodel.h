// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The rows of one imported list file (lists/<account>/<list>.csv) that have any of the problems in a
// mask, read lazily through CaseStore::listRowCount / listRows: the view asks for more with
// canFetchMore()/fetchMore() as it scrolls, one page at a time, so a list of millions of rows never
// sits in memory. problemMask 0 means every row of the file.
//
// Each row shows its line in the file, the address as uploaded, its problems and why (the address
// check's reason for an invalid row, the folded key a duplicate repeats, the role local part, the
// disposable domain, the mailbox domain a typo domain resembles when the screening named it).

#include "store/casestore.h"

#include <QAbstractTableModel>
#include <QHash>

namespace ad::ui {

class ListRowsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        LineColumn,
        AddressColumn,
        ProblemsColumn,
        ReasonColumn,
        OtherColumnsColumn,
        ColumnCount
    };
    // Qt::UserRole on any column: the row's lists::Problem bits.
    static constexpr int ProblemsRole = Qt::UserRole;

    explicit ListRowsModel(QObject* parent = nullptr);

    // Shows the rows of `listId` of `accountId` having any problem of `problemMask` (0 = every row).
    // `store` may be null (empty model). Only the count is read here; rows come with fetchMore().
    void setList(const CaseStore* store, const QString& accountId, const QString& listId, int problemMask);
    void setProblemMask(int problemMask);
    void clear();
    // Domain -> mailbox domain it likely misspells, from the screening details (for the reason text).
    void setTypoSuggestions(const QHash<QString, QString>& domainToSuggestion);

    int problemMask() const { return m_mask; }
    QString listId() const { return m_listId; }
    // Rows matching the mask in the whole file (not only those fetched so far).
    qint64 totalCount() const { return m_total; }
    int pageSize() const { return m_pageSize; }
    void setPageSize(int rows) { m_pageSize = std::max(1, rows); }
    const ListRow& rowAt(int row) const { return m_rows.at(row); }

    // "invalid, duplicate" for a problem bit set (translated).
    static QString problemNames(int problems);
    // Why the row has its problems, one clause per problem, "; "-separated (translated).
    QString reason(const ListRow& row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

private:
    void reset();

    const CaseStore* m_store = nullptr;
    QString m_accountId;
    QString m_listId;
    int m_mask = 0;
    qint64 m_total = 0;
    int m_pageSize = 200;
    bool m_fetching = false;
    QList<ListRow> m_rows;
    QHash<QString, QString> m_typoOf;
};

} // namespace ad::ui
