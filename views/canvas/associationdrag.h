// SPDX-License-Identifier: MIT
#pragma once

#include "ids.h"

#include <QPointF>

class QGraphicsPathItem;

namespace Junction {

class DiagramScene;
class TableItem;

// The rubber line of an association being drawn: from the box it started on to the mouse,
// with the box under the mouse outlined as the target (a loop when that is the start box
// again). It only shows; the gesture's command is pushed by CanvasInteraction on release.
// The start is kept by id, so an edit that rebuilds the boxes mid-drag cannot leave it
// pointing at a deleted item.
class AssociationDrag
{
public:
    explicit AssociationDrag(DiagramScene *scene);
    ~AssociationDrag();
    AssociationDrag(const AssociationDrag &) = delete;
    AssociationDrag &operator=(const AssociationDrag &) = delete;

    bool isActive() const { return !m_source.isNull(); }
    EntityId source() const { return m_source; }
    // Past the start distance at least once: a plain click on a box draws nothing.
    bool hasMoved() const { return m_moved; }

    void begin(const EntityId &source, QPointF scenePos);
    // `hovered` is the model box under the mouse, or nullptr.
    void moveTo(QPointF scenePos, TableItem *hovered);
    void end();

private:
    DiagramScene *m_scene;
    EntityId m_source;
    QPointF m_pressPos;
    bool m_moved = false;
    QGraphicsPathItem *m_line = nullptr;
    QGraphicsPathItem *m_highlight = nullptr;
};

} // namespace Junction
