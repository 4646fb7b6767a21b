// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The case store: one SQLite file holding the imported cases, this tool's decisions and its audit log.
// All SQL of the project lives behind this interface (a PostgreSQL team store can implement it later).
// The store never opens a dialog and never reads the clock: callers pass times in.
//
// Errors are thrown as ad::Error: Kind::Input for a file that is not a case store or has a newer schema,
// Kind::Input for constraint violations during import (the caller adds file/line), Kind::Internal for
// everything else.

#include "domain/snapshot.h"
#include "domain/types.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QString>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <utility>
#include <vector>

namespace ad {

namespace sql {
class Database;
}

struct ImportInfo
{
    QString bundlePath;   // as given by the user
    QString bundleSha256; // hash over the sorted (path, sha256) list of every file read
    QDateTime exportedAt; // manifest.json
    QString source;       // manifest.json
    QDateTime importedAt; // from the caller's clock
    QString importedBy;   // reviewer
};

struct ImportRecord
{
    qint64 id = 0;
    ImportInfo info;
    QString summaryJson; // counts and warnings, as printed by `abusedesk-cli import --json`
};

// Cached result of the rules module for one account, so the queue can sort and filter 100,000 accounts
// in SQL. Written by the evaluation service after each evaluation.
struct EvaluationRow
{
    QString accountId;
    QDateTime asOf;
    QString policyId;
    QString policyVersion;
    Action recommended = Action::None;
    QString worstRule; // rule id of the most severe finding (first by severity, then rule order)
    std::optional<Severity> worstSeverity;
    int findingCount = 0;
    QStringList rules;    // ids of every rule that fired (for the queue's rule filter)
    QString findingsJson; // the findings array exactly as `evaluate --json` prints it
    // The same text as UTF-8, as the evaluation makes it: when set, saveEvaluations compares and writes
    // these bytes and ignores findingsJson (which the evaluation then leaves empty). Rows read back from
    // the store have only findingsJson.
    QByteArray findingsJsonUtf8;
    // Account-level rates over campaigns with at least the policy's min_volume (null when none).
    std::optional<double> complaintRate, bounceRate, unsubscribeRate, openRate;
    qint64 complaintCount = 0; // complaint reports (csv rows + ARF) of the account
    // Set by the evaluation (scanStoredEvaluations, on the connection that read the account): the row
    // stored then equals this one in every column above. See saveEvaluations.
    bool sameAsStored = false;
};

enum class QueueColumn
{
    AccountId,
    Name,
    Status,
    Recommended,
    WorstFinding,
    ComplaintRate,
    BounceRate,
    UnsubscribeRate,
    OpenRate,
    Complaints,
    FlaggedAt,
    Assignee
};

struct QueueFilter
{
    QString status;      // "" = any; else an AccountStatus string
    QString recommended; // "" = any; else an Action string (none/warn/suspend/terminate)
    QString rule;        // "" = any; else a rule id that must have fired
    QString text; // "" = any; else full-text (FTS5) over account name, id, e-mails, addresses, messages
    bool pendingOnly = false; // only accounts with a terminate awaiting approval
};

struct QueueRow
{
    QString accountId;
    QString name;
    AccountStatus status = AccountStatus::Active; // current status (after this tool's decisions)
    std::optional<Action> recommended;            // nullopt when never evaluated
    QString worstRule;
    std::optional<Severity> worstSeverity;
    std::optional<double> complaintRate, bounceRate, unsubscribeRate, openRate;
    qint64 complaintCount = 0;
    QDateTime flaggedAt;
    QString assignee;
    bool pendingApproval = false;
};

struct AuditEntry
{
    qint64 seq = 0; // 1, 2, 3, … in append order
    QDateTime at;
    QString actor;       // reviewer or "import"
    QString kind;        // "import", "decision", "approval", "list_decision", …
    QString accountId;   // may be empty
    QString payloadJson; // canonical JSON of what happened (decision, policy id/version, findings…)
    QString prevHash;    // hex SHA-256 of the previous entry ("" for the first)
    QString hash;        // hex SHA-256 over seq, at, actor, kind, accountId, payloadJson, prevHash
};

// One row of an imported list file (lists/<account>/<list>.csv), kept as uploaded.
struct ListRow
{
    qint64 line = 0;  // line in the list file
    QString email;    // as uploaded
    QString rawJson;  // the other columns, {"column": "value", …}
    int problems = 0; // bit set of lists::Problem (see core/lists), computed at import
};

// How many rows of each kind one account has (CaseStore::caseCounts): what a case view shows before it
// reads the rows themselves.
struct CaseCounts
{
    qint64 campaigns = 0, lists = 0, evidence = 0, complaints = 0, messages = 0, history = 0, decisions = 0;
};

// The bulk rows of an import as UTF-8 views (valid for the duration of the ImportWriter call) and
// timestamps in milliseconds since the epoch, UTC (nullopt: absent). An empty view is stored as NULL
// wherever the record's optional text is (the same values as Campaign/EvidenceRow/ListRow would store).
struct CampaignUtf8
{
    QByteArrayView accountId, campaignId, subject, fromAddress;
    QByteArrayView listIds; // already ';'-joined, without empty parts
    std::optional<qint64> sentAt;
    qint64 sent = 0, delivered = 0, bounces = 0, complaints = 0, unsubscribes = 0, uniqueOpens = 0;
    std::optional<qint64> hardBounces, uniqueClicks;
};
struct EvidenceUtf8
{
    QByteArrayView accountId, listId, subscriber, method, source, ip, checkboxDefault, consentText;
    std::optional<qint64> consentAt, confirmedAt, lastPurchaseAt, lastContactedAt;
    std::optional<bool> emailContactExplained;
    qint64 sourceLine = 0;
};
struct ListRowUtf8
{
    qint64 line = 0;
    QByteArrayView email, rawJson;
    int problems = 0;
};

class ImportWriter;

class CaseStore
{
public:
    static constexpr int kSchemaVersion = 2;

