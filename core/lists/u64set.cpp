// SPDX-License-Identifier: GPL-3.0-or-later
#include "lists/u64set.h"

#include <bit>
#include <cstring>

namespace ad::lists {

namespace {

inline std::uint64_t mix(std::uint64_t z)
{
    z ^= z >> 30;
    z *= 0xbf58476d1ce4e5b9ULL;
    z ^= z >> 27;
    z *= 0x94d049bb133111ebULL;
    z ^= z >> 31;
    return z;
}

} // namespace

std::uint64_t hash64(std::string_view bytes)
{
    std::uint64_t h = 0x243f6a8885a308d3ULL ^ (bytes.size() * 0x9e3779b97f4a7c15ULL);
    const char* p = bytes.data();
    std::size_t n = bytes.size();
    while (n >= 8) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        h = mix(h ^ (w * 0x9e3779b97f4a7c15ULL)) + 0x632be59bd9b4e019ULL;
        p += 8;
        n -= 8;
    }
    if (n > 0) {
        std::uint64_t w = 0;
        std::memcpy(&w, p, n);
        h = mix(h ^ ((w ^ (std::uint64_t(n) << 59)) * 0x9e3779b97f4a7c15ULL)) + 0x632be59bd9b4e019ULL;
    }
    return mix(h);
}

U64Set::U64Set(std::size_t initialCapacity)
{
    const std::size_t cap = std::bit_ceil(initialCapacity < 16 ? std::size_t(16) : initialCapacity);
    m_slots.assign(cap, 0);
    m_mask = cap - 1;
}

bool U64Set::insert(std::uint64_t h)
{
    if (h == 0)
        h = 1;
    if ((m_size + 1) * 4 > m_slots.size() * 3)
        grow();
    std::size_t i = std::size_t(h) & m_mask;
    while (true) {
        const std::uint64_t v = m_slots[i];
        if (v == 0) {
            m_slots[i] = h;
            ++m_size;
            return true;
        }
        if (v == h)
            return false;
        i = (i + 1) & m_mask;
    }
}

bool U64Set::contains(std::uint64_t h) const
{
    if (h == 0)
        h = 1;
    std::size_t i = std::size_t(h) & m_mask;
    while (true) {
        const std::uint64_t v = m_slots[i];
        if (v == 0)
            return false;
        if (v == h)
            return true;
        i = (i + 1) & m_mask;
    }
}

void U64Set::grow()
{
    std::vector<std::uint64_t> old;
    old.swap(m_slots);
    m_slots.assign(old.size() * 2, 0);
    m_mask = m_slots.size() - 1;
    for (const std::uint64_t v : old) {
        if (v == 0)
            continue;
        std::size_t i = std::size_t(v) & m_mask;
        while (m_slots[i] != 0)
            i = (i + 1) & m_mask;
        m_slots[i] = v;
    }
}

} // namespace ad::lists
