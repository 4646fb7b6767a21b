// SPDX-License-Identifier: GPL-3.0-or-later
#include "mime/mimeutil.h"

#include <cerrno>
#include <cstring>
#include <gmime/gmime.h>
#include <iconv.h>
#include <libxml/parser.h>
#include <mutex>

namespace ad::mime::detail {

void ensureInitialised()
{
    static std::once_flag once;
    std::call_once(once, [] {
        g_mime_init();
        xmlInitParser();
    });
}

static void warn(QStringList* warnings, QStringView context, const QString& text)
{
    if (!warnings)
        return;
    const QString w = context.isEmpty() ? text : context.toString() + QStringLiteral(": ") + text;
    if (!warnings->contains(w))
        warnings->append(w);
}

// ---------------------------------------------------------------------------------------------- base64

static int base64Value(unsigned char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+')
        return 62;
    if (c == '/')
        return 63;
    return -1;
}

QByteArray decodeBase64(QByteArrayView encoded, QStringList* warnings, QStringView context)
{
    QByteArray out;
    out.reserve(encoded.size() * 3 / 4 + 4);
    QByteArray chunk; // base64 alphabet characters of the current chunk, padding stripped
    chunk.reserve(qMin<qsizetype>(encoded.size(), 1 << 20));
    qsizetype invalid = 0;
    int chunks = 0;
    bool truncated = false;
    bool sawPadding = false;

    auto flush = [&] {
        if (chunk.size() % 4 == 1) { // a lone sextet cannot make a byte
            chunk.chop(1);
            truncated = true;
        }
        if (chunk.isEmpty())
            return;
        while (chunk.size() % 4 != 0)
            chunk.append('=');
        // Every chunk is a well-formed, padded base64 stream: GMime's decoder handles it correctly when it
        // starts from a fresh state.
        const qsizetype before = out.size();
        out.resize(before + chunk.size() / 4 * 3 + 4);
        int state = 0;
        guint32 save = 0;
        const size_t n = g_mime_encoding_base64_decode_step(
            reinterpret_cast<const unsigned char*>(chunk.constData()), size_t(chunk.size()),
            reinterpret_cast<unsigned char*>(out.data() + before), &state, &save);
        out.resize(before + qsizetype(n));
        ++chunks;
        chunk.clear();
    };

    for (const char ch : encoded) {
        const auto c = static_cast<unsigned char>(ch);
        if (base64Value(c) >= 0) {
            if (sawPadding) { // data after padding: a new, separately encoded chunk
                flush();
                sawPadding = false;
            }
            chunk.append(ch);
        } else if (c == '=') {
            sawPadding = true;
        } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
            continue;
        } else {
            ++invalid;
        }
    }
    flush();

    if (invalid > 0)
        warn(warnings, context,
             QStringLiteral("broken base64: %1 character(s) that are not base64 were skipped").arg(invalid));
    if (chunks > 1)
        warn(warnings, context,
             QStringLiteral("base64 data made of %1 separately padded chunks (decoded chunk by chunk)")
                 .arg(chunks));
    if (truncated)
        warn(warnings, context, QStringLiteral("base64 data ends in the middle of a byte (truncated?)"));
    return out;
}

// ----------------------------------------------------------------------------------------- GMime parts

static QByteArray readStream(GMimeStream* s)
{
    QByteArray out;
    g_mime_stream_reset(s);
    char buf[16384];
    while (true) {
        const ssize_t n = g_mime_stream_read(s, buf, sizeof buf);
        if (n <= 0)
            break;
        out.append(buf, n);
    }
    return out;
}

static QByteArray memBytes(GMimeStream* mem)
{
    GByteArray* ba = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem));
    return ba ? QByteArray(reinterpret_cast<const char*>(ba->data), qsizetype(ba->len)) : QByteArray();
}

