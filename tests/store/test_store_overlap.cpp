// SPDX-License-Identifier: GPL-3.0-or-later
// The case store's persisted overlap index (table overlap_index, schema 2): save and load by options key,
// data version and format; one data version kept, at most kOverlapIndexKeep option sets; a save refused by
// its stillCurrent check or by a read-only connection changes nothing; every import deletes the rows (a
// rolled-back one does not); a schema-1 store is upgraded in place to the schema a new store gets. And
// saveEvaluations without rows writes nothing (no write transaction: a read-only store still evaluates).
#include "store/casestore.h"
#include "store/schema.h"
#include "store/sqlite.h"
#include "storetestutil.h"
#include "util/error.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ad;
using namespace ad::storetest;

namespace {

void importAccounts(CaseStore& store, const QStringList& ids, const QString& sha = QStringLiteral("b1"))
{
    auto w = store.beginImport(importInfo("2026-11-20T00:00:00Z", sha));
    for (const QString& id : ids)
        w->addAccount(account(id, u"Shop " + id));
    w->commit(QStringLiteral("{}"));
}

// Every row of overlap_index as text (key, data version, format, payload), in key order.
QStringList rows(CaseStore& store)
{
    sql::Statement q(store.database(),
                     "SELECT options_key, data_version, format, hex(payload) FROM overlap_index ORDER BY 1",
                     false);
    QStringList out;
    while (q.step())
        out << QStringList{q.text(0), q.text(1), q.text(2), q.text(3)}.join(u'|');
    return out;
}

// The schema objects (type, name, SQL) of a store file, in name order.
QStringList schemaOf(CaseStore& store)
{
    sql::Statement q(store.database(), "SELECT type, name, sql FROM sqlite_schema ORDER BY name", false);
    QStringList out;
    while (q.step())
        out << QStringList{q.text(0), q.text(1), q.text(2)}.join(u'|');
    return out;
}

} // namespace

