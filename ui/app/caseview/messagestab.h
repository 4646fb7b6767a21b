// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QTableWidget;
class QLabel;
class QTextBrowser;
class QSplitter;

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

protected:
    void showEvent(QShowEvent* event) override;

private:
    const CaseStore* m_store = nullptr;
    QSplitter* m_split = nullptr;
    bool m_splitSized = false;
    QList<qint64> m_ids;
    QTableWidget* m_list;
    QTableWidget* m_links;
    QLabel* m_facts;
    MessageViewer* m_viewer;
};

// Shows one raw message safely: the MessagePreview widget of ui/preview when the program is built with
// it, otherwise a plain-text rendering (headers and decoded text; HTML shown as its visible text only).
// The preview (a web engine view) is created on first use, not with the viewer: starting the web engine
// costs hundreds of milliseconds, which the main window's first paint and the Overview tab never pay.
class MessageViewer : public QWidget
{
    Q_OBJECT
public:
    explicit MessageViewer(QWidget* parent = nullptr);
    void setRawMessage(const QByteArray& raw, const QString& sourceName);
    void clear();
    // Creates the preview if needed.
    QWidget* previewWidget();
    // Whether the preview exists yet (nothing was shown so far when false).
    bool hasPreview() const { return m_preview != nullptr; }
    // The preview's own link table (creating the preview), or nullptr when built without ui/preview.
    QTableWidget* previewLinks();
    // Whether this build shows messages in ui/preview's MessagePreview (with its own link table).
    static bool hasWebPreview();

private:
    QWidget* m_preview = nullptr;
    QTextBrowser* m_text = nullptr;
};

} // namespace ad::ui
