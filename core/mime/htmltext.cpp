// SPDX-License-Identifier: GPL-3.0-or-later
#include "mime/htmltext.h"

#include "mime/mimeutil.h"

#include <QRegularExpression>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <limits>

namespace ad::mime::detail {

QString foldWhitespace(const QString& text)
{
    QString out;
    out.reserve(text.size());
    bool space = false;
    for (const QChar c : text) {
        if (c.isSpace() || c == QChar(0x200B) || c == QChar(0xFEFF)) {
            space = true;
            continue;
        }
        if (space && !out.isEmpty())
            out += QLatin1Char(' ');
        space = false;
        out += c;
    }
    return out;
}

static bool nameIs(const xmlNode* n, const char* name)
{
    return n->name && xmlStrcasecmp(n->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

static bool isHidden(const xmlNode* n)
{
    return nameIs(n, "script") || nameIs(n, "style") || nameIs(n, "head") || nameIs(n, "title") ||
           nameIs(n, "template");
}

static bool isBlock(const xmlNode* n)
{
    static const char* const blocks[] = {
        "p",    "div",     "br",      "li",     "ul",       "ol",     "tr",     "td",     "th",
        "h1",   "h2",      "h3",      "h4",     "h5",       "h6",     "table",  "hr",     "blockquote",
        "pre",  "section", "article", "header", "footer",   "dd",     "dt",     "center", "address",
        "body", "nav",     "aside",   "form",   "fieldset", "figure", "caption"};
    for (const char* b : blocks)
        if (nameIs(n, b))
            return true;
    return false;
}

static QString attr(const xmlNode* n, const char* name)
{
    xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
    if (!v)
        return {};
    QString s = QString::fromUtf8(reinterpret_cast<const char*>(v));
    xmlFree(v);
    return s;
}

static bool hasAttr(const xmlNode* n, const char* name)
{
    return xmlHasProp(n, reinterpret_cast<const xmlChar*>(name)) != nullptr;
}

// Collects the text below `n` (script/style skipped); `alts` gathers <img alt> texts.
static void collectText(const xmlNode* n, QString& text, QString* alts, int depth = 0)
{
    if (depth > 256)
        return;
    for (const xmlNode* c = n; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content)
                text += QString::fromUtf8(reinterpret_cast<const char*>(c->content));
        } else if (c->type == XML_ELEMENT_NODE) {
            if (isHidden(c))
                continue;
            if (alts && nameIs(c, "img"))
                *alts += QLatin1Char(' ') + attr(c, "alt");
            const bool block = isBlock(c);
            if (block)
                text += QLatin1Char(' ');
            collectText(c->children, text, alts, depth + 1);
            if (block)
                text += QLatin1Char(' ');
        }
    }
}

static void walk(const xmlNode* n, HtmlInfo& info, QString& text, int depth)
{
    if (depth > 256) // libxml2 itself limits nesting; this guards our recursion
        return;
    for (const xmlNode* c = n; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content)
                text += QString::fromUtf8(reinterpret_cast<const char*>(c->content));
            continue;
        }
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (isHidden(c))
            continue;
        if (nameIs(c, "a") && hasAttr(c, "href")) {
            QString t, alts;
            collectText(c->children, t, &alts);
            t = foldWhitespace(t);
            if (t.isEmpty())
                t = foldWhitespace(alts);
            info.links.append(MessageLink{t, attr(c, "href").trimmed()});
        } else if (nameIs(c, "area") && hasAttr(c, "href")) {
            info.links.append(MessageLink{foldWhitespace(attr(c, "alt")), attr(c, "href").trimmed()});
        }
        const bool block = isBlock(c);
        if (block)
            text += QLatin1Char(' ');
        walk(c->children, info, text, depth + 1);
        if (block)
            text += QLatin1Char(' ');
    }
}

HtmlInfo analyseHtml(const QString& html)
{
    ensureInitialised();
    HtmlInfo info;
    if (html.isEmpty())
        return info;
    const QByteArray utf8 = html.toUtf8();
    const int size = int(qMin<qsizetype>(utf8.size(), std::numeric_limits<int>::max()));
    htmlDocPtr doc = htmlReadMemory(utf8.constData(), size, nullptr, "UTF-8",
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                        HTML_PARSE_NONET | HTML_PARSE_COMPACT);
    if (!doc)
        return info;
    QString text;
    walk(xmlDocGetRootElement(doc), info, text, 0);
    xmlFreeDoc(doc);
    info.visibleText = foldWhitespace(text);
    return info;
}

QList<MessageLink> textLinks(const QString& text)
{
    static const QRegularExpression re(QStringLiteral(R"((?:https?://|mailto:)[^\s<>"'`{}|\\^\x{00A0}]+)"),
                                       QRegularExpression::CaseInsensitiveOption);
    QList<MessageLink> links;
    auto it = re.globalMatch(text);
    while (it.hasNext()) {
        QString url = it.next().captured(0);
        // Trailing punctuation belongs to the sentence; a ')' only when unbalanced within the URL.
        while (!url.isEmpty()) {
            const QChar last = url.back();
            if (QStringLiteral(".,;:!?*").contains(last)) {
                url.chop(1);
            } else if (last == QLatin1Char(')') &&
                       url.count(QLatin1Char('(')) < url.count(QLatin1Char(')'))) {
                url.chop(1);
            } else if (last == QLatin1Char(']') &&
                       url.count(QLatin1Char('[')) < url.count(QLatin1Char(']'))) {
                url.chop(1);
            } else
                break;
        }
        const qsizetype schemeEnd = url.indexOf(QLatin1Char(':'));
        if (url.size() <= schemeEnd + 3) // "http://" alone
            continue;
        links.append(MessageLink{url, url});
    }
    return links;
}

} // namespace ad::mime::detail
