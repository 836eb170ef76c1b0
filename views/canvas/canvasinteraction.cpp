// SPDX-License-Identifier: MIT
#include "canvasinteraction.h"

#include "addattributehandle.h"
#include "associationitem.h"
#include "canvasselection.h"
#include "commands/associationcommands.h"
#include "commands/attributecommands.h"
#include "commands/entitycommands.h"
#include "commands/uniquenames.h"
#include "diagramscene.h"
#include "diagramview.h"
#include "document.h"
#include "edgeautoscroll.h"
#include "inflection.h"
#include "inplaceeditor.h"
#include "tableitem.h"

#include <QGraphicsView>
#include <QMenu>
#include <QMouseEvent>
#include <QScrollBar>
#include <QSet>
#include <QToolTip>

namespace Junction {

namespace {

// A new box's top left sits this far up and left of the click, so the click lands on its
// header, where the name is being typed.
const QPointF newModelOffset(24, 14);

} // namespace

CanvasInteraction::CanvasInteraction(DiagramView *view, DiagramScene *scene, QObject *parent)
    : QObject(parent)
    , m_view(view)
    , m_scene(scene)
    , m_editor(new InPlaceEditor(view, scene))
    , m_drag(scene)
    , m_autoScroll(new EdgeAutoScroll(view, this))
{
    m_view->viewport()->installEventFilter(this);
    // A view whose scene is smaller than the viewport centres it, so on a near-empty canvas
    // every new box would shift all the others (and itself away from where it was clicked).
    // Once the user draws, the view's scene rect covers what was visible and grows with the
    // scene, never re-centring under the mouse.
    connect(m_scene, &QGraphicsScene::sceneRectChanged, this, [this](const QRectF &rect) {
        if (m_pinned)
            m_view->setSceneRect(m_view->sceneRect().united(rect));
    });
    connect(m_scene, &QGraphicsScene::selectionChanged, this,
            &CanvasInteraction::updateAddAttributeHandle);
    connect(m_scene, &DiagramScene::diagramChanged, this,
            &CanvasInteraction::updateAddAttributeHandle);
}

void CanvasInteraction::updateAddAttributeHandle()
{
    auto handleOf = [](TableItem *box) -> QGraphicsItem * {
        const QList<QGraphicsItem *> children = box ? box->childItems() : QList<QGraphicsItem *>();
        for (QGraphicsItem *child : children) {
            if (child->type() == AddAttributeHandle::Type)
                return child;
        }
        return nullptr;
    };
    const Document *document = m_scene->document();
    EntityId wanted;
    // Only for a lone model (asked first: after Select All there are 25,000 items).
    if (document && m_scene->selectedItems().size() == 1) {
        const QList<EntityId> models = selectedEntityIds(*m_scene, *document);
        if (models.size() == 1)
            wanted = models.constFirst();
    }
    // The old owner's box may be gone (and its tab with it): look it up, never keep it.
    if (m_handleOwner != wanted)
        delete handleOf(m_scene->tableItem(m_handleOwner));
    m_handleOwner = wanted;
    TableItem *box = m_scene->tableItem(wanted);
    if (!box)
        return;
    // Re-made each time: the box may have grown a row since.
    delete handleOf(box);
    new AddAttributeHandle(box);
}

void CanvasInteraction::pinSceneRect()
{
    const QRectF visible = m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
    const QRectF pinned = m_view->sceneRect().united(visible).united(m_scene->sceneRect());
    m_pinned = true;
    if (pinned == m_view->sceneRect())
        return;
    // A new scene rect re-centres the view on the centre it last recorded, which a resize
    // of the canvas (the inspector showing another page) may have left stale: keep what is
    // on screen where it is, or the press that pins lands on something else.
    const QPointF topLeft = visible.topLeft();
    m_view->setSceneRect(pinned);
    const QPoint drift = m_view->mapFromScene(topLeft);
    m_view->horizontalScrollBar()->setValue(m_view->horizontalScrollBar()->value() + drift.x());
    m_view->verticalScrollBar()->setValue(m_view->verticalScrollBar()->value() + drift.y());
}

CanvasInteraction::~CanvasInteraction() = default;

void CanvasInteraction::setTool(CanvasTool tool)
{
    if (tool == m_tool)
        return;
    m_drag.end();
    m_autoScroll->stop();
    m_tool = tool;
    m_view->viewport()->setCursor(tool == CanvasTool::Select ? Qt::ArrowCursor : Qt::CrossCursor);
    emit toolChanged(tool);
}

void CanvasInteraction::cancel()
{
    m_drag.end();
    m_autoScroll->stop();
    setTool(CanvasTool::Select);
}

EntityId CanvasInteraction::addModelAt(QPointF scenePos)
{
    Document *document = m_scene->document();
    if (!document)
        return {};
    m_editor->commitOrCancel();
    Entity entity;
    entity.name = QStringLiteral("Model");
    const QPointF at = scenePos - newModelOffset;
    if (!document->push(
            Commands::addEntity(*document, entity, QPointF(qRound(at.x()), qRound(at.y())))))
        return {};
    const EntityId id = document->project().entities.constLast().id;
    m_scene->selectElements({id.toString()});
    m_editor->editModelName(id);
    return id;
}

AttributeId CanvasInteraction::addAttributeToSelection()
{
    Document *document = m_scene->document();
    if (!document)
        return {};
    const QList<EntityId> selected = selectedEntityIds(*m_scene, *document);
    if (selected.isEmpty())
        return {};
    m_editor->commitOrCancel();
    const EntityId entity = selected.constFirst();
    if (!document->push(Commands::addAttribute(*document, entity, Attribute())))
        return {};
    const Entity *model = document->entity(entity);
    const AttributeId id = model->attributes.constLast().id;
    m_editor->editAttribute(entity, id);
    return id;
}

Association CanvasInteraction::newAssociation(const Document &document, AssociationType type,
                                              const Entity &source, const Entity &target)
{
    Association association;
    association.type = type;
    association.source = source.name;
    association.target = target.name;
    if (type == AssociationType::BelongsToMany) {
        // Sequelize requires `through`; name the junction as people do (UserProjects), free
        // of every table and junction already there.
        QSet<QString> taken;
        for (const ResolvedTable &table : document.resolved().tables)
            taken.insert(table.name);
        for (const Association &a : document.project().associations) {
            if (a.through.kind != Through::Kind::None)
                taken.insert(a.through.name);
        }
        association.through.kind = Through::Kind::Table;
        association.through.name
            = uniqueName(source.name + Inflection::pluralize(target.name), taken);
    }
    return association;
}

bool CanvasInteraction::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_view->viewport())
        return QObject::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::MouseButtonPress:
        return mousePress(static_cast<QMouseEvent *>(event));
    case QEvent::MouseMove:
        return mouseMove(static_cast<QMouseEvent *>(event));
    case QEvent::MouseButtonRelease:
        return mouseRelease(static_cast<QMouseEvent *>(event));
    case QEvent::MouseButtonDblClick:
        return mouseDoubleClick(static_cast<QMouseEvent *>(event));
    default:
        return QObject::eventFilter(watched, event);
    }
}

