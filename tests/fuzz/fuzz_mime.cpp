// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for core/mime: the same bytes go through parseMessage, splitMbox (+ parseMessage of
// the first few messages) and parseArf. ad::Error (bad input) is the expected way to refuse; anything
// else (crash, sanitizer report, another exception) is a finding.
#include "mime/mime.h"
#include "util/error.h"

#include <QByteArray>
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    try {
        const ad::mime::ParsedMessage m = ad::mime::parseMessage(bytes, QStringLiteral("fuzz.eml"));
        (void)m.links.size();
    } catch (const ad::Error&) {
    }
    try {
        const QList<QByteArray> messages = ad::mime::splitMbox(bytes, QStringLiteral("fuzz.mbox"));
        for (qsizetype i = 0; i < messages.size() && i < 4; ++i) {
            try {
                (void)ad::mime::parseMessage(messages[i]);
            } catch (const ad::Error&) {
            }
        }
    } catch (const ad::Error&) {
    }
    try {
        const ad::mime::ArfReport r = ad::mime::parseArf(bytes, QStringLiteral("fuzz-arf.eml"));
        (void)r.reportedMessage.size();
    } catch (const ad::Error&) {
    }
    return 0;
}
