// SPDX-License-Identifier: MIT
#pragma once

#include "mergeid.h"
#include "projectedit.h"

#include <QUndoCommand>

namespace Junction {

class Document;

// The undo command of every edit: it applies a ProjectEdit to the document and reverts it.
// The functions in commands/ build one per gesture (or a macro of several) from the current
// project; what differs between commands is the edit they compute, not how it is applied.
// Typing and nudges merge: same MergeId, same key (the element and field), same merge
// sequence of the document, and a value-only edit.
class EditCommand : public QUndoCommand
{
public:
    EditCommand(Document *document, const QString &text, ProjectEdit edit,
                QUndoCommand *parent = nullptr);

    void setMerge(MergeId id, const QString &key);

    const ProjectEdit &edit() const { return m_edit; }

    int id() const override { return int(m_mergeId); }
    bool mergeWith(const QUndoCommand *other) override;
    void redo() override;
    void undo() override;

private:
    Document *m_document;
    ProjectEdit m_edit;
    MergeId m_mergeId = MergeId::None;
    QString m_mergeKey;
    quint64 m_mergeSequence = 0;
};

} // namespace Junction
