// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Column lists and row readers shared by the store's readers (internal to core/store). Each AD_*_COLS
// list is the column order its read* function expects, starting at column 0.

#include "store/casestore.h"
#include "store/sqlite.h"

#define AD_ACCOUNT_COLS                                                                                      \
    "account_id, name, owner_email, from_addresses, postal_address, website, signup_at, platform_status, "   \
    "flagged_at, flag_reason"
#define AD_ACCOUNT_NCOLS 10
#define AD_CAMPAIGN_COLS                                                                                     \
    "account_id, campaign_id, sent_at, subject, from_address, list_ids, sent, delivered, bounces, "          \
    "hard_bounces, complaints, unsubscribes, unique_opens, unique_clicks"
#define AD_LIST_COLS                                                                                         \
    "account_id, list_id, name, source, acquired_at, size, double_opt_in, has_file, rows_total, invalid, "   \
    "duplicates, role, disposable, typo, screening_json"
#define AD_EVIDENCE_COLS                                                                                     \
    "id, account_id, list_id, subscriber, method, consent_at, source, ip, checkbox_default, "                \
    "email_contact_explained, consent_text, confirmed_at, last_purchase_at, last_contacted_at, source_line"
#define AD_COMPLAINT_COLS                                                                                    \
    "id, account_id, campaign_id, received_at, recipient, feedback_type, source, note, origin, file, "       \
    "source_line, user_agent, source_ip, reported_message"
#define AD_HISTORY_COLS "id, account_id, at, action, reason, taken_by"
// Without raw (column 18 when a query appends ", raw").
#define AD_MESSAGE_COLS                                                                                      \
    "id, account_id, campaign_id, file, mbox_index, sha256, from_header, subject, date, text, links, "       \
    "link_domains, list_unsubscribe, one_click_unsubscribe, spf, dkim, dmarc, parse_warnings"
// Over `decisions d`: the approval fields fall back to the approval decision pointing at the row.
#define AD_DECISION_COLS                                                                                     \
    "d.id, d.account_id, d.list_id, d.action, d.recommended, d.state, d.reviewer, d.at, d.rationale, "       \
    "d.policy_id, d.policy_version, d.findings_json, d.notice_language, d.notice_text, "                     \
    "d.approves_decision_id, "                                                                               \
    "COALESCE(d.approved_by, (SELECT x.reviewer FROM decisions x WHERE x.approves_decision_id = d.id "       \
    "ORDER BY x.id LIMIT 1)), "                                                                              \
    "COALESCE(d.approved_at, (SELECT x.at FROM decisions x WHERE x.approves_decision_id = d.id "             \
    "ORDER BY x.id LIMIT 1))"
#define AD_AUDIT_COLS "seq, at, actor, kind, account_id, payload, prev_hash, hash"
#define AD_IMPORT_COLS                                                                                       \
    "id, bundle_path, bundle_sha256, exported_at, source, imported_at, imported_by, summary_json"
#define AD_IMPORT_COLS_I                                                                                     \
    "i.id, i.bundle_path, i.bundle_sha256, i.exported_at, i.source, i.imported_at, i.imported_by, "          \
    "i.summary_json"

namespace ad::store::detail {

Account readAccount(const sql::Statement& q, int firstColumn);
Campaign readCampaign(const sql::Statement& q);
MailingList readList(const sql::Statement& q);
// The screening counts of AD_LIST_COLS (rows, invalid, duplicates, role, disposable, typo) from columns
// from..from+5; detailsJson is left empty.
ListScreeningSummary readScreeningCounts(const sql::Statement& q, int from);
EvidenceRow readEvidence(const sql::Statement& q);
Complaint readComplaint(const sql::Statement& q);
HistoryEntry readHistory(const sql::Statement& q);
StoredMessage readMessage(const sql::Statement& q, bool withRaw);
Decision readDecision(const sql::Statement& q);
AuditEntry readAudit(const sql::Statement& q);
ImportRecord readImport(const sql::Statement& q);

QByteArray toJsonArray(const QStringList& items); // empty -> null
QByteArray linksToJson(const QList<MessageLink>& links);

} // namespace ad::store::detail
