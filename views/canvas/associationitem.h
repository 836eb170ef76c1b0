// SPDX-License-Identifier: MIT
#pragma once

#include "ids.h"
#include "itemtypes.h"
#include "project.h"

#include <QGraphicsItem>
#include <QPainterPath>

namespace Junction {

class TableItem;
struct ResolvedAssociation;

// One association as an edge between two table boxes, from border to border: a loop for a
// self-association, a lane offset for several edges between one pair, a label (alias, FK
// column) and crow's-foot ends for its cardinality. A belongsToMany ends at its junction
// table. The path and the stroked shape are cached and rebuilt only when an end moves.
class AssociationItem : public QGraphicsItem
{
public:
    enum { Type = AssociationItemType };

    struct Content
    {
        AssociationType type = AssociationType::HasMany;
        QString label;
        bool constraints = true; // false: drawn dashed, no FOREIGN KEY constraint
        bool inCycle = false; // its FK is on a dependency cycle: drawn in the error colour

        friend bool operator==(const Content &a, const Content &b)
        {
            return a.type == b.type && a.label == b.label && a.constraints == b.constraints
                && a.inCycle == b.inCycle;
        }
    };

    explicit AssociationItem(const AssociationId &id);

    static Content contentOf(const ResolvedAssociation &association, bool inCycle = false);
    // One edge for the two sides of one relationship (a hasMany or hasOne and the belongsTo
    // back over the same foreign key column): the owner's ends, both names and the column.
    static Content mergedContentOf(const ResolvedAssociation &owner,
                                   const ResolvedAssociation &belongsTo, bool inCycle = false);

    AssociationId associationId() const { return m_id; }
    const Content &content() const { return m_content; }
    // Both return whether anything changed; the caller then routes with updateGeometry()
    // (the ends of an item being reused may not be valid before setEnds()).
    bool setContent(const Content &content);

    // `lane` and `laneCount` keep several edges between one pair (or loops on one box) apart.
    bool setEnds(TableItem *source, TableItem *target, int lane, int laneCount);
    TableItem *sourceItem() const { return m_source; }
    TableItem *targetItem() const { return m_target; }

    // The route: a line from border to border, or a loop's curve.
    const QPainterPath &path() const { return m_path; }

    // Re-routes after an end moved or resized; does nothing when neither end's box, the
    // content nor the lane changed since the last route.
    void updateGeometry();

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
               QWidget *widget = nullptr) override;

private:
    enum class End { One, Many, ZeroOrOne };
    struct EndPoint
    {
        QPointF point;
        QPointF inward; // unit vector into the box
    };

    End sourceEnd() const;
    End targetEnd() const;
    void drawEnd(QPainter *painter, const EndPoint &end, End kind) const;

    AssociationId m_id;
    Content m_content;
    TableItem *m_source = nullptr;
    TableItem *m_target = nullptr;
    int m_lane = 0;
    int m_laneCount = 1;

    QPainterPath m_path;
    // The stroked outline for hit tests, made when first asked: stroking every edge cost
    // more than the rest of building the scene, and most edges are never hit-tested.
    mutable QPainterPath m_shape;
    mutable bool m_shapeValid = false;
    QRectF m_bounds;
    QSizeF m_labelSize; // measured when the label changes, not at every route
    // The ends' boxes the route was made for; a route with the same boxes is the same route.
    QRectF m_routedSource;
    QRectF m_routedTarget;
    bool m_routeValid = false;
    QRectF m_labelRect;
    EndPoint m_sourcePoint;
    EndPoint m_targetPoint;
};

} // namespace Junction
