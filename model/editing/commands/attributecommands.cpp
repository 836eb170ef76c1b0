// SPDX-License-Identifier: MIT
#include "attributecommands.h"

#include "document.h"
#include "editcommand.h"
#include "uniquenames.h"

#include <QSet>

#include <algorithm>

namespace Junction::Commands {

namespace {

int attributeIndex(const Entity &entity, const AttributeId &id)
{
    for (int i = 0; i < entity.attributes.size(); ++i) {
        if (entity.attributes.at(i).id == id)
            return i;
    }
    return -1;
}

QString fieldName(AttributeField field)
{
    switch (field) {
    case AttributeField::All: return QString();
    case AttributeField::Name: return QStringLiteral("name");
    case AttributeField::Field: return QStringLiteral("field");
    case AttributeField::Type: return QStringLiteral("type");
    case AttributeField::AllowNull: return QStringLiteral("allowNull");
    case AttributeField::PrimaryKey: return QStringLiteral("primaryKey");
    case AttributeField::AutoIncrement: return QStringLiteral("autoIncrement");
    case AttributeField::Unique: return QStringLiteral("unique");
    case AttributeField::DefaultValue: return QStringLiteral("defaultValue");
    case AttributeField::Comment: return QStringLiteral("comment");
    }
    return {};
}

bool isTyped(AttributeField field)
{
    return field == AttributeField::Name || field == AttributeField::Field
        || field == AttributeField::Type || field == AttributeField::DefaultValue
        || field == AttributeField::Comment;
}

// One model's new value, as a command.
std::unique_ptr<EditCommand> entityEdit(Document &document, int index, Entity after,
                                        const QString &text, QList<AttributeId> attributes)
{
    ProjectEdit edit;
    edit.replacedEntities.append({index, document.project().entities.at(index), std::move(after)});
    edit.replacementChanges = Change::Attributes;
    edit.attributes = std::move(attributes);
    return std::make_unique<EditCommand>(&document, text, std::move(edit));
}

} // namespace

std::unique_ptr<QUndoCommand> addAttribute(Document &document, const EntityId &entity,
                                           Attribute attribute, int index)
{
    const int entityIndex = document.entityIndex(entity);
    if (entityIndex < 0)
        return nullptr;
    Entity after = document.project().entities.at(entityIndex);
    QSet<QString> taken;
    bool idTaken = attribute.id.isNull();
    for (const Attribute &a : after.attributes) {
        taken.insert(a.name);
        idTaken = idTaken || a.id == attribute.id;
    }
    if (idTaken)
        attribute.id = document.idAllocator().nextAttributeId();
    attribute.name = uniqueName(attribute.name, taken, QStringLiteral("attribute"));
    if (attribute.type.isEmpty())
        attribute.type = QStringLiteral("STRING");
    if (index < 0 || index > after.attributes.size())
        index = int(after.attributes.size());
    const QString text = QStringLiteral("Add attribute %1.%2").arg(after.name, attribute.name);
    const AttributeId id = attribute.id;
    after.attributes.insert(index, std::move(attribute));
    return entityEdit(document, entityIndex, std::move(after), text, {id});
}

std::unique_ptr<QUndoCommand> removeAttributes(Document &document, const EntityId &entity,
                                               const QList<AttributeId> &ids)
{
    const int entityIndex = document.entityIndex(entity);
    if (entityIndex < 0)
        return nullptr;
    Entity after = document.project().entities.at(entityIndex);
    QList<AttributeId> removed;
    QString lastName;
    after.attributes.removeIf([&](const Attribute &a) {
        if (!ids.contains(a.id))
            return false;
        removed.append(a.id);
        lastName = a.name;
        return true;
    });
    if (removed.isEmpty())
        return nullptr;
    const QString text = removed.size() == 1
        ? QStringLiteral("Delete attribute %1.%2").arg(after.name, lastName)
        : QStringLiteral("Delete %1 attributes of %2").arg(removed.size()).arg(after.name);
    return entityEdit(document, entityIndex, std::move(after), text, removed);
}

std::unique_ptr<QUndoCommand> moveAttribute(Document &document, const EntityId &entity,
                                            const AttributeId &id, int index)
{
    const int entityIndex = document.entityIndex(entity);
    if (entityIndex < 0)
        return nullptr;
    Entity after = document.project().entities.at(entityIndex);
    const int from = attributeIndex(after, id);
    if (from < 0)
        return nullptr;
    index = std::clamp(index, 0, int(after.attributes.size()) - 1);
    if (from == index)
        return nullptr;
    after.attributes.move(from, index);
    const QString text = QStringLiteral("Move attribute %1.%2")
                             .arg(after.name, after.attributes.at(index).name);
    return entityEdit(document, entityIndex, std::move(after), text, {id});
}

QString attributeNameProblem(const Entity &entity, const AttributeId &id, const QString &name)
{
    if (name.trimmed().isEmpty())
        return QStringLiteral("an attribute needs a name");
    for (const Attribute &a : entity.attributes) {
        if (a.name == name && a.id != id)
            return QStringLiteral("%1 already has an attribute %2").arg(entity.name, name);
    }
    return {};
}

std::unique_ptr<QUndoCommand> editAttribute(Document &document, const EntityId &entity,
                                            const Attribute &edited, AttributeField changed)
{
    const int entityIndex = document.entityIndex(entity);
    if (entityIndex < 0)
        return nullptr;
    const Project &project = document.project();
    const Entity &before = project.entities.at(entityIndex);
    const int index = attributeIndex(before, edited.id);
    if (index < 0)
        return nullptr;
    if (before.attributes.at(index) == edited)
        return nullptr; // nothing changes: no undo step
    const QString oldName = before.attributes.at(index).name;
    const bool renamed = edited.name != oldName;
    if (renamed && !attributeNameProblem(before, edited.id, edited.name).isEmpty())
        return nullptr;

    Entity after = before;
    after.attributes[index] = edited;
    ProjectEdit edit;
    edit.replacementChanges = Change::Attributes;
    edit.attributes = {edited.id};
    const auto sharing = std::count_if(before.attributes.cbegin(), before.attributes.cend(),
                                       [&](const Attribute &a) { return a.name == oldName; });
    if (renamed && sharing == 1) {
        for (Index &i : after.indexes) {
            for (QString &field : i.fields) {
                if (field == oldName) {
                    field = edited.name;
                    edit.replacementChanges |= Change::Indexes;
                }
            }
        }
        for (int i = 0; i < project.associations.size(); ++i) {
            const Association &a = project.associations.at(i);
            Association rewritten = a;
            if (a.type == AssociationType::BelongsTo && a.target == before.name
                && a.targetKey == oldName)
                rewritten.targetKey = edited.name;
            if (a.source == before.name && a.sourceKey == oldName)
                rewritten.sourceKey = edited.name;
            if (rewritten.targetKey != a.targetKey || rewritten.sourceKey != a.sourceKey)
                edit.replacedAssociations.append({i, a, std::move(rewritten)});
        }
        if (!edit.replacedAssociations.isEmpty())
            edit.replacementChanges |= Change::AssociationFields;
    }
    edit.replacedEntities.append({entityIndex, before, std::move(after)});
    const QString text = changed == AttributeField::All
        ? QStringLiteral("Edit attribute %1.%2").arg(before.name, edited.name)
        : QStringLiteral("Change %1 of %2.%3").arg(fieldName(changed), before.name, edited.name);
    auto command = std::make_unique<EditCommand>(&document, text, std::move(edit));
    if (isTyped(changed))
        command->setMerge(MergeId::EditAttributeField, entity.toString() + u'/'
                              + edited.id.toString() + u'/' + QString::number(int(changed)));
    return command;
}

} // namespace Junction::Commands
