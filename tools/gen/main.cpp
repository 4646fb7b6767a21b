// SPDX-License-Identifier: GPL-3.0-or-later
// abusedesk-gen OUT_DIR [--accounts N] [--campaigns-per-account N] [--evidence N] [--messages N]
//               [--list-rows N] [--seed S] [--exported-at TIME]
// Writes a deterministic case bundle (see generator.h). Exit 0 on success, 2 on bad arguments, 3 on
// failure (e.g. cannot write).
#include "generator.h"
#include "util/error.h"
#include "util/timeutil.h"

#include <cstdio>
#include <cstring>
#include <string>

namespace {

void usage(std::FILE* f)
{
    std::fputs(
        "Usage: abusedesk-gen OUT_DIR [--accounts N] [--campaigns-per-account N] [--evidence N]\n"
        "                     [--messages N] [--list-rows N] [--seed S] [--exported-at TIME]\n\n"
        "Writes a deterministic case bundle (case-bundle.md, version 1) into OUT_DIR, which must not\n"
        "exist or be empty. Defaults: 60 accounts, 8 campaigns per account, 20 evidence rows, 2 messages\n"
        "and 100 imported-list rows per account, seed 1, exported at 2026-11-20T00:00:00Z.\n"
        "The same arguments always give byte-identical files.\n",
        f);
}

std::int64_t number(const char* opt, const char* v, std::int64_t min)
{
    char* end = nullptr;
    errno = 0;
    const long long n = std::strtoll(v, &end, 10);
    if (!v[0] || *end || errno || n < min)
        throw ad::Error::input(QStringLiteral("%1 expects a whole number >= %2, not \"%3\"")
                                   .arg(QLatin1String(opt))
                                   .arg(min)
                                   .arg(QString::fromLocal8Bit(v)));
    return n;
}

} // namespace

int main(int argc, char** argv)
{
    try {
        ad::gen::Options o;
        o.exportedAt = ad::time::parseIso(u"2026-11-20T00:00:00Z")->toSecsSinceEpoch();
        for (int i = 1; i < argc; ++i) {
            const char* a = argv[i];
            if (!std::strcmp(a, "--help") || !std::strcmp(a, "-h")) {
                usage(stdout);
                return 0;
            }
            if (a[0] == '-' && a[1] == '-') {
                if (i + 1 >= argc)
                    throw ad::Error::input(QStringLiteral("%1 needs a value").arg(QLatin1String(a)));
                const char* v = argv[++i];
                if (!std::strcmp(a, "--accounts"))
                    o.accounts = number(a, v, 1);
                else if (!std::strcmp(a, "--campaigns-per-account"))
                    o.campaignsPerAccount = number(a, v, 0);
                else if (!std::strcmp(a, "--evidence"))
                    o.evidence = number(a, v, 0);
                else if (!std::strcmp(a, "--messages"))
                    o.messages = number(a, v, 0);
                else if (!std::strcmp(a, "--list-rows"))
                    o.listRows = number(a, v, 0);
                else if (!std::strcmp(a, "--seed"))
                    o.seed = std::uint64_t(number(a, v, 0));
                else if (!std::strcmp(a, "--exported-at")) {
                    const auto t = ad::time::parseIso(QString::fromLocal8Bit(v));
                    if (!t)
                        throw ad::Error::input(
                            QStringLiteral("--exported-at is not an ISO 8601 time with offset: %1")
                                .arg(QString::fromLocal8Bit(v)));
                    o.exportedAt = t->toSecsSinceEpoch();
                } else
                    throw ad::Error::input(QStringLiteral("unknown option %1").arg(QLatin1String(a)));
            } else if (o.outDir.isEmpty()) {
                o.outDir = QString::fromLocal8Bit(a);
            } else {
                throw ad::Error::input(QStringLiteral("more than one OUT_DIR given"));
            }
        }
        if (o.outDir.isEmpty()) {
            usage(stderr);
            return 2;
        }
        if (o.evidence < 0)
            o.evidence = 20 * o.accounts;
        if (o.messages < 0)
            o.messages = 2 * o.accounts;
        if (o.listRows < 0)
            o.listRows = 100 * o.accounts;
        const ad::gen::Totals t = ad::gen::generate(o);
        std::printf(
            "%s: %lld accounts, %lld campaigns, %lld lists (%lld list files, %lld rows), %lld evidence rows, "
            "%lld complaint rows, %lld ARF reports, %lld messages (%lld mbox files), %lld history rows\n",
            o.outDir.toLocal8Bit().constData(), (long long)t.accounts, (long long)t.campaigns,
            (long long)t.lists, (long long)t.listFiles, (long long)t.listRows, (long long)t.evidence,
            (long long)t.complaintRows, (long long)t.arfReports, (long long)t.messages,
            (long long)t.mboxFiles, (long long)t.history);
        return 0;
    } catch (const ad::Error& e) {
        std::fprintf(stderr, "abusedesk-gen: %s\n", e.what());
        return e.kind() == ad::Error::Kind::Input ? 2 : 3;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "abusedesk-gen: %s\n", e.what());
        return 3;
    }
}
