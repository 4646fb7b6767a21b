// SPDX-License-Identifier: GPL-3.0-or-later
#include "preview/htmlsanitizer.h"

#include "preview/schemes.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/xmlsave.h>
#include <memory>
#include <vector>

namespace ad::preview {

namespace {

const xmlChar* X(const char* s)
{
    return reinterpret_cast<const xmlChar*>(s);
}

QString str(const xmlChar* s)
{
    return s ? QString::fromUtf8(reinterpret_cast<const char*>(s)) : QString();
}

QString lowerName(xmlNodePtr n)
{
    return str(n->name).toLower();
}

QString attr(xmlNodePtr n, const char* name)
{
    xmlChar* v = xmlGetProp(n, X(name));
    QString s = str(v);
    xmlFree(v);
    return s;
}

void setAttr(xmlNodePtr n, const QString& name, const QString& value)
{
    xmlSetProp(n, X(name.toUtf8().constData()), X(value.toUtf8().constData()));
}

bool isHexDigit(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

bool isIdentChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'-' || c == u'_' || c.unicode() >= 0x80;
}

// Reads a CSS escape starting at css[i] == '\\'; appends the decoded character to `out` and returns the
// index after the escape.
qsizetype readEscape(const QString& css, qsizetype i, QString& out)
{
    const qsizetype n = css.size();
    ++i; // backslash
    if (i >= n)
        return i;
    if (isHexDigit(css[i])) {
        qsizetype j = i;
        while (j < n && j - i < 6 && isHexDigit(css[j]))
            ++j;
        bool ok = false;
        const uint cp = css.mid(i, j - i).toUInt(&ok, 16);
        if (ok && cp > 0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF))
            out += QString::fromUcs4(reinterpret_cast<const char32_t*>(&cp), 1);
        else
            out += QChar(0xFFFD);
        if (j < n && css[j].isSpace())
            ++j;
        return j;
    }
    if (css[i] == u'\n') // line continuation (only meaningful inside strings)
        return i + 1;
    out += css[i];
    return i + 1;
}

// Reads a quoted string starting at the quote; returns the index after the closing quote and the decoded
// value.
qsizetype readString(const QString& css, qsizetype i, QString& value)
{
    const QChar quote = css[i];
    ++i;
    const qsizetype n = css.size();
    while (i < n) {
        const QChar c = css[i];
        if (c == quote)
            return i + 1;
        if (c == u'\\') {
            i = readEscape(css, i, value);
            continue;
        }
        if (c == u'\n') // unterminated string: CSS ends it here
            return i;
        value += c;
        ++i;
    }
    return i;
}

QString quoteCss(const QString& url)
{
    QString s = url;
    s.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\22 ")).replace(u'\n', u' ');
    return u'"' + s + u'"';
}

bool startsWithScheme(const QString& u)
{
    static const QRegularExpression re(QStringLiteral("^[a-zA-Z][a-zA-Z0-9+.\\-]*:"));
    return re.match(u).hasMatch();
}

// Browsers drop leading/trailing C0 controls and spaces and every tab/newline inside a URL.
QString normaliseUrl(QString u)
{
    u.remove(u'\t').remove(u'\n').remove(u'\r');
    qsizetype b = 0, e = u.size();
    while (b < e && u[b].unicode() <= 0x20)
        ++b;
    while (e > b && u[e - 1].unicode() <= 0x20)
        --e;
    return u.mid(b, e - b);
}

bool isVoidInHtml5(xmlNodePtr n)
{
    static const char* const names[] = {"area",   "base", "br",   "col",   "embed",  "hr",    "img", "input",
                                        "keygen", "link", "meta", "param", "source", "track", "wbr", "frame"};
    for (const char* v : names)
        if (xmlStrcasecmp(n->name, X(v)) == 0)
            return true;
    return false;
}

class Sanitizer
{
public:
    Sanitizer(const QString& docId, const QSet<QString>& cids) : m_docId(docId)
    {
        for (const QString& c : cids)
            m_cids.insert(c.toLower(), c);
    }

