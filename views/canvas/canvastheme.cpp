// SPDX-License-Identifier: MIT
#include "canvastheme.h"

#include <QGuiApplication>
#include <QPalette>

namespace Junction {

namespace {

// `a` moved towards `b` by `t` (0..1).
QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(a.redF() + (b.redF() - a.redF()) * t,
                            a.greenF() + (b.greenF() - a.greenF()) * t,
                            a.blueF() + (b.blueF() - a.blueF()) * t);
}

QColor withAlpha(QColor color, int alpha)
{
    color.setAlpha(alpha);
    return color;
}

} // namespace

CanvasTheme CanvasTheme::fromPalette(const QPalette &palette)
{
    CanvasTheme theme;
    const QColor base = palette.color(QPalette::Active, QPalette::Base);
    const QColor window = palette.color(QPalette::Active, QPalette::Window);
    const QColor text = palette.color(QPalette::Active, QPalette::Text);
    theme.dark = base.lightness() < text.lightness();

    // A faint blue cast keeps the canvas apart from the docks' plain window colour.
    const QColor tint = theme.dark ? QColor(0x1c, 0x2a, 0x3c) : QColor(0xe4, 0xec, 0xf6);
    theme.background = mix(mix(base, window, 0.5), tint, 0.35);
    theme.grid = mix(theme.background, text, theme.dark ? 0.07 : 0.08);
    theme.body = base;
    theme.text = mix(text, base, 0.1);
    theme.border = mix(base, text, theme.dark ? 0.35 : 0.42);
    theme.generated = mix(base, text, 0.45);
    theme.edge = mix(base, text, theme.dark ? 0.6 : 0.65);
    theme.label = mix(base, text, 0.78);
    theme.labelBackground = withAlpha(base, 220);

    // Accents: the same hues, lighter on a dark ground so they keep their contrast.
    theme.header = theme.dark ? QColor(0x35, 0x6f, 0xae) : QColor(0x2f, 0x6f, 0xb3);
    theme.derivedHeader = theme.dark ? QColor(0x6f, 0x5e, 0xa3) : QColor(0x7b, 0x6c, 0xa8);
    theme.headerText = Qt::white;
    theme.derivedBody = mix(base, theme.derivedHeader, theme.dark ? 0.1 : 0.05);
    theme.type = theme.dark ? QColor(0x86, 0xb4, 0xe6) : QColor(0x3d, 0x6a, 0x99);
    theme.selected = theme.dark ? QColor(0xff, 0xa3, 0x26) : QColor(0xf0, 0x8c, 0x00);
    theme.error = theme.dark ? QColor(0xff, 0x6b, 0x5e) : QColor(0xd0, 0x34, 0x2c);
    return theme;
}

const CanvasTheme &CanvasTheme::current()
{
    // Painting asks per item: compare the palette's key, rebuild only when it changed.
    static CanvasTheme theme;
    static qint64 key = -1;
    const QPalette palette = QGuiApplication::palette();
    if (palette.cacheKey() != key) {
        theme = fromPalette(palette);
        key = palette.cacheKey();
    }
    return theme;
}

} // namespace Junction
