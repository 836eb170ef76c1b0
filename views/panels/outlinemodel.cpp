// SPDX-License-Identifier: MIT
#include "outlinemodel.h"

#include "resolvedschema.h"

#include <QFont>
#include <QGuiApplication>
#include <QIcon>
#include <QPainter>
#include <QPalette>
#include <QSet>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <functional>

namespace Junction {

namespace {

const QString junctionPrefix = QStringLiteral("junction:");

QString attributeDetail(const Attribute &attribute)
{
    QStringList parts {attribute.type};
    if (attribute.primaryKey)
        parts << QStringLiteral("PK");
    if (attribute.allowNull == false)
        parts << QStringLiteral("NOT NULL");
    if (attribute.unique || !attribute.uniqueGroup.isEmpty())
        parts << QStringLiteral("UNIQUE");
    return parts.join(QStringLiteral(" · "));
}

} // namespace

struct OutlineModel::Spec
{
    Kind kind = Kind::Group;
    QString id;
    QString name;
    QString detail;
    std::vector<Spec> children;
};

struct OutlineModel::Node
{
    Kind kind = Kind::Group;
    QString id;
    QString name;
    QString detail;
    Node *parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<Node>> children;

    void renumber()
    {
        for (size_t i = 0; i < children.size(); ++i)
            children[i]->row = int(i);
    }
};

OutlineModel::OutlineModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(debounceMsec);
    connect(&m_debounce, &QTimer::timeout, this, &OutlineModel::debounceTimeout);
    // The id index holds the groups' rows (nodes keep their address while they live):
    // rows coming or going there make it stale, an attribute's row does not.
    const auto forgetNodes = [this] { m_nodeById.clear(); };
    const auto forgetNodesUnder = [this](const QModelIndex &parent) {
        if (!parent.isValid() || !parent.parent().isValid())
            m_nodeById.clear();
    };
    connect(this, &QAbstractItemModel::modelAboutToBeReset, this, forgetNodes);
    connect(this, &QAbstractItemModel::modelReset, this, forgetNodes);
    connect(this, &QAbstractItemModel::rowsAboutToBeRemoved, this, forgetNodesUnder);
    connect(this, &QAbstractItemModel::rowsRemoved, this, forgetNodesUnder);
    connect(this, &QAbstractItemModel::rowsInserted, this, forgetNodesUnder);
    connect(this, &QAbstractItemModel::layoutChanged, this, forgetNodes);
    m_fillTimer.setSingleShot(true);
    m_fillTimer.setInterval(0);
    connect(&m_fillTimer, &QTimer::timeout, this, &OutlineModel::fillBatch);
    // The first batch is armed by a timer: one started in the hand-over (a posted event)
    // would fire in that same turn of the event loop and lengthen it.
    m_fillKick.setSingleShot(true);
    m_fillKick.setInterval(0);
    connect(&m_fillKick, &QTimer::timeout, &m_fillTimer, qOverload<>(&QTimer::start));
}

OutlineModel::~OutlineModel() = default;

void OutlineModel::setDocument(Document *document, Fill fill)
{
    if (m_changedConnection)
        disconnect(m_changedConnection);
    if (m_resolvedConnection)
        disconnect(m_resolvedConnection);
    m_document = document;
    if (m_document) {
        m_changedConnection
            = connect(m_document, &Document::changed, this, &OutlineModel::documentChanged);
        // The rows show the resolve (table names, FK columns): they follow it, not the edit
        // (while filling, once full).
        m_resolvedConnection = connect(m_document, &Document::resolvedChanged, this,
                                       &OutlineModel::resolvedChanged);
    }
    rebuild(fill);
}

QString OutlineModel::junctionId(const QString &tableName)
{
    return junctionPrefix + tableName;
}

bool OutlineModel::isJunctionId(const QString &id)
{
    return id.startsWith(junctionPrefix);
}

