// SPDX-License-Identifier: MIT
#include "edgeautoscroll.h"

#include <QAbstractScrollArea>
#include <QApplication>
#include <QMouseEvent>
#include <QScrollBar>

#include <algorithm>

namespace Junction {

EdgeAutoScroll::EdgeAutoScroll(QAbstractScrollArea *view, QObject *parent)
    : QObject(parent)
    , m_view(view)
{
    m_timer.setInterval(intervalMsec);
    connect(&m_timer, &QTimer::timeout, this, &EdgeAutoScroll::step);
}

void EdgeAutoScroll::track(const QPoint &viewportPos)
{
    m_pos = viewportPos;
    if (velocity().isNull())
        m_timer.stop();
    else if (!m_timer.isActive())
        m_timer.start();
}

void EdgeAutoScroll::stop()
{
    m_timer.stop();
}

QPoint EdgeAutoScroll::velocity() const
{
    // Depth into the margin (or past the edge), a third of it per step, at least 2 pixels.
    const QRect area = m_view->viewport()->rect();
    auto speed = [](int depth) {
        return depth <= 0 ? 0 : std::clamp(depth / 3 + 2, 2, maximumStep);
    };
    const int left = speed(area.left() + margin - m_pos.x());
    const int right = speed(m_pos.x() - (area.right() - margin));
    const int up = speed(area.top() + margin - m_pos.y());
    const int down = speed(m_pos.y() - (area.bottom() - margin));
    return QPoint(right - left, down - up);
}

void EdgeAutoScroll::step()
{
    const QPoint v = velocity();
    QScrollBar *horizontal = m_view->horizontalScrollBar();
    QScrollBar *vertical = m_view->verticalScrollBar();
    const int x = horizontal->value();
    const int y = vertical->value();
    horizontal->setValue(x + v.x());
    vertical->setValue(y + v.y());
    if (horizontal->value() == x && vertical->value() == y)
        return; // at the end of the scene: wait, the pointer may move back
    QWidget *viewport = m_view->viewport();
    QMouseEvent move(QEvent::MouseMove, QPointF(m_pos), viewport->mapToGlobal(QPointF(m_pos)),
                     Qt::NoButton, Qt::LeftButton, QApplication::keyboardModifiers());
    QApplication::sendEvent(viewport, &move);
}

} // namespace Junction
