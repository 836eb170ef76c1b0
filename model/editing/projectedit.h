// SPDX-License-Identifier: MIT
#pragma once

#include "change.h"
#include "layoutpatch.h"
#include "project.h"

#include <QList>

#include <optional>
#include <utility>

namespace Junction {

template<typename T>
struct Placed
{
    int index = -1; // in the list
    T value;
};

template<typename T>
struct Replaced
{
    int index = -1; // in the list after the edit's insertions and removals
    T before;
    T after;
};

// One reversible change of a Project: what a command applies (forward) and reverts
// (backward). It holds the values on both sides, not instructions, so backward restores the
// exact project, and applying never fails. Indexes are valid because the undo stack only
// applies an edit to the state it was built on.
//
// Forward: removals (indexes before the edit), insertions (indexes after it), then
// replacements; backward runs the reverse. Batched so that deleting 1,000 of 10,000 models
// is one pass over the list, not 1,000.
class ProjectEdit
{
public:
    enum class Direction { Forward, Backward };

    QList<Placed<Entity>> removedEntities;        // ascending index
    QList<Placed<Entity>> insertedEntities;       // ascending index
    QList<Replaced<Entity>> replacedEntities;
    QList<Placed<Association>> removedAssociations;
    QList<Placed<Association>> insertedAssociations;
    QList<Replaced<Association>> replacedAssociations;
    LayoutPatch layout;
    std::optional<std::pair<QString, QString>> name;               // before, after
    std::optional<std::pair<DefineOptions, DefineOptions>> define; // before, after
    std::optional<std::pair<QList<SavedConnection>, QList<SavedConnection>>> connections;
    std::optional<std::pair<QJsonObject, QJsonObject>> synced; // before, after

    // What the replacements change (EntityName, Attributes, AssociationFields, ...); the
    // structural and layout flags are derived.
    Changes replacementChanges;
    QList<AttributeId> attributes; // attributes added, removed or edited

    void apply(Project &project, Direction direction) const;
    ChangeSet changeSet(Direction direction) const;

    bool isEmpty() const;
    // Only replacements, layout, name and define: such edits can merge.
    bool isValueOnly() const;
    // Replacements (and a name) whose after-values equal their before-values: typing that
    // ended where it began. Layout, define, connections and synced count as changes.
    bool changesNothing() const;
    // Continues this edit with `later` (value-only, built on the state after this one):
    // the first before-values, the last after-values.
    void append(const ProjectEdit &later);
};

} // namespace Junction
