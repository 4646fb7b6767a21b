// SPDX-License-Identifier: GPL-3.0-or-later
#include "caseview/liststab.h"

#include "caseview/caseview.h"
#include "caseview/listrowsmodel.h"
#include "common/labels.h"
#include "common/severitystyle.h"
#include "lists/screener.h"
#include "rules/policy.h"
#include "rules/ruleutil.h"
#include "store/casestore.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>

namespace ad::ui {

namespace {
constexpr int kChartDomains = 10;
constexpr int kProblemBits[] = {lists::Invalid, lists::Duplicate, lists::Role, lists::Disposable,
                                lists::Typo};

bool isListAction(Action a)
{
    return a == Action::ApproveList || a == Action::RejectList;
}
} // namespace

ListsTab::ListsTab(QWidget* parent) : QWidget(parent)
{
    m_lists = new QTableWidget(0, 8, this);
    m_lists->setObjectName(QStringLiteral("listsPicker"));
    m_lists->setAccessibleName(tr("Imported lists"));
    m_lists->setHorizontalHeaderLabels({tr("List"), tr("Name"), tr("Source"), tr("Acquired"), tr("Imported"),
                                        tr("Declared size"), tr("Rows in file"), tr("List decision")});
    m_lists->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_lists->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_lists->setSelectionMode(QAbstractItemView::SingleSelection);
    m_lists->verticalHeader()->setVisible(false);
    m_lists->horizontalHeader()->setStretchLastSection(true);
    connect(m_lists, &QTableWidget::currentCellChanged, this, [this](int row) { showList(row); });

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("listTitle"));
    m_title->setTextFormat(Qt::PlainText);
    QFont tf = m_title->font();
    tf.setBold(true);
    m_title->setFont(tf);

    m_summary = new QTableWidget(SummaryRowCount, SummaryColumnCount, this);
    m_summary->setObjectName(QStringLiteral("listSummary"));
    m_summary->setAccessibleName(tr("Screening summary"));
    m_summary->setHorizontalHeaderLabels({tr("Rows"), tr("Share"), tr("Policy limit"), tr("Result")});
    m_summary->setVerticalHeaderLabels(
        {tr("Total"), tr("Invalid"), tr("Duplicates"), tr("Role"), tr("Disposable"), tr("Typo")});
    m_summary->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_summary->setSelectionMode(QAbstractItemView::NoSelection);
    m_summary->setFocusPolicy(Qt::TabFocus);
    m_summary->horizontalHeader()->setStretchLastSection(true);
    m_summary->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_summary->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_summaryNote = new QLabel(this);
    m_summaryNote->setObjectName(QStringLiteral("listSummaryNote"));
    m_summaryNote->setWordWrap(true);

    auto* chart = new QChart;
    chart->legend()->setVisible(false);
    chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart = new QChartView(chart, this);
    m_chart->setObjectName(QStringLiteral("listDomainChart"));
    m_chart->setAccessibleName(tr("Domain breakdown chart"));
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumSize(320, 240);
    // The chart's title as a wrapping label: QChart elides a long title.
    m_chartTitle = new QLabel(this);
    m_chartTitle->setObjectName(QStringLiteral("listDomainChartTitle"));
    m_chartTitle->setWordWrap(true);
    m_chartTitle->setAlignment(Qt::AlignHCenter);
    m_chartTitle->setBuddy(m_chart);