    SanitizeResult run(const QString& html);

private:
    // `background`: the reference paints a background (CSS, background=""), so it is replaced by a
    // transparent image instead of the visible placeholder, which would tile over the text.
    QString mapResourceUrl(const QString& raw, bool background = false);
    void countRemote(const QString& url);
    void walk(xmlNodePtr node);
    void handleElement(xmlNodePtr el);
    QString rewriteSrcset(const QString& value);
    void note(const QString& s)
    {
        if (!m_notes.contains(s))
            m_notes << s;
    }

    QString m_docId;
    QHash<QString, QString> m_cids; // lower-case → as declared
    QString m_baseHref;             // from a <base> tag, to resolve relative references for counting
    int m_remote = 0;
    QSet<QString> m_hosts;
    QStringList m_notes;
    std::vector<xmlNodePtr> m_remove;
    std::vector<std::pair<xmlNodePtr, QString>> m_replaceWithMarker;
};

void Sanitizer::countRemote(const QString& url)
{
    ++m_remote;
    QString host;
    if (url.startsWith(QLatin1String("//")))
        host = QUrl(QStringLiteral("http:") + url).host();
    else
        host = QUrl(url).host();
    if (host.isEmpty()) {
        const qsizetype colon = url.indexOf(u':');
        host = colon > 0 ? url.left(colon + 1).toLower() : QStringLiteral("?");
    }
    m_hosts.insert(host.toLower());
}

// Returns the URL to put in place of a resource reference (never the original unless it is offline).
QString Sanitizer::mapResourceUrl(const QString& raw, bool background)
{
    const QString placeholder = background ? transparentPlaceholderUrl(m_docId) : placeholderUrl(m_docId);
    const QString u = normaliseUrl(raw);
    if (u.isEmpty() || u.startsWith(u'#'))
        return raw;
    const QString lower = u.toLower();
    if (lower.startsWith(QLatin1String("cid:"))) {
        const QString id = QUrl::fromPercentEncoding(u.mid(4).toUtf8()).trimmed();
        QString bare = id;
        if (bare.startsWith(u'<') && bare.endsWith(u'>'))
            bare = bare.mid(1, bare.size() - 2);
        const auto it = m_cids.constFind(bare.toLower());
        if (it != m_cids.constEnd())
            return cidUrl(m_docId, it.value());
        note(QCoreApplication::translate("ad::preview::MessagePreview",
                                         "an inline part referenced as cid:%1 is missing from the message")
                 .arg(bare));
        return placeholder;
    }
    if (lower.startsWith(QLatin1String("data:")))
        return lower.startsWith(QLatin1String("data:image/")) ||
                       lower.startsWith(QLatin1String("data:font/")) ||
                       lower.startsWith(QLatin1String("data:application/font")) ||
                       lower.startsWith(QLatin1String("data:application/x-font"))
                   ? raw
                   : placeholder;
    if (lower.startsWith(QLatin1String(kScheme) + u':'))
        return placeholder; // the message may not address our own documents
    if (startsWithScheme(u) || u.startsWith(QLatin1String("//"))) {
        countRemote(u);
        return placeholder;
    }
    // Relative: with a <base href> it would have been fetched from that host.
    if (!m_baseHref.isEmpty()) {
        const QUrl resolved = QUrl(m_baseHref).resolved(QUrl(u));
        if (!resolved.host().isEmpty())
            countRemote(resolved.toString());
    }
    return placeholder;
}

QString Sanitizer::rewriteSrcset(const QString& value)
{
    // "url [descriptor], url [descriptor]" — any candidate that is not offline replaces the whole set by the
    // placeholder, keeping the first descriptor-less form.
    QStringList out;
    const QStringList candidates = value.split(u',', Qt::SkipEmptyParts);
    for (const QString& cand : candidates) {
        const QString c = cand.trimmed();
        const qsizetype sp = c.indexOf(QRegularExpression(QStringLiteral("\\s")));
        const QString url = sp < 0 ? c : c.left(sp);
        const QString desc = sp < 0 ? QString() : c.mid(sp);
        out << mapResourceUrl(url) + desc;
    }
    return out.join(QStringLiteral(", "));
}

void Sanitizer::handleElement(xmlNodePtr el)
{
    const QString name = lowerName(el);

    // Whole elements that must not exist in a preview.
    if (name == u"script") {
        const QString src = attr(el, "src");
        if (!src.isEmpty())
            mapResourceUrl(src); // count its host
        note(QCoreApplication::translate("ad::preview::MessagePreview", "scripts removed"));
        m_remove.push_back(el);
        return;
    }
    if (name == u"base") {
        const QString href = normaliseUrl(attr(el, "href"));
        if (!href.isEmpty()) {
            m_baseHref = href;
            if (startsWithScheme(href) || href.startsWith(QLatin1String("//")))
                countRemote(href);
        }
        note(QCoreApplication::translate("ad::preview::MessagePreview", "<base> removed"));
        m_remove.push_back(el);
        return;
    }
    if (name == u"link") {
        const QString href = normaliseUrl(attr(el, "href"));
        const QString rel = attr(el, "rel").toLower();
        if (!href.isEmpty() && !href.toLower().startsWith(QLatin1String("cid:")) &&
            !href.toLower().startsWith(QLatin1String("data:")))
            mapResourceUrl(href); // count; the element goes anyway
        const QString srcset = attr(el, "imagesrcset");
        if (!srcset.isEmpty())
            rewriteSrcset(srcset);
        note(QCoreApplication::translate("ad::preview::MessagePreview", "<link> elements removed"));
        m_remove.push_back(el);
        return;
    }
    if (name == u"meta") {
        const QString equiv = attr(el, "http-equiv").toLower();
        if (!equiv.isEmpty() || xmlHasProp(el, X("charset"))) {
            if (equiv == u"refresh") {
                const QString content = attr(el, "content");
                static const QRegularExpression urlRe(QStringLiteral("url\\s*=\\s*['\"]?([^'\";]+)"),
                                                      QRegularExpression::CaseInsensitiveOption);
                const auto m = urlRe.match(content);
                if (m.hasMatch()) {
                    const QString target = normaliseUrl(m.captured(1));
                    if (startsWithScheme(target) || target.startsWith(QLatin1String("//")))
                        countRemote(target);
                }
                note(QCoreApplication::translate("ad::preview::MessagePreview",
                                                 "<meta http-equiv=refresh> removed"));
            }
            m_remove.push_back(el);
        }
        return;
    }
    if (name == u"iframe" || name == u"frame" || name == u"object" || name == u"embed" || name == u"applet" ||
        name == u"portal" || name == u"frameset") {
        QString target = attr(el, "src");
        if (target.isEmpty())
            target = attr(el, "data");
        if (target.isEmpty())
            target = attr(el, "code");
        target = normaliseUrl(target);
        QString host;
        if (startsWithScheme(target) || target.startsWith(QLatin1String("//"))) {
            countRemote(target);
            host = QUrl(target.startsWith(QLatin1String("//")) ? QStringLiteral("http:") + target : target)
                       .host();
        }
        m_replaceWithMarker.emplace_back(
            el, host.isEmpty()
                    ? QCoreApplication::translate("ad::preview::MessagePreview", "[blocked <%1>]").arg(name)
                    : QCoreApplication::translate("ad::preview::MessagePreview", "[blocked <%1> from %2]")
                          .arg(name, host));
        note(QCoreApplication::translate("ad::preview::MessagePreview", "embedded frames/objects removed"));
        return;
    }

    const bool isLink = (name == u"a" || name == u"area");
    // Attributes.
    std::vector<xmlAttrPtr> drop;
    std::vector<std::pair<QString, QString>> set;
    for (xmlAttrPtr a = el->properties; a; a = a->next) {
        const QString an = str(a->name).toLower();
        xmlChar* raw = xmlNodeListGetString(el->doc, a->children, 1);
        const QString value = str(raw);
        xmlFree(raw);
        if (an.startsWith(u"on")) {
            note(QCoreApplication::translate("ad::preview::MessagePreview",
                                             "event handler attributes removed"));
            drop.push_back(a);
        } else if (an == u"ping") {
            for (const QString& p :
                 value.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts))
                mapResourceUrl(p);
            drop.push_back(a);
        } else if (an == u"target" || an == u"formtarget" || an == u"manifest" || an == u"codebase" ||
                   an == u"archive" || an == u"download") {
            drop.push_back(a);
        } else if (an == u"action" || an == u"formaction") {
            const QString u = normaliseUrl(value);
            if (startsWithScheme(u) || u.startsWith(QLatin1String("//")))
                note(QCoreApplication::translate("ad::preview::MessagePreview", "form targets removed"));
            drop.push_back(a);
        } else if (an == u"srcset" || an == u"imagesrcset") {
            set.emplace_back(an, rewriteSrcset(value));
        } else if (an == u"background") {
            const QString mapped = mapResourceUrl(value, true);
            if (mapped != value)
                set.emplace_back(an, mapped);
        } else if (an == u"src" || an == u"poster" || an == u"lowsrc" || an == u"dynsrc" ||
                   an == u"xlink:href" || an == u"profile" || (an == u"href" && !isLink)) {
            if (isLink && an == u"xlink:href")
                continue; // an SVG <a>: a link target like href
            const QString mapped = mapResourceUrl(value);
            if (mapped != value)
                set.emplace_back(an, mapped);
        } else if (an == u"style") {
            const QString css = rewriteCssUrls(value, [this](const QString& u) {
                const QString m = mapResourceUrl(u, true);
                return m == u ? QString() : m;
            });
            if (css != value)
                set.emplace_back(an, css);
        }
    }
    for (xmlAttrPtr a : drop)
        xmlRemoveProp(a);
    for (const auto& [an, v] : set)
        setAttr(el, an, v);

