// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/sanitize.h"

#include <QRegularExpression>
#include <QSet>
#include <QUrl>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

namespace ad::report {

namespace {

QString name(const xmlChar* n)
{
    return n ? QString::fromUtf8(reinterpret_cast<const char*>(n)).toLower() : QString();
}

QString escapeText(const QString& s)
{
    // Qt escapes & < > "; a single quote too, so the result is safe in either attribute quoting.
    QString out = s.toHtmlEscaped();
    out.replace(QLatin1Char('\''), QLatin1String("&#39;"));
    return out;
}

const QSet<QString>& keptElements()
{
    static const QSet<QString> s{
        QStringLiteral("p"),          QStringLiteral("div"),        QStringLiteral("span"),
        QStringLiteral("br"),         QStringLiteral("hr"),         QStringLiteral("table"),
        QStringLiteral("thead"),      QStringLiteral("tbody"),      QStringLiteral("tfoot"),
        QStringLiteral("tr"),         QStringLiteral("td"),         QStringLiteral("th"),
        QStringLiteral("caption"),    QStringLiteral("col"),        QStringLiteral("colgroup"),
        QStringLiteral("ul"),         QStringLiteral("ol"),         QStringLiteral("li"),
        QStringLiteral("dl"),         QStringLiteral("dt"),         QStringLiteral("dd"),
        QStringLiteral("h1"),         QStringLiteral("h2"),         QStringLiteral("h3"),
        QStringLiteral("h4"),         QStringLiteral("h5"),         QStringLiteral("h6"),
        QStringLiteral("b"),          QStringLiteral("i"),          QStringLiteral("u"),
        QStringLiteral("s"),          QStringLiteral("strong"),     QStringLiteral("em"),
        QStringLiteral("small"),      QStringLiteral("big"),        QStringLiteral("sub"),
        QStringLiteral("sup"),        QStringLiteral("font"),       QStringLiteral("center"),
        QStringLiteral("blockquote"), QStringLiteral("pre"),        QStringLiteral("code"),
        QStringLiteral("section"),    QStringLiteral("article"),    QStringLiteral("header"),
        QStringLiteral("footer"),     QStringLiteral("main"),       QStringLiteral("nav"),
        QStringLiteral("figure"),     QStringLiteral("figcaption"), QStringLiteral("address"),
        QStringLiteral("abbr"),       QStringLiteral("cite"),       QStringLiteral("q"),
        QStringLiteral("mark"),       QStringLiteral("del"),        QStringLiteral("ins"),
        QStringLiteral("tt"),         QStringLiteral("label"),      QStringLiteral("strike")};
    return s;
}

const QSet<QString>& droppedElements()
{
    static const QSet<QString> s{
        QStringLiteral("script"),   QStringLiteral("style"),    QStringLiteral("iframe"),
        QStringLiteral("frame"),    QStringLiteral("frameset"), QStringLiteral("noframes"),
        QStringLiteral("object"),   QStringLiteral("embed"),    QStringLiteral("applet"),
        QStringLiteral("param"),    QStringLiteral("input"),    QStringLiteral("button"),
        QStringLiteral("select"),   QStringLiteral("option"),   QStringLiteral("textarea"),
        QStringLiteral("head"),     QStringLiteral("title"),    QStringLiteral("meta"),
        QStringLiteral("link"),     QStringLiteral("base"),     QStringLiteral("noscript"),
        QStringLiteral("template"), QStringLiteral("svg"),      QStringLiteral("math"),
        QStringLiteral("audio"),    QStringLiteral("video"),    QStringLiteral("source"),
        QStringLiteral("track"),    QStringLiteral("canvas"),   QStringLiteral("portal"),
        QStringLiteral("dialog")};
    return s;
}

const QSet<QString>& keptAttributes()
{
    static const QSet<QString> s{
        QStringLiteral("align"),       QStringLiteral("valign"),      QStringLiteral("width"),
        QStringLiteral("height"),      QStringLiteral("colspan"),     QStringLiteral("rowspan"),
        QStringLiteral("bgcolor"),     QStringLiteral("color"),       QStringLiteral("border"),
        QStringLiteral("cellpadding"), QStringLiteral("cellspacing"), QStringLiteral("dir"),
        QStringLiteral("lang"),        QStringLiteral("alt"),         QStringLiteral("title"),
        QStringLiteral("face"),        QStringLiteral("size"),        QStringLiteral("style")};
    return s;
}

bool styleIsSafe(const QString& style)
{
    static const QRegularExpression bad(
        QStringLiteral("url\\s*\\(|expression|@import|behavior|binding|position|javascript:|\\\\|image-set|"
                       "src\\s*\\(|content\\s*:"),
        QRegularExpression::CaseInsensitiveOption);
    return !bad.match(style).hasMatch();
}

struct Walker
{
    const QList<mime::Attachment>& parts;
    const std::function<QString(const QString&)>& transform;
    QString remoteLabel;
    SanitizedHtml result;

    QString tx(const QString& s) const { return transform ? transform(s) : s; }

    QString attr(xmlNode* n, const char* attrName) const
    {
        xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(attrName));
        if (!v)
            return {};
        const QString s = QString::fromUtf8(reinterpret_cast<const char*>(v));
        xmlFree(v);
        return s;
    }

