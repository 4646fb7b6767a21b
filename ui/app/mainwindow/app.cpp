// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow/app.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace ad::ui {

bool installTranslations(QCoreApplication& app, const QString& language)
{
    auto* qt = new QTranslator(&app);
    if (qt->load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    auto* own = new QTranslator(&app);
    if (!own->load(QStringLiteral(":/i18n/abusedesk_%1.qm").arg(language))) {
        delete own;
        return false;
    }
    QCoreApplication::installTranslator(own);
    return true;
}

QIcon appIcon()
{
    return QIcon(QStringLiteral(":/abusedesk/icons/org.optimais.AbuseDesk.svg"));
}

} // namespace ad::ui
