// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The report tests' case: tests/data/report-case imported into a fresh store, plus one recorded
// decision, and the subscriber addresses / IPs the fixture contains (for the redaction checks).

#include "audit/decisionservice.h"
#include "bundle/importer.h"
#include "rules/policy.h"
#include "store/casestore.h"
#include "util/clock.h"
#include "util/timeutil.h"

#include <QStringList>
#include <QTemporaryDir>
#include <memory>

namespace ad::test {

struct ReportFixture
{
    QTemporaryDir dir;
    std::unique_ptr<CaseStore> store;
    rules::Policy policy = rules::Policy::builtin(QStringLiteral("optimais"));
    QString bundle = QStringLiteral(ABUSEDESK_TEST_DATA "/report-case");

    ReportFixture()
    {
        store = std::make_unique<CaseStore>(dir.filePath(QStringLiteral("cases.sqlite")));
        bundle::ImportOptions o;
        o.reviewer = QStringLiteral("tester");
        o.now = *time::parseIso(u"2026-11-21T08:00:00Z");
        bundle::importBundle(*store, bundle, o);
        FixedClock clock(*time::parseIso(u"2026-11-21T09:00:00Z"));
        DecisionService decisions(*store, policy, clock);
        DecisionRequest r;
        r.accountId = QStringLiteral("A1001");
        r.action = Action::Warn;
        r.rationale =
            QStringLiteral("First formal warning about complaints and list sources; customer informed by "
                           "the reviewer.");
        r.reviewer = QStringLiteral("rina");
        decisions.decide(r, *time::parseIso(u"2026-11-20T00:00:00Z"));
    }

    QString dbPath() const { return store->path(); }

    // Every subscriber address and IP address the fixture's A1001 case holds, in any file.
    static QStringList subscriberAddresses()
    {
        return {QStringLiteral("alice@gmail.com"),
                QStringLiteral("bob@gmial.com"),
                QStringLiteral("frank.offline@example.com"),
                QStringLiteral("gina.buyer@example.com"),
                QStringLiteral("hank@example.com"),
                QStringLiteral("dana.subscriber@example.com"),
                QStringLiteral("dana.subscriber%40example.com"),
                QStringLiteral("x1@yahoo.example"),
                QStringLiteral("x2@example.org"),
                QStringLiteral("x3@yahoo.example"),
                QStringLiteral("ivan.complainer@example.com"),
                QStringLiteral("temp@mailinator.com"),
                QStringLiteral("info@brightdeals-partner.example"),
                QStringLiteral("dana=example.com")};
    }
    static QStringList ipAddresses()
    {
        return {QStringLiteral("198.51.100.7"),
                QStringLiteral("198.51.100.23"),
                QStringLiteral("203.0.113.77"),
                QStringLiteral("192.0.2.44"),
                QStringLiteral("192.0.2.10"),
                QStringLiteral("203.0.113.5"),
                QStringLiteral("198.51.100.99"),
                QStringLiteral("2001:db8::42"),
                QStringLiteral("2001:db8:85a3::8a2e:370:7334")};
    }
};

} // namespace ad::test
