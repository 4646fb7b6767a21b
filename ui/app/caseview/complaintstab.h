// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QTableWidget;
class QLabel;

namespace ad::ui {

struct CaseData;
class MessageViewer;

// Complaint reports, newest first: arrival date, feedback type, recipient, source, campaign, origin
// (csv row or ARF file). For an ARF report the reported message opens in the safe preview below.
class ComplaintsTab : public QWidget
{
    Q_OBJECT
public:
    explicit ComplaintsTab(QWidget* parent = nullptr);
    void load(const CaseData& data);
    void clear();
    QTableWidget* table() const { return m_table; }
    MessageViewer* viewer() const { return m_viewer; }

private:
    void showReported(int row);
    QList<QByteArray> m_reported;
    QList<QString> m_files;
    QTableWidget* m_table;
    QLabel* m_note;
    MessageViewer* m_viewer;
};

} // namespace ad::ui
