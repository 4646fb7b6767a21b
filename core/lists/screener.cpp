// SPDX-License-Identifier: GPL-3.0-or-later
#include "lists/screener.h"

#include "lists/address.h"
#include "lists/screeningjson.h"
#include "lists/spill.h"
#include "lists/u64set.h"
#include "util/error.h"
#include "util/paths.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>
#include <optional>
#include <queue>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace ad::lists {

QStringList ScreeningConfig::readListFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw Error::internal(QStringLiteral("cannot read the list file %1: %2").arg(path, f.errorString()));
    QStringList out;
    while (!f.atEnd()) {
        QString line = QString::fromUtf8(f.readLine());
        const qsizetype hash = line.indexOf(QLatin1Char('#'));
        if (hash >= 0)
            line.truncate(hash);
        line = line.trimmed().toLower();
        if (!line.isEmpty())
            out.append(line);
    }
    return out;
}

ScreeningConfig ScreeningConfig::defaults()
{
    ScreeningConfig c;
    c.disposableDomains = readListFile(paths::resource(QStringLiteral("lists/disposable-domains.txt")));
    c.mailboxDomains = readListFile(paths::resource(QStringLiteral("lists/mailbox-domains.txt")));
    c.realProviderDomains = readListFile(paths::resource(QStringLiteral("lists/real-provider-domains.txt")));
    QFile policy(paths::resource(QStringLiteral("policies/optimais.json")));
    if (policy.open(QIODevice::ReadOnly)) {
        const QJsonObject p = QJsonDocument::fromJson(policy.readAll()).object();
        auto strings = [&p](const char* key) {
            QStringList out;
            for (const auto& v : p.value(QLatin1String(key)).toArray())
                if (!v.toString().trimmed().isEmpty())
                    out.append(v.toString().trimmed().toLower());
            return out;
        };
        c.roleLocalParts = strings("role_local_parts");
        // The policy's provider lists extend the shipped ones (a domain on either list counts).
        for (const QString& d : strings("mailbox_domains"))
            if (!c.mailboxDomains.contains(d))
                c.mailboxDomains.append(d);
        for (const QString& d : strings("real_provider_domains"))
            if (!c.realProviderDomains.contains(d))
                c.realProviderDomains.append(d);
    }
    if (c.roleLocalParts.isEmpty())
        c.roleLocalParts = readListFile(paths::resource(QStringLiteral("lists/role-local-parts.txt")));
    // Memory knobs (screener.h), for machines with little memory and for tests that force the
    // temporary-file passes on small lists.
    auto knob = [](const char* name, qint64 min) -> std::optional<qint64> {
        const QByteArray v = qgetenv(name);
        if (v.isEmpty())
            return std::nullopt;
        bool ok = false;
        const qint64 n = v.toLongLong(&ok);
        if (!ok || n < min)
            throw Error::input(QStringLiteral("%1 must be a whole number of at least %2: %3")
                                   .arg(QString::fromLatin1(name))
                                   .arg(min)
                                   .arg(QString::fromLocal8Bit(v)));
        return n;
    };
    if (const auto n = knob("ABUSEDESK_LIST_SET_BYTES", 1024))
        c.duplicateSetBytes = std::size_t(*n);
    if (const auto n = knob("ABUSEDESK_LIST_TRACKED_DOMAINS", 1))
        c.maxTrackedDomains = int(std::min<qint64>(*n, std::numeric_limits<int>::max()));
    return c;
}