    // Opens (creating if needed) and migrates the store at `path`. A file written by a newer version of
    // the program is refused with Kind::Input: "…was written by a newer AbuseDesk (schema N); this
    // version reads up to schema M". A file that is not SQLite / not a case store is refused likewise.
    explicit CaseStore(const QString& path);
    ~CaseStore();
    CaseStore(const CaseStore&) = delete;
    CaseStore& operator=(const CaseStore&) = delete;

    QString path() const;
    int schemaVersion() const;

    // ---- Import ---------------------------------------------------------------------------------
    // Starts the one write transaction of an import (BEGIN IMMEDIATE). Nothing is visible to other
    // connections and nothing reaches the file's committed state until ImportWriter::commit(); destroying
    // the writer without commit rolls back, leaving the store byte-for-byte as it was.
    std::unique_ptr<ImportWriter> beginImport(const ImportInfo& info);
    std::optional<ImportRecord> findImportByBundleHash(const QString& bundleSha256) const;
    QList<ImportRecord> imports() const;
    QList<ImportedFile> importFiles(qint64 importId) const;
    // The import that last wrote this account (its files are the case's evidence appendix).
    std::optional<ImportRecord> importOfAccount(const QString& accountId) const;

    // ---- Reading cases --------------------------------------------------------------------------
    qint64 accountCount() const;
    std::optional<Account> account(const QString& accountId) const;
    QList<Account> accounts() const; // sorted by id
    AccountStatus currentStatus(const QString& accountId) const;
    // Every account's current status in one query (account_id, current_status).
    void forEachCurrentStatus(const std::function<void(const QString& accountId, AccountStatus)>& fn) const;
    // True when no account id holds a character at or above U+D800 as a QString (a non-BMP character, one
    // in U+E000–U+FFFF, or U+FFFD for bytes that are not UTF-8): then the store's order of account ids
    // (UTF-8 bytes, forEachSnapshot) is also QString's (UTF-16) order. Reads only the account id index,
    // converting to QString only the ids that are not plain ASCII.
    bool accountIdOrderIsUtf16Order() const;
    // What the cross-account index needs and nothing else, each in one query: every account's current
    // status and accounts.csv From addresses; every campaign's non-empty From address (each distinct
    // (account, address) pair once).
    void forEachAccountFrom(const std::function<void(const QString& accountId, AccountStatus,
                                                     const QStringList& from)>& fn) const;
    void
    forEachCampaignFrom(const std::function<void(const QString& accountId, const QString& from)>& fn) const;
    QList<Campaign> campaigns(const QString& accountId) const;   // by sent_at
    QList<MailingList> lists(const QString& accountId) const;    // with screening summaries
    QList<EvidenceRow> evidence(const QString& accountId) const; // by source line
    QList<Complaint> complaints(const QString& accountId) const; // by received_at, reportedMessage filled
    QList<HistoryEntry> history(const QString& accountId) const; // platform history, oldest first
    QList<StoredMessage> messages(const QString& accountId, bool withRaw = false) const;
    std::optional<StoredMessage> message(qint64 messageId) const; // with raw
    qint64 listRowCount(const QString& accountId, const QString& listId, int problemMask = 0) const;
    // Rows of an imported list file; problemMask != 0 keeps rows having any of those problems.
    QList<ListRow> listRows(const QString& accountId, const QString& listId, int problemMask, qint64 offset,
                            qint64 limit) const;
    // Row counts of an account's campaigns, lists, evidence, complaints, messages, history and this tool's
    // decisions, in one query over the per-account indexes (all zero for an unknown account).
    CaseCounts caseCounts(const QString& accountId) const;

