// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QTableWidget;
class QCheckBox;
class QLabel;

namespace ad::ui {

struct CaseData;

// Permission evidence: per list (source, size, double opt-in, screening summary of the uploaded file)
// and per sampled subscriber (method, consent time, source, IP, wording) with the reason a row is not
// valid permission, taken from the consent-invalid / consent-unprovable / stale-contact findings.
class EvidenceTab : public QWidget
{
    Q_OBJECT
public:
    explicit EvidenceTab(QWidget* parent = nullptr);
    void load(const CaseData& data);
    void clear();

    QTableWidget* listTable() const { return m_lists; }
    QTableWidget* evidenceTable() const { return m_rows; }
    QCheckBox* problemsOnly() const { return m_problemsOnly; }
    // Column of the evidence table holding "why invalid".
    static constexpr int kWhyColumn = 7;

private:
    void applyProblemFilter();
    QTableWidget* m_lists;
    QTableWidget* m_rows;
    QCheckBox* m_problemsOnly;
    QLabel* m_summary;
};

} // namespace ad::ui
