// SPDX-License-Identifier: GPL-3.0-or-later
// parseMessage: GMime 3 does the MIME structure; header decoding, base64 and charset conversion go through
// mimeutil.h (which works around GMime 3.2.13's decoding bugs). Decisions a reviewer may want to know:
//  - headers: every field of the top-level header block, in order, decoded from RFC 2047 (unfolded);
//  - bodies: CRLF line ends become LF; the first text/plain and the first text/html leaf that is not
//  Content-Disposition:
//    attachment, in document order (nested message/rfc822 parts are walked like the outer message);
//    every other leaf part is an Attachment (inline cid: images included);
//  - Authentication-Results: several headers or several results for one method -> the first one in
//    header order wins (the topmost header is the one the receiving server added last, the one closest
//    to the reader); methods other than spf/dkim/dmarc are ignored; results are lower-case;
//  - oneClickUnsubscribe (RFC 8058): some https URI in List-Unsubscribe and List-Unsubscribe-Post equal
//    to "List-Unsubscribe=One-Click" (case and surrounding whitespace ignored);
//  - Message-ID is kept without its angle brackets, Return-Path as written (decoded).
#include "mime/mime.h"

#include "mime/htmltext.h"
#include "mime/mimeutil.h"
#include "util/error.h"
#include "util/hash.h"

#include <QRegularExpression>
#include <QSet>
#include <gmime/gmime.h>

namespace ad::mime {

using namespace detail;

namespace {

template <typename T> struct GObjectPtr
{
    T* p = nullptr;
    explicit GObjectPtr(T* ptr) : p(ptr) {}
    ~GObjectPtr()
    {
        if (p)
            g_object_unref(p);
    }
    GObjectPtr(const GObjectPtr&) = delete;
    GObjectPtr& operator=(const GObjectPtr&) = delete;
    T* get() const { return p; }
};

struct Context
{
    QByteArrayView raw; // the message bytes given to GMime
    bool delimitersRead = false;
    QSet<QByteArray> delimiters; // every line that starts with "--", without "--" and trailing whitespace

    const QSet<QByteArray>& delimiterLines()
    {
        if (!delimitersRead) { // one pass over the message, however many multiparts it has
            delimitersRead = true;
            qsizetype pos = 0;
            while (pos < raw.size()) {
                qsizetype nl = raw.indexOf('\n', pos);
                const qsizetype end = nl < 0 ? raw.size() : nl;
                if (end - pos >= 2 && raw[pos] == '-' && raw[pos + 1] == '-')
                    delimiters.insert(raw.sliced(pos + 2, end - pos - 2).trimmed().toByteArray());
                if (nl < 0)
                    break;
                pos = nl + 1;
            }
        }
        return delimiters;
    }
    ParsedMessage* msg = nullptr;
    QStringList warnings;
    QByteArray htmlCharsetless; // set when the HTML part declared no charset
    int depth = 0;

