// SPDX-License-Identifier: GPL-3.0-or-later
#include "caseview/overviewtab.h"

#include "caseview/caseview.h"
#include "common/findings.h"
#include "common/labels.h"
#include "common/severitystyle.h"

#include <QEvent>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QScrollArea>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace ad::ui {

namespace {
enum FindingColumn
{
    FSeverity,
    FRule,
    FClause,
    FSummary,
    FValue,
    FToClear,
    FCount
};

QString numberText(const QJsonValue& v)
{
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (d > 0 && d < 1)
            return Labels::percent(d);
        return QLocale().toString(d, 'g', 6);
    }
    if (v.isString())
        return v.toString();
    return {};
}
} // namespace

OverviewTab::OverviewTab(QWidget* parent) : QWidget(parent)
{
    m_facts = new QLabel(this);
    m_facts->setObjectName(QStringLiteral("accountFacts"));
    m_facts->setTextFormat(Qt::RichText);
    m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_facts->setWordWrap(true);
    m_facts->setAlignment(Qt::AlignTop | Qt::AlignLeft);

    m_recommendation = new QLabel(this);
    m_recommendation->setObjectName(QStringLiteral("recommendation"));
    m_recommendation->setTextFormat(Qt::PlainText);
    m_recommendation->setAutoFillBackground(true);
    m_recommendation->setMargin(6);
    QFont bold = m_recommendation->font();
    bold.setBold(true);
    m_recommendation->setFont(bold);

    m_findings = new QTableWidget(0, FCount, this);
    m_findings->setObjectName(QStringLiteral("findingsTable"));
    m_findings->setAccessibleName(tr("Findings"));
    m_findings->setHorizontalHeaderLabels({tr("Severity"), tr("Rule"), tr("Policy clause"), tr("Finding"),
                                           tr("Value / threshold"), tr("What would clear it")});
    m_findings->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_findings->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_findings->setWordWrap(true);
    m_findings->verticalHeader()->setVisible(false);
    m_findings->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // The prose columns ("Finding", "What would clear it") get the room: Severity fits its contents, the
    // short id/number columns stay narrow (and wrap), "Finding" stretches and "What would clear it" is
    // kept at ~1/3 of the prose width by fitColumns() whenever the table is resized.
    m_findings->setTextElideMode(Qt::ElideNone);
    m_findings->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_findings->horizontalHeader()->setMinimumSectionSize(60);
    m_findings->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_findings->horizontalHeader()->setSectionResizeMode(FSeverity, QHeaderView::ResizeToContents);
    m_findings->horizontalHeader()->setSectionResizeMode(FSummary, QHeaderView::Stretch);
    m_findings->setColumnWidth(FRule, 110);
    m_findings->setColumnWidth(FClause, 90);
    m_findings->setColumnWidth(FValue, 110);
    m_findings->setColumnWidth(FToClear, 160);
    m_findings->viewport()->installEventFilter(this);

    m_linkedLabel =
        new QLabel(tr("Linked accounts (shared senders, link domains or content) — activate to open:"), this);
    m_linked = new QListWidget(this);
    m_linked->setObjectName(QStringLiteral("linkedAccounts"));
    m_linked->setAccessibleName(tr("Linked accounts"));
    m_linked->setFlow(QListView::LeftToRight);
    m_linked->setWrapping(true);
    m_linked->setMaximumHeight(m_linked->fontMetrics().height() * 3 + 12);
    connect(m_linked, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        Q_EMIT accountLinkActivated(item->data(Qt::UserRole).toString());
    });
    connect(m_linked, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        Q_EMIT accountLinkActivated(item->data(Qt::UserRole).toString());
    });

    auto* findingsLabel = new QLabel(tr("Findings"), this);
    findingsLabel->setFont(bold);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_facts);
    layout->addWidget(m_recommendation);
    layout->addWidget(findingsLabel);
    layout->addWidget(m_findings, 1);
    layout->addWidget(m_linkedLabel);
    layout->addWidget(m_linked);
}

bool OverviewTab::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_findings->viewport() && event->type() == QEvent::Resize)
        QTimer::singleShot(0, this, &OverviewTab::fitColumns);
    return QWidget::eventFilter(watched, event);
}

void OverviewTab::fitColumns()
{
    const int fixed = m_findings->columnWidth(FSeverity) + m_findings->columnWidth(FRule) +
                      m_findings->columnWidth(FClause) + m_findings->columnWidth(FValue);
    const int prose = m_findings->viewport()->width() - fixed;
    const int toClear = std::max(120, prose / 3);
    if (m_findings->columnWidth(FToClear) != toClear)
        m_findings->setColumnWidth(FToClear, toClear);
    m_findings->resizeRowsToContents();
}

void OverviewTab::clear()
{
    m_facts->clear();
    m_recommendation->clear();
    m_recommendation->setBackgroundRole(QPalette::Window);
    m_findings->setRowCount(0);
    m_linked->clear();
    m_linkedLabel->setVisible(false);
    m_linked->setVisible(false);
}

