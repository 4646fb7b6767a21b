// SPDX-License-Identifier: GPL-3.0-or-later
// bench_ui STORE.sqlite [SWITCHES]: opens the real MainWindow (offscreen unless QT_QPA_PLATFORM is set)
// on an existing case store and prints, in milliseconds of wall time and of process CPU time: start →
// first painted queue, sort by each queue column (ascending, repainted), a text filter (applied and
// repainted), switching accounts in the case view on the Overview tab (mean and worst of SWITCHES
// accounts, default 50), and the peak RSS.
// Targets: first paint < 300 ms, sort/filter < 150 ms, account switch < 100 ms, RSS < 250 MB.
//
// The machine this runs on is often shared, so every figure comes with a floor measured in the same run,
// and the ratio to it:
//   first paint   a bare QTableView on a second QueueModel over the same store, shown and painted
//                 (measured after the window, so with warm caches: a lower bound);
//   sort, filter  CaseStore::queueCount + queuePage of the first page, the same query without any UI;
//   switch        CaseData::load of the account with no tab part (what the Overview needs), without UI;
//                 and, for comparison, the same switch followed by loading every tab, which is what the
//                 case view did before its tabs were loaded lazily (includes message parsing/rendering).
// The settings are kept apart from the reviewer's (organisation "OPTIMAIS-bench"). Running as root
// needs QTWEBENGINE_DISABLE_SANDBOX=1 when the web preview starts (Messages/Complaints tabs).
#include "caseview/caseview.h"
#include "mainwindow/mainwindow.h"
#include "queue/queuemodel.h"
#include "queue/queueview.h"
#include "settings/settings.h"
#include "store/casestore.h"

#ifdef ABUSEDESK_HAVE_PREVIEW
#include "preview/schemes.h"
#endif

#include <QAbstractItemModel>
#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QFileInfo>
#include <QHeaderView>
#include <QLineEdit>
#include <QTabWidget>
#include <QTableView>
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <sys/resource.h>

namespace {

class PaintWatch : public QObject
{
public:
    bool painted = false;
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint)
            painted = true;
        return QObject::eventFilter(watched, event);
    }
};

double cpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// Wall and process CPU time of one measured step.
struct Span
{
    double wall = 0, cpu = 0;
    Span& operator+=(const Span& o)
    {
        wall += o.wall;
        cpu += o.cpu;
        return *this;
    }
    Span operator/(double n) const { return {wall / n, cpu / n}; }
};

class Stopwatch
{
public:
    Stopwatch() { restart(); }
    void restart()
    {
        m_cpu = cpuMs();
        m_wall.start();
    }
    Span elapsed() const { return {double(m_wall.nsecsElapsed()) / 1e6, cpuMs() - m_cpu}; }

private:
    QElapsedTimer m_wall;
    double m_cpu = 0;
};

QString fmt(const Span& s)
{
    return QStringLiteral("%1 ms wall, %2 ms CPU").arg(s.wall, 7, 'f', 1).arg(s.cpu, 7, 'f', 1);
}

QString ratio(const Span& s, const Span& floor)
{
    auto r = [](double a, double b) {
        return b > 0.05 ? QStringLiteral("%1x").arg(a / b, 0, 'f', 1) : QStringLiteral("-");
    };
    return QStringLiteral("floor %1 ms wall / %2 ms CPU, ratio %3 wall, %4 CPU")
        .arg(floor.wall, 0, 'f', 1)
        .arg(floor.cpu, 0, 'f', 1)
        .arg(r(s.wall, floor.wall), r(s.cpu, floor.cpu));
}