    void warn(const QString& w)
    {
        if (!warnings.contains(w))
            warnings.append(w);
    }
};

QString parserWarningText(GMimeParserWarning code, const char* item)
{
    const QString it = item ? QString::fromUtf8(item).left(80) : QString();
    switch (code) {
    case GMIME_WARN_DUPLICATED_HEADER:
        return QStringLiteral("header %1 appears more than once").arg(it);
    case GMIME_WARN_DUPLICATED_PARAMETER:
        return QStringLiteral("repeated header parameter %1").arg(it);
    case GMIME_WARN_UNENCODED_8BIT_HEADER:
        return {}; // UTF-8 headers are legal (RFC 6532); decodeHeader() warns about other 8-bit text
    case GMIME_WARN_INVALID_CONTENT_TYPE:
        return QStringLiteral("invalid Content-Type \"%1\"; read as application/octet-stream").arg(it);
    case GMIME_WARN_INVALID_RFC2047_HEADER_VALUE:
        return QStringLiteral("invalid RFC 2047 encoded header %1").arg(it);
    case GMIME_WARN_INVALID_PARAMETER:
        return QStringLiteral("invalid header parameter %1").arg(it);
    case GMIME_WARN_MALFORMED_MULTIPART:
        return QStringLiteral("multipart without any part");
    case GMIME_WARN_TRUNCATED_MESSAGE:
        return QStringLiteral("the message is truncated");
    case GMIME_WARN_MALFORMED_MESSAGE:
        return QStringLiteral("the message is malformed");
    case GMIME_WARN_INVALID_ADDRESS_LIST:
        return QStringLiteral("invalid address list %1").arg(it);
    case GMIME_CRIT_INVALID_HEADER_NAME:
        return QStringLiteral("invalid header name %1").arg(it);
    case GMIME_CRIT_CONFLICTING_HEADER:
        return QStringLiteral("header %1 appears more than once with different values; the first is used")
            .arg(it);
    case GMIME_CRIT_CONFLICTING_PARAMETER:
        return QStringLiteral("conflicting header parameter %1").arg(it);
    case GMIME_CRIT_MULTIPART_WITHOUT_BOUNDARY:
        return {}; // checkMultipart() names the multipart
    case GMIME_CRIT_NESTING_OVERFLOW:
        return QStringLiteral("MIME parts nested too deeply; inner parts skipped");
    case GMIME_WARN_PART_WITHOUT_CONTENT:
        return QStringLiteral("a MIME part has headers but no content");
    case GMIME_CRIT_PART_WITHOUT_HEADERS_OR_CONTENT:
        return QStringLiteral("a MIME part has neither headers nor content");
    }
    return QStringLiteral("MIME parser warning %1").arg(int(code));
}

void onParserWarning(gint64, GMimeParserWarning code, const gchar* item, gpointer user)
{
    const QString text = parserWarningText(code, item);
    if (!text.isEmpty())
        static_cast<Context*>(user)->warn(text);
}

QByteArray partBytes(GMimePart* part, Context& ctx, const QString& label)
{
    return decodedPartContent(part, &ctx.warnings, label);
}

QByteArray rawHeaderOf(GMimeObject* obj, const char* name)
{
    GMimeHeaderList* hl = g_mime_object_get_header_list(obj);
    if (!hl)
        return {};
    GMimeHeader* h = g_mime_header_list_get_header(hl, name);
    if (!h)
        return {};
    const char* v = g_mime_header_get_raw_value(h);
    return v ? QByteArray(v) : QByteArray();
}

bool hasRfc2231(const QByteArray& rawValue, const char* name)
{
    const QByteArray n = QByteArray(name).toLower();
    const QByteArray v = unfold(rawValue).toLower();
    return v.contains(QByteArray(n + "*=")) || v.contains(QByteArray(n + "*0=")) ||
           v.contains(QByteArray(n + "*0*="));
}

// The filename as GMime decodes it (RFC 2231 and RFC 2047), except that an RFC 2047-encoded name is
// decoded by decodeHeader() (GMime 3.2.13 loses text after a padded B word there too).
QString filenameOf(GMimePart* part, Context& ctx)
{
    GMimeObject* obj = GMIME_OBJECT(part);
    const QByteArray cd = rawHeaderOf(obj, "Content-Disposition");
    const QByteArray ct = rawHeaderOf(obj, "Content-Type");
    auto ours = [&](const QByteArray& header, const char* param, bool* found) -> QString {
        *found = false;
        if (header.isEmpty() || hasRfc2231(header, param))
            return {};
        const QByteArray v = rawParameter(header, param);
        if (v.isEmpty())
            return {};
        *found = true;
        return decodeHeader(v, &ctx.warnings, QStringLiteral("attachment name"));
    };
    bool found = false;
    QString name = ours(cd, "filename", &found);
    if (found)
        return name;
    const bool cdHas2231 = !cd.isEmpty() && hasRfc2231(cd, "filename");
    if (!cdHas2231) {
        name = ours(ct, "name", &found);
        if (found)
            return name;
    }
    const char* fn = g_mime_part_get_filename(part);
    return fn ? QString::fromUtf8(fn) : QString();
}

QString mimeTypeOf(GMimeObject* obj)
{
    GMimeContentType* ct = g_mime_object_get_content_type(obj);
    if (!ct)
        return QStringLiteral("application/octet-stream");
    char* t = g_mime_content_type_get_mime_type(ct);
    QString s = QString::fromUtf8(t).toLower();
    g_free(t);
    return s;
}

QByteArray sniffHtmlCharset(const QByteArray& bytes)
{
    static const QRegularExpression re(QStringLiteral(R"(<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._:-]+))"),
                                       QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(QString::fromLatin1(bytes.left(4096)));
    return m.hasMatch() ? m.captured(1).toLatin1() : QByteArray();
}

QString bodyText(const QByteArray& bytes, GMimeObject* obj, bool html, Context& ctx, const QString& label)
{
    QByteArray charset;
    if (const char* cs = g_mime_object_get_content_type_parameter(obj, "charset"))
        charset = cs;
    if (charset.isEmpty() && html)
        charset = sniffHtmlCharset(bytes);
    QString s = toUnicode(bytes, charset, &ctx.warnings, label);
    s.replace(QStringLiteral("\r\n"), QStringLiteral("\n")); // canonical CRLF -> the platform's line end
    if (s.contains(QChar(0))) {
        s.remove(QChar(0));
        ctx.warn(label + QStringLiteral(": NUL bytes removed"));
    }
    return s;
}

void checkMultipart(GMimeObject* obj, const QString& type, Context& ctx)
{
    const char* b = g_mime_object_get_content_type_parameter(obj, "boundary");
    if (!b || !*b) {
        ctx.warn(QStringLiteral("%1 without a boundary parameter; its content could not be split into parts")
                     .arg(type));
        return;
    }
    const QByteArray boundary = QByteArray(b).trimmed();
    const QSet<QByteArray>& lines = ctx.delimiterLines();
    const bool closed = lines.contains(boundary + "--");
    if (!closed && !lines.contains(boundary)) {
        ctx.warn(QStringLiteral("%1: boundary \"%2\" never appears; no parts found")
                     .arg(type, QString::fromUtf8(b)));
        return;
    }
    if (!closed)
        ctx.warn(QStringLiteral("%1: closing boundary \"%2--\" missing (message truncated?)")
                     .arg(type, QString::fromUtf8(b)));
}

void walk(GMimeObject* obj, Context& ctx)
{
    if (!obj)
        return;
    if (ctx.depth > 64) {
        ctx.warn(QStringLiteral("MIME parts nested too deeply; inner parts skipped"));
        return;
    }
    ParsedMessage& m = *ctx.msg;
    if (GMIME_IS_MESSAGE_PART(obj)) {
        GMimeMessage* inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(obj));
        if (inner) {
            ++ctx.depth;
            walk(g_mime_message_get_mime_part(inner), ctx);
            --ctx.depth;
        }
        return;
    }
    if (GMIME_IS_MULTIPART(obj)) {
        checkMultipart(obj, mimeTypeOf(obj), ctx);
        GMimeMultipart* mp = GMIME_MULTIPART(obj);
        const int n = g_mime_multipart_get_count(mp);
        ++ctx.depth;
        for (int i = 0; i < n; ++i)
            walk(g_mime_multipart_get_part(mp, i), ctx);
        --ctx.depth;
        return;
    }
    if (!GMIME_IS_PART(obj))
        return;
    GMimePart* part = GMIME_PART(obj);
    const QString type = mimeTypeOf(obj);
    GMimeContentDisposition* disp = g_mime_object_get_content_disposition(obj);
    const bool attachmentDisp = disp && g_mime_content_disposition_is_attachment(disp);
    const bool textPlain = type == QLatin1String("text/plain");
    const bool textHtml = type == QLatin1String("text/html");
    if (!attachmentDisp && ((textPlain && !m.hasText) || (textHtml && !m.hasHtml))) {
        const QString label = type + QStringLiteral(" part");
        const QByteArray bytes = partBytes(part, ctx, label);
        if (textPlain) {
            m.hasText = true;
            m.text = bodyText(bytes, obj, false, ctx, label);
        } else {
            m.hasHtml = true;
            m.html = bodyText(bytes, obj, true, ctx, label);
        }
        return;
    }
    Attachment a;
    a.filename = filenameOf(part, ctx);
    a.contentType = type;
    if (const char* cid = g_mime_object_get_content_id(obj))
        a.contentId = QString::fromUtf8(cid).trimmed();
    a.inlinePart = disp && !attachmentDisp;
    const QString label = a.filename.isEmpty() ? QStringLiteral("%1 attachment").arg(type)
                                               : QStringLiteral("attachment \"%1\"").arg(a.filename);
    a.data = partBytes(part, ctx, label);
    a.size = a.data.size();
    a.sha256 = sha256Hex(a.data);
    m.attachments.append(std::move(a));
}

// Authentication-Results (RFC 8601): "authserv-id [version]; method[/version]=result props; …".
void readAuthenticationResults(const QString& value, ParsedMessage& m)
{
    // Drop comments (nested parentheses) outside quoted strings.
    QString s;
    int depth = 0;
    bool quoted = false;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value[i];
        if (quoted) {
            if (depth == 0)
                s += c;
            if (c == QLatin1Char('\\') && i + 1 < value.size()) {
                if (depth == 0)
                    s += value[i + 1];
                ++i;
            } else if (c == QLatin1Char('"'))
                quoted = false;
            continue;
        }
        if (c == QLatin1Char('(')) {
            ++depth;
            continue;
        }
        if (c == QLatin1Char(')') && depth > 0) {
            --depth;
            s += QLatin1Char(' ');
            continue;
        }
        if (depth > 0)
            continue;
        if (c == QLatin1Char('"'))
            quoted = true;
        s += c;
    }
    static const QRegularExpression re(
        QStringLiteral(R"(^\s*([A-Za-z0-9_.-]+)\s*(?:/\s*[0-9]+\s*)?=\s*([A-Za-z0-9_-]+))"));
    const QStringList parts = s.split(QLatin1Char(';'));
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const auto match = re.match(parts[i]);
        if (!match.hasMatch())
            continue;
        const QString method = match.captured(1).toLower();
        const QString result = match.captured(2).toLower();
        QString* slot = method == QLatin1String("spf")     ? &m.spf
                        : method == QLatin1String("dkim")  ? &m.dkim
                        : method == QLatin1String("dmarc") ? &m.dmarc
                                                           : nullptr;
        if (slot && slot->isEmpty())
            *slot = result;
    }
}

