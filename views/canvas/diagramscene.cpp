// SPDX-License-Identifier: MIT
#include "diagramscene.h"

#include "associationitem.h"
#include "commands/layoutcommands.h"
#include "document.h"
#include "layoutpatch.h"
#include "occupancy.h"
#include "scenebuilder.h"
#include "tableitem.h"

#include <QGraphicsSceneMouseEvent>
#include <QSet>
#include <QSignalBlocker>

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>

namespace Junction {

namespace {

// Deletes the items with the scene's signals held; true when any of them was selected, so
// the caller says once that the selection changed. Each selected item deleted would tell
// every listener (outline, inspector, DDL dock, minimap) on its own: Select All, then
// removing 500 models, took 42 s.
template<typename Items> bool deleteQuietly(QGraphicsScene *scene, const Items &items)
{
    const QSignalBlocker quiet(scene);
    bool selected = false;
    for (QGraphicsItem *item : items) {
        selected = selected || item->isSelected();
        delete item;
    }
    return selected;
}

constexpr qreal junctionGap = 56; // between the joined models and their junction table

} // namespace

DiagramScene::DiagramScene(QObject *parent)
    : QGraphicsScene(parent)
    , m_updater(this)
{
    // The BSP index chooses its depth from the item count: 15 levels at 30,000 items, where
    // a long edge lands in thousands of leaves (seconds to index, tens of ms to move one).
    // A fixed shallow tree keeps both cheap; a view still asks only a few leaves.
    setBspTreeDepth(bspDepth);
    m_builder = new SceneBuilder(this);
    connect(m_builder, &SceneBuilder::finished, this, &DiagramScene::diagramChanged);
}

DiagramScene::~DiagramScene()
{
    // Items hold raw pointers to each other: remove them before QGraphicsScene does. Each
    // selected item deselected on the way would tell listeners that are going too.
    const QSignalBlocker quiet(this);
    m_builder->cancel();
    clearItems();
    m_builder->deleteDiscarded();
}

void DiagramScene::setDocument(Document *document, Build build)
{
    if (m_changedConnection)
        disconnect(m_changedConnection);
    if (m_resolvedConnection)
        disconnect(m_resolvedConnection);
    m_builder->cancel();
    // One selection change, not one per selected item as each is hidden or deleted (after
    // Select All on a large schema, thousands of them).
    clearSelection();
    if (build == Build::InSlices)
        discardItems(); // hidden now, deleted a slice at a time
    clearItems();
    m_mergedInto.clear();
    m_updater.reset();
    m_document = document;
    if (m_document) {
        m_changedConnection
            = connect(m_document, &Document::changed, this, &DiagramScene::documentChanged);
        m_resolvedConnection = connect(m_document, &Document::resolvedChanged, this,
                                       &DiagramScene::resolvedChanged);
        // In slices, diagramChanged() comes again when the scene is complete.
        if (build == Build::InSlices)
            startBuilder();
        else
            syncSchema();
        m_offBase = false;
    }
    emit diagramChanged();
}

void DiagramScene::discardItems()
{
    QList<QGraphicsItem *> old;
    old.reserve(m_tables.size() + m_junctions.size() + m_associations.size());
    for (QGraphicsItem *item : std::as_const(m_tables))
        old.append(item);
    for (QGraphicsItem *item : std::as_const(m_junctions))
        old.append(item);
    for (QGraphicsItem *item : std::as_const(m_associations))
        old.append(item); // last: they go first
    m_associations.clear();
    m_tables.clear();
    m_junctions.clear();
    m_builder->discard(old);
}

bool DiagramScene::isBuilding() const
{
    return m_builder->isBuilding();
}

void DiagramScene::finishBuilding()
{
    m_builder->finish();
}

QList<TableItem *> DiagramScene::tableItems() const
{
    QList<TableItem *> items = m_tables.values();
    items += m_junctions.values();
    return items;
}

BoxSizeFunction DiagramScene::boxSizeFunction() const
{
    // A copy of the sizes, so the function stays valid whatever happens to the items; taken
    // when first asked, so that a scene still building (where it would have too few) is
    // finished only when a layout needs its sizes.
    struct Sizes
    {
        QPointer<DiagramScene> scene;
        std::optional<QHash<EntityId, QSizeF>> sizes;
    };
    auto shared = std::make_shared<Sizes>();
    shared->scene = const_cast<DiagramScene *>(this);
    return [shared](const Entity &entity) {
        if (!shared->sizes) {
            shared->sizes.emplace();
            if (DiagramScene *scene = shared->scene) {
                scene->finishBuilding();
                for (auto it = scene->m_tables.cbegin(); it != scene->m_tables.cend(); ++it)
                    shared->sizes->insert(it.key(), it.value()->size());
            }
        }
        const auto it = shared->sizes->constFind(entity.id);
        return it != shared->sizes->cend() ? *it : estimatedBoxSize(entity);
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
    if (m_builder->isBuilding()) {
        startBuilder(); // again, on the document as it is now; it says when it is done
        return;
    }
    // A gesture that adds or removes boxes and edges shows them at once (the in-place editor
    // opens on a new box), resolving on the UI thread as a command would.
    const Changes itemsComeOrGo = Change::Everything | Change::EntitiesAdded
                                  | Change::EntitiesRemoved | Change::AssociationsAdded
                                  | Change::AssociationsRemoved;
    const Changes itemsCome = Change::EntitiesAdded | Change::AssociationsAdded;
    if ((changes.changes & itemsCome).toInt() != 0
        && changes.entities.size() + changes.associations.size() > manyItemsComeAbove) {
        // Hundreds of boxes and edges at once (undoing the deletion of a whole diagram, a big
        // paste): built in slices as on opening, reusing every item that stays, rather than
        // holding the window for all of them.
        startBuilder();
        return;
    }
    if ((changes.changes & itemsComeOrGo).toInt() != 0) {
        // Models and associations that come or go are shown at once from a resolve of their
        // neighbourhood, without resolving the whole schema (~150 ms) and comparing 25,000
        // items (SceneUpdater); the worker's resolve follows as after typing. Anything else
        // (a project replaced, the merged sides) is compared in full.
        if (!m_updater.showAtOnce(changes)) {
            syncSchema();
            m_offBase = true;
        }
    } else if (changes.affectsSchema()) {
        // Values (typing): the rest waits for resolvedChanged(), resolving is not for the UI
        // thread. The box of a renamed model shows its new name at once; the project has it.
        if (!changes.changes.testFlag(Change::EntityName))
            return;
        bool resized = false;
        for (const EntityId &id : changes.entities) {
            TableItem *item = m_tables.value(id);
            const Entity *entity = m_document->entity(id);
            if (item && entity && item->content().title != entity->name) {
                TableItem::Content content = item->content();
                content.title = entity->name;
                const QSizeF before = item->size();
                item->setContent(content);
                resized = resized || item->size() != before;
            }
        }
        // The overview and the minimap draw geometry only: a box of the same size changes
        // nothing there (and their pictures take all 25,000 items at XL).
        if (!resized)
            return;
    } else if (changes.changes.testFlag(Change::ModelPositions)) {
        placeModels(changes.entities);
        placeJunctions();
        growSceneRect();
    }
    emit diagramChanged();
}

void DiagramScene::startBuilder()
{
    m_builder->start();
    m_syncedGeneration = m_document->schemaGeneration(); // what it shows once done
    m_offBase = true;
}

void DiagramScene::resolvedChanged(const ResolvedDelta &delta)
{
    if (m_builder->isBuilding())
        return; // it builds the document as it is, and says when it is done
    if (m_syncedGeneration == m_document->schemaGeneration()) {
        m_offBase = false; // the items show what was announced
        return;
    }
    // The delta is taken from the resolve announced before; items built since from another
    // one (an add synced at once, a build) need the whole comparison.
    bool geometry = true;
    if (m_offBase || !m_updater.applyDelta(delta, &geometry))
        syncSchema();
    m_offBase = false;
    // The overview and the minimap draw geometry only: boxes of the same size (and so edges
    // on the same route) change nothing there.
    if (!geometry)
        return;
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

void DiagramScene::findCycle(const ResolvedSchema &schema, QSet<QString> *associations,
                             QSet<QString> *tables)
{
    // A dependency cycle is drawn along its whole path: the "cycle" diagnostics name every
    // association whose FK closes it; their tables are on the path too.
    for (const Diagnostic &diagnostic : schema.diagnostics) {
        if (diagnostic.code == QLatin1String("cycle")) {
            for (const QString &id : diagnostic.ids)
                associations->insert(id);
        }
    }
    for (const ResolvedAssociation &association : schema.associations) {
        if (associations->contains(association.id.toString())) {
            tables->insert(association.sourceTable);
            tables->insert(association.targetTable);
        }
    }
}

TableItem *DiagramScene::newTableItem(const ResolvedTable &table)
{
    auto item = new TableItem(table.entity, table.name);
    addItem(item);
    return item;
}

void DiagramScene::showTable(TableItem *item, const ResolvedTable &table,
                             const ResolvedSchema &schema, bool inCycle)
{
    // Edges are attached again later, after the boxes are in place (so that moving a box
    // does not route edges that are about to be routed again); the old ones may go.
    item->clearEdges();
    item->setTableName(table.name);
    item->setContent(TableItem::contentOf(table, schema, inCycle));
    const auto differs = m_syncDifferences.constFind(table.name);
    item->setSyncDifference(differs != m_syncDifferences.cend(),
                            differs != m_syncDifferences.cend() ? *differs : QSet<QString>());
}

AssociationItem *DiagramScene::showAssociation(const ResolvedAssociation &association,
                                               const ResolvedAssociation *partner, bool inCycle)
{
    AssociationItem *item = m_associations.value(association.id);
    if (!item) {
        item = new AssociationItem(association.id);
        addItem(item);
    }
    item->setContent(partner ? AssociationItem::mergedContentOf(association, *partner, inCycle)
                             : AssociationItem::contentOf(association, inCycle));
    return item;
}

void DiagramScene::syncSchema()
{
    const ResolvedSchema &schema = m_document->resolved();
    m_syncedGeneration = m_document->schemaGeneration();
    m_updater.reset();
    QSet<QString> cycleAssociations;
    QSet<QString> cycleTables;
    findCycle(schema, &cycleAssociations, &cycleTables);

    // Tables: reuse the item of each id (its content is only replaced when it differs),
    // create the new ones, delete the ones resolution no longer yields.
    QHash<QString, TableItem *> byTableName;
    QHash<EntityId, TableItem *> tables;
    QHash<QString, TableItem *> junctions;
    for (const ResolvedTable &table : schema.tables) {
        TableItem *item = table.isCreatedJunction() ? m_junctions.take(table.name)
                                                    : m_tables.take(table.entity);
        if (!item)
            item = newTableItem(table);
        if (table.isCreatedJunction())
            junctions.insert(table.name, item);
        else
            tables.insert(table.entity, item);
        showTable(item, table, schema, cycleTables.contains(table.name));
        byTableName.insert(table.name, item);
    }
    bool deselected = deleteQuietly(this, m_tables);
    deselected = deleteQuietly(this, m_junctions) || deselected;
    m_tables = tables;
    m_junctions = junctions;

    findJunctionPlaces(schema, byTableName);

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
        TableItem *target = byTableName.value(edgeTargetTable(association));
        if (!source || !target)
            continue; // unresolved: the diagnostics say why
        AssociationItem *item = showAssociation(
            association, partner, cycleAssociations.contains(association.id.toString()));
        m_associations.remove(association.id);
        associations.insert(association.id, item);
        const auto key = std::minmax(source, target, std::less<TableItem *>());
        const std::pair<TableItem *, TableItem *> pair(key.first, key.second);
        if (!pairs.contains(pair))
            pairOrder.append(pair);
        pairs[pair].append({item, source, target});
    }
    deselected = deleteQuietly(this, m_associations) || deselected;
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
    if (deselected)
        emit selectionChanged();
}

void DiagramScene::setMergeRelationshipSides(bool merge)
{
    if (merge == m_mergeSides)
        return;
    m_mergeSides = merge;
    if (m_builder->isBuilding()) {
        startBuilder();
    } else if (m_document) {
        syncSchema();
        m_offBase = true;
    }
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

const QString &DiagramScene::edgeTargetTable(const ResolvedAssociation &association)
{
    return association.type == AssociationType::BelongsToMany ? association.throughTable
                                                              : association.targetTable;
}

void DiagramScene::findJunctionPlaces(const ResolvedSchema &schema,
                                      const QHash<QString, TableItem *> &byTableName)
{
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
    for (const JunctionPlace &place : std::as_const(m_junctionPlaces))
        placeJunction(place, occupied);
}

QPointF DiagramScene::junctionWanted(const JunctionPlace &place) const
{
    const QRectF a = place.first->sceneBoundingRect();
    const QRectF b = place.second->sceneBoundingRect();
    const QSizeF size = place.junction->size();
    const bool sameRow = a.top() < b.bottom() && b.top() < a.bottom();
    if (sameRow) {
        return QPointF((a.center().x() + b.center().x()) / 2 - size.width() / 2,
                       qMax(a.bottom(), b.bottom()) + junctionGap);
    }
    return QPointF(qMax(a.right(), b.right()) + junctionGap,
                   (a.center().y() + b.center().y()) / 2 - size.height() / 2);
}

void DiagramScene::placeJunction(const JunctionPlace &place, Occupancy &occupied)
{
    TableItem *junction = place.junction;
    const QPointF wanted = junctionWanted(place);
    qreal searched = 0;
    const QPointF position = occupied.freePlace(wanted, junction->size(), &searched);
    // Candidates lie on whole pixels near these: a pixel more of margin covers the rounding.
    const QRectF first(wanted, junction->size());
    const qreal margin = Occupancy::margin + 1;
    junction->setPlaceSearched((first | first.translated(searched, 0)
                                | first.translated(0, searched))
                                   .adjusted(-margin, -margin, margin, margin));
    junction->setPos(position);
    occupied.insert(junction->sceneBoundingRect());
}

QRectF DiagramScene::contentsRect() const
{
    // From the hashes, not itemsBoundingRect(): that sorts every item through the index
    // (tens of ms at 10,000 models). While building, the area the rest will cover too.
    QRectF bounds = m_builder->plannedRect();
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
