// SPDX-License-Identifier: GPL-3.0-or-later
// Policy file loading and validation. The format is documented in resources/policies/README.md.
#include "rules/policy.h"

#include "rules/registry.h"
#include "rules/ruleutil.h"
#include "util/error.h"
#include "util/paths.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>
#include <cmath>

namespace ad::rules {

namespace {

// Top-level word lists (arrays of strings).
const QStringList& listKeys()
{
    static const QStringList v{
        QStringLiteral("role_local_parts"),      QStringLiteral("mailbox_domains"),
        QStringLiteral("real_provider_domains"), QStringLiteral("platform_domains"),
        QStringLiteral("link_host_allowlist"),   QStringLiteral("unsubscribe_keywords")};
    return v;
}

const QStringList& topLevelKeys()
{
    static const QStringList v = [] {
        QStringList k{
            QStringLiteral("format"),   QStringLiteral("id"),          QStringLiteral("version"),
            QStringLiteral("title"),    QStringLiteral("description"), QStringLiteral("decisions"),
            QStringLiteral("defaults"), QStringLiteral("rules"),       QStringLiteral("restricted_content")};
        k += listKeys();
        return k;
    }();
    return v;
}

[[noreturn]] void fail(const QString& source, const QString& field, const QString& message)
{
    throw Error(Error::Kind::Input, QStringLiteral("field \"%1\": %2").arg(field, message), source);
}

QString typeName(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        return QStringLiteral("absent");
    }
    return {};
}

QString requireString(const QString& source, const QJsonObject& o, const QString& key, const QString& field)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined())
        fail(source, field, QStringLiteral("missing required field"));
    if (!v.isString())
        fail(source, field, QStringLiteral("must be a string, not %1").arg(typeName(v)));
    if (v.toString().trimmed().isEmpty())
        fail(source, field, QStringLiteral("must not be empty"));
    return v.toString();
}

Severity requireSeverity(const QString& source, const QJsonValue& v, const QString& field)
{
    if (v.isUndefined())
        fail(source, field, QStringLiteral("missing required field"));
    if (!v.isString())
        fail(source, field, QStringLiteral("must be a severity string, not %1").arg(typeName(v)));
    const auto s = severityFromString(v.toString());
    if (!s)
        fail(source, field,
             QStringLiteral("unknown severity \"%1\" (expected info, warn, suspend or terminate)")
                 .arg(v.toString()));
    return *s;
}

void checkNumber(const QString& source, const QJsonValue& v, const QString& field, ParamSpec::Type type)
{
    if (!v.isDouble())
        fail(source, field, QStringLiteral("must be a number, not %1").arg(typeName(v)));
    const double d = v.toDouble();
    if (!std::isfinite(d))
        fail(source, field, QStringLiteral("must be a finite number"));
    if (d < 0)
        fail(source, field, QStringLiteral("must not be negative (got %1)").arg(d));
    if (type == ParamSpec::Type::Share && d > 1)
        fail(source, field,
             QStringLiteral("is a share and must be between 0 and 1 (got %1; 0.2 % is 0.002)").arg(d));
    if ((type == ParamSpec::Type::Count || type == ParamSpec::Type::Days) && d != std::floor(d))
        fail(source, field, QStringLiteral("must be a whole number (got %1)").arg(d));
}

void checkCompare(const QString& source, const QJsonValue& v, const QString& field)
{
    if (!v.isString() || !util::compareFromString(v.toString()))
        fail(source, field,
             QStringLiteral("must be one of \"gt\", \"ge\", \"lt\", \"le\" (got %1)")
                 .arg(v.isString() ? QLatin1Char('"') + v.toString() + QLatin1Char('"') : typeName(v)));
}

void checkStrings(const QString& source, const QJsonValue& v, const QString& field)
{
    if (!v.isArray())
        fail(source, field, QStringLiteral("must be an array of strings, not %1").arg(typeName(v)));
    const QJsonArray a = v.toArray();
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (!a.at(i).isString())
            fail(source, QStringLiteral("%1[%2]").arg(field).arg(i),
                 QStringLiteral("must be a string, not %1").arg(typeName(a.at(i))));
    }
}

