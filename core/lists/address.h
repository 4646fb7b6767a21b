// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Address syntax and folding for list screening. Works on a caller-provided stack buffer: no heap
// allocation per address.
//
// What counts as a valid address (documented in resources/lists/README.md):
//  - the cell is trimmed of surrounding white space first;
//  - addr-spec only (RFC 5322 3.4.1 as restricted by RFC 5321 4.1.2): no display name, no angle
//    brackets, no comments, no obsolete forms;
//  - local part: a dot-atom (atext characters, no leading, trailing or doubled dot) or a non-empty
//    quoted string of printable ASCII (quoted pairs allowed); at most 64 characters;
//  - domain: LDH labels (letters, digits, hyphen; 1..63 characters, no hyphen at either end), at least
//    two labels (a dot), a top-level label that is not all digits, at most 253 characters, no trailing
//    dot. IP-address literals ("[192.0.2.1]") are NOT accepted: mailing lists do not legitimately
//    target them and receivers reject them;
//  - the whole address at most 254 characters (RFC 5321 path limit);
//  - ASCII only: internationalised addresses (RFC 6531 SMTPUTF8, U-labels) are reported invalid; an
//    IDN domain must be given in its A-label (xn--) form.

#include <QStringView>
#include <cstddef>
#include <string_view>

namespace ad::lists {

constexpr std::size_t kAddressBuffer = 264; // > 254 + slack

struct AddressCheck
{
    bool valid = false;
    const char* reason = nullptr; // why not valid (static text), nullptr when valid
    std::string_view address;     // trimmed, lower-cased copy in the buffer (empty when not ASCII/too long)
    std::string_view local;       // lower-cased local part (with its quotes when quoted)
    std::string_view domain;      // lower-cased domain
    bool quotedLocal = false;
};

// Checks one address. `buf` must hold kAddressBuffer chars; the views of the result point into it.
AddressCheck checkAddress(QStringView raw, char* buf);

// The duplicate key of a valid address, written to `out` (kAddressBuffer chars); returns its length.
// Lower-cased everywhere (local parts are case-insensitive at every provider that matters), plus:
//  - gmail.com, googlemail.com: dots in the local part ignored, "+tag" removed, domain gmail.com;
//  - outlook.com, hotmail.com, live.com, msn.com, icloud.com, me.com, mac.com, protonmail.com,
//    proton.me, pm.me, fastmail.com: "+tag" removed;
//  - yahoo.com, yahoo.co.id and every other yahoo.<tld> / yahoo.co.<cc> / yahoo.com.<cc>, ymail.com,
//    rocketmail.com: "-keyword" removed (Yahoo disposable addresses are base-keyword@);
//  - other domains: only lower-casing (their sub-addressing rules are unknown). Quoted local parts are
//    only lower-cased.
std::size_t foldAddress(const AddressCheck& a, char* out);

// The local part used for the role check: lower-cased, without a "+tag".
std::string_view roleKey(const AddressCheck& a);

// Optimal-string-alignment (restricted Damerau-Levenshtein) distance, or `limit + 1` as soon as the
// distance is known to exceed `limit`. Strings longer than 128 bytes are reported as limit + 1.
int damerauLevenshtein(std::string_view a, std::string_view b, int limit);

} // namespace ad::lists
