// SPDX-License-Identifier: GPL-3.0-or-later
// abusedesk-cli: everything the rules and the case store can do, without a display.
// Exit codes (../shared/spec/cli.md): 0 success, 1 a reported problem, 2 bad usage or input, 3 failure.
#include "command.h"
#include "util/error.h"
#include "util/paths.h"

#include <QCoreApplication>
#include <memory>
#ifdef ABUSEDESK_HAVE_RENDER
#include "render/pdfrenderer.h"
#endif
#include <QTextStream>
#include <algorithm>
#include <cstdio>
#include <exception>

namespace {

void quietMessages(QtMsgType type, const QMessageLogContext&, const QString& msg)
{
    // Never on stdout; debug noise only when asked for.
    if (type == QtDebugMsg && qEnvironmentVariableIsEmpty("ABUSEDESK_DEBUG"))
        return;
    if (type == QtInfoMsg && qEnvironmentVariableIsEmpty("ABUSEDESK_DEBUG"))
        return;
    std::fprintf(stderr, "abusedesk-cli: %s\n", qUtf8Printable(msg));
}

void printUsage(QTextStream& s)
{
    s << "Usage: abusedesk-cli [--help] [--version] COMMAND [OPTIONS]\n\n"
         "Review e-mail marketing accounts against the anti-spam policy, from the command line.\n\n"
         "Commands:\n";
    auto cmds = ad::cli::commands();
    std::sort(cmds.begin(), cmds.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    for (const auto& c : cmds)
        s << "  " << c.name.leftJustified(17) << c.summary << '\n';
    s << "\n'abusedesk-cli COMMAND --help' describes a command's options.\n"
         "Exit codes: 0 success, 1 a problem was found and reported, 2 bad usage or input, 3 other "
         "failure.\n";
}

} // namespace

int main(int argc, char** argv)
{
    qInstallMessageHandler(quietMessages);
    // Commands that render (report --format pdf) need a GUI application, created before anything else;
    // every other command runs on a QCoreApplication.
    std::unique_ptr<QCoreApplication> appPtr;
    if (argc > 1) {
        const QString first = QString::fromLocal8Bit(argv[1]);
        QStringList rest;
        for (int i = 2; i < argc; ++i)
            rest << QString::fromLocal8Bit(argv[i]);
        for (const auto& c : ad::cli::commands())
            if (c.name == first && c.needsGui && c.needsGui(rest)) {
#ifdef ABUSEDESK_HAVE_RENDER
                appPtr = ad::render::createApplication(argc, argv);
#endif
                break;
            }
    }
    if (!appPtr)
        appPtr = std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication& app = *appPtr;
    QCoreApplication::setApplicationName(QStringLiteral("abusedesk"));
    QCoreApplication::setOrganizationName(QStringLiteral("AbuseDesk"));
    QCoreApplication::setApplicationVersion(ad::paths::version());

    QStringList args = app.arguments().mid(1);
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (args.isEmpty()) {
        printUsage(err);
        return ad::cli::BadInput;
    }
    const QString name = args.takeFirst();
    if (name == QLatin1String("--help") || name == QLatin1String("-h") || name == QLatin1String("help")) {
        printUsage(out);
        return ad::cli::Ok;
    }
    if (name == QLatin1String("--version") || name == QLatin1String("-V")) {
        out << "abusedesk-cli " << ad::paths::version() << '\n';
        return ad::cli::Ok;
    }
    const auto& cmds = ad::cli::commands();
    const auto it = std::find_if(cmds.begin(), cmds.end(), [&](const auto& c) { return c.name == name; });
    if (it == cmds.end()) {
        err << "abusedesk-cli: unknown command '" << name << "'\n\n";
        printUsage(err);
        return ad::cli::BadInput;
    }
    try {
        ad::cli::Args a(name, args);
        return it->run(a);
    } catch (const ad::Error& e) {
        out.flush();
        err << "abusedesk-cli " << name << ": " << ad::cli::terminalSafe(e.toString()) << '\n';
        switch (e.kind()) {
        case ad::Error::Kind::Input:
        case ad::Error::Kind::Conflict:
            return ad::cli::BadInput;
        case ad::Error::Kind::Internal:
        case ad::Error::Kind::Cancelled:
            return ad::cli::Failure;
        }
        return ad::cli::Failure;
    } catch (const std::exception& e) {
        out.flush();
        err << "abusedesk-cli " << name << ": " << ad::cli::terminalSafe(QString::fromUtf8(e.what())) << '\n';
        return ad::cli::Failure;
    }
}
