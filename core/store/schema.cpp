// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/schema.h"

#include "store/sqlite.h"
#include "util/error.h"

#include <QFile>
#include <sqlite3.h>

namespace ad::store {

namespace {

// =====================================================================================================
// Schema 1: the whole case store. This is the one place the tables are described.
//
// Conventions
//  * Timestamps are INTEGER milliseconds since 1970-01-01T00:00:00Z (NULL = absent): they sort correctly
//    and round-trip exactly (the audit log hashes them).
//  * Absent optional text is NULL. Lists that come from a bundle cell (from_addresses, list_ids, rule
//    ids) are stored ';'-joined, as in the bundle (ids and addresses cannot contain ';'); lists derived
//    from messages (links, List-Unsubscribe URIs, parse warnings) are compact JSON arrays.
//  * Platform data of an account references accounts(account_id) ON DELETE CASCADE: a re-import deletes
//    the account row and everything it owns goes with it. decisions, audit_log and assignments have no
//    foreign key on purpose: they are this tool's records and survive re-imports.
//  * decisions and audit_log are append-only (triggers refuse UPDATE and DELETE).
// =====================================================================================================
const char* const kSchema1 = R"sql(
-- One row per import (a bundle read into the store); the row is written in the import's transaction.
CREATE TABLE imports (
    id            INTEGER PRIMARY KEY,
    bundle_path   TEXT NOT NULL,
    bundle_sha256 TEXT NOT NULL,
    exported_at   INTEGER,
    source        TEXT,
    imported_at   INTEGER NOT NULL,
    imported_by   TEXT NOT NULL,
    summary_json  TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX imports_by_sha256 ON imports(bundle_sha256);

-- Every file an import read, with its hash (the evidence appendix of a case report).
CREATE TABLE import_files (
    import_id INTEGER NOT NULL REFERENCES imports(id),
    path      TEXT NOT NULL,
    size      INTEGER NOT NULL,
    sha256    TEXT NOT NULL,
    PRIMARY KEY (import_id, path)
) WITHOUT ROWID;

-- One row per account. Besides the platform's data (accounts.csv) it carries the review queue's sort keys,
-- denormalised so that the queue sorts and filters 100,000 accounts from this one table, one index per key:
--   current_status   this tool's view of the status: set by the import (see ImportWriter::addAccount),
--                    changed by recordDecision
--   complaint_count  complaint reports imported for the account (ImportWriter::addComplaint)
--   recommended … open_rate   copied from `evaluations` by saveEvaluations; NULL until evaluated. A re-import
--                    deletes the row, so they reset together with the cached evaluation (which cascades).
--   assignee         copied from `assignments` (which survives re-imports) by setAssignee and addAccount
CREATE TABLE accounts (
    rid              INTEGER PRIMARY KEY,
    account_id       TEXT NOT NULL UNIQUE,
    name             TEXT NOT NULL,
    owner_email      TEXT NOT NULL,
    from_addresses   TEXT,
    postal_address   TEXT,
    website          TEXT,
    signup_at        INTEGER,
    platform_status  TEXT NOT NULL CHECK (platform_status IN ('active', 'warned', 'suspended', 'terminated')),
    flagged_at       INTEGER,
    flag_reason      TEXT,
    import_id        INTEGER NOT NULL REFERENCES imports(id),
    current_status   TEXT NOT NULL CHECK (current_status IN ('active', 'warned', 'suspended', 'terminated')),
    status_rank      INTEGER GENERATED ALWAYS AS (CASE current_status WHEN 'active' THEN 0 WHEN 'warned' THEN 1
                                                  WHEN 'suspended' THEN 2 ELSE 3 END) VIRTUAL,
    complaint_count  INTEGER NOT NULL DEFAULT 0,
    recommended      TEXT,
    recommended_rank INTEGER GENERATED ALWAYS AS (CASE recommended WHEN 'none' THEN 0 WHEN 'warn' THEN 1
                                                  WHEN 'suspend' THEN 2 WHEN 'terminate' THEN 3 END) VIRTUAL,
    worst_severity   INTEGER,              -- 0 info, 1 warn, 2 suspend, 3 terminate
    worst_rule       TEXT,
    complaint_rate   REAL,
    bounce_rate      REAL,
    unsubscribe_rate REAL,
    open_rate        REAL,
    assignee         TEXT
);
-- Queue: one index per sort column, each ending in account_id (the tie-breaker, so paging is stable).
CREATE INDEX accounts_by_name        ON accounts(name COLLATE NOCASE, account_id);
CREATE INDEX accounts_by_status      ON accounts(status_rank, account_id);
CREATE INDEX accounts_by_recommended ON accounts(recommended_rank, account_id);
CREATE INDEX accounts_by_worst       ON accounts(worst_severity, worst_rule, account_id);
CREATE INDEX accounts_by_compl_rate  ON accounts(complaint_rate, account_id);
CREATE INDEX accounts_by_bounce_rate ON accounts(bounce_rate, account_id);
CREATE INDEX accounts_by_unsub_rate  ON accounts(unsubscribe_rate, account_id);
CREATE INDEX accounts_by_open_rate   ON accounts(open_rate, account_id);
CREATE INDEX accounts_by_complaints  ON accounts(complaint_count, account_id);
CREATE INDEX accounts_by_flagged_at  ON accounts(flagged_at, account_id);
CREATE INDEX accounts_by_assignee    ON accounts(assignee COLLATE NOCASE, account_id);

-- Full-text search over the account's identity (external content: the text lives in `accounts` only).
CREATE VIRTUAL TABLE account_fts USING fts5(
    account_id, name, owner_email, from_addresses, postal_address, website,
    content = 'accounts', content_rowid = 'rid', tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER accounts_fts_insert AFTER INSERT ON accounts BEGIN
    INSERT INTO account_fts(rowid, account_id, name, owner_email, from_addresses, postal_address, website)
    VALUES (new.rid, new.account_id, new.name, new.owner_email, new.from_addresses, new.postal_address, new.website);
END;
CREATE TRIGGER accounts_fts_delete AFTER DELETE ON accounts BEGIN
    INSERT INTO account_fts(account_fts, rowid, account_id, name, owner_email, from_addresses, postal_address, website)
    VALUES ('delete', old.rid, old.account_id, old.name, old.owner_email, old.from_addresses, old.postal_address,
            old.website);
END;
CREATE TRIGGER accounts_fts_update AFTER UPDATE OF account_id, name, owner_email, from_addresses, postal_address,
        website ON accounts BEGIN
    INSERT INTO account_fts(account_fts, rowid, account_id, name, owner_email, from_addresses, postal_address, website)
    VALUES ('delete', old.rid, old.account_id, old.name, old.owner_email, old.from_addresses, old.postal_address,
            old.website);
    INSERT INTO account_fts(rowid, account_id, name, owner_email, from_addresses, postal_address, website)
    VALUES (new.rid, new.account_id, new.name, new.owner_email, new.from_addresses, new.postal_address, new.website);
END;

-- campaigns.csv
CREATE TABLE campaigns (
    account_id    TEXT NOT NULL REFERENCES accounts(account_id) ON DELETE CASCADE,
    campaign_id   TEXT NOT NULL,
    sent_at       INTEGER,
    subject       TEXT,
    from_address  TEXT,
    list_ids      TEXT,                    -- ';'-joined
    sent          INTEGER NOT NULL,
    delivered     INTEGER NOT NULL,
    bounces       INTEGER NOT NULL,
    hard_bounces  INTEGER,
    complaints    INTEGER NOT NULL,
    unsubscribes  INTEGER NOT NULL,
    unique_opens  INTEGER NOT NULL,
    unique_clicks INTEGER,
    PRIMARY KEY (account_id, campaign_id)
) WITHOUT ROWID;
CREATE INDEX campaigns_by_sent_at ON campaigns(account_id, sent_at);

-- lists.csv, with the screening summary of the list file when there was one (rows_total NOT NULL).
CREATE TABLE lists (
    rid           INTEGER PRIMARY KEY,
    account_id    TEXT NOT NULL REFERENCES accounts(account_id) ON DELETE CASCADE,
    list_id       TEXT NOT NULL,
    name          TEXT,
    source        TEXT NOT NULL,
    acquired_at   INTEGER,
    size          INTEGER,
    double_opt_in INTEGER,
    has_file      INTEGER NOT NULL DEFAULT 0,
    rows_total    INTEGER,
    invalid       INTEGER,
    duplicates    INTEGER,
    role          INTEGER,
    disposable    INTEGER,
    typo          INTEGER,
    screening_json TEXT,
    UNIQUE (account_id, list_id)
);

-- lists/<account>/<list>.csv, one row per uploaded line (millions of rows: kept lean, one b-tree keyed by
-- list and line; `problems` is the lists::Problem bit set, `raw` the other columns as a JSON object).
-- No foreign key on purpose: only ImportWriter inserts here, with the rid of a list it just looked up, and
-- a per-row parent check would cost ~10% of a large import. The trigger below does the cascade instead.
CREATE TABLE list_rows (
    list_rid INTEGER NOT NULL,
    line     INTEGER NOT NULL,
    email    TEXT NOT NULL,
    raw      TEXT,
    problems INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (list_rid, line)
) WITHOUT ROWID;
CREATE TRIGGER lists_delete_rows AFTER DELETE ON lists BEGIN
    DELETE FROM list_rows WHERE list_rid = old.rid;
END;

-- evidence.csv
CREATE TABLE evidence (
    id                      INTEGER PRIMARY KEY,
    account_id              TEXT NOT NULL REFERENCES accounts(account_id) ON DELETE CASCADE,
    list_id                 TEXT,
    subscriber              TEXT NOT NULL,
    method                  TEXT NOT NULL,
    consent_at              INTEGER,
    source                  TEXT,
    ip                      TEXT,
    checkbox_default        TEXT,
    email_contact_explained INTEGER,
    consent_text            TEXT,
    confirmed_at            INTEGER,
    last_purchase_at        INTEGER,
    last_contacted_at       INTEGER,
    source_line             INTEGER NOT NULL
);
CREATE INDEX evidence_by_account ON evidence(account_id, source_line);

-- complaints/complaints.csv rows (origin 'csv') and ARF reports (origin 'arf', with the reported message).
CREATE TABLE complaints (
    id               INTEGER PRIMARY KEY,
    account_id       TEXT NOT NULL REFERENCES accounts(account_id) ON DELETE CASCADE,
    campaign_id      TEXT,
    received_at      INTEGER,
    recipient        TEXT,
    feedback_type    TEXT,
    source           TEXT,
    note             TEXT,
    origin           TEXT NOT NULL,
    file             TEXT,
    source_line      INTEGER NOT NULL DEFAULT 0,
    user_agent       TEXT,
    source_ip        TEXT,
    reported_message BLOB                   -- last: large
);
CREATE INDEX complaints_by_account ON complaints(account_id, received_at);

-- messages/: the raw bytes exactly as imported plus the parsed fields the rules and the queue need.
CREATE TABLE messages (
    id                    INTEGER PRIMARY KEY,
    account_id            TEXT NOT NULL REFERENCES accounts(account_id) ON DELETE CASCADE,
    campaign_id           TEXT,
    file                  TEXT NOT NULL,
    mbox_index            INTEGER NOT NULL DEFAULT -1,
    sha256                TEXT NOT NULL,
    from_header           TEXT,
    subject               TEXT,
    date                  INTEGER,
    text                  TEXT,
    links                 TEXT,            -- JSON [{"text":…, "href":…}, …]
    link_domains          TEXT,            -- JSON array
    list_unsubscribe      TEXT,            -- JSON array
    one_click_unsubscribe INTEGER NOT NULL DEFAULT 0,
    spf                   TEXT,
    dkim                  TEXT,
    dmarc                 TEXT,
    parse_warnings        TEXT,            -- JSON array
    raw                   BLOB NOT NULL    -- last: reading the other columns never walks its overflow pages
);
CREATE INDEX messages_by_account ON messages(account_id);
CREATE VIRTUAL TABLE message_fts USING fts5(
    subject, text, content = 'messages', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
    INSERT INTO message_fts(rowid, subject, text) VALUES (new.id, new.subject, new.text);
END;
CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
    INSERT INTO message_fts(message_fts, rowid, subject, text) VALUES ('delete', old.id, old.subject, old.text);
END;

-- history.csv: enforcement already taken on the platform.
CREATE TABLE history (
    id         INTEGER PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(account_id) ON DELETE CASCADE,
    at         INTEGER,
    action     TEXT NOT NULL,
    reason     TEXT,
    taken_by   TEXT
);
CREATE INDEX history_by_account ON history(account_id, at);

-- The rules module's cached result per account (EvaluationRow); replaced by each evaluation, removed by a
-- re-import of the account.
CREATE TABLE evaluations (
    account_id       TEXT PRIMARY KEY REFERENCES accounts(account_id) ON DELETE CASCADE,
    as_of            INTEGER,
    policy_id        TEXT,
    policy_version   TEXT,
    recommended      TEXT NOT NULL,
    worst_rule       TEXT,
    worst_severity   INTEGER,
    finding_count    INTEGER NOT NULL,
    rules            TEXT,                  -- ';'-joined, in the order given
    findings_json    TEXT NOT NULL,
    complaint_rate   REAL,
    bounce_rate      REAL,
    unsubscribe_rate REAL,
    open_rate        REAL,
    complaint_count  INTEGER NOT NULL DEFAULT 0
);
-- Which rules fired for which account: the queue's rule filter.
CREATE TABLE evaluation_rules (
    rule       TEXT NOT NULL,
    account_id TEXT NOT NULL REFERENCES evaluations(account_id) ON DELETE CASCADE,
    PRIMARY KEY (rule, account_id)
) WITHOUT ROWID;
CREATE INDEX evaluation_rules_by_account ON evaluation_rules(account_id);

-- Who works on an account (survives re-imports; copied into accounts.assignee).
CREATE TABLE assignments (
    account_id TEXT PRIMARY KEY,
    reviewer   TEXT NOT NULL
) WITHOUT ROWID;

-- This tool's decisions. Append-only; a correction is a new row. approved_by/approved_at are normally
-- NULL and derived when read from the approval decision (approves_decision_id) that points at the row.
CREATE TABLE decisions (
    id                   INTEGER PRIMARY KEY,
    account_id           TEXT NOT NULL,
    list_id              TEXT,
    action               TEXT NOT NULL,
    recommended          TEXT NOT NULL,
    state                TEXT NOT NULL CHECK (state IN ('effective', 'pending_approval', 'approved', 'superseded')),
    reviewer             TEXT NOT NULL,
    at                   INTEGER NOT NULL,
    rationale            TEXT,
    policy_id            TEXT,
    policy_version       TEXT,
    findings_json        TEXT,
    notice_language      TEXT,
    notice_text          TEXT,
    approves_decision_id INTEGER REFERENCES decisions(id),
    approved_by          TEXT,
    approved_at          INTEGER
);
CREATE INDEX decisions_by_account ON decisions(account_id);
CREATE INDEX decisions_by_approved ON decisions(approves_decision_id) WHERE approves_decision_id IS NOT NULL;
CREATE INDEX decisions_pending ON decisions(account_id) WHERE state = 'pending_approval' AND action = 'terminate';
CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions BEGIN
    SELECT RAISE(ABORT, 'decisions are append-only');
END;
CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions BEGIN
    SELECT RAISE(ABORT, 'decisions are append-only');
END;

-- The hash-chained audit log (hashes computed by core/audit). Append-only.
CREATE TABLE audit_log (
    seq        INTEGER PRIMARY KEY CHECK (seq > 0),
    at         INTEGER NOT NULL,
    actor      TEXT NOT NULL,
    kind       TEXT NOT NULL,
    account_id TEXT NOT NULL DEFAULT '',
    payload    TEXT NOT NULL,
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
)sql";

// =====================================================================================================
// Schema 2: derived data kept between processes.
// =====================================================================================================
const char* const kSchema2 = R"sql(
-- The finished cross-account overlap index (core/rules/overlap.h, OverlapIndex::serialize), so that a later
-- process loads it instead of reading every account, campaign From address and message again. One row per
-- set of overlap options (options_key, the evaluation service's text of the policy's overlap options), all
-- rows for one data_version (the evaluation service's name of the imported data: imports, newest import);
-- format is OverlapIndex::kSerialFormat; saved_seq orders the saves (the store never reads the clock), so
-- that only the few most recent option sets are kept. Every import deletes every row (ImportWriter): the
-- index is built again from the new data. The accounts' current status in the payload is that of the build;
-- the evaluation service refreshes it from `accounts` before every use.
CREATE TABLE overlap_index (
    options_key  TEXT PRIMARY KEY,
    data_version TEXT NOT NULL,
    format       INTEGER NOT NULL,
    saved_seq    INTEGER NOT NULL,
    payload      BLOB NOT NULL
);
)sql";

bool looksLikeSqlite(const QString& path, bool* empty)
{
    QFile f(path);
    *empty = false;
    if (!f.exists())
        return true;
    if (!f.open(QIODevice::ReadOnly))
        throw Error::internal(QStringLiteral("cannot read %1: %2").arg(path, f.errorString()));
    const QByteArray head = f.read(16);
    if (head.isEmpty()) {
        *empty = true;
        return true;
    }
    return head == QByteArray("SQLite format 3", 16);
}

QString notAStore(const QString& path, const QString& why)
{
    return QStringLiteral("%1 is not an AbuseDesk case store: %2").arg(path, why);
}

QString newerMessage(const QString& path, int version, int latest)
{
    return QStringLiteral(
               "The case store %1 was written by a newer AbuseDesk (schema %2); this version reads up "
               "to schema %3")
        .arg(path)
        .arg(version)
        .arg(latest);
}

} // namespace

const QList<Migration>& migrations()
{
    static const QList<Migration> steps{
        {1, "create the case store", kSchema1},
        {2, "add the persisted overlap index", kSchema2},
    };
    return steps;
}

int openSchema(sql::Database& db, const QList<Migration>& steps)
{
    const QString& path = db.path();
    const int latest = steps.isEmpty() ? 0 : steps.last().toVersion;

    bool empty = false;
    if (!looksLikeSqlite(path, &empty))
        throw Error::input(notAStore(path, QStringLiteral("the file is not an SQLite database")));

    // Read-only checks first: nothing may be written to a file we refuse.
    qint64 appId = 0, version = 0, objects = 0;
    try {
        appId = db.queryInt("PRAGMA application_id");
        version = db.queryInt("PRAGMA user_version");
        objects = db.queryInt("SELECT count(*) FROM sqlite_schema");
    } catch (const Error&) {
        const int code = db.lastErrorCode() & 0xff;
        if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
            throw Error::input(notAStore(
                path, QStringLiteral("the file is not an SQLite database (%1)").arg(db.lastErrorMessage())));
        throw;
    }
    const bool isNew = appId == 0 && version == 0 && objects == 0;
    if (!isNew && appId != kApplicationId) {
        throw Error::input(notAStore(
            path, QStringLiteral(
                      "it is an SQLite database of another program (application_id 0x%1, %2 schema objects)")
                      .arg(QString::number(quint32(appId), 16))
                      .arg(objects)));
    }
    if (version > latest)
        throw Error::input(newerMessage(path, int(version), latest));
    Q_UNUSED(empty);

    db.setBusyTimeout(5000);
    // A new store gets 16 KiB pages (SQLite's default is 4 KiB): a bulk import writes every page twice (WAL,
    // then the checkpoint) with two write calls per page, so a quarter of the pages is a quarter of the
    // calls; the rows of an account are read together. An existing store keeps its page size (it cannot
    // change in WAL mode), so nothing needs migrating.
    if (isNew)
        db.exec("PRAGMA page_size=16384");
    if (db.queryText("PRAGMA journal_mode=WAL").compare(u"wal", Qt::CaseInsensitive) != 0)
        db.fail(QStringLiteral("cannot switch the case store to WAL mode"));
    db.exec("PRAGMA synchronous=NORMAL");
    db.exec("PRAGMA cache_size=-32768"); // 32 MiB page cache: imports insert into many indexes
    db.exec("PRAGMA temp_store=MEMORY");

    if (version < latest) {
        // Migrations may rebuild tables; foreign keys are checked as a whole at the end instead.
        db.exec("PRAGMA foreign_keys=OFF");
        {
            sql::Transaction tx(db);
            // Another process may have migrated meanwhile: read the version again under the write lock.
            version = db.queryInt("PRAGMA user_version");
            if (version > latest)
                throw Error::input(newerMessage(path, int(version), latest));
            for (const Migration& m : steps) {
                if (m.toVersion <= version)
                    continue;
                try {
                    db.exec(m.sql);
                } catch (const Error& e) {
                    throw Error::internal(
                        QStringLiteral("upgrading the case store %1 to schema %2 (%3) failed: %4")
                            .arg(path)
                            .arg(m.toVersion)
                            .arg(QString::fromUtf8(m.description), e.message()));
                }
            }
            if (db.queryInt("SELECT count(*) FROM pragma_foreign_key_check") != 0)
                throw Error::internal(
                    QStringLiteral("upgrading the case store %1 left broken references; nothing was changed")
                        .arg(path));
            db.exec(QByteArray("PRAGMA application_id=" + QByteArray::number(kApplicationId)));
            db.exec(QByteArray("PRAGMA user_version=" + QByteArray::number(latest)));
            tx.commit();
        }
        version = latest;
    }
    db.exec("PRAGMA foreign_keys=ON");
    return int(version);
}

} // namespace ad::store
