// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QComboBox;
class QLineEdit;
class QLabel;

namespace ad::ui {

class Settings;

// Edits the reviewer name, the interface language, the policy and the case store. Writes to Settings
// on accept(); the caller re-reads what changed.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(Settings& settings, QWidget* parent = nullptr);

    QLineEdit* reviewerEdit() const { return m_reviewer; }
    QComboBox* languageCombo() const { return m_language; }
    QComboBox* policyCombo() const { return m_policy; }
    QLineEdit* storeEdit() const { return m_store; }

public Q_SLOTS:
    void accept() override;

private:
    void choosePolicyFile();
    Settings& m_settings;
    QLineEdit* m_reviewer;
    QComboBox* m_language;
    QComboBox* m_policy;
    QLineEdit* m_store;
    QLabel* m_error;
};

} // namespace ad::ui
