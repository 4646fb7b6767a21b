// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Turns a message's HTML body into a document that can be shown without contacting anybody.
//
// The rewriting is the first of three walls (the Content-Security-Policy injected here is the second, the
// profile's request interceptor the third); its job is also to tell the reviewer what was blocked and to keep
// the layout recognisable:
//  - <script>, <base>, <link>, <meta http-equiv>/<meta charset>, <iframe>/<frame>/<object>/<embed>/<applet>
//    are removed (embedded frames and objects leave a visible "[blocked …]" marker), on* handler attributes,
//    ping, target, action/formaction and manifest attributes are dropped;
//  - cid: references become admsg://<id>/cid/<content-id> when the message has that part;
//  - every other resource reference (src, srcset, background, poster, lowsrc, dynsrc, data, href/xlink:href
//    outside <a>/<area>, CSS url(), image-set() and @import in <style> and style="") is replaced by the
//    placeholder image admsg://<id>/blocked (backgrounds: by the transparent admsg://<id>/blocked-background,
//    so a tiled placeholder does not cover the text), and its host is counted. data:image/… stays (it is
//    offline);
//  - a CSP <meta> becomes the first element of <head>, followed by a UTF-8 charset declaration (the body was
//    converted to UTF-8 by the parser, so the message's own charset declaration would now be wrong).
// Link targets of <a>/<area> are kept as written: clicks are refused by the page and only reported.
//
// Known limit: libxml2's HTML parser is not the HTML5 algorithm Chromium uses, so exotic markup may be
// parsed differently here and there; the CSP and the interceptor still hold in that case.

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <functional>

namespace ad::preview {

struct SanitizeResult
{
    QByteArray html;          // UTF-8 document to serve
    int remoteReferences = 0; // remote resource references replaced or removed
    QStringList remoteHosts;  // their hosts, lower-case, sorted, unique ("(relative)" never appears)
    QStringList notes; // what else was neutralised, for the reviewer (scripts, handlers, missing cid…)
};

// The policy put first in every document's <head>.
QString contentSecurityPolicy();

// `docId` is the host part of the admsg URL the document is served under; `contentIds` are the
// Content-IDs (without angle brackets) the message actually carries.
SanitizeResult sanitizeHtml(const QString& html, const QString& docId, const QSet<QString>& contentIds);

// A text body as an escaped, wrapped, preformatted HTML document (with the same CSP).
QByteArray textAsHtml(const QString& text, const QString& emptyNote);

// Rewrites the URLs of a style sheet. `mapUrl(url)` returns the replacement URL, or a null QString to keep
// the reference as written. Understands comments, strings, CSS escapes (u\72l(…)), url(), src(),
// image-set()/-webkit-image-set() strings and @import "…". Exposed for tests.
QString rewriteCssUrls(const QString& css, const std::function<QString(const QString&)>& mapUrl);

// admsg://<docId>/cid/<percent-encoded content id>
QString cidUrl(const QString& docId, const QString& contentId);
// admsg://<docId>/blocked (visible) and admsg://<docId>/blocked-background (transparent)
QString placeholderUrl(const QString& docId);
QString transparentPlaceholderUrl(const QString& docId);

} // namespace ad::preview