QByteArray decodedPartContent(GMimePart* part, QStringList* warnings, QStringView label)
{
    GMimeDataWrapper* w = g_mime_part_get_content(part);
    if (!w)
        return {};
    GMimeStream* st = g_mime_data_wrapper_get_stream(w);
    if (!st)
        return {};
    if (g_mime_data_wrapper_get_encoding(w) == GMIME_CONTENT_ENCODING_BASE64)
        return decodeBase64(readStream(st), warnings, label);
    GMimeStream* mem = g_mime_stream_mem_new();
    g_mime_data_wrapper_write_to_stream(w, mem);
    QByteArray out = memBytes(mem);
    g_object_unref(mem);
    return out;
}

QByteArray serialize(GMimeObject* object)
{
    GMimeStream* mem = g_mime_stream_mem_new();
    g_mime_object_write_to_stream(object, nullptr, mem);
    QByteArray out = memBytes(mem);
    g_object_unref(mem);
    return out;
}

// -------------------------------------------------------------------------------------------- charsets

bool isValidUtf8(QByteArrayView bytes)
{
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int len;
        unsigned char lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF)
            len = 2;
        else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            if (c == 0xE0)
                lo = 0xA0;
            else if (c == 0xED)
                hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            if (c == 0xF0)
                lo = 0x90;
            else if (c == 0xF4)
                hi = 0x8F;
        } else
            return false;
        if (i + len > n)
            return false;
        if (p[i + 1] < lo || p[i + 1] > hi)
            return false;
        for (int k = 2; k < len; ++k)
            if (p[i + k] < 0x80 || p[i + k] > 0xBF)
                return false;
        i += len;
    }
    return true;
}

// Number of well-formed multibyte UTF-8 sequences (a hint that text with a few bad bytes is UTF-8).
static qsizetype utf8Sequences(QByteArrayView bytes)
{
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    qsizetype count = 0;
    for (qsizetype i = 0; i + 1 < bytes.size(); ++i) {
        const unsigned char c = p[i];
        int len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
        if (!len || i + len > bytes.size())
            continue;
        bool ok = true;
        for (int k = 1; k < len; ++k)
            ok = ok && p[i + k] >= 0x80 && p[i + k] <= 0xBF;
        if (ok) {
            ++count;
            i += len - 1;
        }
    }
    return count;
}

static bool isAscii(QByteArrayView bytes)
{
    for (const char c : bytes)
        if (static_cast<unsigned char>(c) >= 0x80 || c == 0x1B)
            return false;
    return true;
}

