// SPDX-License-Identifier: GPL-3.0-or-later
// toHtml(): the printable, self-contained page of a case report, laid out from the model alone.
#include "report/report.h"
#include "report/svgchart.h"
#include "util/error.h"
#include "util/paths.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QMutex>
#include <QRegularExpression>
#include <cmath>

namespace ad::report {

namespace {

QJsonObject loadStrings()
{
    QFile f(paths::resource(QStringLiteral("templates/report-strings.json")));
    if (!f.open(QIODevice::ReadOnly))
        throw Error::internal(
            QStringLiteral("cannot read the report strings %1: %2").arg(f.fileName(), f.errorString()));
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &err);
    if (!doc.isObject())
        throw Error::internal(QStringLiteral("%1: %2").arg(f.fileName(), err.errorString()));
    return doc.object();
}

const QJsonObject& strings()
{
    static const QJsonObject s = loadStrings();
    return s;
}

QString css()
{
    QFile f(paths::resource(QStringLiteral("templates/report.css")));
    if (!f.open(QIODevice::ReadOnly))
        throw Error::internal(
            QStringLiteral("cannot read the report style sheet %1: %2").arg(f.fileName(), f.errorString()));
    return QString::fromUtf8(f.readAll());
}

QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}

class Page
{
public:
    Page(const QJsonObject& model)
        : m(model), lang(model.value(QStringLiteral("language")).toString()),
          locale(lang == QLatin1String("id") ? QLocale(QLocale::Indonesian, QLocale::Indonesia)
                                             : QLocale(QLocale::English, QLocale::UnitedStates))
    {}

    QString t(const char* key) const { return text(lang, QString::fromLatin1(key)); }
    QString et(const char* key) const { return esc(t(key)); }
    QString s(const QJsonObject& o, const char* key) const { return o.value(QLatin1String(key)).toString(); }
    QString es(const QJsonObject& o, const char* key) const
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isNull() || v.isUndefined() || (v.isString() && v.toString().isEmpty()))
            return QStringLiteral("\u2014");
        if (v.isBool())
            return v.toBool() ? et("yes") : et("no");
        if (v.isDouble())
            return count(v.toDouble());
        return esc(v.toString());
    }
    QString count(double v) const
    {
        if (v == std::floor(v) && std::fabs(v) < 9.0e15)
            return locale.toString(qint64(v));
        return locale.toString(v, 'g', 6);
    }
    QString pct(const QJsonValue& v) const
    {
        if (!v.isDouble())
            return QStringLiteral("\u2014");
        return formatPercent(v.toDouble(), locale.decimalPoint().at(0));
    }
    QString enumText(const QString& prefix, const QString& value) const
    {
        if (value.isEmpty())
            return QStringLiteral("\u2014");
        const QString k = prefix + QLatin1Char('.') + value;
        const QString tr = text(lang, k);
        return esc(tr == k ? value : tr);
    }

    void h2(const QString& id, const char* key)
    {
        out += QStringLiteral("<h2 id=\"") + id + QStringLiteral("\">") + et(key) + QStringLiteral("</h2>\n");
    }
    void row(const char* key, const QString& valueHtml)
    {
        out += QStringLiteral("<tr><th>") + et(key) + QStringLiteral("</th><td>") + valueHtml +
               QStringLiteral("</td></tr>\n");
    }
    void empty(const char* key)
    {
        out += QStringLiteral("<p class=\"none\">") + et(key) + QStringLiteral("</p>\n");
    }

    QString build();

private:
    void header();
    void summary();
    void findings();
    void metrics();
    void permission();
    void complaints();
    void messages();
    void linked();
    void decisions();
    void appendix();
    QString thresholdText(const QJsonObject& th) const;
    // A finding's value or threshold: shares also as a percentage ("0.003263 (0.33 %)"), lists joined.
    QString evidenceNumber(const QJsonValue& v) const
    {
        if (v.isDouble()) {
            const double d = v.toDouble();
            if (d == std::floor(d))
                return count(d);
            QString s = locale.toString(d, 'g', 4);
            if (d > 0 && d < 1)
                s += QStringLiteral(" (") + pct(v) + QLatin1Char(')');
            return esc(s);
        }
        if (v.isArray()) {
            QStringList parts;
            for (const auto& x : v.toArray())
                parts << evidenceNumber(x);
            return parts.join(QStringLiteral(", "));
        }
        if (v.isString())
            return esc(v.toString());
        return esc(
            QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1));
    }

    const QJsonObject& m;
    QString lang;
    QLocale locale;
    QString out;
};

