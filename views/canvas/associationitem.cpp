// SPDX-License-Identifier: MIT
#include "associationitem.h"

#include "canvastheme.h"
#include "resolvedschema.h"
#include "segmentclip.h"
#include "tableitem.h"

#include <QFontMetricsF>
#include <QGuiApplication>
#include <QLineF>
#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

#include <cmath>
#include <functional>

namespace Junction {

namespace {

constexpr qreal laneSpacing = 18;
constexpr qreal endLength = 14; // how far the crow's foot reaches along the edge
constexpr qreal endSpread = 7;

QFont labelFont()
{
    QFont font = QGuiApplication::font();
    font.setPointSizeF(font.pointSizeF() * 0.85);
    return font;
}

// Measuring 15,000 labels should not look the font up 15,000 times. GUI thread only.
struct LabelFont
{
    QFont base = QGuiApplication::font();
    QFont font = labelFont();
    QFontMetricsF metrics{font};
};

const LabelFont &currentLabelFont()
{
    static LabelFont label;
    if (label.base != QGuiApplication::font())
        label = LabelFont();
    return label;
}

const QFontMetricsF &labelMetrics()
{
    return currentLabelFont().metrics;
}

const QFont &labelMetricsFont()
{
    return currentLabelFont().font;
}

QPointF unit(QPointF v)
{
    const qreal length = std::hypot(v.x(), v.y());
    return length > 0 ? v / length : QPointF(1, 0);
}

// Where the segment from `inside` (in the rect) towards `outside` leaves the rect.
QPointF borderPoint(const QRectF &rect, QPointF inside, QPointF outside)
{
    const QLineF line(inside, outside);
    const QLineF sides[] = {
        {rect.topLeft(), rect.topRight()},
        {rect.topRight(), rect.bottomRight()},
        {rect.bottomRight(), rect.bottomLeft()},
        {rect.bottomLeft(), rect.topLeft()},
    };
    for (const QLineF &side : sides) {
        QPointF hit;
        if (line.intersects(side, &hit) == QLineF::BoundedIntersection)
            return hit;
    }
    return inside;
}

} // namespace

AssociationItem::AssociationItem(const AssociationId &id)
    : m_id(id)
{
    // The extended option gives paint() the exposed rect: a long edge crossing the view
    // draws its ends and label only when they are in it.
    setFlags(ItemIsSelectable | ItemUsesExtendedStyleOption);
    setZValue(-1); // under the boxes, so a box is always the one clicked
}

AssociationItem::Content AssociationItem::contentOf(const ResolvedAssociation &association,
                                                    bool inCycle)
{
    Content content;
    content.inCycle = inCycle;
    content.type = association.type;
    content.constraints = association.constraints;
    QStringList parts;
    if (association.isAliased)
        parts << association.as;
    if (!association.foreignKeyColumn.isEmpty())
        parts << association.foreignKeyColumn;
    content.label = parts.join(QStringLiteral(" · "));
    return content;
}

AssociationItem::Content AssociationItem::mergedContentOf(const ResolvedAssociation &owner,
                                                          const ResolvedAssociation &belongsTo,
                                                          bool inCycle)
{
    Content content = contentOf(owner, inCycle);
    content.label = owner.as + QStringLiteral(" / ") + belongsTo.as;
    if (!owner.foreignKeyColumn.isEmpty())
        content.label += QStringLiteral(" · ") + owner.foreignKeyColumn;
    return content;
}

bool AssociationItem::setContent(const Content &content)
{
    if (content == m_content)
        return false;
    if (content.label != m_content.label) {
        m_labelSize = QSizeF();
        if (!content.label.isEmpty()) {
            const QFontMetricsF &metrics = labelMetrics();
            m_labelSize = QSizeF(metrics.horizontalAdvance(content.label) + 8, metrics.height() + 2);
        }
    }
    m_content = content;
    m_routeValid = false;
    return true;
}

bool AssociationItem::setEnds(TableItem *source, TableItem *target, int lane, int laneCount)
{
    if (source == m_source && target == m_target && lane == m_lane && laneCount == m_laneCount)
        return false;
    m_source = source;
    m_target = target;
    m_lane = lane;
    m_laneCount = laneCount;
    m_routeValid = false;
    return true;
}

AssociationItem::End AssociationItem::sourceEnd() const
{
    switch (m_content.type) {
    case AssociationType::BelongsTo:
        return End::Many;
    case AssociationType::HasOne:
    case AssociationType::HasMany:
    case AssociationType::BelongsToMany:
        return End::One;
    }
    return End::One;
}

AssociationItem::End AssociationItem::targetEnd() const
{
    switch (m_content.type) {
    case AssociationType::BelongsTo:
        return End::One;
    case AssociationType::HasOne:
        return End::ZeroOrOne;
    case AssociationType::HasMany:
    case AssociationType::BelongsToMany: // the target end is the junction table
        return End::Many;
    }
    return End::Many;
}

void AssociationItem::updateGeometry()
{
    if (!m_source || !m_target)
        return;
    const QRectF sourceRect = m_source->sceneBoundingRect();
    const QRectF targetRect = m_target->sceneBoundingRect();
    if (m_routeValid && sourceRect == m_routedSource && targetRect == m_routedTarget)
        return;
    m_routeValid = true;
    m_routedSource = sourceRect;
    m_routedTarget = targetRect;
    prepareGeometryChange();

    const QRectF a = sourceRect.adjusted(2, 2, -2, -2);
    const QRectF b = targetRect.adjusted(2, 2, -2, -2);
    m_path = QPainterPath();
    QPointF labelAnchor;

    if (m_source == m_target) {
        // A loop over the top right corner; each further loop a little larger.
        const qreal reach = 36 + m_lane * laneSpacing;
        const QPointF start(a.right(), a.top() + 14 + m_lane * 8);
        const QPointF end(a.right() - 24 - m_lane * 8, a.top());
        m_path.moveTo(start);
        m_path.cubicTo(start + QPointF(reach, 0), end + QPointF(0, -reach), end);
        m_sourcePoint = {start, QPointF(-1, 0)};
        m_targetPoint = {end, QPointF(0, 1)};
        labelAnchor = m_path.pointAtPercent(0.5) + QPointF(8, -8);
    } else {
        // Lanes are offset across a direction that does not depend on which end is the
        // source, so A→B and B→A edges share one set of lanes; nor on where the boxes lie
        // in memory, so every build of the scene (at once, in slices, item by item) draws
        // them alike: models by id, then junction tables by name.
        const bool forward = m_source->isDerived() != m_target->isDerived()
            ? !m_source->isDerived()
            : m_source->isDerived() ? m_source->tableName() < m_target->tableName()
                                    : m_source->entityId() < m_target->entityId();
        const QPointF along = unit(forward ? b.center() - a.center() : a.center() - b.center());
        const QPointF across(-along.y(), along.x());
        const qreal offset = (m_lane - (m_laneCount - 1) / 2.0) * laneSpacing;
        const QPointF from = a.center() + across * offset;
        const QPointF to = b.center() + across * offset;
        QPointF p1 = borderPoint(a, from, to);
        QPointF p2 = borderPoint(b, to, from);
        if (a.intersects(b)) { // overlapping boxes: centre to centre is all one can do
            p1 = from;
            p2 = to;
        }
        m_path.moveTo(p1);
        m_path.lineTo(p2);
        m_sourcePoint = {p1, unit(p1 - p2)};
        m_targetPoint = {p2, unit(p2 - p1)};
        // Parallel edges put their labels at different points along the way, so that
        // labels of neighbouring lanes do not cover each other.
        // Measured in the lanes' own direction: A→B and B→A edges share one set of lanes.
        qreal t = m_laneCount > 1 ? 0.3 + 0.4 * m_lane / (m_laneCount - 1) : 0.5;
        if (!forward)
            t = 1 - t;
        labelAnchor = p1 + (p2 - p1) * t;
    }

    m_labelRect = QRectF();
    if (!m_labelSize.isEmpty()) {
        m_labelRect = QRectF(labelAnchor - QPointF(m_labelSize.width() / 2, m_labelSize.height() / 2),
                             m_labelSize);
    }

    m_shapeValid = false;
    // What the stroke (8 wide) and the label cover, without stroking.
    QRectF covered = m_path.boundingRect().adjusted(-4, -4, 4, 4);
    if (!m_labelRect.isNull())
        covered |= m_labelRect;
    m_bounds = covered.adjusted(-endSpread - 2, -endSpread - 2, endSpread + 2, endSpread + 2);
    update();
}

QRectF AssociationItem::boundingRect() const
{
    return m_bounds;
}

QPainterPath AssociationItem::shape() const
{
    if (!m_shapeValid) {
        QPainterPathStroker stroker;
        stroker.setWidth(8);
        m_shape = stroker.createStroke(m_path);
        if (!m_labelRect.isNull())
            m_shape.addRect(m_labelRect);
        m_shapeValid = true;
    }
    return m_shape;
}

void AssociationItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const qreal zoom = option->levelOfDetailFromTransform(painter->worldTransform());
    const CanvasTheme &theme = CanvasTheme::current();
    if (zoom < TableItem::outlineZoom) {
        // Far out an edge is a hairline; its ends and label would not show. An aliased line
        // rasterizes many times faster than an antialiased path, which made up most of a
        // fit-all of 15,000 edges.
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->setPen(QPen(m_content.inCycle ? theme.error : theme.edge, 0));
        if (m_source == m_target)
            painter->drawPath(m_path);
        else
            painter->drawLine(m_sourcePoint.point, m_targetPoint.point);
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor color = isSelected() ? theme.selected
        : m_content.inCycle           ? theme.error
                                      : theme.edge;
    QPen pen(color, isSelected() || m_content.inCycle ? 2.5 : 1.4);
    pen.setCosmetic(zoom < TableItem::detailZoom);
    if (!m_content.constraints)
        pen.setStyle(Qt::DashLine);
    painter->setBrush(Qt::NoBrush);
    const QRectF exposed = option->exposedRect;
    if (m_source == m_target) {
        painter->setPen(pen);
        painter->drawPath(m_path);
    } else {
        // Only the part in view: stroking an antialiased line thousands of pixels long costs
        // as much as its whole length. A dash pattern keeps its phase.
        const QPointF a = m_sourcePoint.point;
        const QPointF b = m_targetPoint.point;
        const qreal margin = pen.widthF() + 2;
        qreal t0 = 0;
        qreal t1 = 1;
        if (clipSegment(a, b, exposed.adjusted(-margin, -margin, margin, margin), &t0, &t1)) {
            if (!m_content.constraints && t0 > 0 && pen.widthF() > 0 && !pen.isCosmetic())
                pen.setDashOffset(QLineF(a, b).length() * t0 / pen.widthF());
            painter->setPen(pen);
            painter->drawLine(a + (b - a) * t0, a + (b - a) * t1);
        }
    }

    pen.setStyle(Qt::SolidLine);
    pen.setDashOffset(0);
    painter->setPen(pen);
    constexpr qreal endReach = endLength * 1.1 + endSpread + 4; // the ends' drawing around the point
    for (const auto &[end, kind] : {std::pair(m_sourcePoint, sourceEnd()),
                                    std::pair(m_targetPoint, targetEnd())}) {
        if (exposed.intersects(QRectF(end.point, QSizeF()).adjusted(-endReach, -endReach,
                                                                    endReach, endReach)))
            drawEnd(painter, end, kind);
    }

    if (zoom < TableItem::detailZoom || m_labelRect.isNull() || !exposed.intersects(m_labelRect))
        return;
    painter->setPen(Qt::NoPen);
    painter->setBrush(theme.labelBackground);
    painter->drawRoundedRect(m_labelRect, 3, 3);
    // Centred as the label was measured (see setContent()), at its baseline.
    const QFontMetricsF &metrics = labelMetrics();
    painter->setFont(labelMetricsFont());
    painter->setPen(isSelected() || m_content.inCycle ? color : theme.label);
    painter->drawText(QPointF(m_labelRect.left() + 4, m_labelRect.top() + 1 + metrics.ascent()),
                      m_content.label);
}

void AssociationItem::drawEnd(QPainter *painter, const EndPoint &end, End kind) const
{
    // `inward` points into the box; `back` is the point on the edge just outside it.
    const QPointF across(-end.inward.y(), end.inward.x());
    const QPointF back = end.point - end.inward * endLength;
    switch (kind) {
    case End::Many:
        painter->drawLine(back, end.point + across * endSpread);
        painter->drawLine(back, end.point);
        painter->drawLine(back, end.point - across * endSpread);
        break;
    case End::One: {
        const QPointF bar = end.point - end.inward * (endLength * 0.6);
        painter->drawLine(bar + across * endSpread, bar - across * endSpread);
        break;
    }
    case End::ZeroOrOne: {
        const QPointF bar = end.point - end.inward * (endLength * 0.5);
        painter->drawLine(bar + across * endSpread, bar - across * endSpread);
        painter->setBrush(CanvasTheme::current().body);
        painter->drawEllipse(end.point - end.inward * (endLength * 1.1), 3.5, 3.5);
        painter->setBrush(Qt::NoBrush);
        break;
    }
    }
}

} // namespace Junction