void checkParam(const QString& source, const ParamSpec& spec, const QJsonValue& v, const QString& field)
{
    switch (spec.type) {
    case ParamSpec::Type::Share:
    case ParamSpec::Type::Count:
    case ParamSpec::Type::Days:
        checkNumber(source, v, field, spec.type);
        break;
    case ParamSpec::Type::Compare:
        checkCompare(source, v, field);
        break;
    case ParamSpec::Type::Severity:
        requireSeverity(source, v, field);
        break;
    case ParamSpec::Type::Strings:
        checkStrings(source, v, field);
        break;
    case ParamSpec::Type::Choice:
        if (!v.isString() || !spec.choices.contains(v.toString()))
            fail(source, field,
                 QStringLiteral("must be one of \"%1\"").arg(spec.choices.join(QStringLiteral("\", \""))));
        break;
    case ParamSpec::Type::Levels: {
        if (!v.isArray() || v.toArray().isEmpty())
            fail(source, field,
                 QStringLiteral("must be a non-empty array of {severity, threshold, compare}"));
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            const QString f = QStringLiteral("%1[%2]").arg(field).arg(i);
            if (!a.at(i).isObject())
                fail(source, f, QStringLiteral("must be an object, not %1").arg(typeName(a.at(i))));
            const QJsonObject o = a.at(i).toObject();
            for (auto it = o.begin(); it != o.end(); ++it) {
                if (it.key() != u"severity" && it.key() != u"threshold" && it.key() != u"compare")
                    fail(source, f + QLatin1Char('.') + it.key(), QStringLiteral("unknown field"));
            }
            requireSeverity(source, o.value(QStringLiteral("severity")), f + QStringLiteral(".severity"));
            if (o.value(QStringLiteral("threshold")).isUndefined())
                fail(source, f + QStringLiteral(".threshold"), QStringLiteral("missing required field"));
            checkNumber(source, o.value(QStringLiteral("threshold")), f + QStringLiteral(".threshold"),
                        ParamSpec::Type::Share);
            if (o.contains(QStringLiteral("compare")))
                checkCompare(source, o.value(QStringLiteral("compare")), f + QStringLiteral(".compare"));
        }
        break;
    }
    }
}

// Every parameter key of every rule, with its type (for "defaults").
QHash<QString, ParamSpec> allParams()
{
    QHash<QString, ParamSpec> all;
    for (const auto& r : catalogue()) {
        for (const ParamSpec& p : r->params())
            all.insert(p.key, p);
    }
    return all;
}

} // namespace

Policy Policy::fromFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw Error(Error::Kind::Input, QStringLiteral("cannot read policy file: %1").arg(f.errorString()),
                    path);
    const QByteArray data = f.readAll();
    Policy p = fromJson(data, path);
    p.m_source = QFileInfo(path).absoluteFilePath();
    return p;
}

