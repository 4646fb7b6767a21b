// SPDX-License-Identifier: GPL-3.0-or-later
// A list file imported with a memory budget small enough to force the list screener's temporary-file
// passes (ABUSEDESK_LIST_SET_BYTES / ABUSEDESK_LIST_TRACKED_DOMAINS, lists/screener.h): every stored row's
// problem bits (duplicates found only in Screener::finish() are marked through
// ImportWriter::markListRows) and the stored screening summary equal those of an unbounded import and of
// an unbounded Screener run over the same rows. A list file that breaks, or an import cancelled, while
// the temporary files are in use leaves no temporary file and an unchanged store.
#include "../bundle/bundletestutil.h"
#include "bundle/importer.h"
#include "listgen.h"
#include "lists/screener.h"
#include "lists/spill.h"
#include "store/casestore.h"
#include "util/error.h"
#include "util/timeutil.h"

#include <QTemporaryDir>
#include <QTest>
#include <climits>
#include <limits>

using namespace ad;
using namespace ad::bundle;
using namespace bundletest;

namespace {

constexpr int kRows = 6000;

ImportOptions options()
{
    ImportOptions o;
    o.reviewer = QStringLiteral("rita");
    o.now = *time::parseIso(u"2026-11-25T10:00:00Z");
    return o;
}

// The good bundle with lists/A1001/L2.csv replaced by `rows` generated rows (and `tail` appended).
QString bundleWithList(const QString& dir, int rows, const QByteArray& tail = {})
{
    copyTree(fixture(QStringLiteral("bundle-good")), dir);
    QByteArray csv = "email,first_name,source_note\n";
    for (int i = 0; i < rows; ++i)
        csv += listgen::address(std::uint64_t(i)).toUtf8() + ",n" + QByteArray::number(i) + ",\n";
    csv += tail;
    writeFile(dir + QStringLiteral("/lists/A1001/L2.csv"), csv);
    return dir;
}

struct Budget
{
    Budget(const char* setBytes, const char* domains)
    {
        qputenv("ABUSEDESK_LIST_SET_BYTES", setBytes);
        qputenv("ABUSEDESK_LIST_TRACKED_DOMAINS", domains);
    }
    ~Budget()
    {
        qunsetenv("ABUSEDESK_LIST_SET_BYTES");
        qunsetenv("ABUSEDESK_LIST_TRACKED_DOMAINS");
    }
};

QList<ListRow> allRows(const CaseStore& store)
{
    return store.listRows(QStringLiteral("A1001"), QStringLiteral("L2"), 0, 0, kRows + 10);
}

ListScreeningSummary storedSummary(const CaseStore& store)
{
    for (const MailingList& l : store.lists(QStringLiteral("A1001")))
        if (l.listId == QLatin1String("L2") && l.screening)
            return *l.screening;
    return {};
}

} // namespace

