// SPDX-License-Identifier: MIT
#include "projectedit.h"

#include <QSet>

namespace Junction {

namespace {

// One pass: drops the elements at `placed` indexes (ascending, into `list`).
template<typename T>
void removeAll(QList<T> &list, const QList<Placed<T>> &placed)
{
    if (placed.isEmpty())
        return;
    QList<T> kept;
    kept.reserve(list.size() - placed.size());
    qsizetype next = 0;
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (next < placed.size() && placed.at(next).index == i) {
            ++next;
            continue;
        }
        kept.append(std::move(list[i]));
    }
    Q_ASSERT(next == placed.size());
    list = std::move(kept);
}

// One pass: puts each value at its index (ascending, into the result).
template<typename T>
void insertAll(QList<T> &list, const QList<Placed<T>> &placed)
{
    if (placed.isEmpty())
        return;
    QList<T> merged;
    merged.reserve(list.size() + placed.size());
    qsizetype from = 0;
    for (const Placed<T> &p : placed) {
        while (merged.size() < p.index && from < list.size())
            merged.append(std::move(list[from++]));
        Q_ASSERT(merged.size() == p.index);
        merged.append(p.value);
    }
    while (from < list.size())
        merged.append(std::move(list[from++]));
    list = std::move(merged);
}

template<typename T>
void replaceAll(QList<T> &list, const QList<Replaced<T>> &replaced, bool forward)
{
    if (forward) {
        for (const Replaced<T> &r : replaced) {
            Q_ASSERT(list.at(r.index).id == r.before.id);
            list[r.index] = r.after;
        }
    } else {
        for (auto it = replaced.crbegin(); it != replaced.crend(); ++it) {
            Q_ASSERT(list.at(it->index).id == it->after.id);
            list[it->index] = it->before;
        }
    }
}

template<typename T>
void applyList(QList<T> &list, const QList<Placed<T>> &removed, const QList<Placed<T>> &inserted,
               const QList<Replaced<T>> &replaced, bool forward)
{
    if (forward) {
        removeAll(list, removed);
        insertAll(list, inserted);
        replaceAll(list, replaced, true);
    } else {
        replaceAll(list, replaced, false);
        removeAll(list, inserted);
        insertAll(list, removed);
    }
}

// Ids in first-seen order, each once. Lists from one source (a move of 10,000 models) need
// no set; the set is built when a second source comes.
template<typename Id>
class IdList
{
public:
    void beginSource()
    {
        if (!m_ids.isEmpty() && m_seen.isEmpty())
            m_seen = QSet<Id>(m_ids.cbegin(), m_ids.cend());
    }
    void add(const Id &id)
    {
        if (m_seen.isEmpty() && m_sources == 0) {
            m_ids.append(id);
        } else if (!m_seen.contains(id)) {
            m_seen.insert(id);
            m_ids.append(id);
        }
    }
    void endSource()
    {
        if (!m_ids.isEmpty())
            ++m_sources;
    }
    QList<Id> take() { return std::move(m_ids); }

private:
    QSet<Id> m_seen;
    QList<Id> m_ids;
    int m_sources = 0;
};

template<typename Id, typename List, typename IdOf>
void addIds(IdList<Id> &ids, const List &list, IdOf idOf)
{
    ids.beginSource();
    for (const auto &element : list)
        ids.add(idOf(element));
    ids.endSource();
}

} // namespace

void ProjectEdit::apply(Project &project, Direction direction) const
{
    const bool forward = direction == Direction::Forward;
    applyList(project.entities, removedEntities, insertedEntities, replacedEntities, forward);
    applyList(project.associations, removedAssociations, insertedAssociations,
              replacedAssociations, forward);
    if (!layout.isEmpty())
        project.layout = layout.apply(std::move(project.layout), forward);
    if (name)
        project.name = forward ? name->second : name->first;
    if (define)
        project.define = forward ? define->second : define->first;
    if (connections)
        project.connections = forward ? connections->second : connections->first;
    if (synced)
        project.synced = forward ? synced->second : synced->first;
}