// windows-1252 as browsers decode it (the five undefined bytes map to the C1 controls).
static QString fromWindows1252(QByteArrayView bytes)
{
    static const char16_t high[32] = {0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                      0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
                                      0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
    QString s;
    s.resize(bytes.size());
    QChar* d = s.data();
    for (const char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        *d++ = (c >= 0x80 && c < 0xA0) ? QChar(high[c - 0x80]) : QChar(c);
    }
    return s;
}

// The charset name iconv is asked for, after the widenings mail clients apply.
static QByteArray effectiveCharset(QByteArrayView declared)
{
    QByteArray cs = declared.trimmed().toByteArray().toLower();
    if (cs.size() >= 2 && (cs.startsWith('"') || cs.startsWith('\'')))
        cs = cs.mid(1, cs.size() - 2).trimmed();
    if (const qsizetype star = cs.indexOf('*'); star > 0) // RFC 2231 language suffix
        cs.truncate(star);
    if (cs == "iso-8859-1" || cs == "iso8859-1" || cs == "latin1" || cs == "latin-1" || cs == "l1" ||
        cs == "us-ascii" || cs == "ascii" || cs == "ansi_x3.4-1968" || cs == "cp1252" || cs == "x-cp1252")
        return "windows-1252";
    if (cs == "gb2312" || cs == "gbk" || cs == "x-gbk" || cs == "euc-cn" || cs == "cp936" ||
        cs == "x-gb2312" || cs == "csgb2312")
        return "GB18030";
    if (cs == "shift_jis" || cs == "shift-jis" || cs == "sjis" || cs == "x-sjis" || cs == "ms_kanji" ||
        cs == "windows-31j" || cs == "cp932" || cs == "csshiftjis")
        return "CP932";
    if (cs == "euc-kr" || cs == "ks_c_5601-1987" || cs == "ks_c_5601" || cs == "cp949" || cs == "ksc5601")
        return "CP949";
    if (cs == "utf8" || cs == "unicode-1-1-utf-8" || cs == "x-unicode20utf8")
        return "utf-8";
    if (cs == "unicode" || cs == "ucs-2")
        return "UTF-16";
    return cs;
}

// iconv conversion to UTF-8; invalid sequences become U+FFFD and are counted.
static bool iconvToUtf8(QByteArrayView bytes, const QByteArray& charset, QByteArray* out, qsizetype* errors)
{
    iconv_t cd = g_mime_iconv_open("UTF-8", charset.constData());
    if (cd == reinterpret_cast<iconv_t>(-1))
        return false;
    iconv(cd, nullptr, nullptr, nullptr, nullptr);
    out->resize(bytes.size() * 3 + 16);
    qsizetype used = 0;
    char* in = const_cast<char*>(bytes.data());
    size_t inLeft = size_t(bytes.size());
    *errors = 0;
    static const char replacement[] = "\xEF\xBF\xBD";
    auto ensure = [&](qsizetype extra) {
        if (out->size() - used < extra)
            out->resize(out->size() * 2 + extra);
    };
    while (inLeft > 0) {
        char* o = out->data() + used;
        size_t oLeft = size_t(out->size() - used);
        const size_t r = iconv(cd, &in, &inLeft, &o, &oLeft);
        used = o - out->data();
        if (r != size_t(-1))
            continue;
        if (errno == E2BIG) {
            ensure(qMax<qsizetype>(64, qsizetype(inLeft) * 4));
            continue;
        }
        ++*errors;
        ensure(8);
        memcpy(out->data() + used, replacement, 3);
        used += 3;
        if (errno == EILSEQ) {
            ++in;
            --inLeft;
        } else { // EINVAL: incomplete sequence at the end
            inLeft = 0;
        }
    }
    while (true) { // back to the initial shift state (ISO-2022-JP and friends)
        char* o = out->data() + used;
        size_t oLeft = size_t(out->size() - used);
        const size_t r = iconv(cd, nullptr, nullptr, &o, &oLeft);
        used = o - out->data();
        if (r == size_t(-1) && errno == E2BIG) {
            out->resize(out->size() + 64);
            continue;
        }
        break;
    }
    g_mime_iconv_close(cd);
    out->resize(used);
    return true;
}

QString toUnicode(QByteArrayView bytes, QByteArrayView declared, QStringList* warnings, QStringView context)
{
    const QByteArray cs = effectiveCharset(declared);
    const QString shown = QString::fromLatin1(declared.trimmed().toByteArray());
    const bool asciiFamily = cs.isEmpty() || cs == "utf-8" || cs.startsWith("windows-") ||
                             cs.startsWith("iso-8859") || cs.startsWith("koi8");
    if (asciiFamily && isAscii(bytes))
        return QString::fromLatin1(bytes);

    if (cs.isEmpty()) {
        if (isValidUtf8(bytes))
            return QString::fromUtf8(bytes);
        warn(warnings, context, QStringLiteral("8-bit text without a charset; read as windows-1252"));
        return fromWindows1252(bytes);
    }
    if (cs == "utf-8") {
        if (isValidUtf8(bytes))
            return QString::fromUtf8(bytes);
        if (utf8Sequences(bytes) > 0) {
            warn(warnings, context, QStringLiteral("invalid UTF-8 byte(s) replaced"));
            return QString::fromUtf8(bytes);
        }
        warn(warnings, context, QStringLiteral("declared UTF-8 but is not; read as windows-1252"));
        return fromWindows1252(bytes);
    }
    // A single- or multi-byte legacy label on bytes that are valid UTF-8 with multibyte sequences: legacy
    // text is practically never valid UTF-8 by chance, a wrong label (or none honoured by the sender's
    // software) is common.
    const bool known = cs == "windows-1252" || [&] {
        iconv_t cd = g_mime_iconv_open("UTF-8", cs.constData());
        if (cd == reinterpret_cast<iconv_t>(-1))
            return false;
        g_mime_iconv_close(cd);
        return true;
    }();
    if (known && !cs.startsWith("utf-") && !cs.startsWith("ucs") && isValidUtf8(bytes) &&
        utf8Sequences(bytes) > 0) {
        warn(warnings, context, QStringLiteral("declared charset \"%1\" but the text is UTF-8").arg(shown));
        return QString::fromUtf8(bytes);
    }
    if (cs == "windows-1252") {
        const QByteArray label = declared.trimmed().toByteArray().toLower();
        if (label == "us-ascii" || label == "ascii" || label == "ansi_x3.4-1968")
            warn(warnings, context,
                 QStringLiteral("declared us-ascii but has 8-bit bytes; read as windows-1252"));
        return fromWindows1252(bytes); // a superset of iso-8859-1; every byte is defined
    }

    QByteArray utf8;
    qsizetype errors = 0;
    if (!iconvToUtf8(bytes, cs, &utf8, &errors)) {
        if (isValidUtf8(bytes)) {
            warn(warnings, context, QStringLiteral("unknown charset \"%1\"; read as UTF-8").arg(shown));
            return QString::fromUtf8(bytes);
        }
        warn(warnings, context, QStringLiteral("unknown charset \"%1\"; read as windows-1252").arg(shown));
        return fromWindows1252(bytes);
    }
    if (errors > 0) {
        if (isValidUtf8(bytes)) {
            warn(warnings, context,
                 QStringLiteral("declared charset \"%1\" but the text is UTF-8").arg(shown));
            return QString::fromUtf8(bytes);
        }
        warn(warnings, context,
             QStringLiteral("%1 byte sequence(s) invalid in charset \"%2\" were replaced")
                 .arg(errors)
                 .arg(shown));
    }
    return QString::fromUtf8(utf8);
}

// ------------------------------------------------------------------------------------------- RFC 2047

QByteArray unfold(QByteArrayView raw)
{
    QByteArray s;
    s.reserve(raw.size());
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if (c == '\r' || c == '\n')
            continue; // CR/LF removed; the whitespace that follows a fold stays
        s.append(c);
    }
    return s.trimmed();
}

