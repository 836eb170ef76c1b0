// SPDX-License-Identifier: MIT
#pragma once

#include "project.h"
#include "projectedit.h"

#include <QPointF>
#include <QUndoCommand>

#include <memory>
#include <optional>

namespace Junction {

class Document;

namespace Commands {

// Models: add, rename, options, delete. Each function builds one undo command from the
// document's current state (null when there is nothing to do or the edit is refused);
// Document::push() applies it.

// A model at `index` (-1: last) and `position`. Ids it lacks (its own, its attributes')
// are allocated; an empty or taken name becomes a free one (Model, Model2, ...).
std::unique_ptr<QUndoCommand> addEntity(Document &document, Entity entity,
                                        std::optional<QPointF> position = std::nullopt,
                                        int index = -1);

// Why `name` cannot name the model `id` (empty, or another model's), or an empty string.
QString entityNameProblem(const Project &project, const EntityId &id, const QString &name);

// Renames a model and rewrites the associations that name it (source, target, through
// model), as the format requires. Refused for a name entityNameProblem() rejects, so a
// reference is never rewritten onto a name two models share. Typing merges.
std::unique_ptr<QUndoCommand> renameEntity(Document &document, const EntityId &id,
                                           const QString &name);

enum class EntityOption {
    All, // a dialog's commit
    TableName,
    Timestamps,
    Underscored,
    UnderscoredAll,
    FreezeTableName,
    Paranoid,
    Comment,
};

// Takes the options (tableName, timestamps, underscored, underscoredAll, freezeTableName,
// paranoid, comment) of `options`; `changed` names the one the gesture edited, for the undo
// text and merging (typing in tableName or comment merges). Null when every option is as it
// is (nothing to undo).
std::unique_ptr<QUndoCommand> editEntityOptions(Document &document, const EntityId &id,
                                                const Entity &options, EntityOption changed);

// The associations a deletion of these models would leave dangling: those whose source,
// target or through model is one of them. In file order; for the confirmation.
QList<AssociationId> orphanedAssociations(const Project &project, const QList<EntityId> &ids);

// Deletes models with their positions, and first the orphanedAssociations() with their
// bends: a macro of two steps, undone as one.
std::unique_ptr<QUndoCommand> removeEntities(Document &document, const QList<EntityId> &ids);

// The edit that removes these models and their positions (unknown ids are skipped).
ProjectEdit entityRemoval(const Document &document, const QList<EntityId> &ids);

} // namespace Commands
} // namespace Junction
