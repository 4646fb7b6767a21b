// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace ad::paths {

// The folder holding policies/, templates/, demo/, disposable-domains.txt, translations.
// Order: $ABUSEDESK_RESOURCES, then the installed data folder (<prefix>/share/abusedesk), then the
// source tree's resources/ (a developer build run from the build folder).
QString resourcesDir();

// A file inside resourcesDir(), e.g. resource("policies/optimais.json").
QString resource(const QString& relative);

// The user's case store: $ABUSEDESK_DB if set, else <AppDataLocation>/cases.sqlite. The desktop program
// and abusedesk-cli use the same one. The folder is created when missing.
QString defaultStorePath();

// The program version, e.g. "0.1.0".
QString version();

} // namespace ad::paths
