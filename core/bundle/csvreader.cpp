// SPDX-License-Identifier: GPL-3.0-or-later
#include "bundle/csvreader.h"

#include "util/error.h"

#include <array>
#include <cstring>

namespace ad::bundle {

namespace {

constexpr qsizetype kChunk = 256 * 1024;

constexpr std::array<bool, 256> makeSpecial()
{
    std::array<bool, 256> t{};
    t[size_t(',')] = true;
    t[size_t('"')] = true;
    t[size_t('\n')] = true;
    t[size_t('\r')] = true;
    return t;
}
constexpr std::array<bool, 256> kSpecial = makeSpecial();

QByteArrayView head(QByteArrayView v, qsizetype n)
{
    return v.first(qMin(n, v.size()));
}

} // namespace

QByteArray ByteSource::readAll()
{
    QByteArray out;
    char chunk[64 * 1024];
    for (;;) {
        const qint64 n = read(chunk, sizeof chunk);
        if (n <= 0)
            break;
        out.append(chunk, qsizetype(n));
    }
    return out;
}

qint64 MemorySource::read(char* data, qint64 maxSize)
{
    const qint64 n = qMin<qint64>(maxSize, m_bytes.size() - m_pos);
    if (n <= 0)
        return 0;
    std::memcpy(data, m_bytes.data() + m_pos, size_t(n));
    m_pos += n;
    return n;
}

bool isValidUtf8(QByteArrayView bytes, qsizetype* badOffset)
{
    const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        // ASCII fast path, 8 bytes at a time.
        while (i + 8 <= n) {
            quint64 w;
            std::memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ULL)
                break;
            i += 8;
        }
        if (i >= n)
            break;
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int len = 0;
        unsigned min = 0;
        unsigned cp = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            cp = c & 0x1F;
            min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            cp = c & 0x0F;
            min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            cp = c & 0x07;
            min = 0x10000;
        } else {
            if (badOffset)
                *badOffset = i;
            return false;
        }
        if (i + len > n) {
            if (badOffset)
                *badOffset = i;
            return false;
        }
        for (int k = 1; k < len; ++k) {
            const unsigned char cc = s[i + k];
            if ((cc & 0xC0) != 0x80) {
                if (badOffset)
                    *badOffset = i;
                return false;
            }
            cp = (cp << 6) | (cc & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            if (badOffset)
                *badOffset = i;
            return false;
        }
        i += len;
    }
    return true;
}

CsvReader::CsvReader(ByteSource& source, QString fileName) : m_source(&source), m_file(std::move(fileName))
{
    m_buf.resize(kChunk);
}

CsvReader::CsvReader(CsvFeed& feed, QString fileName) : m_feed(&feed), m_file(std::move(fileName)) {}

bool CsvReader::fill()
{
    if (m_pos < m_end)
        return true;
    if (m_eof)
        return false;
    m_pos = 0;
    m_end = 0;
    const qint64 n = m_source->read(m_buf.data(), kChunk);
    if (n <= 0) {
        m_eof = true;
        return false;
    }
    m_end = qsizetype(n);
    m_consumed += n;
    if (!m_started) {
        m_started = true;
        // Make sure the first three bytes are there to recognise a BOM.
        while (m_end < 3) {
            const qint64 more = m_source->read(m_buf.data() + m_end, kChunk - m_end);
            if (more <= 0)
                break;
            m_end += qsizetype(more);
            m_consumed += more;
        }
        if (m_end >= 3 && uchar(m_buf[0]) == 0xEF && uchar(m_buf[1]) == 0xBB && uchar(m_buf[2]) == 0xBF)
            m_pos = 3;
        if (m_pos >= m_end)
            return fill();
    }
    return true;
}

void CsvReader::fail(qint64 line, int field, const QString& value, const QString& message) const
{
    throw Error::at(m_file, line, field >= 0 ? columnName(field) : QString(), value, message);
}

QString CsvReader::columnName(int i) const
{
    if (i >= 0 && i < m_header.size())
        return m_header[i];
    return QStringLiteral("#%1").arg(i + 1);
}