class TestListImport : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("ABUSEDESK_RESOURCES", ABUSEDESK_RESOURCES);
        QVERIFY(m_tmp.isValid());
    }

    void spilledImportMarksTheSameRows()
    {
        const QString bundle = bundleWithList(m_tmp.filePath(QStringLiteral("b1")), kRows);
        const QString smallDb = m_tmp.filePath(QStringLiteral("small.sqlite"));
        const QString bigDb = m_tmp.filePath(QStringLiteral("big.sqlite"));
        {
            Budget b("1024", "8");
            CaseStore store(smallDb);
            importBundle(store, bundle, options());
        }
        QCOMPARE(lists::SpillFile::liveCount(), 0);
        {
            Budget b("1099511627776", "2000000000"); // 1 TiB: never spilled
            CaseStore store(bigDb);
            importBundle(store, bundle, options());
        }

        // The reference: an unbounded Screener over the same rows; and how many duplicates the small
        // budget finds only in finish() (those rows were written without the bit and marked afterwards).
        lists::ScreeningConfig unbounded = lists::ScreeningConfig::defaults();
        unbounded.duplicateSetBytes = std::numeric_limits<std::size_t>::max();
        unbounded.maxTrackedDomains = INT_MAX;
        lists::ScreeningConfig tiny = lists::ScreeningConfig::defaults();
        tiny.duplicateSetBytes = 1024;
        tiny.maxTrackedDomains = 8;
        lists::Screener ref(unbounded), small(tiny);
        QList<int> expected;
        for (int i = 0; i < kRows; ++i) {
            const QString a = listgen::address(std::uint64_t(i));
            expected.append(ref.add(a, i + 2));
            small.add(a, i + 2);
        }
        const ListScreeningSummary refSummary = ref.finish();
        qint64 late = 0;
        small.finish([&](std::span<const qint64> lines) { late += qint64(lines.size()); });
        QVERIFY(late > 500);

        const CaseStore smallStore(smallDb), bigStore(bigDb);
        const QList<ListRow> s = allRows(smallStore), b = allRows(bigStore);
        QCOMPARE(s.size(), kRows);
        QCOMPARE(b.size(), kRows);
        for (int i = 0; i < kRows; ++i) {
            QCOMPARE(s[i].line, qint64(i + 2));
            QCOMPARE(s[i].problems, expected[i]);
            QCOMPARE(b[i].problems, expected[i]);
        }
        const ListScreeningSummary ss = storedSummary(smallStore), bs = storedSummary(bigStore);
        QCOMPARE(ss.detailsJson, refSummary.detailsJson);
        QCOMPARE(bs.detailsJson, refSummary.detailsJson);
        QCOMPARE(ss.duplicates, refSummary.duplicates);
        QCOMPARE(smallStore.listRowCount(QStringLiteral("A1001"), QStringLiteral("L2"), lists::Duplicate),
                 refSummary.duplicates);
    }

    // A CSV error at the end of the list file: the import fails, the temporary files are gone, the store
    // is as it was.
    void brokenListLeavesNothing()
    {
        listgen::PrivateTemp tmp;
        const QString bundle =
            bundleWithList(m_tmp.filePath(QStringLiteral("b2")), kRows, "\"never closed,x,\n");
        const QString db = m_tmp.filePath(QStringLiteral("broken.sqlite"));
        {
            CaseStore store(db);
        }
        const QByteArray before = dumpStore(db);
        {
            Budget b("1024", "8");
            CaseStore store(db);
            try {
                importBundle(store, bundle, options());
                QFAIL("no error");
            } catch (const Error& e) {
                QCOMPARE(e.kind(), Error::Kind::Input);
                QCOMPARE(e.file(), QStringLiteral("lists/A1001/L2.csv"));
            }
        }
        QCOMPARE(lists::SpillFile::liveCount(), 0);
        QCOMPARE(listgen::openFilesUnder(tmp.dir.path()), 0);
        QVERIFY(tmp.empty());
        QCOMPARE(dumpStore(db), before);
    }

    // Cancelled while the list file is being read (temporary files in use): nothing left behind.
    void cancelledImportLeavesNothing()
    {
        listgen::PrivateTemp tmp;
        const QString bundle = bundleWithList(m_tmp.filePath(QStringLiteral("b3")), 60000);
        const QString db = m_tmp.filePath(QStringLiteral("cancelled.sqlite"));
        {
            CaseStore store(db);
        }
        const QByteArray before = dumpStore(db);
        int liveAtCancel = -1;
        int openAtCancel = -1;
        {
            Budget b("1024", "8");
            CaseStore store(db);
            ImportOptions o = options();
            QString file;
            int callsInList = 0;
            o.progress = [&](const ImportProgress& p) { file = p.file; };
            o.isCancelled = [&] {
                if (!file.endsWith(QLatin1String("L2.csv")) || ++callsInList < 4)
                    return false;
                liveAtCancel = lists::SpillFile::liveCount();
                openAtCancel = listgen::openFilesUnder(tmp.dir.path());
                return true;
            };
            QVERIFY_THROWS_EXCEPTION(Error, importBundle(store, bundle, o));
        }
        QVERIFY(liveAtCancel > 0);
        QVERIFY(openAtCancel > 0);
        QCOMPARE(lists::SpillFile::liveCount(), 0);
        QCOMPARE(listgen::openFilesUnder(tmp.dir.path()), 0);
        QVERIFY(tmp.empty());
        QCOMPARE(dumpStore(db), before);
    }
};

QTEST_GUILESS_MAIN(TestListImport)
#include "test_list_import.moc"
