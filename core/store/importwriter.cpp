// SPDX-License-Identifier: GPL-3.0-or-later
// ImportWriter: the write side of one import, one transaction from beginImport() to commit().
//
// Speed: every statement is prepared once when the writer is created and reused for every row; text is
// bound through the statements' reused UTF-8 buffers, so a list row (the bulk of a large bundle) costs no
// allocation and no query besides its INSERT (the list's row id is cached between rows).
//
// Full-text index: the schema keeps account_fts and message_fts in sync with triggers. FTS5 (as in SQLite
// 3.40) writes its pending terms to disk at every statement savepoint, i.e. once per INSERT that fires an
// FTS trigger: one tiny segment per account and message, merged again and again (a third of a 100,000-
// account import). The writer therefore drops the two AFTER INSERT triggers inside the import's
// transaction, indexes the imported accounts and messages with one INSERT … SELECT each at commit, and
// re-creates the triggers from their stored SQL before COMMIT. DDL is transactional in SQLite: a rollback,
// an error or a kill -9 brings the triggers back with everything else; other connections never see the
// store without them. The delete triggers (re-imports) stay as they are.
#include "store/casestore.h"
#include "store/casestore_p.h"
#include "store/records_p.h"
#include "util/error.h"
#include "util/hash.h"

#include <QSet>
#include <sqlite3.h>
#include <type_traits>

namespace ad {

using namespace store::detail;

struct ImportWriter::Private
{
    CaseStore::Private& sd;
    sql::Database& db;
    ImportInfo info;
    qint64 importId = 0;
    std::unique_ptr<sql::Transaction> tx;
    bool committed = false;
    // Accounts added by this import, as 64-bit hashes of their UTF-8 ids (~16 bytes each instead of a
    // string: the per-import memory stays small). A collision (~2^-64 per pair of ids) would wrongly
    // report a duplicate account or let a row of an undefined account through to SQLite's FOREIGN KEY
    // check, which refuses it.
    QSet<quint64> accounts;
    static quint64 key(QByteArrayView id) { return quint64(qHash(id, size_t(0x41624473))); }
    // Complaints per account, written to accounts.complaint_count once at commit (an UPDATE per complaint
    // would rewrite the account row and its index entry every time).
    QHash<QString, qint64> complaintCounts;

    // The FTS insert triggers dropped for the import: name -> CREATE TRIGGER text (see the header).
    QList<std::pair<QByteArray, QByteArray>> ftsTriggers;

    sql::Statement selAccount, keepStatus, delAccount, insAccount, insCampaign, insList, selList, markFile,
        insListRow, updScreening, insEvidence, insComplaint, incComplaints, insMessage, insHistory, insFile,
        updSummary, updSha256;

    // The list the last rows went to.
    QString listAccount, listId;
    qint64 listRid = 0;
    sql::Statement orListRowProblems; // markListRows, prepared on first use

    explicit Private(CaseStore::Private& store) : sd(store), db(*store.db) {}

    // `what()` names the record in the error; it is only called on an error (no formatting per row).
    template <typename What> void requireAccount(const QString& accountId, What&& what) const
    {
        if (!accounts.contains(key(accountId.toUtf8())))
            throw Error::input(
                QStringLiteral("%1 refers to account_id \"%2\", which is not among this import's accounts")
                    .arg(what(), accountId));
    }
    template <typename What> void requireAccount(QByteArrayView accountId, What&& what) const
    {
        if (!accounts.contains(key(accountId)))
            requireAccount(QString::fromUtf8(accountId), what);
    }

    // Binds UTF-8 for the duration of the next step (the callers step before returning); empty binds NULL
    // when `orNull`, else empty text.
    void text(sql::Statement& q, int i, QByteArrayView v, bool orNull = true)
    {
        const int rc = v.isEmpty() ? (orNull ? sqlite3_bind_null(q.handle(), i)
                                             : sqlite3_bind_text(q.handle(), i, "", 0, SQLITE_STATIC))
                                   : sqlite3_bind_text(q.handle(), i, v.data(), int(v.size()), SQLITE_STATIC);
        if (rc != SQLITE_OK)
            db.fail(QStringLiteral("binding an import value failed"));
    }
    void integer(sql::Statement& q, int i, std::optional<qint64> v)
    {
        const int rc = v ? sqlite3_bind_int64(q.handle(), i, *v) : sqlite3_bind_null(q.handle(), i);
        if (rc != SQLITE_OK)
            db.fail(QStringLiteral("binding an import value failed"));
    }

