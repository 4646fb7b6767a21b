// SPDX-License-Identifier: GPL-3.0-or-later
#include "rules/ruleutil.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QUrl>
#include <algorithm>
#include <cmath>
#include <vector>

namespace ad::rules::util {

QString count(qint64 n)
{
    static const QLocale c(QLocale::English, QLocale::UnitedStates);
    return c.toString(n);
}

QString percent(double share)
{
    const double p = share * 100.0;
    if (p == 0.0)
        return QStringLiteral("0%");
    int decimals = 2;
    while (decimals < 6 && std::fabs(p) < std::pow(10.0, 1 - decimals))
        ++decimals;
    QString s = QString::number(p, 'f', decimals);
    if (s.contains(QLatin1Char('.'))) {
        while (s.endsWith(QLatin1Char('0')))
            s.chop(1);
        if (s.endsWith(QLatin1Char('.')))
            s.chop(1);
    }
    return s + QLatin1Char('%');
}

QString date(const QDateTime& t)
{
    return t.toUTC().date().toString(Qt::ISODate);
}

QString quoted(const QString& text, int max)
{
    QString t = text.simplified();
    if (t.size() > max)
        t = t.left(max - 1) + QChar(0x2026);
    return QLatin1Char('"') + t + QLatin1Char('"');
}

std::optional<Compare> compareFromString(const QString& s)
{
    if (s == u"gt")
        return Compare::Gt;
    if (s == u"ge")
        return Compare::Ge;
    if (s == u"lt")
        return Compare::Lt;
    if (s == u"le")
        return Compare::Le;
    return std::nullopt;
}

QString toString(Compare c)
{
    switch (c) {
    case Compare::Gt:
        return QStringLiteral("gt");
    case Compare::Ge:
        return QStringLiteral("ge");
    case Compare::Lt:
        return QStringLiteral("lt");
    case Compare::Le:
        return QStringLiteral("le");
    }
    return {};
}

QString symbol(Compare c)
{
    switch (c) {
    case Compare::Gt:
        return QStringLiteral(">");
    case Compare::Ge:
        return QString(QChar(0x2265));
    case Compare::Lt:
        return QStringLiteral("<");
    case Compare::Le:
        return QString(QChar(0x2264));
    }
    return {};
}

bool fires(double value, Compare c, double threshold)
{
    switch (c) {
    case Compare::Gt:
        return value > threshold;
    case Compare::Ge:
        return value >= threshold;
    case Compare::Lt:
        return value < threshold;
    case Compare::Le:
        return value <= threshold;
    }
    return false;
}

QList<Level> levels(const RuleContext& c, double defaultThreshold, Compare defaultCompare)
{
    QList<Level> out;
    const QJsonValue lv = c.settings.params.value(QStringLiteral("levels"));
    if (lv.isArray()) {
        for (const QJsonValue& v : lv.toArray()) {
            const QJsonObject o = v.toObject();
            Level l;
            l.severity =
                severityFromString(o.value(QStringLiteral("severity")).toString()).value_or(Severity::Info);
            l.threshold = o.value(QStringLiteral("threshold")).toDouble();
            l.compare =
                compareFromString(o.value(QStringLiteral("compare")).toString()).value_or(defaultCompare);
            out << l;
        }
    } else {
        Level l;
        l.severity = c.settings.severity;
        l.threshold = c.number(QStringLiteral("threshold"), defaultThreshold);
        l.compare = compareFromString(c.text(QStringLiteral("compare"), toString(defaultCompare)))
                        .value_or(defaultCompare);
        out << l;
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Level& a, const Level& b) { return int(a.severity) < int(b.severity); });
    return out;
}

std::optional<Level> reached(const QList<Level>& ladder, double value)
{
    std::optional<Level> best;
    for (const Level& l : ladder) {
        if (fires(value, l.compare, l.threshold) && (!best || int(l.severity) >= int(best->severity)))
            best = l;
    }
    return best;
}

