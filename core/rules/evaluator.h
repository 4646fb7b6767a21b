// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/snapshot.h"
#include "rules/finding.h"
#include "rules/policy.h"

#include <QDateTime>
#include <functional>
#include <memory>
#include <vector>

namespace ad {
class CaseStore;
}

namespace ad::rules {

class Rule;
class OverlapIndex; // cross-account index (From addresses, link domains, near-duplicate content)
struct PreparedPolicy;
struct ResolvedParams;

// Runs the rule catalogue over accounts. Pure: the time is the `asOf` given, never the clock.
class Evaluator
{
public:
    explicit Evaluator(const Policy& policy);
    ~Evaluator();

    // Evaluates one snapshot. `overlap` may be null (then the multi-account rules do not run).
    Evaluation evaluate(const AccountSnapshot& snapshot, const QDateTime& asOf,
                        const OverlapIndex* overlap) const;

    const Policy& policy() const { return m_policy; }

    // The snapshot parts (domain/snapshot.h) evaluate() reads with this policy: those registered for the
    // enabled rules plus the campaigns of the account-level rates. A snapshot with at least these parts
    // gives the same Evaluation as a full one.
    snapshot::Parts neededParts() const;

    // The account-level rates of the store's evaluation cache: sums over the campaigns with at least
    // min_volume (delivered, or sent for bounces) sent no later than `asOf`; nullopt when there are none.
    static void computeRates(const Policy& policy, const AccountSnapshot& snapshot, const QDateTime& asOf,
                             Evaluation& into);

private:
    struct EnabledRule
    {
        const Rule* rule;
        QString id;
        const Policy::RuleSettings* settings;
        std::shared_ptr<const ResolvedParams> params; // settings resolved once (rule.h)
    };
    // computeRates with the four rules' min_volume (complaint, bounce, unsubscribe, open) given.
    static void computeRates(const double (&minVolume)[4], const AccountSnapshot& snapshot,
                             const QDateTime& asOf, Evaluation& into);
    static void minVolumes(const Policy& policy, double (&into)[4]);

    const Policy& m_policy;
    double m_minVolume[4] = {}; // of computeRates, read once
    std::shared_ptr<const PreparedPolicy> m_prepared;
    std::vector<EnabledRule> m_enabled; // in catalogue order
};

// Evaluates a whole store (or one account) with the cross-account index, writes the results to the
// store's evaluation cache (for the queue) and returns them sorted by account id.
// The default as-of is the newest import's exported_at (../shared/spec/policy-rules.md).
class EvaluationService
{
public:
    EvaluationService(CaseStore& store, const Policy& policy);
    ~EvaluationService();

    // The as-of to use when the user gives none: exported_at of the latest import; invalid when none.
    QDateTime defaultAsOf() const;

    QList<Evaluation> evaluateAll(const QDateTime& asOf,
                                  const std::function<bool(qint64 done)>& progress = {});
    // The same without keeping the evaluations: each is handed to `sink` as soon as it is made, in the
    // store's account_id order (evaluateAll's order for ASCII ids); the evaluation cache is written
    // after the last one (nothing is written when `progress` cancels). For writers that stream output.
    void evaluateEach(const QDateTime& asOf, const std::function<void(Evaluation&&)>& sink,
                      const std::function<bool(qint64 done)>& progress = {});
    // The same, with `encode` run on the thread that made each evaluation (with several threads, many at
    // once: it must not touch shared state) and its bytes handed to `sink` with the evaluation, still in
    // account_id order on the calling thread. For output that is serialised per account (evaluate --json).
    using Encoder = std::function<QByteArray(const Evaluation&)>;
    void evaluateEach(const QDateTime& asOf, const Encoder& encode,
                      const std::function<void(Evaluation&&, QByteArray&& encoded)>& sink,
                      const std::function<bool(qint64 done)>& progress = {});

    // Threads evaluating in evaluateEach and evaluateAll, the calling thread included. With n > 1 the
    // accounts are cut into ranges of consecutive ids; every thread (the calling one too) reads a range
    // on a connection of its own (CaseStore::openSnapshotReaders: all read the same commit) and runs the
    // rules (and the encoder) with its own Evaluator; the calling thread hands the results to the sink
    // and the progress callback in account order and writes the cache (one writer), with at most 4n
    // ranges evaluated ahead of the sink. The cross-account index reads the messages on a second
    // thread. The results, their order, the cache rows and the errors are those of one thread: a failure
    // stops the threads, nothing is written to the cache and the error of the first failing account is
    // thrown after the sink has seen the accounts before it; a cancelling `progress` stops them
    // likewise. When the store cannot be read on several connections (see openSnapshotReaders) one
    // thread does everything. 1 = everything on the calling thread. n <= 0 (the default) =
    // defaultThreadCount().
    void setThreadCount(int threads);
    int threadCount() const; // the effective count, >= 1
    // Threads the last whole-store evaluation of this service ran on (1 when it fell back; 0 before any).
    int lastRunThreads() const;
    // ABUSEDESK_EVAL_THREADS when it is a positive integer, else QThread::idealThreadCount() (at least 1).
    static int defaultThreadCount();
    Evaluation evaluateAccount(const QString& accountId, const QDateTime& asOf);

    // The cross-account index is built once per store file and data version (imports) and policy
    // overlap options, and shared by every EvaluationService of the process (see evaluationservice.cpp).
    // Number of indexes built so far in this process (for tests and diagnostics), and a way to drop them.
    static qint64 overlapBuildCount();
    static void clearOverlapCache();
    // A built index is also saved in the case store (CaseStore::saveOverlapIndex, after the evaluation's read
    // transaction), and a service that finds none in this process loads the store's (same data version and
    // options) instead of building; a damaged or foreign one is ignored and built again. Number of indexes
    // loaded so far in this process, and a switch for both (default on; for tests and measurements that
    // count or time builds).
    static qint64 overlapLoadCount();
    static void setOverlapPersistence(bool enabled);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace ad::rules
