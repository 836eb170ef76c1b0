// SPDX-License-Identifier: MIT
#include "indexcommands.h"

#include "document.h"
#include "editcommand.h"

namespace Junction::Commands {

namespace {

QString fieldName(IndexField field)
{
    switch (field) {
    case IndexField::All: return QString();
    case IndexField::Name: return QStringLiteral("name");
    case IndexField::Fields: return QStringLiteral("fields");
    case IndexField::Unique: return QStringLiteral("unique");
    }
    return {};
}

// The index as the undo text names it: its name, else its fields.
QString label(const Index &index)
{
    return index.name.isEmpty() ? index.fields.join(QStringLiteral(", ")) : index.name;
}

std::unique_ptr<EditCommand> entityEdit(Document &document, int entityIndex, Entity after,
                                        const QString &text)
{
    ProjectEdit edit;
    edit.replacedEntities.append(
        {entityIndex, document.project().entities.at(entityIndex), std::move(after)});
    edit.replacementChanges = Change::Indexes;
    return std::make_unique<EditCommand>(&document, text, std::move(edit));
}

} // namespace

QString indexProblem(const Project &project, const Entity &entity, int position,
                     const Index &edited)
{
    if (edited.fields.isEmpty())
        return QStringLiteral("an index needs at least one attribute");
    for (int i = 0; i < edited.fields.size(); ++i) {
        const QString &field = edited.fields.at(i);
        if (!entity.attribute(field)) {
            QStringList names;
            for (const Attribute &a : entity.attributes)
                names << a.name;
            return QStringLiteral("%1 has no attribute %2 (it has %3)")
                .arg(entity.name, field, names.join(QStringLiteral(", ")));
        }
        if (edited.fields.indexOf(field) != i)
            return QStringLiteral("%1 is listed twice").arg(field);
    }
    if (edited.name.trimmed() != edited.name)
        return QStringLiteral("an index name cannot start or end with a space");
    if (!edited.name.isEmpty()) {
        for (const Entity &e : project.entities) {
            for (int i = 0; i < e.indexes.size(); ++i) {
                const bool self = e.id == entity.id && i == position;
                if (!self && e.indexes.at(i).name == edited.name)
                    return QStringLiteral("%1 already has an index named %2")
                        .arg(e.name, edited.name);
            }
        }
    }
    return {};
}

std::unique_ptr<QUndoCommand> addIndex(Document &document, const EntityId &entity, Index index,
                                       int position)
{
    const int entityIndex = document.entityIndex(entity);
    if (entityIndex < 0)
        return nullptr;
    Entity after = document.project().entities.at(entityIndex);
    if (!indexProblem(document.project(), after, -1, index).isEmpty())
        return nullptr;
    if (position < 0 || position > after.indexes.size())
        position = int(after.indexes.size());
    const QString text = QStringLiteral("Add index %1 to %2").arg(label(index), after.name);
    after.indexes.insert(position, std::move(index));
    return entityEdit(document, entityIndex, std::move(after), text);
}

std::unique_ptr<QUndoCommand> removeIndex(Document &document, const EntityId &entity,
                                          int position)
{
    const int entityIndex = document.entityIndex(entity);
    if (entityIndex < 0)
        return nullptr;
    Entity after = document.project().entities.at(entityIndex);
    if (position < 0 || position >= after.indexes.size())
        return nullptr;
    const QString text
        = QStringLiteral("Delete index %1 of %2").arg(label(after.indexes.at(position)), after.name);
    after.indexes.removeAt(position);
    return entityEdit(document, entityIndex, std::move(after), text);
}

std::unique_ptr<QUndoCommand> editIndex(Document &document, const EntityId &entity,
                                        int position, const Index &edited, IndexField changed)
{
    const int entityIndex = document.entityIndex(entity);
    if (entityIndex < 0)
        return nullptr;
    Entity after = document.project().entities.at(entityIndex);
    if (position < 0 || position >= after.indexes.size() || after.indexes.at(position) == edited
        || !indexProblem(document.project(), after, position, edited).isEmpty())
        return nullptr;
    after.indexes[position] = edited;
    const QString text = changed == IndexField::All
        ? QStringLiteral("Edit index %1 of %2").arg(label(edited), after.name)
        : QStringLiteral("Change %1 of index %2 of %3")
              .arg(fieldName(changed), label(edited), after.name);
    auto command = entityEdit(document, entityIndex, std::move(after), text);
    if (changed == IndexField::Name || changed == IndexField::Fields)
        command->setMerge(MergeId::EditIndexField, entity.toString() + u'/'
                              + QString::number(position) + u'/' + QString::number(int(changed)));
    return command;
}

} // namespace Junction::Commands
