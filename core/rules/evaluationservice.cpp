// SPDX-License-Identifier: GPL-3.0-or-later
// EvaluationService: the rules over a whole store (or one account) with the cross-account index, writing
// the queue's evaluation cache.
#include "rules/evaluator.h"
#include "rules/overlap.h"
#include "store/casestore.h"
#include "util/error.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QStringBuilder>
#include <QThread>
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <ctime>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace ad::rules {

namespace {

// CPU time of the calling thread in ms (diagnostics: how the work splits between reader and workers).
qint64 threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return qint64(t.tv_sec) * 1000 + t.tv_nsec / 1000000;
}

EvaluationRow toRow(const Evaluation& e, const AccountSnapshot& s)
{
    EvaluationRow r;
    r.accountId = e.accountId;
    r.asOf = e.asOf;
    r.policyId = e.policyId;
    r.policyVersion = e.policyVersion;
    r.recommended = e.recommended;
    r.findingCount = int(e.findings.size());
    for (const Finding& f : e.findings) {
        if (!r.rules.contains(f.rule))
            r.rules << f.rule;
        // findings are in catalogue order: the first of the highest severity is the worst
        if (!r.worstSeverity || int(f.severity) > int(*r.worstSeverity)) {
            r.worstSeverity = f.severity;
            r.worstRule = f.rule;
        }
    }
    r.findingsJson = QString::fromUtf8(findingsToCompactJson(e.findings));
    r.complaintRate = e.complaintRate;
    r.bounceRate = e.bounceRate;
    r.unsubscribeRate = e.unsubscribeRate;
    r.openRate = e.openRate;
    r.complaintCount = s.complaints.size();
    return r;
}

// ---- Parallel evaluation -----------------------------------------------------------------------------
//
// The calling thread reads the snapshots (the store's one connection) and push()es them; `workers`
// threads evaluate them, each with its own Evaluator (its own compiled patterns), against the shared,
// finished overlap index (linksFor is safe from several threads). Snapshots are handed over in batches
// of kBatch consecutive accounts (one lock and wake-up per batch, not per account); the results come
// back into a window of slots indexed by sequence number and are delivered in sequence on the calling
// thread. push() blocks while the window is full, delivering meanwhile, so at most 64 snapshots or
// results per worker are held. A failing evaluation is kept in its slot and thrown when delivery
// reaches it: the sink sees exactly the evaluations before the first failing account, as with one
// thread. Queued snapshots after a failure are dropped and no more are read.
class ParallelEvaluation
{
public:
    struct Result
    {
        Evaluation evaluation;
        EvaluationRow row;
        QByteArray encoded;
    };
    using Deliver = std::function<bool(Result&&)>; // false: stop (cancelled)

    ParallelEvaluation(const Policy& policy, const OverlapIndex& overlap, const QDateTime& asOf,
                       const EvaluationService::Encoder& encode, int workers)
        : m_policy(policy), m_overlap(overlap), m_asOf(asOf), m_encode(encode),
          m_window(size_t(64 * std::max(1, workers)))
    {
        m_batch.reserve(kBatch);
        m_threads.reserve(size_t(workers));
        try {
            for (int i = 0; i < workers; ++i)
                m_threads.emplace_back([this] { work(); });
        } catch (...) {
            stop();
            throw;
        }
    }

    ~ParallelEvaluation() { stop(); }

    // Queues one snapshot and delivers what is ready; false when reading should stop (a failure is
    // pending in the window, or `deliver` cancelled).
    bool push(AccountSnapshot&& snapshot, const Deliver& deliver)
    {
        m_batch.push_back(std::move(snapshot));
        ++m_pushed;
        if (m_batch.size() >= kBatch && !flush())
            return false;
        return deliverReady(deliver, false);
    }

    // Delivers every remaining result in order (throws the first failure); false when cancelled.
    bool finish(const Deliver& deliver)
    {
        flush();
        return deliverReady(deliver, true);
    }

    // Joins the workers; their total CPU time in ms (diagnostics).
    qint64 workerCpuMs()
    {
        stop();
        return m_workerCpuMs;
    }

private:
    static constexpr size_t kBatch = 8;

    struct Job
    {
        qint64 first; // sequence number of snapshots[0]
        std::vector<AccountSnapshot> snapshots;
    };
    struct Slot
    {
        bool ready = false;
        std::exception_ptr error;
        Result result;
    };

    Slot& slot(qint64 seq) { return m_window[size_t(seq % qint64(m_window.size()))]; }

    // Hands the batch read so far to the workers; false when a failure is pending.
    bool flush()
    {
        if (m_batch.empty())
            return true;
        Job job{m_pushed - qint64(m_batch.size()), std::move(m_batch)};
        m_batch = {};
        m_batch.reserve(kBatch);
        {
            std::lock_guard lock(m_mutex);
            if (m_failed)
                return false;
            m_jobs.push_back(std::move(job));
        }
        m_workAvailable.notify_one();
        return true;
    }

    // Delivers results in sequence while they are ready; waits while the window is full (or, with
    // `all`, until everything pushed is delivered).
    bool deliverReady(const Deliver& deliver, bool all)
    {
        std::unique_lock lock(m_mutex);
        while (m_next < m_pushed) {
            Slot& s = slot(m_next);
            if (!s.ready) {
                const bool full = m_pushed - m_next >= qint64(m_window.size());
                if (!all && !full)
                    return !m_failed;
                if (m_next >= m_pushed - qint64(m_batch.size())) {
                    // What is awaited has not been handed over yet (a full window of kBatch-sized
                    // batches never gets here; kept for any window size).
                    lock.unlock();
                    if (!flush())
                        return false;
                    lock.lock();
                    continue;
                }
                m_resultReady.wait(lock);
                continue;
            }
            if (s.error) {
                const std::exception_ptr error = s.error;
                s = Slot();
                lock.unlock();
                stop();
                std::rethrow_exception(error);
            }
            Result r = std::move(s.result);
            s = Slot();
            ++m_next;
            lock.unlock();
            if (!deliver(std::move(r)))
                return false;
            lock.lock();
        }
        return !m_failed;
    }

    void work()
    {
        // Own rules state (compiled patterns, prepared lists); the policy is only read.
        const Evaluator evaluator(m_policy);
        std::vector<Slot> done;
        for (;;) {
            Job job;
            {
                std::unique_lock lock(m_mutex);
                m_workAvailable.wait(lock, [&] { return m_closing || !m_jobs.empty(); });
                if (m_jobs.empty()) {
                    m_workerCpuMs += threadCpuMs();
                    return;
                }
                job = std::move(m_jobs.front());
                m_jobs.pop_front();
            }
            done.clear();
            done.resize(job.snapshots.size());
            qint64 failedAt = -1;
            for (size_t i = 0; i < job.snapshots.size(); ++i) {
                Slot& out = done[i];
                out.ready = true;
                try {
                    out.result.evaluation = evaluator.evaluate(job.snapshots[i], m_asOf, &m_overlap);
                    out.result.row = toRow(out.result.evaluation, job.snapshots[i]);
                    if (m_encode)
                        out.result.encoded = m_encode(out.result.evaluation);
                } catch (...) {
                    out.error = std::current_exception();
                    failedAt = job.first + qint64(i);
                    done.resize(i + 1); // nothing after the failing account is needed
                    break;
                }
            }
            job.snapshots.clear(); // freed here, not under the lock
            {
                std::lock_guard lock(m_mutex);
                if (failedAt >= 0) {
                    // Drop the queued snapshots after the failing account.
                    m_failed = true;
                    while (!m_jobs.empty() && m_jobs.back().first > failedAt)
                        m_jobs.pop_back();
                }
                for (size_t i = 0; i < done.size(); ++i)
                    slot(job.first + qint64(i)) = std::move(done[i]);
            }
            m_resultReady.notify_one();
        }
    }

    void stop()
    {
        {
            std::lock_guard lock(m_mutex);
            m_closing = true;
            m_jobs.clear();
        }
        m_workAvailable.notify_all();
        for (std::thread& t : m_threads) {
            if (t.joinable())
                t.join();
        }
        m_threads.clear();
    }

    const Policy& m_policy;
    const OverlapIndex& m_overlap;
    const QDateTime m_asOf;
    const EvaluationService::Encoder& m_encode;
    std::mutex m_mutex;
    std::condition_variable m_workAvailable, m_resultReady;
    std::deque<Job> m_jobs;
    std::vector<Slot> m_window;
    std::vector<AccountSnapshot> m_batch; // read, not yet handed over (calling thread only)
    qint64 m_pushed = 0, m_next = 0;      // m_pushed counts m_batch; both on the calling thread
    bool m_closing = false, m_failed = false;
    qint64 m_workerCpuMs = 0;
    std::vector<std::thread> m_threads;
};

} // namespace

