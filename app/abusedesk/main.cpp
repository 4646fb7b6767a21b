// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/paths.h"

#include <QApplication>
#include <QLabel>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("abusedesk"));
    QApplication::setApplicationVersion(ad::paths::version());
    QLabel label(QStringLiteral("AbuseDesk %1").arg(ad::paths::version()));
    label.show();
    return app.exec();
}
