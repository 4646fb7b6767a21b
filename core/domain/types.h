// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The domain records of a case, as imported from a case bundle (../shared/spec/case-bundle.md) and as
// kept in the case store. Plain values: no behaviour beyond enum conversions.
//
// Conventions: an absent timestamp is an invalid QDateTime; an absent count or flag is std::nullopt;
// an absent text is an empty QString. Timestamps are UTC.

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <optional>

namespace ad {

enum class AccountStatus
{
    Active,
    Warned,
    Suspended,
    Terminated
};
QString toString(AccountStatus s);
std::optional<AccountStatus> accountStatusFromString(QStringView s);

// Enforcement actions, in bundle history, in decisions and in recommendations.
enum class Action
{
    None,
    Warn,
    Suspend,
    Terminate,
    Reinstate,
    Dismiss,
    RequestProof,
    ApproveList,
    RejectList
};
QString toString(Action a);
// Accepts the spellings of history.csv and of the CLI: warn, suspend, terminate, reinstate, dismiss,
// request_proof / proof_requested, approve_list, reject_list, none.
std::optional<Action> actionFromString(QStringView s);

// Finding severity; the order is meaningful (info < warn < suspend < terminate).
enum class Severity
{
    Info = 0,
    Warn = 1,
    Suspend = 2,
    Terminate = 3
};
QString toString(Severity s);
std::optional<Severity> severityFromString(QStringView s);
// The action a severity recommends: info -> none.
Action recommendedActionFor(Severity s);

struct Account
{
    QString id;
    QString name;
    QString ownerEmail;
    QStringList fromAddresses;
    QString postalAddress;
    QString website;
    QDateTime signupAt;
    AccountStatus status = AccountStatus::Active; // as exported by the platform
    QDateTime flaggedAt;
    QString flagReason;
};

struct Campaign
{
    QString accountId;
    QString campaignId;
    QDateTime sentAt;
    QString subject;
    QString fromAddress;
    QStringList listIds;
    qint64 sent = 0;
    qint64 delivered = 0;
    qint64 bounces = 0;
    std::optional<qint64> hardBounces;
    qint64 complaints = 0;
    qint64 unsubscribes = 0;
    qint64 uniqueOpens = 0;
    std::optional<qint64> uniqueClicks;
};

// lists.csv `source` values.
inline const QStringList& listSources()
{
    static const QStringList v{
        QStringLiteral("signup_form"), QStringLiteral("checkbox"),      QStringLiteral("offline_form"),
        QStringLiteral("customers"),   QStringLiteral("double_opt_in"), QStringLiteral("import"),
        QStringLiteral("purchased"),   QStringLiteral("rented"),        QStringLiteral("third_party"),
        QStringLiteral("public_web"),  QStringLiteral("unknown")};
    return v;
}

// Result of screening one imported list file (see core/lists). Stored with the list.
struct ListScreeningSummary
{
    qint64 rows = 0;       // data rows in the file
    qint64 invalid = 0;    // not a valid address
    qint64 duplicates = 0; // repeats after folding (first occurrence not counted)
    qint64 role = 0;       // role local part
    qint64 disposable = 0; // disposable-mail domain
    qint64 typo = 0;       // likely misspelled mailbox domain
    QString detailsJson;   // full screening result (examples, per-domain shares) as JSON text
};

struct MailingList
{
    QString accountId;
    QString listId;
    QString name;
    QString source; // one of listSources()
    QDateTime acquiredAt;
    std::optional<qint64> size;
    std::optional<bool> doubleOptIn;
    bool hasFile = false; // lists/<account>/<list>.csv was in the bundle
    std::optional<ListScreeningSummary> screening;
};

// evidence.csv `method` values.
inline const QStringList& evidenceMethods()
{
    static const QStringList v{QStringLiteral("signup_form"),   QStringLiteral("checkbox"),
                               QStringLiteral("offline_form"),  QStringLiteral("purchase"),
                               QStringLiteral("double_opt_in"), QStringLiteral("import"),
                               QStringLiteral("none")};
    return v;
}

struct EvidenceRow
{
    qint64 id = 0; // store row id; 0 before it is stored
    QString accountId;
    QString listId;
    QString subscriber;
    QString method;
    QDateTime consentAt;
    QString source;
    QString ip;
    QString checkboxDefault; // "checked", "unchecked" or empty
    std::optional<bool> emailContactExplained;
    QString consentText;
    QDateTime confirmedAt;
    QDateTime lastPurchaseAt;
    QDateTime lastContactedAt;
    qint64 sourceLine = 0; // line in evidence.csv
};

struct Complaint
{
    qint64 id = 0;
    QString accountId;
    QString campaignId;
    QDateTime receivedAt;
    QString recipient;
    QString feedbackType; // abuse, fraud, virus, not-spam, other
    QString source;       // e.g. yahoo-fbl, manual, or the ARF User-Agent
    QString note;
    QString origin; // "csv" or "arf"
    QString file;   // bundle path it came from
    qint64 sourceLine = 0;
    QString userAgent;          // ARF only
    QString sourceIp;           // ARF only
    QByteArray reportedMessage; // ARF only: the original message or its headers, raw
};

struct HistoryEntry
{
    qint64 id = 0;
    QString accountId;
    QDateTime at;
    Action action = Action::None;
    QString reason;
    QString by;
};

struct MessageLink
{
    QString text; // visible text (for text/plain links, the URL itself)
    QString href; // target as written in the message
};

// A sample message as stored: the raw bytes exactly as imported plus what was parsed for the rules,
// the queue and full-text search. The full parse (bodies, links, attachments) is redone on demand from
// `raw` by core/mime.
struct StoredMessage
{
    qint64 id = 0;
    QString accountId;
    QString campaignId; // X-Campaign-ID, if any
    QString file;       // bundle path
    int mboxIndex = -1; // position inside an .mbox file, -1 for .eml
    QByteArray raw;
    QString sha256;
    QString from;
    QString subject;
    QDateTime date;
    QString text;                // plain text used for rules and search (text part, else text of the HTML)
    QList<MessageLink> links;    // from the HTML body and the text body
    QStringList linkDomains;     // lower-case hosts of every http(s) link target, de-duplicated
    QStringList listUnsubscribe; // List-Unsubscribe URIs, with their angle brackets
    bool oneClickUnsubscribe =
        false;                // RFC 8058: https URI + List-Unsubscribe-Post: List-Unsubscribe=One-Click
    QString spf, dkim, dmarc; // Authentication-Results verdicts, lower-case, empty when absent
    QStringList parseWarnings;
};

// A decision recorded by this tool (never edited; a correction is a new decision).
struct Decision
{
    enum class State
    {
        Effective,
        PendingApproval,
        Approved,
        Superseded
    };
    qint64 id = 0;
    QString accountId;
    QString listId; // approve_list / reject_list only
    Action action = Action::None;
    Action recommended = Action::None;
    State state = State::Effective;
    QString reviewer;
    QDateTime at;
    QString rationale;
    QString policyId;
    QString policyVersion;
    QString findingsJson;   // the findings the decision was based on, as evaluated then
    QString noticeLanguage; // "en" or "id"
    QString noticeText;
    qint64 approvesDecisionId = 0; // for an approval: the pending terminate it approves
    QString approvedBy;            // for a terminate: the second reviewer, once approved
    QDateTime approvedAt;
};
QString toString(Decision::State s);
std::optional<Decision::State> decisionStateFromString(QStringView s);

// One entry of an import's file list: every file read, with its hash (evidence appendix of reports).
struct ImportedFile
{
    QString path; // relative to the bundle root
    qint64 size = 0;
    QString sha256;
};

} // namespace ad
