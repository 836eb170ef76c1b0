// SPDX-License-Identifier: MIT
#pragma once

#include "ids.h"
#include "resolvedschema.h"

#include <QMetaType>
#include <QSet>

namespace Junction {

// What differs between two resolved schemas, so that a view that shows the resolved schema
// refreshes only that: typing one model's name on a 10,000-model schema touches a handful
// of tables (the model's, those holding FKs to it) and associations, not all of them.
// Computed on the resolve worker (ResolveScheduler); `everything` when there is nothing to
// compare with.
struct ResolvedDelta
{
    bool everything = true;
    // Tables of models (by model id) and created junction tables (by name) that differ,
    // came or went; associations (by id) that differ, came or went. Matched by those keys,
    // not by position: adding a model names it (and the tables and associations it
    // changed), not every table after it.
    QSet<EntityId> models;
    QSet<QString> junctions;
    QSet<AssociationId> associations;
    // A table or association came or went, or the order of either changed.
    bool structure = true;
    // Tables or associations in both are in another order (the canvas lays the lanes of
    // the edges between two boxes, and places junction tables, in those orders).
    bool reordered = true;
    // The resolver's diagnostics differ (the cycle, unresolved associations...).
    bool diagnostics = true;
    // The "cycle" diagnostics name other associations (a view colours the cycle's path).
    bool cycle = true;

    bool isEmpty() const
    {
        return !everything && !structure && !diagnostics && !cycle && models.isEmpty()
               && junctions.isEmpty() && associations.isEmpty();
    }

    static ResolvedDelta between(const ResolvedSchema &before, const ResolvedSchema &after);
};

} // namespace Junction

Q_DECLARE_METATYPE(Junction::ResolvedDelta)