bool CanvasInteraction::mousePress(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_view->panKeyHeld())
        return false; // Space + drag pans, with any tool
    // A click on the canvas ends an edit in place, as leaving a field does.
    m_editor->commitOrCancel();
    pinSceneRect();
    const QPoint pos = event->position().toPoint();
    if (m_tool == CanvasTool::AddModel) {
        if (hasItemAt(pos)) {
            setTool(CanvasTool::Select); // a click on a box: the user meant to pick it
            return false;
        }
        addModelAt(m_view->mapToScene(pos));
        setTool(CanvasTool::Select);
        return true;
    }
    const QList<QGraphicsItem *> items = m_view->items(pos);
    if (!items.isEmpty() && items.constFirst()->type() == AddAttributeHandle::Type) {
        addAttributeToSelection();
        return true;
    }
    if (isAssociationTool(m_tool)) {
        // Pressing on empty canvas draws nothing (and selects nothing: the tool is armed).
        if (TableItem *source = modelAt(pos))
            m_drag.begin(source->entityId(), m_view->mapToScene(pos));
        return true;
    }
    return false;
}

bool CanvasInteraction::mouseMove(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (!m_drag.isActive()) {
        // A rubber band, or boxes being moved, scroll the view at its edges too (the view
        // does the gesture itself; the scrolling only follows it). Otherwise the drag ended
        // elsewhere (Esc, an undo) or there is none.
        const bool dragging = event->buttons().testFlag(Qt::LeftButton) && !m_view->panKeyHeld()
                              && (!m_view->rubberBandRect().isEmpty() || movingModels());
        if (dragging)
            m_autoScroll->track(pos);
        else
            m_autoScroll->stop();
        return false;
    }
    m_drag.moveTo(m_view->mapToScene(pos), modelAt(pos));
    m_autoScroll->track(pos);
    return true;
}

bool CanvasInteraction::mouseRelease(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return false;
    m_autoScroll->stop();
    if (m_drag.isActive()) {
        finishDrag(event->position().toPoint());
        return true;
    }
    return isAssociationTool(m_tool);
}

