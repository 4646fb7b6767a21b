// SPDX-License-Identifier: GPL-3.0-or-later
#include "queue/queueview.h"

#include "common/findings.h"
#include "common/labels.h"
#include "queue/queuemodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>
#include <QVBoxLayout>

namespace ad::ui {

void QueueTable::keyPressEvent(QKeyEvent* event)
{
    const Qt::KeyboardModifiers mods = event->modifiers() & ~Qt::KeypadModifier;
    if (mods == Qt::NoModifier || mods == Qt::ShiftModifier) {
        const int row = currentIndex().isValid() ? currentIndex().row() : -1;
        auto moveTo = [&](int r) {
            if (!model() || model()->rowCount() == 0)
                return;
            r = std::clamp(r, 0, model()->rowCount() - 1);
            const QModelIndex idx = model()->index(r, std::max(0, currentIndex().column()));
            setCurrentIndex(idx);
            scrollTo(idx);
        };
        switch (event->key()) {
        case Qt::Key_J:
            moveTo(row + 1);
            return;
        case Qt::Key_K:
            moveTo(row - 1);
            return;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (currentIndex().isValid())
                Q_EMIT openRequested(currentIndex().data(QueueModel::AccountIdRole).toString());
            return;
        default:
            break;
        }
        if (mods == Qt::NoModifier && currentIndex().isValid()) {
            std::optional<Action> action;
            switch (event->key()) {
            case Qt::Key_W:
                action = Action::Warn;
                break;
            case Qt::Key_S:
                action = Action::Suspend;
                break;
            case Qt::Key_T:
                action = Action::Terminate;
                break;
            case Qt::Key_R:
                action = Action::Reinstate;
                break;
            case Qt::Key_D:
                action = Action::Dismiss;
                break;
            case Qt::Key_P:
                action = Action::RequestProof;
                break;
            default:
                break;
            }
            if (action) {
                Q_EMIT decisionRequested(*action);
                return;
            }
        }
    }
    QTableView::keyPressEvent(event);
}

QueueView::QueueView(QueueModel* model, QWidget* parent) : QWidget(parent), m_model(model)
{
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("queueSearch"));
    m_search->setPlaceholderText(tr("Search accounts, e-mails, messages…"));
    m_search->setAccessibleName(tr("Search the queue"));
    m_search->setClearButtonEnabled(true);

    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_status->setAccessibleName(tr("Status filter"));
    m_status->addItem(tr("Any status"), QString());
    for (AccountStatus s :
         {AccountStatus::Active, AccountStatus::Warned, AccountStatus::Suspended, AccountStatus::Terminated})
        m_status->addItem(Labels::status(s), toString(s));

    m_recommended = new QComboBox(this);
    m_recommended->setObjectName(QStringLiteral("recommendedFilter"));
    m_recommended->setAccessibleName(tr("Recommended action filter"));
    m_recommended->addItem(tr("Any recommendation"), QString());
    for (Action a : {Action::None, Action::Warn, Action::Suspend, Action::Terminate})
        m_recommended->addItem(Labels::action(a), toString(a));

    m_rule = new QComboBox(this);
    m_rule->setObjectName(QStringLiteral("ruleFilter"));
    m_rule->setAccessibleName(tr("Rule filter"));
    m_rule->addItem(tr("Any rule"), QString());
    for (const QString& id : ruleCatalogue())
        m_rule->addItem(id, id);