static bool isWsp(char c)
{
    return c == ' ' || c == '\t';
}

static QByteArray decodeQ(QByteArrayView text)
{
    QByteArray out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '_')
            out.append(' ');
        else if (c == '=' && i + 2 < text.size()) {
            static constexpr QByteArrayView hex("0123456789ABCDEF");
            const int hi = int(hex.indexOf(char(QChar::toUpper(uint(uchar(text[i + 1]))))));
            const int lo = int(hex.indexOf(char(QChar::toUpper(uint(uchar(text[i + 2]))))));
            if (hi >= 0 && lo >= 0) {
                out.append(char(hi * 16 + lo));
                i += 2;
            } else
                out.append(c);
        } else
            out.append(c);
    }
    return out;
}

namespace {
struct Segment
{
    bool encoded = false;
    QByteArray charset; // encoded only
    QByteArray bytes;
};

// Tries to read an encoded-word starting at s[i] ("=?"); on success sets `end` past "?=".
bool readEncodedWord(const QByteArray& s, qsizetype i, Segment* seg, qsizetype* end)
{
    const qsizetype q1 = s.indexOf('?', i + 2);
    if (q1 < 0 || q1 == i + 2 || q1 - i > 80)
        return false;
    QByteArray charset = s.mid(i + 2, q1 - i - 2);
    for (const char c : charset)
        if (isWsp(c) || static_cast<unsigned char>(c) < 0x21 || static_cast<unsigned char>(c) > 0x7e)
            return false;
    if (q1 + 2 >= s.size() || s[q1 + 2] != '?')
        return false;
    const char enc = char(QChar::toUpper(uint(s[q1 + 1])));
    if (enc != 'B' && enc != 'Q')
        return false;
    const qsizetype textStart = q1 + 3;
    // RFC 2047 limits an encoded-word to 75 characters; real mailers exceed that, but a word never spans
    // kilobytes (the bound also keeps headers full of "=?" linear to scan).
    constexpr qsizetype maxText = 4096;
    const qsizetype q2 =
        QByteArrayView(s).sliced(textStart, qMin(s.size() - textStart, maxText + 2)).indexOf("?=");
    if (q2 < 0)
        return false;
    const qsizetype textEnd = textStart + q2;
    const QByteArrayView text = QByteArrayView(s).sliced(textStart, textEnd - textStart);
    for (const char c : text)
        if (isWsp(c))
            return false;
    // B encoded-text is base64 (RFC 2047 4.1): a word with other characters is not an encoded-word and is
    // shown as it is (6.3), instead of as the bytes a lenient base64 decoder makes of what is left.
    if (enc == 'B')
        for (const char c : text)
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
                  c == '/' || c == '='))
                return false;
    if (const qsizetype star = charset.indexOf('*'); star >= 0) // RFC 2231 language
        charset.truncate(star);
    seg->encoded = true;
    seg->charset = charset;
    seg->bytes = enc == 'B' ? decodeBase64(text) : decodeQ(text);
    *end = textEnd + 2;
    return true;
}
} // namespace

