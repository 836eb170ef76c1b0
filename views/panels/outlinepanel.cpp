// SPDX-License-Identifier: MIT
#include "outlinepanel.h"

#include "associationitem.h"
#include "diagramscene.h"
#include "outlinemodel.h"
#include "tableitem.h"

#include <QGraphicsView>
#include <QHash>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QSet>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace Junction {

namespace {

// What the canvas shows for a row: attributes and junction columns by their table's box.
QString canvasIdOf(const QModelIndex &index)
{
    const auto kind = OutlineModel::Kind(index.data(OutlineModel::KindRole).toInt());
    if (kind == OutlineModel::Kind::Attribute || kind == OutlineModel::Kind::JunctionColumn)
        return index.parent().data(OutlineModel::IdRole).toString();
    return index.data(OutlineModel::IdRole).toString();
}

} // namespace

OutlinePanel::OutlinePanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new OutlineModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_tree(new QTreeView(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(OutlineModel::NameColumn);

    m_filter->setObjectName(QStringLiteral("outlineFilter"));
    m_filter->setPlaceholderText(tr("Filter models, attributes, associations"));
    m_filter->setClearButtonEnabled(true);

    m_tree->setObjectName(QStringLiteral("outlineTree"));
    m_tree->setModel(m_proxy);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setExpandsOnDoubleClick(false);
    m_tree->header()->setStretchLastSection(true);
    // The names column is fitted to its contents once rows came or the filter changed, on a
    // turn of its own, not kept fitted (ResizeToContents): that measured up to 1,000 rows'
    // text again for every row that changed, 15-25 ms each at XL, so an edit naming a few
    // rows stalled the UI.
    m_tree->header()->setSectionResizeMode(OutlineModel::NameColumn, QHeaderView::Interactive);
    m_tree->expandToDepth(0);

    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_filter);
    layout->addWidget(m_tree);

    connect(m_filter, &QLineEdit::textChanged, this, &OutlinePanel::setFilter);
    connect(m_tree->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &OutlinePanel::outlineSelectionChanged);
    connect(m_tree, &QTreeView::doubleClicked, this, &OutlinePanel::centreOn);
    m_follow.setSingleShot(true);
    m_follow.setInterval(0);
    connect(&m_follow, &QTimer::timeout, this, &OutlinePanel::sceneSelectionChanged);
    // A model just added (and selected) has its row once the outline caught up.
    connect(m_model, &OutlineModel::synced, this, &OutlinePanel::sceneSelectionChanged);
    // New groups after a reset (another document) start open; while the model fills in
    // batches they stay closed, since an open group of 10,000 rows is laid out again after
    // each batch (tens of ms each), and open once it is full.
    connect(m_proxy, &QAbstractItemModel::modelReset, m_tree, [this] {
        if (!m_model->isFilling()) {
            m_tree->expandToDepth(0);
            m_fitNames.start();
        }
    });
    connect(m_model, &OutlineModel::filled, m_tree, [this] {
        m_tree->expandToDepth(0);
        m_fitNames.start();
    });
    // Rows that came (an edit, or the filter letting others through) may be wider.
    connect(m_model, &OutlineModel::synced, &m_fitNames, qOverload<>(&QTimer::start));
    // On a turn of its own: the rows of an XL schema take 15-25 ms to measure.
    m_fitNames.setSingleShot(true);
    m_fitNames.setInterval(0);
    connect(&m_fitNames, &QTimer::timeout, m_tree,
            [this] { m_tree->resizeColumnToContents(OutlineModel::NameColumn); });
}

void OutlinePanel::setDocument(Document *document, bool inBatches)
{
    m_document = document;
    m_model->setDocument(document, inBatches ? OutlineModel::Fill::InBatches
                                             : OutlineModel::Fill::AtOnce);
}

void OutlinePanel::setCanvas(DiagramScene *scene, QGraphicsView *view)
{
    if (m_sceneConnection)
        disconnect(m_sceneConnection);
    m_scene = scene;
    m_view = view;
    if (m_scene) {
        m_sceneConnection = connect(m_scene, &QGraphicsScene::selectionChanged, this,
                                    &OutlinePanel::followScene);
    }
}

QStringList OutlinePanel::selectedIds() const
{
    QModelIndexList rows = m_tree->selectionModel()->selectedRows(OutlineModel::NameColumn);
    std::sort(rows.begin(), rows.end());
    QStringList ids;
    for (const QModelIndex &index : std::as_const(rows)) {
        const QString id = index.data(OutlineModel::IdRole).toString();
        if (!id.isEmpty())
            ids << id;
    }
    return ids;
}

void OutlinePanel::setFilter(const QString &text)
{
    m_proxy->setFilterFixedString(text.trimmed());
    m_fitNames.start();
    // A match deep down should be visible without opening every model by hand.
    if (text.trimmed().isEmpty())
        m_tree->expandToDepth(0);
    else
        m_tree->expandAll();
}

