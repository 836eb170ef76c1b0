// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPoint>
#include <QTimer>

class QAbstractScrollArea;

namespace Junction {

// Scrolls a view while a drag holds the pointer near or past its viewport's edge, as item
// views do: the nearer the edge (or the further past it) the faster. After each step the
// viewport gets a mouse move at the pointer's place, so the gesture follows what scrolled
// under it (the rubber line of an association reaches a box that was out of view).
class EdgeAutoScroll : public QObject
{
    Q_OBJECT

public:
    explicit EdgeAutoScroll(QAbstractScrollArea *view, QObject *parent = nullptr);

    // The pointer is at `viewportPos` with the left button down: scrolls while it is within
    // `margin` of an edge or outside.
    void track(const QPoint &viewportPos);
    void stop();
    bool isScrolling() const { return m_timer.isActive(); }

    static constexpr int margin = 24;
    static constexpr int intervalMsec = 20;
    static constexpr int maximumStep = 40; // pixels per step, far past the edge

private:
    QPoint velocity() const;
    void step();

    QAbstractScrollArea *m_view;
    QTimer m_timer;
    QPoint m_pos;
};

} // namespace Junction
