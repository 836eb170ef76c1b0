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
#include <QTransform>

class QPainter;

namespace Junction {

class DiagramScene;

// The whole diagram as one picture for the outline zoom (below TableItem::outlineZoom, where
// boxes are plain rectangles and edges hairlines). Painting 30,000 items there costs far
// more than the budget, most of it the per-item set-up and 15,000 long hairlines; a picture
// rendered once on a worker thread is a single blit. It is made for the zoom it is asked
// for and dropped when the diagram changes; until it is ready (and while boxes are dragged)
// the part in view is drawn the same way on the spot, from plain rectangles and lines.
class OverviewCache : public QObject
{
    Q_OBJECT

public:
    explicit OverviewCache(DiagramScene *scene, QObject *parent = nullptr);
    ~OverviewCache() override;

    // Draws the picture for `scale` (zoom times device pixel ratio) in viewport
    // coordinates, `sceneToViewport` being the view's transform. When there is no picture of
    // the diagram as it is (or `live`: items are being dragged), it draws the `exposed` part
    // (viewport pixels) from the items as they are now, and starts a picture unless live or
    // the scene is still being built.
    // False only for an empty diagram.
    bool paint(QPainter *painter, const QTransform &sceneToViewport, qreal scale,
               const QRect &exposed, bool live = false);

    // Starts the picture for `scale` and that view transform on the worker unless there is
    // one of the diagram as it is: made ahead, for the zoom fit-all will choose.
    void prepare(const QTransform &sceneToViewport, qreal scale);
    bool hasPicture(qreal scale) const;

    // Pictures made of the whole diagram, on the worker or on the spot.
    int renderCount() const { return m_renderCount; }
    // Drawings made on the spot (the whole diagram kept, or the part in view).
    int onTheSpotCount() const { return m_onTheSpotCount; }

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
    bool paintNow(QPainter *painter, const QTransform &sceneToViewport, qreal scale,
                  const QRect &exposed, bool keep);
    void start(const QTransform &sceneToViewport, qreal scale);
    void finished();
    Snapshot snapshot(const QTransform &sceneToViewport, qreal scale) const;
    // The part `area` (scene coordinates) of the picture.
    static QImage render(const Snapshot &snapshot, const QRectF &area);
    static void drawLines(QImage &image, const QTransform &toImage, const QList<QLineF> &lines,
                          const QColor &color);

    DiagramScene *m_scene;
    quint64 m_generation = 0; // counts diagram changes
    Picture m_picture;
    QFutureWatcher<QImage> m_watcher;
    Picture m_pending; // what the running render is for (its image comes from the watcher)
    qreal m_wantedScale = 0; // asked for while another render was running
    QTransform m_wantedTransform;
    int m_renderCount = 0;
    int m_onTheSpotCount = 0;
};

} // namespace Junction