namespace {

// A set of strings that can be probed with string_views (no allocation per lookup).
class StringSet
{
public:
    void assign(const QStringList& list)
    {
        m_storage.clear();
        m_set.clear();
        m_storage.reserve(size_t(list.size())); // no reallocation below: the views stay valid
        for (const QString& s : list) {
            m_storage.push_back(s.trimmed().toLower().toStdString());
            m_set.insert(m_storage.back());
        }
    }
    bool contains(std::string_view s) const { return m_set.find(s) != m_set.end(); }

private:
    std::vector<std::string> m_storage;
    std::unordered_set<std::string_view> m_set;
};

struct DomainInfo
{
    std::string name;
    qint64 count = 0;
    int typo = -1;           // index into mailbox domains
    int disposableAt = -1;   // offset in name of the listed disposable (parent) domain, -1 when not
    bool classified = false; // typo and disposableAt are set (entries read back from temporary files: not)
};

using Example = ScreeningExample; // line, email, extra (reason / key / domain / suggestion)

// The lookup structures built from a ScreeningConfig's lists. Building them costs more than screening a
// small list, and an import screens thousands of list files with the same config: the last one built is
// kept per thread and reused when the lists are equal (QStringList == is O(1) for shared copies).
struct Compiled
{
    StringSet roles, disposable, mailbox, real;
    std::vector<std::string> mailboxList;
    std::vector<std::string> mailboxFirstLabel;
};

std::shared_ptr<const Compiled> compiledFor(const ScreeningConfig& config)
{
    struct Cache
    {
        QStringList roles, disposable, mailbox, real;
        std::shared_ptr<const Compiled> compiled;
    };
    thread_local Cache cache;
    if (cache.compiled && cache.roles == config.roleLocalParts &&
        cache.disposable == config.disposableDomains && cache.mailbox == config.mailboxDomains &&
        cache.real == config.realProviderDomains)
        return cache.compiled;
    auto c = std::make_shared<Compiled>();
    c->roles.assign(config.roleLocalParts);
    c->disposable.assign(config.disposableDomains);
    c->mailbox.assign(config.mailboxDomains);
    c->real.assign(config.realProviderDomains);
    for (const QString& m : config.mailboxDomains) {
        const std::string s = m.trimmed().toLower().toStdString();
        if (s.empty())
            continue;
        c->mailboxList.push_back(s);
        c->mailboxFirstLabel.push_back(s.substr(0, s.find('.')));
    }
    cache = Cache{config.roleLocalParts, config.disposableDomains, config.mailboxDomains,
                  config.realProviderDomains, c};
    return c;
}

double share(qint64 n, qint64 of)
{
    if (of <= 0)
        return 0.0;
    return std::round(double(n) / double(of) * 1e6) / 1e6;
}

// A first-pass row whose duplicate status is not known yet (see the header): its address hash, and its
// line, problem bits (besides Duplicate) and kHasText packed as line << 8 | bits.
struct AddressRecord
{
    std::uint64_t hash = 0;
    std::uint64_t packed = 0;
};
constexpr std::uint64_t kHasText = 0x80; // the row's address is in the text file
constexpr qint64 kLineLimit = qint64(1) << 55;

// Domain records: hash, count, name length, then the name.
struct DomainHeader
{
    std::uint64_t hash = 0;
    qint64 count = 0;
    std::uint32_t length = 0;
};
constexpr std::size_t kDomainHeader = 8 + 8 + 4; // written field by field (no padding on disk)

// Text records (line, length, UTF-8 address as uploaded, trimmed).
constexpr std::size_t kTextHeader = 8 + 4;

constexpr std::size_t kDomainCache = 1024;
constexpr std::size_t kLateBatch = 4096;

bool betterDomain(const DomainInfo& a, const DomainInfo& b)
{
    return a.count != b.count ? a.count > b.count : a.name < b.name;
}

} // namespace

struct Screener::Private
{
    ScreeningConfig config;
    std::shared_ptr<const Compiled> compiled;
    const StringSet& roles;
    const StringSet& disposable;
    const StringSet& mailbox;
    const StringSet& real;
    const std::vector<std::string>& mailboxList;
    const std::vector<std::string>& mailboxFirstLabel;

    // Duplicates: the in-memory set, the distinct hashes it may hold (also the bound of each partition
    // pass; SIZE_MAX: unbounded), the first pass's partitions and the text file for examples.
    U64Set seen{4096};
    std::size_t seenMax = 0;
    std::unique_ptr<SpillPartitions> addressParts;
    std::unique_ptr<SpillFile> texts;
    qint64 lastLine = -1;
    qint64 lateDistinct = 0; // first occurrences found in finish()

    // Domains: counted in memory, or through the cache to the partitions.
    std::unordered_map<std::uint64_t, DomainInfo> domains;
    struct CachedDomain
    {
        std::uint64_t hash = 0;
        DomainInfo info; // info.count: occurrences not yet written
    };
    std::vector<CachedDomain> domainCache;
    std::unique_ptr<SpillPartitions> domainParts;

    qint64 rows = 0, valid = 0, clean = 0;
    qint64 counts[5] = {0, 0, 0, 0, 0}; // invalid, duplicate, role, disposable, typo
    std::vector<Example> examples[5];
    SpillStats stats;

    // finish(): late duplicates waiting for the callback, and the smallest lines of late duplicates
    // whose address is in the text file (a max-heap of at most maxExamples).
    const LateDuplicates* lateCallback = nullptr;
    std::vector<qint64> lateBatch;
    std::priority_queue<qint64> lateExamples;

