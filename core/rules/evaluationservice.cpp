// SPDX-License-Identifier: GPL-3.0-or-later
// EvaluationService: the rules over a whole store (or one account) with the cross-account index, writing
// the queue's evaluation cache.
#include "rules/evaluator.h"
#include "rules/overlap.h"
#include "store/casestore.h"
#include "util/error.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>

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
    QJsonArray arr;
    for (const Finding& f : e.findings) {
        arr.append(toJson(f));
        if (!r.rules.contains(f.rule))
            r.rules << f.rule;
        // findings are in catalogue order: the first of the highest severity is the worst
        if (!r.worstSeverity || int(f.severity) > int(*r.worstSeverity)) {
            r.worstSeverity = f.severity;
            r.worstRule = f.rule;
        }
    }
    r.findingsJson = QString::fromUtf8(QJsonDocument(arr).toJson(QJsonDocument::Compact));
    r.complaintRate = e.complaintRate;
    r.bounceRate = e.bounceRate;
    r.unsubscribeRate = e.unsubscribeRate;
    r.openRate = e.openRate;
    r.complaintCount = s.complaints.size();
    return r;
}

} // namespace

struct EvaluationService::Private
{
    CaseStore& store;
    const Policy& policy;
    Evaluator evaluator;
    std::unique_ptr<OverlapIndex> index;

    Private(CaseStore& s, const Policy& p) : store(s), policy(p), evaluator(p) {}

    // The cross-account index: every account's From addresses and current status, every campaign's From
    // address, every message's From, link domains and text. Built once per service.
    const OverlapIndex& overlap()
    {
        if (!index) {
            QElapsedTimer timer;
            timer.start();
            auto idx = std::make_unique<OverlapIndex>(OverlapIndex::options(policy));
            // One streamed pass (a constant number of queries); measured faster than per-account reads.
            store.forEachSnapshot([&](AccountSnapshot&& s) {
                idx->addAccount(s.account.id, s.currentStatus, s.account.fromAddresses);
                for (const Campaign& c : s.campaigns) {
                    if (!c.fromAddress.isEmpty())
                        idx->addFromAddress(s.account.id, c.fromAddress);
                }
                for (const StoredMessage& m : s.messages)
                    idx->addMessage(m);
                return true;
            });
            const qint64 read = timer.elapsed();
            idx->finish();
            qDebug("overlap index: %lld accounts, %lld messages; read %lld ms, built %lld ms",
                   idx->accountCount(), idx->messageCount(), read, timer.elapsed() - read);
            index = std::move(idx);
        }
        return *index;
    }
};

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

QList<Evaluation> EvaluationService::evaluateAll(const QDateTime& asOf,
                                                 const std::function<bool(qint64)>& progress)
{
    if (!asOf.isValid())
        throw Error::input(
            QStringLiteral("no evaluation time: the store has no import and no as-of time was given"));
    const OverlapIndex& overlap = d->overlap();
    QElapsedTimer timer;
    timer.start();
    QList<Evaluation> results;
    QList<EvaluationRow> rows;
    qint64 done = 0;
    bool cancelled = false;
    d->store.forEachSnapshot([&](AccountSnapshot&& s) {
        Evaluation e = d->evaluator.evaluate(s, asOf, &overlap);
        rows << toRow(e, s);
        results << std::move(e);
        ++done;
        if (progress && !progress(done)) {
            cancelled = true;
            return false;
        }
        return true;
    });
    if (cancelled)
        throw Error::cancelled();
    const qint64 evaluated = timer.elapsed();
    constexpr qsizetype kBatch = 5000;
    for (qsizetype i = 0; i < rows.size(); i += kBatch)
        d->store.saveEvaluations(rows.mid(i, kBatch));
    qDebug("evaluated %lld accounts in %lld ms, cache written in %lld ms", done, evaluated,
           timer.elapsed() - evaluated);
    std::sort(results.begin(), results.end(),
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
    const OverlapIndex& overlap = d->overlap();
    const AccountSnapshot s = d->store.loadSnapshot(accountId);
    Evaluation e = d->evaluator.evaluate(s, asOf, &overlap);
    d->store.saveEvaluations({toRow(e, s)});
    return e;
}

} // namespace ad::rules