QString Page::thresholdText(const QJsonObject& th) const
{
    QStringList parts;
    for (const auto& l : th.value(QStringLiteral("levels")).toArray()) {
        const QJsonObject lo = l.toObject();
        const QString cmp = lo.value(QStringLiteral("compare")).toString();
        const QString sym = cmp == QLatin1String("gt")   ? QStringLiteral(">")
                            : cmp == QLatin1String("ge") ? QStringLiteral("\u2265")
                            : cmp == QLatin1String("lt") ? QStringLiteral("<")
                                                         : QStringLiteral("\u2264");
        parts << text(lang, QStringLiteral("severity.") + lo.value(QStringLiteral("severity")).toString()) +
                     QLatin1Char(' ') + sym + QLatin1Char(' ') +
                     formatPercent(lo.value(QStringLiteral("threshold")).toDouble(),
                                   locale.decimalPoint().at(0));
    }
    QString s = parts.join(QStringLiteral(" \u00b7 "));
    if (!th.value(QStringLiteral("enabled")).toBool())
        s += QStringLiteral(" (") + t("metrics.rule_off") + QLatin1Char(')');
    return s;
}

void Page::header()
{
    const QJsonObject a = m.value(QStringLiteral("account")).toObject();
    const QJsonObject p = m.value(QStringLiteral("policy")).toObject();
    out += QStringLiteral("<header class=\"report-head\">\n<div class=\"kicker\">") + et("report.kicker") +
           QStringLiteral("</div>\n<h1>") + et("report.title") + QStringLiteral(" ") + es(a, "id") +
           QStringLiteral(" \u2014 ") + es(a, "name") + QStringLiteral("</h1>\n");
    if (m.value(QStringLiteral("redacted")).toBool())
        out +=
            QStringLiteral("<p class=\"redacted-note\">") + et("report.redacted") + QStringLiteral("</p>\n");
    out += QStringLiteral("<table class=\"facts\">\n");
    row("report.policy", es(p, "title") + QStringLiteral(" (<code>") + es(p, "id") +
                             QStringLiteral("</code>, ") + et("report.version") + QLatin1Char(' ') +
                             es(p, "version") + QLatin1Char(')'));
    row("report.as_of", es(m, "as_of"));
    row("report.generator", es(m, "generator"));
    out += QStringLiteral("</table>\n");
    // The one line that differs between two exports of the same case (see report.h).
    out += QStringLiteral("<p class=\"exported-at\">") + et("report.exported_at") + QStringLiteral(": ") +
           es(m, "exported_at") + QStringLiteral("</p>\n");
    out += QStringLiteral("</header>\n");

    h2(QStringLiteral("account"), "section.account");
    out += QStringLiteral("<table class=\"facts\">\n");
    row("account.id", es(a, "id"));
    row("account.name", es(a, "name"));
    row("account.owner_email", es(a, "owner_email"));
    QStringList from;
    for (const auto& f : a.value(QStringLiteral("from_addresses")).toArray())
        from << esc(f.toString());
    row("account.from_addresses",
        from.isEmpty() ? QStringLiteral("\u2014") : from.join(QStringLiteral("<br>")));
    row("account.postal_address", es(a, "postal_address"));
    row("account.website", es(a, "website"));
    row("account.signup_at", es(a, "signup_at"));
    row("account.exported_status", enumText(QStringLiteral("status"), s(a, "exported_status")));
    row("account.current_status", enumText(QStringLiteral("status"), s(a, "current_status")));
    row("account.flagged_at", es(a, "flagged_at"));
    row("account.flag_reason", es(a, "flag_reason"));
    out += QStringLiteral("</table>\n");
}

void Page::summary()
{
    h2(QStringLiteral("summary"), "section.summary");
    const QString rec = s(m, "recommended_action");
    const QJsonArray f = m.value(QStringLiteral("findings")).toArray();
    out += QStringLiteral("<p class=\"verdict sev-") + esc(rec) + QStringLiteral("\">") +
           et("summary.recommended") + QStringLiteral(": <strong>") +
           enumText(QStringLiteral("action"), rec) + QStringLiteral("</strong></p>\n");
    QMap<int, int> bySev;
    static const QStringList order{QStringLiteral("terminate"), QStringLiteral("suspend"),
                                   QStringLiteral("warn"), QStringLiteral("info")};
    for (const auto& v : f)
        ++bySev[int(order.indexOf(v.toObject().value(QStringLiteral("severity")).toString()))];
    QStringList parts;
    for (int i = 0; i < order.size(); ++i)
        if (bySev.value(i))
            parts << QString::number(bySev.value(i)) + QLatin1Char(' ') +
                         enumText(QStringLiteral("severity"), order.at(i));
    out += QStringLiteral("<p>") + et("summary.findings") + QStringLiteral(": ") + QString::number(f.size());
    if (!parts.isEmpty())
        out += QStringLiteral(" (") + parts.join(QStringLiteral(", ")) + QLatin1Char(')');
    out += QStringLiteral("</p>\n");
}