    if (name == u"style") {
        xmlChar* content = xmlNodeGetContent(el);
        const QString css = str(content);
        xmlFree(content);
        const QString rewritten = rewriteCssUrls(css, [this](const QString& u) {
            const QString m = mapResourceUrl(u, true);
            return m == u ? QString() : m;
        });
        if (rewritten != css) {
            while (el->children) {
                xmlNodePtr c = el->children;
                xmlUnlinkNode(c);
                xmlFreeNode(c);
            }
            const QByteArray utf8 = rewritten.toUtf8();
            xmlAddChild(el, xmlNewDocTextLen(el->doc, X(utf8.constData()), int(utf8.size())));
        }
    }
}

void Sanitizer::walk(xmlNodePtr node)
{
    for (xmlNodePtr n = node; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        const size_t before = m_remove.size() + m_replaceWithMarker.size();
        handleElement(n);
        if (m_remove.size() + m_replaceWithMarker.size() == before) {
            if (n->children)
                walk(n->children);
        } else if (n->children && isVoidInHtml5(n)) {
            // libxml2 (HTML 4) does not know that <embed>, <source>, <track>… have no content and nests
            // whatever follows inside them; that content belongs after the element. Hoist it so the loop
            // visits it next instead of dropping it with the element.
            xmlNodePtr after = n;
            while (n->children) {
                xmlNodePtr c = n->children;
                xmlUnlinkNode(c);
                after = xmlAddNextSibling(after, c);
            }
        }
    }
}

