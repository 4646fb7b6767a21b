// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/types.h"

namespace ad {

QString toString(AccountStatus s)
{
    switch (s) {
    case AccountStatus::Active:
        return QStringLiteral("active");
    case AccountStatus::Warned:
        return QStringLiteral("warned");
    case AccountStatus::Suspended:
        return QStringLiteral("suspended");
    case AccountStatus::Terminated:
        return QStringLiteral("terminated");
    }
    return {};
}

std::optional<AccountStatus> accountStatusFromString(QStringView s)
{
    if (s == u"active")
        return AccountStatus::Active;
    if (s == u"warned")
        return AccountStatus::Warned;
    if (s == u"suspended")
        return AccountStatus::Suspended;
    if (s == u"terminated")
        return AccountStatus::Terminated;
    return std::nullopt;
}

QString toString(Action a)
{
    switch (a) {
    case Action::None:
        return QStringLiteral("none");
    case Action::Warn:
        return QStringLiteral("warn");
    case Action::Suspend:
        return QStringLiteral("suspend");
    case Action::Terminate:
        return QStringLiteral("terminate");
    case Action::Reinstate:
        return QStringLiteral("reinstate");
    case Action::Dismiss:
        return QStringLiteral("dismiss");
    case Action::RequestProof:
        return QStringLiteral("request_proof");
    case Action::ApproveList:
        return QStringLiteral("approve_list");
    case Action::RejectList:
        return QStringLiteral("reject_list");
    }
    return {};
}

std::optional<Action> actionFromString(QStringView s)
{
    static const struct
    {
        const char16_t* name;
        Action action;
    } table[] = {{u"none", Action::None},
                 {u"warn", Action::Warn},
                 {u"suspend", Action::Suspend},
                 {u"terminate", Action::Terminate},
                 {u"reinstate", Action::Reinstate},
                 {u"dismiss", Action::Dismiss},
                 {u"request_proof", Action::RequestProof},
                 {u"proof_requested", Action::RequestProof},
                 {u"approve_list", Action::ApproveList},
                 {u"reject_list", Action::RejectList}};
    for (const auto& e : table) {
        if (s == QStringView(e.name))
            return e.action;
    }
    return std::nullopt;
}

QString toString(Severity s)
{
    switch (s) {
    case Severity::Info:
        return QStringLiteral("info");
    case Severity::Warn:
        return QStringLiteral("warn");
    case Severity::Suspend:
        return QStringLiteral("suspend");
    case Severity::Terminate:
        return QStringLiteral("terminate");
    }
    return {};
}

std::optional<Severity> severityFromString(QStringView s)
{
    if (s == u"info")
        return Severity::Info;
    if (s == u"warn")
        return Severity::Warn;
    if (s == u"suspend")
        return Severity::Suspend;
    if (s == u"terminate")
        return Severity::Terminate;
    return std::nullopt;
}

Action recommendedActionFor(Severity s)
{
    switch (s) {
    case Severity::Info:
        return Action::None;
    case Severity::Warn:
        return Action::Warn;
    case Severity::Suspend:
        return Action::Suspend;
    case Severity::Terminate:
        return Action::Terminate;
    }
    return Action::None;
}

QString toString(Decision::State s)
{
    switch (s) {
    case Decision::State::Effective:
        return QStringLiteral("effective");
    case Decision::State::PendingApproval:
        return QStringLiteral("pending_approval");
    case Decision::State::Approved:
        return QStringLiteral("approved");
    case Decision::State::Superseded:
        return QStringLiteral("superseded");
    }
    return {};
}

std::optional<Decision::State> decisionStateFromString(QStringView s)
{
    if (s == u"effective")
        return Decision::State::Effective;
    if (s == u"pending_approval")
        return Decision::State::PendingApproval;
    if (s == u"approved")
        return Decision::State::Approved;
    if (s == u"superseded")
        return Decision::State::Superseded;
    return std::nullopt;
}

} // namespace ad