void Page::findings()
{
    h2(QStringLiteral("findings"), "section.findings");
    const QJsonArray f = m.value(QStringLiteral("findings")).toArray();
    if (f.isEmpty()) {
        empty("findings.none");
        return;
    }
    int n = 0;
    for (const auto& v : f) {
        const QJsonObject o = v.toObject();
        const QJsonObject e = o.value(QStringLiteral("evidence")).toObject();
        out +=
            QStringLiteral("<section class=\"finding sev-") + esc(s(o, "severity")) + QStringLiteral("\">\n");
        out += QStringLiteral("<h3><span class=\"num\">") + QString::number(++n) +
               QStringLiteral(".</span> <code>") + es(o, "rule") +
               QStringLiteral("</code> <span class=\"badge\">") +
               enumText(QStringLiteral("severity"), s(o, "severity")) + QStringLiteral("</span></h3>\n");
        out += QStringLiteral("<p class=\"summary\">") + es(o, "summary") +
               QStringLiteral("</p>\n<table class=\"facts\">\n");
        row("findings.clause", es(o, "clause"));
        if (e.contains(QStringLiteral("value")))
            row("findings.value", evidenceNumber(e.value(QStringLiteral("value"))));
        if (e.contains(QStringLiteral("threshold")))
            row("findings.threshold", evidenceNumber(e.value(QStringLiteral("threshold"))));
        row("findings.to_clear", es(o, "to_clear"));
        QJsonObject rest = e;
        rest.remove(QStringLiteral("value"));
        rest.remove(QStringLiteral("threshold"));
        if (!rest.isEmpty())
            row("findings.evidence",
                QStringLiteral("<code class=\"json\">") +
                    esc(QString::fromUtf8(QJsonDocument(rest).toJson(QJsonDocument::Compact))) +
                    QStringLiteral("</code>"));
        out += QStringLiteral("</table>\n</section>\n");
    }
}

void Page::metrics()
{
    h2(QStringLiteral("metrics"), "section.metrics");
    const QJsonArray camps = m.value(QStringLiteral("campaigns")).toArray();
    const QJsonObject th = m.value(QStringLiteral("thresholds")).toObject();
    if (camps.isEmpty()) {
        empty("metrics.none");
        return;
    }
    out += QStringLiteral("<table class=\"grid metrics\">\n<thead><tr><th>") + et("metrics.campaign") +
           QStringLiteral("</th><th>") + et("metrics.sent_at") + QStringLiteral("</th><th class=\"n\">") +
           et("metrics.sent") + QStringLiteral("</th><th class=\"n\">") + et("metrics.delivered") +
           QStringLiteral("</th><th class=\"n\">") + et("metrics.complaint_rate") +
           QStringLiteral("</th><th class=\"n\">") + et("metrics.bounce_rate") +
           QStringLiteral("</th><th class=\"n\">") + et("metrics.unsubscribe_rate") +
           QStringLiteral("</th><th class=\"n\">") + et("metrics.open_rate") +
           QStringLiteral("</th></tr></thead>\n<tbody>\n");
    const auto over = [&](const QJsonObject& c, const char* rate, const char* kind) {
        const QJsonValue v = c.value(QLatin1String(rate));
        if (!v.isDouble())
            return false;
        if (!c.value(QStringLiteral("volume_evaluated")).toObject().value(QLatin1String(kind)).toBool())
            return false;
        for (const auto& l :
             th.value(QLatin1String(kind)).toObject().value(QStringLiteral("levels")).toArray()) {
            const QJsonObject lo = l.toObject();
            const double t = lo.value(QStringLiteral("threshold")).toDouble();
            const QString cmp = lo.value(QStringLiteral("compare")).toString();
            const double x = v.toDouble();
            if ((cmp == QLatin1String("gt") && x > t) || (cmp == QLatin1String("ge") && x >= t) ||
                (cmp == QLatin1String("lt") && x < t) || (cmp == QLatin1String("le") && x <= t))
                return true;
        }
        return false;
    };
    for (const auto& v : camps) {
        const QJsonObject c = v.toObject();
        const auto cell = [&](const char* rate, const char* kind) -> QString {
            return QStringLiteral("<td class=\"n") +
                   (over(c, rate, kind) ? QStringLiteral(" over") : QString()) + QStringLiteral("\">") +
                   pct(c.value(QLatin1String(rate))) + QStringLiteral("</td>");
        };
        out +=
            QStringLiteral("<tr><td><code>") + es(c, "campaign_id") +
            QStringLiteral("</code><div class=\"sub\">") + es(c, "subject") +
            QStringLiteral("</div></td><td>") + es(c, "sent_at") + QStringLiteral("</td><td class=\"n\">") +
            es(c, "sent") + QStringLiteral("</td><td class=\"n\">") + es(c, "delivered") +
            QStringLiteral("</td>") + cell("complaint_rate", "complaint") + cell("bounce_rate", "bounce") +
            cell("unsubscribe_rate", "unsubscribe") + cell("open_rate", "open") + QStringLiteral("</tr>\n");
    }
    out += QStringLiteral("</tbody></table>\n<table class=\"facts thresholds\">\n");
    row("metrics.threshold_complaint", esc(thresholdText(th.value(QStringLiteral("complaint")).toObject())));
    row("metrics.threshold_bounce", esc(thresholdText(th.value(QStringLiteral("bounce")).toObject())));
    row("metrics.threshold_unsubscribe",
        esc(thresholdText(th.value(QStringLiteral("unsubscribe")).toObject())));
    row("metrics.threshold_open", esc(thresholdText(th.value(QStringLiteral("open")).toObject())));
    out += QStringLiteral("</table>\n<p class=\"note\">") +
           esc(t("metrics.volume_note")
                   .arg(count(th.value(QStringLiteral("complaint"))
                                  .toObject()
                                  .value(QStringLiteral("min_volume"))
                                  .toDouble()))) +
           QStringLiteral("</p>\n<div class=\"charts\">\n");
    struct Spec
    {
        const char* kind;
        const char* rateKey;
        const char* title;
        bool higherIsWorse;
    };
    const Spec specs[] = {{"complaint", "complaint_rate", "metrics.complaint_rate", true},
                          {"bounce", "bounce_rate", "metrics.bounce_rate", true},
                          {"unsubscribe", "unsubscribe_rate", "metrics.unsubscribe_rate", true},
                          {"open", "open_rate", "metrics.open_rate", false}};
    for (const auto& sp : specs) {
        const QJsonObject tho = th.value(QLatin1String(sp.kind)).toObject();
        RateChart chart;
        chart.title = t(sp.title);
        chart.decimalPoint = locale.decimalPoint().at(0);
        chart.higherIsWorse = sp.higherIsWorse;
        const QJsonArray levels = tho.value(QStringLiteral("levels")).toArray();
        chart.threshold =
            levels.isEmpty() ? 0 : levels.first().toObject().value(QStringLiteral("threshold")).toDouble();
        chart.thresholdLabel = t("metrics.threshold") + QStringLiteral(" ") + thresholdText(tho);
        chart.belowVolumeLabel = t("metrics.below_volume");
        for (const auto& v : camps) {
            const QJsonObject c = v.toObject();
            ChartBar b;
            b.label = s(c, "campaign_id");
            if (c.value(QLatin1String(sp.rateKey)).isDouble())
                b.value = c.value(QLatin1String(sp.rateKey)).toDouble();
            b.evaluated =
                c.value(QStringLiteral("volume_evaluated")).toObject().value(QLatin1String(sp.kind)).toBool();
            chart.bars << b;
        }
        out += QStringLiteral("<figure class=\"chart\">") + renderSvg(chart) + QStringLiteral("</figure>\n");
    }
    out += QStringLiteral("</div>\n");
}

