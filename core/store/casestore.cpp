// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/casestore.h"

#include "store/casestore_p.h"
#include "store/records_p.h"
#include "store/schema.h"
#include "util/error.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <algorithm>
#include <sqlite3.h>
#include <string>
#include <string_view>
#include <unordered_map>

namespace ad {

using namespace store::detail;

// ---- Private ----------------------------------------------------------------------------------------

namespace store::detail {
std::shared_ptr<sql::Statement> Connection::st(QByteArrayView sqlText)
{
    const QByteArray key = sqlText.toByteArray();
    auto it = cache.find(key);
    if (it != cache.end()) {
        if (!sqlite3_stmt_busy((*it)->handle())) {
            (*it)->reset();
            (*it)->clearBindings();
            return *it;
        }
        return std::make_shared<sql::Statement>(*db, sqlText, false);
    }
    auto s = std::make_shared<sql::Statement>(*db, sqlText, true);
    cache.insert(key, s);
    return s;
}

QString joinList(const QStringList& items)
{
    if (items.isEmpty())
        return QString();
    return items.join(u';');
}

QStringList splitList(const QString& joined)
{
    if (joined.isEmpty())
        return {};
    return joined.split(u';');
}

std::optional<AuditEntry> lastAuditEntry(Connection& d)
{
    auto q = d.st("SELECT " AD_AUDIT_COLS " FROM audit_log ORDER BY seq DESC LIMIT 1");
    sql::ResetGuard g(*q);
    if (!q->step())
        return std::nullopt;
    return readAudit(*q);
}

qint64 appendAudit(Connection& d,
                   const std::function<AuditEntry(const std::optional<AuditEntry>& last)>& makeEntry)
{
    const std::optional<AuditEntry> last = lastAuditEntry(d);
    const AuditEntry e = makeEntry(last);
    const qint64 expected = last ? last->seq + 1 : 1;
    if (e.seq != expected)
        throw Error::internal(
            QStringLiteral("audit entry out of sequence: got seq %1, expected %2").arg(e.seq).arg(expected));
    if (!e.at.isValid())
        throw Error::internal(QStringLiteral("audit entry %1 has no time").arg(e.seq));
    auto q = d.st("INSERT INTO audit_log(seq, at, actor, kind, account_id, payload, prev_hash, hash) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    sql::ResetGuard g(*q);
    q->bind(1, e.seq)
        .bind(2, e.at)
        .bind(3, e.actor)
        .bind(4, e.kind)
        .bind(5, e.accountId)
        .bind(6, e.payloadJson);
    q->bind(7, e.prevHash).bind(8, e.hash);
    q->exec();
    return e.seq;
}

// ---- Row readers ------------------------------------------------------------------------------------

Account readAccount(const sql::Statement& q, int c)
{
    Account a;
    a.id = q.text(c + 0);
    a.name = q.text(c + 1);
    a.ownerEmail = q.text(c + 2);
    a.fromAddresses = splitList(q.text(c + 3));
    a.postalAddress = q.text(c + 4);
    a.website = q.text(c + 5);
    a.signupAt = q.dateTime(c + 6);
    a.status = accountStatusFromString(q.text(c + 7)).value_or(AccountStatus::Active);
    a.flaggedAt = q.dateTime(c + 8);
    a.flagReason = q.text(c + 9);
    return a;
}

Campaign readCampaign(const sql::Statement& q)
{
    Campaign c;
    c.accountId = q.text(0);
    c.campaignId = q.text(1);
    c.sentAt = q.dateTime(2);
    c.subject = q.text(3);
    c.fromAddress = q.text(4);
    c.listIds = splitList(q.text(5));
    c.sent = q.int64(6);
    c.delivered = q.int64(7);
    c.bounces = q.int64(8);
    c.hardBounces = q.optInt64(9);
    c.complaints = q.int64(10);
    c.unsubscribes = q.int64(11);
    c.uniqueOpens = q.int64(12);
    c.uniqueClicks = q.optInt64(13);
    return c;
}

ListScreeningSummary readScreeningCounts(const sql::Statement& q, int from)
{
    ListScreeningSummary s;
    s.rows = q.int64(from);
    s.invalid = q.int64(from + 1);
    s.duplicates = q.int64(from + 2);
    s.role = q.int64(from + 3);
    s.disposable = q.int64(from + 4);
    s.typo = q.int64(from + 5);
    return s;
}

MailingList readList(const sql::Statement& q)
{
    MailingList l;
    l.accountId = q.text(0);
    l.listId = q.text(1);
    l.name = q.text(2);
    l.source = q.text(3);
    l.acquiredAt = q.dateTime(4);
    l.size = q.optInt64(5);
    l.doubleOptIn = q.optBool(6);
    l.hasFile = q.boolean(7);
    if (!q.isNull(8)) {
        l.screening = readScreeningCounts(q, 8);
        l.screening->detailsJson = q.text(14);
    }
    return l;
}

EvidenceRow readEvidence(const sql::Statement& q)
{
    EvidenceRow e;
    e.id = q.int64(0);
    e.accountId = q.text(1);
    e.listId = q.text(2);
    e.subscriber = q.text(3);
    e.method = q.text(4);
    e.consentAt = q.dateTime(5);
    e.source = q.text(6);
    e.ip = q.text(7);
    e.checkboxDefault = q.text(8);
    e.emailContactExplained = q.optBool(9);
    e.consentText = q.text(10);
    e.confirmedAt = q.dateTime(11);
    e.lastPurchaseAt = q.dateTime(12);
    e.lastContactedAt = q.dateTime(13);
    e.sourceLine = q.int64(14);
    return e;
}

Complaint readComplaint(const sql::Statement& q)
{
    Complaint c;
    c.id = q.int64(0);
    c.accountId = q.text(1);
    c.campaignId = q.text(2);
    c.receivedAt = q.dateTime(3);
    c.recipient = q.text(4);
    c.feedbackType = q.text(5);
    c.source = q.text(6);
    c.note = q.text(7);
    c.origin = q.text(8);
    c.file = q.text(9);
    c.sourceLine = q.int64(10);
    c.userAgent = q.text(11);
    c.sourceIp = q.text(12);
    c.reportedMessage = q.blob(13);
    return c;
}

HistoryEntry readHistory(const sql::Statement& q)
{
    HistoryEntry h;
    h.id = q.int64(0);
    h.accountId = q.text(1);
    h.at = q.dateTime(2);
    h.action = actionFromString(q.text(3)).value_or(Action::None);
    h.reason = q.text(4);
    h.by = q.text(5);
    return h;
}

namespace {
QStringList jsonStrings(QByteArrayView json)
{
    QStringList out;
    if (json.isEmpty())
        return out;
    const QJsonArray arr = QJsonDocument::fromJson(json.toByteArray()).array();
    out.reserve(arr.size());
    for (const auto& v : arr)
        out.append(v.toString());
    return out;
}
} // namespace

QByteArray toJsonArray(const QStringList& items)
{
    if (items.isEmpty())
        return QByteArray();
    return QJsonDocument(QJsonArray::fromStringList(items)).toJson(QJsonDocument::Compact);
}

QByteArray linksToJson(const QList<MessageLink>& links)
{
    if (links.isEmpty())
        return QByteArray();
    QJsonArray arr;
    for (const auto& l : links)
        arr.append(QJsonObject{{QStringLiteral("text"), l.text}, {QStringLiteral("href"), l.href}});
    return QJsonDocument(arr).toJson(QJsonDocument::Compact);
}

StoredMessage readMessage(const sql::Statement& q, bool withRaw)
{
    StoredMessage m;
    m.id = q.int64(0);
    m.accountId = q.text(1);
    m.campaignId = q.text(2);
    m.file = q.text(3);
    m.mboxIndex = q.integer(4);
    m.sha256 = q.text(5);
    m.from = q.text(6);
    m.subject = q.text(7);
    m.date = q.dateTime(8);
    m.text = q.text(9);
    const QByteArrayView links = q.utf8(10);
    if (!links.isEmpty()) {
        const QJsonArray arr = QJsonDocument::fromJson(links.toByteArray()).array();
        m.links.reserve(arr.size());
        for (const auto& v : arr) {
            const QJsonObject o = v.toObject();
            m.links.append(MessageLink{o.value(QLatin1String("text")).toString(),
                                       o.value(QLatin1String("href")).toString()});
        }
    }
    m.linkDomains = jsonStrings(q.utf8(11));
    m.listUnsubscribe = jsonStrings(q.utf8(12));
    m.oneClickUnsubscribe = q.boolean(13);
    m.spf = q.text(14);
    m.dkim = q.text(15);
    m.dmarc = q.text(16);
    m.parseWarnings = jsonStrings(q.utf8(17));
    if (withRaw)
        m.raw = q.blob(18);
    return m;
}

Decision readDecision(const sql::Statement& q)
{
    Decision d;
    d.id = q.int64(0);
    d.accountId = q.text(1);
    d.listId = q.text(2);
    d.action = actionFromString(q.text(3)).value_or(Action::None);
    d.recommended = actionFromString(q.text(4)).value_or(Action::None);
    d.state = decisionStateFromString(q.text(5)).value_or(Decision::State::Effective);
    d.reviewer = q.text(6);
    d.at = q.dateTime(7);
    d.rationale = q.text(8);
    d.policyId = q.text(9);
    d.policyVersion = q.text(10);
    d.findingsJson = q.text(11);
    d.noticeLanguage = q.text(12);
    d.noticeText = q.text(13);
    d.approvesDecisionId = q.isNull(14) ? 0 : q.int64(14);
    d.approvedBy = q.text(15);
    d.approvedAt = q.dateTime(16);
    return d;
}

AuditEntry readAudit(const sql::Statement& q)
{
    AuditEntry e;
    e.seq = q.int64(0);
    e.at = q.dateTime(1);
    e.actor = q.text(2);
    e.kind = q.text(3);
    e.accountId = q.text(4);
    e.payloadJson = q.text(5);
    e.prevHash = q.text(6);
    e.hash = q.text(7);
    return e;
}

ImportRecord readImport(const sql::Statement& q)
{
    ImportRecord r;
    r.id = q.int64(0);
    r.info.bundlePath = q.text(1);
    r.info.bundleSha256 = q.text(2);
    r.info.exportedAt = q.dateTime(3);
    r.info.source = q.text(4);
    r.info.importedAt = q.dateTime(5);
    r.info.importedBy = q.text(6);
    r.summaryJson = q.text(7);
    return r;
}

} // namespace store::detail

// ---- CaseStore --------------------------------------------------------------------------------------

CaseStore::CaseStore(const QString& path) : d(std::make_unique<Private>())
{
    d->path = path;
    d->db = std::make_unique<sql::Database>(path);
    d->version = store::openSchema(*d->db, store::migrations());
}

CaseStore::~CaseStore() = default;

QString CaseStore::path() const
{
    return d->path;
}

int CaseStore::schemaVersion() const
{
    return d->version;
}

sql::Database& CaseStore::database()
{
    return *d->db;
}

std::unique_ptr<ImportWriter> CaseStore::beginImport(const ImportInfo& info)
{
    if (d->importActive)
        throw Error::internal(QStringLiteral("an import is already in progress on %1").arg(d->path));
    return std::unique_ptr<ImportWriter>(new ImportWriter(*this, info));
}

std::optional<ImportRecord> CaseStore::findImportByBundleHash(const QString& bundleSha256) const
{
    auto q =
        d->st("SELECT " AD_IMPORT_COLS " FROM imports WHERE bundle_sha256 = ?1 ORDER BY id DESC LIMIT 1");
    sql::ResetGuard g(*q);
    q->bind(1, bundleSha256);
    if (!q->step())
        return std::nullopt;
    return readImport(*q);
}

QList<ImportRecord> CaseStore::imports() const
{
    auto q = d->st("SELECT " AD_IMPORT_COLS " FROM imports ORDER BY id");
    sql::ResetGuard g(*q);
    QList<ImportRecord> out;
    while (q->step())
        out.append(readImport(*q));
    return out;
}

QList<ImportedFile> CaseStore::importFiles(qint64 importId) const
{
    auto q = d->st("SELECT path, size, sha256 FROM import_files WHERE import_id = ?1 ORDER BY path");
    sql::ResetGuard g(*q);
    q->bind(1, importId);
    QList<ImportedFile> out;
    while (q->step())
        out.append(ImportedFile{q->text(0), q->int64(1), q->text(2)});
    return out;
}

std::optional<ImportRecord> CaseStore::importOfAccount(const QString& accountId) const
{
    auto q = d->st("SELECT " AD_IMPORT_COLS_I " FROM imports i JOIN accounts a ON a.import_id = i.id "
                   "WHERE a.account_id = ?1");
    sql::ResetGuard g(*q);
    q->bind(1, accountId);
    if (!q->step())
        return std::nullopt;
    return readImport(*q);
}

qint64 CaseStore::accountCount() const
{
    auto q = d->st("SELECT count(*) FROM accounts");
    sql::ResetGuard g(*q);
    q->step();
    return q->int64(0);
}

std::optional<Account> CaseStore::account(const QString& accountId) const
{
    auto q = d->st("SELECT " AD_ACCOUNT_COLS " FROM accounts WHERE account_id = ?1");
    sql::ResetGuard g(*q);
    q->bind(1, accountId);
    if (!q->step())
        return std::nullopt;
    return readAccount(*q, 0);
}

QList<Account> CaseStore::accounts() const
{
    auto q = d->st("SELECT " AD_ACCOUNT_COLS " FROM accounts ORDER BY account_id");
    sql::ResetGuard g(*q);
    QList<Account> out;
    while (q->step())
        out.append(readAccount(*q, 0));
    return out;
}

AccountStatus CaseStore::currentStatus(const QString& accountId) const
{
    auto q = d->st("SELECT current_status FROM accounts WHERE account_id = ?1");
    sql::ResetGuard g(*q);
    q->bind(1, accountId);
    if (!q->step())
        throw Error::input(QStringLiteral("no account \"%1\" in the case store").arg(accountId));
    return accountStatusFromString(q->text(0)).value_or(AccountStatus::Active);
}

bool CaseStore::accountIdOrderIsUtf16Order() const
{
    sql::Statement q(*d->db, "SELECT account_id FROM accounts ORDER BY account_id", false);
    while (q.step()) {
        const QByteArrayView id = q.utf8(0);
        if (std::all_of(id.begin(), id.end(), [](char c) { return uchar(c) < 0x80; }))
            continue;
        const QString text = QString::fromUtf8(id);
        if (std::any_of(text.begin(), text.end(), [](QChar c) { return c.unicode() >= 0xD800; }))
            return false;
    }
    return true;
}

void CaseStore::forEachCurrentStatus(
    const std::function<void(const QString& accountId, AccountStatus)>& fn) const
{
    sql::Statement q(*d->db, "SELECT account_id, current_status FROM accounts", false);
    while (q.step())
        fn(q.text(0), accountStatusFromString(q.text(1)).value_or(AccountStatus::Active));
}

void CaseStore::forEachAccountFrom(
    const std::function<void(const QString& accountId, AccountStatus, const QStringList& from)>& fn) const
{
    sql::Statement q(*d->db, "SELECT account_id, current_status, from_addresses FROM accounts", false);
    while (q.step())
        fn(q.text(0), accountStatusFromString(q.text(1)).value_or(AccountStatus::Active),
           splitList(q.text(2)));
}

void CaseStore::forEachCampaignFrom(
    const std::function<void(const QString& accountId, const QString& from)>& fn) const
{
    // In primary-key order (account_id, campaign_id) an account's rows come together: each distinct
    // (account, address) pair is handed over once, without a temporary b-tree or a QString per row.
    sql::Statement q(*d->db,
                     "SELECT account_id, from_address FROM campaigns WHERE from_address IS NOT NULL AND "
                     "from_address <> '' ORDER BY account_id",
                     false);
    auto view = [&](int column) {
        const QByteArrayView v = q.utf8(column);
        return std::string_view(v.data(), size_t(v.size()));
    };
    std::string account;
    QString accountText;
    std::vector<std::string> seen;
    while (q.step()) {
        if (view(0) != account) {
            account = view(0);
            accountText = q.text(0);
            seen.clear();
        }
        const std::string_view from = view(1);
        if (std::find(seen.begin(), seen.end(), from) != seen.end())
            continue;
        seen.emplace_back(from);
        fn(accountText, q.text(1));
    }
}

QList<Campaign> CaseStore::campaigns(const QString& accountId) const
{
    auto q = d->st("SELECT " AD_CAMPAIGN_COLS
                   " FROM campaigns WHERE account_id = ?1 ORDER BY sent_at, campaign_id");
    sql::ResetGuard g(*q);
    q->bind(1, accountId);
    QList<Campaign> out;
    while (q->step())
        out.append(readCampaign(*q));
    return out;
}

QList<MailingList> CaseStore::lists(const QString& accountId) const
{
    auto q = d->st("SELECT " AD_LIST_COLS " FROM lists WHERE account_id = ?1 ORDER BY list_id");
    sql::ResetGuard g(*q);
    q->bind(1, accountId);
    QList<MailingList> out;
    while (q->step())
        out.append(readList(*q));
    return out;
}

QList<EvidenceRow> CaseStore::evidence(const QString& accountId) const
{
    auto q =
        d->st("SELECT " AD_EVIDENCE_COLS " FROM evidence WHERE account_id = ?1 ORDER BY source_line, id");
    sql::ResetGuard g(*q);
    q->bind(1, accountId);
    QList<EvidenceRow> out;
    while (q->step())
        out.append(readEvidence(*q));
    return out;
}

QList<Complaint> CaseStore::complaints(const QString& accountId) const
{
    auto q =
        d->st("SELECT " AD_COMPLAINT_COLS " FROM complaints WHERE account_id = ?1 ORDER BY received_at, id");
    sql::ResetGuard g(*q);
    q->bind(1, accountId);
    QList<Complaint> out;
    while (q->step())
        out.append(readComplaint(*q));
    return out;
}

QList<HistoryEntry> CaseStore::history(const QString& accountId) const
{
    auto q = d->st("SELECT " AD_HISTORY_COLS " FROM history WHERE account_id = ?1 ORDER BY at, id");
    sql::ResetGuard g(*q);
    q->bind(1, accountId);
    QList<HistoryEntry> out;
    while (q->step())
        out.append(readHistory(*q));
    return out;
}

QList<StoredMessage> CaseStore::messages(const QString& accountId, bool withRaw) const
{
    auto q = withRaw
                 ? d->st("SELECT " AD_MESSAGE_COLS ", raw FROM messages WHERE account_id = ?1 ORDER BY id")
                 : d->st("SELECT " AD_MESSAGE_COLS " FROM messages WHERE account_id = ?1 ORDER BY id");
    sql::ResetGuard g(*q);
    q->bind(1, accountId);
    QList<StoredMessage> out;
    while (q->step())
        out.append(readMessage(*q, withRaw));
    return out;
}

std::optional<StoredMessage> CaseStore::message(qint64 messageId) const
{
    auto q = d->st("SELECT " AD_MESSAGE_COLS ", raw FROM messages WHERE id = ?1");
    sql::ResetGuard g(*q);
    q->bind(1, messageId);
    if (!q->step())
        return std::nullopt;
    return readMessage(*q, true);
}

qint64 CaseStore::listRowCount(const QString& accountId, const QString& listId, int problemMask) const
{
    auto q = d->st("SELECT count(*) FROM list_rows WHERE list_rid = "
                   "(SELECT rid FROM lists WHERE account_id = ?1 AND list_id = ?2) "
                   "AND (?3 = 0 OR (problems & ?3) != 0)");
    sql::ResetGuard g(*q);
    q->bind(1, accountId).bind(2, listId).bind(3, qint64(problemMask));
    q->step();
    return q->int64(0);
}

CaseCounts CaseStore::caseCounts(const QString& accountId) const
{
    auto q = d->st("SELECT (SELECT count(*) FROM campaigns WHERE account_id = ?1), "
                   "(SELECT count(*) FROM lists WHERE account_id = ?1), "
                   "(SELECT count(*) FROM evidence WHERE account_id = ?1), "
                   "(SELECT count(*) FROM complaints WHERE account_id = ?1), "
                   "(SELECT count(*) FROM messages WHERE account_id = ?1), "
                   "(SELECT count(*) FROM history WHERE account_id = ?1), "
                   "(SELECT count(*) FROM decisions WHERE account_id = ?1)");
    sql::ResetGuard g(*q);
    q->bind(1, accountId);
    q->step();
    CaseCounts c;
    c.campaigns = q->int64(0);
    c.lists = q->int64(1);
    c.evidence = q->int64(2);
    c.complaints = q->int64(3);
    c.messages = q->int64(4);
    c.history = q->int64(5);
    c.decisions = q->int64(6);
    return c;
}

QList<ListRow> CaseStore::listRows(const QString& accountId, const QString& listId, int problemMask,
                                   qint64 offset, qint64 limit) const
{
    auto q = d->st("SELECT line, email, raw, problems FROM list_rows WHERE list_rid = "
                   "(SELECT rid FROM lists WHERE account_id = ?1 AND list_id = ?2) "
                   "AND (?3 = 0 OR (problems & ?3) != 0) ORDER BY line LIMIT ?4 OFFSET ?5");
    sql::ResetGuard g(*q);
    q->bind(1, accountId).bind(2, listId).bind(3, qint64(problemMask));
    q->bind(4, limit < 0 ? qint64(-1) : limit).bind(5, qMax<qint64>(0, offset));
    QList<ListRow> out;
    while (q->step())
        out.append(ListRow{q->int64(0), q->text(1), q->text(2), q->integer(3)});
    return out;
}

AccountSnapshot CaseStore::loadSnapshot(const QString& accountId) const
{
    AccountSnapshot s;
    {
        auto q = d->st("SELECT " AD_ACCOUNT_COLS ", current_status FROM accounts WHERE account_id = ?1");
        sql::ResetGuard g(*q);
        q->bind(1, accountId);
        if (!q->step())
            throw Error::input(QStringLiteral("no account \"%1\" in the case store").arg(accountId));
        s.account = readAccount(*q, 0);
        s.currentStatus = accountStatusFromString(q->text(AD_ACCOUNT_NCOLS)).value_or(s.account.status);
    }
    s.campaigns = campaigns(accountId);
    s.lists = lists(accountId);
    s.evidence = evidence(accountId);
    s.complaints = complaints(accountId);
    s.history = history(accountId);
    s.decisions = decisions(accountId);
    s.messages = messages(accountId, false);
    return s;
}

namespace {

// One ordered cursor of the snapshot merge: rows sorted by account id (column `accountColumn`). The
// statement comes from the connection's cache; with a range, its ?1 and ?2 are the first and last account
// id. Reset when the cursor goes, so the cached statement is free for the next range.
struct Cursor
{
    std::shared_ptr<sql::Statement> st;
    sql::Statement& q;
    int accountColumn = 0;
    bool has = false;

