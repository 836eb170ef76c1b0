// SPDX-License-Identifier: MIT
#include "diagramexporter.h"

#include "associationitem.h"
#include "canvastheme.h"
#include "tableitem.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QGraphicsScene>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSet>
#include <QSignalBlocker>
#include <QSvgGenerator>

#include <cmath>

namespace Junction {

DiagramExporter::DiagramExporter(QGraphicsScene *scene)
    : m_scene(scene)
    // The boxes' own ground: white on a light desktop, the palette's base on a dark one
    // (where the boxes are dark too).
    , m_background(CanvasTheme::current().body)
{}

QList<QGraphicsItem *> DiagramExporter::selectionItems() const
{
    QSet<const TableItem *> boxes;
    for (QGraphicsItem *item : m_scene->selectedItems()) {
        if (auto table = qgraphicsitem_cast<TableItem *>(item))
            boxes.insert(table);
    }
    // A junction table between two selected models belongs with them.
    const QList<QGraphicsItem *> all = m_scene->items();
    for (QGraphicsItem *item : all) {
        auto table = qgraphicsitem_cast<TableItem *>(item);
        if (!table || !table->isDerived() || boxes.contains(table) || table->edges().isEmpty())
            continue;
        bool between = true;
        for (const AssociationItem *edge : table->edges()) {
            const TableItem *other = edge->sourceItem() == table ? edge->targetItem()
                                                                 : edge->sourceItem();
            between = between && boxes.contains(other);
        }
        if (between)
            boxes.insert(table);
    }
    QList<QGraphicsItem *> shown;
    if (boxes.isEmpty())
        return shown;
    for (QGraphicsItem *item : all) {
        if (auto table = qgraphicsitem_cast<TableItem *>(item)) {
            if (boxes.contains(table))
                shown.append(item);
        } else if (auto edge = qgraphicsitem_cast<AssociationItem *>(item)) {
            if (boxes.contains(edge->sourceItem()) && boxes.contains(edge->targetItem()))
                shown.append(item);
        }
    }
    return shown;
}

QRectF DiagramExporter::sourceRect() const
{
    QRectF rect;
    if (m_scope == Scope::Whole) {
        // Not itemsBoundingRect(): hidden items (a previous document's, being deleted in
        // slices after an open) take no part in the picture.
        for (const QGraphicsItem *item : m_scene->items()) {
            if (item->isVisible())
                rect |= item->sceneBoundingRect();
        }
    } else {
        for (const QGraphicsItem *item : selectionItems())
            rect |= item->sceneBoundingRect();
    }
    if (rect.isEmpty())
        return {};
    return rect.adjusted(-m_margin, -m_margin, m_margin, m_margin);
}

QSize DiagramExporter::pngSize() const
{
    const QRectF source = sourceRect();
    qreal scale = m_pngScale;
    const qreal area = source.width() * source.height() * scale * scale;
    if (area > maxPixels)
        scale *= std::sqrt(maxPixels / area);
    return QSize(qMax(1, qRound(source.width() * scale)), qMax(1, qRound(source.height() * scale)));
}

std::optional<DiagramExporter::Format> DiagramExporter::formatForPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png"))
        return Format::Png;
    if (suffix == QLatin1String("svg"))
        return Format::Svg;
    if (suffix == QLatin1String("pdf"))
        return Format::Pdf;
    return std::nullopt;
}

QString DiagramExporter::suffix(Format format)
{
    switch (format) {
    case Format::Png: return QStringLiteral("png");
    case Format::Svg: return QStringLiteral("svg");
    case Format::Pdf: return QStringLiteral("pdf");
    }
    return {};
}

