// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// HTML and plain-text link extraction (internal to ad_mime). The HTML is parsed with libxml2's HTML
// parser in recover mode without network access; nothing is fetched, scripts are never run.

#include "domain/types.h"

#include <QList>
#include <QString>

namespace ad::mime::detail {

struct HtmlInfo
{
    QList<MessageLink> links; // <a href> and <area href>, in document order; text is the visible text
                              // (for <area>, and for an <a> with no text, the alt text of its images)
    QString visibleText;      // text content without head/script/style/template, whitespace folded
};

HtmlInfo analyseHtml(const QString& html);

// http://, https:// and mailto: URLs written in plain text (trailing punctuation not included).
QList<MessageLink> textLinks(const QString& text);

// Runs of whitespace (including no-break spaces) become one space; leading/trailing removed.
QString foldWhitespace(const QString& text);

} // namespace ad::mime::detail