void Page::permission()
{
    h2(QStringLiteral("permission"), "section.permission");
    const QJsonArray lists = m.value(QStringLiteral("lists")).toArray();
    const QJsonObject ev = m.value(QStringLiteral("evidence")).toObject();
    out += QStringLiteral("<h3>") + et("permission.lists") + QStringLiteral("</h3>\n");
    if (lists.isEmpty()) {
        empty("permission.no_lists");
    } else {
        out += QStringLiteral("<table class=\"grid\">\n<thead><tr><th>") + et("permission.list") +
               QStringLiteral("</th><th>") + et("permission.source") + QStringLiteral("</th><th>") +
               et("permission.acquired_at") + QStringLiteral("</th><th class=\"n\">") +
               et("permission.size") + QStringLiteral("</th><th>") + et("permission.double_opt_in") +
               QStringLiteral("</th><th class=\"n\">") + et("permission.evidence_rows") +
               QStringLiteral("</th><th class=\"n\">") + et("permission.invalid") +
               QStringLiteral("</th><th>") + et("permission.screening") +
               QStringLiteral("</th></tr></thead>\n<tbody>\n");
        for (const auto& v : lists) {
            const QJsonObject l = v.toObject();
            QString scr = QStringLiteral("\u2014");
            if (l.value(QStringLiteral("screening")).isObject()) {
                const QJsonObject sc = l.value(QStringLiteral("screening")).toObject();
                scr = et("screen.rows") + QLatin1Char(' ') + es(sc, "rows") + QStringLiteral(", ") +
                      et("screen.invalid") + QLatin1Char(' ') + es(sc, "invalid") + QStringLiteral(", ") +
                      et("screen.duplicates") + QLatin1Char(' ') + es(sc, "duplicates") +
                      QStringLiteral(", ") + et("screen.role") + QLatin1Char(' ') + es(sc, "role") +
                      QStringLiteral(", ") + et("screen.disposable") + QLatin1Char(' ') +
                      es(sc, "disposable") + QStringLiteral(", ") + et("screen.typo") + QLatin1Char(' ') +
                      es(sc, "typo");
            }
            out += QStringLiteral("<tr><td><code>") + es(l, "list_id") +
                   QStringLiteral("</code><div class=\"sub\">") + es(l, "name") +
                   QStringLiteral("</div></td><td>") + enumText(QStringLiteral("source"), s(l, "source")) +
                   QStringLiteral("</td><td>") + es(l, "acquired_at") +
                   QStringLiteral("</td><td class=\"n\">") + es(l, "size") + QStringLiteral("</td><td>") +
                   es(l, "double_opt_in") + QStringLiteral("</td><td class=\"n\">") + es(l, "evidence_rows") +
                   QStringLiteral("</td><td class=\"n\">") + es(l, "evidence_invalid") +
                   QStringLiteral("</td><td>") + scr + QStringLiteral("</td></tr>\n");
        }
        out += QStringLiteral("</tbody></table>\n");
        for (const auto& v : lists) {
            const QJsonObject l = v.toObject();
            const QJsonArray rows = l.value(QStringLiteral("problem_rows")).toArray();
            if (rows.isEmpty())
                continue;
            out += QStringLiteral("<h4>") + esc(t("permission.problem_rows").arg(s(l, "list_id"))) +
                   QStringLiteral("</h4>\n<table class=\"grid\"><thead><tr><th class=\"n\">") +
                   et("table.line") + QStringLiteral("</th><th>") + et("table.address") +
                   QStringLiteral("</th><th>") + et("table.problems") +
                   QStringLiteral("</th></tr></thead><tbody>\n");
            for (const auto& rv : rows) {
                const QJsonObject r = rv.toObject();
                QStringList probs;
                for (const auto& p : r.value(QStringLiteral("problems")).toArray())
                    probs << enumText(QStringLiteral("screen"), p.toString());
                out += QStringLiteral("<tr><td class=\"n\">") + es(r, "line") + QStringLiteral("</td><td>") +
                       es(r, "email") + QStringLiteral("</td><td>") + probs.join(QStringLiteral(", ")) +
                       QStringLiteral("</td></tr>\n");
            }
            out += QStringLiteral("</tbody></table>\n");
        }
    }
    out += QStringLiteral("<h3>") + et("permission.by_method") + QStringLiteral("</h3>\n");
    const QJsonArray byMethod = ev.value(QStringLiteral("by_method")).toArray();
    if (byMethod.isEmpty()) {
        empty("permission.no_evidence");
    } else {
        out += QStringLiteral("<table class=\"grid narrow\"><thead><tr><th>") + et("permission.method") +
               QStringLiteral("</th><th class=\"n\">") + et("permission.evidence_rows") +
               QStringLiteral("</th><th class=\"n\">") + et("permission.invalid") +
               QStringLiteral("</th></tr></thead><tbody>\n");
        for (const auto& v : byMethod) {
            const QJsonObject o = v.toObject();
            out += QStringLiteral("<tr><td>") + enumText(QStringLiteral("method"), s(o, "method")) +
                   QStringLiteral("</td><td class=\"n\">") + es(o, "rows") +
                   QStringLiteral("</td><td class=\"n\">") + es(o, "invalid") +
                   QStringLiteral("</td></tr>\n");
        }
        out += QStringLiteral("<tr class=\"total\"><td>") + et("table.total") +
               QStringLiteral("</td><td class=\"n\">") + es(ev, "rows") +
               QStringLiteral("</td><td class=\"n\">") + es(ev, "invalid") +
               QStringLiteral("</td></tr>\n</tbody></table>\n");
    }
    const QJsonArray invalid = ev.value(QStringLiteral("invalid_rows")).toArray();
    out += QStringLiteral("<h3>") + et("permission.invalid_rows") + QStringLiteral("</h3>\n");
    if (invalid.isEmpty()) {
        empty("permission.no_invalid");
        return;
    }
    out += QStringLiteral("<table class=\"grid\"><thead><tr><th class=\"n\">") + et("table.line") +
           QStringLiteral("</th><th>") + et("permission.list") + QStringLiteral("</th><th>") +
           et("permission.subscriber") + QStringLiteral("</th><th>") + et("permission.method") +
           QStringLiteral("</th><th>") + et("permission.consent_at") + QStringLiteral("</th><th>") +
           et("permission.source") + QStringLiteral("</th><th>") + et("permission.ip") +
           QStringLiteral("</th><th>") + et("permission.reason") +
           QStringLiteral("</th></tr></thead><tbody>\n");
    for (const auto& v : invalid) {
        const QJsonObject o = v.toObject();
        out += QStringLiteral("<tr><td class=\"n\">") + es(o, "line") + QStringLiteral("</td><td>") +
               es(o, "list_id") + QStringLiteral("</td><td>") + es(o, "subscriber") +
               QStringLiteral("</td><td>") + enumText(QStringLiteral("method"), s(o, "method")) +
               QStringLiteral("</td><td>") + es(o, "consent_at") +
               QStringLiteral("</td><td class=\"wrap\">") + es(o, "source") + QStringLiteral("</td><td>") +
               es(o, "ip") + QStringLiteral("</td><td>") +
               enumText(QStringLiteral("reason"), s(o, "reason")) + QStringLiteral("</td></tr>\n");
    }
    out += QStringLiteral("</tbody></table>\n");
}

