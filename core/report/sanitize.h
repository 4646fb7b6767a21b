// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Sanitises a sample message's HTML for the case report (libxml2's HTML parser, then a whitelist).
//
// The report embeds the result inline in a container (`<div class="msg-html">`) of a page whose
// Content-Security-Policy allows nothing but inline styles and data: images. The fragment is built from
// a whitelist, so anything not listed is gone:
//  - dropped with their content: script, style (a message's style sheet would restyle the whole report;
//    inline style attributes are kept unless they load or position anything), iframe, frame, object,
//    embed, applet, form controls (input, button, select, textarea), head, title, meta (so also
//    meta refresh), link, base, noscript, template, svg, math, audio, video, canvas, comments;
//  - form elements and unknown elements are unwrapped (their text stays);
//  - every event handler (on*), class, id and any attribute not on the list is removed;
//  - links lose their target: `<a href=…>text</a>` becomes the text followed by the target in brackets
//    as plain text, so nothing in the report is clickable and deceptive links are visible;
//  - images: cid: references are inlined as data: URIs from the message's own parts (images only);
//    data: images (png, gif, jpeg, webp) are kept; every other source (http(s):, javascript:, file:,
//    protocol-relative…) is replaced by a visible placeholder naming the host.
// `transform` is applied to every text node and kept attribute value (redaction).

#include "mime/parsedmessage.h"

#include <QString>
#include <functional>

namespace ad::report {

struct SanitizedHtml
{
    QString html;              // the fragment (no <html>/<body>)
    int removedElements = 0;   // scripts, styles, frames, objects, forms controls, meta…
    int removedAttributes = 0; // event handlers and other non-whitelisted attributes
    int remoteResources = 0;   // images replaced by a placeholder
    int inlinedImages = 0;     // cid: images inlined as data: URIs
};

// `remoteLabel` is the placeholder's text before the host ("remote image removed").
SanitizedHtml sanitizeHtml(const QString& html, const QList<mime::Attachment>& parts,
                           const std::function<QString(const QString&)>& transform = {},
                           const QString& remoteLabel = QStringLiteral("remote image removed"));

} // namespace ad::report
