// SPDX-License-Identifier: GPL-3.0-or-later
#include "bundle/bundlesource.h"

#include "util/error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <algorithm>
#include <archive.h>
#include <archive_entry.h>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <memory>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ad::bundle {

namespace {

QString humanSize(qint64 n)
{
    if (n >= (qint64(1) << 30) && n % (qint64(1) << 30) == 0)
        return QStringLiteral("%1 GiB").arg(n >> 30);
    if (n >= (qint64(1) << 20) && n % (qint64(1) << 20) == 0)
        return QStringLiteral("%1 MiB").arg(n >> 20);
    return QStringLiteral("%1 bytes").arg(n);
}

Error tooLarge(const QString& path, qint64 size, qint64 limit)
{
    return Error::at(
        path, 0, QString(), QString(),
        size >= 0 ? QStringLiteral("file of %1 bytes is larger than the limit of %2; refused")
                        .arg(size)
                        .arg(humanSize(limit))
                  : QStringLiteral("file is larger than the limit of %1; refused").arg(humanSize(limit)));
}

// ---- folder -----------------------------------------------------------------------------------------

// A file of a folder bundle, read through a POSIX descriptor: one open (O_NOFOLLOW: a symbolic link put in
// place since the listing is refused; O_NONBLOCK: a FIFO does not block) and one fstat (a regular file,
// its size against the limit) per file, and reads straight into the caller's buffer.
class FileEntryReader final : public EntryReader
{
public:
    FileEntryReader(const QString& fsPath, const QString& path, qint64 limit,
                    const std::function<void(qint64)>* hook)
        : EntryReader(path, limit, hook)
    {
        m_fd = ::open(QFile::encodeName(fsPath).constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
        if (m_fd < 0) {
            if (errno == ELOOP)
                throw changed(path);
            throw Error::at(
                path, 0, QString(), QString(),
                QStringLiteral("cannot be read: %1").arg(QString::fromLocal8Bit(strerror(errno))));
        }
        struct stat st;
        if (::fstat(m_fd, &st) != 0 || !S_ISREG(st.st_mode)) {
            ::close(m_fd);
            throw changed(path);
        }
        if (st.st_size > limit) {
            ::close(m_fd);
            throw tooLarge(path, qint64(st.st_size), limit);
        }
    }
    ~FileEntryReader() override { ::close(m_fd); }
    FileEntryReader(const FileEntryReader&) = delete;
    FileEntryReader& operator=(const FileEntryReader&) = delete;

protected:
    qint64 readRaw(char* data, qint64 maxSize) override
    {
        for (;;) {
            const ssize_t n = ::read(m_fd, data, size_t(maxSize));
            if (n >= 0)
                return qint64(n);
            if (errno != EINTR)
                throw Error::at(
                    path(), 0, QString(), QString(),
                    QStringLiteral("cannot be read: %1").arg(QString::fromLocal8Bit(strerror(errno))));
        }
    }

private:
    static Error changed(const QString& path)
    {
        return Error::at(path, 0, QString(), QString(),
                         QStringLiteral("changed while the bundle was being read"));
    }
    int m_fd = -1;
};

class FolderSource final : public BundleSource
{
public:
    FolderSource(const QString& path, qint64 limit) : BundleSource(path, limit, false)
    {
        m_root = QDir(path).absolutePath();
        QList<BundleEntry> raw;
        const int root = ::open(QFile::encodeName(m_root).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (root >= 0)
            list(root, QString(), raw);
        std::sort(raw.begin(), raw.end(),
                  [](const BundleEntry& a, const BundleEntry& b) { return a.path < b.path; });
        finishListing(std::move(raw));
    }

protected:
    void readEntries(const std::function<bool(const BundleEntry&)>& wanted,
                     const std::function<void(const BundleEntry&, EntryReader&)>& fn,
                     const std::function<void(qint64)>* hook) override
    {
        for (const BundleEntry& e : std::as_const(m_entries)) {
            if (!wanted(e))
                continue;
            FileEntryReader r(m_root + QLatin1Char('/') + containerPath(e), e.path, m_limit, hook);
            fn(e, r);
        }
    }

private:
    // Lists the folder open as `fd` (closed here) depth first, in the order the file system gives (as
    // QDirIterator did, with one fstatat per entry instead of a QFileInfo and a relative-path computation):
    // links, special files and files that vanish are refused, folders that cannot be opened are skipped.
    void list(int fd, const QString& prefix, QList<BundleEntry>& raw)
    {
        DIR* dir = fdopendir(fd);
        if (!dir) {
            ::close(fd);
            return;
        }
        const std::unique_ptr<DIR, int (*)(DIR*)> guard(dir, closedir);
        while (const dirent* d = readdir(dir)) {
            const char* name = d->d_name;
            if (name[0] == '.' && (name[1] == 0 || (name[1] == '.' && name[2] == 0)))
                continue;
            const QString rel = prefix + QFile::decodeName(name);
            struct stat st;
            const bool exists = fstatat(dirfd(dir), name, &st, AT_SYMLINK_NOFOLLOW) == 0;
            if (exists && S_ISLNK(st.st_mode))
                throw Error::at(
                    m_path, 0, QString(), rel,
                    QStringLiteral("symbolic link in the bundle refused (it could point outside the "
                                   "bundle)"));
            if (exists && S_ISDIR(st.st_mode)) {
                const int sub = openat(dirfd(dir), name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
                if (sub >= 0)
                    list(sub, rel + QLatin1Char('/'), raw);
                continue;
            }
            if (!exists || !S_ISREG(st.st_mode))
                throw Error::at(m_path, 0, QString(), rel,
                                QStringLiteral("special file in the bundle refused (only regular files are "
                                               "allowed)"));
            BundleEntry e;
            e.path = normaliseEntryPath(m_path, rel);
            e.size = qint64(st.st_size);
            raw.append(e);
        }
    }

    QString m_root;
};

// ---- zip --------------------------------------------------------------------------------------------

struct ArchiveDeleter
{
    void operator()(archive* a) const { archive_read_free(a); }
};
using ArchivePtr = std::unique_ptr<archive, ArchiveDeleter>;

QString archiveError(archive* a)
{
    const char* s = archive_error_string(a);
    return s ? QString::fromUtf8(s) : QStringLiteral("unknown libarchive error");
}

ArchivePtr openZip(const QString& path)
{
    ArchivePtr a(archive_read_new());
    if (!a)
        throw Error::internal(QStringLiteral("libarchive: out of memory"));
    archive_read_support_filter_none(a.get());
    archive_read_support_format_zip_seekable(a.get());
    const QByteArray native = QFile::encodeName(path);
    if (archive_read_open_filename(a.get(), native.constData(), 64 * 1024) != ARCHIVE_OK)
        throw Error::at(path, 0, QString(), QString(),
                        QStringLiteral("not a readable .zip archive (truncated or corrupt?): %1")
                            .arg(archiveError(a.get())));
    return a;
}

QString entryName(archive_entry* e)
{
    if (const char* u = archive_entry_pathname_utf8(e))
        return QString::fromUtf8(u);
    if (const char* p = archive_entry_pathname(e))
        return QString::fromLocal8Bit(p);
    return QString();
}

class ZipEntryReader final : public EntryReader
{
public:
    ZipEntryReader(archive* a, const QString& path, qint64 limit, const std::function<void(qint64)>* hook)
        : EntryReader(path, limit, hook), m_a(a)
    {}

protected:
    qint64 readRaw(char* data, qint64 maxSize) override
    {
        const la_ssize_t n = archive_read_data(m_a, data, size_t(maxSize));
        if (n < 0)
            throw Error::at(path(), 0, QString(), QString(),
                            QStringLiteral("cannot be read from the .zip archive (truncated or corrupt?): %1")
                                .arg(archiveError(m_a)));
        return qint64(n);
    }

private:
    archive* m_a;
};

class ZipSource final : public BundleSource
{
public:
    ZipSource(const QString& path, qint64 limit) : BundleSource(path, limit, true)
    {
        {
            // A zip without entries is only its end-of-central-directory record, which libarchive does not
            // recognise as a zip: it is an empty bundle, not a corrupt file.
            QFile f(path);
            if (f.open(QIODevice::ReadOnly) && f.size() <= 22 + 0xFFFF &&
                f.read(4) == QByteArrayView("PK\x05\x06")) {
                finishListing({});
                return;
            }
        }
        ArchivePtr a = openZip(path);
        QList<BundleEntry> raw;
        archive_entry* entry = nullptr;
        for (;;) {
            const int r = archive_read_next_header(a.get(), &entry);
            if (r == ARCHIVE_EOF)
                break;
            if (r < ARCHIVE_WARN)
                throw Error::at(path, 0, QString(), QString(),
                                QStringLiteral("not a readable .zip archive (truncated or corrupt?): %1")
                                    .arg(archiveError(a.get())));
            const QString name = entryName(entry);
            const mode_t type = archive_entry_filetype(entry);
            if (type == AE_IFLNK || archive_entry_hardlink(entry))
                throw Error::at(
                    m_path, 0, QString(), name,
                    QStringLiteral("link in the bundle refused (it could point outside the bundle)"));
            const QString rel = normaliseEntryPath(m_path, name);
            if (type == AE_IFDIR || (type == 0 && name.endsWith(QLatin1Char('/'))))
                continue;
            if (type != AE_IFREG)
                throw Error::at(m_path, 0, QString(), name,
                                QStringLiteral("special file in the bundle refused (only regular files are "
                                               "allowed)"));
            if (archive_entry_is_encrypted(entry))
                throw Error::at(m_path, 0, QString(), name, QStringLiteral("encrypted .zip entry refused"));
            BundleEntry e;
            e.path = rel;
            e.size = archive_entry_size_is_set(entry) ? qint64(archive_entry_size(entry)) : -1;
            raw.append(e);
            archive_read_data_skip(a.get());
        }
        finishListing(std::move(raw));
    }

protected:
    void readEntries(const std::function<bool(const BundleEntry&)>& wanted,
                     const std::function<void(const BundleEntry&, EntryReader&)>& fn,
                     const std::function<void(qint64)>* hook) override
    {
        // Anything to read at all? (spares re-opening the archive)
        if (std::none_of(m_entries.begin(), m_entries.end(), wanted))
            return;
        ArchivePtr a = openZip(m_path);
        archive_entry* entry = nullptr;
        for (;;) {
            const int r = archive_read_next_header(a.get(), &entry);
            if (r == ARCHIVE_EOF)
                break;
            if (r < ARCHIVE_WARN)
                throw Error::at(m_path, 0, QString(), QString(),
                                QStringLiteral("not a readable .zip archive (truncated or corrupt?): %1")
                                    .arg(archiveError(a.get())));
            const mode_t type = archive_entry_filetype(entry);
            if (type != AE_IFREG)
                continue;
            const QString full = normaliseEntryPath(m_path, entryName(entry));
            if (!full.startsWith(m_prefix) || m_outside.contains(full))
                continue;
            const QString rel = full.mid(m_prefix.size());
            const BundleEntry* known = find(rel);
            if (!known)
                throw Error::at(m_path, 0, QString(), rel,
                                QStringLiteral("changed while the bundle was being read"));
            if (!wanted(*known))
                continue;
            if (archive_entry_size_is_set(entry) && archive_entry_size(entry) > m_limit)
                throw tooLarge(rel, archive_entry_size(entry), m_limit);
            ZipEntryReader reader(a.get(), rel, m_limit, hook);
            fn(*known, reader);
        }
    }
};

} // namespace

qint64 EntryReader::read(char* data, qint64 maxSize)
{
    const qint64 n = readRaw(data, maxSize);
    if (n <= 0)
        return 0;
    m_size += n;
    if (m_size > m_limit)
        throw tooLarge(m_path, -1, m_limit);
    m_hash.add(QByteArrayView(data, qsizetype(n)));
    if (m_hook && *m_hook)
        (*m_hook)(n);
    return n;
}

ImportedFile EntryReader::finish()
{
    char buf[64 * 1024];
    while (read(buf, sizeof buf) > 0) {
    }
    return ImportedFile{m_path, m_size, m_hash.hex()};
}

QString normaliseEntryPath(const QString& bundlePath, const QString& entryPath)
{
    if (entryPath.isEmpty())
        throw Error::at(bundlePath, 0, QString(), entryPath, QStringLiteral("entry without a name refused"));
    const bool absolute =
        entryPath.startsWith(QLatin1Char('/')) || entryPath.startsWith(QLatin1Char('\\')) ||
        (entryPath.size() >= 2 && entryPath[1] == QLatin1Char(':') && entryPath[0].isLetter());
    if (absolute)
        throw Error::at(bundlePath, 0, QString(), entryPath,
                        QStringLiteral("entry with an absolute path refused (it escapes the bundle root)"));
    QString p = entryPath;
    p.replace(QLatin1Char('\\'), QLatin1Char('/'));
    QStringList parts;
    for (const QString& part : p.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        if (part == QLatin1String("."))
            continue;
        if (part == QLatin1String(".."))
            throw Error::at(bundlePath, 0, QString(), entryPath,
                            QStringLiteral("entry path with \"..\" refused (it escapes the bundle root)"));
        if (part.contains(QChar(0)))
            throw Error::at(bundlePath, 0, QString(), entryPath,
                            QStringLiteral("entry path with a NUL refused"));
        parts.append(part);
    }
    if (parts.isEmpty())
        return QString();
    QString out = parts.join(QLatin1Char('/'));
    if (p.endsWith(QLatin1Char('/')))
        out += QLatin1Char('/');
    return out;
}

std::unique_ptr<BundleSource> BundleSource::open(const QString& path, qint64 maxFileSize)
{
    const QFileInfo fi(path);
    if (!fi.exists())
        throw Error::at(path, 0, QString(), QString(), QStringLiteral("no such folder or file"));
    if (fi.isDir())
        return std::make_unique<FolderSource>(path, maxFileSize);
    if (!fi.isFile())
        throw Error::at(path, 0, QString(), QString(), QStringLiteral("not a folder or a .zip file"));
    return std::make_unique<ZipSource>(path, maxFileSize);
}

const BundleEntry* BundleSource::find(const QString& path) const
{
    const auto it = m_index.constFind(path);
    return it == m_index.constEnd() ? nullptr : &m_entries[*it];
}

void BundleSource::finishListing(QList<BundleEntry> raw)
{
    QSet<QString> seen;
    bool rootManifest = false;
    QSet<QString> topFoldersWithManifest;
    for (const BundleEntry& e : std::as_const(raw)) {
        if (e.path.isEmpty() || e.path.endsWith(QLatin1Char('/')))
            throw Error::at(m_path, 0, QString(), e.path,
                            QStringLiteral("file entry without a name refused"));
        if (seen.contains(e.path))
            throw Error::at(m_path, 0, QString(), e.path,
                            QStringLiteral("the same path appears twice in the bundle"));
        seen.insert(e.path);
        if (e.path == QLatin1String("manifest.json"))
            rootManifest = true;
        const QStringList parts = e.path.split(QLatin1Char('/'));
        if (parts.size() == 2 && parts[1] == QLatin1String("manifest.json"))
            topFoldersWithManifest.insert(parts[0]);
    }
    if (!rootManifest && topFoldersWithManifest.size() == 1)
        m_prefix = *topFoldersWithManifest.begin() + QLatin1Char('/');
    m_entries.clear();
    m_index.clear();
    m_outside.clear();
    for (const BundleEntry& e : std::as_const(raw)) {
        if (!e.path.startsWith(m_prefix)) {
            m_outside.append(e.path);
            continue;
        }
        BundleEntry out = e;
        out.path = e.path.mid(m_prefix.size());
        if (out.size > m_limit)
            throw tooLarge(out.path, out.size, m_limit);
        m_index.insert(out.path, m_entries.size());
        m_entries.append(out);
    }
}

void BundleSource::read(const std::function<bool(const BundleEntry&)>& wanted,
                        const std::function<void(const BundleEntry&, EntryReader&)>& fn,
                        const std::function<void(const ImportedFile&)>& done)
{
    read(wanted, fn, done, m_hook ? &m_hook : nullptr);
}

void BundleSource::read(const std::function<bool(const BundleEntry&)>& wanted,
                        const std::function<void(const BundleEntry&, EntryReader&)>& fn,
                        const std::function<void(const ImportedFile&)>& done,
                        const std::function<void(qint64)>* hook)
{
    readEntries(
        wanted,
        [&](const BundleEntry& e, EntryReader& r) {
            fn(e, r);
            const ImportedFile f = r.finish();
            if (done)
                done(f);
        },
        hook);
}

FileSha256::FileSha256() : m_ctx(EVP_MD_CTX_new())
{
    if (!m_ctx || EVP_DigestInit_ex(static_cast<EVP_MD_CTX*>(m_ctx), EVP_sha256(), nullptr) != 1)
        throw Error::internal(QStringLiteral("OpenSSL: cannot start a SHA-256 digest"));
}

FileSha256::~FileSha256()
{
    EVP_MD_CTX_free(static_cast<EVP_MD_CTX*>(m_ctx));
}

void FileSha256::add(QByteArrayView bytes)
{
    if (EVP_DigestUpdate(static_cast<EVP_MD_CTX*>(m_ctx), bytes.data(), size_t(bytes.size())) != 1)
        throw Error::internal(QStringLiteral("OpenSSL: SHA-256 digest failed"));
}

QString FileSha256::hex()
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    if (EVP_DigestFinal_ex(static_cast<EVP_MD_CTX*>(m_ctx), md, &n) != 1)
        throw Error::internal(QStringLiteral("OpenSSL: SHA-256 digest failed"));
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(md), int(n)).toHex());
}

