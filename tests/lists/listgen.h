// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Helpers of the list tests: a deterministic generated address list (row i, no state), a private temp
// dir for one test and the count of open descriptors on files under a folder.

#include <QDir>
#include <QFile>
#include <QString>
#include <QTemporaryDir>
#include <cstdint>
#include <unistd.h>

namespace listgen {

inline std::uint64_t mix(std::uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// Row i of a generated list with many duplicates (near and far, case and gmail-dot variants), invalid,
// role, disposable and typo rows, and a growing set of domains (new ones keep appearing; a few heavy).
inline QString address(std::uint64_t i)
{
    const std::uint64_t h = mix(i);
    if (i > 0 && h % 100 < 30) {
        const std::uint64_t j = (h >> 8) % i;
        const QString earlier = address(j);
        if ((h >> 20) % 4 == 0)
            return earlier.toUpper();
        return earlier;
    }
    switch (h % 100) {
    case 30:
    case 31:
        return QStringLiteral("not an address %1").arg(i);
    case 32:
        return QStringLiteral("info@shop%1.example").arg((h >> 12) % 300);
    case 33:
        return QStringLiteral("u%1@x%2.mailinator.com").arg(i).arg((h >> 12) % 5);
    case 34:
        return QStringLiteral("u%1@gmial.com").arg(i);
    case 35:
        return QStringLiteral("u.%1.x@gmail.com").arg((h >> 12) % 500); // dot variants of u1x@gmail.com
    default:
        break;
    }
    const std::uint64_t pick = (h >> 24) % 10;
    if (pick < 4)
        return QStringLiteral("p%1@%2").arg((h >> 32) % 20000).arg(pick < 2 ? "gmail.com" : "yahoo.co.id");
    // Domains d0…: a new one about every fifth row, old ones reused; d7 heavy.
    const std::uint64_t dom = pick == 9 ? 7 : (h >> 40) % (1 + i / 5);
    return QStringLiteral("p%1@d%2.example.id").arg((h >> 32) % 20000).arg(dom);
}

// Open descriptors of this process on files under `dir` (the spill files are unlinked at once, so the
// folder itself stays empty: this is where they would show).
inline int openFilesUnder(const QString& dir)
{
    int n = 0;
    const QDir fds(QStringLiteral("/proc/self/fd"));
    for (const QString& fd : fds.entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::System)) {
        char target[4096];
        const QByteArray link = QFile::encodeName(fds.filePath(fd));
        const ssize_t len = ::readlink(link.constData(), target, sizeof target - 1);
        if (len <= 0)
            continue;
        if (QString::fromLocal8Bit(target, qsizetype(len)).startsWith(dir + QLatin1Char('/')))
            ++n;
    }
    return n;
}

// Points QDir::tempPath() at a private folder for one test.
struct PrivateTemp
{
    QTemporaryDir dir;
    QByteArray old = qgetenv("TMPDIR");
    PrivateTemp() { qputenv("TMPDIR", QFile::encodeName(dir.path())); }
    ~PrivateTemp()
    {
        if (old.isEmpty())
            qunsetenv("TMPDIR");
        else
            qputenv("TMPDIR", old);
    }
    bool empty() const
    {
        return QDir(dir.path()).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    }
};

} // namespace listgen
