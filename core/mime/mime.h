// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Message parsing with GMime 3 (and libxml2 for HTML). Thread-safe: GMime is initialised once.

#include "mime/parsedmessage.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QString>

namespace ad::mime {

// Parses one RFC 5322 message as a tolerant mail client would. Throws ad::Error (Kind::Input) only when
// the bytes are not mail at all (no header block that GMime accepts, binary garbage, empty input), with a
// reason; `sourceName` is used in messages and warnings.
ParsedMessage parseMessage(QByteArrayView raw, const QString& sourceName = {});

// Splits an mbox file (mboxo or mboxrd; "From " separator lines) into its messages, with the
// ">From " quoting of mboxrd undone. A file with no "From " line at its start is an Input error.
QList<QByteArray> splitMbox(QByteArrayView mbox, const QString& sourceName = {});

// A feedback-loop report in the Abuse Reporting Format (RFC 5965).
struct ArfReport
{
    QString feedbackType;   // Feedback-Type, lower-case (abuse, fraud, virus, not-spam, other…)
    QDateTime arrivalDate;  // Arrival-Date, else Received-Date; invalid when neither
    QString originalRcptTo; // Original-Rcpt-To (address only)
    QString userAgent;
    QString sourceIp;
    QString originalMailFrom;
    QString version;            // Version (RFC 5965 says "1"), as written
    QString reportedDomain;     // Reported-Domain (the first one)
    QString campaignId;         // X-Campaign-ID of the reported message, when present
    QByteArray reportedMessage; // the third part (message/rfc822 or text/rfc822-headers), raw
};

// Parses an ARF report. Throws ad::Error::input naming `sourceName` and the reason when it is not valid
// ARF (not multipart/report; report-type not feedback-report; no message/feedback-report part; missing
// Feedback-Type).
ArfReport parseArf(QByteArrayView raw, const QString& sourceName);

} // namespace ad::mime
