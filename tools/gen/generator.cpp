// SPDX-License-Identifier: GPL-3.0-or-later
#include "generator.h"

#include "mimeutil.h"
#include "textdata.h"
#include "util/error.h"

#include <QDir>
#include <QFileInfo>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>
#include <unordered_set>
#include <vector>

namespace ad::gen {

namespace {

using std::int64_t;
using std::string;
using std::string_view;
using std::uint64_t;

// ---- Randomness ------------------------------------------------------------------------------------

uint64_t splitmix(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// std::mt19937_64 plus distributions implemented here (the standard's differ between libraries).
class Rng
{
public:
    Rng(uint64_t seed, uint64_t index, uint64_t stream)
        : m_g(splitmix(splitmix(seed) ^ splitmix(index * 8 + stream)))
    {}
    uint64_t next() { return m_g(); }
    // Uniform in [0, n) by rejection (no modulo bias).
    uint64_t below(uint64_t n)
    {
        if (n <= 1)
            return 0;
        const uint64_t limit = ~uint64_t(0) - (~uint64_t(0) % n);
        uint64_t x;
        do
            x = m_g();
        while (x >= limit);
        return x % n;
    }
    int64_t range(int64_t a, int64_t b) { return a + int64_t(below(uint64_t(b - a + 1))); }
    double unit() { return double(m_g() >> 11) * 0x1.0p-53; }
    double uniform(double a, double b) { return a + (b - a) * unit(); }
    bool chance(double p) { return unit() < p; }
    template <class A> const auto& pick(const A& a) { return a[below(std::size(a))]; }
    template <class A> string_view weighted(const A& a)
    {
        int total = 0;
        for (const auto& w : a)
            total += w.weight;
        int r = int(below(uint64_t(total)));
        for (const auto& w : a) {
            if (r < w.weight)
                return w.value;
            r -= w.weight;
        }
        return a[0].value;
    }

private:
    std::mt19937_64 m_g;
};

// ---- Time ------------------------------------------------------------------------------------------

constexpr int64_t kDay = 86400;

// A moment between minDays and maxDays whole days (plus a random time of day) before now. The days are
// drawn first, then the time of day, in two statements so that the order does not depend on the compiler.
int64_t timeBefore(Rng& r, int64_t now, int64_t minDays, int64_t maxDays)
{
    const int64_t days = r.range(minDays, maxDays);
    const int64_t seconds = r.range(0, kDay - 1);
    return now - days * kDay - seconds;
}

void civil(int64_t days, int& y, unsigned& m, unsigned& d)
{
    days += 719468;
    const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const unsigned doe = unsigned(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t yy = int64_t(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = int(yy + (m <= 2));
}

int64_t floorDiv(int64_t a, int64_t b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

// ISO 8601; offsetMinutes 0 gives "Z".
string iso(int64_t t, int offsetMinutes = 0)
{
    const int64_t local = t + offsetMinutes * 60;
    const int64_t days = floorDiv(local, kDay);
    const int64_t sod = local - days * kDay;
    int y;
    unsigned m, d;
    civil(days, y, m, d);
    char buf[40];
    if (offsetMinutes == 0)
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", y, m, d, int(sod / 3600),
                      int(sod / 60 % 60), int(sod % 60));
    else
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d%c%02d:%02d", y, m, d, int(sod / 3600),
                      int(sod / 60 % 60), int(sod % 60), offsetMinutes < 0 ? '-' : '+',
                      std::abs(offsetMinutes) / 60, std::abs(offsetMinutes) % 60);
    return buf;
}

string isoDate(int64_t t)
{
    return iso(t).substr(0, 10);
}

// RFC 5322 date-time.
string rfc5322(int64_t t, int offsetMinutes)
{
    static const char* const wd[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
    static const char* const mn[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const int64_t local = t + offsetMinutes * 60;
    const int64_t days = floorDiv(local, kDay);
    const int64_t sod = local - days * kDay;
    int y;
    unsigned m, d;
    civil(days, y, m, d);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s, %02u %s %04d %02d:%02d:%02d %c%02d%02d", wd[((days % 7) + 7) % 7], d,
                  mn[m - 1], y, int(sod / 3600), int(sod / 60 % 60), int(sod % 60),
                  offsetMinutes < 0 ? '-' : '+', std::abs(offsetMinutes) / 60, std::abs(offsetMinutes) % 60);
    return buf;
}

// mbox "From " line date (asctime format, UTC).
string asctime(int64_t t)
{
    const string r = rfc5322(t, 0); // "Tue, 03 Nov 2026 10:00:00 +0000"
    char buf[40];
    const int day = std::atoi(r.substr(5, 2).c_str());
    std::snprintf(buf, sizeof buf, "%s %s %2d %s %s", r.substr(0, 3).c_str(), r.substr(8, 3).c_str(), day,
                  r.substr(17, 8).c_str(), r.substr(12, 4).c_str());
    return buf;
}

// ---- Output ----------------------------------------------------------------------------------------

class File
{
public:
    File() = default;
    explicit File(const QString& path) { open(path); }
    ~File() { close(); }
    File(const File&) = delete;
    File& operator=(const File&) = delete;
    void open(const QString& path)
    {
        close();
        m_path = path;
        m_f = std::fopen(QFile::encodeName(path).constData(), "wb");
        if (!m_f)
            throw Error::internal(QStringLiteral("cannot write %1").arg(path));
        std::setvbuf(m_f, nullptr, _IOFBF, 1 << 20);
    }
    void write(string_view s)
    {
        if (std::fwrite(s.data(), 1, s.size(), m_f) != s.size())
            throw Error::internal(QStringLiteral("write failed: %1").arg(m_path));
    }
    void close()
    {
        if (m_f && std::fclose(m_f) != 0) {
            m_f = nullptr;
            throw Error::internal(QStringLiteral("write failed: %1").arg(m_path));
        }
        m_f = nullptr;
    }

private:
    std::FILE* m_f = nullptr;
    QString m_path;
};

// CSV rows (RFC 4180; fields quoted only when needed).
class Row
{
public:
    explicit Row(const char* eol = "\r\n") : m_eol(eol) {}
    Row& operator<<(string_view v)
    {
        if (m_n++ > 0)
            m_s += ',';
        if (v.find_first_of(",\"\r\n") == string_view::npos) {
            m_s += v;
        } else {
            m_s += '"';
            for (char c : v) {
                if (c == '"')
                    m_s += '"';
                m_s += c;
            }
            m_s += '"';
        }
        return *this;
    }
    Row& operator<<(int64_t v) { return *this << string_view(std::to_string(v)); }
    Row& operator<<(const string& v) { return *this << string_view(v); }
    Row& operator<<(const char* v) { return *this << string_view(v); }
    const string& done()
    {
        m_s += m_eol;
        return m_s;
    }
    void clear()
    {
        m_s.clear();
        m_n = 0;
    }

private:
    string m_s;
    int m_n = 0;
    const char* m_eol;
};

string lower(string_view s)
{
    string r(s);
    for (char& c : r)
        if (c >= 'A' && c <= 'Z')
            c = char(c + 32);
    return r;
}

string slug(string_view s)
{
    string r;
    for (char c : s) {
        if (c >= 'A' && c <= 'Z')
            r += char(c + 32);
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            r += c;
    }
    return r;
}

string htmlEscape(string_view s)
{
    string r;
    for (char c : s) {
        switch (c) {
        case '&':
            r += "&amp;";
            break;
        case '<':
            r += "&lt;";
            break;
        case '>':
            r += "&gt;";
            break;
        case '"':
            r += "&quot;";
            break;
        default:
            r += c;
        }
    }
    return r;
}

bool isAscii(string_view s)
{
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 128; });
}

string hex(uint64_t v, int digits)
{
    static const char h[] = "0123456789abcdef";
    string r(size_t(digits), '0');
    for (int i = digits - 1; i >= 0; --i, v >>= 4)
        r[size_t(i)] = h[v & 15];
    return r;
}

string replaceAll(string s, string_view from, string_view to)
{
    for (size_t p = s.find(from); p != string::npos; p = s.find(from, p + to.size()))
        s.replace(p, from.size(), to);
    return s;
}

// ---- Profiles --------------------------------------------------------------------------------------

enum Flag : uint32_t
{
    HighComplaint = 1u << 0,
    HighBounce = 1u << 1,
    HighUnsub = 1u << 2,
    LowOpen = 1u << 3,
    ForbiddenSource = 1u << 4,
    UnknownImport = 1u << 5,
    InvalidConsent = 1u << 6,
    Stale = 1u << 7,
    RoleEvidence = 1u << 8,
    Unprovable = 1u << 9,
    DirtyListFile = 1u << 10,
    CleanImport = 1u << 11,
    NoUnsubLink = 1u << 12,
    NoPostal = 1u << 13,
    NoOneClick = 1u << 14,
    Deceptive = 1u << 15,
    DmarcFail = 1u << 16,
    Restricted = 1u << 17,
    Ring = 1u << 18,
    SuspendedHub = 1u << 19,
    Evader = 1u << 20,
    ProofExpired = 1u << 21,
    ComplaintNoWarn = 1u << 22,
    ComplaintAfterWarn = 1u << 23,
    OldComplaint = 1u << 24, // a complaint outside the review window, and a fresh proof request
    Terminated = 1u << 25,   // exported with status terminated
};
constexpr uint32_t kMessageFlags =
    NoUnsubLink | NoPostal | NoOneClick | Deceptive | DmarcFail | Restricted | Ring | SuspendedHub | Evader;
constexpr uint32_t kListFileFlags = ForbiddenSource | UnknownImport | DirtyListFile | CleanImport;

// Fixed profiles of the first accounts of every block of 1,000 (offset → flags), so that a small
// bundle shows every rule. Documented in resources/demo/README.md.
constexpr uint32_t kFixed[] = {
    /* 0 */ CleanImport,
    /* 1 */ HighComplaint | ComplaintNoWarn,
    /* 2 */ HighBounce,
    /* 3 */ HighUnsub,
    /* 4 */ LowOpen,
    /* 5 */ ForbiddenSource, // purchased
    /* 6 */ ForbiddenSource, // rented
    /* 7 */ ForbiddenSource, // public_web (scraped)
    /* 8 */ UnknownImport,
    /* 9 */ InvalidConsent,
    /* 10 */ Stale,
    /* 11 */ RoleEvidence | Unprovable,
    /* 12 */ DirtyListFile,
    /* 13 */ NoUnsubLink | NoPostal,
    /* 14 */ NoOneClick | Deceptive,
    /* 15 */ DmarcFail | Restricted,
    /* 16 */ Ring,
    /* 17 */ Ring,
    /* 18 */ Ring,
    /* 19 */ SuspendedHub,
    /* 20 */ Evader,
    /* 21 */ ProofExpired,
    /* 22 */ ComplaintAfterWarn,
    /* 23 */ ForbiddenSource, // third_party
    /* 24 */ OldComplaint,
};
constexpr int64_t kFixedCount = int64_t(sizeof kFixed / sizeof kFixed[0]);

constexpr uint32_t kRandomViolations[] = {HighComplaint | ComplaintNoWarn,
                                          HighBounce,
                                          HighUnsub,
                                          LowOpen,
                                          ForbiddenSource,
                                          UnknownImport,
                                          InvalidConsent,
                                          Stale,
                                          RoleEvidence,
                                          Unprovable,
                                          DirtyListFile,
                                          NoUnsubLink,
                                          NoPostal,
                                          NoOneClick,
                                          Deceptive,
                                          DmarcFail,
                                          Restricted,
                                          ProofExpired,
                                          ComplaintAfterWarn};

uint32_t profileFor(uint64_t seed, int64_t index)
{
    const int64_t offset = index % 1000;
    if (offset < kFixedCount)
        return kFixed[offset];
    Rng r(seed, uint64_t(index), 1);
    if (r.chance(0.66))
        return r.chance(0.15) ? uint32_t(CleanImport) : 0u;
    uint32_t f = r.pick(kRandomViolations);
    if (r.chance(0.3))
        f |= r.pick(kRandomViolations);
    if ((f & ForbiddenSource) && r.chance(0.1))
        f |= Terminated;
    return f;
}

// Share of a total spread evenly over n slots: slot i gets floor((i+1)T/n) - floor(iT/n).
int64_t shareOf(int64_t total, int64_t n, int64_t i)
{
    if (n <= 0)
        return 0;
    const auto part = [&](int64_t k) { return int64_t((__int128)total * k / n); };
    return part(i + 1) - part(i);
}

// ---- Accounts --------------------------------------------------------------------------------------

struct ListInfo
{
    string id, name, source;
    bool evidence = true; // evidence rows refer to it
    bool file = false;    // lists/<acc>/<id>.csv written
    bool dirty = false;
    int64_t acquiredAt = 0;
};

struct Account
{
    int64_t index = 0;
    uint32_t flags = 0;
    string id, name, domain, ownerEmail, postal, website, status, flagReason;
    std::vector<string> from;
    string linkDomain; // where its messages link to
    string sender;     // From address used in messages and campaigns
    string senderName;
    int64_t signupAt = 0, flaggedAt = 0;
    bool intl = false;
    std::vector<ListInfo> lists;
    std::vector<int64_t> campaignTimes;
    std::vector<string> subjects;
};

struct Person
{
    string first, last, email;
};

class Generator
{
public:
    explicit Generator(const Options& o) : m_o(o) {}
    Totals run();

private:
    Account makeAccount(int64_t index, Rng& r);
    Person person(Rng& r, string_view domainOverride = {});
    string ip(Rng& r);
    void writeCampaigns(Account& a, Rng& r);
    void writeLists(Account& a, Rng& r, int64_t rows);
    void writeListFile(const Account& a, const ListInfo& l, Rng& r, int64_t rows);
    void writeEvidence(const Account& a, Rng& r, int64_t rows);
    void writeComplaints(const Account& a, Rng& r);
    void writeArf(const Account& a, Rng& r, int64_t at, const string& rcpt, int n);
    void writeHistory(const Account& a);
    void writeMessages(const Account& a, Rng& r, int64_t count);
    string message(const Account& a, Rng& r, int64_t j, bool crlf);
    string ringDomain(int64_t block) const;
    string hubDomain(int64_t block) const;

    const Options& m_o;
    QDir m_dir;
    File m_accounts, m_campaigns, m_lists, m_evidence, m_complaints, m_history;
    std::unordered_set<string> m_usedDomains;
    Totals m_t;
};

string Generator::ringDomain(int64_t block) const
{
    return block == 0 ? string("serbamurah-promo.com") : "serbamurah-promo" + std::to_string(block) + ".com";
}

string Generator::hubDomain(int64_t block) const
{
    return block == 0 ? string("grosir-kilat.xyz") : "grosir-kilat" + std::to_string(block) + ".xyz";
}

Person Generator::person(Rng& r, string_view domainOverride)
{
    Person p;
    p.first = string(r.pick(text::kFirstNames));
    p.last = string(r.pick(text::kLastNames));
    string domain(domainOverride);
    if (domain.empty())
        domain = r.chance(0.85) ? string(r.weighted(text::kSubscriberDomains))
                                : string(r.pick(text::kCompanyDomains));
    string local;
    switch (r.below(5)) {
    case 0:
        local = lower(p.first) + "." + lower(p.last);
        break;
    case 1:
        local = lower(p.first) + lower(p.last) + std::to_string(r.range(1, 99));
        break;
    case 2:
        local = lower(p.first) + "_" + std::to_string(r.range(1970, 2006));
        break;
    case 3:
        local = lower(p.first.substr(0, 1)) + lower(p.last) + std::to_string(r.range(1, 999));
        break;
    default:
        local = lower(p.first) + "." + lower(p.last) + std::to_string(r.range(1, 9999));
        break;
    }
    p.email = local + "@" + domain;
    return p;
}

string Generator::ip(Rng& r)
{
    static const char* const prefixes[] = {"36.68.", "114.124.", "180.252.", "110.136.", "182.1.", "103.47."};
    // One random draw per statement: the order of evaluation inside one expression is unspecified in
    // C++, and GCC and Clang differ, which would make the output depend on the compiler.
    if (r.chance(0.1)) {
        const uint64_t g1 = r.below(65536);
        const uint64_t g2 = r.below(65536);
        const uint64_t g3 = r.below(65536);
        const int width = 1 + int(r.below(4));
        return "2001:448a:" + hex(g1, 4) + ":" + hex(g2, 4) + "::" + hex(g3, width);
    }
    const string prefix = r.pick(prefixes);
    const int64_t third = r.range(0, 255);
    const int64_t fourth = r.range(1, 254);
    return prefix + std::to_string(third) + "." + std::to_string(fourth);
}

Account Generator::makeAccount(int64_t index, Rng& r)
{
    Account a;
    a.index = index;
    a.flags = profileFor(m_o.seed, index);
    a.id = "A" + std::to_string(100001 + index);
    a.intl = r.chance(0.22);
    string domainBase;
    if (a.intl) {
        const string_view w = r.pick(text::kIntlWords);
        const string_view t = r.pick(text::kIntlTrades);
        a.name = string(w) + " " + string(t);
        if (r.chance(0.4))
            a.name += " " + string(r.pick(text::kIntlSuffixes));
        domainBase = slug(w) + (r.chance(0.5) ? "-" : "") + slug(t);
        domainBase += "." + string(r.pick(text::kIntlTlds));
    } else {
        const string_view p = r.pick(text::kIdPrefixes);
        const string_view w = r.pick(text::kIdWords);
        a.name = string(p) + " " + string(w);
        string tradeSlug;
        if (r.chance(0.6)) {
            const string_view t = r.pick(text::kIdTrades);
            a.name += " " + string(t);
            tradeSlug = slug(t);
        }
        domainBase = slug(w) + (tradeSlug.empty() ? string() : (r.chance(0.5) ? "-" : "") + tradeSlug);
        domainBase += "." + string(r.pick(text::kTlds));
    }
    // Unique domains: an accidental shared domain would be a false multi-account overlap.
    a.domain = domainBase;
    for (int n = 2; !m_usedDomains.insert(a.domain).second; ++n) {
        const auto dot = domainBase.find('.');
        a.domain = domainBase.substr(0, dot) + std::to_string(n) + domainBase.substr(dot);
    }
    if (a.intl) {
        a.postal = string(r.pick(text::kIntlAddresses));
    } else {
        const auto& s = r.pick(text::kIdStreets);
        const int64_t no = r.range(1, 250);
        switch (r.below(4)) {
        case 0:
            a.postal = string(s.street) + " No. " + std::to_string(no) + ", " + string(s.district) + ", " +
                       string(s.city) + " " + string(s.postcode) + ", Indonesia";
            break;
        case 1: {
            const string word(r.pick(text::kIdWords));
            const char blok = char('A' + r.below(8));
            const int64_t unit = r.range(1, 40);
            a.postal = "Ruko " + word + " Blok " + blok + " No. " + std::to_string(unit) + ", " +
                       string(s.street) + ", " + string(s.city) + " " + string(s.postcode);
            break;
        }
        case 2: {
            const string word(r.pick(text::kIdWords));
            const int64_t floor = r.range(2, 20);
            a.postal = "Gedung \"Graha " + word + "\" Lt. " + std::to_string(floor) + ", " +
                       string(s.street) + " Kav. " + std::to_string(no) + ", " + string(s.city) + " " +
                       string(s.postcode);
            break;
        }
        default: {
            const int64_t rt = r.range(1, 9);
            const int64_t rw = r.range(1, 9);
            a.postal = string(s.street) + " " + std::to_string(no) + ", RT 0" + std::to_string(rt) + "/RW 0" +
                       std::to_string(rw) + ", " + string(s.district) + ", " + string(s.city) + " " +
                       string(s.postcode);
        }
        }
    }
    a.website = r.chance(0.9) ? "https://www." + a.domain + "/" : string();
    const Person owner = person(r);
    a.ownerEmail = r.chance(0.6) ? owner.email : lower(owner.first) + "@" + a.domain;
    a.from = {"news@" + a.domain};
    if (r.chance(0.5))
        a.from.push_back((a.intl ? "hello@" : "promo@") + a.domain);
    a.linkDomain = "www." + a.domain;
    a.sender = a.from[0];
    a.senderName = a.name;
    const int64_t block = index / 1000;
    if (a.flags & Ring) {
        a.from.push_back("promo@" + ringDomain(block));
        a.sender = "promo@" + ringDomain(block);
        a.senderName = "Promo Serba Murah";
        a.linkDomain = ringDomain(block);
    }
    if (a.flags & (SuspendedHub | Evader)) {
        a.from.push_back("sales@" + hubDomain(block));
        a.sender = "sales@" + hubDomain(block);
        a.senderName = "Grosir Kilat";
        a.linkDomain = hubDomain(block);
    }
    const int64_t now = m_o.exportedAt;
    a.signupAt = timeBefore(r, now, 200, 2600);
    a.status = (a.flags & SuspendedHub)         ? "suspended"
               : (a.flags & Terminated)         ? "terminated"
               : (a.flags & ComplaintAfterWarn) ? "warned"
                                                : "active";
    const bool violating = (a.flags & ~uint32_t(CleanImport)) != 0;
    if (violating || r.chance(0.3)) {
        a.flaggedAt = timeBefore(r, now, 1, 20);
        if (a.flags & (HighComplaint | ComplaintNoWarn | ComplaintAfterWarn))
            a.flagReason = "complaint spike";
        else if (a.flags & HighBounce)
            a.flagReason = "bounce rate above platform threshold";
        else if (a.flags & (ForbiddenSource | UnknownImport | DirtyListFile))
            a.flagReason = "list import from unknown source";
        else if (a.flags & (Ring | SuspendedHub | Evader))
            a.flagReason = "shared sending infrastructure with another account";
        else if (a.flags & (Restricted | Deceptive))
            a.flagReason = "content filter match";
        else if (!violating)
            a.flagReason = "random compliance sample";
        else
            a.flagReason = string(r.pick(text::kFlagReasons));
    }
    return a;
}

// ---- Campaigns -------------------------------------------------------------------------------------

void Generator::writeCampaigns(Account& a, Rng& r)
{
    const int64_t n = m_o.campaignsPerAccount;
    const int64_t now = m_o.exportedAt;
    a.campaignTimes.clear();
    a.subjects.clear();
    Row row;
    for (int64_t c = 1; c <= n; ++c) {
        const int64_t daysAgo = 3 + (n - c) * 170 / std::max<int64_t>(n, 1);
        const int64_t hoursEarlier = r.range(2, 14);
        const int64_t at = now - daysAgo * kDay - hoursEarlier * 3600 - r.range(0, 3599);
        a.campaignTimes.push_back(at);
        string subject = string(a.intl ? r.pick(text::kSubjectsEn) : r.pick(text::kSubjectsId));
        if (a.flags & Ring)
            subject = "PROMO GILA! Semua diskon 70% hanya hari ini";
        a.subjects.push_back(subject);
        const bool violating = c > n - 2; // the latest campaigns carry the rate violations
        int64_t sent = int64_t(std::exp(r.uniform(std::log(300.0), std::log(60000.0))));
        if (violating && (a.flags & (HighComplaint | HighBounce | HighUnsub | LowOpen)))
            sent = std::max<int64_t>(sent, r.range(2000, 40000));
        const double bounceRate =
            violating && (a.flags & HighBounce) ? r.uniform(0.06, 0.18) : r.uniform(0.003, 0.025);
        const double complaintRate =
            violating && (a.flags & HighComplaint) ? r.uniform(0.003, 0.012) : r.uniform(0.0, 0.0008);
        const double unsubRate =
            violating && (a.flags & HighUnsub) ? r.uniform(0.012, 0.04) : r.uniform(0.0005, 0.006);
        const double openRate =
            violating && (a.flags & LowOpen) ? r.uniform(0.003, 0.025) : r.uniform(0.08, 0.45);
        const int64_t bounces = std::llround(double(sent) * bounceRate);
        const int64_t delivered = sent - bounces;
        const int64_t complaints = std::llround(double(delivered) * complaintRate);
        const int64_t unsubs = std::llround(double(delivered) * unsubRate);
        const int64_t opens = std::llround(double(delivered) * openRate);
        string lists = "L1";
        if (a.lists.size() > 1 && r.chance(0.6))
            lists = r.chance(0.5) ? "L1;" + a.lists[1].id : a.lists[1].id;
        row.clear();
        row << a.id << "C" + std::to_string(c) << (r.chance(0.3) ? iso(at, 420) : iso(at)) << subject
            << a.sender << lists << sent << delivered << bounces;
        if (r.chance(0.7))
            row << std::llround(double(bounces) * r.uniform(0.3, 0.8));
        else
            row << "";
        row << complaints << unsubs << opens;
        if (r.chance(0.8))
            row << std::llround(double(opens) * r.uniform(0.05, 0.25));
        else
            row << "";
        m_campaigns.write(row.done());
        ++m_t.campaigns;
    }
}

// ---- Lists and list files --------------------------------------------------------------------------

void Generator::writeLists(Account& a, Rng& r, int64_t rows)
{
    static const char* const cleanSources[] = {"signup_form", "checkbox", "double_opt_in", "customers",
                                               "offline_form"};
    ListInfo l1;
    l1.id = "L1";
    l1.source = (a.flags & InvalidConsent) ? "checkbox" : cleanSources[r.below(5)];
    l1.name = a.intl ? "Newsletter subscribers" : "Pelanggan newsletter";
    l1.acquiredAt = a.signupAt + r.range(1, 60) * kDay;
    a.lists.push_back(l1);
    if (a.flags & kListFileFlags) {
        ListInfo l2;
        l2.id = "L2";
        l2.file = true;
        l2.acquiredAt = m_o.exportedAt - r.range(20, 120) * kDay;
        if (a.flags & ForbiddenSource) {
            const int64_t off = a.index % 1000;
            static const char* const forbidden[] = {"purchased", "rented", "third_party", "public_web"};
            l2.source = off == 5    ? "purchased"
                        : off == 6  ? "rented"
                        : off == 7  ? "public_web"
                        : off == 23 ? "third_party"
                                    : forbidden[r.below(4)];
            l2.name = l2.source == "purchased"    ? "Database 50rb email aktif (beli)"
                      : l2.source == "rented"     ? "Sewa list partner Q3"
                      : l2.source == "public_web" ? "Kontak dari direktori web"
                                                  : "Leads dari mitra";
            l2.evidence = false;
            l2.dirty = true;
        } else if (a.flags & UnknownImport) {
            l2.source = (a.index % 1000 == 8 || r.chance(0.5)) ? "unknown" : "import";
            l2.name = "import_lama.xlsx";
            l2.evidence = false;
            l2.dirty = true;
        } else if (a.flags & DirtyListFile) {
            l2.source = "import";
            l2.name = "Kontak pameran 2026";
            l2.dirty = true;
        } else {
            l2.source = "import";
            l2.name = a.intl ? "CRM export" : "Ekspor pelanggan toko";
        }
        a.lists.push_back(l2);
    }
    if (r.chance(0.25)) {
        ListInfo l3;
        l3.id = "L" + std::to_string(a.lists.size() + 1);
        l3.source = "double_opt_in";
        l3.name = a.intl ? "VIP club" : "Member VIP";
        l3.acquiredAt = a.signupAt + r.range(60, 180) * kDay;
        a.lists.push_back(l3);
    }
    Row row;
    for (const ListInfo& l : a.lists) {
        row.clear();
        const int64_t size = l.file ? rows : r.range(200, 80000);
        row << a.id << l.id << l.name << l.source << (r.chance(0.85) ? isoDate(l.acquiredAt) : string())
            << size << (l.source == "double_opt_in" ? "true" : (r.chance(0.5) ? "false" : ""));
        m_lists.write(row.done());
        ++m_t.lists;
        if (l.file)
            writeListFile(a, l, r, rows);
    }
}

void Generator::writeListFile(const Account& a, const ListInfo& l, Rng& r, int64_t rows)
{
    const QString dir = QStringLiteral("lists/") + QString::fromStdString(a.id);
    m_dir.mkpath(dir);
    File f(m_dir.filePath(dir + QLatin1Char('/') + QString::fromStdString(l.id) + QStringLiteral(".csv")));
    const char* eol = (a.index % 2) ? "\n" : "\r\n";
    if (a.index % 5 == 0)
        f.write("\xEF\xBB\xBF");
    Row row(eol);
    row << "email"
        << "first_name"
        << "last_name"
        << "city"
        << "note";
    f.write(row.done());
    static const char* const cities[] = {"Jakarta",  "Bandung",    "Surabaya", "Medan",
                                         "Denpasar", "Yogyakarta", "Makassar"};
    const double pInvalid = l.dirty ? r.uniform(0.02, 0.06) : r.uniform(0.0, 0.005);
    const double pDisposable = l.dirty ? r.uniform(0.02, 0.05) : r.uniform(0.0, 0.005);
    const double pTypo = l.dirty ? r.uniform(0.01, 0.03) : r.uniform(0.0, 0.003);
    const double pRole = l.dirty ? r.uniform(0.01, 0.04) : 0.0;
    const double pDup = l.dirty ? r.uniform(0.01, 0.03) : r.uniform(0.0, 0.004);
    string recent[32];
    int64_t filled = 0;
    for (int64_t i = 0; i < rows; ++i) {
        Person p = person(r);
        string email = p.email;
        const double u = r.unit();
        double acc = pInvalid;
        if (u < acc) {
            email = string(r.pick(text::kInvalid));
        } else if (u < (acc += pDisposable)) {
            const int64_t suffix = r.range(1, 9999);
            email = lower(p.first) + std::to_string(suffix) + "@" + string(r.pick(text::kDisposable));
            if (r.chance(0.2)) {
                const int64_t sub = r.range(1, 99);
                email = lower(p.first) + "@x" + std::to_string(sub) + "." + string(r.pick(text::kDisposable));
            }
        } else if (u < (acc += pTypo)) {
            email = email.substr(0, email.find('@') + 1) + string(r.pick(text::kTypos));
        } else if (u < (acc += pRole)) {
            const string role(r.pick(text::kRoles));
            email = role + "@" + string(r.pick(text::kCompanyDomains));
        } else if (u < (acc += pDup) && filled > 0) {
            email = recent[r.below(uint64_t(std::min<int64_t>(filled, 32)))];
            if (r.chance(0.5)) // a folded duplicate: different case
                for (char& c : email)
                    if (c >= 'a' && c <= 'z' && r.chance(0.3))
                        c = char(c - 32);
        }
        recent[filled % 32] = email;
        ++filled;
        row.clear();
        string first = p.first;
        if (r.chance(0.05))
            first = string(r.pick(text::kLastNames)) + ", " + p.first; // a comma: quoted field
        row << (r.chance(0.02) ? " " + email + " " : email) << first << p.last << cities[r.below(7)]
            << (r.chance(0.03) ? string("pelanggan \"VIP\"\nsejak 2021")
                               : (r.chance(0.05) ? string("Café Müller") : string()));
        f.write(row.done());
    }
    ++m_t.listFiles;
    m_t.listRows += rows;
}

// ---- Evidence --------------------------------------------------------------------------------------

void Generator::writeEvidence(const Account& a, Rng& r, int64_t rows)
{
    const int64_t now = m_o.exportedAt;
    std::vector<const ListInfo*> targets;
    for (const ListInfo& l : a.lists)
        if (l.evidence)
            targets.push_back(&l);
    Row row;
    for (int64_t i = 0; i < rows; ++i) {
        const ListInfo& l = *targets[size_t(i) % targets.size()];
        Person p = person(r);
        string subscriber = p.email;
        if ((a.flags & RoleEvidence) && r.chance(0.12)) {
            const string role(r.pick(text::kRoles));
            subscriber = role + "@" + string(r.pick(text::kCompanyDomains));
        }
        string method;
        if (l.source == "signup_form")
            method = "signup_form";
        else if (l.source == "checkbox")
            method = "checkbox";
        else if (l.source == "double_opt_in")
            method = "double_opt_in";
        else if (l.source == "customers")
            method = "purchase";
        else if (l.source == "offline_form")
            method = "offline_form";
        else
            method = r.chance(0.5) ? "signup_form" : "double_opt_in"; // an import backed by web sign-ups
        int64_t consentAt = timeBefore(r, now, 10, 690);
        int64_t lastContacted = timeBefore(r, now, 4, 60);
        bool hasLastContacted = r.chance(0.85);
        string source;
        if (method == "signup_form")
            source = "https://www." + a.domain + (a.intl ? "/subscribe" : "/daftar");
        else if (method == "checkbox")
            source = "https://www." + a.domain + "/checkout";
        else if (method == "double_opt_in")
            source = "https://www." + a.domain + "/newsletter";
        else if (method == "purchase")
            source = "online shop " + a.domain;
        else
            source = string(r.pick(text::kEvents));
        string checkbox = method == "checkbox" ? "unchecked" : "";
        string explained = method == "offline_form" ? "true" : "";
        string consentText = method == "purchase" ? string() : string(r.pick(text::kConsentTexts));
        string confirmed = method == "double_opt_in" ? iso(consentAt + r.range(60, 7200)) : string();
        string lastPurchase = method == "purchase" ? iso(now - r.range(5, 500) * kDay) : string();
        bool hasConsentAt = true;
        string ipAddr =
            (method == "signup_form" || method == "checkbox" || method == "double_opt_in") ? ip(r) : string();

        if ((a.flags & InvalidConsent) && r.chance(0.25)) {
            switch (r.below(4)) {
            case 0:
                method = "none";
                hasConsentAt = false;
                source.clear();
                consentText.clear();
                confirmed.clear();
                break;
            case 1:
                method = "checkbox";
                checkbox = "checked";
                confirmed.clear();
                break;
            case 2:
                method = "offline_form";
                source = string(r.pick(text::kEvents));
                explained = r.chance(0.5) ? "false" : "";
                checkbox.clear();
                confirmed.clear();
                ipAddr.clear();
                break;
            default:
                method = "purchase";
                lastPurchase = r.chance(0.5) ? iso(now - r.range(800, 2000) * kDay) : string();
                checkbox.clear();
                confirmed.clear();
                source = "online shop " + a.domain;
            }
        }
        if ((a.flags & Stale) && r.chance(0.45)) {
            consentAt = now - r.range(1100, 2200) * kDay;
            if (r.chance(0.7)) {
                lastContacted = now - r.range(800, 1500) * kDay;
                hasLastContacted = true;
            } else {
                hasLastContacted = false;
            }
            if (!confirmed.empty())
                confirmed = iso(consentAt + r.range(60, 7200));
        }
        if ((a.flags & Unprovable) && r.chance(0.2)) {
            if (r.chance(0.5))
                hasConsentAt = false;
            else
                source.clear();
        }
        string consent;
        if (hasConsentAt) {
            const uint64_t form = r.below(10);
            consent = form < 7 ? iso(consentAt) : form < 9 ? iso(consentAt, 420) : isoDate(consentAt);
        }
        row.clear();
        row << a.id << l.id << subscriber << method << consent << source << ipAddr << checkbox << explained
            << consentText << confirmed << lastPurchase << (hasLastContacted ? iso(lastContacted) : string());
        m_evidence.write(row.done());
        ++m_t.evidence;
    }
}

// ---- Complaints, ARF and history -------------------------------------------------------------------

void Generator::writeArf(const Account& a, Rng& r, int64_t at, const string& rcpt, int n)
{
    const QString dir = QStringLiteral("complaints/") + QString::fromStdString(a.id);
    m_dir.mkpath(dir);
    File f(m_dir.filePath(dir + QStringLiteral("/report-%1.eml").arg(n)));
    struct Fbl
    {
        const char* from;
        const char* agent;
    };
    static const Fbl fbls[] = {
        {"Yahoo! Mail AntiSpam Feedback <feedback@arf.mail.yahoo.com>", "Yahoo!-Mail-Feedback/2.0"},
        {"AOL Feedback Loop <scomp@aol.net>", "AOL SComp"},
        {"Microsoft JMRP <staff@hotmail.com>", "Microsoft-JMRP/1.0"}};
    const Fbl& fbl = fbls[r.below(3)];
    const size_t c = a.campaignTimes.empty() ? 0 : size_t(r.below(a.campaignTimes.size()));
    const int64_t sentAt = a.campaignTimes.empty() ? at - 3600 : std::min(a.campaignTimes[c], at - 60);
    const string boundary = "=_arf_" + hex(r.next(), 16);
    const string sourceIp = "203.0.113." + std::to_string(r.range(2, 250));
    const string token = hex(r.next(), 12);
    const string subject = a.subjects.empty() ? string("Newsletter") : a.subjects[c];
    string s;
    s += "From: " + string(fbl.from) + "\r\n";
    s += "To: fbl@optimais.example\r\n";
    s += "Subject: Abuse report for: " + (isAscii(subject) ? subject : string("(message)")) + "\r\n";
    s += "Date: " + rfc5322(at, 0) + "\r\n";
    s += "Message-ID: <arf." + token + "@feedback.example>\r\n";
    s += "MIME-Version: 1.0\r\n";
    s += "Content-Type: multipart/report; report-type=feedback-report;\r\n\tboundary=\"" + boundary +
         "\"\r\n\r\n";
    s += "This is a multi-part message in MIME format.\r\n\r\n";
    s += "--" + boundary +
         "\r\nContent-Type: text/plain; charset=us-ascii\r\nContent-Transfer-Encoding: 7bit\r\n\r\n";
    s += "This is an email abuse report for an email message received from IP " + sourceIp + " on " +
         rfc5322(sentAt, 0) + ".\r\nThe recipient marked the message as spam.\r\n\r\n";
    s += "--" + boundary + "\r\nContent-Type: message/feedback-report\r\n\r\n";
    s += "Feedback-Type: abuse\r\nUser-Agent: " + string(fbl.agent) + "\r\nVersion: 1\r\n";
    s += "Original-Mail-From: <bounce-" + lower(a.id) + "-" + token + "@bounces." + a.domain + ">\r\n";
    s += "Original-Rcpt-To: <" + rcpt + ">\r\n";
    s += "Arrival-Date: " + rfc5322(sentAt + 40, 0) + "\r\n";
    s += "Source-IP: " + sourceIp + "\r\n";
    s += "Reported-Domain: " + a.domain + "\r\n\r\n";
    const bool full = r.chance(0.5);
    s += "--" + boundary + "\r\nContent-Type: " + (full ? "message/rfc822" : "text/rfc822-headers") +
         "\r\nContent-Disposition: inline\r\n\r\n";
    s += "Return-Path: <bounce-" + lower(a.id) + "-" + token + "@bounces." + a.domain + ">\r\n";
    s += "From: \"" + a.senderName + "\" <" + a.sender + ">\r\n";
    s += "To: " + rcpt + "\r\n";
    s += "Subject: " + (isAscii(subject) ? subject : encodedWordsUtf8(subject)) + "\r\n";
    s += "Date: " + rfc5322(sentAt, 420) + "\r\n";
    s += "Message-ID: <" + lower(a.id) + "." + token + "@" + a.domain + ">\r\n";
    s += "X-Campaign-ID: C" + std::to_string(c + 1) + "\r\n";
    s += "MIME-Version: 1.0\r\n";
    s += "Content-Type: text/plain; charset=utf-8\r\n";
    if (full) {
        s += "Content-Transfer-Encoding: 8bit\r\n\r\n";
        s += "Halo,\r\n\r\nPromo spesial untuk Anda minggu ini. Kunjungi https://" + a.linkDomain +
             "/promo\r\n";
    }
    s += "\r\n--" + boundary + "--\r\n";
    f.write(s);
    ++m_t.arfReports;
}

void Generator::writeComplaints(const Account& a, Rng& r)
{
    const int64_t now = m_o.exportedAt;
    struct C
    {
        int64_t at;
        bool arf;
    };
    std::vector<C> list;
    if (a.flags & ComplaintNoWarn) {
        const int64_t n = r.range(3, 8);
        for (int64_t i = 0; i < n; ++i)
            list.push_back({timeBefore(r, now, 2, 60), i < 2});
    }
    if (a.flags & ComplaintAfterWarn) {
        list.push_back({now - 80 * kDay + r.range(0, kDay - 1), false}); // before the warning (T-65d)
        list.push_back({now - 72 * kDay + r.range(0, kDay - 1), true});
        const int64_t n = r.range(2, 4);
        for (int64_t i = 0; i < n; ++i)
            list.push_back({timeBefore(r, now, 5, 40), i == 0});
    }
    if (a.flags & OldComplaint)
        list.push_back({now - 200 * kDay, false});
    std::sort(list.begin(), list.end(), [](const C& x, const C& y) { return x.at < y.at; });
    static const char* const sources[] = {"yahoo-fbl", "aol-fbl", "outlook-jmrp", "manual"};
    static const char* const notes[] = {"",
                                        "",
                                        "Pelanggan bilang tidak pernah mendaftar",
                                        "Recipient: never signed up",
                                        "Dilaporkan lewat WhatsApp CS",
                                        ""};
    int arfN = 0;
    Row row;
    for (const C& c : list) {
        const Person p = person(r);
        if (c.arf) {
            writeArf(a, r, c.at, p.email, ++arfN);
            continue;
        }
        row.clear();
        const bool withCampaign = !a.campaignTimes.empty() && r.chance(0.7);
        row << a.id
            << (withCampaign ? "C" + std::to_string(r.range(1, int64_t(a.campaignTimes.size()))) : string())
            << iso(c.at) << p.email << (r.chance(0.9) ? "abuse" : "other") << sources[r.below(4)]
            << notes[r.below(6)];
        m_complaints.write(row.done());
        ++m_t.complaintRows;
    }
}

void Generator::writeHistory(const Account& a)
{
    const int64_t now = m_o.exportedAt;
    Row row;
    auto entry = [&](int64_t at, const char* action, const string& reason, const char* by) {
        row.clear();
        row << a.id << iso(at) << action << reason << by;
        m_history.write(row.done());
        ++m_t.history;
    };
    if (a.flags & ProofExpired)
        entry(now - 30 * kDay, "proof_requested", "Please send proof of consent for list L1 within 14 days",
              "rini.hartono@optimais");
    if (a.flags & OldComplaint)
        entry(now - 5 * kDay, "proof_requested", "Routine consent check", "rini.hartono@optimais");
    if (a.flags & ComplaintAfterWarn)
        entry(now - 65 * kDay, "warn", "Spam complaints on campaign C3; please clean your list",
              "dimas.prakoso@optimais");
    if (a.flags & SuspendedHub) {
        entry(now - 200 * kDay, "warn", "Complaint rate 0.6% on two campaigns", "dimas.prakoso@optimais");
        entry(now - 150 * kDay, "suspend", "Complaints continued after warning", "dimas.prakoso@optimais");
    }
    if (a.flags & Terminated)
        entry(now - 40 * kDay, "terminate", "Purchased list confirmed by the customer",
              "rini.hartono@optimais");
    if (a.flags == 0 && a.index % 37 == 29) {
        entry(now - 420 * kDay, "warn", "Missing postal address in footer", "system");
        entry(now - 410 * kDay, "reinstate", "Footer fixed", "dimas.prakoso@optimais");
    }
}

// ---- Messages --------------------------------------------------------------------------------------

enum MsgKind
{
    Alternative,
    Related,
    TextOnly,
    Latin1,
    Cp1252,
    Koi8r,
    Iso2022jp
};

string Generator::message(const Account& a, Rng& r, int64_t j, bool crlf)
{
    const string nl = "\r\n";
    MsgKind kind;
    const uint64_t k = r.below(12);
    kind = k < 4    ? Alternative
           : k < 6  ? Related
           : k < 7  ? TextOnly
           : k < 8  ? Latin1
           : k < 9  ? Cp1252
           : k < 10 ? Koi8r
           : k < 11 ? Iso2022jp
                    : Alternative;
    if (!a.intl && kind >= Latin1) // other languages and charsets come from the international senders
        kind = k % 2 ? Alternative : TextOnly;
    const bool asciiPostal = isAscii(a.postal);
    const bool latin1Postal =
        asciiPostal || a.postal.find("ß") != string::npos || a.postal.find("é") != string::npos;
    if ((kind == Koi8r || kind == Iso2022jp) && !asciiPostal)
        kind = Alternative;
    if ((kind == Latin1 || kind == Cp1252) && !latin1Postal)
        kind = Alternative;
    if ((a.flags & (Deceptive | Ring | SuspendedHub | Evader)) && kind != Alternative && kind != Related)
        kind = Alternative; // these need the HTML body (deceptive link) or identical content

    const size_t c = a.campaignTimes.empty() ? 0 : size_t(r.below(a.campaignTimes.size()));
    const int64_t at = a.campaignTimes.empty() ? m_o.exportedAt - 10 * kDay : a.campaignTimes[c];
    const string token = hex(r.next(), 16);
    const Person to = person(r);
    const string unsubUrl = "https://" + a.linkDomain + "/unsubscribe?u=" + token.substr(0, 10);
    const bool unsub = !(a.flags & NoUnsubLink);
    const bool postal = !(a.flags & NoPostal);

    // ---- Text in the message's language.
    string subject, greeting, body, cta, unsubText, footerLead;
    string charset = "utf-8";
    switch (kind) {
    case Latin1:
        charset = "iso-8859-1";
        subject = "Herbstaktion: 20 % Rabatt auf alle Größen";
        greeting = "Liebe Kundin, lieber Kunde,";
        body = "unsere neue Kollektion ist da. Für kurze Zeit erhalten Sie 20 % Rabatt auf schöne Stücke in "
               "allen Größen.";
        cta = "Jetzt ansehen";
        unsubText = "Abmelden";
        footerLead = "Mit freundlichen Grüßen";
        break;
    case Cp1252:
        charset = "windows-1252";
        subject = "Nos offres de fin d’année – jusqu’à 30 € offerts";
        greeting = "Chère cliente, cher client,";
        body =
            "nos offres de fin d’année sont arrivées : jusqu’à –30 % sur une sélection… à partir de 49,90 €. "
            "« Livraison offerte » dès 60 €.";
        cta = "Découvrir";
        unsubText = "Se désabonner";
        footerLead = "Cordialement";
        break;
    case Koi8r:
        charset = "koi8-r";
        subject = "Новая коллекция: скидка 20% до воскресенья";
        greeting = "Здравствуйте!";
        body = "Новая коллекция уже в продаже. Скидка 20% на все товары до конца недели.";
        cta = "Смотреть каталог";
        unsubText = "Отписаться от рассылки";
        footerLead = "С уважением";
        break;
    case Iso2022jp:
        charset = "iso-2022-jp";
        subject = "秋の新商品のお知らせ";
        greeting = "こんにちは。";
        body = "秋の新商品が入荷しました。今週末まで全品20%オフです。";
        cta = "商品を見る";
        unsubText = "配信停止";
        footerLead = "よろしくお願いいたします。";
        break;
    default:
        subject = a.subjects.empty() ? string("Newsletter") : a.subjects[c];
        if (a.intl) {
            greeting = "Hi " + to.first + ",";
            body = "Our new season is here, with hand-picked products and free delivery this week.";
            cta = "Shop the collection";
            unsubText = "Unsubscribe";
            footerLead = "Kind regards";
        } else {
            greeting = "Halo " + to.first + ",";
            body = "Kami punya kabar gembira! Koleksi terbaru sudah tersedia dengan harga spesial untuk "
                   "pelanggan "
                   "setia. Gratis ongkir untuk pembelian minggu ini.";
            cta = "Lihat promo";
            unsubText = "Berhenti berlangganan";
            footerLead = "Salam hangat";
        }
        if (r.chance(0.15))
            subject += " 🎁";
    }
    if (a.flags & Ring) {
        greeting = "Halo Kak,";
        body = "PROMO GILA-GILAAN! Semua produk diskon 70% hanya hari ini. Stok terbatas, buruan checkout "
               "sebelum kehabisan!";
        cta = "Belanja sekarang";
    }
    if (a.flags & (SuspendedHub | Evader)) {
        greeting = "Halo Juragan,";
        body =
            "Grosir kilat harga pabrik: kaos polos, hijab, dan sandal mulai Rp 5.000. Minimal order 12 pcs, "
            "kirim hari ini juga.";
        cta = "Order grosir";
    }
    // Account-specific wording (its own rng stream: the same in every message of the account) and a
    // per-message offer, so that unrelated accounts never look like near-duplicates.
    if (!(a.flags & (Ring | SuspendedHub | Evader))) {
        Rng style(m_o.seed, uint64_t(a.index), 3);
        const string city = a.intl ? string("town") : string(style.pick(text::kIdStreets).city);
        const string open = a.intl ? string(style.pick(text::kOpenEn)) : string(style.pick(text::kOpenId));
        const string close = a.intl ? string(style.pick(text::kCloseEn)) : string(style.pick(text::kCloseId));
        string products;
        const uint64_t first = style.below(100);
        for (uint64_t p = 0; p < 3; ++p) {
            const string_view item = a.intl ? text::kProductsEn[(first + p * 7) % text::kProductsEn.size()]
                                            : text::kProductsId[(first + p * 7) % text::kProductsId.size()];
            const int64_t whole = a.intl ? style.range(5, 180) : style.range(15, 950);
            const int64_t cents = a.intl ? style.range(10, 99) : style.range(100, 999);
            products += "\n- " + string(item) + ": " + (a.intl ? "$" : "Rp ") + std::to_string(whole) + "." +
                        std::to_string(cents);
        }
        string offer = a.intl ? string(r.pick(text::kOfferEn)) : string(r.pick(text::kOfferId));
        offer = replaceAll(offer, "{pct}", std::to_string(r.range(5, 60)));
        offer = replaceAll(offer, "{min}", std::to_string(r.range(5, 50) * 10));
        offer = replaceAll(offer, "{date}", isoDate(at + r.range(3, 20) * kDay));
        offer = replaceAll(offer, "{code}", "HEMAT" + hex(r.next(), 4));
        string composed = replaceAll(replaceAll(open, "{brand}", a.name), "{city}", city) + " " + offer +
                          "\n" + products + "\n\n" + close;
        if (kind == Alternative || kind == Related || kind == TextOnly)
            body = composed;
        else
            body += "\n" + products + "\n\nCode: HEMAT" + hex(r.next(), 4);
    }
    string restricted;
    if (a.flags & Restricted)
        restricted = "Bonus: slot gacor hari ini di situs judi online terpercaya, deposit 10rb bonus 100%! "
                     "Tersedia juga obat kuat herbal dan pinjaman online cepat cair tanpa jaminan.";
    const string shopUrl =
        "https://" + a.linkDomain + "/promo?utm_source=email&utm_campaign=c" + std::to_string(c + 1);
    const string name = (a.flags & (Ring | SuspendedHub | Evader)) ? a.senderName : a.name;

    // ---- text/plain
    string text = greeting + "\n\n" + body + "\n\n";
    if (!restricted.empty())
        text += restricted + "\n\n";
    text += cta + ": " + shopUrl + "\n\n";
    if (kind == TextOnly || (a.intl && r.chance(0.3)))
        text += "From our team to you: thank you for reading.\n\n"; // a line starting "From " (mbox quoting)
    text += "-- \n" + footerLead + ",\n" + name + "\n";
    if (postal)
        text += a.postal + "\n";
    if (unsub)
        text += unsubText + ": " + unsubUrl + "\n";

    // ---- text/html
    string html = "<!DOCTYPE html>\n<html><head><meta charset=\"" + charset + "\"><title>" +
                  htmlEscape(subject) + "</title></head>\n<body style=\"font-family:Arial,sans-serif\">\n";
    const bool cidImage = kind == Related;
    if (cidImage)
        html += "<img src=\"cid:logo." + token.substr(0, 8) + "@" + a.domain + "\" alt=\"" +
                htmlEscape(name) + "\" width=\"120\">\n";
    html +=
        "<p>" + htmlEscape(greeting) + "</p>\n<p>" + replaceAll(htmlEscape(body), "\n", "<br>\n") + "</p>\n";
    if (!restricted.empty())
        html += "<p style=\"color:#c00\">" + htmlEscape(restricted) + "</p>\n";
    html += "<p><img src=\"https://cdn." +
            (a.linkDomain.starts_with("www.") ? a.linkDomain.substr(4) : a.linkDomain) + "/img/banner-" +
            std::to_string(c + 1) + ".jpg\" alt=\"Banner\" width=\"600\"></p>\n";
    html += "<p><a href=\"" + htmlEscape(shopUrl) + "\">" + htmlEscape(cta) + "</a></p>\n";
    if (a.flags & Deceptive)
        html += "<p>Verifikasi akun Anda: <a href=\"https://secure-verify-" + lower(a.id) +
                ".top/bca?id=" + token.substr(0, 8) + "\">https://www.klikbca.com/verifikasi</a></p>\n";
    html += "<img src=\"https://" + a.linkDomain + "/o/" + token.substr(0, 12) +
            ".gif\" width=\"1\" height=\"1\" alt=\"\">\n";
    html +=
        "<hr><p style=\"font-size:11px;color:#666\">" + htmlEscape(footerLead) + ",<br>" + htmlEscape(name);
    if (postal)
        html += "<br>" + htmlEscape(a.postal);
    if (unsub)
        html += "<br><a href=\"" + unsubUrl + "\">" + htmlEscape(unsubText) + "</a>";
    html += "</p>\n</body></html>\n";

    // ---- Headers
    const int tz = a.intl ? 0 : 420;
    string h;
    h +=
        "Return-Path: <bounce-" + lower(a.id) + "-" + token.substr(0, 12) + "@bounces." + a.domain + ">" + nl;
    const int64_t mta = r.range(1, 9);
    const int64_t mtaHost = r.range(2, 250);
    h += "Received: from mta" + std::to_string(mta) +
         ".optimais-mail.example (mta.optimais-mail.example [203.0.113." + std::to_string(mtaHost) + "])" +
         nl + "\tby mx.example.net with ESMTPS id " + token.substr(0, 10) + nl + "\tfor <" + to.email +
         ">; " + rfc5322(at + 30, 0) + nl;
    const string senderDomain = a.sender.substr(a.sender.find('@') + 1);
    if (a.flags & DmarcFail)
        h += "Authentication-Results: mx.example.net;" + nl + "\tspf=softfail smtp.mailfrom=bounces." +
             a.domain + ";" + nl + "\tdkim=none;" + nl +
             "\tdmarc=fail (p=quarantine) header.from=" + senderDomain + nl;
    else
        h += "Authentication-Results: mx.example.net;" + nl + "\tspf=pass smtp.mailfrom=bounces." + a.domain +
             ";" + nl + "\tdkim=pass header.d=" + senderDomain + ";" + nl +
             "\tdmarc=pass header.from=" + senderDomain + nl;
    h += "From: \"" + name + "\" <" + a.sender + ">" + nl;
    h += "To: " + to.first + " " + to.last + " <" + to.email + ">" + nl;
    // Subject: RFC 2047 in the message's charset (Q for Latin-1, B otherwise), plain when ASCII.
    if (isAscii(subject))
        h += "Subject: " + subject + nl;
    else if (kind == Latin1)
        h += "Subject: " + encodedWord("iso-8859-1", fromUtf8(subject, "ISO-8859-1"), true) + nl;
    else if (kind == Cp1252)
        h += "Subject: " + encodedWord("windows-1252", fromUtf8(subject, "WINDOWS-1252"), true) + nl;
    else if (kind == Koi8r)
        h += "Subject: " + encodedWord("koi8-r", fromUtf8(subject, "KOI8-R"), false) + nl;
    else if (kind == Iso2022jp)
        h += "Subject: " + encodedWord("ISO-2022-JP", fromUtf8(subject, "ISO-2022-JP"), false) + nl;
    else
        h += "Subject: " + encodedWordsUtf8(subject) + nl;
    h += "Date: " + rfc5322(at, tz) + nl;
    h += "Message-ID: <" + lower(a.id) + "." + std::to_string(c + 1) + "." + std::to_string(j) + "." + token +
         "@" + senderDomain + ">" + nl;
    h += "MIME-Version: 1.0" + nl;
    h += "X-Campaign-ID: C" + std::to_string(c + 1) + nl;
    h += "X-Mailer: OPTIMAIS Campaigns" + nl;
    if (a.flags & NoOneClick) {
        h += "List-Unsubscribe: <mailto:unsubscribe@" + a.domain + "?subject=unsubscribe>" + nl;
    } else {
        h += "List-Unsubscribe: <mailto:unsubscribe@" + a.domain + "?subject=unsubscribe>," + nl + " <" +
             unsubUrl + ">" + nl;
        h += "List-Unsubscribe-Post: List-Unsubscribe=One-Click" + nl;
    }

    // ---- Body
    auto toNl = [&](const string& s) {
        string o;
        for (char ch : s) {
            if (ch == '\n')
                o += nl;
            else
                o += ch;
        }
        return o;
    };
    const string b1 = "=_ad_" + token.substr(0, 12) + "_1";
    const string b2 = "=_ad_" + token.substr(0, 12) + "_2";
    string m = h;
    auto alternative = [&](const string& boundary) {
        string s;
        s += "--" + boundary + nl + "Content-Type: text/plain; charset=utf-8" + nl +
             "Content-Transfer-Encoding: quoted-printable" + nl + nl + quotedPrintable(text) + nl;
        s += "--" + boundary + nl + "Content-Type: text/html; charset=utf-8" + nl;
        if (r.chance(0.5))
            s += "Content-Transfer-Encoding: base64" + nl + nl + base64(html) + nl;
        else
            s += "Content-Transfer-Encoding: quoted-printable" + nl + nl + quotedPrintable(html) + nl;
        s += "--" + boundary + "--" + nl;
        return s;
    };
    switch (kind) {
    case Alternative:
        m += "Content-Type: multipart/alternative; boundary=\"" + b1 + "\"" + nl + nl;
        m += "This is a multi-part message in MIME format." + nl + nl + alternative(b1);
        break;
    case Related: {
        static const char kPng[] = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA6"
                                   "0e6kgAAAABJRU5ErkJggg==";
        m += "Content-Type: multipart/related; type=\"multipart/alternative\"; boundary=\"" + b2 + "\"" + nl +
             nl;
        m += "--" + b2 + nl + "Content-Type: multipart/alternative; boundary=\"" + b1 + "\"" + nl + nl +
             alternative(b1) + nl;
        m += "--" + b2 + nl + "Content-Type: image/png; name=\"logo.png\"" + nl +
             "Content-Transfer-Encoding: base64" + nl + "Content-ID: <logo." + token.substr(0, 8) + "@" +
             a.domain + ">" + nl + "Content-Disposition: inline; filename=\"logo.png\"" + nl + nl + kPng + nl;
        m += "--" + b2 + "--" + nl;
        break;
    }
    case TextOnly:
        m += "Content-Type: text/plain; charset=utf-8; format=flowed" + nl;
        m += "Content-Transfer-Encoding: 8bit" + nl + nl + toNl(text);
        break;
    case Latin1:
    case Cp1252:
        m += "Content-Type: text/plain; charset=" + charset + nl +
             "Content-Transfer-Encoding: quoted-printable" + nl + nl;
        m += quotedPrintable(fromUtf8(text, kind == Latin1 ? "ISO-8859-1" : "WINDOWS-1252")) + nl;
        break;
    case Koi8r:
        m += "Content-Type: multipart/alternative; boundary=\"" + b1 + "\"" + nl + nl;
        m += "--" + b1 + nl + "Content-Type: text/plain; charset=koi8-r" + nl +
             "Content-Transfer-Encoding: base64" + nl + nl + base64(fromUtf8(text, "KOI8-R")) + nl;
        m += "--" + b1 + nl + "Content-Type: text/html; charset=koi8-r" + nl +
             "Content-Transfer-Encoding: base64" + nl + nl + base64(fromUtf8(html, "KOI8-R")) + nl;
        m += "--" + b1 + "--" + nl;
        break;
    case Iso2022jp:
        m += "Content-Type: text/plain; charset=ISO-2022-JP" + nl + "Content-Transfer-Encoding: 7bit" + nl +
             nl;
        m += toNl(fromUtf8(text, "ISO-2022-JP"));
        break;
    }
    if (!crlf) {
        string o;
        o.reserve(m.size());
        for (size_t i = 0; i < m.size(); ++i)
            if (!(m[i] == '\r' && i + 1 < m.size() && m[i + 1] == '\n'))
                o += m[i];
        return o;
    }
    return m;
}

void Generator::writeMessages(const Account& a, Rng& r, int64_t count)
{
    if (count <= 0)
        return;
    const QString dir = QStringLiteral("messages/") + QString::fromStdString(a.id);
    m_dir.mkpath(dir);
    const bool mbox = count >= 2 && a.index % 4 == 3;
    if (mbox) {
        File f(m_dir.filePath(dir + QStringLiteral("/campaigns.mbox")));
        for (int64_t j = 1; j <= count; ++j) {
            const string msg = message(a, r, j, false);
            const int64_t at = a.campaignTimes.empty()
                                   ? m_o.exportedAt
                                   : a.campaignTimes[size_t(j - 1) % a.campaignTimes.size()];
            string out = "From " + a.sender + " " + asctime(at) + "\n";
            // mboxrd: every line matching ^>*From gets one more '>'.
            size_t pos = 0;
            while (pos < msg.size()) {
                size_t end = msg.find('\n', pos);
                if (end == string::npos)
                    end = msg.size();
                const string_view line(msg.data() + pos, end - pos);
                const size_t gt = line.find_first_not_of('>');
                if (gt != string_view::npos && line.substr(gt).starts_with("From "))
                    out += '>';
                out += line;
                out += '\n';
                pos = end + 1;
            }
            out += '\n';
            f.write(out);
            ++m_t.messages;
        }
        ++m_t.mboxFiles;
        return;
    }
    for (int64_t j = 1; j <= count; ++j) {
        File f(m_dir.filePath(dir + QStringLiteral("/msg-%1.eml").arg(j, 3, 10, QLatin1Char('0'))));
        f.write(message(a, r, j, true));
        ++m_t.messages;
    }
}

// ---- Driver ----------------------------------------------------------------------------------------

Totals Generator::run()
{
    const QFileInfo info(m_o.outDir);
    if (info.exists() &&
        (!info.isDir() || !QDir(m_o.outDir).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)))
        throw Error::input(QStringLiteral("%1 exists and is not an empty folder").arg(m_o.outDir));
    if (!QDir().mkpath(m_o.outDir))
        throw Error::internal(QStringLiteral("cannot create %1").arg(m_o.outDir));
    m_dir = QDir(m_o.outDir);
    m_dir.mkpath(QStringLiteral("complaints"));

    {
        File manifest(m_dir.filePath(QStringLiteral("manifest.json")));
        manifest.write("{\n  \"format\": \"case-bundle\",\n  \"version\": 1,\n  \"exported_at\": \"" +
                       iso(m_o.exportedAt) + "\",\n  \"source\": \"optimais-platform\"\n}\n");
    }
    m_accounts.open(m_dir.filePath(QStringLiteral("accounts.csv")));
    m_campaigns.open(m_dir.filePath(QStringLiteral("campaigns.csv")));
    m_lists.open(m_dir.filePath(QStringLiteral("lists.csv")));
    m_evidence.open(m_dir.filePath(QStringLiteral("evidence.csv")));
    m_complaints.open(m_dir.filePath(QStringLiteral("complaints/complaints.csv")));
    m_history.open(m_dir.filePath(QStringLiteral("history.csv")));
    m_accounts.write("account_id,name,owner_email,from_addresses,postal_address,website,signup_at,status,"
                     "flagged_at,flag_reason\r\n");
    m_campaigns.write(
        "account_id,campaign_id,sent_at,subject,from_address,list_ids,sent,delivered,bounces,hard_bounces,"
        "complaints,unsubscribes,unique_opens,unique_clicks\r\n");
    m_lists.write("account_id,list_id,name,source,acquired_at,size,double_opt_in\r\n");
    m_evidence.write(
        "account_id,list_id,subscriber,method,consent_at,source,ip,checkbox_default,email_contact_explained,"
        "consent_text,confirmed_at,last_purchase_at,last_contacted_at\r\n");
    m_complaints.write("account_id,campaign_id,received_at,recipient,feedback_type,source,note\r\n");
    m_history.write("account_id,at,action,reason,by\r\n");

    // Profiles first (recomputed, nothing kept): how list rows and messages are shared out.
    const int64_t n = m_o.accounts;
    int64_t listFileAccounts = 0, messageAccounts = 0;
    for (int64_t i = 0; i < n; ++i) {
        const uint32_t f = profileFor(m_o.seed, i);
        listFileAccounts += (f & kListFileFlags) ? 1 : 0;
        messageAccounts += (f & kMessageFlags) ? 1 : 0;
    }
    // Messages: one for every account whose profile is about messages (while the total allows), the
    // rest spread evenly over all accounts.
    const int64_t required = std::min(messageAccounts, m_o.messages);
    const int64_t spread = m_o.messages - required;
    int64_t listRank = 0, messageRank = 0;

    Row row;
    for (int64_t i = 0; i < n; ++i) {
        Rng r(m_o.seed, uint64_t(i), 2);
        Account a = makeAccount(i, r);
        row.clear();
        string from;
        for (const string& f : a.from)
            from += (from.empty() ? "" : ";") + f;
        row << a.id << a.name << a.ownerEmail << from << a.postal << a.website
            << (r.chance(0.5) ? iso(a.signupAt) : iso(a.signupAt, 420)) << a.status
            << (a.flaggedAt ? iso(a.flaggedAt) : string()) << a.flagReason;
        m_accounts.write(row.done());
        ++m_t.accounts;

        int64_t rows = 0;
        if (a.flags & kListFileFlags)
            rows = shareOf(m_o.listRows, listFileAccounts, listRank++);
        writeLists(a, r, rows);
        writeCampaigns(a, r);
        writeEvidence(a, r, shareOf(m_o.evidence, n, i));
        writeComplaints(a, r);
        writeHistory(a);
        int64_t msgs = shareOf(spread, n, i);
        if ((a.flags & kMessageFlags) && messageRank++ < required)
            ++msgs;
        writeMessages(a, r, msgs);
    }
    m_accounts.close();
    m_campaigns.close();
    m_lists.close();
    m_evidence.close();
    m_complaints.close();
    m_history.close();
    return m_t;
}

} // namespace

Totals generate(const Options& options)
{
    Generator g(options);
    return g.run();
}

} // namespace ad::gen
