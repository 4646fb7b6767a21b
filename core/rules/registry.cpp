// SPDX-License-Identifier: GPL-3.0-or-later
#include "rules/registry.h"

namespace ad::rules {

// The catalogue, in the order of the table in policy-rules.md. Adding a rule: write
// catalogue/<rule-id>.cpp defining `std::unique_ptr<Rule> make<Name>()` and add ONE line here.
#define ABUSEDESK_RULE_CATALOGUE(X)                                                                          \
    X(makeComplaintRate)                                                                                     \
    X(makeBounceRate)                                                                                        \
    X(makeUnsubscribeRate)                                                                                   \
    X(makeOpenRate)                                                                                          \
    X(makeComplaintReceived)                                                                                 \
    X(makeComplaintAfterWarning)                                                                             \
    X(makeListSourceForbidden)                                                                               \
    X(makeListSourceUnknown)                                                                                 \
    X(makeConsentInvalid)                                                                                    \
    X(makeConsentUnprovable)                                                                                 \
    X(makeStaleContact)                                                                                      \
    X(makeRoleAddress)                                                                                       \
    X(makeListInvalidAddresses)                                                                              \
    X(makeListDisposableDomains)                                                                             \
    X(makeListTypoDomains)                                                                                   \
    X(makeUnsubscribeLinkMissing)                                                                            \
    X(makeOneClickUnsubscribeMissing)                                                                        \
    X(makePostalAddressMissing)                                                                              \
    X(makeLinkTextMismatch)                                                                                  \
    X(makeAuthenticationFailed)                                                                              \
    X(makeRestrictedContent)                                                                                 \
    X(makeMultiAccountOverlap)                                                                               \
    X(makeSuspensionEvasion)                                                                                 \
    X(makeProofRequestExpired)

#define ABUSEDESK_DECLARE_RULE(factory) std::unique_ptr<Rule> factory();
ABUSEDESK_RULE_CATALOGUE(ABUSEDESK_DECLARE_RULE)
#undef ABUSEDESK_DECLARE_RULE

const std::vector<std::unique_ptr<Rule>>& catalogue()
{
    static const std::vector<std::unique_ptr<Rule>> rules = [] {
        std::vector<std::unique_ptr<Rule>> v;
#define ABUSEDESK_ADD_RULE(factory) v.push_back(factory());
        ABUSEDESK_RULE_CATALOGUE(ABUSEDESK_ADD_RULE)
#undef ABUSEDESK_ADD_RULE
        return v;
    }();
    return rules;
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
