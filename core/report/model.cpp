// SPDX-License-Identifier: GPL-3.0-or-later
// buildModel(): every fact of a case report, gathered once, redacted once, in a fixed order.
#include "mime/mime.h"
#include "report/redact.h"
#include "report/report.h"
#include "report/sanitize.h"
#include "rules/evaluator.h"
#include "store/casestore.h"
#include "util/error.h"
#include "util/paths.h"
#include "util/timeutil.h"

#include <QJsonArray>
#include <QMap>
#include <QSet>
#include <algorithm>

namespace ad::report {

namespace {

constexpr int kReportVersion = 1;
constexpr qsizetype kMaxBodyChars = 60000; // a longer text body is cut (and says so)
constexpr int kMaxProblemRows = 20;        // example rows of an imported list file

QJsonValue iso(const QDateTime& t)
{
    return t.isValid() ? QJsonValue(time::toIso(t)) : QJsonValue(QJsonValue::Null);
}

QJsonValue opt(const std::optional<qint64>& v)
{
    return v ? QJsonValue(double(*v)) : QJsonValue(QJsonValue::Null);
}

QJsonValue optD(const std::optional<double>& v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QJsonValue rate(qint64 num, qint64 den)
{
    return den > 0 ? QJsonValue(double(num) / double(den)) : QJsonValue(QJsonValue::Null);
}

QJsonValue redactValue(const QJsonValue& v, const Redactor& r)
{
    if (v.isString())
        return r.apply(v.toString());
    if (v.isArray()) {
        QJsonArray a;
        for (const auto& e : v.toArray())
            a.append(redactValue(e, r));
        return a;
    }
    if (v.isObject()) {
        QJsonObject o;
        const QJsonObject in = v.toObject();
        for (auto it = in.begin(); it != in.end(); ++it)
            o.insert(it.key(), redactValue(it.value(), r));
        return o;
    }
    return v;
}

void collectStrings(const QJsonValue& v, QSet<QString>& out)
{
    if (v.isString())
        out.insert(v.toString());
    else if (v.isArray())
        for (const auto& e : v.toArray())
            collectStrings(e, out);
    else if (v.isObject())
        for (const auto& e : v.toObject())
            collectStrings(e, out);
}

// The thresholds of a per-campaign rate rule as the policy sets them (see core/rules/ruleutil.h):
// params "levels" when given, else one level from "threshold"/"compare" or the catalogue's default.
QJsonObject rateThreshold(const rules::Policy& policy, const QString& ruleId, double defaultThreshold,
                          const QString& defaultCompare, const QString& denominator)
{
    QJsonObject o;
    const auto* settings = policy.rule(ruleId);
    o.insert(QStringLiteral("rule"), ruleId);
    o.insert(QStringLiteral("enabled"), settings && settings->enabled);
    o.insert(QStringLiteral("min_volume"), policy.number(ruleId, QStringLiteral("min_volume"), 500));
    o.insert(QStringLiteral("denominator"), denominator);
    QJsonArray levels;
    if (settings && settings->params.value(QStringLiteral("levels")).isArray()) {
        for (const auto& l : settings->params.value(QStringLiteral("levels")).toArray()) {
            const QJsonObject lo = l.toObject();
            levels.append(QJsonObject{
                {QStringLiteral("severity"), lo.value(QStringLiteral("severity")).toString()},
                {QStringLiteral("threshold"), lo.value(QStringLiteral("threshold")).toDouble()},
                {QStringLiteral("compare"), lo.value(QStringLiteral("compare")).toString(defaultCompare)}});
        }
    } else {
        const QString cmp = settings
                                ? settings->params.value(QStringLiteral("compare")).toString(defaultCompare)
                                : defaultCompare;
        levels.append(QJsonObject{
            {QStringLiteral("severity"), settings ? toString(settings->severity) : QStringLiteral("suspend")},
            {QStringLiteral("threshold"),
             policy.number(ruleId, QStringLiteral("threshold"), defaultThreshold)},
            {QStringLiteral("compare"), cmp}});
    }
    o.insert(QStringLiteral("levels"), levels);
    return o;
}

// Why an evidence row is not valid permission (policy-rules.md, consent-invalid); empty when it is.
QString invalidReason(const EvidenceRow& e, const QDateTime& asOf)
{
    if (e.method == QLatin1String("none"))
        return QStringLiteral("method_none");
    if (e.method == QLatin1String("checkbox") && e.checkboxDefault == QLatin1String("checked"))
        return QStringLiteral("checkbox_prechecked");
    if (e.method == QLatin1String("offline_form") && e.emailContactExplained != std::optional<bool>(true))
        return QStringLiteral("offline_not_explained");
    if (e.method == QLatin1String("purchase")) {
        if (!e.lastPurchaseAt.isValid())
            return QStringLiteral("purchase_absent");
        if (time::moreThanYearsBefore(e.lastPurchaseAt, asOf, 2))
            return QStringLiteral("purchase_stale");
    }
    return {};
}

QStringList problemNames(int bits)
{
    // Bits of ad::lists::Problem (core/lists/screener.h).
    static const char* names[] = {"invalid", "duplicate", "role", "disposable", "typo"};
    QStringList out;
    for (int i = 0; i < 5; ++i)
        if (bits & (1 << i))
            out << QString::fromLatin1(names[i]);
    return out;
}

} // namespace

QStringList languages()
{
    return {QStringLiteral("en"), QStringLiteral("id")};
}

QJsonObject buildModel(CaseStore& store, const rules::Policy& policy, const Options& options)
{
    if (!languages().contains(options.language))
        throw Error::input(
            QStringLiteral("unknown report language \"%1\" (expected en or id)").arg(options.language));
    const auto account = store.account(options.accountId);
    if (!account)
        throw Error::input(
            QStringLiteral("no account \"%1\" in the case store %2").arg(options.accountId, store.path()));

    rules::EvaluationService service(store, policy);
    QDateTime asOf = options.asOf;
    if (!asOf.isValid())
        asOf = service.defaultAsOf();
    if (!asOf.isValid())
        throw Error::input(QStringLiteral("no as-of time: the store has no import; give --as-of"));
    const rules::Evaluation ev = service.evaluateAccount(options.accountId, asOf);

    // Linked accounts: every account id named in the evidence of the multi-account rules.
    QMap<QString, QJsonObject> linked; // by id
    QStringList keep{account->ownerEmail};
    keep += account->fromAddresses;
    for (const auto& f : ev.findings) {
        if (f.rule != QLatin1String("multi-account-overlap") && f.rule != QLatin1String("suspension-evasion"))
            continue;
        QSet<QString> strings;
        collectStrings(f.evidence, strings);
        QStringList ids(strings.begin(), strings.end());
        ids.sort();
        for (const QString& s : ids) {
            if (s == account->id || s.isEmpty() || s.size() > 64)
                continue;
            const auto other = store.account(s);
            if (!other)
                continue;
            keep << other->ownerEmail;
            keep += other->fromAddresses;
            QJsonObject& o = linked[s];
            o.insert(QStringLiteral("account_id"), other->id);
            o.insert(QStringLiteral("name"), other->name);
            o.insert(QStringLiteral("status"), toString(store.currentStatus(other->id)));
            QJsonArray rulesA = o.value(QStringLiteral("rules")).toArray();
            if (!rulesA.contains(f.rule))
                rulesA.append(f.rule);
            o.insert(QStringLiteral("rules"), rulesA);
            QJsonArray reasons = o.value(QStringLiteral("reasons")).toArray();
            reasons.append(f.summary);
            o.insert(QStringLiteral("reasons"), reasons);
        }
    }
    const Redactor red(options.redact, keep);
    const auto R = [&](const QString& s) { return red.apply(s); };

    QJsonObject m;
    m.insert(QStringLiteral("report_version"), kReportVersion);
    m.insert(QStringLiteral("generator"), QString(QStringLiteral("AbuseDesk ") + paths::version()));
    m.insert(QStringLiteral("language"), options.language);
    m.insert(QStringLiteral("redacted"), options.redact);
    m.insert(QStringLiteral("exported_at"), iso(options.exportedAt));
    m.insert(QStringLiteral("as_of"), iso(asOf));
    m.insert(QStringLiteral("policy"), QJsonObject{{QStringLiteral("id"), policy.id()},
                                                   {QStringLiteral("version"), policy.version()},
                                                   {QStringLiteral("title"), policy.title()}});

    // Account facts.
    QJsonArray from;
    for (const auto& a : account->fromAddresses)
        from.append(R(a));
    m.insert(QStringLiteral("account"),
             QJsonObject{{QStringLiteral("id"), account->id},
                         {QStringLiteral("name"), R(account->name)},
                         {QStringLiteral("owner_email"), R(account->ownerEmail)},
                         {QStringLiteral("from_addresses"), from},
                         {QStringLiteral("postal_address"), R(account->postalAddress)},
                         {QStringLiteral("website"), R(account->website)},
                         {QStringLiteral("signup_at"), iso(account->signupAt)},
                         {QStringLiteral("exported_status"), toString(account->status)},
                         {QStringLiteral("current_status"), toString(ev.status)},
                         {QStringLiteral("flagged_at"), iso(account->flaggedAt)},
                         {QStringLiteral("flag_reason"), R(account->flagReason)}});

    // Findings (already in catalogue order).
    m.insert(QStringLiteral("recommended_action"), toString(ev.recommended));
    QJsonArray findings;
    for (const auto& f : ev.findings)
        findings.append(QJsonObject{{QStringLiteral("rule"), f.rule},
                                    {QStringLiteral("clause"), f.clause},
                                    {QStringLiteral("severity"), toString(f.severity)},
                                    {QStringLiteral("summary"), R(f.summary)},
                                    {QStringLiteral("to_clear"), R(f.toClear)},
                                    {QStringLiteral("evidence"), redactValue(f.evidence, red)}});
    m.insert(QStringLiteral("findings"), findings);
    m.insert(QStringLiteral("rates"), QJsonObject{{QStringLiteral("complaint"), optD(ev.complaintRate)},
                                                  {QStringLiteral("bounce"), optD(ev.bounceRate)},
                                                  {QStringLiteral("unsubscribe"), optD(ev.unsubscribeRate)},
                                                  {QStringLiteral("open"), optD(ev.openRate)}});

    // Metrics.
    const QJsonObject thresholds{
        {QStringLiteral("complaint"), rateThreshold(policy, QStringLiteral("complaint-rate"), 0.002,
                                                    QStringLiteral("gt"), QStringLiteral("delivered"))},
        {QStringLiteral("bounce"), rateThreshold(policy, QStringLiteral("bounce-rate"), 0.05,
                                                 QStringLiteral("gt"), QStringLiteral("sent"))},
        {QStringLiteral("unsubscribe"), rateThreshold(policy, QStringLiteral("unsubscribe-rate"), 0.01,
                                                      QStringLiteral("gt"), QStringLiteral("delivered"))},
        {QStringLiteral("open"), rateThreshold(policy, QStringLiteral("open-rate"), 0.03,
                                               QStringLiteral("lt"), QStringLiteral("delivered"))}};
    m.insert(QStringLiteral("thresholds"), thresholds);
    QList<Campaign> campaigns = store.campaigns(options.accountId);
    std::stable_sort(campaigns.begin(), campaigns.end(), [](const Campaign& a, const Campaign& b) {
        return a.sentAt != b.sentAt ? a.sentAt < b.sentAt : a.campaignId < b.campaignId;
    });
    QJsonArray camps;
    for (const auto& c : campaigns) {
        const auto minVol = [&](const char* key) {
            return thresholds.value(QLatin1String(key))
                .toObject()
                .value(QStringLiteral("min_volume"))
                .toDouble();
        };
        QJsonArray lists;
        for (const auto& l : c.listIds)
            lists.append(l);
        camps.append(QJsonObject{
            {QStringLiteral("campaign_id"), c.campaignId},
            {QStringLiteral("sent_at"), iso(c.sentAt)},
            {QStringLiteral("subject"), R(c.subject)},
            {QStringLiteral("from_address"), R(c.fromAddress)},
            {QStringLiteral("list_ids"), lists},
            {QStringLiteral("sent"), double(c.sent)},
            {QStringLiteral("delivered"), double(c.delivered)},
            {QStringLiteral("bounces"), double(c.bounces)},
            {QStringLiteral("hard_bounces"), opt(c.hardBounces)},
            {QStringLiteral("complaints"), double(c.complaints)},
            {QStringLiteral("unsubscribes"), double(c.unsubscribes)},
            {QStringLiteral("unique_opens"), double(c.uniqueOpens)},
            {QStringLiteral("unique_clicks"), opt(c.uniqueClicks)},
            {QStringLiteral("complaint_rate"), rate(c.complaints, c.delivered)},
            {QStringLiteral("bounce_rate"), rate(c.bounces, c.sent)},
            {QStringLiteral("unsubscribe_rate"), rate(c.unsubscribes, c.delivered)},
            {QStringLiteral("open_rate"), rate(c.uniqueOpens, c.delivered)},
            {QStringLiteral("volume_evaluated"),
             QJsonObject{{QStringLiteral("complaint"), double(c.delivered) >= minVol("complaint")},
                         {QStringLiteral("bounce"), double(c.sent) >= minVol("bounce")},
                         {QStringLiteral("unsubscribe"), double(c.delivered) >= minVol("unsubscribe")},
                         {QStringLiteral("open"), double(c.delivered) >= minVol("open")}}}});
    }
    m.insert(QStringLiteral("campaigns"), camps);

    // Permission evidence.
    QList<MailingList> lists = store.lists(options.accountId);
    std::sort(lists.begin(), lists.end(), [](const auto& a, const auto& b) { return a.listId < b.listId; });
    QList<EvidenceRow> evidence = store.evidence(options.accountId);
    std::stable_sort(evidence.begin(), evidence.end(),
                     [](const auto& a, const auto& b) { return a.sourceLine < b.sourceLine; });
    QMap<QString, QPair<qint64, qint64>> byList, byMethod; // rows, invalid
    QJsonArray invalidRows;
    for (const auto& e : evidence) {
        const QString reason = invalidReason(e, asOf);
        auto& bl = byList[e.listId];
        auto& bm = byMethod[e.method];
        ++bl.first;
        ++bm.first;
        if (reason.isEmpty())
            continue;
        ++bl.second;
        ++bm.second;
        invalidRows.append(QJsonObject{{QStringLiteral("line"), double(e.sourceLine)},
                                       {QStringLiteral("list_id"), e.listId},
                                       {QStringLiteral("subscriber"), red.subscriber(e.subscriber)},
                                       {QStringLiteral("method"), e.method},
                                       {QStringLiteral("consent_at"), iso(e.consentAt)},
                                       {QStringLiteral("source"), R(e.source)},
                                       {QStringLiteral("ip"), R(e.ip)},
                                       {QStringLiteral("checkbox_default"), e.checkboxDefault},
                                       {QStringLiteral("last_purchase_at"), iso(e.lastPurchaseAt)},
                                       {QStringLiteral("reason"), reason}});
    }
    QJsonArray listsA;
    for (const auto& l : lists) {
        QJsonValue screening = QJsonValue::Null;
        QJsonArray problemRows;
        if (l.screening) {
            const auto& s = *l.screening;
            screening = QJsonObject{{QStringLiteral("rows"), double(s.rows)},
                                    {QStringLiteral("invalid"), double(s.invalid)},
                                    {QStringLiteral("duplicates"), double(s.duplicates)},
                                    {QStringLiteral("role"), double(s.role)},
                                    {QStringLiteral("disposable"), double(s.disposable)},
                                    {QStringLiteral("typo"), double(s.typo)}};
            if (l.hasFile && (s.invalid || s.duplicates || s.role || s.disposable || s.typo)) {
                for (const auto& row :
                     store.listRows(options.accountId, l.listId, 0x1f, 0, kMaxProblemRows)) {
                    QJsonArray probs;
                    for (const auto& p : problemNames(row.problems))
                        probs.append(p);
                    problemRows.append(QJsonObject{{QStringLiteral("line"), double(row.line)},
                                                   {QStringLiteral("email"), red.subscriber(row.email)},
                                                   {QStringLiteral("problems"), probs}});
                }
            }
        }
        const auto ev2 = byList.value(l.listId);
        listsA.append(QJsonObject{{QStringLiteral("list_id"), l.listId},
                                  {QStringLiteral("name"), R(l.name)},
                                  {QStringLiteral("source"), l.source},
                                  {QStringLiteral("acquired_at"), iso(l.acquiredAt)},
                                  {QStringLiteral("size"), opt(l.size)},
                                  {QStringLiteral("double_opt_in"),
                                   l.doubleOptIn ? QJsonValue(*l.doubleOptIn) : QJsonValue(QJsonValue::Null)},
                                  {QStringLiteral("has_file"), l.hasFile},
                                  {QStringLiteral("screening"), screening},
                                  {QStringLiteral("problem_rows"), problemRows},
                                  {QStringLiteral("evidence_rows"), double(ev2.first)},
                                  {QStringLiteral("evidence_invalid"), double(ev2.second)}});
    }
    m.insert(QStringLiteral("lists"), listsA);
    QJsonArray byListA, byMethodA;
    for (auto it = byList.begin(); it != byList.end(); ++it)
        byListA.append(QJsonObject{{QStringLiteral("list_id"), it.key()},
                                   {QStringLiteral("rows"), double(it.value().first)},
                                   {QStringLiteral("invalid"), double(it.value().second)}});
    for (auto it = byMethod.begin(); it != byMethod.end(); ++it)
        byMethodA.append(QJsonObject{{QStringLiteral("method"), it.key()},
                                     {QStringLiteral("rows"), double(it.value().first)},
                                     {QStringLiteral("invalid"), double(it.value().second)}});
    m.insert(QStringLiteral("evidence"), QJsonObject{{QStringLiteral("rows"), double(evidence.size())},
                                                     {QStringLiteral("invalid"), double(invalidRows.size())},
                                                     {QStringLiteral("by_list"), byListA},
                                                     {QStringLiteral("by_method"), byMethodA},
                                                     {QStringLiteral("invalid_rows"), invalidRows}});

    // Complaint timeline.
    QList<Complaint> complaints = store.complaints(options.accountId);
    std::stable_sort(complaints.begin(), complaints.end(), [](const Complaint& a, const Complaint& b) {
        if (a.receivedAt != b.receivedAt)
            return a.receivedAt < b.receivedAt;
        if (a.file != b.file)
            return a.file < b.file;
        return a.sourceLine < b.sourceLine;
    });
    QJsonArray complaintsA;
    for (const auto& c : complaints)
        complaintsA.append(QJsonObject{{QStringLiteral("received_at"), iso(c.receivedAt)},
                                       {QStringLiteral("campaign_id"), c.campaignId},
                                       {QStringLiteral("recipient"), red.subscriber(c.recipient)},
                                       {QStringLiteral("feedback_type"), c.feedbackType},
                                       {QStringLiteral("source"), R(c.source)},
                                       {QStringLiteral("note"), R(c.note)},
                                       {QStringLiteral("origin"), c.origin},
                                       {QStringLiteral("file"), c.file},
                                       {QStringLiteral("line"), double(c.sourceLine)},
                                       {QStringLiteral("user_agent"), R(c.userAgent)},
                                       {QStringLiteral("source_ip"), R(c.sourceIp)}});
    m.insert(QStringLiteral("complaints"), complaintsA);

    // Sample messages.
    QList<StoredMessage> messages = store.messages(options.accountId, true);
    std::stable_sort(messages.begin(), messages.end(), [](const StoredMessage& a, const StoredMessage& b) {
        if (a.file != b.file)
            return a.file < b.file;
        return a.mboxIndex < b.mboxIndex;
    });
    QJsonArray messagesA;
    const QString remoteLabel = text(options.language, QStringLiteral("msg.remote_removed"));
    for (const auto& sm : messages) {
        QJsonObject o{{QStringLiteral("file"), sm.file},
                      {QStringLiteral("mbox_index"), sm.mboxIndex},
                      {QStringLiteral("sha256"), sm.sha256},
                      {QStringLiteral("campaign_id"), sm.campaignId}};
        QJsonArray warnings;
        for (const auto& w : sm.parseWarnings)
            warnings.append(R(w));
        mime::ParsedMessage pm;
        bool parsed = true;
        try {
            pm = mime::parseMessage(sm.raw, sm.file);
        } catch (const Error& e) {
            parsed = false;
            warnings.append(R(e.message()));
        }
        o.insert(QStringLiteral("from"), R(parsed ? pm.from : sm.from));
        o.insert(QStringLiteral("subject"), R(parsed ? pm.subject : sm.subject));
        o.insert(QStringLiteral("date"), iso(parsed ? pm.date : sm.date));
        QJsonArray headers;
        for (const auto& h : pm.headers)
            headers.append(QJsonArray{h.first, R(h.second)});
        o.insert(QStringLiteral("headers"), headers);
        QString body = pm.hasText ? pm.text : pm.htmlVisibleText;
        if (!parsed)
            body = sm.text;
        bool cut = false;
        if (body.size() > kMaxBodyChars) {
            body.truncate(kMaxBodyChars);
            cut = true;
        }
        o.insert(QStringLiteral("text"), R(body));
        o.insert(QStringLiteral("text_truncated"), cut);
        if (parsed && pm.hasHtml) {
            const SanitizedHtml s = sanitizeHtml(pm.html, pm.attachments, R, remoteLabel);
            o.insert(QStringLiteral("html"), s.html);
            o.insert(QStringLiteral("html_removed"),
                     QJsonObject{{QStringLiteral("elements"), s.removedElements},
                                 {QStringLiteral("attributes"), s.removedAttributes},
                                 {QStringLiteral("remote_resources"), s.remoteResources},
                                 {QStringLiteral("inlined_images"), s.inlinedImages}});
        } else {
            o.insert(QStringLiteral("html"), QJsonValue::Null);
            o.insert(QStringLiteral("html_removed"), QJsonValue::Null);
        }
        QJsonArray links;
        for (const auto& l : (parsed ? pm.links : sm.links))
            links.append(
                QJsonObject{{QStringLiteral("text"), R(l.text)}, {QStringLiteral("href"), R(l.href)}});
        o.insert(QStringLiteral("links"), links);
        QJsonArray atts;
        for (const auto& a : pm.attachments)
            atts.append(QJsonObject{{QStringLiteral("filename"), R(a.filename)},
                                    {QStringLiteral("content_type"), a.contentType},
                                    {QStringLiteral("size"), double(a.size)},
                                    {QStringLiteral("sha256"), a.sha256}});
        o.insert(QStringLiteral("attachments"), atts);
        QJsonArray unsub;
        for (const auto& u : (parsed ? pm.listUnsubscribe : sm.listUnsubscribe))
            unsub.append(R(u));
        o.insert(QStringLiteral("list_unsubscribe"), unsub);
        o.insert(QStringLiteral("one_click_unsubscribe"),
                 parsed ? pm.oneClickUnsubscribe : sm.oneClickUnsubscribe);
        o.insert(QStringLiteral("authentication"),
                 QJsonObject{{QStringLiteral("spf"), parsed ? pm.spf : sm.spf},
                             {QStringLiteral("dkim"), parsed ? pm.dkim : sm.dkim},
                             {QStringLiteral("dmarc"), parsed ? pm.dmarc : sm.dmarc}});
        for (const auto& w : pm.warnings)
            warnings.append(R(w));
        o.insert(QStringLiteral("warnings"), warnings);
        messagesA.append(o);
    }
    m.insert(QStringLiteral("messages"), messagesA);

    QJsonArray linkedA;
    for (auto it = linked.begin(); it != linked.end(); ++it)
        linkedA.append(redactValue(it.value(), red));
    m.insert(QStringLiteral("linked_accounts"), linkedA);

    // Platform history and this tool's decisions.
    QJsonArray historyA;
    for (const auto& h : store.history(options.accountId))
        historyA.append(QJsonObject{{QStringLiteral("at"), iso(h.at)},
                                    {QStringLiteral("action"), toString(h.action)},
                                    {QStringLiteral("reason"), R(h.reason)},
                                    {QStringLiteral("by"), R(h.by)}});
    m.insert(QStringLiteral("platform_history"), historyA);
    QJsonArray decisionsA;
    for (const auto& d : store.decisions(options.accountId))
        decisionsA.append(QJsonObject{{QStringLiteral("id"), double(d.id)},
                                      {QStringLiteral("at"), iso(d.at)},
                                      {QStringLiteral("reviewer"), R(d.reviewer)},
                                      {QStringLiteral("action"), toString(d.action)},
                                      {QStringLiteral("list_id"), d.listId},
                                      {QStringLiteral("recommended"), toString(d.recommended)},
                                      {QStringLiteral("state"), toString(d.state)},
                                      {QStringLiteral("rationale"), R(d.rationale)},
                                      {QStringLiteral("policy_id"), d.policyId},
                                      {QStringLiteral("policy_version"), d.policyVersion},
                                      {QStringLiteral("approves_decision_id"), double(d.approvesDecisionId)},
                                      {QStringLiteral("approved_by"), R(d.approvedBy)},
                                      {QStringLiteral("approved_at"), iso(d.approvedAt)},
                                      {QStringLiteral("notice_language"), d.noticeLanguage},
                                      {QStringLiteral("notice_text"), R(d.noticeText)}});
    m.insert(QStringLiteral("decisions"), decisionsA);

    // Evidence appendix.
    QJsonObject appendix;
    QJsonArray files;
    if (const auto imp = store.importOfAccount(options.accountId)) {
        appendix.insert(QStringLiteral("import"),
                        QJsonObject{{QStringLiteral("id"), double(imp->id)},
                                    {QStringLiteral("bundle"), imp->info.bundlePath},
                                    {QStringLiteral("bundle_sha256"), imp->info.bundleSha256},
                                    {QStringLiteral("exported_at"), iso(imp->info.exportedAt)},
                                    {QStringLiteral("source"), imp->info.source},
                                    {QStringLiteral("imported_at"), iso(imp->info.importedAt)},
                                    {QStringLiteral("imported_by"), R(imp->info.importedBy)}});
        QList<ImportedFile> fl = store.importFiles(imp->id);
        std::sort(fl.begin(), fl.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
        for (const auto& f : fl)
            files.append(QJsonObject{{QStringLiteral("path"), f.path},
                                     {QStringLiteral("size"), double(f.size)},
                                     {QStringLiteral("sha256"), f.sha256}});
    } else {
        appendix.insert(QStringLiteral("import"), QJsonValue::Null);
    }
    appendix.insert(QStringLiteral("files"), files);
    if (const auto head = store.lastAuditEntry())
        appendix.insert(QStringLiteral("audit_head"), QJsonObject{{QStringLiteral("seq"), double(head->seq)},
                                                                  {QStringLiteral("at"), iso(head->at)},
                                                                  {QStringLiteral("hash"), head->hash}});
    else
        appendix.insert(QStringLiteral("audit_head"), QJsonValue::Null);
    appendix.insert(QStringLiteral("audit_entries"), double(store.auditCount()));
    m.insert(QStringLiteral("appendix"), appendix);
    return m;
}

} // namespace ad::report
