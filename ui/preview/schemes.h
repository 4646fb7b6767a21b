// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace ad::preview {

// The scheme the preview serves documents under: admsg://<document id>/…
inline constexpr char kScheme[] = "admsg";
inline QByteArray schemeName()
{
    return QByteArrayLiteral("admsg");
}

// Registers the admsg scheme with QtWebEngine. Must run before the QApplication is constructed (call it first
// thing in main() and in every test's main()); calling it twice is harmless.
//
// Flags: SecureScheme (a secure context, so plain-http subresources are mixed content and blocked by Blink
// too), LocalScheme (web content from other schemes may not load admsg:// URLs) and LocalAccessAllowed (an
// admsg document may load its own admsg:// parts; a local scheme without it cannot even show its own images).
// Deliberately NOT set: ContentSecurityPolicyIgnored (the injected CSP must hold), CorsEnabled (nothing may
// fetch()), ServiceWorkersAllowed, ViewSourceAllowed.
// With LocalScheme, QtWebEngine also refuses remote loads from admsg documents as long as
// LocalContentCanAccessRemoteUrls is off (a wall below the CSP; the request interceptor is the next one).
// Also sets Qt::AA_ShareOpenGLContexts, which QtWebEngine wants set before the application exists.
void registerSchemes();

} // namespace ad::preview