QString OutlineModel::junctionTableOf(const QString &id)
{
    return isJunctionId(id) ? id.mid(junctionPrefix.size()) : QString();
}

void OutlineModel::rebuild(Fill fill)
{
    m_debounce.stop();
    m_fillTimer.stop();
    m_fillKick.stop();
    m_filling = false;
    m_pending = {};
    m_delta.reset();
    m_offBase = false;
    beginResetModel();
    std::unique_ptr<Node> old = std::exchange(m_root, std::make_unique<Node>());
    if (fill == Fill::InBatches) {
        // The old tree (60,000 nodes after an XL schema) is plain data, its strings shared
        // with atomic counts: freed on a worker, not in this turn of the event loop.
        (void)QtConcurrent::run([old = std::shared_ptr<Node>(std::move(old))]() mutable {
            old.reset();
        });
    }
    if (fill == Fill::AtOnce || !m_document) {
        std::vector<Spec> wanted = specs();
        for (Spec &spec : wanted)
            m_root->children.push_back(makeNode(spec, m_root.get()));
    } else {
        // The groups now, with the counts they will have; their rows a batch at a time.
        const Project &project = m_document->project();
        const ResolvedSchema &schema = m_document->resolved();
        const qsizetype junctions = std::count_if(schema.tables.cbegin(), schema.tables.cend(),
                                                  [](const ResolvedTable &table) {
                                                      return table.isCreatedJunction();
                                                  });
        const qsizetype counts[] = {project.entities.size(), project.associations.size(), junctions};
        for (int group = 0; group < GroupCount; ++group) {
            Spec spec = groupHeader(Group(group));
            spec.detail = QString::number(counts[group]);
            m_root->children.push_back(makeNode(spec, m_root.get()));
        }
        m_filling = true;
        m_fillGroup = 0;
        m_fillNext = 0;
        m_fillKick.start();
    }
    m_root->renumber();
    endResetModel();
}

void OutlineModel::fillBatch()
{
    m_fillClock.start();
    if (fillRest(qint64(batchMsec) * 1000000))
        endFill();
    else
        m_fillTimer.start();
}

bool OutlineModel::fillRest(qint64 deadline)
{
    while (m_fillGroup < GroupCount) {
        if (!fillSome(deadline))
            return false;
        ++m_fillGroup;
        m_fillNext = 0;
    }
    return true;
}

bool OutlineModel::fillSome(qint64 deadline)
{
    const Project &project = m_document->project();
    const ResolvedSchema &schema = m_document->resolved();
    const auto group = Group(m_fillGroup);
    const qsizetype total = group == ModelsGroup         ? project.entities.size()
                            : group == AssociationsGroup ? project.associations.size()
                                                         : schema.tables.size();
    Node *parent = m_root->children[size_t(group)].get();
    std::vector<std::unique_ptr<Node>> batch;
    int count = 0;
    bool timeIsUp = false;
    while (m_fillNext < total) {
        if (deadline >= 0 && ++count % 32 == 0 && m_fillClock.nsecsElapsed() > deadline) {
            timeIsUp = true;
            break;
        }
        const qsizetype next = m_fillNext++;
        Spec spec;
        if (group == ModelsGroup) {
            spec = entitySpec(project.entities.at(next), schema);
        } else if (group == AssociationsGroup) {
            spec = associationSpec(project.associations.at(next), schema);
        } else {
            const ResolvedTable &table = schema.tables.at(next);
            if (!table.isCreatedJunction())
                continue;
            spec = junctionSpec(table, schema);
        }
        batch.push_back(makeNode(spec, parent));
    }
    if (!batch.empty()) {
        // One notification per batch: the proxy and the tree take it in one go.
        const int first = int(parent->children.size());
        beginInsertRows(indexOf(parent), first, first + int(batch.size()) - 1);
        for (auto &node : batch) {
            node->row = int(parent->children.size());
            parent->children.push_back(std::move(node));
        }
        endInsertRows();
    }
    return !timeIsUp;
}