int CsvReader::index(QStringView name) const
{
    for (int i = 0; i < m_header.size(); ++i)
        if (m_header[i] == name)
            return i;
    return -1;
}

QString CsvReader::text(int i) const
{
    if (i < 0)
        return QString();
    return QString::fromUtf8(raw(i));
}

bool CsvReader::parseRecord()
{
    if (!parseFields())
        return false;
    m_recData = m_data.constData();
    m_recFields = m_fields.data();
    m_recCount = int(m_fields.size());
    return true;
}

bool CsvReader::parseFields()
{
    m_dataLen = 0;
    m_fields.clear();
    // Skip empty lines.
    for (;;) {
        if (m_pos >= m_end && !fill())
            return false;
        const char c = m_buf[m_pos];
        if (c == '\n') {
            ++m_pos;
            ++m_line;
            continue;
        }
        if (c == '\r') {
            ++m_pos;
            if (fill() && m_buf[m_pos] == '\n')
                ++m_pos;
            ++m_line;
            continue;
        }
        break;
    }
    m_recordLine = m_line;
    for (;;) {
        const int fieldIndex = int(m_fields.size());
        Field f;
        f.start = m_dataLen;
        f.line = m_line;
        if (fill() && m_buf[m_pos] == '"') {
            const qint64 openLine = m_line;
            ++m_pos;
            for (;;) {
                if (!fill())
                    fail(openLine, fieldIndex, QString::fromUtf8(head(dataFrom(f.start), 60)),
                         QStringLiteral(
                             "unterminated quoted field: the quote opened on this line is never closed"));
                const char* b = m_buf.constData();
                qsizetype i = m_pos;
                bool crAtEnd = false;
                while (i < m_end && b[i] != '"') {
                    if (b[i] == '\n') {
                        ++m_line;
                    } else if (b[i] == '\r') {
                        if (i + 1 < m_end) {
                            if (b[i + 1] != '\n')
                                ++m_line;
                        } else {
                            crAtEnd = true;
                        }
                    }
                    ++i;
                }
                addData(b + m_pos, i - m_pos);
                m_pos = i;
                if (i == m_end) {
                    if (crAtEnd && !(fill() && m_buf[m_pos] == '\n'))
                        ++m_line;
                    continue;
                }
                ++m_pos; // the quote
                if (fill() && m_buf[m_pos] == '"') {
                    addData("\"", 1);
                    ++m_pos;
                    continue;
                }
                break; // closing quote
            }
            if (fill()) {
                const char c = m_buf[m_pos];
                if (c != ',' && c != '\n' && c != '\r')
                    fail(m_line, fieldIndex, QString::fromUtf8(head(dataFrom(f.start), 60)),
                         QStringLiteral("unexpected text after the closing quote of a quoted field"));
            }
        } else {
            for (;;) {
                const char* b = m_buf.constData();
                qsizetype i = m_pos;
                while (i < m_end && !kSpecial[uchar(b[i])])
                    ++i;
                addData(b + m_pos, i - m_pos);
                m_pos = i;
                if (i < m_end) {
                    if (b[i] == '"')
                        fail(m_line, fieldIndex, QString::fromUtf8(head(dataFrom(f.start), 60)),
                             QStringLiteral("a quote inside an unquoted field (quote the whole field and "
                                            "double the quote)"));
                    break;
                }
                if (!fill())
                    break;
            }
        }
        f.length = m_dataLen - f.start;
        m_fields.push_back(f);
        if (!fill())
            return true; // the last record may lack a line end
        const char c = m_buf[m_pos++];
        if (c == ',')
            continue;
        if (c == '\r' && fill() && m_buf[m_pos] == '\n')
            ++m_pos;
        ++m_line;
        return true;
    }
}

