// SPDX-License-Identifier: GPL-3.0-or-later
#include "lists/address.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace ad::lists {

namespace {

constexpr std::array<bool, 128> makeAtext()
{
    std::array<bool, 128> t{};
    for (int c = 'a'; c <= 'z'; ++c)
        t[c] = true;
    for (int c = 'A'; c <= 'Z'; ++c)
        t[c] = true;
    for (int c = '0'; c <= '9'; ++c)
        t[c] = true;
    for (char c : std::string_view("!#$%&'*+-/=?^_`{|}~"))
        t[size_t(c)] = true;
    return t;
}
constexpr std::array<bool, 128> kAtext = makeAtext();

inline bool isSpace(char16_t c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0x0b || c == 0x0c || c == 0xa0 ||
           c == 0xfeff || c == 0x200b || c == 0x3000 || (c >= 0x2000 && c <= 0x200a);
}

inline bool isLdh(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

const char* checkDomain(std::string_view d)
{
    if (d.empty())
        return "empty domain";
    if (d.front() == '[')
        return "IP-address literal domains are not accepted";
    if (d.size() > 253)
        return "domain longer than 253 characters";
    int labels = 0;
    std::size_t start = 0;
    bool lastAllDigits = false;
    while (true) {
        std::size_t end = d.find('.', start);
        if (end == std::string_view::npos)
            end = d.size();
        const std::string_view label = d.substr(start, end - start);
        if (label.empty())
            return end == d.size() && labels > 0 ? "domain ends with a dot" : "empty label in domain";
        if (label.size() > 63)
            return "domain label longer than 63 characters";
        bool digits = true;
        for (char c : label) {
            if (!isLdh(c))
                return "invalid character in domain";
            if (c < '0' || c > '9')
                digits = false;
        }
        if (label.front() == '-' || label.back() == '-')
            return "domain label starts or ends with a hyphen";
        ++labels;
        lastAllDigits = digits;
        if (end == d.size())
            break;
        start = end + 1;
    }
    if (labels < 2)
        return "domain has no dot";
    if (lastAllDigits)
        return "top-level domain is numeric";
    return nullptr;
}

} // namespace

AddressCheck checkAddress(QStringView raw, char* buf)
{
    AddressCheck r;
    qsizetype b = 0, e = raw.size();
    while (b < e && isSpace(raw[b].unicode()))
        ++b;
    while (e > b && isSpace(raw[e - 1].unicode()))
        --e;
    const qsizetype n = e - b;
    if (n == 0) {
        r.reason = "empty";
        return r;
    }
    if (n > 254) {
        r.reason = "address longer than 254 characters";
        return r;
    }
    // Copy, checking ASCII; the domain and the local part are lower-cased below.
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = raw[b + i].unicode();
        if (c >= 128) {
            r.reason = "non-ASCII characters (internationalised addresses are not accepted)";
            return r;
        }
        buf[i] = char(c);
    }
    std::string_view s(buf, size_t(n));
    std::size_t at;
    if (s.front() == '"') {
        std::size_t i = 1;
        bool closed = false;
        while (i < s.size()) {
            const char c = s[i];
            if (c == '\\') {
                if (i + 1 >= s.size() || (s[i + 1] < 32 && s[i + 1] != '\t') || s[i + 1] == 127) {
                    r.reason = "bad quoted pair in local part";
                    return r;
                }
                i += 2;
                continue;
            }
            if (c == '"') {
                closed = true;
                break;
            }
            if ((c < 32 && c != '\t') || c == 127) {
                r.reason = "control character in local part";
                return r;
            }
            ++i;
        }
        if (!closed) {
            r.reason = "unterminated quoted local part";
            return r;
        }
        if (i == 1) {
            r.reason = "empty local part";
            return r;
        }
        at = i + 1;
        if (at >= s.size() || s[at] != '@') {
            r.reason = at >= s.size() ? "missing @" : "text after quoted local part";
            return r;
        }
        r.quotedLocal = true;
    } else {
        at = s.rfind('@');
        if (at == std::string_view::npos) {
            r.reason = "missing @";
            return r;
        }
        const std::string_view local = s.substr(0, at);
        if (local.empty()) {
            r.reason = "empty local part";
            return r;
        }
        if (local.front() == '.' || local.back() == '.') {
            r.reason = "local part starts or ends with a dot";
            return r;
        }
        char prev = 0;
        for (char c : local) {
            if (c == '.' && prev == '.') {
                r.reason = "consecutive dots in local part";
                return r;
            }
            if (c != '.' && !kAtext[size_t(c)]) {
                r.reason = c == '@' ? "more than one @"
                                    : (c == ' ' ? "space in address" : "invalid character in local part");
                return r;
            }
            prev = c;
        }
    }
    if (at > 64) {
        r.reason = "local part longer than 64 characters";
        return r;
    }
    for (std::size_t i = 0; i < s.size(); ++i)
        if (buf[i] >= 'A' && buf[i] <= 'Z')
            buf[i] = char(buf[i] + 32);
    const std::string_view domain = s.substr(at + 1);
    if (const char* why = checkDomain(domain)) {
        r.reason = why;
        return r;
    }
    r.valid = true;
    r.address = s;
    r.local = s.substr(0, at);
    r.domain = domain;
    return r;
}

