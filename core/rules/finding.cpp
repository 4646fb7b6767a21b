// SPDX-License-Identifier: GPL-3.0-or-later
#include "rules/finding.h"

#include "util/timeutil.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QJsonArray>
#include <QLocale>
#include <algorithm>
#include <cmath>
#include <cstring>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace ad::rules {

QJsonObject toJson(const Finding& f)
{
    QJsonObject o;
    o.insert(QStringLiteral("rule"), f.rule);
    o.insert(QStringLiteral("clause"), f.clause);
    o.insert(QStringLiteral("severity"), toString(f.severity));
    o.insert(QStringLiteral("summary"), f.summary);
    o.insert(QStringLiteral("evidence"), f.evidence);
    o.insert(QStringLiteral("to_clear"), f.toClear);
    return o;
}

QJsonObject toJson(const Evaluation& e)
{
    QJsonObject o;
    o.insert(QStringLiteral("account_id"), e.accountId);
    o.insert(QStringLiteral("status"), toString(e.status));
    o.insert(QStringLiteral("recommended_action"), toString(e.recommended));
    QJsonArray findings;
    for (const Finding& f : e.findings)
        findings.append(toJson(f));
    o.insert(QStringLiteral("findings"), findings);
    o.insert(QStringLiteral("as_of"), time::toIso(e.asOf));
    QJsonObject policy;
    policy.insert(QStringLiteral("id"), e.policyId);
    policy.insert(QStringLiteral("version"), e.policyVersion);
    o.insert(QStringLiteral("policy"), policy);
    return o;
}

// ---- Direct writer ------------------------------------------------------------------------------------
// Mirrors Qt's JSON writer (qjsonwriter.cpp, Qt 6.4): object keys in QJsonObject's (sorted) order, "\"key\":"
// compact or "\"key\": " indented, 4 spaces per level, an empty container as "{}" / "[]" compact and as
// "{\n<indent>}" / "[\n<indent>]" indented; strings escaped as below; integers in decimal, doubles with
// the shortest round-trip 'g' format, non-finite doubles as null.
//
// Speed: everything is written through a pointer into room made beforehand (one capacity check per
// string or punctuation run, never QByteArray::append/insert per piece); the evidence is read through
// QCborMap/QCborArray views of the same data (QJsonObject is a CBOR container underneath: the view is a
// shared pointer, and QCborValue keeps integers and doubles apart without a QVariant per number).
namespace {

// The bytes being written: `out` from its size on, grown geometrically; cut to what was written at the end.
class Out
{
public:
    explicit Out(QByteArray& out) : m_out(out)
    {
        const qsizetype used = out.size();
        out.resize(std::max(out.capacity(), used + 64));
        m_p = out.data() + used;
        m_end = out.data() + out.size();
    }
    ~Out() { m_out.resize(m_p - m_out.constData()); }
    Out(const Out&) = delete;
    Out& operator=(const Out&) = delete;

    // Room for n more bytes at p().
    char* room(qsizetype n)
    {
        if (m_end - m_p < n)
            grow(n);
        return m_p;
    }
    void advance(char* to) { m_p = to; }

    void put(char c) { *room(1) = c, ++m_p; }
    void put(const char* s, qsizetype n)
    {
        std::memcpy(room(n), s, size_t(n));
        m_p += n;
    }
    template <size_t N> void lit(const char (&s)[N]) { put(s, qsizetype(N - 1)); }

    // "\n" and the indentation of `depth` levels (4 spaces each).
    void newline(int depth)
    {
        const qsizetype n = 4 * qsizetype(depth);
        char* p = room(n + 1);
        *p++ = '\n';
        std::memset(p, ' ', size_t(n));
        m_p = p + n;
    }

private:
    Q_DECL_COLD_FUNCTION void grow(qsizetype n)
    {
        const qsizetype used = m_p - m_out.constData();
        m_out.resize(std::max(used + n, 2 * m_out.size()));
        m_p = m_out.data() + used;
        m_end = m_out.data() + m_out.size();
    }

