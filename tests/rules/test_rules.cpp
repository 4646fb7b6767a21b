// SPDX-License-Identifier: GPL-3.0-or-later
// Rule catalogue tests with hand-built snapshots: every rule at, just over and just under its
// thresholds, the complaint ladder, the consent split and the JSON shape.
#include "rules/registry.h"
#include "rules/ruleutil.h"
#include "rulestest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <optional>

using namespace ad;
using namespace ad::rules;
using namespace rt;

class TestRules : public QObject
{
    Q_OBJECT

    std::optional<Policy> optimais, providers;

    Evaluation eval(const AccountSnapshot& s, const QDateTime& at = rt::asOf(), const Policy* p = nullptr)
    {
        Evaluator ev(p ? *p : *optimais);
        return ev.evaluate(s, at, nullptr);
    }

private Q_SLOTS:
    void initTestCase()
    {
        optimais = Policy::builtin(QStringLiteral("optimais"));
        providers = Policy::builtin(QStringLiteral("mailbox-providers"));
    }

    void catalogueIsComplete()
    {
        const QStringList ids{"complaint-rate",
                              "bounce-rate",
                              "unsubscribe-rate",
                              "open-rate",
                              "complaint-received",
                              "complaint-after-warning",
                              "list-source-forbidden",
                              "list-source-unknown",
                              "consent-invalid",
                              "consent-unprovable",
                              "stale-contact",
                              "role-address",
                              "list-invalid-addresses",
                              "list-disposable-domains",
                              "list-typo-domains",
                              "unsubscribe-link-missing",
                              "one-click-unsubscribe-missing",
                              "postal-address-missing",
                              "link-text-mismatch",
                              "authentication-failed",
                              "restricted-content",
                              "multi-account-overlap",
                              "suspension-evasion",
                              "proof-request-expired"};
        QCOMPARE(catalogueIds(), ids);
        for (const QString& id : ids) {
            QVERIFY2(optimais->rule(id), qPrintable(id));
            QVERIFY2(providers->rule(id), qPrintable(id));
        }
    }

    void defaultSeverities()
    {
        const QHash<QString, Severity> expected{{"complaint-rate", Severity::Suspend},
                                                {"bounce-rate", Severity::Suspend},
                                                {"unsubscribe-rate", Severity::Suspend},
                                                {"open-rate", Severity::Suspend},
                                                {"complaint-received", Severity::Warn},
                                                {"complaint-after-warning", Severity::Suspend},
                                                {"list-source-forbidden", Severity::Terminate},
                                                {"list-source-unknown", Severity::Warn},
                                                {"consent-invalid", Severity::Terminate},
                                                {"consent-unprovable", Severity::Warn},
                                                {"stale-contact", Severity::Suspend},
                                                {"role-address", Severity::Warn},
                                                {"list-invalid-addresses", Severity::Warn},
                                                {"list-disposable-domains", Severity::Warn},
                                                {"list-typo-domains", Severity::Info},
                                                {"unsubscribe-link-missing", Severity::Warn},
                                                {"one-click-unsubscribe-missing", Severity::Info},
                                                {"postal-address-missing", Severity::Warn},
                                                {"link-text-mismatch", Severity::Info},
                                                {"authentication-failed", Severity::Info},
                                                {"restricted-content", Severity::Info},
                                                {"multi-account-overlap", Severity::Suspend},
                                                {"suspension-evasion", Severity::Terminate},
                                                {"proof-request-expired", Severity::Terminate}};
        for (auto it = expected.begin(); it != expected.end(); ++it)
            QCOMPARE(ad::toString(optimais->rule(it.key())->severity), ad::toString(it.value()));
        QCOMPARE(optimais->rule("complaint-rate")->clause, QStringLiteral("Account Suspension"));
        QVERIFY(optimais->terminateNeedsSecondReviewer());
        QCOMPARE(ad::toString(providers->rule("one-click-unsubscribe-missing")->severity),
                 ad::toString(Severity::Warn));
    }

    void cleanAccountHasNoFindings()
    {
        AccountSnapshot s = account();
        s.account.postalAddress = QStringLiteral("Jl. Sudirman 5, Jakarta");
        s.campaigns << campaign("C1", 1000, 990, 10, 1, 5, 300);
        s.evidence << evidence(1, "signup_form") << evidence(2, "double_opt_in");
        s.messages << message(1, "Sale today. Jl. Sudirman 5, Jakarta");
        const Evaluation e = eval(s);
        QVERIFY2(e.findings.isEmpty(),
                 qPrintable(e.findings.isEmpty() ? QString() : e.findings.first().summary));
        QCOMPARE(ad::toString(e.recommended), ad::toString(Action::None));
        QCOMPARE(e.policyId, QStringLiteral("optimais"));
    }