void Page::complaints()
{
    h2(QStringLiteral("complaints"), "section.complaints");
    const QJsonArray c = m.value(QStringLiteral("complaints")).toArray();
    if (c.isEmpty()) {
        empty("complaints.none");
        return;
    }
    out += QStringLiteral("<table class=\"grid\"><thead><tr><th>") + et("complaints.received_at") +
           QStringLiteral("</th><th>") + et("metrics.campaign") + QStringLiteral("</th><th>") +
           et("complaints.recipient") + QStringLiteral("</th><th>") + et("complaints.type") +
           QStringLiteral("</th><th>") + et("complaints.source") + QStringLiteral("</th><th>") +
           et("complaints.origin") + QStringLiteral("</th><th>") + et("complaints.note") +
           QStringLiteral("</th></tr></thead><tbody>\n");
    for (const auto& v : c) {
        const QJsonObject o = v.toObject();
        QString origin = esc(s(o, "file"));
        if (o.value(QStringLiteral("line")).toDouble() > 0)
            origin += QLatin1Char(':') + es(o, "line");
        QString source = es(o, "source");
        if (!s(o, "source_ip").isEmpty())
            source += QStringLiteral("<div class=\"sub\">") + et("complaints.source_ip") + QLatin1Char(' ') +
                      es(o, "source_ip") + QStringLiteral("</div>");
        out += QStringLiteral("<tr><td>") + es(o, "received_at") + QStringLiteral("</td><td>") +
               es(o, "campaign_id") + QStringLiteral("</td><td>") + es(o, "recipient") +
               QStringLiteral("</td><td>") + es(o, "feedback_type") + QStringLiteral("</td><td>") + source +
               QStringLiteral("</td><td class=\"wrap\">") + origin +
               QStringLiteral("</td><td class=\"wrap\">") + es(o, "note") + QStringLiteral("</td></tr>\n");
    }
    out += QStringLiteral("</tbody></table>\n");
}

