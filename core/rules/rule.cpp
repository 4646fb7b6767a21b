// SPDX-License-Identifier: GPL-3.0-or-later
#include "rules/rule.h"

#include <QJsonArray>
#include <QJsonObject>

namespace ad::rules {

PreparedPolicy::PreparedPolicy(const Policy& policy)
{
    for (const QString& s : policy.strings(QStringLiteral("role_local_parts")))
        roleLocalParts.insert(s.trimmed().toLower());
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
