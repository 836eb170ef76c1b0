// SPDX-License-Identifier: MIT
#include "overviewcache.h"

#include "associationitem.h"
#include "canvastheme.h"
#include "diagramscene.h"
#include "segmentclip.h"
#include "tableitem.h"

#include <QPainter>
#include <QtConcurrent/QtConcurrentRun>

namespace Junction {

namespace {

// Above this the picture costs more memory than it saves time (at the outline zoom the XL
// schema is about 3,100 x 3,800 pixels).
constexpr qreal maximumPixels = 24e6;

} // namespace

OverviewCache::OverviewCache(DiagramScene *scene, QObject *parent)
    : QObject(parent)
    , m_scene(scene)
{
    connect(m_scene, &DiagramScene::diagramChanged, this, &OverviewCache::invalidate);
    connect(&m_watcher, &QFutureWatcher<QImage>::finished, this, &OverviewCache::finished);
}

OverviewCache::~OverviewCache()
{
    // The render works on its own copy of the diagram; only its result is waited for.
    m_watcher.waitForFinished();
}

bool OverviewCache::paint(QPainter *painter, const QTransform &sceneToViewport, qreal scale,
                          const QRect &exposed, bool live)
{
    const CanvasTheme &theme = CanvasTheme::current();
    Picture &picture = m_picture;
    if (!picture.image.isNull() && (picture.edge != theme.edge || picture.header != theme.header))
        invalidate(); // the palette changed
    // While the scene is being built (SceneBuilder) a picture would be out of date at once:
    // the part in view is drawn on the spot, nothing kept or started, until it is complete;
    // its diagramChanged() then asks for one.
    if (live || m_scene->isBuilding())
        return paintNow(painter, sceneToViewport, scale, exposed, false);
    const bool sameDiagram = picture.generation == m_generation && !picture.image.isNull();
    const bool sameScale = sameDiagram && qFuzzyCompare(picture.scale, scale);
    // A picture of the diagram as it is, made at a nearby scale (fit-all with and without
    // scroll bars, a zoom step), is drawn stretched until the exact one arrives.
    const qreal ratio = sameDiagram ? scale / picture.scale : 0;
    if (!sameDiagram || ratio < 0.7 || ratio > 1.4) {
        if (!paintNow(painter, sceneToViewport, scale, exposed, true))
            return false;
        if (m_picture.generation != m_generation || m_picture.image.isNull())
            start(sceneToViewport, scale); // only the part in view was drawn
        return true;
    }
    const QRectF target = sceneToViewport.mapRect(picture.area);
    // One made ahead (see prepare()) may lie a fraction of a pixel off the view's pixels:
    // shown as it is, and made again on them.
    const bool onPixels = qAbs(target.left() - qRound(target.left())) < 0.01
        && qAbs(target.top() - qRound(target.top())) < 0.01;
    if (!sameScale || !onPixels)
        start(sceneToViewport, scale);
    painter->save();
    painter->resetTransform();
    if (sameScale) {
        // Made at this scale: a plain blit at a whole-pixel position.
        painter->drawImage(QPointF(qRound(target.left()), qRound(target.top())), picture.image);
    } else {
        painter->setRenderHint(QPainter::SmoothPixmapTransform);
        painter->drawImage(target, picture.image);
    }
    painter->restore();
    return true;
}

bool OverviewCache::paintNow(QPainter *painter, const QTransform &sceneToViewport, qreal scale,
                             const QRect &exposed, bool keep)
{
    // No picture of the diagram as it is (it just changed, or is being dragged): it is drawn
    // now, the same way; the whole diagram when that is not much larger than the part in view
    // (as after fit-all), kept as the picture, else only the part in view. That costs what the
    // pixels and the diagram's lines cost, a few ms at 10,000 models, where painting the
    // 25,000 items took 200 ms.
    Snapshot data = snapshot(sceneToViewport, scale);
    if (data.area.isEmpty())
        return false;
    bool invertible = false;
    const QTransform toScene = sceneToViewport.inverted(&invertible);
    if (!invertible)
        return false;
    const QRectF whole = sceneToViewport.mapRect(data.area);
    const qreal exposedPixels = qreal(exposed.width()) * exposed.height();
    ++m_onTheSpotCount;
    painter->save();
    painter->resetTransform();
    if (keep && whole.width() * whole.height() <= 2 * exposedPixels) {
        m_pending = Picture(); // whatever is being made now is for an older diagram
        m_picture.image = render(data, data.area);
        m_picture.area = data.area;
        m_picture.scale = scale;
        m_picture.generation = m_generation;
        m_picture.edge = data.edge;
        m_picture.header = data.header;
        ++m_renderCount;
        painter->drawImage(QPointF(qRound(whole.left()), qRound(whole.top())), m_picture.image);
    } else {
        const QRect pixels = exposed.intersected(whole.toAlignedRect());
        if (!pixels.isEmpty()) {
            QImage image = render(data, toScene.mapRect(QRectF(pixels)));
            image.setDevicePixelRatio(scale / sceneToViewport.m11());
            painter->drawImage(pixels.topLeft(), image);
        }
    }
    painter->restore();
    return true;
}

void OverviewCache::prepare(const QTransform &sceneToViewport, qreal scale)
{
    if (hasPicture(scale))
        return;
    if (m_watcher.isRunning() && m_pending.generation == m_generation
        && qFuzzyCompare(m_pending.scale, scale))
        return; // being made
    start(sceneToViewport, scale);
}

bool OverviewCache::hasPicture(qreal scale) const
{
    return !m_picture.image.isNull() && m_picture.generation == m_generation
        && qFuzzyCompare(m_picture.scale, scale);
}

void OverviewCache::invalidate()
{
    ++m_generation;
    m_picture = Picture();
}

void OverviewCache::start(const QTransform &sceneToViewport, qreal scale)
{
    if (m_watcher.isRunning()) {
        m_wantedScale = scale; // after this one
        m_wantedTransform = sceneToViewport;
        return;
    }
    if (m_pending.generation == m_generation && qFuzzyCompare(m_pending.scale, scale)
        && m_pending.image.isNull() && m_pending.scale > 0)
        return; // failed or too large for this diagram and scale: the items paint
    Snapshot data = snapshot(sceneToViewport, scale);
    m_pending = Picture();
    m_pending.generation = m_generation;
    m_pending.scale = scale;
    m_pending.area = data.area;
    m_pending.edge = data.edge;
    m_pending.header = data.header;
    m_wantedScale = 0;
    if (data.area.isEmpty() || data.area.width() * data.area.height() * scale * scale > maximumPixels)
        return;
    ++m_renderCount;
    const QRectF area = data.area;
    m_watcher.setFuture(QtConcurrent::run(&OverviewCache::render, std::move(data), area));
}

void OverviewCache::finished()
{
    const QImage image = m_watcher.result();
    if (m_pending.generation == m_generation && !image.isNull()) {
        m_pending.image = image;
        m_picture = m_pending;
        m_pending = Picture(); // done: nothing is pending
        emit ready();
    }
    m_pending.image = QImage();
    if (m_wantedScale > 0 && !qFuzzyCompare(m_wantedScale, m_picture.scale))
        start(m_wantedTransform, m_wantedScale);
}

OverviewCache::Snapshot OverviewCache::snapshot(const QTransform &sceneToViewport,
                                                qreal scale) const
{
    // Plain data for the worker: it must not touch the items.
    const CanvasTheme &theme = CanvasTheme::current();
    Snapshot data;
    data.scale = scale;
    data.edge = theme.edge;
    data.error = theme.error;
    data.header = theme.header;
    data.derivedHeader = theme.derivedHeader;
    const QList<TableItem *> tables = m_scene->tableItems();
    data.boxes.reserve(tables.size());
    for (const TableItem *table : tables) {
        const QRectF box(table->pos(), table->size());
        (table->isDerived() ? data.derivedBoxes : data.boxes).append(box);
        data.area |= box;
    }
    const QList<AssociationItem *> edges = m_scene->associationItems();
    data.lines.reserve(edges.size());
    for (const AssociationItem *edge : edges) {
        const QPainterPath &path = edge->path();
        if (path.isEmpty())
            continue;
        const bool error = edge->content().inCycle;
        if (path.elementCount() == 2) {
            (error ? data.errorLines : data.lines).append(QLineF(path.elementAt(0), path.elementAt(1)));
        } else {
            (error ? data.errorLoops : data.loops).append(path);
        }
        data.area |= path.boundingRect();
    }
    data.area.adjust(-2, -2, 2, 2);
    // On whole device pixels of the view as it is now (and after any scroll, which moves by
    // whole pixels): a picture blitted half a pixel off would draw every line a pixel off.
    const QTransform toDevice
        = sceneToViewport * QTransform::fromScale(scale / sceneToViewport.m11(), scale / sceneToViewport.m11());
    bool invertible = false;
    const QTransform toScene = toDevice.inverted(&invertible);
    if (invertible && !data.area.isEmpty())
        data.area = toScene.mapRect(QRectF(toDevice.mapRect(data.area).toAlignedRect()));
    return data;
}

QImage OverviewCache::render(const Snapshot &data, const QRectF &area)
{
    // Less a little: an area on whole pixels should not get one more from rounding errors.
    const QSize size(qCeil(area.width() * data.scale - 0.01), qCeil(area.height() * data.scale - 0.01));
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return image;
    image.fill(Qt::transparent);
    // Scene to picture pixels; the lines are drawn into the pixels directly (see drawLines).
    const QTransform toImage = QTransform::fromScale(data.scale, data.scale)
                                   .translate(-area.left(), -area.top());
    drawLines(image, toImage, data.lines, data.edge);
    drawLines(image, toImage, data.errorLines, data.error);
    QPainter painter(&image);
    painter.setTransform(toImage);
    // As the items paint at this zoom: aliased hairlines under plain boxes.
    painter.setRenderHint(QPainter::Antialiasing, false);
    const QRectF visible = area.adjusted(-4, -4, 4, 4);
    painter.setPen(QPen(data.edge, 0));
    for (const QPainterPath &loop : data.loops) {
        if (loop.controlPointRect().intersects(visible))
            painter.drawPath(loop);
    }
    painter.setPen(QPen(data.error, 0));
    for (const QPainterPath &loop : data.errorLoops) {
        if (loop.controlPointRect().intersects(visible))
            painter.drawPath(loop);
    }
    for (const QRectF &box : data.boxes) {
        if (box.intersects(visible))
            painter.fillRect(box, data.header);
    }
    for (const QRectF &box : data.derivedBoxes) {
        if (box.intersects(visible))
            painter.fillRect(box, data.derivedHeader);
    }
    return image;
}

namespace {

// An aliased line as the raster engine draws one: along the major axis, at each pixel's
// centre, the pixel the line passes through across it (a DDA in 16.16 fixed point: one
// add, one shift and one store a pixel). `a` and `b` lie inside the image.
void plotLine(QRgb *bits, qsizetype stride, int width, int height, QPointF a, QPointF b,
              QRgb pixel)
{
    const bool xMajor = qAbs(b.x() - a.x()) >= qAbs(b.y() - a.y());
    if (!xMajor) { // walk y: swap the roles of the axes
        a = a.transposed();
        b = b.transposed();
    }
    if (a.x() > b.x())
        std::swap(a, b);
    const int first = qCeil(a.x() - 0.5);
    const int last = qFloor(b.x() - 0.5);
    const int majorLimit = (xMajor ? width : height) - 1;
    const int minorLimit = (xMajor ? height : width) - 1;
    if (last < first) { // shorter than a pixel: the one it starts in
        const int x = qBound(0, int(a.x()), majorLimit);
        const int y = qBound(0, int(a.y()), minorLimit);
        bits[xMajor ? y * stride + x : x * stride + y] = pixel;
        return;
    }
    const qreal slope = (b.y() - a.y()) / (b.x() - a.x());
    const int from = qMax(first, 0);
    const int to = qMin(last, majorLimit);
    // The minor coordinate at the first and last pixel centre; in between it moves
    // monotonically, so clamping the two ends keeps every pixel inside the image.
    const qint64 highest = (qint64(minorLimit) << 16) | 0xffff;
    const qint64 start = qBound<qint64>(0, qint64((a.y() + (from + 0.5 - a.x()) * slope) * 65536.0),
                                        highest);
    const qint64 end = qBound<qint64>(0, qint64((a.y() + (to + 0.5 - a.x()) * slope) * 65536.0),
                                      highest);
    const qint64 step = to > from ? (end - start) / (to - from) : 0;
    qint64 minor = start;
    if (xMajor) {
        QRgb *column = bits + from;
        for (int i = from; i <= to; ++i, ++column, minor += step)
            column[(minor >> 16) * stride] = pixel;
    } else {
        QRgb *row = bits + from * stride;
        for (int i = from; i <= to; ++i, row += stride, minor += step)
            row[minor >> 16] = pixel;
    }
}

} // namespace

void OverviewCache::drawLines(QImage &image, const QTransform &toImage, const QList<QLineF> &lines,
                              const QColor &color)
{
    // Aliased one-pixel lines written into the pixels (see plotLine), clipped to the image. The
    // raster engine's cosmetic stroker spent about a hundred instructions a pixel here, and
    // 15,000 edges made the picture of the XL schema take a fifth of a second.
    const QRgb pixel = qPremultiply(color.rgba());
    const int width = image.width();
    const int height = image.height();
    const qsizetype stride = image.bytesPerLine() / qsizetype(sizeof(QRgb));
    auto *bits = reinterpret_cast<QRgb *>(image.bits());
    const QRectF bounds(0, 0, width - 0.001, height - 0.001);
    for (const QLineF &line : lines) {
        const QPointF a = toImage.map(line.p1());
        const QPointF b = toImage.map(line.p2());
        qreal t0 = 0;
        qreal t1 = 1;
        if (!clipSegment(a, b, bounds, &t0, &t1))
            continue;
        plotLine(bits, stride, width, height, a + (b - a) * t0, a + (b - a) * t1, pixel);
    }
}

} // namespace Junction
