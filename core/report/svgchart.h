// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Bar charts of a rate per campaign against the policy's threshold, as inline SVG (no script, no
// external reference, no xmlns: it is embedded in HTML5). Text stays text, so it is searchable in the
// printed PDF. Output depends only on the input (fixed number formatting), for reproducible reports.

#include <QList>
#include <QString>
#include <optional>

namespace ad::report {

struct ChartBar
{
    QString label;               // campaign id
    std::optional<double> value; // rate (0..1); nullopt = no data (nothing delivered)
    bool evaluated = true;       // false: below the policy's minimum volume (drawn grey)
};

struct RateChart
{
    QString title;             // "Complaint rate"
    QString thresholdLabel;    // "threshold 0.20 %"
    double threshold = 0;      // 0..1
    bool higherIsWorse = true; // false for the open rate (a finding below the threshold)
    QList<ChartBar> bars;
    QString belowVolumeLabel; // legend text for grey bars
    QString percentSuffix = QStringLiteral(" %");
    QChar decimalPoint = QLatin1Char('.');
};

QString renderSvg(const RateChart& chart);

// "0.31 %" with two decimals (three below 0.1 %), using the given decimal point.
QString formatPercent(double rate, QChar decimalPoint, const QString& suffix = QStringLiteral(" %"));

} // namespace ad::report