class TestStoreOverlap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void saveAndLoad()
    {
        QTemporaryDir dir;
        CaseStore store(dir.filePath(QStringLiteral("s.sqlite")));
        QVERIFY(!store.overlapIndex("k1", "v1", 1));
        const QByteArray payload("\x00\x01payload\xff", 10);
        QVERIFY(store.saveOverlapIndex("k1", "v1", 1, payload));
        QCOMPARE(store.overlapIndex("k1", "v1", 1).value_or(QByteArray()), payload);
        QVERIFY(!store.overlapIndex("k2", "v1", 1));
        QVERIFY(!store.overlapIndex("k1", "v2", 1));
        QVERIFY(!store.overlapIndex("k1", "v1", 2)); // another format is never handed out
        // replaced in place
        QVERIFY(store.saveOverlapIndex("k1", "v1", 1, "new"));
        QCOMPARE(store.overlapIndex("k1", "v1", 1).value_or(QByteArray()), QByteArray("new"));
        QCOMPARE(rows(store).size(), 1);
        // another connection (another process) sees it
        CaseStore other(store.path());
        QCOMPARE(other.overlapIndex("k1", "v1", 1).value_or(QByteArray()), QByteArray("new"));
    }

    // A save for another data version deletes every row of the old one; at most kOverlapIndexKeep option
    // sets are kept, the least recently saved dropped.
    void keepsOneDataVersionAndFewOptionSets()
    {
        QTemporaryDir dir;
        CaseStore store(dir.filePath(QStringLiteral("s.sqlite")));
        QVERIFY(store.saveOverlapIndex("k1", "v1", 1, "a"));
        QVERIFY(store.saveOverlapIndex("k2", "v1", 1, "b"));
        QCOMPARE(rows(store).size(), 2);
        QVERIFY(store.saveOverlapIndex("k1", "v2", 1, "c"));
        QCOMPARE(rows(store), QStringList{"k1|v2|1|63"});
        QVERIFY(!store.overlapIndex("k2", "v1", 1));
        for (int k = 2; k <= 6; ++k)
            QVERIFY(store.saveOverlapIndex(QStringLiteral("k%1").arg(k), "v2", 1, "x"));
        QCOMPARE(rows(store).size(), CaseStore::kOverlapIndexKeep);
        QVERIFY(!store.overlapIndex("k1", "v2", 1));
        QVERIFY(!store.overlapIndex("k2", "v2", 1));
        QVERIFY(store.overlapIndex("k3", "v2", 1));
        // saving k3 again makes it the newest: k4 goes next
        QVERIFY(store.saveOverlapIndex("k3", "v2", 1, "y"));
        QVERIFY(store.saveOverlapIndex("k7", "v2", 1, "z"));
        QVERIFY(store.overlapIndex("k3", "v2", 1));
        QVERIFY(!store.overlapIndex("k4", "v2", 1));
        QCOMPARE(rows(store).size(), CaseStore::kOverlapIndexKeep);
    }

    // stillCurrent runs inside the write transaction; false: nothing written, false returned.
    void saveRefusedWhenNoLongerCurrent()
    {
        QTemporaryDir dir;
        CaseStore store(dir.filePath(QStringLiteral("s.sqlite")));
        QVERIFY(store.saveOverlapIndex("k1", "v1", 1, "a"));
        bool asked = false, inTransaction = false;
        QVERIFY(!store.saveOverlapIndex("k1", "v2", 1, "b", [&] {
            asked = true;
            inTransaction = store.database().inTransaction();
            return false;
        }));
        QVERIFY(asked);
        QVERIFY(inTransaction);
        QVERIFY(!store.database().inTransaction());
        QCOMPARE(rows(store), QStringList{"k1|v1|1|61"});
        QVERIFY(store.saveOverlapIndex("k1", "v2", 1, "b", [] { return true; }));
        QCOMPARE(rows(store), QStringList{"k1|v2|1|62"});
    }

    // A connection that may not write: loading works, saving throws and changes nothing.
    void readOnlyConnection()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.sqlite"));
        {
            CaseStore store(path);
            QVERIFY(store.saveOverlapIndex("k1", "v1", 1, "a"));
        }
        CaseStore store(path);
        store.database().exec("PRAGMA query_only=ON");
        QCOMPARE(store.overlapIndex("k1", "v1", 1).value_or(QByteArray()), QByteArray("a"));
        try {
            store.saveOverlapIndex("k2", "v1", 1, "b");
            QFAIL("a read-only connection must refuse the save");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Internal);
        }
        QVERIFY(!store.database().inTransaction());
        store.database().exec("PRAGMA query_only=OFF");
        QCOMPARE(rows(store), QStringList{"k1|v1|1|61"});
    }

    // saveEvaluations with no rows (a re-evaluation that changed nothing) opens no write transaction: a
    // store that cannot be written still evaluates.
    void noEvaluationRowsNoWriteTransaction()
    {
        QTemporaryDir dir;
        CaseStore store(dir.filePath(QStringLiteral("s.sqlite")));
        importAccounts(store, {"A1"});
        store.database().exec("PRAGMA query_only=ON");
        store.saveEvaluations({});
        QVERIFY(!store.database().inTransaction());
        EvaluationRow r;
        r.accountId = QStringLiteral("A1");
        r.asOf = utc("2026-11-20T00:00:00Z");
        r.policyId = QStringLiteral("optimais");
        r.policyVersion = QStringLiteral("1");
        r.findingsJson = QStringLiteral("[]");
        QVERIFY_THROWS_EXCEPTION(Error, store.saveEvaluations({r}));
        store.database().exec("PRAGMA query_only=OFF");
        QVERIFY(!store.evaluation("A1"));
    }

    // Every import deletes the persisted index (in its own transaction: a rolled-back import keeps it).
    void importDeletesIt()
    {
        QTemporaryDir dir;
        CaseStore store(dir.filePath(QStringLiteral("s.sqlite")));
        importAccounts(store, {"A1"});
        QVERIFY(store.saveOverlapIndex("k1", "v1", 1, "a"));
        QVERIFY(store.saveOverlapIndex("k2", "v1", 1, "b"));
        {
            auto w = store.beginImport(importInfo("2026-11-21T00:00:00Z", QStringLiteral("b2")));
            w->addAccount(account("A2", "Shop A2"));
            // not committed: rolled back
        }
        QCOMPARE(rows(store).size(), 2);
        importAccounts(store, {"A2"}, QStringLiteral("b2"));
        QCOMPARE(rows(store).size(), 0);
        QCOMPARE(store.accountCount(), qint64(2));
    }

    // A store of schema 1 (before overlap_index) opens, is upgraded in place with its data, and then has
    // exactly the schema of a new store.
    void schemaOneStoreIsUpgraded()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v1.sqlite"));
        {
            sql::Database db(path);
            QCOMPARE(store::openSchema(db, {store::migrations().first()}), 1);
        }
        {
            // what a schema-1 program could do with it: here, rows written the way ImportWriter does
            sql::Database db(path);
            db.exec("INSERT INTO imports(id, bundle_path, bundle_sha256, imported_at, imported_by) "
                    "VALUES (1, '/b', 'h', 0, 'rina');"
                    "INSERT INTO accounts(account_id, name, owner_email, platform_status, import_id, "
                    "current_status) VALUES ('A1', 'Shop', 'o@a1.example', 'active', 1, 'suspended');");
            QCOMPARE(db.queryInt("PRAGMA user_version"), qint64(1));
            QCOMPARE(db.queryInt("SELECT count(*) FROM sqlite_schema WHERE name = 'overlap_index'"),
                     qint64(0));
        }
        CaseStore store(path);
        QCOMPARE(store.schemaVersion(), 2);
        QCOMPARE(store.database().queryInt("PRAGMA user_version"), qint64(2));
        QCOMPARE(store.accountCount(), qint64(1));
        QVERIFY(store.currentStatus("A1") == AccountStatus::Suspended);
        QVERIFY(!store.overlapIndex("k1", "v1", 1));
        QVERIFY(store.saveOverlapIndex("k1", "v1", 1, "a"));
        QCOMPARE(store.overlapIndex("k1", "v1", 1).value_or(QByteArray()), QByteArray("a"));
        CaseStore fresh(dir.filePath(QStringLiteral("new.sqlite")));
        QCOMPARE(schemaOf(store), schemaOf(fresh));
    }
};

QTEST_GUILESS_MAIN(TestStoreOverlap)
#include "test_store_overlap.moc"
