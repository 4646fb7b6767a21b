// SPDX-License-Identifier: GPL-3.0-or-later
#include "mimeutil.h"

#include "util/error.h"

#include <cerrno>
#include <iconv.h>

namespace ad::gen {

namespace {
constexpr char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr char kHex[] = "0123456789ABCDEF";
} // namespace

std::string base64(std::string_view in, bool lineBreaks)
{
    std::string out;
    out.reserve(in.size() * 4 / 3 + in.size() / 38 + 8);
    int col = 0;
    for (std::size_t i = 0; i < in.size(); i += 3) {
        const unsigned b0 = static_cast<unsigned char>(in[i]);
        const unsigned b1 = i + 1 < in.size() ? static_cast<unsigned char>(in[i + 1]) : 0;
        const unsigned b2 = i + 2 < in.size() ? static_cast<unsigned char>(in[i + 2]) : 0;
        const unsigned v = (b0 << 16) | (b1 << 8) | b2;
        out += kB64[(v >> 18) & 63];
        out += kB64[(v >> 12) & 63];
        out += i + 1 < in.size() ? kB64[(v >> 6) & 63] : '=';
        out += i + 2 < in.size() ? kB64[v & 63] : '=';
        col += 4;
        if (lineBreaks && col >= 76 && i + 3 < in.size()) {
            out += "\r\n";
            col = 0;
        }
    }
    return out;
}

std::string quotedPrintable(std::string_view in)
{
    std::string out;
    out.reserve(in.size() * 3 / 2);
    std::size_t start = 0;
    while (start <= in.size()) {
        std::size_t end = in.find('\n', start);
        const bool last = end == std::string_view::npos;
        if (last)
            end = in.size();
        std::string_view line = in.substr(start, end - start);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        int col = 0;
        for (std::size_t i = 0; i < line.size(); ++i) {
            const unsigned char c = static_cast<unsigned char>(line[i]);
            const bool trailingSpace = (c == ' ' || c == '\t') && i + 1 == line.size();
            std::string piece;
            if ((c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !trailingSpace))
                piece.assign(1, char(c));
            else
                piece = std::string{'=', kHex[c >> 4], kHex[c & 15]};
            if (col + int(piece.size()) > 75) {
                out += "=\r\n";
                col = 0;
            }
            out += piece;
            col += int(piece.size());
        }
        if (last)
            break;
        out += "\r\n";
        start = end + 1;
    }
    return out;
}

std::string encodedWord(std::string_view charset, std::string_view bytes, bool q)
{
    std::string out = "=?";
    out += charset;
    out += q ? "?Q?" : "?B?";
    if (q) {
        for (const char ch : bytes) {
            const unsigned char c = static_cast<unsigned char>(ch);
            if (c == ' ')
                out += '_';
            else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '!' ||
                     c == '*' || c == '+' || c == '-' || c == '/')
                out += char(c);
            else
                out += std::string{'=', kHex[c >> 4], kHex[c & 15]};
        }
    } else {
        out += base64(bytes, false);
    }
    out += "?=";
    return out;
}

std::string encodedWordsUtf8(std::string_view s)
{
    // At most 42 bytes per word: 56 base64 characters + 12 of framing < 75 (RFC 2047 2).
    std::string out;
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t end = std::min(s.size(), i + 42);
        while (end < s.size() && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80)
            --end;
        if (!out.empty())
            out += "\r\n ";
        out += encodedWord("UTF-8", s.substr(i, end - i), false);
        i = end;
    }
    return out;
}

std::string fromUtf8(std::string_view utf8, const char* charset)
{
    iconv_t cd = iconv_open(charset, "UTF-8");
    if (cd == iconv_t(-1))
        throw Error::internal(QStringLiteral("iconv cannot convert to %1").arg(QLatin1String(charset)));
    std::string in(utf8);
    std::string out(in.size() * 4 + 16, '\0');
    char* ip = in.data();
    std::size_t il = in.size();
    char* op = out.data();
    std::size_t ol = out.size();
    const std::size_t r = iconv(cd, &ip, &il, &op, &ol);
    const int err = errno;
    std::size_t r2 = 0;
    if (r != std::size_t(-1))
        r2 = iconv(cd, nullptr, nullptr, &op, &ol); // back to the initial shift state (ISO-2022-JP)
    iconv_close(cd);
    if (r == std::size_t(-1) || r2 == std::size_t(-1) || r > 0)
        throw Error::internal(
            QStringLiteral("text not representable in %1 (errno %2)").arg(QLatin1String(charset)).arg(err));
    out.resize(out.size() - ol);
    return out;
}

} // namespace ad::gen
