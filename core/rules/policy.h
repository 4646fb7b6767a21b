// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/types.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <optional>

namespace ad::rules {

// A policy is data (resources/policies/<id>.json, format documented in resources/policies/README.md):
// id, version, title, per-rule settings (enabled, severity, clause, parameters), word lists, domains.
class Policy
{
public:
    // Loads and validates; throws ad::Error (Kind::Input) naming the file and the bad field:
    // malformed JSON, unknown rule id, missing field, bad threshold (negative, share > 1, wrong type).
    static Policy fromFile(const QString& path);
    static Policy fromJson(const QByteArray& json, const QString& sourceName);
    // A shipped policy by id ("optimais", "mailbox-providers") from resources/policies/.
    static Policy builtin(const QString& id);
    // Ids of the shipped policies.
    static QStringList builtinIds();

    QString id() const { return m_id; }
    QString version() const { return m_version; }
    QString title() const { return m_title; }
    QString sourcePath() const { return m_source; }

    struct RuleSettings
    {
        bool enabled = true;
        Severity severity = Severity::Info;
        QString clause;
        QJsonObject params; // rule-specific parameters (thresholds, windows…)
    };
    // Settings of a rule; nullptr when the policy does not configure it (the rule is then off).
    const RuleSettings* rule(const QString& ruleId) const;

    // Typed parameter access with defaults (params of the rule, then the policy's "defaults" object).
    double number(const QString& ruleId, const QString& key, double fallback) const;
    // A rule parameter as given (params of the rule, then "defaults"); undefined when absent.
    QJsonValue param(const QString& ruleId, const QString& key) const;
    // The same for settings already looked up (this policy's rule(ruleId)): no lookup of the rule id.
    QJsonValue param(const RuleSettings& settings, const QString& key) const;
    QStringList strings(const QString& key) const; // top-level lists: role_local_parts, platform_domains…

    // Decisions: whether terminate needs a second, different reviewer (policy
    // "decisions.terminate_requires_second_reviewer").
    bool terminateNeedsSecondReviewer() const { return m_secondReviewer; }

    const QJsonObject& raw() const { return m_raw; }

private:
    QString m_id, m_version, m_title, m_source;
    QHash<QString, RuleSettings> m_rules;
    QJsonObject m_raw;
    QJsonObject m_defaults; // m_raw's "defaults", looked up once (param() runs per rule and account)
    bool m_secondReviewer = true;
};

} // namespace ad::rules