void DiagramExporter::render(QPainter *painter, const QRectF &target, const QRectF &source) const
{
    // Nobody needs to hear of this passing change of selection and visibility: the DDL dock
    // would rebuild for nothing.
    const QSignalBlocker blocker(m_scene);
    const QList<QGraphicsItem *> selected = m_scene->selectedItems();
    QList<QGraphicsItem *> hidden;
    if (m_scope == Scope::Selection) {
        const QList<QGraphicsItem *> shownList = selectionItems();
        const QSet<QGraphicsItem *> shown(shownList.cbegin(), shownList.cend());
        for (QGraphicsItem *item : m_scene->items()) {
            if (item->isVisible() && !shown.contains(item) && !item->parentItem()) {
                item->setVisible(false);
                hidden.append(item);
            }
        }
    }
    m_scene->clearSelection();

    painter->fillRect(target, m_background);
    painter->setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing
                            | QPainter::SmoothPixmapTransform);
    m_scene->render(painter, target, source, Qt::KeepAspectRatio);

    for (QGraphicsItem *item : std::as_const(hidden))
        item->setVisible(true);
    for (QGraphicsItem *item : selected)
        item->setSelected(true);
}

QImage DiagramExporter::renderImage() const
{
    const QRectF source = sourceRect();
    if (source.isEmpty())
        return {};
    QImage image(pngSize(), QImage::Format_ARGB32_Premultiplied);
    // The canvas's DPI, so that text has the size it has on screen relative to the boxes.
    const int dotsPerMeter = qRound(m_dpi / 0.0254);
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
    image.fill(m_background);
    QPainter painter(&image);
    render(&painter, QRectF(QPointF(0, 0), image.size()), source);
    painter.end();
    return image;
}

bool DiagramExporter::exportTo(const QString &path, QString *errorMessage) const
{
    const std::optional<Format> format = formatForPath(path);
    if (!format) {
        if (errorMessage) {
            *errorMessage = QCoreApplication::translate(
                                "Junction::DiagramExporter",
                                "Cannot export to %1: name the file .png, .svg or .pdf.")
                                .arg(QDir::toNativeSeparators(path));
        }
        return false;
    }
    return exportTo(path, *format, errorMessage);
}

bool DiagramExporter::exportTo(const QString &path, Format format, QString *errorMessage) const
{
    auto fail = [&](const QString &why) {
        if (errorMessage) {
            *errorMessage = QCoreApplication::translate("Junction::DiagramExporter",
                                                        "Cannot export to %1: %2")
                                .arg(QDir::toNativeSeparators(path), why);
        }
        return false;
    };
    const QRectF source = sourceRect();
    if (source.isEmpty()) {
        return fail(m_scope == Scope::Selection
                        ? QCoreApplication::translate("Junction::DiagramExporter",
                                                      "no model is selected.")
                        : QCoreApplication::translate("Junction::DiagramExporter",
                                                      "the diagram is empty."));
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());

    bool painted = false;
    switch (format) {
    case Format::Png: {
        const QImage image = renderImage();
        painted = !image.isNull() && image.save(&file, "PNG");
        break;
    }
    case Format::Svg: {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setResolution(m_dpi);
        svg.setSize(source.size().toSize());
        svg.setViewBox(QRectF(QPointF(0, 0), source.size()));
        svg.setTitle(QFileInfo(path).completeBaseName());
        svg.setDescription(QCoreApplication::translate("Junction::DiagramExporter",
                                                       "Diagram exported by Junction"));
        QPainter painter;
        painted = painter.begin(&svg);
        if (painted) {
            render(&painter, QRectF(QPointF(0, 0), source.size()), source);
            painted = painter.end();
        }
        break;
    }
    case Format::Pdf: {
        QPdfWriter pdf(&file);
        pdf.setCreator(QStringLiteral("Junction"));
        pdf.setTitle(QFileInfo(path).completeBaseName());
        // One page the size of the diagram (shrunk to the PDF limit), at the canvas's DPI.
        QSizeF points = source.size() * 72.0 / m_dpi;
        const qreal shrink = qMin(1.0, maxPdfPoints / qMax(points.width(), points.height()));
        points *= shrink;
        pdf.setResolution(m_dpi);
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setPageSize(QPageSize(points, QPageSize::Point, QString(), QPageSize::ExactMatch));
        QPainter painter;
        painted = painter.begin(&pdf);
        if (painted) {
            render(&painter, QRectF(QPointF(0, 0), source.size() * shrink), source);
            painted = painter.end();
        }
        break;
    }
    }
    if (!painted) {
        file.cancelWriting();
        return fail(QCoreApplication::translate("Junction::DiagramExporter",
                                                "the picture could not be drawn."));
    }
    if (!file.commit())
        return fail(file.errorString());
    return true;
}

} // namespace Junction
