// SPDX-License-Identifier: MIT
#pragma once

#include "change.h"
#include "ids.h"
#include "resolveddelta.h"

#include <QHash>
#include <QPoint>
#include <QRectF>
#include <QSet>

#include <functional>

namespace Junction {

class AssociationItem;
class DiagramScene;
class TableItem;
struct ResolvedSchema;

// Brings a DiagramScene's items up to date with an edit by touching only what the edit
// names: the boxes, junction tables and edges that came, went or differ are made, deleted
// or updated; the lanes of the pairs of boxes whose edges changed are laid out again and
// only their edges re-routed; everything else stays as it is (the same item objects). On a
// 10,000-model schema that is a few ms where DiagramScene::syncSchema() compares 25,000
// items after a resolve on the UI thread (~0.4 s).
//
// Two ways in:
// - showAtOnce(): a gesture that adds or removes models or associations is shown at once
//   (a new edge, the box the in-place editor opens on) from a resolve of the edit's
//   neighbourhood only: the models it touches, those they are associated with, and the
//   associations among them. That gives the touched tables, edges and junction tables as
//   the whole resolve will (their FK columns come from associations that touch them), but
//   not what only the whole schema knows (the cycle's colour); so what it showed is
//   noted, and the worker's resolve shows it again.
// - applyDelta(): the worker's resolve (Document::resolvedChanged) with its ResolvedDelta,
//   plus whatever showAtOnce() showed since.
// Either returns false where only a comparison of everything is right (then the scene
// calls syncSchema()): the cycle changed (it colours tables and edges anywhere), merged
// relationship sides (View > One Edge per Relationship: which edge shows an association
// depends on its partner, which the delta does not name), or the project replaced.
class SceneUpdater
{
public:
    explicit SceneUpdater(DiagramScene *scene);

    bool showAtOnce(const ChangeSet &changes);
    // *geometryChanged: whether a box or edge came, went, moved or resized.
    bool applyDelta(const ResolvedDelta &delta, bool *geometryChanged);
    // The scene was built or compared in full: nothing shown at once is waiting.
    void reset() { m_provisional = {}; }

private:
    struct Named
    {
        QSet<EntityId> models;
        QSet<QString> junctions;
        QSet<AssociationId> associations;
        bool isEmpty() const
        {
            return models.isEmpty() && junctions.isEmpty() && associations.isEmpty();
        }
        void unite(const Named &other)
        {
            models.unite(other.models);
            junctions.unite(other.junctions);
            associations.unite(other.associations);
        }
    };
    // `exact`: `schema` is the whole resolve (cycle colours and junction order from it);
    // else the resolve of a neighbourhood (colours kept, new junctions placed on their own).
    bool update(const ResolvedSchema &schema, const Named &named, bool exact,
                bool *geometryChanged);
    TableItem *itemForTable(const ResolvedSchema &schema, const QString &tableName) const;
    void deleteEdge(AssociationItem *edge);
    // Lays the lanes of the pairs of m_relane's boxes again; *bounds grows by their edges.
    void relane(const ResolvedSchema &schema, QRectF *bounds);
    // Places the junction at this index of the scene's places again.
    void placeOne(qsizetype index);
    static void forEachCell(const QRectF &rect, const std::function<void(QPoint)> &visit);

    DiagramScene *m_scene;
    // What showAtOnce() showed since the last resolve was applied.
    Named m_provisional;
    // Boxes whose edges changed: their pairs get their lanes again.
    QSet<TableItem *> m_relane;
    QList<AssociationItem *> m_deadEdges;
    // The model boxes by coarse cell, made when a junction is first placed again in an
    // update: a look at all 10,000 once, not once per junction.
    QHash<QPoint, QList<QRectF>> m_models;
    bool m_modelsIndexed = false;
};

} // namespace Junction
