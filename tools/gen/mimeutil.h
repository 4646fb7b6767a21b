// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Encoders used to write sample messages: base64, quoted-printable, RFC 2047 encoded words and charset
// conversion (glibc iconv). All deterministic and allocation-light.

#include <string>
#include <string_view>

namespace ad::gen {

// Base64 with CRLF line breaks every 76 characters (lineBreaks) or on one line.
std::string base64(std::string_view bytes, bool lineBreaks = true);
// Quoted-printable (RFC 2045 6.7): input lines separated by '\n' become CRLF hard breaks; soft breaks keep
// encoded lines at most 76 characters.
std::string quotedPrintable(std::string_view bytes);
// One or more RFC 2047 "B" encoded words for UTF-8 text, split on character boundaries.
std::string encodedWordsUtf8(std::string_view utf8);
// One RFC 2047 encoded word of already converted bytes: =?charset?B?…?= or =?charset?Q?…?=.
std::string encodedWord(std::string_view charset, std::string_view bytes, bool q);
// Converts UTF-8 text to `charset` (iconv name: ISO-8859-1, WINDOWS-1252, KOI8-R, ISO-2022-JP);
// throws ad::Error (Internal) if a character is not representable.
std::string fromUtf8(std::string_view utf8, const char* charset);

} // namespace ad::gen