void CsvReader::validateUtf8() const
{
    for (int i = 0; i < m_recCount; ++i) {
        qsizetype bad = 0;
        const QByteArrayView v = raw(i);
        if (isValidUtf8(v, &bad))
            continue;
        qint64 line = m_recFields[i].line;
        for (qsizetype k = 0; k < bad; ++k) {
            if (v[k] == '\n' || (v[k] == '\r' && (k + 1 >= v.size() || v[k + 1] != '\n')))
                ++line;
        }
        fail(line, i, QString::fromUtf8(head(v, 200)),
             QStringLiteral("not valid UTF-8 (byte 0x%1 at offset %2 of the value)")
                 .arg(uint(uchar(v[bad])), 2, 16, QLatin1Char('0'))
                 .arg(bad));
    }
}

void CsvReader::readHeader(const QStringList& required, const QStringList* optional, QStringList* warnings)
{
    if (m_feed) {
        m_batch = m_feed->nextBatch(); // throws the producer's readHeaderNames() error
        if (!m_batch)
            throw Error::internal(QStringLiteral("%1: the CSV producer gave no header").arg(m_file));
        m_header = m_batch->header;
        m_recordLine = m_batch->headerLine;
        m_batchRecord = 0;
    } else {
        readHeaderNames();
    }
    checkHeader(required, optional, warnings);
}

void CsvReader::readHeaderNames()
{
    if (!parseRecord())
        throw Error::at(m_file, 1, QString(), QString(),
                        QStringLiteral("the file is empty: a header row is expected"));
    validateUtf8();
    m_header.clear();
    for (int i = 0; i < int(m_fields.size()); ++i) {
        const QString name = text(i).trimmed();
        if (name.isEmpty())
            fail(m_recordLine, -1, QString(), QStringLiteral("header column %1 has no name").arg(i + 1));
        if (m_header.contains(name))
            fail(m_recordLine, -1, name,
                 QStringLiteral("column \"%1\" appears twice in the header").arg(name));
        m_header.append(name);
    }
}

void CsvReader::checkHeader(const QStringList& required, const QStringList* optional,
                            QStringList* warnings) const
{
    for (const QString& r : required) {
        if (!m_header.contains(r))
            throw Error::at(m_file, m_recordLine, r, QString(),
                            QStringLiteral("required column \"%1\" is missing from the header").arg(r));
    }
    if (optional && warnings) {
        QStringList unknown;
        for (const QString& h : std::as_const(m_header))
            if (!required.contains(h) && !optional->contains(h))
                unknown.append(h);
        if (!unknown.isEmpty())
            warnings->append(QStringLiteral("%1: unknown column%2 ignored: %3")
                                 .arg(m_file, unknown.size() > 1 ? QStringLiteral("s") : QString(),
                                      unknown.join(QStringLiteral(", "))));
    }
}

bool CsvReader::next()
{
    if (m_feed)
        return nextFed();
    if (!parseRecord())
        return false;
    if (m_fields.size() != size_t(m_header.size()))
        fail(m_recordLine, -1, QString(),
             QStringLiteral("the row has %1 field%2 but the header has %3")
                 .arg(m_fields.size())
                 .arg(m_fields.size() == 1 ? QString() : QStringLiteral("s"))
                 .arg(m_header.size()));
    validateUtf8();
    return true;
}

void CsvReader::appendRecord(CsvBatch& batch) const
{
    const qsizetype base = batch.data.size();
    batch.data.append(m_data.constData(), m_dataLen);
    batch.records.push_back({batch.fields.size(), int(m_fields.size()), m_recordLine});
    for (Field f : m_fields) {
        f.start += base;
        batch.fields.push_back(f);
    }
}

bool CsvReader::nextFed()
{
    while (!m_batch || m_batchRecord >= m_batch->records.size()) {
        m_batch = m_feed->nextBatch(); // throws the producer's error after the records before it
        m_batchRecord = 0;
        if (!m_batch)
            return false;
    }
    const CsvBatch::Record& rec = m_batch->records[m_batchRecord++];
    m_recData = m_batch->data.constData();
    m_recFields = m_batch->fields.data() + rec.firstField;
    m_recCount = rec.fieldCount;
    m_recordLine = rec.line;
    return true;
}

} // namespace ad::bundle
