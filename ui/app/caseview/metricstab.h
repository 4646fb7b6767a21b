// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

namespace ad::rules {
class Policy;
}

class QChartView;
class QLabel;

namespace ad::ui {

struct CaseData;

// Complaint, bounce, unsubscribe and open rate per campaign over time (Qt Charts), each with the
// policy's threshold drawn as a dashed line.
class MetricsTab : public QWidget
{
    Q_OBJECT
public:
    explicit MetricsTab(QWidget* parent = nullptr);
    void load(const CaseData& data, const rules::Policy* policy);
    void clear();

    // For tests: the chart views (complaint, bounce, unsubscribe, open) and their number of data points.
    QList<QChartView*> chartViews() const { return m_views; }
    int pointCount(int chart) const;
    double thresholdOf(int chart) const;

    // The threshold of a rate rule in the policy (a share, e.g. 0.002), or the catalogue default.
    static double threshold(const rules::Policy* policy, const QString& ruleId, double fallback);

private:
    QList<QChartView*> m_views;
    QList<int> m_points;
    QList<double> m_thresholds;
    QLabel* m_note;
};

} // namespace ad::ui
