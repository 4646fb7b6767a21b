// SPDX-License-Identifier: GPL-3.0-or-later
// Decisions, second approvals, customer notices and the hash-chained audit log.
#include "audit/chain.h"
#include "audit/decisionservice.h"
#include "audit/notice.h"
#include "rules/policy.h"
#include "store/casestore.h"
#include "util/clock.h"
#include "util/error.h"
#include "util/timeutil.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <sqlite3.h>

using namespace ad;

// ad::toString(enum) returns QString, which hides QTest's char* toString from QCOMPARE: compare the names.
#define COMPARE_ENUM(a, b) QCOMPARE(ad::toString(a), ad::toString(b))

namespace {

QDateTime t(const char* iso)
{
    return *time::parseIso(QString::fromLatin1(iso));
}

// A store with two accounts: A1 has one campaign over the complaint threshold (recommendation: suspend),
// A2 is clean (recommendation: none).
void fillStore(CaseStore& store)
{
    ImportInfo info;
    info.bundlePath = QStringLiteral("hand-made");
    info.bundleSha256 = QStringLiteral("00");
    info.exportedAt = t("2026-11-20T00:00:00Z");
    info.source = QStringLiteral("test");
    info.importedAt = t("2026-11-21T00:00:00Z");
    info.importedBy = QStringLiteral("tester");
    auto w = store.beginImport(info);
    for (const char* id : {"A1", "A2"}) {
        Account a;
        a.id = QString::fromLatin1(id);
        a.name = QStringLiteral("Shop %1").arg(a.id);
        a.ownerEmail = QStringLiteral("owner@%1.example").arg(a.id.toLower());
        a.signupAt = t("2025-01-01");
        a.postalAddress = QStringLiteral("Jl. Sudirman 1, Jakarta");
        w->addAccount(a);
        Campaign c;
        c.accountId = a.id;
        c.campaignId = QStringLiteral("C1");
        c.sentAt = t("2026-11-01");
        c.sent = 20000;
        c.delivered = 20000;
        c.bounces = 0;
        c.complaints = a.id == QLatin1String("A1") ? 62 : 0;
        c.unsubscribes = 10;
        c.uniqueOpens = 4000;
        w->addCampaign(c);
    }
    w->appendAudit([&](const std::optional<AuditEntry>& last) {
        return audit::nextEntry(last, info.importedAt, info.importedBy, QStringLiteral("import"), QString(),
                                QJsonObject{{QStringLiteral("bundle"), info.bundlePath}});
    });
    w->commit(QStringLiteral("{}"));
}

QString cli()
{
    return QStringLiteral(ABUSEDESK_BINARY_DIR "/app/cli/abusedesk-cli");
}

void execSql(const QString& db, const QString& sql)
{
    sqlite3* h = nullptr;
    QCOMPARE(sqlite3_open(db.toUtf8().constData(), &h), SQLITE_OK);
    char* err = nullptr;
    const int rc = sqlite3_exec(h, sql.toUtf8().constData(), nullptr, nullptr, &err);
    const QString message = err ? QString::fromUtf8(err) : QString();
    sqlite3_free(err);
    sqlite3_close(h);
    QVERIFY2(rc == SQLITE_OK, qPrintable(message));
}

} // namespace

