// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Severity colours that work in light and dark palettes: a hue blended into the palette's Base colour,
// so the palette's Text colour stays readable on it (contrast is checked in tests/gui).

#include "domain/types.h"

#include <QColor>
#include <QPalette>

class QLabel;
class QWidget;

namespace ad::ui {

QColor severityBackground(Severity s, const QPalette& palette);
// A background for "this row is a problem" (invalid evidence rows, refusals): the terminate hue, softer.
QColor problemBackground(const QPalette& palette);
// Fills `w`'s background with `background` and keeps the palette's Text colour for its text (the tinted
// notes and refusal boxes of the dialogs).
void setTintedBackground(QWidget* w, const QColor& background);
// A dialog's refusal line: a hidden, word-wrapped, selectable label on problemBackground().
QLabel* newRefusalLabel(const QString& objectName, QWidget* parent);
// WCAG contrast ratio of two colours (1..21).
double contrastRatio(const QColor& a, const QColor& b);

} // namespace ad::ui
