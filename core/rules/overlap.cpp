// SPDX-License-Identifier: GPL-3.0-or-later
#include "rules/overlap.h"

#include "rules/policy.h"
#include "rules/rule.h"
#include "rules/ruleutil.h"

#include <QHash>
#include <QSet>
#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <limits>
#include <numeric>
#include <vector>

namespace ad::rules {

namespace {

constexpr int kHashes = 128;
constexpr int kBands = 32;
constexpr int kRows = kHashes / kBands;
constexpr int kRepresentatives = 8;
constexpr int kMaxShingles = 20000;

using Signature = std::array<quint32, kHashes>;

quint64 splitmix64(quint64& state)
{
    quint64 z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

struct HashFamily
{
    std::array<quint64, kHashes> a{}, b{};
    HashFamily()
    {
        quint64 state = 0x4162757365446573ULL; // fixed seed: signatures are reproducible
        for (int i = 0; i < kHashes; ++i) {
            a[i] = splitmix64(state) | 1ULL;
            b[i] = splitmix64(state);
        }
    }
};

const HashFamily& family()
{
    static const HashFamily f;
    return f;
}

quint64 wordHash(QStringView w)
{
    quint64 h = 0xcbf29ce484222325ULL;
    for (const QChar c : w) {
        h ^= c.unicode();
        h *= 0x100000001b3ULL;
    }
    return h;
}

// 64-bit hashes of the word k-shingles of `text` (lower-cased letter/digit runs).
std::vector<quint64> shingles(const QString& text, int k)
{
    std::vector<quint64> words;
    const QString lower = text.toLower();
    qsizetype i = 0;
    const qsizetype n = lower.size();
    while (i < n && words.size() < size_t(kMaxShingles + k)) {
        while (i < n && !lower[i].isLetterOrNumber())
            ++i;
        const qsizetype start = i;
        while (i < n && lower[i].isLetterOrNumber())
            ++i;
        if (i > start)
            words.push_back(wordHash(QStringView(lower).mid(start, i - start)));
    }
    std::vector<quint64> out;
    if (k <= 0 || words.size() < size_t(k))
        return out;
    out.reserve(words.size() - k + 1);
    for (size_t s = 0; s + k <= words.size(); ++s) {
        quint64 h = 0x9ae16a3b2f90404fULL;
        for (int j = 0; j < k; ++j) {
            h ^= words[s + j] + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
            h *= 0xff51afd7ed558ccdULL;
        }
        out.push_back(h ^ (h >> 33));
    }
    return out;
}

struct UnionFind
{
    std::vector<int> parent;
    explicit UnionFind(int n) : parent(size_t(n)) { std::iota(parent.begin(), parent.end(), 0); }
    int find(int x)
    {
        while (parent[size_t(x)] != x) {
            parent[size_t(x)] = parent[size_t(parent[size_t(x)])];
            x = parent[size_t(x)];
        }
        return x;
    }
    void unite(int a, int b)
    {
        a = find(a);
        b = find(b);
        if (a != b)
            parent[size_t(std::max(a, b))] = std::min(a, b);
    }
};

} // namespace

struct OverlapIndex::Private
{
    Options opt;
    QHash<QString, int> accountIndex;
    std::vector<QString> accountIds;
    std::vector<AccountStatus> statuses;

    // keys: From addresses and link domains
    struct KeySpace
    {
        QHash<QString, int> index;
        std::vector<QString> names;
        std::vector<std::vector<int>> postings;    // key -> accounts (sorted, unique after finish)
        std::vector<std::vector<int>> accountKeys; // account -> keys (sorted, unique after finish)
    };
    KeySpace from, domains;

    struct Message
    {
        int account;
        qint64 id;
        Signature sig;
    };
    std::vector<Message> messages;
    // content clusters after finish(): message -> cluster; cluster -> (account, message) sorted
    std::vector<int> clusterOf;
    QHash<int, std::vector<std::pair<int, int>>> clusterMembers; // root -> (account, message index)
    std::vector<std::vector<int>> accountClusters;               // account -> cluster roots
    QHash<int, std::vector<int>> clusterAccounts;                // root -> accounts (limited)
    bool finished = false;
    // Restored by deserialize, which keeps only the messages linksFor can name: how many the built index
    // had (-1: built here).
    qint64 restoredMessageCount = -1;
    // The same for the accounts (deserialize keeps only those that have links).
    qint64 restoredAccountCount = -1;
    // linksFor remembers its last answer per thread (both multi-account rules ask for the same account in
    // a row; EvaluationService asks from several worker threads at once): the cache names the index by
    // `uid` (unique per index in the process) and `generation` (bumped by setStatus, whose change the
    // remembered answer may not carry).
    const quint64 uid = nextUid();
    std::atomic<quint64> generation{0};
    static quint64 nextUid()
    {
        static std::atomic<quint64> counter{0};
        return ++counter;
    }

