// SPDX-License-Identifier: GPL-3.0-or-later
// EvaluationService with several evaluation threads (setThreadCount): the same evaluations, in the same
// order, the same encoder bytes and the same evaluation cache as with one thread, on the fixture bundles
// and on a hand-built store of 1,500 accounts (many batches and turns of the reorder window); a failure
// on a worker thread is thrown on the calling thread after exactly the evaluations before the failing
// account, and nothing is written to the cache; a failing sink and a cancelling progress callback stop
// the workers and write nothing likewise; the default thread count follows ABUSEDESK_EVAL_THREADS;
// OverlapIndex::linksFor from several threads at once.
#include "bundle/importer.h"
#include "rules/evaluator.h"
#include "rules/finding.h"
#include "rules/overlap.h"
#include "store/casestore.h"
#include "store/sqlite.h"
#include "util/error.h"
#include "util/timeutil.h"

#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <thread>

using namespace ad;
using namespace ad::rules;

namespace {

QDateTime T(const char* s)
{
    return *time::parseIso(QString::fromLatin1(s));
}

QByteArray encode(const Evaluation& e)
{
    QByteArray out;
    appendIndentedJson(out, e, 1);
    return out;
}

// Every column of an account's cached evaluation, as text (empty when there is none).
QString cacheRow(const CaseStore& store, const QString& accountId)
{
    const std::optional<EvaluationRow> r = store.evaluation(accountId);
    if (!r)
        return {};
    auto rate = [](const std::optional<double>& v) {
        return v ? QString::number(*v, 'g', 17) : QStringLiteral("-");
    };
    return QStringList{r->accountId,
                       time::toIso(r->asOf),
                       r->policyId,
                       r->policyVersion,
                       toString(r->recommended),
                       r->worstRule,
                       r->worstSeverity ? toString(*r->worstSeverity) : QStringLiteral("-"),
                       QString::number(r->findingCount),
                       r->rules.join(u','),
                       r->findingsJson,
                       rate(r->complaintRate),
                       rate(r->bounceRate),
                       rate(r->unsubscribeRate),
                       rate(r->openRate),
                       QString::number(r->complaintCount)}
        .join(u'|');
}

QStringList cache(const CaseStore& store)
{
    QStringList rows;
    for (const Account& a : store.accounts())
        rows << cacheRow(store, a.id);
    return rows;
}

struct Output
{
    QStringList ids;
    QList<QByteArray> encoded; // by the encoder on the worker
    QList<QByteArray> json;    // of the evaluation handed over, encoded on the calling thread
    qint64 progressCalls = 0;
    bool operator==(const Output&) const = default;
};

Output run(CaseStore& store, const Policy& policy, int threads, const QDateTime& asOf, int expectThreads = -1)
{
    EvaluationService service(store, policy);
    service.setThreadCount(threads);
    Output out;
    const auto check = qScopeGuard([&] {
        // every thread asked for did run (a file store can be read on several connections)
        if (expectThreads != 0)
            QCOMPARE(service.lastRunThreads(), expectThreads < 0 ? threads : expectThreads);
    });
    service.evaluateEach(
        asOf, &encode,
        [&](Evaluation&& e, QByteArray&& bytes) {
            out.ids << e.accountId;
            out.encoded << bytes;
            out.json << encode(e);
        },
        [&](qint64 done) {
            ++out.progressCalls;
            return done == out.progressCalls;
        });
    return out;
}

} // namespace

class TestRulesParallel : public QObject
{
    Q_OBJECT
    QTemporaryDir dir;
    QList<std::shared_ptr<CaseStore>> stores;

    std::shared_ptr<CaseStore> importFixture(const QString& name, const QString& bundle)
    {
        auto store = std::make_shared<CaseStore>(dir.filePath(name + QStringLiteral(".sqlite")));
        bundle::ImportOptions opt;
        opt.reviewer = QStringLiteral("parallel-test");
        opt.now = T("2026-11-25T00:00:00Z");
        bundle::importBundle(*store, QStringLiteral(ABUSEDESK_TEST_DATA "/") + bundle, opt);
        return store;
    }

