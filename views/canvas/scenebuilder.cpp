// SPDX-License-Identifier: MIT
#include "scenebuilder.h"

#include "associationitem.h"
#include "autolayout.h"
#include "diagramscene.h"
#include "document.h"
#include "layoutpatch.h"
#include "resolvedschema.h"
#include "tableitem.h"

#include <algorithm>

namespace Junction {

namespace {

// How many items between two looks at the clock: one item takes some tens of µs.
constexpr int checkEvery = 8;

} // namespace

SceneBuilder::SceneBuilder(DiagramScene *scene)
    : QObject(scene)
    , m_scene(scene)
{
    // A zero timer: the next slice after the events (paint, input) that came meanwhile.
    m_timer.setSingleShot(true);
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, &SceneBuilder::runSlice);
    // A timer started while timers fire waits for the next turn of the event loop; one
    // started elsewhere (in the hand-over, a posted event) would fire in the same turn and
    // lengthen it. So the first slice is armed by a timer.
    m_kick.setSingleShot(true);
    m_kick.setInterval(0);
    connect(&m_kick, &QTimer::timeout, this, [this] {
        if (!m_timer.isActive())
            m_timer.start();
    });
}

// The scene deletes what is left of the discarded items (DiagramScene's destructor).
SceneBuilder::~SceneBuilder() = default;

void SceneBuilder::start()
{
    m_phase = m_scene->m_document ? Phase::Prepare : Phase::Idle;
    m_next = 0;
    if (!isBuilding())
        return;
    // Where the boxes will be, now: fit-all right after this shows the whole diagram.
    const Project &project = m_scene->m_document->project();
    QRectF planned;
    for (const Entity &entity : project.entities) {
        if (const auto position = Layout::modelPosition(project.layout, entity.id))
            planned |= QRectF(*position, estimatedBoxSize(entity));
    }
    m_planned = planned;
    if (!planned.isEmpty())
        m_scene->growSceneRect(); // once for the whole diagram, not per slice
    scheduleSlice();
}

void SceneBuilder::cancel()
{
    m_phase = Phase::Idle;
    m_schema = nullptr;
    m_planned = QRectF();
    m_seenTables.clear();
    m_seenAssociations.clear();
    m_byTableName.clear();
    m_occupied.clear();
    m_pairs.clear();
    m_pairOrder.clear();
    m_partners.clear();
    if (m_discarded.empty()) {
        m_timer.stop();
        m_kick.stop();
    }
}

void SceneBuilder::finish()
{
    if (isBuilding() && build(-1))
        done();
}

void SceneBuilder::discard(const QList<QGraphicsItem *> &items)
{
    // Hidden, they are neither painted nor found at a position; hiding 25,000 items takes
    // some 20 ms, deleting them twenty times that.
    for (QGraphicsItem *item : items)
        item->setVisible(false);
    m_discarded.insert(m_discarded.end(), items.cbegin(), items.cend());
    scheduleSlice();
}

void SceneBuilder::deleteDiscarded()
{
    discardSome(-1);
}

void SceneBuilder::scheduleSlice()
{
    if ((isBuilding() || !m_discarded.empty()) && !m_timer.isActive() && !m_kick.isActive())
        (m_inSlice ? m_timer : m_kick).start();
}

void SceneBuilder::runSlice()
{
    m_inSlice = true;
    m_clock.start();
    const qint64 deadline = qint64(sliceMsec) * 1000000;
    if (isBuilding() && !m_scene->m_document)
        cancel(); // the document went without the scene being told
    // The new document first: the old one is out of sight already.
    if (isBuilding()) {
        if (build(deadline))
            done();
    } else {
        discardSome(deadline);
    }
    scheduleSlice();
    m_inSlice = false;
}

bool SceneBuilder::discardSome(qint64 deadline)
{
    // Newest first: the edges, which point at their boxes, were discarded last.
    int count = 0;
    while (!m_discarded.empty()) {
        if (deadline >= 0 && ++count % checkEvery == 0 && m_clock.nsecsElapsed() > deadline)
            return false;
        delete m_discarded.back();
        m_discarded.pop_back();
    }
    return true;
}

void SceneBuilder::prepare()
{
    DiagramScene &scene = *m_scene;
    m_schema = &scene.m_document->resolved();
    const ResolvedSchema &schema = *m_schema;
    m_cycleAssociations.clear();
    m_cycleTables.clear();
    DiagramScene::findCycle(schema, &m_cycleAssociations, &m_cycleTables);
    m_partners = scene.m_mergeSides
        ? DiagramScene::relationshipPartners(schema, m_cycleAssociations)
        : QHash<AssociationId, const ResolvedAssociation *>();
    m_seenTables.clear();
    m_seenAssociations.clear();
    m_byTableName.clear();
    m_occupied.clear();
    m_pairs.clear();
    m_pairOrder.clear();
    scene.m_junctionPlaces.clear();
    scene.m_mergedInto.clear();
}