    int account(const QString& id)
    {
        const auto it = accountIndex.constFind(id);
        if (it != accountIndex.constEnd())
            return it.value();
        const int i = int(accountIds.size());
        accountIndex.insert(id, i);
        accountIds.push_back(id);
        statuses.push_back(AccountStatus::Active);
        return i;
    }

    // While feeding: a From value as given (account list, campaign, message) -> its key in `from`, or
    // -1 when it is no address or at a platform domain. The same value comes back for many accounts and
    // campaigns; it is parsed once. Dropped by finish().
    QHash<QString, int> rawFrom;

    static int keyOf(KeySpace& ks, const QString& key)
    {
        auto it = ks.index.constFind(key);
        if (it != ks.index.constEnd())
            return it.value();
        const int k = int(ks.names.size());
        ks.index.insert(key, k);
        ks.names.push_back(key);
        ks.postings.emplace_back();
        return k;
    }

    void addKey(KeySpace& ks, int account, const QString& key) { addPosting(ks, account, keyOf(ks, key)); }

    void addPosting(KeySpace& ks, int account, int k)
    {
        ks.postings[size_t(k)].push_back(account);
        if (ks.accountKeys.size() <= size_t(account))
            ks.accountKeys.resize(size_t(account) + 1);
        ks.accountKeys[size_t(account)].push_back(k);
    }

    bool flagged(int account) const
    {
        const AccountStatus s = statuses[size_t(account)];
        return s == AccountStatus::Suspended || s == AccountStatus::Terminated;
    }

    // Sorted unique accounts, limited to the first maxAccountsPerKey plus every flagged account.
    void limit(std::vector<int>& accounts) const
    {
        std::sort(accounts.begin(), accounts.end(),
                  [&](int a, int b) { return accountIds[size_t(a)] < accountIds[size_t(b)]; });
        accounts.erase(std::unique(accounts.begin(), accounts.end()), accounts.end());
        const size_t cap = size_t(std::max(1, opt.maxAccountsPerKey));
        if (accounts.size() <= cap)
            return;
        std::vector<int> kept(accounts.begin(), accounts.begin() + qsizetype(cap));
        for (size_t i = cap; i < accounts.size(); ++i) {
            if (flagged(accounts[i]))
                kept.push_back(accounts[i]);
        }
        accounts.swap(kept);
    }

    void finishKeys(KeySpace& ks)
    {
        for (auto& p : ks.postings)
            limit(p);
        ks.accountKeys.resize(accountIds.size());
        for (auto& k : ks.accountKeys) {
            std::sort(k.begin(), k.end());
            k.erase(std::unique(k.begin(), k.end()), k.end());
        }
    }

