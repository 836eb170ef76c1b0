// SPDX-License-Identifier: MIT
#include "diagramscene.h"

#include "associationitem.h"
#include "commands/layoutcommands.h"
#include "document.h"
#include "layoutpatch.h"
#include "tableitem.h"

#include <QGraphicsSceneMouseEvent>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace Junction {

namespace {

constexpr qreal junctionGap = 56; // between the joined models and their junction table

// The boxes already placed, in a coarse grid: finding a free place for a junction table
// must not ask the scene (each items() call after a move rebuilds its index: minutes at
// 10,000 tables) nor test every box.
class Occupancy
{
public:
    void insert(const QRectF &rect)
    {
        forEachCell(rect, [&](QPoint cell) {
            m_cells[cell].append(rect);
            return true;
        });
    }

    bool isFree(const QRectF &rect) const
    {
        return forEachCell(rect, [&](QPoint cell) {
            const QList<QRectF> boxes = m_cells.value(cell);
            return std::none_of(boxes.cbegin(), boxes.cend(),
                                [&](const QRectF &box) { return box.intersects(rect); });
        });
    }

    // `wanted`, or the nearest place below or right of it where a box of `size` (with a
    // margin) covers no other; after a bounded search it overlaps rather than wander off.
    QPointF freePlace(QPointF wanted, QSizeF size) const
    {
        constexpr qreal step = 24;
        constexpr int attempts = 80;
        for (int i = 0; i < attempts; ++i) {
            for (const QPointF candidate :
                 {wanted + QPointF(0, i * step), wanted + QPointF(i * step, 0)}) {
                const QPointF rounded(qRound(candidate.x()), qRound(candidate.y()));
                if (isFree(QRectF(rounded, size).adjusted(-12, -12, 12, 12)))
                    return rounded;
            }
        }
        return QPointF(qRound(wanted.x()), qRound(wanted.y()));
    }

private:
    static constexpr qreal cellSize = 256;

    // Calls `visit` for every cell `rect` touches while it returns true.
    template<typename Visit> static bool forEachCell(const QRectF &rect, Visit visit)
    {
        const int left = int(std::floor(rect.left() / cellSize));
        const int right = int(std::floor(rect.right() / cellSize));
        const int top = int(std::floor(rect.top() / cellSize));
        const int bottom = int(std::floor(rect.bottom() / cellSize));
        for (int x = left; x <= right; ++x) {
            for (int y = top; y <= bottom; ++y) {
                if (!visit(QPoint(x, y)))
                    return false;
            }
        }
        return true;
    }

    QHash<QPoint, QList<QRectF>> m_cells;
};

} // namespace

DiagramScene::DiagramScene(QObject *parent)
    : QGraphicsScene(parent)
{
    // The BSP index chooses its depth from the item count: 15 levels at 30,000 items, where
    // a long edge lands in thousands of leaves (seconds to index, tens of ms to move one).
    // A fixed shallow tree keeps both cheap; a view still asks only a few leaves.
    setBspTreeDepth(bspDepth);
}

DiagramScene::~DiagramScene()
{
    // Items hold raw pointers to each other: remove them before QGraphicsScene does.
    clearItems();
}

void DiagramScene::setDocument(Document *document)
{
    if (m_changedConnection)
        disconnect(m_changedConnection);
    clearItems();
    m_document = document;
    if (!m_document) {
        emit diagramChanged();
        return;
    }
    m_changedConnection
        = connect(m_document, &Document::changed, this, &DiagramScene::documentChanged);
    syncSchema();
    emit diagramChanged();
}

QList<TableItem *> DiagramScene::tableItems() const
{
    QList<TableItem *> items = m_tables.values();
    items += m_junctions.values();
    return items;
}

BoxSizeFunction DiagramScene::boxSizeFunction() const
{
    // A copy of the sizes, so the function stays valid whatever happens to the items.
    QHash<EntityId, QSizeF> sizes;
    for (auto it = m_tables.cbegin(); it != m_tables.cend(); ++it)
        sizes.insert(it.key(), it.value()->size());
    return [sizes](const Entity &entity) {
        const auto it = sizes.constFind(entity.id);
        return it != sizes.cend() ? *it : estimatedBoxSize(entity);
    };
}

