// SPDX-License-Identifier: GPL-3.0-or-later
// The streaming RFC 4180 reader of core/bundle: quoting, line numbers, BOM, CRLF, UTF-8, header rules.
#include "bundle/csvreader.h"
#include "util/error.h"

#include <QTest>
#include <cstring>

using namespace ad;
using namespace ad::bundle;

namespace {

// Hands out at most `chunk` bytes per read, to exercise every buffer boundary.
class ChunkedSource final : public ByteSource
{
public:
    ChunkedSource(QByteArray bytes, qint64 chunk) : m_bytes(std::move(bytes)), m_chunk(chunk) {}
    qint64 read(char* data, qint64 maxSize) override
    {
        const qint64 n = qMin(qMin(maxSize, m_chunk), qint64(m_bytes.size()) - m_pos);
        if (n <= 0)
            return 0;
        std::memcpy(data, m_bytes.constData() + m_pos, size_t(n));
        m_pos += n;
        return n;
    }

private:
    QByteArray m_bytes;
    qint64 m_chunk;
    qint64 m_pos = 0;
};

struct Parsed
{
    QStringList header;
    QList<QStringList> rows;
    QList<qint64> lines;
    QList<QList<qint64>> fieldLines;
    QStringList warnings;
};

Parsed parse(const QByteArray& bytes, qint64 chunk = 1 << 30, const QStringList& required = {},
             const QStringList* optional = nullptr)
{
    ChunkedSource src(bytes, chunk);
    CsvReader r(src, QStringLiteral("t.csv"));
    Parsed p;
    r.readHeader(required, optional, &p.warnings);
    p.header = r.header();
    while (r.next()) {
        QStringList row;
        QList<qint64> fl;
        for (int i = 0; i < r.fieldCount(); ++i) {
            row.append(r.text(i));
            fl.append(r.fieldLine(i));
        }
        p.rows.append(row);
        p.lines.append(r.line());
        p.fieldLines.append(fl);
    }
    return p;
}

QString errorOf(const QByteArray& bytes, const QStringList& required = {}, qint64 chunk = 1 << 30)
{
    try {
        parse(bytes, chunk, required);
    } catch (const Error& e) {
        return e.toString();
    }
    return QStringLiteral("(no error)");
}

} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void quotedFieldsAndLineNumbers()
    {
        const QByteArray csv = "a,b,c\n"
                               "1,\"x, y\",\"say \"\"hi\"\"\"\n"
                               "2,\"line one\nline two\nline three\",end\n"
                               "3,plain,\"\"\n";
        const Parsed p = parse(csv);
        QCOMPARE(p.header, (QStringList{"a", "b", "c"}));
        QCOMPARE(p.rows.size(), 3);
        QCOMPARE(p.rows[0], (QStringList{"1", "x, y", "say \"hi\""}));
        QCOMPARE(p.rows[1], (QStringList{"2", "line one\nline two\nline three", "end"}));
        QCOMPARE(p.rows[2], (QStringList{"3", "plain", ""}));
        // Records report their first line; the row after the three-line field starts on line 6.
        QCOMPARE(p.lines, (QList<qint64>{2, 3, 6}));
        // The field after the multi-line one starts on line 5.
        QCOMPARE(p.fieldLines[1], (QList<qint64>{3, 3, 5}));
    }
    void bomIsSkipped()
    {
        const Parsed p = parse("\xEF\xBB\xBF"
                               "email,name\nx@example.com,X\n");
        QCOMPARE(p.header, (QStringList{"email", "name"}));
        QCOMPARE(p.rows[0], (QStringList{"x@example.com", "X"}));
        QCOMPARE(p.lines[0], 2);
    }
    void crlfAndLf()
    {
        const QByteArray lf = "a,b\n1,\"p\nq\"\n2,z\n";
        QByteArray crlf = lf;
        crlf.replace("\n", "\r\n");
        const Parsed p1 = parse(lf), p2 = parse(crlf);
        QCOMPARE(p2.lines, p1.lines);
        QCOMPARE(p2.lines, (QList<qint64>{2, 4}));
        QCOMPARE(p2.rows[1], (QStringList{"2", "z"}));
        QCOMPARE(p2.rows[0][1], QStringLiteral("p\r\nq")); // quoted line breaks are kept as written
        // A lone CR ends a line too.
        const Parsed p3 = parse("a,b\r1,2\r3,4");
        QCOMPARE(p3.rows, (QList<QStringList>{{"1", "2"}, {"3", "4"}}));
        QCOMPARE(p3.lines, (QList<qint64>{2, 3}));
    }
    void emptyLinesAndMissingFinalNewline()
    {
        const Parsed p = parse("a,b\n\n1,2\n\r\n3,\n4,5");
        QCOMPARE(p.rows, (QList<QStringList>{{"1", "2"}, {"3", ""}, {"4", "5"}}));
        QCOMPARE(p.lines, (QList<qint64>{3, 5, 6}));
    }
    void everyChunkSizeGivesTheSameResult()
    {
        const QByteArray csv = "\xEF\xBB\xBFid,text,n\r\n"
                               "1,\"a\r\nb\",\"\"\"q\"\"\"\r\n"
                               "\r\n"
                               "2,\"x\ry\",3\r"
                               "3,caf\xC3\xA9,\"\"\n"
                               "4,\"\",\"multi\n\nline\"";
        const Parsed whole = parse(csv);
        QCOMPARE(whole.rows.size(), 4);
        QCOMPARE(whole.lines, (QList<qint64>{2, 5, 7, 8}));
        for (qint64 chunk : {1, 2, 3, 5, 7, 11}) {
            const Parsed p = parse(csv, chunk);
            QCOMPARE(p.header, whole.header);
            QCOMPARE(p.rows, whole.rows);
            QCOMPARE(p.lines, whole.lines);
            QCOMPARE(p.fieldLines, whole.fieldLines);
        }
    }
    void unterminatedQuote()
    {
        QCOMPARE(
            errorOf("a,b\n1,2\n3,\"open\nmore\n"),
            QStringLiteral("t.csv:3: column b: value \"open\nmore\n\": unterminated quoted field: the quote "
                           "opened on this line is never closed"));
        QCOMPARE(
            errorOf("a,b\n1,2\n3,\"open\nmore\n", {}, 1),
            QStringLiteral("t.csv:3: column b: value \"open\nmore\n\": unterminated quoted field: the quote "
                           "opened on this line is never closed"));
    }
    void invalidUtf8NamesLineAndColumn()
    {
        // The bad byte is on the second line of a quoted field that starts on line 2.
        QCOMPARE(
            errorOf("a,b\n1,\"ok\nbad \xE9 here\"\n"),
            QStringLiteral("t.csv:3: column b: value \"ok\nbad \uFFFD here\": not valid UTF-8 (byte 0xe9 at "
                           "offset 7 of the value)"));
        // Overlong encodings and surrogates are invalid too.
        QVERIFY(!isValidUtf8("\xC0\xAF"));
        QVERIFY(!isValidUtf8("\xED\xA0\x80"));
        QVERIFY(!isValidUtf8("\xF4\x90\x80\x80"));
        QVERIFY(isValidUtf8("caf\xC3\xA9 \xF0\x9F\x98\x80 plain ascii text longer than eight"));
    }
    void strictQuoting()
    {
        QCOMPARE(errorOf("a,b\n1,ab\"c\n"),
                 QStringLiteral(
                     "t.csv:2: column b: value \"ab\": a quote inside an unquoted field (quote the whole "
                     "field and double the quote)"));
        QCOMPARE(
            errorOf("a,b\n1,\"ab\"c\n"),
            QStringLiteral("t.csv:2: column b: value \"ab\": unexpected text after the closing quote of a "
                           "quoted field"));
    }
    void fieldCountMustMatchHeader()
    {
        QCOMPARE(errorOf("a,b\n1,2\n1,2,3\n"),
                 QStringLiteral("t.csv:3: the row has 3 fields but the header has 2"));
        QCOMPARE(errorOf("a,b\n1\n"), QStringLiteral("t.csv:2: the row has 1 field but the header has 2"));
    }
    void headerRules()
    {
        QCOMPARE(errorOf(""), QStringLiteral("t.csv:1: the file is empty: a header row is expected"));
        QCOMPARE(errorOf("\xEF\xBB\xBF"),
                 QStringLiteral("t.csv:1: the file is empty: a header row is expected"));
        QCOMPARE(errorOf("a,b\n", {"a", "c"}),
                 QStringLiteral("t.csv:1: column c: required column \"c\" is missing from the header"));
        QCOMPARE(errorOf("a,b,a\n"),
                 QStringLiteral("t.csv:1: value \"a\": column \"a\" appears twice in the header"));
        // Columns in any order; unknown ones give one warning for the file.
        const QStringList optional{"b"};
        const Parsed p = parse("x,b,a,y\n1,2,3,4\n", 1 << 30, {"a"}, &optional);
        QCOMPARE(p.warnings, QStringList{"t.csv: unknown columns ignored: x, y"});
        MemorySource src("b,a\n2,1\n");
        CsvReader r(src, QStringLiteral("t.csv"));
        r.readHeader({"a"}, &optional, nullptr);
        QVERIFY(r.next());
        QCOMPARE(r.text(r.index(u"a")), QStringLiteral("1"));
        QCOMPARE(r.index(u"zzz"), -1);
        QVERIFY(r.text(-1).isNull());
    }
};

QTEST_APPLESS_MAIN(TestCsvReader)
#include "test_csvreader.moc"
