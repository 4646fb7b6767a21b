// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Temporary files for the list screener's bounded-memory passes (lists/screener.h).
//
// SpillFile: one temporary file in the system temp dir (QDir::tempPath(), i.e. $TMPDIR or /tmp), created
// with QTemporaryFile ("abusedesk-list-XXXXXX.spill") and unlinked at once: only the open descriptor
// keeps it, so the file is gone when the SpillFile is destroyed — after a finished pass, on an exception
// (a CSV error, a store error, a cancelled import) and even when the process is killed. Writes and reads
// go through one 16 KiB buffer.
//
// SpillPartitions: 64 SpillFiles (created on first use) chosen by 6 bits of a 64-bit hash; level L uses
// bits 58-6L … 63-6L (the high bits: the in-memory sets index slots with the low bits). A record that
// goes to partition p of level L shares its top 6(L+1) bits with every other record there, so after
// level 9 (60 bits) at most 16 distinct hashes can share a partition and no further level is needed.

#include <QTemporaryFile>
#include <QtGlobal>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

namespace ad::lists {

class SpillFile
{
public:
    // Throws ad::Error (Internal) naming the temp dir when the file cannot be created.
    SpillFile();
    ~SpillFile();
    SpillFile(const SpillFile&) = delete;
    SpillFile& operator=(const SpillFile&) = delete;

    void write(const void* data, std::size_t n)
    {
        if (m_buf.size() - m_end < n)
            flush();
        if (n > m_buf.size()) {
            writeDirect(data, n);
            return;
        }
        std::memcpy(m_buf.data() + m_end, data, n);
        m_end += n;
    }
    // Flushes and releases the buffer until rewind() (a file written, waiting for its turn to be read).
    void finishWriting();
    // Flushes and goes back to the start for reading.
    void rewind();
    // Reads exactly n bytes; false at the end of the file. A file ending inside a record throws (Internal).
    bool read(void* data, std::size_t n);
    qint64 bytesWritten() const { return m_written + qint64(m_end); }

    // SpillFiles alive in this process (tests check that none is left behind).
    static int liveCount();

private:
    void flush();
    void writeDirect(const void* data, std::size_t n);
    void fill();
    QTemporaryFile m_file;
    std::vector<char> m_buf;
    std::size_t m_pos = 0, m_end = 0; // reading: [m_pos, m_end) is buffered; writing: m_end bytes pending
    qint64 m_written = 0;
    bool m_reading = false;
};

class SpillPartitions
{
public:
    static constexpr int kBits = 6;
    static constexpr int kCount = 1 << kBits;
    static constexpr int kMaxLevel = (64 - kBits) / kBits; // 9: the last level with a full 6-bit field

    explicit SpillPartitions(int level) : m_shift(64 - kBits * (level + 1)) {}
    SpillFile& at(std::uint64_t hash)
    {
        auto& f = m_files[std::size_t((hash >> m_shift) & (kCount - 1))];
        if (!f)
            f = std::make_unique<SpillFile>();
        return *f;
    }
    // Hands partition i over (nullptr when nothing went there).
    std::unique_ptr<SpillFile> take(int i) { return std::move(m_files[std::size_t(i)]); }
    qint64 bytesWritten() const;
    int fileCount() const;
    void finishWriting(); // SpillFile::finishWriting on every file

private:
    int m_shift;
    std::array<std::unique_ptr<SpillFile>, kCount> m_files;
};

} // namespace ad::lists
