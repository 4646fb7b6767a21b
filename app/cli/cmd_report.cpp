// SPDX-License-Identifier: GPL-3.0-or-later
// abusedesk-cli report --account ID --format pdf|html|json --out FILE [--redact] [--lang en|id]
//                      [--as-of TIME] [--policy ID|FILE] [--db FILE]
// Writes the case report (core/report/report.h). PDF needs the desktop libraries (ui/render); the command
// asks main() for a GUI application only when --format pdf is given.
#include "command.h"
#include "report/report.h"
#include "rules/policy.h"
#include "util/clock.h"
#include "util/error.h"
#include "util/timeutil.h"

#include <QSettings>

#ifdef ABUSEDESK_HAVE_RENDER
#include "render/pdfrenderer.h"
#endif

namespace {

// The program's language setting (the desktop program's Settings, key ui/language), else English.
QString defaultLanguage()
{
    const QSettings s(QStringLiteral("OPTIMAIS"), QStringLiteral("abusedesk"));
    const QString v = s.value(QStringLiteral("ui/language")).toString();
    return ad::report::languages().contains(v) ? v : QStringLiteral("en");
}

int runReport(ad::cli::Args& args)
{
    QCommandLineParser p;
    const QCommandLineOption account(QStringLiteral("account"), QStringLiteral("The account to report on."),
                                     QStringLiteral("ID"));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("pdf, html or json."),
                                    QStringLiteral("FORMAT"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("The file to write."),
                                 QStringLiteral("FILE"));
    const QCommandLineOption redact(QStringLiteral("redact"),
                                    QStringLiteral("Mask subscribers' e-mail addresses and IP addresses "
                                                   "(for reports that leave the abuse team)."));
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  QStringLiteral("Report language, en or id (default: the program's setting, "
                                                 "else en)."),
                                  QStringLiteral("LANG"));
    const QCommandLineOption asOf(
        QStringLiteral("as-of"),
        QStringLiteral("Evaluate as of this time (default: the bundle's exported_at)."),
        QStringLiteral("TIME"));
    const QCommandLineOption policy(QStringLiteral("policy"),
                                    QStringLiteral("Policy id or file (default: optimais)."),
                                    QStringLiteral("POLICY"));
    p.addOptions({account, format, out, redact, lang, asOf, policy});
    if (!args.parse(p, QStringLiteral("Write the case report of one account.")))
        return ad::cli::Ok;
    if (!p.positionalArguments().isEmpty())
        throw ad::Error::input(
            QStringLiteral("unexpected argument \"%1\"").arg(p.positionalArguments().constFirst()));
    if (!p.isSet(account) || p.value(account).isEmpty())
        throw ad::Error::input(QStringLiteral("--account is required"));
    if (!p.isSet(format))
        throw ad::Error::input(QStringLiteral("--format is required (pdf, html or json)"));
    const auto fmt = ad::report::formatFromString(p.value(format));
    if (!fmt)
        throw ad::Error::input(
            QStringLiteral("unknown format \"%1\" (expected pdf, html or json)").arg(p.value(format)));
    if (!p.isSet(out) || p.value(out).isEmpty())
        throw ad::Error::input(QStringLiteral("--out is required"));
    ad::report::Options o;
    o.accountId = p.value(account);
    o.redact = p.isSet(redact);
    o.language = p.isSet(lang) ? p.value(lang) : defaultLanguage();
    if (!ad::report::languages().contains(o.language))
        throw ad::Error::input(QStringLiteral("unknown language \"%1\" (expected en or id)").arg(o.language));
    if (p.isSet(asOf)) {
        const auto t = ad::time::parseIso(p.value(asOf));
        if (!t)
            throw ad::Error::input(
                QStringLiteral("--as-of \"%1\" is not an ISO 8601 time").arg(p.value(asOf)));
        o.asOf = *t;
    }
    o.exportedAt = args.clock().now().toUTC();
    const ad::rules::Policy& pol = args.policy(p.value(policy));

    args.existingStore(); // a missing --db file is bad input, never a new empty store
    ad::report::PdfRenderer renderer;
#ifdef ABUSEDESK_HAVE_RENDER
    renderer = &ad::render::renderPdf;
#endif
    ad::report::exportReport(args.store(), pol, o, *fmt, p.value(out), renderer);
    args.out() << "wrote the " << ad::report::toString(*fmt) << " report of " << o.accountId << " to "
               << p.value(out) << '\n';
    return ad::cli::Ok;
}

// Only `--format pdf` needs a GUI application (QtWebEngine).
bool reportNeedsGui(const QStringList& arguments)
{
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& a = arguments.at(i);
        if ((a == QLatin1String("--format") || a == QLatin1String("-format")) && i + 1 < arguments.size() &&
            arguments.at(i + 1) == QLatin1String("pdf"))
            return true;
        if (a == QLatin1String("--format=pdf") || a == QLatin1String("-format=pdf"))
            return true;
    }
    return false;
}

} // namespace

ABUSEDESK_CLI_GUI_COMMAND(report, "report", "write the case report of an account (pdf, html or json)",
                          runReport, reportNeedsGui)
