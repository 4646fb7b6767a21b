// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QUrl>
#include <QWebEnginePage>

namespace ad::preview {

// A page on the hardened profile that never navigates: the only navigation it accepts is the one load of
// the document given to loadDocument(). Link clicks are refused and reported through linkClicked() with
// the real target (the caller shows it, never opens it); every other navigation (forms, redirects,
// refreshes, history, sub-frames) is refused and reported through navigationRefused(). New windows are
// never created; permission, full-screen, file-system, protocol-handler and authentication requests are
// denied.
class SafePage : public QWebEnginePage
{
    Q_OBJECT
public:
    explicit SafePage(QObject* parent = nullptr);

    void loadDocument(const QUrl& url);
    QUrl documentUrl() const { return m_documentUrl; }
    int refusedNavigations() const { return m_refused; }

Q_SIGNALS:
    void linkClicked(const QUrl& target);
    void navigationRefused(const QUrl& url, QWebEnginePage::NavigationType type);

protected:
    bool acceptNavigationRequest(const QUrl& url, NavigationType type, bool isMainFrame) override;
    QWebEnginePage* createWindow(WebWindowType type) override;
    void javaScriptConsoleMessage(JavaScriptConsoleMessageLevel, const QString&, int, const QString&) override
    {}

private:
    QUrl m_documentUrl;
    bool m_expectLoad = false;
    int m_refused = 0;
};

} // namespace ad::preview