void readListUnsubscribe(const QString& value, ParsedMessage& m, Context& ctx)
{
    static const QRegularExpression re(QStringLiteral(R"(<([^>]*)>)"));
    auto it = re.globalMatch(value);
    while (it.hasNext()) {
        QString uri = it.next().captured(1);
        static const QRegularExpression space(QStringLiteral(R"(\s+)"));
        uri.remove(space);
        if (!uri.isEmpty())
            m.listUnsubscribe.append(QLatin1Char('<') + uri + QLatin1Char('>'));
    }
    if (m.listUnsubscribe.isEmpty() && !value.trimmed().isEmpty()) {
        ctx.warn(QStringLiteral("List-Unsubscribe entries without angle brackets"));
        for (const QString& part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString uri = part.trimmed();
            if (!uri.isEmpty())
                m.listUnsubscribe.append(QLatin1Char('<') + uri + QLatin1Char('>'));
        }
    }
}

QString addressOf(const QByteArray& rawFrom, GMimeParserOptions* options, const QString& decoded)
{
    const QByteArray unfolded = unfold(rawFrom);
    InternetAddressList* list = internet_address_list_parse(options, unfolded.constData());
    QString addr;
    if (list) {
        for (int i = 0; i < internet_address_list_length(list) && addr.isEmpty(); ++i) {
            InternetAddress* ia = internet_address_list_get_address(list, i);
            if (INTERNET_ADDRESS_IS_MAILBOX(ia)) {
                addr = QString::fromUtf8(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(ia)));
            } else if (INTERNET_ADDRESS_IS_GROUP(ia)) {
                InternetAddressList* members = internet_address_group_get_members(INTERNET_ADDRESS_GROUP(ia));
                for (int k = 0; members && k < internet_address_list_length(members) && addr.isEmpty(); ++k) {
                    InternetAddress* mi = internet_address_list_get_address(members, k);
                    if (INTERNET_ADDRESS_IS_MAILBOX(mi))
                        addr = QString::fromUtf8(
                            internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(mi)));
                }
            }
        }
        g_object_unref(list);
    }
    if (addr.isEmpty() || !addr.contains(QLatin1Char('@'))) {
        static const QRegularExpression re(QStringLiteral(R"([^\s<>"(),;:]+@[^\s<>"(),;:]+)"));
        const auto mm = re.match(decoded);
        if (mm.hasMatch())
            addr = mm.captured(0);
    }
    return addr.trimmed().toLower();
}

