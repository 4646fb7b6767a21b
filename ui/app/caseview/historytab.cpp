// SPDX-License-Identifier: GPL-3.0-or-later
#include "caseview/historytab.h"

#include "caseview/caseview.h"
#include "common/labels.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace ad::ui {

HistoryTab::HistoryTab(QWidget* parent) : QWidget(parent)
{
    m_table = new QTableWidget(0, 7, this);
    m_table->setObjectName(QStringLiteral("historyTable"));
    m_table->setAccessibleName(tr("Account history"));
    m_table->setHorizontalHeaderLabels({tr("When"), tr("Where"), tr("Action"), tr("By"),
                                        tr("Rationale / reason"), tr("State"), tr("Policy")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(true);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(4, QHeaderView::Stretch);
    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("historyEmpty"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setTextFormat(Qt::PlainText);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->hide();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_empty, 1);
    layout->addWidget(m_table, 1);
}

void HistoryTab::clear()
{
    m_table->setRowCount(0);
    m_empty->hide();
    m_table->show();
}

void HistoryTab::load(const CaseData& d)
{
    clear();
    struct Row
    {
        QDateTime at;
        QStringList cells;
        bool tool;
    };
    QList<Row> rows;
    for (const HistoryEntry& h : d.history)
        rows.append({h.at,
                     {Labels::dateTime(h.at), tr("platform"), Labels::action(h.action), h.by, h.reason,
                      QString(), QString()},
                     false});
    for (const Decision& dec : d.decisions) {
        QString action = Labels::action(dec.action);
        if (dec.approvesDecisionId != 0)
            action = tr("approval of decision #%1").arg(dec.approvesDecisionId);
        QString state = Labels::decisionState(dec.state);
        if (!dec.approvedBy.isEmpty())
            state = tr("approved by %1 on %2").arg(dec.approvedBy, Labels::dateTime(dec.approvedAt));
        QString rationale = dec.rationale;
        if (dec.recommended != dec.action && dec.approvesDecisionId == 0)
            rationale = tr("[override of recommended %1] %2").arg(Labels::action(dec.recommended), rationale);
        rows.append(
            {dec.at,
             {Labels::dateTime(dec.at), tr("AbuseDesk #%1").arg(dec.id), action, dec.reviewer, rationale,
              state,
              dec.policyId.isEmpty() ? QString() : dec.policyId + QLatin1Char(' ') + dec.policyVersion},
             true});
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.at > b.at; });
    if (rows.isEmpty()) {
        m_empty->setText(
            tr("No history yet: the platform exported no enforcement history for this account and "
               "no decision has been recorded in AbuseDesk."));
        m_table->hide();
        m_empty->show();
        return;
    }
    m_table->setRowCount(int(rows.size()));
    for (int i = 0; i < rows.size(); ++i)
        for (int c = 0; c < rows[i].cells.size(); ++c) {
            auto* item = new QTableWidgetItem(rows[i].cells[c]);
            item->setToolTip(rows[i].cells[c]);
            if (rows[i].tool && c == 1) {
                QFont f = item->font();
                f.setBold(true);
                item->setFont(f);
            }
            m_table->setItem(i, c, item);
        }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(4, QHeaderView::Stretch);
}

} // namespace ad::ui