// ---- The process-wide cache of built overlap indexes ------------------------------------------------
//
// Building the index reads every account and message of the store (seconds on 100,000 accounts), and
// DecisionService and the report build a new EvaluationService for every decision. The index depends
// only on the store's platform data, which changes only through imports, and on the policy's overlap
// options. So the built index is kept per store file, keyed by
//   - the store's data version: the number of imports and the id, bundle hash and import time of the
//     newest one (every import, even of the same bundle into a re-created file, changes it), and
//   - the overlap options of the policy (platform_domains, link_host_allowlist, the multi-account-overlap
//     parameters) — whatever policy id/version they come from.
// What the index holds that changes without an import is the accounts' current status (decisions): it
// is refreshed from the store before every use (all statuses for evaluateAll, the linked accounts'
// for evaluateAccount), so suspension-evasion sees decisions recorded after the build.
// At most kCachedStores stores are kept (least recently used dropped).
namespace {

constexpr int kCachedStores = 2;

struct CacheEntry
{
    QString path;
    QString key;
    std::shared_ptr<OverlapIndex> index;
    std::shared_ptr<std::mutex> use; // held while evaluating with the index (statuses are refreshed in it)
    quint64 lastUse = 0;
};

std::mutex g_cacheMutex;
std::vector<CacheEntry> g_cache;
quint64 g_useCounter = 0;
std::atomic<qint64> g_builds{0};

QString optionsKey(const OverlapIndex::Options& o)
{
    return o.platformDomains.join(u',') % u'|' % o.linkHostAllowList.join(u',') % u'|' %
           QString::number(o.jaccardThreshold, 'g', 17) % u'|' % QString::number(o.shingleWords) % u'|' %
           QString::number(o.minShingles) % u'|' % QString::number(o.maxAccountsPerKey);
}

QString dataVersion(const CaseStore& store)
{
    const QList<ImportRecord> imports = store.imports();
    const ImportRecord* latest = nullptr;
    for (const ImportRecord& r : imports) {
        if (!latest || r.id > latest->id)
            latest = &r;
    }
    if (!latest)
        return QStringLiteral("0");
    return QString::number(imports.size()) % u'/' % QString::number(latest->id) % u'/' %
           latest->info.bundleSha256 % u'/' % QString::number(latest->info.importedAt.toMSecsSinceEpoch());
}

QString storeKey(const CaseStore& store)
{
    const QString path = store.path();
    if (path.isEmpty() || path == u":memory:")
        return {};
    const QString canonical = QFileInfo(path).canonicalFilePath();
    return canonical.isEmpty() ? path : canonical;
}

} // namespace