void Page::messages()
{
    h2(QStringLiteral("messages"), "section.messages");
    const QJsonArray msgs = m.value(QStringLiteral("messages")).toArray();
    if (msgs.isEmpty()) {
        empty("messages.none");
        return;
    }
    out += QStringLiteral("<p class=\"note\">") + et("messages.safety") + QStringLiteral("</p>\n");
    int n = 0;
    for (const auto& v : msgs) {
        const QJsonObject o = v.toObject();
        QString where = esc(s(o, "file"));
        if (o.value(QStringLiteral("mbox_index")).toInt() >= 0)
            where +=
                QStringLiteral(" #") + QString::number(o.value(QStringLiteral("mbox_index")).toInt() + 1);
        out += QStringLiteral("<section class=\"message\">\n<h3><span class=\"num\">") +
               QString::number(++n) + QStringLiteral(".</span> ") + es(o, "subject") +
               QStringLiteral("</h3>\n<table class=\"facts\">\n");
        row("messages.file", where);
        row("messages.sha256", QStringLiteral("<code>") + es(o, "sha256") + QStringLiteral("</code>"));
        row("messages.from", es(o, "from"));
        row("messages.date", es(o, "date"));
        row("metrics.campaign", es(o, "campaign_id"));
        const QJsonObject auth = o.value(QStringLiteral("authentication")).toObject();
        row("messages.auth", QStringLiteral("SPF ") + es(auth, "spf") + QStringLiteral(" \u00b7 DKIM ") +
                                 es(auth, "dkim") + QStringLiteral(" \u00b7 DMARC ") + es(auth, "dmarc"));
        QStringList unsub;
        for (const auto& u : o.value(QStringLiteral("list_unsubscribe")).toArray())
            unsub << esc(u.toString());
        row("messages.list_unsubscribe",
            (unsub.isEmpty() ? QStringLiteral("\u2014") : unsub.join(QStringLiteral("<br>"))) +
                QStringLiteral(" (") + et("messages.one_click") + QStringLiteral(": ") +
                es(o, "one_click_unsubscribe") + QLatin1Char(')'));
        QStringList atts;
        for (const auto& a : o.value(QStringLiteral("attachments")).toArray()) {
            const QJsonObject ao = a.toObject();
            atts << es(ao, "filename") + QStringLiteral(" (") + es(ao, "content_type") +
                        QStringLiteral(", ") + es(ao, "size") + QStringLiteral(" B, <code>") +
                        es(ao, "sha256") + QStringLiteral("</code>)");
        }
        if (!atts.isEmpty())
            row("messages.attachments", atts.join(QStringLiteral("<br>")));
        QStringList warns;
        for (const auto& w : o.value(QStringLiteral("warnings")).toArray())
            warns << esc(w.toString());
        if (!warns.isEmpty())
            row("messages.warnings", warns.join(QStringLiteral("<br>")));
        out += QStringLiteral("</table>\n");

        const QJsonArray links = o.value(QStringLiteral("links")).toArray();
        if (!links.isEmpty()) {
            out += QStringLiteral("<h4>") + et("messages.links") +
                   QStringLiteral("</h4>\n<table class=\"grid links\"><thead><tr><th>") +
                   et("messages.link_text") + QStringLiteral("</th><th>") + et("messages.link_target") +
                   QStringLiteral("</th></tr></thead><tbody>\n");
            for (const auto& l : links) {
                const QJsonObject lo = l.toObject();
                out += QStringLiteral("<tr><td class=\"wrap\">") + es(lo, "text") +
                       QStringLiteral("</td><td class=\"wrap\">") + es(lo, "href") +
                       QStringLiteral("</td></tr>\n");
            }
            out += QStringLiteral("</tbody></table>\n");
        }
        out += QStringLiteral("<h4>") + et("messages.headers") +
               QStringLiteral("</h4>\n<table class=\"grid headers\"><tbody>\n");
        for (const auto& h : o.value(QStringLiteral("headers")).toArray()) {
            const QJsonArray pair = h.toArray();
            out += QStringLiteral("<tr><th>") + esc(pair.at(0).toString()) +
                   QStringLiteral("</th><td class=\"wrap\">") + esc(pair.at(1).toString()) +
                   QStringLiteral("</td></tr>\n");
        }
        out += QStringLiteral("</tbody></table>\n");
        if (o.value(QStringLiteral("html")).isString()) {
            const QJsonObject rm = o.value(QStringLiteral("html_removed")).toObject();
            out += QStringLiteral("<h4>") + et("messages.html") +
                   QStringLiteral("</h4>\n<p class=\"note\">") +
                   esc(t("messages.removed")
                           .arg(rm.value(QStringLiteral("elements")).toInt())
                           .arg(rm.value(QStringLiteral("attributes")).toInt())
                           .arg(rm.value(QStringLiteral("remote_resources")).toInt())
                           .arg(rm.value(QStringLiteral("inlined_images")).toInt())) +
                   QStringLiteral("</p>\n<div class=\"msg-html\">") +
                   o.value(QStringLiteral("html")).toString() + QStringLiteral("</div>\n");
        }
        if (!s(o, "text").isEmpty()) {
            out += QStringLiteral("<h4>") + et("messages.text") +
                   QStringLiteral("</h4>\n<pre class=\"msg-text\">") + es(o, "text") +
                   QStringLiteral("</pre>\n");
            if (o.value(QStringLiteral("text_truncated")).toBool())
                empty("messages.truncated");
        }
        out += QStringLiteral("</section>\n");
    }
}