    Cursor(Connection& c, QByteArrayView sqlText, int accountCol, const QString* first, const QString* last)
        : st(c.st(sqlText)), q(*st), accountColumn(accountCol)
    {
        if (first) {
            q.bind(1, *first);
            q.bind(2, *last);
        }
        has = q.step();
    }
    ~Cursor() { q.reset(); }
    Cursor(const Cursor&) = delete;
    Cursor& operator=(const Cursor&) = delete;
    // Compared as bytes, exactly like SQLite's BINARY collation orders them.
    int compare(QByteArrayView key) const
    {
        const QByteArrayView mine = q.utf8(accountColumn);
        return std::string_view(mine.data(), size_t(mine.size()))
            .compare(std::string_view(key.data(), size_t(key.size())));
    }
    template <typename Fn> void collect(QByteArrayView key, Fn&& fn)
    {
        while (has && compare(key) < 0) // rows of accounts that no longer exist (decisions only)
            has = q.step();
        while (has && compare(key) == 0) {
            fn(q);
            has = q.step();
        }
    }
};

// The evidence rows in (account_id, source_line, id) order without a b-tree search per row. The order
// comes from a covering scan of evidence_by_account (account_id and id only, no table access), the rows
// from a scan of the table in rowid order from the first id the order asks for: an import writes
// evidence.csv's rows in file order, and a bundle groups them by account, so that scan mostly yields
// exactly the next row asked for. A row that is not the next one in rowid order (an account re-imported
// later, a file not grouped by account) is read by its id instead, so the rows and their order never
// depend on how the table is laid out, only the speed does. `columns` start with id.
struct EvidenceCursor
{
    std::shared_ptr<sql::Statement> orderSt, rowsSt, byIdSt;
    sql::Statement &order, &rows, &byId;
    bool has = false, rowsStarted = false, rowsHas = false;

