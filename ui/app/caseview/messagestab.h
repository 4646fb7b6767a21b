// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QTableWidget;
class QLabel;
class QTextBrowser;

namespace ad {
class CaseStore;
}

namespace ad::ui {

struct CaseData;
class MessageViewer;

// The account's sample messages: the list, the selected message in the safe preview (ui/preview's
// MessagePreview: no remote content, no scripts) and its link table (visible text vs. target).
class MessagesTab : public QWidget
{
    Q_OBJECT
public:
    explicit MessagesTab(QWidget* parent = nullptr);
    void load(const CaseData& data, const CaseStore* store);
    void clear();

    QTableWidget* messageTable() const { return m_list; }
    // The link table of the message shown (the preview's Links tab; the tab's own table without preview).
    QTableWidget* linkTable() const;
    MessageViewer* viewer() const { return m_viewer; }
    void showMessage(int row);

private:
    const CaseStore* m_store = nullptr;
    QList<qint64> m_ids;
    QTableWidget* m_list;
    QTableWidget* m_links;
    QLabel* m_facts;
    MessageViewer* m_viewer;
};

// Shows one raw message safely: the MessagePreview widget of ui/preview when the program is built with
// it, otherwise a plain-text rendering (headers and decoded text; HTML shown as its visible text only).
class MessageViewer : public QWidget
{
    Q_OBJECT
public:
    explicit MessageViewer(QWidget* parent = nullptr);
    void setRawMessage(const QByteArray& raw, const QString& sourceName);
    void clear();
    QWidget* previewWidget() const { return m_preview; }
    // The preview's own link table, or nullptr when built without ui/preview.
    QTableWidget* previewLinks() const;

private:
    QWidget* m_preview = nullptr;
    QTextBrowser* m_text = nullptr;
};

} // namespace ad::ui