    // ---- per-campaign rates ----------------------------------------------------------------------
    void rates_data()
    {
        QTest::addColumn<QString>("policy");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<qint64>("sent");
        QTest::addColumn<qint64>("delivered");
        QTest::addColumn<qint64>("count");
        QTest::addColumn<QString>("severity"); // "" = does not fire
        // complaint-rate: > 0.2 % of delivered, min_volume 500 delivered
        QTest::newRow("complaints exactly 0.2%") << "optimais"
                                                 << "complaint-rate" << 20000LL << 20000LL << 40LL << "";
        QTest::newRow("complaints just over") << "optimais"
                                              << "complaint-rate" << 20000LL << 20000LL << 41LL << "suspend";
        QTest::newRow("complaints just under") << "optimais"
                                               << "complaint-rate" << 20000LL << 20000LL << 39LL << "";
        QTest::newRow("complaints min_volume at") << "optimais"
                                                  << "complaint-rate" << 600LL << 500LL << 2LL << "suspend";
        QTest::newRow("complaints min_volume below") << "optimais"
                                                     << "complaint-rate" << 600LL << 499LL << 5LL << "";
        // bounce-rate: > 5 % of sent, min_volume on sent
        QTest::newRow("bounces exactly 5%") << "optimais"
                                            << "bounce-rate" << 1000LL << 950LL << 50LL << "";
        QTest::newRow("bounces just over") << "optimais"
                                           << "bounce-rate" << 1000LL << 949LL << 51LL << "suspend";
        QTest::newRow("bounces just under") << "optimais"
                                            << "bounce-rate" << 1000LL << 951LL << 49LL << "";
        QTest::newRow("bounces min_volume at") << "optimais"
                                               << "bounce-rate" << 500LL << 400LL << 100LL << "suspend";
        QTest::newRow("bounces min_volume below") << "optimais"
                                                  << "bounce-rate" << 499LL << 399LL << 100LL << "";
        // unsubscribe-rate: > 1 % of delivered
        QTest::newRow("unsubscribes exactly 1%") << "optimais"
                                                 << "unsubscribe-rate" << 1000LL << 1000LL << 10LL << "";
        QTest::newRow("unsubscribes just over")
            << "optimais"
            << "unsubscribe-rate" << 1000LL << 1000LL << 11LL << "suspend";
        QTest::newRow("unsubscribes below min_volume")
            << "optimais"
            << "unsubscribe-rate" << 1000LL << 499LL << 100LL << "";
        // open-rate: < 3 % of delivered
        QTest::newRow("opens exactly 3%") << "optimais"
                                          << "open-rate" << 1000LL << 1000LL << 30LL << "";
        QTest::newRow("opens just under") << "optimais"
                                          << "open-rate" << 1000LL << 1000LL << 29LL << "suspend";
        QTest::newRow("opens just over") << "optimais"
                                         << "open-rate" << 1000LL << 1000LL << 31LL << "";
        QTest::newRow("opens below min_volume") << "optimais"
                                                << "open-rate" << 1000LL << 499LL << 0LL << "";
        // mailbox-providers: complaints warn at >= 0.1 %, suspend at >= 0.3 %
        QTest::newRow("mp complaints at 0.1%") << "mailbox-providers"
                                               << "complaint-rate" << 10000LL << 10000LL << 10LL << "warn";
        QTest::newRow("mp complaints under 0.1%") << "mailbox-providers"
                                                  << "complaint-rate" << 10000LL << 10000LL << 9LL << "";
        QTest::newRow("mp complaints under 0.3%") << "mailbox-providers"
                                                  << "complaint-rate" << 10000LL << 10000LL << 29LL << "warn";
        QTest::newRow("mp complaints at 0.3%") << "mailbox-providers"
                                               << "complaint-rate" << 10000LL << 10000LL << 30LL << "suspend";
        // mailbox-providers: hard bounces warn >= 2 %, suspend >= 5 %, terminate >= 10 %
        QTest::newRow("mp hard bounces under 2%") << "mailbox-providers"
                                                  << "bounce-rate" << 1000LL << 900LL << 19LL << "";
        QTest::newRow("mp hard bounces at 2%") << "mailbox-providers"
                                               << "bounce-rate" << 1000LL << 900LL << 20LL << "warn";
        QTest::newRow("mp hard bounces at 5%") << "mailbox-providers"
                                               << "bounce-rate" << 1000LL << 900LL << 50LL << "suspend";
        QTest::newRow("mp hard bounces under 10%") << "mailbox-providers"
                                                   << "bounce-rate" << 1000LL << 900LL << 99LL << "suspend";
        QTest::newRow("mp hard bounces at 10%") << "mailbox-providers"
                                                << "bounce-rate" << 1000LL << 880LL << 100LL << "terminate";
    }
    void rates()
    {
        QFETCH(QString, policy);
        QFETCH(QString, rule);
        QFETCH(qint64, sent);
        QFETCH(qint64, delivered);
        QFETCH(qint64, count);
        QFETCH(QString, severity);
        Campaign c = campaign("C7", sent, delivered, 0, 0, 0, delivered);
        if (rule == u"complaint-rate")
            c.complaints = count;
        else if (rule == u"bounce-rate") {
            c.bounces = count;
            c.hardBounces = count;
        } else if (rule == u"unsubscribe-rate")
            c.unsubscribes = count;
        else
            c.uniqueOpens = count;
        AccountSnapshot s = account();
        s.campaigns << c;
        const Policy& p = policy == u"optimais" ? *optimais : *providers;
        const auto f = findings(eval(s, rt::asOf(), &p), rule);
        if (severity.isEmpty()) {
            QVERIFY2(f.isEmpty(), qPrintable(f.isEmpty() ? QString() : f.first().summary));
            return;
        }
        QCOMPARE(f.size(), 1);
        QCOMPARE(toString(f.first().severity), severity);
        QCOMPARE(f.first().evidence.value("campaign_id").toString(), QStringLiteral("C7"));
        QVERIFY(!f.first().toClear.isEmpty());
    }

    void rateSummaryHasTheNumbers()
    {
        AccountSnapshot s = account();
        s.campaigns << campaign("C7", 20500, 20000, 500, 62, 0, 5000);
        const auto f = findings(eval(s), "complaint-rate");
        QCOMPARE(f.size(), 1);
        QCOMPARE(f.first().summary,
                 QStringLiteral("campaign C7: 0.31% spam complaints (62 of 20,000 delivered) > 0.2%"));
        QCOMPARE(f.first().toClear, QStringLiteral("complaints must be ≤ 40 of 20,000 delivered"));
        QCOMPARE(f.first().clause, QStringLiteral("Account Suspension"));
        QCOMPARE(f.first().evidence.value("value").toDouble(), 0.0031);
        QCOMPARE(f.first().evidence.value("threshold").toDouble(), 0.002);
        QCOMPARE(f.first().evidence.value("complaints").toInteger(), 62);
        QCOMPARE(f.first().evidence.value("delivered").toInteger(), 20000);
    }

