// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Reviewer-facing names of the domain's enums and formatting of numbers, all translatable.

#include "domain/types.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <optional>

namespace ad::ui {

class Labels
{
    Q_DECLARE_TR_FUNCTIONS(Labels)
public:
    static QString status(AccountStatus s);
    static QString action(Action a);
    static QString severity(Severity s);
    static QString decisionState(Decision::State s);
    // "0.31 %" (two decimals), "—" when absent.
    static QString percent(std::optional<double> share);
    static QString percent(double share) { return percent(std::optional<double>(share)); }
    // Local date and time, short; "—" when invalid.
    static QString dateTime(const QDateTime& t);
    static QString date(const QDateTime& t);
    static QString number(qint64 n);
    static QString yesNo(std::optional<bool> b);
    // The actions a reviewer can record from the decision dialog, in menu order.
    static QList<Action> reviewerActions();
};

} // namespace ad::ui