ChangeSet ProjectEdit::changeSet(Direction direction) const
{
    const bool forward = direction == Direction::Forward;
    const auto &gone = forward ? removedEntities : insertedEntities;
    const auto &come = forward ? insertedEntities : removedEntities;
    const auto &goneAssociations = forward ? removedAssociations : insertedAssociations;
    const auto &comeAssociations = forward ? insertedAssociations : removedAssociations;

    ChangeSet set;
    IdList<EntityId> entities;
    IdList<AssociationId> associations;
    if (!gone.isEmpty())
        set.changes |= Change::EntitiesRemoved;
    if (!come.isEmpty())
        set.changes |= Change::EntitiesAdded;
    if (!goneAssociations.isEmpty())
        set.changes |= Change::AssociationsRemoved;
    if (!comeAssociations.isEmpty())
        set.changes |= Change::AssociationsAdded;
    const auto placedId = [](const auto &placed) { return placed.value.id; };
    const auto replacedId = [](const auto &replaced) { return replaced.after.id; };
    addIds(entities, gone, placedId);
    addIds(entities, come, placedId);
    addIds(associations, goneAssociations, placedId);
    addIds(associations, comeAssociations, placedId);

    if (!replacedEntities.isEmpty() || !replacedAssociations.isEmpty())
        set.changes |= replacementChanges;
    addIds(entities, replacedEntities, replacedId);
    addIds(associations, replacedAssociations, replacedId);

    const QStringList moved = layout.keys(LayoutPatch::Section::Models);
    if (!moved.isEmpty())
        set.changes |= Change::ModelPositions;
    addIds(entities, moved, [](const QString &id) { return EntityId(id); });
    const QStringList bent = layout.keys(LayoutPatch::Section::Associations);
    if (!bent.isEmpty())
        set.changes |= Change::AssociationBends;
    addIds(associations, bent, [](const QString &id) { return AssociationId(id); });

    if (name)
        set.changes |= Change::ProjectName;
    if (define)
        set.changes |= Change::Define;
    if (connections)
        set.changes |= Change::Connections;
    if (synced)
        set.changes |= Change::Synced;
    set.entities = entities.take();
    set.associations = associations.take();
    set.attributes = attributes;
    return set;
}

bool ProjectEdit::isEmpty() const
{
    return isValueOnly() && replacedEntities.isEmpty() && replacedAssociations.isEmpty()
        && layout.isEmpty() && !name && !define && !connections && !synced;
}

namespace {

bool sameEntity(const Entity &a, const Entity &b)
{
    return a.id == b.id && a.name == b.name && a.tableName == b.tableName
        && a.timestamps == b.timestamps && a.underscored == b.underscored
        && a.underscoredAll == b.underscoredAll && a.freezeTableName == b.freezeTableName
        && a.paranoid == b.paranoid && a.comment == b.comment && a.attributes == b.attributes
        && a.indexes == b.indexes && a.unknownKeys == b.unknownKeys;
}

} // namespace

bool ProjectEdit::changesNothing() const
{
    if (!isValueOnly() || !layout.isEmpty() || define || connections || synced)
        return false;
    if (name && name->first != name->second)
        return false;
    for (const Replaced<Entity> &r : replacedEntities) {
        if (!sameEntity(r.before, r.after))
            return false;
    }
    for (const Replaced<Association> &r : replacedAssociations) {
        if (r.before != r.after)
            return false;
    }
    return true;
}

bool ProjectEdit::isValueOnly() const
{
    return removedEntities.isEmpty() && insertedEntities.isEmpty()
        && removedAssociations.isEmpty() && insertedAssociations.isEmpty();
}

namespace {

template<typename T>
void appendReplacements(QList<Replaced<T>> &ours, const QList<Replaced<T>> &later)
{
    for (const Replaced<T> &r : later) {
        auto same = std::find_if(ours.begin(), ours.end(),
                                 [&](const Replaced<T> &o) { return o.index == r.index; });
        if (same != ours.end())
            same->after = r.after;
        else
            ours.append(r);
    }
}

} // namespace

void ProjectEdit::append(const ProjectEdit &later)
{
    Q_ASSERT(isValueOnly() && later.isValueOnly());
    appendReplacements(replacedEntities, later.replacedEntities);
    appendReplacements(replacedAssociations, later.replacedAssociations);
    layout.append(later.layout);
    if (later.name)
        name = std::pair(name ? name->first : later.name->first, later.name->second);
    if (later.define)
        define = std::pair(define ? define->first : later.define->first, later.define->second);
    if (later.connections)
        connections = std::pair(connections ? connections->first : later.connections->first,
                                later.connections->second);
    if (later.synced)
        synced = std::pair(synced ? synced->first : later.synced->first, later.synced->second);
    replacementChanges |= later.replacementChanges;
    for (const AttributeId &id : later.attributes) {
        if (!attributes.contains(id))
            attributes.append(id);
    }
}

} // namespace Junction
