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

EvaluationRow toRow(Evaluation& e, const AccountSnapshot& s)
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
    // kept with the evaluation: `evaluate --json` re-indents these bytes instead of writing the findings
    // again (appendIndentedJson)
    e.findingsCompactJson = findingsToCompactJson(e.findings);
    r.findingsJsonUtf8 = e.findingsCompactJson; // shared, not copied
    r.complaintRate = e.complaintRate;
    r.bounceRate = e.bounceRate;
    r.unsubscribeRate = e.unsubscribeRate;
    r.openRate = e.openRate;
    r.complaintCount = s.complaints.size();
    return r;
}

// ---- Parallel evaluation -----------------------------------------------------------------------------
//
// The accounts are cut into ranges of kRangeAccounts consecutive account ids (CaseStore::accountRanges).
// Every thread — the calling one and the workers — takes the next range, reads its snapshots on its own
// connection (CaseStore::openSnapshotReaders: all connections read the same commit), evaluates them with
// its own Evaluator (own compiled patterns) against the shared, finished overlap index (linksFor is safe
// from several threads), builds the cache rows and the encoded output, and puts the results in the
// range's slot. Only the calling thread delivers, in range order, so the sink, the progress callback and
// the cache rows see the accounts in account order, exactly as with one thread. A thread takes range k
// only while k < (next range to deliver) + window, so at most window ranges of results are held. A
// failure (reading or evaluating) is kept in its range's slot after the results before it and thrown when
// delivery reaches it: the sink has seen exactly the accounts before the failing one. Cancelling through
// the sink stops every thread after its current range.
class RangeEvaluation
{
public:
    struct Result
    {
        Evaluation evaluation;
        EvaluationRow row;
        QByteArray encoded;
    };
    using Deliver = std::function<bool(Result&&)>; // false: stop (cancelled)

    RangeEvaluation(const Policy& policy, const Evaluator& callerEvaluator, const OverlapIndex& overlap,
                    const QDateTime& asOf, const EvaluationService::Encoder& encode, snapshot::Parts parts,
                    QList<std::pair<QString, QString>> ranges)
        : m_policy(policy), m_callerEvaluator(callerEvaluator), m_overlap(overlap), m_asOf(asOf),
          m_encode(encode), m_parts(parts), m_ranges(std::move(ranges)), m_slots(size_t(m_ranges.size()))
    {}

    ~RangeEvaluation() { stop(); }

    // Runs everything: the workers on `readers` (one thread each), the calling thread on `store`;
    // false when cancelled, throws the first failure in account order.
    bool run(const CaseStore& store, const std::vector<std::unique_ptr<CaseStore>>& readers,
             const Deliver& deliver)
    {
        m_window = qint64(4 * (readers.size() + 1));
        try {
            for (const auto& r : readers)
                m_threads.emplace_back([this, reader = r.get()] { work(*reader); });
        } catch (...) {
            stop();
            throw;
        }
        const qint64 n = m_ranges.size();
        while (m_delivered < n) {
            if (!deliverReady(deliver))
                return false;
            if (m_delivered >= n)
                break;
            const qint64 k = take(false);
            if (k >= 0) {
                evaluateRange(store, m_callerEvaluator, k);
                continue;
            }
            std::unique_lock lock(m_mutex);
            m_ready.wait(lock, [&] { return m_slots[size_t(m_delivered)].ready; });
        }
        stop();
        return true;
    }

    // The workers' total CPU time in ms (diagnostics); valid after run().
    qint64 workerCpuMs() const { return m_workerCpuMs; }

    // Accounts per range (CaseStore::accountRanges).
    static constexpr int kRangeAccounts = 128;

private:
    struct Slot
    {
        bool ready = false;
        std::exception_ptr error; // after `results`
        std::vector<Result> results;
    };

    // The next range this thread may evaluate, or -1: none left, stopping, or (with `wait`, workers)
    // after waiting while the window is full; without `wait` (the calling thread) -1 also when full.
    qint64 take(bool wait)
    {
        std::unique_lock lock(m_mutex);
        for (;;) {
            if (m_stopping || m_failed || m_taken >= qint64(m_ranges.size()))
                return -1;
            if (m_taken < m_delivered + m_window)
                return m_taken++;
            if (!wait)
                return -1;
            m_space.wait(lock);
        }
    }

