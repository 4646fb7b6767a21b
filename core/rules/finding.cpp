// SPDX-License-Identifier: GPL-3.0-or-later
#include "rules/finding.h"

#include "util/timeutil.h"

#include <QJsonArray>
#include <QLocale>
#include <QVariant>
#include <cmath>

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
// "{\n<indent>}" indented; strings escaped as below; integers in decimal, doubles with the shortest
// round-trip 'g' format, non-finite doubles as null.
namespace {

char hexDigit(uint u)
{
    return char(u < 10 ? '0' + u : 'a' + u - 10);
}

// As QJsonDocument escapes: '"', '\' and the controls below U+0020 (\b \f \n \r \t or \u00xx); the rest
// as UTF-8; a surrogate that is not part of a valid pair as \uxxxx (lower-case hex).
void appendString(QByteArray& out, QStringView s)
{
    // Written through a pointer into room for the worst case (every unit a 6-byte \u escape; UTF-8 needs
    // at most 3 bytes per UTF-16 unit), then cut to what was written. resize() grows geometrically and
    // leaves the new bytes uninitialised, so this is one capacity check per string, not one per byte.
    const qsizetype start = out.size();
    out.resize(start + 6 * s.size() + 2);
    char* o = out.data() + start;
    *o++ = '"';
    const char16_t* p = s.utf16();
    const char16_t* const end = p + s.size();
    while (p != end) {
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
    out.resize(o - out.constData());
}

void appendIndent(QByteArray& out, int depth)
{
    for (int i = 0; i < depth; ++i)
        out += "    ";
}

// Opens a member of an object `depth` levels deep: the separator from the previous member, the indent, the
// key.
void appendKey(QByteArray& out, QStringView key, bool first, int depth, bool compact)
{
    if (compact) {
        if (!first)
            out += ',';
        appendString(out, key);
        out += ':';
    } else {
        out += first ? "\n" : ",\n";
        appendIndent(out, depth + 1);
        appendString(out, key);
        out += ": ";
    }
}

void appendValue(QByteArray& out, const QJsonValue& v, int depth, bool compact);

void appendObject(QByteArray& out, const QJsonObject& o, int depth, bool compact)
{
    out += '{';
    bool first = true;
    for (auto it = o.begin(); it != o.end(); ++it) {
        appendKey(out, it.key(), first, depth, compact);
        appendValue(out, it.value(), depth + 1, compact);
        first = false;
    }
    if (!compact) {
        out += '\n';
        appendIndent(out, depth);
    }
    out += '}';
}

// A JSON array of `items`, each written by appendItem(out, item, depth + 1), laid out as
// QJsonDocument::Compact or Indented would.
template <typename Items, typename AppendItem>
void appendSequence(QByteArray& out, const Items& items, int depth, bool compact, AppendItem appendItem)
{
    out += '[';
    bool first = true;
    for (const auto& item : items) {
        if (compact) {
            if (!first)
                out += ',';
        } else {
            out += first ? "\n" : ",\n";
            appendIndent(out, depth + 1);
        }
        appendItem(out, item, depth + 1);
        first = false;
    }
    if (!compact) {
        out += '\n';
        appendIndent(out, depth);
    }
    out += ']';
}

void appendArray(QByteArray& out, const QJsonArray& a, int depth, bool compact)
{
    appendSequence(out, a, depth, compact,
                   [compact](QByteArray& o, const QJsonValue& v, int d) { appendValue(o, v, d, compact); });
}

void appendValue(QByteArray& out, const QJsonValue& v, int depth, bool compact)
{
    switch (v.type()) {
    case QJsonValue::Bool:
        out += v.toBool() ? "true" : "false";
        break;
    case QJsonValue::Double: {
        // QJsonValue keeps integers and doubles apart (QCborValue underneath); QVariant tells which.
        const QVariant n = v.toVariant();
        if (n.typeId() == QMetaType::LongLong) {
            out += QByteArray::number(n.toLongLong());
        } else {
            const double d = v.toDouble();
            if (qIsFinite(d))
                out += QByteArray::number(d, 'g', QLocale::FloatingPointShortest);
            else
                out += "null";
        }
        break;
    }
    case QJsonValue::String:
        appendString(out, v.toString());
        break;
    case QJsonValue::Array:
        appendArray(out, v.toArray(), depth, compact);
        break;
    case QJsonValue::Object:
        appendObject(out, v.toObject(), depth, compact);
        break;
    default:
        out += "null";
    }
}

// toJson(f) as an object `depth` levels deep.
void appendFinding(QByteArray& out, const Finding& f, int depth, bool compact)
{
    // QJsonObject's key order: clause, evidence, rule, severity, summary, to_clear.
    out += '{';
    appendKey(out, u"clause", true, depth, compact);
    appendString(out, f.clause);
    appendKey(out, u"evidence", false, depth, compact);
    appendObject(out, f.evidence, depth + 1, compact);
    appendKey(out, u"rule", false, depth, compact);
    appendString(out, f.rule);
    appendKey(out, u"severity", false, depth, compact);
    appendString(out, toString(f.severity));
    appendKey(out, u"summary", false, depth, compact);
    appendString(out, f.summary);
    appendKey(out, u"to_clear", false, depth, compact);
    appendString(out, f.toClear);
    if (!compact) {
        out += '\n';
        appendIndent(out, depth);
    }
    out += '}';
}

void appendFindings(QByteArray& out, const QList<Finding>& findings, int depth, bool compact)
{
    appendSequence(out, findings, depth, compact,
                   [compact](QByteArray& o, const Finding& f, int d) { appendFinding(o, f, d, compact); });
}

} // namespace

QByteArray findingsToCompactJson(const QList<Finding>& findings)
{
    QByteArray out;
    out.reserve(256 + 512 * findings.size());
    appendFindings(out, findings, 0, true);
    return out;
}

void appendIndentedJson(QByteArray& out, const Evaluation& e, int depth)
{
    // QJsonObject's key order: account_id, as_of, findings, policy, recommended_action, status.
    out += '{';
    appendKey(out, u"account_id", true, depth, false);
    appendString(out, e.accountId);
    appendKey(out, u"as_of", false, depth, false);
    appendString(out, time::toIso(e.asOf));
    appendKey(out, u"findings", false, depth, false);
    appendFindings(out, e.findings, depth + 1, false);
    appendKey(out, u"policy", false, depth, false);
    out += "{\n";
    appendIndent(out, depth + 2);
    out += "\"id\": ";
    appendString(out, e.policyId);
    out += ",\n";
    appendIndent(out, depth + 2);
    out += "\"version\": ";
    appendString(out, e.policyVersion);
    out += '\n';
    appendIndent(out, depth + 1);
    out += '}';
    appendKey(out, u"recommended_action", false, depth, false);
    appendString(out, toString(e.recommended));
    appendKey(out, u"status", false, depth, false);
    appendString(out, toString(e.status));
    out += '\n';
    appendIndent(out, depth);
    out += '}';
}

} // namespace ad::rules