static QString cleanControls(QString s)
{
    for (QChar& c : s)
        if ((c.unicode() < 0x20 && c != QLatin1Char('\t')) || c.unicode() == 0x7f)
            c = QLatin1Char(' ');
    return s;
}

QString decodeHeader(QByteArrayView raw, QStringList* warnings, QStringView context)
{
    const QByteArray s = unfold(raw);
    if (!s.contains("=?")) {
        if (isAscii(s))
            return cleanControls(QString::fromLatin1(s));
    }
    QList<Segment> segs;
    QByteArray pending;
    auto flushText = [&](bool beforeEncoded) {
        if (pending.isEmpty())
            return;
        bool allWsp = true;
        for (const char c : pending)
            allWsp = allWsp && isWsp(c);
        // RFC 2047 6.2: whitespace between two adjacent encoded-words is not displayed.
        if (!(allWsp && beforeEncoded && !segs.isEmpty() && segs.last().encoded))
            segs.append(Segment{false, {}, pending});
        pending.clear();
    };
    qsizetype i = 0;
    while (i < s.size()) {
        if (s[i] == '=' && i + 1 < s.size() && s[i + 1] == '?') {
            Segment seg;
            qsizetype end = 0;
            if (readEncodedWord(s, i, &seg, &end)) {
                flushText(true);
                // Adjacent words of one charset are joined as bytes, then converted once (a multibyte
                // character may be split across two words).
                if (!segs.isEmpty() && segs.last().encoded &&
                    segs.last().charset.compare(seg.charset, Qt::CaseInsensitive) == 0)
                    segs.last().bytes += seg.bytes;
                else
                    segs.append(seg);
                i = end;
                continue;
            }
        }
        pending.append(s[i]);
        ++i;
    }
    flushText(false);

    QString out;
    bool unencoded8bit = false;
    for (const Segment& seg : segs) {
        if (seg.encoded) {
            out += toUnicode(seg.bytes, seg.charset, warnings, context);
        } else if (isAscii(seg.bytes)) {
            out += QString::fromLatin1(seg.bytes);
        } else if (isValidUtf8(seg.bytes)) {
            out += QString::fromUtf8(seg.bytes);
        } else {
            unencoded8bit = true;
            out += fromWindows1252(seg.bytes);
        }
    }
    if (unencoded8bit)
        warn(warnings, context,
             QStringLiteral("unencoded 8-bit header text that is not UTF-8; read as windows-1252"));
    return cleanControls(out);
}

