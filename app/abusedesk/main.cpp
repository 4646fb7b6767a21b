// SPDX-License-Identifier: GPL-3.0-or-later
// abusedesk [--db FILE] [--import BUNDLE] [--account ID [--tab NAME] [--decide]] [--version] [--help]:
// the reviewer's desktop program. --account/--tab/--decide open a case directly (after the import, if any).
#include "caseview/caseview.h"
#include "importer/importtask.h"
#include "mainwindow/app.h"
#include "mainwindow/mainwindow.h"
#include "settings/settings.h"
#include "util/paths.h"

#ifdef ABUSEDESK_HAVE_PREVIEW
#include "preview/schemes.h"
#endif

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QTabWidget>
#include <QTimer>
#include <cstdio>
#include <cstring>

namespace {

void setupParser(QCommandLineParser& parser)
{
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "AbuseDesk: review flagged e-mail marketing accounts and record decisions."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("db"),
                      QCoreApplication::translate("main", "Case store to open (default: the user's store)."),
                      QStringLiteral("FILE")});
    parser.addOption(
        {QStringLiteral("import"),
         QCoreApplication::translate("main", "Import this case bundle (folder or .zip) on start."),
         QStringLiteral("BUNDLE")});
    parser.addOption({QStringLiteral("account"),
                      QCoreApplication::translate("main", "Open this account when the program has started."),
                      QStringLiteral("ID")});
    parser.addOption(
        {QStringLiteral("tab"),
         QCoreApplication::translate(
             "main",
             "Case view tab to show: overview, metrics, messages, evidence, lists, complaints or history."),
         QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("decide"),
                      QCoreApplication::translate("main", "Open the decision dialog for that account.")});
}

} // namespace

int main(int argc, char** argv)
{
    // --version and --help work without a display.
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0 || std::strcmp(argv[i], "-v") == 0 ||
            std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
            QCoreApplication app(argc, argv);
            QCoreApplication::setApplicationName(QStringLiteral("abusedesk"));
            QCoreApplication::setApplicationVersion(ad::paths::version());
            QCommandLineParser parser;
            setupParser(parser);
            parser.process(app); // prints and exits
            return 0;
        }
    }

#ifdef ABUSEDESK_HAVE_PREVIEW
    ad::preview::registerSchemes();
#endif
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("abusedesk"));
    QApplication::setOrganizationName(QStringLiteral("OPTIMAIS"));
    QApplication::setApplicationDisplayName(QStringLiteral("AbuseDesk"));
    QApplication::setApplicationVersion(ad::paths::version());
    QApplication::setDesktopFileName(QStringLiteral("org.optimais.AbuseDesk"));
    QApplication::setWindowIcon(ad::ui::appIcon());

    ad::ui::Settings settings;
    ad::ui::installTranslations(app, settings.language());

    QCommandLineParser parser;
    setupParser(parser);
    parser.process(app);
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "abusedesk: unexpected argument \"%s\" (see --help)\n",
                     qPrintable(parser.positionalArguments().first()));
        return 2;
    }
    const QString bundle = parser.value(QStringLiteral("import"));
    if (!bundle.isEmpty() && !QFileInfo::exists(bundle)) {
        std::fprintf(stderr, "abusedesk: --import: %s: no such file or folder\n", qPrintable(bundle));
        return 2;
    }

    static const QStringList tabNames{QStringLiteral("overview"), QStringLiteral("metrics"),
                                      QStringLiteral("messages"), QStringLiteral("evidence"),
                                      QStringLiteral("lists"),    QStringLiteral("complaints"),
                                      QStringLiteral("history")};
    const QString account = parser.value(QStringLiteral("account"));
    const QString tabName = parser.value(QStringLiteral("tab")).toLower();
    const bool decide = parser.isSet(QStringLiteral("decide"));
    const int tab = tabName.isEmpty() ? 0 : int(tabNames.indexOf(tabName));
    if (tab < 0) {
        std::fprintf(stderr, "abusedesk: --tab: unknown tab \"%s\" (one of %s)\n", qPrintable(tabName),
                     qPrintable(tabNames.join(QStringLiteral(", "))));
        return 2;
    }
    if (account.isEmpty() && (parser.isSet(QStringLiteral("tab")) || decide)) {
        std::fprintf(stderr, "abusedesk: --tab and --decide need --account\n");
        return 2;
    }

    ad::ui::MainWindow window(settings, parser.value(QStringLiteral("db")));
    window.show();
    auto openCase = [&window, account, tab, decide] {
        if (account.isEmpty())
            return;
        window.showAccount(account);
        window.caseView()->tabs()->setCurrentIndex(tab);
        if (decide)
            window.openDecisionDialog();
    };
    if (!bundle.isEmpty())
        QTimer::singleShot(0, &window, [&window, bundle, openCase] {
            if (ad::ui::BackgroundJob* job = window.importBundle(bundle))
                QObject::connect(job, &ad::ui::BackgroundJob::finished, &window, openCase,
                                 Qt::QueuedConnection);
            else
                openCase();
        });
    else
        QTimer::singleShot(0, &window, openCase);
    return app.exec();
}
