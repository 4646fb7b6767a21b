// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The shared, hardened QtWebEngine setup every in-app document view uses (sample messages, messages inside
// ARF complaints, case reports): one off-the-record profile, the admsg:// scheme handler that serves
// registered documents, and the request interceptor that lets nothing but admsg: and data: through.

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QWebEngineUrlRequestInterceptor>
#include <QWebEngineUrlSchemeHandler>
#include <memory>

class QWebEngineProfile;
class QWebEngineSettings;

namespace ad::preview {

struct ServedPart
{
    QByteArray contentType; // e.g. "image/png"
    QByteArray data;
};

// One document served as admsg://<id>/ (the HTML, UTF-8, served with "text/html; charset=utf-8"),
// admsg://<id>/cid/<percent-encoded Content-ID> (its image parts) and admsg://<id>/blocked (a placeholder
// image for every remote resource that was cut off).
struct ServedDocument
{
    QByteArray html;
    QHash<QString, ServedPart> parts; // key: Content-ID without angle brackets
};

struct BlockedRequests
{
    int count = 0;
    QStringList hosts; // sorted, unique
};

// Thread-safe registry of the documents the scheme handler may serve, and of what the interceptor blocked
// for each of them.
class DocumentRegistry
{
public:
    static DocumentRegistry& instance();

    QString newId();                                     // a fresh document id (a host name: "m<n>")
    void publish(const QString& id, ServedDocument doc); // serve `doc` under admsg://<id>/
    QString add(ServedDocument doc);                     // newId() + publish(); returns the id
    void remove(const QString& id);
    std::shared_ptr<const ServedDocument> find(const QString& id) const;

    void recordBlocked(const QString& docId, const QUrl& url);
    BlockedRequests blocked(const QString& docId) const;
    int totalBlocked() const; // over every document, since start (tests use it)

private:
    mutable QMutex m_mutex;
    quint64 m_next = 1;
    QHash<QString, std::shared_ptr<const ServedDocument>> m_docs;
    QHash<QString, BlockedRequests> m_blocked;
    int m_totalBlocked = 0;
};

QUrl documentUrl(const QString& docId); // admsg://<id>/

// The second wall: every request whose scheme is not admsg: or data: is blocked and recorded (against the
// admsg document that caused it). Installed on the hardened profile.
class RequestGuard : public QWebEngineUrlRequestInterceptor
{
    Q_OBJECT
public:
    using QWebEngineUrlRequestInterceptor::QWebEngineUrlRequestInterceptor;
    void interceptRequest(QWebEngineUrlRequestInfo& info) override;

Q_SIGNALS:
    void requestBlocked(const QString& docId, const QUrl& url);
};

// Serves registered documents. Only GET; only image/* (and font/*) parts are served as parts, anything else
// in the message is refused; unknown ids/paths fail with UrlNotFound.
class MessageSchemeHandler : public QWebEngineUrlSchemeHandler
{
    Q_OBJECT
public:
    using QWebEngineUrlSchemeHandler::QWebEngineUrlSchemeHandler;
    void requestStarted(QWebEngineUrlRequestJob* job) override;

    static QByteArray placeholderImage(); // SVG: "remote content blocked"
};

// Applies the preview's settings: no JavaScript, plugins, local storage, WebGL, accelerated canvas, error
// pages, file/remote access from local content, page icons, DNS prefetch, PDF viewer, navigation on drop,
// hyperlink auditing (ping), insecure content, clipboard, full screen, screen capture; unknown URL schemes
// refused. Images stay on (cid: parts and placeholders are served from admsg:).
void applyHardenedSettings(QWebEngineSettings* settings);

// The one off-the-record profile (no persistent storage, no HTTP cache, no cookies kept, downloads
// cancelled, spell checking off) with the scheme handler and the RequestGuard installed. Created on first
// use, owned by the QApplication.
QWebEngineProfile* hardenedProfile();
RequestGuard* requestGuard();

} // namespace ad::preview