    EvidenceCursor(Connection& c, const QByteArray& columns, const QString* first, const QString* last)
        : orderSt(c.st(first
                           ? QByteArrayView("SELECT account_id, id FROM evidence WHERE account_id BETWEEN ?1 "
                                            "AND ?2 ORDER BY account_id, source_line, id")
                           : QByteArrayView("SELECT account_id, id FROM evidence ORDER BY account_id, "
                                            "source_line, id"))),
          rowsSt(c.st(QByteArray("SELECT " + columns + " FROM evidence WHERE id >= ?1 ORDER BY id"))),
          byIdSt(c.st(QByteArray("SELECT " + columns + " FROM evidence WHERE id = ?1"))), order(*orderSt),
          rows(*rowsSt), byId(*byIdSt)
    {
        if (first) {
            order.bind(1, *first);
            order.bind(2, *last);
        }
        has = order.step();
    }
    ~EvidenceCursor()
    {
        order.reset();
        rows.reset();
        byId.reset();
    }
    EvidenceCursor(const EvidenceCursor&) = delete;
    EvidenceCursor& operator=(const EvidenceCursor&) = delete;
    int compare(QByteArrayView key) const
    {
        const QByteArrayView mine = order.utf8(0);
        return std::string_view(mine.data(), size_t(mine.size()))
            .compare(std::string_view(key.data(), size_t(key.size())));
    }
    template <typename Fn> void collect(QByteArrayView key, Fn&& fn)
    {
        while (has && compare(key) < 0)
            has = order.step();
        while (has && compare(key) == 0) {
            const qint64 id = order.int64(1);
            if (!rowsStarted) {
                rows.bind(1, id);
                rowsHas = rows.step();
                rowsStarted = true;
            }
            while (rowsHas && rows.int64(0) < id) // read by id before, or to be read by id later
                rowsHas = rows.step();
            if (rowsHas && rows.int64(0) == id) {
                fn(rows);
                rowsHas = rows.step();
            } else {
                sql::ResetGuard g(byId);
                byId.bind(1, id);
                if (!byId.step())
                    throw Error::internal(QStringLiteral("evidence row %1 vanished during a read").arg(id));
                fn(byId);
            }
            has = order.step();
        }
    }
};

} // namespace

namespace {

// Shares one QString per distinct value of a low-cardinality column (list and campaign ids, methods,
// sources, feedback types) so that reading a row does not allocate for it. Bounded: forgets everything
// past 4096 distinct values.
class Interner
{
public:
    QString operator()(const sql::Statement& q, int column)
    {
        const QByteArrayView v = q.utf8(column);
        if (v.isEmpty())
            return q.text(column);
        const std::string_view key(v.data(), size_t(v.size()));
        // Consecutive rows mostly repeat the value (an account's list, method, source): no hashing then.
        if (m_last && m_last->first == key)
            return m_last->second;
        auto it = m_map.find(key);
        if (it == m_map.end()) {
            if (m_map.size() >= 4096) {
                m_map.clear();
                m_last = nullptr;
            }
            it = m_map.emplace(std::string(key), QString::fromUtf8(v)).first;
        }
        m_last = &*it; // unordered_map nodes stay put until erased (clear() above resets it first)
        return it->second;
    }

private:
    struct Hash
    {
        using is_transparent = void;
        size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, QString, Hash, std::equal_to<>> m_map;
    const std::pair<const std::string, QString>* m_last = nullptr;
};

// The light readers of forEachSnapshot(parts): only the columns named in snapshot.h, the account id
// shared with the account's own.
struct LightReaders
{
    Interner campaignIds, listIds, listNames, listSources, methods, evidenceSources, checkboxes,
        complaintCampaigns, feedbackTypes, complaintSources, origins;

