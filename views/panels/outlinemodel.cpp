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
    // Whatever adds, removes or replaces rows makes the id index stale.
    const auto forgetNodes = [this] { m_nodeById.clear(); };
    connect(this, &QAbstractItemModel::modelAboutToBeReset, this, forgetNodes);
    connect(this, &QAbstractItemModel::modelReset, this, forgetNodes);
    connect(this, &QAbstractItemModel::rowsAboutToBeRemoved, this, forgetNodes);
    connect(this, &QAbstractItemModel::rowsRemoved, this, forgetNodes);
    connect(this, &QAbstractItemModel::rowsInserted, this, forgetNodes);
    connect(this, &QAbstractItemModel::rowsMoved, this, forgetNodes);
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
    // Typing in one model's field must not rebuild 10,000 models: when no model came or went
    // and `define` (every derived table name) stayed, only the models the edit names are
    // looked at again. Associations and junction tables depend on any model (a rename
    // renames their FK columns): the resolve's delta names those that changed; without one,
    // they are all compared.
    const Changes everyModel
        = Change::Everything | Change::EntitiesAdded | Change::EntitiesRemoved | Change::Define;
    // A delta is taken from the resolve announced before: rows compared since against another
    // one (a flush without a delta while edits were being resolved) need the whole comparison.
    const bool inPlace = delta && !delta->everything && !delta->structure && !m_offBase
                         && (changes.changes & everyModel).toInt() == 0;
    m_offBase = !delta && !m_document->isResolveSettled();
    QList<EntityId> entities = changes.entities;
    if (inPlace) {
        for (const EntityId &id : delta->models) {
            if (!entities.contains(id))
                entities.append(id); // its table's name may have changed
        }
    }
    if ((changes.changes & everyModel).toInt() != 0) {
        syncGroup(ModelsGroup, groupSpec(ModelsGroup));
    } else if (!entities.isEmpty()) {
        const ResolvedSchema &schema = m_document->resolved();
        Node *models = m_root->children[ModelsGroup].get();
        for (const EntityId &id : std::as_const(entities)) {
            const Entity *entity = m_document->entity(id);
            const int row = m_document->entityIndex(id);
            if (!entity || row < 0 || row >= int(models->children.size())
                || models->children[size_t(row)]->id != id.toString()) {
                syncGroup(ModelsGroup, groupSpec(ModelsGroup)); // out of step: compare all
                break;
            }
            Spec spec = entitySpec(*entity, schema);
            update(models->children[size_t(row)].get(), spec);
        }
    }
    if (!inPlace || !updateInPlace(*delta, changes)) {
        syncGroup(AssociationsGroup, groupSpec(AssociationsGroup));
        syncGroup(JunctionsGroup, groupSpec(JunctionsGroup));
    }
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

bool OutlineModel::updateInPlace(const ResolvedDelta &delta, const ChangeSet &changes)
{
    const Project &project = m_document->project();
    const ResolvedSchema &schema = m_document->resolved();
    QSet<AssociationId> associations = delta.associations;
    for (const AssociationId &id : changes.associations)
        associations.insert(id); // its source or target may read otherwise
    Node *group = m_root->children[AssociationsGroup].get();
    for (const AssociationId &id : std::as_const(associations)) {
        const int row = m_document->associationIndex(id);
        if (row < 0 || row >= int(group->children.size())
            || group->children[size_t(row)]->id != id.toString()) {
            return false; // out of step: compare all
        }
        Spec spec = associationSpec(project.associations.at(row), schema);
        update(group->children[size_t(row)].get(), spec);
    }
    group = m_root->children[JunctionsGroup].get();
    for (const QString &name : delta.junctions) {
        const ResolvedTable *table = schema.table(name);
        const QString id = junctionId(name);
        const auto node = std::find_if(group->children.cbegin(), group->children.cend(),
                                       [&id](const auto &child) { return child->id == id; });
        if (!table || node == group->children.cend())
            return false;
        Spec spec = junctionSpec(*table, schema);
        update(node->get(), spec);
    }
    return true;
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

void OutlineModel::syncGroup(Group group, Spec spec)
{
    update(m_root->children[size_t(group)].get(), spec);
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
    const QModelIndex parentIndex = parent == m_root.get() ? QModelIndex() : indexOf(parent);
    auto &children = parent->children;

    // Most edits keep every node of a level where it was: compare in place, no bookkeeping.
    bool sameIds = children.size() == wanted.size();
    for (size_t i = 0; sameIds && i < children.size(); ++i)
        sameIds = children[i]->id == wanted[i].id;
    if (sameIds) {
        for (size_t i = 0; i < children.size(); ++i)
            update(children[i].get(), wanted[i]);
        return;
    }

    QSet<QString> wantedIds;
    wantedIds.reserve(qsizetype(wanted.size()));
    for (const Spec &spec : wanted)
        wantedIds.insert(spec.id);
    for (int last = int(children.size()) - 1; last >= 0;) {
        if (wantedIds.contains(children[last]->id)) {
            --last;
            continue;
        }
        int first = last;
        while (first > 0 && !wantedIds.contains(children[first - 1]->id))
            --first;
        beginRemoveRows(parentIndex, first, last);
        children.erase(children.begin() + first, children.begin() + last + 1);
        parent->renumber();
        endRemoveRows();
        last = first - 1;
    }

    QSet<QString> present;
    present.reserve(qsizetype(children.size()));
    for (const auto &child : children)
        present.insert(child->id);
    for (int i = 0; i < int(wanted.size()); ++i) {
        Spec &spec = wanted[size_t(i)];
        if (i >= int(children.size()) || children[size_t(i)]->id != spec.id) {
            int from = -1;
            if (present.contains(spec.id)) {
                for (int j = i + 1; j < int(children.size()); ++j) {
                    if (children[size_t(j)]->id == spec.id) {
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
            } else {
                // A run of new nodes goes in with one notification.
                int end = i + 1;
                while (end < int(wanted.size()) && !present.contains(wanted[size_t(end)].id))
                    ++end;
                beginInsertRows(parentIndex, i, end - 1);
                for (int k = i; k < end; ++k) {
                    children.insert(children.begin() + k, makeNode(wanted[size_t(k)], parent));
                    present.insert(children[size_t(k)]->id);
                }
                parent->renumber();
                endInsertRows();
                i = end - 1;
                continue;
            }
        }
        update(children[size_t(i)].get(), spec);
    }
    // Nodes sharing an id with an earlier one (a broken file) can be left over.
    if (children.size() > wanted.size()) {
        beginRemoveRows(parentIndex, int(wanted.size()), int(children.size()) - 1);
        children.erase(children.begin() + qsizetype(wanted.size()), children.end());
        endRemoveRows();
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

void OutlineModel::indexNodes(const Node *node) const
{
    for (const auto &child : node->children) {
        if (child->kind != Kind::Group && !m_nodeById.contains(child->id))
            m_nodeById.insert(child->id, child.get()); // find()'s answer: the first in order
        indexNodes(child.get());
    }
}

QModelIndex OutlineModel::indexForId(const QString &id, int column) const
{
    if (m_nodeById.isEmpty())
        indexNodes(m_root.get());
    return indexOf(m_nodeById.value(id), column);
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
