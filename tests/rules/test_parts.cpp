// SPDX-License-Identifier: GPL-3.0-or-later
// The snapshot parts each rule declares (core/rules/registry.cpp) and the light loader
// (CaseStore::forEachSnapshot(parts, …)): every rule, evaluated on snapshots holding only its declared
// parts, gives exactly the findings it gives on full snapshots (CaseStore::loadSnapshot), over the fixture
// bundles, with both shipped policies and with decisions recorded in the store. So does the whole
// evaluator on Evaluator::neededParts(). And the light loader really leaves out what was not asked for.
#include "bundle/importer.h"
#include "rules/evaluator.h"
#include "rules/overlap.h"
#include "rules/registry.h"
#include "rules/rule.h"
#include "store/casestore.h"
#include "store/sqlite.h"
#include "util/timeutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <map>

using namespace ad;
using namespace ad::rules;

namespace {

QByteArray findingsJson(const QList<Finding>& findings)
{
    QJsonArray a;
    for (const Finding& f : findings)
        a.append(toJson(f));
    return QJsonDocument(a).toJson(QJsonDocument::Compact);
}

QByteArray evaluationJson(const Evaluation& e)
{
    QJsonObject o = toJson(e);
    auto rate = [](const std::optional<double>& r) { return r ? QJsonValue(*r) : QJsonValue(); };
    o.insert("complaint_rate", rate(e.complaintRate));
    o.insert("bounce_rate", rate(e.bounceRate));
    o.insert("unsubscribe_rate", rate(e.unsubscribeRate));
    o.insert("open_rate", rate(e.openRate));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// Appends a decision with a well-formed audit entry (the hash chain is core/audit's business, not
// this test's).
void decide(CaseStore& store, const QString& account, Action action, const char* at)
{
    Decision d;
    d.accountId = account;
    d.action = action;
    d.reviewer = QStringLiteral("parts-test");
    d.at = *time::parseIso(QString::fromLatin1(at));
    d.policyId = QStringLiteral("optimais");
    d.policyVersion = QStringLiteral("1");
    store.recordDecision(d, std::nullopt, [&](const std::optional<AuditEntry>& last) {
        AuditEntry e;
        e.seq = last ? last->seq + 1 : 1;
        e.at = d.at;
        e.actor = d.reviewer;
        e.kind = QStringLiteral("decision");
        e.accountId = account;
        e.payloadJson = QStringLiteral("{}");
        e.prevHash = last ? last->hash : QString();
        e.hash = QString::number(e.seq);
        return e;
    });
}

} // namespace

class TestParts : public QObject
{
    Q_OBJECT
    QTemporaryDir dir;
    QList<std::shared_ptr<CaseStore>> stores;

    std::shared_ptr<CaseStore> importFixture(const QString& name, const QString& bundle)
    {
        auto store = std::make_shared<CaseStore>(dir.filePath(name + QStringLiteral(".sqlite")));
        bundle::ImportOptions opt;
        opt.reviewer = QStringLiteral("parts-test");
        opt.now = *time::parseIso(QStringLiteral("2026-11-25T00:00:00Z"));
        bundle::importBundle(*store, QStringLiteral(ABUSEDESK_TEST_DATA "/") + bundle, opt);
        return store;
    }

    static std::unique_ptr<OverlapIndex> overlapOf(const CaseStore& store, const Policy& policy)
    {
        auto idx = std::make_unique<OverlapIndex>(OverlapIndex::options(policy));
        for (const Account& a : store.accounts())
            idx->addSnapshot(store.loadSnapshot(a.id));
        idx->finish();
        return idx;
    }

    // The shipped policies and a hair-trigger variant of optimais (every rate rule at threshold 0 from
    // 1 delivered), so that every rule fires somewhere in the small fixtures.
    static QList<Policy> policies()
    {
        QJsonObject raw = Policy::builtin(QStringLiteral("optimais")).raw();
        QJsonObject rules = raw.value("rules").toObject();
        for (const char* id : {"complaint-rate", "bounce-rate", "unsubscribe-rate"}) {
            QJsonObject r = rules.value(QLatin1String(id)).toObject();
            QJsonObject params = r.value("params").toObject();
            params.insert("threshold", 0);
            params.insert("min_volume", 1);
            r.insert("params", params);
            rules.insert(QLatin1String(id), r);
        }
        raw.insert("rules", rules);
        return {Policy::builtin(QStringLiteral("optimais")),
                Policy::builtin(QStringLiteral("mailbox-providers")),
                Policy::fromJson(QJsonDocument(raw).toJson(), QStringLiteral("hair-trigger.json"))};
    }

