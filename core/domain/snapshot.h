// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/types.h"

#include <QList>

namespace ad {

// Everything the rules module needs about one account, loaded from the case store in one go
// (CaseStore::loadSnapshot) or built by hand in tests. Rules read only this, the policy, the as-of time
// and the cross-account overlap index; never the store, never the clock.
struct AccountSnapshot
{
    Account account;
    AccountStatus currentStatus = AccountStatus::Active; // after this tool's effective decisions
    QList<Campaign> campaigns;
    QList<MailingList> lists;
    QList<EvidenceRow> evidence;
    QList<Complaint> complaints;
    QList<HistoryEntry> history;   // platform history (history.csv), oldest first
    QList<Decision> decisions;     // this tool's decisions, oldest first
    QList<StoredMessage> messages; // raw may be left empty by the loader when not needed
};

} // namespace ad
