// SPDX-License-Identifier: GPL-3.0-or-later
// MessagePreview::setMessage lives in its own file: it is the only part of the preview that needs the
// parser (ad_mime), so a program that only shows parsed messages does not pull GMime in.
#include "mime/mime.h"
#include "preview/messagepreview.h"
#include "util/error.h"

#include <QTabWidget>

namespace ad::preview {

void MessagePreview::setMessage(const QByteArray& raw, const QString& title)
{
    mime::ParsedMessage parsed;
    try {
        parsed = mime::parseMessage(raw, title);
    } catch (const ad::Error& e) {
        // Not mail at all: show the bytes (raw source tab) and say why; nothing is rendered.
        parsed = mime::ParsedMessage{};
        parsed.warnings << tr("the message could not be parsed: %1").arg(e.toString());
        setParsedMessage(parsed, raw, title);
        tabs()->setCurrentIndex(RawTab);
        return;
    }
    setParsedMessage(parsed, raw, title);
}

} // namespace ad::preview