class TestAudit : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { qputenv("ABUSEDESK_RESOURCES", ABUSEDESK_RESOURCES); }

    void chainHashes()
    {
        const QJsonObject payload{{QStringLiteral("b"), 1}, {QStringLiteral("a"), QStringLiteral("x")}};
        const AuditEntry first =
            audit::nextEntry(std::nullopt, t("2026-11-21T10:00:00Z"), QStringLiteral("ana"),
                             QStringLiteral("decision"), QStringLiteral("A1"), payload);
        QCOMPARE(first.seq, 1);
        QVERIFY(first.prevHash.isEmpty());
        QCOMPARE(first.hash.size(), 64);
        QCOMPARE(audit::entryHash(first), first.hash);
        const AuditEntry second = audit::nextEntry(first, t("2026-11-21T10:05:00Z"), QStringLiteral("budi"),
                                                   QStringLiteral("approval"), QStringLiteral("A1"), payload);
        QCOMPARE(second.seq, 2);
        QCOMPARE(second.prevHash, first.hash);
        AuditEntry edited = second;
        edited.actor = QStringLiteral("mallory");
        QVERIFY(audit::entryHash(edited) != second.hash);
    }

    void rationaleRules()
    {
        QVERIFY(!DecisionService::rationaleRequired(Action::Suspend, Action::Suspend));
        QVERIFY(DecisionService::rationaleRequired(Action::Warn, Action::Suspend));
        QVERIFY(DecisionService::rationaleRequired(Action::ApproveList, Action::None));
        // Acceptance audit: dismissing an account the rules found nothing against follows the
        // recommendation "none" (it needed a full sentence, unlike following any other recommendation).
        QVERIFY(!DecisionService::rationaleRequired(Action::Dismiss, Action::None));
        QVERIFY(DecisionService::rationaleRequired(Action::Dismiss, Action::Warn));
        QVERIFY(DecisionService::rationaleRequired(Action::Warn, Action::None));
        QVERIFY(!DecisionService::rationaleIsSentence(QStringLiteral("ok")));
        QVERIFY(!DecisionService::rationaleIsSentence(QStringLiteral("aaaaaaaaaaaaaaaaaaaaaaaaa")));
        QVERIFY(DecisionService::rationaleIsSentence(
            QStringLiteral("Customer proved double opt-in for all lists.")));
    }

    void noticePlaceholders()
    {
        QVERIFY_THROWS_EXCEPTION(Error,
                                 notice::render(QStringLiteral("Dear {{account_name}}, {{missing}}"),
                                                {{QStringLiteral("account_name"), QStringLiteral("Toko")}}));
        try {
            notice::render(QStringLiteral("{{a}} {{b}} {{a}}"), {{QStringLiteral("b"), QStringLiteral(" ")}});
            QFAIL("no exception");
        } catch (const Error& e) {
            QCOMPARE(
                e.message(),
                QStringLiteral("the customer notice cannot be sent: placeholder(s) without a value: a, b"));
        }
        QCOMPARE(notice::render(QStringLiteral("Hi {{ name }}!"),
                                {{QStringLiteral("name"), QStringLiteral("Sari")}}),
                 QStringLiteral("Hi Sari!"));
        for (const QString& lang : notice::languages()) {
            for (Action a : {Action::Warn, Action::Suspend, Action::Terminate, Action::Reinstate,
                             Action::RequestProof, Action::ApproveList, Action::RejectList})
                QVERIFY2(notice::hasTemplate(a, lang), qPrintable(toString(a) + QLatin1Char('.') + lang));
            QVERIFY(!notice::hasTemplate(Action::Dismiss, lang));
        }
    }

    void decisionsAndApproval()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("cases.sqlite"));
        CaseStore store(db);
        fillStore(store);
        const rules::Policy policy = rules::Policy::builtin(QStringLiteral("optimais"));
        FixedClock clock(t("2026-11-22T09:00:00Z"));
        DecisionService service(store, policy, clock);
        const QDateTime asOf = t("2026-11-20T00:00:00Z");
        const qint64 auditBefore = store.auditCount();

        // Confirming the recommendation needs no rationale.
        DecisionRequest req;
        req.accountId = QStringLiteral("A1");
        req.action = Action::Suspend;
        req.reviewer = QStringLiteral("ana");
        DecisionOutcome out = service.decide(req, asOf);
        COMPARE_ENUM(out.decision.recommended, Action::Suspend);
        COMPARE_ENUM(out.status, AccountStatus::Suspended);
        COMPARE_ENUM(store.currentStatus(QStringLiteral("A1")), AccountStatus::Suspended);
        QVERIFY(out.decision.noticeText.contains(QStringLiteral("Shop A1")));
        QVERIFY(out.decision.noticeText.contains(QStringLiteral("0.31%")));
        QCOMPARE(out.decision.policyId, QStringLiteral("optimais"));
        QCOMPARE(store.auditCount(), auditBefore + 1);

        // Overriding (warn instead of suspend) without a rationale is refused and writes nothing.
        req.action = Action::Warn;
        try {
            service.decide(req, asOf);
            QFAIL("override without rationale accepted");
        } catch (const Error& e) {
            QVERIFY(e.kind() == Error::Kind::Input);
            QCOMPARE(e.message(),
                     QStringLiteral("the decision (warn) differs from the recommendation (suspend): a "
                                    "rationale of at least a sentence (20 characters, 3 words) is "
                                    "required"));
        }
        QCOMPARE(store.auditCount(), auditBefore + 1);
        QCOMPARE(store.decisions(QStringLiteral("A1")).size(), 1);
        // With a rationale it is recorded.
        req.rationale = QStringLiteral("The complaints came from one misconfigured campaign, already fixed.");
        out = service.decide(req, asOf);
        COMPARE_ENUM(out.status, AccountStatus::Warned);
        QVERIFY(out.decision.noticeText.contains(req.rationale));

        // Terminate waits for a second reviewer.
        req.action = Action::Terminate;
        req.rationale = QStringLiteral("Repeated violations after a suspension and a warning.");
        out = service.decide(req, asOf);
        QVERIFY(out.pendingApproval);
        COMPARE_ENUM(out.status, AccountStatus::Warned);
        COMPARE_ENUM(store.currentStatus(QStringLiteral("A1")), AccountStatus::Warned);
        QCOMPARE(store.pendingApprovals().size(), 1);
        // A second terminate while one is pending is refused.
        QVERIFY_THROWS_EXCEPTION(Error, service.decide(req, asOf));
        // The proposer cannot approve.
        const qint64 beforeApproval = store.auditCount();
        try {
            service.approve(QStringLiteral("A1"), QStringLiteral("ana"));
            QFAIL("self-approval accepted");
        } catch (const Error& e) {
            QCOMPARE(
                e.message(),
                QStringLiteral(
                    "ana proposed this terminate and cannot approve it: a second, different reviewer must"));
        }
        QCOMPARE(store.auditCount(), beforeApproval);
        // Another reviewer can.
        clock.advanceSecs(3600);
        out = service.approve(QStringLiteral("A1"), QStringLiteral("budi"));
        COMPARE_ENUM(out.status, AccountStatus::Terminated);
        COMPARE_ENUM(store.currentStatus(QStringLiteral("A1")), AccountStatus::Terminated);
        QVERIFY(store.pendingApprovals().isEmpty());
        QVERIFY(out.decision.noticeText.contains(QStringLiteral("terminated")));
        // Nothing left to approve.
        QVERIFY_THROWS_EXCEPTION(Error, service.approve(QStringLiteral("A1"), QStringLiteral("citra")));

        // Unknown account, bad list decision.
        req.accountId = QStringLiteral("NOPE");
        QVERIFY_THROWS_EXCEPTION(Error, service.decide(req, asOf));
        req.accountId = QStringLiteral("A2");
        req.action = Action::ApproveList;
        req.listId = QStringLiteral("L9");
        try {
            service.decide(req, asOf);
            QFAIL("unknown list accepted");
        } catch (const Error& e) {
            QCOMPARE(e.message(), QStringLiteral("account \"A2\" has no list \"L9\""));
        }

        const audit::VerifyResult v = audit::verify(store);
        QVERIFY2(v.ok, qPrintable(v.reason));
        QCOMPARE(v.entries, store.auditCount());
    }

    // approve_list / reject_list: the notice names the list ({{list_id}} of the templates), the decision and
    // its "list_decision" audit entry carry the list id, and the account's status does not change.
    void listDecisionNamesTheList()
    {
        QTemporaryDir dir;
        CaseStore store(dir.filePath(QStringLiteral("cases.sqlite")));
        fillStore(store);
        {
            ImportInfo info;
            info.bundlePath = QStringLiteral("hand-made-2");
            info.bundleSha256 = QStringLiteral("01");
            info.exportedAt = t("2026-11-20T00:00:00Z");
            info.source = QStringLiteral("test");
            info.importedAt = t("2026-11-21T01:00:00Z");
            info.importedBy = QStringLiteral("tester");
            auto w = store.beginImport(info);
            Account a = *store.account(QStringLiteral("A2"));
            w->addAccount(a);
            MailingList l;
            l.accountId = a.id;
            l.listId = QStringLiteral("L7");
            l.name = QStringLiteral("Expo");
            l.source = QStringLiteral("offline_form");
            w->addList(l);
            w->commit(QStringLiteral("{}"));
        }
        const rules::Policy policy = rules::Policy::builtin(QStringLiteral("optimais"));
        FixedClock clock(t("2026-11-22T09:00:00Z"));
        DecisionService service(store, policy, clock);
        for (const QString& lang : notice::languages())
            QVERIFY(service
                        .notice(QStringLiteral("A2"), Action::RejectList, lang, {}, QString(),
                                QStringLiteral("L7"))
                        .contains(QStringLiteral("L7")));
        const qint64 audit = store.auditCount();
        DecisionRequest req;
        req.accountId = QStringLiteral("A2");
        req.listId = QStringLiteral("L7");
        req.action = Action::RejectList;
        req.reviewer = QStringLiteral("ana");
        req.rationale = QStringLiteral("Collected at an expo without any consent wording.");
        const DecisionOutcome out = service.decide(req, QDateTime());
        QVERIFY(out.decision.noticeText.contains(QStringLiteral("L7")));
        QCOMPARE(out.decision.listId, QStringLiteral("L7"));
        COMPARE_ENUM(out.status, AccountStatus::Active);
        QCOMPARE(store.auditCount(), audit + 1);
        const AuditEntry last = *store.lastAuditEntry();
        QCOMPARE(last.kind, QStringLiteral("list_decision"));
        QCOMPARE(QJsonDocument::fromJson(last.payloadJson.toUtf8())
                     .object()
                     .value(QStringLiteral("list_id"))
                     .toString(),
                 QStringLiteral("L7"));
    }

    void supersededTerminateIsNoLongerPending()
    {
        QTemporaryDir dir;
        CaseStore store(dir.filePath(QStringLiteral("cases.sqlite")));
        fillStore(store);
        const rules::Policy policy = rules::Policy::builtin(QStringLiteral("optimais"));
        FixedClock clock(t("2026-11-22T09:00:00Z"));
        DecisionService service(store, policy, clock);
        DecisionRequest req;
        req.accountId = QStringLiteral("A1");
        req.action = Action::Terminate;
        req.reviewer = QStringLiteral("ana");
        req.rationale = QStringLiteral("Bought list confirmed by the customer on the phone.");
        service.decide(req, QDateTime());
        QCOMPARE(store.pendingApprovals().size(), 1);
        clock.advanceSecs(60);
        req.action = Action::Suspend;
        req.rationale.clear();
        service.decide(req, QDateTime());
        QVERIFY(store.pendingApprovals().isEmpty());
        QVERIFY_THROWS_EXCEPTION(Error, service.approve(QStringLiteral("A1"), QStringLiteral("budi")));
    }

    // Tampering with the SQLite file directly: `abusedesk-cli audit verify` must exit 1 naming the entry.
    void verifyDetectsTampering_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("expected");
        QTest::newRow("edited payload")
            << "UPDATE audit_log SET payload = replace(payload, 'ana', 'eve') WHERE seq = 2"
            << "entry 2: content does not match its hash";
        QTest::newRow("edited actor") << "UPDATE audit_log SET actor = 'eve' WHERE seq = 3"
                                      << "entry 3: content does not match its hash";
        QTest::newRow("deleted entry") << "DELETE FROM audit_log WHERE seq = 2"
                                       << "entry 3: sequence number out of order (expected 2)";
        QTest::newRow("reordered")
            << "UPDATE audit_log SET seq = 1000 WHERE seq = 2; UPDATE audit_log SET seq = 2 WHERE seq = 3; "
               "UPDATE audit_log SET seq = 3 WHERE seq = 1000"
            << "entry 2: previous-entry hash";
        QTest::newRow("decision edited behind the log")
            << "UPDATE decisions SET rationale = 'changed later' WHERE id = (SELECT max(id) FROM decisions)"
            << "has no matching audit entry";
        QTest::newRow("log cut short") << "DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)"
                                       << "has no matching audit entry";
        // Acceptance audit: deleting a decision row (e.g. an approval, to undo a terminate) left the log
        // "intact".
        QTest::newRow("decision deleted behind the log")
            << "DELETE FROM decisions WHERE id = (SELECT max(id) FROM decisions)"
            << "entry 3: records a decision that is missing from the decisions table";
    }
    void appendOnlyTriggers()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("cases.sqlite"));
        {
            CaseStore store(db);
            fillStore(store);
        }
        sqlite3* h = nullptr;
        QCOMPARE(sqlite3_open(db.toUtf8().constData(), &h), SQLITE_OK);
        QCOMPARE(sqlite3_exec(h, "UPDATE audit_log SET actor = 'eve'", nullptr, nullptr, nullptr),
                 SQLITE_CONSTRAINT);
        QCOMPARE(sqlite3_exec(h, "DELETE FROM audit_log", nullptr, nullptr, nullptr), SQLITE_CONSTRAINT);
        sqlite3_close(h);
    }

    void verifyDetectsTampering()
    {
        QFETCH(QString, sql);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("cases.sqlite"));
        {
            CaseStore store(db);
            fillStore(store);
            const rules::Policy policy = rules::Policy::builtin(QStringLiteral("optimais"));
            FixedClock clock(t("2026-11-22T09:00:00Z"));
            DecisionService service(store, policy, clock);
            DecisionRequest req;
            req.accountId = QStringLiteral("A1");
            req.action = Action::Suspend;
            req.reviewer = QStringLiteral("ana");
            service.decide(req, QDateTime());
            clock.advanceSecs(60);
            req.accountId = QStringLiteral("A2");
            req.action = Action::Dismiss;
            req.reviewer = QStringLiteral("budi");
            req.rationale = QStringLiteral("Flag was a false positive of the detector.");
            service.decide(req, QDateTime());
            QCOMPARE(store.auditCount(), 3); // import + two decisions
        }
        QProcess ok;
        ok.start(cli(), {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--db"), db});
        QVERIFY(ok.waitForFinished(60000));
        QCOMPARE(ok.exitCode(), 0);
        QVERIFY(ok.readAllStandardOutput().startsWith("audit log intact: 3 entries"));

        // The store's append-only triggers are the first wall; someone editing the file directly can drop
        // them, and the hash chain must still tell.
        execSql(db, QStringLiteral(
                        "DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS "
                        "audit_log_no_delete; DROP TRIGGER IF EXISTS decisions_no_update; DROP TRIGGER "
                        "IF EXISTS decisions_no_delete;"));
        execSql(db, sql);
        QProcess bad;
        bad.start(cli(), {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--db"), db});
        QVERIFY(bad.waitForFinished(60000));
        const QString err = QString::fromUtf8(bad.readAllStandardError());
        QCOMPARE(bad.exitCode(), 1);
        QVERIFY2(err.contains(expected), qPrintable(err));
    }

    void cliDecideAndApprove()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("cases.sqlite"));
        {
            CaseStore store(db);
            fillStore(store);
        }
        auto run = [&](const QStringList& args, int expectedExit) {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("ABUSEDESK_NOW"), QStringLiteral("2026-11-22T09:00:00Z"));
            p.setProcessEnvironment(env);
            p.start(cli(), QStringList(args) << QStringLiteral("--db") << db);
            if (!p.waitForFinished(60000))
                return QString();
            const QString out = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
            if (p.exitCode() != expectedExit)
                qWarning("exit %d: %s", p.exitCode(), qPrintable(out));
            return p.exitCode() == expectedExit ? out : QString();
        };
        QString out =
            run({QStringLiteral("decide"), QStringLiteral("--account"), QStringLiteral("A1"),
                 QStringLiteral("--action"), QStringLiteral("terminate"), QStringLiteral("--reason"),
                 QStringLiteral("Evidence shows a purchased list was used."), QStringLiteral("--reviewer"),
                 QStringLiteral("ana")},
                0);
        QVERIFY2(out.contains(QStringLiteral("takes effect once a second, different reviewer approves")),
                 qPrintable(out));
        out = run({QStringLiteral("approve"), QStringLiteral("--account"), QStringLiteral("A1"),
                   QStringLiteral("--reviewer"), QStringLiteral("ana")},
                  2);
        QVERIFY2(out.contains(QStringLiteral("cannot approve it")), qPrintable(out));
        out = run({QStringLiteral("approve"), QStringLiteral("--account"), QStringLiteral("A1"),
                   QStringLiteral("--reviewer"), QStringLiteral("budi")},
                  0);
        QVERIFY2(out.contains(QStringLiteral("status now terminated")), qPrintable(out));
        out = run({QStringLiteral("decide"), QStringLiteral("--account"), QStringLiteral("A2"),
                   QStringLiteral("--action"), QStringLiteral("ban"), QStringLiteral("--reason"),
                   QStringLiteral("x")},
                  2);
        QVERIFY2(out.contains(QStringLiteral("unknown action \"ban\"")), qPrintable(out));
        out = run({QStringLiteral("audit"), QStringLiteral("verify")}, 0);
        QVERIFY2(out.contains(QStringLiteral("3 entries")), qPrintable(out));
    }

    // Acceptance audit (cli.md): `decide … --reason TEXT` is not optional, and `audit verify` on a store
    // that does not exist is bad input (exit 2) instead of creating an empty store and calling it intact.
    void cliRefusesMissingReasonAndMissingStore()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("cases.sqlite"));
        {
            CaseStore store(db);
            fillStore(store);
        }
        auto run = [&](const QStringList& args, const QString& storePath, QString* err) {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("ABUSEDESK_REVIEWER"), QStringLiteral("ana"));
            p.setProcessEnvironment(env);
            p.start(cli(), QStringList(args) << QStringLiteral("--db") << storePath);
            if (!p.waitForFinished(60000))
                return -1;
            *err = QString::fromUtf8(p.readAllStandardError());
            return p.exitCode();
        };
        QString err;
        // A1's recommendation is suspend: agreeing with it still needs a rationale.
        QCOMPARE(run({QStringLiteral("decide"), QStringLiteral("--account"), QStringLiteral("A1"),
                      QStringLiteral("--action"), QStringLiteral("suspend")},
                     db, &err),
                 2);
        QVERIFY2(err.contains(QStringLiteral("--reason is required")), qPrintable(err));
        QCOMPARE(run({QStringLiteral("decide"), QStringLiteral("--account"), QStringLiteral("A1"),
                      QStringLiteral("--action"), QStringLiteral("suspend"), QStringLiteral("--reason"),
                      QStringLiteral("   ")},
                     db, &err),
                 2);
        QVERIFY2(err.contains(QStringLiteral("--reason is required")), qPrintable(err));
        {
            CaseStore store(db);
            QVERIFY(store.decisions(QStringLiteral("A1")).isEmpty());
            QCOMPARE(store.auditCount(), 1);
        }
        QCOMPARE(run({QStringLiteral("decide"), QStringLiteral("--account"), QStringLiteral("A1"),
                      QStringLiteral("--action"), QStringLiteral("suspend"), QStringLiteral("--reason"),
                      QStringLiteral("ok")},
                     db, &err),
                 0);

        // A2 is clean (recommendation none): dismissing it follows the recommendation.
        QCOMPARE(run({QStringLiteral("decide"), QStringLiteral("--account"), QStringLiteral("A2"),
                      QStringLiteral("--action"), QStringLiteral("dismiss"), QStringLiteral("--reason"),
                      QStringLiteral("clean")},
                     db, &err),
                 0);
        QCOMPARE(run({QStringLiteral("decide"), QStringLiteral("--account"), QStringLiteral("A2"),
                      QStringLiteral("--action"), QStringLiteral("warn"), QStringLiteral("--reason"),
                      QStringLiteral("clean")},
                     db, &err),
                 2);
        QVERIFY2(err.contains(QStringLiteral("differs from the recommendation (none)")), qPrintable(err));

        const QString missing = dir.filePath(QStringLiteral("no-such-store.sqlite"));
        for (const char* verb : {"verify", "list"}) {
            QCOMPARE(run({QStringLiteral("audit"), QString::fromLatin1(verb)}, missing, &err), 2);
            QVERIFY2(err.contains(QStringLiteral("no case store at ") + missing), qPrintable(err));
            QVERIFY(!QFile::exists(missing));
        }
        QCOMPARE(run({QStringLiteral("decide"), QStringLiteral("--account"), QStringLiteral("A1"),
                      QStringLiteral("--action"), QStringLiteral("suspend"), QStringLiteral("--reason"),
                      QStringLiteral("ok")},
                     missing, &err),
                 2);
        QVERIFY2(err.contains(QStringLiteral("no case store at ") + missing), qPrintable(err));
        QCOMPARE(run({QStringLiteral("approve"), QStringLiteral("--account"), QStringLiteral("A1"),
                      QStringLiteral("--reviewer"), QStringLiteral("budi")},
                     missing, &err),
                 2);
        QVERIFY2(err.contains(QStringLiteral("no case store at ") + missing), qPrintable(err));
        QVERIFY(!QFile::exists(missing));
    }
};

QTEST_GUILESS_MAIN(TestAudit)
#include "test_audit.moc"
