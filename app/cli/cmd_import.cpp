// SPDX-License-Identifier: GPL-3.0-or-later
// abusedesk-cli import BUNDLE [--json] [--db FILE] [--reviewer NAME] [--max-file-size BYTES] [--progress]
// Imports a case bundle (folder or .zip), all or nothing (../shared/spec/cli.md). Prints a one-line summary
// (warnings follow on stderr, one per line), or with --json exactly
// {"accounts":N,"campaigns":N,"complaints":N,"evidence":N,"messages":N,"warnings":[...]}.
#include "bundle/importer.h"
#include "command.h"
#include "store/casestore.h"
#include "util/clock.h"
#include "util/error.h"

namespace {

int runImport(ad::cli::Args& args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("BUNDLE"),
                                 QStringLiteral("A case bundle: a folder or a .zip file."));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print the summary as a JSON object."));
    const QCommandLineOption reviewer(
        QStringLiteral("reviewer"),
        QStringLiteral("Who imports (default: $ABUSEDESK_REVIEWER, else the user)."), QStringLiteral("NAME"));
    const QCommandLineOption maxSize(
        QStringLiteral("max-file-size"),
        QStringLiteral("Refuse files larger than this many bytes (default 2 GiB)."), QStringLiteral("BYTES"));
    const QCommandLineOption progress(
        QStringLiteral("progress"),
        QStringLiteral("Report progress on stderr: \"progress BYTES_READ BYTES_TOTAL "
                       "ROWS FILE\" lines."));
    parser.addOption(json);
    parser.addOption(reviewer);
    parser.addOption(maxSize);
    parser.addOption(progress);
    if (!args.parse(parser,
                    QStringLiteral("Import a case bundle (folder or .zip) into the case store. All or "
                                   "nothing: a bundle with any error changes nothing.")))
        return ad::cli::Ok;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 1)
        throw ad::Error::input(QStringLiteral("import needs exactly one BUNDLE (a folder or a .zip file)"));

    ad::bundle::ImportOptions options;
    options.reviewer = args.reviewer(parser);
    options.now = args.clock().now();
    if (parser.isSet(maxSize)) {
        bool ok = false;
        const qint64 n = parser.value(maxSize).toLongLong(&ok);
        if (!ok || n <= 0)
            throw ad::Error::input(
                QStringLiteral("--max-file-size must be a positive number of bytes, not \"%1\"")
                    .arg(parser.value(maxSize)));
        options.maxFileSize = n;
    }
    if (parser.isSet(progress)) {
        options.progress = [&args](const ad::bundle::ImportProgress& p) {
            args.err() << "progress " << p.bytesRead << ' ' << p.bytesTotal << ' ' << p.rows << ' '
                       << ad::cli::terminalSafe(p.file) << '\n';
            args.err().flush();
        };
    }
    const ad::bundle::ImportResult r = ad::bundle::importBundle(args.store(), pos.first(), options);
    if (parser.isSet(json)) {
        args.out() << r.summaryJson() << '\n';
    } else {
        args.out() << r.summaryLine() << '\n';
        for (const QString& w : r.warnings)
            args.err() << "warning: " << ad::cli::terminalSafe(w) << '\n';
    }
    return ad::cli::Ok;
}

} // namespace

ABUSEDESK_CLI_COMMAND(import, "import", "import a case bundle (folder or .zip), all or nothing", runImport)
