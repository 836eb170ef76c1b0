// SPDX-License-Identifier: MIT
#pragma once

#include "project.h"

#include <QUndoCommand>

#include <memory>

namespace Junction {

class Document;

namespace Commands {

// A model's `indexes`: add, edit, delete. Indexes have no ids in the format; they are
// addressed by their position in the model's list (the order is the file's).

enum class IndexField {
    All,
    Name,
    Fields,
    Unique,
};

// Why `edited` cannot be index `position` of `entity` (-1: a new one), or an empty string:
// no attribute, an attribute the model does not declare, one twice, a name with spaces at
// its ends, or a name another index of the project has (index names share one namespace
// per database in PostgreSQL and SQLite).
QString indexProblem(const Project &project, const Entity &entity, int position,
                     const Index &edited);

// An index of model `entity` at `position` (-1: last). Null when indexProblem() refuses it.
std::unique_ptr<QUndoCommand> addIndex(Document &document, const EntityId &entity, Index index,
                                       int position = -1);

// Deletes index `position` of model `entity`.
std::unique_ptr<QUndoCommand> removeIndex(Document &document, const EntityId &entity,
                                          int position);

// Replaces index `position` with `edited`; `changed` names the field of the gesture, for the
// undo text and merging (typing in name or fields merges per index and field). Null when
// nothing changes or indexProblem() refuses it.
std::unique_ptr<QUndoCommand> editIndex(Document &document, const EntityId &entity,
                                        int position, const Index &edited, IndexField changed);

} // namespace Commands
} // namespace Junction
