// SPDX-License-Identifier: MIT
#pragma once

#include "project.h"
#include "projectedit.h"

#include <QUndoCommand>

#include <memory>

namespace Junction {

class Document;

namespace Commands {

// An association at `index` (-1: last; the order is meaning: it is the order Sequelize runs
// them in). A missing or taken id is allocated.
std::unique_ptr<QUndoCommand> addAssociation(Document &document, Association association,
                                             int index = -1);

// Deletes associations with their bends.
std::unique_ptr<QUndoCommand> removeAssociations(Document &document,
                                                 const QList<AssociationId> &ids);
ProjectEdit associationRemoval(const Document &document, const QList<AssociationId> &ids);

enum class AssociationField {
    All, // a dialog's commit
    Type,
    Source,
    Target,
    As,
    ForeignKey,
    TargetKey,
    SourceKey,
    OtherKey,
    Through,
    Constraints,
    OnDelete,
    OnUpdate,
    Timestamps,
    Comment,
};

// Replaces the association with `edited` (same id); `changed` names the field the gesture
// edited, for the undo text and merging: typing in as, foreignKey, targetKey, sourceKey,
// otherKey, through or comment merges into one step per field. Null when `edited` equals
// the association as it is (nothing to undo).
std::unique_ptr<QUndoCommand> editAssociation(Document &document, const Association &edited,
                                              AssociationField changed);

} // namespace Commands
} // namespace Junction
