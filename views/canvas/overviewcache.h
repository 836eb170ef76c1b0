// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QFutureWatcher>
#include <QImage>
#include <QLineF>
#include <QList>
#include <QObject>
#include <QPainterPath>
#include <QRectF>

class QPainter;

namespace Junction {

class DiagramScene;

// The whole diagram as one picture for the outline zoom (below TableItem::outlineZoom, where
// boxes are plain rectangles and edges hairlines). Painting 30,000 items there costs far
// more than the budget, most of it the per-item set-up and 15,000 long hairlines; a picture
// rendered once on a worker thread is a single blit. It is made for the zoom it is asked
// for, dropped when the diagram changes, and until it is ready the view paints its items.
class OverviewCache : public QObject
{
    Q_OBJECT

public:
    explicit OverviewCache(DiagramScene *scene, QObject *parent = nullptr);
    ~OverviewCache() override;

    // Draws the picture for `scale` (zoom times device pixel ratio) in viewport
    // coordinates, `sceneToViewport` being the view's transform. False when there is no
    // picture for the diagram as it is: then it starts one, and the caller paints the items.
    bool paint(QPainter *painter, const QTransform &sceneToViewport, qreal scale);

    int renderCount() const { return m_renderCount; }

signals:
    void ready();

private:
    struct Snapshot
    {
        QRectF area; // scene rect the picture covers
        qreal scale = 1;
        QList<QLineF> lines;
        QList<QLineF> errorLines;
        QList<QPainterPath> loops;
        QList<QPainterPath> errorLoops;
        QList<QRectF> boxes;
        QList<QRectF> derivedBoxes;
        QColor edge, error, header, derivedHeader;
    };
    struct Picture
    {
        QImage image;
        QRectF area;
        qreal scale = 0;
        quint64 generation = 0;
        QColor edge, header; // the theme it was drawn in
    };

    void invalidate();
    void start(qreal scale);
    void finished();
    Snapshot snapshot(qreal scale) const;
    static QImage render(const Snapshot &snapshot);

    DiagramScene *m_scene;
    quint64 m_generation = 0; // counts diagram changes
    Picture m_picture;
    QFutureWatcher<QImage> m_watcher;
    Picture m_pending; // what the running render is for (its image comes from the watcher)
    qreal m_wantedScale = 0; // asked for while another render was running
    int m_renderCount = 0;
};

} // namespace Junction
