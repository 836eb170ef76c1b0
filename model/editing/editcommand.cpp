// SPDX-License-Identifier: MIT
#include "editcommand.h"

#include "document.h"

namespace Junction {

EditCommand::EditCommand(Document *document, const QString &text, ProjectEdit edit,
                         QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_edit(std::move(edit))
    , m_mergeSequence(document->mergeSequence())
{
}

void EditCommand::setMerge(MergeId id, const QString &key)
{
    m_mergeId = id;
    m_mergeKey = key;
}

bool EditCommand::mergeWith(const QUndoCommand *other)
{
    // Only EditCommands carry a MergeId, so the id check makes the cast safe.
    if (other->id() != id() || m_mergeId == MergeId::None)
        return false;
    const auto *next = static_cast<const EditCommand *>(other);
    if (next->m_mergeKey != m_mergeKey || next->m_mergeSequence != m_mergeSequence
        || !m_edit.isValueOnly() || !next->m_edit.isValueOnly())
        return false;
    m_edit.append(next->m_edit);
    setText(next->text()); // "Rename User to Person", not to "P"
    // Typed back to where it began (a letter and Backspace): the stack drops the step, and
    // the document is unmodified again if it was before.
    if (m_edit.changesNothing())
        setObsolete(true);
    return true;
}

void EditCommand::redo()
{
    m_document->apply(m_edit, ProjectEdit::Direction::Forward);
}

void EditCommand::undo()
{
    m_document->apply(m_edit, ProjectEdit::Direction::Backward);
}

} // namespace Junction
