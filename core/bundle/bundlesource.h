// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A case bundle on disk: a folder, or the same tree packed in a .zip (read with libarchive).
//
//  - Entry paths are relative to the bundle root, '/'-separated. When the root holds no manifest.json but
//    exactly one top-level folder does (a zip of the bundle folder, or a folder holding it), that folder
//    is the root; files outside it are not entries (outsideRoot() lists them; the importer warns).
//  - Refused with an error when opening: an entry escaping the root (a ".." component, an absolute path, a
//    drive letter), a symbolic or hard link, a device or other special file, an encrypted zip entry, the
//    same path twice, a file whose size is above the limit, a truncated or corrupt zip.
//  - Files are read in chunks (never whole), each read counted against the size limit again (zip entries
//    may not declare their size) and hashed with SHA-256.

#include "bundle/bytesource.h"
#include "domain/types.h"
#include "util/hash.h"

#include <QHash>
#include <QList>
#include <QString>
#include <functional>
#include <memory>

namespace ad::bundle {

constexpr qint64 kDefaultMaxFileSize = qint64(2) * 1024 * 1024 * 1024; // 2 GiB

struct BundleEntry
{
    QString path;     // relative to the root ("accounts.csv", "messages/A1/m1.eml")
    qint64 size = -1; // -1 when the archive does not say
};

// Incremental SHA-256 through OpenSSL's libcrypto, which uses the CPU's SHA instructions where there are
// some (several times QCryptographicHash's speed; every byte of a bundle is hashed). Same digest.
class FileSha256
{
public:
    FileSha256();
    ~FileSha256();
    FileSha256(const FileSha256&) = delete;
    FileSha256& operator=(const FileSha256&) = delete;
    void add(QByteArrayView bytes);
    QString hex(); // lower-case hexadecimal; once

private:
    void* m_ctx; // EVP_MD_CTX
};

// One file being read. Counts, hashes and limits every byte; `hook` (if set) sees each chunk's size
// (the importer's progress and cancellation).
class EntryReader : public ByteSource
{
public:
    EntryReader(QString path, qint64 limit, const std::function<void(qint64)>* hook)
        : m_path(std::move(path)), m_limit(limit), m_hook(hook)
    {}
    qint64 read(char* data, qint64 maxSize) final;
    // Reads what is left (so the hash covers the whole file) and returns the file's record.
    ImportedFile finish();
    const QString& path() const { return m_path; }

protected:
    virtual qint64 readRaw(char* data, qint64 maxSize) = 0;

private:
    QString m_path;
    qint64 m_limit;
    const std::function<void(qint64)>* m_hook;
    qint64 m_size = 0;
    FileSha256 m_hash;
};

class BundleSource
{
public:
    // Opens a folder or a zip file and lists its entries (no file content is read). Throws Error
    // (Kind::Input) naming the bundle or the entry.
    static std::unique_ptr<BundleSource> open(const QString& path, qint64 maxFileSize = kDefaultMaxFileSize);
    virtual ~BundleSource() = default;

    const QString& path() const { return m_path; }
    bool isZip() const { return m_zip; }
    qint64 maxFileSize() const { return m_limit; }
    // Regular files in reading order (folder: sorted by path; zip: archive order).
    const QList<BundleEntry>& entries() const { return m_entries; }
    const BundleEntry* find(const QString& path) const;
    // Files beside the single top folder that holds manifest.json (not part of the bundle).
    const QStringList& outsideRoot() const { return m_outside; }

    // Called with the size of every chunk read from any file (progress, cancellation: it may throw).
    void setReadHook(std::function<void(qint64)> hook) { m_hook = std::move(hook); }

    // Reads, in reading order, every entry for which wanted() is true: fn gets a reader positioned at the
    // start; whatever fn leaves unread is read (and hashed) afterwards, then done() gets the file's record.
    void read(const std::function<bool(const BundleEntry&)>& wanted,
              const std::function<void(const BundleEntry&, EntryReader&)>& fn,
              const std::function<void(const ImportedFile&)>& done = {});
    // The same with `hook` instead of setReadHook's. Reads open their own file or archive handle and only
    // read the listing, so two threads may each run one at the same time (core/bundle's message worker).
    void read(const std::function<bool(const BundleEntry&)>& wanted,
              const std::function<void(const BundleEntry&, EntryReader&)>& fn,
              const std::function<void(const ImportedFile&)>& done, const std::function<void(qint64)>* hook);
    // Position of an entry (one read() passes to fn, or of entries()) in entries().
    qsizetype indexOf(const BundleEntry& e) const { return qsizetype(&e - m_entries.constData()); }

protected:
    BundleSource(QString path, qint64 limit, bool zip) : m_path(std::move(path)), m_limit(limit), m_zip(zip)
    {}
    virtual void readEntries(const std::function<bool(const BundleEntry&)>& wanted,
                             const std::function<void(const BundleEntry&, EntryReader&)>& fn,
                             const std::function<void(qint64)>* hook) = 0;
    // Applies the single-top-folder rule and checks for duplicates and sizes; sets m_prefix.
    void finishListing(QList<BundleEntry> raw);
    // The path inside the container of an entry.
    QString containerPath(const BundleEntry& e) const { return m_prefix + e.path; }

    QString m_path;
    qint64 m_limit;
    bool m_zip;
    QString m_prefix; // "top/" when the root is a single top folder
    QList<BundleEntry> m_entries;
    QHash<QString, qsizetype> m_index;
    QStringList m_outside;
    std::function<void(qint64)> m_hook;
};

// Hash of a bundle: SHA-256 over "path\tsha256\n" lines of the files read, sorted by path.
QString bundleHash(QList<ImportedFile> files);
// The same digest from a file list that `forEach` streams (it calls its argument once per file: path in
// UTF-8, sha256 hex) in the order of the paths' UTF-8 bytes, without keeping the list: that order is
// bundleHash()'s (UTF-16) order unless a path holds a character from U+E000 or above; then the list is
// read again into memory and sorted as bundleHash() does. `forEach` must give the same files each time.
using FileVisitor = std::function<void(QByteArrayView path, QByteArrayView sha256)>;
QString bundleHashOfSorted(const std::function<void(const FileVisitor&)>& forEach);

// Checks one relative path from an archive or a folder; throws Error naming the bundle and the entry when
// it is absolute or escapes the root. Returns the normalised path ("./a//b" -> "a/b").
QString normaliseEntryPath(const QString& bundlePath, const QString& entryPath);

} // namespace ad::bundle
