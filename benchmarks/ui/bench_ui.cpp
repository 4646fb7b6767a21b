// SPDX-License-Identifier: GPL-3.0-or-later
// bench_ui STORE.sqlite [SWITCHES]: opens the real MainWindow (offscreen unless QT_QPA_PLATFORM is set)
// on an existing case store and prints, in milliseconds: start → first painted queue, sort by each
// queue column (ascending, repainted), a text filter (applied and repainted), switching accounts in
// the case view on the Overview tab (mean and worst of SWITCHES accounts, default 50), and the peak RSS.
// Targets: first paint < 300 ms, sort/filter < 150 ms, account switch < 100 ms, RSS < 250 MB.
// The settings are kept apart from the reviewer's (organisation "OPTIMAIS-bench"). Running as root
// needs QTWEBENGINE_DISABLE_SANDBOX=1 (the message preview's web engine starts with the window).
#include "caseview/caseview.h"
#include "mainwindow/mainwindow.h"
#include "queue/queuemodel.h"
#include "queue/queueview.h"
#include "settings/settings.h"

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

double ms(const QElapsedTimer& t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char** argv)
{
    QElapsedTimer start;
    start.start();
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
    const double firstPaint = ms(start);
    const int rows = window.queueModel()->rowCount();
    std::printf("store %s: %d accounts in the queue\n", argv[1], rows);
    std::printf("first painted queue: %.1f ms (target < 300)\n", firstPaint);

    auto timed = [&](auto&& fn) {
        QApplication::processEvents();
        QElapsedTimer t;
        t.start();
        fn();
        table->viewport()->repaint();
        return ms(t);
    };
    double worstSort = 0;
    const int columns = window.queueModel()->columnCount();
    for (int c = 0; c < columns; ++c) {
        const double t =
            timed([&] { table->sortByColumn(c, c == 0 ? Qt::DescendingOrder : Qt::AscendingOrder); });
        worstSort = std::max(worstSort, t);
        std::printf(
            "sort by %-22s %7.1f ms\n",
            qPrintable(window.queueModel()->headerData(c, Qt::Horizontal).toString() + QLatin1Char(':')), t);
    }
    std::printf("worst sort: %.1f ms (target < 150)\n", worstSort);
    table->sortByColumn(0, Qt::AscendingOrder);

    QLineEdit* search = window.queueView()->searchEdit();
    // A word of the first account's name (matches part of the queue), a miss, then clearing the filter.
    const QString name = window.queueModel()->index(0, 1).data().toString();
    const QString word = name.section(QLatin1Char(' '), 0, 0);
    for (const QString& text : {word, QStringLiteral("no-such-account-xyz"), QString()}) {
        const double t = timed([&] {
            search->setText(text);
            window.queueView()->applyFilter();
        });
        std::printf("filter \"%s\": %.1f ms, %d rows (target < 150)\n", qPrintable(text), t,
                    window.queueModel()->rowCount());
    }

    window.caseView()->tabs()->setCurrentIndex(0); // Overview: no message rendering
    QStringList ids;
    const int n = std::min(switches, window.queueModel()->rowCount());
    for (int r = 0; r < n; ++r)
        ids << window.queueModel()
                   ->index(r * std::max(1, window.queueModel()->rowCount() / std::max(1, n)), 0)
                   .data(ad::ui::QueueModel::AccountIdRole)
                   .toString();
    double total = 0, worst = 0;
    for (const QString& id : std::as_const(ids)) {
        const double t = timed([&] {
            window.showAccount(id);
            window.caseView()->repaint();
        });
        total += t;
        worst = std::max(worst, t);
    }
    if (!ids.isEmpty())
        std::printf(
            "account switch (%lld accounts, Overview tab): mean %.1f ms, worst %.1f ms (target < 100)\n",
            static_cast<long long>(ids.size()), total / double(ids.size()), worst);

    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    std::printf("peak RSS: %.1f MB (target < 250)\n", double(ru.ru_maxrss) / 1024.0);
    return 0;
}
