// SPDX-License-Identifier: GPL-3.0-or-later
// End to end: a fixture bundle imported with abusedesk-cli, `evaluate --json` compared with the expected
// file; exit codes of bad input (nothing changed); the evaluation service on a store built through
// ImportWriter (default as-of, evaluation cache, sort order, cross-account overlap).
#include "rules/evaluator.h"
#include "store/casestore.h"
#include "util/error.h"
#include "util/hash.h"
#include "util/timeutil.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace ad;
using namespace ad::rules;

namespace {

struct Run
{
    int code = -1;
    QByteArray out, err;
};

Run cli(const QStringList& args)
{
    QProcess p;
    p.setProgram(QStringLiteral(ABUSEDESK_BINARY_DIR "/app/cli/abusedesk-cli"));
    p.setArguments(args);
    p.start();
    if (!p.waitForFinished(240000))
        qFatal("abusedesk-cli did not finish");
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

QString fileHash(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return sha256Hex(f.readAll());
}

QDateTime T(const char* s)
{
    return *time::parseIso(QString::fromLatin1(s));
}

} // namespace

class TestRulesE2E : public QObject
{
    Q_OBJECT
    QTemporaryDir dir;
    QString db;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        db = dir.filePath("cases.sqlite");
        const Run r =
            cli({"import", QStringLiteral(ABUSEDESK_TEST_DATA "/rules-e2e/bundle"), "--db", db, "--json"});
        QVERIFY2(r.code == 0, r.err.constData());
    }

    void evaluateJsonMatchesExpected()
    {
        const Run r = cli({"evaluate", "--json", "--db", db});
        QVERIFY2(r.code == 0, r.err.constData());
        QJsonParseError pe;
        const QJsonDocument got = QJsonDocument::fromJson(r.out, &pe);
        QVERIFY2(pe.error == QJsonParseError::NoError, r.out.constData());
        QFile f(QStringLiteral(ABUSEDESK_TEST_DATA "/rules-e2e/expected.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonArray expected = QJsonDocument::fromJson(f.readAll()).array();
        const QJsonArray actual = got.array();
        QCOMPARE(actual.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const QJsonObject a = actual[i].toObject(), e = expected[i].toObject();
            if (a != e)
                qWarning().noquote() << "account" << e.value("account_id").toString() << "\nactual:\n"
                                     << QJsonDocument(a).toJson() << "\nexpected:\n"
                                     << QJsonDocument(e).toJson();
            QCOMPARE(a.value("account_id").toString(), e.value("account_id").toString());
            QVERIFY(a == e);
        }
    }

    // The CLI writes the array one evaluation at a time (EvaluationService::evaluateEach); the bytes are
    // exactly those of the whole array through QJsonDocument::toJson(Indented), for several accounts, one
    // account and none.
    void evaluateJsonIsTheIndentedDocument()
    {
        for (const QStringList& extra : {QStringList{}, QStringList{"--account", "A1006"}}) {
            const Run r = cli(QStringList{"evaluate", "--json", "--db", db} + extra);
            QVERIFY2(r.code == 0, r.err.constData());
            const QJsonDocument doc = QJsonDocument::fromJson(r.out);
            QVERIFY(doc.isArray());
            QCOMPARE(r.out, doc.toJson(QJsonDocument::Indented));
        }
        QTemporaryDir empty;
        const QString emptyDb = empty.filePath("empty.sqlite");
        {
            CaseStore created(emptyDb);
        }
        const Run r = cli({"evaluate", "--json", "--db", emptyDb});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(r.out, QJsonDocument(QJsonArray()).toJson(QJsonDocument::Indented));
    }

    void evaluateOneAccount()
    {
        const Run r = cli({"evaluate", "--account", "A1006", "--json", "--db", db});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonArray a = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(a.size(), 1);
        QCOMPARE(a[0].toObject().value("account_id").toString(), QStringLiteral("A1006"));
        QCOMPARE(a[0].toObject().value("recommended_action").toString(), QStringLiteral("terminate"));
        // the cache the queue reads
        CaseStore store(db);
        const auto row = store.evaluation("A1006");
        QVERIFY(row);
        QCOMPARE(toString(row->recommended), QStringLiteral("terminate"));
        QCOMPARE(row->worstRule, QStringLiteral("suspension-evasion"));
        QVERIFY(row->rules.contains("multi-account-overlap"));
    }

    void asOfChangesTheVerdict()
    {
        // before the 2026-10-15 complaint, A1003's warning had not been followed by a complaint
        const Run r = cli({"evaluate", "--account", "A1003", "--as-of", "2026-10-01", "--json", "--db", db});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).array().first().toObject();
        QCOMPARE(o.value("recommended_action").toString(), QStringLiteral("none"));
        QCOMPARE(o.value("as_of").toString(), QStringLiteral("2026-10-01T00:00:00Z"));
    }

    void mailboxProvidersPolicy()
    {
        const Run r =
            cli({"evaluate", "--account", "A1001", "--policy", "mailbox-providers", "--json", "--db", db});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).array().first().toObject();
        QCOMPARE(o.value("policy").toObject().value("id").toString(), QStringLiteral("mailbox-providers"));
        QCOMPARE(o.value("recommended_action").toString(), QStringLiteral("suspend"));
    }

