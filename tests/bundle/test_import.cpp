// SPDX-License-Identifier: GPL-3.0-or-later
// The all-or-nothing import of case bundles (core/bundle/importer.h): the good fixture as a folder and as a
// .zip, every bad input (exact error text, store unchanged), idempotent re-import, cancellation from
// another thread, and a kill -9 of abusedesk-cli in the middle of an import.
#include "bundle/importer.h"
#include "bundletestutil.h"
#include "lists/screener.h"
#include "store/casestore.h"
#include "store/sqlite.h"
#include "util/error.h"
#include "util/hash.h"
#include "util/timeutil.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QTest>
#include <dirent.h>
#include <functional>
#include <thread>

using namespace ad;
using namespace ad::bundle;
using namespace bundletest;

namespace {

// Threads of this process (/proc/self/task), to see the importer's message worker start and end.
int threadCount()
{
    int n = 0;
    if (DIR* d = opendir("/proc/self/task")) {
        while (const dirent* e = readdir(d))
            n += e->d_name[0] != '.';
        closedir(d);
    }
    return n;
}

ImportOptions options()
{
    ImportOptions o;
    o.reviewer = QStringLiteral("rita");
    o.now = *time::parseIso(u"2026-11-25T10:00:00Z");
    return o;
}

struct BadCase
{
    const char* name;
    std::function<void(const QString& dir)> edit; // applied to a copy of bundle-good
    QString error;
    qint64 maxFileSize = kDefaultMaxFileSize;
};

void replaceIn(const QString& path, const QByteArray& from, const QByteArray& to)
{
    QByteArray b = readFile(path);
    if (!b.contains(from))
        throw std::runtime_error("fixture edit: text not found in " + path.toStdString());
    b.replace(from, to);
    writeFile(path, b);
}

// What the store holds about the bundle's accounts, through the CaseStore API (no import record or audit).
QStringList content(const CaseStore& store)
{
    QStringList out;
    for (const Account& a : store.accounts()) {
        const AccountSnapshot s = store.loadSnapshot(a.id);
        out << QStringLiteral("account %1 %2 %3 %4").arg(a.id, a.name, a.ownerEmail, time::toIso(a.signupAt));
        for (const Campaign& c : s.campaigns)
            out << QStringLiteral("campaign %1 %2 %3 %4")
                       .arg(c.campaignId)
                       .arg(c.sent)
                       .arg(c.delivered)
                       .arg(c.bounces);
        for (const MailingList& l : s.lists)
            out << QStringLiteral("list %1 %2 %3 %4")
                       .arg(l.listId, l.source)
                       .arg(store.listRowCount(a.id, l.listId))
                       .arg(l.screening ? l.screening->detailsJson : QString());
        for (const EvidenceRow& e : s.evidence)
            out << QStringLiteral("evidence %1 %2 %3").arg(e.subscriber, e.method).arg(e.sourceLine);
        for (const Complaint& c : s.complaints)
            out << QStringLiteral("complaint %1 %2 %3 %4")
                       .arg(c.origin, c.file, c.recipient, time::toIso(c.receivedAt));
        for (const HistoryEntry& h : s.history)
            out << QStringLiteral("history %1 %2").arg(toString(h.action), h.reason);
        for (const StoredMessage& m : store.messages(a.id, true))
            out << QStringLiteral("message %1 %2 %3 %4")
                       .arg(m.file)
                       .arg(m.mboxIndex)
                       .arg(m.sha256, m.subject);
    }
    return out;
}

} // namespace

