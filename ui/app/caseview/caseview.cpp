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

std::optional<CaseData> CaseData::load(const CaseStore& store, const QString& accountId, unsigned parts)
{
    const std::optional<Account> account = store.account(accountId);
    if (!account)
        return std::nullopt;
    CaseData d;
    d.account = *account;
    d.status = store.currentStatus(accountId);
    d.decisions = store.decisions(accountId);
    d.evaluation = store.evaluation(accountId);
    d.counts = store.caseCounts(accountId);
    if (d.evaluation)
        d.findings = findingsFromJson(d.evaluation->findingsJson);
    for (const Decision& dec : std::as_const(d.decisions))
        if (dec.state == Decision::State::PendingApproval)
            d.pendingApproval = true;
    d.loadParts(store, parts);
    return d;
}

void CaseData::loadParts(const CaseStore& store, unsigned parts)
{
    const unsigned missing = parts & ~loadedParts;
    const QString& id = account.id;
    if (missing & Campaigns)
        campaigns = store.campaigns(id);
    if (missing & Lists)
        lists = store.lists(id);
    if (missing & Evidence)
        evidence = store.evidence(id);
    if (missing & Complaints)
        complaints = store.complaints(id);
    if (missing & History)
        history = store.history(id);
    if (missing & Messages)
        messages = store.messages(id, false);
    loadedParts |= missing;
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
    m_tabs->addTab(m_overview, tr("&Overview")); // always loaded with the account
    addLazyTab(
        m_metrics, tr("&Metrics"), CaseData::Campaigns,
        [this](const CaseData& d) { m_metrics->load(d, m_policy); }, [this] { m_metrics->clear(); });
    addLazyTab(
        m_messages, tr("M&essages"), CaseData::Messages,
        [this](const CaseData& d) { m_messages->load(d, m_store); }, [this] { m_messages->clear(); });
    addLazyTab(
        m_evidence, tr("&Permission evidence"), CaseData::Lists | CaseData::Evidence,
        [this](const CaseData& d) { m_evidence->load(d); }, [this] { m_evidence->clear(); });
    addLazyTab(
        m_lists, tr("&Lists"), CaseData::Lists,
        [this](const CaseData& d) { m_lists->load(d, m_store, m_policy); }, [this] { m_lists->clear(); });
    addLazyTab(
        m_complaints, tr("&Complaints"), CaseData::Complaints,
        [this](const CaseData& d) { m_complaints->load(d); }, [this] { m_complaints->clear(); });
    addLazyTab(
        m_history, tr("&History"), CaseData::History, [this](const CaseData& d) { m_history->load(d); },
        [this] { m_history->clear(); });
    connect(m_tabs, &QTabWidget::currentChanged, this,
            [this](int index) { ensureTabLoaded(m_tabs->widget(index)); });
    connect(m_overview, &OverviewTab::accountLinkActivated, this, &CaseView::accountLinkActivated);
    connect(m_lists, &ListsTab::listDecisionRequested, this, &CaseView::listDecisionRequested);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_tabs, 1);
    showAccount({});
}

void CaseView::addLazyTab(QWidget* tab, const QString& title, unsigned parts,
                          std::function<void(const CaseData&)> load, std::function<void()> clear)
{
    m_tabs->addTab(tab, title);
    m_lazy.insert(tab, LazyTab{parts, std::move(load), std::move(clear)});
}

bool CaseView::isTabLoaded(QWidget* tab) const
{
    if (!m_data)
        return false;
    const auto it = m_lazy.constFind(tab);
    return it == m_lazy.constEnd() ? m_tabs->indexOf(tab) >= 0 : it->loaded;
}

void CaseView::ensureTabLoaded(QWidget* tab)
{
    const auto it = m_lazy.find(tab);
    if (!m_data || !m_store || it == m_lazy.end() || it->loaded)
        return;
    m_data->loadParts(*m_store, it->parts);
    it->load(*m_data);
    it->loaded = true;
    it->stale = false;
}

void CaseView::updateTabTitles()
{
    const CaseCounts c = m_data ? m_data->counts : CaseCounts{};
    m_tabs->setTabText(m_tabs->indexOf(m_messages),
                       m_data ? tr("M&essages (%1)").arg(c.messages) : tr("M&essages"));
    m_tabs->setTabText(m_tabs->indexOf(m_complaints),
                       m_data ? tr("&Complaints (%1)").arg(c.complaints) : tr("&Complaints"));
}

void CaseView::showAccount(const QString& accountId)
{
    m_accountId = accountId;
    m_data.reset();
    // The tabs keep what they show until they are shown again (or cleared with no account): a hidden tab
    // costs nothing on a switch.
    for (LazyTab& t : m_lazy) {
        t.stale = t.stale || t.loaded;
        t.loaded = false;
    }
    if (m_store && !accountId.isEmpty())
        m_data = CaseData::load(*m_store, accountId, CaseData::NoParts);
    updateTabTitles();
    if (!m_data) {
        m_title->setText(accountId.isEmpty() ? tr("No account selected")
                                             : tr("Account %1 is not in the store").arg(accountId));
        m_tabs->setEnabled(false);
        m_overview->clear();
        for (LazyTab& t : m_lazy) {
            if (t.stale)
                t.clear();
            t.stale = false;
        }
        return;
    }
    m_tabs->setEnabled(true);
    m_title->setText(
        tr("%1 — %2 (%3)").arg(m_data->account.id, m_data->account.name, Labels::status(m_data->status)));
    m_overview->load(*m_data);
    ensureTabLoaded(m_tabs->currentWidget());
}

} // namespace ad::ui
