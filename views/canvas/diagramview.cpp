// SPDX-License-Identifier: MIT
#include "diagramview.h"

#include "canvastheme.h"
#include "diagramscene.h"
#include "overviewcache.h"
#include "tableitem.h"

#include <QGestureEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QNativeGestureEvent>
#include <QPainter>
#include <QScrollBar>
#include <QStyleOptionRubberBand>
#include <QTimer>
#include <QWheelEvent>

#include <cmath>

namespace Junction {

namespace {

// Fit-all never magnifies past this: a small schema at 300 % looks broken, not fitted.
constexpr qreal maximumFitZoom = 1.25;
constexpr qreal gridStep = 24;

} // namespace

DiagramView::DiagramView(QGraphicsScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(RubberBandDrag);
    setTransformationAnchor(AnchorUnderMouse);
    setResizeAnchor(AnchorViewCenter);
    setViewportUpdateMode(SmartViewportUpdate);
    setFrameShape(QFrame::NoFrame);
    // Two-finger pinch on a touchscreen; touch the scene does not take still becomes mouse.
    viewport()->setAttribute(Qt::WA_AcceptTouchEvents);
    viewport()->grabGesture(Qt::PinchGesture);
    if (auto diagram = qobject_cast<DiagramScene *>(scene)) {
        m_overview = new OverviewCache(diagram, this);
        connect(m_overview, &OverviewCache::ready, viewport(), qOverload<>(&QWidget::update));
        // The first fit-all after a change would otherwise draw the whole diagram then
        // (tens of ms at 10,000 models); a moment after the change it is made on the worker.
        m_prepareOverview = new QTimer(this);
        m_prepareOverview->setSingleShot(true);
        m_prepareOverview->setInterval(300);
        connect(m_prepareOverview, &QTimer::timeout, this, &DiagramView::prepareOverview);
        connect(diagram, &DiagramScene::diagramChanged, m_prepareOverview,
                qOverload<>(&QTimer::start));
    }
}

void DiagramView::paintEvent(QPaintEvent *event)
{
    // At the outline zoom the whole diagram is one picture (see OverviewCache), drawn on the
    // spot from the items' geometry while something is dragged (a picture would lag behind).
    const bool outline = zoom() < TableItem::outlineZoom && m_overview && scene();
    if (!outline) {
        QGraphicsView::paintEvent(event);
        return;
    }
    const qreal scale = zoom() * viewport()->devicePixelRatioF();
    QPainter painter(viewport());
    const QRectF exposed = mapToScene(event->rect()).boundingRect();
    painter.setWorldTransform(viewportTransform());
    painter.save();
    drawBackground(&painter, exposed);
    painter.restore();
    if (!m_overview->paint(&painter, viewportTransform(), scale, event->rect(),
                           scene()->mouseGrabberItem() != nullptr)) {
        painter.end();
        QGraphicsView::paintEvent(event);
        return;
    }
    // The selection is not in the picture: selected boxes are drawn over it as the items
    // draw them at this zoom.
    const CanvasTheme &theme = CanvasTheme::current();
    for (const QGraphicsItem *item : scene()->selectedItems()) {
        if (const auto table = qgraphicsitem_cast<const TableItem *>(item))
            painter.fillRect(QRectF(table->pos(), table->size()), theme.selected);
    }
    drawForeground(&painter, exposed);
    if (!rubberBandRect().isEmpty()) {
        painter.resetTransform();
        QStyleOptionRubberBand option;
        option.initFrom(viewport());
        option.rect = rubberBandRect();
        option.shape = QRubberBand::Rectangle;
        style()->drawControl(QStyle::CE_RubberBand, &option, &painter, viewport());
    }
}

qreal DiagramView::zoom() const
{
    return transform().m11();
}

void DiagramView::setZoom(qreal zoom)
{
    zoom = std::clamp(zoom, minimumZoom, maximumZoom);
    if (qFuzzyCompare(zoom, this->zoom()))
        return;
    setTransform(QTransform::fromScale(zoom, zoom));
    emit zoomChanged(zoom);
}

void DiagramView::zoomBy(qreal factor)
{
    setZoom(zoom() * factor);
}

void DiagramView::zoomAt(qreal factor, const QPointF &viewportPos)
{
    // The anchor is kept by hand: AnchorUnderMouse follows the last mouse move, which a
    // wheel or pinch without one (or a test) does not have.
    const QPointF scenePos = mapToScene(viewportPos.toPoint());
    const ViewportAnchor anchor = transformationAnchor();
    setTransformationAnchor(NoAnchor);
    setZoom(zoom() * factor);
    setTransformationAnchor(anchor);
    const QPoint drift = mapFromScene(scenePos) - viewportPos.toPoint();
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() + drift.x());
    verticalScrollBar()->setValue(verticalScrollBar()->value() + drift.y());
}

QRectF DiagramView::fitBounds() const
{
    if (!scene())
        return {};
    const auto diagram = qobject_cast<const DiagramScene *>(scene());
    const QRectF contents = diagram ? diagram->contentsRect() : scene()->itemsBoundingRect();
    return contents.adjusted(-24, -24, 24, 24);
}

qreal DiagramView::fitZoom() const
{
    // As fitInView() computes it: the viewport less a 2 pixel margin.
    const QRectF bounds = fitBounds();
    const QRectF area = QRectF(viewport()->rect()).adjusted(2, 2, -2, -2);
    if (bounds.isEmpty() || area.isEmpty())
        return zoom();
    return std::clamp(qMin(area.width() / bounds.width(), area.height() / bounds.height()),
                      minimumZoom, maximumFitZoom);
}

