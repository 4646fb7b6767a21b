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
#include <algorithm>
#include <atomic>
#include <mutex>
#include <vector>

namespace ad::rules {

namespace {

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

    Private(CaseStore& s, const Policy& p) : store(s), policy(p), evaluator(p) {}

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

void EvaluationService::evaluateEach(const QDateTime& asOf, const std::function<void(Evaluation&&)>& sink,
                                     const std::function<bool(qint64)>& progress)
{
    if (!asOf.isValid())
        throw Error::input(
            QStringLiteral("no evaluation time: the store has no import and no as-of time was given"));
    QElapsedTimer timer;
    // Only the compact cache rows are kept until the end (the write happens once every account has been
    // evaluated, so a cancelled run changes nothing); the evaluations go to the sink one by one.
    QList<EvaluationRow> rows;
    qint64 done = 0;
    bool cancelled = false;
    // One snapshot of the store for the whole read, memory-mapped (a pass over most of the file).
    d->store.readConsistently(true, [&] {
        const bool builtNow = d->acquire();
        std::lock_guard use(*d->use);
        OverlapIndex& overlap = *d->index;
        // Current statuses may have changed by decisions since the index was built — unless it was built
        // just now, in this read transaction (then it holds the statuses of this snapshot).
        if (!builtNow)
            d->store.forEachCurrentStatus(
                [&](const QString& id, AccountStatus s) { overlap.setStatus(id, s); });
        timer.start();
        rows.reserve(qsizetype(d->store.accountCount()));
        // Only what the enabled rules read (registry.cpp), the campaigns of the rates and the complaints
        // the cache counts (toRow).
        const snapshot::Parts parts = d->evaluator.neededParts() | snapshot::Campaigns | snapshot::Complaints;
        d->store.forEachSnapshot(parts, [&](AccountSnapshot&& s) {
            Evaluation e = d->evaluator.evaluate(s, asOf, &overlap);
            rows << toRow(e, s);
            if (sink)
                sink(std::move(e));
            ++done;
            if (progress && !progress(done)) {
                cancelled = true;
                return false;
            }
            return true;
        });
    });
    if (cancelled)
        throw Error::cancelled();
    const qint64 evaluated = timer.elapsed();
    d->store.saveEvaluations(rows);
    qDebug("evaluated %lld accounts in %lld ms, cache written in %lld ms", done, evaluated,
           timer.elapsed() - evaluated);
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