    QByteArray& m_out;
    char* m_p;
    char* m_end;
};

char hexDigit(uint u)
{
    return char(u < 10 ? '0' + u : 'a' + u - 10);
}

// As QJsonDocument escapes: '"', '\' and the controls below U+0020 (\b \f \n \r \t or \u00xx); the rest
// as UTF-8; a surrogate that is not part of a valid pair as \uxxxx (lower-case hex).
void writeString(Out& out, QStringView s)
{
    // Room for the worst case (every unit a 6-byte \u escape; UTF-8 needs at most 3 bytes per UTF-16 unit).
    char* o = out.room(6 * s.size() + 2);
    *o++ = '"';
    const char16_t* p = s.utf16();
    const char16_t* const end = p + s.size();
    while (p != end) {
#ifdef __SSE2__
        // Runs of characters written as they are (U+0020..U+007F but '"' and '\\'), 8 at a time.
        while (end - p >= 8) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
            // Non-zero lanes: above U+007F or below U+0020 (unsigned saturating differences).
            const __m128i outside = _mm_or_si128(_mm_subs_epu16(v, _mm_set1_epi16(0x7f)),
                                                 _mm_subs_epu16(_mm_set1_epi16(0x20), v));
            const __m128i special = _mm_or_si128(_mm_cmpeq_epi16(v, _mm_set1_epi16(0x22)),
                                                 _mm_cmpeq_epi16(v, _mm_set1_epi16(0x5c)));
            const __m128i plain = _mm_andnot_si128(special, _mm_cmpeq_epi16(outside, _mm_setzero_si128()));
            if (_mm_movemask_epi8(plain) != 0xffff)
                break;
            _mm_storel_epi64(reinterpret_cast<__m128i*>(o), _mm_packus_epi16(v, v));
            p += 8;
            o += 8;
        }
        if (p == end)
            break;
#endif
        const char16_t u = *p++;
        if (u < 0x80) {
            if (u >= 0x20 && u != 0x22 && u != 0x5c) {
                *o++ = char(u);
                continue;
            }
            *o++ = '\\';
            switch (u) {
            case 0x22:
                *o++ = '"';
                break;
            case 0x5c:
                *o++ = '\\';
                break;
            case 0x8:
                *o++ = 'b';
                break;
            case 0xc:
                *o++ = 'f';
                break;
            case 0xa:
                *o++ = 'n';
                break;
            case 0xd:
                *o++ = 'r';
                break;
            case 0x9:
                *o++ = 't';
                break;
            default:
                *o++ = 'u';
                *o++ = '0';
                *o++ = '0';
                *o++ = hexDigit(u >> 4);
                *o++ = hexDigit(u & 0xf);
            }
        } else if (u < 0x800) {
            *o++ = char(0xc0 | (u >> 6));
            *o++ = char(0x80 | (u & 0x3f));
        } else if (!QChar::isSurrogate(u)) {
            *o++ = char(0xe0 | (u >> 12));
            *o++ = char(0x80 | ((u >> 6) & 0x3f));
            *o++ = char(0x80 | (u & 0x3f));
        } else if (QChar::isHighSurrogate(u) && p != end && QChar::isLowSurrogate(*p)) {
            const char32_t c = QChar::surrogateToUcs4(u, *p++);
            *o++ = char(0xf0 | (c >> 18));
            *o++ = char(0x80 | ((c >> 12) & 0x3f));
            *o++ = char(0x80 | ((c >> 6) & 0x3f));
            *o++ = char(0x80 | (c & 0x3f));
        } else {
            *o++ = '\\';
            *o++ = 'u';
            *o++ = hexDigit((u >> 12) & 0xf);
            *o++ = hexDigit((u >> 8) & 0xf);
            *o++ = hexDigit((u >> 4) & 0xf);
            *o++ = hexDigit(u & 0xf);
        }
    }
    *o++ = '"';
    out.advance(o);
}

// As QByteArray::number(qint64): decimal, '-' for negatives.
void writeInteger(Out& out, qint64 v)
{
    char digits[20];
    char* d = digits + sizeof digits;
    quint64 u = v < 0 ? 0 - quint64(v) : quint64(v);
    do {
        *--d = char('0' + u % 10);
        u /= 10;
    } while (u);
    char* o = out.room(21);
    if (v < 0)
        *o++ = '-';
    const qsizetype n = digits + sizeof digits - d;
    std::memcpy(o, d, size_t(n));
    out.advance(o + n);
}

void writeDouble(Out& out, double d)
{
    if (!qIsFinite(d)) {
        out.lit("null");
        return;
    }
    const QByteArray n = QByteArray::number(d, 'g', QLocale::FloatingPointShortest);
    out.put(n.constData(), n.size());
}

