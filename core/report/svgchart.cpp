// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/svgchart.h"

#include <algorithm>
#include <cmath>

namespace ad::report {

namespace {

QString num(double v)
{
    return QString::number(v, 'f', 1);
}

QString esc(const QString& s)
{
    QString out = s;
    out.replace(QLatin1Char('&'), QLatin1String("&amp;"));
    out.replace(QLatin1Char('<'), QLatin1String("&lt;"));
    out.replace(QLatin1Char('>'), QLatin1String("&gt;"));
    out.replace(QLatin1Char('"'), QLatin1String("&quot;"));
    return out;
}

} // namespace

QString formatPercent(double rate, QChar decimalPoint, const QString& suffix)
{
    const double pct = rate * 100.0;
    QString s = QString::number(pct, 'f', (pct != 0 && std::fabs(pct) < 0.1) ? 3 : 2);
    if (decimalPoint != QLatin1Char('.'))
        s.replace(QLatin1Char('.'), decimalPoint);
    return s + suffix;
}

QString renderSvg(const RateChart& chart)
{
    const int rowH = 22;
    const int top = 30;
    const int labelW = 110;
    const int valueW = 80;
    const int plotW = 420;
    const int width = labelW + plotW + valueW;
    const int rows = std::max<int>(1, int(chart.bars.size()));
    const int height = top + rows * rowH + 34;

    double maxV = chart.threshold * 1.5;
    for (const auto& b : chart.bars)
        if (b.value)
            maxV = std::max(maxV, *b.value);
    if (maxV <= 0)
        maxV = 0.01;
    maxV *= 1.08;
    const auto x = [&](double v) { return labelW + plotW * std::clamp(v / maxV, 0.0, 1.0); };

    QString s;
    s += QStringLiteral("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 %1 %2\" width=\"%1\" height=\"%2\">")
             .arg(width)
             .arg(height);
    s += QStringLiteral("<title>%1</title>").arg(esc(chart.title));
    s += QStringLiteral(
             "<text x=\"0\" y=\"16\" class=\"chart-title\" font-size=\"13\" font-weight=\"bold\">%1</text>")
             .arg(esc(chart.title));
    // Axis.
    s += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%1\" y2=\"%3\" stroke=\"#555\" stroke-width=\"1\"/>")
             .arg(labelW)
             .arg(top - 4)
             .arg(top + rows * rowH);
    for (int i = 0; i < chart.bars.size(); ++i) {
        const ChartBar& b = chart.bars.at(i);
        const int y = top + i * rowH;
        s += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"11\" text-anchor=\"end\">%3</text>")
                 .arg(labelW - 6)
                 .arg(y + 15)
                 .arg(esc(b.label));
        if (!b.value) {
            s += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"11\" fill=\"#777\">\u2014</text>")
                     .arg(labelW + 6)
                     .arg(y + 15);
            continue;
        }
        const bool over = chart.higherIsWorse ? *b.value > chart.threshold : *b.value < chart.threshold;
        const QString fill = !b.evaluated ? QStringLiteral("#b8b8b8")
                                          : (over ? QStringLiteral("#c0392b") : QStringLiteral("#2e7d5b"));
        s += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"%5\"/>")
                 .arg(labelW + 1)
                 .arg(y + 4)
                 .arg(num(std::max(1.0, x(*b.value) - labelW - 1)))
                 .arg(rowH - 8)
                 .arg(fill);
        s += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"11\">%3</text>")
                 .arg(num(std::min(x(*b.value) + 4, double(labelW + plotW + 4))))
                 .arg(y + 15)
                 .arg(esc(formatPercent(*b.value, chart.decimalPoint, chart.percentSuffix)));
    }
    // Threshold line.
    const double tx = x(chart.threshold);
    s += QStringLiteral(
             "<line x1=\"%1\" y1=\"%2\" x2=\"%1\" y2=\"%3\" stroke=\"#c0392b\" stroke-width=\"1.5\" "
             "stroke-dasharray=\"5,3\"/>")
             .arg(num(tx))
             .arg(top - 4)
             .arg(top + rows * rowH);
    const int ly = top + rows * rowH + 16;
    s += QStringLiteral(
             "<text x=\"%1\" y=\"%2\" font-size=\"11\" fill=\"#c0392b\" text-anchor=\"middle\">%3</text>")
             .arg(num(std::clamp(tx, double(labelW + 60), double(labelW + plotW - 60))))
             .arg(ly)
             .arg(esc(chart.thresholdLabel));
    bool anyGrey = false;
    for (const auto& b : chart.bars)
        anyGrey = anyGrey || (!b.evaluated && b.value);
    if (anyGrey && !chart.belowVolumeLabel.isEmpty()) {
        s += QStringLiteral("<rect x=\"0\" y=\"%1\" width=\"10\" height=\"10\" fill=\"#b8b8b8\"/>")
                 .arg(ly + 6);
        s += QStringLiteral("<text x=\"14\" y=\"%1\" font-size=\"10\" fill=\"#555\">%2</text>")
                 .arg(ly + 15)
                 .arg(esc(chart.belowVolumeLabel));
    }
    s += QStringLiteral("</svg>");
    return s;
}

} // namespace ad::report
