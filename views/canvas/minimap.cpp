// SPDX-License-Identifier: MIT
#include "minimap.h"

#include "associationitem.h"
#include "canvastheme.h"
#include "diagramscene.h"
#include "diagramview.h"
#include "tableitem.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QSettings>
#include <QtMath>

namespace Junction {

namespace {

constexpr int margin = 10; // from the viewport's corner
constexpr int frame = 1;

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(a.redF() + (b.redF() - a.redF()) * t,
                            a.greenF() + (b.greenF() - a.greenF()) * t,
                            a.blueF() + (b.blueF() - a.blueF()) * t);
}

QPointF centreOffset(const TableItem *table)
{
    return QPointF(table->size().width() / 2, table->size().height() / 2);
}
const QString settingsKey = QStringLiteral("view/minimap");

} // namespace

Minimap::Minimap(DiagramScene *scene, DiagramView *view)
    : QWidget(view)
    , m_scene(scene)
    , m_view(view)
{
    setObjectName(QStringLiteral("minimap"));
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Overview: click or drag to move the view"));
    m_shown = QSettings().value(settingsKey, true).toBool();
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(debounceMsec);
    connect(&m_debounce, &QTimer::timeout, this, &Minimap::refresh);
    connect(scene, &DiagramScene::diagramChanged, this, &Minimap::scheduleRefresh);
    // Selected boxes show in the selection colour, e.g. where Find or the outline jumped.
    connect(scene, &QGraphicsScene::selectionChanged, this, &Minimap::scheduleRefresh);
    // The outline follows the view live; that costs one small blit, not a re-render.
    auto repaint = [this] {
        updateVisibility();
        update();
    };
    connect(view->horizontalScrollBar(), &QScrollBar::valueChanged, this, repaint);
    connect(view->verticalScrollBar(), &QScrollBar::valueChanged, this, repaint);
    connect(view, &DiagramView::zoomChanged, this, repaint);
    view->installEventFilter(this);
    hide();
}

void Minimap::setShown(bool shown)
{
    if (shown == m_shown)
        return;
    m_shown = shown;
    QSettings().setValue(settingsKey, shown);
    if (shown)
        refresh();
    updateVisibility();
    emit shownChanged(shown);
}

void Minimap::scheduleRefresh()
{
    m_debounce.start();
}

void Minimap::refresh()
{
    m_debounce.stop();
    ++m_refreshCount;
    const QList<TableItem *> tables = m_scene->tableItems();
    QList<QRectF> boxes;
    boxes.reserve(tables.size());
    QRectF bounds;
    for (const TableItem *table : tables) {
        const QRectF box(table->pos(), table->size());
        boxes.append(box);
        bounds |= box;
    }
    m_bounds = bounds;
    if (boxes.isEmpty()) {
        m_area = QRectF();
        m_picture = QPixmap();
        updateVisibility();
        return;
    }
    m_area = bounds.adjusted(-40, -40, 40, 40);
    m_scale = std::min(maximumPictureSize.width() / m_area.width(),
                       maximumPictureSize.height() / m_area.height());
    const QSize size(qCeil(m_area.width() * m_scale), qCeil(m_area.height() * m_scale));
    m_pictureRect = QRectF(QPointF(frame, frame), size);
    resize(size + QSize(2 * frame, 2 * frame));

    const CanvasTheme &theme = CanvasTheme::current();
    const qreal dpr = devicePixelRatioF();
    m_picture = QPixmap(size * dpr);
    m_picture.setDevicePixelRatio(dpr);
    m_picture.fill(theme.background);
    QPainter painter(&m_picture);
    // Mapped by hand into the picture's pixels, opaque colours, no antialiasing: the raster
    // engine's fast paths (a painter transform and a translucent pen made 15,000 edges cost
    // ten times as much).
    auto map = [this](const QPointF &p) { return (p - m_area.topLeft()) * m_scale; };
    // Edges as centre-to-centre lines under the boxes; with thousands of them the overview
    // would be a grey mat, so then only the boxes are drawn.
    const QList<AssociationItem *> edges = m_scene->associationItems();
    if (edges.size() <= maximumEdges) {
        painter.setPen(QPen(mix(theme.background, theme.edge, 0.45), 0));
        QVarLengthArray<QLineF, 256> lines;
        for (const AssociationItem *item : edges) {
            if (item->sourceItem() && item->targetItem())
                lines.append(
                    QLineF(map(item->sourceItem()->pos() + centreOffset(item->sourceItem())),
                           map(item->targetItem()->pos() + centreOffset(item->targetItem()))));
        }
        painter.drawLines(lines.data(), int(lines.size()));
    }
    for (int i = 0; i < tables.size(); ++i) {
        const QRectF &box = boxes.at(i);
        // At least a pixel each, so that small tables do not vanish far out.
        const QRectF r(map(box.topLeft()), box.size() * m_scale);
        painter.fillRect(QRectF(r.topLeft(), r.size().expandedTo(QSizeF(1, 1))),
                         tables.at(i)->isSelected()      ? theme.selected
                             : tables.at(i)->isDerived() ? theme.derivedHeader
                                                         : theme.header);
    }
    painter.end();
    updateVisibility();
    place();
    update();
}