    auto* decisionBox = new QGroupBox(tr("List decision"), this);
    m_decision = new QLabel(decisionBox);
    m_decision->setObjectName(QStringLiteral("listDecision"));
    m_decision->setWordWrap(true);
    m_decision->setTextFormat(Qt::PlainText);
    m_decision->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_decision->setAutoFillBackground(true);
    m_decision->setMargin(4);
    m_approve = new QPushButton(tr("&Approve list…"), decisionBox);
    m_approve->setObjectName(QStringLiteral("approveListButton"));
    m_approve->setAccessibleName(tr("Approve list"));
    m_approve->setToolTip(tr("Record that this list may be used (approve_list), with a rationale."));
    m_reject = new QPushButton(tr("Re&ject list…"), decisionBox);
    m_reject->setObjectName(QStringLiteral("rejectListButton"));
    m_reject->setAccessibleName(tr("Reject list"));
    m_reject->setToolTip(tr("Record that this list must not be used (reject_list), with a rationale."));
    connect(m_approve, &QPushButton::clicked, this, [this] {
        if (!currentListId().isEmpty())
            Q_EMIT listDecisionRequested(currentListId(), Action::ApproveList);
    });
    connect(m_reject, &QPushButton::clicked, this, [this] {
        if (!currentListId().isEmpty())
            Q_EMIT listDecisionRequested(currentListId(), Action::RejectList);
    });
    auto* db = new QVBoxLayout(decisionBox);
    db->addWidget(m_decision);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_approve);
    buttons->addWidget(m_reject);
    buttons->addStretch(1);
    db->addLayout(buttons);

    // Summary and decision on the left, the domain chart on the right.
    auto* left = new QWidget(this);
    auto* ll = new QVBoxLayout(left);
    ll->setContentsMargins(0, 0, 0, 0);
    ll->addWidget(m_title);
    ll->addWidget(m_summary);
    ll->addWidget(m_summaryNote);
    ll->addWidget(decisionBox);
    ll->addStretch(1);
    auto* middle = new QSplitter(Qt::Horizontal, this);
    // Scrolls rather than squeezing the summary, the note and the decision into each other when the pane
    // is short.
    m_leftScroll = new QScrollArea(this);
    m_leftScroll->setObjectName(QStringLiteral("listSummaryPane"));
    m_leftScroll->setWidget(left);
    m_leftScroll->setWidgetResizable(true);
    m_leftScroll->setFrameShape(QFrame::NoFrame);
    middle->addWidget(m_leftScroll);
    auto* chartBox = new QWidget(this);
    auto* cl = new QVBoxLayout(chartBox);
    cl->setContentsMargins(0, 0, 0, 0);
    cl->addWidget(m_chartTitle);
    cl->addWidget(m_chart, 1);
    middle->addWidget(chartBox);
    middle->setStretchFactor(0, 0);
    middle->setStretchFactor(1, 1);

    // The offending rows.
    auto* rowsBox = new QWidget(this);
    auto* rl = new QVBoxLayout(rowsBox);
    rl->setContentsMargins(0, 0, 0, 0);
    auto* filterBar = new QHBoxLayout;
    auto* filterLabel = new QLabel(tr("Show rows that are:"), rowsBox);
    filterBar->addWidget(filterLabel);
    const QStringList filterNames{tr("&invalid"), tr("d&uplicate"), tr("&role"), tr("di&sposable"),
                                  tr("&typo")};
    const QStringList filterIds{QStringLiteral("invalid"), QStringLiteral("duplicate"),
                                QStringLiteral("role"), QStringLiteral("disposable"), QStringLiteral("typo")};
    for (int i = 0; i < 5; ++i) {
        auto* cb = new QCheckBox(filterNames[i], rowsBox);
        cb->setObjectName(QStringLiteral("listFilter_") + filterIds[i]);
        cb->setAccessibleName(tr("Show %1 rows").arg(ListRowsModel::problemNames(kProblemBits[i])));
        cb->setChecked(true);
        connect(cb, &QCheckBox::toggled, this, &ListsTab::applyFilter);
        filterBar->addWidget(cb);
        m_filters << cb;
    }
    filterBar->addStretch(1);
    m_rowCount = new QLabel(rowsBox);
    m_rowCount->setObjectName(QStringLiteral("listRowCount"));
    filterBar->addWidget(m_rowCount);
    rl->addLayout(filterBar);

    m_rowsModel = new ListRowsModel(this);
    m_rowsView = new QTableView(rowsBox);
    m_rowsView->setObjectName(QStringLiteral("listRows"));
    m_rowsView->setAccessibleName(tr("Offending rows of the list"));
    m_rowsView->setModel(m_rowsModel);
    m_rowsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_rowsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rowsView->verticalHeader()->setVisible(false);
    m_rowsView->verticalHeader()->setDefaultSectionSize(m_rowsView->fontMetrics().height() + 8);
    m_rowsView->horizontalHeader()->setStretchLastSection(true);
    m_rowsView->setWordWrap(false);
    const QFontMetrics fm = m_rowsView->fontMetrics();
    m_rowsView->setColumnWidth(ListRowsModel::LineColumn, fm.horizontalAdvance(QStringLiteral("0000000")));
    m_rowsView->setColumnWidth(ListRowsModel::AddressColumn, fm.horizontalAdvance(QLatin1Char('m')) * 22);
    m_rowsView->setColumnWidth(ListRowsModel::ProblemsColumn, fm.horizontalAdvance(QLatin1Char('m')) * 12);
    m_rowsView->setColumnWidth(ListRowsModel::ReasonColumn, fm.horizontalAdvance(QLatin1Char('m')) * 28);
    connect(m_rowsModel, &QAbstractItemModel::rowsInserted, this, &ListsTab::updateRowCount);
    connect(m_rowsModel, &QAbstractItemModel::modelReset, this, &ListsTab::updateRowCount);
    rl->addWidget(m_rowsView);

    auto* top = new QWidget(this);
    auto* tl = new QVBoxLayout(top);
    tl->setContentsMargins(0, 0, 0, 0);
    tl->addWidget(new QLabel(tr("Imported lists of this account:"), top));
    tl->addWidget(m_lists);

    auto* split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("listsSplitter"));
    split->addWidget(top);
    split->addWidget(middle);
    split->addWidget(rowsBox);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 4);
    split->setStretchFactor(2, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split);
    clear();
}

