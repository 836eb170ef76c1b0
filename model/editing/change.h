// SPDX-License-Identifier: MIT
#pragma once

#include "ids.h"

#include <QFlags>
#include <QList>
#include <QMetaType>

namespace Junction {

// What one edit changes, so that a view updates only that. The Document announces every
// edit twice with the same ChangeSet: aboutToChange (the project is still as before) and
// changed (as after).
enum class Change : quint32 {
    None = 0,
    ProjectName = 1u << 0,
    Define = 1u << 1,
    EntitiesAdded = 1u << 2,
    EntitiesRemoved = 1u << 3,
    EntityName = 1u << 4,
    EntityOptions = 1u << 5,    // tableName, timestamps, underscored..., comment
    Attributes = 1u << 6,       // attributes added, removed, reordered or edited
    Indexes = 1u << 7,
    AssociationsAdded = 1u << 8,
    AssociationsRemoved = 1u << 9,
    AssociationFields = 1u << 10,
    ModelPositions = 1u << 11,  // layout.models
    AssociationBends = 1u << 12, // layout.associations
    Everything = 1u << 13,      // the whole project was replaced
    Connections = 1u << 14,     // the `connections` section
    Synced = 1u << 15,          // the `synced` section (after a sync)
};
Q_DECLARE_FLAGS(Changes, Change)
Q_DECLARE_OPERATORS_FOR_FLAGS(Changes)

// The mask and the ids it concerns: every model, attribute and association that was
// added, removed, changed or moved, each once, in a deterministic order.
struct ChangeSet
{
    Changes changes;
    QList<EntityId> entities;
    QList<AttributeId> attributes;
    QList<AssociationId> associations;

    // Layout-only edits leave the resolved schema as it was.
    bool affectsSchema() const
    {
        const Changes layoutOnly = Change::ProjectName | Change::ModelPositions
                                   | Change::AssociationBends | Change::Connections
                                   | Change::Synced;
        return (changes & ~layoutOnly).toInt() != 0;
    }
};

} // namespace Junction

Q_DECLARE_METATYPE(Junction::ChangeSet)
