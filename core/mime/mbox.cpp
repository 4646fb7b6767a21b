// SPDX-License-Identifier: GPL-3.0-or-later
// splitMbox: mboxo and mboxrd. A message starts at a "From " line that is the first line of the file or
// follows an empty line (the separator blank line mbox writers add), or, without the blank line, looks
// like a real separator ("From sender Www Mmm dd hh:mm…"). The blank line before a separator belongs to
// the separator. Quoted lines ">From ", ">>From "… lose one '>' (mboxrd; for mboxo this undoes the
// quoting of "From " lines, the only quoting mboxo has). Empty messages are dropped.
#include "mime/mime.h"
#include "util/error.h"

#include <QRegularExpression>

namespace ad::mime {

static bool looksLikeSeparator(QByteArrayView line)
{
    static const QRegularExpression re(
        QStringLiteral(R"(^From \S+\s+[A-Z][a-z]{2} [A-Z][a-z]{2} +\d{1,2} \d{1,2}:\d{2})"));
    return re.match(QString::fromLatin1(line.first(qMin<qsizetype>(line.size(), 200)))).hasMatch();
}

QList<QByteArray> splitMbox(QByteArrayView mbox, const QString& sourceName)
{
    auto notMbox = [&](const QString& reason) {
        return Error(Error::Kind::Input, QStringLiteral("not an mbox file: ") + reason, sourceName);
    };
    qsizetype start = 0;
    if (mbox.startsWith("\xEF\xBB\xBF"))
        start = 3;
    while (start < mbox.size() && (mbox[start] == '\n' || mbox[start] == '\r'))
        ++start;
    if (start >= mbox.size())
        throw notMbox(QStringLiteral("empty"));
    if (!mbox.sliced(start).startsWith("From "))
        throw notMbox(QStringLiteral("it does not start with a \"From \" line"));

    QList<QByteArray> messages;
    QByteArray current;
    bool inMessage = false;
    bool previousEmpty = true;
    bool pendingBlank = false; // a blank line held back: it may be the separator's
    QByteArray pendingBlankBytes;

    auto finish = [&] {
        if (inMessage && !current.trimmed().isEmpty())
            messages.append(current);
        current.clear();
        pendingBlank = false;
        pendingBlankBytes.clear();
    };

    qsizetype pos = start;
    while (pos < mbox.size()) {
        qsizetype nl = mbox.indexOf('\n', pos);
        const qsizetype end = nl < 0 ? mbox.size() : nl + 1;
        QByteArrayView line = mbox.sliced(pos, end - pos); // with its line end
        QByteArrayView content = line;
        if (content.endsWith('\n'))
            content.chop(1);
        if (content.endsWith('\r'))
            content.chop(1);
        pos = end;

        if (content.startsWith("From ") && (previousEmpty || looksLikeSeparator(content))) {
            finish();
            inMessage = true;
            previousEmpty = false;
            continue;
        }
        if (pendingBlank) { // the held-back blank line was message content after all
            current += pendingBlankBytes;
            pendingBlank = false;
            pendingBlankBytes.clear();
        }
        if (content.isEmpty()) {
            pendingBlank = true;
            pendingBlankBytes = line.toByteArray();
            previousEmpty = true;
            continue;
        }
        previousEmpty = false;
        qsizetype gt = 0;
        while (gt < content.size() && content[gt] == '>')
            ++gt;
        if (gt > 0 && content.sliced(gt).startsWith("From "))
            current += line.sliced(1);
        else
            current += line;
    }
    finish();
    return messages;
}

} // namespace ad::mime