QCheckBox* ListsTab::problemFilter(int problemBit) const
{
    for (int i = 0; i < 5; ++i)
        if (kProblemBits[i] == problemBit)
            return m_filters[i];
    return nullptr;
}

void ListsTab::clear()
{
    m_store = nullptr;
    m_accountId.clear();
    m_listData.clear();
    m_decisions.clear();
    m_lists->setRowCount(0);
    showList(-1);
}

void ListsTab::load(const CaseData& d, const CaseStore* store, const rules::Policy* policy)
{
    const QString keep = d.account.id == m_accountId ? currentListId() : QString();
    m_store = store;
    m_policy = policy;
    m_accountId = d.account.id;
    m_listData = d.lists;
    m_decisions.clear();
    for (const Decision& dec : d.decisions)
        if (isListAction(dec.action))
            m_decisions << dec;

    QDateTime importedAt;
    if (store)
        if (const auto rec = store->importOfAccount(d.account.id))
            importedAt = rec->info.importedAt;

    const QSignalBlocker block(m_lists);
    m_lists->setRowCount(int(m_listData.size()));
    for (int i = 0; i < m_listData.size(); ++i) {
        const MailingList& l = m_listData[i];
        QString rows = l.screening ? Labels::number(l.screening->rows)
                                   : (l.hasFile ? tr("not screened") : tr("no file in the bundle"));
        const std::optional<Decision> dec = listDecision(l.listId);
        const QString decision =
            dec ? tr("%1 by %2, %3")
                      .arg(Labels::action(dec->action), dec->reviewer, Labels::dateTime(dec->at))
                : tr("none yet");
        const QStringList cells{l.listId,
                                l.name,
                                l.source,
                                Labels::date(l.acquiredAt),
                                Labels::date(importedAt),
                                l.size ? Labels::number(*l.size) : QStringLiteral("—"),
                                rows,
                                decision};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setToolTip(cells[c]);
            if (c == 5 || (c == 6 && l.screening))
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_lists->setItem(i, c, item);
        }
        if (dec && dec->action == Action::RejectList)
            m_lists->item(i, 7)->setBackground(problemBackground(palette()));
    }
    m_lists->resizeColumnsToContents();
    // Room for up to five lists without scrolling (the splitter may not squeeze it below that).
    m_lists->setFixedHeight(m_lists->horizontalHeader()->sizeHint().height() +
                            m_lists->verticalHeader()->defaultSectionSize() *
                                int(std::min<qsizetype>(5, std::max<qsizetype>(2, m_listData.size()))) +
                            m_lists->horizontalScrollBar()->sizeHint().height() + 2 * m_lists->frameWidth());

    int select = 0;
    for (int i = 0; i < m_listData.size(); ++i)
        if (m_listData[i].listId == keep)
            select = i;
    // Without a kept choice, open the first list that has a screened file.
    if (keep.isEmpty())
        for (int i = int(m_listData.size()) - 1; i >= 0; --i)
            if (m_listData[i].screening)
                select = i;
    if (m_listData.isEmpty()) {
        showList(-1);
        return;
    }
    m_lists->setCurrentCell(select, 0);
    showList(select);
}

