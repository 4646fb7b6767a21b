// SPDX-License-Identifier: GPL-3.0-or-later
#include "rules/rule.h"

#include <QJsonArray>
#include <QJsonObject>
#include <algorithm>
#include <cstring>

namespace ad::rules {

namespace literal {

void appendFolded(std::string& out, QStringView s)
{
    const qsizetype at = qsizetype(out.size());
    out.resize(size_t(at + s.size()));
    char* p = out.data() + at;
    for (const QChar ch : s)
        *p++ = fold(ch.unicode());
}

QByteArray requiredLiteral(const QString& pattern)
{
    // Punctuation that is a literal outside a character class when not escaped (no extended mode).
    static constexpr std::string_view kPlainPunct = "!\"#%&',-/:;<=>@_`~";
    auto isAlnum = [](char16_t c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
    };
    std::vector<std::string> runs;
    std::string cur;
    auto endRun = [&] {
        if (!cur.empty())
            runs.push_back(std::move(cur));
        cur.clear();
    };
    int depth = 0;
    const qsizetype n = pattern.size();
    auto at = [&](qsizetype i) -> char16_t { return i < n ? pattern[i].unicode() : u'\0'; };
    for (qsizetype i = 0; i < n;) {
        const char16_t c = pattern[i].unicode();
        int lit = -1; // the literal character read at i, if any
        const int litDepth = depth;
        qsizetype len = 1;
        if (c == u'\\') {
            const char16_t e = at(i + 1);
            len = 2;
            if (e >= 0x20 && e < 0x7F && !isAlnum(e))
                lit = e; // an escaped non-alphanumeric ASCII character is always that character
            else if (e == u'b' || e == u'B' || e == u'w' || e == u'W' || e == u's' || e == u'S' ||
                     e == u'd' || e == u'D')
                lit = -1;
            else
                return {};
        } else if (c == u'(') {
            if (at(i + 1) == u'?') {
                if (at(i + 2) != u':')
                    return {};
                len = 3;
            } else if (at(i + 1) == u'*') {
                return {};
            }
            ++depth;
        } else if (c == u')') {
            if (depth == 0)
                return {};
            --depth;
        } else if (c == u'|') {
            if (depth == 0)
                return {};
        } else if (c == u'.' || c == u'^' || c == u'$' || c == u'?' || c == u'*' || c == u'+') {
            // meta: ends a run
        } else if (isAlnum(c) || c == u' ' ||
                   (c < 0x80 && kPlainPunct.find(char(c)) != std::string_view::npos)) {
            lit = c;
        } else {
            return {}; // [ ] { } control and non-ASCII characters, ...
        }
        i += len;
        if (lit < 0 || litDepth > 0) {
            endRun();
            continue;
        }
        const char16_t q = at(i);
        if (q == u'?' || q == u'*') {
            endRun(); // optional
        } else {
            cur.push_back(fold(char16_t(lit)));
            if (q == u'+')
                endRun();
        }
    }
    if (depth != 0)
        return {};
    endRun();
    const std::string* best = nullptr;
    for (const std::string& r : runs) {
        if (!best || r.size() > best->size())
            best = &r;
    }
    if (!best || best->size() < 4)
        return {};
    return QByteArray(best->data(), qsizetype(best->size()));
}

Set::Set() : m_start((1u << kBits) + 1, 0) {}

int Set::add(const QByteArray& literal)
{
    if (literal.size() < 4 || m_literals.size() >= 0xFFFF)
        return -1;
    m_literals.emplace_back(literal.constData(), size_t(literal.size()));
    std::uint32_t key;
    std::memcpy(&key, literal.constData(), 4);
    m_keys.push_back(key);
    rebuild();
    return count() - 1;
}

void Set::rebuild()
{
    const size_t buckets = size_t(1) << kBits;
    std::vector<std::uint16_t> counts(buckets, 0);
    for (const std::uint32_t key : m_keys)
        ++counts[bucket(key)];
    m_start.assign(buckets + 1, 0);
    for (size_t b = 0; b < buckets; ++b)
        m_start[b + 1] = std::uint16_t(m_start[b] + counts[b]);
    m_order.assign(m_keys.size(), 0);
    std::vector<std::uint16_t> fill(m_start.begin(), m_start.end() - 1);
    for (size_t i = 0; i < m_keys.size(); ++i)
        m_order[fill[bucket(m_keys[i])]++] = std::uint16_t(i);
}

void Set::scan(std::string_view folded, std::vector<char>& found) const
{
    found.assign(m_literals.size(), 0);
    const size_t n = folded.size();
    if (m_literals.empty() || n < 4)
        return;
    const char* p = folded.data();
    const std::uint16_t* start = m_start.data();
    for (size_t i = 0; i + 4 <= n; ++i) {
        std::uint32_t key;
        std::memcpy(&key, p + i, 4);
        const std::uint32_t b = bucket(key);
        for (std::uint16_t k = start[b], end = start[b + 1]; k < end; ++k) {
            const std::uint16_t idx = m_order[k];
            if (m_keys[idx] != key || found[idx])
                continue;
            const std::string& l = m_literals[idx];
            if (n - i >= l.size() && std::memcmp(p + i, l.data(), l.size()) == 0)
                found[idx] = 1;
        }
    }
}

} // namespace literal

PreparedPolicy::PreparedPolicy(const Policy& policy)
{
    for (const QString& s : policy.strings(QStringLiteral("role_local_parts")))
        roleLocalParts.insert(s.trimmed().toLower());
    for (const QString& s : std::as_const(roleLocalParts)) {
        bool ascii = true;
        for (const QChar ch : s)
            ascii = ascii && ch.unicode() < 0x80;
        if (ascii)
            roleLocalPartsAscii.push_back(s.toStdString());
    }
    std::sort(roleLocalPartsAscii.begin(), roleLocalPartsAscii.end());
    for (const QString& s : policy.strings(QStringLiteral("unsubscribe_keywords")))
        unsubscribeKeywords << s.trimmed().toLower();
    for (const QString& s : policy.strings(QStringLiteral("platform_domains")))
        platformDomains << s.trimmed().toLower();
    for (const QString& s : policy.strings(QStringLiteral("link_host_allowlist")))
        linkHostAllowList << s.trimmed().toLower();
    for (const QJsonValue& v : policy.raw().value(QStringLiteral("restricted_content")).toArray()) {
        const QJsonObject o = v.toObject();
        Category c;
        c.name = o.value(QStringLiteral("category")).toString();
        for (const QJsonValue& p : o.value(QStringLiteral("patterns")).toArray()) {
            QRegularExpression re(p.toString(), QRegularExpression::CaseInsensitiveOption |
                                                    QRegularExpression::UseUnicodePropertiesOption);
            re.optimize();
            c.patterns << re;
            const QByteArray lit = literal::requiredLiteral(re.pattern());
            c.literals << restrictedLiterals.add(lit); // -1 for an empty literal
        }
        restrictedContent << c;
    }
}

bool PreparedPolicy::hostIn(const QString& host, const QStringList& domains)
{
    for (const QString& d : domains) {
        if (d.isEmpty())
            continue;
        if (host == d)
            return true;
        if (host.size() > d.size() && host.endsWith(d) &&
            host.at(host.size() - d.size() - 1) == QLatin1Char('.'))
            return true;
    }
    return false;
}

ResolvedParams::ResolvedParams(const Policy& policy, const Policy::RuleSettings& settings)
{
    QStringList keys = settings.params.keys();
    keys += policy.raw().value(QStringLiteral("defaults")).toObject().keys();
    for (const QString& key : keys) {
        if (m_values.contains(key))
            continue;
        const QJsonValue v = policy.param(settings, key);
        Value r;
        r.isDouble = v.isDouble();
        r.isString = v.isString();
        r.isArray = v.isArray();
        if (r.isDouble)
            r.number = v.toDouble();
        if (r.isString)
            r.text = v.toString();
        if (r.isArray) {
            for (const QJsonValue& e : v.toArray())
                r.strings << e.toString();
        }
        m_values.insert(key, r);
    }
}

QString RuleContext::text(const QString& key, const QString& fallback) const
{
    if (params) {
        const ResolvedParams::Value* v = params->find(key);
        return v && v->isString ? v->text : fallback;
    }
    const QJsonValue v = policy.param(settings, key);
    return v.isString() ? v.toString() : fallback;
}

QStringList RuleContext::strings(const QString& key, const QStringList& fallback) const
{
    if (params) {
        const ResolvedParams::Value* v = params->find(key);
        return v && v->isArray ? v->strings : fallback;
    }
    const QJsonValue v = policy.param(settings, key);
    if (!v.isArray())
        return fallback;
    QStringList out;
    for (const QJsonValue& s : v.toArray())
        out << s.toString();
    return out;
}

Finding RuleContext::finding() const
{
    Finding f;
    f.rule = ruleId;
    f.clause = settings.clause;
    f.severity = settings.severity;
    return f;
}

} // namespace ad::rules
