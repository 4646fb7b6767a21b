// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Records the reviewer's decision on one imported list (approve_list / reject_list) through
// DecisionService, which writes the decision and its "list_decision" audit entry in one transaction.
// A rationale of at least a sentence (DecisionService::rationaleIsSentence) is always required for a
// list decision; the record button stays disabled until there is one, and the reason is shown inline.
// The findings of the list rules on this list and the screening counts are shown as the basis; the
// customer notice (approve_list / reject_list template) is previewed in English or Indonesian.
// A refusal by DecisionService is shown in the dialog and nothing is written.
//
// Opened with open() (never exec()), so tests drive it: setRationale(), then accept().

#include "audit/decisionservice.h"
#include "domain/types.h"

#include <QDialog>
#include <optional>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace ad {
class CaseStore;
class Clock;
namespace rules {
class Policy;
}
} // namespace ad

namespace ad::ui {

class NoticePreview;

class ListDecisionDialog : public QDialog
{
    Q_OBJECT
public:
    struct Context
    {
        CaseStore* store = nullptr;
        const rules::Policy* policy = nullptr;
        const Clock* clock = nullptr;
        QString accountId;
        QString listId;
        QString reviewer;
        QString noticeLanguage = QStringLiteral("en");
    };

    // `action`: Action::ApproveList or Action::RejectList.
    ListDecisionDialog(const Context& ctx, Action action, QWidget* parent = nullptr);

    Action action() const { return m_action; }
    void setRationale(const QString& text);
    void setNoticeLanguage(const QString& lang);
    bool canRecord() const;
    QString blockingReason() const;
    // The refusal of the last attempt (empty when none).
    QString errorText() const;
    QString noticeText() const;
    const std::optional<DecisionOutcome>& outcome() const { return m_outcome; }

    QPlainTextEdit* rationaleEdit() const { return m_rationale; }
    QPushButton* recordButton() const { return m_record; }
    QListWidget* findingList() const { return m_findings; }

public Q_SLOTS:
    // Records through DecisionService; stays open and shows the refusal when refused.
    void accept() override;

Q_SIGNALS:
    void recorded(const ad::DecisionOutcome& outcome);

private:
    void updateState();
    void updateNotice();

    Context m_ctx;
    Action m_action;
    std::optional<DecisionOutcome> m_outcome;
    QList<rules::Finding> m_listFindings;

    QLabel* m_header = nullptr;
    QListWidget* m_findings = nullptr;
    QPlainTextEdit* m_rationale = nullptr;
    QLabel* m_rationaleNote = nullptr;
    NoticePreview* m_notice = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_record = nullptr;
};

} // namespace ad::ui
