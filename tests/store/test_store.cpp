// SPDX-License-Identifier: GPL-3.0-or-later
// The case store: schema and migrations, imports (commit, rollback, uniqueness errors, re-import), readers,
// snapshots, full-text search, the review queue, decisions and the audit log.
#include "store/casestore.h"
#include "store/schema.h"
#include "store/sqlite.h"
#include "storetestutil.h"
#include "util/error.h"

#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <functional>
#include <sqlite3.h>

using namespace ad;
using namespace ad::storetest;

namespace {

// A store with three accounts and data of every kind, imported in one go.
struct Fixture
{
    QTemporaryDir dir;
    QString path;
    std::unique_ptr<CaseStore> store;

    Fixture()
    {
        path = dir.filePath(QStringLiteral("cases.sqlite"));
        store = std::make_unique<CaseStore>(path);
    }
    void reopen()
    {
        store.reset();
        store = std::make_unique<CaseStore>(path);
    }
};

StoredMessage message(const QString& accountId, const QString& subject, const QString& text)
{
    StoredMessage m;
    m.accountId = accountId;
    m.campaignId = QStringLiteral("C1");
    m.file = u"messages/" + accountId + u"/m.eml";
    m.raw =
        QByteArray("From: a@b.example\r\nSubject: ") + subject.toUtf8() + "\r\n\r\n" + text.toUtf8() + "\r\n";
    m.from = QStringLiteral("Shop <a@b.example>");
    m.subject = subject;
    m.date = utc("2026-10-01T10:00:00Z");
    m.text = text;
    m.links = {MessageLink{QStringLiteral("Click"), QStringLiteral("https://shop.example/x")}};
    m.linkDomains = {QStringLiteral("shop.example")};
    m.listUnsubscribe = {QStringLiteral("<mailto:u@shop.example>"),
                         QStringLiteral("<https://shop.example/u>")};
    m.oneClickUnsubscribe = true;
    m.spf = QStringLiteral("pass");
    m.dkim = QStringLiteral("fail");
    m.dmarc = QStringLiteral("fail");
    m.parseWarnings = {QStringLiteral("bad charset")};
    return m;
}

Decision decisionFor(const QString& accountId, Action action, Decision::State state, const QDateTime& at,
                     const QString& reviewer = QStringLiteral("rina"))
{
    Decision d;
    d.accountId = accountId;
    d.action = action;
    d.recommended = action;
    d.state = state;
    d.reviewer = reviewer;
    d.at = at;
    d.rationale = QStringLiteral("Because the evidence shows it clearly.");
    d.policyId = QStringLiteral("optimais");
    d.policyVersion = QStringLiteral("1");
    d.findingsJson = QStringLiteral("[]");
    d.noticeLanguage = QStringLiteral("en");
    d.noticeText = QStringLiteral("Dear customer");
    return d;
}

void importAccounts(CaseStore& store, const QList<Account>& accounts,
                    const char* exportedAt = "2026-11-20T00:00:00Z")
{
    auto w = store.beginImport(importInfo(exportedAt));
    for (const auto& a : accounts)
        w->addAccount(a);
    w->commit(QStringLiteral("{}"));
}

// A cached evaluation of `accountId` as of 2026-11-20 under optimais 1 with one finding of `rule`.
EvaluationRow evaluationRow(const QString& accountId, Action recommended, const QString& rule,
                            Severity severity)
{
    EvaluationRow r;
    r.accountId = accountId;
    r.asOf = utc("2026-11-20T00:00:00Z");
    r.policyId = QStringLiteral("optimais");
    r.policyVersion = QStringLiteral("1");
    r.recommended = recommended;
    r.worstRule = rule;
    r.worstSeverity = severity;
    r.findingCount = 1;
    r.rules = {rule};
    return r;
}

// Every row `sqlText` gives, columns '|'-joined, NULL as "NULL" (to compare a store before and after).
QStringList dumpRows(sql::Database& db, QByteArrayView sqlText)
{
    QStringList out;
    sql::Statement q(db, sqlText, false);
    while (q.step()) {
        QStringList row;
        for (int c = 0; c < q.columnCount(); ++c)
            row << (q.isNull(c) ? QStringLiteral("NULL") : q.text(c));
        out << row.join(u'|');
    }
    return out;
}

// The SQL statements `fn` runs on `db`, in order (SQLite's statement trace).
QByteArrayList statementsRun(sql::Database& db, const std::function<void()>& fn)
{
    QByteArrayList ran;
    sqlite3_trace_v2(
        db.handle(), SQLITE_TRACE_STMT,
        [](unsigned, void* ctx, void*, void* x) {
            static_cast<QByteArrayList*>(ctx)->append(QByteArray(static_cast<const char*>(x)));
            return 0;
        },
        &ran);
    const auto off = qScopeGuard([&] { sqlite3_trace_v2(db.handle(), 0, nullptr, nullptr); });
    fn();
    return ran;
}

QStringList ids(const QList<QueueRow>& rows)
{
    QStringList out;
    for (const auto& r : rows)
        out << r.accountId;
    return out;
}

} // namespace

class TestStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // ---- schema ---------------------------------------------------------------------------------
    void newStoreHasSchemaAndSettings()
    {
        Fixture f;
        QCOMPARE(f.store->schemaVersion(), CaseStore::kSchemaVersion);
        sql::Database& db = f.store->database();
        QCOMPARE(db.queryInt("PRAGMA application_id"), qint64(store::kApplicationId));
        QCOMPARE(db.queryInt("PRAGMA user_version"), qint64(CaseStore::kSchemaVersion));
        QCOMPARE(db.queryText("PRAGMA journal_mode"), QStringLiteral("wal"));
        QCOMPARE(db.queryInt("PRAGMA foreign_keys"), qint64(1));
        QCOMPARE(db.queryInt("PRAGMA synchronous"), qint64(1)); // NORMAL
        QCOMPARE(db.queryInt("PRAGMA page_size"), qint64(16384));
        QCOMPARE(store::migrations().last().toVersion, CaseStore::kSchemaVersion);
        f.reopen(); // opening again changes nothing
        QCOMPARE(f.store->schemaVersion(), CaseStore::kSchemaVersion);
    }

    // A file written before new stores got 16 KiB pages keeps its page size (it cannot change in WAL mode)
    // and works as before.
    void existingFileKeepsItsPageSize()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("4k.sqlite"));
        {
            sql::Database db(path);
            db.exec("PRAGMA page_size=4096; CREATE TABLE x(a); DROP TABLE x;");
        }
        {
            CaseStore s(path);
            QCOMPARE(s.schemaVersion(), CaseStore::kSchemaVersion);
            QCOMPARE(s.database().queryInt("PRAGMA page_size"), qint64(4096));
            QCOMPARE(s.accountCount(), qint64(0));
        }
        CaseStore again(path);
        QCOMPARE(again.database().queryInt("PRAGMA page_size"), qint64(4096));
    }

    void olderStoreIsUpgradedInPlace()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.sqlite"));
        const QList<store::Migration> v1{
            {1, "first", "CREATE TABLE t(a INTEGER); INSERT INTO t VALUES (7);"}};
        {
            sql::Database db(path);
            QCOMPARE(store::openSchema(db, v1), 1);
        }
        const QList<store::Migration> v2{v1[0], {2, "add b", "ALTER TABLE t ADD COLUMN b TEXT DEFAULT 'x';"}};
        {
            sql::Database db(path);
            QCOMPARE(store::openSchema(db, v2), 2);
            QCOMPARE(db.queryInt("PRAGMA user_version"), qint64(2));
            QCOMPARE(db.queryInt("SELECT a FROM t"), qint64(7)); // data kept
            QCOMPARE(db.queryText("SELECT b FROM t"), QStringLiteral("x"));
        }
        // A failing step leaves the store at its previous version, unchanged.
        const QList<store::Migration> bad{v2[0], v2[1], {3, "broken", "CREATE TABLE u(x); THIS IS NOT SQL;"}};
        {
            sql::Database db(path);
            try {
                store::openSchema(db, bad);
                QFAIL("a broken migration must fail");
            } catch (const Error& e) {
                QCOMPARE(e.kind(), Error::Kind::Internal);
                QVERIFY2(e.message().contains(u"schema 3 (broken) failed"), qPrintable(e.message()));
            }
        }
        sql::Database db(path);
        QCOMPARE(db.queryInt("PRAGMA user_version"), qint64(2));
        QCOMPARE(db.queryInt("SELECT count(*) FROM sqlite_schema WHERE name = 'u'"), qint64(0));
    }

    void schemaZeroCaseStoreIsUpgraded()
    {
        // A file stamped as a case store at schema 0 (what a build before schema 1 left) gets every table.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v0.sqlite"));
        {
            sql::Database db(path);
            db.exec(QByteArray("PRAGMA application_id=" + QByteArray::number(store::kApplicationId)));
        }
        CaseStore s(path);
        QCOMPARE(s.schemaVersion(), CaseStore::kSchemaVersion);
        QCOMPARE(s.accountCount(), qint64(0));
    }

    void newerStoreIsRefusedUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("new.sqlite"));
        {
            CaseStore s(path);
            importAccounts(s, {account(QStringLiteral("A1"), QStringLiteral("Shop"))});
        }
        {
            sql::Database db(path);
            db.exec("PRAGMA user_version=7");
        }
        const QString before = fileSha256(path);
        try {
            CaseStore s(path);
            QFAIL("a newer store must be refused");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Input);
            QVERIFY2(e.message().endsWith(
                         u"was written by a newer AbuseDesk (schema 7); this version reads up to schema 2"),
                     qPrintable(e.message()));
            QVERIFY(e.message().contains(path));
        }
        QCOMPARE(fileSha256(path), before);
    }

    void garbageFileIsRefusedUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("notes.txt"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("These are my notes, not a database.\n").repeated(200));
        file.close();
        const QString before = fileSha256(path);
        try {
            CaseStore s(path);
            QFAIL("a text file must be refused");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Input);
            QVERIFY2(
                e.message().contains(u"is not an AbuseDesk case store: the file is not an SQLite database"),
                qPrintable(e.message()));
        }
        QCOMPARE(fileSha256(path), before);
        QVERIFY(!QFile::exists(path + u"-wal"));
    }

    void foreignSqliteIsRefusedUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("other.sqlite"));
        {
            sql::Database db(path);
            db.exec("CREATE TABLE contacts(name TEXT); INSERT INTO contacts VALUES ('x');");
        }
        const QString before = fileSha256(path);
        try {
            CaseStore s(path);
            QFAIL("another program's database must be refused");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Input);
            QVERIFY2(e.message().contains(
                         u"is not an AbuseDesk case store: it is an SQLite database of another program"),
                     qPrintable(e.message()));
        }
        QCOMPARE(fileSha256(path), before);
    }

    // ---- sqlite layer ---------------------------------------------------------------------------
    void sqliteLayerBindsAndReports()
    {
        QTemporaryDir dir;
        sql::Database db(dir.filePath(QStringLiteral("x.sqlite")));
        db.exec("CREATE TABLE t(id INTEGER PRIMARY KEY, s TEXT, r REAL, b BLOB, n INTEGER)");
        sql::Statement ins(db, "INSERT INTO t(s, r, b, n) VALUES (:s, :r, :b, :n)");
        const QString text = QStringLiteral("héllo 😀 wörld");
        ins.bind(":s", text)
            .bind(":r", 2.5)
            .bindBlob(3, QByteArray("\0\1\2", 3))
            .bind(":n", std::optional<qint64>());
        ins.exec();
        ins.bind(":s", QString()).bind(":r", std::optional<double>(1.0)).bindNull(3).bind(":n", qint64(5));
        ins.exec();
        sql::Statement q(db, "SELECT s, r, b, n FROM t ORDER BY id");
        QVERIFY(q.step());
        QCOMPARE(q.text(0), text);
        QCOMPARE(q.real(1), 2.5);
        QCOMPARE(q.blob(2), QByteArray("\0\1\2", 3));
        QVERIFY(q.isNull(3));
        QVERIFY(q.step());
        QVERIFY(!q.isNull(0)); // empty text is not NULL
        QCOMPARE(q.text(0), QString());
        QCOMPARE(q.optInt64(3), std::optional<qint64>(5));
        QVERIFY(!q.step());
        try {
            db.exec("INSERT INTO nowhere VALUES (1)");
            QFAIL("must throw");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Internal);
            QVERIFY2(e.message().contains(u"no such table: nowhere"), qPrintable(e.message()));
        }
        {
            sql::Transaction tx(db);
            db.exec("DELETE FROM t");
            {
                sql::Transaction inner(db); // savepoint, rolled back
                QVERIFY(inner.isNested());
                db.exec("INSERT INTO t(s) VALUES ('inner')");
            }
            QCOMPARE(db.queryInt("SELECT count(*) FROM t"), qint64(0));
        } // rolled back
        QCOMPARE(db.queryInt("SELECT count(*) FROM t"), qint64(2));
    }

    // ---- import ---------------------------------------------------------------------------------
    void importRoundTrip()
    {
        Fixture f;
        qint64 messageId = 0, importId = 0;
        {
            auto w = f.store->beginImport(importInfo());
            Account a = account(QStringLiteral("A1"), QStringLiteral("Shop One"), AccountStatus::Warned);
            w->addAccount(a);
            w->addCampaign(campaign(QStringLiteral("A1"), QStringLiteral("C2"), "2026-10-02T00:00:00Z"));
            Campaign c1 = campaign(QStringLiteral("A1"), QStringLiteral("C1"), "2026-10-01T00:00:00.250Z");
            c1.uniqueClicks = 12;
            c1.hardBounces = std::nullopt;
            w->addCampaign(c1);
            MailingList l;
            l.accountId = QStringLiteral("A1");
            l.listId = QStringLiteral("L1");
            l.name = QStringLiteral("Customers");
            l.source = QStringLiteral("purchased");
            l.acquiredAt = utc("2026-01-01T00:00:00Z");
            l.size = 3;
            l.doubleOptIn = false;
            w->addList(l);
            w->addListRow(QStringLiteral("A1"), QStringLiteral("L1"),
                          ListRow{2, QStringLiteral("a@x.com"), {}, 0});
            w->addListRow(QStringLiteral("A1"), QStringLiteral("L1"),
                          ListRow{3, QStringLiteral("info@x.com"), QStringLiteral("{\"name\":\"I\"}"), 4});
            w->addListRow(QStringLiteral("A1"), QStringLiteral("L1"),
                          ListRow{4, QStringLiteral("bad"), {}, 1 | 2});
            ListScreeningSummary s{3, 1, 0, 1, 0, 0, QStringLiteral("{\"rows\":3}")};
            w->setListScreening(QStringLiteral("A1"), QStringLiteral("L1"), s);
            EvidenceRow e;
            e.accountId = QStringLiteral("A1");
            e.listId = QStringLiteral("L1");
            e.subscriber = QStringLiteral("a@x.com");
            e.method = QStringLiteral("checkbox");
            e.consentAt = utc("2025-05-05T05:05:05Z");
            e.checkboxDefault = QStringLiteral("checked");
            e.emailContactExplained = true;
            e.sourceLine = 9;
            QVERIFY(w->addEvidence(e) > 0);
            Complaint c;
            c.accountId = QStringLiteral("A1");
            c.campaignId = QStringLiteral("C1");
            c.receivedAt = utc("2026-10-03T00:00:00Z");
            c.recipient = QStringLiteral("r@y.com");
            c.feedbackType = QStringLiteral("abuse");
            c.source = QStringLiteral("yahoo-fbl");
            c.origin = QStringLiteral("arf");
            c.file = QStringLiteral("complaints/A1/1.eml");
            c.userAgent = QStringLiteral("Yahoo!-Mail-Feedback/2.0");
            c.sourceIp = QStringLiteral("192.0.2.1");
            c.reportedMessage = QByteArray("Subject: hi\r\n\r\nbody\0binary", 26);
            w->addComplaint(c);
            HistoryEntry h;
            h.accountId = QStringLiteral("A1");
            h.at = utc("2026-09-01T00:00:00Z");
            h.action = Action::RequestProof;
            h.reason = QStringLiteral("asked for proof");
            h.by = QStringLiteral("platform");
            w->addHistory(h);
            messageId = w->addMessage(
                message(QStringLiteral("A1"), QStringLiteral("Big sale"), QStringLiteral("Buy now")));
            w->addFile(ImportedFile{QStringLiteral("accounts.csv"), 120, QStringLiteral("ab12")});
            w->addFile(ImportedFile{QStringLiteral("manifest.json"), 80, QStringLiteral("cd34")});
            w->appendAudit(auditMaker(QStringLiteral("import"), QString(), utc("2026-11-21T08:00:00Z")));
            importId = w->commit(QStringLiteral("{\"accounts\":1}"));
        }
        f.reopen();
        CaseStore& s = *f.store;
        QCOMPARE(s.accountCount(), qint64(1));
        const Account a = *s.account(QStringLiteral("A1"));
        const Account expected =
            account(QStringLiteral("A1"), QStringLiteral("Shop One"), AccountStatus::Warned);
        QCOMPARE(a.name, expected.name);
        QCOMPARE(a.ownerEmail, expected.ownerEmail);
        QCOMPARE(a.fromAddresses, expected.fromAddresses);
        QCOMPARE(a.postalAddress, expected.postalAddress);
        QCOMPARE(a.website, expected.website);
        QCOMPARE(a.signupAt, expected.signupAt);
        QVERIFY((a.status) == (AccountStatus::Warned));
        QCOMPARE(a.flaggedAt, expected.flaggedAt);
        QCOMPARE(a.flagReason, expected.flagReason);
        QVERIFY((s.currentStatus(QStringLiteral("A1"))) == (AccountStatus::Warned));
        QVERIFY(!s.account(QStringLiteral("nope")));
        // Row counts of every part in one query (what the case view shows before reading the rows).
        const CaseCounts counts = s.caseCounts(QStringLiteral("A1"));
        QCOMPARE(counts.campaigns, qint64(2));
        QCOMPARE(counts.lists, qint64(1));
        QCOMPARE(counts.evidence, qint64(1));
        QCOMPARE(counts.complaints, qint64(1));
        QCOMPARE(counts.messages, qint64(1));
        QCOMPARE(counts.history, qint64(1));
        QCOMPARE(counts.decisions, qint64(0));
        const CaseCounts none = s.caseCounts(QStringLiteral("nope"));
        QCOMPARE(none.campaigns + none.lists + none.evidence + none.complaints + none.messages +
                     none.history + none.decisions,
                 qint64(0));

        const auto camps = s.campaigns(QStringLiteral("A1"));
        QCOMPARE(camps.size(), 2);
        QCOMPARE(camps[0].campaignId, QStringLiteral("C1")); // by sent_at
        QCOMPARE(camps[0].sentAt, utc("2026-10-01T00:00:00.250Z"));
        QCOMPARE(camps[0].uniqueClicks, std::optional<qint64>(12));
        QCOMPARE(camps[0].hardBounces, std::optional<qint64>());
        QCOMPARE(camps[1].hardBounces, std::optional<qint64>(4));
        QCOMPARE(camps[1].listIds, (QStringList{QStringLiteral("L1"), QStringLiteral("L2")}));
        QCOMPARE(camps[1].delivered, qint64(990));

        const auto lists = s.lists(QStringLiteral("A1"));
        QCOMPARE(lists.size(), 1);
        QCOMPARE(lists[0].source, QStringLiteral("purchased"));
        QCOMPARE(lists[0].size, std::optional<qint64>(3));
        QCOMPARE(lists[0].doubleOptIn, std::optional<bool>(false));
        QVERIFY(lists[0].hasFile);
        QVERIFY(lists[0].screening);
        QCOMPARE(lists[0].screening->invalid, qint64(1));
        QCOMPARE(lists[0].screening->role, qint64(1));
        QCOMPARE(lists[0].screening->detailsJson, QStringLiteral("{\"rows\":3}"));
        QCOMPARE(s.listRowCount(QStringLiteral("A1"), QStringLiteral("L1")), qint64(3));
        QCOMPARE(s.listRowCount(QStringLiteral("A1"), QStringLiteral("L1"), 1), qint64(1));
        QCOMPARE(s.listRowCount(QStringLiteral("A1"), QStringLiteral("L1"), 4 | 2), qint64(2));
        const auto rows = s.listRows(QStringLiteral("A1"), QStringLiteral("L1"), 0, 1, 10);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[0].line, qint64(3));
        QCOMPARE(rows[0].email, QStringLiteral("info@x.com"));
        QCOMPARE(rows[0].rawJson, QStringLiteral("{\"name\":\"I\"}"));
        QCOMPARE(rows[0].problems, 4);
        QCOMPARE(s.listRows(QStringLiteral("A1"), QStringLiteral("L1"), 1, 0, 10).constFirst().email,
                 QStringLiteral("bad"));

        const auto ev = s.evidence(QStringLiteral("A1"));
        QCOMPARE(ev.size(), 1);
        QCOMPARE(ev[0].checkboxDefault, QStringLiteral("checked"));
        QCOMPARE(ev[0].emailContactExplained, std::optional<bool>(true));
        QCOMPARE(ev[0].consentAt, utc("2025-05-05T05:05:05Z"));
        QVERIFY(!ev[0].confirmedAt.isValid());
        QCOMPARE(ev[0].sourceLine, qint64(9));

        const auto cs = s.complaints(QStringLiteral("A1"));
        QCOMPARE(cs.size(), 1);
        QCOMPARE(cs[0].reportedMessage, QByteArray("Subject: hi\r\n\r\nbody\0binary", 26));
        QCOMPARE(cs[0].userAgent, QStringLiteral("Yahoo!-Mail-Feedback/2.0"));
        QCOMPARE(cs[0].origin, QStringLiteral("arf"));

        const auto hs = s.history(QStringLiteral("A1"));
        QCOMPARE(hs.size(), 1);
        QVERIFY((hs[0].action) == (Action::RequestProof));
        QCOMPARE(hs[0].by, QStringLiteral("platform"));

        const StoredMessage original =
            message(QStringLiteral("A1"), QStringLiteral("Big sale"), QStringLiteral("Buy now"));
        const auto ms = s.messages(QStringLiteral("A1"));
        QCOMPARE(ms.size(), 1);
        QVERIFY(ms[0].raw.isEmpty());
        QCOMPARE(ms[0].id, messageId);
        QCOMPARE(ms[0].sha256, sha256Hex(original.raw));
        QCOMPARE(ms[0].links.size(), 1);
        QCOMPARE(ms[0].links[0].href, QStringLiteral("https://shop.example/x"));
        QCOMPARE(ms[0].listUnsubscribe, original.listUnsubscribe);
        QCOMPARE(ms[0].linkDomains, original.linkDomains);
        QCOMPARE(ms[0].parseWarnings, original.parseWarnings);
        QVERIFY(ms[0].oneClickUnsubscribe);
        QCOMPARE(ms[0].dmarc, QStringLiteral("fail"));
        QCOMPARE(s.messages(QStringLiteral("A1"), true)[0].raw, original.raw);
        QCOMPARE(s.message(messageId)->raw, original.raw); // byte-exact
        QVERIFY(!s.message(messageId + 100));

        const auto imports = s.imports();
        QCOMPARE(imports.size(), 1);
        QCOMPARE(imports[0].id, importId);
        QCOMPARE(imports[0].summaryJson, QStringLiteral("{\"accounts\":1}"));
        QCOMPARE(imports[0].info.exportedAt, utc("2026-11-20T00:00:00Z"));
        QCOMPARE(s.findImportByBundleHash(QStringLiteral("b1"))->id, importId);
        QVERIFY(!s.findImportByBundleHash(QStringLiteral("other")));
        QCOMPARE(s.importOfAccount(QStringLiteral("A1"))->id, importId);
        const auto files = s.importFiles(importId);
        QCOMPARE(files.size(), 2);
        QCOMPARE(files[0].path, QStringLiteral("accounts.csv"));
        QCOMPARE(s.auditCount(), qint64(1));
        QCOMPARE(s.lastAuditEntry()->kind, QStringLiteral("import"));
    }

    void rolledBackImportLeavesFileByteIdentical()
    {
        Fixture f;
        importAccounts(*f.store, {account(QStringLiteral("A1"), QStringLiteral("Shop"))});
        f.store->database().checkpoint();
        const QString before = fileSha256(f.path);
        {
            auto w = f.store->beginImport(importInfo("2026-11-25T00:00:00Z", QStringLiteral("b2")));
            w->addAccount(
                account(QStringLiteral("A1"), QStringLiteral("Replaced"), AccountStatus::Suspended));
            w->addAccount(account(QStringLiteral("A2"), QStringLiteral("New")));
            w->addCampaign(campaign(QStringLiteral("A2"), QStringLiteral("C1"), "2026-10-01T00:00:00Z"));
            for (int i = 0; i < 20000; ++i) // enough to spill pages out of the cache
                w->addEvidence(EvidenceRow{0,
                                           QStringLiteral("A2"),
                                           {},
                                           QStringLiteral("s%1@x.com").arg(i),
                                           QStringLiteral("none"),
                                           {},
                                           QString(1000, u'x'),
                                           {},
                                           {},
                                           {},
                                           {},
                                           {},
                                           {},
                                           {},
                                           i});
            w->appendAudit(auditMaker(QStringLiteral("import"), QString(), utc("2026-11-25T00:00:00Z")));
            QCOMPARE(f.store->accountCount(), qint64(2)); // visible inside the transaction
        }                                                 // no commit
        QCOMPARE(f.store->accountCount(), qint64(1));
        QCOMPARE(f.store->account(QStringLiteral("A1"))->name, QStringLiteral("Shop"));
        QCOMPARE(f.store->imports().size(), 1);
        QCOMPARE(f.store->auditCount(), qint64(0));
        f.store->database().checkpoint();
        QCOMPARE(fileSha256(f.path), before);
        // The store is usable afterwards.
        importAccounts(*f.store, {account(QStringLiteral("A3"), QStringLiteral("Third"))});
        QCOMPARE(f.store->accountCount(), qint64(2));
    }

    void uniquenessViolationsNameTheKey_data()
    {
        QTest::addColumn<int>("scenario");
        QTest::addColumn<QString>("message");
        QTest::newRow("campaign") << 0 << "duplicate campaign_id \"C1\" for account \"A1\"";
        QTest::newRow("list") << 1 << "duplicate list_id \"L1\" for account \"A1\"";
        QTest::newRow("list row for unknown list") << 2 << "unknown list_id \"L9\" for account \"A1\"";
        QTest::newRow("account") << 3 << "duplicate account_id \"A1\"";
        QTest::newRow("campaign of other account")
            << 4
            << "campaign_id \"C1\" refers to account_id \"A9\", which is not among this import's accounts";
        QTest::newRow("list line") << 5 << "duplicate line 2 in list \"L1\" of account \"A1\"";
        QTest::newRow("file") << 6 << "duplicate file \"accounts.csv\" in the import";
        QTest::newRow("account of an earlier import")
            << 7 << "complaint refers to account_id \"A0\", which is not among this import's accounts";
    }
    void uniquenessViolationsNameTheKey()
    {
        QFETCH(int, scenario);
        QFETCH(QString, message);
        Fixture f;
        importAccounts(*f.store, {account(QStringLiteral("A0"), QStringLiteral("Earlier"))});
        f.store->database().checkpoint();
        const QString before = fileSha256(f.path);
        {
            auto w = f.store->beginImport(importInfo());
            w->addAccount(account(QStringLiteral("A1"), QStringLiteral("Shop")));
            w->addCampaign(campaign(QStringLiteral("A1"), QStringLiteral("C1"), "2026-10-01T00:00:00Z"));
            MailingList l;
            l.accountId = QStringLiteral("A1");
            l.listId = QStringLiteral("L1");
            l.source = QStringLiteral("import");
            w->addList(l);
            w->addListRow(QStringLiteral("A1"), QStringLiteral("L1"),
                          ListRow{2, QStringLiteral("a@x.com"), {}, 0});
            w->addFile(ImportedFile{QStringLiteral("accounts.csv"), 1, QStringLiteral("aa")});
            try {
                switch (scenario) {
                case 0:
                    w->addCampaign(
                        campaign(QStringLiteral("A1"), QStringLiteral("C1"), "2026-10-05T00:00:00Z"));
                    break;
                case 1:
                    w->addList(l);
                    break;
                case 2:
                    w->addListRow(QStringLiteral("A1"), QStringLiteral("L9"),
                                  ListRow{2, QStringLiteral("a@x.com"), {}, 0});
                    break;
                case 3:
                    w->addAccount(account(QStringLiteral("A1"), QStringLiteral("Again")));
                    break;
                case 4:
                    w->addCampaign(
                        campaign(QStringLiteral("A9"), QStringLiteral("C1"), "2026-10-05T00:00:00Z"));
                    break;
                case 5:
                    w->addListRow(QStringLiteral("A1"), QStringLiteral("L1"),
                                  ListRow{2, QStringLiteral("b@x.com"), {}, 0});
                    break;
                case 6:
                    w->addFile(ImportedFile{QStringLiteral("accounts.csv"), 1, QStringLiteral("aa")});
                    break;
                case 7: {
                    Complaint c;
                    c.accountId = QStringLiteral("A0");
                    w->addComplaint(c);
                    break;
                }
                }
                QFAIL("expected an error");
            } catch (const Error& e) {
                QCOMPARE(e.kind(), Error::Kind::Input);
                QCOMPARE(e.message(), message);
            }
            // The writer is still usable after a refused row (the importer decides to abort).
            w->addAccount(account(QStringLiteral("A2"), QStringLiteral("Other")));
        } // abort
        QCOMPARE(f.store->accountCount(), qint64(1));
        f.store->database().checkpoint();
        QCOMPARE(fileSha256(f.path), before);
    }

    void reimportReplacesPlatformDataKeepsDecisionsAuditAssignment()
    {
        Fixture f;
        {
            auto w = f.store->beginImport(importInfo("2026-11-01T00:00:00Z"));
            w->addAccount(account(QStringLiteral("A1"), QStringLiteral("Shop")));
            w->addAccount(account(QStringLiteral("A2"), QStringLiteral("Other")));
            w->addCampaign(campaign(QStringLiteral("A1"), QStringLiteral("OLD"), "2026-10-01T00:00:00Z"));
            w->addMessage(message(QStringLiteral("A1"), QStringLiteral("Old subject zebra"),
                                  QStringLiteral("old text")));
            Complaint c;
            c.accountId = QStringLiteral("A1");
            c.origin = QStringLiteral("csv");
            w->addComplaint(c);
            for (const QString& acc : {QStringLiteral("A1"), QStringLiteral("A2")}) {
                MailingList l;
                l.accountId = acc;
                l.listId = QStringLiteral("L1");
                l.source = QStringLiteral("import");
                w->addList(l);
                for (int line = 2; line < 12; ++line)
                    w->addListRow(acc, QStringLiteral("L1"), ListRow{line, QStringLiteral("x@y.com"), {}, 0});
            }
            w->commit({});
        }
        CaseStore& s = *f.store;
        QCOMPARE(s.database().queryInt("SELECT count(*) FROM list_rows"), qint64(20));
        s.recordDecision(
            decisionFor(QStringLiteral("A1"), Action::Warn, Decision::State::Effective,
                        utc("2026-11-02T00:00:00Z")),
            AccountStatus::Warned,
            auditMaker(QStringLiteral("decision"), QStringLiteral("A1"), utc("2026-11-02T00:00:00Z")));
        s.setAssignee(QStringLiteral("A1"), QStringLiteral("budi"));
        EvaluationRow ev;
        ev.accountId = QStringLiteral("A1");
        ev.recommended = Action::Suspend;
        ev.rules = {QStringLiteral("complaint-rate")};
        ev.findingsJson = QStringLiteral("[]");
        s.saveEvaluations({ev});
        QCOMPARE(s.queueCount(QueueFilter{{}, {}, {}, QStringLiteral("zebra"), false}), qint64(1));
        QCOMPARE(s.queuePage({}, QueueColumn::AccountId, true, 0, 10)[0].complaintCount, qint64(1));

        {
            auto w = s.beginImport(importInfo("2026-11-20T00:00:00Z", QStringLiteral("b2")));
            w->addAccount(account(QStringLiteral("A1"), QStringLiteral("Shop Renamed")));
            w->addCampaign(campaign(QStringLiteral("A1"), QStringLiteral("NEW"), "2026-11-10T00:00:00Z"));
            w->commit({});
        }
        QCOMPARE(s.accountCount(), qint64(2)); // A2 untouched
        QVERIFY(s.lists(QStringLiteral("A1")).isEmpty());
        QCOMPARE(s.listRowCount(QStringLiteral("A2"), QStringLiteral("L1")), qint64(10));
        QCOMPARE(s.database().queryInt("SELECT count(*) FROM list_rows"), qint64(10)); // A1's rows went along
        QCOMPARE(s.account(QStringLiteral("A1"))->name, QStringLiteral("Shop Renamed"));
        QCOMPARE(s.campaigns(QStringLiteral("A1")).size(), 1);
        QCOMPARE(s.campaigns(QStringLiteral("A1"))[0].campaignId, QStringLiteral("NEW"));
        QVERIFY(s.messages(QStringLiteral("A1")).isEmpty());
        QVERIFY(s.complaints(QStringLiteral("A1")).isEmpty());
        QVERIFY(!s.evaluation(QStringLiteral("A1"))); // cached evaluation dropped
        QCOMPARE(s.decisions(QStringLiteral("A1")).size(), 1);
        QCOMPARE(s.auditCount(), qint64(1));
        QCOMPARE(s.imports().size(), 2);
        QCOMPARE(s.importOfAccount(QStringLiteral("A1"))->info.bundleSha256, QStringLiteral("b2"));
        QCOMPARE(s.importOfAccount(QStringLiteral("A2"))->info.bundleSha256, QStringLiteral("b1"));
        const auto rows = s.queuePage({}, QueueColumn::AccountId, true, 0, 10);
        QCOMPARE(rows[0].assignee, QStringLiteral("budi"));
        QVERIFY(!rows[0].recommended);
        QCOMPARE(rows[0].complaintCount, qint64(0));
        // The full-text index follows: the old message and name are gone, the new name is found.
        QCOMPARE(s.queueCount(QueueFilter{{}, {}, {}, QStringLiteral("zebra"), false}), qint64(0));
        QCOMPARE(s.queueCount(QueueFilter{{}, {}, {}, QStringLiteral("renamed"), false}), qint64(1));
        QCOMPARE(s.database().queryInt("SELECT count(*) FROM evaluation_rules"), qint64(0));
        s.database().exec("INSERT INTO account_fts(account_fts) VALUES ('integrity-check')");
        s.database().exec("INSERT INTO message_fts(message_fts) VALUES ('integrity-check')");
    }

    void currentStatusRuleOnReimport_data()
    {
        QTest::addColumn<QString>("decisionAt");
        QTest::addColumn<int>("state");
        QTest::addColumn<QString>("expected");
        // The tool suspended the account; the platform's next export says "active".
        QTest::newRow("decision before the export: platform wins")
            << "2026-11-10T00:00:00Z" << int(Decision::State::Effective) << "active";
        QTest::newRow("decision after the export: kept")
            << "2026-11-25T00:00:00Z" << int(Decision::State::Effective) << "suspended";
        QTest::newRow("pending terminate after the export does not count")
            << "2026-11-25T00:00:00Z" << int(Decision::State::PendingApproval) << "active";
    }
    void currentStatusRuleOnReimport()
    {
        QFETCH(QString, decisionAt);
        QFETCH(int, state);
        QFETCH(QString, expected);
        Fixture f;
        CaseStore& s = *f.store;
        importAccounts(s, {account(QStringLiteral("A1"), QStringLiteral("Shop"), AccountStatus::Warned)},
                       "2026-11-01T00:00:00Z");
        QVERIFY((s.currentStatus(QStringLiteral("A1"))) == (AccountStatus::Warned));
        const auto st = Decision::State(state);
        const Action action = st == Decision::State::PendingApproval ? Action::Terminate : Action::Suspend;
        const QDateTime at = utc(decisionAt.toLatin1().constData());
        s.recordDecision(decisionFor(QStringLiteral("A1"), action, st, at),
                         st == Decision::State::Effective ? std::optional(AccountStatus::Suspended)
                                                          : std::nullopt,
                         auditMaker(QStringLiteral("decision"), QStringLiteral("A1"), at));
        importAccounts(s, {account(QStringLiteral("A1"), QStringLiteral("Shop"), AccountStatus::Active)},
                       "2026-11-20T00:00:00Z");
        QCOMPARE(toString(s.currentStatus(QStringLiteral("A1"))), expected);
        QVERIFY((s.account(QStringLiteral("A1"))->status) == (AccountStatus::Active)); // platform's view
        QCOMPARE(toString(s.loadSnapshot(QStringLiteral("A1")).currentStatus), expected);
    }

    // ---- consistent reads -----------------------------------------------------------------------
    // readConsistently: a read transaction for the call only (none left open, not even after an error),
    // mmap only for a whole-store pass and put back afterwards.
    void readConsistentlyRestoresTheConnection()
    {
        Fixture f;
        CaseStore& s = *f.store;
        sql::Database& db = s.database();
        const qint64 mmapBefore = db.queryInt("PRAGMA mmap_size");
        bool inside = false;
        qint64 mmapInside = -1;
        s.readConsistently(true, [&] {
            inside = db.inTransaction();
            mmapInside = db.queryInt("PRAGMA mmap_size");
        });
        QVERIFY(inside);
        QVERIFY(mmapInside > mmapBefore);
        QVERIFY(!db.inTransaction());
        QCOMPARE(db.queryInt("PRAGMA mmap_size"), mmapBefore);

        s.readConsistently(false, [&] { mmapInside = db.queryInt("PRAGMA mmap_size"); });
        QCOMPARE(mmapInside, mmapBefore);

        QVERIFY_THROWS_EXCEPTION(
            Error, s.readConsistently(true, [] { throw Error::input(QStringLiteral("stop")); }));
        QVERIFY(!db.inTransaction());
        QCOMPARE(db.queryInt("PRAGMA mmap_size"), mmapBefore);

        // Inside a transaction that is already open: it is joined, not ended.
        db.exec("BEGIN");
        s.readConsistently(false, [&] { inside = db.inTransaction(); });
        QVERIFY(inside);
        QVERIFY(db.inTransaction());
        db.exec("ROLLBACK");
    }

    // ---- snapshots ------------------------------------------------------------------------------
    void snapshotsStreamInterleavedData()
    {
        Fixture f;
        CaseStore& s = *f.store;
        const QStringList accountIds{QStringLiteral("B"), QStringLiteral("A"), QStringLiteral("D"),
                                     QStringLiteral("C"), QStringLiteral("a")};
        {
            auto w = s.beginImport(importInfo());
            for (const auto& id : accountIds)
                w->addAccount(account(id, u"Name " + id));
            // Interleave children across accounts, out of account order; C gets nothing.
            for (int round = 0; round < 3; ++round) {
                for (const QString& id :
                     {QStringLiteral("D"), QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("a")}) {
                    if (id == u"B" && round == 2)
                        continue;
                    const QString n = QString::number(round);
                    w->addCampaign(
                        campaign(id, u"C" + n, round == 1 ? "2026-01-01T00:00:00Z" : "2026-06-01T00:00:00Z"));
                    MailingList l;
                    l.accountId = id;
                    l.listId = u"L" + n;
                    l.source = QStringLiteral("import");
                    w->addList(l);
                    w->addEvidence(EvidenceRow{0,
                                               id,
                                               {},
                                               u"s" + n + u"@x.com",
                                               QStringLiteral("none"),
                                               {},
                                               {},
                                               {},
                                               {},
                                               {},
                                               {},
                                               {},
                                               {},
                                               {},
                                               10 - round});
                    Complaint c;
                    c.accountId = id;
                    c.receivedAt = utc(round == 0 ? "2026-09-09T00:00:00Z" : "2026-01-01T00:00:00Z");
                    c.note = n;
                    w->addComplaint(c);
                    HistoryEntry h;
                    h.accountId = id;
                    h.at = utc(round == 2 ? "2025-01-01T00:00:00Z" : "2026-01-01T00:00:00Z");
                    h.action = Action::Warn;
                    h.reason = n;
                    w->addHistory(h);
                    w->addMessage(message(id, u"Subject " + n, u"Text " + n));
                }
            }
            w->commit({});
        }
        for (const QString& id : {QStringLiteral("D"), QStringLiteral("B"), QStringLiteral("D")})
            s.recordDecision(
                decisionFor(id, Action::Warn, Decision::State::Effective, utc("2026-11-22T00:00:00Z")),
                AccountStatus::Warned,
                auditMaker(QStringLiteral("decision"), id, utc("2026-11-22T00:00:00Z")));

        QStringList seen;
        s.forEachSnapshot([&](AccountSnapshot&& snap) {
            seen << snap.account.id;
            const AccountSnapshot one = s.loadSnapshot(snap.account.id); // reader inside the stream
            auto campaignIds = [](const QList<Campaign>& cs) {
                QStringList o;
                for (const auto& c : cs)
                    o << c.accountId + u'/' + c.campaignId;
                return o;
            };
            auto listIds = [](const QList<MailingList>& ls) {
                QStringList o;
                for (const auto& l : ls)
                    o << l.accountId + u'/' + l.listId;
                return o;
            };
            auto evIds = [](const QList<EvidenceRow>& es) {
                QList<qint64> o;
                for (const auto& e : es) {
                    o << e.id;
                }
                return o;
            };
            auto cIds = [](const QList<Complaint>& cs) {
                QStringList o;
                for (const auto& c : cs)
                    o << c.accountId + u'/' + c.note;
                return o;
            };
            auto hIds = [](const QList<HistoryEntry>& hs) {
                QStringList o;
                for (const auto& h : hs)
                    o << h.accountId + u'/' + h.reason;
                return o;
            };
            auto dIds = [](const QList<Decision>& ds) {
                QList<qint64> o;
                for (const auto& d : ds)
                    o << d.id;
                return o;
            };
            auto mIds = [](const QList<StoredMessage>& ms) {
                QStringList o;
                for (const auto& m : ms) {
                    o << m.accountId + u'/' + m.subject;
                    if (!m.raw.isEmpty())
                        o << QStringLiteral("RAW!");
                }
                return o;
            };
            [&] {
                QVERIFY((snap.currentStatus) == (one.currentStatus));
                QCOMPARE(campaignIds(snap.campaigns), campaignIds(one.campaigns));
                QCOMPARE(listIds(snap.lists), listIds(one.lists));
                QCOMPARE(evIds(snap.evidence), evIds(one.evidence));
                QCOMPARE(cIds(snap.complaints), cIds(one.complaints));
                QCOMPARE(hIds(snap.history), hIds(one.history));
                QCOMPARE(dIds(snap.decisions), dIds(one.decisions));
                QCOMPARE(mIds(snap.messages), mIds(one.messages));
            }();
            const QString id = snap.account.id;
            const int n = id == u"C" ? 0 : id == u"B" ? 2 : 3;
            [&] {
                QCOMPARE(snap.campaigns.size(), n);
                QCOMPARE(snap.messages.size(), n);
                QCOMPARE(snap.decisions.size(), id == u"D" ? 2 : id == u"B" ? 1 : 0);
                if (id == u"D") {
                    QCOMPARE(snap.campaigns.first().campaignId, QStringLiteral("C1")); // by sent_at
                    QCOMPARE(snap.evidence.first().sourceLine, qint64(8));             // by source line
                    QCOMPARE(snap.complaints.first().note, QStringLiteral("1"));       // by received_at
                    QCOMPARE(snap.history.first().reason, QStringLiteral("2"));        // oldest first
                    QVERIFY((snap.currentStatus) == (AccountStatus::Warned));
                }
            }();
            return true;
        });
        QCOMPARE(seen, (QStringList{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"),
                                    QStringLiteral("D"), QStringLiteral("a")}));
        int count = 0;
        s.forEachSnapshot([&](AccountSnapshot&&) { return ++count < 2; });
        QCOMPARE(count, 2);
        QStringList messageOrder;
        s.forEachMessage([&](const StoredMessage& m) {
            messageOrder << m.accountId;
            return true;
        });
        QCOMPARE(messageOrder.size(), 11);
        QVERIFY(std::is_sorted(messageOrder.begin(), messageOrder.end(),
                               [](const QString& a, const QString& b) { return a.toUtf8() < b.toUtf8(); }));
        QVERIFY_THROWS_EXCEPTION(Error, s.loadSnapshot(QStringLiteral("nope")));

        // Ranges of accounts (what the evaluation's threads read): accountRanges cuts the ids in SQLite's
        // order, and the ranges' snapshots put together are the whole stream's, with every part and with
        // the light parts, for every range size.
        const auto digest = [](const AccountSnapshot& x) {
            QStringList o{x.account.id, x.account.name, toString(x.currentStatus)};
            for (const auto& c : x.campaigns)
                o << u"c:" + c.campaignId + u'/' + c.subject + u'/' + QString::number(c.sent);
            for (const auto& l : x.lists)
                o << u"l:" + l.listId + u'/' + l.source;
            for (const auto& e : x.evidence)
                o << u"e:" + QString::number(e.id) + u'/' + e.subscriber + u'/' + e.consentText;
            for (const auto& c : x.complaints)
                o << u"k:" + QString::number(c.id) + u'/' + c.note;
            for (const auto& h : x.history)
                o << u"h:" + QString::number(h.id);
            for (const auto& d : x.decisions)
                o << u"d:" + QString::number(d.id);
            for (const auto& m : x.messages)
                o << u"m:" + QString::number(m.id) + u'/' + m.subject;
            return o.join(u'|');
        };
        using Ranges = QList<std::pair<QString, QString>>;
        QCOMPARE(s.accountRanges(2), (Ranges{{QStringLiteral("A"), QStringLiteral("B")},
                                             {QStringLiteral("C"), QStringLiteral("D")},
                                             {QStringLiteral("a"), QStringLiteral("a")}}));
        QCOMPARE(s.accountRanges(5), (Ranges{{QStringLiteral("A"), QStringLiteral("a")}}));
        QCOMPARE(s.accountRanges(0).size(), 5); // at least one account per range
        for (snapshot::Parts parts :
             {snapshot::Parts(snapshot::All),
              snapshot::Parts(snapshot::Campaigns | snapshot::Lists | snapshot::Evidence |
                              snapshot::Complaints | snapshot::Messages)}) {
            QStringList whole;
            s.forEachSnapshot(parts, [&](AccountSnapshot&& x) {
                whole << digest(x);
                return true;
            });
            QCOMPARE(whole.size(), 5);
            for (int per : {1, 2, 3, 4, 5, 9}) {
                const Ranges ranges = s.accountRanges(per);
                QCOMPARE(ranges.size(), (5 + per - 1) / per);
                QStringList joined;
                for (const auto& r : ranges) {
                    s.forEachSnapshot(parts, r.first, r.second, [&](AccountSnapshot&& x) {
                        joined << digest(x);
                        return true;
                    });
                }
                QCOMPARE(joined, whole);
            }
        }
        // A range between accounts, or of unknown ids in between, gives what lies between them.
        QStringList between;
        s.forEachSnapshot(snapshot::All, QStringLiteral("B0"), QStringLiteral("Z"), [&](AccountSnapshot&& x) {
            between << x.account.id;
            return true;
        });
        QCOMPARE(between, (QStringList{QStringLiteral("C"), QStringLiteral("D")}));
    }

    // Readers on further connections (the evaluation's threads) read the commit this connection reads,
    // never a later one, and only read; when that cannot be guaranteed there are none.
    void snapshotReadersShareOneCommit()
    {
        Fixture f;
        importAccounts(*f.store, {account(QStringLiteral("A"), QStringLiteral("Name A")),
                                  account(QStringLiteral("B"), QStringLiteral("Name B"))});
        CaseStore other(f.path);
        QVERIFY(f.store->openSnapshotReaders(2).empty()); // no transaction open on this connection
        f.store->readConsistently(false, [&] {
            auto readers = f.store->openSnapshotReaders(2);
            QCOMPARE(readers.size(), size_t(2));
            // Another connection commits an import after they started: none of them sees it.
            importAccounts(other, {account(QStringLiteral("C"), QStringLiteral("Name C"))},
                           "2026-11-21T00:00:00Z");
            QCOMPARE(f.store->accountCount(), qint64(2));
            for (const auto& r : readers) {
                QCOMPARE(r->accountCount(), qint64(2));
                QCOMPARE(r->accountRanges(10).size(), 1);
                QCOMPARE(r->accountRanges(10).first().second, QStringLiteral("B"));
                QCOMPARE(r->imports().size(), 1);
            }
            // Readers only read.
            try {
                readers.front()->setAssignee(QStringLiteral("A"), QStringLiteral("zed"));
                QFAIL("a reader wrote");
            } catch (const Error& e) {
                QVERIFY2(e.message().contains(u"readonly"), qPrintable(e.message()));
            }
        });
        QCOMPARE(f.store->accountCount(), qint64(3));
        QCOMPARE(f.store->queuePage({}, QueueColumn::AccountId, true, 0, 10).first().assignee, QString());
        // This connection has read in its transaction already (its commit may be older than the newest):
        // none.
        f.store->readConsistently(false, [&] {
            QCOMPARE(f.store->accountCount(), qint64(3));
            QVERIFY(f.store->openSnapshotReaders(1).empty());
        });
        // Another connection holds the write lock (a long import elsewhere): none, after at most 250 ms.
        {
            sql::Transaction tx(other.database());
            f.store->readConsistently(false, [&] { QVERIFY(f.store->openSnapshotReaders(1).empty()); });
        }
        QCOMPARE(f.store->accountCount(), qint64(3));
    }

    // The streamed evidence (read in rowid order where that is the order asked for, by id elsewhere) is
    // loadSnapshot's, in its order, whatever the table's layout: grouped by account, an account re-imported
    // later (its rows at the end), rows out of source-line order, accounts interleaved.
    void snapshotEvidenceIndependentOfTableLayout()
    {
        Fixture f;
        CaseStore& s = *f.store;
        auto evidence = [](const QString& id, qint64 line) {
            EvidenceRow e;
            e.accountId = id;
            e.subscriber = id + u'.' + QString::number(line) + u"@x.com";
            e.method = QStringLiteral("signup_form");
            e.sourceLine = line;
            return e;
        };
        {
            auto w = s.beginImport(importInfo("2026-11-20T00:00:00Z", QStringLiteral("b1")));
            for (const char* id : {"A", "B", "C", "D", "E"})
                w->addAccount(account(QString::fromLatin1(id), QStringLiteral("n")));
            for (qint64 line = 2; line < 6; ++line) // A grouped
                w->addEvidence(evidence(QStringLiteral("A"), line));
            for (qint64 line = 9; line > 5; --line) // B grouped, lines descending
                w->addEvidence(evidence(QStringLiteral("B"), line));
            for (qint64 line = 10; line < 16; ++line) // C and E interleaved
                w->addEvidence(evidence(line % 2 ? QStringLiteral("E") : QStringLiteral("C"), line));
            for (qint64 line = 16; line < 19; ++line) // D grouped
                w->addEvidence(evidence(QStringLiteral("D"), line));
            w->commit({});
        }
        {
            auto w = s.beginImport(importInfo("2026-11-21T00:00:00Z", QStringLiteral("b2")));
            w->addAccount(account(QStringLiteral("B"), QStringLiteral("again")));
            for (qint64 line = 2; line < 5; ++line)
                w->addEvidence(evidence(QStringLiteral("B"), line));
            w->commit({});
        }
        auto rows = [](const QList<EvidenceRow>& es) {
            QStringList o;
            for (const auto& e : es)
                o << QString::number(e.id) + u'/' + e.accountId + u'/' + e.subscriber; // (light: no line)
            return o;
        };
        for (const snapshot::Parts parts :
             {snapshot::Parts(snapshot::Evidence), snapshot::Parts(snapshot::All)}) {
            QStringList seen;
            int total = 0;
            s.forEachSnapshot(parts, [&](AccountSnapshot&& snap) {
                seen << snap.account.id;
                total += int(snap.evidence.size());
                const AccountSnapshot one = s.loadSnapshot(snap.account.id);
                [&] { QCOMPARE(rows(snap.evidence), rows(one.evidence)); }();
                return true;
            });
            QCOMPARE(seen, (QStringList{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"),
                                        QStringLiteral("D"), QStringLiteral("E")}));
            QCOMPARE(total, 4 + 3 + 6 + 3);
        }
    }

    // The store's id order (UTF-8 bytes) is QString order unless an id holds a character at or above
    // U+D800 in UTF-16: ASCII, Latin and Hangul ids (below U+D800) keep the fast path; U+E000..U+FFFF and
    // non-BMP characters (surrogate pairs) do not. The check reads the id index, not the table.
    void accountIdOrderFollowsTheCharacters_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("sameOrder");
        QTest::newRow("ascii") << QStringLiteral("A1001") << true;
        QTest::newRow("latin") << QString::fromUtf8("A-\xC3\xA9") << true;
        QTest::newRow("hangul U+D7A3") << QString::fromUtf8("A-\xED\x9E\xA3") << true;
        QTest::newRow("U+E000") << QString::fromUtf8("A-\xEE\x80\x80") << false;
        QTest::newRow("U+FFFD") << QString::fromUtf8("A-\xEF\xBF\xBD") << false;
        QTest::newRow("non-BMP") << QString::fromUtf8("A-\xF0\x9F\x98\x80") << false;
    }
    void accountIdOrderFollowsTheCharacters()
    {
        QFETCH(QString, id);
        QFETCH(bool, sameOrder);
        Fixture f;
        CaseStore& s = *f.store;
        QVERIFY(s.accountIdOrderIsUtf16Order()); // no accounts
        {
            auto w = s.beginImport(importInfo());
            w->addAccount(account(QStringLiteral("A1"), QStringLiteral("One")));
            w->addAccount(account(id, QStringLiteral("Two")));
            w->addAccount(account(QStringLiteral("Z9"), QStringLiteral("Three")));
            w->commit({});
        }
        QCOMPARE(s.accountIdOrderIsUtf16Order(), sameOrder);
        sql::Statement q(s.database(),
                         "EXPLAIN QUERY PLAN SELECT account_id FROM accounts ORDER BY account_id", false);
        QVERIFY(q.step());
        QVERIFY2(q.text(3).contains(u"COVERING INDEX"), qPrintable(q.text(3)));
    }

    void streamingQueriesNeverSortTheWholeTable()
    {
        // forEachSnapshot's cursors and each queue sort must walk an index, not sort the table.
        Fixture f;
        sql::Database& db = f.store->database();
        auto plan = [&](const QByteArray& query) {
            sql::Statement q(db, QByteArray("EXPLAIN QUERY PLAN " + query), false);
            QString out;
            while (q.step())
                out += q.text(3) + u'\n';
            return out;
        };
        for (const char* query : {"SELECT * FROM campaigns ORDER BY account_id, sent_at, campaign_id",
                                  "SELECT * FROM lists ORDER BY account_id, list_id",
                                  "SELECT * FROM evidence ORDER BY account_id, source_line, id",
                                  "SELECT * FROM complaints ORDER BY account_id, received_at, id",
                                  "SELECT * FROM history ORDER BY account_id, at, id",
                                  "SELECT * FROM decisions d ORDER BY d.account_id, d.id",
                                  "SELECT id FROM messages ORDER BY account_id, id"}) {
            const QString p = plan(query);
            QVERIFY2(!p.contains(u"TEMP B-TREE"), qPrintable(QString::fromLatin1(query) + u": " + p));
        }
        // The same per range of accounts (evaluation threads): a search of the index, no sort.
        for (const char* query :
             {"SELECT account_id FROM accounts WHERE account_id BETWEEN ?1 AND ?2 ORDER BY account_id",
              "SELECT * FROM campaigns WHERE account_id BETWEEN ?1 AND ?2 ORDER BY account_id, campaign_id",
              "SELECT * FROM campaigns WHERE account_id BETWEEN ?1 AND ?2 ORDER BY account_id, sent_at, "
              "campaign_id",
              "SELECT * FROM lists WHERE account_id BETWEEN ?1 AND ?2 ORDER BY account_id, list_id",
              "SELECT account_id, id FROM evidence WHERE account_id BETWEEN ?1 AND ?2 ORDER BY account_id, "
              "source_line, id",
              "SELECT * FROM evidence WHERE id >= ?1 ORDER BY id",
              "SELECT * FROM complaints WHERE account_id BETWEEN ?1 AND ?2 ORDER BY account_id, received_at, "
              "id",
              "SELECT * FROM history WHERE account_id BETWEEN ?1 AND ?2 ORDER BY account_id, at, id",
              "SELECT * FROM decisions d WHERE d.account_id BETWEEN ?1 AND ?2 ORDER BY d.account_id, d.id",
              "SELECT id FROM messages WHERE account_id BETWEEN ?1 AND ?2 ORDER BY account_id, id"}) {
            const QString p = plan(query);
            QVERIFY2(!p.contains(u"TEMP B-TREE") && p.contains(u"SEARCH"),
                     qPrintable(QString::fromLatin1(query) + u": " + p));
        }
        for (const char* order :
             {"a.account_id", "a.name COLLATE NOCASE DESC, a.account_id DESC", "a.status_rank, a.account_id",
              "a.recommended_rank DESC, a.account_id DESC", "a.worst_severity, a.worst_rule, a.account_id",
              "a.complaint_rate DESC, a.account_id DESC", "a.bounce_rate, a.account_id",
              "a.unsubscribe_rate, a.account_id", "a.open_rate, a.account_id",
              "a.complaint_count, a.account_id", "a.flagged_at DESC, a.account_id DESC",
              "a.assignee COLLATE NOCASE, a.account_id"}) {
            const QString p =
                plan(QByteArray("SELECT a.account_id FROM accounts a ORDER BY ") + order + " LIMIT 50");
            QVERIFY2(!p.contains(u"TEMP B-TREE"), qPrintable(QString::fromLatin1(order) + u": " + p));
        }
    }

    // ---- queue ----------------------------------------------------------------------------------
    void queueSortsEveryColumn_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QStringList>("ascending"); // expected order of ids
        // Data (see queueStore): A1..A5 with distinct values; A5 never evaluated, unassigned.
        QTest::newRow("account id") << int(QueueColumn::AccountId)
                                    << QStringList{"A1", "A2", "A3", "A4", "A5"};
        QTest::newRow("name (case-insensitive)")
            << int(QueueColumn::Name) << QStringList{"A3", "A1", "A5", "A2", "A4"};
        QTest::newRow("status") << int(QueueColumn::Status) << QStringList{"A2", "A4", "A5", "A1", "A3"};
        QTest::newRow("recommended") << int(QueueColumn::Recommended)
                                     << QStringList{"A5", "A4", "A2", "A1", "A3"};
        QTest::newRow("worst finding")
            << int(QueueColumn::WorstFinding) << QStringList{"A5", "A4", "A2", "A3", "A1"};
        QTest::newRow("complaint rate")
            << int(QueueColumn::ComplaintRate) << QStringList{"A5", "A2", "A4", "A1", "A3"};
        QTest::newRow("bounce rate") << int(QueueColumn::BounceRate)
                                     << QStringList{"A5", "A3", "A1", "A4", "A2"};
        QTest::newRow("unsubscribe rate")
            << int(QueueColumn::UnsubscribeRate) << QStringList{"A5", "A4", "A3", "A2", "A1"};
        QTest::newRow("open rate") << int(QueueColumn::OpenRate) << QStringList{"A5", "A1", "A2", "A3", "A4"};
        QTest::newRow("complaints") << int(QueueColumn::Complaints)
                                    << QStringList{"A2", "A5", "A4", "A3", "A1"};
        QTest::newRow("flagged at") << int(QueueColumn::FlaggedAt)
                                    << QStringList{"A4", "A3", "A5", "A1", "A2"};
        QTest::newRow("assignee") << int(QueueColumn::Assignee) << QStringList{"A3", "A5", "A2", "A4", "A1"};
    }
    void queueSortsEveryColumn()
    {
        QFETCH(int, column);
        QFETCH(QStringList, ascending);
        Fixture f;
        queueStore(*f.store);
        const auto col = QueueColumn(column);
        QCOMPARE(ids(f.store->queuePage({}, col, true, 0, 100)), ascending);
        QStringList descending = ascending;
        std::reverse(descending.begin(), descending.end());
        QCOMPARE(ids(f.store->queuePage({}, col, false, 0, 100)), descending);
        // queueRowOf agrees with the pages, both ways (NULLs, ties and collation included).
        for (int i = 0; i < ascending.size(); ++i) {
            QCOMPARE(f.store->queueRowOf({}, col, true, ascending[i]), qint64(i));
            QCOMPARE(f.store->queueRowOf({}, col, false, descending[i]), qint64(i));
        }
        QCOMPARE(f.store->queueRowOf({}, col, true, QStringLiteral("nobody")), qint64(-1));
    }

    void queueRowsCarryTheirValues()
    {
        Fixture f;
        queueStore(*f.store);
        const auto rows = f.store->queuePage({}, QueueColumn::AccountId, true, 0, 100);
        QCOMPARE(rows.size(), 5);
        const QueueRow& r = rows[0];
        QCOMPARE(r.name, QStringLiteral("beta"));
        QVERIFY((r.status) == (AccountStatus::Suspended));
        QVERIFY((r.recommended) == (std::optional(Action::Suspend)));
        QCOMPARE(r.worstRule, QStringLiteral("z-rule"));
        QVERIFY((r.worstSeverity) == (std::optional(Severity::Terminate)));
        QCOMPARE(r.complaintRate, std::optional(0.004));
        QCOMPARE(r.complaintCount, qint64(3));
        QCOMPARE(r.flaggedAt, utc("2026-11-04T00:00:00Z"));
        QCOMPARE(r.assignee, QStringLiteral("zed"));
        QVERIFY(!r.pendingApproval);
        QVERIFY(rows[2].pendingApproval); // A3
        QVERIFY(!rows[4].recommended);
        QVERIFY(!rows[4].complaintRate);
        const auto ev = f.store->evaluation(QStringLiteral("A1"));
        QVERIFY(ev);
        QCOMPARE(ev->rules, (QStringList{QStringLiteral("z-rule"), QStringLiteral("complaint-rate")}));
        QVERIFY((ev->worstSeverity) == (std::optional(Severity::Terminate)));
        QCOMPARE(ev->policyVersion, QStringLiteral("3"));
        QCOMPARE(ev->complaintCount, qint64(3));
        QCOMPARE(ev->asOf, utc("2026-11-20T00:00:00Z"));
        QVERIFY(!f.store->evaluation(QStringLiteral("A5")));
    }

    // saveEvaluations leaves an account whose stored evaluation is identical untouched (no write at all)
    // and rewrites the evaluation, the queue columns and the rule rows on any difference.
    // Rows compared with the stored ones in a read transaction (storedEvaluationEquals, sameAsStored) are
    // skipped by the write only while no other connection has committed since that transaction's data
    // version; after another connection's commit every row is compared again.
    void saveEvaluationsTrustsComparisonsOnlyWithoutOtherCommits()
    {
        Fixture f;
        CaseStore& s = *f.store;
        importAccounts(s, {account(QStringLiteral("A1"), QStringLiteral("one"))});
        EvaluationRow r = evaluationRow(QStringLiteral("A1"), Action::Warn,
                                        QStringLiteral("complaint-received"), Severity::Warn);
        r.findingsJson = QStringLiteral("[]");
        QVERIFY(!s.storedEvaluationEquals(r)); // nothing stored
        s.saveEvaluations({r});
        QVERIFY(s.storedEvaluationEquals(r));
        EvaluationRow changed = r;
        changed.findingsJson = QStringLiteral("[{}]");
        QVERIFY(!s.storedEvaluationEquals(changed));
        changed.findingsJson = r.findingsJson;
        changed.complaintRate = 0.5;
        QVERIFY(!s.storedEvaluationEquals(changed));

        // Another connection rewrites the row after the comparison: the mark is not trusted, the row is
        // compared again and written.
        CaseStore other(f.path);
        qint64 version = 0;
        EvaluationRow marked = r;
        s.readConsistently(false, [&] {
            version = s.dataVersion();
            marked.sameAsStored = s.storedEvaluationEquals(marked);
        });
        QVERIFY(marked.sameAsStored);
        EvaluationRow elsewhere = r;
        elsewhere.recommended = Action::Suspend;
        other.saveEvaluations({elsewhere});
        QVERIFY(s.dataVersion() != version);
        s.saveEvaluations({marked}, version);
        QVERIFY(s.evaluation(QStringLiteral("A1"))->recommended == Action::Warn);

        // Without another commit the mark is trusted: the row is not read again (here shown by a mark that
        // no longer holds: this connection's own write does not change its data version).
        s.readConsistently(false, [&] { version = s.dataVersion(); });
        EvaluationRow stale = r;
        stale.recommended = Action::Terminate;
        stale.sameAsStored = true;
        s.saveEvaluations({stale}, version);
        QVERIFY(s.evaluation(QStringLiteral("A1"))->recommended == Action::Warn);
        // without the version every row is compared
        s.saveEvaluations({stale});
        QVERIFY(s.evaluation(QStringLiteral("A1"))->recommended == Action::Terminate);
    }

    // The evaluation hands its findings over as UTF-8 (findingsJsonUtf8): written and compared as the same
    // text as findingsJson would be.
    void saveEvaluationsTakesUtf8Findings()
    {
        Fixture f;
        CaseStore& s = *f.store;
        importAccounts(s, {account(QStringLiteral("A1"), QStringLiteral("one"))});
        EvaluationRow r =
            evaluationRow(QStringLiteral("A1"), Action::None, QStringLiteral("x"), Severity::Info);
        const QString text = QStringLiteral("[{\"rule\":\"x\",\"summary\":\"é 😀 \\\"q\\\"\"}]");
        r.findingsJsonUtf8 = text.toUtf8();
        s.saveEvaluations({r});
        QCOMPARE(s.evaluation(QStringLiteral("A1"))->findingsJson, text);
        QVERIFY(s.storedEvaluationEquals(r));
        EvaluationRow asText = r;
        asText.findingsJsonUtf8.clear();
        asText.findingsJson = text;
        QVERIFY(s.storedEvaluationEquals(asText));
        EvaluationRow other = r;
        other.findingsJsonUtf8 = QStringLiteral("[{\"rule\":\"x\",\"summary\":\"e\"}]").toUtf8();
        QVERIFY(!s.storedEvaluationEquals(other));
        other.findingsJson = text; // ignored while the UTF-8 bytes are set
        QVERIFY(!s.storedEvaluationEquals(other));
        s.saveEvaluations({other});
        QCOMPARE(s.evaluation(QStringLiteral("A1"))->findingsJson, QString::fromUtf8(other.findingsJsonUtf8));
    }

    // scanStoredEvaluations answers exactly storedEvaluationEquals for rows given in account order: equal
    // rows, every changed column, accounts without a stored row (between, before and after stored ones),
    // ids in the byte order of non-ASCII characters, and within a range of accounts.
    void storedEvaluationScanEqualsPointComparison()
    {
        Fixture f;
        CaseStore& s = *f.store;
        const QStringList idsInOrder{QStringLiteral("A0"),
                                     QStringLiteral("A1"),
                                     QStringLiteral("A2"),
                                     QStringLiteral("A3"),
                                     QString::fromUtf8("A\xC3\xA9"),
                                     QString::fromUtf8("A\xEF\xBF\xBD"),
                                     QString::fromUtf8("A\xF0\x9F\x98\x80"),
                                     QStringLiteral("B9")};
        QList<Account> accounts;
        for (const QString& id : idsInOrder)
            accounts << account(id, QStringLiteral("n"));
        importAccounts(s, accounts);
        QList<EvaluationRow> stored;
        for (const QString& id : idsInOrder) {
            if (id == u"A0" || id == u"A2" || id == u"B9")
                continue; // no stored row
            EvaluationRow r =
                evaluationRow(id, Action::Warn, QStringLiteral("complaint-rate"), Severity::Warn);
            r.findingsJson = QStringLiteral("[{\"rule\":\"complaint-rate\"}]");
            r.complaintRate = 0.003;
            stored << r;
        }
        s.saveEvaluations(stored);
        // the new rows: equal, or one column changed
        const std::vector<std::function<void(EvaluationRow&)>> changes{
            [](EvaluationRow&) {},
            [](EvaluationRow& r) { r.asOf = r.asOf.addMSecs(1); },
            [](EvaluationRow& r) { r.policyVersion = QStringLiteral("2"); },
            [](EvaluationRow& r) { r.recommended = Action::Suspend; },
            [](EvaluationRow& r) { r.worstSeverity.reset(); },
            [](EvaluationRow& r) { r.rules << QStringLiteral("bounce-rate"); },
            [](EvaluationRow& r) { r.findingsJsonUtf8 = r.findingsJson.toUtf8() + ' '; },
            [](EvaluationRow& r) { r.findingsJsonUtf8 = r.findingsJson.toUtf8(); },
            [](EvaluationRow& r) { r.complaintRate.reset(); },
            [](EvaluationRow& r) { r.openRate = 0.5; },
            [](EvaluationRow& r) { r.complaintCount = 9; },
        };
        for (size_t change = 0; change < changes.size(); ++change) {
            QList<EvaluationRow> rows;
            for (int i = 0; i < idsInOrder.size(); ++i) {
                EvaluationRow r = evaluationRow(idsInOrder[i], Action::Warn, QStringLiteral("complaint-rate"),
                                                Severity::Warn);
                r.findingsJson = QStringLiteral("[{\"rule\":\"complaint-rate\"}]");
                r.complaintRate = 0.003;
                if (i % 2 == int(change % 2))
                    changes[change](r);
                rows << r;
            }
            QList<bool> point, scanned, ranged;
            s.readConsistently(false, [&] {
                for (const EvaluationRow& r : rows)
                    point << s.storedEvaluationEquals(r);
                CaseStore::StoredEvaluationScan all = s.scanStoredEvaluations();
                for (const EvaluationRow& r : rows)
                    scanned << all.equals(r);
                const QString first = idsInOrder[2], last = idsInOrder[6];
                CaseStore::StoredEvaluationScan part = s.scanStoredEvaluations(&first, &last);
                for (int i = 2; i <= 6; ++i)
                    ranged << part.equals(rows[i]);
            });
            QCOMPARE(scanned, point);
            QCOMPARE(ranged, point.mid(2, 5));
            if (change == 0 || change == 7) // nothing changed
                QCOMPARE(point, (QList<bool>{false, true, false, true, true, true, true, false}));
            else
                QVERIFY(point.contains(false) && point.contains(true));
        }
    }

    void saveEvaluationsRewritesOnlyChangedRows()
    {
        Fixture f;
        CaseStore& s = *f.store;
        importAccounts(s, {account(QStringLiteral("A1"), QStringLiteral("one")),
                           account(QStringLiteral("A2"), QStringLiteral("two"))});
        EvaluationRow r = evaluationRow(QStringLiteral("A1"), Action::Suspend,
                                        QStringLiteral("complaint-rate"), Severity::Suspend);
        r.findingsJson = QStringLiteral("[{\"rule\":\"complaint-rate\",\"summary\":\"é 😀\"}]");
        r.complaintRate = 0.004;
        r.bounceRate = 0.01;
        r.unsubscribeRate = 0.002;
        r.openRate = 0.2;
        r.complaintCount = 2;
        EvaluationRow other = r;
        other.accountId = QStringLiteral("A2");
        sqlite3* h = s.database().handle();
        auto check = [&](const EvaluationRow& want) {
            const auto got = s.evaluation(want.accountId);
            QVERIFY(got);
            QCOMPARE(got->asOf, want.asOf);
            QCOMPARE(got->policyId, want.policyId);
            QCOMPARE(got->policyVersion, want.policyVersion);
            QVERIFY(got->recommended == want.recommended);
            QCOMPARE(got->worstRule, want.worstRule);
            QVERIFY(got->worstSeverity == want.worstSeverity);
            QCOMPARE(got->findingCount, want.findingCount);
            QCOMPARE(got->rules, want.rules);
            QCOMPARE(got->findingsJson, want.findingsJson);
            QVERIFY(got->complaintRate == want.complaintRate);
            QVERIFY(got->bounceRate == want.bounceRate);
            QVERIFY(got->unsubscribeRate == want.unsubscribeRate);
            QVERIFY(got->openRate == want.openRate);
            QCOMPARE(got->complaintCount, want.complaintCount);
            // The queue's copy and the rule filter follow.
            const auto rows = s.queuePage({}, QueueColumn::AccountId, true, 0, 10);
            const QueueRow& q = rows[want.accountId == u"A1" ? 0 : 1];
            QVERIFY(q.recommended == std::optional(want.recommended));
            QCOMPARE(q.worstRule, want.worstRule);
            QVERIFY(q.worstSeverity == want.worstSeverity);
            QVERIFY(q.complaintRate == want.complaintRate);
            QVERIFY(q.bounceRate == want.bounceRate);
            QVERIFY(q.unsubscribeRate == want.unsubscribeRate);
            QVERIFY(q.openRate == want.openRate);
            for (const QString& rule : {QStringLiteral("complaint-rate"), QStringLiteral("bounce-rate")}) {
                const QByteArray sqlText = "SELECT count(*) FROM evaluation_rules WHERE account_id = '" +
                                           want.accountId.toUtf8() + "' AND rule = '" + rule.toUtf8() + "'";
                QCOMPARE(s.database().queryInt(sqlText), qint64(want.rules.contains(rule)));
            }
        };
        s.saveEvaluations({r, other});
        check(r);
        check(other);

        // The same rows again: nothing written.
        const int before = sqlite3_total_changes(h);
        s.saveEvaluations({r, other});
        QCOMPARE(sqlite3_total_changes(h), before);
        check(r);

        // Each difference rewrites the row (and only that account's).
        const QList<std::function<void(EvaluationRow&)>> changes{
            [](EvaluationRow& e) { e.asOf = e.asOf.addDays(1); }, // a new as-of: part of the stored result
            [](EvaluationRow& e) { e.asOf = QDateTime(); },
            [](EvaluationRow& e) { e.asOf = utc("2026-11-20T00:00:00.001Z"); },
            [](EvaluationRow& e) { e.policyVersion = QStringLiteral("2"); },
            [](EvaluationRow& e) { e.policyId = QStringLiteral("mailbox-providers"); },
            [](EvaluationRow& e) { e.recommended = Action::Warn; },
            [](EvaluationRow& e) { e.worstRule = QStringLiteral("bounce-rate"); },
            [](EvaluationRow& e) { e.worstSeverity = Severity::Warn; },
            [](EvaluationRow& e) { e.worstSeverity.reset(); },
            [](EvaluationRow& e) { e.worstRule.clear(); },
            [](EvaluationRow& e) { e.findingCount = 2; },
            [](EvaluationRow& e) { e.rules = {QStringLiteral("bounce-rate")}; },
            [](EvaluationRow& e) { e.rules.clear(); },
            [](EvaluationRow& e) {
                e.findingsJson = QStringLiteral("[{\"rule\":\"complaint-rate\",\"summary\":\"é 😁\"}]");
            },
            [](EvaluationRow& e) { e.findingsJson = QStringLiteral("[]"); },
            [](EvaluationRow& e) { e.complaintRate = std::nextafter(*e.complaintRate, 1.0); },
            [](EvaluationRow& e) { e.complaintRate.reset(); },
            [](EvaluationRow& e) { e.complaintRate = 0.0; },
            [](EvaluationRow& e) { e.bounceRate.reset(); },
            [](EvaluationRow& e) { e.unsubscribeRate = 0.5; },
            [](EvaluationRow& e) { e.openRate.reset(); },
            [](EvaluationRow& e) { e.complaintCount = 3; },
        };
        for (qsizetype i = 0; i < changes.size(); ++i) {
            changes[i](r);
            const int was = sqlite3_total_changes(h);
            s.saveEvaluations({r, other});
            if (sqlite3_total_changes(h) == was)
                QFAIL(qPrintable(QStringLiteral("change %1 was not written").arg(i)));
            check(r);
            check(other);
            const int after = sqlite3_total_changes(h);
            s.saveEvaluations({r, other});
            QCOMPARE(sqlite3_total_changes(h), after);
        }
    }

    // A whole-store write into a store without cached evaluations drops the six queue indexes of the
    // evaluated columns and creates them again in the same transaction: afterwards the schema is the
    // same, the indexes answer the queue, and a failure mid-write leaves schema and data as they were.
    void freshWholeStoreWriteKeepsQueueIndexes()
    {
        Fixture f;
        CaseStore& s = *f.store;
        importAccounts(s, {account(QStringLiteral("A1"), QStringLiteral("one")),
                           account(QStringLiteral("A2"), QStringLiteral("two")),
                           account(QStringLiteral("A3"), QStringLiteral("three"))});
        sql::Database& db = s.database();
        auto dump = [&](QByteArrayView sqlText) { return dumpRows(db, sqlText); };
        const QByteArray schemaSql = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name";
        const QByteArray dataSql =
            "SELECT a.account_id, a.recommended, a.worst_severity, a.worst_rule, "
            "a.complaint_rate, a.bounce_rate, a.unsubscribe_rate, a.open_rate, "
            "(SELECT count(*) FROM evaluations), (SELECT count(*) FROM evaluation_rules) "
            "FROM accounts a ORDER BY a.account_id";
        const QStringList schema = dump(schemaSql);
        QVERIFY(schema.join(u'\n').contains(u"accounts_by_open_rate"));
        const QStringList data = dump(dataSql);
        auto row = [](const char* id, double rate, Severity sev, const char* rule) {
            EvaluationRow r;
            r.accountId = QString::fromUtf8(id);
            r.asOf = utc("2026-11-20T00:00:00Z");
            r.policyId = QStringLiteral("optimais");
            r.policyVersion = QStringLiteral("1");
            r.recommended = sev == Severity::Suspend ? Action::Suspend : Action::Warn;
            r.worstRule = QString::fromUtf8(rule);
            r.worstSeverity = sev;
            r.findingCount = 1;
            r.rules = {r.worstRule};
            r.findingsJson = QStringLiteral("[]");
            r.complaintRate = rate;
            r.bounceRate = rate;
            r.unsubscribeRate = rate;
            r.openRate = rate;
            return r;
        };
        const EvaluationRow a1 = row("A1", 0.3, Severity::Warn, "bounce-rate");
        const EvaluationRow a2 = row("A2", 0.1, Severity::Suspend, "complaint-rate");
        const EvaluationRow a3 = row("A3", 0.2, Severity::Warn, "open-rate");

        // A failure after some rows were written (an unknown account, last): nothing changed.
        EvaluationRow unknown = a3;
        unknown.accountId = QStringLiteral("NOPE");
        try {
            s.saveEvaluations({a1, a2, a3, unknown});
            QFAIL("an evaluation of an unknown account was saved");
        } catch (const Error& e) {
            QVERIFY(e.message().contains(u"no account \"NOPE\""));
        }
        QCOMPARE(dump(schemaSql), schema);
        QCOMPARE(dump(dataSql), data);

        // The statements run, to see that the indexes were dropped and created (and only when fresh).
        QByteArrayList ran = statementsRun(db, [&] { s.saveEvaluations({a1, a2, a3}); });
        const auto count = [&](const char* prefix) {
            return std::count_if(ran.begin(), ran.end(),
                                 [&](const QByteArray& b) { return b.startsWith(prefix); });
        };
        QCOMPARE(count("DROP INDEX"), qsizetype(6));
        QCOMPARE(count("CREATE INDEX"), qsizetype(6));
        QCOMPARE(dump(schemaSql), schema);
        QCOMPARE(db.queryInt("SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"),
                 qint64(0));
        // The recreated indexes serve the queue's sorts.
        QCOMPARE(dump("SELECT account_id FROM accounts INDEXED BY accounts_by_open_rate ORDER BY open_rate"),
                 (QStringList{"A2", "A3", "A1"}));
        QCOMPARE(dump("SELECT account_id FROM accounts INDEXED BY accounts_by_worst "
                      "ORDER BY worst_severity, worst_rule"),
                 (QStringList{"A1", "A3", "A2"}));
        QCOMPARE(dump("SELECT account_id FROM accounts INDEXED BY accounts_by_recommended "
                      "WHERE recommended_rank = 2"),
                 (QStringList{"A2"}));
        const auto rows = s.queuePage({}, QueueColumn::ComplaintRate, true, 0, 10);
        QCOMPARE(rows.size(), qsizetype(3));
        QCOMPARE(rows[0].accountId, QStringLiteral("A2"));
        QCOMPARE(rows[2].accountId, QStringLiteral("A1"));

        // With cached rows the indexes are updated in place.
        ran = statementsRun(db, [&] {
            s.saveEvaluations({row("A1", 0.5, Severity::Warn, "bounce-rate"), a2, a3});
        });
        QCOMPARE(count("DROP INDEX"), qsizetype(0));
        QCOMPARE(dump("SELECT account_id FROM accounts INDEXED BY accounts_by_open_rate ORDER BY open_rate"),
                 (QStringList{"A2", "A3", "A1"}));
        QCOMPARE(dump(schemaSql), schema);
    }

    // The fresh (whole-store, empty cache) write stores exactly what row-by-row writes store — also when
    // `rows` repeats an account (the later row wins) or is out of account order — the queue sorts and
    // filters alike afterwards, and the connection's page cache size is restored.
    void freshWholeStoreWriteEqualsRowByRowWrites()
    {
        QList<Account> accounts;
        for (int i = 0; i < 40; ++i)
            accounts << account(QStringLiteral("A%1").arg(i, 2, 10, QLatin1Char('0')),
                                QStringLiteral("name %1").arg(39 - i));
        const QStringList ruleIds{QStringLiteral("complaint-rate"), QStringLiteral("bounce-rate"),
                                  QStringLiteral("role-address"), QStringLiteral("é-rule")};
        auto rowFor = [&](int i, int variant) {
            EvaluationRow r;
            r.accountId = QStringLiteral("A%1").arg(i, 2, 10, QLatin1Char('0'));
            r.asOf = utc("2026-11-20T00:00:00Z");
            r.policyId = QStringLiteral("optimais");
            r.policyVersion = QStringLiteral("1");
            const int k = (i + variant) % 4; // number of rules fired
            for (int j = 0; j < k; ++j)
                r.rules << ruleIds[(i + j + variant) % ruleIds.size()];
            r.findingCount = int(r.rules.size());
            if (k > 0) {
                r.worstRule = r.rules.first();
                r.worstSeverity = Severity((i + variant) % 4);
                r.recommended = recommendedActionFor(*r.worstSeverity);
            }
            const QString json = QStringLiteral("[{\"n\":%1,\"s\":\"é 😀\"}]").arg(i * 10 + variant);
            if (i % 2)
                r.findingsJsonUtf8 = json.toUtf8();
            else
                r.findingsJson = json;
            if (i % 5 != 0) {
                r.complaintRate = ((i * 7 + variant) % 13) / 1000.0;
                r.bounceRate = ((i * 3) % 11) / 100.0;
                r.unsubscribeRate = (i % 4) / 50.0;
                r.openRate = ((i * 11) % 17) / 20.0;
            }
            r.complaintCount = i % 3;
            return r;
        };
        QList<EvaluationRow> rows;
        for (int i = 0; i < 40; ++i)
            if (i != 10)
                rows << rowFor(i, 0);
        rows.insert(25, rowFor(10, 0)); // out of order: A10 after A24
        rows << rowFor(5, 1);           // A05 again, different: this one wins
        rows << rowFor(7, 0);           // A07 again, the same

        Fixture bulk;
        Fixture single;
        importAccounts(*bulk.store, accounts);
        importAccounts(*single.store, accounts);
        sql::Database& db = bulk.store->database();
        const qint64 cacheSize = db.queryInt("PRAGMA cache_size");
        const QByteArrayList ran = statementsRun(db, [&] { bulk.store->saveEvaluations(rows); });
        QCOMPARE(std::count_if(ran.begin(), ran.end(),
                               [](const QByteArray& b) { return b.startsWith("DROP INDEX"); }),
                 qsizetype(6)); // it was the fresh write
        QCOMPARE(db.queryInt("PRAGMA cache_size"), cacheSize);
        for (const EvaluationRow& r : rows)
            single.store->saveEvaluations({r}); // one row: never the fresh write
        QCOMPARE(single.store->database().queryInt("SELECT count(*) FROM evaluations"), qint64(40));

        auto dump = [](CaseStore& s, QByteArrayView sqlText) { return dumpRows(s.database(), sqlText); };
        for (const char* sqlText :
             {"SELECT * FROM evaluations ORDER BY account_id", "SELECT * FROM evaluation_rules ORDER BY 1, 2",
              "SELECT account_id, recommended, worst_severity, worst_rule, complaint_count, complaint_rate, "
              "bounce_rate, unsubscribe_rate, open_rate FROM accounts ORDER BY account_id",
              "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name"}) {
            const QStringList got = dump(*bulk.store, sqlText);
            QVERIFY(!got.isEmpty());
            QCOMPARE(got, dump(*single.store, sqlText));
        }
        QCOMPARE(bulk.store->evaluation(QStringLiteral("A05"))->findingsJson,
                 rowFor(5, 1).findingsJsonUtf8.isEmpty() ? rowFor(5, 1).findingsJson
                                                         : QString::fromUtf8(rowFor(5, 1).findingsJsonUtf8));
        QCOMPARE(db.queryInt("SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"),
                 qint64(0));

        // The queue: every sort both ways, and the filters on the evaluated columns.
        const QList<QueueColumn> columns{QueueColumn::AccountId,    QueueColumn::Name,
                                         QueueColumn::Status,       QueueColumn::Recommended,
                                         QueueColumn::WorstFinding, QueueColumn::ComplaintRate,
                                         QueueColumn::BounceRate,   QueueColumn::UnsubscribeRate,
                                         QueueColumn::OpenRate,     QueueColumn::Complaints,
                                         QueueColumn::FlaggedAt,    QueueColumn::Assignee};
        QList<QueueFilter> filters{QueueFilter{}};
        for (const char* action : {"none", "warn", "suspend", "terminate"}) {
            QueueFilter f;
            f.recommended = QString::fromUtf8(action);
            filters << f;
        }
        for (const QString& rule : ruleIds) {
            QueueFilter f;
            f.rule = rule;
            filters << f;
        }
        for (const QueueFilter& f : filters) {
            QCOMPARE(bulk.store->queueCount(f), single.store->queueCount(f));
            for (QueueColumn c : columns)
                for (bool ascending : {true, false}) {
                    const auto a = bulk.store->queuePage(f, c, ascending, 0, 100);
                    const auto b = single.store->queuePage(f, c, ascending, 0, 100);
                    QCOMPARE(ids(a), ids(b));
                }
        }
    }

    // A fresh write that fails in the middle (an unknown account among the rows) leaves the store exactly
    // as it was — schema, evaluations, evaluation_rules and the accounts — and the page cache size too.
    void freshWholeStoreWriteFailingMidwayChangesNothing()
    {
        Fixture f;
        CaseStore& s = *f.store;
        QList<Account> accounts;
        QList<EvaluationRow> rows;
        for (int i = 0; i < 10; ++i) {
            const QString id = QStringLiteral("B%1").arg(i);
            accounts << account(id, QStringLiteral("name %1").arg(i));
            EvaluationRow r = evaluationRow(id, Action::Warn, QStringLiteral("bounce-rate"), Severity::Warn);
            r.findingsJsonUtf8 = QByteArrayLiteral("[{\"rule\":\"bounce-rate\"}]");
            r.openRate = i / 10.0;
            rows << r;
        }
        importAccounts(s, accounts);
        EvaluationRow unknown = rows[4];
        unknown.accountId = QStringLiteral("B45");
        rows.insert(5, unknown);
        sql::Database& db = s.database();
        auto dump = [&] {
            QStringList out;
            for (const char* sqlText : {"SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name",
                                        "SELECT * FROM evaluations", "SELECT * FROM evaluation_rules",
                                        "SELECT account_id, name, recommended, worst_severity, worst_rule, "
                                        "complaint_rate, bounce_rate, "
                                        "unsubscribe_rate, open_rate FROM accounts ORDER BY account_id",
                                        "PRAGMA cache_size"})
                out << dumpRows(db, sqlText);
            return out;
        };
        const QStringList before = dump();
        QVERIFY(before.join(u'\n').contains(u"B9|name 9|NULL"));
        try {
            s.saveEvaluations(rows);
            QFAIL("an evaluation of an unknown account was saved");
        } catch (const Error& e) {
            QVERIFY(e.message().contains(u"no account \"B45\""));
        }
        QCOMPARE(dump(), before);
        QVERIFY(!db.inTransaction());
        // Without the unknown account the same write goes through.
        rows.removeAt(5);
        s.saveEvaluations(rows);
        QCOMPARE(db.queryInt("SELECT count(*) FROM evaluations"), qint64(10));
        QCOMPARE(s.evaluation(QStringLiteral("B7"))->findingsJson,
                 QStringLiteral("[{\"rule\":\"bounce-rate\"}]"));
        QCOMPARE(db.queryInt("SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"),
                 qint64(0));
    }

    void queueFilters_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("recommended");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("pending");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("none") << ""
                              << ""
                              << ""
                              << "" << false << QStringList{"A1", "A2", "A3", "A4", "A5"};
        QTest::newRow("status") << "warned"
                                << ""
                                << ""
                                << "" << false << QStringList{"A4", "A5"};
        QTest::newRow("status none match") << "terminated"
                                           << ""
                                           << ""
                                           << "" << false << QStringList{"A3"};
        QTest::newRow("recommended") << ""
                                     << "suspend"
                                     << ""
                                     << "" << false << QStringList{"A1"};
        QTest::newRow("recommended none") << ""
                                          << "none"
                                          << ""
                                          << "" << false << QStringList{"A4"};
        QTest::newRow("rule") << ""
                              << ""
                              << "complaint-rate"
                              << "" << false << QStringList{"A1", "A2"};
        QTest::newRow("rule unknown") << ""
                                      << ""
                                      << "no-such-rule"
                                      << "" << false << QStringList{};
        QTest::newRow("text name") << ""
                                   << ""
                                   << ""
                                   << "gamma" << false << QStringList{"A2"};
        QTest::newRow("text prefix, case") << ""
                                           << ""
                                           << ""
                                           << "GAM" << false << QStringList{"A2"};
        QTest::newRow("text id") << ""
                                 << ""
                                 << ""
                                 << "a4" << false << QStringList{"A4"};
        QTest::newRow("text owner e-mail") << ""
                                           << ""
                                           << ""
                                           << "owner@a3.example" << false << QStringList{"A3"};
        QTest::newRow("text from address") << ""
                                           << ""
                                           << ""
                                           << "news@a5.example" << false << QStringList{"A5"};
        QTest::newRow("text shared from address")
            << ""
            << ""
            << ""
            << "promo@shared.example" << false << QStringList{"A1", "A2", "A3", "A4", "A5"};
        QTest::newRow("text postal address") << ""
                                             << ""
                                             << ""
                                             << "jalan delta" << false << QStringList{"A5"};
        QTest::newRow("text message subject") << ""
                                              << ""
                                              << ""
                                              << "casino" << false << QStringList{"A2"};
        QTest::newRow("text message body") << ""
                                           << ""
                                           << ""
                                           << "bitcoin" << false << QStringList{"A1"};
        QTest::newRow("text diacritics folded") << ""
                                                << ""
                                                << ""
                                                << "cafe" << false << QStringList{"A1"};
        QTest::newRow("text miss") << ""
                                   << ""
                                   << ""
                                   << "nothinghere" << false << QStringList{};
        QTest::newRow("text with FTS syntax") << ""
                                              << ""
                                              << ""
                                              << "\"gamma (* " << false << QStringList{"A2"};
        QTest::newRow("text punctuation only") << ""
                                               << ""
                                               << ""
                                               << "@@ --" << false << QStringList{};
        QTest::newRow("pending") << ""
                                 << ""
                                 << ""
                                 << "" << true << QStringList{"A3"};
        QTest::newRow("combined") << "warned"
                                  << ""
                                  << ""
                                  << "promo" << false << QStringList{"A4", "A5"};
        QTest::newRow("combined empty") << "warned"
                                        << "suspend"
                                        << ""
                                        << "" << false << QStringList{};
    }
    void queueFilters()
    {
        QFETCH(QString, status);
        QFETCH(QString, recommended);
        QFETCH(QString, rule);
        QFETCH(QString, text);
        QFETCH(bool, pending);
        QFETCH(QStringList, expected);
        Fixture f;
        queueStore(*f.store);
        const QueueFilter filter{status, recommended, rule, text, pending};
        QCOMPARE(f.store->queueCount(filter), qint64(expected.size()));
        QCOMPARE(ids(f.store->queuePage(filter, QueueColumn::AccountId, true, 0, 100)), expected);
        // Sorting with a filter keeps the filter.
        QCOMPARE(f.store->queuePage(filter, QueueColumn::ComplaintRate, false, 0, 100).size(),
                 expected.size());
        // Rows of accounts in the filtered, sorted queue; -1 for those the filter leaves out.
        const QStringList byRate = ids(f.store->queuePage(filter, QueueColumn::ComplaintRate, false, 0, 100));
        for (const QString id : {"A1", "A2", "A3", "A4", "A5"}) {
            QCOMPARE(f.store->queueRowOf(filter, QueueColumn::AccountId, true, id),
                     qint64(expected.indexOf(id)));
            QCOMPARE(f.store->queueRowOf(filter, QueueColumn::ComplaintRate, false, id),
                     qint64(byRate.indexOf(id)));
        }
    }

    void queueRejectsUnknownFilterValues()
    {
        Fixture f;
        queueStore(*f.store);
        try {
            f.store->queueCount(QueueFilter{QStringLiteral("banned"), {}, {}, {}, false});
            QFAIL("must throw");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Input);
            QVERIFY2(e.message().startsWith(u"unknown status \"banned\""), qPrintable(e.message()));
        }
        QVERIFY_THROWS_EXCEPTION(
            Error, f.store->queueCount(QueueFilter{{}, QStringLiteral("reinstate"), {}, {}, false}));
    }

    void queuePaging()
    {
        Fixture f;
        queueStore(*f.store);
        for (QueueColumn col : {QueueColumn::Name, QueueColumn::ComplaintRate, QueueColumn::Status}) {
            for (bool asc : {true, false}) {
                const QStringList all = ids(f.store->queuePage({}, col, asc, 0, 100));
                QStringList paged;
                for (int off = 0; off < 6; off += 2)
                    paged += ids(f.store->queuePage({}, col, asc, off, 2));
                QCOMPARE(paged, all);
            }
        }
        QCOMPARE(f.store->queuePage({}, QueueColumn::AccountId, true, 4, 10).size(), 1);
        QCOMPARE(f.store->queuePage({}, QueueColumn::AccountId, true, 5, 10).size(), 0);
    }

    void setAssigneeClearsAndRefusesUnknown()
    {
        Fixture f;
        queueStore(*f.store);
        f.store->setAssignee(QStringLiteral("A1"), QString());
        QCOMPARE(f.store->queuePage({}, QueueColumn::AccountId, true, 0, 1)[0].assignee, QString());
        QCOMPARE(f.store->database().queryInt("SELECT count(*) FROM assignments WHERE account_id = 'A1'"),
                 qint64(0));
        QVERIFY_THROWS_EXCEPTION(Error, f.store->setAssignee(QStringLiteral("nope"), QStringLiteral("x")));
        QVERIFY_THROWS_EXCEPTION(Error, f.store->saveEvaluations({[] {
            EvaluationRow r;
            r.accountId = QStringLiteral("nope");
            return r;
        }()}));
    }

    // ---- decisions and audit --------------------------------------------------------------------
    void decisionsPendingApprovalsAndAudit()
    {
        Fixture f;
        CaseStore& s = *f.store;
        importAccounts(s, {account(QStringLiteral("A1"), QStringLiteral("One")),
                           account(QStringLiteral("A2"), QStringLiteral("Two"))});
        const QDateTime t1 = utc("2026-11-21T09:00:00Z"), t2 = utc("2026-11-21T10:00:00.500Z"),
                        t3 = utc("2026-11-21T11:00:00Z");
        const qint64 warn = s.recordDecision(
            decisionFor(QStringLiteral("A1"), Action::Warn, Decision::State::Effective, t1),
            AccountStatus::Warned, auditMaker(QStringLiteral("decision"), QStringLiteral("A1"), t1));
        const qint64 term1 = s.recordDecision(
            decisionFor(QStringLiteral("A1"), Action::Terminate, Decision::State::PendingApproval, t2),
            std::nullopt, auditMaker(QStringLiteral("decision"), QStringLiteral("A1"), t2));
        const qint64 term2 = s.recordDecision(
            decisionFor(QStringLiteral("A2"), Action::Terminate, Decision::State::PendingApproval, t2),
            std::nullopt, auditMaker(QStringLiteral("decision"), QStringLiteral("A2"), t2));
        QVERIFY((s.currentStatus(QStringLiteral("A1"))) == (AccountStatus::Warned));
        auto pending = s.pendingApprovals();
        QCOMPARE(pending.size(), 2);
        QCOMPARE(pending[0].id, term1);
        QCOMPARE(pending[1].id, term2);
        QCOMPARE(s.queueCount(QueueFilter{{}, {}, {}, {}, true}), qint64(2));

        Decision approval = decisionFor(QStringLiteral("A1"), Action::Terminate, Decision::State::Effective,
                                        t3, QStringLiteral("budi"));
        approval.approvesDecisionId = term1;
        const qint64 appr =
            s.recordDecision(approval, AccountStatus::Terminated,
                             auditMaker(QStringLiteral("approval"), QStringLiteral("A1"), t3));
        pending = s.pendingApprovals();
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending[0].id, term2);
        QCOMPARE(s.queueCount(QueueFilter{{}, {}, {}, {}, true}), qint64(1));
        QVERIFY((s.currentStatus(QStringLiteral("A1"))) == (AccountStatus::Terminated));
        // Another reviewer records something else on A2 instead: the terminate no longer awaits approval
        // (core/audit's `approve` only approves a terminate that is the account's latest decision).
        s.recordDecision(decisionFor(QStringLiteral("A2"), Action::Suspend, Decision::State::Effective, t3,
                                     QStringLiteral("budi")),
                         AccountStatus::Suspended,
                         auditMaker(QStringLiteral("decision"), QStringLiteral("A2"), t3));
        QVERIFY(s.pendingApprovals().isEmpty());
        QCOMPARE(s.queueCount(QueueFilter{{}, {}, {}, {}, true}), qint64(0));

        const auto ds = s.decisions(QStringLiteral("A1"));
        QCOMPARE(ds.size(), 3);
        QCOMPARE(ds[0].id, warn);
        QVERIFY((ds[1].state) == (Decision::State::PendingApproval));
        QCOMPARE(ds[1].approvedBy, QStringLiteral("budi")); // derived from the approval
        QCOMPARE(ds[1].approvedAt, t3);
        QCOMPARE(ds[1].at, t2); // milliseconds kept
        QCOMPARE(ds[2].approvesDecisionId, term1);
        QCOMPARE(ds[0].rationale, QStringLiteral("Because the evidence shows it clearly."));
        QCOMPARE(ds[0].noticeText, QStringLiteral("Dear customer"));
        QCOMPARE(s.decision(appr)->reviewer, QStringLiteral("budi"));
        QVERIFY(!s.decision(999));

        // Audit: appended in order, chained, streamed.
        s.appendAudit(auditMaker(QStringLiteral("policy"), QString(), t3));
        QCOMPARE(s.auditCount(), qint64(6));
        QList<AuditEntry> entries;
        s.forEachAuditEntry([&](const AuditEntry& e) {
            entries << e;
            return true;
        });
        QCOMPARE(entries.size(), 6);
        for (int i = 0; i < entries.size(); ++i) {
            QCOMPARE(entries[i].seq, qint64(i + 1));
            QCOMPARE(entries[i].prevHash, i == 0 ? QString() : entries[i - 1].hash);
        }
        QCOMPARE(entries[1].at, t2);
        QCOMPARE(entries[3].kind, QStringLiteral("approval"));
        QCOMPARE(entries[5].accountId, QString());
        QCOMPARE(s.lastAuditEntry()->seq, qint64(6));
        int n = 0;
        s.forEachAuditEntry([&](const AuditEntry&) { return ++n < 2; });
        QCOMPARE(n, 2);
    }

    void failedAuditCallbackWritesNothing()
    {
        Fixture f;
        CaseStore& s = *f.store;
        importAccounts(s, {account(QStringLiteral("A1"), QStringLiteral("One"))});
        const QDateTime t = utc("2026-11-21T09:00:00Z");
        QVERIFY_THROWS_EXCEPTION(
            Error, s.recordDecision(
                       decisionFor(QStringLiteral("A1"), Action::Suspend, Decision::State::Effective, t),
                       AccountStatus::Suspended, [](const std::optional<AuditEntry>&) -> AuditEntry {
                           throw Error::input(QStringLiteral("notice placeholder {x} not filled"));
                       }));
        QVERIFY(s.decisions(QStringLiteral("A1")).isEmpty());
        QVERIFY((s.currentStatus(QStringLiteral("A1"))) == (AccountStatus::Active));
        // Out-of-sequence entries are refused.
        QVERIFY_THROWS_EXCEPTION(Error, s.appendAudit([&](const std::optional<AuditEntry>&) {
            AuditEntry e;
            e.seq = 5;
            e.at = t;
            return e;
        }));
        QCOMPARE(s.auditCount(), qint64(0));
        // Unknown account.
        try {
            s.recordDecision(decisionFor(QStringLiteral("ZZ"), Action::Warn, Decision::State::Effective, t),
                             std::nullopt, auditMaker(QStringLiteral("decision"), QStringLiteral("ZZ"), t));
            QFAIL("must throw");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Input);
            QCOMPARE(e.message(), QStringLiteral("no account \"ZZ\" in the case store"));
        }
    }

    void decisionsAndAuditAreAppendOnly()
    {
        Fixture f;
        CaseStore& s = *f.store;
        importAccounts(s, {account(QStringLiteral("A1"), QStringLiteral("One"))});
        const QDateTime t = utc("2026-11-21T09:00:00Z");
        s.recordDecision(decisionFor(QStringLiteral("A1"), Action::Warn, Decision::State::Effective, t),
                         std::nullopt, auditMaker(QStringLiteral("decision"), QStringLiteral("A1"), t));
        for (const char* q : {"UPDATE decisions SET action = 'dismiss'", "DELETE FROM decisions",
                              "UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log"}) {
            try {
                s.database().exec(q);
                QFAIL(q);
            } catch (const Error& e) {
                QVERIFY2(e.message().contains(u"append-only"), qPrintable(e.message()));
            }
        }
        QCOMPARE(s.decisions(QStringLiteral("A1")).size(), 1);
        QCOMPARE(s.auditCount(), qint64(1));
    }

    void queueCountFollowsWrites()
    {
        Fixture f;
        queueStore(*f.store);
        const QueueFilter warned{QStringLiteral("warned"), {}, {}, {}, false};
        QCOMPARE(f.store->queueCount(warned), qint64(2));
        // A write through this connection…
        const QDateTime t = utc("2026-11-22T00:00:00Z");
        f.store->recordDecision(
            decisionFor(QStringLiteral("A2"), Action::Warn, Decision::State::Effective, t),
            AccountStatus::Warned, auditMaker(QStringLiteral("decision"), QStringLiteral("A2"), t));
        QCOMPARE(f.store->queueCount(warned), qint64(3));
        // …and one through another connection (the CLI while the desktop program is open).
        {
            CaseStore other(f.path);
            other.recordDecision(
                decisionFor(QStringLiteral("A4"), Action::Reinstate, Decision::State::Effective, t),
                AccountStatus::Active, auditMaker(QStringLiteral("decision"), QStringLiteral("A4"), t));
        }
        QCOMPARE(f.store->queueCount(warned), qint64(2));
        QCOMPARE(ids(f.store->queuePage(warned, QueueColumn::AccountId, true, 0, 10)),
                 (QStringList{QStringLiteral("A2"), QStringLiteral("A5")}));
    }

    void queueWithManyMatchesWalksTheSortIndexCorrectly()
    {
        // Enough accounts that the filters keep more than queuePage's "few matches" threshold (2,000), so the
        // other query plan runs; its pages must equal the order computed here.
        Fixture f;
        CaseStore& s = *f.store;
        struct Ref
        {
            QString id, name;
            int status;
            std::optional<double> rate;
            bool evaluated;
        };
        QList<Ref> refs;
        {
            auto w = s.beginImport(importInfo());
            for (int i = 0; i < 6000; ++i) {
                const QString id = QStringLiteral("X%1").arg(i, 5, 10, QLatin1Char('0'));
                const QString name = (i % 3 == 0 ? QStringLiteral("Tiger ") : QStringLiteral("lion ")) +
                                     QString::number((i * 7919) % 6000);
                const auto status = AccountStatus(i % 4);
                w->addAccount(account(id, name, status));
                refs.append(Ref{id, name, int(status), std::nullopt, false});
            }
            w->commit({});
        }
        QList<EvaluationRow> evs;
        for (int i = 0; i < 6000; i += 2) {
            EvaluationRow e;
            e.accountId = refs[i].id;
            e.recommended = Action::Warn;
            e.findingsJson = QStringLiteral("[]");
            e.rules = {QStringLiteral("r") + QString::number(i % 5)};
            e.complaintRate = double((i * 31) % 1000) / 1000.0;
            refs[i].rate = e.complaintRate;
            refs[i].evaluated = true;
            evs << e;
        }
        s.saveEvaluations(evs);

        auto check = [&](const QueueFilter& filter, const std::function<bool(const Ref&)>& keep,
                         QueueColumn col, bool asc, qint64 offset) {
            QList<Ref> expected;
            for (const Ref& r : refs)
                if (keep(r))
                    expected << r;
            std::sort(expected.begin(), expected.end(), [&](const Ref& a, const Ref& b) {
                int c = 0;
                if (col == QueueColumn::Name)
                    c = QString::compare(a.name, b.name, Qt::CaseInsensitive);
                else if (col == QueueColumn::ComplaintRate)
                    c = a.rate == b.rate ? 0 : (!a.rate || (b.rate && *a.rate < *b.rate)) ? -1 : 1;
                if (c == 0)
                    c = QString::compare(a.id, b.id);
                return asc ? c < 0 : c > 0;
            });
            QStringList want;
            for (qsizetype i = offset; i < qMin<qsizetype>(expected.size(), offset + 50); ++i)
                want << expected[i].id;
            QVERIFY(expected.size() > 2000);
            QCOMPARE(s.queueCount(filter), qint64(expected.size()));
            QCOMPARE(ids(s.queuePage(filter, col, asc, offset, 50)), want);
        };
        const QueueFilter active{QStringLiteral("active"), {}, {}, {}, false};
        const QueueFilter lion{{}, {}, {}, QStringLiteral("lion"), false};
        const QueueFilter warnRec{{}, QStringLiteral("warn"), {}, {}, false};
        for (bool asc : {true, false}) {
            check(
                lion, [](const Ref& r) { return r.name.startsWith(u"lion"); }, QueueColumn::Name, asc, 1234);
            check(
                lion, [](const Ref& r) { return r.name.startsWith(u"lion"); }, QueueColumn::ComplaintRate,
                asc, 0);
            check(
                warnRec, [](const Ref& r) { return r.evaluated; }, QueueColumn::ComplaintRate, asc, 2500);
            check(
                warnRec, [](const Ref& r) { return r.evaluated; }, QueueColumn::Name, asc, 7);
        }
        // Below the threshold: the other plan, same contract.
        QCOMPARE(s.queueCount(active), qint64(1500));
        QStringList activeIds;
        for (const Ref& r : refs)
            if (r.status == 0)
                activeIds << r.id;
        QCOMPARE(ids(s.queuePage(active, QueueColumn::AccountId, false, 0, 3)),
                 (QStringList{activeIds[1499], activeIds[1498], activeIds[1497]}));
    }

