// SPDX-License-Identifier: GPL-3.0-or-later
#include "preview/linkcheck.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

namespace ad::preview {

namespace {

// The reasons are shown in the preview's Links tab, so they share its translation context; the texts are
// marked with QT_TRANSLATE_NOOP so that lupdate files them under that context too.
QString reasonText(const char* s)
{
    return QCoreApplication::translate("ad::preview::MessagePreview", s);
}

QString ace(const QString& host)
{
    const QByteArray a = QUrl::toAce(host);
    return a.isEmpty() ? host.toLower() : QString::fromLatin1(a).toLower();
}

QString stripWww(const QString& h)
{
    return h.startsWith(QLatin1String("www.")) ? h.mid(4) : h;
}

} // namespace

QStringList domainsInText(const QString& text)
{
    static const QRegularExpression re(
        QStringLiteral(
            "(?<![\\p{L}\\p{N}.-])(?:[a-z][a-z0-9+.-]*://)?(?:[^\\s@/]+@)?"
            "((?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,62}[\\p{L}\\p{N}])?\\.)+(?:\\p{L}{2,63}|xn--[a-z0-9-]+))"
            "(?![\\p{L}\\p{N}-])"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    static const QSet<QString> fileExtensions = {
        QStringLiteral("pdf"),  QStringLiteral("png"),  QStringLiteral("jpg"),  QStringLiteral("jpeg"),
        QStringLiteral("gif"),  QStringLiteral("html"), QStringLiteral("htm"),  QStringLiteral("php"),
        QStringLiteral("zip"),  QStringLiteral("doc"),  QStringLiteral("docx"), QStringLiteral("xls"),
        QStringLiteral("xlsx"), QStringLiteral("txt"),  QStringLiteral("exe"),  QStringLiteral("csv"),
        QStringLiteral("svg"),  QStringLiteral("webp"), QStringLiteral("aspx"), QStringLiteral("js")};
    QStringList out;
    auto it = re.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        const QString host = m.captured(1).toLower();
        const QString tld = host.section(u'.', -1);
        if (fileExtensions.contains(tld) && !m.captured(0).contains(QLatin1String("://")))
            continue;
        const QString a = ace(host);
        if (!out.contains(a))
            out << a;
    }
    return out;
}

bool sameSite(const QString& a, const QString& b)
{
    const QString x = stripWww(ace(a)), y = stripWww(ace(b));
    if (x.isEmpty() || y.isEmpty())
        return false;
    return x == y || x.endsWith(u'.' + y) || y.endsWith(u'.' + x);
}

LinkAssessment assessLink(const QString& visibleText, const QString& href)
{
    LinkAssessment r;
    const QString target = href.trimmed();
    const QUrl url(target);
    const QString scheme = url.scheme().toLower();
    if (scheme == u"mailto") {
        const QString addr = url.path();
        const qsizetype at = addr.lastIndexOf(u'@');
        r.domain = at >= 0 ? ace(addr.mid(at + 1).section(u'?', 0, 0)) : QString();
    } else {
        r.domain = ace(url.host());
    }

    if (scheme == u"javascript" || scheme == u"vbscript" || scheme == u"data" || scheme == u"file") {
        r.deceptive = true;
        r.reason = reasonText(QT_TRANSLATE_NOOP("ad::preview::MessagePreview",
                                                "the link is a %1: URL, not a web address"))
                       .arg(scheme);
        return r;
    }
    const QStringList shown = domainsInText(visibleText);
    for (const QString& d : shown) {
        if (r.domain.isEmpty()) {
            r.deceptive = true;
            r.reason = reasonText(QT_TRANSLATE_NOOP("ad::preview::MessagePreview",
                                                    "the text shows %1 but the link has no web domain"))
                           .arg(d);
            return r;
        }
        if (!sameSite(d, r.domain)) {
            r.deceptive = true;
            r.reason = reasonText(QT_TRANSLATE_NOOP("ad::preview::MessagePreview",
                                                    "the text shows %1 but the link goes to %2"))
                           .arg(d, r.domain);
            return r;
        }
    }
    if (!url.host().isEmpty() && r.domain != url.host().toLower())
        r.reason = reasonText(QT_TRANSLATE_NOOP("ad::preview::MessagePreview",
                                                "internationalised domain, displayed as %1"))
                       .arg(url.host());
    return r;
}

} // namespace ad::preview
