// SPDX-License-Identifier: MIT
#pragma once

#include "project.h"
#include "resolvedschema.h"

#include <QList>
#include <QPointF>
#include <QSizeF>

#include <functional>
#include <utility>

namespace Junction {

// The size of a model's box on the canvas; the canvas passes its own, tests and the CLI the
// estimate (width from the longest name, height from the row count).
using BoxSizeFunction = std::function<QSizeF(const Entity &)>;
QSizeF estimatedBoxSize(const Entity &entity);

// What the layout needs to know: box sizes and who references whom.
struct LayoutGraph
{
    QList<QSizeF> sizes;                    // one per node
    QList<std::pair<int, int>> references;  // (a, b): a holds a foreign key to b
    QList<std::pair<int, int>> links;       // related without a direction (a junction table)
};

struct AutoLayoutOptions
{
    int horizontalGap = 48;  // between boxes in a row
    int layerGap = 96;       // between layers
    int rowGap = 40;         // between the rows of one wrapped layer
    int componentGap = 160;  // between unconnected groups
    int sweeps = 4;          // barycentric ordering passes (each down and up)
};

struct LayoutResult
{
    QList<QPointF> positions; // top-left corner per node, whole numbers
    QList<int> layers;        // per node, counted within its component from the top
    QList<int> components;    // per node, in packing order
};

// A layered (Sugiyama-style) layout that reads like an FK graph: referenced tables above the
// tables that reference them.
//  1. Cycles are broken deterministically: a depth-first search in node order drops the
//     references that close a cycle (for layering only).
//  2. Layers by longest path: a node sits one layer below the lowest node it references.
//     A node that references nothing moves down to just above its highest referrer, so a
//     lookup table sits next to its users instead of at the top of the drawing.
//  3. Within layers, barycentric ordering: a few down and up sweeps place each node at the
//     mean rank of its neighbours in the layers above (down) or below (up).
//  4. Coordinates: layers as centred rows, a layer wider than the group's target width
//     wrapped onto several rows; boxes never overlap.
//  5. Unconnected groups are laid out alone and packed in rows, largest first.
// Deterministic: the same graph gives the same positions. O((V + E) log V).
LayoutResult layoutGraph(const LayoutGraph &graph, const AutoLayoutOptions &options = {});

// The graph of a project's models (all, or those at `subset` indexes, in that order) from
// the resolved foreign keys; a created junction table links its two models.
LayoutGraph layoutGraphOf(const Project &project, const ResolvedSchema &schema,
                          const BoxSizeFunction &sizes, const QList<int> &subset = {});

// Positions for all models, by index in project.entities.
QList<QPointF> autoLayout(const Project &project, const ResolvedSchema &schema,
                          const BoxSizeFunction &sizes = estimatedBoxSize,
                          const AutoLayoutOptions &options = {});

} // namespace Junction
