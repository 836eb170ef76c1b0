// SPDX-License-Identifier: MIT
#pragma once

#include "change.h"
#include "document.h"

#include <QAbstractItemModel>
#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <functional>
#include <memory>
#include <vector>

namespace Junction {

// The outline's tree: three groups, "Models" (each model, its declared attributes below it),
// "Associations" (in file order, as Sequelize runs them) and "Junction tables" (the tables
// belongsToMany creates, derived, with their columns). Two columns: name and detail (type,
// table name, alias and FK).
//
// It follows Document::changed by bringing the tree to the new state with the smallest
// notifications it can find per level (remove, move, insert, dataChanged), never a reset,
// so a view keeps its expansion, selection and scroll position across edits and undo. The
// changes of a burst of edits (typing) are gathered and applied when the document announces
// their resolve (Document::resolvedChanged, debounced after the last one): on a 10,000-model
// schema comparing the tree costs as much as a keystroke may.
//
// A document just opened can be filled in batches: the groups at once, their rows appended
// a few hundred at a time, each batch one turn of the event loop (building the 40,000 rows of
// an XL schema at once blocks the UI thread for 100-200 ms). Edits meanwhile are applied
// once it is full.
class OutlineModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum class Kind { Group, Entity, Attribute, Association, Junction, JunctionColumn };
    enum Role {
        IdRole = Qt::UserRole + 1, // the element id (model, attribute, association), or
                                   // junctionId() of a junction table
        KindRole,
        GeneratedRole, // derived nodes (junction tables and their columns)
        DiffersRole, // the element differs from the database last synced (SyncStatus)
    };
    enum Column { NameColumn, DetailColumn, ColumnCount };

    explicit OutlineModel(QObject *parent = nullptr);
    ~OutlineModel() override;

    enum class Fill { AtOnce, InBatches };
    void setDocument(Document *document, Fill fill = Fill::AtOnce);
    bool isFilling() const { return m_filling; }
    // Applies the gathered changes now (the debounce timer does it otherwise), filling the
    // rest first.
    void flushChanges();
    bool hasPendingChanges() const { return m_pending.changes.toInt() != 0; }
    static constexpr int debounceMsec = 150;
    static constexpr int batchMsec = 8;

    // Junction tables have no id in the project; the outline names them by table.
    static QString junctionId(const QString &tableName);
    static bool isJunctionId(const QString &id);
    static QString junctionTableOf(const QString &id);

    // Models and attributes that differ from the database last synced: an amber dot and a
    // tool tip say so.
    void setDifferences(const QSet<QString> &ids, const QString &database);
    bool differs(const QString &id) const { return m_differences.contains(id); }

    // The node with this element id (first match, groups excluded), or an invalid index.
    QModelIndex indexForId(const QString &id, int column = NameColumn) const;
    // The id of what the canvas shows for a row: the row's own, or for an attribute or a
    // junction table's column its table's (without going through data() and QVariant).
    QString canvasIdAt(const QModelIndex &index) const;

signals:
    // The tree caught up with the document (after flushChanges()).
    void synced();
    // Filling in batches is done (synced() follows).
    void filled();

public:
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Node;
    struct Spec; // what a node should be: built from the project, then synced into Nodes

    void rebuild(Fill fill);
    void fillBatch();
    // Fills until `deadline` (ns on m_fillClock; -1: no limit); true when the tree is full.
    bool fillRest(qint64 deadline);
    // Appends the next rows of the group being filled, until the deadline; true when that
    // group is full.
    bool fillSome(qint64 deadline);
    void endFill();
    void debounceTimeout();
    void documentChanged(const ChangeSet &changes);
    void resolvedChanged(const ResolvedDelta &delta);
    enum Group { ModelsGroup, AssociationsGroup, JunctionsGroup, GroupCount };
    // Brings a group's rows to the document by id; builds and compares only the rows that
    // come and those `compare` names (all when null).
    void syncRows(Group group, const QSet<QString> *compare);
    std::vector<Spec> specs() const;
    Spec groupHeader(Group group) const;
    Spec groupSpec(Group group) const;
    Spec entitySpec(const Entity &entity, const ResolvedSchema &schema) const;
    Spec associationSpec(const Association &association, const ResolvedSchema &schema) const;
    Spec junctionSpec(const ResolvedTable &table, const ResolvedSchema &schema) const;
    void sync(Node *parent, std::vector<Spec> &wanted);
    void syncChildren(Node *parent, const QStringList &ids, const std::function<Spec(int)> &specAt,
                      const QSet<QString> *compare);
    void update(Node *node, Spec &spec);
    std::unique_ptr<Node> makeNode(Spec &spec, Node *parent);
    QModelIndex indexOf(const Node *node, int column = 0) const;
    Node *nodeOf(const QModelIndex &index) const;
    const Node *find(const Node *node, const QString &id) const;
    void indexNodes() const;

    QPointer<Document> m_document;
    QMetaObject::Connection m_changedConnection;
    QMetaObject::Connection m_resolvedConnection;
    std::unique_ptr<Node> m_root;
    // The groups' rows by id, made when first asked after they changed: a canvas selection
    // of thousands of items looks each of them up.
    mutable QHash<QString, const Node *> m_nodeById;
    QSet<QString> m_differences;
    QString m_differencesDatabase;
    ChangeSet m_pending; // what the edits since the last flush touched
    std::optional<ResolvedDelta> m_delta; // what their resolves changed, when announced
    bool m_offBase = false; // the rows show a resolve other than the one last announced
    QTimer m_debounce;
    // Filling in batches: the group and the next element of it (entity, association, table).
    bool m_filling = false;
    int m_fillGroup = 0;
    qsizetype m_fillNext = 0;
    QTimer m_fillTimer;
    QTimer m_fillKick;
    QElapsedTimer m_fillClock;
};

} // namespace Junction