private:
    // A1..A5 with distinct values on every queue column.
    static void queueStore(CaseStore& s)
    {
        struct Row
        {
            const char* id;
            const char* name;
            AccountStatus status;
            const char* flagged;
            int complaints;
        };
        const Row rows[] = {{"A1", "beta", AccountStatus::Suspended, "2026-11-04T00:00:00Z", 3},
                            {"A2", "Gamma", AccountStatus::Active, "2026-11-05T00:00:00Z", 0},
                            {"A3", "alpha", AccountStatus::Terminated, "2026-11-02T00:00:00Z", 2},
                            {"A4", "zulu", AccountStatus::Warned, "2026-11-01T00:00:00Z", 1},
                            {"A5", "Delta", AccountStatus::Warned, "2026-11-03T00:00:00Z", 0}};
        {
            auto w = s.beginImport(importInfo());
            for (const Row& r : rows) {
                Account a = account(QString::fromLatin1(r.id), QString::fromLatin1(r.name), r.status);
                a.flaggedAt = utc(r.flagged);
                w->addAccount(a);
                for (int i = 0; i < r.complaints; ++i) {
                    Complaint c;
                    c.accountId = a.id;
                    w->addComplaint(c);
                }
            }
            w->addMessage(message(QStringLiteral("A1"), QStringLiteral("Hello"),
                                  QStringLiteral("Invest in bitcoin at the café")));
            w->addMessage(
                message(QStringLiteral("A2"), QStringLiteral("Best casino"), QStringLiteral("play")));
            w->commit({});
        }
        auto ev = [](const char* id, Action rec, const char* worst, std::optional<Severity> sev, double cr,
                     double br, double ur, double orate, QStringList rules) {
            EvaluationRow e;
            e.accountId = QString::fromLatin1(id);
            e.asOf = utc("2026-11-20T00:00:00Z");
            e.policyId = QStringLiteral("optimais");
            e.policyVersion = QStringLiteral("3");
            e.recommended = rec;
            e.worstRule = QString::fromLatin1(worst);
            e.worstSeverity = sev;
            e.findingCount = int(rules.size());
            e.rules = rules;
            e.findingsJson = QStringLiteral("[]");
            e.complaintRate = cr;
            e.bounceRate = br;
            e.unsubscribeRate = ur;
            e.openRate = orate;
            e.complaintCount = id == QByteArrayView("A1") ? 3 : 0;
            return e;
        };
        // Recommended: A4 none < A2 warn < A1 suspend < A3 terminate; worst: A4 info < A2 warn < A3
        // term/a-rule < A1 term/z-rule
        s.saveEvaluations({ev("A1", Action::Suspend, "z-rule", Severity::Terminate, 0.004, 0.02, 0.05, 0.1,
                              {QStringLiteral("z-rule"), QStringLiteral("complaint-rate")}),
                           ev("A2", Action::Warn, "complaint-rate", Severity::Warn, 0.001, 0.09, 0.04, 0.2,
                              {QStringLiteral("complaint-rate")}),
                           ev("A3", Action::Terminate, "a-rule", Severity::Terminate, 0.005, 0.01, 0.03, 0.3,
                              {QStringLiteral("a-rule")}),
                           ev("A4", Action::None, "info-rule", Severity::Info, 0.002, 0.03, 0.02, 0.4,
                              {QStringLiteral("info-rule")})});
        // Re-saving replaces (rules of the first save do not linger).
        s.saveEvaluations({ev("A4", Action::None, "info-rule", Severity::Info, 0.002, 0.03, 0.02, 0.4,
                              {QStringLiteral("info-rule")})});
        s.setAssignee(QStringLiteral("A1"), QStringLiteral("zed"));
        s.setAssignee(QStringLiteral("A2"), QStringLiteral("Budi"));
        s.setAssignee(QStringLiteral("A4"), QStringLiteral("rina"));
        s.setAssignee(QStringLiteral("A3"), QStringLiteral("x"));
        s.setAssignee(QStringLiteral("A3"), QString()); // unassigned again
        const QDateTime t = utc("2026-11-21T09:00:00Z");
        s.recordDecision(
            decisionFor(QStringLiteral("A3"), Action::Terminate, Decision::State::PendingApproval, t),
            std::nullopt, auditMaker(QStringLiteral("decision"), QStringLiteral("A3"), t));
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "test_store.moc"