void Page::linked()
{
    h2(QStringLiteral("linked"), "section.linked");
    const QJsonArray l = m.value(QStringLiteral("linked_accounts")).toArray();
    if (l.isEmpty()) {
        empty("linked.none");
        return;
    }
    out += QStringLiteral("<table class=\"grid\"><thead><tr><th>") + et("account.id") +
           QStringLiteral("</th><th>") + et("account.name") + QStringLiteral("</th><th>") +
           et("account.current_status") + QStringLiteral("</th><th>") + et("linked.why") +
           QStringLiteral("</th></tr></thead><tbody>\n");
    for (const auto& v : l) {
        const QJsonObject o = v.toObject();
        QStringList why;
        for (const auto& r : o.value(QStringLiteral("reasons")).toArray())
            why << esc(r.toString());
        out += QStringLiteral("<tr><td><code>") + es(o, "account_id") + QStringLiteral("</code></td><td>") +
               es(o, "name") + QStringLiteral("</td><td>") +
               enumText(QStringLiteral("status"), s(o, "status")) +
               QStringLiteral("</td><td class=\"wrap\">") + why.join(QStringLiteral("<br>")) +
               QStringLiteral("</td></tr>\n");
    }
    out += QStringLiteral("</tbody></table>\n");
}

void Page::decisions()
{
    h2(QStringLiteral("decisions"), "section.decisions");
    const QJsonArray hist = m.value(QStringLiteral("platform_history")).toArray();
    out += QStringLiteral("<h3>") + et("decisions.platform") + QStringLiteral("</h3>\n");
    if (hist.isEmpty()) {
        empty("decisions.no_platform");
    } else {
        out += QStringLiteral("<table class=\"grid\"><thead><tr><th>") + et("decisions.at") +
               QStringLiteral("</th><th>") + et("decisions.action") + QStringLiteral("</th><th>") +
               et("decisions.reason") + QStringLiteral("</th><th>") + et("decisions.by") +
               QStringLiteral("</th></tr></thead><tbody>\n");
        for (const auto& v : hist) {
            const QJsonObject o = v.toObject();
            out += QStringLiteral("<tr><td>") + es(o, "at") + QStringLiteral("</td><td>") +
                   enumText(QStringLiteral("action"), s(o, "action")) +
                   QStringLiteral("</td><td class=\"wrap\">") + es(o, "reason") +
                   QStringLiteral("</td><td>") + es(o, "by") + QStringLiteral("</td></tr>\n");
        }
        out += QStringLiteral("</tbody></table>\n");
    }
    const QJsonArray dec = m.value(QStringLiteral("decisions")).toArray();
    out += QStringLiteral("<h3>") + et("decisions.review") + QStringLiteral("</h3>\n");
    if (dec.isEmpty()) {
        empty("decisions.none");
        return;
    }
    for (const auto& v : dec) {
        const QJsonObject o = v.toObject();
        out += QStringLiteral("<section class=\"decision\">\n<h4>#") + es(o, "id") + QLatin1Char(' ') +
               enumText(QStringLiteral("action"), s(o, "action")) + QStringLiteral(" \u2014 ") + es(o, "at") +
               QStringLiteral("</h4>\n<table class=\"facts\">\n");
        row("decisions.reviewer", es(o, "reviewer"));
        row("decisions.state", enumText(QStringLiteral("state"), s(o, "state")));
        row("decisions.recommended", enumText(QStringLiteral("action"), s(o, "recommended")));
        if (!s(o, "list_id").isEmpty())
            row("permission.list", es(o, "list_id"));
        row("decisions.rationale", es(o, "rationale"));
        row("report.policy", es(o, "policy_id") + QLatin1Char(' ') + es(o, "policy_version"));
        if (o.value(QStringLiteral("approves_decision_id")).toDouble() > 0)
            row("decisions.approves", QStringLiteral("#") + es(o, "approves_decision_id"));
        if (!s(o, "approved_by").isEmpty())
            row("decisions.approved_by",
                es(o, "approved_by") + QStringLiteral(" (") + es(o, "approved_at") + QLatin1Char(')'));
        out += QStringLiteral("</table>\n");
        if (!s(o, "notice_text").isEmpty())
            out += QStringLiteral("<div class=\"notice\"><div class=\"notice-head\">") +
                   et("decisions.notice") + QStringLiteral(" (") + es(o, "notice_language") +
                   QStringLiteral(")</div><pre>") + es(o, "notice_text") + QStringLiteral("</pre></div>\n");
        out += QStringLiteral("</section>\n");
    }
}

