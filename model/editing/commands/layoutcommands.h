// SPDX-License-Identifier: MIT
#pragma once

#include "autolayout.h"
#include "ids.h"

#include <QList>
#include <QPointF>
#include <QUndoCommand>

#include <memory>
#include <utility>

namespace Junction {

class Document;

namespace Commands {

// Positions of models (layout.models[id] = {x, y}) and bends of associations. One command
// per gesture: a drag of the selection is one moveEntities() on release.

// `text` names the step ("Move 3 models" when empty); a layout computed off the UI thread
// (autoLayout() on a copy of the project) comes back through here as "Auto-layout".
std::unique_ptr<QUndoCommand> moveEntities(Document &document,
                                           const QList<std::pair<EntityId, QPointF>> &positions,
                                           const QString &text = {});

// Arrow keys: moves the models that have a position by `delta`; consecutive nudges of the
// same selection merge into one step.
std::unique_ptr<QUndoCommand> nudgeEntities(Document &document, const QList<EntityId> &ids,
                                            QPointF delta);

// An empty list removes the bends.
std::unique_ptr<QUndoCommand> setAssociationBends(Document &document, const AssociationId &id,
                                                  const QList<QPointF> &bends);

enum class Alignment { Left, Right, Top, Bottom, HorizontalCenter, VerticalCenter };

// Lines up the models (those with a position) on the selection's edge or centre line.
std::unique_ptr<QUndoCommand> alignEntities(Document &document, const QList<EntityId> &ids,
                                            Alignment alignment,
                                            const BoxSizeFunction &sizes = estimatedBoxSize);

// Equal gaps between the boxes, the outermost two staying where they are (3 or more).
std::unique_ptr<QUndoCommand> distributeEntities(Document &document, const QList<EntityId> &ids,
                                                 Qt::Orientation orientation,
                                                 const BoxSizeFunction &sizes = estimatedBoxSize);

// Every model placed by autoLayout(): one undoable step. It reads Document::resolved(); on a
// 10,000-model project the canvas can instead run resolve() and autoLayout() on a copy of
// the project in a worker and push moveEntities(..., "Auto-layout") with the result.
std::unique_ptr<QUndoCommand> autoLayoutEntities(Document &document,
                                                 const BoxSizeFunction &sizes = estimatedBoxSize);

// Only the models without a position (a hand-written file, new models in the text): laid
// out among themselves below the models that have one. Null when all have a position.
std::unique_ptr<QUndoCommand> placeUnpositionedEntities(
    Document &document, const BoxSizeFunction &sizes = estimatedBoxSize);

} // namespace Commands
} // namespace Junction
