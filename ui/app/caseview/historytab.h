// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QTableWidget;

namespace ad::ui {

struct CaseData;

// The platform's enforcement history (history.csv) and this tool's decisions, merged, newest first,
// with who acted, the rationale, the decision's state and its second approval.
class HistoryTab : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryTab(QWidget* parent = nullptr);
    void load(const CaseData& data);
    void clear();
    QTableWidget* table() const { return m_table; }

private:
    QTableWidget* m_table;
};

} // namespace ad::ui