bool ListsTab::selectList(const QString& listId)
{
    for (int i = 0; i < m_listData.size(); ++i) {
        if (m_listData[i].listId == listId) {
            m_lists->setCurrentCell(i, 0); // calls showList through currentCellChanged
            if (currentListId() != listId)
                showList(i);
            return true;
        }
    }
    return false;
}

QString ListsTab::currentListId() const
{
    return m_rowsModel->listId();
}

std::optional<Decision> ListsTab::listDecision(const QString& listId) const
{
    for (auto it = m_decisions.crbegin(); it != m_decisions.crend(); ++it)
        if (it->listId == listId)
            return *it;
    return std::nullopt;
}

void ListsTab::showList(int index)
{
    if (index < 0 || index >= m_listData.size()) {
        m_title->setText(m_accountId.isEmpty() ? QString() : tr("This account has no imported lists."));
        for (int r = 0; r < SummaryRowCount; ++r)
            for (int c = 0; c < SummaryColumnCount; ++c)
                m_summary->setItem(r, c, new QTableWidgetItem);
        m_summaryNote->clear();
        m_chart->chart()->removeAllSeries();
        for (QAbstractAxis* a : m_chart->chart()->axes())
            m_chart->chart()->removeAxis(a);
        m_chartTitle->clear();
        m_series = nullptr;
        m_decision->clear();
        m_approve->setEnabled(false);
        m_reject->setEnabled(false);
        m_rowsModel->clear();
        return;
    }
    const MailingList& l = m_listData[index];
    m_title->setText(tr("List %1 — %2 (source: %3)").arg(l.listId, l.name, l.source));
    showSummary(l);
    showChart(l);
    showDecision(l.listId);
    m_approve->setEnabled(true);
    m_reject->setEnabled(true);

    QHash<QString, QString> typoOf;
    if (l.screening) {
        const QJsonObject root = QJsonDocument::fromJson(l.screening->detailsJson.toUtf8()).object();
        for (const auto& v :
             root.value(QStringLiteral("domains")).toObject().value(QStringLiteral("top")).toArray()) {
            const QJsonObject o = v.toObject();
            if (o.value(QStringLiteral("typo_of")).isString())
                typoOf.insert(o.value(QStringLiteral("domain")).toString(),
                              o.value(QStringLiteral("typo_of")).toString());
        }
        const QJsonArray ex = root.value(QStringLiteral("problems"))
                                  .toObject()
                                  .value(QStringLiteral("typo"))
                                  .toObject()
                                  .value(QStringLiteral("examples"))
                                  .toArray();
        for (const auto& v : ex) {
            const QString email = v.toObject().value(QStringLiteral("email")).toString().toLower();
            const qsizetype at = email.lastIndexOf(QLatin1Char('@'));
            if (at > 0)
                typoOf.insert(email.mid(at + 1), v.toObject().value(QStringLiteral("suggestion")).toString());
        }
    }
    m_rowsModel->setTypoSuggestions(typoOf);
    int mask = 0;
    for (int i = 0; i < 5; ++i) {
        if (m_filters[i]->isChecked())
            mask |= kProblemBits[i];
        m_filters[i]->setEnabled(l.hasFile);
    }
    m_rowsModel->setList(m_store, m_accountId, l.listId, mask);
}

