// SPDX-License-Identifier: MIT
#pragma once

#include <QPixmap>
#include <QRectF>
#include <QTimer>
#include <QWidget>

namespace Junction {

class DiagramScene;
class DiagramView;

// An overview of the whole diagram in the canvas's bottom right corner, with the part the
// view shows outlined; a click or drag in it moves the view there. It must stay cheap at
// 10,000 tables: the boxes and edges are drawn into a cached picture (plain rectangles and
// lines from the items' geometry, not a scene render) that is rebuilt only after the diagram
// changed and settled (debounced); scrolling and zooming repaint just the picture and the
// outline. Selected boxes are drawn in the selection colour.
class Minimap : public QWidget
{
    Q_OBJECT

public:
    Minimap(DiagramScene *scene, DiagramView *view);

    // The user's choice (View > Minimap), kept in QSettings. It only appears while part of
    // the diagram is out of view: a diagram that fits needs no overview.
    void setShown(bool shown);
    bool isShown() const { return m_shown; }

    void scheduleRefresh();
    void refresh(); // rebuilds the picture now
    int refreshCount() const { return m_refreshCount; }

    // The scene area the picture covers, and the mapping between it and this widget.
    QRectF sceneArea() const { return m_area; }
    QPointF toScene(const QPointF &widgetPos) const;
    QPointF toWidget(const QPointF &scenePos) const;
    QRectF visibleSceneRect() const;

    static constexpr int debounceMsec = 250;
    static constexpr int maximumEdges = 3000; // beyond this only boxes are drawn
    static constexpr QSize maximumPictureSize {220, 160};

signals:
    void shownChanged(bool shown);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void place();
    void updateVisibility();

    DiagramScene *m_scene;
    DiagramView *m_view;
    QTimer m_debounce;
    QPixmap m_picture;
    QRectF m_bounds; // the boxes' bounds in the scene
    QRectF m_area; // scene rect shown: the bounds with a margin
    QRectF m_pictureRect; // where the picture sits in this widget
    qreal m_scale = 1; // widget pixels per scene unit
    bool m_shown = true;
    int m_refreshCount = 0;
};

} // namespace Junction
