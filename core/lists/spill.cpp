// SPDX-License-Identifier: GPL-3.0-or-later
#include "lists/spill.h"

#include "util/error.h"

#include <QDir>
#include <atomic>
#include <cstring>
#include <unistd.h>

namespace ad::lists {

namespace {

constexpr std::size_t kBufferBytes = 16 * 1024;
std::atomic<int> g_live{0};

} // namespace

SpillFile::SpillFile()
{
    // QDir::tempPath() is empty when $TMPDIR names a folder that does not exist: never fall back to "/".
    const QString dir = QDir::tempPath();
    if (dir.isEmpty())
        throw Error::internal(QStringLiteral("cannot create a temporary file for list screening in %1: no "
                                             "such folder")
                                  .arg(qEnvironmentVariable("TMPDIR")));
    m_file.setFileTemplate(dir + QStringLiteral("/abusedesk-list-XXXXXX.spill"));
    if (!m_file.open())
        throw Error::internal(QStringLiteral("cannot create a temporary file for list screening in %1: %2")
                                  .arg(QDir::tempPath(), m_file.errorString()));
    // Only the descriptor keeps the file from now on (see the header). QFile::remove() would close it.
    ::unlink(QFile::encodeName(m_file.fileName()).constData());
    m_file.setAutoRemove(false);
    m_buf.resize(kBufferBytes);
    ++g_live;
}

SpillFile::~SpillFile()
{
    --g_live;
}

int SpillFile::liveCount()
{
    return g_live.load();
}

void SpillFile::writeDirect(const void* data, std::size_t n)
{
    if (m_file.write(static_cast<const char*>(data), qint64(n)) != qint64(n))
        throw Error::internal(QStringLiteral("writing a temporary file for list screening in %1 failed: %2")
                                  .arg(QDir::tempPath(), m_file.errorString()));
    m_written += qint64(n);
}

void SpillFile::flush()
{
    if (m_reading || m_end == 0)
        return;
    const std::size_t n = m_end;
    m_end = 0;
    writeDirect(m_buf.data(), n);
}

void SpillFile::finishWriting()
{
    flush();
    m_buf = {};
}

void SpillFile::rewind()
{
    flush();
    m_buf.resize(kBufferBytes);
    if (!m_file.flush() || !m_file.seek(0))
        throw Error::internal(QStringLiteral("rewinding a temporary file for list screening failed: %1")
                                  .arg(m_file.errorString()));
    m_reading = true;
    m_pos = m_end = 0;
}

void SpillFile::fill()
{
    if (m_pos < m_end)
        std::memmove(m_buf.data(), m_buf.data() + m_pos, m_end - m_pos);
    m_end -= m_pos;
    m_pos = 0;
    const qint64 got = m_file.read(m_buf.data() + m_end, qint64(m_buf.size() - m_end));
    if (got < 0)
        throw Error::internal(QStringLiteral("reading a temporary file for list screening failed: %1")
                                  .arg(m_file.errorString()));
    m_end += std::size_t(got);
}

bool SpillFile::read(void* data, std::size_t n)
{
    if (m_end - m_pos < n) {
        fill();
        if (m_end == m_pos)
            return false;
        if (m_end - m_pos < n)
            throw Error::internal(QStringLiteral("a temporary file for list screening ends inside a record"));
    }
    std::memcpy(data, m_buf.data() + m_pos, n);
    m_pos += n;
    return true;
}

qint64 SpillPartitions::bytesWritten() const
{
    qint64 n = 0;
    for (const auto& f : m_files)
        if (f)
            n += f->bytesWritten();
    return n;
}

void SpillPartitions::finishWriting()
{
    for (const auto& f : m_files)
        if (f)
            f->finishWriting();
}

int SpillPartitions::fileCount() const
{
    int n = 0;
    for (const auto& f : m_files)
        n += f ? 1 : 0;
    return n;
}

} // namespace ad::lists