void OutlineModel::endFill()
{
    m_filling = false;
    m_fillTimer.stop();
    m_fillKick.stop();
    // Edits made meanwhile: compared once the tree is full (the rows made after an edit
    // show it already; documentChanged() kept what to look at again).
    if (hasPendingChanges())
        m_debounce.start();
    emit filled();
    emit synced();
}

void OutlineModel::debounceTimeout()
{
    if (!m_filling) // else endFill() starts it again
        flushChanges();
}

void OutlineModel::documentChanged(const ChangeSet &changes)
{
    // Positions and bends are not shown here.
    if (!changes.changes.testFlag(Change::Everything) && !changes.affectsSchema())
        return;
    m_pending.changes |= changes.changes;
    for (const EntityId &id : changes.entities) {
        if (!m_pending.entities.contains(id))
            m_pending.entities.append(id);
    }
    // Flushed on Document::resolvedChanged, which follows every schema edit (debounced,
    // resolved on a worker thread): flushing earlier would resolve on the UI thread.
}

void OutlineModel::flushChanges()
{
    if (m_filling && fillRest(-1))
        endFill();
    m_debounce.stop();
    const ChangeSet changes = std::exchange(m_pending, ChangeSet());
    const std::optional<ResolvedDelta> delta = std::exchange(m_delta, std::nullopt);
    if (!m_document || changes.changes.toInt() == 0)
        return;
    // A burst of edits on a 10,000-model schema must not rebuild 40,000 rows: each group's
    // rows are matched by id (cheap), and only rows that came, and those the edits or the
    // resolve's delta name, are built and compared. Without a delta (or after replacing the
    // project, or a `define` edit, which renames every derived table) every row is compared.
    // A delta is taken from the resolve announced before: rows compared since against
    // another one (a flush without a delta while edits were being resolved) need the whole
    // comparison too.
    const Changes everyRow = Change::Everything | Change::Define;
    const bool all = !delta || delta->everything || m_offBase
                     || (changes.changes & everyRow).toInt() != 0;
    m_offBase = !delta && !m_document->isResolveSettled();
    if (all) {
        syncRows(ModelsGroup, nullptr);
        syncRows(AssociationsGroup, nullptr);
        syncRows(JunctionsGroup, nullptr);
        emit synced();
        return;
    }
    QSet<QString> models;
    for (const EntityId &id : changes.entities)
        models.insert(id.toString());
    for (const EntityId &id : delta->models)
        models.insert(id.toString()); // its table's name may have changed
    syncRows(ModelsGroup, &models);

    // An association's row reads its source and target (the edit names it when a rename
    // rewrote them) and its resolve (the delta names it when that changed).
    QSet<QString> associations;
    for (const AssociationId &id : changes.associations)
        associations.insert(id.toString());
    for (const AssociationId &id : delta->associations)
        associations.insert(id.toString());
    syncRows(AssociationsGroup, &associations);

    // A junction table's row reads its belongsToMany's models, too.
    const ResolvedSchema &schema = m_document->resolved();
    QSet<QString> junctions;
    for (const QString &name : delta->junctions)
        junctions.insert(junctionId(name));
    for (const QString &id : std::as_const(associations)) {
        const ResolvedAssociation *association = schema.association(AssociationId(id));
        if (association && !association->throughTable.isEmpty())
            junctions.insert(junctionId(association->throughTable));
    }
    syncRows(JunctionsGroup, &junctions);
    emit synced();
}

void OutlineModel::resolvedChanged(const ResolvedDelta &delta)
{
    if (!m_delta) {
        m_delta = delta;
    } else {
        // Several resolves before a flush (the outline was filling): what any of them named.
        m_delta->everything = m_delta->everything || delta.everything;
        m_delta->structure = m_delta->structure || delta.structure;
        m_delta->models.unite(delta.models);
        m_delta->junctions.unite(delta.junctions);
        m_delta->associations.unite(delta.associations);
    }
    debounceTimeout();
}

