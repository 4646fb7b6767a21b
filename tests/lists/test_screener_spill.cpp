// SPDX-License-Identifier: GPL-3.0-or-later
// List screening in bounded memory (core/lists/screener.h, spill.h): a tiny memory budget that forces
// the temporary-file passes gives byte-identical summaries and the same problem bits for every row as the
// unbounded in-memory algorithm; late duplicates are reported once each; the temporary files are gone
// after finish(), after an error in the middle of a list, after an error in finish()'s callback and when
// the screener is dropped unfinished; an unwritable temp dir is an error naming it.
#include "listgen.h"
#include "lists/screener.h"
#include "lists/spill.h"
#include "util/error.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <climits>
#include <limits>
#include <unistd.h>
#include <vector>

using namespace ad::lists;

namespace {

ScreeningConfig shipped()
{
    qputenv("ABUSEDESK_RESOURCES", ABUSEDESK_RESOURCES);
    return ScreeningConfig::defaults();
}

ScreeningConfig unbounded()
{
    ScreeningConfig c = shipped();
    c.duplicateSetBytes = std::numeric_limits<std::size_t>::max();
    c.maxTrackedDomains = INT_MAX;
    return c;
}

ScreeningConfig tiny()
{
    ScreeningConfig c = shipped();
    c.duplicateSetBytes = 1024; // 128 slots: 96 distinct hashes in memory and per partition pass
    c.maxTrackedDomains = 8;
    return c;
}

struct Run
{
    QString json;
    std::vector<int> masks; // per row, with the late Duplicate bits
    qint64 late = 0;
    Screener::SpillStats stats;
};

Run screen(const ScreeningConfig& c, int n,
           const std::function<QString(std::uint64_t)>& row = listgen::address)
{
    Run r;
    Screener s(c);
    for (int i = 0; i < n; ++i)
        r.masks.push_back(s.add(row(std::uint64_t(i)), i + 2));
    const ad::ListScreeningSummary sum = s.finish([&](std::span<const qint64> lines) {
        qint64 prev = -1;
        for (const qint64 line : lines) {
            QVERIFY(line > prev); // ascending within a batch
            prev = line;
            int& m = r.masks[std::size_t(line - 2)];
            QVERIFY2(!(m & Duplicate), qPrintable(QStringLiteral("line %1 reported twice").arg(line)));
            QVERIFY(!(m & Invalid));
            m |= Duplicate;
            ++r.late;
        }
    });
    r.json = sum.detailsJson;
    r.stats = s.spillStats();
    const QJsonObject d = QJsonDocument::fromJson(sum.detailsJson.toUtf8()).object();
    if (qint64(d[u"problems"][u"duplicate"][u"count"].toDouble()) != sum.duplicates)
        qWarning("duplicate count differs between the summary and its JSON");
    return r;
}

} // namespace