xmlNodePtr findChild(xmlNodePtr parent, const char* name)
{
    for (xmlNodePtr c = parent ? parent->children : nullptr; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && xmlStrcasecmp(c->name, X(name)) == 0)
            return c;
    return nullptr;
}

SanitizeResult Sanitizer::run(const QString& html)
{
    QByteArray utf8 = html.toUtf8();
    if (utf8.trimmed().isEmpty())
        utf8 = QByteArrayLiteral("<html><body></body></html>");
    const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                        HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT;
    std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
        htmlReadMemory(utf8.constData(), int(utf8.size()), "admsg://message/", "UTF-8", options),
        &xmlFreeDoc);
    if (!doc) {
        const QByteArray empty("<html><body></body></html>");
        doc.reset(htmlReadMemory(empty.constData(), int(empty.size()), nullptr, "UTF-8", options));
    }
    if (!doc)
        throw std::bad_alloc();

    xmlNodePtr root = xmlDocGetRootElement(doc.get());
    if (!root) {
        root = xmlNewDocNode(doc.get(), nullptr, X("html"), nullptr);
        xmlDocSetRootElement(doc.get(), root);
    }
    // First pass: find a <base> anywhere so relative references are counted against its host.
    walk(root);
    for (xmlNodePtr n : m_remove) {
        xmlUnlinkNode(n);
        xmlFreeNode(n);
    }
    for (const auto& [n, text] : m_replaceWithMarker) {
        xmlNodePtr span = xmlNewDocNode(doc.get(), nullptr, X("span"), nullptr);
        xmlSetProp(span, X("class"), X("adesk-blocked"));
        xmlSetProp(span, X("style"),
                   X("display:inline-block;border:1px dashed #b00;color:#b00;background:#fff4f4;"
                     "font:12px sans-serif;padding:2px 4px"));
        const QByteArray t = text.toUtf8();
        xmlAddChild(span, xmlNewDocTextLen(doc.get(), X(t.constData()), int(t.size())));
        xmlReplaceNode(n, span);
        xmlFreeNode(n);
    }

    // <head> with the CSP first, then the charset.
    xmlNodePtr head = findChild(root, "head");
    if (!head) {
        head = xmlNewDocNode(doc.get(), nullptr, X("head"), nullptr);
        if (root->children)
            xmlAddPrevSibling(root->children, head);
        else
            xmlAddChild(root, head);
    }
    xmlNodePtr csp = xmlNewDocNode(doc.get(), nullptr, X("meta"), nullptr);
    xmlSetProp(csp, X("http-equiv"), X("Content-Security-Policy"));
    xmlSetProp(csp, X("content"), X(contentSecurityPolicy().toUtf8().constData()));
    xmlNodePtr charset = xmlNewDocNode(doc.get(), nullptr, X("meta"), nullptr);
    xmlSetProp(charset, X("http-equiv"), X("Content-Type"));
    xmlSetProp(charset, X("content"), X("text/html; charset=utf-8"));
    if (head->children)
        xmlAddPrevSibling(head->children, csp);
    else
        xmlAddChild(head, csp);
    xmlAddNextSibling(csp, charset);

    // Serialise as UTF-8 (not through htmlDocDumpMemory, which would pick an encoding from the metas).
    xmlCharEncodingHandlerPtr enc = xmlFindCharEncodingHandler("UTF-8");
    xmlOutputBufferPtr out = xmlAllocOutputBuffer(enc);
    htmlDocContentDumpFormatOutput(out, doc.get(), "UTF-8", 0);
    xmlOutputBufferFlush(out);
    SanitizeResult r;
    const xmlBufPtr buf = out->conv ? out->conv : out->buffer;
    r.html = QByteArray(reinterpret_cast<const char*>(xmlBufContent(buf)), qsizetype(xmlBufUse(buf)));
    xmlOutputBufferClose(out);

    r.remoteReferences = m_remote;
    r.remoteHosts = QStringList(m_hosts.begin(), m_hosts.end());
    r.remoteHosts.sort();
    r.notes = m_notes;
    return r;
}

} // namespace