QGraphicsItem *DiagramScene::selectElements(const QStringList &ids)
{
    // An attribute is shown by the box of its model.
    auto modelOfAttribute = [this](const QString &id) -> QGraphicsItem * {
        if (!m_document)
            return nullptr;
        for (const Entity &entity : m_document->project().entities) {
            for (const Attribute &attribute : entity.attributes) {
                if (attribute.id.toString() == id)
                    return m_tables.value(entity.id);
            }
        }
        return nullptr;
    };
    QGraphicsItem *first = nullptr;
    clearSelection();
    for (const QString &id : ids) {
        QGraphicsItem *item = m_tables.value(EntityId(id));
        if (!item)
            item = m_associations.value(shownAs(AssociationId(id)));
        if (!item)
            item = modelOfAttribute(id);
        if (!item)
            continue;
        item->setSelected(true);
        if (!first)
            first = item;
    }
    return first;
}

void DiagramScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    QGraphicsScene::mousePressEvent(event);
    m_pressPositions.clear();
    if (event->button() != Qt::LeftButton)
        return;
    // After the base class the clicked box is selected: the selection is what moves.
    const QList<QGraphicsItem *> selected = selectedItems();
    for (QGraphicsItem *item : selected) {
        const auto table = qgraphicsitem_cast<TableItem *>(item);
        if (table && !table->isDerived())
            m_pressPositions.insert(table->entityId(), table->pos());
    }
}

void DiagramScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    QGraphicsScene::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton || !m_document)
        return;
    QList<std::pair<EntityId, QPointF>> moved;
    for (auto it = m_pressPositions.cbegin(); it != m_pressPositions.cend(); ++it) {
        const TableItem *table = m_tables.value(it.key());
        if (table && table->pos() != it.value())
            moved.append({it.key(), QPointF(qRound(table->x()), qRound(table->y()))});
    }
    m_pressPositions.clear();
    if (moved.isEmpty())
        return;
    // Hash order is random; the command (and its undo text) should not be.
    std::sort(moved.begin(), moved.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    m_document->push(Commands::moveEntities(*m_document, moved));
}

void DiagramScene::documentChanged(const ChangeSet &changes)
{
    if (changes.changes.testFlag(Change::Everything) || changes.affectsSchema()) {
        syncSchema();
    } else if (changes.changes.testFlag(Change::ModelPositions)) {
        placeModels(changes.entities);
        placeJunctions();
        growSceneRect();
    }
    emit diagramChanged();
}

void DiagramScene::clearItems()
{
    m_pressPositions.clear();
    m_grownRect = QRectF();
    m_junctionPlaces.clear();
    qDeleteAll(m_associations);
    m_associations.clear();
    qDeleteAll(m_tables);
    m_tables.clear();
    qDeleteAll(m_junctions);
    m_junctions.clear();
}

void DiagramScene::setSyncDifferences(const QHash<QString, QSet<QString>> &tables)
{
    m_syncDifferences = tables;
    const auto mark = [&tables](TableItem *item) {
        const auto differs = tables.constFind(item->tableName());
        item->setSyncDifference(differs != tables.cend(),
                                differs != tables.cend() ? *differs : QSet<QString>());
    };
    for (TableItem *item : std::as_const(m_tables))
        mark(item);
    for (TableItem *item : std::as_const(m_junctions))
        mark(item);
}

