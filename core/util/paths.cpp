// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace ad::paths {

QString resourcesDir()
{
    const QString env = qEnvironmentVariable("ABUSEDESK_RESOURCES");
    if (!env.isEmpty())
        return QDir::cleanPath(env);
    // Installed layout: <prefix>/bin/abusedesk -> <prefix>/share/abusedesk
    if (QCoreApplication::instance()) {
        const QString rel =
            QDir::cleanPath(QCoreApplication::applicationDirPath() + QStringLiteral("/../share/abusedesk"));
        if (QFileInfo::exists(rel + QStringLiteral("/policies")))
            return rel;
    }
    const QString installed = QStringLiteral(ABUSEDESK_DATADIR);
    if (QFileInfo::exists(installed + QStringLiteral("/policies")))
        return installed;
    return QStringLiteral(ABUSEDESK_SOURCE_RESOURCES);
}

QString resource(const QString& relative)
{
    return resourcesDir() + QLatin1Char('/') + relative;
}

QString defaultStorePath()
{
    const QString env = qEnvironmentVariable("ABUSEDESK_DB");
    if (!env.isEmpty())
        return env;
    QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    dir += QStringLiteral("/abusedesk");
    QDir().mkpath(dir);
    return dir + QStringLiteral("/cases.sqlite");
}

QString version()
{
    return QStringLiteral(ABUSEDESK_VERSION);
}

} // namespace ad::paths
