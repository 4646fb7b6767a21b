// SPDX-License-Identifier: GPL-3.0-or-later
#include "lists/screeningjson.h"

#include <QByteArray>
#include <QLocale>
#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>

namespace ad::lists {

const char* const kScreeningProblemNames[ScreeningDetails::kProblems] = {"invalid", "duplicate", "role",
                                                                         "disposable", "typo"};
const char* const kScreeningExampleExtras[ScreeningDetails::kProblems] = {"reason", "key", nullptr, "domain",
                                                                          "suggestion"};

namespace {

inline char hexDigit(unsigned v)
{
    return char(v < 10 ? '0' + v : 'a' + v - 10);
}

void appendEscapedAscii(std::string& out, char16_t u)
{
    out += '\\';
    switch (u) {
    case u'"':
        out += '"';
        break;
    case u'\\':
        out += '\\';
        break;
    case 0x08:
        out += 'b';
        break;
    case 0x0c:
        out += 'f';
        break;
    case 0x0a:
        out += 'n';
        break;
    case 0x0d:
        out += 'r';
        break;
    case 0x09:
        out += 't';
        break;
    default:
        out += "u00";
        out += hexDigit(unsigned(u) >> 4);
        out += hexDigit(unsigned(u) & 0xf);
    }
}

inline bool plainAscii(char16_t u)
{
    return u >= 0x20 && u < 0x80 && u != u'"' && u != u'\\';
}

void appendString(std::string& out, QStringView s)
{
    out += '"';
    const char16_t* p = s.utf16();
    const char16_t* const end = p + s.size();
    while (p != end) {
        const char16_t u = *p++;
        if (plainAscii(u)) {
            out += char(u);
        } else if (u < 0x80) {
            appendEscapedAscii(out, u);
        } else if (u < 0x800) {
            out += char(0xc0 | (u >> 6));
            out += char(0x80 | (u & 0x3f));
        } else if (!QChar::isSurrogate(u)) {
            out += char(0xe0 | (u >> 12));
            out += char(0x80 | ((u >> 6) & 0x3f));
            out += char(0x80 | (u & 0x3f));
        } else if (QChar::isHighSurrogate(u) && p != end && QChar::isLowSurrogate(*p)) {
            const char32_t c = QChar::surrogateToUcs4(u, *p++);
            out += char(0xf0 | (c >> 18));
            out += char(0x80 | ((c >> 12) & 0x3f));
            out += char(0x80 | ((c >> 6) & 0x3f));
            out += char(0x80 | (c & 0x3f));
        } else {
            // A lone surrogate: QJsonDocument writes it as an escape sequence.
            out += "\\u";
            out += hexDigit((unsigned(u) >> 12) & 0xf);
            out += hexDigit((unsigned(u) >> 8) & 0xf);
            out += hexDigit((unsigned(u) >> 4) & 0xf);
            out += hexDigit(unsigned(u) & 0xf);
        }
    }
    out += '"';
}

// A UTF-8 string: ASCII directly; anything else through QString (what QString::fromStdString did, also
// for bytes that are not valid UTF-8).
void appendUtf8String(std::string& out, std::string_view s)
{
    if (std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
        appendString(out, QString::fromUtf8(s.data(), qsizetype(s.size())));
        return;
    }
    out += '"';
    for (const char c : s) {
        if (plainAscii(char16_t(c)))
            out += c;
        else
            appendEscapedAscii(out, char16_t(c));
    }
    out += '"';
}

} // namespace

void appendScreeningJsonNumber(std::string& out, double d)
{
    if (!std::isfinite(d)) {
        out += "null";
        return;
    }
    // A share as the screener computes it (a multiple of 1e-6, rounded), from 0.01: its shortest form is
    // "0." and the six decimals without trailing zeros (below 0.01 Qt may choose the exponent form).
    if (d >= 0.01 && d < 1) {
        const double scaled = std::round(d * 1e6);
        if (scaled / 1e6 == d) {
            unsigned k = unsigned(scaled);
            char buf[8] = {'0', '.'};
            for (int i = 7; i >= 2; --i, k /= 10)
                buf[i] = char('0' + k % 10);
            int n = 8;
            while (buf[n - 1] == '0')
                --n;
            out.append(buf, size_t(n));
            return;
        }
    }
    if (d == std::trunc(d) && std::fabs(d) <= 9007199254740992.0) { // 2^53: QJsonValue keeps an integer
        char buf[24];
        const auto r = std::to_chars(buf, buf + sizeof buf, static_cast<long long>(d));
        out.append(buf, r.ptr);
        return;
    }
    const QByteArray b = QByteArray::number(d, 'g', QLocale::FloatingPointShortest);
    out.append(b.constData(), size_t(b.size()));
}

namespace {

inline void appendKey(std::string& out, const char* key)
{
    out += '"';
    out += key;
    out += "\":";
}

// Indexes of kScreeningProblemNames in key order.
std::array<int, ScreeningDetails::kProblems> problemOrder()
{
    std::array<int, ScreeningDetails::kProblems> order{};
    for (int i = 0; i < ScreeningDetails::kProblems; ++i)
        order[size_t(i)] = i;
    std::sort(order.begin(), order.end(), [](int a, int b) {
        return std::strcmp(kScreeningProblemNames[a], kScreeningProblemNames[b]) < 0;
    });
    return order;
}

void appendExample(std::string& out, const ScreeningExample& e, const char* extra)
{
    // Keys "email", "line" and the extra one, sorted.
    const bool extraFirst = extra && std::strcmp(extra, "email") < 0;
    const bool extraMiddle = extra && !extraFirst && std::strcmp(extra, "line") < 0;
    out += '{';
    if (extraFirst) {
        appendKey(out, extra);
        appendString(out, e.extra);
        out += ',';
    }
    appendKey(out, "email");
    appendString(out, e.email);
    out += ',';
    if (extraMiddle) {
        appendKey(out, extra);
        appendString(out, e.extra);
        out += ',';
    }
    appendKey(out, "line");
    appendScreeningJsonNumber(out, double(e.line));
    if (extra && !extraFirst && !extraMiddle) {
        out += ',';
        appendKey(out, extra);
        appendString(out, e.extra);
    }
    out += '}';
}

} // namespace

std::string screeningDetailsJson(const ScreeningDetails& d)
{
    static const std::array<int, ScreeningDetails::kProblems> order = problemOrder();
    std::string out;
    out.reserve(1024);
    out += '{';
    appendKey(out, "clean");
    appendScreeningJsonNumber(out, double(d.clean));
    out += ',';
    appendKey(out, "distinct_addresses");
    appendScreeningJsonNumber(out, double(d.distinctAddresses));

    out += ',';
    appendKey(out, "domains");
    out += '{';
    appendKey(out, "distinct");
    appendScreeningJsonNumber(out, double(d.distinctDomains));
    out += ",\"exact\":true,\"other\":{\"count\":";
    appendScreeningJsonNumber(out, double(d.otherCount));
    out += ",\"domains\":";
    appendScreeningJsonNumber(out, double(d.otherDomains));
    out += ",\"share\":";
    appendScreeningJsonNumber(out, d.otherShare);
    out += "},\"top\":[";
    bool first = true;
    for (const ScreeningTopDomain& t : d.top) {
        if (!first)
            out += ',';
        first = false;
        out += "{\"count\":";
        appendScreeningJsonNumber(out, double(t.count));
        out += t.disposable ? ",\"disposable\":true" : ",\"disposable\":false";
        out += ",\"domain\":";
        appendUtf8String(out, t.name);
        out += ",\"share\":";
        appendScreeningJsonNumber(out, t.share);
        out += ",\"typo_of\":";
        if (t.typoOf)
            appendUtf8String(out, *t.typoOf);
        else
            out += "null";
        out += '}';
    }
    out += "],\"untracked\":0}";

    out += ',';
    appendKey(out, "problems");
    out += '{';
    first = true;
    for (const int i : order) {
        if (!first)
            out += ',';
        first = false;
        appendKey(out, kScreeningProblemNames[i]);
        out += "{\"count\":";
        appendScreeningJsonNumber(out, double(d.problemCount[i]));
        out += ",\"examples\":[";
        bool firstExample = true;
        for (const ScreeningExample& e : d.examples[i]) {
            if (!firstExample)
                out += ',';
            firstExample = false;
            appendExample(out, e, kScreeningExampleExtras[i]);
        }
        out += "],\"share\":";
        appendScreeningJsonNumber(out, d.problemShare[i]);
        out += '}';
    }
    out += '}';

    out += ',';
    appendKey(out, "rows");
    appendScreeningJsonNumber(out, double(d.rows));
    out += ',';
    appendKey(out, "valid");
    appendScreeningJsonNumber(out, double(d.valid));
    out += '}';
    return out;
}

} // namespace ad::lists