    // Everything the rules need for one account (messages without raw).
    AccountSnapshot loadSnapshot(const QString& accountId) const;
    // Streams every account's snapshot in account_id order with a constant number of queries (merge of
    // ordered cursors), for evaluating a whole store without loading it all. Return false to stop.
    void forEachSnapshot(const std::function<bool(AccountSnapshot&&)>& fn) const;
    // The same with only `parts` (snapshot::Part bits) filled: the tables not asked for are not read,
    // and the columns of a part's "details" bit are not read without it. With snapshot::All it is the
    // overload above. Within an account the rows are in the order loadSnapshot gives.
    void forEachSnapshot(snapshot::Parts parts, const std::function<bool(AccountSnapshot&&)>& fn) const;
    // The same for the accounts whose id lies in [firstAccountId, lastAccountId] (SQLite's BINARY order,
    // both ends included): one range of accountRanges(), read by one of several threads.
    void forEachSnapshot(snapshot::Parts parts, const QString& firstAccountId, const QString& lastAccountId,
                         const std::function<bool(AccountSnapshot&&)>& fn) const;
    // The accounts in account_id order cut into consecutive ranges of `perRange` accounts (the last may be
    // shorter): each range as its first and last account id. Empty for a store without accounts.
    QList<std::pair<QString, QString>> accountRanges(int perRange) const;
    // Streams every message (without raw) in (account_id, id) order: for the cross-account index.
    void forEachMessage(const std::function<bool(const StoredMessage&)>& fn) const;

    // Further connections to this store's file for reading on other threads, all reading the same commit
    // as this connection: call it inside readConsistently() before anything has been read there. While
    // they start, a write lock taken on one more connection keeps every writer (of any process) from
    // committing, so this connection's read transaction and theirs begin on the same data; the lock is
    // released before this returns. Each reader is a CaseStore for reading only (query_only), used by one
    // thread at a time, in a read transaction that lasts until it is destroyed. Returns none — the caller
    // then reads on this connection alone — when the store cannot be shared so: an in-memory store, no
    // transaction open on this connection or one that has read already, or the write lock not free within
    // 250 ms (a long write elsewhere); never throws for those.
    std::vector<std::unique_ptr<CaseStore>> openSnapshotReaders(int count) const;

    // Runs `fn`, whose reads then all see one snapshot of the store (a read transaction, unless one is
    // already open). `wholeStore`: a pass over most of the file, read through memory-mapped I/O for this
    // call only (the connection's setting is put back afterwards).
    void readConsistently(bool wholeStore, const std::function<void()>& fn) const;

