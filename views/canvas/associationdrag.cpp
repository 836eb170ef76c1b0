// SPDX-License-Identifier: MIT
#include "associationdrag.h"

#include "diagramscene.h"
#include "tableitem.h"

#include <QApplication>
#include <QGraphicsPathItem>
#include <QLineF>
#include <QPen>

namespace Junction {

namespace {

const QColor lineColor(0x2f, 0x6f, 0xb3);
const QColor targetColor(0xf0, 0x8c, 0x00);
constexpr qreal overlayZ = 1000; // above every box and edge

// Where the line from the box's centre towards `to` leaves the box.
QPointF borderPoint(const QRectF &box, QPointF to)
{
    const QPointF centre = box.center();
    const QLineF ray(centre, to);
    const QLineF edges[] = {{box.topLeft(), box.topRight()},
                            {box.topRight(), box.bottomRight()},
                            {box.bottomRight(), box.bottomLeft()},
                            {box.bottomLeft(), box.topLeft()}};
    for (const QLineF &edge : edges) {
        QPointF hit;
        if (ray.intersects(edge, &hit) == QLineF::BoundedIntersection)
            return hit;
    }
    return centre; // `to` is inside the box
}

} // namespace

AssociationDrag::AssociationDrag(DiagramScene *scene)
    : m_scene(scene)
{
}

AssociationDrag::~AssociationDrag()
{
    end();
}

void AssociationDrag::begin(const EntityId &source, QPointF scenePos)
{
    end();
    m_source = source;
    m_pressPos = scenePos;
    m_moved = false;

    m_line = new QGraphicsPathItem;
    QPen pen(lineColor, 2, Qt::DashLine);
    pen.setCosmetic(true);
    m_line->setPen(pen);
    m_line->setZValue(overlayZ);
    m_scene->addItem(m_line);

    m_highlight = new QGraphicsPathItem;
    QPen outline(targetColor, 3);
    outline.setCosmetic(true);
    m_highlight->setPen(outline);
    m_highlight->setZValue(overlayZ);
    m_scene->addItem(m_highlight);
    moveTo(scenePos, m_scene->tableItem(source));
}

void AssociationDrag::moveTo(QPointF scenePos, TableItem *hovered)
{
    if (!isActive())
        return;
    const TableItem *source = m_scene->tableItem(m_source);
    if (!source) { // undone or deleted meanwhile
        end();
        return;
    }
    const qreal distance = QLineF(m_pressPos, scenePos).length();
    m_moved = m_moved || distance >= QApplication::startDragDistance();

    const QRectF from = source->sceneBoundingRect().adjusted(2, 2, -2, -2);
    QPainterPath line;
    if (hovered == source && m_moved) {
        // A self-association: a loop off the top right corner, as the edge will be drawn.
        const QPointF start(from.right() - qMin(40.0, from.width() / 3), from.top());
        const QPointF end(from.right(), from.top() + qMin(30.0, from.height() / 3));
        line.moveTo(start);
        line.cubicTo(start + QPointF(0, -50), end + QPointF(50, 0), end);
    } else if (hovered && hovered != source) {
        // Snapped to the target: border to border, as the edge will run.
        const QRectF to = hovered->sceneBoundingRect().adjusted(2, 2, -2, -2);
        const QPointF end = borderPoint(to, from.center());
        line.moveTo(borderPoint(from, to.center()));
        line.lineTo(end);
        line.addEllipse(end, 3, 3);
    } else {
        line.moveTo(borderPoint(from, scenePos));
        line.lineTo(scenePos);
        line.addEllipse(scenePos, 3, 3);
    }
    m_line->setPath(line);

    QPainterPath outline;
    if (hovered && (hovered != source || m_moved))
        outline.addRoundedRect(hovered->sceneBoundingRect().adjusted(-2, -2, 2, 2), 6, 6);
    m_highlight->setPath(outline);
}

void AssociationDrag::end()
{
    delete m_line;
    m_line = nullptr;
    delete m_highlight;
    m_highlight = nullptr;
    m_source = EntityId();
    m_moved = false;
}

} // namespace Junction