    explicit Private(const ScreeningConfig& c)
        : config(c), compiled(compiledFor(c)), roles(compiled->roles), disposable(compiled->disposable),
          mailbox(compiled->mailbox), real(compiled->real), mailboxList(compiled->mailboxList),
          mailboxFirstLabel(compiled->mailboxFirstLabel)
    {
        if (c.duplicateSetBytes == std::numeric_limits<std::size_t>::max()) {
            seenMax = std::numeric_limits<std::size_t>::max();
        } else {
            const std::size_t slots = std::bit_floor(std::max<std::size_t>(c.duplicateSetBytes, 1024) / 8);
            seenMax = slots / 4 * 3;
        }
    }

    void classify(std::string_view domain, DomainInfo& info) const
    {
        info.disposableAt = -1;
        info.typo = -1;
        info.classified = true;
        // The domain itself and every parent with at least two labels.
        std::size_t off = 0;
        while (true) {
            const std::string_view suffix = domain.substr(off);
            if (disposable.contains(suffix)) {
                info.disposableAt = int(off);
                break;
            }
            const std::size_t dot = suffix.find('.');
            if (dot == std::string_view::npos || suffix.find('.', dot + 1) == std::string_view::npos)
                break;
            off += dot + 1;
        }
        if (info.disposableAt >= 0 || mailbox.contains(domain) || real.contains(domain))
            return;
        const std::string_view first = domain.substr(0, domain.find('.'));
        int best = 3;
        for (std::size_t k = 0; k < mailboxList.size(); ++k) {
            const std::string& m = mailboxList[k];
            const bool shortTarget = m.size() < 9;
            const int limit = shortTarget ? 1 : 2;
            const int dist = damerauLevenshtein(domain, m, limit);
            if (dist < 1 || dist > limit || dist >= best)
                continue;
            if (shortTarget && first != mailboxFirstLabel[k])
                continue;
            best = dist;
            info.typo = int(k);
        }
    }

    bool wantsExample(int idx) const { return int(examples[idx].size()) < config.maxExamples; }
    void example(int idx, qint64 line, QStringView email, QString extra)
    {
        examples[idx].push_back({line, email.trimmed().toString(), std::move(extra)});
    }

    // ---- first pass ---------------------------------------------------------------------------------

    // The info of a domain beyond maxTrackedDomains (the cache entry; evicts the entry's previous domain
    // to the partitions).
    const DomainInfo& untrackedDomain(std::uint64_t h, std::string_view domain)
    {
        if (domainCache.empty())
            domainCache.resize(kDomainCache);
        CachedDomain& e = domainCache[std::size_t(h) & (kDomainCache - 1)];
        if (e.info.count > 0 && e.hash == h) {
            ++e.info.count;
            return e.info;
        }
        if (e.info.count > 0)
            spillDomain(e.hash, e.info.count, e.info.name);
        e.hash = h;
        e.info.name.assign(domain);
        e.info.count = 1;
        classify(domain, e.info);
        return e.info;
    }

    void spillDomain(std::uint64_t h, qint64 count, std::string_view name)
    {
        if (!domainParts)
            domainParts = std::make_unique<SpillPartitions>(0);
        writeDomain(domainParts->at(h), DomainHeader{h, count, std::uint32_t(name.size())}, name);
        ++stats.domainRecords;
    }

    static void writeDomain(SpillFile& f, const DomainHeader& h, std::string_view name)
    {
        char head[kDomainHeader];
        std::memcpy(head, &h.hash, 8);
        std::memcpy(head + 8, &h.count, 8);
        std::memcpy(head + 16, &h.length, 4);
        f.write(head, kDomainHeader);
        f.write(name.data(), name.size());
    }

    void spillAddress(std::uint64_t h, qint64 line, int problems, QStringView email)
    {
        if (!addressParts)
            addressParts = std::make_unique<SpillPartitions>(0);
        // While fewer than maxExamples duplicates are known, this row may be one of the first ones.
        const bool withText = wantsExample(1);
        const AddressRecord r{h, (std::uint64_t(line) << 8) | std::uint64_t(problems) |
                                     (withText ? kHasText : 0)};
        addressParts->at(h).write(&r, sizeof r);
        ++stats.addressRecords;
        if (withText) {
            if (!texts)
                texts = std::make_unique<SpillFile>();
            const QByteArray utf8 = email.trimmed().toUtf8();
            char head[kTextHeader];
            const std::uint32_t len = std::uint32_t(utf8.size());
            std::memcpy(head, &line, 8);
            std::memcpy(head + 8, &len, 4);
            texts->write(head, kTextHeader);
            texts->write(utf8.constData(), std::size_t(utf8.size()));
        }
    }