struct EvaluationService::Private
{
    CaseStore& store;
    const Policy& policy;
    Evaluator evaluator;
    std::shared_ptr<OverlapIndex> index;
    std::shared_ptr<std::mutex> use;

    int threads = 0; // setThreadCount; <= 0: defaultThreadCount()

    Private(CaseStore& s, const Policy& p) : store(s), policy(p), evaluator(p) {}

    void run(const QDateTime& asOf, const Encoder& encode,
             const std::function<void(Evaluation&&, QByteArray&&)>& sink,
             const std::function<bool(qint64)>& progress);

    std::unique_ptr<OverlapIndex> build(const OverlapIndex::Options& options)
    {
        QElapsedTimer timer;
        timer.start();
        auto idx = std::make_unique<OverlapIndex>(options);
        // Only the index's inputs, each in one query: accounts (status, From addresses), campaign From
        // addresses, messages (From, link domains, text) — not the evidence, lists or complaints a full
        // snapshot would read. Reads share one snapshot of the file.
        store.readConsistently(false, [&] {
            store.forEachAccountFrom([&](const QString& id, AccountStatus status, const QStringList& from) {
                idx->addAccount(id, status, from);
            });
            store.forEachCampaignFrom(
                [&](const QString& id, const QString& from) { idx->addFromAddress(id, from); });
            store.forEachMessage([&](const StoredMessage& m) {
                idx->addMessage(m);
                return true;
            });
        });
        const qint64 read = timer.elapsed();
        idx->finish();
        ++g_builds;
        qDebug("overlap index: %lld accounts, %lld messages; read %lld ms, built %lld ms",
               idx->accountCount(), idx->messageCount(), read, timer.elapsed() - read);
        return idx;
    }