void OutlineModel::syncRows(Group group, const QSet<QString> *compare)
{
    const Project &project = m_document->project();
    const ResolvedSchema &schema = m_document->resolved();
    Node *node = m_root->children[size_t(group)].get();
    QStringList ids;
    std::function<Spec(int)> specAt;
    std::vector<const ResolvedTable *> junctionTables;
    switch (group) {
    case ModelsGroup:
        ids.reserve(project.entities.size());
        for (const Entity &entity : project.entities)
            ids.append(entity.id.toString());
        specAt = [&](int i) { return entitySpec(project.entities.at(i), schema); };
        break;
    case AssociationsGroup:
        ids.reserve(project.associations.size());
        for (const Association &association : project.associations)
            ids.append(association.id.toString());
        specAt = [&](int i) { return associationSpec(project.associations.at(i), schema); };
        break;
    default:
        for (const ResolvedTable &table : schema.tables) {
            if (table.isCreatedJunction()) {
                ids.append(junctionId(table.name));
                junctionTables.push_back(&table);
            }
        }
        specAt = [&](int i) { return junctionSpec(*junctionTables[size_t(i)], schema); };
        break;
    }
    syncChildren(node, ids, specAt, compare);
    // The group's row shows the count.
    const QString count = QString::number(node->children.size());
    if (node->detail != count) {
        node->detail = count;
        emit dataChanged(indexOf(node, NameColumn), indexOf(node, DetailColumn));
    }
}

std::vector<OutlineModel::Spec> OutlineModel::specs() const
{
    std::vector<Spec> groups;
    for (int group = 0; group < GroupCount; ++group)
        groups.push_back(groupSpec(Group(group)));
    return groups;
}

OutlineModel::Spec OutlineModel::entitySpec(const Entity &entity,
                                            const ResolvedSchema &schema) const
{
    Spec node {Kind::Entity, entity.id.toString(), entity.name, {}, {}};
    if (const ResolvedTable *table = schema.tableForEntity(entity.name))
        node.detail = table->name;
    node.children.reserve(entity.attributes.size());
    for (const Attribute &attribute : entity.attributes) {
        node.children.push_back({Kind::Attribute,
                                 attribute.id.toString(),
                                 attribute.name,
                                 attributeDetail(attribute),
                                 {}});
    }
    return node;
}

OutlineModel::Spec OutlineModel::groupHeader(Group group) const
{
    static const char *const ids[] = {"group:models", "group:associations", "group:junctions"};
    Spec spec {Kind::Group, QString::fromLatin1(ids[group]), {}, {}, {}};
    switch (group) {
    case ModelsGroup:
        spec.name = tr("Models");
        break;
    case AssociationsGroup:
        spec.name = tr("Associations");
        break;
    default:
        spec.name = tr("Junction tables");
        break;
    }
    return spec;
}

OutlineModel::Spec OutlineModel::associationSpec(const Association &association,
                                                 const ResolvedSchema &schema) const
{
    Spec node {Kind::Association,
               association.id.toString(),
               association.source + u'.' + associationTypeName(association.type) + u'('
                   + association.target + u')',
               {},
               {}};
    if (const ResolvedAssociation *resolved = schema.association(association.id)) {
        QString detail;
        auto add = [&detail](const QString &part) {
            if (!detail.isEmpty())
                detail += QStringLiteral(" · ");
            detail += part;
        };
        if (resolved->isAliased)
            add(tr("as %1").arg(resolved->as));
        if (!resolved->foreignKeyColumn.isEmpty())
            add(tr("FK %1").arg(resolved->foreignKeyColumn));
        if (!resolved->throughTable.isEmpty())
            add(tr("through %1").arg(resolved->throughTable));
        node.detail = detail;
    }
    return node;
}

