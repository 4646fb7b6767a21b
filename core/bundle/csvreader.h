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

#include "bundle/bytesource.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <vector>

namespace ad::bundle {

class CsvReader
{
public:
    // `fileName` is the bundle path used in errors ("campaigns.csv").
    CsvReader(ByteSource& source, QString fileName);

    // Reads the header row. Throws Error::at when the file is empty, when a column name is repeated or
    // empty, or when one of `required` is missing. Columns that are neither required nor in `optional`
    // are reported in one warning appended to *warnings (unless `optional` is null: every column is
    // accepted, as in imported list files).
    void readHeader(const QStringList& required, const QStringList* optional, QStringList* warnings);

    // Advances to the next record; false at the end of the file.
    bool next();

    const QString& fileName() const { return m_file; }
    const QStringList& header() const { return m_header; }
    // Index of a header column, -1 when absent.
    int index(QStringView name) const;
    // The current record.
    qint64 line() const { return m_recordLine; }
    int fieldCount() const { return int(m_fields.size()); }
    QByteArrayView raw(int i) const
    {
        const Field& f = m_fields[size_t(i)];
        return QByteArrayView(m_data.constData() + f.start, f.length);
    }
    // The field as text; empty (not null) when the index is -1 (absent column).
    QString text(int i) const;
    bool isEmpty(int i) const { return i < 0 || m_fields[size_t(i)].length == 0; }
    qint64 fieldLine(int i) const { return i < 0 ? m_recordLine : m_fields[size_t(i)].line; }
    // Name of column i ("#3" beyond the header).
    QString columnName(int i) const;
    // Bytes consumed from the source so far (for progress).
    qint64 bytesConsumed() const { return m_consumed; }

private:
    struct Field
    {
        qsizetype start = 0;
        qsizetype length = 0;
        qint64 line = 0;
    };
    bool fill();
    bool parseRecord();
    void validateUtf8() const;
    [[noreturn]] void fail(qint64 line, int field, const QString& value, const QString& message) const;

    ByteSource& m_source;
    QString m_file;
    QByteArray m_buf;
    qsizetype m_pos = 0, m_end = 0;
    bool m_eof = false;
    bool m_started = false;
    qint64 m_line = 1; // current line of the reader
    qint64 m_consumed = 0;
    QByteArray m_data; // unescaped bytes of the current record's fields
    std::vector<Field> m_fields;
    qint64 m_recordLine = 0;
    QStringList m_header;
};

// True when the bytes are valid UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF); on failure
// *badOffset is the offset of the first offending byte.
bool isValidUtf8(QByteArrayView bytes, qsizetype* badOffset = nullptr);

} // namespace ad::bundle