QString bundleHash(QList<ImportedFile> files)
{
    std::sort(files.begin(), files.end(),
              [](const ImportedFile& a, const ImportedFile& b) { return a.path < b.path; });
    Sha256 h;
    for (const ImportedFile& f : std::as_const(files)) {
        h.add(f.path.toUtf8());
        h.add("\t");
        h.add(f.sha256.toLatin1());
        h.add("\n");
    }
    return h.hex();
}

QString bundleHashOfSorted(const std::function<void(const FileVisitor&)>& forEach)
{
    // UTF-8 byte order is code point order; UTF-16 (QString's operator<) differs only where one path has a
    // character in U+E000..U+FFFF (lead byte 0xEE or 0xEF) and another a surrogate pair (lead byte 0xF0..):
    // any lead byte >= 0xEE falls back to the in-memory sort.
    Sha256 h;
    bool reorder = false;
    forEach([&](QByteArrayView path, QByteArrayView sha256) {
        for (const char c : path)
            reorder = reorder || uchar(c) >= 0xEE;
        h.add(path);
        h.add("\t");
        h.add(sha256);
        h.add("\n");
    });
    if (!reorder)
        return h.hex();
    QList<ImportedFile> files;
    forEach([&](QByteArrayView path, QByteArrayView sha256) {
        files.append(ImportedFile{QString::fromUtf8(path), 0, QString::fromLatin1(sha256)});
    });
    return bundleHash(std::move(files));
}

} // namespace ad::bundle
