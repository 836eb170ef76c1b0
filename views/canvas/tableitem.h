// SPDX-License-Identifier: MIT
#pragma once

#include "ids.h"
#include "itemtypes.h"

#include <QFont>
#include <QGraphicsItem>
#include <QList>
#include <QSet>
#include <QString>

namespace Junction {

class AssociationItem;
struct ResolvedSchema;
struct ResolvedTable;

// One resolved table as a box: a header with the model (or junction table) name and a row
// per column with its type. Painted in one paint() (no child text items: they are far too
// slow to build at 10,000 tables). Columns that resolution adds (id, timestamps, FK columns)
// are greyed and name the association that made them. It only shows: moves are turned
// into commands by the scene.
class TableItem : public QGraphicsItem
{
public:
    enum { Type = TableItemType };

    struct Row
    {
        QString tag; // "PK", "FK", "PK FK" or empty
        QString name;
        QString type;
        QString note; // why a generated column exists: "implicit", "timestamps", "User.Pictures"
        bool generated = false;

        friend bool operator==(const Row &a, const Row &b)
        {
            return a.tag == b.tag && a.name == b.name && a.type == b.type && a.note == b.note
                && a.generated == b.generated;
        }
    };

    struct Content
    {
        QString title; // the model name, or the junction table's name
        QString subtitle; // the table name when it differs, "junction table" for a derived one
        QList<Row> rows;
        bool inCycle = false; // on a dependency cycle: drawn in the error colour

        friend bool operator==(const Content &a, const Content &b)
        {
            return a.title == b.title && a.subtitle == b.subtitle && a.rows == b.rows
                && a.inCycle == b.inCycle;
        }
    };

    // A derived (created junction) table is drawn distinctly and cannot be dragged: its
    // place follows the two models it joins.
    TableItem(const EntityId &entity, const QString &tableName);

    static Content contentOf(const ResolvedTable &table, const ResolvedSchema &schema,
                             bool inCycle = false);

    EntityId entityId() const { return m_entity; }
    QString tableName() const { return m_tableName; }
    // A model's table follows its renames: Browse Data, the sync markers and the outline
    // find the box by it.
    void setTableName(const QString &tableName) { m_tableName = tableName; }
    // A junction table: the area its place was searched in (every candidate with its
    // margin). Only a box that comes, goes or changes there can move it (SceneUpdater).
    void setPlaceSearched(const QRectF &area) { m_placeSearched = area; }
    QRectF placeSearched() const { return m_placeSearched; }
    bool isDerived() const { return m_entity.isNull(); }

    const Content &content() const { return m_content; }
    // Returns false (and changes nothing) when the content is the same.
    bool setContent(const Content &content);
    QSizeF size() const { return m_size; }

    // Differs from the database last synced (SyncStatus): an amber badge on the header and
    // a bar beside each differing column. Apart from Content: it comes from the database,
    // not from the document.
    void setSyncDifference(bool differs, const QSet<QString> &columns = {});
    bool differsFromDatabase() const { return m_differs; }
    const QSet<QString> &differingColumns() const { return m_differingColumns; }

    // The edges that end here, re-routed when the box moves or resizes.
    void addEdge(AssociationItem *edge) { m_edges.append(edge); }
    void removeEdge(AssociationItem *edge) { m_edges.removeOne(edge); }
    void clearEdges() { m_edges.clear(); }
    const QList<AssociationItem *> &edges() const { return m_edges; }

    // Below this zoom only the box and its name are drawn.
    static constexpr qreal detailZoom = 0.4;
    // Below this only a filled rectangle: names would be a few pixels high.
    static constexpr qreal outlineZoom = 0.12;

    // Hit-testing for in-place editing, in item coordinates: the header, and the row (an
    // index into content().rows) at `point`, -1 for none.
    QRectF headerRect() const;
    int rowAt(const QPointF &point) const;
    QRectF rowRect(int row) const;

    // Where paint() puts a text, in item coordinates, and the font it uses (at zoom 1): for
    // an editor laid exactly over it. The title's place depends on the zoom (far out it is
    // drawn larger, centred in the box).
    struct TextPlace
    {
        QRectF rect;
        QFont font;
    };
    TextPlace titlePlace(qreal zoom) const;
    TextPlace namePlace(int row) const;
    TextPlace typePlace(int row) const;

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
               QWidget *widget = nullptr) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    void layoutRows();
    void updateEdges();

    EntityId m_entity;
    QString m_tableName;
    QRectF m_placeSearched;
    Content m_content;
    QList<AssociationItem *> m_edges;
    bool m_differs = false;
    QSet<QString> m_differingColumns;

    // Column offsets and size, computed once per content change, not per paint.
    QSizeF m_size;
    qreal m_titleWidth = 0;
    qreal m_headerHeight = 0;
    qreal m_rowHeight = 0;
    qreal m_nameX = 0;
    qreal m_typeX = 0;
    qreal m_noteX = 0;
};

} // namespace Junction
