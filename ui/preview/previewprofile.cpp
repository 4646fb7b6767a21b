// SPDX-License-Identifier: GPL-3.0-or-later
#include "preview/previewprofile.h"

#include "preview/schemes.h"

#include <QApplication>
#include <QBuffer>
#include <QMutexLocker>
#include <QPointer>
#include <QWebEngineCookieStore>
#include <QWebEngineDownloadRequest>
#include <QWebEngineProfile>
#include <QWebEngineSettings>
#include <QWebEngineUrlRequestInfo>
#include <QWebEngineUrlRequestJob>
#include <QWebEngineUrlScheme>

namespace ad::preview {

void registerSchemes()
{
    static bool done = false;
    if (done || QWebEngineUrlScheme::schemeByName(schemeName()).name() == schemeName()) {
        done = true;
        return;
    }
    QWebEngineUrlScheme scheme(schemeName());
    scheme.setSyntax(QWebEngineUrlScheme::Syntax::Host);
    scheme.setFlags(QWebEngineUrlScheme::SecureScheme | QWebEngineUrlScheme::LocalScheme |
                    QWebEngineUrlScheme::LocalAccessAllowed);
    QWebEngineUrlScheme::registerScheme(scheme);
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    done = true;
}

DocumentRegistry& DocumentRegistry::instance()
{
    static DocumentRegistry registry;
    return registry;
}

QString DocumentRegistry::newId()
{
    QMutexLocker lock(&m_mutex);
    return QStringLiteral("m%1").arg(m_next++);
}

void DocumentRegistry::publish(const QString& id, ServedDocument doc)
{
    QMutexLocker lock(&m_mutex);
    m_docs.insert(id, std::make_shared<const ServedDocument>(std::move(doc)));
}

QString DocumentRegistry::add(ServedDocument doc)
{
    const QString id = newId();
    publish(id, std::move(doc));
    return id;
}

void DocumentRegistry::remove(const QString& id)
{
    QMutexLocker lock(&m_mutex);
    m_docs.remove(id);
    m_blocked.remove(id);
}

std::shared_ptr<const ServedDocument> DocumentRegistry::find(const QString& id) const
{
    QMutexLocker lock(&m_mutex);
    return m_docs.value(id);
}

void DocumentRegistry::recordBlocked(const QString& docId, const QUrl& url)
{
    QMutexLocker lock(&m_mutex);
    ++m_totalBlocked;
    BlockedRequests& b = m_blocked[docId];
    ++b.count;
    QString host = url.host().toLower();
    if (host.isEmpty())
        host = url.scheme().toLower() + u':';
    if (!b.hosts.contains(host)) {
        b.hosts << host;
        b.hosts.sort();
    }
}

BlockedRequests DocumentRegistry::blocked(const QString& docId) const
{
    QMutexLocker lock(&m_mutex);
    return m_blocked.value(docId);
}

int DocumentRegistry::totalBlocked() const
{
    QMutexLocker lock(&m_mutex);
    return m_totalBlocked;
}

QUrl documentUrl(const QString& docId)
{
    QUrl u;
    u.setScheme(QString::fromLatin1(kScheme));
    u.setHost(docId);
    u.setPath(QStringLiteral("/"));
    return u;
}

void RequestGuard::interceptRequest(QWebEngineUrlRequestInfo& info)
{
    const QString scheme = info.requestUrl().scheme().toLower();
    if (scheme == QLatin1String(kScheme) || scheme == u"data")
        return;
    info.block(true);
    const QUrl first = info.firstPartyUrl();
    const QString docId = first.scheme() == QLatin1String(kScheme) ? first.host() : QString();
    DocumentRegistry::instance().recordBlocked(docId, info.requestUrl());
    Q_EMIT requestBlocked(docId, info.requestUrl());
}

QByteArray MessageSchemeHandler::placeholderImage()
{
    // Grey hatched box with a crossed-out cloud-ish mark: recognisable at any size, no text to translate.
    return QByteArrayLiteral(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"40\" viewBox=\"0 0 120 40\" "
        "preserveAspectRatio=\"none\">"
        "<defs><pattern id=\"h\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" "
        "patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\" fill=\"#eeeeee\"/>"
        "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#d6d6d6\" stroke-width=\"4\"/></pattern></defs>"
        "<rect x=\"0.5\" y=\"0.5\" width=\"119\" height=\"39\" fill=\"url(#h)\" stroke=\"#b0b0b0\"/>"
        "<circle cx=\"60\" cy=\"20\" r=\"9\" fill=\"none\" stroke=\"#b00000\" stroke-width=\"2.5\"/>"
        "<line x1=\"53.6\" y1=\"26.4\" x2=\"66.4\" y2=\"13.6\" stroke=\"#b00000\" stroke-width=\"2.5\"/>"
        "</svg>");
}

void MessageSchemeHandler::requestStarted(QWebEngineUrlRequestJob* job)
{
    if (job->requestMethod() != "GET") {
        job->fail(QWebEngineUrlRequestJob::RequestDenied);
        return;
    }
    const QUrl url = job->requestUrl();
    const auto doc = DocumentRegistry::instance().find(url.host());
    if (!doc) {
        job->fail(QWebEngineUrlRequestJob::UrlNotFound);
        return;
    }
    const QString path = url.path(QUrl::FullyEncoded);
    auto reply = [job](const QByteArray& type, const QByteArray& data) {
        auto* buffer = new QBuffer(job);
        buffer->setData(data);
        buffer->open(QIODevice::ReadOnly);
        job->reply(type, buffer);
    };
    if (path.isEmpty() || path == u"/") {
        reply(QByteArrayLiteral("text/html; charset=utf-8"), doc->html);
        return;
    }
    if (path == u"/blocked") {
        reply(QByteArrayLiteral("image/svg+xml"), placeholderImage());
        return;
    }
    if (path == u"/blocked-background") {
        reply(QByteArrayLiteral("image/svg+xml"),
              QByteArrayLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>"));
        return;
    }
    if (path.startsWith(u"/cid/")) {
        const QString cid = QUrl::fromPercentEncoding(path.mid(5).toLatin1());
        const auto it = doc->parts.constFind(cid);
        if (it == doc->parts.constEnd()) {
            job->fail(QWebEngineUrlRequestJob::UrlNotFound);
            return;
        }
        const QByteArray type = it->contentType.toLower();
        if (!type.startsWith("image/") && !type.startsWith("font/")) {
            job->fail(QWebEngineUrlRequestJob::RequestDenied);
            return;
        }
        reply(type, it->data);
        return;
    }
    job->fail(QWebEngineUrlRequestJob::UrlNotFound);
}

void applyHardenedSettings(QWebEngineSettings* s)
{
    using S = QWebEngineSettings;
    const S::WebAttribute off[] = {S::JavascriptEnabled,
                                   S::JavascriptCanOpenWindows,
                                   S::JavascriptCanAccessClipboard,
                                   S::JavascriptCanPaste,
                                   S::PluginsEnabled,
                                   S::LocalStorageEnabled,
                                   S::WebGLEnabled,
                                   S::Accelerated2dCanvasEnabled,
                                   S::ErrorPageEnabled,
                                   S::LocalContentCanAccessFileUrls,
                                   S::LocalContentCanAccessRemoteUrls,
                                   S::AutoLoadIconsForPage,
                                   S::TouchIconsEnabled,
                                   S::DnsPrefetchEnabled,
                                   S::PdfViewerEnabled,
                                   S::NavigateOnDropEnabled,
                                   S::HyperlinkAuditingEnabled,
                                   S::AllowRunningInsecureContent,
                                   S::AllowGeolocationOnInsecureOrigins,
                                   S::AllowWindowActivationFromJavaScript,
                                   S::FullScreenSupportEnabled,
                                   S::ScreenCaptureEnabled,
                                   S::FocusOnNavigationEnabled,
                                   S::SpatialNavigationEnabled};
    for (S::WebAttribute a : off)
        s->setAttribute(a, false);
    const S::WebAttribute on[] = {S::AutoLoadImages, S::PrintElementBackgrounds,
                                  S::PlaybackRequiresUserGesture, S::WebRTCPublicInterfacesOnly,
                                  S::ShowScrollBars};
    for (S::WebAttribute a : on)
        s->setAttribute(a, true);
    s->setUnknownUrlSchemePolicy(S::DisallowUnknownUrlSchemes);
}

namespace {
QPointer<QWebEngineProfile> g_profile;
QPointer<RequestGuard> g_guard;
} // namespace

QWebEngineProfile* hardenedProfile()
{
    if (g_profile)
        return g_profile;
    Q_ASSERT(qApp);
    auto* profile = new QWebEngineProfile(qApp); // no storage name: off the record
    profile->setHttpCacheType(QWebEngineProfile::NoCache);
    profile->setPersistentCookiesPolicy(QWebEngineProfile::NoPersistentCookies);
    profile->setSpellCheckEnabled(false);
    profile->cookieStore()->setCookieFilter(
        [](const QWebEngineCookieStore::FilterRequest&) { return false; });
    applyHardenedSettings(profile->settings());
    auto* guard = new RequestGuard(profile);
    profile->setUrlRequestInterceptor(guard);
    profile->installUrlSchemeHandler(schemeName(), new MessageSchemeHandler(profile));
    QObject::connect(profile, &QWebEngineProfile::downloadRequested,
                     [](QWebEngineDownloadRequest* download) { download->cancel(); });
    g_profile = profile;
    g_guard = guard;
    return profile;
}

RequestGuard* requestGuard()
{
    hardenedProfile();
    return g_guard;
}

} // namespace ad::preview
