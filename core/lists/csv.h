// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A small streaming RFC 4180 reader for imported list files (lists/<account>/<list>.csv and
// `abusedesk-cli screen-list`): comma separator, '"' quoting with '""', quoted fields may span lines,
// CRLF / LF / lone CR line ends, a leading UTF-8 BOM skipped, completely empty lines skipped.
// Strict like the bundle reader: a quote inside an unquoted field, text after a closing quote, an
// unterminated quote or a record with more or fewer fields than the header is an ad::Error (Input)
// naming the file, the line and the column. Memory is bounded by the longest record: the device is read
// in 256 KiB chunks.
//
// (core/bundle has the bundle's general CsvReader; this one exists so that ad_lists and the screen-list
// command do not depend on ad_bundle.)

#include <QByteArray>
#include <QByteArrayView>
#include <QIODevice>
#include <QString>
#include <QStringList>
#include <vector>

namespace ad::lists {

class ListCsvReader
{
public:
    ListCsvReader(QIODevice& device, QString fileName);

    // Reads the header row; throws when the file is empty or a column name is empty or repeated.
    void readHeader();
    const QStringList& header() const { return m_header; }
    int index(QStringView name) const { return int(m_header.indexOf(name)); }

    // Advances to the next record; false at the end.
    bool next();
    qint64 line() const { return m_recordLine; } // line the current record starts on (1-based)
    int fieldCount() const { return int(m_fields.size()); }
    QByteArrayView raw(int i) const
    {
        const auto& f = m_fields[size_t(i)];
        return QByteArrayView(m_data.constData() + f.first, f.second);
    }
    QString text(int i) const { return QString::fromUtf8(raw(i)); }
    const QString& fileName() const { return m_file; }

private:
    bool parseRecord();
    int peek();
    int get();
    [[noreturn]] void fail(qint64 line, const QString& message) const;

    QIODevice& m_dev;
    QString m_file;
    QByteArray m_buf;
    qsizetype m_pos = 0, m_end = 0;
    bool m_eof = false;
    bool m_started = false;
    qint64 m_line = 1;
    QByteArray m_data;
    std::vector<std::pair<qsizetype, qsizetype>> m_fields;
    qint64 m_recordLine = 0;
    QStringList m_header;
};

} // namespace ad::lists
