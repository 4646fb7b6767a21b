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

// The parts of an AccountSnapshot a loader fills (CaseStore::forEachSnapshot(parts, …)); what is not
// asked for stays empty. `account` and `currentStatus` are always filled. The rules declare which parts
// they read (core/rules/registry.cpp), so evaluating a store reads only those.
namespace snapshot {
using Parts = quint32;
enum Part : Parts
{
    // campaigns: ids, sentAt and every count (not subject, fromAddress, listIds)
    Campaigns = 1u << 0,
    CampaignDetails = 1u << 1, // + subject, fromAddress, listIds (implies Campaigns)
                               // lists with their screening counts (not screening->detailsJson)
    Lists = 1u << 2,
    ListDetails = 1u << 3, // + screening->detailsJson (implies Lists)
                           // evidence: id, accountId, listId, subscriber, method, consentAt, source,
                           // checkboxDefault, emailContactExplained, lastPurchaseAt, lastContactedAt
    Evidence = 1u << 4,
    EvidenceDetails =
        1u << 5, // + ip, consentText, confirmedAt, sourceLine (implies Evidence)
                 // complaints: id, accountId, campaignId, receivedAt, recipient, feedbackType, source, origin
    Complaints = 1u << 6,
    ComplaintDetails = 1u << 7, // + note, file, sourceLine, userAgent, sourceIp, reportedMessage
    History = 1u << 8,
    Decisions = 1u << 9,
    Messages = 1u << 10, // every parsed field, never raw
    All = (1u << 11) - 1,
};
} // namespace snapshot

} // namespace ad
