// SPDX-License-Identifier: MIT
#pragma once

#include <QPointF>
#include <QRectF>
#include <QtGlobal>

namespace Junction {

// The part of the segment a-b inside `rect` as parameters t0 <= t1 along it (Liang-Barsky);
// false when none of it is. Edges draw only what is exposed, and the overview only what
// lies in its picture.
inline bool clipSegment(QPointF a, QPointF b, const QRectF &rect, qreal *t0, qreal *t1)
{
    const QPointF d = b - a;
    qreal low = 0;
    qreal high = 1;
    const qreal p[] = {-d.x(), d.x(), -d.y(), d.y()};
    const qreal q[] = {a.x() - rect.left(), rect.right() - a.x(), a.y() - rect.top(),
                       rect.bottom() - a.y()};
    for (int i = 0; i < 4; ++i) {
        if (qFuzzyIsNull(p[i])) {
            if (q[i] < 0)
                return false;
            continue;
        }
        const qreal t = q[i] / p[i];
        if (p[i] < 0)
            low = qMax(low, t);
        else
            high = qMin(high, t);
        if (low > high)
            return false;
    }
    *t0 = low;
    *t1 = high;
    return true;
}

} // namespace Junction
