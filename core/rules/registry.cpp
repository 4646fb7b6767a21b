// SPDX-License-Identifier: GPL-3.0-or-later
#include "rules/registry.h"

namespace ad::rules {

// The catalogue, in the order of the table in policy-rules.md, each rule with the snapshot parts it
// reads (domain/snapshot.h: the evaluation of a whole store loads only the union of the enabled rules'
// parts). Adding a rule: write catalogue/<rule-id>.cpp defining `std::unique_ptr<Rule> make<Name>()` and
// add ONE line here. A rule reading a part it does not declare sees it empty: the parity test
// (tests/rules/test_parts.cpp) evaluates every rule on its declared parts and on full snapshots.
#define ABUSEDESK_RULE_CATALOGUE(X)                                                                          \
    X(makeComplaintRate, Campaigns)                                                                          \
    X(makeBounceRate, Campaigns)                                                                             \
    X(makeUnsubscribeRate, Campaigns)                                                                        \
    X(makeOpenRate, Campaigns)                                                                               \
    X(makeComplaintReceived, Complaints | History | Decisions)                                               \
    X(makeComplaintAfterWarning, Complaints | History | Decisions)                                           \
    X(makeListSourceForbidden, Lists)                                                                        \
    X(makeListSourceUnknown, Lists | Evidence)                                                               \
    X(makeConsentInvalid, Evidence)                                                                          \
    X(makeConsentUnprovable, Evidence)                                                                       \
    X(makeStaleContact, Evidence)                                                                            \
    X(makeRoleAddress, Evidence | Lists)                                                                     \
    X(makeListInvalidAddresses, Lists)                                                                       \
    X(makeListDisposableDomains, Lists)                                                                      \
    X(makeListTypoDomains, Lists)                                                                            \
    X(makeUnsubscribeLinkMissing, Messages)                                                                  \
    X(makeOneClickUnsubscribeMissing, Messages)                                                              \
    X(makePostalAddressMissing, Messages)                                                                    \
    X(makeLinkTextMismatch, Messages)                                                                        \
    X(makeAuthenticationFailed, Messages)                                                                    \
    X(makeRestrictedContent, Messages)                                                                       \
    X(makeMultiAccountOverlap, None)                                                                         \
    X(makeSuspensionEvasion, None)                                                                           \
    X(makeProofRequestExpired, History | Decisions)

#define ABUSEDESK_DECLARE_RULE(factory, parts) std::unique_ptr<Rule> factory();
ABUSEDESK_RULE_CATALOGUE(ABUSEDESK_DECLARE_RULE)
#undef ABUSEDESK_DECLARE_RULE

namespace {

// The rules and, at the same position, their parts.
struct Registry
{
    std::vector<std::unique_ptr<Rule>> rules;
    std::vector<snapshot::Parts> parts;
};

const Registry& registry()
{
    static const Registry r = [] {
        using namespace snapshot;
        [[maybe_unused]] constexpr Parts None = 0; // the account itself (and the overlap index) only
        Registry out;
#define ABUSEDESK_ADD_RULE(factory, p)                                                                       \
    out.rules.push_back(factory());                                                                          \
    out.parts.push_back(Parts(p));
        ABUSEDESK_RULE_CATALOGUE(ABUSEDESK_ADD_RULE)
#undef ABUSEDESK_ADD_RULE
        return out;
    }();
    return r;
}

} // namespace

const std::vector<std::unique_ptr<Rule>>& catalogue()
{
    return registry().rules;
}

snapshot::Parts ruleParts(const QString& id)
{
    const int i = catalogueIndex(id);
    return i < 0 ? snapshot::All : registry().parts[size_t(i)];
}

QStringList catalogueIds()
{
    QStringList ids;
    for (const auto& r : catalogue())
        ids << r->id();
    return ids;
}

const Rule* findRule(const QString& id)
{
    for (const auto& r : catalogue()) {
        if (r->id() == id)
            return r.get();
    }
    return nullptr;
}

int catalogueIndex(const QString& id)
{
    const auto& rules = catalogue();
    for (size_t i = 0; i < rules.size(); ++i) {
        if (rules[i]->id() == id)
            return int(i);
    }
    return -1;
}

} // namespace ad::rules