    QString keptAttrs(xmlNode* n)
    {
        QString out;
        for (xmlAttr* a = n->properties; a; a = a->next) {
            const QString an = name(a->name);
            xmlChar* v = xmlNodeListGetString(n->doc, a->children, 1);
            const QString value = v ? QString::fromUtf8(reinterpret_cast<const char*>(v)) : QString();
            if (v)
                xmlFree(v);
            if (!keptAttributes().contains(an) || (an == QLatin1String("style") && !styleIsSafe(value))) {
                ++result.removedAttributes;
                continue;
            }
            out += QLatin1Char(' ') + an + QStringLiteral("=\"") + escapeText(tx(value)) + QLatin1Char('"');
        }
        return out;
    }

    void image(xmlNode* n, QString& out)
    {
        const QString src = attr(n, "src").trimmed();
        const QString alt = attr(n, "alt");
        if (src.startsWith(QLatin1String("cid:"), Qt::CaseInsensitive)) {
            const QString cid = QUrl::fromPercentEncoding(src.mid(4).toUtf8());
            for (const auto& p : parts) {
                if (p.contentId.compare(cid, Qt::CaseInsensitive) != 0)
                    continue;
                const QString type = p.contentType.toLower();
                if (!type.startsWith(QLatin1String("image/")) || type.contains(QLatin1String("svg")))
                    break;
                out += QStringLiteral("<img src=\"data:") + type + QStringLiteral(";base64,") +
                       QString::fromLatin1(p.data.toBase64()) + QLatin1Char('"') + keptAttrs(n) +
                       QLatin1Char('>');
                ++result.inlinedImages;
                return;
            }
        } else {
            static const QRegularExpression dataImage(
                QStringLiteral("^data:image/(png|gif|jpeg|jpg|webp);base64,[A-Za-z0-9+/=\\s]*$"),
                QRegularExpression::CaseInsensitiveOption);
            if (dataImage.match(src).hasMatch()) {
                QString clean = src;
                clean.remove(QRegularExpression(QStringLiteral("\\s")));
                out += QStringLiteral("<img src=\"") + escapeText(clean) + QLatin1Char('"') + keptAttrs(n) +
                       QLatin1Char('>');
                return;
            }
        }
        // Anything else is not loaded: a placeholder names where it would have come from.
        ++result.remoteResources;
        QString host = QUrl(src).host();
        if (host.isEmpty())
            host = src.section(QLatin1Char(':'), 0, 0).left(40);
        out += QStringLiteral("<span class=\"remote\">[") + escapeText(remoteLabel);
        if (!host.isEmpty())
            out += QStringLiteral(": ") + escapeText(tx(host));
        if (!alt.isEmpty())
            out += QStringLiteral(" \u2014 \u201c") + escapeText(tx(alt)) + QStringLiteral("\u201d");
        out += QStringLiteral("]</span>");
    }

    void children(xmlNode* n, QString& out)
    {
        for (xmlNode* c = n->children; c; c = c->next)
            node(c, out);
    }

    void node(xmlNode* n, QString& out)
    {
        switch (n->type) {
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
            out += escapeText(tx(QString::fromUtf8(reinterpret_cast<const char*>(n->content))));
            return;
        case XML_ELEMENT_NODE:
            break;
        case XML_COMMENT_NODE:
            return;
        default:
            return;
        }
        const QString tag = name(n->name);
        if (droppedElements().contains(tag)) {
            ++result.removedElements;
            // Void elements have no content of their own: whatever the tolerant parser nested under one
            // (e.g. the rest of the body after an unclosed <embed>) is the message's following content.
            static const QSet<QString> voids{
                QStringLiteral("embed"), QStringLiteral("param"), QStringLiteral("source"),
                QStringLiteral("track"), QStringLiteral("input"), QStringLiteral("meta"),
                QStringLiteral("link"),  QStringLiteral("base"),  QStringLiteral("frame")};
            if (voids.contains(tag))
                children(n, out);
            return;
        }
        if (tag == QLatin1String("img")) {
            image(n, out);
            return;
        }
        if (tag == QLatin1String("a") || tag == QLatin1String("area")) {
            const QString href = attr(n, "href").trimmed();
            out += QStringLiteral("<span class=\"link\">");
            children(n, out);
            out += QStringLiteral("</span>");
            if (!href.isEmpty())
                out += QStringLiteral("<span class=\"href\"> [\u2192 ") + escapeText(tx(href)) +
                       QStringLiteral("]</span>");
            return;
        }
        if (tag == QLatin1String("html") || tag == QLatin1String("body") || tag == QLatin1String("form") ||
            !keptElements().contains(tag)) {
            if (tag == QLatin1String("form"))
                ++result.removedElements;
            children(n, out);
            return;
        }
        out += QLatin1Char('<') + tag + keptAttrs(n) + QLatin1Char('>');
        static const QSet<QString> voids{QStringLiteral("br"), QStringLiteral("hr"), QStringLiteral("col")};
        if (voids.contains(tag))
            return;
        children(n, out);
        out += QStringLiteral("</") + tag + QLatin1Char('>');
    }
};

} // namespace

SanitizedHtml sanitizeHtml(const QString& html, const QList<mime::Attachment>& parts,
                           const std::function<QString(const QString&)>& transform,
                           const QString& remoteLabel)
{
    Walker w{parts, transform, remoteLabel, {}};
    const QByteArray bytes = html.toUtf8();
    htmlDocPtr doc = htmlReadMemory(bytes.constData(), int(bytes.size()), nullptr, "UTF-8",
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                        HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED | HTML_PARSE_COMPACT);
    if (!doc)
        return w.result;
    QString out;
    for (xmlNode* n = doc->children; n; n = n->next)
        w.node(n, out);
    xmlFreeDoc(doc);
    w.result.html = out;
    return w.result;
}

} // namespace ad::report