class TestScreenerSpill : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void spillingMatchesInMemory_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("examples");
        QTest::addColumn<int>("top");
        QTest::newRow("20000 rows") << 20000 << 10 << 20;
        QTest::newRow("3 examples, top 3") << 20000 << 3 << 3;
        QTest::newRow("no examples, no top") << 5000 << 0 << 0;
        QTest::newRow("100 examples") << 20000 << 100 << 50;
        QTest::newRow("fits in memory") << 60 << 10 << 20;
    }
    void spillingMatchesInMemory()
    {
        QFETCH(int, rows);
        QFETCH(int, examples);
        QFETCH(int, top);
        ScreeningConfig big = unbounded();
        ScreeningConfig small = tiny();
        big.maxExamples = small.maxExamples = examples;
        big.topDomains = small.topDomains = top;
        const Run a = screen(big, rows);
        const Run b = screen(small, rows);
        QCOMPARE(a.stats.files, 0);
        QCOMPARE(a.late, 0);
        QCOMPARE(b.json, a.json);
        QCOMPARE(b.masks, a.masks);
        if (rows > 1000) {
            // The temporary files were used, on two levels, for addresses and domains, and finish() found
            // duplicates that add() could not.
            QVERIFY(b.stats.addressRecords > rows / 2);
            QVERIFY(b.stats.domainRecords > 0);
            QVERIFY(b.stats.levels >= 2);
            QVERIFY(b.late > 1000);
            const QJsonObject d = QJsonDocument::fromJson(b.json.toUtf8()).object();
            QVERIFY(d[u"domains"][u"distinct"].toInt() > 100);
            QVERIFY(d[u"problems"][u"duplicate"][u"count"].toInt() > rows / 5);
        } else {
            QCOMPARE(b.stats.addressRecords, 0);
            QCOMPARE(b.late, 0);
        }
    }

    // The first duplicates in file order are all found by finish() (their first occurrences came after
    // the set was full): their examples come from the text file, with the address as uploaded and key.
    void lateDuplicatesGiveTheExamples()
    {
        const auto row = [](std::uint64_t i) {
            // 500 distinct addresses, then the same ones in reverse order, upper case for odd ones.
            const std::uint64_t k = i < 500 ? i : 999 - i;
            const QString a = QStringLiteral(" Mail.%1+x@Gmail.com ").arg(k);
            return i >= 500 && k % 2 ? a.toUpper() : a;
        };
        ScreeningConfig small = tiny();
        small.maxExamples = 4;
        ScreeningConfig big = unbounded();
        big.maxExamples = 4;
        const Run a = screen(big, 1000, row);
        const Run b = screen(small, 1000, row);
        QCOMPARE(b.json, a.json);
        QCOMPARE(b.masks, a.masks);
        QCOMPARE(b.late, 404); // 500 - 96 first occurrences were written out
        const QJsonArray ex = QJsonDocument::fromJson(b.json.toUtf8())
                                  .object()[u"problems"][u"duplicate"][u"examples"]
                                  .toArray();
        QCOMPARE(ex.size(), 4);
        QCOMPARE(ex[0][u"line"].toInt(), 502);
        QCOMPARE(ex[0][u"email"].toString(), QStringLiteral("MAIL.499+X@GMAIL.COM"));
        QCOMPARE(ex[0][u"key"].toString(), QStringLiteral("mail499@gmail.com"));
        QCOMPARE(ex[1][u"email"].toString(), QStringLiteral("Mail.498+x@Gmail.com"));
    }

    void tempFilesAreRemovedAfterFinish()
    {
        listgen::PrivateTemp tmp;
        QCOMPARE(SpillFile::liveCount(), 0);
        {
            Screener s(tiny());
            for (int i = 0; i < 5000; ++i)
                s.add(listgen::address(std::uint64_t(i)), i + 2);
            QVERIFY(SpillFile::liveCount() > 0);
            QVERIFY(listgen::openFilesUnder(tmp.dir.path()) > 0); // in the private temp dir, already unlinked
            QVERIFY(tmp.empty());
            s.finish();
            QCOMPARE(SpillFile::liveCount(), 0);
            QCOMPARE(listgen::openFilesUnder(tmp.dir.path()), 0);
            QVERIFY(s.spillStats().files > 64);
        }
        QVERIFY(tmp.empty());
    }

    void tempFilesAreRemovedOnAnErrorMidList()
    {
        listgen::PrivateTemp tmp;
        {
            Screener s(tiny());
            for (int i = 0; i < 3000; ++i)
                s.add(listgen::address(std::uint64_t(i)), i + 2);
            QVERIFY(listgen::openFilesUnder(tmp.dir.path()) > 0);
            // A row out of file order: refused, nothing counted.
            try {
                s.add(u"late@example.com", 100);
                QFAIL("no error");
            } catch (const ad::Error& e) {
                QCOMPARE(e.kind(), ad::Error::Kind::Internal);
                QCOMPARE(e.message(), QStringLiteral("list screening: row at line 100 after line 3001 (rows "
                                                     "must come in file order, lines below 2^55)"));
            }
            QCOMPARE(s.rows(), 3000);
            // The caller gives up here (as the importer does on a CSV error or a cancel).
        }
        QCOMPARE(SpillFile::liveCount(), 0);
        QCOMPARE(listgen::openFilesUnder(tmp.dir.path()), 0);
        QVERIFY(tmp.empty());
    }

    void tempFilesAreRemovedWhenTheCallbackFails()
    {
        listgen::PrivateTemp tmp;
        {
            Screener s(tiny());
            for (int i = 0; i < 5000; ++i)
                s.add(listgen::address(std::uint64_t(i)), i + 2);
            QVERIFY_THROWS_EXCEPTION(ad::Error, s.finish([](std::span<const qint64>) {
                throw ad::Error::internal(QStringLiteral("store failed"));
            }));
        }
        QCOMPARE(SpillFile::liveCount(), 0);
        QCOMPARE(listgen::openFilesUnder(tmp.dir.path()), 0);
        QVERIFY(tmp.empty());
    }

    void unwritableTempDirIsAnError()
    {
        listgen::PrivateTemp tmp;
        const QString missing = tmp.dir.filePath(QStringLiteral("gone"));
        qputenv("TMPDIR", QFile::encodeName(missing));
        Screener s(tiny());
        int i = 0;
        try {
            for (; i < 1000; ++i)
                s.add(listgen::address(std::uint64_t(i)), i + 2);
            QFAIL("no error");
        } catch (const ad::Error& e) {
            QCOMPARE(e.kind(), ad::Error::Kind::Internal);
            QVERIFY2(
                e.message().startsWith(
                    QStringLiteral("cannot create a temporary file for list screening in %1: ").arg(missing)),
                qPrintable(e.message()));
        }
        QVERIFY(i > 96); // the set was full
        QCOMPARE(SpillFile::liveCount(), 0);
        QVERIFY(!QFileInfo::exists(missing));
    }

    void linesMustIncrease()
    {
        Screener s(shipped());
        s.add(u"a@example.com", 5);
        QVERIFY_THROWS_EXCEPTION(ad::Error, s.add(u"b@example.com", 5));
        QVERIFY_THROWS_EXCEPTION(ad::Error, s.add(u"b@example.com", qint64(1) << 55));
        QCOMPARE(s.rows(), 1);
        s.add(u"b@example.com", 6);
        QCOMPARE(s.rows(), 2);
    }

    void memoryKnobsFromTheEnvironment()
    {
        qputenv("ABUSEDESK_LIST_SET_BYTES", "2048");
        qputenv("ABUSEDESK_LIST_TRACKED_DOMAINS", "3");
        const ScreeningConfig c = shipped();
        QCOMPARE(c.duplicateSetBytes, std::size_t(2048));
        QCOMPARE(c.maxTrackedDomains, 3);
        qputenv("ABUSEDESK_LIST_SET_BYTES", "12k");
        try {
            shipped();
            QFAIL("no error");
        } catch (const ad::Error& e) {
            QCOMPARE(e.kind(), ad::Error::Kind::Input);
            QCOMPARE(e.message(),
                     QStringLiteral("ABUSEDESK_LIST_SET_BYTES must be a whole number of at least 1024: 12k"));
        }
        qputenv("ABUSEDESK_LIST_SET_BYTES", "100");
        QVERIFY_THROWS_EXCEPTION(ad::Error, shipped());
        qunsetenv("ABUSEDESK_LIST_SET_BYTES");
        qunsetenv("ABUSEDESK_LIST_TRACKED_DOMAINS");
        QCOMPARE(shipped().duplicateSetBytes, std::size_t(4) << 20);
        QCOMPARE(shipped().maxTrackedDomains, 16384);
    }
};

QTEST_GUILESS_MAIN(TestScreenerSpill)
#include "test_screener_spill.moc"
