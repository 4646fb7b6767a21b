// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A small JSON Schema validator for the subset resources/templates/report.schema.json uses:
// type (a name or a list of names), enum, required, properties, additionalProperties (boolean), items,
// minimum, maximum, minItems, maxItems, pattern. Other keywords are refused, so the schema cannot grow
// past what this checks without the test noticing.

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>
#include <cmath>

namespace ad::test {

inline QString jsonTypeOf(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("boolean");
    case QJsonValue::Double:
        return QStringLiteral("number");
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    default:
        return QStringLiteral("undefined");
    }
}

inline bool typeMatches(const QJsonValue& v, const QString& type)
{
    const QString t = jsonTypeOf(v);
    if (type == QLatin1String("integer"))
        return t == QLatin1String("number") && std::floor(v.toDouble()) == v.toDouble();
    return t == type;
}

// Appends one message per violation ("$.findings[0].severity: value \"x\" not in enum").
inline void validateJson(const QJsonValue& v, const QJsonObject& schema, const QString& path,
                         QStringList& errors)
{
    static const QSet<QString> known{
        QStringLiteral("$schema"),     QStringLiteral("$id"),        QStringLiteral("title"),
        QStringLiteral("description"), QStringLiteral("type"),       QStringLiteral("enum"),
        QStringLiteral("required"),    QStringLiteral("properties"), QStringLiteral("additionalProperties"),
        QStringLiteral("items"),       QStringLiteral("minimum"),    QStringLiteral("maximum"),
        QStringLiteral("minItems"),    QStringLiteral("maxItems"),   QStringLiteral("pattern")};
    for (auto it = schema.begin(); it != schema.end(); ++it)
        if (!known.contains(it.key()))
            errors << path + QStringLiteral(": schema keyword \"%1\" is not supported by the test validator")
                                 .arg(it.key());
    if (schema.contains(QStringLiteral("type"))) {
        const QJsonValue t = schema.value(QStringLiteral("type"));
        QStringList types;
        if (t.isArray())
            for (const auto& x : t.toArray())
                types << x.toString();
        else
            types << t.toString();
        bool ok = false;
        for (const auto& ty : types)
            ok = ok || typeMatches(v, ty);
        if (!ok) {
            errors << path + QStringLiteral(": %1 is not of type %2")
                                 .arg(jsonTypeOf(v), types.join(QLatin1Char('|')));
            return;
        }
    }
    if (schema.contains(QStringLiteral("enum")) &&
        !schema.value(QStringLiteral("enum")).toArray().contains(v))
        errors << path + QStringLiteral(": value %1 not in enum").arg(v.toVariant().toString());
    if (v.isDouble()) {
        if (schema.contains(QStringLiteral("minimum")) &&
            v.toDouble() < schema.value(QStringLiteral("minimum")).toDouble())
            errors << path + QStringLiteral(": below minimum");
        if (schema.contains(QStringLiteral("maximum")) &&
            v.toDouble() > schema.value(QStringLiteral("maximum")).toDouble())
            errors << path + QStringLiteral(": above maximum");
    }
    if (v.isString() && schema.contains(QStringLiteral("pattern"))) {
        const QRegularExpression re(schema.value(QStringLiteral("pattern")).toString());
        if (!re.match(v.toString()).hasMatch())
            errors << path + QStringLiteral(": \"%1\" does not match %2").arg(v.toString(), re.pattern());
    }
    if (v.isArray()) {
        const QJsonArray a = v.toArray();
        if (schema.contains(QStringLiteral("minItems")) &&
            a.size() < schema.value(QStringLiteral("minItems")).toInt())
            errors << path + QStringLiteral(": too few items");
        if (schema.contains(QStringLiteral("maxItems")) &&
            a.size() > schema.value(QStringLiteral("maxItems")).toInt())
            errors << path + QStringLiteral(": too many items");
        if (schema.value(QStringLiteral("items")).isObject())
            for (int i = 0; i < a.size(); ++i)
                validateJson(a.at(i), schema.value(QStringLiteral("items")).toObject(),
                             path + QStringLiteral("[%1]").arg(i), errors);
    }
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (const auto& r : schema.value(QStringLiteral("required")).toArray())
            if (!o.contains(r.toString()))
                errors << path + QStringLiteral(": missing required \"%1\"").arg(r.toString());
        const QJsonObject props = schema.value(QStringLiteral("properties")).toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (props.contains(it.key()))
                validateJson(it.value(), props.value(it.key()).toObject(), path + QLatin1Char('.') + it.key(),
                             errors);
            else if (schema.value(QStringLiteral("additionalProperties")) == QJsonValue(false))
                errors << path + QStringLiteral(": unexpected key \"%1\"").arg(it.key());
        }
    }
}

} // namespace ad::test
