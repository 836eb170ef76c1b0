// SPDX-License-Identifier: MIT
#include "canvasselection.h"

#include "associationitem.h"
#include "document.h"
#include "tableitem.h"

#include <QGraphicsScene>

#include <algorithm>

namespace Junction {

QList<EntityId> selectedEntityIds(const QGraphicsScene &scene, const Document &document)
{
    QList<std::pair<int, EntityId>> found;
    const QList<QGraphicsItem *> selected = scene.selectedItems();
    for (QGraphicsItem *item : selected) {
        const auto table = qgraphicsitem_cast<TableItem *>(item);
        if (!table || table->isDerived())
            continue;
        const int index = document.entityIndex(table->entityId());
        if (index >= 0)
            found.append({index, table->entityId()});
    }
    std::sort(found.begin(), found.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    QList<EntityId> ids;
    ids.reserve(found.size());
    for (const auto &entry : std::as_const(found))
        ids.append(entry.second);
    return ids;
}

SelectionCount countSelected(const QGraphicsScene &scene, const Document &document,
                             qsizetype limit)
{
    SelectionCount count;
    const QList<QGraphicsItem *> selected = scene.selectedItems();
    for (QGraphicsItem *item : selected) {
        if (count.models >= limit && count.associations >= limit)
            break;
        if (const auto table = qgraphicsitem_cast<TableItem *>(item)) {
            if (count.models < limit && !table->isDerived()
                && document.entityIndex(table->entityId()) >= 0)
                ++count.models;
        } else if (const auto edge = qgraphicsitem_cast<AssociationItem *>(item)) {
            if (count.associations < limit && document.associationIndex(edge->associationId()) >= 0)
                ++count.associations;
        }
    }
    return count;
}

QList<AssociationId> selectedAssociationIds(const QGraphicsScene &scene, const Document &document)
{
    QList<std::pair<int, AssociationId>> found;
    const QList<QGraphicsItem *> selected = scene.selectedItems();
    for (QGraphicsItem *item : selected) {
        const auto edge = qgraphicsitem_cast<AssociationItem *>(item);
        if (!edge)
            continue;
        const int index = document.associationIndex(edge->associationId());
        if (index >= 0)
            found.append({index, edge->associationId()});
    }
    std::sort(found.begin(), found.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    QList<AssociationId> ids;
    ids.reserve(found.size());
    for (const auto &entry : std::as_const(found))
        ids.append(entry.second);
    return ids;
}

} // namespace Junction

namespace Junction {

namespace {

const ResolvedTable *modelTable(const Document &document, const EntityId &entity)
{
    const Entity *model = document.entity(entity);
    if (!model)
        return nullptr;
    const ResolvedTable *table = document.resolved().tableForEntity(model->name);
    return table && table->entity == entity ? table : nullptr;
}

} // namespace

int attributeRow(const Document &document, const EntityId &entity, const AttributeId &attribute)
{
    const ResolvedTable *table = modelTable(document, entity);
    if (!table)
        return -1;
    for (int row = 0; row < table->columns.size(); ++row) {
        if (table->columns.at(row).attributeId == attribute)
            return row;
    }
    return -1;
}

AttributeId attributeAtRow(const Document &document, const EntityId &entity, int row)
{
    const ResolvedTable *table = modelTable(document, entity);
    if (!table || row < 0 || row >= table->columns.size())
        return {};
    const ResolvedColumn &column = table->columns.at(row);
    return column.origin == ResolvedColumn::Origin::Declared ? column.attributeId : AttributeId();
}

} // namespace Junction