// -------------------------------------------------------------------------------------- header blocks

qsizetype headerBlockEnd(QByteArrayView m, qsizetype* bodyStart)
{
    qsizetype lineStart = 0;
    while (lineStart < m.size()) {
        const qsizetype nl = m.indexOf('\n', lineStart);
        const qsizetype lineEnd = nl < 0 ? m.size() : nl;
        qsizetype contentEnd = lineEnd;
        if (contentEnd > lineStart && m[contentEnd - 1] == '\r')
            --contentEnd;
        if (contentEnd == lineStart) { // empty line
            if (bodyStart)
                *bodyStart = nl < 0 ? m.size() : nl + 1;
            return lineStart;
        }
        if (nl < 0)
            break;
        lineStart = nl + 1;
    }
    if (bodyStart)
        *bodyStart = m.size();
    return m.size();
}

static bool isFieldNameChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u >= 33 && u <= 126 && c != ':';
}

QList<HeaderField> splitHeaderFields(QByteArrayView block, int* skipped)
{
    QList<HeaderField> fields;
    int bad = 0;
    bool lastWasField = false;
    qsizetype lineStart = 0;
    while (lineStart < block.size()) {
        qsizetype nl = block.indexOf('\n', lineStart);
        const qsizetype lineEnd = nl < 0 ? block.size() : nl;
        QByteArrayView line = block.sliced(lineStart, lineEnd - lineStart);
        if (line.endsWith('\r'))
            line.chop(1);
        if (!line.isEmpty() && isWsp(line[0])) {
            if (lastWasField) {
                fields.last().rawValue += '\n';
                fields.last().rawValue += line;
            } else
                ++bad;
        } else if (!line.isEmpty()) {
            qsizetype colon = line.indexOf(':');
            qsizetype nameEnd = colon;
            while (nameEnd > 0 && isWsp(line[nameEnd - 1]))
                --nameEnd;
            bool ok = colon > 0 && nameEnd > 0;
            for (qsizetype k = 0; ok && k < nameEnd; ++k)
                ok = isFieldNameChar(line[k]);
            if (ok) {
                fields.append(
                    HeaderField{line.first(nameEnd).toByteArray(), line.sliced(colon + 1).toByteArray()});
                lastWasField = true;
            } else {
                ++bad;
                lastWasField = false;
            }
        }
        if (nl < 0)
            break;
        lineStart = nl + 1;
    }
    if (skipped)
        *skipped = bad;
    return fields;
}

QByteArray rawParameter(QByteArrayView headerValue, QByteArrayView name)
{
    const QByteArray v = unfold(headerValue);
    qsizetype i = v.indexOf(';');
    while (i >= 0 && i < v.size()) {
        ++i; // past ';'
        while (i < v.size() && isWsp(v[i]))
            ++i;
        const qsizetype eq = v.indexOf('=', i);
        if (eq < 0)
            return {};
        const QByteArray key = v.mid(i, eq - i).trimmed().toLower();
        qsizetype j = eq + 1;
        while (j < v.size() && isWsp(v[j]))
            ++j;
        QByteArray value;
        if (j < v.size() && v[j] == '"') {
            ++j;
            while (j < v.size() && v[j] != '"') {
                if (v[j] == '\\' && j + 1 < v.size())
                    ++j;
                value.append(v[j]);
                ++j;
            }
            if (j < v.size())
                ++j; // closing quote
            while (j < v.size() && v[j] != ';')
                ++j;
        } else {
            const qsizetype semi = v.indexOf(';', j);
            value = v.mid(j, semi < 0 ? -1 : semi - j).trimmed();
            j = semi < 0 ? v.size() : semi;
        }
        if (key == name.toByteArray().toLower())
            return value;
        i = j < v.size() ? j : -1;
    }
    return {};
}

} // namespace ad::mime::detail
