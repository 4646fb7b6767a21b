// SPDX-License-Identifier: GPL-3.0-or-later
// ListRowsModel over a real store holding a list of 2,500 rows with known problems: QAbstractItemModelTester
// while paging and refiltering, page-at-a-time loading (never the whole list), counts per problem mask
// equal to CaseStore::listRowCount, per-row reasons, and an empty model for an unknown list.
#include "caseview/listrowsmodel.h"
#include "lists/screener.h"
#include "store/casestore.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ad;
using namespace ad::ui;

namespace {
constexpr int kRows = 2500;

// Row i (line i + 2) of the list: every 10th invalid, every 7th (not invalid) a role address, every
// 25th (not invalid) a duplicate of line 2, every 50th (from 43) a disposable domain, every 100th (from
// 98) a typo domain.
ListRow makeRow(int i)
{
    ListRow r;
    r.line = i + 2;
    r.rawJson = QStringLiteral("{\"first_name\":\"N%1\"}").arg(i);
    if (i % 10 == 9) {
        r.email = QStringLiteral("broken%1.example.com").arg(i);
        r.problems = lists::Invalid;
        return r;
    }
    QString local = QStringLiteral("person%1").arg(i);
    QString domain = QStringLiteral("example.com");
    if (i % 7 == 6) {
        local = QStringLiteral("info");
        r.problems |= lists::Role;
    }
    if (i % 50 == 43) {
        domain = QStringLiteral("mailinator.com");
        r.problems |= lists::Disposable;
    }
    if (i % 100 == 98) {
        domain = QStringLiteral("gmial.com");
        r.problems |= lists::Typo;
    }
    if (i % 25 == 24) {
        local = QStringLiteral("person0");
        domain = QStringLiteral("example.com");
        r.problems = lists::Duplicate;
    }
    r.email = local + QLatin1Char('@') + domain;
    return r;
}

int expectedCount(int mask)
{
    int n = 0;
    for (int i = 0; i < kRows; ++i)
        if (mask == 0 || (makeRow(i).problems & mask))
            ++n;
    return n;
}
} // namespace

class TestListRowsModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_store = std::make_unique<CaseStore>(m_dir.filePath(QStringLiteral("cases.sqlite")));
        ImportInfo info;
        info.bundlePath = QStringLiteral("hand-built");
        info.bundleSha256 = QStringLiteral("00");
        info.exportedAt = QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC);
        info.importedAt = info.exportedAt;
        info.importedBy = QStringLiteral("test");
        info.source = QStringLiteral("test");
        auto w = m_store->beginImport(info);
        Account a;
        a.id = QStringLiteral("A1");
        a.name = QStringLiteral("Shop");
        a.signupAt = info.exportedAt;
        a.flaggedAt = info.exportedAt;
        w->addAccount(a);
        MailingList l;
        l.accountId = a.id;
        l.listId = QStringLiteral("L1");
        l.name = QStringLiteral("Leads");
        l.source = QStringLiteral("purchased");
        l.hasFile = true;
        w->addList(l);
        for (int i = 0; i < kRows; ++i)
            w->addListRow(a.id, l.listId, makeRow(i));
        w->commit(QStringLiteral("{}"));
    }

    void pagesThroughTheStore()
    {
        ListRowsModel model;
        model.setPageSize(300);
        model.setList(m_store.get(), QStringLiteral("A1"), QStringLiteral("L1"), 0);
        QCOMPARE(model.totalCount(), qint64(kRows));
        QCOMPARE(model.rowCount(), 0); // nothing read until the view asks
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 300); // one page, not the list
        QCOMPARE(model.data(model.index(0, ListRowsModel::LineColumn)).toLongLong(), 2);
        QCOMPARE(model.data(model.index(299, ListRowsModel::LineColumn)).toLongLong(), 301);
        int pages = 1;
        while (model.canFetchMore({})) {
            model.fetchMore({});
            ++pages;
        }
        QCOMPARE(pages, 9); // 2,500 / 300 rounded up
        QCOMPARE(model.rowCount(), kRows);
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(model.data(model.index(kRows - 1, ListRowsModel::LineColumn)).toLongLong(),
                 qint64(kRows + 1));
        // Child indexes have no rows (a table).
        QCOMPARE(model.rowCount(model.index(0, 0)), 0);
        QVERIFY(!model.canFetchMore(model.index(0, 0)));
    }

    void modelTesterWhilePaging()
    {
        ListRowsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(100);
        model.setList(m_store.get(), QStringLiteral("A1"), QStringLiteral("L1"), 0);
        // Never the whole list at once: pages of 100 on request.
        QVERIFY(model.rowCount() < kRows);
        QVERIFY(model.rowCount() % 100 == 0);
        model.fetchMore({});
        QVERIFY(model.rowCount() >= 100 && model.rowCount() % 100 == 0);
        while (model.canFetchMore({}))
            model.fetchMore({});
        QCOMPARE(model.rowCount(), kRows);
        model.setProblemMask(lists::Typo);
        QCOMPARE(model.totalCount(), qint64(expectedCount(lists::Typo)));
        while (model.canFetchMore({}))
            model.fetchMore({});
        QCOMPARE(model.rowCount(), expectedCount(lists::Typo));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void filtersByProblemMask_data()
    {
        QTest::addColumn<int>("mask");
        QTest::newRow("invalid") << int(lists::Invalid);
        QTest::newRow("duplicate") << int(lists::Duplicate);
        QTest::newRow("role") << int(lists::Role);
        QTest::newRow("disposable") << int(lists::Disposable);
        QTest::newRow("typo") << int(lists::Typo);
        QTest::newRow("role|typo") << int(lists::Role | lists::Typo);
        QTest::newRow("all problems") << int(0x1f);
    }

    void filtersByProblemMask()
    {
        QFETCH(int, mask);
        ListRowsModel model;
        model.setPageSize(64);
        model.setList(m_store.get(), QStringLiteral("A1"), QStringLiteral("L1"), 0);
        model.fetchMore({});
        // Refiltering resets the model and reads only the new count.
        model.setProblemMask(mask);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.totalCount(), qint64(expectedCount(mask)));
        QCOMPARE(model.totalCount(), m_store->listRowCount(QStringLiteral("A1"), QStringLiteral("L1"), mask));
        while (model.canFetchMore({}))
            model.fetchMore({});
        QCOMPARE(model.rowCount(), expectedCount(mask));
        for (int r = 0; r < model.rowCount(); ++r) {
            const int problems = model.data(model.index(r, 0), ListRowsModel::ProblemsRole).toInt();
            QVERIFY2(problems & mask, qPrintable(QString::number(r)));
            QVERIFY(!model.data(model.index(r, ListRowsModel::ReasonColumn)).toString().isEmpty());
            QVERIFY(!model.data(model.index(r, ListRowsModel::ProblemsColumn)).toString().isEmpty());
        }
    }

    void reasonsPerRow()
    {
        ListRowsModel model;
        model.setTypoSuggestions({{QStringLiteral("gmial.com"), QStringLiteral("gmail.com")}});
        ListRow invalid = makeRow(9);
        QCOMPARE(model.reason(invalid), QStringLiteral("not a valid address: missing @"));
        QCOMPARE(ListRowsModel::problemNames(invalid.problems), QStringLiteral("invalid"));
        ListRow role = makeRow(6);
        QCOMPARE(model.reason(role), QStringLiteral("role address (info@), not a person"));
        ListRow dup = makeRow(24);
        QCOMPARE(model.reason(dup), QStringLiteral("repeats an earlier row (person0@example.com)"));
        ListRow disp = makeRow(43);
        QCOMPARE(model.reason(disp), QStringLiteral("disposable-mail domain mailinator.com"));
        ListRow typo = makeRow(98);
        QCOMPARE(model.reason(typo), QStringLiteral("gmial.com looks like a misspelling of gmail.com"));
        model.setTypoSuggestions({});
        QCOMPARE(model.reason(typo), QStringLiteral("gmial.com looks like a misspelled mailbox domain"));
        ListRow both = makeRow(6);
        both.email = QStringLiteral("info@mailinator.com");
        both.problems = lists::Role | lists::Disposable;
        QCOMPARE(model.reason(both),
                 QStringLiteral("role address (info@), not a person; disposable-mail domain mailinator.com"));
        QCOMPARE(ListRowsModel::problemNames(both.problems), QStringLiteral("role, disposable"));
        ListRow clean = makeRow(0);
        QCOMPARE(model.reason(clean), QString());
    }

    void otherColumnsAreShown()
    {
        ListRowsModel model;
        model.setList(m_store.get(), QStringLiteral("A1"), QStringLiteral("L1"), 0);
        model.fetchMore({});
        QCOMPARE(model.data(model.index(0, ListRowsModel::OtherColumnsColumn)).toString(),
                 QStringLiteral("first_name: N0"));
        QCOMPARE(model.data(model.index(0, ListRowsModel::AddressColumn)).toString(),
                 QStringLiteral("person0@example.com"));
    }

    void unknownListAndNoStoreAreEmpty()
    {
        ListRowsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setList(m_store.get(), QStringLiteral("A1"), QStringLiteral("NOPE"), 0);
        QCOMPARE(model.totalCount(), 0);
        QVERIFY(!model.canFetchMore({}));
        model.setList(nullptr, QStringLiteral("A1"), QStringLiteral("L1"), 0);
        QCOMPARE(model.totalCount(), 0);
        QVERIFY(!model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 0);
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CaseStore> m_store;
};

int main(int argc, char** argv)
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    TestListRowsModel t;
    return QTest::qExec(&t, argc, argv);
}

#include "test_listrowsmodel.moc"
