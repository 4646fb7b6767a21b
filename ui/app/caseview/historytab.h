// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QTableWidget;

namespace ad::ui {

struct CaseData;

// The platform's enforcement history (history.csv) and this tool's decisions, merged, newest first,
// with who acted, the rationale, the decision's state and its second approval. An account with neither
// shows a sentence saying so instead of an empty table.
class HistoryTab : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryTab(QWidget* parent = nullptr);
    void load(const CaseData& data);
    void clear();
    QTableWidget* table() const { return m_table; }
    // The "nothing yet" text shown instead of the table when there is no history and no decision.
    QLabel* emptyState() const { return m_empty; }

private:
    QTableWidget* m_table;
    QLabel* m_empty;
};

} // namespace ad::ui