OutlineModel::Spec OutlineModel::junctionSpec(const ResolvedTable &table,
                                              const ResolvedSchema &schema) const
{
    Spec node {Kind::Junction, junctionId(table.name), table.name, {}, {}};
    if (const ResolvedAssociation *association = schema.association(table.junctionOf))
        node.detail = association->source + QStringLiteral(" ↔ ") + association->target;
    node.children.reserve(table.columns.size());
    for (const ResolvedColumn &column : table.columns) {
        node.children.push_back({Kind::JunctionColumn,
                                 node.id + u'/' + column.name,
                                 column.name,
                                 column.type.toString(),
                                 {}});
    }
    return node;
}

OutlineModel::Spec OutlineModel::groupSpec(Group group) const
{
    Spec spec = groupHeader(group);
    if (!m_document)
        return spec;
    const Project &project = m_document->project();
    const ResolvedSchema &schema = m_document->resolved();

    if (group == ModelsGroup) {
        spec.children.reserve(project.entities.size());
        for (const Entity &entity : project.entities)
            spec.children.push_back(entitySpec(entity, schema));
    } else if (group == AssociationsGroup) {
        spec.children.reserve(project.associations.size());
        for (const Association &association : project.associations)
            spec.children.push_back(associationSpec(association, schema));
    } else {
        for (const ResolvedTable &table : schema.tables) {
            if (table.isCreatedJunction())
                spec.children.push_back(junctionSpec(table, schema));
        }
    }
    spec.detail = QString::number(spec.children.size());
    return spec;
}

std::unique_ptr<OutlineModel::Node> OutlineModel::makeNode(Spec &spec, Node *parent)
{
    auto node = std::make_unique<Node>();
    node->kind = spec.kind;
    node->id = std::move(spec.id);
    node->name = std::move(spec.name);
    node->detail = std::move(spec.detail);
    node->parent = parent;
    node->children.reserve(spec.children.size());
    for (Spec &child : spec.children)
        node->children.push_back(makeNode(child, node.get()));
    node->renumber();
    return node;
}

// Brings parent's children to `wanted`, matched by id: first the removals (in runs), then a
// walk that keeps, moves or inserts (new ones in runs) each wanted node at its place, and
// updates what a kept node shows. Row numbers are kept current after each step, because
// index() and parent() read them while a view reacts to the notification.
void OutlineModel::sync(Node *parent, std::vector<Spec> &wanted)
{
    QStringList ids;
    ids.reserve(qsizetype(wanted.size()));
    for (const Spec &spec : wanted)
        ids.append(spec.id);
    syncChildren(
        parent, ids, [&wanted](int i) { return std::move(wanted[size_t(i)]); }, nullptr);
}

