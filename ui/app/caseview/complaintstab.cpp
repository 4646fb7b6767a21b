// SPDX-License-Identifier: GPL-3.0-or-later
#include "caseview/complaintstab.h"

#include "caseview/caseview.h"
#include "caseview/messagestab.h"
#include "common/labels.h"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace ad::ui {

ComplaintsTab::ComplaintsTab(QWidget* parent) : QWidget(parent)
{
    m_table = new QTableWidget(0, 7, this);
    m_table->setObjectName(QStringLiteral("complaintTable"));
    m_table->setAccessibleName(tr("Complaint reports"));
    m_table->setHorizontalHeaderLabels({tr("Arrival date"), tr("Feedback type"), tr("Recipient"),
                                        tr("Source"), tr("Campaign"), tr("From"), tr("Note")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    connect(m_table, &QTableWidget::currentCellChanged, this, [this](int row) { showReported(row); });
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    m_note->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_viewer = new MessageViewer(this);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    auto* bottom = new QWidget(split);
    auto* bl = new QVBoxLayout(bottom);
    bl->setContentsMargins(0, 0, 0, 0);
    bl->addWidget(m_note);
    bl->addWidget(m_viewer, 1);
    split->addWidget(bottom);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split);
}

void ComplaintsTab::clear()
{
    m_reported.clear();
    m_files.clear();
    m_table->setRowCount(0);
    m_note->clear();
    m_viewer->clear();
}

void ComplaintsTab::load(const CaseData& d)
{
    clear();
    QList<Complaint> list = d.complaints;
    std::stable_sort(list.begin(), list.end(),
                     [](const Complaint& a, const Complaint& b) { return a.receivedAt > b.receivedAt; });
    m_table->setRowCount(int(list.size()));
    for (int i = 0; i < list.size(); ++i) {
        const Complaint& c = list[i];
        QString origin = c.origin == QLatin1String("arf") ? tr("ARF report %1").arg(c.file)
                                                          : tr("%1 line %2").arg(c.file).arg(c.sourceLine);
        QString source = c.source;
        if (!c.userAgent.isEmpty() && c.userAgent != c.source)
            source += QStringLiteral(" (%1)").arg(c.userAgent);
        if (!c.sourceIp.isEmpty())
            source += QStringLiteral(" [%1]").arg(c.sourceIp);
        const QStringList cells{Labels::dateTime(c.receivedAt),
                                c.feedbackType,
                                c.recipient,
                                source,
                                c.campaignId,
                                origin,
                                c.note};
        for (int col = 0; col < cells.size(); ++col) {
            auto* item = new QTableWidgetItem(cells[col].isEmpty() ? QStringLiteral("—") : cells[col]);
            item->setToolTip(cells[col]);
            m_table->setItem(i, col, item);
        }
        m_reported.append(c.reportedMessage);
        m_files.append(c.file);
    }
    m_table->resizeColumnsToContents();
    if (list.isEmpty())
        m_note->setText(tr("No complaint report was referred to this account."));
    else
        m_table->setCurrentCell(0, 0);
}

void ComplaintsTab::showReported(int row)
{
    if (row < 0 || row >= m_reported.size()) {
        m_viewer->clear();
        return;
    }
    if (m_reported[row].isEmpty()) {
        m_note->setText(tr("This complaint came without the reported message (a CSV row)."));
        m_viewer->clear();
        m_viewer->setVisible(false); // no empty preview pane
        return;
    }
    m_viewer->setVisible(true);
    m_note->setText(tr("The reported message, as attached to the feedback report:"));
    m_viewer->setRawMessage(m_reported[row], m_files[row]);
}

} // namespace ad::ui