    void evaluateRange(const CaseStore& store, const Evaluator& evaluator, qint64 k)
    {
        Slot done;
        try {
            const auto& range = m_ranges[k];
            CaseStore::StoredEvaluationScan stored = store.scanStoredEvaluations(&range.first, &range.second);
            store.forEachSnapshot(m_parts, range.first, range.second, [&](AccountSnapshot&& s) {
                Result r;
                r.evaluation = evaluator.evaluate(s, m_asOf, &m_overlap);
                r.row = toRow(r.evaluation, s);
                r.row.sameAsStored = stored.equals(r.row);
                if (m_encode)
                    r.encoded = m_encode(r.evaluation);
                done.results.push_back(std::move(r));
                return !m_stopFlag.load(std::memory_order_relaxed);
            });
        } catch (...) {
            done.error = std::current_exception();
        }
        done.ready = true;
        {
            std::lock_guard lock(m_mutex);
            if (done.error)
                m_failed = true; // no further ranges are taken; the ones before are still delivered
            m_slots[size_t(k)] = std::move(done);
        }
        m_ready.notify_all();
    }

    // Delivers the ready ranges in order; throws a range's failure after its results; false when cancelled.
    bool deliverReady(const Deliver& deliver)
    {
        for (;;) {
            Slot slot;
            {
                std::lock_guard lock(m_mutex);
                if (m_delivered >= qint64(m_slots.size()) || !m_slots[size_t(m_delivered)].ready)
                    return true;
                slot = std::move(m_slots[size_t(m_delivered)]);
                m_slots[size_t(m_delivered)].results = {};
            }
            for (Result& r : slot.results) {
                if (!deliver(std::move(r))) {
                    stop();
                    return false;
                }
            }
            if (slot.error) {
                stop();
                std::rethrow_exception(slot.error);
            }
            {
                std::lock_guard lock(m_mutex);
                ++m_delivered;
            }
            m_space.notify_all();
        }
    }

    void work(const CaseStore& reader)
    {
        const Evaluator evaluator(m_policy);
        for (;;) {
            const qint64 k = take(true);
            if (k < 0)
                break;
            evaluateRange(reader, evaluator, k);
        }
        std::lock_guard lock(m_mutex);
        m_workerCpuMs += threadCpuMs();
    }