class TestImport : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    int m_n = 0;

    QString newPath(const QString& name)
    {
        return m_tmp.filePath(QStringLiteral("%1-%2").arg(++m_n).arg(name));
    }
    // Imports `dir` into the store at `db`; the error's text, or an empty string when it imported.
    static QString importError(const QString& db, const QString& dir, const ImportOptions& o)
    {
        CaseStore store(db);
        try {
            importBundle(store, dir, o);
        } catch (const Error& e) {
            return e.toString();
        }
        return QString();
    }
    QString goodCopy()
    {
        const QString dir = newPath(QStringLiteral("bundle"));
        copyTree(fixture(QStringLiteral("bundle-good")), dir);
        return dir;
    }
    // A store holding the good bundle already (so that "unchanged" means something).
    QString seededStore()
    {
        const QString db = newPath(QStringLiteral("cases.sqlite"));
        CaseStore store(db);
        importBundle(store, fixture(QStringLiteral("bundle-good")), options());
        return db;
    }

    static QList<BadCase> badCases()
    {
        return {
            {"missing column",
             [](const QString& d) {
                 replaceIn(d + "/campaigns.csv", "campaign_id,sent_at,", "campaign_id,");
             },
             "campaigns.csv:1: column sent_at: required column \"sent_at\" is missing from the header"},
            {"bad date",
             [](const QString& d) {
                 replaceIn(d + "/accounts.csv", "2024-06-01,warned", "2026-13-01,warned");
             },
             "accounts.csv:4: column signup_at: value \"2026-13-01\": not an ISO 8601 timestamp with offset "
             "(e.g. "
             "2026-03-01T09:30:00Z) or a date (2026-03-01)"},
            {"date without offset",
             [](const QString& d) {
                 replaceIn(d + "/history.csv", "2026-03-01T10:00:00Z", "2026-03-01T10:00:00");
             },
             "history.csv:2: column at: value \"2026-03-01T10:00:00\": not an ISO 8601 timestamp with offset "
             "(e.g. "
             "2026-03-01T09:30:00Z) or a date (2026-03-01)"},
            {"negative count",
             [](const QString& d) {
                 replaceIn(d + "/campaigns.csv", "1200,1190,10,2,0,5", "1200,1190,10,2,-1,5");
             },
             "campaigns.csv:4: column complaints: value \"-1\": not a non-negative integer"},
            {"delivered plus bounces above sent",
             [](const QString& d) { replaceIn(d + "/campaigns.csv", "5000,4900,100", "5000,4950,100"); },
             "campaigns.csv:3: column delivered: value \"4950\": delivered (4950) + bounces (100) = 5050 is "
             "more "
             "than sent (5000)"},
            {"hard bounces above bounces",
             [](const QString& d) { replaceIn(d + "/campaigns.csv", "1200,1190,10,2,", "1200,1190,10,12,"); },
             "campaigns.csv:4: column hard_bounces: value \"12\": hard_bounces (12) is more than bounces "
             "(10)"},
            {"unknown enum value",
             [](const QString& d) { replaceIn(d + "/accounts.csv", ",warned,", ",banned,"); },
             "accounts.csv:4: column status: value \"banned\": not one of: active, warned, suspended, "
             "terminated"},
            {"unknown list source",
             [](const QString& d) { replaceIn(d + "/lists.csv", ",purchased,", ",bought,"); },
             "lists.csv:3: column source: value \"bought\": not one of: signup_form, checkbox, offline_form, "
             "customers, double_opt_in, import, purchased, rented, third_party, public_web, unknown"},
            {"bad boolean", [](const QString& d) { replaceIn(d + "/lists.csv", "1200,true", "1200,yes"); },
             "lists.csv:4: column double_opt_in: value \"yes\": not a boolean (true or false)"},
            {"bad id", [](const QString& d) { replaceIn(d + "/campaigns.csv", "A1001,C8,", "A1001,C 8,"); },
             "campaigns.csv:3: column campaign_id: value \"C 8\": not a valid id (1 to 64 characters from "
             "A-Z a-z "
             "0-9 . _ : -)"},
            {"duplicate account id",
             [](const QString& d) {
                 QByteArray b = readFile(d + "/accounts.csv");
                 b += "A1001,Again,x@example.com,,,,2025-01-01,active,,\r\n";
                 writeFile(d + "/accounts.csv", b);
             },
             "accounts.csv:5: column account_id: value \"A1001\": account_id appears twice in accounts.csv "
             "(first "
             "on line 2)"},
            {"duplicate campaign in an account",
             [](const QString& d) { replaceIn(d + "/campaigns.csv", "A1001,C8,", "A1001,C7,"); },
             "campaigns.csv:3: column campaign_id: value \"C7\": campaign_id appears twice for account "
             "A1001"},
            {"duplicate list in an account",
             [](const QString& d) { replaceIn(d + "/lists.csv", "A1001,L2,", "A1001,L1,"); },
             "lists.csv:3: column list_id: value \"L1\": list_id appears twice for account A1001"},
            {"account referenced but not defined",
             [](const QString& d) { replaceIn(d + "/evidence.csv", "A1002,Q1,carol", "A1003,Q1,carol"); },
             "evidence.csv:4: column account_id: value \"A1003\": account is not defined in accounts.csv"},
            {"messages folder of an undefined account",
             [](const QString& d) {
                 writeFile(d + "/messages/A1003/m.eml", "From: a@b.example\r\n\r\nhi\r\n");
             },
             "messages/A1003/m.eml: value \"A1003\": folder for an account that is not defined in "
             "accounts.csv"},
            {"list file for unknown list",
             [](const QString& d) { writeFile(d + "/lists/A1001/L9.csv", "email\nx@example.com\n"); },
             "lists/A1001/L9.csv: value \"L9\": list file for a list that lists.csv does not define for "
             "account "
             "A1001"},
            {"list file without email column",
             [](const QString& d) {
                 replaceIn(d + "/lists/A1001/L2.csv", "email,first_name", "mail,first_name");
             },
             "lists/A1001/L2.csv:1: column email: required column \"email\" is missing from the header"},
            {"non-UTF-8 CSV",
             [](const QString& d) { replaceIn(d + "/accounts.csv", "Quiet Shop", "Quiet Caf\xE9"); },
             "accounts.csv:4: column name: value \"Quiet Caf\uFFFD\": not valid UTF-8 (byte 0xe9 at offset 9 "
             "of "
             "the value)"},
            {"unterminated quote",
             [](const QString& d) { replaceIn(d + "/complaints/complaints.csv", "angry\"", "angry"); },
             "complaints/complaints.csv:3: column note: value \"phoned support, angry\n\": unterminated "
             "quoted "
             "field: the quote opened on this line is never closed"},
            {"file over the size limit", [](const QString&) {},
             "accounts.csv: file of 448 bytes is larger than the limit of 300 bytes; refused", 300},
            {"unknown manifest version",
             [](const QString& d) { replaceIn(d + "/manifest.json", "\"version\": 1", "\"version\": 2"); },
             "manifest.json:1: column version: value \"2\": unsupported case-bundle version (this program "
             "reads "
             "version 1)"},
            {"manifest of another format",
             [](const QString& d) { replaceIn(d + "/manifest.json", "\"case-bundle\"", "\"mail-export\""); },
             "manifest.json:1: column format: value \"mail-export\": not a case bundle manifest (format must "
             "be "
             "\"case-bundle\")"},
            {"manifest exported_at invalid",
             [](const QString& d) { replaceIn(d + "/manifest.json", "2026-11-20T00:00:00Z", "20 Nov 2026"); },
             "manifest.json:2: column exported_at: value \"20 Nov 2026\": not an ISO 8601 timestamp with "
             "offset "
             "(e.g. 2026-03-01T09:30:00Z) or a date (2026-03-01)"},
            {"manifest not JSON",
             [](const QString& d) { writeFile(d + "/manifest.json", "{ \"format\":\n  case-bundle }"); },
             "manifest.json:2: not valid JSON: illegal number"},
            {"no manifest", [](const QString& d) { QFile::remove(d + "/manifest.json"); },
             "%BUNDLE%: not a case bundle: manifest.json is missing"},
            {"no accounts.csv", [](const QString& d) { QFile::remove(d + "/accounts.csv"); },
             "%BUNDLE%: accounts.csv is missing (it is required)"},
            {"ARF file that is not ARF",
             [](const QString& d) {
                 writeFile(d + "/complaints/A1001/fbl-1.eml",
                           "From: someone@example.org\r\nTo: abuse@optimais.example\r\nSubject: spam!\r\n\r\n"
                           "Your customer spams me.\r\n");
             },
             "complaints/A1001/fbl-1.eml: not a valid ARF feedback report (RFC 5965): Content-Type is "
             "text/plain, not "
             "multipart/report"},
            {"message that is not mail",
             [](const QString& d) {
                 writeFile(d + "/messages/A1001/blackfriday.eml",
                           QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
             },
             "messages/A1001/blackfriday.eml: not an e-mail message: binary data (NUL bytes in the header "
             "block)"},
            {"mbox that is not mbox",
             [](const QString& d) {
                 writeFile(d + "/messages/A1002/letters.mbox", "Subject: hi\n\nno From line\n");
             },
             "messages/A1002/letters.mbox:1: not an mbox file: it does not start with a \"From \" line"},
        };
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_tmp.isValid()); }

    void goodFolder()
    {
        const QString db = newPath(QStringLiteral("cases.sqlite"));
        CaseStore store(db);
        QList<ImportProgress> progress;
        ImportOptions o = options();
        o.progress = [&](const ImportProgress& p) { progress.append(p); };
        const ImportResult r = importBundle(store, fixture(QStringLiteral("bundle-good")), o);
        QCOMPARE(
            r.summaryJson(),
            QStringLiteral(
                R"({"accounts":2,"campaigns":3,"complaints":3,"evidence":3,"messages":3,"warnings":[]})"));
        QCOMPARE(r.counts.lists, 3);
        QCOMPARE(r.counts.listRows, 6);
        QCOMPARE(r.counts.history, 2);
        QCOMPARE(r.fileCount, 11);
        QCOMPARE(r.previousImportId, 0);
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().bytesRead, progress.last().bytesTotal);
        QCOMPARE(progress.last().rows, 2 + 3 + 3 + 3 + 2 + 2 + 6 + 3 + 1);

        // Accounts: quoted comma, quoted CRLF, doubled quotes, offsets converted to UTC, ;-lists.
        QCOMPARE(store.accountCount(), 2);
        const Account a = *store.account(QStringLiteral("A1001"));
        QCOMPARE(a.name, QStringLiteral("Bright Deals, Ltd."));
        QCOMPARE(a.postalAddress, QStringLiteral("Jl. Sudirman 1\r\nJakarta 10220"));
        QCOMPARE(a.flagReason, QStringLiteral("complaint rate \"spike\" on C7"));
        QCOMPARE(time::toIso(a.flaggedAt), QStringLiteral("2026-11-18T03:00:00Z"));
        QCOMPARE(a.fromAddresses, (QStringList{"news@brightdeals.example", "promo@brightdeals.example"}));
        const Account b = *store.account(QStringLiteral("A1002"));
        QVERIFY(b.status == AccountStatus::Warned);
        QCOMPARE(time::toIso(b.signupAt), QStringLiteral("2024-06-01T00:00:00Z"));
        QVERIFY(!b.flaggedAt.isValid());

        // Campaign ids are per account.
        const QList<Campaign> c1 = store.campaigns(QStringLiteral("A1001"));
        QCOMPARE(c1.size(), 2);
        QCOMPARE(c1[0].campaignId, QStringLiteral("C7"));
        QCOMPARE(c1[0].listIds, (QStringList{"L1", "L2"}));
        QCOMPARE(c1[0].hardBounces, std::optional<qint64>(500));
        QCOMPARE(c1[1].hardBounces, std::nullopt);
        QCOMPARE(c1[1].uniqueClicks, std::nullopt);
        QCOMPARE(store.campaigns(QStringLiteral("A1002")).size(), 1);

        // Lists and the screened list file.
        const QList<MailingList> lists = store.lists(QStringLiteral("A1001"));
        QCOMPARE(lists.size(), 2);
        const MailingList& l2 = lists[0].listId == QLatin1String("L2") ? lists[0] : lists[1];
        QVERIFY(l2.hasFile);
        QVERIFY(l2.screening.has_value());
        QCOMPARE(l2.screening->rows, 6);
        QCOMPARE(l2.screening->duplicates, 1);
        QCOMPARE(l2.screening->invalid, 1);
        QCOMPARE(store.listRowCount(QStringLiteral("A1001"), QStringLiteral("L2")), 6);
        QCOMPARE(store.listRowCount(QStringLiteral("A1001"), QStringLiteral("L2"), lists::Duplicate), 1);
        const QList<ListRow> rows = store.listRows(QStringLiteral("A1001"), QStringLiteral("L2"), 0, 0, 10);
        QCOMPARE(rows.size(), 6);
        QCOMPARE(rows[1].line, 3);
        QCOMPARE(rows[1].email, QStringLiteral("info@brightdeals-partner.example"));
        QCOMPARE(QJsonDocument::fromJson(rows[1].rawJson.toUtf8()).object(),
                 (QJsonObject{{"first_name", ""}, {"source_note", "booth, hall 3"}}));
        QVERIFY(rows[1].problems & lists::Role);

        // Evidence, history.
        const QList<EvidenceRow> ev = store.evidence(QStringLiteral("A1001"));
        QCOMPARE(ev.size(), 2);
        QCOMPARE(ev[0].consentText, QStringLiteral("Yes, send me offers"));
        QCOMPARE(ev[0].checkboxDefault, QStringLiteral("checked"));
        QCOMPARE(ev[0].sourceLine, 2);
        const QList<HistoryEntry> h = store.history(QStringLiteral("A1002"));
        QCOMPARE(h.size(), 2);
        QVERIFY(h[1].action == Action::RequestProof);
        QCOMPARE(h[1].reason, QStringLiteral("asked for\nsignup proof"));

        // Complaints: two csv rows and one ARF report.
        const QList<Complaint> comp = store.complaints(QStringLiteral("A1001"));
        QCOMPARE(comp.size(), 3);
        const auto arf =
            std::find_if(comp.begin(), comp.end(), [](const Complaint& c) { return c.origin == "arf"; });
        QVERIFY(arf != comp.end());
        QCOMPARE(arf->feedbackType, QStringLiteral("abuse"));
        QCOMPARE(arf->recipient, QStringLiteral("x3@yahoo.example"));
        QCOMPARE(arf->sourceIp, QStringLiteral("192.0.2.10"));
        QCOMPARE(arf->campaignId, QStringLiteral("C7"));
        QCOMPARE(arf->file, QStringLiteral("complaints/A1001/fbl-1.eml"));
        QCOMPARE(time::toIso(arf->receivedAt), QStringLiteral("2026-11-11T06:59:00Z"));
        QVERIFY(arf->reportedMessage.contains("Black Friday early access"));

        // Messages: parsed facts of the .eml and of both messages of the .mbox.
        const QList<StoredMessage> m1 = store.messages(QStringLiteral("A1001"), true);
        QCOMPARE(m1.size(), 1);
        QCOMPARE(m1[0].subject, QString::fromUtf8("Black Friday \u2013 early access"));
        QCOMPARE(m1[0].campaignId, QStringLiteral("C7"));
        QCOMPARE(m1[0].mboxIndex, -1);
        QCOMPARE(m1[0].file, QStringLiteral("messages/A1001/blackfriday.eml"));
        QCOMPARE(m1[0].raw, readFile(fixture(QStringLiteral("bundle-good/messages/A1001/blackfriday.eml"))));
        QCOMPARE(m1[0].linkDomains, (QStringList{"shop.brightdeals.example", "tracker.example"}));
        QVERIFY(m1[0].oneClickUnsubscribe);
        QCOMPARE(m1[0].listUnsubscribe.size(), 2);
        QCOMPARE(m1[0].spf, QStringLiteral("pass"));
        QCOMPARE(m1[0].dmarc, QStringLiteral("fail"));
        QVERIFY(m1[0].text.contains(QString::fromUtf8("Black Friday \u2013 50% off everything")));
        const QList<StoredMessage> m2 = store.messages(QStringLiteral("A1002"), true);
        QCOMPARE(m2.size(), 2);
        QCOMPARE(m2[0].mboxIndex, 0);
        QCOMPARE(m2[1].mboxIndex, 1);
        QVERIFY(m2[0].text.contains(QStringLiteral("\nFrom our garden"))); // mboxrd quoting undone
        QCOMPARE(m2[1].subject, QString::fromUtf8("Caf\u00e9 news"));
        QVERIFY(m2[1].text.contains(QString::fromUtf8("caf\u00e9 opens"))); // visible text of the HTML
        QCOMPARE(m2[1].linkDomains, QStringList{"quietshop.example"});

        // Import record, file list, audit entry.
        const QList<ImportRecord> imports = store.imports();
        QCOMPARE(imports.size(), 1);
        QCOMPARE(imports[0].info.bundleSha256, r.bundleSha256);
        QCOMPARE(imports[0].info.importedBy, QStringLiteral("rita"));
        QCOMPARE(imports[0].summaryJson, r.summaryJson());
        QCOMPARE(store.importFiles(imports[0].id).size(), 11);
        const auto audit = store.lastAuditEntry();
        QVERIFY(audit.has_value());
        QCOMPARE(audit->kind, QStringLiteral("import"));
        QCOMPARE(audit->actor, QStringLiteral("rita"));
        const QJsonObject payload = QJsonDocument::fromJson(audit->payloadJson.toUtf8()).object();
        QCOMPARE(payload.value("bundle_sha256").toString(), r.bundleSha256);
        QCOMPARE(payload.value("counts").toObject().value("messages").toInt(), 3);
    }

    void goodZipEqualsFolder()
    {
        const QString dbFolder = newPath(QStringLiteral("folder.sqlite"));
        const QString dbZip = newPath(QStringLiteral("zip.sqlite"));
        const QString zip = newPath(QStringLiteral("bundle.zip"));
        // Zipped with its top folder, as "Compress folder" does.
        writeZip(zip, treeEntries(fixture(QStringLiteral("bundle-good")), QStringLiteral("bundle-good/")));
        CaseStore sf(dbFolder), sz(dbZip);
        const ImportResult rf = importBundle(sf, fixture(QStringLiteral("bundle-good")), options());
        const ImportResult rz = importBundle(sz, zip, options());
        QCOMPARE(rz.summaryJson(), rf.summaryJson());
        QCOMPARE(rz.bundleSha256, rf.bundleSha256); // same files, same hash
        QCOMPARE(content(sz), content(sf));
        QCOMPARE(content(sz).size(), 2 + 3 + 3 + 3 + 3 + 2 + 3);
        // Without the top folder, the same again.
        const QString flat = newPath(QStringLiteral("flat.zip"));
        writeZip(flat, treeEntries(fixture(QStringLiteral("bundle-good"))));
        CaseStore s3(newPath(QStringLiteral("flat.sqlite")));
        importBundle(s3, flat, options());
        QCOMPARE(content(s3), content(sf));
    }

    void unknownColumnsAndFilesAreWarnings()
    {
        const QString dir = goodCopy();
        replaceIn(dir + "/accounts.csv", "flag_reason\r\n", "flag_reason,vip,tier\r\n");
        replaceIn(dir + "/accounts.csv", "on C7\"\r\n", "on C7\",yes,gold\r\n");
        replaceIn(dir + "/accounts.csv", "warned,,\r\n", "warned,,,,\r\n");
        writeFile(dir + "/notes.txt", "reviewer notes");
        writeFile(dir + "/messages/A1001/readme.md", "not a message");
        CaseStore store(newPath(QStringLiteral("cases.sqlite")));
        const ImportResult r = importBundle(store, dir, options());
        QCOMPARE(r.warnings,
                 (QStringList{"messages/A1001/readme.md: not part of the case-bundle format; ignored",
                              "notes.txt: not part of the case-bundle format; ignored",
                              "accounts.csv: unknown columns ignored: vip, tier"}));
        QCOMPARE(r.counts.accounts, 2);
        QCOMPARE(r.fileCount, 11); // ignored files are not read
    }

    void rowsNamingAnUndefinedListAreWarnings()
    {
        const QString dir = goodCopy();
        replaceIn(dir + "/evidence.csv", "A1001,L2,bob@gmial.com", "A1001,L9,bob@gmial.com");
        replaceIn(dir + "/campaigns.csv", ",L1;L2,", ",L1;X2;X3,");
        CaseStore store(newPath(QStringLiteral("cases.sqlite")));
        const ImportResult r = importBundle(store, dir, options());
        QCOMPARE(r.warnings,
                 (QStringList{
                     "campaigns.csv: 1 campaign names in list_ids a list that is not in lists.csv (first: "
                     "line 2, account A1001, list X2)",
                     "evidence.csv: 1 row names a list that is not in lists.csv (first: line 3, account "
                     "A1001, list L9)"}));
        // Kept as exported: the rows are imported.
        QCOMPARE(r.counts.campaigns, 3);
        QCOMPARE(r.counts.evidence, 3);
        // A list of another account with the same id does not count as defined (ids are per account).
        const QString other = goodCopy();
        replaceIn(other + "/evidence.csv", "A1001,L2,bob@gmial.com", "A1001,Q1,bob@gmial.com");
        CaseStore store2(newPath(QStringLiteral("cases2.sqlite")));
        QCOMPARE(
            importBundle(store2, other, options()).warnings,
            (QStringList{"evidence.csv: 1 row names a list that is not in lists.csv (first: line 3, account "
                         "A1001, list Q1)"}));
    }

    void complaintsAndMessagesNamingAnUndefinedCampaignAreWarnings()
    {
        // The good bundle names only defined campaigns: no warning.
        {
            CaseStore store(newPath(QStringLiteral("clean.sqlite")));
            QCOMPARE(importBundle(store, goodCopy(), options()).warnings, QStringList());
        }
        const QString dir = goodCopy();
        replaceIn(dir + "/complaints/complaints.csv", "A1001,C7,2026-11-11", "A1001,C9,2026-11-11");
        replaceIn(dir + "/complaints/A1001/fbl-1.eml", "X-Campaign-ID: C7", "X-Campaign-ID: C5");
        replaceIn(dir + "/messages/A1001/blackfriday.eml", "X-Campaign-ID: C7", "X-Campaign-ID: C6");
        // A1002's letters name C7, which A1002 defines too (ids are per account): no warning for them.
        CaseStore store(newPath(QStringLiteral("cases.sqlite")));
        const ImportResult r = importBundle(store, dir, options());
        QCOMPARE(
            r.warnings,
            (QStringList{
                "complaints/complaints.csv: 1 complaint names a campaign_id that is not in campaigns.csv "
                "(first: line 2, account A1001, campaign C9)",
                "complaints/: 1 ARF report names a campaign that is not in campaigns.csv (first: "
                "complaints/A1001/fbl-1.eml, account A1001, campaign C5)",
                "messages/: 1 message's X-Campaign-ID names a campaign that is not in campaigns.csv (first: "
                "messages/A1001/blackfriday.eml, account A1001, campaign C6)"}));
        // Kept as exported.
        QCOMPARE(r.counts.complaints, 3);
        QCOMPARE(r.counts.messages, 3);
        // A campaign of another account with the same id does not count as defined.
        const QString other = goodCopy();
        replaceIn(other + "/complaints/complaints.csv", "A1001,C7,2026-11-11", "A1002,C8,2026-11-11");
        CaseStore store2(newPath(QStringLiteral("cases2.sqlite")));
        QCOMPARE(importBundle(store2, other, options()).warnings,
                 (QStringList{"complaints/complaints.csv: 1 complaint names a campaign_id that is not in "
                              "campaigns.csv (first: line 2, account A1002, campaign C8)"}));
    }

    // Every bad input with the messages parsed by the importer's worker thread (the default) and in line:
    // the same error, the store unchanged.
    void badInput_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<bool>("parallel");
        QTest::addColumn<bool>("csvParallel");
        const QList<BadCase> cases = badCases();
        for (int i = 0; i < cases.size(); ++i) {
            QTest::addRow("%s", cases[i].name) << i << true << true;
            QTest::addRow("%s (messages in line)", cases[i].name) << i << false << true;
            QTest::addRow("%s (CSV in line)", cases[i].name) << i << true << false;
        }
    }
    void badInput()
    {
        QFETCH(int, index);
        QFETCH(bool, parallel);
        QFETCH(bool, csvParallel);
        const BadCase bad = badCases()[index];
        const QString db = seededStore();
        const QString dir = goodCopy();
        bad.edit(dir);
        const QByteArray before = dumpStore(db);
        QString error;
        Error::Kind kind = Error::Kind::Internal;
        {
            CaseStore store(db);
            ImportOptions o = options();
            o.maxFileSize = bad.maxFileSize;
            o.parseMessagesInParallel = parallel;
            o.parseCsvInParallel = csvParallel;
            try {
                importBundle(store, dir, o);
                error = QStringLiteral("(imported)");
            } catch (const Error& e) {
                error = e.toString();
                kind = e.kind();
            }
        }
        QCOMPARE(kind, Error::Kind::Input);
        QString expected = bad.error;
        expected.replace(QStringLiteral("%BUNDLE%"), dir);
        QCOMPARE(error, expected);
        QCOMPARE(dumpStore(db), before);
    }

    // A message the worker finds not to be mail is reported only after the CSV files' errors, as in line:
    // the first error in the import's order wins.
    void messageErrorComesAfterCsvErrors()
    {
        for (const bool parallel : {true, false}) {
            const QString db = seededStore();
            const QString dir = goodCopy();
            writeFile(dir + "/messages/A1001/blackfriday.eml",
                      QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
            replaceIn(dir + "/complaints/complaints.csv", "angry\"", "angry");
            const QByteArray before = dumpStore(db);
            ImportOptions o = options();
            o.parseMessagesInParallel = parallel;
            const QString error = importError(db, dir, o);
            QCOMPARE(error,
                     QStringLiteral("complaints/complaints.csv:3: column note: value \"phoned support, "
                                    "angry\n\": unterminated quoted field: the quote opened on this "
                                    "line is never closed"));
            QCOMPARE(dumpStore(db), before);
        }
    }

    // The CSV producer thread runs ahead of the rows being checked (here: it has parsed the whole file, over
    // many batches, before the importer reaches the bad row): a row's own error still wins over a later
    // row's syntax error, a syntax error alone is reported with its line, and both exactly as when the CSV
    // files are parsed in line; the store is unchanged.
    void csvErrorsInOrderWithProducerAhead()
    {
        const QByteArray row = "A1001,L1,alice@gmail.com,checkbox,2025-03-01T12:00:00Z,,,,,,,,\n";
        QByteArray body;
        for (int i = 0; i < 5000; ++i) // ~10 of the producer's batches
            body += row;
        const QByteArray header =
            readFile(fixture(QStringLiteral("bundle-good/evidence.csv"))).split('\n')[0];
        const QByteArray undefined = "A9999,L1,alice@gmail.com,checkbox,2025-03-01T12:00:00Z,,,,,,,,\n";
        const QByteArray badQuote = "A1001,L1,\"alice\"x,checkbox,,,,,,,,,\n";
        struct Case
        {
            QByteArray csv;
            QString error;
        };
        const QList<Case> cases{
            {header + '\n' + body + undefined + body + badQuote + body,
             QStringLiteral(
                 "evidence.csv:5002: column account_id: value \"A9999\": account is not defined in "
                 "accounts.csv")},
            {header + '\n' + body + undefined + badQuote + body, // the same batch of the producer
             QStringLiteral(
                 "evidence.csv:5002: column account_id: value \"A9999\": account is not defined in "
                 "accounts.csv")},
            {header + '\n' + body + body + badQuote + body,
             QStringLiteral(
                 "evidence.csv:10002: column subscriber: value \"alice\": unexpected text after the "
                 "closing quote of a quoted field")},
            {header + '\n' + body + "A1001,L1\n" + body,
             QStringLiteral("evidence.csv:5002: the row has 2 fields but the header has 13")},
            {header + '\n' + body + QByteArray("A1001,L1,b\xff@x.example,none,,,,,,,,,\n") + body,
             QStringLiteral("evidence.csv:5002: column subscriber: value \"b\uFFFD@x.example\": not valid "
                            "UTF-8 (byte 0xff at offset 1 of the value)")},
        };
        for (const Case& c : cases) {
            for (const bool csvParallel : {true, false}) {
                const QString db = seededStore();
                const QString dir = goodCopy();
                writeFile(dir + "/evidence.csv", c.csv);
                const QByteArray before = dumpStore(db);
                ImportOptions o = options();
                o.parseCsvInParallel = csvParallel;
                const QString error = importError(db, dir, o);
                QCOMPARE(error, c.error);
                QCOMPARE(dumpStore(db), before);
            }
        }
    }

    // A large bundle-good (campaigns.csv of 20,000 rows) imported with the CSV files parsed by the producer
    // thread and in line: the same store, files and bundle hash, and the progress reaches every byte.
    void csvProducerGivesSameStore()
    {
        const QString dir = goodCopy();
        QByteArray campaigns = readFile(dir + "/campaigns.csv");
        for (int i = 0; i < 20000; ++i)
            campaigns +=
                QStringLiteral(
                    "A1002,X%1,2026-11-10T09:00:00Z,\"Sale, \"\"now\"\"\",a@b.example,L1,10,9,1,,0,0,"
                    "1,\r\n")
                    .arg(i)
                    .toUtf8();
        writeFile(dir + "/campaigns.csv", campaigns);
        QStringList contents;
        QString hash;
        for (const bool csvParallel : {true, false}) {
            CaseStore store(newPath(QStringLiteral("cases.sqlite")));
            ImportOptions o = options();
            o.parseCsvInParallel = csvParallel;
            qint64 lastBytes = 0, total = 0;
            o.progress = [&](const ImportProgress& p) {
                QVERIFY(p.bytesRead >= lastBytes);
                lastBytes = p.bytesRead;
                total = p.bytesTotal;
            };
            const ImportResult r = importBundle(store, dir, o);
            QCOMPARE(r.counts.campaigns, 20003);
            QCOMPARE(lastBytes, total);
            if (hash.isEmpty()) {
                hash = r.bundleSha256;
                contents = content(store);
            } else {
                QCOMPARE(r.bundleSha256, hash);
                QCOMPARE(content(store), contents);
            }
        }
    }

    // Cancelling while the CSV producer is ahead (blocked on its full queue) leaves the store unchanged and
    // ends the producer thread before importBundle returns.
    void cancelWhileCsvProducerRuns()
    {
        const QString db = seededStore();
        const QByteArray before = dumpStore(db);
        const QString dir = goodCopy();
        QByteArray campaigns = readFile(dir + "/campaigns.csv");
        for (int i = 0; i < 50000; ++i)
            campaigns += QStringLiteral("A1002,X%1,2026-11-10T09:00:00Z,s,a@b.example,L1,10,9,1,,0,0,1,\n")
                             .arg(i)
                             .toUtf8();
        writeFile(dir + "/campaigns.csv", campaigns);
        const int threadsBefore = threadCount();
        std::atomic<bool> cancel{false};
        int threadsDuring = 0, threadsAfter = 0;
        QString error;
        Error::Kind kind = Error::Kind::Internal;
        std::thread importing([&] {
            CaseStore store(db);
            ImportOptions o = options();
            o.parseMessagesInParallel = false; // only the CSV producer besides this thread
            o.cancel = &cancel;
            o.progress = [&](const ImportProgress& p) {
                if (!cancel && p.file == QLatin1String("campaigns.csv") && p.rows > 1000) {
                    threadsDuring = threadCount();
                    cancel.store(true);
                }
            };
            try {
                importBundle(store, dir, o);
            } catch (const Error& e) {
                error = e.toString();
                kind = e.kind();
            }
            threadsAfter = threadCount();
        });
        importing.join();
        QCOMPARE(threadsDuring, threadsBefore + 2); // this thread and the producer
        QCOMPARE(threadsAfter, threadsBefore + 1);  // the producer has ended
        QCOMPARE(kind, Error::Kind::Cancelled);
        QCOMPARE(error, QStringLiteral("cancelled by the user"));
        QCOMPARE(dumpStore(db), before);
    }

    // ARF reports are parsed by the message worker (with the messages): a bad report is still reported in
    // the bundle's order: after a CSV file's error, before a later list file's or message's error, exactly
    // as in line; the store is unchanged.
    void arfErrorInBundleOrder()
    {
        const QByteArray notArf =
            "From: someone@example.org\r\nTo: abuse@optimais.example\r\nSubject: spam!\r\n\r\nYour customer "
            "spams me.\r\n";
        const QString arfError = QStringLiteral("complaints/A1001/fbl-1.eml: not a valid ARF feedback report "
                                                "(RFC 5965): Content-Type is text/plain, "
                                                "not multipart/report");
        struct Case
        {
            std::function<void(const QString&)> edit;
            QString error;
        };
        const QList<Case> cases{
            {[](const QString&) {}, arfError},
            {[](const QString& d) {
                 replaceIn(d + "/lists/A1001/L2.csv", "alice@gmail.com,Alice", "al\"ice,A");
             },
             arfError},
            {[](const QString& d) {
                 writeFile(d + "/messages/A1001/blackfriday.eml",
                           QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
             },
             arfError},
            {[](const QString& d) { replaceIn(d + "/history.csv", ",warn,", ",nope,"); },
             QStringLiteral(
                 "history.csv:2: column action: value \"nope\": not one of: warn, suspend, terminate, "
                 "reinstate, proof_requested")},
        };
        for (const Case& c : cases) {
            for (const bool parallel : {true, false}) {
                const QString db = seededStore();
                const QString dir = goodCopy();
                writeFile(dir + "/complaints/A1001/fbl-1.eml", notArf);
                c.edit(dir);
                const QByteArray before = dumpStore(db);
                ImportOptions o = options();
                o.parseMessagesInParallel = parallel;
                const QString error = importError(db, dir, o);
                QCOMPARE(error, c.error);
                QCOMPARE(dumpStore(db), before);
            }
        }
    }

    // The complaints get their ids in the bundle's order (complaints.csv's rows, then the ARF reports), with
    // the messages parsed by the worker or in line: a worker's results are never written ahead of their
    // place (a candidate that let the worker parse the ARF reports wrote them among complaints.csv's rows).
    void complaintIdsInBundleOrder()
    {
        QString expected;
        for (const bool parallel : {true, false}) {
            CaseStore store(newPath(QStringLiteral("cases.sqlite")));
            ImportOptions o = options();
            o.parseMessagesInParallel = parallel;
            importBundle(store, fixture(QStringLiteral("bundle-good")), o);
            const QString order =
                store.database().queryText("SELECT group_concat(origin || ':' || file, ' ') FROM "
                                           "(SELECT origin, file FROM complaints ORDER BY id)");
            QVERIFY2(order.endsWith(QLatin1String("arf:complaints/A1001/fbl-1.eml")), qPrintable(order));
            if (expected.isEmpty())
                expected = order;
            QCOMPARE(order, expected);
        }
    }

    // Every file read is in import_files (written while the files are streamed, not kept until the end),
    // with its size and SHA-256; the bundle hash is bundleHash() of that list; parsing messages on the
    // worker thread or in line gives the same store, files and hash.
    void filesRecordedWhileStreaming()
    {
        const QString bundle = fixture(QStringLiteral("bundle-good"));
        QStringList contents;
        QString hash;
        for (const bool parallel : {true, false}) {
            CaseStore store(newPath(QStringLiteral("cases.sqlite")));
            ImportOptions o = options();
            o.parseMessagesInParallel = parallel;
            const ImportResult r = importBundle(store, bundle, o);
            const QList<ImportedFile> files = store.importFiles(r.importId);
            const auto tree = treeEntries(bundle);
            QCOMPARE(files.size(), tree.size());
            QCOMPARE(r.fileCount, tree.size());
            for (qsizetype i = 0; i < tree.size(); ++i) {
                QCOMPARE(files[i].path, tree[i].first);
                QCOMPARE(files[i].size, tree[i].second.size());
                QCOMPARE(files[i].sha256, sha256Hex(tree[i].second));
            }
            QCOMPARE(r.bundleSha256, bundleHash(files));
            QCOMPARE(store.imports().constFirst().info.bundleSha256, r.bundleSha256);
            if (hash.isEmpty()) {
                hash = r.bundleSha256;
                contents = content(store);
            } else {
                QCOMPARE(r.bundleSha256, hash);
                QCOMPARE(content(store), contents);
            }
        }
    }

    // The streamed bundle hash (paths in UTF-8 byte order, as the store gives them) equals bundleHash()'s
    // (QString order, UTF-16), also where the two orders differ (U+E000 and above against surrogate pairs).
    void bundleHashOfSortedEqualsBundleHash()
    {
        const QList<QStringList> lists{
            {"accounts.csv", "messages/A1/b.eml", "messages/A1/a.eml", "manifest.json"},
            {QString::fromUtf8("messages/A1/\xEE\x80\x80.eml"),
             QString::fromUtf8("messages/A1/\xF0\x9F\x98\x80.eml"),
             QString::fromUtf8("messages/A1/\xEF\xBF\xBD.eml"), "accounts.csv"}};
        for (const QStringList& paths : lists) {
            QList<ImportedFile> files;
            for (const QString& p : paths)
                files.append(ImportedFile{p, 1, sha256Hex(p.toUtf8())});
            QList<QByteArray> utf8;
            for (const ImportedFile& f : files)
                utf8.append(f.path.toUtf8() + '\t' + f.sha256.toLatin1());
            std::sort(utf8.begin(), utf8.end()); // byte order, as SQLite's BINARY collation
            int visits = 0;
            const QString streamed = bundleHashOfSorted([&](const FileVisitor& visit) {
                ++visits;
                for (const QByteArray& line : std::as_const(utf8)) {
                    const qsizetype tab = line.indexOf('\t');
                    visit(QByteArrayView(line).first(tab), QByteArrayView(line).sliced(tab + 1));
                }
            });
            QCOMPARE(streamed, bundleHash(files));
            QCOMPARE(visits, paths[0] == QLatin1String("accounts.csv") ? 1 : 2); // 2: sorted in memory
        }
    }

    // Cancelling while the message worker is parsing (and blocked on its full queue) leaves the store
    // unchanged and ends the worker thread before importBundle returns.
    void cancelWhileMessageWorkerRuns()
    {
        const QString db = seededStore();
        const QByteArray before = dumpStore(db);
        const QString dir = goodCopy();
        const QByteArray mail = readFile(dir + "/messages/A1001/blackfriday.eml");
        for (int i = 0; i < 600; ++i) // more than the worker's queue holds
            writeFile(dir + QStringLiteral("/messages/A1001/copy%1.eml").arg(i), mail);
        const int threadsBefore = threadCount();
        std::atomic<bool> cancel{false};
        int threadsDuring = 0, threadsAfter = 0;
        QString error;
        Error::Kind kind = Error::Kind::Internal;
        std::thread importing([&] {
            CaseStore store(db);
            ImportOptions o = options();
            o.cancel = &cancel;
            o.progress = [&](const ImportProgress& p) {
                if (!cancel && p.file == QLatin1String("campaigns.csv")) {
                    threadsDuring = threadCount();
                    cancel.store(true);
                }
            };
            try {
                importBundle(store, dir, o);
            } catch (const Error& e) {
                error = e.toString();
                kind = e.kind();
            }
            threadsAfter = threadCount();
        });
        importing.join();
        QCOMPARE(threadsDuring, threadsBefore + 2); // this thread and the worker
        QCOMPARE(threadsAfter, threadsBefore + 1);  // the worker has ended
        QCOMPARE(kind, Error::Kind::Cancelled);
        QCOMPARE(error, QStringLiteral("cancelled by the user"));
        QCOMPARE(dumpStore(db), before);
        QCOMPARE(threadCount(), threadsBefore);
    }

    void emptyBundle()
    {
        const QString db = seededStore();
        const QByteArray before = dumpStore(db);
        const QString dir = newPath(QStringLiteral("empty"));
        QDir().mkpath(dir);
        const QString zip = newPath(QStringLiteral("empty.zip"));
        writeZip(zip, {});
        for (const QString& path : {dir, zip}) {
            CaseStore store(db);
            try {
                importBundle(store, path, options());
                QFAIL("imported");
            } catch (const Error& e) {
                QCOMPARE(e.toString(),
                         path + QStringLiteral(": empty bundle: no files at all (a case bundle needs "
                                               "manifest.json and accounts.csv)"));
            }
        }
        QCOMPARE(dumpStore(db), before);
    }

    void badZips_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("truncated") << "truncated";
        QTest::newRow("dot-dot entry") << "dotdot";
        QTest::newRow("absolute entry") << "absolute";
        QTest::newRow("not a zip") << "garbage";
        QTest::newRow("corrupt data") << "corrupt";
    }
    void badZips()
    {
        QFETCH(QString, kind);
        const QString db = seededStore();
        const QByteArray before = dumpStore(db);
        const QString zip = newPath(QStringLiteral("bad.zip"));
        QList<QPair<QString, QByteArray>> entries = treeEntries(fixture(QStringLiteral("bundle-good")));
        QString expected;
        if (kind == QLatin1String("dotdot")) {
            entries.append({QStringLiteral("messages/../../evil.eml"), "From: x@y.example\r\n\r\nx"});
            writeZip(zip, entries);
            expected = zip + QStringLiteral(
                                 ": value \"messages/../../evil.eml\": entry path with \"..\" refused (it "
                                 "escapes the bundle root)");
        } else if (kind == QLatin1String("absolute")) {
            entries.append({QStringLiteral("/etc/cron.d/evil"), "x"});
            writeZip(zip, entries);
            expected =
                zip + QStringLiteral(": value \"/etc/cron.d/evil\": entry with an absolute path refused (it "
                                     "escapes the bundle root)");
        } else if (kind == QLatin1String("truncated")) {
            writeZip(zip, entries);
            QByteArray b = readFile(zip);
            writeFile(zip, b.left(b.size() / 2));
            expected = zip + QStringLiteral(": not a readable .zip archive (truncated or corrupt?): ");
        } else if (kind == QLatin1String("garbage")) {
            writeFile(zip, "this is not a zip file at all\n");
            expected = zip + QStringLiteral(": not a readable .zip archive (truncated or corrupt?): ");
        } else {
            // Flip bytes inside the (stored or deflated) data of accounts.csv: the CRC check fails.
            writeZip(zip, entries);
            QByteArray b = readFile(zip);
            const qsizetype at = b.indexOf("accounts.csv");
            QVERIFY(at > 0);
            for (qsizetype i = at + 40; i < at + 80; ++i)
                b[i] = char(b[i] ^ 0x5A);
            writeFile(zip, b);
            expected = QStringLiteral("accounts.csv");
        }
        CaseStore store(db);
        try {
            importBundle(store, zip, options());
            QFAIL("imported");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Input);
            if (kind == QLatin1String("truncated") || kind == QLatin1String("garbage") ||
                kind == QLatin1String("corrupt"))
                QVERIFY2(e.toString().startsWith(expected), qPrintable(e.toString()));
            else
                QCOMPARE(e.toString(), expected);
        }
        QCOMPARE(dumpStore(db), before);
    }

    void symlinkInFolderIsRefused()
    {
        const QString db = seededStore();
        const QByteArray before = dumpStore(db);
        const QString dir = goodCopy();
        QVERIFY(
            QFile::link(QStringLiteral("/etc/passwd"), dir + QStringLiteral("/messages/A1001/passwd.eml")));
        CaseStore store(db);
        try {
            importBundle(store, dir, options());
            QFAIL("imported");
        } catch (const Error& e) {
            QCOMPARE(e.toString(),
                     dir + QStringLiteral(": value \"messages/A1001/passwd.eml\": symbolic link in the "
                                          "bundle refused (it could point outside the bundle)"));
        }
        QCOMPARE(dumpStore(db), before);
    }

    void reimportIsIdempotent()
    {
        const QString db = newPath(QStringLiteral("cases.sqlite"));
        CaseStore store(db);
        const ImportResult first = importBundle(store, fixture(QStringLiteral("bundle-good")), options());
        const QStringList before = content(store);
        const ImportResult second = importBundle(store, fixture(QStringLiteral("bundle-good")), options());
        QCOMPARE(content(store), before);
        QCOMPARE(store.accountCount(), 2);
        QCOMPARE(second.previousImportId, first.importId);
        QCOMPARE(second.bundleSha256, first.bundleSha256);
        QCOMPARE(second.warnings.size(), 1);
        QVERIFY2(second.warnings[0].startsWith(QStringLiteral("already imported: this bundle (sha256 ")),
                 qPrintable(second.warnings[0]));
        QCOMPARE(store.imports().size(), 2);
        QCOMPARE(store.auditCount(), 2);
    }

    // The importer fills the full-text indexes in bulk at commit (the FTS insert triggers are dropped
    // during the import's transaction): the indexes match their tables, re-imports do not duplicate
    // entries, and the triggers are back afterwards.
    void fullTextIndexAfterImportAndReimport()
    {
        const QString db = newPath(QStringLiteral("cases.sqlite"));
        CaseStore store(db);
        for (int round = 0; round < 2; ++round) {
            importBundle(store, fixture(QStringLiteral("bundle-good")), options());
            QueueFilter f;
            f.text = QStringLiteral("Bright Deals");
            QCOMPARE(store.queueCount(f), 1);
            f.text = QStringLiteral("autumn letter"); // a message subject of A1002
            QCOMPARE(store.queueCount(f), 1);
            f.text = QStringLiteral("caf"); // "Café news", prefix, diacritics removed
            QCOMPARE(store.queueCount(f), 1);
            sql::Database& d = store.database();
            d.exec("INSERT INTO account_fts(account_fts) VALUES ('integrity-check')");
            d.exec("INSERT INTO message_fts(message_fts) VALUES ('integrity-check')");
            QCOMPARE(d.queryInt("SELECT count(*) FROM account_fts"), 2);
            QCOMPARE(d.queryInt("SELECT count(*) FROM message_fts"),
                     d.queryInt("SELECT count(*) FROM messages"));
            QCOMPARE(d.queryInt("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name IN "
                                "('accounts_fts_insert', 'messages_fts_insert')"),
                     2);
        }
    }

    void cancellationFromAnotherThread()
    {
        const QString db = seededStore();
        const QByteArray before = dumpStore(db);
        std::atomic<bool> cancel{false};
        QSemaphore reachedPass2, cancelled;
        QString error;
        Error::Kind kind = Error::Kind::Internal;
        std::thread worker([&] {
            CaseStore store(db);
            ImportOptions o = options();
            o.cancel = &cancel;
            bool signalled = false;
            o.progress = [&](const ImportProgress& p) {
                // Wait in the middle of the transaction (campaigns.csv of pass 2) for the other thread.
                if (!signalled && p.rows > 0 && p.file == QLatin1String("campaigns.csv")) {
                    signalled = true;
                    reachedPass2.release();
                    cancelled.acquire();
                }
            };
            try {
                importBundle(store, fixture(QStringLiteral("bundle-good")), o);
            } catch (const Error& e) {
                error = e.toString();
                kind = e.kind();
            }
        });
        reachedPass2.acquire();
        cancel.store(true);
        cancelled.release();
        worker.join();
        QCOMPARE(kind, Error::Kind::Cancelled);
        QCOMPARE(error, QStringLiteral("cancelled by the user"));
        QCOMPARE(dumpStore(db), before);
    }

    void killedImportLeavesStoreUnchanged()
    {
        const QString cli = QStringLiteral(ABUSEDESK_BINARY_DIR "/app/cli/abusedesk-cli");
        if (!QFileInfo::exists(cli))
            QSKIP("abusedesk-cli is not built");
        const QString db = seededStore();
        const QByteArray before = dumpStore(db);
        const QString dir = newPath(QStringLiteral("large"));
        generateBundle(dir, 20000, 400000);
        QProcess p;
        p.setProcessChannelMode(QProcess::SeparateChannels);
        p.setReadChannel(QProcess::StandardError);
        p.start(cli,
                {QStringLiteral("import"), dir, QStringLiteral("--db"), db, QStringLiteral("--progress")});
        QVERIFY(p.waitForStarted());
        // Kill as soon as it reports rows written inside the import transaction.
        QByteArray err;
        bool midImport = false;
        while (!midImport && p.state() == QProcess::Running) {
            p.waitForReadyRead(-1);
            err += p.readAllStandardError();
            for (const QByteArray& line : err.split('\n')) {
                const QList<QByteArray> f = line.split(' ');
                if (f.size() >= 4 && f[0] == "progress" && f[3].toLongLong() > 0)
                    midImport = true;
            }
        }
        QVERIFY2(midImport, err.constData());
        p.kill(); // SIGKILL
        QVERIFY(p.waitForFinished(-1));
        QCOMPARE(p.exitStatus(), QProcess::CrashExit);
        {
            CaseStore reopened(db); // rolls the hot journal back
            QCOMPARE(reopened.accountCount(), 2);
        }
        QCOMPARE(dumpStore(db), before);
    }

    void cliImport()
    {
        const QString cli = QStringLiteral(ABUSEDESK_BINARY_DIR "/app/cli/abusedesk-cli");
        if (!QFileInfo::exists(cli))
            QSKIP("abusedesk-cli is not built");
        const QString db = newPath(QStringLiteral("cli.sqlite"));
        QProcess p;
        p.start(cli,
                {QStringLiteral("import"), fixture(QStringLiteral("bundle-good")), QStringLiteral("--json"),
                 QStringLiteral("--db"), db, QStringLiteral("--reviewer"), QStringLiteral("rita")});
        QVERIFY(p.waitForFinished(-1));
        QCOMPARE(p.exitCode(), 0);
        QCOMPARE(p.readAllStandardOutput(),
                 QByteArray(
                     R"({"accounts":2,"campaigns":3,"complaints":3,"evidence":3,"messages":3,"warnings":[]})"
                     "\n"));
        const QByteArray before = dumpStore(db);
        const QString dir = goodCopy();
        replaceIn(dir + "/accounts.csv", ",warned,", ",banned,");
        p.start(cli, {QStringLiteral("import"), dir, QStringLiteral("--db"), db});
        QVERIFY(p.waitForFinished(-1));
        QCOMPARE(p.exitCode(), 2);
        QCOMPARE(p.readAllStandardOutput(), QByteArray());
        QCOMPARE(QString::fromUtf8(p.readAllStandardError()),
                 QStringLiteral(
                     "abusedesk-cli import: accounts.csv:4: column status: value \"banned\": not one of: "
                     "active, warned, suspended, terminated\n"));
        QCOMPARE(dumpStore(db), before);
        // A hostile value is named without its control characters reaching the reviewer's terminal.
        const QString hostile = goodCopy();
        replaceIn(hostile + "/accounts.csv", ",warned,", ",\x1b]0;pwned\x07\x1b[2J,");
        p.start(cli, {QStringLiteral("import"), hostile, QStringLiteral("--db"), db});
        QVERIFY(p.waitForFinished(-1));
        QCOMPARE(p.exitCode(), 2);
        QCOMPARE(QString::fromUtf8(p.readAllStandardError()),
                 QStringLiteral(
                     "abusedesk-cli import: accounts.csv:4: column status: value "
                     "\"\\x1b]0;pwned\\x07\\x1b[2J\": not one of: active, warned, suspended, terminated\n"));
        QCOMPARE(dumpStore(db), before);
        p.start(cli, {QStringLiteral("import"), fixture(QStringLiteral("bundle-good")),
                      QStringLiteral("--db"), db});
        QVERIFY(p.waitForFinished(-1));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(p.readAllStandardOutput().startsWith("imported 2 accounts, 3 campaigns, 3 complaints, 3 "
                                                     "evidence rows, 3 messages, 3 lists (6 address rows) "
                                                     "(1 warning); this bundle was already imported"));
    }
};

QTEST_GUILESS_MAIN(TestImport)
#include "test_import.moc"
