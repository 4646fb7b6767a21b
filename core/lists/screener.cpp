// SPDX-License-Identifier: GPL-3.0-or-later
#include "lists/screener.h"

#include "lists/address.h"
#include "lists/u64set.h"
#include "util/error.h"
#include "util/paths.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cmath>
#include <memory>
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
    int typo = -1;         // index into mailbox domains
    int disposableAt = -1; // offset in name of the listed disposable (parent) domain, -1 when not
};

struct Example
{
    qint64 line = 0;
    QString email;
    QString extra; // reason / key / domain / suggestion
};

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
    U64Set seen{4096};
    std::unordered_map<std::uint64_t, DomainInfo> domains;
    qint64 untracked = 0; // valid addresses at domains beyond maxTrackedDomains
    qint64 rows = 0, valid = 0, clean = 0;
    qint64 counts[5] = {0, 0, 0, 0, 0}; // invalid, duplicate, role, disposable, typo
    std::vector<Example> examples[5];

    explicit Private(const ScreeningConfig& c)
        : config(c), compiled(compiledFor(c)), roles(compiled->roles), disposable(compiled->disposable),
          mailbox(compiled->mailbox), real(compiled->real), mailboxList(compiled->mailboxList),
          mailboxFirstLabel(compiled->mailboxFirstLabel)
    {}

    void classify(std::string_view domain, DomainInfo& info) const
    {
        info.disposableAt = -1;
        info.typo = -1;
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
};

Screener::Screener(const ScreeningConfig& config) : d(std::make_unique<Private>(config)) {}

Screener::~Screener() = default;

qint64 Screener::rows() const
{
    return d->rows;
}

int Screener::add(QStringView email, qint64 line)
{
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

    char key[kAddressBuffer];
    const std::size_t keyLen = foldAddress(a, key);
    if (!d->seen.insert(hash64(std::string_view(key, keyLen)))) {
        problems |= Duplicate;
        ++d->counts[1];
        if (d->wantsExample(1))
            d->example(1, line, email, QString::fromLatin1(key, qsizetype(keyLen)));
    }

    if (d->roles.contains(roleKey(a))) {
        problems |= Role;
        ++d->counts[2];
        if (d->wantsExample(2))
            d->example(2, line, email, {});
    }

    const std::uint64_t dh = hash64(a.domain);
    DomainInfo local;
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
        ++d->untracked;
        d->classify(a.domain, local);
        info = &local;
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
    if (problems == 0)
        ++d->clean;
    return problems;
}

ListScreeningSummary Screener::finish()
{
    ListScreeningSummary s;
    s.rows = d->rows;
    s.invalid = d->counts[0];
    s.duplicates = d->counts[1];
    s.role = d->counts[2];
    s.disposable = d->counts[3];
    s.typo = d->counts[4];

    static const char* const names[5] = {"invalid", "duplicate", "role", "disposable", "typo"};
    static const char* const extras[5] = {"reason", "key", nullptr, "domain", "suggestion"};
    QJsonObject problems;
    for (int i = 0; i < 5; ++i) {
        QJsonArray ex;
        for (const Example& e : d->examples[i]) {
            QJsonObject o{{QStringLiteral("line"), double(e.line)}, {QStringLiteral("email"), e.email}};
            if (extras[i])
                o.insert(QLatin1String(extras[i]), e.extra);
            ex.append(o);
        }
        problems.insert(QLatin1String(names[i]),
                        QJsonObject{{QStringLiteral("count"), double(d->counts[i])},
                                    {QStringLiteral("share"), share(d->counts[i], d->rows)},
                                    {QStringLiteral("examples"), ex}});
    }

    std::vector<const DomainInfo*> sorted;
    sorted.reserve(d->domains.size());
    for (const auto& [h, info] : d->domains)
        sorted.push_back(&info);
    std::sort(sorted.begin(), sorted.end(), [](const DomainInfo* a, const DomainInfo* b) {
        return a->count != b->count ? a->count > b->count : a->name < b->name;
    });
    QJsonArray top;
    qint64 listed = 0;
    const std::size_t n = std::min(sorted.size(), std::size_t(std::max(0, d->config.topDomains)));
    for (std::size_t i = 0; i < n; ++i) {
        const DomainInfo* info = sorted[i];
        QJsonObject o{{QStringLiteral("domain"), QString::fromStdString(info->name)},
                      {QStringLiteral("count"), double(info->count)},
                      {QStringLiteral("share"), share(info->count, d->valid)},
                      {QStringLiteral("disposable"), info->disposableAt >= 0}};
        o.insert(QStringLiteral("typo_of"),
                 info->typo >= 0 ? QJsonValue(QString::fromStdString(d->mailboxList[size_t(info->typo)]))
                                 : QJsonValue(QJsonValue::Null));
        top.append(o);
        listed += info->count;
    }
    const qint64 otherCount = d->valid - listed;
    const qint64 otherDomains = qint64(sorted.size() - n);
    // With more than maxTrackedDomains distinct domains, "distinct" and other.domains count only the
    // tracked ones (exact=false) and `untracked` says how many addresses were at the others.
    QJsonObject domains{
        {QStringLiteral("distinct"), double(qint64(d->domains.size()))},
        {QStringLiteral("exact"), d->untracked == 0},
        {QStringLiteral("untracked"), double(d->untracked)},
        {QStringLiteral("top"), top},
        {QStringLiteral("other"), QJsonObject{{QStringLiteral("domains"), double(otherDomains)},
                                              {QStringLiteral("count"), double(otherCount)},
                                              {QStringLiteral("share"), share(otherCount, d->valid)}}}};

    QJsonObject root{{QStringLiteral("rows"), double(d->rows)},
                     {QStringLiteral("valid"), double(d->valid)},
                     {QStringLiteral("clean"), double(d->clean)},
                     {QStringLiteral("distinct_addresses"), double(qint64(d->seen.size()))},
                     {QStringLiteral("problems"), problems},
                     {QStringLiteral("domains"), domains}};
    s.detailsJson = QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Compact));
    return s;
}

} // namespace ad::lists