    void stop()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_stopFlag.store(true, std::memory_order_relaxed);
        m_space.notify_all();
        for (std::thread& t : m_threads) {
            if (t.joinable())
                t.join();
        }
        m_threads.clear();
    }

    const Policy& m_policy;
    const Evaluator& m_callerEvaluator;
    const OverlapIndex& m_overlap;
    const QDateTime m_asOf;
    const EvaluationService::Encoder& m_encode;
    const snapshot::Parts m_parts;
    const QList<std::pair<QString, QString>> m_ranges;
    std::vector<Slot> m_slots;
    qint64 m_window = 4;
    std::mutex m_mutex;
    std::condition_variable m_space, m_ready;
    qint64 m_taken = 0, m_delivered = 0;
    bool m_stopping = false, m_failed = false;
    std::atomic<bool> m_stopFlag{false};
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
// Never destroyed: at exit, taking apart an index of 100,000 accounts (a few hundred thousand strings and
// lists) would only delay the end of the process (~60 ms); the system takes the memory back at once.
std::vector<CacheEntry>& g_cache = *new std::vector<CacheEntry>;
quint64 g_useCounter = 0;
std::atomic<qint64> g_builds{0};
std::atomic<qint64> g_loads{0};    // indexes loaded from a store (saved there by an earlier build)
std::atomic<bool> g_persist{true}; // setOverlapPersistence

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
    int lastRunThreads = 0;

    Private(CaseStore& s, const Policy& p) : store(s), policy(p), evaluator(p) {}

    void run(const QDateTime& asOf, const Encoder& encode,
             const std::function<void(Evaluation&&, QByteArray&&)>& sink,
             const std::function<bool(qint64)>& progress);

    // With a `reader` (a connection on the same commit, openSnapshotReaders), the messages are read and
    // their features (link hosts, MinHash signature) computed on a second thread while this one reads the
    // accounts and campaign From addresses; they are fed in the same order either way, so the index is
    // the same.
    std::unique_ptr<OverlapIndex> build(const OverlapIndex::Options& options, const CaseStore* reader)
    {
        QElapsedTimer timer;
        timer.start();
        auto idx = std::make_unique<OverlapIndex>(options);
        // Only the index's inputs, each in one query: accounts (status, From addresses), campaign From
        // addresses, messages (From, link domains, text) — not the evidence, lists or complaints a full
        // snapshot would read. Reads share one snapshot of the file.
        struct Fed
        {
            StoredMessage message; // accountId, from, id (the rest is in features)
            OverlapIndex::MessageFeatures features;
        };
        std::vector<Fed> messages;
        std::exception_ptr messageError;
        std::thread messageThread;
        const auto readMessages = [&](const CaseStore& from) {
            from.forEachMessage([&](const StoredMessage& m) {
                Fed f;
                f.message.accountId = m.accountId;
                f.message.from = m.from;
                f.message.id = m.id;
                f.features = idx->messageFeatures(m);
                messages.push_back(std::move(f));
                return true;
            });
        };
        qint64 messageCpuMs = 0, mainCpuMs = -threadCpuMs();
        if (reader) {
            messageThread = std::thread([&] {
                try {
                    readMessages(*reader);
                } catch (...) {
                    messageError = std::current_exception();
                }
                messageCpuMs = threadCpuMs();
            });
        }
        const auto join = [&] {
            if (messageThread.joinable())
                messageThread.join();
        };
        try {
            store.readConsistently(false, [&] {
                store.forEachAccountFrom([&](const QString& id, AccountStatus status,
                                             const QStringList& from) { idx->addAccount(id, status, from); });
                store.forEachCampaignFrom(
                    [&](const QString& id, const QString& from) { idx->addFromAddress(id, from); });
                if (!reader)
                    readMessages(store);
            });
        } catch (...) {
            join();
            throw;
        }
        mainCpuMs += threadCpuMs();
        join();
        if (messageError)
            std::rethrow_exception(messageError);
        for (Fed& f : messages)
            idx->addMessage(f.message, std::move(f.features));
        messages = {};
        const qint64 read = timer.elapsed();
        idx->finish();
        ++g_builds;
        qDebug("overlap index: %lld accounts, %lld messages; read %lld ms (CPU: calling thread %lld ms, "
               "messages' thread %lld ms), built %lld ms",
               idx->accountCount(), idx->messageCount(), read, mainCpuMs, messageCpuMs,
               timer.elapsed() - read);
        return idx;
    }

    // ---- The index kept in the case store (CaseStore::overlapIndex / saveOverlapIndex) -----------------
    // A build is saved in the store (after the evaluation's read transaction: saveBuilt), keyed like the
    // process-wide cache by the data version and the options key; a service of a later process that finds
    // nothing in its own cache loads it from there instead of building (load). Every import deletes the
    // saved index (ImportWriter), and the data version in the key would not match either. The statuses in it
    // are those of the build: refreshed from the store before every use, as for a cached index.

    // An index this service built and has not saved yet, with the key it was built for.
    struct Unsaved
    {
        std::shared_ptr<OverlapIndex> index;
        std::shared_ptr<std::mutex> use;
        QString optionsKey, dataVersion;
    };
    std::optional<Unsaved> unsaved;

    // The index saved in the store for this data version and these options, or null: none saved,
    // persistence switched off, or bytes that are not such an index (OverlapIndex::deserialize refuses
    // damaged ones; the caller then builds). Never throws: a failing read here is left to the build.
    std::unique_ptr<OverlapIndex> load(const OverlapIndex::Options& options, const QString& optKey,
                                       const QString& version)
    {
        if (!g_persist.load())
            return nullptr;
        QElapsedTimer timer;
        timer.start();
        std::optional<QByteArray> payload;
        try {
            payload = store.overlapIndex(optKey, version, OverlapIndex::kSerialFormat);
        } catch (const Error& e) {
            qDebug("overlap index: the saved one cannot be read (%s); building it", e.what());
            return nullptr;
        }
        if (!payload)
            return nullptr;
        const qint64 read = timer.elapsed();
        std::unique_ptr<OverlapIndex> idx = OverlapIndex::deserialize(options, *payload);
        if (!idx) {
            qDebug("overlap index: the saved one (%lld bytes) is damaged or not this index; building it",
                   qint64(payload->size()));
            return nullptr;
        }
        ++g_loads;
        qDebug("overlap index: loaded from the store: %lld accounts, %lld messages; %lld bytes read in %lld "
               "ms, restored in %lld ms",
               idx->accountCount(), idx->messageCount(), qint64(payload->size()), read,
               timer.elapsed() - read);
        return idx;
    }

    // Saves the index this service built, if any, in the store: only while the store still holds the data
    // it was built from (no import since; checked inside the write transaction). Call it outside the
    // evaluation's read transaction. Saving is optional: a store that cannot be written (read-only, busy)
    // or any other failure is logged (qDebug) and the evaluation goes on.
    void saveBuilt()
    {
        if (!unsaved)
            return;
        const Unsaved u = std::move(*unsaved);
        unsaved.reset();
        if (!g_persist.load())
            return;
        QElapsedTimer timer;
        timer.start();
        try {
            QByteArray payload;
            {
                std::lock_guard lock(*u.use); // another service of the process may refresh its statuses
                payload = u.index->serialize();
            }
            if (payload.isEmpty())
                return;
            const qint64 serialised = timer.elapsed();
            const bool saved =
                store.saveOverlapIndex(u.optionsKey, u.dataVersion, OverlapIndex::kSerialFormat, payload,
                                       [&] { return dataVersion(store) == u.dataVersion; });
            if (saved)
                qDebug("overlap index: saved in the store (%lld bytes): serialised in %lld ms, written in "
                       "%lld ms",
                       qint64(payload.size()), serialised, timer.elapsed() - serialised);
            else
                qDebug("overlap index: not saved: the store had an import since it was read");
        } catch (const std::exception& e) {
            qDebug("overlap index: not saved in the store: %s", e.what());
        }
    }

    // The cross-account index for the store's current data: from the process-wide cache when the store
    // has had no import since it was built, else loaded from the store (saved there by an earlier build
    // for the same data and options), else built (and saved later: saveBuilt) — and cached. Sets `index`
    // and `use`; true when it was built by this call (a loaded index is not: it holds the statuses of its
    // build, which the caller refreshes).
    bool acquire(const CaseStore* reader = nullptr)
    {
        const OverlapIndex::Options options = OverlapIndex::options(policy);
        const QString path = storeKey(store);
        const QString version = dataVersion(store);
        const QString optKey = optionsKey(options);
        const QString key = version % u'#' % optKey;
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
        // Loaded or built outside the cache lock (seconds); two threads may build the same index, the last
        // wins.
        std::shared_ptr<OverlapIndex> built;
        bool builtNow = false;
        if (!path.isEmpty())
            built = load(options, optKey, version);
        if (!built) {
            built = build(options, reader);
            builtNow = true;
        }
        auto mutex = std::make_shared<std::mutex>();
        index = built;
        use = mutex;
        if (path.isEmpty())
            return true;
        if (builtNow)
            unsaved = Unsaved{built, mutex, optKey, version};
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
        return builtNow;
    }
};

