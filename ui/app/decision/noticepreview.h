// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The customer-notice part of the decision dialogs (DecisionDialog, ListDecisionDialog): a
// "Customer notice:" row with the language choice (English / Indonesian, data "en" / "id") above a
// read-only preview of the notice text.
//
// The texts are translated by the dialog that uses it and passed in (Texts), so each string keeps its
// dialog's translation context. Header-only and without Q_OBJECT: it has no signals of its own
// (onLanguageChanged() connects the combo box) and no tr() strings.

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QWidget>
#include <algorithm>
#include <utility>

namespace ad::ui {

class NoticePreview : public QWidget
{
public:
    struct Texts
    {
        QString heading;      // "Customer notice:"
        QString languageName; // accessible name of the language choice
        QString english;
        QString indonesian;
        QString previewName; // accessible name of the preview
    };

    // `languageObject` / `previewObject`: object names of the combo box and the preview (tests and
    // accessibility tools find them by name). `language`: "en" or "id" (anything else: English).
    NoticePreview(const Texts& texts, const QString& languageObject, const QString& previewObject,
                  const QString& language, QWidget* parent = nullptr)
        : QWidget(parent)
    {
        auto* layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        auto* row = new QHBoxLayout;
        row->addWidget(new QLabel(texts.heading, this), 1);
        m_language = new QComboBox(this);
        m_language->setObjectName(languageObject);
        m_language->setAccessibleName(texts.languageName);
        m_language->addItem(texts.english, QStringLiteral("en"));
        m_language->addItem(texts.indonesian, QStringLiteral("id"));
        setLanguage(language);
        row->addWidget(m_language);
        layout->addLayout(row);
        m_preview = new QTextBrowser(this);
        m_preview->setObjectName(previewObject);
        m_preview->setAccessibleName(texts.previewName);
        m_preview->setOpenLinks(false);
        layout->addWidget(m_preview, 1);
    }

    // "en" or "id".
    QString language() const { return m_language->currentData().toString(); }
    void setLanguage(const QString& lang)
    {
        m_language->setCurrentIndex(std::max(0, m_language->findData(lang)));
    }
    void setLanguageEnabled(bool on) { m_language->setEnabled(on); }
    // Calls `f` (in `context`'s thread, disconnected with it) whenever the chosen language changes.
    template <typename F> void onLanguageChanged(const QObject* context, F&& f)
    {
        QObject::connect(m_language, &QComboBox::currentIndexChanged, context, std::forward<F>(f));
    }

    QString text() const { return m_preview->toPlainText(); }
    void setText(const QString& plain) { m_preview->setPlainText(plain); }
    void clear() { m_preview->clear(); }

private:
    QComboBox* m_language = nullptr;
    QTextBrowser* m_preview = nullptr;
};

} // namespace ad::ui