    // The rate findings come in natural campaign-id order whatever the snapshot's order, with campaigns
    // that reach no level (or are unsent, or below min_volume) in between.
    void rateFindingsInNaturalCampaignOrder()
    {
        AccountSnapshot s = account();
        const QStringList ids{"C10", "c2", "C2", "C9", "C02", "X", "C1", "C100", "C010"};
        for (qsizetype i = 0; i < ids.size(); ++i) {
            // every other campaign complains above the threshold
            Campaign c = campaign(ids[i], 10000, 10000, 0, i % 2 ? 0 : 50, 0, 5000);
            s.campaigns << c;
        }
        s.campaigns << campaign("C3", 100, 100, 0, 50, 0, 50); // below min_volume
        Campaign later = campaign("C4", 10000, 10000, 0, 50, 0, 5000);
        later.sentAt = rt::asOf().addDays(1); // not yet sent
        s.campaigns << later;
        QStringList firing;
        for (qsizetype i = 0; i < ids.size(); i += 2)
            firing << ids[i];
        std::sort(firing.begin(), firing.end(), ad::rules::util::naturalLess);
        QCOMPARE(firing, (QStringList{"C1", "C02", "C2", "C010", "C10"}));
        for (int round = 0; round < 3; ++round) {
            std::reverse(s.campaigns.begin(), s.campaigns.end());
            if (round == 2)
                std::rotate(s.campaigns.begin(), s.campaigns.begin() + 4, s.campaigns.end());
            const auto f = findings(eval(s), "complaint-rate");
            QStringList got;
            for (const auto& x : f)
                got << x.evidence.value("campaign_id").toString();
            QCOMPARE(got, firing);
        }
    }

    void openRateToClear()
    {
        AccountSnapshot s = account();
        s.campaigns << campaign("C1", 1000, 1000, 0, 0, 0, 12);
        const auto f = findings(eval(s), "open-rate");
        QCOMPARE(f.size(), 1);
        QCOMPARE(f.first().summary,
                 QStringLiteral("campaign C1: 1.2% unique opens (12 of 1,000 delivered) < 3%"));
        QCOMPARE(f.first().toClear, QStringLiteral("unique opens must be ≥ 30 of 1,000 delivered"));
    }

    void providersToClearUsesLowestLevel()
    {
        AccountSnapshot s = account();
        s.campaigns << campaign("C1", 10000, 10000, 0, 35, 0, 5000);
        const auto f = findings(eval(s, rt::asOf(), &*providers), "complaint-rate");
        QCOMPARE(f.size(), 1);
        QCOMPARE(ad::toString(f.first().severity), ad::toString(Severity::Suspend));
        QCOMPARE(f.first().summary,
                 QStringLiteral("campaign C1: 0.35% spam complaints (35 of 10,000 delivered) ≥ 0.3%"));
        QCOMPARE(f.first().toClear, QStringLiteral("complaints must be ≤ 9 of 10,000 delivered"));
    }

    void hardBouncesFallBackToBounces()
    {
        AccountSnapshot s = account();
        s.campaigns << campaign("C1", 1000, 900, 60, 0, 0, 500); // no hard_bounces figure
        const auto f = findings(eval(s, rt::asOf(), &*providers), "bounce-rate");
        QCOMPARE(f.size(), 1);
        QCOMPARE(ad::toString(f.first().severity), ad::toString(Severity::Suspend));
        QVERIFY(f.first().summary.contains("hard bounces not exported"));
    }

    void campaignsAfterAsOfAreIgnored()
    {
        AccountSnapshot s = account();
        Campaign c = campaign("C1", 1000, 1000, 0, 50, 0, 500);
        c.sentAt = rt::asOf().addSecs(1);
        s.campaigns << c;
        QVERIFY(findings(eval(s), "complaint-rate").isEmpty());
        QVERIFY(!findings(eval(s, rt::asOf().addSecs(1)), "complaint-rate").isEmpty());
    }

    void campaignsInNaturalOrder()
    {
        AccountSnapshot s = account();
        s.campaigns << campaign("C10", 1000, 1000, 0, 50, 0, 500) << campaign("C2", 1000, 1000, 0, 50, 0, 500)
                    << campaign("C1", 1000, 1000, 0, 50, 0, 500);
        const auto f = findings(eval(s), "complaint-rate");
        QCOMPARE(f.size(), 3);
        QCOMPARE(f[0].evidence.value("campaign_id").toString(), QStringLiteral("C1"));
        QCOMPARE(f[1].evidence.value("campaign_id").toString(), QStringLiteral("C2"));
        QCOMPARE(f[2].evidence.value("campaign_id").toString(), QStringLiteral("C10"));
    }

    // ---- complaints and the ladder ----------------------------------------------------------------
    void complaintWindow_data()
    {
        QTest::addColumn<QDateTime>("received");
        QTest::addColumn<QString>("type");
        QTest::addColumn<bool>("fires");
        QTest::newRow("exactly 90 days before") << rt::asOf().addDays(-90) << "abuse" << true;
        QTest::newRow("90 days and 1 s before") << rt::asOf().addDays(-90).addSecs(-1) << "abuse" << false;
        QTest::newRow("89 days before") << rt::asOf().addDays(-89) << "abuse" << true;
        QTest::newRow("91 days before") << rt::asOf().addDays(-91) << "abuse" << false;
        QTest::newRow("at as-of") << rt::asOf() << "abuse" << true;
        QTest::newRow("after as-of") << rt::asOf().addSecs(1) << "abuse" << false;
        QTest::newRow("not-spam is no complaint") << rt::asOf().addDays(-1) << "not-spam" << false;
        QTest::newRow("fraud") << rt::asOf().addDays(-1) << "fraud" << true;
    }
    void complaintWindow()
    {
        QFETCH(QDateTime, received);
        QFETCH(QString, type);
        QFETCH(bool, fires);
        AccountSnapshot s = account();
        s.complaints << complaint(7, received, type);
        const Evaluation e = eval(s);
        const auto f = findings(e, "complaint-received");
        QCOMPARE(f.size(), fires ? 1 : 0);
        if (fires) {
            QCOMPARE(ad::toString(f.first().severity), ad::toString(Severity::Warn));
            QCOMPARE(f.first().evidence.value("complaint_ids").toArray(), QJsonArray{7});
            QCOMPARE(ad::toString(e.recommended), ad::toString(Action::Warn));
        }
    }