    // Steps an INSERT/UPDATE; maps constraint violations to Error::input with the given texts.
    void run(sql::Statement& q, const QString& duplicate, const QString& unknown = QString())
    {
        run(
            q, [&] { return duplicate; }, unknown);
    }
    // The same with the duplicate text built only when needed.
    template <typename Dup>
    void run(sql::Statement& q, Dup&& duplicateText,
             const QString& unknown = QString()) requires std::is_invocable_r_v<QString, Dup>
    {
        const int rc = q.tryStep();
        q.reset();
        if (rc == SQLITE_DONE || rc == SQLITE_ROW)
            return;
        if (rc == SQLITE_CONSTRAINT_PRIMARYKEY || rc == SQLITE_CONSTRAINT_UNIQUE) {
            const QString duplicate = duplicateText();
            if (!duplicate.isEmpty())
                throw Error::input(duplicate);
        }
        if (rc == SQLITE_CONSTRAINT_FOREIGNKEY && !unknown.isEmpty())
            throw Error::input(unknown);
        db.fail(QStringLiteral("import into the case store failed in \"%1\"")
                    .arg(QString::fromUtf8(q.sql()).simplified().left(80)));
    }

    qint64 list(const QString& accountId, const QString& id)
    {
        if (listRid != 0 && accountId == listAccount && id == listId)
            return listRid;
        requireAccount(accountId, [&] { return QStringLiteral("list_id \"%1\"").arg(id); });
        sql::ResetGuard g(selList);
        selList.bind(1, accountId).bind(2, id);
        if (!selList.step())
            throw Error::input(
                QStringLiteral("unknown list_id \"%1\" for account \"%2\"").arg(id, accountId));
        listRid = selList.int64(0);
        listAccount = accountId;
        listId = id;
        return listRid;
    }
    // The list a row goes to (list()); the first row of a list marks the list as having a file.
    qint64 listOfRow(const QString& accountId, const QString& id)
    {
        const bool cached = listRid != 0 && accountId == listAccount && id == listId;
        const qint64 rid = list(accountId, id);
        if (!cached) {
            markFile.bind(1, rid);
            run(markFile, QString());
        }
        return rid;
    }
    // Runs the bound insListRow: a repeated line is an input error, anything else a store failure.
    void stepListRow(qint64 line, const QString& accountId, const QString& id)
    {
        const int rc = insListRow.tryStep();
        insListRow.reset();
        if (rc == SQLITE_DONE)
            return;
        if (rc == SQLITE_CONSTRAINT_PRIMARYKEY)
            throw Error::input(QStringLiteral("duplicate line %1 in list \"%2\" of account \"%3\"")
                                   .arg(line)
                                   .arg(id, accountId));
        db.fail(QStringLiteral("import of a list row into the case store failed"));
    }

