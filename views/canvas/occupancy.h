// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QList>
#include <QPoint>
#include <QRectF>

#include <algorithm>
#include <cmath>

namespace Junction {

// The boxes already placed, in a coarse grid: finding a free place for a junction table
// must not ask the scene (each items() call after a move rebuilds its index: minutes at
// 10,000 tables) nor test every box.
class Occupancy
{
public:
    void insert(const QRectF &rect)
    {
        forEachCell(rect, [&](QPoint cell) {
            m_cells[cell].append(rect);
            return true;
        });
    }

    void clear() { m_cells.clear(); }

    bool isFree(const QRectF &rect) const
    {
        return forEachCell(rect, [&](QPoint cell) {
            const QList<QRectF> boxes = m_cells.value(cell);
            return std::none_of(boxes.cbegin(), boxes.cend(),
                                [&](const QRectF &box) { return box.intersects(rect); });
        });
    }

    // `wanted`, or the nearest place below or right of it where a box of `size` (with a
    // margin) covers no other; after a bounded search it overlaps rather than wander off.
    // *searched: how far down and right candidates were tried.
    QPointF freePlace(QPointF wanted, QSizeF size, qreal *searched = nullptr) const
    {
        for (int i = 0; i < attempts; ++i) {
            for (const QPointF candidate :
                 {wanted + QPointF(0, i * step), wanted + QPointF(i * step, 0)}) {
                const QPointF rounded(qRound(candidate.x()), qRound(candidate.y()));
                if (isFree(QRectF(rounded, size).adjusted(-margin, -margin, margin, margin))) {
                    if (searched)
                        *searched = i * step;
                    return rounded;
                }
            }
        }
        if (searched)
            *searched = (attempts - 1) * step;
        return QPointF(qRound(wanted.x()), qRound(wanted.y()));
    }

    static constexpr qreal margin = 12;
    static constexpr qreal step = 24;
    static constexpr int attempts = 80;
    // How far right of or below `wanted` freePlace() may look.
    static constexpr qreal searchReach = step * attempts;

private:
    static constexpr qreal cellSize = 256;

    // Calls `visit` for every cell `rect` touches while it returns true.
    template<typename Visit> static bool forEachCell(const QRectF &rect, Visit visit)
    {
        const int left = int(std::floor(rect.left() / cellSize));
        const int right = int(std::floor(rect.right() / cellSize));
        const int top = int(std::floor(rect.top() / cellSize));
        const int bottom = int(std::floor(rect.bottom() / cellSize));
        for (int x = left; x <= right; ++x) {
            for (int y = top; y <= bottom; ++y) {
                if (!visit(QPoint(x, y)))
                    return false;
            }
        }
        return true;
    }

    QHash<QPoint, QList<QRectF>> m_cells;
};

} // namespace Junction