    // The cross-account index for the store's current data: from the process-wide cache when the store
    // has had no import since it was built, else built and cached. Sets `index` and `use`; true when it
    // was built by this call.
    bool acquire()
    {
        const OverlapIndex::Options options = OverlapIndex::options(policy);
        const QString path = storeKey(store);
        const QString key = dataVersion(store) % u'#' % optionsKey(options);
        if (index) {
            // A service that already holds an index keeps it while the store's data is unchanged.
            std::lock_guard lock(g_cacheMutex);
            for (CacheEntry& e : g_cache) {
                if (e.path == path && e.key == key && e.index == index)
                    return false;
            }
        }
        if (!path.isEmpty()) {
            std::lock_guard lock(g_cacheMutex);
            for (CacheEntry& e : g_cache) {
                if (e.path == path && e.key == key) {
                    e.lastUse = ++g_useCounter;
                    index = e.index;
                    use = e.use;
                    return false;
                }
            }
        }
        // Built outside the cache lock (seconds); two threads may build the same index, the last wins.
        std::shared_ptr<OverlapIndex> built = build(options);
        auto mutex = std::make_shared<std::mutex>();
        index = built;
        use = mutex;
        if (path.isEmpty())
            return true;
        std::lock_guard lock(g_cacheMutex);
        g_cache.erase(std::remove_if(g_cache.begin(), g_cache.end(),
                                     [&](const CacheEntry& e) { return e.path == path; }),
                      g_cache.end());
        if (g_cache.size() >= size_t(kCachedStores)) {
            const auto oldest = std::min_element(
                g_cache.begin(), g_cache.end(),
                [](const CacheEntry& a, const CacheEntry& b) { return a.lastUse < b.lastUse; });
            g_cache.erase(oldest);
        }
        g_cache.push_back({path, key, built, mutex, ++g_useCounter});
        return true;
    }
};

qint64 EvaluationService::overlapBuildCount()
{
    return g_builds.load();
}

void EvaluationService::clearOverlapCache()
{
    std::lock_guard lock(g_cacheMutex);
    g_cache.clear();
}

EvaluationService::EvaluationService(CaseStore& store, const Policy& policy)
    : d(std::make_unique<Private>(store, policy))
{}

EvaluationService::~EvaluationService() = default;

QDateTime EvaluationService::defaultAsOf() const
{
    const QList<ImportRecord> imports = d->store.imports();
    const ImportRecord* latest = nullptr;
    for (const ImportRecord& r : imports) {
        if (!latest || r.id > latest->id)
            latest = &r;
    }
    return latest ? latest->info.exportedAt : QDateTime();
}

void EvaluationService::setThreadCount(int threads)
{
    d->threads = threads;
}

int EvaluationService::threadCount() const
{
    return d->threads > 0 ? d->threads : defaultThreadCount();
}

int EvaluationService::defaultThreadCount()
{
    bool ok = false;
    const int fromEnv = qEnvironmentVariableIntValue("ABUSEDESK_EVAL_THREADS", &ok);
    if (ok && fromEnv > 0)
        return fromEnv;
    return std::max(1, QThread::idealThreadCount());
}

void EvaluationService::evaluateEach(const QDateTime& asOf, const std::function<void(Evaluation&&)>& sink,
                                     const std::function<bool(qint64)>& progress)
{
    d->run(
        asOf, {},
        [&](Evaluation&& e, QByteArray&&) {
            if (sink)
                sink(std::move(e));
        },
        progress);
}

void EvaluationService::evaluateEach(const QDateTime& asOf, const Encoder& encode,
                                     const std::function<void(Evaluation&&, QByteArray&&)>& sink,
                                     const std::function<bool(qint64)>& progress)
{
    d->run(asOf, encode, sink, progress);
}