bool CanvasInteraction::movingModels() const
{
    const QGraphicsItem *grabber = m_scene->mouseGrabberItem();
    return grabber && grabber->type() == TableItem::Type
           && grabber->flags().testFlag(QGraphicsItem::ItemIsMovable);
}

void CanvasInteraction::finishDrag(const QPoint &viewportPos)
{
    Document *document = m_scene->document();
    const EntityId sourceId = m_drag.source();
    TableItem *targetItem = modelAt(viewportPos);
    const bool moved = m_drag.hasMoved();
    m_autoScroll->stop();
    // The rubber line stays while the popup asks for the type; it goes in every case.
    std::optional<AssociationType> type = associationTypeOf(m_tool);
    if (document && targetItem && moved && !type)
        type = askType(viewportPos);
    m_drag.end();
    if (!document || !targetItem || !moved || !type)
        return; // released on nothing, a plain click, or the popup dismissed
    const Entity *source = document->entity(sourceId);
    const Entity *target = document->entity(targetItem->entityId());
    if (!source || !target)
        return;
    if (document->push(Commands::addAssociation(
            *document, newAssociation(*document, *type, *source, *target)))) {
        m_scene->selectElements({document->project().associations.constLast().id.toString()});
    }
}

std::optional<AssociationType> CanvasInteraction::askType(const QPoint &viewportPos)
{
    QMenu menu(m_view);
    menu.setObjectName(QStringLiteral("associationTypeMenu"));
    menu.setToolTipsVisible(true);
    const struct
    {
        AssociationType type;
        QString tip;
    } choices[] = {
        {AssociationType::BelongsTo, tr("The foreign key is on the source model")},
        {AssociationType::HasOne, tr("The foreign key is on the target model, one row")},
        {AssociationType::HasMany, tr("The foreign key is on the target model, many rows")},
        {AssociationType::BelongsToMany, tr("Both keys in a junction table")},
    };
    for (const auto &choice : choices) {
        QAction *action = menu.addAction(associationTypeName(choice.type));
        action->setData(int(choice.type));
        action->setToolTip(choice.tip);
    }
    const QAction *chosen = menu.exec(m_view->viewport()->mapToGlobal(viewportPos));
    if (!chosen)
        return std::nullopt;
    return AssociationType(chosen->data().toInt());
}

bool CanvasInteraction::mouseDoubleClick(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_drag.isActive())
        return false;
    const QPoint pos = event->position().toPoint();
    Document *document = m_scene->document();
    if (!document)
        return false;
    pinSceneRect();
    if (!hasItemAt(pos)) {
        addModelAt(m_view->mapToScene(pos));
        setTool(CanvasTool::Select);
        return true;
    }
    TableItem *item = modelAt(pos);
    if (!item) {
        // Boxes lie over edges: an edge counts only where it is the topmost item.
        const QList<QGraphicsItem *> items = m_view->items(pos);
        const auto edge = qgraphicsitem_cast<AssociationItem *>(items.constFirst());
        if (!edge)
            return false;
        const AssociationId id = edge->associationId();
        m_scene->selectElements({id.toString()});
        emit associationEditRequested(id);
        return true;
    }
    const QPointF local = item->mapFromScene(m_view->mapToScene(pos));
    const bool rowsShown = m_view->transform().m11() >= TableItem::detailZoom;
    const int row = rowsShown ? item->rowAt(local) : -1;
    if (row < 0) {
        m_editor->editModelName(item->entityId());
        return true;
    }
    const AttributeId attribute = attributeAtRow(*document, item->entityId(), row);
    if (attribute.isNull()) {
        const TableItem::Row &shown = item->content().rows.at(row);
        QToolTip::showText(
            m_view->viewport()->mapToGlobal(pos),
            tr("%1 is generated (%2): edit what makes it instead.").arg(shown.name, shown.note),
            m_view->viewport());
        return true;
    }
    m_editor->editAttribute(item->entityId(), attribute);
    return true;
}

bool CanvasInteraction::hasItemAt(const QPoint &viewportPos) const
{
    return !m_view->items(viewportPos).isEmpty();
}

TableItem *CanvasInteraction::modelAt(const QPoint &viewportPos) const
{
    const QList<QGraphicsItem *> items = m_view->items(viewportPos);
    for (QGraphicsItem *item : items) {
        auto table = qgraphicsitem_cast<TableItem *>(item);
        if (table && !table->isDerived())
            return table;
    }
    return nullptr;
}

} // namespace Junction
