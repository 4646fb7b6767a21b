// SPDX-License-Identifier: GPL-3.0-or-later
#include "command.h"

#include "rules/policy.h"
#include "store/casestore.h"
#include "util/clock.h"
#include "util/error.h"
#include "util/paths.h"
#include "util/timeutil.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <memory>
#include <optional>

namespace ad::cli {

struct Args::Private
{
    std::unique_ptr<CaseStore> store;
    std::unique_ptr<Clock> clock;
    std::optional<rules::Policy> policy;
    QTextStream out{stdout};
    QTextStream err{stderr};
};

Args::Args(QString command, QStringList arguments)
    : m_command(std::move(command)), m_arguments(std::move(arguments)), d(new Private)
{}

Args::~Args()
{
    d->out.flush();
    d->err.flush();
    delete d;
}

bool Args::parse(QCommandLineParser& parser, const QString& description, bool withDb)
{
    parser.setApplicationDescription(description);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    const QCommandLineOption db(
        QStringLiteral("db"), QStringLiteral("The case store (default: %1).").arg(paths::defaultStorePath()),
        QStringLiteral("FILE"));
    if (withDb)
        parser.addOption(db);
    QStringList argv{QStringLiteral("abusedesk-cli ") + m_command};
    argv += m_arguments;
    if (!parser.parse(argv))
        throw Error::input(parser.errorText() +
                           QStringLiteral(" (see abusedesk-cli %1 --help)").arg(m_command));
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        text.replace(QStringLiteral("Usage: abusedesk-cli %1 [options]").arg(m_command),
                     QStringLiteral("Usage: abusedesk-cli %1 [options]").arg(m_command));
        d->out << text;
        d->out.flush();
        return false;
    }
    if (withDb && parser.isSet(db))
        m_db = parser.value(db);
    return true;
}

QString Args::dbPath() const
{
    return m_db.isEmpty() ? paths::defaultStorePath() : m_db;
}

CaseStore& Args::store()
{
    if (!d->store)
        d->store = std::make_unique<CaseStore>(dbPath());
    return *d->store;
}

CaseStore& Args::existingStore()
{
    if (!d->store && !QFileInfo::exists(dbPath()))
        throw Error::input(QStringLiteral("no case store at %1").arg(dbPath()));
    return store();
}

QString Args::reviewer(const QCommandLineParser& parser) const
{
    if (parser.optionNames().contains(QStringLiteral("reviewer")) &&
        parser.isSet(QStringLiteral("reviewer"))) {
        const QString r = parser.value(QStringLiteral("reviewer")).trimmed();
        if (r.isEmpty())
            throw Error::input(QStringLiteral("--reviewer must not be empty"));
        return r;
    }
    QString r = qEnvironmentVariable("ABUSEDESK_REVIEWER");
    if (r.isEmpty())
        r = qEnvironmentVariable("USER");
    if (r.isEmpty())
        r = qEnvironmentVariable("USERNAME");
    if (r.isEmpty())
        r = QStringLiteral("unknown");
    return r;
}

const rules::Policy& Args::policy(const QString& spec)
{
    if (!d->policy) {
        const QString s = spec.isEmpty() ? QStringLiteral("optimais") : spec;
        if (rules::Policy::builtinIds().contains(s))
            d->policy = rules::Policy::builtin(s);
        else
            d->policy = rules::Policy::fromFile(s);
    }
    return *d->policy;
}

const Clock& Args::clock() const
{
    if (!d->clock) {
        const QString fixed = qEnvironmentVariable("ABUSEDESK_NOW");
        if (!fixed.isEmpty()) {
            const auto t = time::parseIso(fixed);
            if (!t)
                throw Error::input(
                    QStringLiteral("ABUSEDESK_NOW is not an ISO 8601 time with offset: %1").arg(fixed));
            d->clock = std::make_unique<FixedClock>(*t);
        } else {
            return SystemClock::instance();
        }
    }
    return *d->clock;
}

QTextStream& Args::out()
{
    return d->out;
}

QTextStream& Args::err()
{
    return d->err;
}

static QList<CommandInfo>& registry()
{
    static QList<CommandInfo> list;
    return list;
}

Registration::Registration(const char* name, const char* summary, CommandFn fn, NeedsGuiFn needsGui)
{
    registry().append(
        {QString::fromLatin1(name), QString::fromUtf8(summary), std::move(fn), std::move(needsGui)});
}

const QList<CommandInfo>& commands()
{
    return registry();
}

QString terminalSafe(const QString& s)
{
    QString out;
    out.reserve(s.size());
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != u'\n' && u != u'\t') || (u >= 0x7f && u <= 0x9f))
            out += QStringLiteral("\\x%1").arg(uint(u), 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

} // namespace ad::cli