    m_pending = new QCheckBox(tr("Pending approval"), this);
    m_pending->setObjectName(QStringLiteral("pendingFilter"));
    m_pending->setToolTip(tr("Only accounts with a terminate decision waiting for a second reviewer"));

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("queueCount"));

    m_table = new QueueTable(this);
    m_table->setObjectName(QStringLiteral("queueTable"));
    m_table->setAccessibleName(tr("Review queue"));
    m_table->setModel(model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(QueueModel::Account, Qt::AscendingOrder);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionsMovable(true);
    // Account, name, status, recommendation and worst finding fit the default queue pane (560 px); the
    // rates, counts, dates and assignee follow to the right.
    const QList<int> widths{80, 145, 75, 105, 150, 90, 80, 100, 70, 85, 90, 90};
    for (int c = 0; c < widths.size(); ++c)
        m_table->setColumnWidth(c, widths[c]);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_debounce, &QTimer::timeout, this, &QueueView::applyFilter);
    connect(m_search, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        applyFilter();
        m_table->setFocus();
    });
    for (QComboBox* c : {m_status, m_recommended, m_rule})
        connect(c, &QComboBox::currentIndexChanged, this, &QueueView::applyFilter);
    connect(m_pending, &QCheckBox::toggled, this, &QueueView::applyFilter);

    connect(m_table, &QueueTable::openRequested, this, &QueueView::openRequested);
    connect(m_table, &QueueTable::decisionRequested, this, &QueueView::decisionRequested);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex& idx) {
        Q_EMIT openRequested(idx.data(QueueModel::AccountIdRole).toString());
    });
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        updateCountLabel();
        // The current-row signal below is not emitted on a reset.
        Q_EMIT currentAccountChanged(currentAccount());
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& cur) {
                Q_EMIT currentAccountChanged(cur.isValid() ? cur.data(QueueModel::AccountIdRole).toString()
                                                           : QString());
            });

    // Two rows (search + count, then the filters) and combos that may shrink, so the queue pane can be
    // kept at ~40 % of the window without squeezing the search field.
    for (QComboBox* c : {m_status, m_recommended, m_rule}) {
        c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        c->setMinimumContentsLength(8);
    }
    auto* searchRow = new QHBoxLayout;
    searchRow->setContentsMargins(0, 0, 0, 0);
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_count);
    auto* filters = new QHBoxLayout;
    filters->setContentsMargins(0, 0, 0, 0);
    // "Any recommendation" is the longest default text: its combo gets the larger share.
    filters->addWidget(m_status, 2);
    filters->addWidget(m_recommended, 3);
    filters->addWidget(m_rule, 2);
    filters->addWidget(m_pending);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(searchRow);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    updateCountLabel();
}

void QueueView::applyFilter()
{
    m_debounce->stop();
    QueueFilter f;
    f.status = m_status->currentData().toString();
    f.recommended = m_recommended->currentData().toString();
    f.rule = m_rule->currentData().toString();
    f.text = m_search->text().trimmed();
    f.pendingOnly = m_pending->isChecked();
    m_model->setFilter(f);
    if (m_model->rowCount() > 0)
        selectRow(0);
    Q_EMIT filterApplied();
}

void QueueView::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void QueueView::updateCountLabel()
{
    m_count->setText(tr("%n account(s)", nullptr, m_model->rowCount()));
}

QString QueueView::currentAccount() const
{
    const QModelIndex idx = m_table->currentIndex();
    return idx.isValid() ? idx.data(QueueModel::AccountIdRole).toString() : QString();
}

void QueueView::selectRow(int row)
{
    if (m_model->rowCount() == 0)
        return;
    row = std::clamp(row, 0, m_model->rowCount() - 1);
    const QModelIndex idx = m_model->index(row, 0);
    m_table->setCurrentIndex(idx);
    m_table->scrollTo(idx);
}

bool QueueView::selectAccount(const QString& accountId)
{
    const int row = m_model->rowOfAccount(accountId);
    if (row < 0)
        return false;
    selectRow(row);
    return true;
}

void QueueView::refreshKeepingRow()
{
    const int row = m_table->currentIndex().isValid() ? m_table->currentIndex().row() : 0;
    const QString account = currentAccount();
    m_model->refresh();
    if (m_model->rowCount() > 0) {
        if (!account.isEmpty() && m_model->accountAt(row) != account) {
            // The account moved (e.g. its status changed under a sort): follow it when cheap.
            const int near = std::max(0, row - 1);
            if (m_model->accountAt(near) == account) {
                selectRow(near);
                return;
            }
        }
        selectRow(row);
    }
}

} // namespace ad::ui
