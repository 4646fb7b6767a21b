// SPDX-License-Identifier: GPL-3.0-or-later
#include "decision/decisiondialog.h"

#include "common/findings.h"
#include "common/labels.h"
#include "common/severitystyle.h"
#include "decision/noticepreview.h"
#include "rules/policy.h"
#include "store/casestore.h"
#include "util/error.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace ad::ui {

DecisionDialog::DecisionDialog(const Context& ctx, std::optional<Action> preselected, QWidget* parent)
    : QDialog(parent), m_ctx(ctx), m_mode(Mode::Decide)
{
    if (const auto eval = ctx.store->evaluation(ctx.accountId)) {
        m_recommended = eval->recommended;
        m_findingList = findingsFromJson(eval->findingsJson);
    }
    build();
    Action initial = preselected.value_or(m_recommended == Action::None ? Action::Dismiss : m_recommended);
    setAction(initial);
}

DecisionDialog::DecisionDialog(const Context& ctx, QWidget* parent)
    : QDialog(parent), m_ctx(ctx), m_mode(Mode::Approve)
{
    const QList<Decision> decisions = ctx.store->decisions(ctx.accountId);
    if (!decisions.isEmpty() && decisions.constLast().action == Action::Terminate &&
        decisions.constLast().state == Decision::State::PendingApproval) {
        m_pending = decisions.constLast();
        m_recommended = m_pending->recommended;
        m_findingList = findingsFromJson(m_pending->findingsJson);
    }
    build();
    updateState();
}

