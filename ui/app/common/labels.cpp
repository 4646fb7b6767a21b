// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/labels.h"

#include <QLocale>

namespace ad::ui {

QString Labels::status(AccountStatus s)
{
    switch (s) {
    case AccountStatus::Active:
        return tr("active");
    case AccountStatus::Warned:
        return tr("warned");
    case AccountStatus::Suspended:
        return tr("suspended");
    case AccountStatus::Terminated:
        return tr("terminated");
    }
    return {};
}

QString Labels::action(Action a)
{
    switch (a) {
    case Action::None:
        return tr("none");
    case Action::Warn:
        return tr("warn");
    case Action::Suspend:
        return tr("suspend");
    case Action::Terminate:
        return tr("terminate");
    case Action::Reinstate:
        return tr("reinstate");
    case Action::Dismiss:
        return tr("dismiss");
    case Action::RequestProof:
        return tr("request proof");
    case Action::ApproveList:
        return tr("approve list");
    case Action::RejectList:
        return tr("reject list");
    }
    return {};
}

QString Labels::severity(Severity s)
{
    switch (s) {
    case Severity::Info:
        return tr("info");
    case Severity::Warn:
        return tr("warn");
    case Severity::Suspend:
        return tr("suspend");
    case Severity::Terminate:
        return tr("terminate");
    }
    return {};
}

QString Labels::decisionState(Decision::State s)
{
    switch (s) {
    case Decision::State::Effective:
        return tr("effective");
    case Decision::State::PendingApproval:
        return tr("awaiting second approval");
    case Decision::State::Approved:
        return tr("approved");
    case Decision::State::Superseded:
        return tr("superseded");
    }
    return {};
}

QString Labels::percent(std::optional<double> share)
{
    if (!share)
        return QStringLiteral("—");
    return QLocale().toString(*share * 100.0, 'f', 2) + QStringLiteral(" %");
}

QString Labels::dateTime(const QDateTime& t)
{
    if (!t.isValid())
        return QStringLiteral("—");
    return QLocale().toString(t.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString Labels::date(const QDateTime& t)
{
    if (!t.isValid())
        return QStringLiteral("—");
    return t.toUTC().date().toString(Qt::ISODate);
}

QString Labels::number(qint64 n)
{
    return QLocale().toString(n);
}

QString Labels::yesNo(std::optional<bool> b)
{
    if (!b)
        return QStringLiteral("—");
    return *b ? tr("yes") : tr("no");
}

QList<Action> Labels::reviewerActions()
{
    return {Action::Warn,      Action::Suspend, Action::Terminate,
            Action::Reinstate, Action::Dismiss, Action::RequestProof};
}

} // namespace ad::ui
