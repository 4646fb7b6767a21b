// SPDX-License-Identifier: GPL-3.0-or-later
// abusedesk-cli inspect-message FILE.eml [--json]
//
// Parses one message with core/mime and prints what the preview uses (../shared/spec/cli.md).
// JSON: every key of the contract is always present, in the contract's order.
//  - "date", "text", "html": null when absent (no Date / unparseable Date, no such body part);
//  - "from", "return_path", "subject", "message_id": null when the header is absent, a string otherwise
//    (message_id without its angle brackets);
//  - "attachments[].filename": null when the part has no name;
//  - "authentication_results": always an object with "spf", "dkim", "dmarc", each null when absent;
//  - "list_unsubscribe": [] when there is no List-Unsubscribe header.
// A readable summary without --json (control characters shown as \xNN, never sent to the terminal).
// An input that is not mail at all -> exit 2 with the reason.
#include "command.h"
#include "mime/mime.h"
#include "util/error.h"
#include "util/timeutil.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace {

QString jsonString(const QString& s)
{
    const QByteArray a = QJsonDocument(QJsonArray{QJsonValue(s)}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(a.mid(1, a.size() - 2));
}

QString jsonStringOrNull(const QString& s, bool present)
{
    return present ? jsonString(s) : QStringLiteral("null");
}

bool hasHeader(const ad::mime::ParsedMessage& m, const char* name)
{
    for (const auto& h : m.headers)
        if (h.first.compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

QString toJson(const ad::mime::ParsedMessage& m)
{
    QString o = QStringLiteral("{\n");
    auto key = [&](const char* k, const QString& v, bool last = false) {
        o += QStringLiteral("  \"") + QLatin1String(k) + QStringLiteral("\": ") + v +
             (last ? QStringLiteral("\n") : QStringLiteral(",\n"));
    };
    key("from", jsonStringOrNull(m.from, hasHeader(m, "From")));
    key("return_path", jsonStringOrNull(m.returnPath, hasHeader(m, "Return-Path")));
    key("subject", jsonStringOrNull(m.subject, hasHeader(m, "Subject")));
    key("date", m.date.isValid() ? jsonString(ad::time::toIso(m.date)) : QStringLiteral("null"));
    key("message_id", jsonStringOrNull(m.messageId, hasHeader(m, "Message-ID")));

    QString headers = QStringLiteral("[");
    for (qsizetype i = 0; i < m.headers.size(); ++i)
        headers += (i ? QStringLiteral(",\n    [") : QStringLiteral("\n    [")) +
                   jsonString(m.headers[i].first) + QStringLiteral(", ") + jsonString(m.headers[i].second) +
                   QStringLiteral("]");
    headers += m.headers.isEmpty() ? QStringLiteral("]") : QStringLiteral("\n  ]");
    key("headers", headers);

    key("text", jsonStringOrNull(m.text, m.hasText));
    key("html", jsonStringOrNull(m.html, m.hasHtml));

    QString links = QStringLiteral("[");
    for (qsizetype i = 0; i < m.links.size(); ++i)
        links += (i ? QStringLiteral(",\n    ") : QStringLiteral("\n    ")) + QStringLiteral("{\"text\": ") +
                 jsonString(m.links[i].text) + QStringLiteral(", \"href\": ") + jsonString(m.links[i].href) +
                 QStringLiteral("}");
    links += m.links.isEmpty() ? QStringLiteral("]") : QStringLiteral("\n  ]");
    key("links", links);

    QString atts = QStringLiteral("[");
    for (qsizetype i = 0; i < m.attachments.size(); ++i) {
        const auto& a = m.attachments[i];
        atts += (i ? QStringLiteral(",\n    ") : QStringLiteral("\n    ")) +
                QStringLiteral("{\"filename\": ") + jsonStringOrNull(a.filename, !a.filename.isEmpty()) +
                QStringLiteral(", \"content_type\": ") + jsonString(a.contentType) +
                QStringLiteral(", \"size\": ") + QString::number(a.size) + QStringLiteral(", \"sha256\": ") +
                jsonString(a.sha256) + QStringLiteral("}");
    }
    atts += m.attachments.isEmpty() ? QStringLiteral("]") : QStringLiteral("\n  ]");
    key("attachments", atts);

    QString lu = QStringLiteral("[");
    for (qsizetype i = 0; i < m.listUnsubscribe.size(); ++i)
        lu += (i ? QStringLiteral(", ") : QString()) + jsonString(m.listUnsubscribe[i]);
    lu += QStringLiteral("]");
    key("list_unsubscribe", lu);
    key("one_click_unsubscribe", m.oneClickUnsubscribe ? QStringLiteral("true") : QStringLiteral("false"));
    key("authentication_results",
        QStringLiteral("{\"spf\": ") + jsonStringOrNull(m.spf, !m.spf.isEmpty()) +
            QStringLiteral(", \"dkim\": ") + jsonStringOrNull(m.dkim, !m.dkim.isEmpty()) +
            QStringLiteral(", \"dmarc\": ") + jsonStringOrNull(m.dmarc, !m.dmarc.isEmpty()) +
            QStringLiteral("}"),
        true);
    o += QStringLiteral("}\n");
    return o;
}

QString orDash(const QString& s)
{
    return s.isEmpty() ? QStringLiteral("-") : s;
}

void printSummary(QTextStream& terminal, const ad::mime::ParsedMessage& m)
{
    QString text;
    QTextStream out(&text);
    out << "From:          " << orDash(m.from) << '\n'
        << "Return-Path:   " << orDash(m.returnPath) << '\n'
        << "Subject:       " << orDash(m.subject) << '\n'
        << "Date:          " << (m.date.isValid() ? ad::time::toIso(m.date) : QStringLiteral("-")) << '\n'
        << "Message-ID:    " << orDash(m.messageId) << '\n'
        << "Campaign:      " << orDash(m.campaignId) << '\n'
        << "Auth results:  spf=" << orDash(m.spf) << " dkim=" << orDash(m.dkim)
        << " dmarc=" << orDash(m.dmarc) << '\n'
        << "Unsubscribe:   "
        << (m.listUnsubscribe.isEmpty() ? QStringLiteral("-") : m.listUnsubscribe.join(QStringLiteral(", ")))
        << (m.oneClickUnsubscribe ? " (one-click, RFC 8058)" : "") << '\n'
        << "Bodies:        "
        << (m.hasText ? QStringLiteral("text/plain (%1 chars)").arg(m.text.size()) : QString())
        << (m.hasText && m.hasHtml ? ", " : "")
        << (m.hasHtml ? QStringLiteral("text/html (%1 chars)").arg(m.html.size()) : QString())
        << (!m.hasText && !m.hasHtml ? "none" : "") << '\n';
    out << "Links:         " << m.links.size() << '\n';
    for (const auto& l : m.links)
        out << "  " << l.href
            << (l.text != l.href ? QStringLiteral("  [") + l.text + QStringLiteral("]") : QString()) << '\n';
    out << "Attachments:   " << m.attachments.size() << '\n';
    for (const auto& a : m.attachments)
        out << "  " << (a.filename.isEmpty() ? QStringLiteral("(no name)") : a.filename) << "  "
            << a.contentType << "  " << a.size << " bytes  sha256 " << a.sha256
            << (a.inlinePart ? "  inline" : "")
            << (a.contentId.isEmpty() ? QString() : QStringLiteral("  cid:") + a.contentId) << '\n';
    if (!m.warnings.isEmpty()) {
        out << "Warnings:\n";
        for (const auto& w : m.warnings)
            out << "  " << w << '\n';
    }
    const QString preview = m.hasText ? m.text : m.htmlVisibleText;
    if (!preview.isEmpty())
        out << "\n" << preview.left(2000) << (preview.size() > 2000 ? "\n[…]" : "") << '\n';
    out.flush();
    terminal << ad::cli::terminalSafe(text);
}

int runInspectMessage(ad::cli::Args& args)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print the parsed message as JSON."));
    parser.addOption(json);
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The message (.eml, RFC 5322)."));
    if (!args.parse(parser, QStringLiteral("Parse one e-mail message and print what the preview uses."),
                    /*withDb=*/false))
        return ad::cli::Ok;
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1)
        throw ad::Error::input(
            QStringLiteral("expected exactly one FILE (see abusedesk-cli inspect-message --help)"));
    const QString path = files.first();
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw ad::Error(ad::Error::Kind::Input, QStringLiteral("cannot read the file: ") + f.errorString(),
                        path);
    const QByteArray raw = f.readAll();
    const ad::mime::ParsedMessage m = ad::mime::parseMessage(raw, path);
    if (parser.isSet(json))
        args.out() << toJson(m);
    else
        printSummary(args.out(), m);
    args.out().flush();
    return ad::cli::Ok;
}

} // namespace

ABUSEDESK_CLI_COMMAND(inspectMessage, "inspect-message",
                      "parse one message (.eml) and print what the preview uses", runInspectMessage)