void DecisionDialog::build()
{
    setObjectName(QStringLiteral("decisionDialog"));
    const std::optional<Account> account = m_ctx.store->account(m_ctx.accountId);
    m_status = m_ctx.store->currentStatus(m_ctx.accountId);
    const QString name = account ? account->name : QString();
    setWindowTitle(m_mode == Mode::Decide ? tr("Decision — %1").arg(m_ctx.accountId)
                                          : tr("Approve termination — %1").arg(m_ctx.accountId));

    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("decisionHeader"));
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::PlainText);
    QString head = tr("Account %1 — %2\nCurrent status: %3 · Recommended by the rules: %4\nReviewer: %5")
                       .arg(m_ctx.accountId, name, Labels::status(m_status), Labels::action(m_recommended),
                            m_ctx.reviewer);
    if (m_mode == Mode::Approve && m_pending)
        head += QLatin1Char('\n') +
                tr("Termination proposed by %1 on %2. Rationale: %3")
                    .arg(m_pending->reviewer, Labels::dateTime(m_pending->at),
                         m_pending->rationale.isEmpty() ? QStringLiteral("—") : m_pending->rationale);
    m_header->setText(head);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_header);

    if (m_mode == Mode::Decide) {
        auto* box = new QGroupBox(tr("Action"), this);
        auto* row = new QHBoxLayout(box);
        m_actions = new QButtonGroup(this);
        const QList<Action> actions = Labels::reviewerActions();
        const QStringList keys{QStringLiteral("&W"), QStringLiteral("&S"), QStringLiteral("&T"),
                               QStringLiteral("&R"), QStringLiteral("&D"), QStringLiteral("&P")};
        for (int i = 0; i < actions.size(); ++i) {
            QString label = Labels::action(actions[i]);
            if (actions[i] == m_recommended)
                label = tr("%1 (recommended)").arg(label);
            auto* b = new QRadioButton(label, box);
            b->setObjectName(QStringLiteral("action_") + toString(actions[i]));
            b->setToolTip(tr("Shortcut in the queue: %1").arg(keys[i].mid(1).toLower()));
            m_actions->addButton(b, int(actions[i]));
            row->addWidget(b);
        }
        connect(m_actions, &QButtonGroup::idToggled, this, [this](int, bool on) {
            if (on) {
                updateState();
                updateNotice();
            }
        });
        layout->addWidget(box);
    }

    auto* findingsLabel = new QLabel(
        m_mode == Mode::Decide ? tr("Findings — tick each one you have checked against the evidence; an "
                                    "unticked finding is recorded "
                                    "as disputed and needs a rationale:")
                               : tr("Findings the termination rests on — tick each one you have checked:"),
        this);
    findingsLabel->setWordWrap(true);
    layout->addWidget(findingsLabel);
    m_findings = new QListWidget(this);
    m_findings->setObjectName(QStringLiteral("findingChecklist"));
    m_findings->setAccessibleName(tr("Findings checklist"));
    // Long summaries wrap instead of scrolling sideways (the numbers are at their end).
    m_findings->setWordWrap(true);
    m_findings->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_findings->setResizeMode(QListView::Adjust);
    for (const rules::Finding& f : std::as_const(m_findingList)) {
        auto* item = new QListWidgetItem(
            tr("[%1] %2 — %3").arg(Labels::severity(f.severity), f.rule, f.summary), m_findings);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(Qt::Checked);
        item->setData(Qt::UserRole, f.rule);
        item->setBackground(severityBackground(f.severity, palette()));
        item->setToolTip(f.toClear.isEmpty() ? f.clause : tr("%1\nWould clear: %2").arg(f.clause, f.toClear));
    }
    if (m_findingList.isEmpty()) {
        auto* item = new QListWidgetItem(tr("No rule fired for this account."), m_findings);
        item->setFlags(Qt::ItemIsEnabled);
    }
    m_findings->setMaximumHeight(std::min(240, 24 + 36 * int(std::max<qsizetype>(1, m_findingList.size()))));
    connect(m_findings, &QListWidget::itemChanged, this, [this] { updateState(); });
    layout->addWidget(m_findings);

    if (m_mode == Mode::Decide) {
        layout->addWidget(new QLabel(tr("&Rationale:"), this));
        m_rationale = new QPlainTextEdit(this);
        m_rationale->setObjectName(QStringLiteral("rationale"));
        m_rationale->setAccessibleName(tr("Rationale"));
        m_rationale->setTabChangesFocus(true);
        m_rationale->setPlaceholderText(
            tr("Why this action? Required when it differs from the recommendation."));
        m_rationale->setMaximumHeight(90);
        static_cast<QLabel*>(layout->itemAt(layout->count() - 1)->widget())->setBuddy(m_rationale);
        connect(m_rationale, &QPlainTextEdit::textChanged, this, [this] {
            updateState();
            updateNotice();
        });
        layout->addWidget(m_rationale);
        m_rationaleNote = new QLabel(this);
        m_rationaleNote->setObjectName(QStringLiteral("rationaleNote"));
        m_rationaleNote->setWordWrap(true);
        layout->addWidget(m_rationaleNote);
    }

    m_terminateNote = new QLabel(this);
    m_terminateNote->setObjectName(QStringLiteral("terminateNote"));
    m_terminateNote->setWordWrap(true);
    m_terminateNote->setMargin(4);
    setTintedBackground(m_terminateNote, severityBackground(Severity::Terminate, palette()));
    layout->addWidget(m_terminateNote);

    m_notice = new NoticePreview({tr("Customer notice:"), tr("Notice language"), tr("English"),
                                  tr("Indonesian"), tr("Customer notice preview")},
                                 QStringLiteral("noticeLanguage"), QStringLiteral("noticePreview"),
                                 m_ctx.noticeLanguage, this);
    m_notice->onLanguageChanged(this, [this] { updateNotice(); });
    layout->addWidget(m_notice, 1);
    if (m_mode == Mode::Approve && m_pending) {
        // The approval sends the notice in the language chosen when the termination was proposed.
        m_notice->setLanguage(m_pending->noticeLanguage);
        m_notice->setLanguageEnabled(false);
    }

    m_error = newRefusalLabel(QStringLiteral("decisionError"), this);
    layout->addWidget(m_error);

    auto* buttons = new QDialogButtonBox(this);
    m_record =
        buttons->addButton(m_mode == Mode::Decide ? tr("&Record decision") : tr("&Approve termination"),
                           QDialogButtonBox::AcceptRole);
    m_record->setObjectName(QStringLiteral("recordButton"));
    m_record->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &DecisionDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &DecisionDialog::reject);
    layout->addWidget(buttons);
    resize(760, 680);
}

Action DecisionDialog::selectedAction() const
{
    if (m_mode == Mode::Approve)
        return Action::Terminate;
    const int id = m_actions->checkedId();
    return id < 0 ? Action::None : static_cast<Action>(id);
}

void DecisionDialog::setAction(Action a)
{
    if (m_mode != Mode::Decide)
        return;
    if (QAbstractButton* b = m_actions->button(int(a)))
        b->setChecked(true);
    updateState();
    updateNotice();
}

void DecisionDialog::setRationale(const QString& text)
{
    if (m_rationale)
        m_rationale->setPlainText(text);
}

void DecisionDialog::setFindingConfirmed(int index, bool confirmed)
{
    if (index >= 0 && index < m_findingList.size())
        m_findings->item(index)->setCheckState(confirmed ? Qt::Checked : Qt::Unchecked);
}

void DecisionDialog::setNoticeLanguage(const QString& lang)
{
    m_notice->setLanguage(lang);
}

int DecisionDialog::findingCount() const
{
    return int(m_findingList.size());
}

QStringList DecisionDialog::disputedRules() const
{
    QStringList out;
    for (int i = 0; i < m_findingList.size(); ++i)
        if (m_findings->item(i)->checkState() != Qt::Checked)
            out << m_findingList[i].rule;
    return out;
}