namespace {

bool isYahoo(std::string_view d)
{
    if (d == "ymail.com" || d == "rocketmail.com")
        return true;
    if (!d.starts_with("yahoo."))
        return false;
    const std::string_view rest = d.substr(6);
    // yahoo.<tld>, yahoo.co.<cc>, yahoo.com.<cc>
    const std::size_t dot = rest.find('.');
    if (dot == std::string_view::npos)
        return rest.size() >= 2;
    const std::string_view first = rest.substr(0, dot);
    const std::string_view second = rest.substr(dot + 1);
    return (first == "co" || first == "com") && second.size() == 2 &&
           second.find('.') == std::string_view::npos;
}

bool isPlusProvider(std::string_view d)
{
    static constexpr std::string_view k[] = {"outlook.com", "hotmail.com", "live.com",    "msn.com",
                                             "icloud.com",  "me.com",      "mac.com",     "protonmail.com",
                                             "proton.me",   "pm.me",       "fastmail.com"};
    return std::find(std::begin(k), std::end(k), d) != std::end(k);
}

} // namespace

std::size_t foldAddress(const AddressCheck& a, char* out)
{
    std::string_view local = a.local;
    std::string_view domain = a.domain;
    std::size_t n = 0;
    if (!a.quotedLocal) {
        if (domain == "gmail.com" || domain == "googlemail.com") {
            domain = "gmail.com";
            const std::size_t plus = local.find('+');
            if (plus != std::string_view::npos && plus > 0)
                local = local.substr(0, plus);
            for (char c : local)
                if (c != '.')
                    out[n++] = c;
            out[n++] = '@';
            std::memcpy(out + n, domain.data(), domain.size());
            return n + domain.size();
        }
        char sep = 0;
        if (isPlusProvider(domain))
            sep = '+';
        else if (isYahoo(domain))
            sep = '-';
        if (sep) {
            const std::size_t p = local.find(sep);
            if (p != std::string_view::npos && p > 0)
                local = local.substr(0, p);
        }
    }
    std::memcpy(out, local.data(), local.size());
    n = local.size();
    out[n++] = '@';
    std::memcpy(out + n, domain.data(), domain.size());
    return n + domain.size();
}

std::string_view roleKey(const AddressCheck& a)
{
    std::string_view local = a.local;
    if (a.quotedLocal)
        return local;
    const std::size_t plus = local.find('+');
    if (plus != std::string_view::npos && plus > 0)
        local = local.substr(0, plus);
    return local;
}

int damerauLevenshtein(std::string_view a, std::string_view b, int limit)
{
    const int la = int(a.size()), lb = int(b.size());
    if (la > 128 || lb > 128)
        return limit + 1;
    if (std::abs(la - lb) > limit)
        return limit + 1;
    // Three rolling rows: i-2, i-1, i.
    int rows[3][129];
    int* r2 = rows[0];
    int* r1 = rows[1];
    int* r0 = rows[2];
    for (int j = 0; j <= lb; ++j)
        r1[j] = j;
    for (int i = 1; i <= la; ++i) {
        r0[0] = i;
        int rowMin = r0[0];
        for (int j = 1; j <= lb; ++j) {
            const int cost = a[size_t(i - 1)] == b[size_t(j - 1)] ? 0 : 1;
            int v = std::min({r1[j] + 1, r0[j - 1] + 1, r1[j - 1] + cost});
            if (i > 1 && j > 1 && a[size_t(i - 1)] == b[size_t(j - 2)] &&
                a[size_t(i - 2)] == b[size_t(j - 1)])
                v = std::min(v, r2[j - 2] + 1);
            r0[j] = v;
            rowMin = std::min(rowMin, v);
        }
        if (rowMin > limit)
            return limit + 1;
        int* t = r2;
        r2 = r1;
        r1 = r0;
        r0 = t;
    }
    return std::min(r1[lb], limit + 1);
}

} // namespace ad::lists