QPointF Minimap::toScene(const QPointF &widgetPos) const
{
    return m_area.topLeft() + (widgetPos - m_pictureRect.topLeft()) / m_scale;
}

QPointF Minimap::toWidget(const QPointF &scenePos) const
{
    return m_pictureRect.topLeft() + (scenePos - m_area.topLeft()) * m_scale;
}

QRectF Minimap::visibleSceneRect() const
{
    return m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
}

void Minimap::paintEvent(QPaintEvent *)
{
    const CanvasTheme &theme = CanvasTheme::current();
    QPainter painter(this);
    painter.setPen(QPen(theme.border, frame));
    painter.setBrush(theme.background);
    painter.drawRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5));
    painter.drawPixmap(m_pictureRect.topLeft(), m_picture);

    // What the view shows stays clear, the rest is dimmed, and an outline marks the edge.
    painter.setClipRect(m_pictureRect);
    const QRectF visible = visibleSceneRect();
    const QRectF outline = QRectF(toWidget(visible.topLeft()), toWidget(visible.bottomRight()))
                               .intersected(m_pictureRect);
    QPainterPath outside;
    outside.addRect(m_pictureRect);
    outside.addRect(outline);
    QColor dim = theme.background;
    dim.setAlpha(150);
    painter.fillPath(outside, dim); // odd-even fill: the outline's inside stays clear
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(theme.selected, 1.5));
    painter.drawRect(outline.adjusted(0.75, 0.75, -0.75, -0.75));
}

void Minimap::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    m_view->centerOn(toScene(event->position()));
    event->accept();
}

void Minimap::mouseMoveEvent(QMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton)) {
        QWidget::mouseMoveEvent(event);
        return;
    }
    m_view->centerOn(toScene(event->position()));
    event->accept();
}

void Minimap::changeEvent(QEvent *event)
{
    // The picture holds the palette's colours: draw it again in the new ones.
    if (event->type() == QEvent::PaletteChange)
        scheduleRefresh();
    QWidget::changeEvent(event);
}

bool Minimap::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::Resize) {
        place();
        updateVisibility();
    }
    return QWidget::eventFilter(watched, event);
}

void Minimap::place()
{
    const QRect area = m_view->viewport()->geometry();
    move(area.right() - width() - margin, area.bottom() - height() - margin);
}

void Minimap::updateVisibility()
{
    setVisible(m_shown && !m_area.isEmpty() && !visibleSceneRect().contains(m_bounds));
    if (isVisible())
        raise();
}

} // namespace Junction