    static double similarity(const Signature& a, const Signature& b)
    {
        int same = 0;
        for (int i = 0; i < kHashes; ++i)
            same += a[size_t(i)] == b[size_t(i)];
        return double(same) / kHashes;
    }
};

OverlapIndex::Options OverlapIndex::options(const Policy& policy)
{
    Options o;
    const QString rule = QStringLiteral("multi-account-overlap");
    for (const QString& s : policy.strings(QStringLiteral("platform_domains")))
        o.platformDomains << util::normalizeHost(s);
    for (const QString& s : policy.strings(QStringLiteral("link_host_allowlist")))
        o.linkHostAllowList << util::normalizeHost(s);
    o.jaccardThreshold = policy.number(rule, QStringLiteral("jaccard_threshold"), o.jaccardThreshold);
    o.shingleWords = int(policy.number(rule, QStringLiteral("shingle_words"), o.shingleWords));
    o.minShingles = int(policy.number(rule, QStringLiteral("min_shingles"), o.minShingles));
    o.maxAccountsPerKey =
        int(policy.number(rule, QStringLiteral("max_accounts_per_key"), o.maxAccountsPerKey));
    return o;
}

OverlapIndex::OverlapIndex(Options options) : d(std::make_unique<Private>())
{
    d->opt = std::move(options);
    if (d->opt.shingleWords < 1)
        d->opt.shingleWords = 1;
}

OverlapIndex::~OverlapIndex() = default;

void OverlapIndex::addAccount(const QString& accountId, AccountStatus currentStatus,
                              const QStringList& fromAddresses)
{
    const int a = d->account(accountId);
    d->statuses[size_t(a)] = currentStatus;
    for (const QString& f : fromAddresses)
        addFromAddress(accountId, f);
}

void OverlapIndex::addFromAddress(const QString& accountId, const QString& from)
{
    auto it = d->rawFrom.constFind(from);
    if (it == d->rawFrom.constEnd()) {
        const QString addr = util::bareAddress(from);
        const bool counts =
            !addr.isEmpty() && !PreparedPolicy::hostIn(util::domainOf(addr), d->opt.platformDomains);
        it = d->rawFrom.insert(from, counts ? Private::keyOf(d->from, addr) : -1);
    }
    if (it.value() < 0)
        return;
    d->addPosting(d->from, d->account(accountId), it.value());
}

OverlapIndex::MessageFeatures OverlapIndex::messageFeatures(const StoredMessage& m) const
{
    MessageFeatures f;
    for (const QString& host : m.linkDomains) {
        const QString h = util::normalizeHost(host);
        if (h.isEmpty() || PreparedPolicy::hostIn(h, d->opt.platformDomains) ||
            PreparedPolicy::hostIn(h, d->opt.linkHostAllowList))
            continue;
        f.linkHosts << h;
    }
    const std::vector<quint64> sh = shingles(m.text, d->opt.shingleWords);
    if (sh.size() < size_t(std::max(1, d->opt.minShingles)))
        return f;
    f.signature.assign(size_t(kHashes), 0xffffffffu);
    const HashFamily& hf = family();
    for (quint64 x : sh) {
        for (int i = 0; i < kHashes; ++i) {
            const quint32 h = quint32((hf.a[size_t(i)] * x + hf.b[size_t(i)]) >> 32);
            if (h < f.signature[size_t(i)])
                f.signature[size_t(i)] = h;
        }
    }
    return f;
}

void OverlapIndex::addMessage(const StoredMessage& m)
{
    addMessage(m, messageFeatures(m));
}

void OverlapIndex::addMessage(const StoredMessage& m, MessageFeatures&& f)
{
    const int a = d->account(m.accountId);
    addFromAddress(m.accountId, m.from);
    for (const QString& h : std::as_const(f.linkHosts))
        d->addKey(d->domains, a, h);
    if (f.signature.size() != size_t(kHashes))
        return;
    Private::Message msg{a, m.id, {}};
    std::copy(f.signature.begin(), f.signature.end(), msg.sig.begin());
    d->messages.push_back(msg);
}

void OverlapIndex::addSnapshot(const AccountSnapshot& s)
{
    addAccount(s.account.id, s.currentStatus, s.account.fromAddresses);
    for (const Campaign& c : s.campaigns) {
        if (!c.fromAddress.isEmpty())
            addFromAddress(s.account.id, c.fromAddress);
    }
    for (const StoredMessage& m : s.messages) {
        StoredMessage copy = m;
        if (copy.accountId.isEmpty())
            copy.accountId = s.account.id;
        addMessage(copy);
    }
}

void OverlapIndex::finish()
{
    d->rawFrom = {};
    d->finishKeys(d->from);
    d->finishKeys(d->domains);

    // Content clusters: LSH candidates, verified by the estimated similarity, merged with union-find.
    const int n = int(d->messages.size());
    UnionFind uf(n);
    std::vector<std::pair<quint64, int>> buckets(static_cast<size_t>(n));
    for (int band = 0; band < kBands; ++band) {
        for (int m = 0; m < n; ++m) {
            quint64 h = 0xcbf29ce484222325ULL ^ quint64(band);
            for (int r = 0; r < kRows; ++r) {
                h ^= d->messages[size_t(m)].sig[size_t(band * kRows + r)];
                h *= 0x100000001b3ULL;
            }
            buckets[size_t(m)] = {h, m};
        }
        std::sort(buckets.begin(), buckets.end());
        size_t i = 0;
        while (i < buckets.size()) {
            size_t j = i + 1;
            while (j < buckets.size() && buckets[j].first == buckets[i].first)
                ++j;
            if (j - i > 1) {
                std::vector<int> reps;
                for (size_t k = i; k < j; ++k) {
                    const int m = buckets[k].second;
                    bool placed = false;
                    for (int r : reps) {
                        if (uf.find(r) == uf.find(m)) {
                            placed = true;
                            break;
                        }
                        if (Private::similarity(d->messages[size_t(r)].sig, d->messages[size_t(m)].sig) >=
                            d->opt.jaccardThreshold) {
                            uf.unite(r, m);
                            placed = true;
                            break;
                        }
                    }
                    if (!placed && reps.size() < size_t(kRepresentatives))
                        reps.push_back(m);
                }
            }
            i = j;
        }
    }
    d->clusterOf.assign(size_t(n), -1);
    QHash<int, std::vector<std::pair<int, int>>> members;
    for (int m = 0; m < n; ++m) {
        const int root = uf.find(m);
        d->clusterOf[size_t(m)] = root;
        members[root].push_back({d->messages[size_t(m)].account, m});
    }
    d->accountClusters.assign(d->accountIds.size(), {});
    for (auto it = members.begin(); it != members.end(); ++it) {
        auto& v = it.value();
        std::sort(v.begin(), v.end());
        std::vector<int> accounts;
        for (const auto& p : v)
            accounts.push_back(p.first);
        accounts.erase(std::unique(accounts.begin(), accounts.end()), accounts.end());
        if (accounts.size() < 2)
            continue; // a cluster inside one account links nothing
        for (int a : accounts)
            d->accountClusters[size_t(a)].push_back(it.key());
        d->limit(accounts);
        d->clusterAccounts.insert(it.key(), accounts);
        d->clusterMembers.insert(it.key(), std::move(v));
    }
    d->finished = true;
}

QList<OverlapIndex::Link> OverlapIndex::linksFor(const QString& accountId) const
{
    const auto ai = d->accountIndex.constFind(accountId);
    if (ai == d->accountIndex.constEnd() || !d->finished)
        return {};
    struct LastAnswer
    {
        quint64 uid = 0, generation = 0;
        QString accountId;
        QList<Link> links;
    };
    thread_local LastAnswer last;
    const quint64 generation = d->generation.load(std::memory_order_acquire);
    if (last.uid == d->uid && last.generation == generation && last.accountId == accountId)
        return last.links;
    const int a = ai.value();
    QHash<int, Link> links;
    auto link = [&](int other) -> Link& {
        auto it = links.find(other);
        if (it == links.end()) {
            Link l;
            l.accountId = d->accountIds[size_t(other)];
            l.status = d->statuses[size_t(other)];
            it = links.insert(other, l);
        }
        return it.value();
    };
    auto keyLinks = [&](const Private::KeySpace& ks, bool fromSpace) {
        if (ks.accountKeys.size() <= size_t(a))
            return;
        for (int k : ks.accountKeys[size_t(a)]) {
            for (int other : ks.postings[size_t(k)]) {
                if (other == a)
                    continue;
                Link& l = link(other);
                (fromSpace ? l.fromAddresses : l.linkDomains) << ks.names[size_t(k)];
            }
        }
    };
    keyLinks(d->from, true);
    keyLinks(d->domains, false);

    if (d->accountClusters.size() > size_t(a)) {
        for (int root : d->accountClusters[size_t(a)]) {
            const auto& mem = d->clusterMembers[root];
            auto range = [&](int acc) {
                const auto lo = std::lower_bound(mem.begin(), mem.end(), std::make_pair(acc, -1));
                const auto hi = std::lower_bound(mem.begin(), mem.end(), std::make_pair(acc + 1, -1));
                return std::make_pair(lo, hi);
            };
            const auto mine = range(a);
            for (int other : d->clusterAccounts[root]) {
                if (other == a)
                    continue;
                const auto theirs = range(other);
                ContentMatch best;
                int tried = 0;
                for (auto x = mine.first; x != mine.second && tried < 400; ++x) {
                    for (auto y = theirs.first; y != theirs.second && tried < 400; ++y, ++tried) {
                        const auto& mx = d->messages[size_t(x->second)];
                        const auto& my = d->messages[size_t(y->second)];
                        const double s = Private::similarity(mx.sig, my.sig);
                        if (s > best.similarity ||
                            (s == best.similarity &&
                             std::make_pair(mx.id, my.id) <
                                 std::make_pair(best.messageId, best.otherMessageId))) {
                            best = {mx.id, my.id, s};
                        }
                    }
                }
                if (best.similarity >= d->opt.jaccardThreshold)
                    link(other).content << best;
            }
        }
    }

    QList<Link> out;
    for (auto it = links.begin(); it != links.end(); ++it) {
        Link& l = it.value();
        l.fromAddresses.sort();
        l.fromAddresses.removeDuplicates();
        l.linkDomains.sort();
        l.linkDomains.removeDuplicates();
        std::sort(l.content.begin(), l.content.end(), [](const ContentMatch& x, const ContentMatch& y) {
            return std::make_pair(x.messageId, x.otherMessageId) <
                   std::make_pair(y.messageId, y.otherMessageId);
        });
        if (l.fromAddresses.isEmpty() && l.linkDomains.isEmpty() && l.content.isEmpty())
            continue;
        out.push_back(std::move(l));
    }
    std::sort(out.begin(), out.end(), [](const Link& x, const Link& y) { return x.accountId < y.accountId; });
    last = {d->uid, generation, accountId, out};
    return out;
}

void OverlapIndex::setStatus(const QString& accountId, AccountStatus status)
{
    const auto it = d->accountIndex.constFind(accountId);
    if (it == d->accountIndex.constEnd() || d->statuses[size_t(it.value())] == status)
        return;
    d->statuses[size_t(it.value())] = status;
    d->generation.fetch_add(1, std::memory_order_acq_rel); // remembered answers may carry the old status
}

const std::vector<QString>& OverlapIndex::statusAccounts() const
{
    return d->accountIds;
}

qint64 OverlapIndex::accountCount() const
{
    return d->restoredAccountCount >= 0 ? d->restoredAccountCount : qint64(d->accountIds.size());
}

qint64 OverlapIndex::messageCount() const
{
    return d->restoredMessageCount >= 0 ? d->restoredMessageCount : qint64(d->messages.size());
}

double OverlapIndex::jaccard(const QString& a, const QString& b, int shingleWords)
{
    const auto sa = shingles(a, shingleWords);
    const auto sb = shingles(b, shingleWords);
    const QSet<quint64> A(sa.begin(), sa.end());
    const QSet<quint64> B(sb.begin(), sb.end());
    if (A.isEmpty() && B.isEmpty())
        return 0;
    qsizetype inter = 0;
    for (quint64 x : A)
        inter += B.contains(x);
    return double(inter) / double(A.size() + B.size() - inter);
}

// ---- Serialisation -----------------------------------------------------------------------------------

namespace {

constexpr char kMagic[8] = {'A', 'D', 'O', 'V', 'L', 'P', 'I', 'X'};
constexpr quint32 kByteOrderMark = 0x01020304;

// A 64-bit checksum of the payload (four independent multiply-rotate lanes over 8-byte words, mixed at
// the end): detects truncation and flipped bits at memory speed. Not a cryptographic hash — the store is
// the user's own file; it guards against damage, not against forgery.
quint64 checksum(const char* p, size_t n)
{
    constexpr quint64 k1 = 0x9e3779b185ebca87ULL, k2 = 0xc2b2ae3d27d4eb4fULL, k3 = 0x165667b19e3779f9ULL;
    const auto rotl = [](quint64 x, int r) { return (x << r) | (x >> (64 - r)); };
    quint64 lane[4] = {k1 ^ 0x4f564c50ULL, k2, k3, k1 + k2};
    size_t i = 0;
    for (; i + 32 <= n; i += 32) {
        for (int k = 0; k < 4; ++k) {
            quint64 w;
            std::memcpy(&w, p + i + size_t(8 * k), 8);
            lane[k] = rotl(lane[k] + w * k2, 31) * k1;
        }
    }
    quint64 h = quint64(n) * k3;
    for (int k = 0; k < 4; ++k)
        h = rotl(h ^ (rotl(lane[k] * k2, 29) * k1), 27) * k1 + k3;
    for (; i < n; ++i)
        h = (h ^ quint8(p[i])) * 0x100000001b3ULL;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    return h ^ (h >> 33);
}

class Writer
{
public:
    QByteArray out;

