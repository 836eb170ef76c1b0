// SPDX-License-Identifier: MIT
#include "addattributehandle.h"

#include "canvastheme.h"

#include <QCoreApplication>
#include <QCursor>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPainter>

namespace Junction {

namespace {

constexpr qreal padding = 6;

QFont handleFont()
{
    QFont font = QGuiApplication::font();
    font.setPointSizeF(font.pointSizeF() * 0.85);
    return font;
}

} // namespace

AddAttributeHandle::AddAttributeHandle(QGraphicsItem *box)
    : QGraphicsItem(box)
    , m_text(QCoreApplication::translate("Junction::AddAttributeHandle", "+ attribute"))
{
    const QFontMetricsF metrics(handleFont());
    m_size = QSizeF(std::ceil(metrics.horizontalAdvance(m_text) + 2 * padding),
                    std::ceil(metrics.height() + padding));
    // Just below the box's bottom left, clear of its border and selection outline.
    setPos(box->boundingRect().left() + 8, box->boundingRect().bottom() + 1);
    setCursor(Qt::PointingHandCursor);
    setToolTip(
        QCoreApplication::translate("Junction::AddAttributeHandle", "Add an attribute (Insert)"));
}

QRectF AddAttributeHandle::boundingRect() const
{
    return QRectF(QPointF(0, 0), m_size);
}

void AddAttributeHandle::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    // Only with its box selected: a render of the scene with the selection cleared (an
    // export) leaves it out without having to know about it.
    if (!parentItem() || !parentItem()->isSelected())
        return;
    const CanvasTheme &theme = CanvasTheme::current();
    painter->setRenderHint(QPainter::Antialiasing);
    QPainterPath tab;
    const QRectF rect = boundingRect().adjusted(0.5, 0, -0.5, -0.5);
    tab.addRoundedRect(rect, 4, 4);
    tab.addRect(rect.adjusted(0, 0, 0, -rect.height() / 2)); // square top against the box
    tab.setFillRule(Qt::WindingFill);
    painter->setPen(Qt::NoPen);
    painter->setBrush(theme.selected);
    painter->drawPath(tab.simplified());
    painter->setPen(theme.headerText);
    painter->setFont(handleFont());
    painter->drawText(rect, Qt::AlignCenter, m_text);
}

} // namespace Junction
