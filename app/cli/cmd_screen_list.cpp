// SPDX-License-Identifier: GPL-3.0-or-later
// abusedesk-cli screen-list FILE.csv [--json] [--examples N] [--top N]
//
// Screens one imported-list file (column `email`) outside any store (../shared/spec/cli.md): counts,
// shares and example rows per problem (invalid, duplicate, role, disposable, typo), the per-domain
// breakdown, and the default policy's limits (list-invalid-addresses: invalid_share_max,
// list-disposable-domains: disposable_share_max) with whether each is exceeded.
//
// JSON: {"file", "rows", "valid", "clean", "distinct_addresses", "problems": {"invalid"|"duplicate"|
// "role"|"disposable"|"typo": {"count", "share", "examples": [{"line", "email", …}]}}, "domains": {…},
// "limits": {"policy", "invalid_share_max": {"limit", "share", "exceeded"}, "disposable_share_max": {…}}}
// (the keys of ListScreeningSummary::detailsJson, documented in resources/lists/README.md, plus
// "file" and "limits").
//
// Exit codes: 0 screened and no limit exceeded; 1 screened and a limit exceeded (a problem found and
// reported); 2 unreadable file, CSV syntax error or no `email` column; 3 other failures.
// The limits are read from resources/policies/optimais.json (rules."list-invalid-addresses".params
// .invalid_share_max, then its "defaults" object) and are 1 % each when the policy does not set them.
#include "command.h"
#include "lists/csv.h"
#include "lists/screener.h"
#include "util/error.h"
#include "util/paths.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>

