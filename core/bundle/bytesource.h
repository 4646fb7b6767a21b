// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A pull source of bytes: what the CSV reader and the importer read from (a file inside a folder, an
// entry of a .zip through libarchive, or memory in tests and fuzzers). Reading is chunked; nothing here
// holds a whole file in memory.

#include <QByteArray>
#include <QByteArrayView>

namespace ad::bundle {

class ByteSource
{
public:
    virtual ~ByteSource() = default;
    // Reads up to maxSize bytes into data; returns the number read, 0 at the end. Throws ad::Error on a
    // read failure (corrupt archive, I/O error, size limit, cancellation).
    virtual qint64 read(char* data, qint64 maxSize) = 0;

    // Reads everything that is left (for small files: manifest, one message, one report).
    QByteArray readAll();
};

// Bytes held by the caller (tests, fuzzers). The view must outlive the source.
class MemorySource final : public ByteSource
{
public:
    explicit MemorySource(QByteArrayView bytes) : m_bytes(bytes) {}
    qint64 read(char* data, qint64 maxSize) override;

private:
    QByteArrayView m_bytes;
    qint64 m_pos = 0;
};

} // namespace ad::bundle
