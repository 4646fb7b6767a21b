// SPDX-License-Identifier: GPL-3.0-or-later
#include "preview/safepage.h"

#include "preview/previewprofile.h"

#include <QAuthenticator>
#include <QColor>
#include <QWebEngineFileSystemAccessRequest>
#include <QWebEngineFullScreenRequest>
#include <QWebEngineQuotaRequest>
#include <QWebEngineRegisterProtocolHandlerRequest>
#include <QWebEngineSettings>

namespace ad::preview {

SafePage::SafePage(QObject* parent) : QWebEnginePage(hardenedProfile(), parent)
{
    applyHardenedSettings(settings());
    setBackgroundColor(Qt::white);
    connect(this, &QWebEnginePage::featurePermissionRequested, this,
            [this](const QUrl& origin, Feature feature) {
                setFeaturePermission(origin, feature, PermissionDeniedByUser);
            });
    connect(this, &QWebEnginePage::fullScreenRequested, this,
            [](QWebEngineFullScreenRequest request) { request.reject(); });
    connect(this, &QWebEnginePage::fileSystemAccessRequested, this,
            [](QWebEngineFileSystemAccessRequest request) { request.reject(); });
    connect(this, &QWebEnginePage::registerProtocolHandlerRequested, this,
            [](QWebEngineRegisterProtocolHandlerRequest request) { request.reject(); });
    connect(this, &QWebEnginePage::quotaRequested, this,
            [](QWebEngineQuotaRequest request) { request.reject(); });
    connect(this, &QWebEnginePage::authenticationRequired, this,
            [](const QUrl&, QAuthenticator* auth) { *auth = QAuthenticator(); });
    connect(this, &QWebEnginePage::proxyAuthenticationRequired, this,
            [](const QUrl&, QAuthenticator* auth, const QString&) { *auth = QAuthenticator(); });
}

void SafePage::loadDocument(const QUrl& url)
{
    m_documentUrl = url;
    m_expectLoad = true;
    load(url);
}

bool SafePage::acceptNavigationRequest(const QUrl& url, NavigationType type, bool isMainFrame)
{
    if (m_expectLoad && isMainFrame && url == m_documentUrl && type == NavigationTypeTyped) {
        m_expectLoad = false;
        return true;
    }
    ++m_refused;
    if (type == NavigationTypeLinkClicked)
        Q_EMIT linkClicked(url);
    Q_EMIT navigationRefused(url, type);
    return false;
}

QWebEnginePage* SafePage::createWindow(WebWindowType)
{
    return nullptr;
}

} // namespace ad::preview
