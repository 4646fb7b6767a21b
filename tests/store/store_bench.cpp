// SPDX-License-Identifier: GPL-3.0-or-later
// store_bench: measures the case store outside the test suite (no timed assertions anywhere).
//
//   store_bench queue  [--accounts N] [--db FILE] [--keep]
//       builds a store of N generated accounts (default 100,000) with complaints, sample messages,
//       evaluations, assignments and pending terminates, then times queueCount + queuePage (100 rows) for
//       every sort column both ways and for every filter. Prints the median and the worst of 5 runs.
//   store_bench import [--rows N] [--dir DIR]
//       writes N list rows (default 2,000,000) as CSV, times `sqlite3 -cmd ".import --csv …"` on it, then
//       times ImportWriter::addListRow for the same rows (parsed before the clock starts, as the bundle
//       reader hands them over) and prints both rates.
#include "store/casestore.h"
#include "store/sqlite.h"
#include "storetestutil.h"
#include "util/error.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <sys/resource.h>

using namespace ad;
using namespace ad::storetest;

namespace {

const QStringList kWords{
    QStringLiteral("alpha"),  QStringLiteral("bravo"),   QStringLiteral("casino"),  QStringLiteral("delta"),
    QStringLiteral("echo"),   QStringLiteral("fashion"), QStringLiteral("garden"),  QStringLiteral("hotel"),
    QStringLiteral("invest"), QStringLiteral("jewel"),   QStringLiteral("kitchen"), QStringLiteral("loan"),
    QStringLiteral("market"), QStringLiteral("news"),    QStringLiteral("outlet"),  QStringLiteral("pharma"),
    QStringLiteral("quick"),  QStringLiteral("retail"),  QStringLiteral("shop"),    QStringLiteral("travel")};
const QStringList kRules{QStringLiteral("complaint-rate"),           QStringLiteral("bounce-rate"),
                         QStringLiteral("unsubscribe-rate"),         QStringLiteral("purchased-list"),
                         QStringLiteral("consent-missing"),          QStringLiteral("role-address"),
                         QStringLiteral("unsubscribe-link-missing"), QStringLiteral("postal-address-missing"),
                         QStringLiteral("multi-account-overlap"),    QStringLiteral("restricted-content")};

QString words(QRandomGenerator& r, int n)
{
    QStringList out;
    for (int i = 0; i < n; ++i)
        out << kWords[int(r.bounded(kWords.size()))];
    return out.join(u' ');
}

void buildQueueStore(const QString& path, int n)
{
    QRandomGenerator r(42);
    CaseStore s(path);
    QElapsedTimer t;
    t.start();
    {
        auto w = s.beginImport(importInfo());
        for (int i = 0; i < n; ++i) {
            const QString id = QStringLiteral("ACC-%1").arg(i, 6, 10, QLatin1Char('0'));
            Account a = account(id, words(r, 2) + u' ' + QString::number(i), AccountStatus(r.bounded(4)));
            a.flaggedAt = utc("2026-01-01T00:00:00Z").addSecs(qint64(r.bounded(300 * 86400)));
            w->addAccount(a);
            const int complaints = int(r.bounded(6));
            for (int c = 0; c < complaints; ++c) {
                Complaint cp;
                cp.accountId = id;
                cp.receivedAt = a.flaggedAt;
                cp.recipient = QStringLiteral("someone@example.com");
                cp.origin = QStringLiteral("csv");
                w->addComplaint(cp);
            }
            if (i % 10 == 0) {
                StoredMessage m;
                m.accountId = id;
                m.file = QStringLiteral("messages/%1/1.eml").arg(id);
                m.subject = words(r, 5);
                m.text = words(r, 80);
                if (i % 1000 == 0)
                    m.text += QStringLiteral(" unicornlottery");
                m.raw = ("Subject: " + m.subject + "\r\n\r\n" + m.text).toUtf8();
                w->addMessage(m);
            }
        }
        w->commit(QStringLiteral("{}"));
    }
    std::printf("import of %d accounts: %lld ms\n", n, qint64(t.elapsed()));
    t.restart();
    QList<EvaluationRow> rows;
    for (int i = 0; i < n; ++i) {
        EvaluationRow e;
        e.accountId = QStringLiteral("ACC-%1").arg(i, 6, 10, QLatin1Char('0'));
        e.asOf = utc("2026-11-20T00:00:00Z");
        e.policyId = QStringLiteral("optimais");
        e.policyVersion = QStringLiteral("1");
        const int sev = int(r.bounded(5)) - 1; // -1 = no finding
        if (sev >= 0) {
            e.worstSeverity = Severity(sev);
            e.recommended = recommendedActionFor(Severity(sev));
            const int k = 1 + int(r.bounded(3));
            for (int j = 0; j < k; ++j)
                e.rules << kRules[int(r.bounded(kRules.size()))];
            e.rules.removeDuplicates();
            e.worstRule = e.rules.first();
        }
        e.findingCount = int(e.rules.size());
        e.findingsJson = QStringLiteral("[]");
        if (r.bounded(10) != 0) {
            e.complaintRate = r.generateDouble() * 0.01;
            e.bounceRate = r.generateDouble() * 0.1;
            e.unsubscribeRate = r.generateDouble() * 0.05;
            e.openRate = r.generateDouble() * 0.5;
        }
        rows << e;
        if (rows.size() == 5000) {
            s.saveEvaluations(rows);
            rows.clear();
        }
    }
    s.saveEvaluations(rows);
    std::printf("saveEvaluations of %d accounts: %lld ms\n", n, qint64(t.elapsed()));
    t.restart();
    const QStringList reviewers{QStringLiteral("rina"), QStringLiteral("budi"), QStringLiteral("sari"),
                                QStringLiteral("agus")};
    {
        sql::Transaction tx(s.database()); // one transaction for the batch (setAssignee nests as a savepoint)
        for (int i = 0; i < n; i += 3)
            s.setAssignee(QStringLiteral("ACC-%1").arg(i, 6, 10, QLatin1Char('0')), reviewers[i % 4]);
        tx.commit();
    }
    for (int i = 0; i < n; i += 100) {
        const QString id = QStringLiteral("ACC-%1").arg(i, 6, 10, QLatin1Char('0'));
        Decision d;
        d.accountId = id;
        d.action = Action::Terminate;
        d.recommended = Action::Terminate;
        d.state = Decision::State::PendingApproval;
        d.reviewer = QStringLiteral("rina");
        d.at = utc("2026-11-21T00:00:00Z");
        s.recordDecision(d, std::nullopt, auditMaker(QStringLiteral("decision"), id, d.at));
    }
    std::printf("assignments and %d pending terminates: %lld ms\n", n / 100, qint64(t.elapsed()));
}

struct Timing
{
    double median = 0, worst = 0, cpu = 0; // wall-clock median and worst, CPU median (ms)
    qint64 count = 0;
    int rows = 0;
};

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

Timing timeQueue(CaseStore& s, const QueueFilter& f, QueueColumn col, bool asc, qint64 offset = 0)
{
    QList<double> ms, cpu;
    Timing out;
    for (int i = 0; i < 5; ++i) {
        // A write between runs, so that every run counts afresh (the store keeps the last count while the
        // file is unchanged, which would make repeated runs look cheaper than the first).
        s.setAssignee(QStringLiteral("ACC-000001"), QStringLiteral("rina"));
        QElapsedTimer t;
        t.start();
        const double c0 = threadCpuMs();
        out.count = s.queueCount(f);
        out.rows = int(s.queuePage(f, col, asc, offset, 100).size());
        cpu << threadCpuMs() - c0;
        ms << double(t.nsecsElapsed()) / 1e6;
    }
    std::sort(ms.begin(), ms.end());
    std::sort(cpu.begin(), cpu.end());
    out.median = ms[2];
    out.worst = ms.last();
    out.cpu = cpu[2];
    return out;
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    return QString::fromLatin1(f.readAll()).section(u' ', 0, 2);
}

int benchQueue(const QString& path, int n)
{
    if (!QFile::exists(path))
        buildQueueStore(path, n);
    CaseStore s(path); // fresh connection: empty page cache
    std::printf("store: %s, %lld accounts, %.1f MB\n", qPrintable(path), s.accountCount(),
                double(QFileInfo(path).size()) / 1e6);
    const char* names[] = {"account id", "name",        "status",      "recommended",
                           "worst",      "compl. rate", "bounce rate", "unsub. rate",
                           "open rate",  "complaints",  "flagged at",  "assignee"};
    std::printf("%-46s %9s %9s %9s %8s\n", "queueCount + queuePage(100)", "median ms", "worst ms", "CPU ms",
                "matches");
    double worstOverall = 0, worstCpu = 0;
    auto report = [&](const QString& what, const Timing& t) {
        std::printf("%-46s %9.2f %9.2f %9.2f %8lld\n", qPrintable(what), t.median, t.worst, t.cpu, t.count);
        worstOverall = std::max(worstOverall, t.worst);
        worstCpu = std::max(worstCpu, t.cpu);
    };
    for (int c = 0; c <= int(QueueColumn::Assignee); ++c) {
        for (bool asc : {true, false})
            report(QStringLiteral("sort %1 %2").arg(QString::fromLatin1(names[c]), asc ? u"asc" : u"desc"),
                   timeQueue(s, {}, QueueColumn(c), asc));
    }
    report(QStringLiteral("sort name asc, offset 50000"), timeQueue(s, {}, QueueColumn::Name, true, 50000));
    report(QStringLiteral("sort compl. rate desc, offset 90000"),
           timeQueue(s, {}, QueueColumn::ComplaintRate, false, 90000));
    struct F
    {
        const char* name;
        QueueFilter filter;
    };
    const F filters[] = {
        {"status=suspended", {QStringLiteral("suspended"), {}, {}, {}, false}},
        {"recommended=terminate", {{}, QStringLiteral("terminate"), {}, {}, false}},
        {"rule=purchased-list", {{}, {}, QStringLiteral("purchased-list"), {}, false}},
        {"text=casino (common)", {{}, {}, {}, QStringLiteral("casino"), false}},
        {"text=unicornlottery (rare)", {{}, {}, {}, QStringLiteral("unicornlottery"), false}},
        {"text=ACC-004242 (id)", {{}, {}, {}, QStringLiteral("ACC-004242"), false}},
        {"pending approvals", {{}, {}, {}, {}, true}},
        {"status+recommended+rule",
         {QStringLiteral("active"), QStringLiteral("suspend"), QStringLiteral("complaint-rate"), {}, false}},
        {"status+text", {QStringLiteral("warned"), {}, {}, QStringLiteral("market"), false}},
    };
    for (const F& f : filters) {
        report(QStringLiteral("%1, by compl. rate desc").arg(QString::fromLatin1(f.name)),
               timeQueue(s, f.filter, QueueColumn::ComplaintRate, false));
        report(QStringLiteral("%1, by name asc").arg(QString::fromLatin1(f.name)),
               timeQueue(s, f.filter, QueueColumn::Name, true));
    }
    std::printf("worst wall-clock of all: %.2f ms; worst median CPU: %.2f ms (load average now: %s)\n",
                worstOverall, worstCpu, qPrintable(loadAverage()));
    QElapsedTimer t;
    t.start();
    qint64 snaps = 0;
    s.forEachSnapshot([&](AccountSnapshot&&) {
        ++snaps;
        return true;
    });
    std::printf("forEachSnapshot over %lld accounts: %lld ms\n", snaps, qint64(t.elapsed()));
    return 0;
}

int benchImport(const QString& dir, int n)
{
    const QString csv = dir + u"/rows.csv";
    {
        QFile f(csv);
        if (!f.open(QIODevice::WriteOnly))
            return 1;
        QByteArray buf;
        for (int i = 0; i < n; ++i) {
            buf += "1," + QByteArray::number(i + 2) + ",user" + QByteArray::number(i) +
                   "@example.com,\"{\"\"first_name\"\":\"\"Ann\"\"}\"," + QByteArray::number(i % 3) + "\n";
            if (buf.size() > (1 << 20)) {
                f.write(buf);
                buf.clear();
            }
        }
        f.write(buf);
    }
    // sqlite3 shell: same pragmas as the store (WAL, synchronous=NORMAL), a table shaped like list_rows.
    const QString shellDb = dir + u"/shell.sqlite";
    QElapsedTimer t;
    t.start();
    QProcess p;
    p.start(
        QStringLiteral("sqlite3"),
        {shellDb,
         QStringLiteral("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; CREATE TABLE list_rows(list_rid "
                        "INTEGER, line INTEGER, email TEXT, raw TEXT, problems INTEGER);"),
         QStringLiteral(".import --csv %1 list_rows").arg(csv)});
    p.waitForFinished(-1);
    const double shellMs = double(t.nsecsElapsed()) / 1e6;
    rusage children{};
    getrusage(RUSAGE_CHILDREN, &children);
    const double shellCpu = double(children.ru_utime.tv_sec + children.ru_stime.tv_sec) * 1e3 +
                            double(children.ru_utime.tv_usec + children.ru_stime.tv_usec) / 1e3;
    if (p.exitCode() != 0) {
        std::printf("sqlite3 failed: %s\n", p.readAllStandardError().constData());
        return 1;
    }

    // The same rows, parsed before the clock starts (the bundle reader's work is not the store's).
    QList<ListRow> rows;
    rows.reserve(n);
    {
        QFile f(csv);
        if (!f.open(QIODevice::ReadOnly))
            return 1;
        while (!f.atEnd()) {
            const QByteArray line = f.readLine();
            const QList<QByteArray> parts = line.split(',');
            rows.append(ListRow{parts[1].toLongLong(), QString::fromUtf8(parts[2]),
                                QStringLiteral("{\"first_name\":\"Ann\"}"), parts[4].trimmed().toInt()});
        }
    }
    CaseStore s(dir + u"/store.sqlite");
    t.restart();
    const double cpu0 = threadCpuMs();
    {
        auto w = s.beginImport(importInfo());
        w->addAccount(account(QStringLiteral("A1"), QStringLiteral("Shop")));
        MailingList l;
        l.accountId = QStringLiteral("A1");
        l.listId = QStringLiteral("L1");
        l.source = QStringLiteral("import");
        w->addList(l);
        const QString acc = QStringLiteral("A1"), list = QStringLiteral("L1");
        for (const ListRow& r : std::as_const(rows))
            w->addListRow(acc, list, r);
        w->commit(QStringLiteral("{}"));
    }
    const double storeMs = double(t.nsecsElapsed()) / 1e6;
    const double storeCpu = threadCpuMs() - cpu0;
    std::printf(
        "%d rows, wall clock: sqlite3 .import %.0f ms (%.0f rows/s); ImportWriter::addListRow %.0f ms "
        "(%.0f rows/s): %.0f%% of the shell's rate\n",
        n, shellMs, n / shellMs * 1000, storeMs, n / storeMs * 1000, shellMs / storeMs * 100);
    std::printf(
        "%d rows, CPU time: sqlite3 .import %.0f ms; ImportWriter %.0f ms: %.0f%% of the shell's rate "
        "(load average %s)\n",
        n, shellCpu, storeCpu, shellCpu / storeCpu * 100, qPrintable(loadAverage()));
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("mode"), QStringLiteral("queue or import"));
    parser.addOption({QStringLiteral("accounts"), QStringLiteral("accounts to generate"), QStringLiteral("N"),
                      QStringLiteral("100000")});
    parser.addOption({QStringLiteral("rows"), QStringLiteral("list rows"), QStringLiteral("N"),
                      QStringLiteral("2000000")});
    parser.addOption({QStringLiteral("db"), QStringLiteral("store to use or build"), QStringLiteral("FILE")});
    parser.addHelpOption();
    parser.process(app);
    try {
        QTemporaryDir tmp;
        const QString mode = parser.positionalArguments().value(0);
        if (mode == u"queue") {
            const QString db = parser.isSet(QStringLiteral("db"))
                                   ? parser.value(QStringLiteral("db"))
                                   : tmp.filePath(QStringLiteral("queue.sqlite"));
            return benchQueue(db, parser.value(QStringLiteral("accounts")).toInt());
        }
        if (mode == u"import")
            return benchImport(tmp.path(), parser.value(QStringLiteral("rows")).toInt());
        parser.showHelp(2);
    } catch (const Error& e) {
        std::fprintf(stderr, "%s\n", qPrintable(e.toString()));
        return 3;
    }
    return 0;
}