void print(const QString& line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv)
{
    Stopwatch start;
    if (argc < 2 || !QFileInfo::exists(QString::fromLocal8Bit(argv[1]))) {
        std::fprintf(stderr, "usage: bench_ui STORE.sqlite [SWITCHES]  (the store must exist)\n");
        return 2;
    }
    const int switches = argc > 2 ? std::max(1, std::atoi(argv[2])) : 50;
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
#ifdef ABUSEDESK_HAVE_PREVIEW
    ad::preview::registerSchemes();
#endif
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("OPTIMAIS-bench"));
    QApplication::setApplicationName(QStringLiteral("abusedesk-bench"));
    ad::ui::Settings settings;
    ad::ui::MainWindow window(settings, QString::fromLocal8Bit(argv[1]));
    QTableView* table = window.queueView()->table();
    PaintWatch watch;
    table->viewport()->installEventFilter(&watch);
    window.show();
    while (!watch.painted)
        QApplication::processEvents(QEventLoop::AllEvents, 5);
    const Span firstPaint = start.elapsed();
    ad::ui::QueueModel* model = window.queueModel();
    const ad::CaseStore* store = window.store();
    const int rows = model->rowCount();
    print(
        QStringLiteral("store %1: %2 accounts in the queue").arg(QString::fromLocal8Bit(argv[1])).arg(rows));
    print(QStringLiteral("first painted queue (from main()): %1 (target < 300)").arg(fmt(firstPaint)));
    if (!store)
        return 1;
    // Let the case view load the selected account (its debounce timer) before measuring anything else.
    for (int i = 0; i < 40; ++i)
        QApplication::processEvents(QEventLoop::AllEvents, 5);

    auto timed = [&](auto&& fn) {
        QApplication::processEvents();
        Stopwatch t;
        fn();
        table->viewport()->repaint();
        return t.elapsed();
    };
    auto storeFloor = [&](const ad::QueueFilter& f, ad::QueueColumn col, bool asc) {
        Span best{1e18, 1e18};
        for (int run = 0; run < 3; ++run) {
            // A different filter first, so queueCount's one-entry cache does not answer.
            ad::QueueFilter other;
            other.status = QStringLiteral("terminated");
            store->queueCount(other);
            Stopwatch t;
            store->queueCount(f);
            store->queuePage(f, col, asc, 0, ad::ui::QueueModel::kPageSize);
            const Span s = t.elapsed();
            best.wall = std::min(best.wall, s.wall);
            best.cpu = std::min(best.cpu, s.cpu);
        }
        return best;
    };

    Span worstSort;
    const int columns = model->columnCount();
    for (int c = 0; c < columns; ++c) {
        const Qt::SortOrder order = c == 0 ? Qt::DescendingOrder : Qt::AscendingOrder;
        const Span t = timed([&] { table->sortByColumn(c, order); });
        worstSort.wall = std::max(worstSort.wall, t.wall);
        worstSort.cpu = std::max(worstSort.cpu, t.cpu);
        const Span floor =
            storeFloor(model->filter(), ad::ui::QueueModel::storeColumn(c), order == Qt::AscendingOrder);
        print(QStringLiteral("sort by %1 %2; %3")
                  .arg(model->headerData(c, Qt::Horizontal).toString() + QLatin1Char(':'), -16)
                  .arg(fmt(t), ratio(t, floor)));
    }
    print(QStringLiteral("worst sort: %1 (target < 150)").arg(fmt(worstSort)));
    table->sortByColumn(0, Qt::AscendingOrder);

    QLineEdit* search = window.queueView()->searchEdit();
    // A word of the first account's name (matches part of the queue), a miss, then clearing the filter.
    const QString name = model->index(0, 1).data().toString();
    const QString word = name.section(QLatin1Char(' '), 0, 0);
    for (const QString& text : {word, QStringLiteral("no-such-account-xyz"), QString()}) {
        const Span t = timed([&] {
            search->setText(text);
            window.queueView()->applyFilter();
        });
        const Span floor = storeFloor(model->filter(), ad::QueueColumn::AccountId, true);
        print(QStringLiteral("filter \"%1\": %2, %3 rows (target < 150); %4")
                  .arg(text, fmt(t))
                  .arg(model->rowCount())
                  .arg(ratio(t, floor)));
    }

    window.caseView()->tabs()->setCurrentIndex(0); // Overview: no message rendering
    QStringList ids;
    const int n = std::min(switches, model->rowCount());
    for (int r = 0; r < n; ++r)
        ids << model->index(r * std::max(1, model->rowCount() / std::max(1, n)), 0)
                   .data(ad::ui::QueueModel::AccountIdRole)
                   .toString();
    Span total, worst, floorTotal, eagerTotal;
    for (const QString& id : std::as_const(ids)) {
        const Span t = timed([&] {
            window.showAccount(id);
            window.caseView()->repaint();
        });
        total += t;
        worst.wall = std::max(worst.wall, t.wall);
        worst.cpu = std::max(worst.cpu, t.cpu);
        Stopwatch f;
        ad::ui::CaseData::load(*store, id, ad::ui::CaseData::NoParts);
        floorTotal += f.elapsed();
    }
    if (!ids.isEmpty()) {
        const double k = double(ids.size());
        print(
            QStringLiteral("account switch (%1 accounts, Overview tab): mean %2, worst %3 (target < 100); %4")
                .arg(ids.size())
                .arg(fmt(total / k), fmt(worst), ratio(total / k, floorTotal / k)));
        // The former behaviour for comparison: every tab loaded on every switch.
        ad::ui::CaseView* cv = window.caseView();
        const int m = int(std::min<qsizetype>(ids.size(), 10));
        for (int i = 0; i < m; ++i) {
            eagerTotal += timed([&] {
                window.showAccount(ids[i]);
                for (int tab = 0; tab < cv->tabs()->count(); ++tab)
                    cv->ensureTabLoaded(cv->tabs()->widget(tab));
                cv->repaint();
            });
        }
        print(QStringLiteral(
                  "account switch loading every tab (the former eager case view, %1 accounts): mean %2")
                  .arg(m)
                  .arg(fmt(eagerTotal / double(m))));
    }

    // Floor of the first paint: a bare table on the same store (warm caches), shown and painted.
    {
        Stopwatch t;
        ad::ui::QueueModel bare;
        bare.setStore(store);
        QTableView view;
        view.setModel(&bare);
        view.resize(table->size());
        PaintWatch w;
        view.viewport()->installEventFilter(&w);
        view.show();
        while (!w.painted)
            QApplication::processEvents(QEventLoop::AllEvents, 5);
        const Span floor = t.elapsed();
        print(QStringLiteral("first paint vs a bare QTableView on the same store (warm): %1")
                  .arg(ratio(firstPaint, floor)));
    }

    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    print(QStringLiteral("peak RSS: %1 MB (target < 250)").arg(double(ru.ru_maxrss) / 1024.0, 0, 'f', 1));
    return 0;
}
