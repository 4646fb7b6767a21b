// SPDX-License-Identifier: GPL-3.0-or-later
#include "caseview/messagestab.h"

#include "caseview/caseview.h"
#include "common/labels.h"
#include "mime/mime.h"
#include "util/error.h"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>
#include <algorithm>

#ifdef ABUSEDESK_HAVE_PREVIEW
#include "preview/messagepreview.h"
#endif

namespace ad::ui {

namespace {
QString hostOf(const QString& s)
{
    QUrl u = QUrl::fromUserInput(s.trimmed());
    return u.host().toLower();
}
// The visible text looks like a URL or a domain that differs from the target's domain.
bool textMismatch(const MessageLink& l)
{
    const QString text = l.text.trimmed();
    if (text.isEmpty() || text.contains(QLatin1Char(' ')) || !text.contains(QLatin1Char('.')))
        return false;
    const QString th = hostOf(text), hh = hostOf(l.href);
    if (th.isEmpty() || hh.isEmpty())
        return false;
    auto strip = [](QString h) { return h.startsWith(QLatin1String("www.")) ? h.mid(4) : h; };
    return strip(th) != strip(hh);
}
} // namespace

MessageViewer::MessageViewer(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
}

bool MessageViewer::hasWebPreview()
{
#ifdef ABUSEDESK_HAVE_PREVIEW
    return true;
#else
    return false;
#endif
}

QWidget* MessageViewer::previewWidget()
{
    if (m_preview)
        return m_preview;
#ifdef ABUSEDESK_HAVE_PREVIEW
    m_preview = new preview::MessagePreview(this);
#else
    m_text = new QTextBrowser(this);
    m_text->setOpenLinks(false);
    m_text->setOpenExternalLinks(false);
    m_preview = m_text;
#endif
    m_preview->setObjectName(QStringLiteral("messagePreview"));
    m_preview->setAccessibleName(tr("Message preview"));
    layout()->addWidget(m_preview);
    return m_preview;
}

void MessageViewer::setRawMessage(const QByteArray& raw, const QString& sourceName)
{
    previewWidget();
#ifdef ABUSEDESK_HAVE_PREVIEW
    static_cast<preview::MessagePreview*>(m_preview)->setMessage(raw, sourceName);
#else
    try {
        const mime::ParsedMessage m = mime::parseMessage(raw, sourceName);
        QString out;
        for (const auto& h : m.headers)
            out += h.first + QStringLiteral(": ") + h.second + QLatin1Char('\n');
        out += QLatin1Char('\n');
        out += m.hasText ? m.text : m.htmlVisibleText;
        m_text->setPlainText(out);
    } catch (const Error& e) {
        m_text->setPlainText(tr("This message cannot be shown: %1").arg(e.toString()));
    }
#endif
}

QTableWidget* MessageViewer::previewLinks()
{
#ifdef ABUSEDESK_HAVE_PREVIEW
    return static_cast<preview::MessagePreview*>(previewWidget())->linksTable();
#else
    return nullptr;
#endif
}

void MessageViewer::clear()
{
    if (!m_preview)
        return; // nothing was ever shown
#ifdef ABUSEDESK_HAVE_PREVIEW
    static_cast<preview::MessagePreview*>(m_preview)->clear();
#else
    m_text->clear();
#endif
}

MessagesTab::MessagesTab(QWidget* parent) : QWidget(parent)
{
    m_list = new QTableWidget(0, 5, this);
    m_list->setObjectName(QStringLiteral("messageTable"));
    m_list->setAccessibleName(tr("Sample messages"));
    m_list->setHorizontalHeaderLabels({tr("Date"), tr("From"), tr("Subject"), tr("Campaign"), tr("File")});
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->verticalHeader()->setVisible(false);
    m_list->setWordWrap(false);
    m_list->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    // Room for ~5 messages above the preview.
    m_list->setMinimumHeight(m_list->fontMetrics().height() * 9);
    connect(m_list, &QTableWidget::currentCellChanged, this, [this](int row) { showMessage(row); });

    m_facts = new QLabel(this);
    m_facts->setWordWrap(true);
    m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_viewer = new MessageViewer(this);

    m_links = new QTableWidget(0, 3, this);
    m_links->setObjectName(QStringLiteral("linkTable"));
    m_links->setAccessibleName(tr("Links in the message"));
    m_links->setHorizontalHeaderLabels({tr("Visible text"), tr("Target"), tr("Target domain")});
    m_links->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_links->verticalHeader()->setVisible(false);
    m_links->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);