    void ladder()
    {
        // 1. first complaint -> warn
        AccountSnapshot s = account();
        s.complaints << complaint(1, T("2026-10-01T00:00:00Z"));
        Evaluation e = eval(s);
        QCOMPARE(ad::toString(e.recommended), ad::toString(Action::Warn));
        QCOMPARE(findings(e, "complaint-received").size(), 1);
        QVERIFY(findings(e, "complaint-after-warning").isEmpty());

        // the account was warned after it: nothing left to do
        s.history << history(1, T("2026-10-05T00:00:00Z"), Action::Warn);
        e = eval(s);
        QCOMPARE(ad::toString(e.recommended), ad::toString(Action::None));
        QVERIFY(findings(e, "complaint-received").isEmpty());

        // 2. a complaint after the warning -> suspend
        s.complaints << complaint(2, T("2026-11-01T00:00:00Z"));
        e = eval(s);
        QCOMPARE(ad::toString(e.recommended), ad::toString(Action::Suspend));
        auto f = findings(e, "complaint-after-warning");
        QCOMPARE(f.size(), 1);
        QCOMPARE(f.first().evidence.value("complaint_ids").toArray(), QJsonArray{2});
        QCOMPARE(f.first().summary,
                 QStringLiteral("1 complaint report received after the warning of 2026-10-05"));
        QVERIFY(findings(e, "complaint-received").isEmpty());
        // evaluated before the second complaint: still nothing
        QCOMPARE(ad::toString(eval(s, T("2026-10-20T00:00:00Z")).recommended), ad::toString(Action::None));

        // 3. a proof request unanswered for more than 14 days -> terminate
        s.history << history(2, T("2026-11-02T00:00:00Z"), Action::RequestProof);
        e = eval(s);
        QCOMPARE(ad::toString(e.recommended), ad::toString(Action::Terminate));
        f = findings(e, "proof-request-expired");
        QCOMPARE(f.size(), 1);
        QCOMPARE(f.first().evidence.value("requested_at").toString(), QStringLiteral("2026-11-02T00:00:00Z"));
    }

    void warnDecisionCountsAsWarning()
    {
        AccountSnapshot s = account();
        Decision d;
        d.id = 5;
        d.accountId = "A1";
        d.action = Action::Warn;
        d.at = T("2026-09-01T00:00:00Z");
        d.reviewer = "rev";
        s.decisions << d;
        s.complaints << complaint(3, T("2026-09-02T00:00:00Z"));
        const Evaluation e = eval(s);
        QCOMPARE(findings(e, "complaint-after-warning").size(), 1);
        QVERIFY(findings(e, "complaint-received").isEmpty());
        // a warning given after the as-of time does not count yet
        QCOMPARE(findings(eval(s, T("2026-08-31T00:00:00Z")), "complaint-received").size(), 0);
    }

    void complaintAtWarnTimeIsNotAfter()
    {
        AccountSnapshot s = account();
        s.history << history(1, T("2026-10-05T00:00:00Z"), Action::Warn);
        s.complaints << complaint(1, T("2026-10-05T00:00:00Z"));
        QVERIFY(findings(eval(s), "complaint-after-warning").isEmpty());
    }

    void proofDeadline_data()
    {
        QTest::addColumn<QDateTime>("requested");
        QTest::addColumn<bool>("laterEntry");
        QTest::addColumn<bool>("fires");
        QTest::newRow("exactly 14 days") << rt::asOf().addDays(-14) << false << false;
        QTest::newRow("14 days and 1 s") << rt::asOf().addDays(-14).addSecs(-1) << false << true;
        QTest::newRow("13 days") << rt::asOf().addDays(-13) << false << false;
        QTest::newRow("30 days, answered later") << rt::asOf().addDays(-30) << true << false;
    }
    void proofDeadline()
    {
        QFETCH(QDateTime, requested);
        QFETCH(bool, laterEntry);
        QFETCH(bool, fires);
        AccountSnapshot s = account();
        s.history << history(1, requested, Action::RequestProof);
        if (laterEntry)
            s.history << history(2, requested.addDays(3), Action::Reinstate);
        QCOMPARE(findings(eval(s), "proof-request-expired").size(), fires ? 1 : 0);
    }

    void proofRequestedByDecision()
    {
        AccountSnapshot s = account();
        s.history << history(1, T("2026-09-01T00:00:00Z"), Action::Warn);
        Decision d;
        d.id = 9;
        d.accountId = "A1";
        d.action = Action::RequestProof;
        d.at = T("2026-10-01T00:00:00Z");
        s.decisions << d;
        const auto f = findings(eval(s), "proof-request-expired");
        QCOMPARE(f.size(), 1);
        QCOMPARE(f.first().evidence.value("requested_in").toString(), QStringLiteral("decision"));
        QCOMPARE(f.first().evidence.value("decision_id").toInteger(), 9);
        QCOMPARE(ad::toString(f.first().severity), ad::toString(Severity::Terminate));
        // a later decision answers it
        Decision later = d;
        later.id = 10;
        later.action = Action::Dismiss;
        later.at = T("2026-10-10T00:00:00Z");
        s.decisions << later;
        QVERIFY(findings(eval(s), "proof-request-expired").isEmpty());
    }

