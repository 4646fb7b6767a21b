// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QString>

class QCoreApplication;

namespace ad::ui {

// Installs the program's translation for `language` ("en" or "id", embedded under :/i18n/) and Qt's own
// (qtbase) from the system when present. Returns false when the program's translation is missing.
bool installTranslations(QCoreApplication& app, const QString& language);

// The application icon (embedded SVG).
QIcon appIcon();

} // namespace ad::ui
