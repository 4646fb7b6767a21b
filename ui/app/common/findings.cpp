// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/findings.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ad::ui {

QList<rules::Finding> findingsFromJson(const QString& findingsJson)
{
    QList<rules::Finding> out;
    const QJsonDocument doc = QJsonDocument::fromJson(findingsJson.toUtf8());
    const QJsonArray arr =
        doc.isArray() ? doc.array() : doc.object().value(QStringLiteral("findings")).toArray();
    for (const QJsonValue& v : arr) {
        const QJsonObject o = v.toObject();
        rules::Finding f;
        f.rule = o.value(QStringLiteral("rule")).toString();
        f.clause = o.value(QStringLiteral("clause")).toString();
        f.severity =
            severityFromString(o.value(QStringLiteral("severity")).toString()).value_or(Severity::Info);
        f.summary = o.value(QStringLiteral("summary")).toString();
        f.toClear = o.value(QStringLiteral("to_clear")).toString();
        f.evidence = o.value(QStringLiteral("evidence")).toObject();
        out.append(f);
    }
    return out;
}

static void collectIds(const QJsonValue& v, QList<qint64>& out)
{
    if (v.isArray()) {
        for (const QJsonValue& e : v.toArray()) {
            if (e.isObject())
                collectIds(e.toObject().value(QStringLiteral("id")), out);
            else
                collectIds(e, out);
        }
    } else if (v.isDouble()) {
        out.append(static_cast<qint64>(v.toDouble()));
    } else if (v.isString()) {
        bool ok = false;
        const qint64 id = v.toString().toLongLong(&ok);
        if (ok)
            out.append(id);
    }
}

QList<qint64> evidenceIds(const rules::Finding& f)
{
    QList<qint64> ids;
    collectIds(f.evidence.value(QStringLiteral("evidence_ids")), ids);
    return ids;
}

QStringList linkedAccounts(const rules::Finding& f)
{
    QStringList out;
    auto add = [&](const QJsonValue& v) {
        if (v.isString() && !v.toString().isEmpty() && !out.contains(v.toString()))
            out.append(v.toString());
    };
    for (const QString& key : {QStringLiteral("accounts"), QStringLiteral("account_ids"),
                               QStringLiteral("other_accounts"), QStringLiteral("overlaps")}) {
        const QJsonValue v = f.evidence.value(key);
        if (v.isArray()) {
            for (const QJsonValue& e : v.toArray()) {
                if (e.isObject()) {
                    const QJsonObject o = e.toObject();
                    add(o.contains(QStringLiteral("account_id")) ? o.value(QStringLiteral("account_id"))
                                                                 : o.value(QStringLiteral("account")));
                } else {
                    add(e);
                }
            }
        } else {
            add(v);
        }
    }
    for (const QString& key : {QStringLiteral("account"), QStringLiteral("other_account")})
        add(f.evidence.value(key));
    return out;
}

static QString consentInvalidDetail(const EvidenceRow& e)
{
    if (e.method == QLatin1String("none"))
        return QCoreApplication::translate("ad::ui::EvidenceTab", "method \"none\": no permission recorded");
    if (e.method == QLatin1String("checkbox") && e.checkboxDefault == QLatin1String("checked"))
        return QCoreApplication::translate("ad::ui::EvidenceTab", "the consent box was pre-checked");
    if (e.method == QLatin1String("offline_form") && !e.emailContactExplained.value_or(false))
        return QCoreApplication::translate("ad::ui::EvidenceTab",
                                           "the offline form did not say the person would be e-mailed");
    if (e.method == QLatin1String("purchase"))
        return e.lastPurchaseAt.isValid()
                   ? QCoreApplication::translate("ad::ui::EvidenceTab",
                                                 "last purchase %1 is more than 2 years ago")
                         .arg(e.lastPurchaseAt.date().toString(Qt::ISODate))
                   : QCoreApplication::translate("ad::ui::EvidenceTab", "purchase without a purchase date");
    return QCoreApplication::translate("ad::ui::EvidenceTab", "not valid permission");
}

static QString unprovableDetail(const EvidenceRow& e)
{
    QStringList missing;
    if (!e.consentAt.isValid())
        missing << QCoreApplication::translate("ad::ui::EvidenceTab", "no consent time");
    if (e.source.isEmpty())
        missing << QCoreApplication::translate("ad::ui::EvidenceTab", "no source");
    return missing.isEmpty() ? QCoreApplication::translate("ad::ui::EvidenceTab", "consent cannot be proven")
                             : missing.join(QStringLiteral(", "));
}

static QString staleDetail(const EvidenceRow& e)
{
    if (e.lastContactedAt.isValid())
        return QCoreApplication::translate("ad::ui::EvidenceTab", "last contacted %1, more than 2 years ago")
            .arg(e.lastContactedAt.date().toString(Qt::ISODate));
    return QCoreApplication::translate("ad::ui::EvidenceTab",
                                       "never contacted since consent on %1, more than 2 years ago")
        .arg(e.consentAt.isValid() ? e.consentAt.date().toString(Qt::ISODate) : QStringLiteral("—"));
}

QHash<qint64, QStringList> invalidEvidenceReasons(const QList<rules::Finding>& findings,
                                                  const QList<EvidenceRow>& rows)
{
    QHash<qint64, const EvidenceRow*> byId;
    for (const EvidenceRow& e : rows)
        byId.insert(e.id, &e);
    QHash<qint64, QStringList> out;
    for (const rules::Finding& f : findings) {
        QString (*detail)(const EvidenceRow&) = nullptr;
        if (f.rule == QLatin1String("consent-invalid"))
            detail = consentInvalidDetail;
        else if (f.rule == QLatin1String("consent-unprovable"))
            detail = unprovableDetail;
        else if (f.rule == QLatin1String("stale-contact"))
            detail = staleDetail;
        else
            continue;
        for (qint64 id : evidenceIds(f)) {
            const EvidenceRow* row = byId.value(id);
            if (!row)
                continue;
            const QString text = QStringLiteral("%1 (%2)").arg(detail(*row), f.rule);
            QStringList& list = out[id];
            if (!list.contains(text))
                list.append(text);
        }
    }
    return out;
}

const QStringList& ruleCatalogue()
{
    static const QStringList ids{QStringLiteral("complaint-rate"),
                                 QStringLiteral("bounce-rate"),
                                 QStringLiteral("unsubscribe-rate"),
                                 QStringLiteral("open-rate"),
                                 QStringLiteral("complaint-received"),
                                 QStringLiteral("complaint-after-warning"),
                                 QStringLiteral("list-source-forbidden"),
                                 QStringLiteral("list-source-unknown"),
                                 QStringLiteral("consent-invalid"),
                                 QStringLiteral("consent-unprovable"),
                                 QStringLiteral("stale-contact"),
                                 QStringLiteral("role-address"),
                                 QStringLiteral("list-invalid-addresses"),
                                 QStringLiteral("list-disposable-domains"),
                                 QStringLiteral("list-typo-domains"),
                                 QStringLiteral("unsubscribe-link-missing"),
                                 QStringLiteral("one-click-unsubscribe-missing"),
                                 QStringLiteral("postal-address-missing"),
                                 QStringLiteral("link-text-mismatch"),
                                 QStringLiteral("authentication-failed"),
                                 QStringLiteral("restricted-content"),
                                 QStringLiteral("multi-account-overlap"),
                                 QStringLiteral("suspension-evasion"),
                                 QStringLiteral("proof-request-expired")};
    return ids;
}

} // namespace ad::ui