    // account_id, campaign_id, sent_at, sent, delivered, bounces, hard_bounces, complaints,
    // unsubscribes, unique_opens, unique_clicks
    Campaign campaign(const sql::Statement& q, const QString& accountId)
    {
        Campaign c;
        c.accountId = accountId;
        c.campaignId = campaignIds(q, 1);
        c.sentAt = q.dateTime(2);
        c.sent = q.int64(3);
        c.delivered = q.int64(4);
        c.bounces = q.int64(5);
        c.hardBounces = q.optInt64(6);
        c.complaints = q.int64(7);
        c.unsubscribes = q.int64(8);
        c.uniqueOpens = q.int64(9);
        c.uniqueClicks = q.optInt64(10);
        return c;
    }
    // AD_LIST_COLS without screening_json
    MailingList list(const sql::Statement& q, const QString& accountId)
    {
        MailingList l;
        l.accountId = accountId;
        l.listId = listIds(q, 1);
        l.name = listNames(q, 2);
        l.source = listSources(q, 3);
        l.acquiredAt = q.dateTime(4);
        l.size = q.optInt64(5);
        l.doubleOptIn = q.optBool(6);
        l.hasFile = q.boolean(7);
        if (!q.isNull(8))
            l.screening = readScreeningCounts(q, 8);
        return l;
    }
    // id, account_id, list_id, subscriber, method, consent_at, source, checkbox_default,
    // email_contact_explained, last_purchase_at, last_contacted_at
    EvidenceRow evidence(const sql::Statement& q, const QString& accountId)
    {
        EvidenceRow e;
        e.id = q.int64(0);
        e.accountId = accountId;
        e.listId = listIds(q, 2);
        e.subscriber = q.text(3);
        e.method = methods(q, 4);
        e.consentAt = q.dateTime(5);
        e.source = evidenceSources(q, 6);
        e.checkboxDefault = checkboxes(q, 7);
        e.emailContactExplained = q.optBool(8);
        e.lastPurchaseAt = q.dateTime(9);
        e.lastContactedAt = q.dateTime(10);
        return e;
    }
    // id, account_id, campaign_id, received_at, recipient, feedback_type, source, origin
    Complaint complaint(const sql::Statement& q, const QString& accountId)
    {
        Complaint c;
        c.id = q.int64(0);
        c.accountId = accountId;
        c.campaignId = complaintCampaigns(q, 2);
        c.receivedAt = q.dateTime(3);
        c.recipient = q.text(4);
        c.feedbackType = feedbackTypes(q, 5);
        c.source = complaintSources(q, 6);
        c.origin = origins(q, 7);
        return c;
    }
};

} // namespace

void CaseStore::forEachSnapshot(const std::function<bool(AccountSnapshot&&)>& fn) const
{
    forEachSnapshot(snapshot::All, fn);
}

void CaseStore::forEachSnapshot(snapshot::Parts parts, const std::function<bool(AccountSnapshot&&)>& fn) const
{
    forEachSnapshotIn(parts, nullptr, nullptr, fn);
}

void CaseStore::forEachSnapshot(snapshot::Parts parts, const QString& firstAccountId,
                                const QString& lastAccountId,
                                const std::function<bool(AccountSnapshot&&)>& fn) const
{
    forEachSnapshotIn(parts, &firstAccountId, &lastAccountId, fn);
}

QList<std::pair<QString, QString>> CaseStore::accountRanges(int perRange) const
{
    perRange = std::max(1, perRange);
    QList<std::pair<QString, QString>> out;
    sql::Statement q(*d->db, "SELECT account_id FROM accounts ORDER BY account_id", false);
    qint64 n = 0;
    std::string previous;
    while (q.step()) {
        const QByteArrayView id = q.utf8(0);
        if (n % perRange == 0)
            out.append({q.text(0), QString()});
        if (n % perRange == perRange - 1)
            out.back().second = q.text(0);
        previous.assign(id.data(), size_t(id.size()));
        ++n;
    }
    if (!out.isEmpty() && out.back().second.isNull())
        out.back().second = QString::fromUtf8(previous.data(), qsizetype(previous.size()));
    return out;
}

std::vector<std::unique_ptr<CaseStore>> CaseStore::openSnapshotReaders(int count) const
{
    std::vector<std::unique_ptr<CaseStore>> readers;
    sql::Database& db = *d->db;
    if (count <= 0 || d->path.isEmpty() || d->path == u":memory:" || !db.inTransaction() ||
        sqlite3_txn_state(db.handle(), nullptr) != SQLITE_TXN_NONE)
        return readers;
    try {
        // No writer can commit while this connection holds the write lock: every read transaction begun
        // meanwhile starts on the newest commit, the same one for all.
        sql::Database lock(d->path, sql::Database::ReadWrite);
        lock.setBusyTimeout(250);
        lock.exec("BEGIN IMMEDIATE");
        const auto beginRead = [](sql::Database& c) {
            c.queryInt("SELECT count(*) FROM sqlite_schema");
            if (sqlite3_txn_state(c.handle(), nullptr) != SQLITE_TXN_READ)
                c.fail(QStringLiteral("no read transaction"));
        };
        beginRead(db);
        for (int i = 0; i < count; ++i) {
            auto r = std::unique_ptr<CaseStore>(new CaseStore(d->path, d->version, ReaderTag{}));
            sql::Database& c = *r->d->db;
            c.exec("PRAGMA query_only=ON");
            c.queryInt(QByteArray("PRAGMA mmap_size=" + QByteArray::number(db.queryInt("PRAGMA mmap_size"))));
            c.exec("BEGIN DEFERRED");
            beginRead(c);
            readers.push_back(std::move(r));
        }
        lock.exec("ROLLBACK");
    } catch (const Error&) {
        readers.clear(); // the caller reads on this connection alone
    }
    return readers;
}

CaseStore::CaseStore(const QString& path, int version, ReaderTag) : d(std::make_unique<Private>())
{
    d->path = path;
    d->db = std::make_unique<sql::Database>(path, sql::Database::ReadWrite);
    d->db->setBusyTimeout(5000);
    d->version = version;
}

void CaseStore::forEachSnapshotIn(snapshot::Parts parts, const QString* first, const QString* last,
                                  const std::function<bool(AccountSnapshot&&)>& fn) const
{
    using namespace snapshot;
    if (parts & CampaignDetails)
        parts |= Campaigns;
    if (parts & ListDetails)
        parts |= Lists;
    if (parts & EvidenceDetails)
        parts |= Evidence;
    if (parts & ComplaintDetails)
        parts |= Complaints;
    sql::Database& db = *d->db;
    // A read transaction keeps every cursor on the same snapshot of the file.
    const bool ownTx = !db.inTransaction();
    if (ownTx)
        db.exec("BEGIN DEFERRED");
    struct End
    {
        sql::Database& db;
        bool own;
        ~End()
        {
            if (own && db.inTransaction())
                sqlite3_exec(db.handle(), "COMMIT", nullptr, nullptr, nullptr);
        }
    } end{db, ownTx};

    // One ordered cursor per table asked for; a part without its details bit reads only its light
    // columns (see snapshot.h). Light campaigns are read in primary-key order (account_id, campaign_id),
    // which is cheaper than the sent_at index, and put in loadSnapshot's (sent_at, campaign_id) order
    // per account below. With a range, every query is limited to its accounts (?1 and ?2).
    const bool campFull = parts & CampaignDetails, listFull = parts & ListDetails,
               eviFull = parts & EvidenceDetails, cmpFull = parts & ComplaintDetails;
    const auto sqlOf = [&](const char* select, const char* accountColumn, const char* orderBy) {
        QByteArray text(select);
        if (first)
            text += QByteArray(" WHERE ") + accountColumn + " BETWEEN ?1 AND ?2";
        text += " ORDER BY ";
        text += orderBy;
        return text;
    };
    auto cursor = [&](Parts part, const QByteArray& sqlText, int accountCol) {
        return (parts & part) ? std::make_unique<Cursor>(*d, sqlText, accountCol, first, last) : nullptr;
    };
    Cursor acc(*d,
               sqlOf("SELECT " AD_ACCOUNT_COLS ", current_status FROM accounts", "account_id", "account_id"),
               0, first, last);
    const auto camp = cursor(
        Campaigns,
        campFull ? sqlOf("SELECT " AD_CAMPAIGN_COLS " FROM campaigns", "account_id",
                         "account_id, sent_at, campaign_id")
                 : sqlOf("SELECT account_id, campaign_id, sent_at, sent, delivered, bounces, hard_bounces, "
                         "complaints, unsubscribes, unique_opens, unique_clicks FROM campaigns",
                         "account_id", "account_id, campaign_id"),
        0);
    const auto lst =
        cursor(Lists,
               listFull ? sqlOf("SELECT " AD_LIST_COLS " FROM lists", "account_id", "account_id, list_id")
                        : sqlOf("SELECT account_id, list_id, name, source, acquired_at, size, "
                                "double_opt_in, has_file, rows_total, invalid, duplicates, role, "
                                "disposable, typo FROM lists",
                                "account_id", "account_id, list_id"),
               0);
    const auto evi =
        (parts & Evidence)
            ? std::make_unique<EvidenceCursor>(
                  *d,
                  eviFull ? QByteArray(AD_EVIDENCE_COLS)
                          : QByteArray("id, account_id, list_id, subscriber, method, consent_at, source, "
                                       "checkbox_default, email_contact_explained, last_purchase_at, "
                                       "last_contacted_at"),
                  first, last)
            : nullptr;
    const auto cmp = cursor(
        Complaints,
        cmpFull ? sqlOf("SELECT " AD_COMPLAINT_COLS " FROM complaints", "account_id",
                        "account_id, received_at, id")
                : sqlOf("SELECT id, account_id, campaign_id, received_at, recipient, feedback_type, source, "
                        "origin FROM complaints",
                        "account_id", "account_id, received_at, id"),
        1);
    const auto his = cursor(
        History, sqlOf("SELECT " AD_HISTORY_COLS " FROM history", "account_id", "account_id, at, id"), 1);
    const auto dec = cursor(
        Decisions,
        sqlOf("SELECT " AD_DECISION_COLS " FROM decisions d", "d.account_id", "d.account_id, d.id"), 1);
    const auto msg = cursor(
        Messages, sqlOf("SELECT " AD_MESSAGE_COLS " FROM messages", "account_id", "account_id, id"), 1);
    LightReaders light;
    // The previous account's row counts: a guess that spares most of the lists' regrowth.
    qsizetype campHint = 0, eviHint = 0;

    for (; acc.has; acc.has = acc.q.step()) {
        const QByteArray key = acc.q.utf8(0).toByteArray();
        AccountSnapshot s;
        s.account = readAccount(acc.q, 0);
        s.currentStatus = accountStatusFromString(acc.q.text(AD_ACCOUNT_NCOLS)).value_or(s.account.status);
        const QString& id = s.account.id;
        if (camp)
            s.campaigns.reserve(campHint);
        if (evi)
            s.evidence.reserve(eviHint);
        if (camp && campFull) {
            camp->collect(key, [&](const sql::Statement& q) { s.campaigns.append(readCampaign(q)); });
        } else if (camp) {
            camp->collect(key, [&](const sql::Statement& q) { s.campaigns.append(light.campaign(q, id)); });
            // (sent_at, campaign_id) as SQLite orders them: no sent_at first; the rows came in
            // campaign_id order, which the stable sort keeps among equal times.
            std::stable_sort(
                s.campaigns.begin(), s.campaigns.end(), [](const Campaign& a, const Campaign& b) {
                    if (a.sentAt.isValid() != b.sentAt.isValid())
                        return !a.sentAt.isValid();
                    return a.sentAt.isValid() && a.sentAt.toMSecsSinceEpoch() < b.sentAt.toMSecsSinceEpoch();
                });
        }
        if (lst && listFull)
            lst->collect(key, [&](const sql::Statement& q) { s.lists.append(readList(q)); });
        else if (lst)
            lst->collect(key, [&](const sql::Statement& q) { s.lists.append(light.list(q, id)); });
        if (evi && eviFull)
            evi->collect(key, [&](const sql::Statement& q) { s.evidence.append(readEvidence(q)); });
        else if (evi)
            evi->collect(key, [&](const sql::Statement& q) { s.evidence.append(light.evidence(q, id)); });
        if (cmp && cmpFull)
            cmp->collect(key, [&](const sql::Statement& q) { s.complaints.append(readComplaint(q)); });
        else if (cmp)
            cmp->collect(key, [&](const sql::Statement& q) { s.complaints.append(light.complaint(q, id)); });
        if (his)
            his->collect(key, [&](const sql::Statement& q) { s.history.append(readHistory(q)); });
        if (dec)
            dec->collect(key, [&](const sql::Statement& q) { s.decisions.append(readDecision(q)); });
        if (msg)
            msg->collect(key, [&](const sql::Statement& q) { s.messages.append(readMessage(q, false)); });
        campHint = s.campaigns.size();
        eviHint = s.evidence.size();
        if (!fn(std::move(s)))
            break;
    }
}

void CaseStore::forEachMessage(const std::function<bool(const StoredMessage&)>& fn) const
{
    sql::Statement q(*d->db, "SELECT " AD_MESSAGE_COLS " FROM messages ORDER BY account_id, id", false);
    while (q.step()) {
        if (!fn(readMessage(q, false)))
            break;
    }
}

void CaseStore::readConsistently(bool wholeStore, const std::function<void()>& fn) const
{
    sql::Database& db = *d->db;
    // Memory-mapped reads (SQLite caps the size at its compile-time maximum; a build without mmap keeps
    // plain reads).
    qint64 previousMmap = 0;
    bool mmapSet = false;
    if (wholeStore) {
        try {
            previousMmap = db.queryInt("PRAGMA mmap_size");
            db.queryInt("PRAGMA mmap_size=2147418112");
            mmapSet = true;
        } catch (const Error&) {
        }
    }
    const auto restoreMmap = [&] {
        if (mmapSet)
            db.queryInt(QByteArray("PRAGMA mmap_size=" + QByteArray::number(previousMmap)));
    };
    const bool ownTx = !db.inTransaction();
    try {
        if (ownTx)
            db.exec("BEGIN DEFERRED");
        fn();
    } catch (...) {
        try {
            if (ownTx && db.inTransaction())
                db.exec("ROLLBACK");
            restoreMmap();
        } catch (const Error&) {
            // the original error is the one to report
        }
        throw;
    }
    if (ownTx)
        db.exec("COMMIT");
    restoreMmap();
}

// ---- Evaluations and queue --------------------------------------------------------------------------

namespace store::detail {

// Whether the stored evaluation of r's account equals r in every column saveEvaluations writes; `stored`:
// whether one is stored at all.
// The columns of an evaluations row from `q`'s column 0 on, in this order.
#define AD_STORED_EVALUATION_COLS                                                                            \
    "as_of, policy_id, policy_version, recommended, worst_rule, worst_severity, finding_count, rules, "      \
    "findings_json, complaint_rate, bounce_rate, unsubscribe_rate, open_rate, complaint_count"

// The stored row in `q` (AD_STORED_EVALUATION_COLS from column `c`) equals `r` in every column.
bool storedRowEquals(const sql::Statement& q, int c, const EvaluationRow& r)
{
    const auto sameText = [&](int column, QStringView text) {
        return !q.isNull(c + column) && QAnyStringView::equal(QUtf8StringView(q.utf8(c + column)), text);
    };
    const auto sameTextOrNull = [&](int column, QStringView text) {
        return text.isEmpty() ? q.isNull(c + column) : sameText(column, text);
    };
    const auto sameInt = [&](int column, qint64 v) {
        return !q.isNull(c + column) && q.int64(c + column) == v;
    };
    const auto sameReal = [&](int column, const std::optional<double>& v) {
        return v ? !q.isNull(c + column) && q.real(c + column) == *v : q.isNull(c + column);
    };
    return (r.asOf.isValid() ? sameInt(0, r.asOf.toMSecsSinceEpoch()) : q.isNull(c)) &&
           sameText(1, r.policyId) && sameText(2, r.policyVersion) && sameText(3, toString(r.recommended)) &&
           sameTextOrNull(4, r.worstRule) &&
           (r.worstSeverity ? sameInt(5, qint64(*r.worstSeverity)) : q.isNull(c + 5)) &&
           sameInt(6, r.findingCount) && sameText(7, joinList(r.rules)) &&
           (r.findingsJsonUtf8.isEmpty()
                ? sameText(8, r.findingsJson)
                : !q.isNull(c + 8) && q.utf8(c + 8) == QByteArrayView(r.findingsJsonUtf8)) &&
           sameReal(9, r.complaintRate) && sameReal(10, r.bounceRate) && sameReal(11, r.unsubscribeRate) &&
           sameReal(12, r.openRate) && sameInt(13, r.complaintCount);
}

bool compareStored(Connection& c, const EvaluationRow& r, bool& stored)
{
    auto old = c.st("SELECT " AD_STORED_EVALUATION_COLS " FROM evaluations WHERE account_id = ?1");
    sql::ResetGuard g(*old);
    old->bind(1, r.accountId);
    stored = old->step();
    return stored && storedRowEquals(*old, 0, r);
}

} // namespace store::detail

bool CaseStore::storedEvaluationEquals(const EvaluationRow& row) const
{
    bool stored = false;
    return store::detail::compareStored(*d, row, stored);
}

struct CaseStore::StoredEvaluationScan::Private
{
    std::unique_ptr<Cursor> cursor;
    QByteArray key; // the account asked for, as UTF-8
};

CaseStore::StoredEvaluationScan::StoredEvaluationScan(std::unique_ptr<Private> p) : d(std::move(p)) {}
CaseStore::StoredEvaluationScan::~StoredEvaluationScan() = default;
CaseStore::StoredEvaluationScan::StoredEvaluationScan(StoredEvaluationScan&&) noexcept = default;

bool CaseStore::StoredEvaluationScan::equals(const EvaluationRow& row)
{
    Cursor& c = *d->cursor;
    d->key = row.accountId.toUtf8();
    while (c.has && c.compare(d->key) < 0)
        c.has = c.q.step();
    return c.has && c.compare(d->key) == 0 && store::detail::storedRowEquals(c.q, 1, row);
}

CaseStore::StoredEvaluationScan CaseStore::scanStoredEvaluations(const QString* first,
                                                                 const QString* last) const
{
    auto p = std::make_unique<StoredEvaluationScan::Private>();
    p->cursor = std::make_unique<Cursor>(
        *d,
        first ? QByteArrayView("SELECT account_id, " AD_STORED_EVALUATION_COLS
                               " FROM evaluations WHERE account_id BETWEEN ?1 AND ?2 ORDER BY account_id")
              : QByteArrayView("SELECT account_id, " AD_STORED_EVALUATION_COLS
                               " FROM evaluations ORDER BY account_id"),
        0, first, last);
    return StoredEvaluationScan(std::move(p));
}

qint64 CaseStore::dataVersion() const
{
    return d->db->queryInt("PRAGMA data_version");
}

void CaseStore::saveEvaluations(const QList<EvaluationRow>& rows, std::optional<qint64> readVersion)
{
    // Nothing to write (a re-evaluation whose rows all equal the stored ones): no write transaction, so a
    // store that cannot be written (read-only) still evaluates.
    if (rows.isEmpty())
        return;
    sql::Database& db = *d->db;
    // The page cache for this write only (pages are allocated as used), restored afterwards.
    struct CacheForWrite
    {
        sql::Database& db;
        qint64 previous = 0;
        bool set = false;
        explicit CacheForWrite(sql::Database& database) : db(database) {}
        void resize(qint64 kib)
        {
            previous = db.queryInt("PRAGMA cache_size");
            db.exec(QByteArray("PRAGMA cache_size=-" + QByteArray::number(kib)));
            set = true;
        }
        ~CacheForWrite()
        {
            if (set)
                sqlite3_exec(db.handle(),
                             QByteArray("PRAGMA cache_size=" + QByteArray::number(previous)).constData(),
                             nullptr, nullptr, nullptr);
        }
    } cache(db);
    sql::Transaction tx(db);
    // A whole-store write into a store with no cached evaluation (right after an import), decided inside
    // the write transaction.
    const bool fresh = rows.size() >= 2 && !db.queryInt("SELECT EXISTS(SELECT 1 FROM evaluations)") &&
                       rows.size() * 2 >= db.queryInt("SELECT count(*) FROM accounts");
    // A fresh write touches its pages in order (accounts and evaluations in account_id order, the queue
    // indexes are created at the end), so a moderate cache that writes pages to the WAL as it goes does:
    // a larger one only costs first-touch page faults for ~100 MiB at 100,000 accounts (perf: 0.1-0.3 s
    // of the ~2 s write with 512 MiB). A whole-store write into cached rows updates the queue
    // indexes in place (random pages) and spills dirty pages to the WAL long before the commit with the
    // default 32 MiB: 512 MiB at most there.
    if (fresh)
        cache.resize(65536);
    else if (rows.size() >= 5000)
        cache.resize(524288);
    // The fresh write fills the queue columns of (nearly) every account: each UPDATE would move an entry in
    // six queue indexes. Those indexes are dropped and created again from their own SQL inside this
    // transaction (a failure rolls the drop back with everything else; readers on other connections keep
    // seeing the old schema until the commit). A partial write or a store with cached rows updates the
    // indexes in place.
    std::vector<QByteArray> recreate;
    if (fresh) {
        sql::Statement idx(db,
                           "SELECT m.name, m.sql FROM sqlite_master m WHERE m.type = 'index' AND "
                           "m.tbl_name = 'accounts' AND m.sql IS NOT NULL AND EXISTS (SELECT 1 FROM "
                           "pragma_index_info(m.name) i WHERE i.name IN ('recommended', 'recommended_rank', "
                           "'worst_severity', 'worst_rule', 'complaint_rate', 'bounce_rate', "
                           "'unsubscribe_rate', 'open_rate')) ORDER BY m.name",
                           false);
        std::vector<QByteArray> names;
        while (idx.step()) {
            names.push_back(idx.utf8(0).toByteArray());
            recreate.push_back(idx.utf8(1).toByteArray());
        }
        idx = sql::Statement();
        for (const QByteArray& name : names)
            db.exec(QByteArray("DROP INDEX \"" + QByteArray(name).replace('"', "\"\"") + '"'));
    }
    // An account whose stored evaluation already equals the new one in every column (as-of, policy id and
    // version, recommendation, worst finding, counts, rules, findings JSON, rates) is left as it is: its
    // accounts queue columns and evaluation_rules rows were written together with that row and change only
    // with it (a re-import deletes all three), so rewriting would change nothing. Any difference, a
    // NULL where a value is written or a missing row rewrites all three. Rows compared already in the
    // read transaction of `readVersion` are trusted while no other connection has committed since.
    const bool trustMarks = readVersion && dataVersion() == *readVersion;
    auto upd = d->st(
        "UPDATE accounts SET recommended = ?2, worst_severity = ?3, worst_rule = ?4, complaint_rate = ?5, "
        "bounce_rate = ?6, unsubscribe_rate = ?7, open_rate = ?8 WHERE account_id = ?1");
    auto del = d->st("DELETE FROM evaluations WHERE account_id = ?1");
    auto ins = d->st(
        "INSERT INTO evaluations(account_id, as_of, policy_id, policy_version, recommended, worst_rule, "
        "worst_severity, finding_count, rules, findings_json, complaint_rate, bounce_rate, "
        "unsubscribe_rate, open_rate, complaint_count) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
    auto rule = d->st("INSERT OR IGNORE INTO evaluation_rules(rule, account_id) VALUES (?1, ?2)");
    // In a fresh write evaluations was empty when this transaction began, so a row can only be stored
    // already if an earlier row of `rows` had the same account: an account id greater than every one
    // before it (rows come in account order) needs no look-up. Any other row is compared as usual.
    const QString* greatest = nullptr;
    bool stored = false; // set by compareStored(): the account has a cached row (else nothing to delete)
    for (const EvaluationRow& r : rows) {
        if (trustMarks && r.sameAsStored)
            continue;
        if (fresh && (!greatest || *greatest < r.accountId)) {
            stored = false;
            greatest = &r.accountId;
        } else if (store::detail::compareStored(*d, r, stored)) {
            continue;
        }
        const bool hasSeverity = r.worstSeverity.has_value();
        const qint64 severity = hasSeverity ? qint64(*r.worstSeverity) : 0;
        {
            sql::ResetGuard g(*upd);
            upd->bind(1, r.accountId).bind(2, toString(r.recommended)).bindTextOrNull(4, r.worstRule);
            hasSeverity ? upd->bind(3, severity) : upd->bindNull(3);
            upd->bind(5, r.complaintRate)
                .bind(6, r.bounceRate)
                .bind(7, r.unsubscribeRate)
                .bind(8, r.openRate);
            upd->exec();
            if (db.changes() != 1)
                throw Error::input(
                    QStringLiteral("no account \"%1\" in the case store to attach an evaluation to")
                        .arg(r.accountId));
        }
        if (stored) {
            sql::ResetGuard g(*del);
            del->bind(1, r.accountId).exec();
        }
        {
            // The findings JSON is bound in place when the evaluation gave it as UTF-8 (no copy of ~37 MB
            // at 100,000 accounts; the row outlives the step) and unbound again before the row can go.
            struct UnbindFindings
            {
                sql::Statement& st;
                ~UnbindFindings() { sqlite3_bind_null(st.handle(), 10); }
            } unbind{*ins};
            sql::ResetGuard g(*ins);
            ins->bind(1, r.accountId).bind(2, r.asOf).bind(3, r.policyId).bind(4, r.policyVersion);
            ins->bind(5, toString(r.recommended)).bindTextOrNull(6, r.worstRule);
            hasSeverity ? ins->bind(7, severity) : ins->bindNull(7);
            ins->bind(8, qint64(r.findingCount)).bind(9, joinList(r.rules));
            if (r.findingsJsonUtf8.isEmpty()) {
                ins->bind(10, r.findingsJson);
            } else if (sqlite3_bind_text(ins->handle(), 10, r.findingsJsonUtf8.constData(),
                                         int(r.findingsJsonUtf8.size()), SQLITE_STATIC) != SQLITE_OK) {
                ins->bindUtf8(10, r.findingsJsonUtf8); // reports SQLite's error
            }
            ins->bind(11, r.complaintRate)
                .bind(12, r.bounceRate)
                .bind(13, r.unsubscribeRate)
                .bind(14, r.openRate);
            ins->bind(15, r.complaintCount);
            ins->exec();
        }
        for (const QString& id : r.rules) {
            sql::ResetGuard g(*rule);
            rule->bind(1, id).bind(2, r.accountId).exec();
        }
    }
    for (const QByteArray& sqlText : recreate)
        db.exec(sqlText);
    tx.commit();
}

std::optional<EvaluationRow> CaseStore::evaluation(const QString& accountId) const
{
    auto q = d->st(
        "SELECT account_id, as_of, policy_id, policy_version, recommended, worst_rule, worst_severity, "
        "finding_count, rules, findings_json, complaint_rate, bounce_rate, unsubscribe_rate, open_rate, "
        "complaint_count FROM evaluations WHERE account_id = ?1");
    sql::ResetGuard g(*q);
    q->bind(1, accountId);
    if (!q->step())
        return std::nullopt;
    EvaluationRow r;
    r.accountId = q->text(0);
    r.asOf = q->dateTime(1);
    r.policyId = q->text(2);
    r.policyVersion = q->text(3);
    r.recommended = actionFromString(q->text(4)).value_or(Action::None);
    r.worstRule = q->text(5);
    if (!q->isNull(6))
        r.worstSeverity = Severity(qBound(qint64(0), q->int64(6), qint64(3)));
    r.findingCount = q->integer(7);
    r.rules = splitList(q->text(8));
    r.findingsJson = q->text(9);
    r.complaintRate = q->optReal(10);
    r.bounceRate = q->optReal(11);
    r.unsubscribeRate = q->optReal(12);
    r.openRate = q->optReal(13);
    r.complaintCount = q->int64(14);
    return r;
}

namespace {

// Turns what the reviewer typed into an FTS5 query: every whitespace-separated word becomes a quoted
// phrase (so punctuation such as '@', '.', '-' is never FTS syntax); all must match; the last word is
// matched as a prefix (search as you type).
QString ftsQuery(const QString& text)
{
    QStringList terms;
    for (const QString& word : text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts)) {
        bool hasWordChar = false;
        for (QChar c : word) {
            if (c.isLetterOrNumber()) {
                hasWordChar = true;
                break;
            }
        }
        if (!hasWordChar)
            continue;
        QString w = word;
        w.replace(u'"', QStringLiteral("\"\""));
        terms.append(u'"' + w + u'"');
    }
    if (!terms.isEmpty())
        terms.last() += u'*'; // the word being typed
    return terms.join(u' ');
}

struct QueueSql
{
    QByteArray where;
    std::optional<qint64> statusRank, recommendedRank;
    QString rule, fts;
    bool matchNothing = false;
    int conditions = 0;
};

// Terminates awaiting their second approval: recorded as pending_approval and not followed by any later
// decision on the account. The approval (approves_decision_id pointing at it) is such a later decision; so is
// any other decision, which supersedes the pending terminate, as core/audit's DecisionService treats it
// (`approve` refuses a terminate that is no longer the account's latest decision).
constexpr const char* kPendingSubquery =
    "SELECT d.account_id FROM decisions d WHERE d.state = 'pending_approval' AND d.action = 'terminate' "
    "AND NOT EXISTS (SELECT 1 FROM decisions x WHERE x.account_id = d.account_id AND x.id > d.id)";

// The messages' accounts are read from the covering index messages_by_account (account_id, id), scanned
// whole, not by a seek into the messages table per matching message: a message row fills most of a page
// (text, links), so for a common word the seeks read ~one table page per match (10,000 matches, 40 MB
// through the page cache: 30-180 ms cold), while the index holds ~100 messages per page (~10 ms for
// 10,000 messages).
constexpr const char* kTextMatches =
    "SELECT rowid FROM account_fts WHERE account_fts MATCH :fts UNION "
    "SELECT x.rid FROM accounts x WHERE x.account_id IN (SELECT m.account_id FROM messages m INDEXED BY "
    "messages_by_account WHERE m.id IN (SELECT rowid FROM message_fts WHERE message_fts MATCH :fts))";

// The WHERE clause of the queue. With `walkSortIndex`, every filter term is written so that SQLite cannot
// use an index for it ("+column"): the query then walks the sort column's index in order and tests each
// account against the filters (all sets are materialised once), stopping after OFFSET+LIMIT matches. That
// is the fast plan when the filter keeps many accounts; when it keeps few, SQLite's own choice (look the
// few up through the filter's index, then sort them) is faster. queuePage picks by the match count.
QueueSql queueWhere(const QueueFilter& f, bool walkSortIndex = false)
{
    const QByteArray plus = walkSortIndex ? "+" : "";
    QueueSql s;
    QByteArrayList conds;
    if (!f.status.isEmpty()) {
        const auto st = accountStatusFromString(f.status);
        if (!st)
            throw Error::input(
                QStringLiteral("unknown status \"%1\" (expected active, warned, suspended or terminated)")
                    .arg(f.status));
        s.statusRank = qint64(*st);
        conds << plus + "a.status_rank = :status";
    }
    if (!f.recommended.isEmpty()) {
        const auto a = actionFromString(f.recommended);
        if (!a ||
            (*a != Action::None && *a != Action::Warn && *a != Action::Suspend && *a != Action::Terminate))
            throw Error::input(
                QStringLiteral("unknown recommendation \"%1\" (expected none, warn, suspend or terminate)")
                    .arg(f.recommended));
        s.recommendedRank = *a == Action::None ? 0 : *a == Action::Warn ? 1 : *a == Action::Suspend ? 2 : 3;
        conds << plus + "a.recommended_rank = :recommended";
    }
    if (!f.rule.isEmpty()) {
        s.rule = f.rule;
        conds << plus + "a.account_id IN (SELECT r.account_id FROM evaluation_rules r WHERE r.rule = :rule)";
    }
    if (!f.text.trimmed().isEmpty()) {
        s.fts = ftsQuery(f.text);
        if (s.fts.isEmpty())
            s.matchNothing = true;
        else
            conds << plus + "a.rid IN (" + kTextMatches + ")";
    }
    if (f.pendingOnly)
        conds << plus + "a.account_id IN (" + kPendingSubquery + ")";
    if (s.matchNothing)
        conds = {"0"};
    s.conditions = int(conds.size());
    if (!conds.isEmpty())
        s.where = " WHERE " + conds.join(" AND ");
    return s;
}

void bindQueue(sql::Statement& q, const QueueSql& s)
{
    if (s.matchNothing)
        return;
    if (s.statusRank)
        q.bind(":status", *s.statusRank);
    if (s.recommendedRank)
        q.bind(":recommended", *s.recommendedRank);
    if (!s.rule.isEmpty())
        q.bind(":rule", s.rule);
    if (!s.fts.isEmpty())
        q.bind(":fts", s.fts);
}

// The sort keys of a queue column, most significant first, without direction; the account id breaks ties.
QByteArrayList sortKeys(QueueColumn c)
{
    QByteArrayList keys;
    switch (c) {
    case QueueColumn::AccountId:
        break;
    case QueueColumn::Name:
        keys << "a.name COLLATE NOCASE";
        break;
    case QueueColumn::Status:
        keys << "a.status_rank";
        break;
    case QueueColumn::Recommended:
        keys << "a.recommended_rank";
        break;
    case QueueColumn::WorstFinding:
        keys << "a.worst_severity"
             << "a.worst_rule";
        break;
    case QueueColumn::ComplaintRate:
        keys << "a.complaint_rate";
        break;
    case QueueColumn::BounceRate:
        keys << "a.bounce_rate";
        break;
    case QueueColumn::UnsubscribeRate:
        keys << "a.unsubscribe_rate";
        break;
    case QueueColumn::OpenRate:
        keys << "a.open_rate";
        break;
    case QueueColumn::Complaints:
        keys << "a.complaint_count";
        break;
    case QueueColumn::FlaggedAt:
        keys << "a.flagged_at";
        break;
    case QueueColumn::Assignee:
        keys << "a.assignee COLLATE NOCASE";
        break;
    }
    keys << "a.account_id";
    return keys;
}

QByteArray orderBy(QueueColumn c, bool asc)
{
    const QByteArray dir = asc ? " ASC" : " DESC";
    QByteArrayList keys = sortKeys(c);
    for (auto& k : keys)
        k += dir;
    return " ORDER BY " + keys.join(", ");
}

} // namespace

qint64 CaseStore::queueCount(const QueueFilter& filter) const
{
    const QueueSql s = queueWhere(filter);
    const QString key = filter.status + u'\x1f' + filter.recommended + u'\x1f' + filter.rule + u'\x1f' +
                        filter.text + u'\x1f' + (filter.pendingOnly ? u'1' : u'0');
    const qint64 totalChanges = sqlite3_total_changes64(d->db->handle());
    qint64 dataVersion = 0;
    {
        auto v = d->st("PRAGMA data_version");
        sql::ResetGuard g(*v);
        v->step();
        dataVersion = v->int64(0);
    }
    if (d->lastCount.key == key && d->lastCount.totalChanges == totalChanges &&
        d->lastCount.dataVersion == dataVersion)
        return d->lastCount.count;
    // Text alone: count the set of matching accounts without touching the accounts table.
    const bool textOnly = s.conditions == 1 && !s.fts.isEmpty() && !s.matchNothing;
    auto q = textOnly ? d->st(QByteArray(QByteArray("SELECT count(*) FROM (") + kTextMatches + ")"))
                      : d->st(QByteArray(QByteArray("SELECT count(*) FROM accounts a") + s.where));
    sql::ResetGuard g(*q);
    bindQueue(*q, s);
    q->step();
    const qint64 count = q->int64(0);
    d->lastCount.key = key;
    d->lastCount.totalChanges = totalChanges;
    d->lastCount.dataVersion = dataVersion;
    d->lastCount.count = count;
    return count;
}

QList<QueueRow> CaseStore::queuePage(const QueueFilter& filter, QueueColumn sortColumn, bool ascending,
                                     qint64 offset, qint64 limit) const
{
    // Few matches: let SQLite fetch them through the filters' indexes and sort them. Many: walk the sort
    // column's index and filter (see queueWhere). The threshold is where both cost about the same.
    constexpr qint64 kFewMatches = 2000;
    bool walk = false;
    {
        const QueueSql probe = queueWhere(filter);
        walk = probe.conditions > 0 && !probe.matchNothing && queueCount(filter) > kFewMatches;
    }
    const QueueSql s = queueWhere(filter, walk);
    const QByteArray sqlText =
        QByteArray(
            "SELECT a.account_id, a.name, a.current_status, a.recommended, a.worst_rule, a.worst_severity, "
            "a.complaint_rate, a.bounce_rate, a.unsubscribe_rate, a.open_rate, a.complaint_count, "
            "a.flagged_at, "
            "a.assignee, a.account_id IN (") +
        kPendingSubquery + ") FROM accounts a" + s.where + orderBy(sortColumn, ascending) +
        " LIMIT :limit OFFSET :offset";
    auto q = d->st(sqlText);
    sql::ResetGuard g(*q);
    bindQueue(*q, s);
    q->bind(":limit", limit < 0 ? qint64(-1) : limit).bind(":offset", qMax<qint64>(0, offset));
    QList<QueueRow> out;
    while (q->step()) {
        QueueRow r;
        r.accountId = q->text(0);
        r.name = q->text(1);
        r.status = accountStatusFromString(q->text(2)).value_or(AccountStatus::Active);
        if (!q->isNull(3))
            r.recommended = actionFromString(q->text(3));
        r.worstRule = q->text(4);
        if (!q->isNull(5))
            r.worstSeverity = Severity(qBound(qint64(0), q->int64(5), qint64(3)));
        r.complaintRate = q->optReal(6);
        r.bounceRate = q->optReal(7);
        r.unsubscribeRate = q->optReal(8);
        r.openRate = q->optReal(9);
        r.complaintCount = q->int64(10);
        r.flaggedAt = q->dateTime(11);
        r.assignee = q->text(12);
        r.pendingApproval = q->boolean(13);
        out.append(r);
    }
    return out;
}

qint64 CaseStore::queueRowOf(const QueueFilter& filter, QueueColumn sortColumn, bool ascending,
                             const QString& accountId) const
{
    const QueueSql s = queueWhere(filter);
    const QByteArrayList keys = sortKeys(sortColumn);
    const QByteArray andWhere = s.where.isEmpty() ? QByteArray(" WHERE ") : s.where + " AND ";
    // `me`: the account's own sort keys, when it is in the filtered queue. The rows ordered before it:
    // lexicographic over the keys, NULL first when ascending and last when descending (SQLite's order),
    // NULL-safe (IS for equality); the key's COLLATE on the left applies to every comparison.
    QByteArrayList meColumns, before;
    for (int i = 0; i < keys.size(); ++i) {
        const QByteArray k = keys[i], v = "me.k" + QByteArray::number(i);
        meColumns << k + " AS k" + QByteArray::number(i);
        QByteArrayList terms;
        for (int j = 0; j < i; ++j)
            terms << keys[j] + " IS me.k" + QByteArray::number(j);
        // Columns declared NOT NULL compare plainly, which lets SQLite count a range of their index.
        const bool notNull = k == "a.account_id" || k == "a.name COLLATE NOCASE" || k == "a.status_rank" ||
                             k == "a.complaint_count";
        if (notNull)
            terms << k + (ascending ? " < " : " > ") + v;
        else
            terms << (ascending ? "(" + v + " IS NOT NULL AND (" + k + " IS NULL OR " + k + " < " + v + "))"
                                : "(" + k + " IS NOT NULL AND (" + v + " IS NULL OR " + k + " > " + v + "))");
        before << "(" + terms.join(" AND ") + ")";
    }
    const QByteArray sqlText =
        "WITH me AS MATERIALIZED (SELECT " + meColumns.join(", ") + " FROM accounts a" + andWhere +
        "a.account_id = :id) SELECT (SELECT count(*) FROM me), " + "(SELECT count(*) FROM me, accounts a" +
        andWhere + "(" + before.join(" OR ") + "))";
    auto q = d->st(sqlText);
    sql::ResetGuard g(*q);
    bindQueue(*q, s);
    q->bind(":id", accountId);
    q->step();
    return q->int64(0) == 0 ? -1 : q->int64(1);
}

void CaseStore::setAssignee(const QString& accountId, const QString& reviewer)
{
    sql::Transaction tx(*d->db);
    {
        auto q = d->st("UPDATE accounts SET assignee = ?2 WHERE account_id = ?1");
        sql::ResetGuard g(*q);
        q->bind(1, accountId).bindTextOrNull(2, reviewer).exec();
        if (d->db->changes() != 1)
            throw Error::input(QStringLiteral("no account \"%1\" in the case store").arg(accountId));
    }
    if (reviewer.isEmpty()) {
        auto q = d->st("DELETE FROM assignments WHERE account_id = ?1");
        sql::ResetGuard g(*q);
        q->bind(1, accountId).exec();
    } else {
        auto q = d->st("INSERT INTO assignments(account_id, reviewer) VALUES (?1, ?2) "
                       "ON CONFLICT(account_id) DO UPDATE SET reviewer = excluded.reviewer");
        sql::ResetGuard g(*q);
        q->bind(1, accountId).bind(2, reviewer).exec();
    }
    tx.commit();
}

// ---- Decisions and audit ----------------------------------------------------------------------------

qint64
CaseStore::recordDecision(const Decision& decision, std::optional<AccountStatus> newStatus,
                          const std::function<AuditEntry(const std::optional<AuditEntry>& last)>& makeEntry)
{
    sql::Transaction tx(*d->db);
    {
        auto q = d->st("SELECT 1 FROM accounts WHERE account_id = ?1");
        sql::ResetGuard g(*q);
        q->bind(1, decision.accountId);
        if (!q->step())
            throw Error::input(QStringLiteral("no account \"%1\" in the case store").arg(decision.accountId));
    }
    if (decision.approvesDecisionId != 0) {
        auto q = d->st("SELECT account_id FROM decisions WHERE id = ?1");
        sql::ResetGuard g(*q);
        q->bind(1, decision.approvesDecisionId);
        if (!q->step() || q->text(0) != decision.accountId)
            throw Error::input(QStringLiteral("decision %1 of account \"%2\" does not exist")
                                   .arg(decision.approvesDecisionId)
                                   .arg(decision.accountId));
    }
    if (!decision.at.isValid())
        throw Error::internal(QStringLiteral("a decision needs a time"));
    qint64 id = 0;
    {
        auto q = d->st(
            "INSERT INTO decisions(account_id, list_id, action, recommended, state, reviewer, at, rationale, "
            "policy_id, policy_version, findings_json, notice_language, notice_text, "
            "approves_decision_id, approved_by, approved_at) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)");
        sql::ResetGuard g(*q);
        q->bind(1, decision.accountId).bindTextOrNull(2, decision.listId).bind(3, toString(decision.action));
        q->bind(4, toString(decision.recommended))
            .bind(5, toString(decision.state))
            .bind(6, decision.reviewer);
        q->bind(7, decision.at).bind(8, decision.rationale).bindTextOrNull(9, decision.policyId);
        q->bindTextOrNull(10, decision.policyVersion).bindTextOrNull(11, decision.findingsJson);
        q->bindTextOrNull(12, decision.noticeLanguage).bindTextOrNull(13, decision.noticeText);
        if (decision.approvesDecisionId != 0)
            q->bind(14, decision.approvesDecisionId);
        else
            q->bindNull(14);
        q->bindTextOrNull(15, decision.approvedBy).bind(16, decision.approvedAt);
        q->exec();
        id = d->db->lastInsertRowId();
    }
    if (newStatus) {
        auto q = d->st("UPDATE accounts SET current_status = ?2 WHERE account_id = ?1");
        sql::ResetGuard g(*q);
        q->bind(1, decision.accountId).bind(2, toString(*newStatus)).exec();
    }
    store::detail::appendAudit(*d, makeEntry);
    tx.commit();
    return id;
}

qint64
CaseStore::appendAudit(const std::function<AuditEntry(const std::optional<AuditEntry>& last)>& makeEntry)
{
    sql::Transaction tx(*d->db);
    const qint64 seq = store::detail::appendAudit(*d, makeEntry);
    tx.commit();
    return seq;
}

QList<Decision> CaseStore::decisions(const QString& accountId) const
{
    auto q = d->st("SELECT " AD_DECISION_COLS " FROM decisions d WHERE d.account_id = ?1 ORDER BY d.id");
    sql::ResetGuard g(*q);
    q->bind(1, accountId);
    QList<Decision> out;
    while (q->step())
        out.append(readDecision(*q));
    return out;
}

std::optional<Decision> CaseStore::decision(qint64 id) const
{
    auto q = d->st("SELECT " AD_DECISION_COLS " FROM decisions d WHERE d.id = ?1");
    sql::ResetGuard g(*q);
    q->bind(1, id);
    if (!q->step())
        return std::nullopt;
    return readDecision(*q);
}

QList<Decision> CaseStore::pendingApprovals() const
{
    // See kPendingSubquery.
    auto q = d->st("SELECT " AD_DECISION_COLS " FROM decisions d WHERE d.state = 'pending_approval' "
                   "AND d.action = 'terminate' AND NOT EXISTS (SELECT 1 FROM decisions x "
                   "WHERE x.account_id = d.account_id AND x.id > d.id) ORDER BY d.id");
    sql::ResetGuard g(*q);
    QList<Decision> out;
    while (q->step())
        out.append(readDecision(*q));
    return out;
}

std::optional<AuditEntry> CaseStore::lastAuditEntry() const
{
    return store::detail::lastAuditEntry(*d);
}

qint64 CaseStore::auditCount() const
{
    auto q = d->st("SELECT count(*) FROM audit_log");
    sql::ResetGuard g(*q);
    q->step();
    return q->int64(0);
}

void CaseStore::forEachAuditEntry(const std::function<bool(const AuditEntry&)>& fn) const
{
    sql::Statement q(*d->db, "SELECT " AD_AUDIT_COLS " FROM audit_log ORDER BY seq", false);
    while (q.step()) {
        if (!fn(readAudit(q)))
            break;
    }
}

} // namespace ad
