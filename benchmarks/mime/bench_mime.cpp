// SPDX-License-Identifier: GPL-3.0-or-later
// Measures parseMessage throughput: parses one message (default: the multipart/alternative + related
// newsletter fixture with a QP text part, a base64 HTML part and two cid: images) ITERATIONS times and
// prints messages per second and MiB per second.
#include "mime/mime.h"

#include <QElapsedTimer>
#include <QFile>
#include <cstdio>
#include <ctime>

int main(int argc, char** argv)
{
    const QString path = argc > 1
                             ? QString::fromLocal8Bit(argv[1])
                             : QStringLiteral(ABUSEDESK_TEST_DATA "/mime-messages/alternative-related.eml");
    const int iterations = argc > 2 ? std::atoi(argv[2]) : 5000;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly) || iterations <= 0) {
        std::fprintf(stderr, "usage: bench_mime [FILE.eml] [ITERATIONS]\n");
        return 2;
    }
    const QByteArray raw = f.readAll();
    qsizetype sink = ad::mime::parseMessage(raw).links.size(); // warm-up (GMime/libxml2 initialisation)
    QElapsedTimer timer;
    timer.start();
    const std::clock_t cpuStart = std::clock();
    for (int i = 0; i < iterations; ++i)
        sink += ad::mime::parseMessage(raw).links.size();
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    const double cpu = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
    // CPU time too: on a shared, loaded machine wall-clock throughput understates what one core does.
    std::printf("%s: %lld bytes, %d parses: wall %.3f s = %.0f messages/s (%.1f MiB/s); "
                "CPU %.3f s = %.0f messages/s per core (links %lld)\n",
                qPrintable(path), static_cast<long long>(raw.size()), iterations, seconds,
                iterations / seconds, double(raw.size()) * iterations / seconds / (1024.0 * 1024.0), cpu,
                iterations / cpu, static_cast<long long>(sink));
    return 0;
}
