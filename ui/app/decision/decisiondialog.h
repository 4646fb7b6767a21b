// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Records one decision (or the second approval of a pending terminate) through DecisionService, which
// checks it and writes the audit log. Evidence before verdict: the findings are a checklist the reviewer
// confirms; unticking one marks it disputed, which needs a rationale (added to the record). A rationale
// of at least a sentence is required when the action differs from the recommendation
// (DecisionService::rationaleRequired / rationaleIsSentence), and the reason is shown inline. The
// customer notice is previewed live in English or Indonesian.
//
// Opened with open() (never exec()), so tests drive it directly: set the widgets, then accept().

#include "audit/decisionservice.h"
#include "domain/types.h"
#include "rules/finding.h"

#include <QDialog>
#include <optional>

class QButtonGroup;
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

class DecisionDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode
    {
        Decide,
        Approve
    };

    struct Context
    {
        CaseStore* store = nullptr;
        const rules::Policy* policy = nullptr;
        const Clock* clock = nullptr;
        QString accountId;
        QString reviewer;
        QString noticeLanguage = QStringLiteral("en");
    };

    // Decide: `preselected` (nullopt = the recommendation, or warn when there is none).
    DecisionDialog(const Context& ctx, std::optional<Action> preselected, QWidget* parent = nullptr);
    // Approve the pending terminate of ctx.accountId.
    DecisionDialog(const Context& ctx, QWidget* parent = nullptr);

    Mode mode() const { return m_mode; }
    Action recommended() const { return m_recommended; }
    Action selectedAction() const;
    void setAction(Action a);
    void setRationale(const QString& text);
    void setFindingConfirmed(int index, bool confirmed);
    void setNoticeLanguage(const QString& lang);
    int findingCount() const;

    // Whether the record/approve button is enabled, and the inline reason when it is not.
    bool canRecord() const;
    QString blockingReason() const;
    QString noticeText() const;
    // The refusal of the last attempt (empty when none).
    QString errorText() const;
    const std::optional<DecisionOutcome>& outcome() const { return m_outcome; }

    QPlainTextEdit* rationaleEdit() const { return m_rationale; }
    QListWidget* findingList() const { return m_findings; }
    QPushButton* recordButton() const { return m_record; }
    QLabel* terminateNote() const { return m_terminateNote; }

public Q_SLOTS:
    // Records through DecisionService; stays open and shows the refusal when refused.
    void accept() override;

Q_SIGNALS:
    void recorded(const ad::DecisionOutcome& outcome);

private:
    void build();
    void updateState();
    void updateNotice();
    QStringList disputedRules() const;
    QString fullRationale() const;

    Context m_ctx;
    Mode m_mode;
    Action m_recommended = Action::None;
    QList<rules::Finding> m_findingList;
    std::optional<Decision> m_pending;
    std::optional<DecisionOutcome> m_outcome;
    AccountStatus m_status = AccountStatus::Active;

    QLabel* m_header = nullptr;
    QButtonGroup* m_actions = nullptr;
    QListWidget* m_findings = nullptr;
    QPlainTextEdit* m_rationale = nullptr;
    QLabel* m_rationaleNote = nullptr;
    QLabel* m_terminateNote = nullptr;
    NoticePreview* m_notice = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_record = nullptr;
};

} // namespace ad::ui
