// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal helpers of ad_mime (not part of the public contract; tests use them directly).
//
// GMime 3.2.13 (Debian 12) has two decoding bugs that lose text, both caused by its base64 decoder
// stopping at the first '=' since "Improved base64 decoder performance" (GMime issues #133 and #150):
//  1. RFC 2047: g_mime_utils_header_decode_text() merges adjacent B encoded-words of one charset into
//     one base64 stream before decoding, so "=?UTF-8?B?SGVsbG8=?= =?UTF-8?B?IHdvcmxk?=" decodes to
//     "Hello" (everything after the first padded word is dropped).
//  2. Bodies: a base64 body made of concatenated chunks ("aGVsbG8=d29ybGQ=", mailing-list footers,
//     malware evasion) decodes only up to the first padding. In addition the decoder drops a final
//     quantum that lacks its '=' padding ("aGk" -> "", "aGVsbG8gd29ybGQ" -> "hello wor").
// The functions below work around them: decodeHeader() decodes each encoded-word on its own (base64 per
// word), joins the bytes of adjacent words of the same charset (so a multibyte character split over two
// words survives) and converts them with GMime's iconv helpers; decodeBase64() splits the stream at
// padding and decodes every chunk with a fresh GMime decoder state, padding unpadded chunk ends.

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>
#include <gmime/gmime.h>

namespace ad::mime::detail {

// g_mime_init() exactly once, thread-safe; also initialises libxml2's parser.
void ensureInitialised();

// Base64 decoding that survives padding in the middle of the stream, missing padding at the end and
// stray characters. Problems found are appended to `warnings` (prefixed with `context`).
QByteArray decodeBase64(QByteArrayView encoded, QStringList* warnings = nullptr, QStringView context = {});

// Decodes a raw (possibly folded) header value: unfolds, decodes RFC 2047 encoded-words (B and Q, any
// charset GMime's iconv helpers know), drops whitespace between adjacent encoded-words, converts
// unencoded 8-bit text (UTF-8, else windows-1252).
QString decodeHeader(QByteArrayView raw, QStringList* warnings = nullptr, QStringView context = {});

// Converts bytes in `charset` to Unicode. Unknown or lying charsets fall back to UTF-8 (when the bytes
// are valid UTF-8) or windows-1252, with a warning. Common mislabels are widened the way mail clients do
// (iso-8859-1/us-ascii -> windows-1252, gb2312/gbk -> gb18030, shift_jis -> cp932, euc-kr -> cp949).
QString toUnicode(QByteArrayView bytes, QByteArrayView charset, QStringList* warnings = nullptr,
                  QStringView context = {});

bool isValidUtf8(QByteArrayView bytes);

// The decoded content of a leaf part: base64 through decodeBase64(), everything else (quoted-printable,
// uuencode, 7bit/8bit/binary) through GMime's own filters.
QByteArray decodedPartContent(GMimePart* part, QStringList* warnings = nullptr, QStringView label = {});

// Every byte GMime would write for `object` (headers and content as parsed).
QByteArray serialize(GMimeObject* object);

// Offset of the end of the header block: the index of the first byte of the empty line that ends it
// (or the input size when there is no empty line). `bodyStart` receives the body's first byte.
qsizetype headerBlockEnd(QByteArrayView message, qsizetype* bodyStart = nullptr);

struct HeaderField
{
    QByteArray name;
    QByteArray rawValue; // as in the source, folded, without the name, the colon and the final line end
};
// Splits a header block into fields (continuation lines join the previous field). Lines that are not
// fields (no colon) are skipped and counted in `skipped`.
QList<HeaderField> splitHeaderFields(QByteArrayView block, int* skipped = nullptr);

// Unfolds a raw header value (removes CR/LF before whitespace) and trims it.
QByteArray unfold(QByteArrayView raw);

// Value of a parameter (`filename`, `name`…) as written in a raw Content-Type / Content-Disposition value,
// without RFC 2231 processing; empty when absent.
QByteArray rawParameter(QByteArrayView headerValue, QByteArrayView name);

} // namespace ad::mime::detail