    // 1,500 accounts: rates across the thresholds, From addresses shared in groups of seven (some
    // groups with a terminated account: suspension-evasion), complaints on every fifth account.
    std::shared_ptr<CaseStore> handBuilt()
    {
        auto store = std::make_shared<CaseStore>(dir.filePath(QStringLiteral("many.sqlite")));
        ImportInfo info;
        info.bundlePath = "many";
        info.bundleSha256 = QString(64, QLatin1Char('b'));
        info.exportedAt = T("2026-11-20T00:00:00Z");
        info.source = "test";
        info.importedAt = T("2026-11-21T00:00:00Z");
        info.importedBy = "tester";
        auto w = store->beginImport(info);
        for (int i = 0; i < 1500; ++i) {
            Account a;
            a.id = QStringLiteral("M%1").arg(i, 5, 10, QLatin1Char('0'));
            a.name = a.id;
            a.ownerEmail = a.id.toLower() + "@owner.example";
            a.signupAt = T("2025-01-01");
            a.status = i % 97 == 3 ? AccountStatus::Terminated
                                   : (i % 13 == 0 ? AccountStatus::Warned : AccountStatus::Active);
            a.fromAddresses = {i % 3 == 0 ? QStringLiteral("news%1@group.example").arg(i / 21)
                                          : a.id.toLower() + "@own.example"};
            w->addAccount(a);
            for (int k = 0; k < 3; ++k) {
                Campaign c;
                c.accountId = a.id;
                c.campaignId = QStringLiteral("C%1").arg(k);
                c.sentAt = T("2026-10-01").addDays(k * 10 + i % 7);
                c.sent = 400 + (i * 37 + k * 101) % 2000;
                c.delivered = c.sent - (i * 11 + k) % 150;
                c.bounces = c.sent - c.delivered;
                c.complaints = (i * 7 + k * 3) % 9;
                c.unsubscribes = (i * 5 + k) % 40;
                c.uniqueOpens = (i * 13 + k * 17) % 300;
                c.fromAddress = a.fromAddresses.first();
                w->addCampaign(c);
            }
            if (i % 5 == 0) {
                Complaint cp;
                cp.accountId = a.id;
                cp.receivedAt = T("2026-11-02").addDays(i % 11);
                cp.recipient = "r@example.net";
                cp.feedbackType = "abuse";
                cp.source = "manual";
                cp.origin = "csv";
                cp.file = "complaints/complaints.csv";
                cp.sourceLine = i + 2;
                w->addComplaint(cp);
            }
        }
        w->commit("{}");
        return store;
    }

    static QDateTime asOfOf(const CaseStore& store)
    {
        const QList<ImportRecord> imports = store.imports();
        return imports.isEmpty() ? QDateTime() : imports.last().info.exportedAt;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        // These tests count index builds (each on two threads after clearOverlapCache); loading the index the
        // store keeps is test_rules_overlap_store's.
        EvaluationService::setOverlapPersistence(false);
        stores << importFixture(QStringLiteral("e2e"), QStringLiteral("rules-e2e/bundle"));
        stores << importFixture(QStringLiteral("good"), QStringLiteral("bundle-good"));
        stores << importFixture(QStringLiteral("report"), QStringLiteral("report-case"));
        stores << handBuilt();
    }

