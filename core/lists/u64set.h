// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A compact set of 64-bit hashes (open addressing, linear probing, load factor at most 3/4): what the
// list screener remembers of each distinct address to find duplicates. 8 bytes per slot, the slot count a
// power of two, so memory is between 10.7 and 21.3 bytes per distinct address.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace ad::lists {

// 64-bit hash of bytes (multiply-xorshift over 8-byte words, splitmix64 finaliser). Not cryptographic;
// good enough avalanche that the probability of two distinct inputs colliding is close to 2^-64.
std::uint64_t hash64(std::string_view bytes);

class U64Set
{
public:
    explicit U64Set(std::size_t initialCapacity = 1024);
    // Inserts h; returns false when it was already present.
    bool insert(std::uint64_t h);
    bool contains(std::uint64_t h) const;
    std::size_t size() const { return m_size; }
    std::size_t capacity() const { return m_slots.size(); }
    std::size_t memoryBytes() const { return m_slots.size() * sizeof(std::uint64_t); }

private:
    void grow();
    std::vector<std::uint64_t> m_slots; // 0 = empty (a hash of 0 is stored as 1)
    std::size_t m_size = 0;
    std::size_t m_mask = 0;
};

} // namespace ad::lists