void DiagramScene::syncSchema()
{
    const ResolvedSchema &schema = m_document->resolved();

    // A dependency cycle is drawn along its whole path: the "cycle" diagnostics name every
    // association whose FK closes it; their tables are on the path too.
    QSet<QString> cycleAssociations;
    for (const Diagnostic &diagnostic : schema.diagnostics) {
        if (diagnostic.code == QLatin1String("cycle")) {
            for (const QString &id : diagnostic.ids)
                cycleAssociations.insert(id);
        }
    }
    QSet<QString> cycleTables;
    for (const ResolvedAssociation &association : schema.associations) {
        if (cycleAssociations.contains(association.id.toString())) {
            cycleTables.insert(association.sourceTable);
            cycleTables.insert(association.targetTable);
        }
    }

    // Tables: reuse the item of each id (its content is only replaced when it differs),
    // create the new ones, delete the ones resolution no longer yields.
    QHash<QString, TableItem *> byTableName;
    QHash<EntityId, TableItem *> tables;
    QHash<QString, TableItem *> junctions;
    for (const ResolvedTable &table : schema.tables) {
        TableItem *item = table.isCreatedJunction() ? m_junctions.take(table.name)
                                                    : m_tables.take(table.entity);
        if (!item) {
            item = new TableItem(table.entity, table.name);
            addItem(item);
        }
        if (table.isCreatedJunction())
            junctions.insert(table.name, item);
        else
            tables.insert(table.entity, item);
        // Edges are attached again below, after the boxes are in place (so that moving a box
        // does not route edges that are about to be routed again); the old ones may go.
        item->clearEdges();
        item->setContent(TableItem::contentOf(table, schema, cycleTables.contains(table.name)));
        const auto differs = m_syncDifferences.constFind(table.name);
        item->setSyncDifference(differs != m_syncDifferences.cend(),
                                differs != m_syncDifferences.cend() ? *differs : QSet<QString>());
        byTableName.insert(table.name, item);
    }
    qDeleteAll(m_tables);
    qDeleteAll(m_junctions);
    m_tables = tables;
    m_junctions = junctions;

    m_junctionPlaces.clear();
    for (const ResolvedTable &table : schema.tables) {
        if (!table.isCreatedJunction())
            continue;
        const ResolvedAssociation *association = schema.association(table.junctionOf);
        if (!association)
            continue;
        TableItem *a = byTableName.value(association->sourceTable);
        TableItem *b = byTableName.value(association->targetTable);
        if (a && b)
            m_junctionPlaces.append({m_junctions.value(table.name), a, b});
    }

    placeModels(m_tables.keys());
    placeJunctions();

    // Associations: the same, then lanes for the edges that share a pair of boxes. Only an
    // edge whose content, ends or lane changed, or whose boxes moved or resized, is routed
    // again (updateGeometry() knows).
    struct Edge
    {
        AssociationItem *item;
        TableItem *source;
        TableItem *target;
    };
    QHash<AssociationId, AssociationItem *> associations;
    QHash<std::pair<TableItem *, TableItem *>, QList<Edge>> pairs;
    QList<std::pair<TableItem *, TableItem *>> pairOrder;
    m_mergedInto.clear();
    const QHash<AssociationId, const ResolvedAssociation *> partners
        = m_mergeSides ? relationshipPartners(schema, cycleAssociations)
                       : QHash<AssociationId, const ResolvedAssociation *>();
    for (const ResolvedAssociation &association : schema.associations) {
        const ResolvedAssociation *partner = partners.value(association.id);
        if (partner && association.type == AssociationType::BelongsTo) {
            m_mergedInto.insert(association.id, partner->id); // drawn by its partner's edge
            continue;
        }
        TableItem *source = byTableName.value(association.sourceTable);
        // A belongsToMany is drawn to its junction table, which then links to the target.
        TableItem *target = association.type == AssociationType::BelongsToMany
            ? byTableName.value(association.throughTable)
            : byTableName.value(association.targetTable);
        if (!source || !target)
            continue; // unresolved: the diagnostics say why
        AssociationItem *item = m_associations.take(association.id);
        if (!item) {
            item = new AssociationItem(association.id);
            addItem(item);
        }
        associations.insert(association.id, item);
        const bool inCycle = cycleAssociations.contains(association.id.toString());
        item->setContent(partner ? AssociationItem::mergedContentOf(association, *partner, inCycle)
                                 : AssociationItem::contentOf(association, inCycle));
        const auto key = std::minmax(source, target, std::less<TableItem *>());
        const std::pair<TableItem *, TableItem *> pair(key.first, key.second);
        if (!pairs.contains(pair))
            pairOrder.append(pair);
        pairs[pair].append({item, source, target});
    }
    qDeleteAll(m_associations);
    m_associations = associations;

    for (const auto &pair : std::as_const(pairOrder)) {
        const QList<Edge> &edges = pairs.value(pair);
        for (int lane = 0; lane < edges.size(); ++lane) {
            const Edge &edge = edges.at(lane);
            edge.item->setEnds(edge.source, edge.target, lane, int(edges.size()));
            edge.source->addEdge(edge.item);
            if (edge.target != edge.source)
                edge.target->addEdge(edge.item);
            edge.item->updateGeometry();
        }
    }
    growSceneRect();

}

void DiagramScene::setMergeRelationshipSides(bool merge)
{
    if (merge == m_mergeSides)
        return;
    m_mergeSides = merge;
    if (m_document)
        syncSchema();
}

