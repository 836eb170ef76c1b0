// SPDX-License-Identifier: MIT
#pragma once

#include <QGraphicsView>

namespace Junction {

// The canvas's viewport: wheel zoom under the mouse, pan with the middle button, fit-all
// and 100 %. Left drags belong to the scene (move boxes, rubber band).
class DiagramView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit DiagramView(QGraphicsScene *scene, QWidget *parent = nullptr);

    qreal zoom() const;
    void setZoom(qreal zoom);
    void zoomBy(qreal factor);
    void fitAll();
    void resetZoom() { setZoom(1.0); }

    static constexpr qreal minimumZoom = 0.05;
    static constexpr qreal maximumZoom = 4.0;

signals:
    void zoomChanged(qreal zoom);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void drawBackground(QPainter *painter, const QRectF &rect) override;

private:
    bool m_panning = false;
    QPoint m_panOrigin;
};

} // namespace Junction