QString DecisionDialog::fullRationale() const
{
    QString r = m_rationale ? m_rationale->toPlainText().trimmed() : QString();
    const QStringList disputed = disputedRules();
    if (!disputed.isEmpty())
        r += (r.isEmpty() ? QString() : QStringLiteral(" ")) +
             tr("Disputed findings: %1.").arg(disputed.join(QStringLiteral(", ")));
    return r;
}

QString DecisionDialog::blockingReason() const
{
    if (m_mode == Mode::Approve) {
        if (!m_pending)
            return tr("No terminate decision is waiting for approval on this account.");
        if (m_pending->reviewer.compare(m_ctx.reviewer, Qt::CaseInsensitive) == 0)
            return tr("You (%1) proposed this termination: a second, different reviewer must approve it. "
                      "Change the reviewer in Settings if someone else is at this desk.")
                .arg(m_ctx.reviewer);
        if (!disputedRules().isEmpty())
            return tr("Tick every finding you have checked; an approval confirms all of them.");
        return {};
    }
    const Action a = selectedAction();
    if (a == Action::None)
        return tr("Choose an action.");
    const QString text = m_rationale->toPlainText();
    const bool sentence = DecisionService::rationaleIsSentence(text);
    if (DecisionService::rationaleRequired(a, m_recommended) && !sentence)
        return tr("A rationale of at least a sentence (20 characters, 3 words) is required: %1 differs from "
                  "the recommendation (%2).")
            .arg(Labels::action(a), Labels::action(m_recommended));
    if (!disputedRules().isEmpty() && !sentence)
        return tr("You disputed %n finding(s): explain why in at least a sentence (20 characters, 3 words).",
                  nullptr, int(disputedRules().size()));
    return {};
}

bool DecisionDialog::canRecord() const
{
    return blockingReason().isEmpty();
}

void DecisionDialog::updateState()
{
    const QString reason = blockingReason();
    m_record->setEnabled(reason.isEmpty());
    m_record->setToolTip(reason);
    if (m_rationaleNote) {
        const Action a = selectedAction();
        if (!reason.isEmpty())
            m_rationaleNote->setText(QStringLiteral("⚠ ") + reason);
        else if (DecisionService::rationaleRequired(a, m_recommended))
            m_rationaleNote->setText(tr("✓ Override of the recommendation, with a rationale."));
        else
            m_rationaleNote->setText(tr("The action follows the recommendation; a rationale is optional."));
    }
    if (m_mode == Mode::Approve) {
        m_terminateNote->setText(
            reason.isEmpty() ? tr("Approving makes the termination effective now and sends the notice.")
                             : reason);
        m_terminateNote->setVisible(true);
    } else if (selectedAction() == Action::Terminate && m_ctx.policy &&
               m_ctx.policy->terminateNeedsSecondReviewer()) {
        m_terminateNote->setText(
            tr("Terminate needs a second reviewer: it is recorded as pending and takes effect "
               "only when a different reviewer approves it (Case ▸ Approve pending "
               "termination). Until then the account stays %1.")
                .arg(Labels::status(m_status)));
        m_terminateNote->setVisible(true);
    } else {
        m_terminateNote->setVisible(false);
    }
}

void DecisionDialog::updateNotice()
{
    if (!m_notice)
        return;
    const Action a = selectedAction();
    if (a == Action::None) {
        m_notice->clear();
        return;
    }
    try {
        const DecisionService service(*m_ctx.store, *m_ctx.policy, *m_ctx.clock);
        const QString rationale =
            m_mode == Mode::Approve && m_pending ? m_pending->rationale : fullRationale();
        const QString text =
            service.notice(m_ctx.accountId, a, m_notice->language(), m_findingList, rationale);
        m_notice->setText(text.isEmpty() ? tr("No notice is sent to the customer for this action.") : text);
    } catch (const Error& e) {
        m_notice->setText(tr("The notice cannot be generated: %1").arg(e.message()));
    }
}

QString DecisionDialog::noticeText() const
{
    return m_notice->text();
}

QString DecisionDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void DecisionDialog::accept()
{
    updateState();
    if (!canRecord()) {
        m_error->setText(blockingReason());
        m_error->setVisible(true);
        return;
    }
    try {
        DecisionService service(*m_ctx.store, *m_ctx.policy, *m_ctx.clock);
        if (m_mode == Mode::Approve) {
            m_outcome = service.approve(m_ctx.accountId, m_ctx.reviewer);
        } else {
            DecisionRequest req;
            req.accountId = m_ctx.accountId;
            req.action = selectedAction();
            req.rationale = fullRationale();
            req.reviewer = m_ctx.reviewer;
            req.language = m_notice->language();
            m_outcome = service.decide(req, QDateTime());
        }
    } catch (const Error& e) {
        m_error->setText(tr("Not recorded: %1").arg(e.message()));
        m_error->setVisible(true);
        return;
    }
    m_error->setVisible(false);
    Q_EMIT recorded(*m_outcome);
    QDialog::accept();
}

} // namespace ad::ui
