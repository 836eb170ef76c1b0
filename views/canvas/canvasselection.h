// SPDX-License-Identifier: MIT
#pragma once

#include "ids.h"

#include <QList>

class QGraphicsScene;

namespace Junction {

class Document;

// What is selected on the canvas, as ids in file order (so commands and their undo texts
// do not depend on hash order). Junction tables are derived: they are never in the list.
QList<EntityId> selectedEntityIds(const QGraphicsScene &scene, const Document &document);
QList<AssociationId> selectedAssociationIds(const QGraphicsScene &scene, const Document &document);

// How many models and associations are selected, each counted up to `limit`: what enables
// an action is none, one, two or more, and after Select All on an XL schema looking each
// of 25,000 items up (and sorting them) on every selection change cost tens of ms.
struct SelectionCount
{
    qsizetype models = 0;
    qsizetype associations = 0;
};
SelectionCount countSelected(const QGraphicsScene &scene, const Document &document,
                             qsizetype limit);

} // namespace Junction

namespace Junction {

// A model's box shows its resolved table's columns, one row each: the row of an attribute
// and the attribute of a row (null for a generated column: id, timestamps, FKs).
int attributeRow(const Document &document, const EntityId &entity, const AttributeId &attribute);
AttributeId attributeAtRow(const Document &document, const EntityId &entity, int row);

} // namespace Junction
