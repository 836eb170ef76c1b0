// SPDX-License-Identifier: MIT
#pragma once

namespace Junction {

// QUndoCommand::id() of every command that merges with its successor, all in one place so that
// two kinds never share an id. Two commands merge only with the same id and the same merge key
// (the element and field they edit), within one merge sequence (Document::breakMergeSequence()).
enum class MergeId : int {
    None = -1, // QUndoCommand's "never merge"
    RenameProject = 1,
    RenameEntity,
    EditEntityOption,
    EditAttributeField,
    EditAssociationField,
    NudgeModels,
    EditIndexField,
};

} // namespace Junction