bool SceneBuilder::build(qint64 deadline)
{
    DiagramScene &scene = *m_scene;
    int count = 0;
    auto timeIsUp = [&] {
        return deadline >= 0 && ++count % checkEvery == 0 && m_clock.nsecsElapsed() > deadline;
    };
    if (m_phase == Phase::Prepare) {
        prepare();
        m_phase = Phase::Tables;
        m_next = 0;
    }
    const ResolvedSchema &schema = *m_schema;
    const QJsonObject &layout = scene.m_document->project().layout;

    // Boxes: reuse the item of each id, create the new ones; models go to their place at
    // once (a model without a position waits at the origin for placeUnpositionedEntities()).
    if (m_phase == Phase::Tables) {
        while (m_next < schema.tables.size()) {
            if (timeIsUp())
                return false;
            const ResolvedTable &table = schema.tables.at(m_next++);
            const bool junction = table.isCreatedJunction();
            TableItem *item = junction ? scene.m_junctions.value(table.name)
                                       : scene.m_tables.value(table.entity);
            if (!item || m_seenTables.contains(item)) {
                item = scene.newTableItem(table);
                if (junction)
                    scene.m_junctions.insert(table.name, item);
                else
                    scene.m_tables.insert(table.entity, item);
            }
            m_seenTables.insert(item);
            scene.showTable(item, table, schema, m_cycleTables.contains(table.name));
            if (!junction) {
                item->setPos(Layout::modelPosition(layout, table.entity).value_or(QPointF()));
                m_occupied.insert(item->sceneBoundingRect());
            }
            m_byTableName.insert(table.name, item);
        }
        endTables();
        // Every box is there: the overview picture and the minimap may show them (the edges
        // come next).
        emit m_scene->diagramChanged();
        m_phase = Phase::Junctions;
        m_next = 0;
    }

    // A junction table follows the two models it joins (DiagramScene::placeJunctions()).
    if (m_phase == Phase::Junctions) {
        while (m_next < scene.m_junctionPlaces.size()) {
            if (timeIsUp())
                return false;
            scene.placeJunction(scene.m_junctionPlaces.at(m_next++), m_occupied);
        }
        m_occupied.clear();
        m_phase = Phase::Associations;
        m_next = 0;
    }

    // Edges: the same, grouped by the pair of boxes they join for the lanes.
    if (m_phase == Phase::Associations) {
        while (m_next < schema.associations.size()) {
            if (timeIsUp())
                return false;
            const ResolvedAssociation &association = schema.associations.at(m_next++);
            const ResolvedAssociation *partner = m_partners.value(association.id);
            if (partner && association.type == AssociationType::BelongsTo) {
                scene.m_mergedInto.insert(association.id, partner->id);
                continue;
            }
            TableItem *source = m_byTableName.value(association.sourceTable);
            TableItem *target = m_byTableName.value(DiagramScene::edgeTargetTable(association));
            if (!source || !target)
                continue; // unresolved: the diagnostics say why
            AssociationItem *item = scene.showAssociation(
                association, partner, m_cycleAssociations.contains(association.id.toString()));
            scene.m_associations.insert(association.id, item);
            m_seenAssociations.insert(item);
            const auto key = std::minmax(source, target, std::less<TableItem *>());
            const Pair pair(key.first, key.second);
            auto it = m_pairs.find(pair);
            if (it == m_pairs.end()) {
                m_pairOrder.append(pair);
                it = m_pairs.insert(pair, {});
            }
            it->append({item, source, target});
        }
        endAssociations();
        m_phase = Phase::Edges;
        m_next = 0;
    }

    // Lanes and routes, now that every box is where it stays.
    if (m_phase == Phase::Edges) {
        while (m_next < m_pairOrder.size()) {
            if (timeIsUp())
                return false;
            const QList<Edge> &edges = m_pairs[m_pairOrder.at(m_next++)];
            for (int lane = 0; lane < edges.size(); ++lane) {
                const Edge &edge = edges.at(lane);
                edge.item->setEnds(edge.source, edge.target, lane, int(edges.size()));
                edge.source->addEdge(edge.item);
                if (edge.target != edge.source)
                    edge.target->addEdge(edge.item);
                edge.item->updateGeometry();
            }
        }
    }
    return true;
}

void SceneBuilder::endTables()
{
    DiagramScene &scene = *m_scene;
    // Boxes resolution no longer yields (after an edit while building) go, with every edge
    // that may point at them: the edges still wanted are made again below.
    QSet<TableItem *> gone;
    for (auto it = scene.m_tables.begin(); it != scene.m_tables.end();) {
        if (m_seenTables.contains(*it)) {
            ++it;
        } else {
            gone.insert(*it);
            it = scene.m_tables.erase(it);
        }
    }
    for (auto it = scene.m_junctions.begin(); it != scene.m_junctions.end();) {
        if (m_seenTables.contains(*it)) {
            ++it;
        } else {
            gone.insert(*it);
            it = scene.m_junctions.erase(it);
        }
    }
    if (!gone.isEmpty()) {
        for (auto it = scene.m_associations.begin(); it != scene.m_associations.end();) {
            AssociationItem *edge = *it;
            if (gone.contains(edge->sourceItem()) || gone.contains(edge->targetItem())) {
                delete edge;
                it = scene.m_associations.erase(it);
            } else {
                ++it;
            }
        }
        qDeleteAll(gone);
    }

    scene.findJunctionPlaces(*m_schema, m_byTableName);
}

void SceneBuilder::endAssociations()
{
    DiagramScene &scene = *m_scene;
    for (auto it = scene.m_associations.begin(); it != scene.m_associations.end();) {
        if (m_seenAssociations.contains(*it)) {
            ++it;
        } else {
            delete *it;
            it = scene.m_associations.erase(it);
        }
    }
}

void SceneBuilder::done()
{
    m_phase = Phase::Idle;
    m_planned = QRectF();
    m_schema = nullptr;
    m_seenTables.clear();
    m_seenAssociations.clear();
    m_byTableName.clear();
    m_pairs.clear();
    m_pairOrder.clear();
    m_partners.clear();
    m_scene->growSceneRect();
    emit finished();
}

} // namespace Junction