QString contentSecurityPolicy()
{
    return QStringLiteral(
               "default-src 'none'; img-src %1: data:; style-src 'unsafe-inline' %1:; font-src data:; "
               "form-action 'none'; base-uri 'none'; frame-src 'none'; child-src 'none'; "
               "object-src 'none'; media-src 'none'; connect-src 'none'; manifest-src 'none'; "
               "worker-src 'none'; prefetch-src 'none'")
        .arg(QLatin1String(kScheme));
}

QString cidUrl(const QString& docId, const QString& contentId)
{
    return QLatin1String(kScheme) + QStringLiteral("://") + docId + QStringLiteral("/cid/") +
           QString::fromLatin1(QUrl::toPercentEncoding(contentId));
}

QString placeholderUrl(const QString& docId)
{
    return QLatin1String(kScheme) + QStringLiteral("://") + docId + QStringLiteral("/blocked");
}

QString transparentPlaceholderUrl(const QString& docId)
{
    return QLatin1String(kScheme) + QStringLiteral("://") + docId + QStringLiteral("/blocked-background");
}

SanitizeResult sanitizeHtml(const QString& html, const QString& docId, const QSet<QString>& contentIds)
{
    Sanitizer s(docId, contentIds);
    return s.run(html);
}

QByteArray textAsHtml(const QString& text, const QString& emptyNote)
{
    QString body = text.isEmpty() ? QStringLiteral("<p style=\"color:#666;font-style:italic\">") +
                                        emptyNote.toHtmlEscaped() + QStringLiteral("</p>")
                                  : QStringLiteral("<pre style=\"white-space:pre-wrap;word-wrap:break-word;"
                                                   "font-family:monospace;margin:8px\">") +
                                        text.toHtmlEscaped() + QStringLiteral("</pre>");
    const QString doc =
        QStringLiteral("<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" "
                       "content=\"") +
        contentSecurityPolicy() +
        QStringLiteral("\"><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">"
                       "</head><body>") +
        body + QStringLiteral("</body></html>");
    return doc.toUtf8();
}

