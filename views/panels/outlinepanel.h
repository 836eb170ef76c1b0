// SPDX-License-Identifier: MIT
#pragma once

#include "document.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QGraphicsItem;
class QGraphicsView;
class QLineEdit;
class QModelIndex;
class QSortFilterProxyModel;
class QTreeView;

namespace Junction {

class DiagramScene;
class OutlineModel;

// The outline dock: the OutlineModel behind a filter box (a recursive
// QSortFilterProxyModel: a model stays when one of its attributes matches). Its selection
// and the canvas's follow each other: selecting here selects the boxes and edges and centres
// the view on the first; selecting on the canvas selects the rows. Double-click centres.
class OutlinePanel : public QWidget
{
    Q_OBJECT

public:
    explicit OutlinePanel(QWidget *parent = nullptr);

    // inBatches: the outline of a document just opened fills in over a few event-loop turns.
    void setDocument(Document *document, bool inBatches = false);
    void setCanvas(DiagramScene *scene, QGraphicsView *view);

    OutlineModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTreeView *tree() const { return m_tree; }
    QLineEdit *filterEdit() const { return m_filter; }

    // The element ids of the selected rows, in row order.
    QStringList selectedIds() const;

signals:
    // One attribute row was selected (after its model's box): an inspector can show it.
    void attributeSelected(const Junction::EntityId &entity, const Junction::AttributeId &id);

private:
    void setFilter(const QString &text);
    void outlineSelectionChanged();
    // The canvas's selection changed: followed at once, or for a selection of thousands
    // (Select All: 28,750 rows at XL, ~100 ms) on a turn of its own, so that the canvas and
    // the other panels follow it in one turn and the outline in the next.
    void followScene();
    void sceneSelectionChanged();
    static constexpr int followAtOnce = 1000;
    void centreOn(const QModelIndex &index);
    // The canvas item that shows an element (a model's box for an attribute).
    QGraphicsItem *itemFor(const QString &id) const;

    OutlineModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTreeView *m_tree;
    QPointer<Document> m_document;
    QPointer<DiagramScene> m_scene;
    QPointer<QGraphicsView> m_view;
    QMetaObject::Connection m_sceneConnection;
    QTimer m_fitNames; // fits the names column to the rows
    QTimer m_follow;   // follows a large canvas selection
    bool m_syncing = false; // one side is following the other: do not echo back
};

} // namespace Junction