void OverviewTab::load(const CaseData& d)
{
    clear();
    const Account& a = d.account;
    auto row = [](const QString& label, const QString& value) {
        return QStringLiteral("<tr><td style='padding-right:12px'><b>%1</b></td><td>%2</td></tr>")
            .arg(label.toHtmlEscaped(), value.isEmpty() ? QStringLiteral("—") : value.toHtmlEscaped());
    };
    QString html = QStringLiteral("<table>");
    html += row(tr("Account"), a.id);
    html += row(tr("Business name"), a.name);
    html += row(tr("Owner e-mail"), a.ownerEmail);
    html += row(tr("Sender addresses"), a.fromAddresses.join(QStringLiteral(", ")));
    html += row(tr("Postal address"), a.postalAddress);
    html += row(tr("Web site"), a.website);
    html += row(tr("Signed up"), Labels::dateTime(a.signupAt));
    html +=
        row(tr("Status"), d.pendingApproval
                              ? tr("%1 (terminate awaiting second approval)").arg(Labels::status(d.status))
                              : Labels::status(d.status));
    html += row(tr("Flagged"), a.flaggedAt.isValid()
                                   ? tr("%1: %2").arg(Labels::dateTime(a.flaggedAt), a.flagReason)
                                   : a.flagReason);
    // The counts, not the rows: the other tabs read their rows when first shown.
    html +=
        row(tr("Data"), tr("%n campaign(s)", nullptr, int(d.counts.campaigns)) + QStringLiteral(", ") +
                            tr("%n list(s)", nullptr, int(d.counts.lists)) + QStringLiteral(", ") +
                            tr("%n evidence row(s)", nullptr, int(d.counts.evidence)) + QStringLiteral(", ") +
                            tr("%n complaint(s)", nullptr, int(d.counts.complaints)) + QStringLiteral(", ") +
                            tr("%n message(s)", nullptr, int(d.counts.messages)));
    if (d.evaluation)
        html += row(tr("Evaluated"), tr("as of %1 with policy %2 %3")
                                         .arg(Labels::dateTime(d.evaluation->asOf), d.evaluation->policyId,
                                              d.evaluation->policyVersion));
    html += QStringLiteral("</table>");
    m_facts->setText(html);

    if (!d.evaluation) {
        m_recommendation->setText(tr("Not evaluated yet: use View ▸ Re-evaluate all."));
    } else {
        const Action rec = d.evaluation->recommended;
        m_recommendation->setText(
            rec == Action::None
                ? tr("Recommended action: none — no finding above info.")
                : tr("Recommended action: %1 (%n finding(s))", nullptr, int(d.findings.size()))
                      .arg(Labels::action(rec)));
        if (d.evaluation->worstSeverity && rec != Action::None) {
            QPalette p = m_recommendation->palette();
            p.setColor(QPalette::Window, severityBackground(*d.evaluation->worstSeverity, palette()));
            p.setColor(QPalette::WindowText, palette().color(QPalette::Text));
            m_recommendation->setPalette(p);
        } else {
            m_recommendation->setPalette(palette());
        }
    }

    m_findings->setRowCount(int(d.findings.size()));
    QStringList linked;
    for (int i = 0; i < d.findings.size(); ++i) {
        const rules::Finding& f = d.findings[i];
        const QColor bg = severityBackground(f.severity, palette());
        QString value = numberText(f.evidence.value(QStringLiteral("value")));
        const QString threshold = numberText(f.evidence.value(QStringLiteral("threshold")));
        if (!threshold.isEmpty())
            value = tr("%1 (limit %2)").arg(value.isEmpty() ? QStringLiteral("—") : value, threshold);
        const QStringList cells{Labels::severity(f.severity),
                                f.rule,
                                f.clause,
                                f.summary,
                                value,
                                f.toClear.isEmpty() ? QStringLiteral("—") : f.toClear};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setToolTip(cells[c]);
            if (c == FSeverity)
                item->setBackground(bg);
            item->setData(Qt::UserRole, f.rule);
            m_findings->setItem(i, c, item);
        }
        if (f.rule == QLatin1String("multi-account-overlap") || f.rule == QLatin1String("suspension-evasion"))
            for (const QString& acc : ad::ui::linkedAccounts(f))
                if (!linked.contains(acc) && acc != d.account.id)
                    linked.append(acc);
    }
    if (d.findings.isEmpty() && d.evaluation) {
        m_findings->setRowCount(1);
        auto* item = new QTableWidgetItem(tr("No rule fired for this account."));
        m_findings->setItem(0, FSummary, item);
    }
    for (const QString& acc : std::as_const(linked)) {
        auto* item = new QListWidgetItem(acc, m_linked);
        item->setData(Qt::UserRole, acc);
        item->setToolTip(tr("Open account %1").arg(acc));
    }
    m_linkedLabel->setVisible(!linked.isEmpty());
    m_linked->setVisible(!linked.isEmpty());
    fitColumns();
}

} // namespace ad::ui