void EvaluationService::Private::run(const QDateTime& asOf, const Encoder& encode,
                                     const std::function<void(Evaluation&&, QByteArray&&)>& sink,
                                     const std::function<bool(qint64)>& progress)
{
    if (!asOf.isValid())
        throw Error::input(
            QStringLiteral("no evaluation time: the store has no import and no as-of time was given"));
    QElapsedTimer timer;
    // Only the compact cache rows are kept until the end (the write happens once every account has been
    // evaluated, so a cancelled or failed run changes nothing); the evaluations go to the sink one by one.
    QList<EvaluationRow> rows;
    qint64 done = 0;
    bool cancelled = false;
    qint64 readerCpuMs = 0, workerCpuMs = 0;
    const int workers = threads > 0 ? threads : defaultThreadCount();
    // One snapshot of the store for the whole read, memory-mapped (a pass over most of the file).
    store.readConsistently(true, [&] {
        const bool builtNow = acquire();
        std::lock_guard useLock(*use);
        OverlapIndex& overlap = *index;
        // Current statuses may have changed by decisions since the index was built — unless it was built
        // just now, in this read transaction (then it holds the statuses of this snapshot).
        if (!builtNow)
            store.forEachCurrentStatus([&](const QString& id, AccountStatus s) { overlap.setStatus(id, s); });
        timer.start();
        readerCpuMs = -threadCpuMs();
        rows.reserve(qsizetype(store.accountCount()));
        // Only what the enabled rules read (registry.cpp), the campaigns of the rates and the complaints
        // the cache counts (toRow).
        const snapshot::Parts parts = evaluator.neededParts() | snapshot::Campaigns | snapshot::Complaints;
        auto deliver = [&](Evaluation&& e, EvaluationRow&& row, QByteArray&& encoded) {
            rows << std::move(row);
            if (sink)
                sink(std::move(e), std::move(encoded));
            ++done;
            if (progress && !progress(done)) {
                cancelled = true;
                return false;
            }
            return true;
        };
        if (workers <= 1) {
            store.forEachSnapshot(parts, [&](AccountSnapshot&& s) {
                Evaluation e = evaluator.evaluate(s, asOf, &overlap);
                EvaluationRow row = toRow(e, s);
                QByteArray encoded = encode ? encode(e) : QByteArray();
                return deliver(std::move(e), std::move(row), std::move(encoded));
            });
            readerCpuMs += threadCpuMs();
            return;
        }
        // The calling thread reads and delivers: one worker fewer than the threads asked for (on two
        // cores, two workers only added hand-over and cache traffic; benchmarks/rules/README.md).
        ParallelEvaluation parallel(policy, overlap, asOf, encode, workers - 1);
        const ParallelEvaluation::Deliver next = [&](ParallelEvaluation::Result&& r) {
            return deliver(std::move(r.evaluation), std::move(r.row), std::move(r.encoded));
        };
        store.forEachSnapshot(parts, [&](AccountSnapshot&& s) { return parallel.push(std::move(s), next); });
        if (!cancelled)
            parallel.finish(next);
        readerCpuMs += threadCpuMs();
        workerCpuMs = parallel.workerCpuMs();
    });
    if (cancelled)
        throw Error::cancelled();
    const qint64 evaluated = timer.elapsed();
    store.saveEvaluations(rows);
    qDebug("evaluated %lld accounts in %lld ms (%d thread(s); CPU: reading and delivering %lld ms, workers "
           "%lld ms), cache written in %lld ms",
           done, evaluated, workers, readerCpuMs, workerCpuMs, timer.elapsed() - evaluated);
}

QList<Evaluation> EvaluationService::evaluateAll(const QDateTime& asOf,
                                                 const std::function<bool(qint64)>& progress)
{
    QList<Evaluation> results;
    evaluateEach(
        asOf, [&](Evaluation&& e) { results << std::move(e); }, progress);
    // forEachSnapshot streams in SQLite's account_id order; sort by QString order as promised.
    std::stable_sort(results.begin(), results.end(),
                     [](const Evaluation& a, const Evaluation& b) { return a.accountId < b.accountId; });
    return results;
}

Evaluation EvaluationService::evaluateAccount(const QString& accountId, const QDateTime& asOf)
{
    if (!d->store.account(accountId))
        throw Error::input(QStringLiteral("unknown account \"%1\"").arg(accountId));
    if (!asOf.isValid())
        throw Error::input(
            QStringLiteral("no evaluation time: the store has no import and no as-of time was given"));
    d->acquire();
    std::lock_guard use(*d->use);
    OverlapIndex& overlap = *d->index;
    // The linked accounts' current status, as recorded now (decisions since the index was built).
    for (const OverlapIndex::Link& l : overlap.linksFor(accountId))
        overlap.setStatus(l.accountId, d->store.currentStatus(l.accountId));
    const AccountSnapshot s = d->store.loadSnapshot(accountId);
    Evaluation e = d->evaluator.evaluate(s, asOf, &overlap);
    d->store.saveEvaluations({toRow(e, s)});
    return e;
}

} // namespace ad::rules