Policy Policy::fromJson(const QByteArray& json, const QString& sourceName)
{
    const QString& src = sourceName;
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError) {
        const qint64 line = json.left(pe.offset).count('\n') + 1;
        throw Error(Error::Kind::Input,
                    QStringLiteral("malformed JSON at offset %1: %2").arg(pe.offset).arg(pe.errorString()),
                    src, line);
    }
    if (!doc.isObject())
        throw Error(Error::Kind::Input, QStringLiteral("a policy file must hold one JSON object"), src);
    const QJsonObject root = doc.object();

    for (auto it = root.begin(); it != root.end(); ++it) {
        if (!topLevelKeys().contains(it.key()))
            fail(src, it.key(),
                 QStringLiteral("unknown field (known: %1)").arg(topLevelKeys().join(QStringLiteral(", "))));
    }

    Policy p;
    p.m_source = src;
    p.m_raw = root;
    p.m_defaults = root.value(QStringLiteral("defaults")).toObject();
    if (root.contains(QStringLiteral("format")) &&
        root.value(QStringLiteral("format")).toString() != u"abusedesk-policy")
        fail(src, QStringLiteral("format"), QStringLiteral("must be \"abusedesk-policy\""));
    p.m_id = requireString(src, root, QStringLiteral("id"), QStringLiteral("id"));
    p.m_version = requireString(src, root, QStringLiteral("version"), QStringLiteral("version"));
    p.m_title = requireString(src, root, QStringLiteral("title"), QStringLiteral("title"));

    // decisions
    const QJsonValue dec = root.value(QStringLiteral("decisions"));
    if (dec.isUndefined())
        fail(src, QStringLiteral("decisions"), QStringLiteral("missing required field"));
    if (!dec.isObject())
        fail(src, QStringLiteral("decisions"),
             QStringLiteral("must be an object, not %1").arg(typeName(dec)));
    {
        const QJsonObject d = dec.toObject();
        for (auto it = d.begin(); it != d.end(); ++it) {
            if (it.key() != u"terminate_requires_second_reviewer")
                fail(src, QStringLiteral("decisions.") + it.key(), QStringLiteral("unknown field"));
        }
        const QJsonValue v = d.value(QStringLiteral("terminate_requires_second_reviewer"));
        if (v.isUndefined())
            fail(src, QStringLiteral("decisions.terminate_requires_second_reviewer"),
                 QStringLiteral("missing required field"));
        if (!v.isBool())
            fail(src, QStringLiteral("decisions.terminate_requires_second_reviewer"),
                 QStringLiteral("must be true or false, not %1").arg(typeName(v)));
        p.m_secondReviewer = v.toBool();
    }

    // defaults
    const QHash<QString, ParamSpec> known = allParams();
    const QJsonValue defs = root.value(QStringLiteral("defaults"));
    if (!defs.isUndefined()) {
        if (!defs.isObject())
            fail(src, QStringLiteral("defaults"),
                 QStringLiteral("must be an object, not %1").arg(typeName(defs)));
        const QJsonObject d = defs.toObject();
        for (auto it = d.begin(); it != d.end(); ++it) {
            const QString field = QStringLiteral("defaults.") + it.key();
            if (!known.contains(it.key()))
                fail(src, field, QStringLiteral("unknown parameter"));
            checkParam(src, known.value(it.key()), it.value(), field);
        }
    }

    // rules
    const QJsonValue rules = root.value(QStringLiteral("rules"));
    if (rules.isUndefined())
        fail(src, QStringLiteral("rules"), QStringLiteral("missing required field"));
    if (!rules.isObject())
        fail(src, QStringLiteral("rules"), QStringLiteral("must be an object, not %1").arg(typeName(rules)));
    const QJsonObject ro = rules.toObject();
    QSet<QString> neededLists;
    for (auto it = ro.begin(); it != ro.end(); ++it) {
        const QString base = QStringLiteral("rules.") + it.key();
        const Rule* rule = findRule(it.key());
        if (!rule)
            fail(src, base,
                 QStringLiteral("unknown rule id \"%1\" (known: %2)")
                     .arg(it.key(), catalogueIds().join(QStringLiteral(", "))));
        if (!it.value().isObject())
            fail(src, base, QStringLiteral("must be an object, not %1").arg(typeName(it.value())));
        const QJsonObject o = it.value().toObject();
        for (auto k = o.begin(); k != o.end(); ++k) {
            if (k.key() != u"enabled" && k.key() != u"severity" && k.key() != u"clause" &&
                k.key() != u"params" && k.key() != u"description")
                fail(src, base + QLatin1Char('.') + k.key(), QStringLiteral("unknown field"));
        }
        RuleSettings rs;
        const QJsonValue en = o.value(QStringLiteral("enabled"));
        if (!en.isUndefined() && !en.isBool())
            fail(src, base + QStringLiteral(".enabled"),
                 QStringLiteral("must be true or false, not %1").arg(typeName(en)));
        rs.enabled = en.isUndefined() ? true : en.toBool();
        rs.severity =
            requireSeverity(src, o.value(QStringLiteral("severity")), base + QStringLiteral(".severity"));
        rs.clause = requireString(src, o, QStringLiteral("clause"), base + QStringLiteral(".clause"));
        const QJsonValue params = o.value(QStringLiteral("params"));
        if (!params.isUndefined()) {
            if (!params.isObject())
                fail(src, base + QStringLiteral(".params"),
                     QStringLiteral("must be an object, not %1").arg(typeName(params)));
            rs.params = params.toObject();
            const QList<ParamSpec> specs = rule->params();
            for (auto k = rs.params.begin(); k != rs.params.end(); ++k) {
                const QString field = base + QStringLiteral(".params.") + k.key();
                const auto spec = std::find_if(specs.begin(), specs.end(),
                                               [&](const ParamSpec& s) { return s.key == k.key(); });
                if (spec == specs.end()) {
                    QStringList names;
                    for (const ParamSpec& s : specs)
                        names << s.key;
                    fail(src, field,
                         QStringLiteral("unknown parameter for rule %1 (known: %2)")
                             .arg(it.key(), names.isEmpty() ? QStringLiteral("none")
                                                            : names.join(QStringLiteral(", "))));
                }
                checkParam(src, *spec, k.value(), field);
            }
        }
        if (rs.enabled) {
            for (const QString& l : rule->requiredLists())
                neededLists.insert(l);
        }
        p.m_rules.insert(it.key(), rs);
    }

    // word lists
    for (const QString& key : listKeys()) {
        const QJsonValue v = root.value(key);
        if (v.isUndefined()) {
            if (neededLists.contains(key))
                fail(src, key, QStringLiteral("missing required field (an enabled rule uses it)"));
            continue;
        }
        checkStrings(src, v, key);
    }
    const QJsonValue rc = root.value(QStringLiteral("restricted_content"));
    if (rc.isUndefined()) {
        if (neededLists.contains(QStringLiteral("restricted_content")))
            fail(src, QStringLiteral("restricted_content"),
                 QStringLiteral("missing required field (an enabled rule uses it)"));
    } else {
        if (!rc.isArray())
            fail(src, QStringLiteral("restricted_content"),
                 QStringLiteral("must be an array of {category, patterns}, not %1").arg(typeName(rc)));
        const QJsonArray a = rc.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            const QString f = QStringLiteral("restricted_content[%1]").arg(i);
            if (!a.at(i).isObject())
                fail(src, f, QStringLiteral("must be an object, not %1").arg(typeName(a.at(i))));
            const QJsonObject o = a.at(i).toObject();
            for (auto k = o.begin(); k != o.end(); ++k) {
                if (k.key() != u"category" && k.key() != u"patterns" && k.key() != u"description")
                    fail(src, f + QLatin1Char('.') + k.key(), QStringLiteral("unknown field"));
            }
            requireString(src, o, QStringLiteral("category"), f + QStringLiteral(".category"));
            const QJsonValue pats = o.value(QStringLiteral("patterns"));
            if (pats.isUndefined())
                fail(src, f + QStringLiteral(".patterns"), QStringLiteral("missing required field"));
            checkStrings(src, pats, f + QStringLiteral(".patterns"));
            const QJsonArray pa = pats.toArray();
            for (qsizetype j = 0; j < pa.size(); ++j) {
                const QRegularExpression re(pa.at(j).toString());
                if (!re.isValid())
                    fail(src, QStringLiteral("%1.patterns[%2]").arg(f).arg(j),
                         QStringLiteral("not a valid regular expression: %1 (at %2)")
                             .arg(re.errorString())
                             .arg(re.patternErrorOffset()));
            }
        }
    }
    return p;
}

