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

bool OverviewCache::paint(QPainter *painter, const QTransform &sceneToViewport, qreal scale)
{
    const CanvasTheme &theme = CanvasTheme::current();
    Picture &picture = m_picture;
    if (!picture.image.isNull() && (picture.edge != theme.edge || picture.header != theme.header))
        invalidate(); // the palette changed
    const bool sameDiagram = picture.generation == m_generation && !picture.image.isNull();
    const bool sameScale = sameDiagram && qFuzzyCompare(picture.scale, scale);
    if (!sameScale)
        start(scale);
    // A picture of the diagram as it is, made at a nearby scale (fit-all with and without
    // scroll bars, a zoom step), is drawn stretched until the exact one arrives.
    const qreal ratio = sameDiagram ? scale / picture.scale : 0;
    if (!sameDiagram || ratio < 0.7 || ratio > 1.4)
        return false;
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
    m_watcher.setFuture(QtConcurrent::run(&OverviewCache::render, std::move(data)));
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

QImage OverviewCache::render(const Snapshot &data)
{
    const QSize size(qCeil(data.area.width() * data.scale), qCeil(data.area.height() * data.scale));
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return image;
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.scale(data.scale, data.scale);
    painter.translate(-data.area.topLeft());
    // As the items paint at this zoom: aliased hairlines under plain boxes.
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(QPen(data.edge, 0));
    painter.drawLines(data.lines.constData(), int(data.lines.size()));
    for (const QPainterPath &loop : data.loops)
        painter.drawPath(loop);
    painter.setPen(QPen(data.error, 0));
    painter.drawLines(data.errorLines.constData(), int(data.errorLines.size()));
    for (const QPainterPath &loop : data.errorLoops)
        painter.drawPath(loop);
    for (const QRectF &box : data.boxes)
        painter.fillRect(box, data.header);
    for (const QRectF &box : data.derivedBoxes)
        painter.fillRect(box, data.derivedHeader);
    return image;
}

} // namespace Junction
