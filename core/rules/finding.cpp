// SPDX-License-Identifier: GPL-3.0-or-later
#include "rules/finding.h"

#include "util/timeutil.h"

#include <QJsonArray>

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

} // namespace ad::rules
