// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The queue panel: filter bar (status, recommended action, rule, pending approvals, free text with
// debounce) above the queue table. Keyboard triage on the table: j/k and the arrows move, Enter opens,
// w s t r d p ask for a decision with that action preselected.

#include "domain/types.h"

#include <QTableView>
#include <QWidget>

class QComboBox;
class QLineEdit;
class QCheckBox;
class QLabel;
class QTimer;

namespace ad::ui {

class QueueModel;

class QueueTable : public QTableView
{
    Q_OBJECT
public:
    using QTableView::QTableView;
Q_SIGNALS:
    void openRequested(const QString& accountId);
    void decisionRequested(ad::Action action);

protected:
    void keyPressEvent(QKeyEvent* event) override;
};

class QueueView : public QWidget
{
    Q_OBJECT
public:
    explicit QueueView(QueueModel* model, QWidget* parent = nullptr);

    QueueTable* table() const { return m_table; }
    QLineEdit* searchEdit() const { return m_search; }
    QComboBox* statusCombo() const { return m_status; }
    QComboBox* recommendedCombo() const { return m_recommended; }
    QComboBox* ruleCombo() const { return m_rule; }
    QCheckBox* pendingCheck() const { return m_pending; }

    QString currentAccount() const;
    // Selects the row (clamped to the queue) and scrolls to it.
    void selectRow(int row);
    bool selectAccount(const QString& accountId);
    // Applies the filter widgets now (the text field otherwise waits for its debounce).
    void applyFilter();
    void focusSearch();
    // Refreshes the model keeping the current row index selected when possible.
    void refreshKeepingRow();

Q_SIGNALS:
    void currentAccountChanged(const QString& accountId);
    void openRequested(const QString& accountId);
    void decisionRequested(ad::Action action);
    void filterApplied();

private:
    void updateCountLabel();
    QueueModel* m_model;
    QueueTable* m_table;
    QLineEdit* m_search;
    QComboBox* m_status;
    QComboBox* m_recommended;
    QComboBox* m_rule;
    QCheckBox* m_pending;
    QLabel* m_count;
    QTimer* m_debounce;
};

} // namespace ad::ui
