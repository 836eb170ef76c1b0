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

} // namespace Junction

namespace Junction {

// A model's box shows its resolved table's columns, one row each: the row of an attribute
// and the attribute of a row (null for a generated column: id, timestamps, FKs).
int attributeRow(const Document &document, const EntityId &entity, const AttributeId &attribute);
AttributeId attributeAtRow(const Document &document, const EntityId &entity, int row);

} // namespace Junction