    // ---- finish() ---------------------------------------------------------------------------------

    // Done writing `parts` (partition level `level`): counted in the stats, write buffers released.
    void account(SpillPartitions& parts, int level)
    {
        stats.files += parts.fileCount();
        stats.bytes += parts.bytesWritten();
        stats.levels = std::max(stats.levels, level + 1);
        parts.finishWriting();
    }

    void flushLate()
    {
        std::sort(lateBatch.begin(), lateBatch.end()); // from several partitions
        if (!lateBatch.empty() && lateCallback && *lateCallback)
            (*lateCallback)(std::span<const qint64>(lateBatch));
        lateBatch.clear();
    }

    void lateDuplicate(const AddressRecord& r)
    {
        const qint64 line = qint64(r.packed >> 8);
        ++counts[1];
        if ((r.packed & 0x1f) == 0)
            --clean; // counted as clean by add()
        lateBatch.push_back(line);
        if (lateBatch.size() >= kLateBatch)
            flushLate();
        if ((r.packed & kHasText) && config.maxExamples > 0) {
            lateExamples.push(line);
            if (qsizetype(lateExamples.size()) > config.maxExamples)
                lateExamples.pop();
        }
    }

    // One partition file of the address records (level `level`), in file order.
    void dedupe(std::unique_ptr<SpillFile> f, int level)
    {
        f->rewind();
        const bool bounded =
            seenMax != std::numeric_limits<std::size_t>::max() && level < SpillPartitions::kMaxLevel;
        U64Set set(1024);
        std::unique_ptr<SpillPartitions> sub;
        AddressRecord r;
        while (f->read(&r, sizeof r)) {
            bool duplicate;
            if (!bounded || set.size() < seenMax) {
                duplicate = !set.insert(r.hash);
            } else if (set.contains(r.hash)) {
                duplicate = true;
            } else {
                if (!sub)
                    sub = std::make_unique<SpillPartitions>(level + 1);
                sub->at(r.hash).write(&r, sizeof r);
                continue;
            }
            if (duplicate)
                lateDuplicate(r);
            else
                ++lateDistinct;
        }
        f.reset();
        set = U64Set(16);
        if (sub) {
            account(*sub, level + 1);
            for (int i = 0; i < SpillPartitions::kCount; ++i)
                if (auto g = sub->take(i))
                    dedupe(std::move(g), level + 1);
        }
    }

    // The first maxExamples duplicates in file order: those add() found and those finish() found.
    void mergeDuplicateExamples()
    {
        if (lateExamples.empty())
            return;
        std::vector<Example>& ex = examples[1];
        std::vector<qint64> lines;
        while (!lateExamples.empty()) {
            lines.push_back(lateExamples.top());
            lateExamples.pop();
        }
        for (const qint64 l : lines)
            ex.push_back({l, QString(), QString()});
        std::sort(ex.begin(), ex.end(), [](const Example& a, const Example& b) { return a.line < b.line; });
        if (qsizetype(ex.size()) > config.maxExamples)
            ex.resize(std::size_t(config.maxExamples));
        // Addresses of the late ones (an empty email: a late example) from the text file.
        std::size_t missing = 0;
        for (const Example& e : ex)
            missing += e.email.isEmpty() ? 1 : 0;
        if (missing == 0)
            return;
        if (!texts)
            throw Error::internal(QStringLiteral("list screening lost the addresses of duplicate examples"));
        texts->rewind();
        char head[kTextHeader];
        QByteArray utf8;
        while (missing > 0 && texts->read(head, kTextHeader)) {
            qint64 line;
            std::uint32_t len;
            std::memcpy(&line, head, 8);
            std::memcpy(&len, head + 8, 4);
            utf8.resize(qsizetype(len));
            if (len > 0 && !texts->read(utf8.data(), len))
                throw Error::internal(
                    QStringLiteral("a temporary file for list screening ends inside a record"));
            for (Example& e : ex) {
                if (e.line != line || !e.email.isEmpty())
                    continue;
                e.email = QString::fromUtf8(utf8);
                char buf[kAddressBuffer];
                char key[kAddressBuffer];
                const AddressCheck a = checkAddress(e.email, buf);
                e.extra = QString::fromLatin1(key, qsizetype(foldAddress(a, key)));
                --missing;
            }
        }
        if (missing > 0)
            throw Error::internal(QStringLiteral("list screening lost the addresses of duplicate examples"));
    }