    // ---- Evaluation cache and queue ---------------------------------------------------------------
    // One transaction (none for no rows), replaces per account; an account whose stored row equals the new
    // one is left alone. Rows marked sameAsStored are skipped without being read again when `readVersion` is
    // the dataVersion() this connection had in the read transaction they were compared in and no other
    // connection has committed since (the data version is the same inside the write transaction);
    // otherwise every row is compared here.
    void saveEvaluations(const QList<EvaluationRow>& rows, std::optional<qint64> readVersion = {});
    // The account's stored evaluation equals `row` in every column saveEvaluations writes, as this
    // connection reads it now (false when none is stored).
    bool storedEvaluationEquals(const EvaluationRow& row) const;
    // The same comparison for many accounts with one ordered scan of the stored rows instead of a search
    // per account: equals(row) answers storedEvaluationEquals(row) when the rows are given in ascending
    // account_id byte order (forEachSnapshot's order) and lie in [first, last] (all accounts when `first`
    // is null). Reads in this connection's current transaction; use it on the thread that owns the store.
    class StoredEvaluationScan
    {
    public:
        ~StoredEvaluationScan();
        StoredEvaluationScan(StoredEvaluationScan&&) noexcept;
        bool equals(const EvaluationRow& row);

    private:
        friend class CaseStore;
        struct Private;
        explicit StoredEvaluationScan(std::unique_ptr<Private> p);
        std::unique_ptr<Private> d;
    };
    StoredEvaluationScan scanStoredEvaluations(const QString* first = nullptr,
                                               const QString* last = nullptr) const;
    // PRAGMA data_version: changes when another connection commits (seen from this connection's next read
    // transaction on), never by this connection's own writes.
    qint64 dataVersion() const;
    std::optional<EvaluationRow> evaluation(const QString& accountId) const;
    qint64 queueCount(const QueueFilter& filter) const;
    QList<QueueRow> queuePage(const QueueFilter& filter, QueueColumn sortColumn, bool ascending,
                              qint64 offset, qint64 limit) const;
    // Row of an account in that filtered, sorted queue (0-based, as queuePage counts offsets); -1 when the
    // filter leaves it out or it does not exist. One counting query, without reading the rows before it.
    qint64 queueRowOf(const QueueFilter& filter, QueueColumn sortColumn, bool ascending,
                      const QString& accountId) const;
    void setAssignee(const QString& accountId, const QString& reviewer);

    // ---- Persisted derived data ---------------------------------------------------------------------
    // The cross-account overlap index (core/rules), as its owner serialised it, kept for later processes
    // (table overlap_index, see schema.cpp): one payload per options key, all saved for one data version
    // (the caller's name of the imported data). Every import deletes them all.
    // The payload saved for `optionsKey` with that data version and format; nullopt when there is none.
    std::optional<QByteArray> overlapIndex(const QString& optionsKey, const QString& dataVersion,
                                           int format) const;
    // Saves a payload in one write transaction: replaces the key's row, deletes the rows of every other data
    // version and keeps only the kOverlapIndexKeep most recently saved keys. `stillCurrent`, when given,
    // runs first inside the transaction: when it returns false (the data changed since the index was read)
    // nothing is written and false is returned. Waits at most 250 ms for another writer. Throws
    // Error::internal when the store cannot be written (read-only file or connection, busy).
    bool saveOverlapIndex(const QString& optionsKey, const QString& dataVersion, int format,
                          const QByteArray& payload, const std::function<bool()>& stillCurrent = {});
    static constexpr int kOverlapIndexKeep = 4;

    // ---- Decisions and audit (append-only) --------------------------------------------------------
    // Inserts a decision and its audit entry in one transaction, and sets the account's current status
    // to `newStatus` when given. Returns the decision id. The audit entry's seq/prevHash/hash are
    // computed by the caller (core/audit) from lastAuditEntry() inside the same transaction: pass a
    // function that fills them.
    qint64 recordDecision(const Decision& decision, std::optional<AccountStatus> newStatus,
                          const std::function<AuditEntry(const std::optional<AuditEntry>& last)>& makeEntry);
    // Appends an audit entry on its own (imports, settings of policy), same hashing contract.
    qint64 appendAudit(const std::function<AuditEntry(const std::optional<AuditEntry>& last)>& makeEntry);
    QList<Decision> decisions(const QString& accountId) const; // oldest first
    std::optional<Decision> decision(qint64 id) const;
    // Terminate decisions that have no approval yet.
    QList<Decision> pendingApprovals() const;
    std::optional<AuditEntry> lastAuditEntry() const;
    qint64 auditCount() const;
    // Streams the audit log in seq order. Return false to stop.
    void forEachAuditEntry(const std::function<bool(const AuditEntry&)>& fn) const;