qint64 EvaluationService::overlapBuildCount()
{
    return g_builds.load();
}

qint64 EvaluationService::overlapLoadCount()
{
    return g_loads.load();
}

void EvaluationService::setOverlapPersistence(bool enabled)
{
    g_persist.store(enabled);
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

int EvaluationService::lastRunThreads() const
{
    return d->lastRunThreads;
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
    // A row that equals the stored one (sameAsStored, compared in this read snapshot) is not kept: there
    // is nothing to write for it. Should another connection commit between this read and the write, such
    // an account keeps the row stored then (the newer one), not this run's copy of the older.
    QList<EvaluationRow> rows;
    qint64 unchanged = 0;
    qint64 done = 0;
    bool cancelled = false;
    qint64 readerCpuMs = 0, workerCpuMs = 0;
    const int workers = threads > 0 ? threads : defaultThreadCount();
    int usedThreads = 1;
    std::optional<qint64> readVersion;
    // One snapshot of the store for the whole read, memory-mapped (a pass over most of the file); with
    // several threads, every thread reads it on a connection of its own.
    store.readConsistently(true, [&] {
        std::vector<std::unique_ptr<CaseStore>> readers;
        if (workers > 1)
            readers = store.openSnapshotReaders(workers - 1);
        usedThreads = int(readers.size()) + 1;
        lastRunThreads = usedThreads;
        const bool builtNow = acquire(readers.empty() ? nullptr : readers.front().get());
        // The cached rows are compared with the new ones on the reading threads, in this snapshot (one
        // ordered scan of the stored rows per range, CaseStore::scanStoredEvaluations); the write trusts that
        // while no other connection has committed since (saveEvaluations).
        readVersion = store.dataVersion();
        std::lock_guard useLock(*use);
        OverlapIndex& overlap = *index;
        // Current statuses may have changed by decisions since the index was built — unless it was built
        // just now, in this read transaction (then it holds the statuses of this snapshot).
        // Only the index's accounts matter: a restored index holds just the accounts with a link (about
        // one in a hundred), whose statuses are looked up one by one; else one pass over all accounts.
        if (!builtNow) {
            const std::vector<QString>& held = overlap.statusAccounts();
            if (qint64(held.size()) * 16 < store.accountCount()) {
                for (const QString& id : held)
                    overlap.setStatus(id, store.currentStatus(id));
            } else {
                store.forEachCurrentStatus(
                    [&](const QString& id, AccountStatus s) { overlap.setStatus(id, s); });
            }
        }
        timer.start();
        readerCpuMs = -threadCpuMs();
        rows.reserve(qsizetype(store.accountCount())); // address space only until rows are written
        // Only what the enabled rules read (registry.cpp), the campaigns of the rates and the complaints
        // the cache counts (toRow).
        const snapshot::Parts parts = evaluator.neededParts() | snapshot::Campaigns | snapshot::Complaints;
        auto deliver = [&](Evaluation&& e, EvaluationRow&& row, QByteArray&& encoded) {
            if (row.sameAsStored)
                ++unchanged;
            else
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
        if (readers.empty()) {
            // One thread (asked for, or the store cannot be read on several connections at once).
            CaseStore::StoredEvaluationScan stored = store.scanStoredEvaluations();
            store.forEachSnapshot(parts, [&](AccountSnapshot&& s) {
                Evaluation e = evaluator.evaluate(s, asOf, &overlap);
                EvaluationRow row = toRow(e, s);
                row.sameAsStored = stored.equals(row);
                QByteArray encoded = encode ? encode(e) : QByteArray();
                return deliver(std::move(e), std::move(row), std::move(encoded));
            });
            readerCpuMs += threadCpuMs();
            return;
        }
        RangeEvaluation parallel(policy, evaluator, overlap, asOf, encode, parts,
                                 store.accountRanges(RangeEvaluation::kRangeAccounts));
        parallel.run(store, readers, [&](RangeEvaluation::Result&& r) {
            return deliver(std::move(r.evaluation), std::move(r.row), std::move(r.encoded));
        });
        readerCpuMs += threadCpuMs();
        workerCpuMs = parallel.workerCpuMs();
    });
    if (cancelled)
        throw Error::cancelled();
    const qint64 evaluated = timer.elapsed();
    store.saveEvaluations(rows, readVersion);
    qDebug("evaluated %lld accounts in %lld ms (%d thread(s); CPU: calling thread %lld ms, workers %lld ms), "
           "cache written in %lld ms (%lld unchanged, %lld rows given)",
           done, evaluated, usedThreads, readerCpuMs, workerCpuMs, timer.elapsed() - evaluated, unchanged,
           qint64(rows.size()));
    // An index built in the read transaction above is saved in the store now that it has ended.
    saveBuilt();
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
    d->saveBuilt();
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
