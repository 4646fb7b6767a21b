// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The safe message preview: every place that shows a message (sample messages, messages inside ARF
// complaints) uses this widget. Rendering never runs the message's code, never loads anything from the
// network (so no tracking pixel fires and the reviewer's address is never revealed) and never navigates:
//   1. the HTML is rewritten (preview/htmlsanitizer.h) and served from admsg:// with a CSP <meta> first;
//   2. the page runs on an off-the-record profile with JavaScript, plugins, storage… off (previewprofile.h);
//   3. a request interceptor blocks everything that is not admsg: or data:;
//   4. SafePage refuses every navigation but the initial load; clicked targets are only displayed.

#include "mime/parsedmessage.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTabWidget;
class QTableWidget;
class QWebEngineView;

namespace ad::preview {

class SafePage;

class MessagePreview : public QWidget
{
    Q_OBJECT
public:
    enum Tab
    {
        RenderedTab,
        PlainTextTab,
        HeadersTab,
        RawTab,
        LinksTab,
        AttachmentsTab
    };

    explicit MessagePreview(QWidget* parent = nullptr);
    ~MessagePreview() override;

    // Parses `raw` with ad::mime::parseMessage and shows it. When the bytes are not mail at all the raw
    // source is still shown and the status line says why.
    void setMessage(const QByteArray& raw, const QString& title);
    // Shows an already parsed message; `raw` (may be empty) fills the raw-source tab.
    void setParsedMessage(const ad::mime::ParsedMessage& message, const QByteArray& raw,
                          const QString& title);
    void clear();

    // Remote resources cut off: rewritten references plus anything the interceptor still blocked.
    int blockedCount() const;
    QStringList blockedHosts() const;
    QString statusText() const;
    QString lastClickedLink() const { return m_lastClicked; }
    bool isLoaded() const { return m_loaded; }

    QUrl documentUrl() const;
    QWebEngineView* view() const { return m_view; }
    SafePage* page() const { return m_page; }
    QTabWidget* tabs() const { return m_tabs; }
    QTableWidget* linksTable() const { return m_links; }
    QTableWidget* attachmentsTable() const { return m_attachments; }
    QTableWidget* headersTable() const { return m_headers; }
    QPlainTextEdit* plainTextView() const { return m_text; }
    QPlainTextEdit* rawView() const { return m_raw; }

Q_SIGNALS:
    void loadFinished(bool ok);
    void linkClicked(const QUrl& target); // displayed, never opened

private:
    void updateStatus();
    void onLinkClicked(const QUrl& url);
    void releaseDocument();

    QLabel* m_title = nullptr;
    QLabel* m_summary = nullptr;
    QTabWidget* m_tabs = nullptr;
    QWebEngineView* m_view = nullptr;
    SafePage* m_page = nullptr;
    QPlainTextEdit* m_text = nullptr;
    QTableWidget* m_headers = nullptr;
    QPlainTextEdit* m_rawHeaders = nullptr;
    QPlainTextEdit* m_raw = nullptr;
    QTableWidget* m_links = nullptr;
    QTableWidget* m_attachments = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_linkStatus = nullptr;

    QString m_docId;
    int m_rewrittenCount = 0;
    QStringList m_rewrittenHosts;
    QStringList m_notes;
    QStringList m_warnings;
    QString m_lastClicked;
    bool m_loaded = false;
};

} // namespace ad::preview