    // Low-level access for core/bundle's fast paths and for tests; nothing outside core/ uses it.
    sql::Database& database();

private:
    struct ReaderTag
    {};
    CaseStore(const QString& path, int version, ReaderTag); // openSnapshotReaders
    void forEachSnapshotIn(snapshot::Parts parts, const QString* first, const QString* last,
                           const std::function<bool(AccountSnapshot&&)>& fn) const;
    struct Private;
    std::unique_ptr<Private> d;
    friend class ImportWriter;
};

// The write side of one import. Every add* call validates nothing about the bundle format (core/bundle
// does that) but throws Error(Kind::Input, …) on a uniqueness violation, naming the key, so the importer
// can add the file and line.
class ImportWriter
{
public:
    ~ImportWriter(); // rolls back unless committed
    // Replaces everything the platform exported for this account (campaigns, lists, list rows, evidence,
    // complaints, messages, history, cached evaluation). This tool's decisions and audit entries are never
    // touched. The account's current status becomes `account.status`, unless this tool recorded an
    // effective decision for it after the bundle's exported_at, in which case the current status is kept.
    void addAccount(const Account& account);
    void addCampaign(const Campaign& campaign);
    void addList(const MailingList& list);
    void addListRow(const QString& accountId, const QString& listId, const ListRow& row);
    // Bulk rows without a QString per field (core/bundle's importer): see the *Utf8 structs above. Same
    // checks, errors and stored values as the overloads taking records.
    void addListRow(const QString& accountId, const QString& listId, const ListRowUtf8& row);
    void addCampaign(const CampaignUtf8& campaign);
    qint64 addEvidence(const EvidenceUtf8& row);
    void setListScreening(const QString& accountId, const QString& listId, const ListScreeningSummary& s);
    // ORs `problems` into the stored problem bits of the list's rows at these lines (one prepared UPDATE
    // per line, inside the import's transaction): the duplicates the list screener finds only after the
    // rows were written (lists::Screener::finish). A line without a row is a store failure (Internal).
    void markListRows(const QString& accountId, const QString& listId, std::span<const qint64> lines,
                      int problems);
    qint64 addEvidence(const EvidenceRow& row);
    qint64 addComplaint(const Complaint& complaint);
    qint64 addMessage(const StoredMessage& message); // raw must be set
    qint64 addHistory(const HistoryEntry& entry);
    void addFile(const ImportedFile& file);
    // This import's files added so far (addFile), in the order of their paths' UTF-8 bytes (the table's
    // key): an importer can hash its file list without keeping it in memory.
    void forEachFile(const std::function<void(QByteArrayView path, QByteArrayView sha256)>& fn) const;
    // Rows of this import that name a campaign_id its account's campaigns do not define, per kind
    // ("csv" and "arf" complaints, "message"s): how many, and the first by insertion order (its file and, for
    // CSV rows, line). One indexed lookup per complaint/message; nothing held in memory.
    struct UnknownCampaignRefs
    {
        QString kind;
        qint64 count = 0;
        QString file;
        qint64 line = 0;
        QString accountId, campaignId;
    };
    QList<UnknownCampaignRefs> unknownCampaignRefs() const;
    // Sets the import record's bundle hash, for an importer that knows it only after reading every file
    // (beginImport's ImportInfo.bundleSha256 may then be empty).
    void setBundleSha256(const QString& bundleSha256);
    // Appends the import's audit entry inside the import transaction (same contract as
    // CaseStore::appendAudit).
    void appendAudit(const std::function<AuditEntry(const std::optional<AuditEntry>& last)>& makeEntry);
    // Commits; returns the import id. The summary is kept with the import record.
    qint64 commit(const QString& summaryJson);

private:
    friend class CaseStore;
    explicit ImportWriter(CaseStore& store, const ImportInfo& info);
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace ad