    // 1, 2, 3 and 8 threads give the same evaluations in the same order, the same encoder bytes (also
    // equal to encoding the evaluation handed over), the same progress calls and the same cache rows,
    // fresh and re-evaluated, with both shipped policies.
    void threadedEqualsSingleThreaded()
    {
        for (const QString& policyId : {QStringLiteral("optimais"), QStringLiteral("mailbox-providers")}) {
            const Policy policy = Policy::builtin(policyId);
            for (const auto& store : stores) {
                const QDateTime asOf = asOfOf(*store);
                QVERIFY(asOf.isValid());
                EvaluationService::clearOverlapCache();
                const Output one = run(*store, policy, 1, asOf);
                QVERIFY(one.ids.size() > 0);
                QCOMPARE(one.encoded, one.json);
                QCOMPARE(one.progressCalls, one.ids.size());
                const QStringList cacheOne = cache(*store);
                QVERIFY(!cacheOne.contains(QString()));
                if (store == stores.last()) {
                    // the workers use the cross-account index
                    const QString all = cacheOne.join(u'\n');
                    QVERIFY(all.contains(u"multi-account-overlap"));
                    QVERIFY(all.contains(u"suspension-evasion"));
                    QVERIFY(all.contains(u"complaint-rate"));
                }
                for (int threads : {2, 3, 8}) {
                    // from a store with the single-threaded result cached, and from a fresh cache on
                    // another as-of (every row rewritten)
                    // the index built again on two threads (messages on a second connection)
                    EvaluationService::clearOverlapCache();
                    const qint64 builds = EvaluationService::overlapBuildCount();
                    const Output many = run(*store, policy, threads, asOf);
                    QCOMPARE(EvaluationService::overlapBuildCount(), builds + 1);
                    QCOMPARE(many.ids, one.ids);
                    QVERIFY(many == one);
                    QCOMPARE(cache(*store), cacheOne);
                    const QDateTime later = asOf.addDays(threads);
                    const Output lateOne = run(*store, policy, 1, later);
                    const QStringList cacheLateOne = cache(*store);
                    const Output lateMany = run(*store, policy, threads, later.addSecs(1));
                    QCOMPARE(lateMany.ids, lateOne.ids);
                    QCOMPARE(cache(*store).size(), cacheLateOne.size());
                    // the same evaluations one second later differ only in the as-of
                    QVERIFY(cache(*store) != cacheLateOne);
                    run(*store, policy, 1, later.addSecs(1));
                    const QStringList cacheLateOne2 = cache(*store);
                    run(*store, policy, threads, later.addSecs(1));
                    QCOMPARE(cache(*store), cacheLateOne2);
                    // and evaluateAll
                    EvaluationService a(*store, policy), b(*store, policy);
                    a.setThreadCount(1);
                    b.setThreadCount(threads);
                    const QList<Evaluation> ea = a.evaluateAll(asOf), eb = b.evaluateAll(asOf);
                    QCOMPARE(ea.size(), eb.size());
                    for (qsizetype i = 0; i < ea.size(); ++i)
                        QCOMPARE(encode(eb[i]), encode(ea[i]));
                }
            }
        }
    }

    // The encoder fails for one account on a worker thread: the error reaches the caller, the sink has
    // seen exactly the accounts before it (in order), and the cache is unchanged (here: the evaluation
    // of the earlier as-of stays, none of the new one is written).
    void workerFailureIsThrownAndNothingWritten()
    {
        CaseStore& store = *stores.last();
        const Policy policy = Policy::builtin(QStringLiteral("optimais"));
        const QDateTime asOf = asOfOf(store);
        run(store, policy, 1, asOf);
        const QStringList before = cache(store);
        const QList<Account> accounts = store.accounts();
        for (int threads : {1, 2, 4}) {
            for (qsizetype failAt : {qsizetype(0), qsizetype(517), accounts.size() - 1}) {
                const QString failing = accounts[failAt].id;
                EvaluationService service(store, policy);
                service.setThreadCount(threads);
                QStringList seen;
                try {
                    service.evaluateEach(
                        asOf.addDays(1),
                        [&](const Evaluation& e) {
                            if (e.accountId == failing)
                                throw Error::internal(QStringLiteral("encoder failed on ") + e.accountId);
                            return encode(e);
                        },
                        [&](Evaluation&& e, QByteArray&&) { seen << e.accountId; });
                    QFAIL("no error");
                } catch (const Error& e) {
                    QCOMPARE(e.kind(), Error::Kind::Internal);
                    QCOMPARE(e.message(), QStringLiteral("encoder failed on ") + failing);
                }
                QCOMPARE(seen.size(), failAt);
                for (qsizetype i = 0; i < seen.size(); ++i)
                    QCOMPARE(seen[i], accounts[i].id);
                QCOMPARE(cache(store), before);
            }
        }
    }

