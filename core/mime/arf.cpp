// SPDX-License-Identifier: GPL-3.0-or-later
// parseArf: RFC 5965 feedback reports. Valid means: a message whose top-level Content-Type is
// multipart/report with report-type=feedback-report, containing a message/feedback-report part with a
// Feedback-Type field. The reported message is the first message/rfc822 or text/rfc822-headers part
// after the feedback-report part (RFC 5965 makes it the third part); it is optional here (some feedback
// loops redact it), reportedMessage is then empty. Repeated fields: the first one counts.
#include "mime/mime.h"
#include "mime/mimeutil.h"
#include "util/error.h"

#include <gmime/gmime.h>

namespace ad::mime {

using namespace detail;

namespace {

QString mimeType(GMimeObject* obj)
{
    GMimeContentType* ct = g_mime_object_get_content_type(obj);
    if (!ct)
        return {};
    char* t = g_mime_content_type_get_mime_type(ct);
    QString s = QString::fromUtf8(t).toLower();
    g_free(t);
    return s;
}

QByteArray contentOf(GMimeObject* obj)
{
    if (GMIME_IS_MESSAGE_PART(obj)) {
        GMimeMessage* inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(obj));
        return inner ? serialize(GMIME_OBJECT(inner)) : QByteArray();
    }
    if (GMIME_IS_PART(obj))
        return decodedPartContent(GMIME_PART(obj));
    return {};
}

QString addressOnly(QString v)
{
    v = v.trimmed();
    const qsizetype lt = v.indexOf(QLatin1Char('<'));
    const qsizetype gt = v.indexOf(QLatin1Char('>'), lt + 1);
    if (lt >= 0 && gt > lt)
        v = v.mid(lt + 1, gt - lt - 1);
    return v.trimmed();
}

} // namespace

ArfReport parseArf(QByteArrayView raw, const QString& sourceName)
{
    ensureInitialised();
    auto invalid = [&](const QString& reason) {
        return Error(Error::Kind::Input, QStringLiteral("not a valid ARF report: ") + reason, sourceName);
    };
    if (raw.trimmed().isEmpty())
        throw invalid(QStringLiteral("empty file"));
    const qsizetype headerEnd = headerBlockEnd(raw);
    if (raw.first(headerEnd).contains('\0') || splitHeaderFields(raw.first(headerEnd)).isEmpty())
        throw invalid(QStringLiteral("not an e-mail message (no header fields)"));

    GMimeStream* stream = g_mime_stream_mem_new_with_buffer(raw.data(), size_t(raw.size()));
    GMimeParser* parser = g_mime_parser_new_with_stream(stream);
    g_object_unref(stream);
    GMimeMessage* message = g_mime_parser_construct_message(parser, nullptr);
    g_object_unref(parser);
    if (!message)
        throw invalid(QStringLiteral("not an e-mail message"));
    struct Unref
    {
        GMimeMessage* m;
        ~Unref() { g_object_unref(m); }
    } unref{message};

    GMimeObject* top = g_mime_message_get_mime_part(message);
    const QString topType = top ? mimeType(top) : QString();
    if (topType != QLatin1String("multipart/report"))
        throw invalid(QStringLiteral("Content-Type is %1, not multipart/report")
                          .arg(topType.isEmpty() ? QStringLiteral("missing") : topType));
    const char* reportType = g_mime_object_get_content_type_parameter(top, "report-type");
    if (!reportType)
        throw invalid(QStringLiteral("multipart/report without report-type=feedback-report"));
    if (QString::fromUtf8(reportType)
            .trimmed()
            .compare(QLatin1String("feedback-report"), Qt::CaseInsensitive) != 0)
        throw invalid(
            QStringLiteral("report-type is \"%1\", not feedback-report").arg(QString::fromUtf8(reportType)));
    if (!GMIME_IS_MULTIPART(top))
        throw invalid(QStringLiteral("multipart/report without parts"));

    GMimeMultipart* mp = GMIME_MULTIPART(top);
    const int count = g_mime_multipart_get_count(mp);
    int feedbackIndex = -1;
    for (int i = 0; i < count && feedbackIndex < 0; ++i)
        if (mimeType(g_mime_multipart_get_part(mp, i)) == QLatin1String("message/feedback-report"))
            feedbackIndex = i;
    if (feedbackIndex < 0)
        throw invalid(QStringLiteral("no message/feedback-report part"));

    const QByteArray fieldsBytes = contentOf(g_mime_multipart_get_part(mp, feedbackIndex));
    const QList<HeaderField> fields =
        splitHeaderFields(QByteArrayView(fieldsBytes).first(headerBlockEnd(fieldsBytes)));
    auto field = [&](const char* name) -> QString {
        for (const HeaderField& f : fields)
            if (f.name.compare(name, Qt::CaseInsensitive) == 0)
                return decodeHeader(f.rawValue);
        return {};
    };
    auto date = [&](const char* name) -> QDateTime {
        for (const HeaderField& f : fields)
            if (f.name.compare(name, Qt::CaseInsensitive) == 0) {
                const QByteArray v = unfold(f.rawValue);
                GDateTime* t = g_mime_utils_header_decode_date(v.constData());
                if (!t)
                    return {};
                QDateTime d = QDateTime::fromSecsSinceEpoch(g_date_time_to_unix(t), Qt::UTC);
                g_date_time_unref(t);
                return d;
            }
        return {};
    };

    ArfReport r;
    r.feedbackType = field("Feedback-Type").trimmed().toLower();
    if (r.feedbackType.isEmpty())
        throw invalid(QStringLiteral("the message/feedback-report part has no Feedback-Type"));
    r.userAgent = field("User-Agent").trimmed();
    r.arrivalDate = date("Arrival-Date");
    if (!r.arrivalDate.isValid())
        r.arrivalDate = date("Received-Date");
    r.originalRcptTo = addressOnly(field("Original-Rcpt-To"));
    r.originalMailFrom = addressOnly(field("Original-Mail-From"));
    r.sourceIp = field("Source-IP").trimmed();
    r.version = field("Version").trimmed();
    r.reportedDomain = field("Reported-Domain").trimmed();

    for (int i = feedbackIndex + 1; i < count; ++i) {
        GMimeObject* part = g_mime_multipart_get_part(mp, i);
        const QString t = mimeType(part);
        if (t == QLatin1String("message/rfc822") || t == QLatin1String("text/rfc822-headers") ||
            t == QLatin1String("message/rfc822-headers")) {
            r.reportedMessage = contentOf(part);
            break;
        }
    }
    if (!r.reportedMessage.isEmpty()) {
        const QByteArrayView rm(r.reportedMessage);
        for (const HeaderField& f : splitHeaderFields(rm.first(headerBlockEnd(rm))))
            if (f.name.compare("X-Campaign-ID", Qt::CaseInsensitive) == 0) {
                r.campaignId = decodeHeader(f.rawValue).trimmed();
                break;
            }
    }
    return r;
}

} // namespace ad::mime
