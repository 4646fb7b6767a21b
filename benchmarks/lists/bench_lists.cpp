// SPDX-License-Identifier: GPL-3.0-or-later
// bench_lists [N ...] [--file LIST.csv]
//
// Screens generated address lists of N addresses (default: 1,000,000 and 5,000,000), each in a fresh
// child process so that its peak RSS (getrusage ru_maxrss) is its own. Addresses are produced on the fly
// into one stack buffer (no list is held in memory) from a deterministic mix: ~88 % personal addresses at
// the big providers and company domains, ~4 % duplicates (also gmail dot/+tag variants), invalid, role,
// disposable (incl. subdomains) and typo addresses. The time of generating the same addresses without
// screening is measured separately and subtracted for the "screening only" rate.
// With --file, screens a CSV list file end to end (ListCsvReader + Screener) instead.
// No timed assertions: this prints figures, it does not judge them.
#include "lists/csv.h"
#include "lists/screener.h"
#include "util/error.h"

#include <QFile>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

// CPU time of this process: on a shared, loaded machine wall time mostly measures the other processes.
double cpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
}

double peakRssMiB()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_maxrss) / 1024.0; // Linux: KiB
}

std::uint64_t mix(std::uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

const char* const kFirst[] = {"budi", "siti",  "agus",  "dewi", "rina",  "andi", "putri",
                              "eko",  "wahyu", "sri",   "ayu",  "fajar", "john", "maria",
                              "chen", "wei",   "aisha", "raj",  "emma",  "lucas"};
const char* const kLast[] = {"santoso", "wijaya", "pratama", "saputra", "hidayat", "kusuma", "nugroho",
                             "tan",     "lim",    "wong",    "smith",   "garcia",  "nguyen", "kumar"};
const char* const kDomains[] = {"gmail.com",    "gmail.com",   "gmail.com",    "gmail.com",   "yahoo.com",
                                "yahoo.co.id",  "yahoo.co.id", "hotmail.com",  "outlook.com", "icloud.com",
                                "ymail.com",    "aim.com",     "telkom.co.id", "ui.ac.id",    "bca.co.id",
                                "tokoku.co.id", "astra.co.id", "gmx.com"};
const char* const kOdd[] = {"info@tokoku.co.id", "sales@astra.co.id", "x@mailinator.com",
                            "y@a.yopmail.com",   "budi@gmial.com",    "siti@yahooo.com",
                            "not an address",    "budi@@gmail.com",   "Budi.Santoso+promo@gmail.com",
                            "andi@hotmial.com",  "@gmail.com",        "z@10minutemail.com"};

// Writes address i into buf (UTF-16); returns its length.
qsizetype address(std::uint64_t i, char16_t* buf)
{
    const std::uint64_t h = mix(i);
    char tmp[128];
    int n;
    if (h % 100 < 4) { // a repeat of an earlier address (duplicates)
        const std::uint64_t j = i > 1000 ? i - 1 - (h >> 8) % 1000 : i;
        if (j != i)
            return address(j, buf);
    }
    if (h % 100 >= 4 && h % 100 < 12) {
        const char* s = kOdd[(h >> 12) % (sizeof kOdd / sizeof *kOdd)];
        n = int(std::strlen(s));
        std::memcpy(tmp, s, size_t(n));
    } else {
        n = std::snprintf(tmp, sizeof tmp, "%s.%s%llu@%s", kFirst[(h >> 8) % 20], kLast[(h >> 16) % 14],
                          (unsigned long long)((h >> 24) % 100000000), kDomains[(h >> 52) % 18]);
    }
    for (int k = 0; k < n; ++k)
        buf[k] = char16_t(static_cast<unsigned char>(tmp[k]));
    return n;
}

void runGenerated(qint64 n)
{
    const double rssStart = peakRssMiB();
    ad::lists::Screener screener(ad::lists::ScreeningConfig::defaults());
    const double rssReady = peakRssMiB();
    char16_t buf[128];

    auto t0 = std::chrono::steady_clock::now();
    double c0 = cpuSeconds();
    std::uint64_t sink = 0;
    for (qint64 i = 0; i < n; ++i)
        sink += std::uint64_t(address(std::uint64_t(i), buf)) + buf[0];
    const double genOnly = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const double genOnlyCpu = cpuSeconds() - c0;

    t0 = std::chrono::steady_clock::now();
    c0 = cpuSeconds();
    for (qint64 i = 0; i < n; ++i) {
        const qsizetype len = address(std::uint64_t(i), buf);
        screener.add(QStringView(buf, len), i + 2);
    }
    const double total = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const double totalCpu = cpuSeconds() - c0;
    const ad::ListScreeningSummary s = screener.finish();
    const double rssEnd = peakRssMiB();
    std::printf("%lld addresses: wall %.2f s (generation alone %.2f s): %.0f addresses/s screening only\n",
                (long long)n, total, genOnly, double(n) / std::max(total - genOnly, 1e-9));
    std::printf("  CPU  %.2f s (generation alone %.2f s): %.0f addresses/s screening only, %.0f including "
                "generation\n",
                totalCpu, genOnlyCpu, double(n) / std::max(totalCpu - genOnlyCpu, 1e-9),
                double(n) / totalCpu);
    std::printf("  peak RSS %.1f MiB (process start %.1f MiB, after loading lists %.1f MiB)\n", rssEnd,
                rssStart, rssReady);
    std::printf("  rows %lld, invalid %lld, duplicates %lld, role %lld, disposable %lld, typo %lld [%llu]\n",
                (long long)s.rows, (long long)s.invalid, (long long)s.duplicates, (long long)s.role,
                (long long)s.disposable, (long long)s.typo, (unsigned long long)(sink % 10));
    const qsizetype p = s.detailsJson.indexOf(QLatin1String("\"distinct_addresses\":"));
    std::printf("  %s\n", qPrintable(s.detailsJson.mid(p, s.detailsJson.indexOf(QLatin1Char(','), p) - p)));
}

void runFile(const char* path)
{
    QFile f(QString::fromLocal8Bit(path));
    if (!f.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", path);
        std::exit(2);
    }
    ad::lists::Screener screener(ad::lists::ScreeningConfig::defaults());
    const auto t0 = std::chrono::steady_clock::now();
    ad::lists::ListCsvReader csv(f, f.fileName());
    csv.readHeader();
    const int col = csv.index(u"email");
    QString cell;
    while (csv.next()) {
        cell = csv.text(col);
        screener.add(cell, csv.line());
    }
    const auto s = screener.finish();
    const double total = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("%s: %lld rows in %.2f s, %.0f rows/s (CSV reading + screening), peak RSS %.1f MiB\n", path,
                (long long)s.rows, total, double(s.rows) / total, peakRssMiB());
}

} // namespace

int main(int argc, char** argv)
{
    std::vector<qint64> counts;
    const char* file = nullptr;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--file") && i + 1 < argc)
            file = argv[++i];
        else
            counts.push_back(std::atoll(argv[i]));
    }
    try {
        if (file) {
            runFile(file);
            return 0;
        }
        if (counts.empty())
            counts = {1000000, 5000000};
        for (const qint64 n : counts) {
            std::fflush(stdout);
            const pid_t pid = fork();
            if (pid == 0) {
                runGenerated(n);
                std::fflush(stdout);
                _exit(0);
            }
            int status = 0;
            waitpid(pid, &status, 0);
        }
    } catch (const ad::Error& e) {
        std::fprintf(stderr, "bench_lists: %s\n", e.what());
        return 3;
    }
    return 0;
}
