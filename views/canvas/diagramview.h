// SPDX-License-Identifier: MIT
#pragma once

#include <QGraphicsView>

class QTimer;

namespace Junction {

class OverviewCache;

// The canvas's viewport: wheel and pinch zoom around the pointer, pan with the middle button
// or Space + left drag, fit-all and 100 %. Other left drags belong to the scene (move boxes,
// rubber band).
class DiagramView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit DiagramView(QGraphicsScene *scene, QWidget *parent = nullptr);

    qreal zoom() const;
    // Space is down: a left press pans, whatever the canvas tool.
    bool panKeyHeld() const { return m_spaceHeld; }
    void setZoom(qreal zoom);
    void zoomBy(qreal factor);
    // Zooms keeping the scene point under `viewportPos` where it is.
    void zoomAt(qreal factor, const QPointF &viewportPos);
    void fitAll();
    // The zoom fitAll() would choose now (the contents in the viewport, at most 125 %).
    qreal fitZoom() const;
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
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void drawBackground(QPainter *painter, const QRectF &rect) override;

private:
    bool spacePanKey(const QKeyEvent *event) const;
    QRectF fitBounds() const;
    // After the diagram changed and settled: the outline picture for fit-all, made ahead.
    void prepareOverview();

    bool m_panning = false;
    Qt::MouseButton m_panButton = Qt::NoButton;
    bool m_spaceHeld = false; // Space is down: a left drag pans
    QPoint m_panOrigin;
    OverviewCache *m_overview = nullptr; // the outline zoom's picture (a DiagramScene only)
    QTimer *m_prepareOverview = nullptr;
};

} // namespace Junction
