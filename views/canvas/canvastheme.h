// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>

class QPalette;

namespace Junction {

// The canvas's colours, derived from the application palette so that the diagram reads on a
// light and on a dark desktop alike: surfaces and text come from the palette, the few
// accents (model blue, junction violet, selection orange, error red) are tuned per
// brightness. Items ask for current() when they paint; it is rebuilt only when the palette
// changes.
struct CanvasTheme
{
    bool dark = false;
    QColor background; // behind the diagram
    QColor grid;
    QColor header; // a model's title bar
    QColor derivedHeader; // a derived (junction) table's title bar
    QColor headerText;
    QColor body;
    QColor derivedBody;
    QColor border;
    QColor text;
    QColor type; // column types and PK/FK tags
    QColor generated; // columns that resolution adds
    QColor edge;
    QColor label;
    QColor labelBackground;
    QColor selected;
    QColor error;

    static CanvasTheme fromPalette(const QPalette &palette);
    // For the application's palette now. GUI thread only: a worker copies the colours it
    // needs beforehand (as OverviewCache does).
    static const CanvasTheme &current();
};

} // namespace Junction
