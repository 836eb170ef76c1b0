// SPDX-License-Identifier: MIT
#include "entitycommands.h"

#include "associationcommands.h"
#include "document.h"
#include "editcommand.h"
#include "uniquenames.h"

#include <QSet>

#include <algorithm>

namespace Junction::Commands {

namespace {

QSet<QString> entityNames(const Project &project)
{
    QSet<QString> names;
    names.reserve(project.entities.size());
    for (const Entity &e : project.entities)
        names.insert(e.name);
    return names;
}

QString optionText(EntityOption option)
{
    switch (option) {
    case EntityOption::All: return QStringLiteral("Edit model options");
    case EntityOption::TableName: return QStringLiteral("Change table name");
    case EntityOption::Timestamps: return QStringLiteral("Change timestamps");
    case EntityOption::Underscored: return QStringLiteral("Change underscored");
    case EntityOption::UnderscoredAll: return QStringLiteral("Change underscoredAll");
    case EntityOption::FreezeTableName: return QStringLiteral("Change freezeTableName");
    case EntityOption::Paranoid: return QStringLiteral("Change paranoid");
    case EntityOption::Comment: return QStringLiteral("Change model comment");
    }
    return {};
}

} // namespace

std::unique_ptr<QUndoCommand> addEntity(Document &document, Entity entity,
                                        std::optional<QPointF> position, int index)
{
    const Project &project = document.project();
    IdAllocator &ids = document.idAllocator();
    if (entity.id.isNull() || document.entityIndex(entity.id) >= 0)
        entity.id = ids.nextEntityId();
    for (Attribute &a : entity.attributes) {
        if (a.id.isNull())
            a.id = ids.nextAttributeId();
    }
    entity.name = uniqueName(entity.name, entityNames(project));
    if (index < 0 || index > project.entities.size())
        index = int(project.entities.size());

    ProjectEdit edit;
    if (position)
        edit.layout.set(project.layout, LayoutPatch::Section::Models, entity.id.toString(),
                        Layout::withPosition(QJsonValue(), *position));
    const QString text = QStringLiteral("Add model %1").arg(entity.name);
    edit.insertedEntities.append({index, std::move(entity)});
    return std::make_unique<EditCommand>(&document, text, std::move(edit));
}

QString entityNameProblem(const Project &project, const EntityId &id, const QString &name)
{
    if (name.trimmed().isEmpty())
        return QStringLiteral("a model needs a name");
    for (const Entity &e : project.entities) {
        if (e.name == name && e.id != id)
            return QStringLiteral("another model is named %1").arg(name);
    }
    return {};
}

std::unique_ptr<QUndoCommand> renameEntity(Document &document, const EntityId &id,
                                           const QString &name)
{
    const int index = document.entityIndex(id);
    const Project &project = document.project();
    if (index < 0 || !entityNameProblem(project, id, name).isEmpty())
        return nullptr;
    const Entity &before = project.entities.at(index);
    if (before.name == name)
        return nullptr;
    ProjectEdit edit;
    Entity after = before;
    after.name = name;
    edit.replacedEntities.append({index, before, after});
    edit.replacementChanges = Change::EntityName;

    // A reference by name is only this model's if no other model has that name (a file
    // may have duplicates; they are the validator's to report, not ours to guess at).
    const QString &old = before.name;
    const auto sharing = std::count_if(project.entities.cbegin(), project.entities.cend(),
                                       [&](const Entity &e) { return e.name == old; });
    if (sharing == 1) {
        for (int i = 0; i < project.associations.size(); ++i) {
            const Association &a = project.associations.at(i);
            const bool through = a.through.kind == Through::Kind::Model && a.through.name == old;
            if (a.source != old && a.target != old && !through)
                continue;
            Association rewritten = a;
            if (a.source == old)
                rewritten.source = name;
            if (a.target == old)
                rewritten.target = name;
            if (through)
                rewritten.through.name = name;
            edit.replacedAssociations.append({i, a, rewritten});
        }
    }
    if (!edit.replacedAssociations.isEmpty())
        edit.replacementChanges |= Change::AssociationFields;
    auto command = std::make_unique<EditCommand>(
        &document, QStringLiteral("Rename model %1 to %2").arg(old, name), std::move(edit));
    command->setMerge(MergeId::RenameEntity, id.toString());
    return command;
}

std::unique_ptr<QUndoCommand> editEntityOptions(Document &document, const EntityId &id,
                                                const Entity &options, EntityOption changed)
{
    const int index = document.entityIndex(id);
    if (index < 0)
        return nullptr;
    const Entity &before = document.project().entities.at(index);
    Entity after = before;
    after.tableName = options.tableName;
    after.timestamps = options.timestamps;
    after.underscored = options.underscored;
    after.underscoredAll = options.underscoredAll;
    after.freezeTableName = options.freezeTableName;
    after.paranoid = options.paranoid;
    after.comment = options.comment;
    if (after.tableName == before.tableName && after.timestamps == before.timestamps
        && after.underscored == before.underscored && after.underscoredAll == before.underscoredAll
        && after.freezeTableName == before.freezeTableName && after.paranoid == before.paranoid
        && after.comment == before.comment)
        return nullptr; // the same values again: nothing to undo, nothing to save
    ProjectEdit edit;
    edit.replacedEntities.append({index, before, std::move(after)});
    edit.replacementChanges = Change::EntityOptions;
    auto command = std::make_unique<EditCommand>(&document, optionText(changed), std::move(edit));
    if (changed == EntityOption::TableName || changed == EntityOption::Comment)
        command->setMerge(MergeId::EditEntityOption,
                          id.toString() + u'/' + QString::number(int(changed)));
    return command;
}

QList<AssociationId> orphanedAssociations(const Project &project, const QList<EntityId> &ids)
{
    const QSet<EntityId> removed(ids.cbegin(), ids.cend());
    QSet<QString> names;
    for (const Entity &e : project.entities) {
        if (removed.contains(e.id))
            names.insert(e.name);
    }
    QList<AssociationId> orphaned;
    if (names.isEmpty())
        return orphaned;
    for (const Association &a : project.associations) {
        const bool through = a.through.kind == Through::Kind::Model && names.contains(a.through.name);
        if (names.contains(a.source) || names.contains(a.target) || through)
            orphaned.append(a.id);
    }
    return orphaned;
}

ProjectEdit entityRemoval(const Document &document, const QList<EntityId> &ids)
{
    const Project &project = document.project();
    QList<int> indexes;
    for (const EntityId &id : ids) {
        const int index = document.entityIndex(id);
        if (index >= 0)
            indexes.append(index);
    }
    std::sort(indexes.begin(), indexes.end());
    indexes.erase(std::unique(indexes.begin(), indexes.end()), indexes.end());
    const QJsonObject positions = project.layout.value(Layout::modelsKey()).toObject();
    ProjectEdit edit;
    for (const int index : indexes) {
        const Entity &e = project.entities.at(index);
        edit.removedEntities.append({index, e});
        if (positions.contains(e.id.toString()))
            edit.layout.set(project.layout, LayoutPatch::Section::Models, e.id.toString(),
                            QJsonValue::Undefined);
    }
    return edit;
}

std::unique_ptr<QUndoCommand> removeEntities(Document &document, const QList<EntityId> &ids)
{
    ProjectEdit models = entityRemoval(document, ids);
    if (models.removedEntities.isEmpty())
        return nullptr;
    const qsizetype count = models.removedEntities.size();
    const QString text = count == 1
        ? QStringLiteral("Delete model %1").arg(models.removedEntities.first().value.name)
        : QStringLiteral("Delete %1 models").arg(count);
    auto macro = std::make_unique<QUndoCommand>(text);
    const QList<AssociationId> orphaned = orphanedAssociations(document.project(), ids);
    if (!orphaned.isEmpty())
        new EditCommand(&document, QStringLiteral("Delete associations"),
                        associationRemoval(document, orphaned), macro.get());
    // Built against the project before the first step ran; the association step does not
    // shift model indexes, so the indexes stay right.
    new EditCommand(&document, text, std::move(models), macro.get());
    return macro;
}

} // namespace Junction::Commands
