// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Helpers shared by the rules of the catalogue: number formatting for summaries, threshold comparisons,
// the per-campaign rate rules, address and host handling.

#include "rules/overlap.h"
#include "rules/rule.h"

#include <QJsonArray>
#include <QString>
#include <functional>
#include <optional>
#include <string>

namespace ad::rules::util {

// "20,000"
QString count(qint64 n);
// 0.0031 -> "0.31%", 0.002 -> "0.2%", 0.00005 -> "0.005%"
QString percent(double share);
// "2026-11-20"
QString date(const QDateTime& t);
// `text` shortened to `max` characters with an ellipsis, quotes added.
QString quoted(const QString& text, int max = 60);

// Threshold comparison named in the policy data: "gt" (more than), "ge" (at or above), "lt" (less
// than), "le" (at or below).
enum class Compare
{
    Gt,
    Ge,
    Lt,
    Le
};
std::optional<Compare> compareFromString(const QString& s);
QString toString(Compare c);
QString symbol(Compare c); // ">", "≥", "<", "≤"
bool fires(double value, Compare c, double threshold);

// One step of a threshold ladder: at `threshold` (compared with `compare`) the rule fires with `severity`.
struct Level
{
    Severity severity;
    double threshold;
    Compare compare;
};
// The rule's ladder: params "levels" when given, else one level {rule severity, params "threshold"
// (or `defaultThreshold`), params "compare" (or `defaultCompare`)}. Sorted from least to most severe.
QList<Level> levels(const RuleContext& c, double defaultThreshold, Compare defaultCompare);
// The most severe level `value` reaches, or nullopt.
std::optional<Level> reached(const QList<Level>& ladder, double value);
// For `count of denominator`: the largest count that does not fire (Gt/Ge), or the smallest count that
// does not fire (Lt/Le).
qint64 clearingCount(qint64 denominator, const Level& level);

// A per-campaign rate rule (complaint-rate, bounce-rate, unsubscribe-rate, open-rate).
struct RateSpec
{
    QString countLabel; // "spam complaints"
    QString countNoun;  // "complaints" (in to_clear)
    QString countKey;   // evidence key of the numerator, "complaints"
    QString denomKey;   // "delivered" or "sent"
    double defaultThreshold = 0;
    Compare defaultCompare = Compare::Gt;
    // numerator (and its label, when it differs per campaign) and denominator of a campaign
    std::function<qint64(const Campaign&, QString* label)> numerator;
    std::function<qint64(const Campaign&)> denominator;
};
QList<Finding> evaluateRate(const RuleContext& c, const RateSpec& spec);

// An imported-list share rule (list-invalid-addresses, list-disposable-domains): fires per list whose
// screening count / rows compares to the `param` share (default 0.01, "compare" default gt).
struct ListShareSpec
{
    QString param;                                 // "invalid_share_max"
    QString noun;                                  // "invalid addresses"
    qint64 ListScreeningSummary::*count = nullptr; // which screening count
};
QList<Finding> evaluateListShare(const RuleContext& c, const ListShareSpec& spec);

// Campaigns with at least `minVolume` in `denominator`, sent no later than the as-of time.
double minVolume(const RuleContext& c);

// Natural order of ids ("C2" < "C10").
bool naturalLess(const QString& a, const QString& b);

// "Shop <News@Shop.Example>" -> "news@shop.example"; empty when there is no address.
QString bareAddress(const QString& from);
// Local part of an address, lower-case, without a "+tag".
QString localPart(const QString& address);
// Domain of an address, lower-case.
QString domainOf(const QString& address);
// Lower-case host of an http(s) URL (or of a bare "host/path" text), without "www." and trailing dot.
QString hostOf(const QString& urlOrDomain);
// Host without a leading "www." and trailing dot, lower-case.
QString normalizeHost(QString host);
// Case, whitespace and punctuation folded away: only letters and digits remain, lower-case.
QString fold(const QString& text);
// The same appended to `out` (reused between calls: no allocation once it is large enough). ASCII is
// folded inline, other code units as fold() does (QChar::isLetterOrNumber, QChar::toLower).
void appendFold(std::u16string& out, QStringView text);
// prepared.roleLocalParts.contains(localPart(address)), without building a QString when the part before
// the last "@" is ASCII (then looked up in prepared.roleLocalPartsAscii).
bool isRoleAddress(const PreparedPolicy& prepared, const QString& address);

// Whether the account was warned (platform history `warn` or a warn decision of this tool) at or before
// `asOf`; the earliest such time in *firstWarn.
bool warned(const AccountSnapshot& s, const QDateTime& asOf, QDateTime* firstWarn);
// Complaint reports that count (received at or before asOf, feedback type not excluded by the rule's
// "excluded_feedback_types" parameter, default ["not-spam"]).
QList<const Complaint*> countedComplaints(const RuleContext& c);

// The account's sample messages sorted by id.
QList<const StoredMessage*> sortedMessages(const AccountSnapshot& s);
// "message 12 (campaign C7, "Subject")"
QString messageLabel(const StoredMessage& m);
// Evidence object for a message finding: message_ids [id], campaign_id, file.
QJsonObject messageEvidence(const StoredMessage& m);

// "A2 (From news@x.example; link domain promo.example; message 5 ≈ message 9, 93%)"
QString describeLink(const OverlapIndex::Link& l);
QJsonObject linkJson(const OverlapIndex::Link& l);
// Overlap finding for `links` (non-empty): summary lead-in, list of the first `maxListed`, evidence.
Finding overlapFinding(const RuleContext& c, const QList<OverlapIndex::Link>& links, const QString& lead,
                       const QString& toClear, int maxListed = 50);

QJsonArray idArray(const QList<qint64>& ids);
QJsonArray stringArray(const QStringList& list);

} // namespace ad::rules::util