// Opens a member of an object `depth` levels deep: the separator from the previous member, the indent, the
// key.
template <bool Compact> void writeKey(Out& out, QStringView key, bool first, int depth)
{
    if (!first)
        out.put(',');
    if constexpr (Compact) {
        writeString(out, key);
        out.put(':');
    } else {
        out.newline(depth + 1);
        writeString(out, key);
        out.lit(": ");
    }
}

// The same for a key known to need no escaping, given with its quotes: R"("rule")".
template <bool Compact, size_t N>
void writeLiteralKey(Out& out, const char (&quoted)[N], bool first, int depth)
{
    if (!first)
        out.put(',');
    if constexpr (Compact) {
        out.lit(quoted);
        out.put(':');
    } else {
        out.newline(depth + 1);
        out.lit(quoted);
        out.lit(": ");
    }
}

// Closes a container `depth` levels deep ('}' or ']'), laid out as Qt does (also when empty).
template <bool Compact> void writeClose(Out& out, char c, int depth)
{
    if constexpr (!Compact)
        out.newline(depth);
    out.put(c);
}

template <bool Compact> void writeValue(Out& out, const QCborValueConstRef& v, int depth);

template <bool Compact> void writeMap(Out& out, const QCborMap& m, int depth)
{
    out.put('{');
    bool first = true;
    for (auto it = m.constBegin(), end = m.constEnd(); it != end; ++it) {
        writeKey<Compact>(out, (*it).first.toString(), first, depth);
        writeValue<Compact>(out, it.value(), depth + 1);
        first = false;
    }
    writeClose<Compact>(out, '}', depth);
}

template <bool Compact> void writeArray(Out& out, const QCborArray& a, int depth)
{
    out.put('[');
    bool first = true;
    for (auto it = a.constBegin(), end = a.constEnd(); it != end; ++it) {
        if (!first)
            out.put(',');
        if constexpr (!Compact)
            out.newline(depth + 1);
        writeValue<Compact>(out, *it, depth + 1);
        first = false;
    }
    writeClose<Compact>(out, ']', depth);
}

template <bool Compact> void writeValue(Out& out, const QCborValueConstRef& v, int depth)
{
    switch (v.type()) {
    case QCborValue::True:
        out.lit("true");
        break;
    case QCborValue::False:
        out.lit("false");
        break;
    case QCborValue::Integer:
        writeInteger(out, v.toInteger());
        break;
    case QCborValue::Double:
        writeDouble(out, v.toDouble());
        break;
    case QCborValue::String:
        writeString(out, v.toString());
        break;
    case QCborValue::Array:
        writeArray<Compact>(out, v.toArray(), depth);
        break;
    case QCborValue::Map:
        writeMap<Compact>(out, v.toMap(), depth);
        break;
    default:
        out.lit("null");
    }
}

// toJson(f) as an object `depth` levels deep.
template <bool Compact> void writeFinding(Out& out, const Finding& f, int depth)
{
    // QJsonObject's key order: clause, evidence, rule, severity, summary, to_clear.
    out.put('{');
    writeLiteralKey<Compact>(out, R"("clause")", true, depth);
    writeString(out, f.clause);
    writeLiteralKey<Compact>(out, R"("evidence")", false, depth);
    writeMap<Compact>(out, QCborMap::fromJsonObject(f.evidence), depth + 1);
    writeLiteralKey<Compact>(out, R"("rule")", false, depth);
    writeString(out, f.rule);
    writeLiteralKey<Compact>(out, R"("severity")", false, depth);
    writeString(out, toString(f.severity));
    writeLiteralKey<Compact>(out, R"("summary")", false, depth);
    writeString(out, f.summary);
    writeLiteralKey<Compact>(out, R"("to_clear")", false, depth);
    writeString(out, f.toClear);
    writeClose<Compact>(out, '}', depth);
}

template <bool Compact> void writeFindings(Out& out, const QList<Finding>& findings, int depth)
{
    out.put('[');
    bool first = true;
    for (const Finding& f : findings) {
        if (!first)
            out.put(',');
        if constexpr (!Compact)
            out.newline(depth + 1);
        writeFinding<Compact>(out, f, depth + 1);
        first = false;
    }
    writeClose<Compact>(out, ']', depth);
}

