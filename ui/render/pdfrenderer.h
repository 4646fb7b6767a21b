// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// HTML -> PDF with QtWebEngine (Chromium's printing), for case reports (core/report) from the desktop
// program and from abusedesk-cli.
//
// Chromium as shipped with Qt 6.4 prints no header/footer templates, so pages are stamped afterwards:
// the body is printed to PDF (A4, margins leave room at top and bottom), a stamp PDF with the same
// number of pages is drawn with QPdfWriter (real text: case id and title at the top, "Page n of N" at
// the bottom), and libqpdf overlays it page by page. Everything stays text, so pdftotext finds it.
//
// Needs a QGuiApplication (see createApplication()). The page is loaded from a temporary file (setHtml
// is limited to 2 MB) with JavaScript, plugins and remote access off; the report's own CSP forbids loads.

#include "report/report.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <memory>

namespace ad::render {

// Renders a report page. Throws ad::Error (Internal) when the engine fails or times out.
QByteArray renderPdf(const report::PdfRequest& request);

// Counts the pages of a PDF (libqpdf); throws ad::Error on a damaged file.
int pdfPageCount(const QByteArray& pdf);

// The application object for a process that renders: sets QT_QPA_PLATFORM=offscreen when no display is
// set (neither DISPLAY nor WAYLAND_DISPLAY), QTWEBENGINE_DISABLE_SANDBOX=1 when running as root and the
// variable is unset (Chromium refuses to start its sandbox as root; a value already set is honoured),
// shares OpenGL contexts as QtWebEngine requires, and creates a QGuiApplication.
std::unique_ptr<QCoreApplication> createApplication(int& argc, char** argv);

} // namespace ad::render
