// SPDX-License-Identifier: GPL-3.0-or-later
#include "lists/csv.h"

#include "util/error.h"

namespace ad::lists {

namespace {
constexpr qsizetype kChunk = 256 * 1024;
}

ListCsvReader::ListCsvReader(QIODevice& device, QString fileName) : m_dev(device), m_file(std::move(fileName))
{
    m_buf.resize(kChunk);
}

int ListCsvReader::peek()
{
    if (m_pos == m_end) {
        if (m_eof)
            return -1;
        const qint64 n = m_dev.read(m_buf.data(), kChunk);
        if (n < 0)
            throw Error::internal(QStringLiteral("%1: read error: %2").arg(m_file, m_dev.errorString()));
        if (n == 0) {
            m_eof = true;
            return -1;
        }
        m_pos = 0;
        m_end = qsizetype(n);
        if (!m_started) {
            m_started = true;
            if (m_end >= 3 && uchar(m_buf[0]) == 0xEF && uchar(m_buf[1]) == 0xBB && uchar(m_buf[2]) == 0xBF)
                m_pos = 3;
            if (m_pos == m_end)
                return peek();
        }
    }
    return uchar(m_buf[m_pos]);
}

int ListCsvReader::get()
{
    const int c = peek();
    if (c >= 0)
        ++m_pos;
    return c;
}

void ListCsvReader::fail(qint64 line, const QString& message) const
{
    throw Error(Error::Kind::Input, message, m_file, line);
}

// Parses one record into m_data/m_fields; false at the end of the input. Empty lines are skipped.
bool ListCsvReader::parseRecord()
{
    m_data.clear();
    m_fields.clear();
    // Skip empty lines.
    while (true) {
        const int c = peek();
        if (c < 0)
            return false;
        if (c == '\n') {
            get();
            ++m_line;
        } else if (c == '\r') {
            get();
            if (peek() == '\n')
                get();
            ++m_line;
        } else {
            break;
        }
    }
    m_recordLine = m_line;
    while (true) {
        const qsizetype start = m_data.size();
        int c = peek();
        if (c == '"') {
            get();
            const qint64 openLine = m_line;
            while (true) {
                c = get();
                if (c < 0)
                    fail(openLine,
                         QStringLiteral("column %1: unterminated quoted field").arg(m_fields.size() + 1));
                if (c == '"') {
                    if (peek() == '"') {
                        get();
                        m_data.append('"');
                        continue;
                    }
                    break;
                }
                if (c == '\r') {
                    if (peek() == '\n') {
                        get();
                        m_data.append("\r\n");
                    } else {
                        m_data.append('\r');
                    }
                    ++m_line;
                    continue;
                }
                if (c == '\n')
                    ++m_line;
                m_data.append(char(c));
            }
            c = peek();
            if (c >= 0 && c != ',' && c != '\n' && c != '\r')
                fail(m_line,
                     QStringLiteral("column %1: text after a closing quote").arg(m_fields.size() + 1));
        } else {
            while (true) {
                c = peek();
                if (c < 0 || c == ',' || c == '\n' || c == '\r')
                    break;
                if (c == '"')
                    fail(
                        m_line,
                        QStringLiteral("column %1: quote inside an unquoted field").arg(m_fields.size() + 1));
                m_data.append(char(get()));
            }
        }
        m_fields.emplace_back(start, m_data.size() - start);
        c = get();
        if (c == ',')
            continue;
        if (c == '\r') {
            if (peek() == '\n')
                get();
            ++m_line;
        } else if (c == '\n') {
            ++m_line;
        }
        return true;
    }
}

void ListCsvReader::readHeader()
{
    if (!parseRecord())
        fail(1, QStringLiteral("the file is empty (a header row is required)"));
    m_header.clear();
    for (int i = 0; i < fieldCount(); ++i) {
        const QString name = text(i).trimmed();
        if (name.isEmpty())
            fail(m_recordLine, QStringLiteral("column %1 of the header has no name").arg(i + 1));
        if (m_header.contains(name))
            fail(m_recordLine, QStringLiteral("column \"%1\" appears twice in the header").arg(name));
        m_header.append(name);
    }
}

bool ListCsvReader::next()
{
    if (!parseRecord())
        return false;
    if (fieldCount() != m_header.size())
        fail(m_recordLine,
             QStringLiteral("%1 fields where the header has %2").arg(fieldCount()).arg(m_header.size()));
    return true;
}

} // namespace ad::lists