namespace {

double policyLimit(const QJsonObject& policy, const QString& rule, const QString& key)
{
    const QJsonValue fromRule = policy.value(QLatin1String("rules"))
                                    .toObject()
                                    .value(rule)
                                    .toObject()
                                    .value(QLatin1String("params"))
                                    .toObject()
                                    .value(key);
    if (fromRule.isDouble())
        return fromRule.toDouble();
    const QJsonValue fromDefaults = policy.value(QLatin1String("defaults")).toObject().value(key);
    if (fromDefaults.isDouble())
        return fromDefaults.toDouble();
    return 0.01;
}

QString percent(double share)
{
    return QString::number(share * 100.0, 'f', 2) + QLatin1Char('%');
}

int runScreenList(ad::cli::Args& args)
{
    QCommandLineParser p;
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Machine-readable output."));
    const QCommandLineOption examples(QStringLiteral("examples"),
                                      QStringLiteral("Example rows kept per problem (default 10)."),
                                      QStringLiteral("N"), QStringLiteral("10"));
    const QCommandLineOption top(QStringLiteral("top"),
                                 QStringLiteral("Domains listed by name in the breakdown (default 20)."),
                                 QStringLiteral("N"), QStringLiteral("20"));
    p.addOption(json);
    p.addOption(examples);
    p.addOption(top);
    p.addPositionalArgument(QStringLiteral("FILE.csv"),
                            QStringLiteral("The list file (a column named email)."));
    if (!args.parse(
            p,
            QStringLiteral("Screen an imported address list: invalid, duplicate, role, disposable and "
                           "typo addresses, per-domain shares, and the policy's limits."),
            /*withDb=*/false))
        return ad::cli::Ok;
    const QStringList pos = p.positionalArguments();
    if (pos.size() != 1)
        throw ad::Error::input(
            QStringLiteral("expected one list file (see abusedesk-cli screen-list --help)"));
    bool ok1 = false, ok2 = false;
    const int maxExamples = p.value(examples).toInt(&ok1);
    const int topDomains = p.value(top).toInt(&ok2);
    if (!ok1 || maxExamples < 0)
        throw ad::Error::input(
            QStringLiteral("--examples must be a non-negative number: %1").arg(p.value(examples)));
    if (!ok2 || topDomains < 0)
        throw ad::Error::input(QStringLiteral("--top must be a non-negative number: %1").arg(p.value(top)));

    const QString path = pos.constFirst();
    QFile file(path);
    if (QFileInfo(path).isDir() || !file.open(QIODevice::ReadOnly))
        throw ad::Error::input(
            QStringLiteral("cannot read %1: %2")
                .arg(path, QFileInfo(path).isDir() ? QStringLiteral("is a folder") : file.errorString()));

    ad::lists::ScreeningConfig config = ad::lists::ScreeningConfig::defaults();
    config.maxExamples = maxExamples;
    config.topDomains = topDomains;
    ad::lists::Screener screener(config);

    ad::lists::ListCsvReader csv(file, path);
    csv.readHeader();
    const int col = csv.index(u"email");
    if (col < 0)
        throw ad::Error(ad::Error::Kind::Input,
                        QStringLiteral("required column \"email\" is missing (columns: %1)")
                            .arg(csv.header().join(u", ")),
                        path, 1);
    QString cell;
    while (csv.next()) {
        cell = csv.text(col);
        screener.add(cell, csv.line());
    }
    const ad::ListScreeningSummary s = screener.finish();

    QJsonObject policy;
    QFile policyFile(ad::paths::resource(QStringLiteral("policies/optimais.json")));
    if (policyFile.open(QIODevice::ReadOnly))
        policy = QJsonDocument::fromJson(policyFile.readAll()).object();
    const double invalidMax =
        policyLimit(policy, QStringLiteral("list-invalid-addresses"), QStringLiteral("invalid_share_max"));
    const double disposableMax = policyLimit(policy, QStringLiteral("list-disposable-domains"),
                                             QStringLiteral("disposable_share_max"));
    const double invalidShare = s.rows > 0 ? double(s.invalid) / double(s.rows) : 0.0;
    const double disposableShare = s.rows > 0 ? double(s.disposable) / double(s.rows) : 0.0;
    // "More than" is strictly greater (policy-rules.md).
    const bool invalidExceeded = invalidShare > invalidMax;
    const bool disposableExceeded = disposableShare > disposableMax;

    QJsonObject details = QJsonDocument::fromJson(s.detailsJson.toUtf8()).object();
    if (p.isSet(json)) {
        QJsonObject out{{QStringLiteral("file"), path}};
        for (auto it = details.begin(); it != details.end(); ++it)
            out.insert(it.key(), it.value());
        auto limit = [](double max, double share, bool exceeded) {
            return QJsonObject{{QStringLiteral("limit"), max},
                               {QStringLiteral("share"), std::round(share * 1e6) / 1e6},
                               {QStringLiteral("exceeded"), exceeded}};
        };
        out.insert(QStringLiteral("limits"),
                   QJsonObject{{QStringLiteral("policy"),
                                policy.value(QLatin1String("id")).toString(QStringLiteral("optimais"))},
                               {QStringLiteral("invalid_share_max"),
                                limit(invalidMax, invalidShare, invalidExceeded)},
                               {QStringLiteral("disposable_share_max"),
                                limit(disposableMax, disposableShare, disposableExceeded)}});
        args.out() << QJsonDocument(out).toJson(QJsonDocument::Indented);
    } else {
        // The rows are customer data: control characters are shown as \xNN, never sent to the terminal.
        QString text;
        QTextStream o(&text);
        o << path << ": " << s.rows << " rows, " << qint64(details.value(QLatin1String("valid")).toDouble())
          << " valid, " << qint64(details.value(QLatin1String("clean")).toDouble()) << " without problems\n";
        const QJsonObject problems = details.value(QLatin1String("problems")).toObject();
        for (const char* name : {"invalid", "duplicate", "role", "disposable", "typo"}) {
            const QJsonObject pr = problems.value(QLatin1String(name)).toObject();
            o << "  " << QString::fromLatin1(name).leftJustified(11)
              << qint64(pr.value(QLatin1String("count")).toDouble()) << " ("
              << percent(pr.value(QLatin1String("share")).toDouble()) << ")\n";
            for (const auto& e : pr.value(QLatin1String("examples")).toArray()) {
                const QJsonObject ex = e.toObject();
                o << "      line " << qint64(ex.value(QLatin1String("line")).toDouble()) << ": "
                  << ex.value(QLatin1String("email")).toString();
                for (const char* extra : {"reason", "suggestion", "domain"})
                    if (ex.contains(QLatin1String(extra)))
                        o << "  [" << extra << ": " << ex.value(QLatin1String(extra)).toString() << ']';
                o << '\n';
            }
        }
        o << "Domains:\n";
        const QJsonObject domains = details.value(QLatin1String("domains")).toObject();
        for (const auto& v : domains.value(QLatin1String("top")).toArray()) {
            const QJsonObject d = v.toObject();
            o << "  " << d.value(QLatin1String("domain")).toString().leftJustified(30) << ' '
              << qint64(d.value(QLatin1String("count")).toDouble()) << " ("
              << percent(d.value(QLatin1String("share")).toDouble()) << ")\n";
        }
        const QJsonObject other = domains.value(QLatin1String("other")).toObject();
        o << "  " << QStringLiteral("(other)").leftJustified(30) << ' '
          << qint64(other.value(QLatin1String("count")).toDouble()) << " ("
          << percent(other.value(QLatin1String("share")).toDouble()) << ")\n";
        o << "Limits (" << policy.value(QLatin1String("id")).toString(QStringLiteral("optimais")) << "):\n"
          << "  invalid    " << percent(invalidShare) << " vs max " << percent(invalidMax)
          << (invalidExceeded ? "  EXCEEDED\n" : "  ok\n") << "  disposable " << percent(disposableShare)
          << " vs max " << percent(disposableMax) << (disposableExceeded ? "  EXCEEDED\n" : "  ok\n");
        o.flush();
        args.out() << ad::cli::terminalSafe(text);
    }
    return invalidExceeded || disposableExceeded ? ad::cli::Problem : ad::cli::Ok;
}

} // namespace

ABUSEDESK_CLI_COMMAND(screenList, "screen-list", "screen one imported address list file (column email)",
                      runScreenList)