QString firstLineForError(QByteArrayView raw)
{
    qsizetype end = raw.indexOf('\n');
    if (end < 0)
        end = raw.size();
    QString s;
    for (qsizetype i = 0; i < qMin<qsizetype>(end, 40); ++i) {
        const auto c = static_cast<unsigned char>(raw[i]);
        if (c >= 0x20 && c < 0x7f)
            s += QLatin1Char(char(c));
        else if (c != '\r')
            s += QStringLiteral("\\x%1").arg(c, 2, 16, QLatin1Char('0'));
    }
    return s;
}

} // namespace

ParsedMessage parseMessage(QByteArrayView rawInput, const QString& sourceName)
{
    ensureInitialised();
    auto notMail = [&](const QString& reason) {
        return Error(Error::Kind::Input, QStringLiteral("not an e-mail message: ") + reason, sourceName);
    };

    ParsedMessage m;
    Context ctx;
    ctx.msg = &m;

    QByteArrayView raw = rawInput;
    // Leading blank lines are not part of any message; a leading mbox "From " line is not a header.
    qsizetype skip = 0;
    while (skip < raw.size() &&
           (raw[skip] == '\n' || raw[skip] == '\r' || raw[skip] == ' ' || raw[skip] == '\t'))
        ++skip;
    if (skip == raw.size())
        throw notMail(QStringLiteral("empty input"));
    if (skip > 0 && raw.sliced(0, skip).contains('\n')) {
        raw = raw.sliced(skip);
        ctx.warn(QStringLiteral("blank lines before the first header skipped"));
    }
    if (raw.startsWith("From ")) {
        const qsizetype nl = raw.indexOf('\n');
        raw = nl < 0 ? QByteArrayView() : raw.sliced(nl + 1);
        if (raw.isEmpty())
            throw notMail(QStringLiteral("only an mbox \"From \" line, no headers"));
    }
    qsizetype bodyStart = 0;
    const qsizetype headerEnd = headerBlockEnd(raw, &bodyStart);
    const QByteArrayView block = raw.first(headerEnd);
    if (block.contains('\0'))
        throw notMail(QStringLiteral("binary data (NUL bytes in the header block)"));
    int skipped = 0;
    const QList<HeaderField> fields = splitHeaderFields(block, &skipped);
    {
        const qsizetype nl = raw.indexOf('\n');
        if (splitHeaderFields(raw.first(nl < 0 ? raw.size() : nl)).isEmpty())
            throw notMail(
                QStringLiteral("the first line is not a header field (\"%1\")").arg(firstLineForError(raw)));
    }
    if (fields.isEmpty())
        throw notMail(QStringLiteral("no header field that parses"));
    if (skipped > 0)
        ctx.warn(QStringLiteral("%1 header line(s) that are not header fields were skipped").arg(skipped));
    if (headerEnd == raw.size())
        ctx.warn(QStringLiteral("no empty line after the headers (no body)"));
    if (raw.contains('\0'))
        ctx.warn(QStringLiteral("the message contains NUL bytes"));
    ctx.raw = raw;

    GMimeParserOptions* options = g_mime_parser_options_new();
    g_mime_parser_options_set_warning_callback(options, onParserWarning, &ctx);
    GObjectPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(raw.data(), size_t(raw.size())));
    GObjectPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
    GObjectPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), options));
    if (!message.get()) {
        g_mime_parser_options_free(options);
        throw notMail(QStringLiteral("no header block that the MIME parser accepts"));
    }

    m.rawHeaders = block.toByteArray();
    for (const HeaderField& f : fields) {
        const QString name = QString::fromLatin1(f.name);
        m.headers.append({name, decodeHeader(f.rawValue, &ctx.warnings, name)});
    }
    auto rawField = [&](const char* name) -> const HeaderField* {
        for (const HeaderField& f : fields)
            if (f.name.compare(name, Qt::CaseInsensitive) == 0)
                return &f;
        return nullptr;
    };
    auto decodedField = [&](const char* name) -> QString {
        for (const auto& h : m.headers)
            if (h.first.compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
                return h.second.trimmed();
        return {};
    };

    m.from = decodedField("From");
    if (const HeaderField* f = rawField("From"))
        m.fromAddress = addressOf(f->rawValue, options, m.from);
    else
        ctx.warn(QStringLiteral("no From header"));
    m.returnPath = decodedField("Return-Path");
    m.subject = decodedField("Subject");
    if (const HeaderField* f = rawField("Date")) {
        const QByteArray d = unfold(f->rawValue);
        if (GDateTime* t = g_mime_utils_header_decode_date(d.constData())) {
            m.date = QDateTime::fromSecsSinceEpoch(g_date_time_to_unix(t), Qt::UTC);
            g_date_time_unref(t);
        } else {
            ctx.warn(QStringLiteral("unparseable Date header \"%1\"").arg(QString::fromUtf8(d.left(80))));
        }
    } else {
        ctx.warn(QStringLiteral("no Date header"));
    }
    if (const HeaderField* f = rawField("Message-ID")) {
        const QByteArray v = unfold(f->rawValue);
        char* id = g_mime_utils_decode_message_id(v.constData());
        m.messageId = id ? QString::fromUtf8(id).trimmed() : QString::fromUtf8(v);
        g_free(id);
    }
    m.campaignId = decodedField("X-Campaign-ID");

    int listUnsubscribeHeaders = 0;
    for (const auto& h : std::as_const(m.headers)) {
        if (h.first.compare(QLatin1String("Authentication-Results"), Qt::CaseInsensitive) == 0)
            readAuthenticationResults(h.second, m);
        else if (h.first.compare(QLatin1String("List-Unsubscribe"), Qt::CaseInsensitive) == 0) {
            if (++listUnsubscribeHeaders == 1)
                readListUnsubscribe(h.second, m, ctx);
            else
                ctx.warn(QStringLiteral("several List-Unsubscribe headers; only the first is used"));
        }
    }
    bool httpsUnsubscribe = false;
    for (const QString& u : std::as_const(m.listUnsubscribe))
        httpsUnsubscribe = httpsUnsubscribe || u.startsWith(QLatin1String("<https://"), Qt::CaseInsensitive);
    m.oneClickUnsubscribe = httpsUnsubscribe && decodedField("List-Unsubscribe-Post")
                                                        .compare(QLatin1String("List-Unsubscribe=One-Click"),
                                                                 Qt::CaseInsensitive) == 0;

    walk(g_mime_message_get_mime_part(message.get()), ctx);
    g_mime_parser_options_free(options);

    if (m.hasHtml) {
        HtmlInfo info = analyseHtml(m.html);
        m.links = std::move(info.links);
        m.htmlVisibleText = std::move(info.visibleText);
        for (Attachment& a : m.attachments)
            if (!a.contentId.isEmpty() &&
                m.html.contains(QStringLiteral("cid:") + a.contentId, Qt::CaseInsensitive))
                a.inlinePart = true;
    }
    if (m.hasText)
        m.links += textLinks(m.text);
    m.warnings = ctx.warnings;
    return m;
}

} // namespace ad::mime