    static QDateTime asOfOf(const CaseStore& store)
    {
        const QList<ImportRecord> imports = store.imports();
        return imports.isEmpty() ? QDateTime() : imports.last().info.exportedAt;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        stores << importFixture(QStringLiteral("e2e"), QStringLiteral("rules-e2e/bundle"));
        stores << importFixture(QStringLiteral("good"), QStringLiteral("bundle-good"));
        stores << importFixture(QStringLiteral("report"), QStringLiteral("report-case"));
        // This tool's decisions are a part too (warned, proof requested): on every account of the first
        // store, a warn and a later proof request.
        for (const Account& a : stores.first()->accounts()) {
            decide(*stores.first(), a.id, Action::Warn, "2026-09-01T00:00:00Z");
            decide(*stores.first(), a.id, Action::RequestProof, "2026-10-01T00:00:00Z");
        }
        QVERIFY(!stores.first()->decisions(stores.first()->accounts().first().id).isEmpty());
    }

    // Every rule on its declared parts only == the same rule on full snapshots.
    void everyRuleOnItsPartsMatchesFullSnapshots()
    {
        std::map<QString, int> fired;
        for (const Policy& policy : policies()) {
            const PreparedPolicy prepared(policy);
            for (const auto& store : stores) {
                const QDateTime asOf = asOfOf(*store);
                QVERIFY(asOf.isValid());
                const auto overlap = overlapOf(*store, policy);
                for (const auto& rule : catalogue()) {
                    const QString id = rule->id();
                    const Policy::RuleSettings* settings = policy.rule(id);
                    if (!settings)
                        continue;
                    const snapshot::Parts parts = ruleParts(id);
                    QVERIFY2(parts != snapshot::All, qPrintable(id)); // every rule declares its parts
                    int accounts = 0;
                    store->forEachSnapshot(parts, [&](AccountSnapshot&& light) {
                        const AccountSnapshot full = store->loadSnapshot(light.account.id);
                        const RuleContext lc{light, asOf, policy, *settings, id, prepared, overlap.get()};
                        const RuleContext fc{full, asOf, policy, *settings, id, prepared, overlap.get()};
                        const QList<Finding> expected = rule->evaluate(fc);
                        const QByteArray got = findingsJson(rule->evaluate(lc));
                        if (got != findingsJson(expected))
                            qWarning().noquote() << id << light.account.id << "\nlight:" << got
                                                 << "\nfull: " << findingsJson(expected);
                        [&] { QCOMPARE(got, findingsJson(expected)); }();
                        fired[id] += int(expected.size());
                        ++accounts;
                        return !QTest::currentTestFailed();
                    });
                    if (QTest::currentTestFailed())
                        return;
                    QCOMPARE(qint64(accounts), store->accountCount());
                }
            }
        }
        // The parity means something only where the rule fires: every rule fires somewhere.
        for (const auto& rule : catalogue())
            QVERIFY2(fired[rule->id()] > 0, qPrintable(rule->id() + QStringLiteral(" never fires")));
    }

    // The evaluator on neededParts() == the evaluator on full snapshots (findings, action, rates).
    void evaluatorOnNeededPartsMatchesFullSnapshots()
    {
        for (const Policy& policy : policies()) {
            const Evaluator evaluator(policy);
            const snapshot::Parts parts = evaluator.neededParts();
            QVERIFY(parts & snapshot::Campaigns);
            QVERIFY(!(parts & snapshot::EvidenceDetails)); // what the light loader saves
            QVERIFY(!(parts & snapshot::ListDetails));
            for (const auto& store : stores) {
                const QDateTime asOf = asOfOf(*store);
                const auto overlap = overlapOf(*store, policy);
                store->forEachSnapshot(parts, [&](AccountSnapshot&& light) {
                    const AccountSnapshot full = store->loadSnapshot(light.account.id);
                    const QByteArray got = evaluationJson(evaluator.evaluate(light, asOf, overlap.get()));
                    [&] { QCOMPARE(got, evaluationJson(evaluator.evaluate(full, asOf, overlap.get()))); }();
                    return !QTest::currentTestFailed();
                });
                if (QTest::currentTestFailed())
                    return;
            }
        }
    }

    // A disabled rule's parts are not needed.
    void neededPartsFollowTheEnabledRules()
    {
        // optimais with only complaint-rate enabled
        QJsonObject raw = Policy::builtin(QStringLiteral("optimais")).raw();
        QJsonObject rules = raw.value("rules").toObject();
        for (auto it = rules.begin(); it != rules.end(); ++it) {
            QJsonObject r = it.value().toObject();
            r.insert("enabled", it.key() == u"complaint-rate");
            it.value() = r;
        }
        raw.insert("rules", rules);
        const Policy policy = Policy::fromJson(QJsonDocument(raw).toJson(), QStringLiteral("t.json"));
        const Evaluator evaluator(policy);
        QCOMPARE(evaluator.neededParts(), snapshot::Parts(snapshot::Campaigns));
        QCOMPARE(ruleParts(QStringLiteral("consent-invalid")), snapshot::Parts(snapshot::Evidence));
        QCOMPARE(ruleParts(QStringLiteral("no-such-rule")), snapshot::Parts(snapshot::All));
    }

