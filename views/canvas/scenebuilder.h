// SPDX-License-Identifier: MIT
#pragma once

#include "ids.h"
#include "occupancy.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QRectF>
#include <QSet>
#include <QTimer>

#include <vector>

class QGraphicsItem;

namespace Junction {

class AssociationItem;
class DiagramScene;
class TableItem;
struct ResolvedAssociation;
struct ResolvedSchema;

// Builds the items of a document just set on the scene in slices of about sliceMsec, each
// one turn of the event loop, so that opening a 10,000-model file never blocks the UI thread
// for long (in one go it takes most of a second). It does what DiagramScene::syncSchema()
// does, in phases: the boxes (placed as they come), the junction tables' places, the edges,
// then their lanes and routes once every box is where it stays.
//
// A change of the document while building (an edit, an undo) starts it again from the top
// on the document as it is then; the items made so far are kept and reused by id, as
// syncSchema() reuses them, so the result is the scene syncSchema() would have made.
// The previous document's items are hidden at once and deleted in slices too (deleting the
// 25,000 items of an XL scene takes a few hundred ms).
class SceneBuilder : public QObject
{
    Q_OBJECT

public:
    explicit SceneBuilder(DiagramScene *scene);
    ~SceneBuilder() override;

    // (Re)starts building the scene's document.
    void start();
    void cancel();
    bool isBuilding() const { return m_phase != Phase::Idle; }
    // Builds the rest now, in one step.
    void finish();

    // The area the boxes will cover when built (their positions and estimated sizes), so
    // that fit-all shows the whole diagram from the start; empty when not building.
    QRectF plannedRect() const { return isBuilding() ? m_planned : QRectF(); }

    // Items of a previous document: hidden now, deleted a slice at a time. They must no
    // longer be referred to by anything but each other.
    void discard(const QList<QGraphicsItem *> &items);
    void deleteDiscarded();
    bool hasDiscarded() const { return !m_discarded.empty(); }

    static constexpr int sliceMsec = 15;

signals:
    // The scene shows the whole document.
    void finished();

private:
    enum class Phase { Idle, Prepare, Tables, Junctions, Associations, Edges };
    struct Edge
    {
        AssociationItem *item;
        TableItem *source;
        TableItem *target;
    };
    using Pair = std::pair<TableItem *, TableItem *>;

    void scheduleSlice();
    void runSlice();
    // Works until `deadline` (nanoseconds on m_clock; -1: no limit); true when done.
    bool build(qint64 deadline);
    bool discardSome(qint64 deadline);
    void prepare();
    void endTables();
    void endAssociations();
    void done();

    DiagramScene *m_scene;
    QTimer m_timer;
    QTimer m_kick; // arms m_timer from a timer: see the constructor
    bool m_inSlice = false;
    QElapsedTimer m_clock;
    Phase m_phase = Phase::Idle;
    qsizetype m_next = 0; // the next table, junction, association or pair of the phase
    const ResolvedSchema *m_schema = nullptr;
    QRectF m_planned;

    QSet<QString> m_cycleAssociations;
    QSet<QString> m_cycleTables;
    QHash<AssociationId, const ResolvedAssociation *> m_partners;
    QSet<TableItem *> m_seenTables;
    QSet<AssociationItem *> m_seenAssociations;
    QHash<QString, TableItem *> m_byTableName;
    Occupancy m_occupied;
    QHash<Pair, QList<Edge>> m_pairs;
    QList<Pair> m_pairOrder;

    std::vector<QGraphicsItem *> m_discarded;
};

} // namespace Junction