QGraphicsItem *OutlinePanel::itemFor(const QString &id) const
{
    if (!m_scene || id.isEmpty())
        return nullptr;
    if (OutlineModel::isJunctionId(id))
        return m_scene->junctionItem(OutlineModel::junctionTableOf(id));
    if (QGraphicsItem *table = m_scene->tableItem(EntityId(id)))
        return table;
    return m_scene->associationItem(AssociationId(id));
}

void OutlinePanel::outlineSelectionChanged()
{
    if (m_syncing || !m_scene)
        return;
    QModelIndexList rows = m_tree->selectionModel()->selectedRows(OutlineModel::NameColumn);
    std::sort(rows.begin(), rows.end());
    QList<QGraphicsItem *> items;
    QSet<QGraphicsItem *> seen;
    for (const QModelIndex &index : std::as_const(rows)) {
        QGraphicsItem *item = itemFor(canvasIdOf(index));
        if (item && !seen.contains(item)) {
            seen.insert(item);
            items << item;
        }
    }
    m_syncing = true;
    {
        // One selection change for the lot: each item's would have every listener (the
        // inspector, the edit actions, the minimap) follow each of thousands of rows.
        const QSignalBlocker quiet(m_scene);
        m_scene->clearSelection();
        for (QGraphicsItem *item : std::as_const(items))
            item->setSelected(true);
    }
    emit m_scene->selectionChanged();
    m_syncing = false;
    if (m_view && !items.isEmpty())
        m_view->centerOn(items.first());
    if (rows.size() == 1
        && OutlineModel::Kind(rows.first().data(OutlineModel::KindRole).toInt())
            == OutlineModel::Kind::Attribute) {
        emit attributeSelected(EntityId(canvasIdOf(rows.first())),
                               AttributeId(rows.first().data(OutlineModel::IdRole).toString()));
    }
}

void OutlinePanel::followScene()
{
    if (m_syncing || !m_scene)
        return;
    if (m_scene->selectedItems().size() > followAtOnce)
        m_follow.start();
    else
        sceneSelectionChanged();
}

void OutlinePanel::sceneSelectionChanged()
{
    m_follow.stop();
    if (m_syncing || !m_scene)
        return;
    const QList<QGraphicsItem *> selected = m_scene->selectedItems();
    QSet<QString> wanted;
    wanted.reserve(selected.size());
    QStringList order;
    order.reserve(selected.size());
    for (QGraphicsItem *item : selected) {
        QString id;
        if (const auto table = qgraphicsitem_cast<TableItem *>(item)) {
            id = table->isDerived() ? OutlineModel::junctionId(table->tableName())
                                    : table->entityId().toString();
        } else if (const auto edge = qgraphicsitem_cast<AssociationItem *>(item)) {
            id = edge->associationId().toString();
        }
        if (!id.isEmpty() && !wanted.contains(id)) {
            wanted.insert(id);
            order << id;
        }
    }
    // The outline already shows this (an attribute row stands for its model's box): keep it.
    const QModelIndexList rows = m_tree->selectionModel()->selectedRows(OutlineModel::NameColumn);
    QSet<QString> shown;
    shown.reserve(rows.size());
    for (const QModelIndex &index : rows)
        shown.insert(m_model->canvasIdAt(m_proxy->mapToSource(index)));
    if (shown == wanted)
        return;

    // Rows in runs, one range per run: QItemSelectionModel compares its ranges pairwise, so
    // the rows of Select All one by one (28,750 at XL) took it 20 s; as runs they are three.
    QHash<QModelIndex, QList<int>> rowsByParent;
    QModelIndex first;
    for (const QString &id : std::as_const(order)) {
        const QModelIndex index = m_proxy->mapFromSource(m_model->indexForId(id));
        if (!index.isValid())
            continue;
        if (!first.isValid())
            first = index;
        rowsByParent[index.parent()].append(index.row());
    }
    QItemSelection selection;
    for (auto it = rowsByParent.begin(); it != rowsByParent.end(); ++it) {
        QList<int> &rows = it.value();
        std::sort(rows.begin(), rows.end());
        for (qsizetype i = 0; i < rows.size();) {
            qsizetype end = i + 1;
            while (end < rows.size() && rows.at(end) <= rows.at(end - 1) + 1)
                ++end;
            selection.append(QItemSelectionRange(
                m_proxy->index(rows.at(i), OutlineModel::NameColumn, it.key()),
                m_proxy->index(rows.at(end - 1), OutlineModel::DetailColumn, it.key())));
            i = end;
        }
    }
    m_syncing = true;
    m_tree->selectionModel()->select(
        selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (first.isValid()) {
        m_tree->selectionModel()->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
        m_tree->scrollTo(first);
    }
    m_syncing = false;
}

void OutlinePanel::centreOn(const QModelIndex &index)
{
    if (QGraphicsItem *item = itemFor(canvasIdOf(index)); item && m_view)
        m_view->centerOn(item);
}

} // namespace Junction