QString rewriteCssUrls(const QString& css, const std::function<QString(const QString&)>& mapUrl)
{
    QString out;
    out.reserve(css.size());
    const qsizetype n = css.size();
    qsizetype i = 0;
    bool importPending = false;     // after @import: the next string is a URL
    std::vector<int> imageSetDepth; // paren depths at which an image-set() started
    int depth = 0;

    auto emitUrl = [&](const QString& url, const QString& original) {
        const QString mapped = mapUrl(url);
        out += mapped.isNull() ? original : QStringLiteral("url(") + quoteCss(mapped) + u')';
    };
    auto emitStringUrl = [&](const QString& url, const QString& original) {
        const QString mapped = mapUrl(url);
        out += mapped.isNull() ? original : quoteCss(mapped);
    };

    while (i < n) {
        const QChar c = css[i];
        if (c == u'/' && i + 1 < n && css[i + 1] == u'*') {
            const qsizetype end = css.indexOf(QLatin1String("*/"), i + 2);
            const qsizetype stop = end < 0 ? n : end + 2;
            out += css.mid(i, stop - i);
            i = stop;
            continue;
        }
        if (c == u'"' || c == u'\'') {
            QString value;
            const qsizetype end = readString(css, i, value);
            const QString original = css.mid(i, end - i);
            if (importPending || !imageSetDepth.empty())
                emitStringUrl(value, original);
            else
                out += original;
            importPending = false;
            i = end;
            continue;
        }
        if (c == u'@') {
            qsizetype j = i + 1;
            QString name;
            while (j < n && (isIdentChar(css[j]) || css[j] == u'\\')) {
                if (css[j] == u'\\')
                    j = readEscape(css, j, name);
                else
                    name += css[j++];
            }
            if (name.compare(QLatin1String("import"), Qt::CaseInsensitive) == 0)
                importPending = true;
            out += css.mid(i, j - i);
            i = j;
            continue;
        }
        if (isIdentChar(c) || c == u'\\') {
            qsizetype j = i;
            QString name;
            while (j < n && (isIdentChar(css[j]) || css[j] == u'\\')) {
                if (css[j] == u'\\')
                    j = readEscape(css, j, name);
                else
                    name += css[j++];
            }
            const QString lname = name.toLower();
            if (j < n && css[j] == u'(' && (lname == u"url" || lname == u"src")) {
                qsizetype k = j + 1;
                while (k < n && css[k].isSpace())
                    ++k;
                QString value;
                if (k < n && (css[k] == u'"' || css[k] == u'\'')) {
                    k = readString(css, k, value);
                    while (k < n && css[k] != u')') // modifiers / whitespace up to the paren
                        ++k;
                } else {
                    while (k < n && css[k] != u')') {
                        if (css[k] == u'\\')
                            k = readEscape(css, k, value);
                        else
                            value += css[k++];
                    }
                    value = value.trimmed();
                }
                if (k < n)
                    ++k; // ')'
                emitUrl(value, css.mid(i, k - i));
                importPending = false;
                i = k;
                continue;
            }
            if (j < n && css[j] == u'(' &&
                (lname == u"image-set" || lname == u"-webkit-image-set" || lname == u"image" ||
                 lname == u"cross-fade" || lname == u"-webkit-cross-fade")) {
                out += css.mid(i, j - i + 1);
                ++depth;
                imageSetDepth.push_back(depth);
                i = j + 1;
                continue;
            }
            out += css.mid(i, j - i);
            i = j;
            continue;
        }
        if (c == u'(') {
            ++depth;
        } else if (c == u')') {
            if (!imageSetDepth.empty() && imageSetDepth.back() == depth)
                imageSetDepth.pop_back();
            if (depth > 0)
                --depth;
        } else if (c == u';' || c == u'{' || c == u'}') {
            importPending = false;
        }
        out += c;
        ++i;
    }
    return out;
}

} // namespace ad::preview