    void resetAll()
    {
        for (sql::Statement* s :
             {&selAccount, &keepStatus, &delAccount, &insAccount, &insCampaign, &insList, &selList, &markFile,
              &insListRow, &updScreening, &insEvidence, &insComplaint, &incComplaints, &insMessage,
              &insHistory, &insFile, &updSummary, &updSha256})
            s->reset();
    }
};

ImportWriter::ImportWriter(CaseStore& store, const ImportInfo& info) : d(std::make_unique<Private>(*store.d))
{
    sql::Database& db = d->db;
    d->info = info;
    d->tx = std::make_unique<sql::Transaction>(db);
    d->sd.importActive = true;
    try {
        sql::Statement ins(
            db,
            "INSERT INTO imports(bundle_path, bundle_sha256, exported_at, source, imported_at, "
            "imported_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            false);
        ins.bind(1, info.bundlePath).bind(2, info.bundleSha256).bind(3, info.exportedAt);
        ins.bindTextOrNull(4, info.source)
            .bind(5, info.importedAt.isValid() ? info.importedAt : info.exportedAt);
        ins.bind(6, info.importedBy);
        ins.exec();
        d->importId = db.lastInsertRowId();
        // A persisted overlap index describes the data before this import (schema.cpp): never loaded again.
        db.exec("DELETE FROM overlap_index");

        for (const char* name : {"accounts_fts_insert", "messages_fts_insert"}) {
            sql::Statement q(db, "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?1", false);
            q.bindUtf8(1, name);
            if (!q.step())
                continue; // an older schema without it: nothing to restore
            QByteArray create = q.utf8(0).toByteArray();
            q.reset();
            db.exec(QByteArray(QByteArray("DROP TRIGGER ") + name));
            d->ftsTriggers.append({QByteArray(name), create});
        }

        d->selAccount =
            sql::Statement(db, "SELECT rid, import_id, current_status FROM accounts WHERE account_id = ?1");
        // "an effective decision for it after the bundle's exported_at" (approved terminates count too).
        d->keepStatus =
            sql::Statement(db, "SELECT EXISTS (SELECT 1 FROM decisions WHERE account_id = ?1 AND state IN "
                               "('effective', 'approved') AND (?2 IS NULL OR at > ?2))");
        d->delAccount = sql::Statement(db, "DELETE FROM accounts WHERE rid = ?1");
        d->insAccount = sql::Statement(
            db,
            "INSERT INTO accounts(account_id, name, owner_email, from_addresses, postal_address, website, "
            "signup_at, platform_status, flagged_at, flag_reason, import_id, current_status, assignee) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
            "(SELECT reviewer FROM assignments WHERE account_id = ?1))");
        d->insCampaign = sql::Statement(
            db,
            "INSERT INTO campaigns(account_id, campaign_id, sent_at, subject, from_address, list_ids, sent, "
            "delivered, bounces, hard_bounces, complaints, unsubscribes, unique_opens, unique_clicks) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
        d->insList =
            sql::Statement(db, "INSERT INTO lists(account_id, list_id, name, source, acquired_at, size, "
                               "double_opt_in, has_file) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
        d->selList = sql::Statement(db, "SELECT rid FROM lists WHERE account_id = ?1 AND list_id = ?2");
        d->markFile = sql::Statement(db, "UPDATE lists SET has_file = 1 WHERE rid = ?1 AND has_file = 0");
        d->insListRow = sql::Statement(
            db, "INSERT INTO list_rows(list_rid, line, email, raw, problems) VALUES (?1, ?2, ?3, ?4, ?5)");
        d->updScreening = sql::Statement(
            db, "UPDATE lists SET has_file = 1, rows_total = ?2, invalid = ?3, duplicates = ?4, role = ?5, "
                "disposable = ?6, typo = ?7, screening_json = ?8 WHERE rid = ?1");
        d->insEvidence =
            sql::Statement(db, "INSERT INTO evidence(account_id, list_id, subscriber, method, consent_at, "
                               "source, ip, checkbox_default, "
                               "email_contact_explained, consent_text, confirmed_at, last_purchase_at, "
                               "last_contacted_at, source_line) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
        d->insComplaint =
            sql::Statement(db, "INSERT INTO complaints(account_id, campaign_id, received_at, recipient, "
                               "feedback_type, source, note, "
                               "origin, file, source_line, user_agent, source_ip, reported_message) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
        d->incComplaints = sql::Statement(
            db, "UPDATE accounts SET complaint_count = complaint_count + ?2 WHERE account_id = ?1");
        d->insMessage = sql::Statement(
            db,
            "INSERT INTO messages(account_id, campaign_id, file, mbox_index, sha256, from_header, subject, "
            "date, "
            "text, links, link_domains, list_unsubscribe, one_click_unsubscribe, spf, dkim, dmarc, "
            "parse_warnings, "
            "raw) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)");
        d->insHistory = sql::Statement(
            db, "INSERT INTO history(account_id, at, action, reason, taken_by) VALUES (?1, ?2, ?3, ?4, ?5)");
        d->insFile = sql::Statement(
            db, "INSERT INTO import_files(import_id, path, size, sha256) VALUES (?1, ?2, ?3, ?4)");
        d->updSummary = sql::Statement(db, "UPDATE imports SET summary_json = ?2 WHERE id = ?1");
        d->updSha256 = sql::Statement(db, "UPDATE imports SET bundle_sha256 = ?2 WHERE id = ?1");
    } catch (...) {
        d->sd.importActive = false;
        throw;
    }
}

ImportWriter::~ImportWriter()
{
    if (!d->committed) {
        // Statements must not be mid-step for the rollback; the transaction guard rolls back.
        d->resetAll();
        d->tx.reset();
    }
    d->sd.importActive = false;
}

void ImportWriter::addAccount(const Account& a)
{
    if (d->accounts.contains(Private::key(a.id.toUtf8())))
        throw Error::input(QStringLiteral("duplicate account_id \"%1\"").arg(a.id));
    QString status = toString(a.status);
    {
        sql::ResetGuard g(d->selAccount);
        d->selAccount.bind(1, a.id);
        if (d->selAccount.step()) {
            const qint64 rid = d->selAccount.int64(0);
            const QString previous = d->selAccount.text(2);
            d->selAccount.reset();
            sql::ResetGuard g2(d->keepStatus);
            d->keepStatus.bind(1, a.id).bind(2, d->info.exportedAt);
            d->keepStatus.step();
            if (d->keepStatus.boolean(0))
                status = previous;
            d->keepStatus.reset();
            d->delAccount.bind(1, rid);
            d->run(d->delAccount, QString());
        }
    }
    sql::Statement& q = d->insAccount;
    q.bind(1, a.id).bind(2, a.name).bind(3, a.ownerEmail).bindTextOrNull(4, joinList(a.fromAddresses));
    q.bindTextOrNull(5, a.postalAddress)
        .bindTextOrNull(6, a.website)
        .bind(7, a.signupAt)
        .bind(8, toString(a.status));
    q.bind(9, a.flaggedAt).bindTextOrNull(10, a.flagReason).bind(11, d->importId).bind(12, status);
    d->run(q, [&] { return QStringLiteral("duplicate account_id \"%1\"").arg(a.id); });
    d->accounts.insert(Private::key(a.id.toUtf8()));
    if (d->listAccount == a.id)
        d->listRid = 0;
}

void ImportWriter::addCampaign(const Campaign& c)
{
    d->requireAccount(c.accountId, [&] { return QStringLiteral("campaign_id \"%1\"").arg(c.campaignId); });
    sql::Statement& q = d->insCampaign;
    q.bind(1, c.accountId).bind(2, c.campaignId).bind(3, c.sentAt).bindTextOrNull(4, c.subject);
    q.bindTextOrNull(5, c.fromAddress)
        .bindTextOrNull(6, joinList(c.listIds))
        .bind(7, c.sent)
        .bind(8, c.delivered);
    q.bind(9, c.bounces).bind(10, c.hardBounces).bind(11, c.complaints).bind(12, c.unsubscribes);
    q.bind(13, c.uniqueOpens).bind(14, c.uniqueClicks);
    d->run(q, [&] {
        return QStringLiteral("duplicate campaign_id \"%1\" for account \"%2\"")
            .arg(c.campaignId, c.accountId);
    });
}

void ImportWriter::addList(const MailingList& l)
{
    d->requireAccount(l.accountId, [&] { return QStringLiteral("list_id \"%1\"").arg(l.listId); });
    sql::Statement& q = d->insList;
    q.bind(1, l.accountId)
        .bind(2, l.listId)
        .bindTextOrNull(3, l.name)
        .bind(4, l.source)
        .bind(5, l.acquiredAt);
    q.bind(6, l.size).bind(7, l.doubleOptIn).bind(8, l.hasFile);
    d->run(q, [&] {
        return QStringLiteral("duplicate list_id \"%1\" for account \"%2\"").arg(l.listId, l.accountId);
    });
    d->listRid = d->db.lastInsertRowId();
    d->listAccount = l.accountId;
    d->listId = l.listId;
    if (l.screening)
        setListScreening(l.accountId, l.listId, *l.screening);
}

void ImportWriter::addListRow(const QString& accountId, const QString& listId, const ListRow& row)
{
    const qint64 rid = d->listOfRow(accountId, listId);
    sql::Statement& q = d->insListRow;
    q.bind(1, rid)
        .bind(2, row.line)
        .bind(3, row.email)
        .bindTextOrNull(4, row.rawJson)
        .bind(5, qint64(row.problems));
    d->stepListRow(row.line, accountId, listId);
}

void ImportWriter::addListRow(const QString& accountId, const QString& listId, const ListRowUtf8& row)
{
    const qint64 rid = d->listOfRow(accountId, listId);
    sql::Statement& q = d->insListRow;
    d->integer(q, 1, rid);
    d->integer(q, 2, row.line);
    d->text(q, 3, row.email, false);
    d->text(q, 4, row.rawJson);
    d->integer(q, 5, row.problems);
    d->stepListRow(row.line, accountId, listId);
}

void ImportWriter::markListRows(const QString& accountId, const QString& listId,
                                std::span<const qint64> lines, int problems)
{
    if (lines.empty())
        return;
    const qint64 rid = d->list(accountId, listId);
    if (!d->orListRowProblems.isValid())
        d->orListRowProblems = sql::Statement(
            d->db, "UPDATE list_rows SET problems = problems | ?3 WHERE list_rid = ?1 AND line = ?2");
    sql::Statement& q = d->orListRowProblems;
    d->integer(q, 1, rid);
    d->integer(q, 3, problems);
    for (const qint64 line : lines) {
        d->integer(q, 2, line);
        const int rc = q.tryStep();
        q.reset();
        if (rc != SQLITE_DONE)
            d->db.fail(QStringLiteral("marking list rows in the case store failed"));
        if (d->db.changes() != 1)
            throw Error::internal(QStringLiteral("list \"%1\" of account \"%2\" has no row at line %3")
                                      .arg(listId, accountId)
                                      .arg(line));
    }
}

void ImportWriter::addCampaign(const CampaignUtf8& c)
{
    d->requireAccount(c.accountId, [&] {
        return QStringLiteral("campaign_id \"%1\"").arg(QString::fromUtf8(c.campaignId));
    });
    sql::Statement& q = d->insCampaign;
    d->text(q, 1, c.accountId, false);
    d->text(q, 2, c.campaignId, false);
    d->integer(q, 3, c.sentAt);
    d->text(q, 4, c.subject);
    d->text(q, 5, c.fromAddress);
    d->text(q, 6, c.listIds);
    d->integer(q, 7, c.sent);
    d->integer(q, 8, c.delivered);
    d->integer(q, 9, c.bounces);
    d->integer(q, 10, c.hardBounces);
    d->integer(q, 11, c.complaints);
    d->integer(q, 12, c.unsubscribes);
    d->integer(q, 13, c.uniqueOpens);
    d->integer(q, 14, c.uniqueClicks);
    d->run(q, [&] {
        return QStringLiteral("duplicate campaign_id \"%1\" for account \"%2\"")
            .arg(QString::fromUtf8(c.campaignId), QString::fromUtf8(c.accountId));
    });
}

qint64 ImportWriter::addEvidence(const EvidenceUtf8& e)
{
    d->requireAccount(e.accountId, [&] {
        return QStringLiteral("evidence for subscriber \"%1\"").arg(QString::fromUtf8(e.subscriber));
    });
    sql::Statement& q = d->insEvidence;
    d->text(q, 1, e.accountId, false);
    d->text(q, 2, e.listId);
    d->text(q, 3, e.subscriber, false);
    d->text(q, 4, e.method, false);
    d->integer(q, 5, e.consentAt);
    d->text(q, 6, e.source);
    d->text(q, 7, e.ip);
    d->text(q, 8, e.checkboxDefault);
    d->integer(q, 9,
               e.emailContactExplained ? std::optional<qint64>(*e.emailContactExplained ? 1 : 0)
                                       : std::nullopt);
    d->text(q, 10, e.consentText);
    d->integer(q, 11, e.confirmedAt);
    d->integer(q, 12, e.lastPurchaseAt);
    d->integer(q, 13, e.lastContactedAt);
    d->integer(q, 14, e.sourceLine);
    d->run(q, QString());
    return d->db.lastInsertRowId();
}

void ImportWriter::setListScreening(const QString& accountId, const QString& listId,
                                    const ListScreeningSummary& s)
{
    const qint64 rid = d->list(accountId, listId);
    sql::Statement& q = d->updScreening;
    q.bind(1, rid)
        .bind(2, s.rows)
        .bind(3, s.invalid)
        .bind(4, s.duplicates)
        .bind(5, s.role)
        .bind(6, s.disposable);
    q.bind(7, s.typo).bindTextOrNull(8, s.detailsJson);
    d->run(q, QString());
}

qint64 ImportWriter::addEvidence(const EvidenceRow& e)
{
    d->requireAccount(e.accountId,
                      [&] { return QStringLiteral("evidence for subscriber \"%1\"").arg(e.subscriber); });
    sql::Statement& q = d->insEvidence;
    q.bind(1, e.accountId)
        .bindTextOrNull(2, e.listId)
        .bind(3, e.subscriber)
        .bind(4, e.method)
        .bind(5, e.consentAt);
    q.bindTextOrNull(6, e.source).bindTextOrNull(7, e.ip).bindTextOrNull(8, e.checkboxDefault);
    q.bind(9, e.emailContactExplained).bindTextOrNull(10, e.consentText).bind(11, e.confirmedAt);
    q.bind(12, e.lastPurchaseAt).bind(13, e.lastContactedAt).bind(14, e.sourceLine);
    d->run(q, QString());
    return d->db.lastInsertRowId();
}

qint64 ImportWriter::addComplaint(const Complaint& c)
{
    d->requireAccount(c.accountId, [] { return QStringLiteral("complaint"); });
    sql::Statement& q = d->insComplaint;
    q.bind(1, c.accountId)
        .bindTextOrNull(2, c.campaignId)
        .bind(3, c.receivedAt)
        .bindTextOrNull(4, c.recipient);
    q.bindTextOrNull(5, c.feedbackType).bindTextOrNull(6, c.source).bindTextOrNull(7, c.note);
    q.bind(8, c.origin.isEmpty() ? QStringLiteral("csv") : c.origin)
        .bindTextOrNull(9, c.file)
        .bind(10, c.sourceLine);
    q.bindTextOrNull(11, c.userAgent).bindTextOrNull(12, c.sourceIp);
    if (c.reportedMessage.isNull())
        q.bindNull(13);
    else
        q.bindBlob(13, c.reportedMessage);
    d->run(q, QString());
    ++d->complaintCounts[c.accountId];
    return d->db.lastInsertRowId();
}

qint64 ImportWriter::addMessage(const StoredMessage& m)
{
    d->requireAccount(m.accountId, [&] { return QStringLiteral("message %1").arg(m.file); });
    if (m.raw.isEmpty())
        throw Error::internal(QStringLiteral("message %1 has no raw bytes to store").arg(m.file));
    sql::Statement& q = d->insMessage;
    q.bind(1, m.accountId).bindTextOrNull(2, m.campaignId).bind(3, m.file).bind(4, qint64(m.mboxIndex));
    q.bind(5, m.sha256.isEmpty() ? sha256Hex(m.raw) : m.sha256).bindTextOrNull(6, m.from);
    q.bindTextOrNull(7, m.subject).bind(8, m.date).bindTextOrNull(9, m.text);
    const QByteArray links = linksToJson(m.links), domains = toJsonArray(m.linkDomains),
                     unsub = toJsonArray(m.listUnsubscribe), warnings = toJsonArray(m.parseWarnings);
    auto utf8OrNull = [&q](int i, const QByteArray& b) {
        if (b.isEmpty())
            q.bindNull(i);
        else
            q.bindUtf8(i, b);
    };
    utf8OrNull(10, links);
    utf8OrNull(11, domains);
    utf8OrNull(12, unsub);
    q.bind(13, m.oneClickUnsubscribe).bindTextOrNull(14, m.spf).bindTextOrNull(15, m.dkim);
    q.bindTextOrNull(16, m.dmarc);
    utf8OrNull(17, warnings);
    q.bindBlob(18, m.raw);
    d->run(q, QString());
    return d->db.lastInsertRowId();
}

qint64 ImportWriter::addHistory(const HistoryEntry& h)
{
    d->requireAccount(h.accountId, [] { return QStringLiteral("history entry"); });
    sql::Statement& q = d->insHistory;
    q.bind(1, h.accountId).bind(2, h.at).bind(3, toString(h.action)).bindTextOrNull(4, h.reason);
    q.bindTextOrNull(5, h.by);
    d->run(q, QString());
    return d->db.lastInsertRowId();
}

void ImportWriter::addFile(const ImportedFile& f)
{
    sql::Statement& q = d->insFile;
    q.bind(1, d->importId).bind(2, f.path).bind(3, f.size).bind(4, f.sha256);
    d->run(q, [&] { return QStringLiteral("duplicate file \"%1\" in the import").arg(f.path); });
}

void ImportWriter::forEachFile(
    const std::function<void(QByteArrayView path, QByteArrayView sha256)>& fn) const
{
    // The primary key (import_id, path) gives the order without a sort; nothing is held in memory.
    sql::Statement q(d->db, "SELECT path, sha256 FROM import_files WHERE import_id = ?1 ORDER BY path",
                     false);
    q.bind(1, d->importId);
    while (q.step())
        fn(q.utf8(0), q.utf8(1));
}

QList<ImportWriter::UnknownCampaignRefs> ImportWriter::unknownCampaignRefs() const
{
    // The accounts of this import carry its import_id, and their campaigns all come from this import (a
    // re-import replaces an account with its rows), so "not defined" means "not in this bundle's
    // campaigns.csv". Each row costs one lookup in the campaigns primary key.
    static const char* const kComplaints =
        "FROM complaints c JOIN accounts a ON a.account_id = c.account_id AND a.import_id = ?1 "
        "WHERE c.origin = ?2 AND c.campaign_id IS NOT NULL AND c.campaign_id <> '' AND NOT EXISTS "
        "(SELECT 1 FROM campaigns p WHERE p.account_id = c.account_id AND p.campaign_id = c.campaign_id)";
    static const char* const kMessages =
        "FROM messages c JOIN accounts a ON a.account_id = c.account_id AND a.import_id = ?1 "
        "WHERE ?2 = 'message' AND c.campaign_id IS NOT NULL AND c.campaign_id <> '' AND NOT EXISTS "
        "(SELECT 1 FROM campaigns p WHERE p.account_id = c.account_id AND p.campaign_id = c.campaign_id)";
    QList<UnknownCampaignRefs> out;
    for (const char* kind : {"csv", "arf", "message"}) {
        const bool message = qstrcmp(kind, "message") == 0;
        const QByteArray from(message ? kMessages : kComplaints);
        sql::Statement count(d->db, QByteArray("SELECT count(*) " + from).constData(), false);
        count.bind(1, d->importId).bindUtf8(2, kind);
        if (!count.step() || count.int64(0) == 0)
            continue;
        UnknownCampaignRefs r;
        r.kind = QString::fromLatin1(kind);
        r.count = count.int64(0);
        sql::Statement first(
            d->db,
            QByteArray(QByteArray(message ? "SELECT c.file, 0, " : "SELECT c.file, c.source_line, ") +
                       "c.account_id, c.campaign_id " + from + " ORDER BY c.id LIMIT 1")
                .constData(),
            false);
        first.bind(1, d->importId).bindUtf8(2, kind);
        if (first.step()) {
            r.file = first.text(0);
            r.line = first.int64(1);
            r.accountId = first.text(2);
            r.campaignId = first.text(3);
        }
        out.append(r);
    }
    return out;
}

void ImportWriter::setBundleSha256(const QString& bundleSha256)
{
    d->info.bundleSha256 = bundleSha256;
    d->updSha256.bind(1, d->importId).bind(2, bundleSha256);
    d->run(d->updSha256, QString());
}

void ImportWriter::appendAudit(
    const std::function<AuditEntry(const std::optional<AuditEntry>& last)>& makeEntry)
{
    store::detail::appendAudit(d->sd, makeEntry);
}

qint64 ImportWriter::commit(const QString& summaryJson)
{
    if (d->committed)
        throw Error::internal(QStringLiteral("import committed twice"));
    d->updSummary.bind(1, d->importId).bind(2, summaryJson.isEmpty() ? QStringLiteral("{}") : summaryJson);
    d->run(d->updSummary, QString());
    for (auto it = d->complaintCounts.cbegin(); it != d->complaintCounts.cend(); ++it) {
        d->incComplaints.bind(1, it.key()).bind(2, it.value());
        d->run(d->incComplaints, QString());
    }
    // Full-text index of what this import added (every message of an imported account is new: a re-import
    // deleted the old ones), then the triggers again (see the header).
    for (const auto& [name, create] : std::as_const(d->ftsTriggers)) {
        const char* fill =
            name == "accounts_fts_insert"
                ? "INSERT INTO account_fts(rowid, account_id, name, owner_email, from_addresses, "
                  "postal_address, website) SELECT rid, account_id, name, owner_email, from_addresses, "
                  "postal_address, website FROM accounts WHERE import_id = ?1 ORDER BY rid"
                : "INSERT INTO message_fts(rowid, subject, text) SELECT m.id, m.subject, m.text FROM "
                  "accounts a "
                  "JOIN messages m ON m.account_id = a.account_id WHERE a.import_id = ?1 ORDER BY m.id";
        sql::Statement q(d->db, fill, false);
        q.bind(1, d->importId);
        q.exec();
        d->db.exec(create);
    }
    d->resetAll();
    d->tx->commit();
    d->committed = true;
    d->sd.importActive = false;
    return d->importId;
}

} // namespace ad