// sync() by ids: the spec of the i-th wanted node is made only for a node that comes and
// for a kept one that `compare` names (every one when null).
void OutlineModel::syncChildren(Node *parent, const QStringList &ids,
                                const std::function<Spec(int)> &specAt,
                                const QSet<QString> *compare)
{
    const QModelIndex parentIndex = parent == m_root.get() ? QModelIndex() : indexOf(parent);
    auto &children = parent->children;
    const int wantedCount = int(ids.size());

    // Only the window between the longest common start and end can differ: an edit adds or
    // removes a few rows among thousands, and hashing all their ids (below) costs more than
    // the rest of the edit at XL.
    const int common = std::min(int(children.size()), wantedCount);
    int first = 0;
    while (first < common && children[size_t(first)]->id == ids.at(first))
        ++first;
    int tail = 0;
    while (tail < common - first
           && children[children.size() - 1 - size_t(tail)]->id == ids.at(wantedCount - 1 - tail))
        ++tail;
    const int wantedEnd = wantedCount - tail; // the window is [first, wantedEnd) of ids
    QSet<int> made; // rows of nodes made here: they show their spec already
    if (first < wantedEnd || int(children.size()) - tail > first) {
        QSet<QString> wantedIds;
        wantedIds.reserve(wantedEnd - first);
        for (int i = first; i < wantedEnd; ++i)
            wantedIds.insert(ids.at(i));
        for (int last = int(children.size()) - tail - 1; last >= first;) {
            if (wantedIds.contains(children[size_t(last)]->id)) {
                --last;
                continue;
            }
            int from = last;
            while (from > first && !wantedIds.contains(children[size_t(from) - 1]->id))
                --from;
            beginRemoveRows(parentIndex, from, last);
            children.erase(children.begin() + from, children.begin() + last + 1);
            parent->renumber();
            endRemoveRows();
            last = from - 1;
        }

        const int childrenEnd = int(children.size()) - tail;
        QSet<QString> present;
        present.reserve(childrenEnd - first);
        for (int i = first; i < childrenEnd; ++i)
            present.insert(children[size_t(i)]->id);
        for (int i = first; i < wantedEnd; ++i) {
            const QString &id = ids.at(i);
            if (i < int(children.size()) - tail && children[size_t(i)]->id == id)
                continue;
            int from = -1;
            if (present.contains(id)) {
                for (int j = i + 1; j < int(children.size()) - tail; ++j) {
                    if (children[size_t(j)]->id == id) {
                        from = j;
                        break;
                    }
                }
            }
            if (from >= 0) {
                beginMoveRows(parentIndex, from, from, parentIndex, i);
                auto node = std::move(children[size_t(from)]);
                children.erase(children.begin() + from);
                children.insert(children.begin() + i, std::move(node));
                parent->renumber();
                endMoveRows();
                continue;
            }
            // A run of new nodes goes in with one notification.
            int end = i + 1;
            while (end < wantedEnd && !present.contains(ids.at(end)))
                ++end;
            std::vector<std::unique_ptr<Node>> nodes;
            nodes.reserve(size_t(end - i));
            for (int k = i; k < end; ++k) {
                Spec spec = specAt(k);
                nodes.push_back(makeNode(spec, parent));
                made.insert(k);
            }
            beginInsertRows(parentIndex, i, end - 1);
            children.insert(children.begin() + i, std::make_move_iterator(nodes.begin()),
                            std::make_move_iterator(nodes.end()));
            parent->renumber();
            endInsertRows();
            i = end - 1;
        }
        // Nodes sharing an id with an earlier one (a broken file) can be left over at the
        // window's end.
        const int extra = int(children.size()) - wantedCount;
        if (extra > 0) {
            beginRemoveRows(parentIndex, wantedEnd, wantedEnd + extra - 1);
            children.erase(children.begin() + wantedEnd, children.begin() + wantedEnd + extra);
            parent->renumber();
            endRemoveRows();
        }
    }

    // What the kept (and new) nodes show: those `compare` names.
    if (compare && compare->isEmpty())
        return;
    qsizetype found = 0;
    for (int i = 0; i < wantedCount; ++i) {
        if (compare && !compare->contains(ids.at(i)))
            continue;
        if (!made.contains(i)) {
            Spec spec = specAt(i);
            update(children[size_t(i)].get(), spec);
        }
        if (compare && ++found == compare->size())
            break;
    }
}

// A kept node: what it shows, then its children.
void OutlineModel::update(Node *node, Spec &spec)
{
    if (node->name != spec.name || node->detail != spec.detail || node->kind != spec.kind) {
        node->name = std::move(spec.name);
        node->detail = std::move(spec.detail);
        node->kind = spec.kind;
        emit dataChanged(indexOf(node, NameColumn), indexOf(node, DetailColumn));
    }
    sync(node, spec.children);
}

QModelIndex OutlineModel::indexOf(const Node *node, int column) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row, column, const_cast<Node *>(node));
}

OutlineModel::Node *OutlineModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

const OutlineModel::Node *OutlineModel::find(const Node *node, const QString &id) const
{
    for (const auto &child : node->children) {
        if (child->kind != Kind::Group && child->id == id)
            return child.get();
        if (const Node *found = find(child.get(), id))
            return found;
    }
    return nullptr;
}

