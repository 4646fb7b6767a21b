// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Builders shared by the rules tests: hand-built snapshots (no store needed).

#include "domain/snapshot.h"
#include "rules/evaluator.h"
#include "rules/overlap.h"
#include "rules/policy.h"
#include "util/timeutil.h"

#include <QTest>

namespace rt {

inline QDateTime T(const char* iso)
{
    const auto t = ad::time::parseIso(QString::fromLatin1(iso));
    if (!t)
        qFatal("bad test time %s", iso);
    return *t;
}

// The default evaluation time of these tests.
inline QDateTime asOf()
{
    return T("2026-11-20T00:00:00Z");
}

inline ad::AccountSnapshot account(const QString& id = QStringLiteral("A1"))
{
    ad::AccountSnapshot s;
    s.account.id = id;
    s.account.name = QStringLiteral("Shop ") + id;
    s.account.ownerEmail = QStringLiteral("owner@") + id.toLower() + QStringLiteral(".example");
    s.account.signupAt = T("2024-01-01T00:00:00Z");
    return s;
}

inline ad::Campaign campaign(const QString& id, qint64 sent, qint64 delivered, qint64 bounces,
                             qint64 complaints, qint64 unsubscribes, qint64 opens)
{
    ad::Campaign c;
    c.accountId = QStringLiteral("A1");
    c.campaignId = id;
    c.sentAt = T("2026-11-01T10:00:00Z");
    c.sent = sent;
    c.delivered = delivered;
    c.bounces = bounces;
    c.complaints = complaints;
    c.unsubscribes = unsubscribes;
    c.uniqueOpens = opens;
    return c;
}

inline ad::Complaint complaint(qint64 id, const QDateTime& at, const QString& type = QStringLiteral("abuse"))
{
    ad::Complaint c;
    c.id = id;
    c.accountId = QStringLiteral("A1");
    c.receivedAt = at;
    c.recipient = QStringLiteral("r%1@example.net").arg(id);
    c.feedbackType = type;
    c.origin = QStringLiteral("csv");
    return c;
}

inline ad::HistoryEntry history(qint64 id, const QDateTime& at, ad::Action a)
{
    ad::HistoryEntry h;
    h.id = id;
    h.accountId = QStringLiteral("A1");
    h.at = at;
    h.action = a;
    h.by = QStringLiteral("platform");
    return h;
}

inline ad::EvidenceRow evidence(qint64 id, const QString& method)
{
    ad::EvidenceRow e;
    e.id = id;
    e.accountId = QStringLiteral("A1");
    e.listId = QStringLiteral("L1");
    e.subscriber = QStringLiteral("person%1@example.net").arg(id);
    e.method = method;
    e.consentAt = T("2026-01-01T00:00:00Z");
    e.source = QStringLiteral("https://shop.example/signup");
    e.lastContactedAt = T("2026-10-01T00:00:00Z");
    if (method == u"checkbox")
        e.checkboxDefault = QStringLiteral("unchecked");
    if (method == u"offline_form")
        e.emailContactExplained = true;
    if (method == u"purchase")
        e.lastPurchaseAt = T("2026-01-01T00:00:00Z");
    return e;
}

// A compliant message: unsubscribe link, one-click, authenticated.
inline ad::StoredMessage message(qint64 id,
                                 const QString& text = QStringLiteral("Our autumn sale starts today."))
{
    ad::StoredMessage m;
    m.id = id;
    m.accountId = QStringLiteral("A1");
    m.campaignId = QStringLiteral("C1");
    m.from = QStringLiteral("Shop <news@shop.example>");
    m.subject = QStringLiteral("Autumn sale");
    m.text = text;
    m.links = {{QStringLiteral("Unsubscribe"), QStringLiteral("https://shop.example/unsub?u=1")}};
    m.linkDomains = {QStringLiteral("shop.example")};
    m.listUnsubscribe = {QStringLiteral("<https://shop.example/unsub?u=1>")};
    m.oneClickUnsubscribe = true;
    m.spf = QStringLiteral("pass");
    m.dkim = QStringLiteral("pass");
    m.dmarc = QStringLiteral("pass");
    return m;
}

inline QList<ad::rules::Finding> findings(const ad::rules::Evaluation& e, const QString& rule)
{
    QList<ad::rules::Finding> out;
    for (const auto& f : e.findings) {
        if (f.rule == rule)
            out << f;
    }
    return out;
}

} // namespace rt