qint64 clearingCount(qint64 d, const Level& level)
{
    if (d <= 0)
        return 0;
    const double dd = double(d);
    qint64 k = qint64(std::floor(level.threshold * dd));
    k = std::clamp<qint64>(k, 0, d);
    auto firesAt = [&](qint64 n) { return fires(double(n) / dd, level.compare, level.threshold); };
    if (level.compare == Compare::Gt || level.compare == Compare::Ge) {
        // largest n in [0, d] that does not fire
        while (k > 0 && firesAt(k))
            --k;
        while (k < d && !firesAt(k + 1))
            ++k;
        return k;
    }
    // smallest n in [0, d] that does not fire
    while (k < d && firesAt(k))
        ++k;
    while (k > 0 && !firesAt(k - 1))
        --k;
    return k;
}

double minVolume(const RuleContext& c)
{
    return c.number(QStringLiteral("min_volume"), 500);
}

QList<Finding> evaluateRate(const RuleContext& c, const RateSpec& spec)
{
    if (c.snapshot.campaigns.isEmpty())
        return {};
    const QList<Level> ladder = levels(c, spec.defaultThreshold, spec.defaultCompare);
    if (ladder.isEmpty())
        return {};
    const double minVol = minVolume(c);
    // The campaigns that reach a level, then only those put in natural campaign-id order (ids are unique
    // per account and naturalLess breaks ties by plain comparison, so the order is the same as sorting
    // every campaign first; most campaigns reach no level).
    struct Hit
    {
        const Campaign* cp;
        qint64 n, d;
        double value;
        Level level;
        QString label;
    };
    std::vector<Hit> hits;
    for (const Campaign& campaign : c.snapshot.campaigns) {
        const Campaign* cp = &campaign;
        if (cp->sentAt.isValid() && c.asOf.isValid() && cp->sentAt > c.asOf)
            continue; // not yet sent as of the evaluation time
        const qint64 d = spec.denominator(*cp);
        if (d <= 0 || double(d) < minVol)
            continue;
        QString label = spec.countLabel;
        const qint64 n = spec.numerator(*cp, &label);
        const double value = double(n) / double(d);
        const auto level = reached(ladder, value);
        if (!level)
            continue;
        hits.push_back({cp, n, d, value, *level, std::move(label)});
    }
    std::sort(hits.begin(), hits.end(),
              [](const Hit& a, const Hit& b) { return naturalLess(a.cp->campaignId, b.cp->campaignId); });
    QList<Finding> out;
    for (Hit& hit : hits) {
        const Campaign* cp = hit.cp;
        const qint64 n = hit.n, d = hit.d;
        const double value = hit.value;
        const Level* level = &hit.level;
        const QString& label = hit.label;
        Finding f = c.finding();
        f.severity = level->severity;
        f.summary = QStringLiteral("campaign %1: %2 %3 (%4 of %5 %6) %7 %8")
                        .arg(cp->campaignId, percent(value), label, count(n), count(d), spec.denomKey,
                             symbol(level->compare), percent(level->threshold));
        const Level& lowest = ladder.first();
        const qint64 bound = clearingCount(d, lowest);
        const bool upper = lowest.compare == Compare::Gt || lowest.compare == Compare::Ge;
        f.toClear =
            QStringLiteral("%1 must be %2 %3 of %4 %5")
                .arg(label.contains(QLatin1Char('(')) || label == spec.countLabel ? spec.countNoun : label,
                     upper ? QString(QChar(0x2264)) : QString(QChar(0x2265)), count(bound), count(d),
                     spec.denomKey);
        QJsonObject ev;
        ev.insert(QStringLiteral("campaign_id"), cp->campaignId);
        ev.insert(QStringLiteral("value"), value);
        ev.insert(QStringLiteral("threshold"), level->threshold);
        ev.insert(QStringLiteral("compare"), toString(level->compare));
        ev.insert(spec.countKey, n);
        ev.insert(spec.denomKey, d);
        ev.insert(QStringLiteral("min_volume"), minVol);
        f.evidence = ev;
        out << f;
    }
    return out;
}

