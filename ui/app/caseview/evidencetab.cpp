// SPDX-License-Identifier: GPL-3.0-or-later
#include "caseview/evidencetab.h"

#include "caseview/caseview.h"
#include "common/findings.h"
#include "common/labels.h"
#include "common/severitystyle.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ad::ui {

EvidenceTab::EvidenceTab(QWidget* parent) : QWidget(parent)
{
    m_lists = new QTableWidget(0, 7, this);
    m_lists->setObjectName(QStringLiteral("listTable"));
    m_lists->setAccessibleName(tr("Mailing lists"));
    m_lists->setHorizontalHeaderLabels({tr("List"), tr("Name"), tr("Source"), tr("Acquired"), tr("Size"),
                                        tr("Double opt-in"), tr("Screening of the uploaded file")});
    m_lists->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_lists->verticalHeader()->setVisible(false);
    m_lists->horizontalHeader()->setStretchLastSection(true);

    m_rows = new QTableWidget(0, 8, this);
    m_rows->setObjectName(QStringLiteral("evidenceTable"));
    m_rows->setAccessibleName(tr("Permission evidence rows"));
    m_rows->setHorizontalHeaderLabels({tr("Subscriber"), tr("List"), tr("Method"), tr("Consent time"),
                                       tr("Source"), tr("IP"), tr("Wording agreed to"),
                                       tr("Why it is not valid")});
    m_rows->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rows->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_rows->verticalHeader()->setVisible(false);
    m_rows->horizontalHeader()->setStretchLastSection(true);

    m_problemsOnly = new QCheckBox(tr("Only rows that are not valid permission"), this);
    m_problemsOnly->setObjectName(QStringLiteral("evidenceProblemsOnly"));
    connect(m_problemsOnly, &QCheckBox::toggled, this, &EvidenceTab::applyProblemFilter);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("evidenceSummary"));

    auto* listBox = new QWidget(this);
    auto* ll = new QVBoxLayout(listBox);
    ll->setContentsMargins(0, 0, 0, 0);
    ll->addWidget(new QLabel(tr("Lists"), listBox));
    ll->addWidget(m_lists);
    auto* rowBox = new QWidget(this);
    auto* rl = new QVBoxLayout(rowBox);
    rl->setContentsMargins(0, 0, 0, 0);
    auto* bar = new QHBoxLayout;
    bar->addWidget(m_summary, 1);
    bar->addWidget(m_problemsOnly);
    rl->addLayout(bar);
    rl->addWidget(m_rows);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(listBox);
    split->addWidget(rowBox);
    split->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split);
}

void EvidenceTab::clear()
{
    m_lists->setRowCount(0);
    m_rows->setRowCount(0);
    m_summary->clear();
}

void EvidenceTab::load(const CaseData& d)
{
    clear();
    m_lists->setRowCount(int(d.lists.size()));
    for (int i = 0; i < d.lists.size(); ++i) {
        const MailingList& l = d.lists[i];
        QString screening;
        if (l.screening) {
            const ListScreeningSummary& s = *l.screening;
            screening =
                tr("%1 rows: %2 invalid, %3 duplicates, %4 role, %5 disposable, %6 typo domains")
                    .arg(Labels::number(s.rows), Labels::number(s.invalid), Labels::number(s.duplicates),
                         Labels::number(s.role), Labels::number(s.disposable), Labels::number(s.typo));
        } else {
            screening = l.hasFile ? tr("not screened") : tr("no file uploaded in the bundle");
        }
        const QStringList cells{l.listId,
                                l.name,
                                l.source,
                                Labels::date(l.acquiredAt),
                                l.size ? Labels::number(*l.size) : QStringLiteral("—"),
                                Labels::yesNo(l.doubleOptIn),
                                screening};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setToolTip(cells[c]);
            m_lists->setItem(i, c, item);
        }
        static const QStringList forbidden{QStringLiteral("purchased"), QStringLiteral("rented"),
                                           QStringLiteral("third_party"), QStringLiteral("public_web")};
        if (forbidden.contains(l.source))
            m_lists->item(i, 2)->setBackground(severityBackground(Severity::Terminate, palette()));
        else if (l.source == QLatin1String("unknown"))
            m_lists->item(i, 2)->setBackground(severityBackground(Severity::Warn, palette()));
    }
    m_lists->resizeColumnsToContents();

    const QHash<qint64, QStringList> reasons = invalidEvidenceReasons(d.findings, d.evidence);
    m_rows->setRowCount(int(d.evidence.size()));
    int invalid = 0;
    const QColor bad = problemBackground(palette());
    for (int i = 0; i < d.evidence.size(); ++i) {
        const EvidenceRow& e = d.evidence[i];
        const QStringList why = reasons.value(e.id);
        QString method = e.method;
        if (e.method == QLatin1String("checkbox") && e.checkboxDefault == QLatin1String("checked"))
            method += tr(" (pre-ticked)");
        else if (e.method == QLatin1String("checkbox") && e.checkboxDefault == QLatin1String("unchecked"))
            method += tr(" (not pre-ticked)");
        if (e.method == QLatin1String("offline_form") && e.emailContactExplained)
            method += *e.emailContactExplained ? tr(" (e-mail explained)") : tr(" (e-mail not explained)");
        if (e.method == QLatin1String("purchase"))
            method += tr(" (last purchase %1)").arg(Labels::date(e.lastPurchaseAt));
        const QStringList cells{e.subscriber, e.listId, method,        Labels::dateTime(e.consentAt),
                                e.source,     e.ip,     e.consentText, why.join(QStringLiteral("; "))};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item =
                new QTableWidgetItem(cells[c].isEmpty() && c != kWhyColumn ? QStringLiteral("—") : cells[c]);
            item->setToolTip(cells[c]);
            if (!why.isEmpty()) {
                item->setBackground(bad);
                if (c == kWhyColumn) {
                    QFont f = item->font();
                    f.setBold(true);
                    item->setFont(f);
                }
            }
            m_rows->setItem(i, c, item);
        }
        if (!why.isEmpty())
            ++invalid;
    }
    m_rows->resizeColumnsToContents();
    m_rows->setColumnWidth(6, std::min(m_rows->columnWidth(6), 260));
    m_summary->setText(d.evidence.isEmpty()
                           ? tr("The bundle holds no permission evidence for this account.")
                           : tr("%1 of %2 sampled subscribers are not valid permission (highlighted).")
                                 .arg(invalid)
                                 .arg(d.evidence.size()));
    applyProblemFilter();
}

void EvidenceTab::applyProblemFilter()
{
    const bool only = m_problemsOnly->isChecked();
    for (int r = 0; r < m_rows->rowCount(); ++r) {
        const QTableWidgetItem* why = m_rows->item(r, kWhyColumn);
        m_rows->setRowHidden(r, only && (!why || why->text().isEmpty()));
    }
}

} // namespace ad::ui
