// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One rule of the catalogue (../shared/spec/policy-rules.md). Every rule is one class in its own file
// core/rules/catalogue/<rule-id>.cpp, registered with one line in core/rules/registry.cpp.
// A rule reads only its RuleContext: the account snapshot, the as-of time, the policy (its settings and
// parameters) and, for the multi-account rules, the overlap index. It never reads the clock or the store.

#include "domain/snapshot.h"
#include "rules/finding.h"
#include "rules/policy.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QSet>
#include <QString>
#include <QStringList>
#include <memory>

namespace ad::rules {

class OverlapIndex;

// A rule parameter the policy file may set (validated by the policy loader).
struct ParamSpec
{
    enum class Type
    {
        Share,    // number in [0, 1]
        Count,    // non-negative integer
        Days,     // non-negative integer (days)
        Compare,  // "gt", "ge", "lt" or "le"
        Severity, // "info", "warn", "suspend", "terminate"
        Strings,  // array of strings
        Levels,   // array of {"severity", "threshold" (share), "compare"}
        Choice,   // one string of `choices`
    };
    QString key;
    Type type;
    QStringList choices = {};
};

// What the policy compiles to once per evaluator (patterns, sets), shared by every evaluation.
struct PreparedPolicy
{
    struct Category
    {
        QString name;
        QList<QRegularExpression> patterns;
    };
    QSet<QString> roleLocalParts;      // lower-case
    QList<Category> restrictedContent; // in policy order
    QStringList unsubscribeKeywords;   // lower-case
    QStringList platformDomains;       // lower-case
    QStringList linkHostAllowList;     // lower-case

    explicit PreparedPolicy(const Policy& policy);
    // True when `host` is one of `domains` or a subdomain of one.
    static bool hostIn(const QString& host, const QStringList& domains);
};

// One rule's parameters resolved once (Evaluator: per enabled rule): every key of its "params" and of
// the policy's "defaults", as Policy::param(settings, key) gives it, already converted the way
// RuleContext's accessors return it — instead of a QJsonObject search and a QStringList built per
// account and call.
struct ResolvedParams
{
    struct Value
    {
        bool isDouble = false, isString = false, isArray = false;
        double number = 0;
        QString text;
        QStringList strings; // an array's elements, QJsonValue::toString() each
    };
    ResolvedParams(const Policy& policy, const Policy::RuleSettings& settings);
    const Value* find(const QString& key) const
    {
        const auto it = m_values.constFind(key);
        return it == m_values.constEnd() ? nullptr : &it.value();
    }

private:
    QHash<QString, Value> m_values;
};

struct RuleContext
{
    const AccountSnapshot& snapshot;
    const QDateTime& asOf;
    const Policy& policy;
    const Policy::RuleSettings& settings;
    const QString& ruleId;
    const PreparedPolicy& prepared;
    const OverlapIndex* overlap; // null: multi-account rules do not run
    // `settings` resolved (same values); null: number/text/strings ask the policy.
    const ResolvedParams* params = nullptr;

    // Parameters of this rule (settings is policy.rule(ruleId)), then the policy's "defaults".
    double number(const QString& key, double fallback) const
    {
        if (params) {
            const ResolvedParams::Value* v = params->find(key);
            return v && v->isDouble ? v->number : fallback;
        }
        const QJsonValue v = policy.param(settings, key);
        return v.isDouble() ? v.toDouble() : fallback;
    }
    QString text(const QString& key, const QString& fallback) const;
    QStringList strings(const QString& key, const QStringList& fallback) const;
    // A finding with rule, clause and severity filled from the policy.
    Finding finding() const;
};

class Rule
{
public:
    virtual ~Rule() = default;
    virtual QString id() const = 0;
    // The parameters this rule reads from its "params" object (and from "defaults").
    virtual QList<ParamSpec> params() const { return {}; }
    // Top-level word lists of the policy the rule needs when enabled (missing → policy refused).
    virtual QStringList requiredLists() const { return {}; }
    // True for the rules that need the cross-account overlap index.
    virtual bool needsOverlap() const { return false; }
    // The findings of this rule for the context's account, sorted by evidence id; empty when it does not
    // fire.
    virtual QList<Finding> evaluate(const RuleContext& context) const = 0;
};

} // namespace ad::rules
