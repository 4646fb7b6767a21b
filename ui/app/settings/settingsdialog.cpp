// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/settingsdialog.h"

#include "rules/policy.h"
#include "settings/settings.h"
#include "util/error.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ad::ui {

SettingsDialog::SettingsDialog(Settings& settings, QWidget* parent) : QDialog(parent), m_settings(settings)
{
    setWindowTitle(tr("Settings"));
    setObjectName(QStringLiteral("settingsDialog"));
    auto* form = new QFormLayout;

    m_reviewer = new QLineEdit(settings.reviewer(), this);
    m_reviewer->setAccessibleName(tr("Reviewer name"));
    m_reviewer->setToolTip(tr("Recorded with every decision and approval you make."));
    form->addRow(tr("&Reviewer:"), m_reviewer);

    m_language = new QComboBox(this);
    m_language->setAccessibleName(tr("Interface language"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Bahasa Indonesia"), QStringLiteral("id"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings.language())));
    auto* langRow = new QVBoxLayout;
    langRow->addWidget(m_language);
    auto* langNote = new QLabel(tr("A new language applies the next time AbuseDesk starts."), this);
    langNote->setWordWrap(true);
    langNote->setForegroundRole(QPalette::PlaceholderText);
    langRow->addWidget(langNote);
    form->addRow(tr("&Language:"), langRow);

    m_policy = new QComboBox(this);
    m_policy->setAccessibleName(tr("Policy"));
    for (const QString& id : rules::Policy::builtinIds())
        m_policy->addItem(tr("Built-in: %1").arg(id), id);
    if (!settings.policyFile().isEmpty()) {
        m_policy->addItem(tr("File: %1").arg(settings.policyFile()),
                          QString(QStringLiteral("file:") + settings.policyFile()));
        m_policy->setCurrentIndex(m_policy->count() - 1);
    } else {
        m_policy->setCurrentIndex(std::max(0, m_policy->findData(settings.policyId())));
    }
    auto* policyRow = new QHBoxLayout;
    policyRow->addWidget(m_policy, 1);
    auto* browsePolicy = new QPushButton(tr("From file…"), this);
    connect(browsePolicy, &QPushButton::clicked, this, &SettingsDialog::choosePolicyFile);
    policyRow->addWidget(browsePolicy);
    form->addRow(tr("&Policy:"), policyRow);

    m_store = new QLineEdit(settings.effectiveStorePath(), this);
    m_store->setAccessibleName(tr("Case store file"));
    auto* storeRow = new QHBoxLayout;
    storeRow->addWidget(m_store, 1);
    auto* browseStore = new QPushButton(tr("Browse…"), this);
    connect(browseStore, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getSaveFileName(this, tr("Case store"), m_store->text(),
                                                       tr("Case stores (*.sqlite *.db);;All files (*)"),
                                                       nullptr, QFileDialog::DontConfirmOverwrite);
        if (!f.isEmpty())
            m_store->setText(f);
    });
    storeRow->addWidget(browseStore);
    form->addRow(tr("Case &store:"), storeRow);

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setVisible(false);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(560, sizeHint().height());
}

void SettingsDialog::choosePolicyFile()
{
    const QString f = QFileDialog::getOpenFileName(this, tr("Policy file"), QString(),
                                                   tr("Policies (*.json);;All files (*)"));
    if (f.isEmpty())
        return;
    m_policy->addItem(tr("File: %1").arg(f), QString(QStringLiteral("file:") + f));
    m_policy->setCurrentIndex(m_policy->count() - 1);
}

void SettingsDialog::accept()
{
    const QString reviewer = m_reviewer->text().trimmed();
    if (reviewer.isEmpty()) {
        m_error->setText(tr("The reviewer name cannot be empty: it is recorded with every decision."));
        m_error->setVisible(true);
        return;
    }
    const QString policy = m_policy->currentData().toString();
    if (policy.startsWith(QLatin1String("file:"))) {
        const QString path = policy.mid(5);
        try {
            rules::Policy::fromFile(path);
        } catch (const Error& e) {
            m_error->setText(tr("This policy file cannot be used: %1").arg(e.toString()));
            m_error->setVisible(true);
            return;
        }
        m_settings.setPolicyFile(path);
    } else {
        m_settings.setBuiltinPolicy(policy);
    }
    m_settings.setReviewer(reviewer);
    m_settings.setLanguage(m_language->currentData().toString());
    m_settings.setStorePath(m_store->text().trimmed());
    m_settings.sync();
    QDialog::accept();
}

} // namespace ad::ui
