// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Streaming RFC 4180 reader for the case bundle's CSV files (../shared/spec/case-bundle.md).
//
//  - comma separator, `"` quoting with `""` for a quote; quoted fields may hold commas, quotes and line
//    breaks; records end with CRLF, LF (or a lone CR);
//  - a UTF-8 BOM at the start is skipped; every field must be valid UTF-8;
//  - strict: a quote inside an unquoted field, text after a closing quote, an unterminated quote, or a
//    record whose field count differs from the header's are errors;
//  - completely empty lines are skipped;
//  - line numbers are those of a text editor (1-based; CRLF, LF and lone CR each end one line). A record
//    reports the line it starts on; each field knows the line it starts on (for errors about one value);
//    syntax errors name the exact line of the problem.
//
// Memory is bounded by the largest record, not the file: the source is read in 256 KiB chunks.
//
// Fed mode (CsvReader(CsvFeed&, …)): the records come already parsed and checked (syntax, UTF-8, field
// count) from a producer thread running a CsvReader of its own over the source (core/bundle/importer.cpp,
// CsvProducer): the reader's accessors, errors and header checks are the same; an error the producer met
// is thrown by next() (or readHeader()) where the direct reader would have thrown it.

#include "bundle/bytesource.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <cstring>
#include <vector>

namespace ad::bundle {

struct CsvBatch;
class CsvFeed;

class CsvReader
{
public:
    // `fileName` is the bundle path used in errors ("campaigns.csv").
    CsvReader(ByteSource& source, QString fileName);
    // Fed mode (see above).
    CsvReader(CsvFeed& feed, QString fileName);

    // Reads the header row. Throws Error::at when the file is empty, when a column name is repeated or
    // empty, or when one of `required` is missing. Columns that are neither required nor in `optional`
    // are reported in one warning appended to *warnings (unless `optional` is null: every column is
    // accepted, as in imported list files).
    void readHeader(const QStringList& required, const QStringList* optional, QStringList* warnings);
    // The first half of readHeader() (the header row is read and its names checked, nothing required), for
    // a producer: its errors are the same as readHeader()'s for that row.
    void readHeaderNames();
    // Appends the current record to a batch (producer side).
    void appendRecord(CsvBatch& batch) const;

    // Advances to the next record; false at the end of the file.
    bool next();

    const QString& fileName() const { return m_file; }
    const QStringList& header() const { return m_header; }
    // Index of a header column, -1 when absent.
    int index(QStringView name) const;
    // The current record.
    qint64 line() const { return m_recordLine; }
    int fieldCount() const { return m_recCount; }
    QByteArrayView raw(int i) const
    {
        const Field& f = m_recFields[i];
        return QByteArrayView(m_recData + f.start, f.length);
    }
    // The field as text; empty (not null) when the index is -1 (absent column).
    QString text(int i) const;
    bool isEmpty(int i) const { return i < 0 || m_recFields[i].length == 0; }
    qint64 fieldLine(int i) const { return i < 0 ? m_recordLine : m_recFields[i].line; }
    // Name of column i ("#3" beyond the header).
    QString columnName(int i) const;
    // Bytes consumed from the source so far (for progress).
    qint64 bytesConsumed() const { return m_consumed; }

    struct Field
    {
        qsizetype start = 0;
        qsizetype length = 0;
        qint64 line = 0;
    };

private:
    bool fill();
    bool parseRecord();
    bool parseFields();
    void addData(const char* p, qsizetype n)
    {
        if (m_dataLen + n > m_data.size())
            m_data.resize(qMax(2 * m_data.size(), m_dataLen + n));
        std::memcpy(m_data.data() + m_dataLen, p, size_t(n));
        m_dataLen += n;
    }
    QByteArrayView dataFrom(qsizetype start) const
    {
        return QByteArrayView(m_data.constData() + start, m_dataLen - start);
    }
    void validateUtf8() const;
    void checkHeader(const QStringList& required, const QStringList* optional, QStringList* warnings) const;
    bool nextFed();
    [[noreturn]] void fail(qint64 line, int field, const QString& value, const QString& message) const;

    ByteSource* m_source = nullptr;
    CsvFeed* m_feed = nullptr;
    const CsvBatch* m_batch = nullptr; // fed mode: the batch being read
    size_t m_batchRecord = 0;          // fed mode: the next record of m_batch
    QString m_file;
    QByteArray m_buf;
    qsizetype m_pos = 0, m_end = 0;
    bool m_eof = false;
    bool m_started = false;
    qint64 m_line = 1; // current line of the reader
    qint64 m_consumed = 0;
    QByteArray m_data; // unescaped bytes of the current record's fields (m_dataLen of them)
    qsizetype m_dataLen = 0;
    std::vector<Field> m_fields;
    // The current record: m_data and m_fields, or (fed mode) a record of m_batch.
    const char* m_recData = nullptr;
    const Field* m_recFields = nullptr;
    int m_recCount = 0;
    qint64 m_recordLine = 0;
    QStringList m_header;
};

// Records parsed by a producer (CsvReader::appendRecord), in file order. The first batch of a file carries
// its header (names and line).
struct CsvBatch
{
    struct Record
    {
        size_t firstField = 0;
        int fieldCount = 0;
        qint64 line = 0;
    };
    QStringList header; // first batch only
    qint64 headerLine = 0;
    QByteArray data; // the records' unescaped field bytes
    std::vector<CsvReader::Field> fields;
    std::vector<Record> records;
    void clear()
    {
        header.clear();
        headerLine = 0;
        data.resize(0);
        fields.clear();
        records.clear();
    }
};

// Where a fed CsvReader takes its batches from.
class CsvFeed
{
public:
    virtual ~CsvFeed() = default;
    // The next batch of the file (the first one holds the header), nullptr after the last. Throws the
    // error the producer met (reading, syntax, UTF-8, field count) once the batches before it were taken.
    // The batch stays valid until the next call.
    virtual const CsvBatch* nextBatch() = 0;
};

// True when the bytes are valid UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF); on failure
// *badOffset is the offset of the first offending byte.
bool isValidUtf8(QByteArrayView bytes, qsizetype* badOffset = nullptr);

} // namespace ad::bundle