    // The top list (a heap whose front is the worst kept entry) and the count of distinct domains.
    std::vector<DomainInfo> top;
    qint64 distinctDomains = 0;
    void offerDomain(DomainInfo&& info)
    {
        ++distinctDomains;
        const std::size_t k = std::size_t(std::max(0, config.topDomains));
        if (k == 0 || (top.size() == k && !betterDomain(info, top.front())))
            return;
        top.push_back(std::move(info));
        std::push_heap(top.begin(), top.end(), betterDomain);
        if (top.size() > k) {
            std::pop_heap(top.begin(), top.end(), betterDomain);
            top.pop_back();
        }
    }

    // One partition file of domain records (level `level`): counts summed per domain.
    void aggregateDomains(std::unique_ptr<SpillFile> f, int level)
    {
        f->rewind();
        const bool bounded = level < SpillPartitions::kMaxLevel;
        const std::size_t max = std::size_t(std::max(1, config.maxTrackedDomains));
        std::unordered_map<std::uint64_t, DomainInfo> agg;
        std::unique_ptr<SpillPartitions> sub;
        char head[kDomainHeader];
        std::string name;
        while (f->read(head, kDomainHeader)) {
            DomainHeader h;
            std::memcpy(&h.hash, head, 8);
            std::memcpy(&h.count, head + 8, 8);
            std::memcpy(&h.length, head + 16, 4);
            name.resize(h.length);
            if (h.length > 0 && !f->read(name.data(), h.length))
                throw Error::internal(
                    QStringLiteral("a temporary file for list screening ends inside a record"));
            auto it = agg.find(h.hash);
            if (it != agg.end()) {
                it->second.count += h.count;
            } else if (!bounded || agg.size() < max) {
                DomainInfo info;
                info.name = name;
                info.count = h.count;
                agg.emplace(h.hash, std::move(info));
            } else {
                if (!sub)
                    sub = std::make_unique<SpillPartitions>(level + 1);
                writeDomain(sub->at(h.hash), h, name);
            }
        }
        f.reset();
        for (auto& [hash, info] : agg)
            offerDomain(std::move(info));
        agg = {};
        if (sub) {
            account(*sub, level + 1);
            for (int i = 0; i < SpillPartitions::kCount; ++i)
                if (auto g = sub->take(i))
                    aggregateDomains(std::move(g), level + 1);
        }
    }
};

Screener::Screener(const ScreeningConfig& config) : d(std::make_unique<Private>(config)) {}

Screener::~Screener() = default;

qint64 Screener::rows() const
{
    return d->rows;
}

Screener::SpillStats Screener::spillStats() const
{
    return d->stats;
}

int Screener::add(QStringView email, qint64 line)
{
    if (line <= d->lastLine || line >= kLineLimit)
        throw Error::internal(
            QStringLiteral("list screening: row at line %1 after line %2 (rows must come in file order, "
                           "lines below 2^55)")
                .arg(line)
                .arg(d->lastLine));
    d->lastLine = line;
    ++d->rows;
    char buf[kAddressBuffer];
    const AddressCheck a = checkAddress(email, buf);
    if (!a.valid) {
        ++d->counts[0];
        if (d->wantsExample(0))
            d->example(0, line, email, QString::fromLatin1(a.reason));
        return Invalid;
    }
    ++d->valid;
    int problems = 0;

    if (d->roles.contains(roleKey(a))) {
        problems |= Role;
        ++d->counts[2];
        if (d->wantsExample(2))
            d->example(2, line, email, {});
    }

    const std::uint64_t dh = hash64(a.domain);
    const DomainInfo* info;
    auto it = d->domains.find(dh);
    if (it != d->domains.end()) {
        ++it->second.count;
        info = &it->second;
    } else if (qsizetype(d->domains.size()) < qsizetype(d->config.maxTrackedDomains)) {
        DomainInfo fresh;
        fresh.name.assign(a.domain);
        fresh.count = 1;
        d->classify(a.domain, fresh);
        info = &d->domains.emplace(dh, std::move(fresh)).first->second;
    } else {
        info = &d->untrackedDomain(dh, a.domain);
    }
    if (info->disposableAt >= 0) {
        problems |= Disposable;
        ++d->counts[3];
        if (d->wantsExample(3))
            d->example(3, line, email, QString::fromLatin1(a.domain.substr(size_t(info->disposableAt))));
    }
    if (info->typo >= 0) {
        problems |= Typo;
        ++d->counts[4];
        if (d->wantsExample(4))
            d->example(4, line, email, QString::fromStdString(d->mailboxList[size_t(info->typo)]));
    }

    char key[kAddressBuffer];
    const std::size_t keyLen = foldAddress(a, key);
    const std::uint64_t h = hash64(std::string_view(key, keyLen));
    bool duplicate;
    if (d->seen.size() < d->seenMax) {
        duplicate = !d->seen.insert(h);
    } else if (d->seen.contains(h)) {
        duplicate = true;
    } else {
        d->spillAddress(h, line, problems, email);
        duplicate = false;
    }
    if (duplicate) {
        problems |= Duplicate;
        ++d->counts[1];
        if (d->wantsExample(1))
            d->example(1, line, email, QString::fromLatin1(key, qsizetype(keyLen)));
    }
    if (problems == 0)
        ++d->clean;
    return problems;
}

