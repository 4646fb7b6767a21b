// SPDX-License-Identifier: GPL-3.0-or-later
#include "queue/queuemodel.h"

#include "common/labels.h"
#include "common/severitystyle.h"

#include <QApplication>
#include <QFont>
#include <QPalette>

namespace ad::ui {

QueueModel::QueueModel(QObject* parent) : QAbstractTableModel(parent) {}

void QueueModel::setStore(const CaseStore* store)
{
    m_store = store;
    refresh();
}

void QueueModel::setFilter(const QueueFilter& filter)
{
    m_filter = filter;
    refresh();
}

void QueueModel::refresh()
{
    beginResetModel();
    m_pages.clear();
    m_lru.clear();
    m_count = m_store ? m_store->queueCount(m_filter) : 0;
    endResetModel();
}

int QueueModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid())
        return 0;
    return int(std::min<qint64>(m_count, std::numeric_limits<int>::max()));
}

int QueueModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QueueColumn QueueModel::storeColumn(int column)
{
    switch (column) {
    case Account:
        return QueueColumn::AccountId;
    case Name:
        return QueueColumn::Name;
    case Status:
        return QueueColumn::Status;
    case Recommended:
        return QueueColumn::Recommended;
    case WorstFinding:
        return QueueColumn::WorstFinding;
    case ComplaintRate:
        return QueueColumn::ComplaintRate;
    case BounceRate:
        return QueueColumn::BounceRate;
    case UnsubscribeRate:
        return QueueColumn::UnsubscribeRate;
    case OpenRate:
        return QueueColumn::OpenRate;
    case Complaints:
        return QueueColumn::Complaints;
    case Flagged:
        return QueueColumn::FlaggedAt;
    case Assignee:
        return QueueColumn::Assignee;
    default:
        return QueueColumn::AccountId;
    }
}

const QueueRow* QueueModel::rowAt(int row) const
{
    if (!m_store || row < 0 || row >= m_count)
        return nullptr;
    const int page = row / kPageSize;
    auto it = m_pages.find(page);
    if (it == m_pages.end()) {
        QList<QueueRow> rows =
            m_store->queuePage(m_filter, storeColumn(m_sortColumn), m_order == Qt::AscendingOrder,
                               qint64(page) * kPageSize, kPageSize);
        ++m_fetches;
        it = m_pages.insert(page, std::move(rows));
        m_lru.append(page);
        while (m_lru.size() > kMaxPages) {
            const int old = m_lru.takeFirst();
            m_pages.remove(old);
        }
        it = m_pages.find(page);
    } else if (m_lru.last() != page) {
        m_lru.removeOne(page);
        m_lru.append(page);
    }
    const int inPage = row % kPageSize;
    if (inPage >= it->size())
        return nullptr;
    return &it->at(inPage);
}

QString QueueModel::accountAt(int row) const
{
    const QueueRow* r = rowAt(row);
    return r ? r->accountId : QString();
}

int QueueModel::rowOfAccount(const QString& accountId) const
{
    if (!m_store || accountId.isEmpty())
        return -1;
    // The cached pages first (the neighbours of the current row), then one counting query in the store.
    for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it)
        for (int i = 0; i < it->size(); ++i)
            if (it->at(i).accountId == accountId)
                return it.key() * kPageSize + i;
    const qint64 row =
        m_store->queueRowOf(m_filter, storeColumn(m_sortColumn), m_order == Qt::AscendingOrder, accountId);
    return row < 0 || row >= m_count ? -1 : int(row);
}

QVariant QueueModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const QueueRow* r = rowAt(index.row());
    if (!r)
        return {};
    const int col = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (col) {
        case Account:
            return r->accountId;
        case Name:
            return r->name;
        case Status:
            if (r->pendingApproval)
                return tr("%1 · terminate pending").arg(Labels::status(r->status));
            return Labels::status(r->status);
        case Recommended:
            return r->recommended ? Labels::action(*r->recommended) : tr("not evaluated");
        case WorstFinding:
            return r->worstRule.isEmpty() ? QStringLiteral("—") : r->worstRule;
        case ComplaintRate:
            return Labels::percent(r->complaintRate);
        case BounceRate:
            return Labels::percent(r->bounceRate);
        case UnsubscribeRate:
            return Labels::percent(r->unsubscribeRate);
        case OpenRate:
            return Labels::percent(r->openRate);
        case Complaints:
            return Labels::number(r->complaintCount);
        case Flagged:
            return Labels::date(r->flaggedAt);
        case Assignee:
            return r->assignee;
        }
        break;
    case Qt::ToolTipRole:
        if (col == Status && r->pendingApproval)
            return tr("A terminate decision is waiting for a second reviewer's approval.");
        if (col == WorstFinding && r->worstSeverity)
            return tr("Most severe finding (%1)").arg(Labels::severity(*r->worstSeverity));
        break;
    case Qt::TextAlignmentRole:
        if (col >= ComplaintRate && col <= Complaints)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::BackgroundRole:
        if ((col == Recommended || col == WorstFinding) && r->worstSeverity && r->recommended &&
            *r->recommended != Action::None)
            return severityBackground(*r->worstSeverity, QApplication::palette());
        break;
    case Qt::FontRole:
        if (col == Status && r->pendingApproval) {
            QFont f;
            f.setBold(true);
            return f;
        }
        break;
    case AccountIdRole:
        return r->accountId;
    case PendingApprovalRole:
        return r->pendingApproval;
    case RecommendedRole:
        return r->recommended ? toString(*r->recommended) : QString();
    case SeverityRole:
        return r->worstSeverity ? toString(*r->worstSeverity) : QString();
    default:
        break;
    }
    return {};
}

QVariant QueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (section) {
    case Account:
        return tr("Account");
    case Name:
        return tr("Name");
    case Status:
        return tr("Status");
    case Recommended:
        return tr("Recommended");
    case WorstFinding:
        return tr("Worst finding");
    case ComplaintRate:
        return role == Qt::ToolTipRole ? tr("Spam complaints / delivered, campaigns with enough volume")
                                       : tr("Complaint %");
    case BounceRate:
        return role == Qt::ToolTipRole ? tr("Bounces / sent, campaigns with enough volume") : tr("Bounce %");
    case UnsubscribeRate:
        return role == Qt::ToolTipRole ? tr("Unsubscribes / delivered, campaigns with enough volume")
                                       : tr("Unsubscribe %");
    case OpenRate:
        return role == Qt::ToolTipRole ? tr("Unique opens / delivered, campaigns with enough volume")
                                       : tr("Open %");
    case Complaints:
        return tr("Complaints");
    case Flagged:
        return tr("Flagged");
    case Assignee:
        return tr("Assignee");
    }
    return {};
}

void QueueModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    if (column == m_sortColumn && order == m_order)
        return;
    m_sortColumn = column;
    m_order = order;
    refresh();
}

} // namespace ad::ui
