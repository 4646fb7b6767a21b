// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/severitystyle.h"

#include <QLabel>
#include <cmath>

namespace ad::ui {

static QColor blend(const QColor& base, const QColor& hue, double amount)
{
    return QColor::fromRgbF(float(base.redF() * (1 - amount) + hue.redF() * amount),
                            float(base.greenF() * (1 - amount) + hue.greenF() * amount),
                            float(base.blueF() * (1 - amount) + hue.blueF() * amount));
}

static bool isDark(const QPalette& p)
{
    return p.color(QPalette::Base).lightnessF() < 0.5;
}

QColor severityBackground(Severity s, const QPalette& palette)
{
    QColor hue;
    switch (s) {
    case Severity::Info:
        hue = QColor(0x3b, 0x82, 0xf6); // blue
        break;
    case Severity::Warn:
        hue = QColor(0xea, 0xb3, 0x08); // amber
        break;
    case Severity::Suspend:
        hue = QColor(0xf9, 0x73, 0x16); // orange
        break;
    case Severity::Terminate:
        hue = QColor(0xdc, 0x26, 0x26); // red
        break;
    }
    // Lighter tint on light themes, deeper tint on dark ones: both keep Text readable (≥ 4.5:1).
    return blend(palette.color(QPalette::Base), hue, isDark(palette) ? 0.38 : 0.30);
}

QColor problemBackground(const QPalette& palette)
{
    return blend(palette.color(QPalette::Base), QColor(0xdc, 0x26, 0x26), isDark(palette) ? 0.30 : 0.20);
}

static double luminance(const QColor& c)
{
    auto ch = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF());
}

double contrastRatio(const QColor& a, const QColor& b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

void setTintedBackground(QWidget* w, const QColor& background)
{
    w->setAutoFillBackground(true);
    QPalette p = w->palette();
    p.setColor(QPalette::Window, background);
    p.setColor(QPalette::WindowText, p.color(QPalette::Text));
    w->setPalette(p);
}

QLabel* newRefusalLabel(const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setMargin(4);
    setTintedBackground(label, problemBackground(label->palette()));
    label->setVisible(false);
    return label;
}

} // namespace ad::ui