    template <typename T> void pod(const T& v) { out.append(reinterpret_cast<const char*>(&v), sizeof(T)); }
    template <typename T> void array(const T* p, size_t n)
    {
        pod(quint64(n));
        out.append(reinterpret_cast<const char*>(p), qsizetype(n * sizeof(T)));
    }
    template <typename T> void array(const std::vector<T>& v) { array(v.data(), v.size()); }
    // count, offsets (count + 1, in UTF-16 units), the UTF-16 text
    template <typename Range> void strings(const Range& items)
    {
        std::vector<quint64> offsets{0};
        offsets.reserve(size_t(items.size()) + 1);
        qsizetype total = 0;
        for (const QString& s : items)
            offsets.push_back(quint64(total += s.size()));
        array(offsets);
        pod(quint64(total));
        out.reserve(out.size() + total * 2);
        for (const QString& s : items)
            out.append(reinterpret_cast<const char*>(s.utf16()), s.size() * 2);
    }
    // A list of int lists: offsets (lists + 1), then every value.
    template <typename Lists, typename Get> void lists(const Lists& ls, Get get)
    {
        std::vector<quint64> offsets{0};
        offsets.reserve(size_t(ls.size()) + 1);
        std::vector<qint32> values;
        for (const auto& l : ls) {
            for (int v : get(l))
                values.push_back(v);
            offsets.push_back(values.size());
        }
        array(offsets);
        array(values);
    }
};

// Bounds-checked reading: every read fails (and every later one too) once a length does not fit.
class Reader
{
public:
    explicit Reader(QByteArrayView bytes) : m_p(bytes.data()), m_end(bytes.data() + bytes.size()) {}
    bool ok() const { return m_ok; }
    bool atEnd() const { return m_p == m_end; }
    bool fail() { return m_ok = false; }