    // The sink (on the calling thread) throws while workers are busy: the error reaches the caller, the
    // workers are stopped and joined (no hang), nothing is written; the service works again afterwards.
    void sinkFailureStopsWorkersAndWritesNothing()
    {
        CaseStore& store = *stores.last();
        const Policy policy = Policy::builtin(QStringLiteral("optimais"));
        const QDateTime asOf = asOfOf(store);
        run(store, policy, 1, asOf);
        const QStringList before = cache(store);
        for (int threads : {2, 4}) {
            EvaluationService service(store, policy);
            service.setThreadCount(threads);
            qint64 delivered = 0;
            try {
                service.evaluateEach(asOf.addDays(3), [&](Evaluation&&) {
                    if (++delivered == 300)
                        throw Error::internal(QStringLiteral("output failed"));
                });
                QFAIL("no error");
            } catch (const Error& e) {
                QCOMPARE(e.message(), QStringLiteral("output failed"));
            }
            QCOMPARE(delivered, 300);
            QCOMPARE(cache(store), before);
            const Output again = run(store, policy, threads, asOf);
            QCOMPARE(again.ids.size(), store.accountCount());
            QCOMPARE(cache(store), before);
        }
    }

    // Cancelling from the progress callback stops every thread, throws Cancelled and writes nothing.
    void cancelStopsAndWritesNothing()
    {
        CaseStore& store = *stores.last();
        const Policy policy = Policy::builtin(QStringLiteral("optimais"));
        const QDateTime asOf = asOfOf(store);
        run(store, policy, 1, asOf);
        const QStringList before = cache(store);
        for (int threads : {1, 3}) {
            EvaluationService service(store, policy);
            service.setThreadCount(threads);
            qint64 delivered = 0;
            try {
                service.evaluateEach(
                    asOf.addDays(2), [&](Evaluation&&) { ++delivered; },
                    [](qint64 done) { return done < 700; });
                QFAIL("not cancelled");
            } catch (const Error& e) {
                QCOMPARE(e.kind(), Error::Kind::Cancelled);
            }
            QCOMPARE(delivered, 700);
            QCOMPARE(cache(store), before);
        }
    }

    // Another connection holds the write lock when the evaluation starts (a long import in another
    // process): the store cannot be shared on several connections, so one thread does everything — same
    // output — and the cache is written once the lock is free.
    void busyStoreFallsBackToOneThread()
    {
        CaseStore& store = *stores.last();
        const Policy policy = Policy::builtin(QStringLiteral("optimais"));
        const QDateTime asOf = asOfOf(store).addDays(5);
        const Output one = run(store, policy, 1, asOf);
        const QStringList cacheOne = cache(store);
        run(store, policy, 1, asOf.addDays(1)); // another cache in between
        CaseStore other(store.path());
        auto lock = std::make_unique<sql::Transaction>(other.database());
        EvaluationService service(store, policy);
        service.setThreadCount(3);
        Output out;
        service.evaluateEach(asOf, &encode, [&](Evaluation&& e, QByteArray&& bytes) {
            lock.reset(); // released during the evaluation, before the cache is written
            out.ids << e.accountId;
            out.encoded << bytes;
            out.json << encode(e);
            ++out.progressCalls;
        });
        QCOMPARE(service.lastRunThreads(), 1);
        QCOMPARE(out.ids, one.ids);
        QCOMPARE(out.encoded, one.encoded);
        QCOMPARE(cache(store), cacheOne);
        // and with the lock free, three threads again
        run(store, policy, 3, asOf);
    }

