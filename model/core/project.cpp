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