    // ---- lists and evidence ------------------------------------------------------------------------
    void listSources_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<bool>("evidenceForList");
        QTest::addColumn<QString>("rule");
        QTest::newRow("purchased") << "purchased" << true << "list-source-forbidden";
        QTest::newRow("rented") << "rented" << true << "list-source-forbidden";
        QTest::newRow("third_party") << "third_party" << true << "list-source-forbidden";
        QTest::newRow("public_web") << "public_web" << true << "list-source-forbidden";
        QTest::newRow("unknown") << "unknown" << true << "list-source-unknown";
        QTest::newRow("import without evidence") << "import" << false << "list-source-unknown";
        QTest::newRow("import with evidence") << "import" << true << "";
        QTest::newRow("signup_form") << "signup_form" << false << "";
        QTest::newRow("double_opt_in") << "double_opt_in" << false << "";
    }
    void listSources()
    {
        QFETCH(QString, source);
        QFETCH(bool, evidenceForList);
        QFETCH(QString, rule);
        AccountSnapshot s = account();
        MailingList l;
        l.accountId = "A1";
        l.listId = "L9";
        l.source = source;
        s.lists << l;
        EvidenceRow e = evidence(1, "signup_form");
        e.listId = evidenceForList ? "L9" : "L1";
        s.evidence << e;
        const Evaluation ev = eval(s);
        const int forbidden = findings(ev, "list-source-forbidden").size();
        const int unknown = findings(ev, "list-source-unknown").size();
        QCOMPARE(forbidden, rule == u"list-source-forbidden" ? 1 : 0);
        QCOMPARE(unknown, rule == u"list-source-unknown" ? 1 : 0);
        if (!rule.isEmpty()) {
            const Finding f = findings(ev, rule).first();
            QCOMPARE(f.evidence.value("list_id").toString(), QStringLiteral("L9"));
            QCOMPARE(ad::toString(ev.recommended),
                     ad::toString(rule == u"list-source-forbidden" ? Action::Terminate : Action::Warn));
        }
    }

    // list-source-unknown's evidence_rows counts every row of the list, also when the rows of lists
    // alternate (counted by runs of the same list) and when a list has none.
    void listSourceUnknownCountsEvidenceRowsPerList()
    {
        AccountSnapshot s = account();
        for (const char* id : {"L1", "L2", "L3"}) {
            MailingList l;
            l.accountId = "A1";
            l.listId = QString::fromLatin1(id);
            l.source = id == QByteArrayView("L3") ? QStringLiteral("import") : QStringLiteral("unknown");
            s.lists << l;
        }
        qint64 n = 0;
        for (const char* list : {"L1", "L1", "L2", "L1", "L1", "L2", "L2", "L1"}) {
            EvidenceRow e = evidence(++n, "signup_form");
            e.listId = QString::fromLatin1(list);
            s.evidence << e;
        }
        const QList<Finding> found = findings(eval(s), "list-source-unknown");
        QCOMPARE(found.size(), 3);
        QCOMPARE(found[0].evidence.value("list_id").toString(), QStringLiteral("L1"));
        QCOMPARE(found[0].evidence.value("evidence_rows").toInteger(), 5);
        QCOMPARE(found[1].evidence.value("list_id").toString(), QStringLiteral("L2"));
        QCOMPARE(found[1].evidence.value("evidence_rows").toInteger(), 3);
        QCOMPARE(found[2].evidence.value("list_id").toString(), QStringLiteral("L3"));
        QCOMPARE(found[2].evidence.value("evidence_rows").toInteger(), 0);
    }

    void consentInvalidReasons_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("tweak");
        QTest::addColumn<bool>("invalid");
        QTest::newRow("none") << "none"
                              << "" << true;
        QTest::newRow("checkbox unchecked") << "checkbox"
                                            << "" << false;
        QTest::newRow("checkbox pre-checked") << "checkbox"
                                              << "checked" << true;
        QTest::newRow("offline explained") << "offline_form"
                                           << "" << false;
        QTest::newRow("offline not explained") << "offline_form"
                                               << "unexplained" << true;
        QTest::newRow("offline explanation absent") << "offline_form"
                                                    << "absent" << true;
        QTest::newRow("purchase recent") << "purchase"
                                         << "" << false;
        QTest::newRow("purchase exactly 2 years") << "purchase"
                                                  << "2y" << false;
        QTest::newRow("purchase 2 years + 1 day") << "purchase"
                                                  << "2y+1d" << true;
        QTest::newRow("purchase 2 years - 1 day") << "purchase"
                                                  << "2y-1d" << false;
        QTest::newRow("purchase undated") << "purchase"
                                          << "undated" << true;
        QTest::newRow("signup_form") << "signup_form"
                                     << "" << false;
    }
    void consentInvalidReasons()
    {
        QFETCH(QString, method);
        QFETCH(QString, tweak);
        QFETCH(bool, invalid);
        AccountSnapshot s = account();
        EvidenceRow e = evidence(4, method);
        if (tweak == u"checked")
            e.checkboxDefault = "checked";
        else if (tweak == u"unexplained")
            e.emailContactExplained = false;
        else if (tweak == u"absent")
            e.emailContactExplained.reset();
        else if (tweak == u"2y")
            e.lastPurchaseAt = rt::asOf().addYears(-2);
        else if (tweak == u"2y+1d")
            e.lastPurchaseAt = rt::asOf().addYears(-2).addDays(-1);
        else if (tweak == u"2y-1d")
            e.lastPurchaseAt = rt::asOf().addYears(-2).addDays(1);
        else if (tweak == u"undated")
            e.lastPurchaseAt = QDateTime();
        s.evidence << e;
        const auto f = findings(eval(s), "consent-invalid");
        QCOMPARE(f.size(), invalid ? 1 : 0);
        if (invalid)
            QCOMPARE(f.first().evidence.value("evidence_ids").toArray(), QJsonArray{4});
    }

    void consentInvalidSplit_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("invalid");
        QTest::addColumn<QString>("severity");
        QTest::newRow("4 of 100 (4%)") << 100 << 4 << "suspend";
        QTest::newRow("5 of 100 (exactly 5%)") << 100 << 5 << "terminate";
        QTest::newRow("6 of 100") << 100 << 6 << "terminate";
        QTest::newRow("1 of 21 (4.8%)") << 21 << 1 << "suspend";
        QTest::newRow("1 of 20 (5%)") << 20 << 1 << "terminate";
        QTest::newRow("0 of 20") << 20 << 0 << "";
    }
    void consentInvalidSplit()
    {
        QFETCH(int, rows);
        QFETCH(int, invalid);
        QFETCH(QString, severity);
        AccountSnapshot s = account();
        for (int i = 1; i <= rows; ++i)
            s.evidence << evidence(i, i <= invalid ? "none" : "signup_form");
        const Evaluation e = eval(s);
        const auto f = findings(e, "consent-invalid");
        if (severity.isEmpty()) {
            QVERIFY(f.isEmpty());
            return;
        }
        QCOMPARE(f.size(), 1);
        QCOMPARE(toString(f.first().severity), severity);
        QCOMPARE(f.first().evidence.value("count").toInt(), invalid);
        QCOMPARE(f.first().evidence.value("total").toInt(), rows);
        QCOMPARE(f.first().evidence.value("value").toDouble(), double(invalid) / rows);
        QCOMPARE(f.first().evidence.value("threshold").toDouble(), 0.05);
        QVERIFY(
            f.first().summary.startsWith(QStringLiteral("%1 of %2 evidence rows").arg(invalid).arg(rows)));
        QCOMPARE(toString(e.recommended), severity);
    }

    void consentUnprovable()
    {
        AccountSnapshot s = account();
        EvidenceRow a = evidence(1, "signup_form");
        a.consentAt = QDateTime();
        EvidenceRow b = evidence(2, "signup_form");
        b.source.clear();
        s.evidence << evidence(3, "signup_form") << b << a;
        const auto f = findings(eval(s), "consent-unprovable");
        QCOMPARE(f.size(), 1);
        QCOMPARE(f.first().evidence.value("evidence_ids").toArray(), (QJsonArray{1, 2}));
        QCOMPARE(ad::toString(f.first().severity), ad::toString(Severity::Warn));
    }

    void staleContact_data()
    {
        QTest::addColumn<QDateTime>("lastContacted");
        QTest::addColumn<QDateTime>("consent");
        QTest::addColumn<bool>("stale");
        const QDateTime y2 = rt::asOf().addYears(-2);
        QTest::newRow("exactly 2 years") << y2 << QDateTime() << false;
        QTest::newRow("2 years + 1 day") << y2.addDays(-1) << QDateTime() << true;
        QTest::newRow("2 years - 1 day") << y2.addDays(1) << QDateTime() << false;
        QTest::newRow("no contact, consent 2y+1d") << QDateTime() << y2.addDays(-1) << true;
        QTest::newRow("no contact, consent 2y-1d") << QDateTime() << y2.addDays(1) << false;
        QTest::newRow("recent contact, old consent") << rt::asOf().addDays(-10) << y2.addYears(-3) << false;
        QTest::newRow("no dates") << QDateTime() << QDateTime() << false;
    }
    void staleContact()
    {
        QFETCH(QDateTime, lastContacted);
        QFETCH(QDateTime, consent);
        QFETCH(bool, stale);
        AccountSnapshot s = account();
        EvidenceRow e = evidence(1, "signup_form");
        e.lastContactedAt = lastContacted;
        e.consentAt = consent;
        s.evidence << e;
        const auto f = findings(eval(s), "stale-contact");
        QCOMPARE(f.size(), stale ? 1 : 0);
        if (stale)
            QCOMPARE(ad::toString(f.first().severity), ad::toString(Severity::Suspend));
    }

    void staleContactCalendarYears()
    {
        // 2 calendar years before 2028-02-29 is 2026-02-28 (Qt clamps), not 730 days.
        AccountSnapshot s = account();
        EvidenceRow e = evidence(1, "signup_form");
        e.lastContactedAt = T("2026-03-01T00:00:00Z");
        s.evidence << e;
        QVERIFY(findings(eval(s, T("2028-03-01T00:00:00Z")), "stale-contact").isEmpty());
        QCOMPARE(findings(eval(s, T("2028-03-01T00:00:01Z")), "stale-contact").size(), 1);
    }

    void roleAddresses()
    {
        AccountSnapshot s = account();
        EvidenceRow a = evidence(1, "signup_form");
        a.subscriber = "Info@Shop.Example";
        EvidenceRow b = evidence(2, "signup_form");
        b.subscriber = "sales+promo@shop.example";
        EvidenceRow c = evidence(3, "signup_form");
        c.subscriber = "jane.info@shop.example";
        EvidenceRow d = evidence(4, "signup_form");
        d.subscriber = "bisnis@toko.example";
        s.evidence << a << b << c << d;
        MailingList l;
        l.accountId = "A1";
        l.listId = "L2";
        l.source = "signup_form";
        l.hasFile = true;
        ListScreeningSummary sum;
        sum.rows = 100;
        sum.role = 3;
        l.screening = sum;
        MailingList clean = l;
        clean.listId = "L1";
        clean.screening->role = 0;
        s.lists << l << clean;
        const auto f = findings(eval(s), "role-address");
        QCOMPARE(f.size(), 2);
        QCOMPARE(f[0].evidence.value("evidence_ids").toArray(), (QJsonArray{1, 2, 4}));
        QCOMPARE(f[1].evidence.value("list_id").toString(), QStringLiteral("L2"));
        QCOMPARE(f[1].evidence.value("value").toInt(), 3);
    }

    void listScreening_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<qint64>("count");
        QTest::addColumn<bool>("fires");
        QTest::newRow("invalid exactly 1%") << "list-invalid-addresses" << 10LL << false;
        QTest::newRow("invalid just over") << "list-invalid-addresses" << 11LL << true;
        QTest::newRow("invalid just under") << "list-invalid-addresses" << 9LL << false;
        QTest::newRow("disposable exactly 1%") << "list-disposable-domains" << 10LL << false;
        QTest::newRow("disposable just over") << "list-disposable-domains" << 11LL << true;
        QTest::newRow("typo one") << "list-typo-domains" << 1LL << true;
        QTest::newRow("typo none") << "list-typo-domains" << 0LL << false;
    }
    void listScreening()
    {
        QFETCH(QString, rule);
        QFETCH(qint64, count);
        QFETCH(bool, fires);
        AccountSnapshot s = account();
        MailingList l;
        l.accountId = "A1";
        l.listId = "L1";
        l.source = "signup_form";
        l.hasFile = true;
        ListScreeningSummary sum;
        sum.rows = 1000;
        if (rule == u"list-invalid-addresses")
            sum.invalid = count;
        else if (rule == u"list-disposable-domains")
            sum.disposable = count;
        else
            sum.typo = count;
        l.screening = sum;
        s.lists << l;
        const auto f = findings(eval(s), rule);
        QCOMPARE(f.size(), fires ? 1 : 0);
        if (fires && rule != u"list-typo-domains") {
            QCOMPARE(f.first().evidence.value("threshold").toDouble(), 0.01);
            QVERIFY(f.first().toClear.contains("≤ 10 of 1,000"));
        }
        if (fires && rule == u"list-typo-domains")
            QCOMPARE(ad::toString(f.first().severity), ad::toString(Severity::Info));
    }

    // ---- message rules -----------------------------------------------------------------------------
    void unsubscribeLink_data()
    {
        QTest::addColumn<QString>("linkText");
        QTest::addColumn<QString>("href");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("missing");
        QTest::newRow("link text") << "Unsubscribe"
                                   << "https://shop.example/u"
                                   << "Hello" << false;
        QTest::newRow("href only") << "here"
                                   << "https://shop.example/unsubscribe?x=1"
                                   << "Hello" << false;
        QTest::newRow("indonesian") << "Berhenti berlangganan"
                                    << "https://shop.example/x"
                                    << "Halo" << false;
        QTest::newRow("text with url") << ""
                                       << ""
                                       << "To unsubscribe visit https://shop.example/stop" << false;
        QTest::newRow("text without url") << ""
                                          << ""
                                          << "Reply to unsubscribe." << true;
        QTest::newRow("no link") << "Shop now"
                                 << "https://shop.example/sale"
                                 << "Great sale" << true;
    }
    void unsubscribeLink()
    {
        QFETCH(QString, linkText);
        QFETCH(QString, href);
        QFETCH(QString, text);
        QFETCH(bool, missing);
        AccountSnapshot s = account();
        StoredMessage m = message(12, text);
        m.links.clear();
        if (!href.isEmpty())
            m.links << MessageLink{linkText, href};
        s.messages << m;
        const auto f = findings(eval(s), "unsubscribe-link-missing");
        QCOMPARE(f.size(), missing ? 1 : 0);
        if (missing) {
            QCOMPARE(f.first().evidence.value("message_ids").toArray(), QJsonArray{12});
            QCOMPARE(ad::toString(f.first().severity), ad::toString(Severity::Warn));
        }
    }

    void oneClick()
    {
        AccountSnapshot s = account();
        StoredMessage m = message(3);
        m.oneClickUnsubscribe = false;
        s.messages << m << message(4);
        auto f = findings(eval(s), "one-click-unsubscribe-missing");
        QCOMPARE(f.size(), 1);
        QCOMPARE(ad::toString(f.first().severity), ad::toString(Severity::Info));
        QCOMPARE(f.first().evidence.value("message_ids").toArray(), QJsonArray{3});
        QCOMPARE(ad::toString(eval(s).recommended), ad::toString(Action::None));
        // the mailbox-providers profile requires it
        f = findings(eval(s, rt::asOf(), &*providers), "one-click-unsubscribe-missing");
        QCOMPARE(f.size(), 1);
        QCOMPARE(ad::toString(f.first().severity), ad::toString(Severity::Warn));
    }

    void postalAddress_data()
    {
        QTest::addColumn<QString>("registered");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("missing");
        QTest::newRow("same") << "Jl. Sudirman No. 5, Jakarta 10220"
                              << "Visit us: Jl. Sudirman No. 5, Jakarta 10220" << false;
        QTest::newRow("folded") << "Jl. Sudirman No. 5, Jakarta 10220"
                                << "JL SUDIRMAN NO 5\n  JAKARTA-10220" << false;
        QTest::newRow("absent") << "Jl. Sudirman No. 5, Jakarta 10220"
                                << "Visit us in Jakarta" << true;
        QTest::newRow("other number") << "Jl. Sudirman No. 5, Jakarta 10220"
                                      << "Jl. Sudirman No. 7, Jakarta 10220" << true;
        QTest::newRow("none registered") << ""
                                         << "no address" << false;
    }
    void postalAddress()
    {
        QFETCH(QString, registered);
        QFETCH(QString, text);
        QFETCH(bool, missing);
        AccountSnapshot s = account();
        s.account.postalAddress = registered;
        s.messages << message(1, text);
        QCOMPARE(findings(eval(s), "postal-address-missing").size(), missing ? 1 : 0);
    }

    void linkTextMismatch_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("href");
        QTest::addColumn<bool>("mismatch");
        QTest::newRow("deceptive") << "paypal.com"
                                   << "https://evil.example/login" << true;
        QTest::newRow("deceptive url text") << "https://www.bank.example/login"
                                            << "http://bank.example.evil.test/" << true;
        QTest::newRow("same domain") << "www.shop.example"
                                     << "https://shop.example/x" << false;
        QTest::newRow("subdomain target") << "https://shop.example"
                                          << "https://m.shop.example/x" << false;
        QTest::newRow("plain words") << "Click here"
                                     << "https://other.example/" << false;
        QTest::newRow("platform click tracking") << "shop.example"
                                                 << "https://click.optimais.com/t/1" << false;
    }
    void linkTextMismatch()
    {
        QFETCH(QString, text);
        QFETCH(QString, href);
        QFETCH(bool, mismatch);
        AccountSnapshot s = account();
        StoredMessage m = message(1);
        m.links << MessageLink{text, href};
        s.messages << m;
        const auto f = findings(eval(s), "link-text-mismatch");
        QCOMPARE(f.size(), mismatch ? 1 : 0);
        if (mismatch)
            QCOMPARE(f.first().evidence.value("links").toArray().size(), 1);
    }

    void authentication_data()
    {
        QTest::addColumn<QString>("spf");
        QTest::addColumn<QString>("dkim");
        QTest::addColumn<QString>("dmarc");
        QTest::addColumn<bool>("fails");
        QTest::newRow("all pass") << "pass"
                                  << "pass"
                                  << "pass" << false;
        QTest::newRow("dmarc fail") << "pass"
                                    << "pass"
                                    << "fail" << true;
        QTest::newRow("spf pass only") << "pass"
                                       << "fail"
                                       << "" << false;
        QTest::newRow("dkim pass only") << "softfail"
                                        << "pass"
                                        << "" << false;
        QTest::newRow("neither passes") << "fail"
                                        << "none"
                                        << "" << true;
        QTest::newRow("no results") << ""
                                    << ""
                                    << "" << false;
    }
    void authentication()
    {
        QFETCH(QString, spf);
        QFETCH(QString, dkim);
        QFETCH(QString, dmarc);
        QFETCH(bool, fails);
        AccountSnapshot s = account();
        StoredMessage m = message(1);
        m.spf = spf;
        m.dkim = dkim;
        m.dmarc = dmarc;
        s.messages << m;
        QCOMPARE(findings(eval(s), "authentication-failed").size(), fails ? 1 : 0);
    }

    void restrictedContent()
    {
        AccountSnapshot s = account();
        s.messages << message(1, "Play at our online CASINO tonight")
                   << message(2, "Fresh bread every morning") << message(3, "Viagra and firearms delivered");
        const auto f = findings(eval(s), "restricted-content");
        QCOMPARE(f.size(), 2);
        QCOMPARE(f[0].evidence.value("message_ids").toArray(), QJsonArray{1});
        QCOMPARE(f[0].evidence.value("matches").toArray().first().toObject().value("category").toString(),
                 QStringLiteral("gambling"));
        QCOMPARE(f[1].evidence.value("matches").toArray().size(), 2);
        QCOMPARE(ad::toString(f[0].severity), ad::toString(Severity::Info));
    }

    // ---- output --------------------------------------------------------------------------------------
    void orderAndRecommendation()
    {
        AccountSnapshot s = account();
        s.campaigns << campaign("C1", 1000, 1000, 0, 50, 0, 5); // complaint-rate + open-rate
        MailingList l;
        l.listId = "L1";
        l.source = "purchased";
        s.lists << l;
        StoredMessage m = message(2);
        m.oneClickUnsubscribe = false;
        s.messages << m;
        const Evaluation e = eval(s);
        QStringList rules;
        for (const auto& f : e.findings)
            rules << f.rule;
        QCOMPARE(rules, (QStringList{"complaint-rate", "open-rate", "list-source-forbidden",
                                     "one-click-unsubscribe-missing"}));
        QCOMPARE(ad::toString(e.recommended), ad::toString(Action::Terminate));
        QVERIFY(e.complaintRate);
        QCOMPARE(*e.complaintRate, 0.05);
        QVERIFY(!e.bounceRate || *e.bounceRate == 0.0);
    }

    void infoNeverRaisesRecommendation()
    {
        AccountSnapshot s = account();
        StoredMessage m = message(2, "casino");
        m.oneClickUnsubscribe = false;
        s.messages << m;
        const Evaluation e = eval(s);
        QVERIFY(!e.findings.isEmpty());
        QCOMPARE(ad::toString(e.recommended), ad::toString(Action::None));
    }

    void jsonShape()
    {
        AccountSnapshot s = account("A1001");
        s.currentStatus = AccountStatus::Warned;
        s.campaigns << campaign("C7", 20500, 20000, 500, 62, 0, 5000);
        const QJsonObject o = toJson(eval(s));
        QCOMPARE(o.keys(),
                 (QStringList{"account_id", "as_of", "findings", "policy", "recommended_action", "status"}));
        QCOMPARE(o.value("account_id").toString(), QStringLiteral("A1001"));
        QCOMPARE(o.value("status").toString(), QStringLiteral("warned"));
        QCOMPARE(o.value("recommended_action").toString(), QStringLiteral("suspend"));
        QCOMPARE(o.value("as_of").toString(), QStringLiteral("2026-11-20T00:00:00Z"));
        QCOMPARE(o.value("policy").toObject().value("id").toString(), QStringLiteral("optimais"));
        const QJsonObject f = o.value("findings").toArray().first().toObject();
        QCOMPARE(f.keys(), (QStringList{"clause", "evidence", "rule", "severity", "summary", "to_clear"}));
        QCOMPARE(f.value("rule").toString(), QStringLiteral("complaint-rate"));
        QCOMPARE(f.value("severity").toString(), QStringLiteral("suspend"));
        QCOMPARE(f.value("evidence").toObject().value("campaign_id").toString(), QStringLiteral("C7"));
    }

    void disabledRuleDoesNotRun()
    {
        QJsonObject raw = optimais->raw();
        QJsonObject rules = raw.value("rules").toObject();
        QJsonObject cr = rules.value("complaint-rate").toObject();
        cr.insert("enabled", false);
        rules.insert("complaint-rate", cr);
        raw.insert("rules", rules);
        const Policy p = Policy::fromJson(QJsonDocument(raw).toJson(), "custom.json");
        AccountSnapshot s = account();
        s.campaigns << campaign("C7", 20500, 20000, 500, 62, 0, 5000);
        QVERIFY(findings(eval(s, rt::asOf(), &p), "complaint-rate").isEmpty());
        QCOMPARE(findings(eval(s), "complaint-rate").size(), 1);
    }

    void thresholdComparisonIsPolicyData()
    {
        // "ge" in the data turns the strict "more than" into "at or above".
        QJsonObject raw = optimais->raw();
        QJsonObject rules = raw.value("rules").toObject();
        QJsonObject cr = rules.value("complaint-rate").toObject();
        cr.insert("params", QJsonObject{{"threshold", 0.002}, {"compare", "ge"}});
        rules.insert("complaint-rate", cr);
        raw.insert("rules", rules);
        const Policy p = Policy::fromJson(QJsonDocument(raw).toJson(), "custom.json");
        AccountSnapshot s = account();
        s.campaigns << campaign("C7", 20000, 20000, 0, 40, 0, 5000);
        QCOMPARE(findings(eval(s, rt::asOf(), &p), "complaint-rate").size(), 1);
        QVERIFY(findings(eval(s), "complaint-rate").isEmpty());
        QCOMPARE(findings(eval(s, rt::asOf(), &p), "complaint-rate").first().toClear,
                 QStringLiteral("complaints must be ≤ 39 of 20,000 delivered"));
    }
};

QTEST_GUILESS_MAIN(TestRules)
#include "test_rules.moc"
