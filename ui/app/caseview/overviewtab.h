// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QFormLayout;
class QLabel;
class QTableWidget;
class QListWidget;

namespace ad::ui {

struct CaseData;

// Facts of the account, its findings (severity, rule, clause, summary with numbers, value/threshold,
// what would clear it) and the accounts the multi-account findings link it to (activate to jump).
class OverviewTab : public QWidget
{
    Q_OBJECT
public:
    explicit OverviewTab(QWidget* parent = nullptr);
    void load(const CaseData& data);
    void clear();

    QTableWidget* findingsTable() const { return m_findings; }
    QListWidget* linkedAccounts() const { return m_linked; }
    QLabel* recommendation() const { return m_recommendation; }
    QLabel* facts() const { return m_facts; }

Q_SIGNALS:
    void accountLinkActivated(const QString& accountId);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void fitColumns();

    QLabel* m_facts;
    QLabel* m_recommendation;
    QTableWidget* m_findings;
    QListWidget* m_linked;
    QLabel* m_linkedLabel;
};

} // namespace ad::ui
