// SPDX-License-Identifier: GPL-3.0-or-later
#include "decision/listdecisiondialog.h"

#include "common/findings.h"
#include "common/labels.h"
#include "common/severitystyle.h"
#include "decision/noticepreview.h"
#include "rules/policy.h"
#include "store/casestore.h"
#include "util/error.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ad::ui {

ListDecisionDialog::ListDecisionDialog(const Context& ctx, Action action, QWidget* parent)
    : QDialog(parent), m_ctx(ctx), m_action(action)
{
    setObjectName(QStringLiteral("listDecisionDialog"));
    const bool reject = action == Action::RejectList;
    setWindowTitle(reject ? tr("Reject list %1 — %2").arg(ctx.listId, ctx.accountId)
                          : tr("Approve list %1 — %2").arg(ctx.listId, ctx.accountId));

    const std::optional<Account> account = ctx.store->account(ctx.accountId);
    std::optional<MailingList> list;
    for (const MailingList& l : ctx.store->lists(ctx.accountId))
        if (l.listId == ctx.listId)
            list = l;
    if (const auto eval = ctx.store->evaluation(ctx.accountId))
        for (const rules::Finding& f : findingsFromJson(eval->findingsJson))
            if (f.evidence.value(QStringLiteral("list_id")).toString() == ctx.listId)
                m_listFindings << f;

    QString head = tr("Account %1 — %2\nList %3 — %4 (source: %5)\nReviewer: %6")
                       .arg(ctx.accountId, account ? account->name : QString(), ctx.listId,
                            list ? list->name : QString(), list ? list->source : QString(), ctx.reviewer);
    if (list && list->screening) {
        const ListScreeningSummary& s = *list->screening;
        head +=
            QLatin1Char('\n') +
            tr("Uploaded file: %1 rows: %2 invalid, %3 duplicates, %4 role, %5 disposable, %6 typo domains")
                .arg(Labels::number(s.rows), Labels::number(s.invalid), Labels::number(s.duplicates),
                     Labels::number(s.role), Labels::number(s.disposable), Labels::number(s.typo));
    }
    m_header = new QLabel(head, this);
    m_header->setObjectName(QStringLiteral("listDecisionHeader"));
    m_header->setTextFormat(Qt::PlainText);
    m_header->setWordWrap(true);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(new QLabel(tr("Findings of the rules on this list:"), this));
    m_findings = new QListWidget(this);
    m_findings->setObjectName(QStringLiteral("listFindings"));
    m_findings->setAccessibleName(tr("Findings on this list"));
    m_findings->setWordWrap(true);
    m_findings->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    for (const rules::Finding& f : std::as_const(m_listFindings)) {
        auto* item = new QListWidgetItem(
            tr("[%1] %2 — %3").arg(Labels::severity(f.severity), f.rule, f.summary), m_findings);
        item->setBackground(severityBackground(f.severity, palette()));
        item->setToolTip(f.toClear.isEmpty() ? f.clause : tr("%1\nWould clear: %2").arg(f.clause, f.toClear));
    }
    if (m_listFindings.isEmpty())
        new QListWidgetItem(tr("No rule fired on this list."), m_findings);
    m_findings->setMaximumHeight(std::min(200, 24 + 36 * int(std::max<qsizetype>(1, m_listFindings.size()))));
    layout->addWidget(m_findings);

    auto* rationaleLabel = new QLabel(tr("&Rationale (required):"), this);
    layout->addWidget(rationaleLabel);
    m_rationale = new QPlainTextEdit(this);
    m_rationale->setObjectName(QStringLiteral("listRationale"));
    m_rationale->setAccessibleName(tr("Rationale"));
    m_rationale->setTabChangesFocus(true);
    m_rationale->setPlaceholderText(reject ? tr("Why must this list not be used? At least a sentence.")
                                           : tr("Why may this list be used? At least a sentence."));
    m_rationale->setMaximumHeight(90);
    rationaleLabel->setBuddy(m_rationale);
    connect(m_rationale, &QPlainTextEdit::textChanged, this, [this] {
        updateState();
        updateNotice();
    });
    layout->addWidget(m_rationale);
    m_rationaleNote = new QLabel(this);
    m_rationaleNote->setObjectName(QStringLiteral("listRationaleNote"));
    m_rationaleNote->setWordWrap(true);
    layout->addWidget(m_rationaleNote);

    m_notice = new NoticePreview({tr("Customer notice:"), tr("Notice language"), tr("English"),
                                  tr("Indonesian"), tr("Customer notice preview")},
                                 QStringLiteral("listNoticeLanguage"), QStringLiteral("listNoticePreview"),
                                 ctx.noticeLanguage, this);
    m_notice->onLanguageChanged(this, [this] { updateNotice(); });
    layout->addWidget(m_notice, 1);

    m_error = newRefusalLabel(QStringLiteral("listDecisionError"), this);
    layout->addWidget(m_error);

    auto* buttons = new QDialogButtonBox(this);
    m_record =
        buttons->addButton(reject ? tr("Re&ject list") : tr("&Approve list"), QDialogButtonBox::AcceptRole);
    m_record->setObjectName(QStringLiteral("recordListDecision"));
    m_record->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &ListDecisionDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ListDecisionDialog::reject);
    layout->addWidget(buttons);
    resize(700, 600);
    updateState();
    updateNotice();
}

void ListDecisionDialog::setRationale(const QString& text)
{
    m_rationale->setPlainText(text);
}

void ListDecisionDialog::setNoticeLanguage(const QString& lang)
{
    m_notice->setLanguage(lang);
}

QString ListDecisionDialog::blockingReason() const
{
    if (!DecisionService::rationaleIsSentence(m_rationale->toPlainText()))
        return tr("A list decision needs a rationale of at least a sentence (20 characters, 3 words).");
    return {};
}

bool ListDecisionDialog::canRecord() const
{
    return blockingReason().isEmpty();
}

void ListDecisionDialog::updateState()
{
    const QString reason = blockingReason();
    m_record->setEnabled(reason.isEmpty());
    m_record->setToolTip(reason);
    m_rationaleNote->setText(reason.isEmpty() ? tr("✓ Rationale given.") : QStringLiteral("⚠ ") + reason);
}

void ListDecisionDialog::updateNotice()
{
    try {
        const DecisionService service(*m_ctx.store, *m_ctx.policy, *m_ctx.clock);
        const QString text = service.notice(m_ctx.accountId, m_action, m_notice->language(), m_listFindings,
                                            m_rationale->toPlainText(), m_ctx.listId);
        m_notice->setText(text.isEmpty() ? tr("No notice is sent to the customer for this action.") : text);
    } catch (const Error& e) {
        m_notice->setText(tr("The notice cannot be generated: %1").arg(e.message()));
    }
}

QString ListDecisionDialog::noticeText() const
{
    return m_notice->text();
}

QString ListDecisionDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void ListDecisionDialog::accept()
{
    updateState();
    if (!canRecord()) {
        m_error->setText(tr("Not recorded: %1").arg(blockingReason()));
        m_error->setVisible(true);
        return;
    }
    try {
        DecisionService service(*m_ctx.store, *m_ctx.policy, *m_ctx.clock);
        DecisionRequest req;
        req.accountId = m_ctx.accountId;
        req.listId = m_ctx.listId;
        req.action = m_action;
        req.rationale = m_rationale->toPlainText().trimmed();
        req.reviewer = m_ctx.reviewer;
        req.language = m_notice->language();
        m_outcome = service.decide(req, QDateTime());
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
