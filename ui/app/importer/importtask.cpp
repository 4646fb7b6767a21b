// SPDX-License-Identifier: GPL-3.0-or-later
#include "importer/importtask.h"

#include "bundle/importer.h"
#include "rules/evaluator.h"
#include "store/casestore.h"
#include "util/clock.h"

#include <QMutexLocker>
#include <QThread>

namespace ad::ui {

BackgroundJob::BackgroundJob(QString storePath, QString bundlePath, QString reviewer, rules::Policy policy,
                             QObject* parent)
    : QObject(parent), m_store(std::move(storePath)), m_bundle(std::move(bundlePath)),
      m_reviewer(std::move(reviewer)), m_policy(std::move(policy))
{}

BackgroundJob::~BackgroundJob()
{
    if (m_thread) {
        m_cancel = true;
        m_thread->wait();
        delete m_thread;
    }
}

void BackgroundJob::start()
{
    if (m_thread)
        return;
    m_thread = QThread::create([this] { run(); });
    m_thread->setObjectName(QStringLiteral("abusedesk-worker"));
    connect(m_thread, &QThread::finished, this, &BackgroundJob::finished, Qt::QueuedConnection);
    m_thread->start();
}

void BackgroundJob::cancel()
{
    m_cancel = true;
}

bool BackgroundJob::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

void BackgroundJob::wait()
{
    if (m_thread)
        m_thread->wait();
}

BackgroundJob::Progress BackgroundJob::progress() const
{
    QMutexLocker lock(&m_mutex);
    return m_progress;
}

QString BackgroundJob::importSummary(const bundle::ImportCounts& c, qsizetype warnings)
{
    QStringList parts{
        tr("%Ln account(s)", nullptr, int(c.accounts)), tr("%Ln campaign(s)", nullptr, int(c.campaigns)),
        tr("%Ln complaint(s)", nullptr, int(c.complaints)),
        tr("%Ln evidence row(s)", nullptr, int(c.evidence)), tr("%Ln message(s)", nullptr, int(c.messages))};
    if (c.lists > 0)
        parts << tr("%Ln list(s) with %1", nullptr, int(c.lists))
                     .arg(tr("%Ln address row(s)", nullptr, int(c.listRows)));
    const QString warned = warnings > 0 ? tr("%Ln warning(s)", nullptr, int(warnings)) : tr("no warnings");
    return tr("Imported %1 (%2).").arg(parts.join(tr(", ")), warned);
}

void BackgroundJob::run()
{
    Result result;
    try {
        CaseStore store(m_store);
        if (!m_bundle.isEmpty()) {
            {
                QMutexLocker lock(&m_mutex);
                m_progress.phase = Phase::Importing;
            }
            bundle::ImportOptions options;
            options.reviewer = m_reviewer;
            options.now = SystemClock::instance().now();
            options.cancel = &m_cancel;
            options.progress = [this](const bundle::ImportProgress& p) {
                QMutexLocker lock(&m_mutex);
                m_progress.bytesRead = p.bytesRead;
                m_progress.bytesTotal = p.bytesTotal;
                m_progress.rows = p.rows;
                m_progress.file = p.file;
            };
            const bundle::ImportResult r = bundle::importBundle(store, m_bundle, options);
            result.imported = true;
            result.summary = importSummary(r.counts, r.warnings.size());
            result.warnings = r.warnings;
            result.previousImportId = r.previousImportId;
        }
        const qint64 total = store.accountCount();
        {
            QMutexLocker lock(&m_mutex);
            m_progress.phase = Phase::Evaluating;
            m_progress.accounts = total;
        }
        rules::EvaluationService service(store, m_policy);
        const QDateTime asOf = service.defaultAsOf();
        if (total > 0 && asOf.isValid()) {
            const QList<rules::Evaluation> evals = service.evaluateAll(asOf, [this](qint64 done) {
                QMutexLocker lock(&m_mutex);
                m_progress.evaluated = done;
                return !m_cancel.load();
            });
            result.accountsEvaluated = evals.size();
            result.evaluated = !m_cancel.load() && evals.size() >= total;
            result.cancelled = m_cancel.load();
        } else {
            result.evaluated = true;
        }
    } catch (const Error& e) {
        if (e.kind() == Error::Kind::Cancelled)
            result.cancelled = true;
        else
            result.error = e;
    } catch (const std::exception& e) {
        result.error = Error::internal(QString::fromLocal8Bit(e.what()));
    }
    QMutexLocker lock(&m_mutex);
    m_progress.phase = Phase::Done;
    m_result = result;
}

} // namespace ad::ui
