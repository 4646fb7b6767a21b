// SPDX-License-Identifier: GPL-3.0-or-later
// Shows one message file in a MessagePreview window (for looking at the preview and taking screenshots).
//   preview_demo <message.eml> [tab index] [--port N]  (@PORT@ in the file is replaced by N)
#include "preview/messagepreview.h"
#include "preview/schemes.h"

#include <QApplication>
#include <QFile>
#include <QFileInfo>
#include <QTabWidget>

int main(int argc, char** argv)
{
    ad::preview::registerSchemes();
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        qWarning("usage: preview_demo <message.eml> [tab] [--port N]");
        return 2;
    }
    QFile f(args.at(1));
    if (!f.open(QIODevice::ReadOnly)) {
        qWarning("cannot open %s", qPrintable(args.at(1)));
        return 2;
    }
    QByteArray raw = f.readAll();
    const qsizetype portArg = args.indexOf(QStringLiteral("--port"));
    raw.replace("@PORT@", portArg > 0 && portArg + 1 < args.size() ? args.at(portArg + 1).toUtf8() : "9");
    ad::preview::MessagePreview preview;
    preview.setWindowTitle(QStringLiteral("AbuseDesk preview — %1").arg(QFileInfo(args.at(1)).fileName()));
    preview.resize(1300, 850);
    preview.move(20, 20);
    preview.setMessage(raw, QFileInfo(args.at(1)).fileName());
    if (args.size() > 2 && args.at(2) != u"--port")
        preview.tabs()->setCurrentIndex(args.at(2).toInt());
    preview.show();
    return app.exec();
}
