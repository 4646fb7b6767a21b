// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The cross-account index behind multi-account-overlap and suspension-evasion
// (../shared/spec/policy-rules.md). Built in one pass over all accounts, then queried per account.
//
// Three kinds of link between two accounts:
//  - a shared From address: accounts.csv from_addresses, campaigns.csv from_address and the From of the
//    sample messages, as bare lower-case addresses; addresses at the platform's own domains (policy
//    platform_domains, subdomains included) never count;
//  - a shared link domain: the hosts of the messages' http(s) links (StoredMessage::linkDomains, "www."
//    dropped), minus platform_domains and the policy's link_host_allowlist (subdomains included);
//  - near-duplicate content: MinHash over word 3-shingles of the message text (128 hash functions,
//    multiply-shift hashing), locality-sensitive hashing with 32 bands of 4 rows to find candidates,
//    and a link when the estimated Jaccard similarity of the two messages is ≥ the policy's
//    jaccard_threshold (default 0.8). Messages with fewer than 10 shingles (about 12 words) are too
//    short to count. No pair of accounts is compared unless they share a band bucket: the build is
//    O(messages × hashes + candidates), not all-pairs.
//
// Bounds (documented limits): candidates inside one LSH bucket are compared with at most 8 cluster
// representatives of that bucket; a key (address, domain or content cluster) shared by more than
// max_accounts_per_key accounts (default 1000) lists only its first max_accounts_per_key accounts in
// account-id order plus every suspended or terminated account on it, so a pathological key cannot make
// per-account queries quadratic and suspension evasion is still always seen.

#include "domain/snapshot.h"
#include "domain/types.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>
#include <vector>

namespace ad::rules {

class Policy;

class OverlapIndex
{
public:
    struct Options
    {
        QStringList platformDomains;   // never shared (From domains and link hosts)
        QStringList linkHostAllowList; // common link hosts, never shared
        double jaccardThreshold = 0.8;
        int shingleWords = 3;
        int minShingles = 10;
        int maxAccountsPerKey = 1000;
    };
    // Options from the policy (platform_domains, link_host_allowlist, multi-account-overlap params).
    static Options options(const Policy& policy);

    explicit OverlapIndex(Options options);
    ~OverlapIndex();
    OverlapIndex(const OverlapIndex&) = delete;
    OverlapIndex& operator=(const OverlapIndex&) = delete;

    // Feeding (any order; an account may be named by a message before addAccount).
    void addAccount(const QString& accountId, AccountStatus currentStatus, const QStringList& fromAddresses);
    void addFromAddress(const QString& accountId, const QString& from); // "Name <a@b>" or "a@b"
    void addMessage(const StoredMessage& message);                      // From, link domains, text
    // What addMessage derives from a message alone: the link hosts that count (normalised, minus the
    // platform's and allow-listed hosts, in message order) and the MinHash signature (empty when the text
    // has too few shingles). messageFeatures only reads the options, so it may run on several threads
    // while another feeds; addMessage(m, messageFeatures(m)) is addMessage(m).
    struct MessageFeatures
    {
        QStringList linkHosts;
        std::vector<quint32> signature;
    };
    MessageFeatures messageFeatures(const StoredMessage& message) const;
    void addMessage(const StoredMessage& message, MessageFeatures&& features);
    // Everything above for one snapshot (account from_addresses, campaign from_address, messages,
    // current status).
    void addSnapshot(const AccountSnapshot& snapshot);
    // Builds postings and content clusters; call once after feeding, before linksFor.
    void finish();

    struct ContentMatch
    {
        qint64 messageId = 0;      // this account's message
        qint64 otherMessageId = 0; // the other account's message
        double similarity = 0;     // estimated Jaccard similarity of their word shingles
    };
    struct Link
    {
        QString accountId;
        AccountStatus status = AccountStatus::Active; // current status of the linked account
        QStringList fromAddresses;                    // shared, sorted
        QStringList linkDomains;                      // shared, sorted
        QList<ContentMatch> content;                  // best pair per shared content cluster
    };
    // The accounts linked to `accountId`, sorted by account id (empty for an unknown account). After
    // finish(), linksFor may be called from several threads at once (nothing else may run meanwhile).
    QList<Link> linksFor(const QString& accountId) const;

    // Updates the current status of a known account (unknown ids are ignored). The index may outlive
    // the decisions recorded after it was built (EvaluationService keeps it per store and import), so
    // the statuses Link reports are refreshed from the store before each use. Limitation: which accounts
    // a key shared by more than max_accounts_per_key accounts lists was fixed at finish(); an account
    // suspended later on such a key is seen after the next build.
    void setStatus(const QString& accountId, AccountStatus status);

    // The accounts whose status setStatus can change (and linksFor report): after finish() every account
    // fed; in a restored index only the accounts that have a link.
    const std::vector<QString>& statusAccounts() const;

    qint64 accountCount() const;
    qint64 messageCount() const;

    // ---- Persisting a finished index (EvaluationService keeps it in the case store) ----------------
    // The finished index as bytes: exactly what linksFor can answer with — the accounts that have a link
    // (ids, statuses), the keys held by two or more accounts (names, postings, each account's keys), the
    // content clusters (members, listed accounts, each account's clusters) and the MinHash signatures of
    // their messages — plus accountCount and messageCount. A key held by one account, an account without
    // links and a message outside the clusters change no answer of linksFor (an account left out answers
    // like an unknown one: no links) and are left out: at 100,000 accounts the payload is a few hundred
    // KB instead of ~17 MB. Not the feeding state: an index restored from bytes is finished and must not be
    // fed. Layout: a header (magic "ADOVLPIX", kSerialFormat, byte-order mark, the build's constants:
    // hashes, bands, representatives, shingle cap), the options, raw native-endian arrays, and a 64-bit
    // checksum of everything before it. Empty before finish().
    QByteArray serialize() const;
    // The index `serialize` wrote, for the same options (compared field by field with `options` as the
    // constructor normalises them); null when the bytes are not such an index: wrong magic, format,
    // byte order or build constants, other options, a checksum mismatch (truncation, flipped bits), or any
    // length, index or status out of range. Never reads outside `bytes`. The restored index answers
    // linksFor exactly as the one serialised did (with the statuses it had then).
    static std::unique_ptr<OverlapIndex> deserialize(const Options& options, QByteArrayView bytes);
    // Bumped whenever the layout or what finish() computes changes (a persisted index of another format is
    // never loaded).
    static constexpr int kSerialFormat = 1;
    // The checksum serialize appends, over the bytes before it (for tests that damage a payload on purpose
    // and make its checksum match again, to reach the structural checks behind it).
    static quint64 payloadChecksum(QByteArrayView bytesBeforeChecksum);

    // Exact Jaccard similarity of the word-shingle sets of two texts (for tests and explanations).
    static double jaccard(const QString& a, const QString& b, int shingleWords = 3);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace ad::rules
