// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QImage>
#include <QList>
#include <QRectF>
#include <QString>

#include <optional>

class QGraphicsItem;
class QGraphicsScene;
class QPainter;

namespace Junction {

// The diagram as a picture: PNG, SVG or PDF, of the whole scene or of the selected boxes
// (with the junction tables and edges between them), rendered by QGraphicsScene::render
// with a margin on a plain background and without selection marks. Files are written
// atomically (QSaveFile).
class DiagramExporter
{
public:
    enum class Format { Png, Svg, Pdf };
    enum class Scope { Whole, Selection };

    explicit DiagramExporter(QGraphicsScene *scene);

    void setScope(Scope scope) { m_scope = scope; }
    Scope scope() const { return m_scope; }
    void setMargin(qreal margin) { m_margin = margin; }
    // CanvasTheme's box colour by default (white on a light desktop).
    void setBackground(const QColor &color) { m_background = color; }
    QColor background() const { return m_background; }
    // Pixels per scene unit in a PNG (2: crisp on high-DPI screens); PNGs are kept under
    // maxPixels by lowering it.
    void setPngScale(qreal scale) { m_pngScale = scale; }
    // The DPI the canvas lays its text out at: SVG and PDF use it so that text keeps its
    // size relative to the boxes (QSvgGenerator defaults to 72).
    void setDotsPerInch(int dpi) { m_dpi = dpi; }

    // The exported area in scene coordinates, margin included; empty when there is nothing
    // to export (an empty diagram, or no selected box).
    QRectF sourceRect() const;
    // The PNG's pixel size for sourceRect().
    QSize pngSize() const;

    static std::optional<Format> formatForPath(const QString &path);
    static QString suffix(Format format);

    QImage renderImage() const;
    // False with a message that names the file on failure.
    bool exportTo(const QString &path, Format format, QString *errorMessage = nullptr) const;
    bool exportTo(const QString &path, QString *errorMessage = nullptr) const;

    static constexpr qint64 maxPixels = 64 * 1024 * 1024;
    // A PDF page cannot be larger than 200 inches a side.
    static constexpr qreal maxPdfPoints = 14400;

private:
    // The items the selection scope shows: the selected boxes, the junction tables all of
    // whose edges end at them, and the edges between the boxes shown.
    QList<QGraphicsItem *> selectionItems() const;
    // Renders `source` (scene coordinates) into `target` (device coordinates) with only the
    // exported items shown and nothing selected; restores both afterwards.
    void render(QPainter *painter, const QRectF &target, const QRectF &source) const;

    QGraphicsScene *m_scene;
    Scope m_scope = Scope::Whole;
    qreal m_margin = 24;
    QColor m_background;
    qreal m_pngScale = 2;
    int m_dpi = 96;
};

} // namespace Junction