bool naturalLess(const QString& a, const QString& b)
{
    qsizetype i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].isDigit() && b[j].isDigit()) {
            qsizetype i2 = i, j2 = j;
            while (i2 < a.size() && a[i2].isDigit())
                ++i2;
            while (j2 < b.size() && b[j2].isDigit())
                ++j2;
            QStringView na = QStringView(a).mid(i, i2 - i), nb = QStringView(b).mid(j, j2 - j);
            while (na.size() > 1 && na.front() == QLatin1Char('0'))
                na = na.mid(1);
            while (nb.size() > 1 && nb.front() == QLatin1Char('0'))
                nb = nb.mid(1);
            if (na.size() != nb.size())
                return na.size() < nb.size();
            const int cmp = na.compare(nb);
            if (cmp != 0)
                return cmp < 0;
            i = i2;
            j = j2;
            continue;
        }
        if (a[i] != b[j])
            return a[i] < b[j];
        ++i;
        ++j;
    }
    if ((a.size() - i) != (b.size() - j))
        return (a.size() - i) < (b.size() - j);
    return a < b;
}

QString bareAddress(const QString& from)
{
    QString s = from.trimmed();
    const qsizetype lt = s.lastIndexOf(QLatin1Char('<'));
    if (lt >= 0) {
        const qsizetype gt = s.indexOf(QLatin1Char('>'), lt);
        s = s.mid(lt + 1, gt < 0 ? -1 : gt - lt - 1);
    }
    s = s.trimmed().toLower();
    if (s.startsWith(QStringLiteral("mailto:")))
        s = s.mid(7);
    if (!s.contains(QLatin1Char('@')) || s.contains(QLatin1Char(' ')))
        return {};
    return s;
}

QString localPart(const QString& address)
{
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    QString lp = (at < 0 ? address : address.left(at)).trimmed().toLower();
    const qsizetype plus = lp.indexOf(QLatin1Char('+'));
    if (plus > 0)
        lp = lp.left(plus);
    return lp;
}

QString domainOf(const QString& address)
{
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    return at < 0 ? QString() : normalizeHost(address.mid(at + 1).trimmed());
}

QString normalizeHost(QString host)
{
    host = host.trimmed().toLower();
    while (host.endsWith(QLatin1Char('.')))
        host.chop(1);
    if (host.startsWith(QStringLiteral("www.")))
        host = host.mid(4);
    return host;
}

QString hostOf(const QString& urlOrDomain)
{
    QString s = urlOrDomain.trimmed();
    if (s.isEmpty())
        return {};
    if (!s.contains(QStringLiteral("://")))
        s = QStringLiteral("http://") + s;
    const QUrl u(s, QUrl::TolerantMode);
    if (!u.isValid())
        return {};
    return normalizeHost(u.host());
}

QString fold(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar ch : text) {
        if (ch.isLetterOrNumber())
            out += ch.toLower();
    }
    return out;
}

