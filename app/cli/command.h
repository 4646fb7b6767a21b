// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The subcommand registry of abusedesk-cli. A command is a function taking its arguments (after the
// command name) and returning the process exit code; it throws ad::Error for bad input (exit 2) or
// failures (exit 3). Register it from its own cmd_<name>.cpp:
//
//   static int runFoo(ad::cli::Args& args) { … }
//   ABUSEDESK_CLI_COMMAND(screenList, "screen-list", "one-line summary", runFoo)

#include <QCommandLineParser>
#include <QString>
#include <QStringList>
#include <QTextStream>
#include <functional>

namespace ad {
class CaseStore;
class Clock;
} // namespace ad

namespace ad::rules {
class Policy;
}

namespace ad::cli {

enum ExitCode
{
    Ok = 0,
    Problem = 1,
    BadInput = 2,
    Failure = 3
};

class Args
{
public:
    Args(QString command, QStringList arguments);

    // Sets up the parser with the command's options (plus --help and, with withDb, --db FILE), parses,
    // and throws Error::input with QCommandLineParser's message on unknown options or missing values.
    // Returns false when --help was given (the help text is already printed).
    bool parse(QCommandLineParser& parser, const QString& description, bool withDb = true);

    // The value of --db, or the user's default store.
    QString dbPath() const;
    // Opens the store named by --db (creating it when missing: import).
    CaseStore& store();
    // Opens the store named by --db; a missing file is Error::input "no case store at …" (commands that
    // read or decide never create a store).
    CaseStore& existingStore();
    // The reviewer: --reviewer if the command has it and it was given, else $ABUSEDESK_REVIEWER, else
    // the operating-system user name.
    QString reviewer(const QCommandLineParser& parser) const;
    // The policy named by --policy (a shipped id such as "optimais" or a path to a policy file); the
    // default is "optimais". Errors in the file are Input errors (exit 2).
    const rules::Policy& policy(const QString& spec);
    // The clock for "now" ($ABUSEDESK_NOW, an ISO 8601 time, fixes it for reproducible scripts/tests).
    const Clock& clock() const;

    const QString& command() const { return m_command; }
    const QStringList& arguments() const { return m_arguments; }

    QTextStream& out();
    QTextStream& err();

    ~Args();

private:
    QString m_command;
    QStringList m_arguments;
    QString m_db;
    struct Private;
    Private* d;
};

using CommandFn = std::function<int(Args&)>;

// Whether a command, given its arguments, needs a GUI application (QtWebEngine for PDF reports).
using NeedsGuiFn = std::function<bool(const QStringList& arguments)>;

struct CommandInfo
{
    QString name;
    QString summary;
    CommandFn run;
    NeedsGuiFn needsGui; // empty: a QCoreApplication is enough
};

class Registration
{
public:
    Registration(const char* name, const char* summary, CommandFn fn, NeedsGuiFn needsGui = {});
};

const QList<CommandInfo>& commands();

// Text from bundles and messages is hostile: control characters (ESC sequences can retitle, clear or
// reprogram the reviewer's terminal) are written as \xNN. Line feeds and tabs stay. For text output and
// stderr only; JSON output escapes them itself.
QString terminalSafe(const QString& s);

} // namespace ad::cli

#define ABUSEDESK_CLI_COMMAND(ID, NAME, SUMMARY, FN)                                                         \
    static const ::ad::cli::Registration abusedeskCliRegistration_##ID(NAME, SUMMARY, FN);
// A command that needs a QGuiApplication when NEEDS_GUI(arguments) is true (main() creates it through
// ad_render when the build has it).
#define ABUSEDESK_CLI_GUI_COMMAND(ID, NAME, SUMMARY, FN, NEEDS_GUI)                                          \
    static const ::ad::cli::Registration abusedeskCliRegistration_##ID(NAME, SUMMARY, FN, NEEDS_GUI);
