// SPDX-License-Identifier: GPL-3.0-or-later
#include "caseview/listrowsmodel.h"

#include "common/labels.h"
#include "common/severitystyle.h"
#include "lists/address.h"
#include "lists/screener.h"

#include <QApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPalette>

namespace ad::ui {

namespace {
// The reasons lists::checkAddress gives for an invalid address (core/lists/address.cpp), listed here so
// that lupdate keeps their translations; looked up with tr() at display time.
[[maybe_unused]] const char* const kAddressReasons[] = {
    QT_TRANSLATE_NOOP("ad::ui::ListRowsModel", "empty"),
    QT_TRANSLATE_NOOP("ad::ui::ListRowsModel", "address longer than 254 characters"),
    QT_TRANSLATE_NOOP("ad::ui::ListRowsModel",
                      "non-ASCII characters (internationalised addresses are not accepted)"),
    QT_TRANSLATE_NOOP("ad::ui::ListRowsModel", "bad quoted pair in local part"),
    QT_TRANSLATE_NOOP("ad::ui::ListRowsModel", "control character in local part"),
    QT_TRANSLATE_NOOP("ad::ui::ListRowsModel", "unterminated quoted local part"),
    QT_TRANSLATE_NOOP("ad::ui::ListRowsModel", "text after quoted local part"),
    QT_TRANSLATE_NOOP("ad::ui::ListRowsModel", "empty local part"),
    QT_TRANSLATE_NOOP("ad::ui::ListRowsModel", "missing @"),
    QT_TRANSLATE_NOOP("ad::ui::ListRowsModel", "more than one @"),
    QT_TRANSLATE_NOOP("ad::ui::ListRowsModel", "space in address"),
    QT_TRANSLATE_NOOP("ad::ui::ListRowsModel", "local part starts or ends with a dot"),
    QT_TRANSLATE_NOOP("ad::ui::ListRowsModel", "consecutive dots in local part"),
    QT_TRANSLATE_NOOP("ad::ui::ListRowsModel", "invalid character in local part"),
    QT_TRANSLATE_NOOP("ad::ui::ListRowsModel", "local part longer than 64 characters"),
    QT_TRANSLATE_NOOP("ad::ui::ListRowsModel", "empty domain"),
    QT_TRANSLATE_NOOP("ad::ui::ListRowsModel", "IP-address literal domains are not accepted"),
    QT_TRANSLATE_NOOP("ad::ui::ListRowsModel", "domain longer than 253 characters"),
    QT_TRANSLATE_NOOP("ad::ui::ListRowsModel", "domain ends with a dot"),
    QT_TRANSLATE_NOOP("ad::ui::ListRowsModel", "empty label in domain"),
    QT_TRANSLATE_NOOP("ad::ui::ListRowsModel", "domain label longer than 63 characters"),
    QT_TRANSLATE_NOOP("ad::ui::ListRowsModel", "invalid character in domain"),
    QT_TRANSLATE_NOOP("ad::ui::ListRowsModel", "domain label starts or ends with a hyphen"),
    QT_TRANSLATE_NOOP("ad::ui::ListRowsModel", "domain has no dot"),
    QT_TRANSLATE_NOOP("ad::ui::ListRowsModel", "top-level domain is numeric"),
};

QString fromView(std::string_view v)
{
    return QString::fromLatin1(v.data(), qsizetype(v.size()));
}
} // namespace

ListRowsModel::ListRowsModel(QObject* parent) : QAbstractTableModel(parent) {}

void ListRowsModel::setList(const CaseStore* store, const QString& accountId, const QString& listId,
                            int problemMask)
{
    m_store = store;
    m_accountId = accountId;
    m_listId = listId;
    m_mask = problemMask;
    reset();
}

void ListRowsModel::setProblemMask(int problemMask)
{
    if (problemMask == m_mask)
        return;
    m_mask = problemMask;
    reset();
}

void ListRowsModel::clear()
{
    setList(nullptr, {}, {}, m_mask);
}

void ListRowsModel::setTypoSuggestions(const QHash<QString, QString>& domainToSuggestion)
{
    m_typoOf = domainToSuggestion;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, ReasonColumn), index(int(m_rows.size()) - 1, ReasonColumn));
}