// time::toIso(t) as a JSON string. Every evaluation of a run has the same as-of time: the last one written
// on this thread is kept (toIso depends on the instant only: it formats t.toUTC()).
void writeAsOf(Out& out, const QDateTime& t)
{
    struct Last
    {
        bool valid = false;
        qint64 msecs = 0;
        QByteArray json; // the JSON string, with its quotes
    };
    thread_local Last last;
    const bool valid = t.isValid();
    const qint64 msecs = valid ? t.toMSecsSinceEpoch() : 0;
    if (last.json.isEmpty() || last.valid != valid || last.msecs != msecs) {
        QByteArray json;
        {
            Out o(json);
            writeString(o, time::toIso(t));
        }
        last = {valid, msecs, json};
    }
    out.put(last.json.constData(), last.json.size());
}

// `compact` (JSON as the compact writer above writes it: no whitespace outside strings) laid out as the
// indented writer writes the same value `depth` levels deep. Byte for byte the same: the indented writer
// differs from the compact one only in the newlines and indentation after '{', '[' and ',', before '}' and
// ']' (an empty container included), and the space after ':'.
void writeReindented(Out& out, QByteArrayView compact, int depth)
{
    const char* p = compact.data();
    const char* const end = p + compact.size();
    while (p != end) {
        const char* const from = p;
        switch (*p++) {
        case '{':
        case '[':
            out.put(*from);
            if (p != end && (*p == '}' || *p == ']')) {
                out.newline(depth);
                out.put(*p++);
            } else {
                out.newline(++depth);
            }
            break;
        case '}':
        case ']':
            out.newline(--depth);
            out.put(*from);
            break;
        case ',':
            out.put(',');
            out.newline(depth);
            break;
        case ':':
            out.lit(": ");
            break;
        case '"':
            // To the closing quote: the first '"' not escaped (an escape is '\\' and one character, or \uXXXX
            // whose digits are neither '"' nor '\\').
#ifdef __SSE2__
            while (end - p >= 16) {
                const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
                const int hits = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
                                                                _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
                if (hits == 0) {
                    p += 16;
                    continue;
                }
                p += qCountTrailingZeroBits(uint(hits));
                if (*p == '"')
                    break;
                p += 2; // '\\' and the character it escapes
            }
#endif
            while (p < end && *p != '"')
                p += *p == '\\' ? 2 : 1;
            p = std::min(p + 1, end);
            out.put(from, p - from);
            break;
        default:
            // A number, true, false or null: to the ',', '}' or ']' after it.
            while (p != end && *p != ',' && *p != '}' && *p != ']')
                ++p;
            out.put(from, p - from);
        }
    }
}

} // namespace

QByteArray findingsToCompactJson(const QList<Finding>& findings)
{
    QByteArray out;
    out.reserve(256 + 512 * findings.size());
    {
        Out o(out);
        writeFindings<true>(o, findings, 0);
    }
    return out;
}

void appendIndentedJson(QByteArray& out, const Evaluation& e, int depth)
{
    Out o(out);
    // QJsonObject's key order: account_id, as_of, findings, policy, recommended_action, status.
    o.put('{');
    writeLiteralKey<false>(o, R"("account_id")", true, depth);
    writeString(o, e.accountId);
    writeLiteralKey<false>(o, R"("as_of")", false, depth);
    writeAsOf(o, e.asOf);
    writeLiteralKey<false>(o, R"("findings")", false, depth);
    if (e.findingsCompactJson.isEmpty())
        writeFindings<false>(o, e.findings, depth + 1);
    else
        writeReindented(o, e.findingsCompactJson, depth + 1);
    writeLiteralKey<false>(o, R"("policy")", false, depth);
    o.put('{');
    writeLiteralKey<false>(o, R"("id")", true, depth + 1);
    writeString(o, e.policyId);
    writeLiteralKey<false>(o, R"("version")", false, depth + 1);
    writeString(o, e.policyVersion);
    writeClose<false>(o, '}', depth + 1);
    writeLiteralKey<false>(o, R"("recommended_action")", false, depth);
    writeString(o, toString(e.recommended));
    writeLiteralKey<false>(o, R"("status")", false, depth);
    writeString(o, toString(e.status));
    writeClose<false>(o, '}', depth);
}

} // namespace ad::rules
