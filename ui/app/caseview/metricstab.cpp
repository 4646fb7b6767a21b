// SPDX-License-Identifier: GPL-3.0-or-later
#include "caseview/metricstab.h"

#include "caseview/caseview.h"
#include "common/labels.h"
#include "rules/policy.h"

#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QGridLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPen>
#include <QScatterSeries>
#include <QVBoxLayout>
#include <QValueAxis>

namespace ad::ui {

namespace {
struct MetricDef
{
    QString rule;
    double fallback;
    bool below; // the rule fires below the threshold (open rate)
};

const QList<MetricDef>& metricDefs()
{
    static const QList<MetricDef> defs{{QStringLiteral("complaint-rate"), 0.002, false},
                                       {QStringLiteral("bounce-rate"), 0.05, false},
                                       {QStringLiteral("unsubscribe-rate"), 0.01, false},
                                       {QStringLiteral("open-rate"), 0.03, true}};
    return defs;
}

std::optional<double> rateOf(const Campaign& c, int metric)
{
    switch (metric) {
    case 0:
        return c.delivered > 0 ? std::optional<double>(double(c.complaints) / double(c.delivered))
                               : std::nullopt;
    case 1:
        return c.sent > 0 ? std::optional<double>(double(c.bounces) / double(c.sent)) : std::nullopt;
    case 2:
        return c.delivered > 0 ? std::optional<double>(double(c.unsubscribes) / double(c.delivered))
                               : std::nullopt;
    case 3:
        return c.delivered > 0 ? std::optional<double>(double(c.uniqueOpens) / double(c.delivered))
                               : std::nullopt;
    }
    return std::nullopt;
}
} // namespace

double MetricsTab::threshold(const rules::Policy* policy, const QString& ruleId, double fallback)
{
    if (!policy)
        return fallback;
    const rules::Policy::RuleSettings* rs = policy->rule(ruleId);
    if (!rs)
        return fallback;
    for (const QString& key :
         {QStringLiteral("threshold"), QStringLiteral("max_rate"), QStringLiteral("min_rate"),
          QStringLiteral("max"), QStringLiteral("min"), QStringLiteral("rate")}) {
        const QJsonValue v = rs->params.value(key);
        if (v.isDouble())
            return v.toDouble();
    }
    return fallback;
}

MetricsTab::MetricsTab(QWidget* parent) : QWidget(parent)
{
    auto* grid = new QGridLayout;
    const QStringList titles{tr("Complaint rate"), tr("Bounce rate"), tr("Unsubscribe rate"),
                             tr("Open rate")};
    for (int i = 0; i < 4; ++i) {
        auto* chart = new QChart;
        chart->setTitle(titles[i]);
        chart->legend()->setAlignment(Qt::AlignBottom);
        auto* view = new QChartView(chart, this);
        view->setObjectName(QStringLiteral("chart_") + metricDefs()[i].rule);
        view->setAccessibleName(titles[i]);
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumSize(200, 160);
        grid->addWidget(view, i / 2, i % 2);
        m_views.append(view);
        m_points.append(0);
        m_thresholds.append(0);
    }
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_note);
    layout->addLayout(grid, 1);
}

void MetricsTab::clear()
{
    for (int i = 0; i < m_views.size(); ++i) {
        QChart* chart = m_views[i]->chart();
        chart->removeAllSeries();
        const QList<QAbstractAxis*> axes = chart->axes();
        for (QAbstractAxis* axis : axes) {
            chart->removeAxis(axis);
            delete axis;
        }
        m_points[i] = 0;
    }
    m_note->clear();
}

int MetricsTab::pointCount(int chart) const
{
    return m_points.value(chart);
}

double MetricsTab::thresholdOf(int chart) const
{
    return m_thresholds.value(chart);
}

void MetricsTab::load(const CaseData& d, const rules::Policy* policy)
{
    clear();
    const QPalette pal = palette();
    const bool dark = pal.color(QPalette::Base).lightnessF() < 0.5;
    const double minVolume =
        policy ? policy->number(QStringLiteral("complaint-rate"), QStringLiteral("min_volume"), 500) : 500;
    m_note->setText(d.campaigns.isEmpty()
                        ? tr("This account has no campaigns.")
                        : tr("%n campaign(s). Dashed lines are the policy thresholds; the rules only count "
                             "campaigns with at least %1 messages.",
                             nullptr, int(d.campaigns.size()))
                              .arg(QLocale().toString(qint64(minVolume))));
    QDateTime first, last;
    for (const Campaign& c : d.campaigns) {
        if (!first.isValid() || c.sentAt < first)
            first = c.sentAt;
        if (!last.isValid() || c.sentAt > last)
            last = c.sentAt;
    }
    if (first.isValid() && first == last) {
        first = first.addDays(-1);
        last = last.addDays(1);
    }
    for (int i = 0; i < m_views.size(); ++i) {
        const MetricDef& def = metricDefs()[i];
        QChart* chart = m_views[i]->chart();
        chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
        chart->setBackgroundBrush(pal.brush(QPalette::Base));
        chart->setTitleBrush(pal.brush(QPalette::Text));
        chart->legend()->setLabelColor(pal.color(QPalette::Text));

        auto* series = new QLineSeries(chart);
        series->setName(tr("per campaign (%)"));
        auto* points = new QScatterSeries(chart);
        points->setMarkerSize(7);
        points->setName(tr("campaign"));
        double maxY = 0;
        for (const Campaign& c : d.campaigns) {
            const std::optional<double> r = rateOf(c, i);
            if (!r || !c.sentAt.isValid())
                continue;
            const double x = double(c.sentAt.toMSecsSinceEpoch());
            series->append(x, *r * 100.0);
            points->append(x, *r * 100.0);
            maxY = std::max(maxY, *r * 100.0);
        }
        m_points[i] = int(series->count());
        const double thr = threshold(policy, def.rule, def.fallback);
        m_thresholds[i] = thr;
        auto* limit = new QLineSeries(chart);
        limit->setName(def.below ? tr("policy minimum %1").arg(Labels::percent(thr))
                                 : tr("policy maximum %1").arg(Labels::percent(thr)));
        QPen pen(dark ? QColor(0xf8, 0x71, 0x71) : QColor(0xb9, 0x1c, 0x1c));
        pen.setStyle(Qt::DashLine);
        pen.setWidth(2);
        limit->setPen(pen);
        if (first.isValid()) {
            limit->append(double(first.toMSecsSinceEpoch()), thr * 100.0);
            limit->append(double(last.toMSecsSinceEpoch()), thr * 100.0);
        }
        maxY = std::max(maxY, thr * 100.0);
        chart->addSeries(series);
        chart->addSeries(points);
        chart->addSeries(limit);
        chart->legend()->markers(points).value(0)->setVisible(false);

        auto* x = new QDateTimeAxis(chart);
        x->setFormat(QStringLiteral("yyyy-MM-dd"));
        x->setTickCount(4);
        x->setLabelsBrush(pal.brush(QPalette::Text));
        if (first.isValid())
            x->setRange(first, last);
        auto* y = new QValueAxis(chart);
        y->setLabelFormat(QStringLiteral("%.2f %"));
        y->setRange(0, maxY > 0 ? maxY * 1.15 : 1.0);
        y->applyNiceNumbers(); // ticks at round values (0.05 %, 1 %, …), not at fractions of the maximum
        y->setLabelsBrush(pal.brush(QPalette::Text));
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        for (QAbstractSeries* s : chart->series()) {
            s->attachAxis(x);
            s->attachAxis(y);
        }
    }
}

} // namespace ad::ui