void appendFold(std::u16string& out, QStringView text)
{
    const size_t at = out.size();
    out.resize(at + size_t(text.size()));
    char16_t* p = out.data() + at;
    for (const QChar ch : text) {
        const char16_t u = ch.unicode();
        if (u < 0x80) {
            if ((u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9'))
                *p++ = u;
            else if (u >= u'A' && u <= u'Z')
                *p++ = char16_t(u + 32);
        } else if (ch.isLetterOrNumber()) {
            *p++ = ch.toLower().unicode();
        }
    }
    out.resize(size_t(p - out.data()));
}

bool isRoleAddress(const PreparedPolicy& prepared, const QString& address)
{
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    const qsizetype end = at < 0 ? address.size() : at;
    char buf[64];
    if (end <= qsizetype(sizeof buf)) {
        const QChar* p = address.constData();
        bool ascii = true;
        for (qsizetype i = 0; i < end; ++i) {
            const char16_t u = p[i].unicode();
            if (u >= 0x80) {
                ascii = false;
                break;
            }
            buf[i] = (u >= u'A' && u <= u'Z') ? char(u + 32) : char(u);
        }
        if (ascii) {
            // QString::trimmed (QChar::isSpace: 9-13 and 32 in ASCII), then "+tag" dropped
            auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
            qsizetype b = 0, e = end;
            while (b < e && space(buf[b]))
                ++b;
            while (e > b && space(buf[e - 1]))
                --e;
            std::string_view lp(buf + b, size_t(e - b));
            const size_t plus = lp.find('+');
            if (plus != std::string_view::npos && plus > 0)
                lp = lp.substr(0, plus);
            const auto& set = prepared.roleLocalPartsAscii;
            const auto it = std::lower_bound(set.begin(), set.end(), lp,
                                             [](const std::string& a, std::string_view v) { return a < v; });
            return it != set.end() && *it == lp;
        }
    }
    return prepared.roleLocalParts.contains(localPart(address));
}

bool warned(const AccountSnapshot& s, const QDateTime& asOf, QDateTime* firstWarn)
{
    QDateTime first;
    bool any = false;
    auto consider = [&](const QDateTime& at) {
        if (asOf.isValid() && at.isValid() && at > asOf)
            return; // after the evaluation time
        any = true;
        if (at.isValid() && (!first.isValid() || at < first))
            first = at;
    };
    for (const HistoryEntry& h : s.history) {
        if (h.action == Action::Warn)
            consider(h.at);
    }
    for (const Decision& d : s.decisions) {
        if (d.action == Action::Warn && d.state != Decision::State::Superseded)
            consider(d.at);
    }
    if (firstWarn)
        *firstWarn = first;
    return any;
}

QList<const Complaint*> countedComplaints(const RuleContext& c)
{
    const QStringList excluded =
        c.strings(QStringLiteral("excluded_feedback_types"), {QStringLiteral("not-spam")});
    QList<const Complaint*> out;
    for (const Complaint& cp : c.snapshot.complaints) {
        if (c.asOf.isValid() && cp.receivedAt.isValid() && cp.receivedAt > c.asOf)
            continue;
        if (excluded.contains(cp.feedbackType.toLower()))
            continue;
        out << &cp;
    }
    std::sort(out.begin(), out.end(), [](const Complaint* a, const Complaint* b) { return a->id < b->id; });
    return out;
}

QList<const StoredMessage*> sortedMessages(const AccountSnapshot& s)
{
    QList<const StoredMessage*> out;
    for (const StoredMessage& m : s.messages)
        out << &m;
    std::sort(out.begin(), out.end(),
              [](const StoredMessage* a, const StoredMessage* b) { return a->id < b->id; });
    return out;
}

QString messageLabel(const StoredMessage& m)
{
    QStringList parts;
    if (!m.campaignId.isEmpty())
        parts << QStringLiteral("campaign ") + m.campaignId;
    if (!m.subject.isEmpty())
        parts << quoted(m.subject, 50);
    QString s = QStringLiteral("message %1").arg(m.id);
    if (!parts.isEmpty())
        s += QStringLiteral(" (") + parts.join(QStringLiteral(", ")) + QLatin1Char(')');
    return s;
}

QJsonObject messageEvidence(const StoredMessage& m)
{
    QJsonObject ev;
    ev.insert(QStringLiteral("message_ids"), QJsonArray{m.id});
    if (!m.campaignId.isEmpty())
        ev.insert(QStringLiteral("campaign_id"), m.campaignId);
    if (!m.file.isEmpty())
        ev.insert(QStringLiteral("file"),
                  m.mboxIndex >= 0 ? QStringLiteral("%1#%2").arg(m.file).arg(m.mboxIndex) : m.file);
    return ev;
}

QString describeLink(const OverlapIndex::Link& l)
{
    QStringList parts;
    if (!l.fromAddresses.isEmpty())
        parts << QStringLiteral("From ") + l.fromAddresses.join(QStringLiteral(", "));
    if (!l.linkDomains.isEmpty())
        parts << QStringLiteral("link domain%1 ")
                         .arg(l.linkDomains.size() > 1 ? QStringLiteral("s") : QString()) +
                     l.linkDomains.join(QStringLiteral(", "));
    for (const auto& m : l.content)
        parts << QStringLiteral("message %1 %2 its message %3, %4 similar")
                     .arg(m.messageId)
                     .arg(QString(QChar(0x2248)))
                     .arg(m.otherMessageId)
                     .arg(percent(m.similarity));
    QString s = l.accountId;
    if (l.status != AccountStatus::Active)
        s += QLatin1Char(' ') + ad::toString(l.status);
    return s + QStringLiteral(" (") + parts.join(QStringLiteral("; ")) + QLatin1Char(')');
}

QJsonObject linkJson(const OverlapIndex::Link& l)
{
    QJsonObject o;
    o.insert(QStringLiteral("account_id"), l.accountId);
    o.insert(QStringLiteral("status"), ad::toString(l.status));
    o.insert(QStringLiteral("from_addresses"), stringArray(l.fromAddresses));
    o.insert(QStringLiteral("link_domains"), stringArray(l.linkDomains));
    QJsonArray msgs;
    for (const auto& m : l.content) {
        QJsonObject mo;
        mo.insert(QStringLiteral("message_id"), m.messageId);
        mo.insert(QStringLiteral("other_message_id"), m.otherMessageId);
        mo.insert(QStringLiteral("similarity"), std::round(m.similarity * 1000.0) / 1000.0);
        msgs.append(mo);
    }
    o.insert(QStringLiteral("messages"), msgs);
    return o;
}

Finding overlapFinding(const RuleContext& c, const QList<OverlapIndex::Link>& links, const QString& lead,
                       const QString& toClear, int maxListed)
{
    Finding f = c.finding();
    QStringList shown;
    for (qsizetype i = 0; i < links.size() && i < 3; ++i)
        shown << describeLink(links[i]);
    f.summary = lead.arg(count(links.size()),
                         links.size() == 1 ? QStringLiteral("account") : QStringLiteral("accounts")) +
                QStringLiteral(": ") + shown.join(QStringLiteral("; "));
    if (links.size() > 3)
        f.summary += QStringLiteral("; +%1 more").arg(count(links.size() - 3));
    f.toClear = toClear;
    QJsonArray accounts;
    QList<qint64> messageIds;
    for (qsizetype i = 0; i < links.size(); ++i) {
        if (i < maxListed)
            accounts.append(linkJson(links[i]));
        for (const auto& m : links[i].content) {
            if (!messageIds.contains(m.messageId))
                messageIds << m.messageId;
        }
    }
    std::sort(messageIds.begin(), messageIds.end());
    QJsonObject ev;
    ev.insert(QStringLiteral("accounts"), accounts);
    ev.insert(QStringLiteral("accounts_total"), links.size());
    if (!messageIds.isEmpty())
        ev.insert(QStringLiteral("message_ids"), idArray(messageIds));
    ev.insert(QStringLiteral("value"), links.size());
    ev.insert(QStringLiteral("threshold"), 0);
    f.evidence = ev;
    return f;
}

QJsonArray idArray(const QList<qint64>& ids)
{
    QJsonArray a;
    for (qint64 id : ids)
        a.append(id);
    return a;
}

QJsonArray stringArray(const QStringList& list)
{
    QJsonArray a;
    for (const QString& s : list)
        a.append(s);
    return a;
}

QList<Finding> evaluateListShare(const RuleContext& c, const ListShareSpec& spec)
{
    const double max = c.number(spec.param, 0.01);
    const Compare cmp =
        compareFromString(c.text(QStringLiteral("compare"), QStringLiteral("gt"))).value_or(Compare::Gt);
    QList<const MailingList*> lists;
    for (const MailingList& l : c.snapshot.lists) {
        if (l.screening && l.screening->rows > 0 &&
            fires(double((*l.screening).*spec.count) / double(l.screening->rows), cmp, max))
            lists << &l;
    }
    std::sort(lists.begin(), lists.end(),
              [](const MailingList* a, const MailingList* b) { return naturalLess(a->listId, b->listId); });
    QList<Finding> out;
    for (const MailingList* l : lists) {
        const ListScreeningSummary& s = *l->screening;
        const qint64 n = s.*spec.count;
        const double share = double(n) / double(s.rows);
        Finding f = c.finding();
        f.summary = QStringLiteral("list %1: %2 %3 (%4 of %5 rows) %6 %7")
                        .arg(l->listId, percent(share), spec.noun, count(n), count(s.rows), symbol(cmp),
                             percent(max));
        const Level level{f.severity, max, cmp};
        f.toClear =
            QStringLiteral("%1 must be %2 %3 of %4 rows")
                .arg(spec.noun, symbol(Compare::Le), count(clearingCount(s.rows, level)), count(s.rows));
        QJsonObject ev;
        ev.insert(QStringLiteral("list_id"), l->listId);
        ev.insert(QStringLiteral("value"), share);
        ev.insert(QStringLiteral("threshold"), max);
        ev.insert(QStringLiteral("count"), n);
        ev.insert(QStringLiteral("rows"), s.rows);
        f.evidence = ev;
        out << f;
    }
    return out;
}

} // namespace ad::rules::util