void OutlineModel::indexNodes() const
{
    qsizetype count = 0;
    for (const auto &group : m_root->children)
        count += qsizetype(group->children.size());
    m_nodeById.reserve(count);
    for (const auto &group : m_root->children) {
        for (const auto &child : group->children) {
            if (!m_nodeById.contains(child->id))
                m_nodeById.insert(child->id, child.get()); // find()'s answer: the first in order
        }
    }
}

QModelIndex OutlineModel::indexForId(const QString &id, int column) const
{
    // Models, associations and junction tables (what the canvas selects, thousands at once
    // after Select All) through the index of the groups' rows; indexing every attribute
    // too (145,000 nodes at XL, again after each edit) cost ~100 ms per selection change.
    if (m_nodeById.isEmpty())
        indexNodes();
    if (const Node *node = m_nodeById.value(id))
        return indexOf(node, column);
    return indexOf(find(m_root.get(), id), column); // attributes and junction columns
}

QString OutlineModel::canvasIdAt(const QModelIndex &index) const
{
    if (!index.isValid())
        return {};
    const Node *node = nodeOf(index);
    if (node->kind == Kind::Attribute || node->kind == Kind::JunctionColumn)
        node = node->parent;
    return node->kind == Kind::Group ? QString() : node->id;
}

QModelIndex OutlineModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column, nodeOf(parent)->children[size_t(row)].get());
}

QModelIndex OutlineModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOf(nodeOf(child)->parent);
}

int OutlineModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int OutlineModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

namespace {

// An amber dot: "differs from the database", the colour of the canvas badge.
QIcon differsIcon()
{
    static const QIcon icon = [] {
        QPixmap pixmap(12, 12);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0xe0, 0x8a, 0x00));
        painter.drawEllipse(QRectF(2, 2, 8, 8));
        return QIcon(pixmap);
    }();
    return icon;
}

} // namespace

QVariant OutlineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *node = nodeOf(index);
    const bool derived = node->kind == Kind::Junction || node->kind == Kind::JunctionColumn;
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == NameColumn ? node->name : node->detail;
    case Qt::DecorationRole:
        if (index.column() == NameColumn && node->kind != Kind::Group
            && m_differences.contains(node->id))
            return differsIcon();
        return {};
    case DiffersRole:
        return node->kind != Kind::Group && m_differences.contains(node->id);
    case Qt::ToolTipRole:
        if (node->kind != Kind::Group && m_differences.contains(node->id))
            return QString((node->detail.isEmpty() ? node->name : node->name + u'\n' + node->detail)
                           + u'\n' + tr("Differs from %1").arg(m_differencesDatabase));
        return node->detail.isEmpty() ? node->name : node->name + u'\n' + node->detail;
    case Qt::FontRole:
        if (node->kind == Kind::Group || derived) {
            QFont font = QGuiApplication::font();
            font.setBold(node->kind == Kind::Group);
            font.setItalic(derived);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        if (derived || index.column() == DetailColumn)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case IdRole:
        return node->kind == Kind::Group ? QString() : node->id;
    case KindRole:
        return int(node->kind);
    case GeneratedRole:
        return derived;
    default:
        return {};
    }
}

void OutlineModel::setDifferences(const QSet<QString> &ids, const QString &database)
{
    const QSet<QString> touched = (m_differences - ids) + (ids - m_differences);
    m_differences = ids;
    m_differencesDatabase = database;
    for (const QString &id : touched) {
        if (const Node *node = find(m_root.get(), id)) {
            const QModelIndex index = indexOf(node, NameColumn);
            emit dataChanged(index, index, {Qt::DecorationRole, Qt::ToolTipRole, DiffersRole});
        }
    }
}

QVariant OutlineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == NameColumn ? tr("Name") : tr("Details");
}

} // namespace Junction