    auto* lower = new QSplitter(Qt::Horizontal, this);
    lower->addWidget(m_viewer);
    lower->addWidget(m_links);
    lower->setStretchFactor(0, 3);
    lower->setStretchFactor(1, 2);
    // The preview has its own Links tab (visible text, target, mismatch); the extra table is only for a
    // build without it.
    m_links->setVisible(!MessageViewer::hasWebPreview());

    auto* split = new QSplitter(Qt::Vertical, this);
    m_split = split;
    split->addWidget(m_list);
    auto* bottom = new QWidget(split);
    auto* bl = new QVBoxLayout(bottom);
    bl->setContentsMargins(0, 0, 0, 0);
    bl->addWidget(m_facts);
    bl->addWidget(lower, 1);
    split->addWidget(bottom);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 4);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split);
}

void MessagesTab::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    // The stretch factors only share out space beyond the size hints, and the preview (created with the
    // first message shown) has none yet: on the first show give the message list a quarter of the height
    // (at least its minimum) and the preview the rest, where the reviewer reads.
    if (m_splitSized || m_split->height() <= 0)
        return;
    m_splitSized = true;
    const int total = m_split->height();
    const int list = std::max(m_list->minimumHeight(), total / 4);
    m_split->setSizes({list, std::max(0, total - list)});
}

QTableWidget* MessagesTab::linkTable() const
{
    QTableWidget* t = m_viewer->previewLinks();
    return t ? t : m_links;
}

void MessagesTab::clear()
{
    m_ids.clear();
    m_list->setRowCount(0);
    m_links->setRowCount(0);
    m_facts->clear();
    m_viewer->clear();
}

void MessagesTab::load(const CaseData& d, const CaseStore* store)
{
    clear();
    m_store = store;
    m_list->setRowCount(int(d.messages.size()));
    for (int i = 0; i < d.messages.size(); ++i) {
        const StoredMessage& m = d.messages[i];
        m_ids.append(m.id);
        QString file = m.file;
        if (m.mboxIndex >= 0)
            file += QStringLiteral(" #%1").arg(m.mboxIndex + 1);
        const QStringList cells{Labels::dateTime(m.date), m.from, m.subject, m.campaignId, file};
        for (int c = 0; c < cells.size(); ++c)
            m_list->setItem(i, c, new QTableWidgetItem(cells[c]));
    }
    m_list->resizeColumnToContents(0);
    if (!d.messages.isEmpty())
        m_list->setCurrentCell(0, 0);
    else
        m_facts->setText(tr("The bundle holds no sample message for this account."));
}

void MessagesTab::showMessage(int row)
{
    m_links->setRowCount(0);
    if (!m_store || row < 0 || row >= m_ids.size()) {
        m_viewer->clear();
        return;
    }
    const std::optional<StoredMessage> m = m_store->message(m_ids[row]);
    if (!m)
        return;
    QStringList facts;
    facts << tr("Authentication: SPF %1, DKIM %2, DMARC %3")
                 .arg(m->spf.isEmpty() ? QStringLiteral("—") : m->spf,
                      m->dkim.isEmpty() ? QStringLiteral("—") : m->dkim,
                      m->dmarc.isEmpty() ? QStringLiteral("—") : m->dmarc);
    facts << (m->listUnsubscribe.isEmpty()
                  ? tr("No List-Unsubscribe header")
                  : tr("List-Unsubscribe: %1").arg(m->listUnsubscribe.join(QStringLiteral(", "))));
    facts << (m->oneClickUnsubscribe ? tr("one-click unsubscribe (RFC 8058): yes")
                                     : tr("one-click unsubscribe (RFC 8058): no"));
    if (!m->parseWarnings.isEmpty())
        facts << tr("Repaired while reading: %1").arg(m->parseWarnings.join(QStringLiteral("; ")));
    m_facts->setText(facts.join(QStringLiteral(" · ")));
    m_viewer->setRawMessage(m->raw, m->file);
    m_links->setRowCount(int(m->links.size()));
    for (int i = 0; i < m->links.size(); ++i) {
        const MessageLink& l = m->links[i];
        auto* text = new QTableWidgetItem(l.text);
        auto* href = new QTableWidgetItem(l.href);
        auto* host = new QTableWidgetItem(hostOf(l.href));
        if (textMismatch(l)) {
            const QString tip = tr("The visible text names a different domain than the link goes to.");
            for (QTableWidgetItem* it : {text, href, host}) {
                QFont f = it->font();
                f.setBold(true);
                it->setFont(f);
                it->setToolTip(tip);
            }
            host->setText(tr("%1 (differs from the text)").arg(hostOf(l.href)));
        }
        m_links->setItem(i, 0, text);
        m_links->setItem(i, 1, href);
        m_links->setItem(i, 2, host);
    }
}

} // namespace ad::ui
