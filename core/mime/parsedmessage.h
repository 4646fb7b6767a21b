// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/types.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace ad::mime {

struct Attachment
{
    QString filename;
    QString contentType;     // "image/png"
    QString contentId;       // without angle brackets, empty when none
    bool inlinePart = false; // Content-Disposition: inline or referenced by cid:
    qint64 size = 0;         // decoded size in bytes
    QString sha256;          // of the decoded bytes
    QByteArray data;         // decoded bytes (kept so the preview can serve cid: parts)
};

// What the preview, the rules and `abusedesk-cli inspect-message` need from one RFC 5322 message.
// Everything is decoded: headers from RFC 2047, bodies from their transfer encoding and charset to UTF-8.
struct ParsedMessage
{
    QString from;        // decoded From header, e.g. "Shop <news@shop.example>"
    QString fromAddress; // the bare address, lower-case
    QString returnPath;
    QString subject;
    QDateTime date; // UTC; invalid when absent or unparseable
    QString messageId;
    QList<QPair<QString, QString>> headers; // every header, in order, value decoded
    QByteArray rawHeaders;                  // the header block exactly as in the source
    bool hasText = false;
    QString text; // text/plain body (first one), UTF-8
    bool hasHtml = false;
    QString html;                  // text/html body (first one), UTF-8
    QString htmlVisibleText;       // text content of the HTML (scripts/styles dropped), whitespace folded
    QList<MessageLink> links;      // from the HTML (<a href>, <area href>) then from the text body
    QList<Attachment> attachments; // every non-body leaf part, including inline cid: images
    QStringList listUnsubscribe; // List-Unsubscribe entries with angle brackets: "<mailto:…>", "<https://…>"
    bool oneClickUnsubscribe = false; // RFC 8058
    QString spf, dkim, dmarc;         // from Authentication-Results (RFC 8601), lower-case; empty if absent
    QString campaignId;               // X-Campaign-ID
    QStringList warnings;             // what a tolerant reader had to repair or skip, for the reviewer
};

} // namespace ad::mime
