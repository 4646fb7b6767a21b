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
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

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

// A pre-check for the restricted-content patterns: a literal that every match of a pattern must contain,
// looked for in the message text folded once, so that a pattern whose literal is absent is not run.
// PCRE2 (caseless, UTF, UCP) matches an ASCII character caselessly with its other ASCII case and, beyond
// ASCII, only U+212A KELVIN SIGN with k/K and U+017F LATIN SMALL LETTER LONG S with s/S (simple case
// folding, one code point for one: "ß" never matches "ss"); every other code point matches only itself.
// So the folding below maps a UTF-16 code unit to one byte such that a code unit matches an ASCII pattern
// character caselessly exactly when their folds are equal (test_rules_cpu checks this over every code
// point against QRegularExpression).
namespace literal {

// ASCII lower-cased; U+212A -> 'k', U+017F -> 's'; any other non-ASCII code unit (surrogates included)
// -> 0x80, which no literal contains.
inline char fold(char16_t u)
{
    if (u < 0x80)
        return (u >= u'A' && u <= u'Z') ? char(u + 32) : char(u);
    if (u == 0x212A)
        return 'k';
    if (u == 0x017F)
        return 's';
    return char(0x80);
}
// Appends fold() of every code unit of `s` to `out`.
void appendFolded(std::string& out, QStringView s);

// The longest run of literal characters that every match of `pattern` (compiled case-insensitive with
// Unicode properties) must contain, folded; empty when none of at least 4 characters can be derived
// with certainty. Only patterns made of ASCII letters, digits, space and non-meta punctuation, escaped
// punctuation, \b \B \w \W \s \S \d \D, "." "^" "$", groups "(" / "(?:" and the quantifiers ? * + are
// read; anything else (classes [..], {n,m}, other (? or (* constructs, \Q, other escapes, control or
// non-ASCII characters) gives no literal, and so does a "|" outside every group. Only the top level is
// used: a character followed by ? or * is optional (dropped), one followed by + ends the run after it.
QByteArray requiredLiteral(const QString& pattern);

// Several literals (from requiredLiteral, at least 4 bytes) found in one pass over a folded text: each
// position's 4-byte key is looked up in a table hashed from the literals' first 4 bytes, a hit compared
// in full.
class Set
{
public:
    Set();
    // Adds `literal` and returns its index for scan's flags; -1 (not added) when it is shorter than 4 bytes.
    int add(const QByteArray& literal);
    int count() const { return int(m_literals.size()); }
    // found[i] = 1 for each literal i that occurs in `folded`, 0 otherwise (found is resized to count()).
    void scan(std::string_view folded, std::vector<char>& found) const;

private:
    static constexpr int kBits = 12;
    static std::uint32_t bucket(std::uint32_t key) { return (key * 0x9E3779B1u) >> (32 - kBits); }
    void rebuild();
    std::vector<std::string> m_literals;
    std::vector<std::uint32_t> m_keys;  // first 4 bytes, little-endian as scan reads them
    std::vector<std::uint16_t> m_start; // bucket -> first entry in m_order (size 2^kBits + 1)
    std::vector<std::uint16_t> m_order; // literal indices sorted by bucket
};

} // namespace literal

// What the policy compiles to once per evaluator (patterns, sets), shared by every evaluation.
struct PreparedPolicy
{
    struct Category
    {
        QString name;
        QList<QRegularExpression> patterns;
        // Per pattern: the index in restrictedLiterals of a literal every match contains, or -1 (the
        // pattern is always run).
        QList<int> literals;
    };
    QSet<QString> roleLocalParts;                 // lower-case
    std::vector<std::string> roleLocalPartsAscii; // those of roleLocalParts that are ASCII, sorted
    QList<Category> restrictedContent;            // in policy order
    literal::Set restrictedLiterals;              // of restrictedContent's patterns
    QStringList unsubscribeKeywords;              // lower-case
    QStringList platformDomains;                  // lower-case
    QStringList linkHostAllowList;                // lower-case

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