void ListsTab::showSummary(const MailingList& list)
{
    for (int r = 0; r < SummaryRowCount; ++r)
        for (int c = 0; c < SummaryColumnCount; ++c)
            m_summary->setItem(r, c, new QTableWidgetItem);
    if (!list.screening) {
        m_summaryNote->setText(list.hasFile ? tr("The uploaded file of this list has not been screened.")
                                            : tr("The bundle holds no uploaded file for this list "
                                                 "(lists/%1/%2.csv), so there is nothing to screen.")
                                                  .arg(list.accountId, list.listId));
        return;
    }
    const ListScreeningSummary& s = *list.screening;
    const qint64 counts[SummaryRowCount] = {s.rows, s.invalid, s.duplicates, s.role, s.disposable, s.typo};
    struct RuleRef
    {
        QString rule;
        QString param; // share limit parameter; empty: any row fires
    };
    const std::optional<RuleRef> rules[SummaryRowCount] = {
        std::nullopt,
        RuleRef{QStringLiteral("list-invalid-addresses"), QStringLiteral("invalid_share_max")},
        std::nullopt,
        RuleRef{QStringLiteral("role-address"), QString()},
        RuleRef{QStringLiteral("list-disposable-domains"), QStringLiteral("disposable_share_max")},
        RuleRef{QStringLiteral("list-typo-domains"), QString()}};
    QStringList firing;
    for (int r = 0; r < SummaryRowCount; ++r) {
        const qint64 n = counts[r];
        const double share = s.rows > 0 ? double(n) / double(s.rows) : 0.0;
        auto set = [&](int c, const QString& text, const QString& tip = {}) {
            auto* item = new QTableWidgetItem(text);
            item->setToolTip(tip.isEmpty() ? text : tip);
            if (c <= ShareColumn)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_summary->setItem(r, c, item);
            return item;
        };
        set(CountColumn, Labels::number(n));
        set(ShareColumn, s.rows > 0 ? Labels::percent(share) : QStringLiteral("—"));
        if (r == TotalRow) {
            set(LimitColumn, QString());
            set(ResultColumn, QString());
            continue;
        }
        if (!rules[r]) {
            set(LimitColumn, tr("no policy rule"));
            set(ResultColumn, tr("for information"));
            continue;
        }
        const QString ruleId = rules[r]->rule;
        if (QTableWidgetItem* header = m_summary->verticalHeaderItem(r))
            header->setToolTip(ruleId);
        const rules::Policy::RuleSettings* rs = m_policy ? m_policy->rule(ruleId) : nullptr;
        if (!rs || !rs->enabled) {
            set(LimitColumn, tr("rule off in this policy"), ruleId);
            set(ResultColumn, QString());
            continue;
        }
        bool fires = false;
        if (rules[r]->param.isEmpty()) {
            set(LimitColumn, tr("none allowed"), tr("%1: any such row fires the rule").arg(ruleId));
            fires = n > 0;
        } else {
            const double max = m_policy->number(ruleId, rules[r]->param, 0.01);
            const auto cmp =
                rules::util::compareFromString(m_policy->param(ruleId, QStringLiteral("compare")).toString())
                    .value_or(rules::util::Compare::Gt);
            const QString limit = cmp == rules::util::Compare::Ge
                                      ? tr("below %1").arg(Labels::percent(max))
                                      : tr("at most %1").arg(Labels::percent(max));
            set(LimitColumn, limit,
                tr("%1: %2 %3").arg(ruleId, rules::util::toString(cmp), Labels::percent(max)));
            fires = s.rows > 0 && rules::util::fires(share, cmp, max);
        }
        QTableWidgetItem* result =
            set(ResultColumn, fires ? tr("over (%1)").arg(Labels::severity(rs->severity)) : tr("pass"),
                fires ? tr("%1 fires: %2").arg(ruleId, rs->clause) : tr("%1 does not fire").arg(ruleId));
        if (fires) {
            firing << ruleId;
            result->setBackground(severityBackground(rs->severity, palette()));
            QFont f = result->font();
            f.setBold(true);
            result->setFont(f);
        }
    }
    m_summaryNote->setText(
        (firing.isEmpty()
             ? tr("No list rule of policy %1 fires on this file.").arg(m_policy ? m_policy->id() : QString())
             : tr("%n list rule(s) of policy %1 fire on this file: %2.", nullptr, int(firing.size()))
                   .arg(m_policy ? m_policy->id() : QString(), firing.join(QStringLiteral(", ")))) +
        QLatin1Char(' ') +
        tr("Shares are of all %1 rows; a row can have several problems.").arg(Labels::number(s.rows)));
    m_summary->resizeColumnsToContents();
    // Every column visible: the summary pane is at least as wide as the table.
    int width = m_summary->verticalHeader()->sizeHint().width() + 2 * m_summary->frameWidth();
    for (int c = 0; c < SummaryColumnCount; ++c)
        width += m_summary->columnWidth(c);
    m_summary->setMinimumWidth(width);
    // Wide enough for the whole table, up to a cap so that long translations cannot push the window off
    // the screen (the pane scrolls sideways then).
    m_leftScroll->setMinimumWidth(
        std::min(width + m_leftScroll->verticalScrollBar()->sizeHint().width() + 4, 480));
    m_summary->setFixedHeight(m_summary->horizontalHeader()->sizeHint().height() +
                              m_summary->verticalHeader()->length() + 2 * m_summary->frameWidth());
}