QStringList Policy::builtinIds()
{
    return {QStringLiteral("optimais"), QStringLiteral("mailbox-providers")};
}

Policy Policy::builtin(const QString& id)
{
    if (!builtinIds().contains(id))
        throw Error::input(QStringLiteral("unknown policy \"%1\" (shipped: %2; or give a policy file)")
                               .arg(id, builtinIds().join(QStringLiteral(", "))));
    return fromFile(paths::resource(QStringLiteral("policies/%1.json").arg(id)));
}

const Policy::RuleSettings* Policy::rule(const QString& ruleId) const
{
    const auto it = m_rules.constFind(ruleId);
    return it == m_rules.constEnd() ? nullptr : &it.value();
}

QJsonValue Policy::param(const QString& ruleId, const QString& key) const
{
    if (const RuleSettings* rs = rule(ruleId)) {
        const QJsonValue v = rs->params.value(key);
        if (!v.isUndefined())
            return v;
    }
    return m_defaults.value(key);
}

QJsonValue Policy::param(const RuleSettings& settings, const QString& key) const
{
    const QJsonValue v = settings.params.value(key);
    return v.isUndefined() ? m_defaults.value(key) : v;
}

double Policy::number(const QString& ruleId, const QString& key, double fallback) const
{
    const QJsonValue v = param(ruleId, key);
    return v.isDouble() ? v.toDouble() : fallback;
}

QStringList Policy::strings(const QString& key) const
{
    QStringList out;
    for (const QJsonValue& v : m_raw.value(key).toArray())
        out << v.toString();
    return out;
}

} // namespace ad::rules
