// SPDX-License-Identifier: MIT
#include "overviewcache.h"

#include "associationitem.h"
#include "canvastheme.h"
#include "diagramscene.h"
#include "tableitem.h"

#include <QPainter>
#include <QtConcurrent/QtConcurrentRun>

namespace Junction {

namespace {

// Above this the picture costs more memory than it saves time (at the outline zoom the XL
// schema is about 3,100 x 3,800 pixels).
constexpr qreal maximumPixels = 24e6;

// The part of the segment a-b inside `rect` as parameters t0 <= t1 along it (Liang-Barsky);
// false when none of it is.
bool clipToRect(QPointF a, QPointF b, const QRectF &rect, qreal *t0, qreal *t1)
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
    if (live)
        return paintNow(painter, sceneToViewport, scale, exposed);
    const bool sameDiagram = picture.generation == m_generation && !picture.image.isNull();
    const bool sameScale = sameDiagram && qFuzzyCompare(picture.scale, scale);
    if (!sameScale)
        start(scale);
    // A picture of the diagram as it is, made at a nearby scale (fit-all with and without
    // scroll bars, a zoom step), is drawn stretched until the exact one arrives.
    const qreal ratio = sameDiagram ? scale / picture.scale : 0;
    if (!sameDiagram || ratio < 0.7 || ratio > 1.4)
        return paintNow(painter, sceneToViewport, scale, exposed);
    const QRectF target = sceneToViewport.mapRect(picture.area);
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
                             const QRect &exposed)
{
    // No picture of the diagram as it is (it just changed, or is being dragged): the part in
    // view is drawn now, the same way. That costs what the view's pixels and the diagram's
    // lines cost, a few ms at 10,000 models, where painting the 25,000 items took 200 ms.
    const Snapshot data = snapshot(scale);
    if (data.area.isEmpty())
        return false;
    bool invertible = false;
    const QTransform toScene = sceneToViewport.inverted(&invertible);
    if (!invertible)
        return false;
    const QRect pixels = exposed.intersected(sceneToViewport.mapRect(data.area).toAlignedRect());
    if (pixels.isEmpty())
        return true;
    const qreal ratio = scale / sceneToViewport.m11(); // device pixels per viewport pixel
    QImage image = render(data, toScene.mapRect(QRectF(pixels)));
    image.setDevicePixelRatio(ratio);
    painter->save();
    painter->resetTransform();
    painter->drawImage(pixels.topLeft(), image);
    painter->restore();
    return true;
}

void OverviewCache::invalidate()
{
    ++m_generation;
    m_picture = Picture();
}

void OverviewCache::start(qreal scale)
{
    if (m_watcher.isRunning()) {
        m_wantedScale = scale; // after this one
        return;
    }
    if (m_pending.generation == m_generation && qFuzzyCompare(m_pending.scale, scale)
        && m_pending.image.isNull() && m_pending.scale > 0)
        return; // failed or too large for this diagram and scale: the items paint
    Snapshot data = snapshot(scale);
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
        emit ready();
    }
    m_pending.image = QImage();
    if (m_wantedScale > 0 && !qFuzzyCompare(m_wantedScale, m_picture.scale))
        start(m_wantedScale);
}

OverviewCache::Snapshot OverviewCache::snapshot(qreal scale) const
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
    return data;
}

QImage OverviewCache::render(const Snapshot &data, const QRectF &area)
{
    const QSize size(qCeil(area.width() * data.scale), qCeil(area.height() * data.scale));
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

void OverviewCache::drawLines(QImage &image, const QTransform &toImage, const QList<QLineF> &lines,
                              const QColor &color)
{
    // Aliased one-pixel lines written into the pixels (Bresenham), clipped to the image. The
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
        if (!clipToRect(a, b, bounds, &t0, &t1))
            continue;
        int x0 = int(a.x() + (b.x() - a.x()) * t0);
        int y0 = int(a.y() + (b.y() - a.y()) * t0);
        const int x1 = int(a.x() + (b.x() - a.x()) * t1);
        const int y1 = int(a.y() + (b.y() - a.y()) * t1);
        const int dx = qAbs(x1 - x0);
        const int dy = -qAbs(y1 - y0);
        const int sx = x0 < x1 ? 1 : -1;
        const int sy = y0 < y1 ? 1 : -1;
        int error = dx + dy;
        for (;;) {
            bits[y0 * stride + x0] = pixel;
            if (x0 == x1 && y0 == y1)
                break;
            const int twice = 2 * error;
            if (twice >= dy) {
                error += dy;
                x0 += sx;
            }
            if (twice <= dx) {
                error += dx;
                y0 += sy;
            }
        }
    }
}

} // namespace Junction