    // What is not asked for is not loaded; what is asked for is in loadSnapshot's order.
    void lightLoaderLeavesOutWhatWasNotAskedFor()
    {
        qint64 withText = 0, withCampaigns = 0;
        for (const auto& each : stores) {
            CaseStore& store = *each;
            auto light = [&](const AccountSnapshot& s) {
                const AccountSnapshot full = store.loadSnapshot(s.account.id);
                QVERIFY(s.lists.isEmpty() && s.complaints.isEmpty() && s.history.isEmpty() &&
                        s.decisions.isEmpty() && s.messages.isEmpty());
                QCOMPARE(s.account.id, full.account.id);
                QVERIFY(s.currentStatus == full.currentStatus);
                QCOMPARE(s.evidence.size(), full.evidence.size());
                for (qsizetype i = 0; i < s.evidence.size(); ++i) {
                    QCOMPARE(s.evidence[i].id, full.evidence[i].id);
                    QCOMPARE(s.evidence[i].subscriber, full.evidence[i].subscriber);
                    QCOMPARE(s.evidence[i].accountId, full.evidence[i].accountId);
                    QVERIFY(s.evidence[i].consentText.isEmpty() && s.evidence[i].ip.isEmpty());
                    withText += !full.evidence[i].consentText.isEmpty();
                }
                QCOMPARE(s.campaigns.size(), full.campaigns.size());
                for (qsizetype i = 0; i < s.campaigns.size(); ++i) {
                    QCOMPARE(s.campaigns[i].campaignId, full.campaigns[i].campaignId); // (sent_at, id) order
                    QCOMPARE(s.campaigns[i].sentAt, full.campaigns[i].sentAt);
                    QCOMPARE(s.campaigns[i].delivered, full.campaigns[i].delivered);
                    QVERIFY(s.campaigns[i].subject.isEmpty());
                    withCampaigns += !full.campaigns[i].subject.isEmpty();
                }
            };
            store.forEachSnapshot(snapshot::Evidence | snapshot::Campaigns, [&](AccountSnapshot&& s) {
                light(s);
                return !QTest::currentTestFailed();
            });
            if (QTest::currentTestFailed())
                return;
        }
        QVERIFY(withText > 0);      // the fixtures have consent texts the light rows left out
        QVERIFY(withCampaigns > 0); // and campaign subjects
        CaseStore& store = *stores.first();
        // With every part, forEachSnapshot is loadSnapshot.
        auto all = [&](const AccountSnapshot& s) {
            const AccountSnapshot full = store.loadSnapshot(s.account.id);
            QCOMPARE(s.evidence.size(), full.evidence.size());
            if (!s.evidence.isEmpty())
                QCOMPARE(s.evidence.first().consentText, full.evidence.first().consentText);
            QCOMPARE(s.decisions.size(), full.decisions.size());
            QCOMPARE(s.messages.size(), full.messages.size());
        };
        store.forEachSnapshot(snapshot::All, [&](AccountSnapshot&& s) {
            all(s);
            return !QTest::currentTestFailed();
        });
    }

    // A whole-store evaluation reads through mmap for its own duration only: the connection's setting is
    // put back, and the evaluations are those of full snapshots.
    void serviceRestoresTheConnectionAndMatchesFullSnapshots()
    {
        CaseStore& store = *stores.first();
        const qint64 before = store.database().queryInt("PRAGMA mmap_size");
        const Policy policy = Policy::builtin(QStringLiteral("optimais"));
        EvaluationService service(store, policy);
        const QDateTime asOf = asOfOf(store);
        const auto overlap = overlapOf(store, policy);
        const Evaluator evaluator(policy);
        qint64 n = 0;
        service.evaluateEach(asOf, [&](Evaluation&& e) {
            const AccountSnapshot full = store.loadSnapshot(e.accountId);
            QCOMPARE(evaluationJson(e), evaluationJson(evaluator.evaluate(full, asOf, overlap.get())));
            ++n;
        });
        QCOMPARE(n, store.accountCount());
        QCOMPARE(store.database().queryInt("PRAGMA mmap_size"), before);
    }
};

QTEST_GUILESS_MAIN(TestParts)
#include "test_parts.moc"
