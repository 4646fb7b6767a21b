// SPDX-License-Identifier: GPL-3.0-or-later
#include "preview/messagepreview.h"

#include "preview/htmlsanitizer.h"
#include "preview/linkcheck.h"
#include "preview/previewprofile.h"
#include "preview/safepage.h"

#include <QAction>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSet>
#include <QSplitter>
#include <QStringDecoder>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QWebEngineView>

namespace ad::preview {

namespace {

QPlainTextEdit* makeTextView(QWidget* parent, const QString& accessibleName, bool monospace)
{
    auto* edit = new QPlainTextEdit(parent);
    edit->setReadOnly(true);
    edit->setUndoRedoEnabled(false);
    edit->setAccessibleName(accessibleName);
    if (monospace) {
        edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    }
    return edit;
}

QTableWidget* makeTable(QWidget* parent, const QString& accessibleName, const QStringList& columns)
{
    auto* table = new QTableWidget(0, int(columns.size()), parent);
    table->setHorizontalHeaderLabels(columns);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setWordWrap(false);
    table->verticalHeader()->setVisible(false);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setAccessibleName(accessibleName);
    return table;
}

QTableWidgetItem* item(const QString& text, const QString& tooltip = {})
{
    auto* it = new QTableWidgetItem(text);
    it->setToolTip(tooltip.isEmpty() ? text : tooltip);
    return it;
}

// Raw bytes for display: UTF-8 when they are, Latin-1 (byte for byte) otherwise.
QString displayRaw(const QByteArray& raw)
{
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString s = utf8.decode(raw);
    if (utf8.hasError())
        s = QString::fromLatin1(raw);
    return s;
}

} // namespace

MessagePreview::MessagePreview(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    m_title = new QLabel(this);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setContentsMargins(6, 2, 6, 2);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setAccessibleName(tr("Message title"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_title);

    m_summary = new QLabel(this);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setContentsMargins(6, 2, 6, 2);
    m_summary->setWordWrap(true);
    m_summary->setAccessibleName(tr("Message summary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);

    m_tabs = new QTabWidget(this);
    m_tabs->setAccessibleName(tr("Message views"));
    m_tabs->setDocumentMode(true);

    m_view = new QWebEngineView(m_tabs);
    m_page = new SafePage(m_view);
    m_view->setPage(m_page);
    m_view->setAcceptDrops(false);
    m_view->setAccessibleName(tr("Rendered message"));
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addAction(m_page->action(QWebEnginePage::Copy));
    m_view->addAction(m_page->action(QWebEnginePage::SelectAll));
    m_view->addAction(m_page->action(QWebEnginePage::CopyLinkToClipboard));
    m_tabs->addTab(m_view, tr("Rendered"));

    m_text = makeTextView(m_tabs, tr("Plain text body"), false);
    m_tabs->addTab(m_text, tr("Plain text"));

    auto* headerSplit = new QSplitter(Qt::Vertical, m_tabs);
    m_headers = makeTable(headerSplit, tr("Decoded headers"), {tr("Header"), tr("Value")});
    m_rawHeaders = makeTextView(headerSplit, tr("Raw header block"), true);
    headerSplit->addWidget(m_headers);
    headerSplit->addWidget(m_rawHeaders);
    headerSplit->setStretchFactor(0, 2);
    headerSplit->setStretchFactor(1, 1);
    m_tabs->addTab(headerSplit, tr("Headers"));

    m_raw = makeTextView(m_tabs, tr("Raw message source"), true);
    m_tabs->addTab(m_raw, tr("Raw source"));

    m_links = makeTable(m_tabs, tr("Links in the message"),
                        {tr("Visible text"), tr("Target"), tr("Domain"), tr("Note")});
    m_tabs->addTab(m_links, tr("Links"));

    m_attachments = makeTable(m_tabs, tr("Attachments of the message"),
                              {tr("File name"), tr("Type"), tr("Size"), tr("SHA-256"), tr("Disposition")});
    m_tabs->addTab(m_attachments, tr("Attachments"));
    layout->addWidget(m_tabs, 1);

    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setContentsMargins(6, 2, 6, 2);
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Preview status"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    m_linkStatus = new QLabel(this);
    m_linkStatus->setTextFormat(Qt::PlainText);
    m_linkStatus->setContentsMargins(6, 2, 6, 2);
    m_linkStatus->setWordWrap(true);
    m_linkStatus->setAccessibleName(tr("Link target"));
    m_linkStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_linkStatus);

    connect(m_page, &QWebEnginePage::loadFinished, this, [this](bool ok) {
        m_loaded = true;
        updateStatus();
        Q_EMIT loadFinished(ok);
    });
    connect(m_page, &QWebEnginePage::linkHovered, this, [this](const QString& url) {
        m_view->setToolTip(url);
        if (!url.isEmpty())
            m_linkStatus->setText(tr("Link target: %1").arg(url));
    });
    connect(m_page, &SafePage::linkClicked, this, &MessagePreview::onLinkClicked);
    connect(requestGuard(), &RequestGuard::requestBlocked, this, [this](const QString& docId, const QUrl&) {
        if (!m_docId.isEmpty() && docId == m_docId)
            updateStatus();
    });
    clear();
}

MessagePreview::~MessagePreview()
{
    releaseDocument();
}

void MessagePreview::releaseDocument()
{
    if (!m_docId.isEmpty())
        DocumentRegistry::instance().remove(m_docId);
    m_docId.clear();
}

void MessagePreview::clear()
{
    releaseDocument();
    m_title->clear();
    m_summary->clear();
    m_text->clear();
    m_headers->setRowCount(0);
    m_rawHeaders->clear();
    m_raw->clear();
    m_links->setRowCount(0);
    m_attachments->setRowCount(0);
    m_rewrittenCount = 0;
    m_rewrittenHosts.clear();
    m_notes.clear();
    m_warnings.clear();
    m_lastClicked.clear();
    m_linkStatus->clear();
    m_loaded = false;
    m_status->clear();
}

QUrl MessagePreview::documentUrl() const
{
    return m_docId.isEmpty() ? QUrl() : preview::documentUrl(m_docId);
}

void MessagePreview::setParsedMessage(const mime::ParsedMessage& message, const QByteArray& raw,
                                      const QString& title)
{
    clear();
    m_title->setText(title.isEmpty() ? message.subject : title);
    QStringList summary;
    if (!message.from.isEmpty())
        summary << tr("From: %1").arg(message.from);
    if (!message.subject.isEmpty())
        summary << tr("Subject: %1").arg(message.subject);
    if (message.date.isValid())
        summary << tr("Date: %1")
                       .arg(QLocale().toString(message.date.toUTC(), QLocale::ShortFormat) +
                            QStringLiteral(" UTC"));
    m_summary->setText(summary.join(QStringLiteral("  ·  ")));
    m_warnings = message.warnings;

    // Plain text.
    m_text->setPlainText(message.hasText ? message.text : tr("(this message has no text/plain part)"));

    // Headers.
    m_headers->setRowCount(int(message.headers.size()));
    for (int i = 0; i < message.headers.size(); ++i) {
        m_headers->setItem(i, 0, item(message.headers[i].first));
        m_headers->setItem(i, 1, item(message.headers[i].second));
    }
    m_headers->resizeColumnToContents(0);
    m_rawHeaders->setPlainText(displayRaw(message.rawHeaders));
    m_raw->setPlainText(displayRaw(raw));

    // Links.
    m_links->setRowCount(int(message.links.size()));
    int deceptive = 0;
    for (int i = 0; i < message.links.size(); ++i) {
        const MessageLink& l = message.links[i];
        const LinkAssessment a = assessLink(l.text, l.href);
        QTableWidgetItem* cells[] = {item(l.text), item(l.href), item(a.domain),
                                     item(a.deceptive ? tr("Deceptive: %1").arg(a.reason) : a.reason)};
        for (int c = 0; c < 4; ++c) {
            if (a.deceptive) {
                cells[c]->setBackground(QColor(0xff, 0xd6, 0xd6));
                cells[c]->setForeground(QColor(0x80, 0x00, 0x00));
                cells[c]->setData(Qt::UserRole, true);
            }
            m_links->setItem(i, c, cells[c]);
        }
        if (a.deceptive)
            ++deceptive;
    }
    m_links->resizeColumnsToContents();
    m_tabs->setTabText(LinksTab, deceptive
                                     ? tr("Links (%1, %2 deceptive)").arg(message.links.size()).arg(deceptive)
                                     : tr("Links (%1)").arg(message.links.size()));

    // Attachments: listed, never opened.
    m_attachments->setRowCount(int(message.attachments.size()));
    for (int i = 0; i < message.attachments.size(); ++i) {
        const mime::Attachment& att = message.attachments[i];
        m_attachments->setItem(i, 0, item(att.filename.isEmpty() ? tr("(no name)") : att.filename));
        m_attachments->setItem(i, 1, item(att.contentType));
        m_attachments->setItem(
            i, 2,
            item(QLocale().formattedDataSize(att.size), tr("%1 bytes").arg(QLocale().toString(att.size))));
        m_attachments->setItem(i, 3, item(att.sha256));
        QString disposition = att.inlinePart ? tr("inline") : tr("attachment");
        if (!att.contentId.isEmpty())
            disposition += QStringLiteral(" (cid:%1)").arg(att.contentId);
        m_attachments->setItem(i, 4, item(disposition));
    }
    m_attachments->resizeColumnsToContents();
    m_tabs->setTabText(AttachmentsTab, tr("Attachments (%1)").arg(message.attachments.size()));

    // Rendered view.
    ServedDocument doc;
    QSet<QString> cids;
    for (const mime::Attachment& att : message.attachments) {
        if (att.contentId.isEmpty())
            continue;
        cids.insert(att.contentId);
        doc.parts.insert(att.contentId, ServedPart{att.contentType.toLatin1(), att.data});
    }
    m_docId = DocumentRegistry::instance().newId();
    if (message.hasHtml) {
        SanitizeResult r = sanitizeHtml(message.html, m_docId, cids);
        doc.html = std::move(r.html);
        m_rewrittenCount = r.remoteReferences;
        m_rewrittenHosts = r.remoteHosts;
        m_notes = r.notes;
    } else {
        doc.html = textAsHtml(message.hasText ? message.text : QString(),
                              tr("This message has no text or HTML body."));
    }
    DocumentRegistry::instance().publish(m_docId, std::move(doc));
    m_loaded = false;
    updateStatus();
    m_page->loadDocument(preview::documentUrl(m_docId));
}

int MessagePreview::blockedCount() const
{
    return m_rewrittenCount + (m_docId.isEmpty() ? 0 : DocumentRegistry::instance().blocked(m_docId).count);
}

QStringList MessagePreview::blockedHosts() const
{
    QStringList hosts = m_rewrittenHosts;
    if (!m_docId.isEmpty())
        for (const QString& h : DocumentRegistry::instance().blocked(m_docId).hosts)
            if (!hosts.contains(h))
                hosts << h;
    hosts.sort();
    return hosts;
}

QString MessagePreview::statusText() const
{
    return m_status->text();
}

void MessagePreview::updateStatus()
{
    QStringList parts;
    const int n = blockedCount();
    const QString hosts = blockedHosts().join(QStringLiteral(", "));
    if (n == 1)
        parts << tr("1 remote resource blocked (host: %1)").arg(hosts);
    else if (n > 1)
        parts << tr("%1 remote resources blocked (hosts: %2)").arg(n).arg(hosts);
    else
        parts << tr("No remote resources referenced");
    for (const QString& note : m_notes)
        parts << note;
    for (const QString& w : m_warnings)
        parts << tr("Parser: %1").arg(w);
    m_status->setText(parts.join(QStringLiteral(" — ")));
}

void MessagePreview::onLinkClicked(const QUrl& url)
{
    m_lastClicked = url.toString();
    m_linkStatus->setText(tr("Link not opened (preview never navigates): %1").arg(m_lastClicked));
    m_view->setToolTip(m_lastClicked);
    Q_EMIT linkClicked(url);
}

} // namespace ad::preview
