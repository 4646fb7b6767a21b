// SPDX-License-Identifier: GPL-3.0-or-later
// bench_lists [N ...] [--many-domains] [--no-baseline] [--file LIST.csv]
//
// Screens generated address lists of N addresses (default: 1,000,000 and 5,000,000), each in a fresh
// child process so that its peak RSS (getrusage ru_maxrss) is its own. Addresses are produced on the fly
// into one stack buffer (no list is held in memory) from a deterministic mix: ~88 % personal addresses at
// the big providers and company domains, ~4 % duplicates (also gmail dot/+tag variants), invalid, role,
// disposable (incl. subdomains) and typo addresses. With --many-domains a third of the personal addresses
// are at one of 2,000,000 generated company domains instead (the per-domain counts then go through the
// temporary files too). The time of generating the same addresses without screening is measured
// separately and subtracted for the "screening only" rate; screening includes Screener::finish() (the
// temporary-file passes).
// Each N runs twice: with the default memory budget (lists/screener.h) and, as the baseline, with an
// unbounded in-memory set and domain map (the algorithm before the budget); both print a hash of the
// summary JSON, which must be equal. --no-baseline skips the second run.
// With --file, screens a CSV list file end to end (ListCsvReader + Screener) instead.
// No timed assertions: this prints figures, it does not judge them.
#include "lists/csv.h"
#include "lists/screener.h"
#include "util/error.h"

#include <QCryptographicHash>
#include <QFile>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <limits>
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

bool g_manyDomains = false;

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
    } else if (g_manyDomains && (h >> 40) % 3 == 0) {
        n = std::snprintf(tmp, sizeof tmp, "%s.%s%llu@co%llu.example.id", kFirst[(h >> 8) % 20],
                          kLast[(h >> 16) % 14], (unsigned long long)((h >> 24) % 100000000),
                          (unsigned long long)((h >> 44) % 2000000));
    } else {
        n = std::snprintf(tmp, sizeof tmp, "%s.%s%llu@%s", kFirst[(h >> 8) % 20], kLast[(h >> 16) % 14],
                          (unsigned long long)((h >> 24) % 100000000), kDomains[(h >> 52) % 18]);
    }
    for (int k = 0; k < n; ++k)
        buf[k] = char16_t(static_cast<unsigned char>(tmp[k]));
    return n;
}

void runGenerated(qint64 n, bool baseline)
{
    const double rssStart = peakRssMiB();
    ad::lists::ScreeningConfig config = ad::lists::ScreeningConfig::defaults();
    if (baseline) {
        config.duplicateSetBytes = std::numeric_limits<std::size_t>::max();
        config.maxTrackedDomains = std::numeric_limits<int>::max();
    }
    ad::lists::Screener screener(config);
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
    qint64 late = 0;
    const ad::ListScreeningSummary s =
        screener.finish([&late](std::span<const qint64> lines) { late += qint64(lines.size()); });
    const double total = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const double totalCpu = cpuSeconds() - c0;
    const double rssEnd = peakRssMiB();
    const ad::lists::Screener::SpillStats st = screener.spillStats();
    std::printf(
        "%lld addresses, %s: wall %.2f s (generation alone %.2f s): %.0f addresses/s screening only\n",
        (long long)n,
        baseline ? "baseline (unbounded in-memory set and domain map)" : "default memory budget", total,
        genOnly, double(n) / std::max(total - genOnly, 1e-9));
    std::printf("  CPU  %.2f s (generation alone %.2f s): %.0f addresses/s screening only, %.0f including "
                "generation\n",
                totalCpu, genOnlyCpu, double(n) / std::max(totalCpu - genOnlyCpu, 1e-9),
                double(n) / totalCpu);
    std::printf("  peak RSS %.1f MiB (process start %.1f MiB, after loading lists %.1f MiB)\n", rssEnd,
                rssStart, rssReady);
    std::printf("  temporary files: %d, %.1f MB written, %lld address records, %lld domain records, %d "
                "level(s); %lld duplicates found in finish()\n",
                st.files, double(st.bytes) / 1e6, (long long)st.addressRecords, (long long)st.domainRecords,
                st.levels, (long long)late);
    std::printf("  rows %lld, invalid %lld, duplicates %lld, role %lld, disposable %lld, typo %lld [%llu]\n",
                (long long)s.rows, (long long)s.invalid, (long long)s.duplicates, (long long)s.role,
                (long long)s.disposable, (long long)s.typo, (unsigned long long)(sink % 10));
    const qsizetype p = s.detailsJson.indexOf(QLatin1String("\"distinct_addresses\":"));
    const qsizetype q = s.detailsJson.indexOf(QLatin1String("\"distinct\":"));
    std::printf("  %s, domains %s, summary sha256 %s\n",
                qPrintable(s.detailsJson.mid(p, s.detailsJson.indexOf(QLatin1Char(','), p) - p)),
                qPrintable(s.detailsJson.mid(q, s.detailsJson.indexOf(QLatin1Char(','), q) - q)),
                QCryptographicHash::hash(s.detailsJson.toUtf8(), QCryptographicHash::Sha256)
                    .toHex()
                    .left(16)
                    .constData());
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
    bool withBaseline = true;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--file") && i + 1 < argc)
            file = argv[++i];
        else if (!std::strcmp(argv[i], "--many-domains"))
            g_manyDomains = true;
        else if (!std::strcmp(argv[i], "--no-baseline"))
            withBaseline = false;
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
            for (const bool baseline : {false, true}) {
                if (baseline && !withBaseline)
                    continue;
                std::fflush(stdout);
                const pid_t pid = fork();
                if (pid == 0) {
                    try {
                        runGenerated(n, baseline);
                    } catch (const ad::Error& e) {
                        std::fprintf(stderr, "bench_lists: %s\n", e.what());
                        std::fflush(stdout);
                        _exit(3);
                    }
                    std::fflush(stdout);
                    _exit(0);
                }
                int status = 0;
                waitpid(pid, &status, 0);
            }
        }
    } catch (const ad::Error& e) {
        std::fprintf(stderr, "bench_lists: %s\n", e.what());
        return 3;
    }
    return 0;
}
