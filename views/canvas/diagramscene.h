// SPDX-License-Identifier: MIT
#pragma once

#include "autolayout.h"
#include "change.h"
#include "document.h"
#include "ids.h"
#include "sceneupdater.h"

#include <QGraphicsScene>
#include <QHash>
#include <QPointer>

namespace Junction {

class AssociationItem;
class Occupancy;
class SceneBuilder;

class TableItem;

// The canvas follows a Document: a TableItem per resolved table (models, and the junction
// tables resolution creates) and an AssociationItem per association, kept in hashes by id.
// Moves follow Document::changed at once, and so do gestures that add or remove models or
// associations; a value edit (typing) at once renames the boxes it names (cheap, from the
// project) and the rest follows Document::resolvedChanged, which comes
// after the resolve ran on a worker thread: only the items its ResolvedDelta names are
// updated, so typing on a 10,000-model schema never waits for the canvas. A finished
// drag becomes one moveEntities() command; items never write to the document.
class DiagramScene : public QGraphicsScene
{
    Q_OBJECT

public:
    explicit DiagramScene(QObject *parent = nullptr);
    ~DiagramScene() override;

    // InSlices: the items are built a slice at a time on the event loop (SceneBuilder), so
    // that opening a large file does not block the UI thread; the scene is complete when
    // isBuilding() turns false, and diagramChanged() is emitted then. The previous
    // document's items are hidden at once and deleted in slices too.
    enum class Build { AtOnce, InSlices };
    void setDocument(Document *document, Build build = Build::AtOnce);
    Document *document() const { return m_document; }
    bool isBuilding() const;
    // Builds the rest now (for what needs the whole scene at once).
    void finishBuilding();
    SceneBuilder *builder() const { return m_builder; }

    TableItem *tableItem(const EntityId &id) const { return m_tables.value(id); }
    TableItem *junctionItem(const QString &tableName) const { return m_junctions.value(tableName); }
    AssociationItem *associationItem(const AssociationId &id) const
    {
        return m_associations.value(id);
    }
    QList<TableItem *> tableItems() const;
    QList<AssociationItem *> associationItems() const { return m_associations.values(); }

    // Draws the two sides of one relationship (a hasMany or hasOne and the belongsTo back over
    // the same foreign key column) as one edge with both names; off, each side is an edge.
    void setMergeRelationshipSides(bool merge);
    bool mergesRelationshipSides() const { return m_mergeSides; }
    // The association whose edge shows this one: itself, or its merged partner.
    AssociationId shownAs(const AssociationId &id) const { return m_mergedInto.value(id, id); }

    // The bounding rect of the boxes and edges, like itemsBoundingRect() but without asking
    // the index (which sorts every item).
    QRectF contentsRect() const;

    // The canvas's own box sizes for the layout commands (the estimate for unknown models).
    BoxSizeFunction boxSizeFunction() const;

    // Selects the items of these model, attribute (its model's box) and association ids
    // (others are ignored) and returns the first, to centre on; nullptr when none is shown.
    QGraphicsItem *selectElements(const QStringList &ids);

    // Tables that differ from the database last synced, with their differing columns (an
    // empty set: the table as a whole); the boxes are marked (SyncStatus computes this).
    void setSyncDifferences(const QHash<QString, QSet<QString>> &tables);

signals:
    // The diagram's items changed (another document, or one that was edited); for views
    // that summarise it, like the minimap.
    void diagramChanged();

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;

private:
    friend class SceneBuilder;
    friend class SceneUpdater;

    void documentChanged(const ChangeSet &changes);
    void resolvedChanged(const ResolvedDelta &delta);
    void startBuilder();
    void clearItems();
    void discardItems();
    void syncSchema();
    static void findCycle(const ResolvedSchema &schema, QSet<QString> *associations,
                          QSet<QString> *tables);
    TableItem *newTableItem(const ResolvedTable &table);
    void showTable(TableItem *item, const ResolvedTable &table, const ResolvedSchema &schema,
                   bool inCycle);
    // The edge of this association (the one it has, or a new one) showing what it is now.
    AssociationItem *showAssociation(const ResolvedAssociation &association,
                                     const ResolvedAssociation *partner, bool inCycle);
    void placeModels(const QList<EntityId> &ids);
    // Each hasMany/hasOne and belongsTo that are the two sides of one relationship, both ways.
    static QHash<AssociationId, const ResolvedAssociation *>
    relationshipPartners(const ResolvedSchema &schema, const QSet<QString> &inCycle);
    // The junction tables with the two boxes each joins (the boxes by table name), in table
    // order: what placeJunctions() places.
    // The table an association's edge ends at: its target's, or for a belongsToMany its
    // junction table (which then links to the target).
    static const QString &edgeTargetTable(const ResolvedAssociation &association);
    void findJunctionPlaces(const ResolvedSchema &schema,
                            const QHash<QString, TableItem *> &byTableName);
    void placeJunctions();
    struct JunctionPlace;
    QPointF junctionWanted(const JunctionPlace &place) const;
    void placeJunction(const JunctionPlace &place, Occupancy &occupied);
    void growSceneRect();

    static constexpr int bspDepth = 8;
    // More models and associations than this coming in one edit are built in slices.
    static constexpr int manyItemsComeAbove = 500;

    QPointer<Document> m_document;
    SceneBuilder *m_builder;
    QMetaObject::Connection m_changedConnection;
    QMetaObject::Connection m_resolvedConnection;
    quint64 m_syncedGeneration = 0; // the Document::schemaGeneration() the items show
    // The items show a resolve other than the one last announced (synced at once since).
    bool m_offBase = false;
    // Edits shown item by item, from a resolve's delta or at once (SceneUpdater).
    SceneUpdater m_updater;

    QHash<EntityId, TableItem *> m_tables;
    QHash<QString, TableItem *> m_junctions; // created junction tables by table name
    QHash<AssociationId, AssociationItem *> m_associations;
    bool m_mergeSides = false;
    QHash<AssociationId, AssociationId> m_mergedInto; // belongsTo -> its drawn partner
    // Each junction table with the two models it sits between, in schema order so that
    // placing them is deterministic.
    struct JunctionPlace
    {
        TableItem *junction;
        TableItem *first;
        TableItem *second;
    };
    QList<JunctionPlace> m_junctionPlaces;
    QHash<QString, QSet<QString>> m_syncDifferences;
    // Positions of the dragged models at press, to push one command on release.
    QHash<EntityId, QPointF> m_pressPositions;
    QRectF m_grownRect; // the scene rect: the contents' bounds since the document was set
};

} // namespace Junction
