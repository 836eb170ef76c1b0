// SPDX-License-Identifier: MIT
#include "sceneupdater.h"

#include "associationitem.h"
#include "diagramscene.h"
#include "document.h"
#include "occupancy.h"
#include "resolvedschema.h"
#include "tableitem.h"

#include <QSignalBlocker>

#include <algorithm>
#include <cmath>
#include <limits>

namespace Junction {

namespace {

bool namesModel(const Association &a, const QString &name)
{
    return a.source == name || a.target == name
           || (a.through.kind == Through::Kind::Model && a.through.name == name);
}

} // namespace

SceneUpdater::SceneUpdater(DiagramScene *scene)
    : m_scene(scene)
{}

bool SceneUpdater::showAtOnce(const ChangeSet &changes)
{
    DiagramScene &scene = *m_scene;
    const Document &document = *scene.m_document;
    const Changes handled = Change::EntitiesAdded | Change::EntitiesRemoved
                            | Change::AssociationsAdded | Change::AssociationsRemoved
                            | Change::ModelPositions;
    if ((changes.changes & ~handled).toInt() != 0)
        return false;
    const Project &project = document.project();
    const ResolvedSchema &last = document.lastResolved();

    // What the edit names, and the models whose tables it may change (`touched`): the ends
    // of the associations that came or went, the neighbours of the models that went.
    Named named;
    QSet<EntityId> touched;
    // A model by name: through the last resolve's index, else (a model that came or was
    // renamed since) by looking.
    auto touchModel = [&](const QString &name) {
        if (const ResolvedTable *table = last.tableForEntity(name)) {
            const Entity *entity = document.entity(table->entity);
            if (entity && entity->name == name) {
                touched.insert(entity->id);
                return;
            }
        }
        for (const Entity &entity : project.entities) {
            if (entity.name == name)
                touched.insert(entity.id);
        }
    };
    auto touchJunction = [&](const TableItem *junction) {
        named.junctions.insert(junction->tableName());
        for (const DiagramScene::JunctionPlace &place : std::as_const(scene.m_junctionPlaces)) {
            if (place.junction == junction) {
                touched.insert(place.first->entityId());
                touched.insert(place.second->entityId());
            }
        }
    };
    auto touchEnd = [&](const TableItem *end) {
        if (end->isDerived())
            touchJunction(end);
        else
            touched.insert(end->entityId());
    };
    for (const EntityId &id : changes.entities) {
        named.models.insert(id);
        if (document.entity(id)) {
            touched.insert(id);
            continue;
        }
        const TableItem *item = scene.m_tables.value(id);
        if (!item)
            continue;
        // An association left naming a model that went is unresolved now: the diagnostics
        // and what the whole resolve makes of it are for the worker.
        for (const Association &a : project.associations) {
            if (namesModel(a, item->content().title))
                return false;
        }
        for (const AssociationItem *edge : item->edges()) {
            named.associations.insert(edge->associationId());
            touchEnd(edge->sourceItem());
            touchEnd(edge->targetItem());
        }
        for (const DiagramScene::JunctionPlace &place : std::as_const(scene.m_junctionPlaces)) {
            if (place.first == item || place.second == item)
                touchJunction(place.junction);
        }
    }
    for (const AssociationId &id : changes.associations) {
        named.associations.insert(id);
        if (const Association *a = document.association(id)) {
            touchModel(a->source);
            touchModel(a->target);
            if (a->through.kind == Through::Kind::Model)
                touchModel(a->through.name);
            continue;
        }
        // Gone: its ends as last resolved and as drawn.
        if (const ResolvedAssociation *a = last.association(id)) {
            for (const QString &tableName : {a->sourceTable, a->targetTable, a->throughTable}) {
                const ResolvedTable *table = tableName.isEmpty() ? nullptr : last.table(tableName);
                if (!table)
                    continue;
                if (table->isCreatedJunction())
                    named.junctions.insert(table->name);
                else
                    touched.insert(table->entity);
            }
        }
        if (const AssociationItem *edge = scene.m_associations.value(id)) {
            touchEnd(edge->sourceItem());
            touchEnd(edge->targetItem());
        }
    }
    for (auto it = touched.begin(); it != touched.end();) {
        if (document.entity(*it))
            ++it;
        else
            it = touched.erase(it); // went in this edit: named already
    }
    // Which edge shows an association depends on its partner there: compared in full.
    if (scene.m_mergeSides && !named.associations.isEmpty())
        return false;

    // The neighbourhood: the touched models, every association that names one of them and
    // the models at its other ends. A touched model's table is then what the whole resolve
    // gives: its FK columns and junction tables come from those associations only.
    QSet<QString> names;
    for (const EntityId &id : std::as_const(touched))
        names.insert(document.entity(id)->name);
    QSet<QString> members = names;
    Project part;
    part.define = project.define;
    part.hasDefine = project.hasDefine;
    for (const Association &a : project.associations) {
        if (names.contains(a.source) || names.contains(a.target)
            || (a.through.kind == Through::Kind::Model && names.contains(a.through.name))) {
            part.associations.append(a);
            members.insert(a.source);
            members.insert(a.target);
            if (a.through.kind == Through::Kind::Model)
                members.insert(a.through.name);
        }
    }
    for (const Entity &entity : project.entities) {
        if (members.contains(entity.name))
            part.entities.append(entity);
    }
    const ResolvedSchema schema = resolve(part);
    for (const AssociationId &id : std::as_const(named.associations)) {
        const ResolvedAssociation *a = schema.association(id);
        if (!a || a->throughTable.isEmpty())
            continue;
        if (const ResolvedTable *table = schema.table(a->throughTable);
            table && table->isCreatedJunction()) {
            named.junctions.insert(table->name);
        }
    }
    named.models.unite(touched);

    bool geometry = false;
    if (!update(schema, named, false, &geometry))
        return false;
    m_provisional.unite(named);
    return true;
}

bool SceneUpdater::applyDelta(const ResolvedDelta &delta, bool *geometryChanged)
{
    DiagramScene &scene = *m_scene;
    // The cycle's path colours tables and edges anywhere; merged sides: see the class.
    // Reordered tables or associations change junction places and lanes anywhere.
    if (delta.everything || delta.cycle || delta.reordered
        || (scene.m_mergeSides
            && !(delta.associations.isEmpty() && m_provisional.associations.isEmpty()))) {
        return false;
    }
    Named named = m_provisional;
    named.models.unite(delta.models);
    named.junctions.unite(delta.junctions);
    named.associations.unite(delta.associations);
    m_provisional = {};
    const ResolvedSchema &schema = scene.m_document->resolved();
    // A generated row's note names the association that made its column ("User.Pictures"):
    // an association that changed only its alias leaves the tables of its keys as they were,
    // so the delta does not name them, yet their rows read differently.
    for (const AssociationId &id : delta.associations) {
        const ResolvedAssociation *association = schema.association(id);
        if (!association)
            continue;
        for (const QString &name : {association->foreignKeyTable, association->throughTable}) {
            const ResolvedTable *table = name.isEmpty() ? nullptr : schema.table(name);
            if (table && table->isCreatedJunction())
                named.junctions.insert(table->name);
            else if (table)
                named.models.insert(table->entity);
        }
    }
    return update(schema, named, true, geometryChanged);
}

TableItem *SceneUpdater::itemForTable(const ResolvedSchema &schema,
                                      const QString &tableName) const
{
    const ResolvedTable *table = schema.table(tableName);
    if (!table)
        return nullptr;
    return table->isCreatedJunction() ? m_scene->m_junctions.value(table->name)
                                      : m_scene->m_tables.value(table->entity);
}

void SceneUpdater::deleteEdge(AssociationItem *edge)
{
    m_scene->m_associations.remove(edge->associationId());
    for (TableItem *end : {edge->sourceItem(), edge->targetItem()}) {
        if (end) {
            end->removeEdge(edge);
            m_relane.insert(end);
        }
    }
    m_deadEdges.append(edge);
}

bool SceneUpdater::update(const ResolvedSchema &schema, const Named &named, bool exact,
                          bool *geometryChanged)
{
    DiagramScene &scene = *m_scene;
    const Document &document = *scene.m_document;
    m_models.clear();
    m_modelsIndexed = false;
    // The cycle's colour: from the whole resolve; a neighbourhood's resolve does not know
    // it, the items keep theirs (a change of the cycle is compared in full anyway).
    QSet<QString> cycleAssociations;
    QSet<QString> cycleTables;
    if (exact) {
        for (const Diagnostic &diagnostic : schema.diagnostics) {
            if (diagnostic.code != QLatin1String("cycle"))
                continue;
            for (const QString &id : diagnostic.ids) {
                cycleAssociations.insert(id);
                if (const ResolvedAssociation *a = schema.association(AssociationId(id))) {
                    cycleTables.insert(a->sourceTable);
                    cycleTables.insert(a->targetTable);
                }
            }
        }
    }

    // Boxes: updated, made or gone.
    struct Resized
    {
        TableItem *item;
        QRectF before;
    };
    QList<Resized> resized;
    QList<TableItem *> gone;
    QList<EntityId> newModels;
    QList<TableItem *> newJunctions;
    QRectF bounds;
    auto show = [&](TableItem *item, const ResolvedTable &table, bool isNew) {
        const bool inCycle = exact ? cycleTables.contains(table.name) : item->content().inCycle;
        const QRectF before = item->sceneBoundingRect();
        item->setTableName(table.name);
        item->setContent(TableItem::contentOf(table, schema, inCycle));
        const auto differs = scene.m_syncDifferences.constFind(table.name);
        item->setSyncDifference(differs != scene.m_syncDifferences.cend(),
                                differs != scene.m_syncDifferences.cend() ? *differs
                                                                          : QSet<QString>());
        if (!isNew && item->sceneBoundingRect() != before)
            resized.append({item, before});
    };
    // The box of `key` in `items` shows `table`, is made for it, or goes without one; the
    // made one is returned.
    auto showBox = [&](auto &items, const auto &key, const ResolvedTable *table) -> TableItem * {
        TableItem *item = items.value(key);
        if (!table) {
            if (item)
                gone.append(items.take(key));
            return nullptr;
        }
        const bool isNew = !item;
        if (isNew) {
            item = scene.newTableItem(*table);
            items.insert(key, item);
        }
        show(item, *table, isNew);
        return isNew ? item : nullptr;
    };
    for (const EntityId &id : named.models) {
        const Entity *entity = document.entity(id);
        const ResolvedTable *table = entity ? schema.tableForEntity(entity->name) : nullptr;
        if (showBox(scene.m_tables, id, table && table->entity == id ? table : nullptr))
            newModels.append(id);
    }
    for (const QString &name : named.junctions) {
        const ResolvedTable *table = schema.table(name);
        if (TableItem *made = showBox(scene.m_junctions, name,
                                      table && table->isCreatedJunction() ? table : nullptr))
            newJunctions.append(made);
    }
    scene.placeModels(newModels);
    for (const EntityId &id : std::as_const(newModels))
        bounds |= scene.m_tables.value(id)->sceneBoundingRect();

    // A box that goes takes its edges and the junction places it is part of.
    const QSet<TableItem *> goneSet(gone.cbegin(), gone.cend());
    for (TableItem *item : std::as_const(gone)) {
        const QList<AssociationItem *> edges = item->edges();
        for (AssociationItem *edge : edges)
            deleteEdge(edge);
    }
    const QList<DiagramScene::JunctionPlace> placesBefore = scene.m_junctionPlaces;
    scene.m_junctionPlaces.removeIf([&goneSet](const DiagramScene::JunctionPlace &place) {
        return goneSet.contains(place.junction) || goneSet.contains(place.first)
               || goneSet.contains(place.second);
    });

    // Edges: updated, made, moved to other ends or gone.
    QList<AssociationItem *> edges;
    bool manyChanged = false; // a belongsToMany named: its junction may join other models
    for (const AssociationId &id : named.associations) {
        const ResolvedAssociation *a = schema.association(id);
        manyChanged = manyChanged || (a && a->type == AssociationType::BelongsToMany);
        AssociationItem *item = scene.m_associations.value(id);
        TableItem *source = a ? itemForTable(schema, a->sourceTable) : nullptr;
        TableItem *target
            = a ? itemForTable(schema, DiagramScene::edgeTargetTable(*a)) : nullptr;
        if (!source || !target) {
            if (item)
                deleteEdge(item); // unresolved: the diagnostics say why
            continue;
        }
        const bool moved
            = item && (item->sourceItem() != source || item->targetItem() != target);
        if (moved) {
            for (TableItem *end : {item->sourceItem(), item->targetItem()}) {
                end->removeEdge(item);
                m_relane.insert(end);
            }
        }
        const bool made = !item;
        if (made) {
            item = new AssociationItem(id);
            scene.addItem(item);
            scene.m_associations.insert(id, item);
        }
        if (moved || made) {
            item->setEnds(source, target, 0, 1);
            source->addEdge(item);
            if (target != source)
                target->addEdge(item);
            m_relane.insert(source);
            m_relane.insert(target);
        }
        const bool inCycle = exact ? cycleAssociations.contains(id.toString())
                                   : item->content().inCycle;
        item->setContent(AssociationItem::contentOf(*a, inCycle));
        edges.append(item);
    }
    for (TableItem *item : std::as_const(gone))
        m_relane.remove(item);

    // Junction tables follow the models they join, in schema order, each at the first free
    // place on its path (DiagramScene::placeJunctions()). The whole resolve gives the order
    // when junctions came or went or a belongsToMany changed; a neighbourhood's resolve
    // knows only the new ones, placed last until the whole resolve comes.
    const bool junctionWent = std::any_of(gone.cbegin(), gone.cend(),
                                          [](const TableItem *t) { return t->isDerived(); });
    if (exact && (!newJunctions.isEmpty() || junctionWent || manyChanged)) {
        scene.m_junctionPlaces.clear();
        // Created junction tables come after the models' tables.
        qsizetype first = schema.tables.size();
        while (first > 0 && schema.tables.at(first - 1).isCreatedJunction())
            --first;
        for (qsizetype i = first; i < schema.tables.size(); ++i) {
            const ResolvedTable &table = schema.tables.at(i);
            const ResolvedAssociation *association = schema.association(table.junctionOf);
            TableItem *a = association ? itemForTable(schema, association->sourceTable) : nullptr;
            TableItem *b = association ? itemForTable(schema, association->targetTable) : nullptr;
            if (a && b)
                scene.m_junctionPlaces.append({scene.m_junctions.value(table.name), a, b});
        }
    } else {
        for (TableItem *junction : std::as_const(newJunctions)) {
            const ResolvedTable *table = schema.table(junction->tableName());
            const ResolvedAssociation *association = schema.association(table->junctionOf);
            TableItem *a = association ? itemForTable(schema, association->sourceTable) : nullptr;
            TableItem *b = association ? itemForTable(schema, association->targetTable) : nullptr;
            if (a && b)
                scene.m_junctionPlaces.append({junction, a, b});
        }
    }
    // The places there were must still come first, in their order. Then, in order, a
    // junction is placed again only when it is new, its models changed, it resized, or a
    // box that came, went, moved or resized (or a junction placed again before it) lies
    // where its place was searched: the others would find the very place they have.
    // (Placing all 3,750 at XL is ~40 ms, several times that on a busy machine.)
    bool placeAll = false;
    qsizetype keptCount = 0;
    {
        QList<DiagramScene::JunctionPlace> kept = placesBefore;
        kept.removeIf([&goneSet](const DiagramScene::JunctionPlace &place) {
            return goneSet.contains(place.junction);
        });
        const auto &now = scene.m_junctionPlaces;
        keptCount = kept.size();
        placeAll = kept.size() > now.size();
        for (qsizetype i = 0; !placeAll && i < kept.size(); ++i) {
            placeAll = kept.at(i).junction != now.at(i).junction
                       || kept.at(i).first != now.at(i).first
                       || kept.at(i).second != now.at(i).second;
        }
    }
    // Room taken (a box that came or grew, a junction placed) can only move a junction whose
    // place it covers: every candidate blocked before still is. Room freed (a box that went
    // or shrank, a junction that moved away) can move one whose search passed over it.
    QList<QRectF> taken;
    QList<QRectF> freed;
    QSet<const TableItem *> changedBoxes;
    for (const TableItem *item : std::as_const(gone))
        freed.append(item->sceneBoundingRect());
    for (const Resized &r : std::as_const(resized)) {
        const QRectF after = r.item->sceneBoundingRect();
        taken.append(after);
        changedBoxes.insert(r.item);
        if (after.topLeft() != r.before.topLeft()) {
            freed.append(r.before);
            continue;
        }
        // A box keeps its top left corner: what it no longer covers is below or right.
        if (after.bottom() < r.before.bottom())
            freed.append(QRectF(QPointF(r.before.left(), after.bottom()), r.before.bottomRight()));
        if (after.right() < r.before.right())
            freed.append(QRectF(QPointF(after.right(), r.before.top()), r.before.bottomRight()));
    }
    for (const EntityId &id : std::as_const(newModels)) {
        taken.append(scene.m_tables.value(id)->sceneBoundingRect());
        changedBoxes.insert(scene.m_tables.value(id));
    }
    // Placing one looks at the boxes near it (the model boxes indexed once per update);
    // all at once takes ~40 ms at XL.
    constexpr int mostPlacedAgain = 64;
    const qreal margin = Occupancy::margin + 1;
    int placedAgain = 0;
    auto meets = [](const QList<QRectF> &boxes, const QRectF &area) {
        return std::any_of(boxes.cbegin(), boxes.cend(),
                           [&area](const QRectF &box) { return box.intersects(area); });
    };
    for (qsizetype i = 0; !placeAll && i < scene.m_junctionPlaces.size(); ++i) {
        const DiagramScene::JunctionPlace &place = scene.m_junctionPlaces.at(i);
        const QRectF before = place.junction->sceneBoundingRect();
        const bool again = i >= keptCount || changedBoxes.contains(place.first)
                           || changedBoxes.contains(place.second)
                           || changedBoxes.contains(place.junction)
                           || meets(taken, before.adjusted(-margin, -margin, margin, margin))
                           || meets(freed, place.junction->placeSearched());
        if (!again)
            continue;
        if (++placedAgain > mostPlacedAgain) {
            placeAll = true;
            break;
        }
        placeOne(i);
        const QRectF after = place.junction->sceneBoundingRect();
        if (i >= keptCount) {
            taken.append(after);
        } else if (after != before) {
            freed.append(before);
            taken.append(after);
        }
    }
    for (const QRectF &box : std::as_const(taken))
        bounds |= box;
    if (placeAll)
        scene.placeJunctions();
    for (TableItem *junction : std::as_const(newJunctions))
        bounds |= junction->sceneBoundingRect();

    // Lanes for the pairs of boxes whose edges changed; routes where anything changed.
    relane(schema, &bounds);
    for (AssociationItem *edge : std::as_const(edges))
        edge->updateGeometry();

    // Gone items, with the scene's signals held: one selection change, not one per item.
    bool deselected = false;
    {
        const QSignalBlocker quiet(&scene);
        for (AssociationItem *edge : std::as_const(m_deadEdges)) {
            deselected = deselected || edge->isSelected();
            delete edge;
        }
        for (TableItem *item : std::as_const(gone)) {
            deselected = deselected || item->isSelected();
            delete item;
        }
    }
    const bool structural = !m_deadEdges.isEmpty() || !gone.isEmpty() || !newModels.isEmpty()
                            || !newJunctions.isEmpty() || !edges.isEmpty();
    m_deadEdges.clear();

    if (placeAll) {
        scene.growSceneRect();
    } else {
        for (const Resized &r : std::as_const(resized))
            bounds |= r.item->sceneBoundingRect();
        for (const AssociationItem *edge : std::as_const(edges))
            bounds |= edge->sceneBoundingRect();
        if (!scene.m_grownRect.contains(bounds)) {
            scene.m_grownRect |= bounds;
            scene.setSceneRect(scene.m_grownRect);
        }
    }
    if (exact)
        scene.m_syncedGeneration = document.schemaGeneration();
    if (deselected)
        emit scene.selectionChanged();
    *geometryChanged = structural || !resized.isEmpty() || placeAll;
    return true;
}

void SceneUpdater::relane(const ResolvedSchema &schema, QRectF *bounds)
{
    // As syncSchema() lays them: the edges between one pair of boxes (either way) in the
    // order of the schema's associations, each its lane.
    using Pair = std::pair<TableItem *, TableItem *>;
    auto pairOf = [](const AssociationItem *edge) {
        // Copies: std::minmax returns references to its arguments.
        TableItem *source = edge->sourceItem();
        TableItem *target = edge->targetItem();
        return std::less<TableItem *>()(target, source) ? Pair(target, source)
                                                         : Pair(source, target);
    };
    auto orderOf = [&schema](const AssociationItem *edge) {
        const ResolvedAssociation *a = schema.association(edge->associationId());
        return a ? qsizetype(a - schema.associations.constData())
                 : std::numeric_limits<qsizetype>::max();
    };
    QSet<Pair> done;
    for (TableItem *box : std::as_const(m_relane)) {
        for (const AssociationItem *edge : box->edges()) {
            const Pair pair = pairOf(edge);
            if (done.contains(pair))
                continue;
            done.insert(pair);
            QList<std::pair<qsizetype, AssociationItem *>> lanes;
            for (AssociationItem *other : box->edges()) {
                if (pairOf(other) == pair)
                    lanes.append({orderOf(other), other});
            }
            std::stable_sort(lanes.begin(), lanes.end(), [](const auto &x, const auto &y) {
                return x.first < y.first;
            });
            for (int lane = 0; lane < lanes.size(); ++lane) {
                AssociationItem *item = lanes.at(lane).second;
                item->setEnds(item->sourceItem(), item->targetItem(), lane, int(lanes.size()));
                item->updateGeometry();
                *bounds |= item->sceneBoundingRect();
            }
        }
    }
    m_relane.clear();
}

void SceneUpdater::forEachCell(const QRectF &rect, const std::function<void(QPoint)> &visit)
{
    constexpr qreal cell = 512;
    const int left = int(std::floor(rect.left() / cell));
    const int right = int(std::floor(rect.right() / cell));
    const int top = int(std::floor(rect.top() / cell));
    const int bottom = int(std::floor(rect.bottom() / cell));
    for (int y = top; y <= bottom; ++y) {
        for (int x = left; x <= right; ++x)
            visit(QPoint(x, y));
    }
}

void SceneUpdater::placeOne(qsizetype index)
{
    // As DiagramScene::placeJunctions() would: clear of every model and of the junctions
    // placed before it in order; only the boxes around its path go into the occupancy (not
    // all 13,750 at XL).
    DiagramScene &scene = *m_scene;
    const DiagramScene::JunctionPlace &place = scene.m_junctionPlaces.at(index);
    const QPointF wanted = scene.junctionWanted(place);
    const qreal reach = Occupancy::searchReach + Occupancy::margin + 1;
    const QRectF region = QRectF(wanted, place.junction->size())
                              .adjusted(-reach / Occupancy::attempts, -reach / Occupancy::attempts,
                                        reach, reach);
    if (!m_modelsIndexed) {
        m_modelsIndexed = true;
        for (const TableItem *table : std::as_const(scene.m_tables)) {
            const QRectF box = table->sceneBoundingRect();
            forEachCell(box, [&](QPoint cell) { m_models[cell].append(box); });
        }
    }
    Occupancy occupied;
    forEachCell(region, [&](QPoint cell) {
        const auto it = m_models.constFind(cell);
        if (it == m_models.cend())
            return;
        for (const QRectF &box : *it) {
            if (box.intersects(region))
                occupied.insert(box); // one in several cells goes in more than once: harmless
        }
    });
    for (qsizetype i = 0; i < index; ++i) {
        const QRectF box = scene.m_junctionPlaces.at(i).junction->sceneBoundingRect();
        if (box.intersects(region))
            occupied.insert(box);
    }
    scene.placeJunction(place, occupied);
}

} // namespace Junction