    // An account whose new evaluation equals its cached row has nothing to write. When another connection
    // rewrites that row while the evaluation runs (a single-account evaluation in another process), the
    // newer row stays: the run does not put its copy of the older one back. Accounts that did change are
    // written as usual.
    void unchangedRowsKeepANewerRowOfAnotherConnection()
    {
        CaseStore& store = *stores.last();
        const Policy policy = Policy::builtin(QStringLiteral("optimais"));
        const QDateTime asOf = asOfOf(store).addDays(9);
        for (int threads : {1, 3}) {
            run(store, policy, threads, asOf);
            const QStringList before = cache(store);
            const QString id = QStringLiteral("M01200");
            CaseStore other(store.path());
            EvaluationRow newer = *other.evaluation(id);
            newer.asOf = asOf.addDays(1);
            newer.findingsJsonUtf8 = newer.findingsJson.toUtf8();
            EvaluationService service(store, policy);
            service.setThreadCount(threads);
            qint64 delivered = 0;
            QString written;
            service.evaluateEach(asOf, [&](Evaluation&&) {
                if (++delivered == 10) {
                    other.saveEvaluations({newer});
                    written = cacheRow(other, id);
                }
            });
            QCOMPARE(service.lastRunThreads(), threads);
            QCOMPARE(delivered, 1500);
            QVERIFY(written.contains(time::toIso(newer.asOf)));
            QStringList expected = before;
            expected[1200] = written;
            QCOMPARE(cache(store), expected);
        }
    }

    void threadCount()
    {
        const Policy policy = Policy::builtin(QStringLiteral("optimais"));
        EvaluationService service(*stores.first(), policy);
        qputenv("ABUSEDESK_EVAL_THREADS", "3");
        QCOMPARE(EvaluationService::defaultThreadCount(), 3);
        QCOMPARE(service.threadCount(), 3);
        service.setThreadCount(5);
        QCOMPARE(service.threadCount(), 5);
        service.setThreadCount(0);
        QCOMPARE(service.threadCount(), 3);
        for (const char* bad : {"0", "-2", "many", ""}) {
            qputenv("ABUSEDESK_EVAL_THREADS", bad);
            QCOMPARE(EvaluationService::defaultThreadCount(), std::max(1, QThread::idealThreadCount()));
        }
        qunsetenv("ABUSEDESK_EVAL_THREADS");
        QCOMPARE(service.threadCount(), std::max(1, QThread::idealThreadCount()));
    }

    // linksFor from several threads at once answers as from one (each thread remembers its own last
    // answer); setStatus afterwards is seen by every thread.
    void overlapLinksFromSeveralThreads()
    {
        OverlapIndex idx(OverlapIndex::options(Policy::builtin(QStringLiteral("optimais"))));
        QStringList ids;
        for (int i = 0; i < 300; ++i) {
            const QString id = QStringLiteral("X%1").arg(i, 4, 10, QLatin1Char('0'));
            ids << id;
            idx.addAccount(id, i % 50 == 1 ? AccountStatus::Suspended : AccountStatus::Active,
                           {QStringLiteral("shared%1@x.example").arg(i / 6)});
        }
        idx.finish();
        auto answer = [&](const QString& id) {
            QStringList out;
            for (const OverlapIndex::Link& l : idx.linksFor(id))
                out << l.accountId + u':' + toString(l.status) + u':' + l.fromAddresses.join(u',');
            return out.join(u' ');
        };
        QStringList expected;
        for (const QString& id : ids)
            expected << answer(id);
        QVERIFY(expected.first().contains(u"X0001:suspended"));
        std::vector<QStringList> got(4);
        std::vector<int> mismatches(got.size(), 0);
        std::vector<std::thread> threads;
        for (size_t t = 0; t < got.size(); ++t) {
            threads.emplace_back([&, t] {
                for (int round = 0; round < 3; ++round) {
                    QStringList mine;
                    for (const QString& id : ids) {
                        mine << answer(id);
                        if (answer(id) != mine.last()) // the remembered answer
                            ++mismatches[t];
                    }
                    got[t] = mine;
                }
            });
        }
        for (std::thread& t : threads)
            t.join();
        for (size_t t = 0; t < got.size(); ++t) {
            QCOMPARE(mismatches[t], 0);
            QCOMPARE(got[t], expected);
        }
        // this thread remembers X0000's answer; a status change must not be hidden by it
        QVERIFY(answer(ids.first()).contains(u"X0001:suspended"));
        idx.setStatus(ids[1], AccountStatus::Active);
        QVERIFY(answer(ids.first()).contains(u"X0001:active"));
    }
};

QTEST_GUILESS_MAIN(TestRulesParallel)
#include "test_parallel.moc"