QHash<AssociationId, const ResolvedAssociation *>
DiagramScene::relationshipPartners(const ResolvedSchema &schema, const QSet<QString> &inCycle)
{
    // Two sides of one relationship share the foreign key column and run between the same
    // two tables in opposite directions. They merge only when they agree on what the edge
    // shows (constraints, cycle colour); otherwise each keeps its own edge.
    auto key = [](const ResolvedAssociation &a, bool reversed) -> QString {
        return a.foreignKeyTable + QLatin1Char('\n') + a.foreignKeyColumn + QLatin1Char('\n')
            + (reversed ? a.targetTable : a.sourceTable) + QLatin1Char('\n')
            + (reversed ? a.sourceTable : a.targetTable);
    };
    QHash<QString, const ResolvedAssociation *> belongsTos;
    for (const ResolvedAssociation &a : schema.associations) {
        if (a.valid && a.type == AssociationType::BelongsTo && !a.foreignKeyColumn.isEmpty())
            belongsTos.insert(key(a, false), &a);
    }
    QHash<AssociationId, const ResolvedAssociation *> partners;
    for (const ResolvedAssociation &a : schema.associations) {
        if (!a.valid || (a.type != AssociationType::HasMany && a.type != AssociationType::HasOne))
            continue;
        const ResolvedAssociation *b = belongsTos.take(key(a, true));
        if (!b || b->constraints != a.constraints
            || inCycle.contains(b->id.toString()) != inCycle.contains(a.id.toString())) {
            continue;
        }
        partners.insert(a.id, b);
        partners.insert(b->id, &a);
    }
    return partners;
}

void DiagramScene::placeModels(const QList<EntityId> &ids)
{
    const QJsonObject &layout = m_document->project().layout;
    for (const EntityId &id : ids) {
        if (TableItem *item = m_tables.value(id)) {
            // A model without a position waits at the origin for placeUnpositionedEntities().
            item->setPos(Layout::modelPosition(layout, id).value_or(QPointF()));
        }
    }
}

void DiagramScene::placeJunctions()
{
    // A junction table has no position of its own; it follows the two models it joins:
    // below them when they share a row, else to the right of both, half way down, where
    // its edges do not cross the two boxes. From there it steps down, or right, to the
    // first place that covers no other box. (Junctions as layout nodes would do better.)
    if (m_junctionPlaces.isEmpty())
        return;
    Occupancy occupied;
    for (const TableItem *table : std::as_const(m_tables))
        occupied.insert(table->sceneBoundingRect());
    for (const JunctionPlace &place : std::as_const(m_junctionPlaces)) {
        TableItem *junction = place.junction;
        const QRectF a = place.first->sceneBoundingRect();
        const QRectF b = place.second->sceneBoundingRect();
        const QSizeF size = junction->size();
        const bool sameRow = a.top() < b.bottom() && b.top() < a.bottom();
        QPointF wanted;
        if (sameRow) {
            wanted = QPointF((a.center().x() + b.center().x()) / 2 - size.width() / 2,
                             qMax(a.bottom(), b.bottom()) + junctionGap);
        } else {
            wanted = QPointF(qMax(a.right(), b.right()) + junctionGap,
                             (a.center().y() + b.center().y()) / 2 - size.height() / 2);
        }
        const QPointF position = occupied.freePlace(wanted, size);
        junction->setPos(position);
        occupied.insert(junction->sceneBoundingRect());
    }
}

QRectF DiagramScene::contentsRect() const
{
    // From the hashes, not itemsBoundingRect(): that sorts every item through the index
    // (tens of ms at 10,000 models).
    QRectF bounds;
    for (const TableItem *table : std::as_const(m_tables))
        bounds |= table->sceneBoundingRect();
    for (const TableItem *table : std::as_const(m_junctions))
        bounds |= table->sceneBoundingRect();
    for (const AssociationItem *edge : std::as_const(m_associations))
        bounds |= edge->sceneBoundingRect();
    return bounds;
}

void DiagramScene::growSceneRect()
{
    // The scene rect grows with the diagram and never shrinks while a document is shown, as
    // QGraphicsScene's own would; but set explicitly, in one step: every change of the rect
    // re-indexes all items, and the scene's own growing rect changes with every item added.
    const QRectF grown = m_grownRect | contentsRect();
    if (grown == m_grownRect)
        return;
    m_grownRect = grown;
    setSceneRect(m_grownRect);
}

} // namespace Junction