void Page::appendix()
{
    h2(QStringLiteral("appendix"), "section.appendix");
    const QJsonObject ap = m.value(QStringLiteral("appendix")).toObject();
    out += QStringLiteral("<table class=\"facts\">\n");
    if (ap.value(QStringLiteral("import")).isObject()) {
        const QJsonObject imp = ap.value(QStringLiteral("import")).toObject();
        row("appendix.bundle", es(imp, "bundle"));
        row("appendix.bundle_sha256",
            QStringLiteral("<code>") + es(imp, "bundle_sha256") + QStringLiteral("</code>"));
        row("appendix.source", es(imp, "source"));
        row("appendix.exported_at", es(imp, "exported_at"));
        row("appendix.imported",
            es(imp, "imported_at") + QStringLiteral(" \u2014 ") + es(imp, "imported_by"));
    } else {
        row("appendix.bundle", et("appendix.no_import"));
    }
    if (ap.value(QStringLiteral("audit_head")).isObject()) {
        const QJsonObject h = ap.value(QStringLiteral("audit_head")).toObject();
        row("appendix.audit_head", QStringLiteral("#") + es(h, "seq") + QStringLiteral(" (") + es(h, "at") +
                                       QStringLiteral(")<br><code>") + es(h, "hash") +
                                       QStringLiteral("</code>"));
    } else {
        row("appendix.audit_head", et("appendix.no_audit"));
    }
    row("appendix.audit_entries", es(ap, "audit_entries"));
    out += QStringLiteral("</table>\n<p class=\"note\">") + et("appendix.note") + QStringLiteral("</p>\n");
    const QJsonArray files = ap.value(QStringLiteral("files")).toArray();
    out += QStringLiteral("<table class=\"grid files\"><thead><tr><th>") + et("appendix.file") +
           QStringLiteral("</th><th class=\"n\">") + et("appendix.size") +
           QStringLiteral("</th><th>SHA-256</th></tr></thead><tbody>\n");
    for (const auto& v : files) {
        const QJsonObject f = v.toObject();
        out += QStringLiteral("<tr><td class=\"wrap\">") + es(f, "path") +
               QStringLiteral("</td><td class=\"n\">") + es(f, "size") + QStringLiteral("</td><td><code>") +
               es(f, "sha256") + QStringLiteral("</code></td></tr>\n");
    }
    out += QStringLiteral("</tbody></table>\n");
}

QString Page::build()
{
    const QJsonObject a = m.value(QStringLiteral("account")).toObject();
    out += QStringLiteral("<!DOCTYPE html>\n<html lang=\"") + esc(lang) +
           QStringLiteral("\">\n<head>\n<meta charset=\"utf-8\">\n"
                          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                          "img-src data:; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'\">\n"
                          "<meta name=\"referrer\" content=\"no-referrer\">\n<title>") +
           et("report.title") + QLatin1Char(' ') + es(a, "id") + QStringLiteral("</title>\n<style>\n") +
           css() + QStringLiteral("</style>\n</head>\n<body>\n");
    header();
    summary();
    findings();
    metrics();
    permission();
    complaints();
    messages();
    linked();
    decisions();
    appendix();
    out += QStringLiteral("</body>\n</html>\n");
    // Defang every URL scheme that could be fetched or clicked: the page holds no http(s): reference.
    static const QRegularExpression scheme(QStringLiteral("h(tt)(ps?)(:|&#58;|%3a)"),
                                           QRegularExpression::CaseInsensitiveOption);
    out.replace(scheme, QStringLiteral("hxx\\2\\3"));
    return out;
}

} // namespace

QString text(const QString& language, const QString& key)
{
    const QJsonObject& all = strings();
    QString v = all.value(language).toObject().value(key).toString();
    if (v.isEmpty())
        v = all.value(QStringLiteral("en")).toObject().value(key).toString();
    return v.isEmpty() ? key : v;
}

QString toHtml(const QJsonObject& model)
{
    Page p(model);
    return p.build();
}

} // namespace ad::report