void ListRowsModel::reset()
{
    beginResetModel();
    m_rows.clear();
    m_total = 0;
    if (m_store && !m_accountId.isEmpty() && !m_listId.isEmpty())
        m_total = m_store->listRowCount(m_accountId, m_listId, m_mask);
    // Receivers of modelReset (views, QAbstractItemModelTester) may call fetchMore() from inside it; rows
    // are inserted only once the reset is over (the view asks again when it lays out).
    m_fetching = true;
    endResetModel();
    m_fetching = false;
}

int ListRowsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ListRowsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool ListRowsModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_store && m_rows.size() < m_total;
}

void ListRowsModel::fetchMore(const QModelIndex& parent)
{
    // Views and QAbstractItemModelTester may ask again from inside the insertion's signals: one page at
    // a time.
    if (m_fetching || !canFetchMore(parent))
        return;
    m_fetching = true;
    const qint64 want = std::min<qint64>(m_pageSize, m_total - m_rows.size());
    const QList<ListRow> page = m_store->listRows(m_accountId, m_listId, m_mask, m_rows.size(), want);
    if (page.isEmpty()) {
        // The store holds fewer rows than it counted (re-imported meanwhile): stop asking.
        m_total = m_rows.size();
        m_fetching = false;
        return;
    }
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(page.size()) - 1);
    m_rows.append(page);
    endInsertRows();
    if (page.size() < want)
        m_total = m_rows.size();
    m_fetching = false;
}

QString ListRowsModel::problemNames(int problems)
{
    QStringList names;
    if (problems & lists::Invalid)
        names << tr("invalid");
    if (problems & lists::Duplicate)
        names << tr("duplicate");
    if (problems & lists::Role)
        names << tr("role");
    if (problems & lists::Disposable)
        names << tr("disposable");
    if (problems & lists::Typo)
        names << tr("typo");
    return names.join(QStringLiteral(", "));
}

QString ListRowsModel::reason(const ListRow& row) const
{
    if (row.problems == 0)
        return {};
    char buf[lists::kAddressBuffer];
    const lists::AddressCheck a = lists::checkAddress(row.email, buf);
    QStringList out;
    if (row.problems & lists::Invalid) {
        const QString why = a.reason ? tr(a.reason) : tr("not a valid address");
        out << tr("not a valid address: %1").arg(why);
    }
    if (a.valid) {
        if (row.problems & lists::Duplicate) {
            char key[lists::kAddressBuffer];
            const std::size_t n = lists::foldAddress(a, key);
            out << tr("repeats an earlier row (%1)").arg(fromView(std::string_view(key, n)));
        }
        if (row.problems & lists::Role)
            out << tr("role address (%1@), not a person").arg(fromView(lists::roleKey(a)));
        if (row.problems & lists::Disposable)
            out << tr("disposable-mail domain %1").arg(fromView(a.domain));
        if (row.problems & lists::Typo) {
            const QString domain = fromView(a.domain);
            const QString target = m_typoOf.value(domain);
            out << (target.isEmpty() ? tr("%1 looks like a misspelled mailbox domain").arg(domain)
                                     : tr("%1 looks like a misspelling of %2").arg(domain, target));
        }
    }
    return out.join(QStringLiteral("; "));
}

QVariant ListRowsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.parent().isValid() || index.row() >= m_rows.size() ||
        index.column() >= ColumnCount)
        return {};
    const ListRow& r = m_rows.at(index.row());
    if (role == ProblemsRole)
        return r.problems;
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case LineColumn:
            return role == Qt::DisplayRole ? QVariant(r.line)
                                           : QVariant(tr("Line %1 of the file").arg(r.line));
        case AddressColumn:
            return r.email;
        case ProblemsColumn:
            return problemNames(r.problems);
        case ReasonColumn:
            return reason(r);
        case OtherColumnsColumn: {
            const QJsonObject o = QJsonDocument::fromJson(r.rawJson.toUtf8()).object();
            QStringList parts;
            for (auto it = o.begin(); it != o.end(); ++it) {
                const QString v = it.value().toString();
                if (!v.isEmpty())
                    parts << it.key() + QStringLiteral(": ") + v;
            }
            return parts.join(QStringLiteral(" · "));
        }
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() == LineColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::BackgroundRole && (r.problems & lists::Invalid) && index.column() == AddressColumn)
        return problemBackground(QApplication::palette());
    return {};
}

QVariant ListRowsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case LineColumn:
        return tr("Line");
    case AddressColumn:
        return tr("Address as uploaded");
    case ProblemsColumn:
        return tr("Problems");
    case ReasonColumn:
        return tr("Why");
    case OtherColumnsColumn:
        return tr("Other columns");
    }
    return {};
}

} // namespace ad::ui
