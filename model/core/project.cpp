// SPDX-License-Identifier: MIT
#include "project.h"

namespace Junction {

const Attribute *Entity::attribute(const QString &attributeName) const
{
    for (const Attribute &a : attributes) {
        if (a.name == attributeName)
            return &a;
    }
    return nullptr;
}

bool operator==(const Attribute &a, const Attribute &b)
{
    return a.id == b.id && a.name == b.name && a.field == b.field && a.type == b.type
        && a.allowNull == b.allowNull && a.primaryKey == b.primaryKey
        && a.autoIncrement == b.autoIncrement && a.unique == b.unique
        && a.uniqueGroup == b.uniqueGroup && a.defaultValue == b.defaultValue
        && a.comment == b.comment && a.unknownKeys == b.unknownKeys;
}

bool operator==(const Index &a, const Index &b)
{
    return a.name == b.name && a.fields == b.fields && a.unique == b.unique
        && a.unknownKeys == b.unknownKeys;
}

bool operator==(const Alias &a, const Alias &b)
{
    return a.singular == b.singular && a.plural == b.plural && a.isObject == b.isObject;
}

bool operator==(const KeySpec &a, const KeySpec &b)
{
    return a.isSet == b.isSet && a.isObject == b.isObject && a.name == b.name
        && a.allowNull == b.allowNull && a.type == b.type && a.field == b.field
        && a.unique == b.unique && a.comment == b.comment && a.unknownKeys == b.unknownKeys;
}

bool operator==(const Through &a, const Through &b)
{
    return a.kind == b.kind && a.name == b.name && a.unknownKeys == b.unknownKeys;
}

bool operator==(const Association &a, const Association &b)
{
    return a.id == b.id && a.type == b.type && a.source == b.source && a.target == b.target
        && a.as == b.as && a.foreignKey == b.foreignKey && a.targetKey == b.targetKey
        && a.sourceKey == b.sourceKey && a.otherKey == b.otherKey && a.through == b.through
        && a.constraints == b.constraints && a.onDelete == b.onDelete
        && a.onUpdate == b.onUpdate && a.timestamps == b.timestamps && a.comment == b.comment
        && a.unknownKeys == b.unknownKeys;
}

QString associationTypeName(AssociationType type)
{
    switch (type) {
    case AssociationType::BelongsTo: return QStringLiteral("belongsTo");
    case AssociationType::HasOne: return QStringLiteral("hasOne");
    case AssociationType::HasMany: return QStringLiteral("hasMany");
    case AssociationType::BelongsToMany: return QStringLiteral("belongsToMany");
    }
    return {};
}

std::optional<AssociationType> associationTypeFromName(const QString &name)
{
    for (AssociationType t : {AssociationType::BelongsTo, AssociationType::HasOne,
                              AssociationType::HasMany, AssociationType::BelongsToMany}) {
        if (associationTypeName(t) == name)
            return t;
    }
    return std::nullopt;
}

const Entity *Project::entity(const QString &entityName) const
{
    for (const Entity &e : entities) {
        if (e.name == entityName)
            return &e;
    }
    return nullptr;
}

const Entity *Project::entity(const EntityId &entityId) const
{
    for (const Entity &e : entities) {
        if (e.id == entityId)
            return &e;
    }
    return nullptr;
}

} // namespace Junction
