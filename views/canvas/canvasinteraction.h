// SPDX-License-Identifier: MIT
#pragma once

#include "associationdrag.h"
#include "canvastool.h"
#include "ids.h"

#include <QObject>
#include <QPointF>

#include <optional>

class QGraphicsView;
class QMouseEvent;

namespace Junction {

class DiagramScene;
class DiagramView;
class Document;
class EdgeAutoScroll;
class InPlaceEditor;
class TableItem;

// The canvas gestures beyond select-and-move, kept out of the scene and the view: the tool
// in use, drawing an association from one model to another, adding a model (the AddModel
// tool, or a double-click on empty canvas with any tool), and opening the in-place editor
// by double-clicking a box's header (rename) or an attribute row; a double-click on an edge
// selects its association and asks for its alias to be edited (associationEditRequested). It watches the view's
// viewport and takes only the events its gestures need; Select-tool presses and moves go
// on to the scene as before. Each gesture is one command, pushed on release. Drawing near
// the viewport's edge scrolls the view (EdgeAutoScroll).
class CanvasInteraction : public QObject
{
    Q_OBJECT

public:
    CanvasInteraction(DiagramView *view, DiagramScene *scene, QObject *parent = nullptr);
    ~CanvasInteraction() override;

    CanvasTool tool() const { return m_tool; }
    void setTool(CanvasTool tool);

    InPlaceEditor *editor() const { return m_editor; }
    bool isDrawing() const { return m_drag.isActive(); }
    // Esc: cancels a drag in progress and returns to the Select tool.
    void cancel();

    // A model named Model (Model2, ...) with its top left near `scenePos`, selected and its
    // name open for typing. Returns its id (null when there is no document).
    EntityId addModelAt(QPointF scenePos);
    // The first selected model gets a new attribute, its row open for typing.
    AttributeId addAttributeToSelection();

    // The association the gesture from `source` to `target` makes: type, the two model
    // names, and for belongsToMany a `through` table named after both (SourceTargets).
    static Association newAssociation(const Document &document, AssociationType type,
                                      const Entity &source, const Entity &target);

signals:
    void toolChanged(Junction::CanvasTool tool);
    // A double-click on an association's edge (now selected): edit it where its options are,
    // its alias first, as a double-click on a box's name edits the name.
    void associationEditRequested(const Junction::AssociationId &id);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool mousePress(QMouseEvent *event);
    bool mouseMove(QMouseEvent *event);
    // A box of the canvas has the mouse and moves with it (the view moves the selection).
    bool movingModels() const;
    bool mouseRelease(QMouseEvent *event);
    bool mouseDoubleClick(QMouseEvent *event);
    bool hasItemAt(const QPoint &viewportPos) const;
    TableItem *modelAt(const QPoint &viewportPos) const;
    // The popup of the Association tool; nullopt when dismissed.
    std::optional<AssociationType> askType(const QPoint &viewportPos);
    void finishDrag(const QPoint &viewportPos);
    // Keeps what is on screen where it is when the scene grows: see the constructor.
    void pinSceneRect();
    // The "+ attribute" tab goes under the one selected model's box, and only there.
    void updateAddAttributeHandle();

    DiagramView *m_view;
    DiagramScene *m_scene;
    InPlaceEditor *m_editor;
    CanvasTool m_tool = CanvasTool::Select;
    AssociationDrag m_drag;
    EdgeAutoScroll *m_autoScroll; // while drawing, near the viewport's edge
    bool m_pinned = false;
    EntityId m_handleOwner;
};

} // namespace Junction
