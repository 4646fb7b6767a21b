// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Helpers shared by the tests that drive the real main window (tests/gui, tests/gui-lists).

#include "mainwindow/mainwindow.h"

#include <QCoreApplication>
#include <QSignalSpy>

namespace ad::uitest {

// Waits for the window's background job (import + evaluation) to finish.
inline bool waitForJob(ad::ui::MainWindow& w)
{
    if (!w.currentJob())
        return true;
    QSignalSpy spy(&w, &ad::ui::MainWindow::jobFinished);
    const bool finished = spy.wait(240000);
    // The job ends on its worker thread: its other receivers (the import dialog) get the queued signal after
    // the window's, so let them run before the test looks at the dialog.
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    return finished;
}

} // namespace ad::uitest