void DiagramView::fitAll()
{
    const QRectF bounds = fitBounds();
    if (bounds.isEmpty())
        return;
    // fitInView() changes the transform itself; read the scale it chose and clamp it.
    fitInView(bounds, Qt::KeepAspectRatio);
    const qreal fitted = std::clamp(zoom(), minimumZoom, maximumFitZoom);
    setTransform(QTransform::fromScale(fitted, fitted));
    centerOn(bounds.center());
    emit zoomChanged(fitted);
}

void DiagramView::prepareOverview()
{
    // Only while the view shows the items: at the outline zoom it keeps its own picture up
    // to date, and a fit from there starts from a picture at a nearby scale.
    const qreal fitted = fitZoom();
    if (!m_overview || !isVisible() || fitted >= TableItem::outlineZoom
        || zoom() < TableItem::outlineZoom)
        return;
    // The transform fit-all will set: the contents' centre in the viewport's centre.
    const QPointF centre = fitBounds().center() * fitted;
    const QPointF viewportCentre = QRectF(viewport()->rect()).center();
    const QTransform transform = QTransform::fromScale(fitted, fitted)
                                     .translate((viewportCentre.x() - centre.x()) / fitted,
                                                (viewportCentre.y() - centre.y()) / fitted);
    m_overview->prepare(transform, fitted * viewport()->devicePixelRatioF());
}

void DiagramView::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    // 120 units = one notch = 15 %; smooth for touchpads that send small steps.
    zoomAt(std::pow(1.15, delta / 120.0), event->position());
    event->accept();
}

void DiagramView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && m_spaceHeld)) {
        m_panning = true;
        m_panButton = event->button();
        m_panOrigin = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void DiagramView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const QPoint position = event->position().toPoint();
        const QPoint delta = position - m_panOrigin;
        m_panOrigin = position;
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void DiagramView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning && event->button() == m_panButton) {
        m_panning = false;
        if (m_spaceHeld)
            viewport()->setCursor(Qt::OpenHandCursor);
        else
            viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

bool DiagramView::spacePanKey(const QKeyEvent *event) const
{
    // Space belongs to whatever item is being edited (an in-place editor types it).
    return event->key() == Qt::Key_Space && event->modifiers() == Qt::NoModifier
        && !(scene() && scene()->focusItem());
}

void DiagramView::keyPressEvent(QKeyEvent *event)
{
    if (spacePanKey(event)) {
        if (!event->isAutoRepeat() && !m_spaceHeld) {
            m_spaceHeld = true;
            if (!m_panning)
                viewport()->setCursor(Qt::OpenHandCursor);
        }
        event->accept();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void DiagramView::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && m_spaceHeld) {
        if (!event->isAutoRepeat()) {
            m_spaceHeld = false;
            if (!m_panning)
                viewport()->unsetCursor();
        }
        event->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void DiagramView::focusOutEvent(QFocusEvent *event)
{
    // The release of a Space held while focus left would never arrive.
    if (m_spaceHeld) {
        m_spaceHeld = false;
        if (!m_panning)
            viewport()->unsetCursor();
    }
    QGraphicsView::focusOutEvent(event);
}

bool DiagramView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::NativeGesture) {
        // Touchpad pinch (macOS, and libinput on X11/Wayland): value() is the scale step.
        auto gesture = static_cast<QNativeGestureEvent *>(event);
        if (gesture->gestureType() == Qt::ZoomNativeGesture) {
            zoomAt(1 + gesture->value(), gesture->position());
            event->accept();
            return true;
        }
    } else if (event->type() == QEvent::Gesture) {
        // Touchscreen pinch: the scale since the last step, around the fingers' centre.
        auto gestures = static_cast<QGestureEvent *>(event);
        if (auto pinch = static_cast<QPinchGesture *>(gestures->gesture(Qt::PinchGesture))) {
            if (pinch->changeFlags() & QPinchGesture::ScaleFactorChanged)
                zoomAt(pinch->scaleFactor(), viewport()->mapFromGlobal(pinch->centerPoint()));
            gestures->accept(pinch);
            return true;
        }
    }
    return QGraphicsView::viewportEvent(event);
}

void DiagramView::drawBackground(QPainter *painter, const QRectF &rect)
{
    const CanvasTheme &theme = CanvasTheme::current();
    painter->fillRect(rect, theme.background);
    if (zoom() < 0.5)
        return; // a dense grid far out is noise and costs a paint per dot
    // Lines one pixel wide as filled rectangles in viewport coordinates: the raster
    // engine fills those row by row, while antialiased hairlines go through its stroker
    // pixel by pixel, which made the grid most of the cost of a repaint (and of a drag step).
    const QTransform toDevice = painter->worldTransform();
    if (toDevice.isRotating())
        return;
    const QRect device = toDevice.mapRect(rect).toAlignedRect();
    const qreal left = std::floor(rect.left() / gridStep) * gridStep;
    const qreal top = std::floor(rect.top() / gridStep) * gridStep;
    QVarLengthArray<QRect, 256> lines;
    for (qreal x = left; x < rect.right(); x += gridStep)
        lines.append(QRect(qFloor(toDevice.map(QPointF(x, 0)).x()), device.top(), 1, device.height()));
    for (qreal y = top; y < rect.bottom(); y += gridStep)
        lines.append(QRect(device.left(), qFloor(toDevice.map(QPointF(0, y)).y()), device.width(), 1));
    painter->save();
    painter->resetTransform();
    painter->setRenderHint(QPainter::Antialiasing, false);
    for (const QRect &line : std::as_const(lines))
        painter->fillRect(line, theme.grid);
    painter->restore();
}

} // namespace Junction