    template <typename T> bool pod(T& v)
    {
        if (!m_ok || size_t(m_end - m_p) < sizeof(T))
            return fail();
        std::memcpy(&v, m_p, sizeof(T));
        m_p += sizeof(T);
        return true;
    }
    // An array of at most maxCount elements: where it starts (not aligned) and how many.
    template <typename T> bool array(const char*& at, size_t& count, size_t maxCount = ~size_t(0))
    {
        quint64 n = 0;
        if (!pod(n) || n > maxCount || n > size_t(m_end - m_p) / sizeof(T))
            return fail();
        at = m_p;
        count = size_t(n);
        m_p += count * sizeof(T);
        return true;
    }
    template <typename T> bool array(std::vector<T>& v, size_t maxCount = ~size_t(0))
    {
        const char* at = nullptr;
        size_t n = 0;
        if (!array<T>(at, n, maxCount))
            return false;
        v.resize(n);
        if (n)
            std::memcpy(v.data(), at, n * sizeof(T));
        return true;
    }
    // Offsets of consecutive ranges: from 0, never decreasing, the last == total (checked before any
    // range is used).
    static bool validOffsets(const std::vector<quint64>& o, quint64 total)
    {
        if (o.empty() || o.front() != 0 || o.back() != total)
            return false;
        for (size_t i = 1; i < o.size(); ++i) {
            if (o[i] < o[i - 1])
                return false;
        }
        return true;
    }
    bool strings(std::vector<QString>& out, size_t maxCount = ~size_t(0))
    {
        std::vector<quint64> o;
        quint64 total = 0;
        if (!array(o) || o.empty() || o.size() - 1 > maxCount || !pod(total) ||
            total > size_t(m_end - m_p) / 2 || !validOffsets(o, total))
            return fail();
        const char* text = m_p;
        m_p += size_t(total) * 2;
        const size_t count = o.size() - 1;
        out.resize(count);
        for (size_t i = 0; i < count; ++i) {
            const qsizetype len = qsizetype(o[i + 1] - o[i]);
            QString s(len, Qt::Uninitialized);
            std::memcpy(s.data(), text + o[i] * 2, size_t(len) * 2);
            out[i] = std::move(s);
        }
        return true;
    }
    // `count` lists of ints, every value in [0, bound).
    bool lists(std::vector<std::vector<int>>& out, size_t count, int bound)
    {
        std::vector<quint64> o;
        const char* at = nullptr;
        size_t n = 0;
        if (!array(o) || !array<qint32>(at, n) || o.size() != count + 1 || !validOffsets(o, n))
            return fail();
        out.assign(count, {});
        for (size_t i = 0; i < count; ++i) {
            auto& l = out[i];
            l.resize(size_t(o[i + 1] - o[i]));
            if (!l.empty())
                std::memcpy(l.data(), at + o[i] * 4, l.size() * 4);
            for (int v : l) {
                if (v < 0 || v >= bound)
                    return fail();
            }
        }
        return true;
    }

private:
    const char* m_p;
    const char* m_end;
    bool m_ok = true;
};

void writeOptions(Writer& w, const OverlapIndex::Options& o)
{
    w.strings(o.platformDomains);
    w.strings(o.linkHostAllowList);
    w.pod(o.jaccardThreshold);
    w.pod(qint32(o.shingleWords));
    w.pod(qint32(o.minShingles));
    w.pod(qint32(o.maxAccountsPerKey));
}

bool sameOptions(Reader& r, const OverlapIndex::Options& o)
{
    std::vector<QString> platform, allow;
    double jaccard = 0;
    qint32 shingleWords = 0, minShingles = 0, maxAccounts = 0;
    if (!r.strings(platform, 1 << 20) || !r.strings(allow, 1 << 20) || !r.pod(jaccard) ||
        !r.pod(shingleWords) || !r.pod(minShingles) || !r.pod(maxAccounts))
        return false;
    const auto same = [](const std::vector<QString>& a, const QStringList& b) {
        return std::equal(a.begin(), a.end(), b.begin(), b.end());
    };
    return same(platform, o.platformDomains) && same(allow, o.linkHostAllowList) &&
           std::memcmp(&jaccard, &o.jaccardThreshold, sizeof(double)) == 0 &&
           shingleWords == o.shingleWords && minShingles == o.minShingles &&
           maxAccounts == o.maxAccountsPerKey;
}

// The constants of the build that are not options: an index built with others is not this one.
constexpr quint32 kBuildConstants[] = {kHashes, kBands, kRows, kRepresentatives, kMaxShingles, 400};

} // namespace

QByteArray OverlapIndex::serialize() const
{
    if (!d->finished)
        return {};
    Writer w;
    w.out.append(kMagic, sizeof kMagic);
    w.pod(quint32(kSerialFormat));
    w.pod(kByteOrderMark);
    for (quint32 c : kBuildConstants)
        w.pod(c);
    writeOptions(w, d->opt);

    // Only what can appear in an answer of linksFor. A key held by fewer than two accounts links nothing
    // (its postings are a subset of its holders); an account with no such key and no content cluster has
    // no links (the same empty answer as an unknown account); a message outside the clusters is never
    // compared. Everything kept is renumbered in its order, so every sorted list stays sorted.
    const size_t n = d->accountIds.size();
    std::vector<int> accountNew(n, -1);
    std::array<std::vector<int>, 2> keyNew;
    const std::array<const Private::KeySpace*, 2> spaces{&d->from, &d->domains};
    for (size_t s = 0; s < 2; ++s) {
        const Private::KeySpace& ks = *spaces[s];
        std::vector<int> holders(ks.names.size(), 0);
        for (const auto& keys : ks.accountKeys) {
            for (int k : keys)
                ++holders[size_t(k)];
        }
        keyNew[s].assign(ks.names.size(), -1);
        int next = 0;
        for (size_t k = 0; k < holders.size(); ++k) {
            if (holders[k] >= 2)
                keyNew[s][k] = next++;
        }
        for (size_t a = 0; a < ks.accountKeys.size(); ++a) {
            for (int k : ks.accountKeys[a]) {
                if (keyNew[s][size_t(k)] >= 0)
                    accountNew[a] = 0;
            }
        }
    }
    for (size_t a = 0; a < d->accountClusters.size(); ++a) {
        if (!d->accountClusters[a].empty())
            accountNew[a] = 0;
    }
    std::vector<QString> ids;
    std::vector<quint8> statuses;
    for (size_t a = 0; a < n; ++a) {
        if (accountNew[a] < 0)
            continue;
        accountNew[a] = int(ids.size());
        ids.push_back(d->accountIds[a]);
        statuses.push_back(quint8(d->statuses[a]));
    }
    bool consistent = true; // every account named below is kept (finish() guarantees it)
    const auto account = [&](int a) {
        const int r = accountNew[size_t(a)];
        consistent = consistent && r >= 0;
        return r;
    };
    w.pod(quint64(accountCount()));
    w.strings(ids);
    w.array(statuses);

    std::vector<int> keptAccounts; // old numbers, in order
    for (size_t a = 0; a < n; ++a) {
        if (accountNew[a] >= 0)
            keptAccounts.push_back(int(a));
    }
    for (size_t s = 0; s < 2; ++s) {
        const Private::KeySpace& ks = *spaces[s];
        std::vector<QString> names;
        std::vector<int> keptKeys;
        for (size_t k = 0; k < ks.names.size(); ++k) {
            if (keyNew[s][k] >= 0) {
                names.push_back(ks.names[k]);
                keptKeys.push_back(int(k));
            }
        }
        w.strings(names);
        w.lists(keptKeys, [&](int k) {
            std::vector<int> l;
            for (int a : ks.postings[size_t(k)])
                l.push_back(account(a));
            return l;
        });
        w.lists(keptAccounts, [&](int a) {
            std::vector<int> l;
            if (size_t(a) < ks.accountKeys.size()) {
                for (int k : ks.accountKeys[size_t(a)]) {
                    if (keyNew[s][size_t(k)] >= 0)
                        l.push_back(keyNew[s][size_t(k)]);
                }
            }
            return l;
        });
    }

    std::vector<int> messageNew(d->messages.size(), -1);
    for (auto it = d->clusterMembers.cbegin(); it != d->clusterMembers.cend(); ++it) {
        for (const auto& member : it.value())
            messageNew[size_t(member.second)] = 0;
    }
    std::vector<qint32> msgAccount;
    std::vector<qint64> msgId;
    std::vector<quint32> sigs;
    for (size_t m = 0; m < messageNew.size(); ++m) {
        if (messageNew[m] < 0)
            continue;
        messageNew[m] = int(msgAccount.size());
        const Private::Message& msg = d->messages[m];
        msgAccount.push_back(account(msg.account));
        msgId.push_back(msg.id);
        sigs.insert(sigs.end(), msg.sig.begin(), msg.sig.end());
    }
    w.pod(quint64(messageCount()));
    w.array(msgAccount);
    w.array(msgId);
    w.array(sigs);

    std::vector<int> roots;
    for (auto it = d->clusterMembers.cbegin(); it != d->clusterMembers.cend(); ++it)
        roots.push_back(it.key());
    std::sort(roots.begin(), roots.end());
    std::vector<qint32> newRoots;
    for (int root : roots)
        newRoots.push_back(messageNew[size_t(root)]);
    w.array(newRoots);
    w.lists(roots, [&](int root) {
        std::vector<int> pairs;
        for (const auto& [a, m] : d->clusterMembers.value(root)) {
            pairs.push_back(account(a));
            pairs.push_back(messageNew[size_t(m)]);
        }
        return pairs;
    });
    w.lists(roots, [&](int root) {
        std::vector<int> l;
        for (int a : d->clusterAccounts.value(root))
            l.push_back(account(a));
        return l;
    });
    w.lists(keptAccounts, [&](int a) {
        std::vector<int> l;
        if (size_t(a) < d->accountClusters.size()) {
            for (int root : d->accountClusters[size_t(a)])
                l.push_back(messageNew[size_t(root)]);
        }
        return l;
    });
    if (!consistent || std::find(newRoots.begin(), newRoots.end(), -1) != newRoots.end())
        return {};

    w.pod(checksum(w.out.constData(), size_t(w.out.size())));
    return w.out;
}

quint64 OverlapIndex::payloadChecksum(QByteArrayView bytesBeforeChecksum)
{
    return checksum(bytesBeforeChecksum.data(), size_t(bytesBeforeChecksum.size()));
}

std::unique_ptr<OverlapIndex> OverlapIndex::deserialize(const Options& options, QByteArrayView bytes)
{
    constexpr size_t kHeader = sizeof kMagic + 2 * sizeof(quint32) + sizeof kBuildConstants;
    if (size_t(bytes.size()) < kHeader + sizeof(quint64) ||
        std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
        return nullptr;
    const size_t body = size_t(bytes.size()) - sizeof(quint64);
    quint64 stored = 0;
    std::memcpy(&stored, bytes.data() + body, sizeof stored);
    if (stored != checksum(bytes.data(), body))
        return nullptr;
    Reader r(bytes.first(qsizetype(body)));
    char magic[sizeof kMagic];
    quint32 format = 0, order = 0;
    if (!r.pod(magic) || !r.pod(format) || !r.pod(order) || format != quint32(kSerialFormat) ||
        order != kByteOrderMark)
        return nullptr;
    for (quint32 c : kBuildConstants) {
        quint32 v = 0;
        if (!r.pod(v) || v != c)
            return nullptr;
    }
    auto idx = std::make_unique<OverlapIndex>(options);
    Private& p = *idx->d;
    if (!sameOptions(r, p.opt))
        return nullptr;

    quint64 totalAccounts = 0;
    if (!r.pod(totalAccounts) || !r.strings(p.accountIds, size_t(std::numeric_limits<int>::max())))
        return nullptr;
    const size_t n = p.accountIds.size();
    if (totalAccounts < n || totalAccounts > quint64(std::numeric_limits<int>::max()))
        return nullptr;
    p.restoredAccountCount = qint64(totalAccounts);
    std::vector<quint8> statuses;
    if (!r.array(statuses) || statuses.size() != n)
        return nullptr;
    p.statuses.resize(n);
    for (size_t a = 0; a < n; ++a) {
        if (statuses[a] > quint8(AccountStatus::Terminated))
            return nullptr;
        p.statuses[a] = AccountStatus(statuses[a]);
    }
    p.accountIndex.reserve(qsizetype(n));
    for (size_t a = 0; a < n; ++a)
        p.accountIndex.insert(p.accountIds[a], int(a));
    if (size_t(p.accountIndex.size()) != n)
        return nullptr; // an account id twice

    for (Private::KeySpace* ks : {&p.from, &p.domains}) {
        if (!r.strings(ks->names, size_t(std::numeric_limits<int>::max())) ||
            !r.lists(ks->postings, ks->names.size(), int(n)) ||
            !r.lists(ks->accountKeys, n, int(ks->names.size())))
            return nullptr;
    }

    quint64 totalMessages = 0;
    std::vector<qint32> msgAccount;
    std::vector<qint64> msgId;
    std::vector<quint32> sigs;
    if (!r.pod(totalMessages) || !r.array(msgAccount) || !r.array(msgId, msgAccount.size()) ||
        msgId.size() != msgAccount.size() || !r.array(sigs) ||
        sigs.size() != msgAccount.size() * size_t(kHashes) || totalMessages < msgAccount.size() ||
        totalMessages > quint64(std::numeric_limits<int>::max()))
        return nullptr;
    const size_t kept = msgAccount.size();
    p.messages.resize(kept);
    for (size_t m = 0; m < kept; ++m) {
        if (msgAccount[m] < 0 || size_t(msgAccount[m]) >= n)
            return nullptr;
        Private::Message& msg = p.messages[m];
        msg.account = msgAccount[m];
        msg.id = msgId[m];
        std::memcpy(msg.sig.data(), sigs.data() + m * size_t(kHashes), sizeof(Signature));
    }
    p.restoredMessageCount = qint64(totalMessages);

    std::vector<qint32> roots;
    std::vector<std::vector<int>> pairs, accounts;
    if (!r.array(roots, kept) || !r.lists(pairs, roots.size(), int(std::max(n, kept))) ||
        !r.lists(accounts, roots.size(), int(n)) || !r.lists(p.accountClusters, n, int(kept)))
        return nullptr;
    for (size_t c = 0; c < roots.size(); ++c) {
        const int root = roots[c];
        const std::vector<int>& flat = pairs[c];
        if (root < 0 || size_t(root) >= kept || flat.size() % 2 != 0)
            return nullptr;
        std::vector<std::pair<int, int>> members;
        members.reserve(flat.size() / 2);
        for (size_t i = 0; i < flat.size(); i += 2) {
            if (size_t(flat[i]) >= n || size_t(flat[i + 1]) >= kept)
                return nullptr;
            members.emplace_back(flat[i], flat[i + 1]);
        }
        if (!std::is_sorted(members.begin(), members.end()) || p.clusterMembers.contains(root))
            return nullptr;
        p.clusterMembers.insert(root, std::move(members));
        p.clusterAccounts.insert(root, std::move(accounts[c]));
    }
    for (const auto& l : p.accountClusters) {
        for (int root : l) {
            if (!p.clusterMembers.contains(root))
                return nullptr; // linksFor looks every cluster of an account up
        }
    }
    if (!r.ok() || !r.atEnd())
        return nullptr;
    p.finished = true;
    return idx;
}

} // namespace ad::rules
