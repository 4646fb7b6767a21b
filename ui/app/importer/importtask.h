// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Background work of the desktop program: importing a case bundle and evaluating the whole store, on a
// worker thread with its own CaseStore connection (the window stays responsive). Progress is published
// in a snapshot the dialog polls; cancel() is honoured by the importer (the store is left exactly as it
// was) and between accounts by the evaluation.

#include "rules/policy.h"
#include "util/error.h"

#include <QMutex>
#include <QObject>
#include <QStringList>
#include <atomic>
#include <optional>

class QThread;

namespace ad::bundle {
struct ImportCounts;
}

namespace ad::ui {

class BackgroundJob : public QObject
{
    Q_OBJECT
public:
    enum class Phase
    {
        Waiting,
        Importing,
        Evaluating,
        Done
    };

    struct Progress
    {
        Phase phase = Phase::Waiting;
        qint64 bytesRead = 0;
        qint64 bytesTotal = 0;
        qint64 rows = 0;
        QString file;
        qint64 evaluated = 0;
        qint64 accounts = 0;
    };

    struct Result
    {
        bool imported = false;  // the bundle was committed
        bool evaluated = false; // every account was evaluated
        bool cancelled = false;
        QString summary; // what was imported, one translated line (importSummary)
        QStringList warnings;
        qint64 previousImportId = 0;
        qint64 accountsEvaluated = 0;
        std::optional<Error> error; // the refusal or failure
    };

    // bundlePath empty: evaluate only.
    BackgroundJob(QString storePath, QString bundlePath, QString reviewer, rules::Policy policy,
                  QObject* parent = nullptr);
    ~BackgroundJob() override;

    void start();
    void cancel();
    bool isRunning() const;
    bool isImport() const { return !m_bundle.isEmpty(); }
    QString bundlePath() const { return m_bundle; }
    Progress progress() const;
    // "Imported 3 accounts, 5 campaigns, … (no warnings)" in the user's language.
    static QString importSummary(const bundle::ImportCounts& counts, qsizetype warnings);
    const Result& result() const { return m_result; } // valid after finished()
    // Blocks until the worker is done (used when the window closes).
    void wait();

Q_SIGNALS:
    void finished();

private:
    void run();
    QString m_store, m_bundle, m_reviewer;
    rules::Policy m_policy;
    QThread* m_thread = nullptr;
    std::atomic<bool> m_cancel{false};
    mutable QMutex m_mutex;
    Progress m_progress;
    Result m_result;
};

} // namespace ad::ui