    void tableOutput()
    {
        const Run r = cli({"evaluate", "--db", db});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith("ACCOUNT"));
        QVERIFY(r.out.contains("A1001"));
        QVERIFY(r.out.contains(
            "complaint-rate: campaign C7: 0.31% spam complaints (62 of 20,000 delivered) > 0.2%"));
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown account") << QStringList{"--account", "A9999"} << "unknown account \"A9999\"";
        QTest::newRow("bad as-of") << QStringList{"--as-of", "yesterday"}
                                   << "--as-of \"yesterday\" is not an ISO 8601";
        QTest::newRow("as-of without offset")
            << QStringList{"--as-of", "2026-11-20T10:00:00"} << "\"2026-11-20T10:00:00\" is not an ISO 8601";
        QTest::newRow("policy file error")
            << QStringList{"--policy", QStringLiteral(ABUSEDESK_TEST_DATA "/rules-e2e/bad-policy.json")}
            << "bad-policy.json: field \"rules.complaint-rate.params.threshold\": is a share";
        QTest::newRow("unknown rule in policy")
            << QStringList{"--policy",
                           QStringLiteral(ABUSEDESK_TEST_DATA "/rules-e2e/unknown-rule-policy.json")}
            << "unknown rule id \"complaint-ratio\"";
        QTest::newRow("unknown option") << QStringList{"--acount", "A1001"} << "acount";
    }
    void badInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const QString before = fileHash(db);
        const Run r = cli(QStringList{"evaluate", "--json", "--db", db} + args);
        QCOMPARE(r.code, 2);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
        QVERIFY(r.out.isEmpty());
        QCOMPARE(fileHash(db), before);
    }

    void missingStoreIsBadInput()
    {
        const QString missing = dir.filePath(QStringLiteral("no-such-store.sqlite"));
        const Run r = cli({"evaluate", "--json", "--db", missing});
        QCOMPARE(r.code, 2);
        QVERIFY2(QString::fromUtf8(r.err).contains(QStringLiteral("no case store at ") + missing),
                 r.err.constData());
        QVERIFY(r.out.isEmpty());
        QVERIFY(!QFileInfo::exists(missing)); // no empty store was created
    }

    // ---- the service on a store built with ImportWriter ---------------------------------------------
    void serviceOnHandBuiltStore()
    {
        const QString path = dir.filePath("hand.sqlite");
        CaseStore store(path);
        {
            ImportInfo info;
            info.bundlePath = "hand";
            info.bundleSha256 = QString(64, QLatin1Char('a'));
            info.exportedAt = T("2026-11-20T00:00:00Z");
            info.source = "test";
            info.importedAt = T("2026-11-21T00:00:00Z");
            info.importedBy = "tester";
            auto w = store.beginImport(info);
            for (const char* id : {"B2", "B1", "B3"}) {
                Account a;
                a.id = QString::fromLatin1(id);
                a.name = a.id;
                a.ownerEmail = a.id.toLower() + "@owner.example";
                a.signupAt = T("2025-01-01");
                a.status = a.id == u"B3" ? AccountStatus::Terminated : AccountStatus::Active;
                a.fromAddresses = {a.id == u"B1" ? QStringLiteral("x@b1.example")
                                                 : QStringLiteral("shared@bad.example")};
                w->addAccount(a);
            }
            Campaign c;
            c.accountId = "B1";
            c.campaignId = "C1";
            c.sentAt = T("2026-11-01");
            c.sent = 1000;
            c.delivered = 1000;
            c.complaints = 3;
            c.uniqueOpens = 500;
            w->addCampaign(c);
            Complaint cp;
            cp.accountId = "B1";
            cp.receivedAt = T("2026-11-02");
            cp.recipient = "r@example.net";
            cp.feedbackType = "abuse";
            cp.source = "manual";
            cp.origin = "csv";
            cp.file = "complaints/complaints.csv";
            cp.sourceLine = 2;
            w->addComplaint(cp);
            w->commit("{}");
        }
        const Policy policy = Policy::builtin("optimais");
        EvaluationService service(store, policy);
        QCOMPARE(service.defaultAsOf(), T("2026-11-20T00:00:00Z"));
        qint64 calls = 0;
        const QList<Evaluation> all = service.evaluateAll(service.defaultAsOf(), [&](qint64) {
            ++calls;
            return true;
        });
        QCOMPARE(calls, 3);
        QCOMPARE(all.size(), 3);
        QCOMPARE(all[0].accountId, QStringLiteral("B1"));
        QCOMPARE(all[1].accountId, QStringLiteral("B2"));
        QCOMPARE(all[2].accountId, QStringLiteral("B3"));
        QCOMPARE(toString(all[0].recommended), QStringLiteral("suspend"));   // 0.3 % complaints
        QCOMPARE(toString(all[1].recommended), QStringLiteral("terminate")); // shares From with terminated B3
        const auto row = store.evaluation("B1");
        QVERIFY(row);
        QCOMPARE(row->complaintCount, 1);
        QVERIFY(row->complaintRate);
        QCOMPARE(*row->complaintRate, 0.003);
        QCOMPARE(row->worstRule, QStringLiteral("complaint-rate"));
        QCOMPARE(row->asOf, T("2026-11-20T00:00:00Z"));
        QCOMPARE(row->policyId, QStringLiteral("optimais"));
        const QJsonArray findings = QJsonDocument::fromJson(row->findingsJson.toUtf8()).array();
        QCOMPARE(findings.size(), all[0].findings.size());
        QCOMPARE(findings.first().toObject().value("rule").toString(), QStringLiteral("complaint-rate"));

        try {
            service.evaluateAccount("nope", service.defaultAsOf());
            QFAIL("accepted");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Input);
            QVERIFY(e.message().contains("unknown account \"nope\""));
        }
        // cancelling stops without writing
        const auto before = store.evaluation("B2")->asOf;
        QVERIFY_THROWS_EXCEPTION(
            Error, service.evaluateAll(T("2026-12-01T00:00:00Z"), [](qint64) { return false; }));
        QCOMPARE(store.evaluation("B2")->asOf, before);
    }

    // The overlap index is cached per store and import: a second service reuses it, a new import
    // rebuilds it, and a decision recorded on a linked account after the build is still seen by
    // suspension-evasion (statuses are read from the store at evaluation time).
    void overlapCacheFollowsImportsAndDecisions()
    {
        const QString path = dir.filePath("cache.sqlite");
        CaseStore store(path);
        int imports = 0;
        auto importAccounts = [&](const QList<std::pair<const char*, const char*>>& accounts) {
            ImportInfo info;
            info.bundlePath = "cache";
            info.bundleSha256 = QString(64, QLatin1Char('a' + imports));
            info.exportedAt = T("2026-11-20T00:00:00Z");
            info.source = "test";
            info.importedAt = T("2026-11-21T00:00:00Z").addSecs(++imports);
            info.importedBy = "tester";
            auto w = store.beginImport(info);
            for (const auto& [id, from] : accounts) {
                Account a;
                a.id = QString::fromLatin1(id);
                a.name = a.id;
                a.ownerEmail = a.id.toLower() + "@owner.example";
                a.signupAt = T("2025-01-01");
                a.status = AccountStatus::Active;
                a.fromAddresses = {QString::fromLatin1(from)};
                w->addAccount(a);
            }
            w->commit("{}");
        };
        auto rulesOf = [](const Evaluation& e) {
            QStringList r;
            for (const Finding& f : e.findings)
                r << f.rule;
            return r;
        };
        auto mentions = [](const Evaluation& e, const QString& rule, const QString& account) {
            for (const Finding& f : e.findings) {
                if (f.rule == rule && QJsonDocument(toJson(f)).toJson().contains(account.toUtf8()))
                    return true;
            }
            return false;
        };
        importAccounts({{"D1", "same@evil.example"}, {"D2", "same@evil.example"}, {"D3", "own@d3.example"}});
        const Policy policy = Policy::builtin("optimais");
        const QDateTime asOf = T("2026-11-20T00:00:00Z");

        const qint64 builds0 = EvaluationService::overlapBuildCount();
        Evaluation e = EvaluationService(store, policy).evaluateAccount("D1", asOf);
        QCOMPARE(EvaluationService::overlapBuildCount(), builds0 + 1);
        QVERIFY(rulesOf(e).contains("multi-account-overlap"));
        QVERIFY(mentions(e, "multi-account-overlap", "D2"));
        QVERIFY(!rulesOf(e).contains("suspension-evasion"));

        // a new service (as DecisionService makes per decision) reuses the index
        e = EvaluationService(store, policy).evaluateAccount("D2", asOf);
        QCOMPARE(EvaluationService::overlapBuildCount(), builds0 + 1);
        QVERIFY(mentions(e, "multi-account-overlap", "D1"));

        // D2 suspended after the index was built: D1 now evades a suspension, without a rebuild
        Decision dec;
        dec.accountId = "D2";
        dec.action = Action::Suspend;
        dec.recommended = Action::Suspend;
        dec.state = Decision::State::Effective;
        dec.reviewer = "rina";
        dec.at = T("2026-11-22T00:00:00Z");
        dec.rationale = "Shares a From address.";
        dec.policyId = "optimais";
        dec.policyVersion = "1";
        dec.findingsJson = "[]";
        dec.noticeLanguage = "en";
        dec.noticeText = "Dear customer";
        store.recordDecision(dec, AccountStatus::Suspended, [&](const std::optional<AuditEntry>& last) {
            AuditEntry a;
            a.seq = last ? last->seq + 1 : 1;
            a.at = dec.at;
            a.actor = dec.reviewer;
            a.kind = "decision";
            a.accountId = dec.accountId;
            a.payloadJson = "{}";
            a.prevHash = last ? last->hash : QString();
            a.hash = sha256Hex(QByteArray(QByteArray::number(a.seq) + a.prevHash.toUtf8()));
            return a;
        });
        QVERIFY(store.currentStatus("D2") == AccountStatus::Suspended);
        e = EvaluationService(store, policy).evaluateAccount("D1", asOf);
        QCOMPARE(EvaluationService::overlapBuildCount(), builds0 + 1);
        QVERIFY(rulesOf(e).contains("suspension-evasion"));
        QVERIFY(mentions(e, "suspension-evasion", "D2"));
        QCOMPARE(toString(e.recommended), QStringLiteral("terminate"));
        // the whole-store evaluation with the cached index sees it too
        EvaluationService all(store, policy);
        const QList<Evaluation> everyone = all.evaluateAll(asOf);
        QCOMPARE(EvaluationService::overlapBuildCount(), builds0 + 1);
        QVERIFY(rulesOf(everyone[0]).contains("suspension-evasion"));

        // a new import (D4 shares D3's From) invalidates the cached index
        QVERIFY(!rulesOf(EvaluationService(store, policy).evaluateAccount("D3", asOf))
                     .contains("multi-account-overlap"));
        QCOMPARE(EvaluationService::overlapBuildCount(), builds0 + 1);
        importAccounts({{"D4", "own@d3.example"}});
        e = EvaluationService(store, policy).evaluateAccount("D3", asOf);
        QCOMPARE(EvaluationService::overlapBuildCount(), builds0 + 2);
        QVERIFY(mentions(e, "multi-account-overlap", "D4"));
        // and the service that built the previous index notices the import as well
        e = all.evaluateAccount("D3", asOf);
        QCOMPARE(EvaluationService::overlapBuildCount(), builds0 + 2);
        QVERIFY(mentions(e, "multi-account-overlap", "D4"));
    }

    void emptyStore()
    {
        CaseStore store(dir.filePath("empty.sqlite"));
        const Policy policy = Policy::builtin("optimais");
        EvaluationService service(store, policy);
        QVERIFY(!service.defaultAsOf().isValid());
        const Run r = cli({"evaluate", "--json", "--db", dir.filePath("empty.sqlite")});
        QCOMPARE(r.code, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out).array().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestRulesE2E)
#include "test_rules_e2e.moc"
