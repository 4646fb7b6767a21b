// SPDX-License-Identifier: GPL-3.0-or-later
#include "caseview/caseview.h"

#include "caseview/complaintstab.h"
#include "caseview/evidencetab.h"
#include "caseview/historytab.h"
#include "caseview/liststab.h"
#include "caseview/messagestab.h"
#include "caseview/metricstab.h"
#include "caseview/overviewtab.h"
#include "common/findings.h"
#include "common/labels.h"

#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ad::ui {

std::optional<CaseData> CaseData::load(const CaseStore& store, const QString& accountId)
{
    const std::optional<Account> account = store.account(accountId);
    if (!account)
        return std::nullopt;
    CaseData d;
    d.account = *account;
    d.status = store.currentStatus(accountId);
    d.campaigns = store.campaigns(accountId);
    d.lists = store.lists(accountId);
    d.evidence = store.evidence(accountId);
    d.complaints = store.complaints(accountId);
    d.history = store.history(accountId);
    d.messages = store.messages(accountId, false);
    d.decisions = store.decisions(accountId);
    d.evaluation = store.evaluation(accountId);
    if (d.evaluation)
        d.findings = findingsFromJson(d.evaluation->findingsJson);
    for (const Decision& dec : std::as_const(d.decisions))
        if (dec.state == Decision::State::PendingApproval)
            d.pendingApproval = true;
    return d;
}

CaseView::CaseView(QWidget* parent) : QWidget(parent)
{
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("caseTitle"));
    m_title->setTextFormat(Qt::PlainText);
    QFont f = m_title->font();
    f.setPointSizeF(f.pointSizeF() * 1.3);
    f.setBold(true);
    m_title->setFont(f);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("caseTabs"));
    m_tabs->setAccessibleName(tr("Account case"));
    m_tabs->setDocumentMode(true);
    m_overview = new OverviewTab(this);
    m_metrics = new MetricsTab(this);
    m_messages = new MessagesTab(this);
    m_evidence = new EvidenceTab(this);
    m_lists = new ListsTab(this);
    m_complaints = new ComplaintsTab(this);
    m_history = new HistoryTab(this);
    m_tabs->addTab(m_overview, tr("&Overview"));
    m_tabs->addTab(m_metrics, tr("&Metrics"));
    m_tabs->addTab(m_messages, tr("M&essages"));
    m_tabs->addTab(m_evidence, tr("&Permission evidence"));
    m_tabs->addTab(m_lists, tr("&Lists"));
    m_tabs->addTab(m_complaints, tr("&Complaints"));
    m_tabs->addTab(m_history, tr("&History"));
    connect(m_overview, &OverviewTab::accountLinkActivated, this, &CaseView::accountLinkActivated);
    connect(m_lists, &ListsTab::listDecisionRequested, this, &CaseView::listDecisionRequested);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_tabs, 1);
    showAccount({});
}

void CaseView::showAccount(const QString& accountId)
{
    m_accountId = accountId;
    m_data.reset();
    if (m_store && !accountId.isEmpty())
        m_data = CaseData::load(*m_store, accountId);
    if (!m_data) {
        m_title->setText(accountId.isEmpty() ? tr("No account selected")
                                             : tr("Account %1 is not in the store").arg(accountId));
        m_tabs->setEnabled(false);
        m_overview->clear();
        m_metrics->clear();
        m_messages->clear();
        m_evidence->clear();
        m_lists->clear();
        m_complaints->clear();
        m_history->clear();
        return;
    }
    m_tabs->setEnabled(true);
    m_title->setText(
        tr("%1 — %2 (%3)").arg(m_data->account.id, m_data->account.name, Labels::status(m_data->status)));
    m_overview->load(*m_data);
    m_metrics->load(*m_data, m_policy);
    m_messages->load(*m_data, m_store);
    m_evidence->load(*m_data);
    m_lists->load(*m_data, m_store, m_policy);
    m_complaints->load(*m_data);
    m_history->load(*m_data);
    m_tabs->setTabText(m_tabs->indexOf(m_messages), tr("M&essages (%1)").arg(m_data->messages.size()));
    m_tabs->setTabText(m_tabs->indexOf(m_complaints), tr("&Complaints (%1)").arg(m_data->complaints.size()));
}

} // namespace ad::ui