void ListsTab::showChart(const MailingList& list)
{
    QChart* chart = m_chart->chart();
    chart->removeAllSeries();
    for (QAbstractAxis* a : chart->axes())
        chart->removeAxis(a);
    m_series = nullptr;
    if (!list.screening) {
        m_chartTitle->setText(tr("No screened file: no domain breakdown"));
        return;
    }
    const QJsonObject root = QJsonDocument::fromJson(list.screening->detailsJson.toUtf8()).object();
    const qint64 valid = qint64(root.value(QStringLiteral("valid")).toDouble());
    const QJsonObject domains = root.value(QStringLiteral("domains")).toObject();
    const QJsonArray top = domains.value(QStringLiteral("top")).toArray();
    if (valid <= 0 || top.isEmpty()) {
        m_chartTitle->setText(tr("No valid address: no domain breakdown"));
        return;
    }
    QStringList categories;
    QList<qreal> values;
    qint64 listed = 0;
    const int n = int(std::min<qsizetype>(kChartDomains, top.size()));
    for (int i = 0; i < n; ++i) {
        const QJsonObject o = top[i].toObject();
        QString name = o.value(QStringLiteral("domain")).toString();
        if (o.value(QStringLiteral("disposable")).toBool())
            name = tr("%1 (disposable)").arg(name);
        else if (o.value(QStringLiteral("typo_of")).isString())
            name = tr("%1 (typo of %2)").arg(name, o.value(QStringLiteral("typo_of")).toString());
        const qint64 count = qint64(o.value(QStringLiteral("count")).toDouble());
        listed += count;
        categories << name;
        values << 100.0 * double(count) / double(valid);
    }
    const qint64 other = valid - listed;
    const qint64 distinct = qint64(domains.value(QStringLiteral("distinct")).toDouble());
    if (other > 0) {
        categories << tr("others (%1)").arg(Labels::number(std::max<qint64>(1, distinct - n)));
        values << 100.0 * double(other) / double(valid);
    }
    // Horizontal bars are drawn bottom-up: reverse so that the largest domain is on top.
    std::reverse(categories.begin(), categories.end());
    std::reverse(values.begin(), values.end());

    auto* set = new QBarSet(tr("Share of valid addresses"));
    set->append(values);
    set->setColor(palette().color(QPalette::Highlight));
    set->setLabelColor(palette().color(QPalette::Text));
    m_series = new QHorizontalBarSeries;
    m_series->append(set);
    m_series->setLabelsVisible(true);
    m_series->setLabelsFormat(QStringLiteral("@value %"));
    m_series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    m_series->setLabelsPrecision(3);
    chart->addSeries(m_series);
    auto* axisY = new QBarCategoryAxis;
    axisY->append(categories);
    QFont labelFont = axisY->labelsFont();
    labelFont.setPointSizeF(labelFont.pointSizeF() * 0.9);
    axisY->setLabelsFont(labelFont);
    chart->addAxis(axisY, Qt::AlignLeft);
    m_series->attachAxis(axisY);
    auto* axisX = new QValueAxis;
    const qreal maxValue = *std::max_element(values.begin(), values.end());
    axisX->setRange(0, std::min<qreal>(100.0, std::max<qreal>(5.0, maxValue * 1.25)));
    axisX->setLabelFormat(QStringLiteral("%.0f %"));
    axisX->setTickCount(5);
    axisX->applyNiceNumbers(); // ticks at round shares (0, 10, 20 … %), not at quarters of the maximum
    chart->addAxis(axisX, Qt::AlignBottom);
    m_series->attachAxis(axisX);
    m_chartTitle->setText(tr("Domains by share of the %1 valid addresses (top %2 of %3)")
                              .arg(Labels::number(valid))
                              .arg(n)
                              .arg(Labels::number(distinct)));
}