ListScreeningSummary Screener::finish(const LateDuplicates& lateDuplicates)
{
    // Duplicates whose first occurrence is in the temporary files.
    const qint64 inMemoryDistinct = qint64(d->seen.size());
    if (d->addressParts) {
        d->seen = U64Set(16);
        if (d->texts) {
            d->stats.files += 1;
            d->stats.bytes += d->texts->bytesWritten();
        }
        d->account(*d->addressParts, 0);
        d->lateCallback = &lateDuplicates;
        for (int i = 0; i < SpillPartitions::kCount; ++i)
            if (auto f = d->addressParts->take(i))
                d->dedupe(std::move(f), 0);
        d->flushLate();
        d->lateCallback = nullptr;
        d->addressParts.reset();
        d->mergeDuplicateExamples();
        d->texts.reset();
    }

    // Domains: those in memory, then those in the temporary files (cache entries written out first).
    for (auto& [h, info] : d->domains)
        d->offerDomain(std::move(info));
    d->domains = {};
    for (const Private::CachedDomain& e : d->domainCache)
        if (e.info.count > 0)
            d->spillDomain(e.hash, e.info.count, e.info.name);
    d->domainCache = {};
    if (d->domainParts) {
        d->account(*d->domainParts, 0);
        for (int i = 0; i < SpillPartitions::kCount; ++i)
            if (auto f = d->domainParts->take(i))
                d->aggregateDomains(std::move(f), 0);
        d->domainParts.reset();
    }
    std::vector<DomainInfo> sorted = std::move(d->top);
    std::sort(sorted.begin(), sorted.end(), betterDomain);
    for (DomainInfo& info : sorted)
        if (!info.classified)
            d->classify(info.name, info); // entries from the temporary files carry no classification

    ListScreeningSummary s;
    s.rows = d->rows;
    s.invalid = d->counts[0];
    s.duplicates = d->counts[1];
    s.role = d->counts[2];
    s.disposable = d->counts[3];
    s.typo = d->counts[4];

    // The details' JSON (lists/screeningjson.h: the text QJsonDocument gave, written directly; building
    // QJsonObjects for it took ~5 % of a bundle import's instructions).
    ScreeningDetails det;
    det.rows = d->rows;
    det.valid = d->valid;
    det.clean = d->clean;
    det.distinctAddresses = inMemoryDistinct + d->lateDistinct;
    for (int i = 0; i < ScreeningDetails::kProblems; ++i) {
        det.problemCount[i] = d->counts[i];
        det.problemShare[i] = share(d->counts[i], d->rows);
        det.examples[i] = d->examples[i];
    }
    std::vector<ScreeningTopDomain> top;
    top.reserve(sorted.size());
    qint64 listed = 0;
    for (const DomainInfo& info : sorted) {
        top.push_back({info.name, info.count, share(info.count, d->valid), info.disposableAt >= 0,
                       info.typo >= 0 ? &d->mailboxList[size_t(info.typo)] : nullptr});
        listed += info.count;
    }
    det.top = top;
    det.distinctDomains = d->distinctDomains;
    // "exact" and "untracked" are constant now (see the header); kept for readers of older summaries.
    det.otherCount = d->valid - listed;
    det.otherDomains = d->distinctDomains - qint64(sorted.size());
    det.otherShare = share(det.otherCount, d->valid);
    const std::string json = screeningDetailsJson(det);
    s.detailsJson = QString::fromUtf8(json.data(), qsizetype(json.size()));
    return s;
}

} // namespace ad::lists