void ListsTab::showDecision(const QString& listId)
{
    const std::optional<Decision> dec = listDecision(listId);
    QPalette p = m_decision->palette();
    if (!dec) {
        m_decision->setText(tr("No decision on this list yet."));
        p.setColor(QPalette::Window, palette().color(QPalette::Window));
    } else {
        m_decision->setText(
            (dec->action == Action::RejectList
                 ? tr("Rejected by %1 on %2.").arg(dec->reviewer, Labels::dateTime(dec->at))
                 : tr("Approved by %1 on %2.").arg(dec->reviewer, Labels::dateTime(dec->at))) +
            QLatin1Char('\n') + tr("Rationale: %1").arg(dec->rationale));
        p.setColor(QPalette::Window, dec->action == Action::RejectList ? problemBackground(palette())
                                                                       : palette().color(QPalette::Window));
    }
    p.setColor(QPalette::WindowText, palette().color(QPalette::Text));
    m_decision->setPalette(p);
}

void ListsTab::applyFilter()
{
    int mask = 0;
    for (int i = 0; i < 5; ++i)
        if (m_filters[i]->isChecked())
            mask |= kProblemBits[i];
    if (!currentListId().isEmpty())
        m_rowsModel->setProblemMask(mask);
}

void ListsTab::updateRowCount()
{
    if (currentListId().isEmpty()) {
        m_rowCount->clear();
        return;
    }
    const QString count = Labels::number(m_rowsModel->totalCount());
    m_rowCount->setText(m_rowsModel->problemMask() == 0 ? tr("All %1 rows of the file").arg(count)
                                                        : tr("%1 matching rows").arg(count));
}

} // namespace ad::ui
