// SPDX-License-Identifier: MIT
#pragma once

#include "change.h"
#include "diagnostic.h"
#include "idallocator.h"
#include "project.h"
#include "projectedit.h"
#include "recoverystore.h"
#include "resolveddelta.h"
#include "resolvedschema.h"

#include <QHash>
#include <QObject>
#include <QTimer>
#include <QUndoStack>

#include <memory>
#include <optional>

namespace Junction {

class ResolveScheduler;

// The project being edited: the Project, its undo stack and its file. Every change goes
// through a command on the stack (see commands/), which applies it here; the document
// announces it with aboutToChange/changed and a ChangeSet, and views follow those signals.
// Modified means "not at the undo stack's clean index".
class Document : public QObject
{
    Q_OBJECT

public:
    explicit Document(Project project = {}, const QString &filePath = {},
                      QObject *parent = nullptr);
    ~Document() override;

    static std::unique_ptr<Document> newDocument();
    // Nothing is opened when the file has an error; *diagnostics gets every problem with
    // its line and column (and the warnings of a file that did open).
    static std::unique_ptr<Document> open(const QString &path, Diagnostics *diagnostics = nullptr);

    const Project &project() const { return m_project; }
    // resolve(project()), computed now (on the calling thread) when the last one is older
    // than the last edit that can change it (moves cannot). For what must be exact at once:
    // commands, quick fixes, save, sync. The reference is valid until the next resolve.
    const ResolvedSchema &resolved() const;
    // The last resolve there is, never computed here (but for the first): after an edit and
    // until resolvedChanged(), it is from before the edit. Views show it and refresh on
    // resolvedChanged(), so that typing never waits for a resolve (see ResolveScheduler).
    const ResolvedSchema &lastResolved() const;
    bool hasResolved() const { return m_resolved.has_value(); }
    bool isResolvedCurrent() const
    {
        return m_resolved.has_value() && m_resolvedGeneration == m_schemaGeneration;
    }
    // Counts the edits that can change the resolved schema.
    quint64 schemaGeneration() const { return m_schemaGeneration; }
    // Hands over resolve(project()) computed elsewhere (a loader's or the scheduler's worker
    // thread), so the UI thread does not compute it again. It must be exactly that: no check
    // is made.
    void adoptResolved(ResolvedSchema resolved);
    // Resolves after edits on a worker thread and announces it with resolvedChanged().
    ResolveScheduler *resolveScheduler() const { return m_scheduler; }
    // No edit waiting for its resolve to be announced.
    bool isResolveSettled() const;

    QUndoStack *undoStack() { return &m_undoStack; }
    // Pushes (and so applies) a command built by commands/; false for none.
    bool push(std::unique_ptr<QUndoCommand> command);
    // Ends the current run of merging edits: the next keystroke or nudge starts a new undo
    // step (a panel calls it when a field loses focus).
    void breakMergeSequence() { ++m_mergeSequence; }
    quint64 mergeSequence() const { return m_mergeSequence; }

    // Lookups for building commands; -1 or nullptr when absent.
    int entityIndex(const EntityId &id) const;
    int entityIndexByName(const QString &name) const;
    int associationIndex(const AssociationId &id) const;
    const Entity *entity(const EntityId &id) const;
    const Association *association(const AssociationId &id) const;
    IdAllocator &idAllocator();

    QString filePath() const { return m_filePath; }
    QString displayName() const;
    bool isModified() const { return !m_undoStack.isClean(); }

    // Through ProjectWriter (QSaveFile, canonical bytes). An existing file is first copied
    // to backupPath(); then the document is clean and its recovery file removed.
    bool save(QString *errorMessage = nullptr);
    bool saveAs(const QString &path, QString *errorMessage = nullptr);
    static QString backupPath(const QString &path);

    // Autosave recovery: while modified, the project is written every autosaveInterval()
    // ms (0: never) to a recovery file, removed again on save, on discard (removeRecovery())
    // and when undo returns to the saved state.
    void setAutosaveInterval(int msec);
    int autosaveInterval() const { return m_autosaveInterval; }
    bool writeRecovery(QString *errorMessage = nullptr);
    void removeRecovery();
    QString recoveryFilePath() const { return m_recovery.filePath(); }
    static QList<RecoveryFile> pendingRecoveries();
    // The recovered project, as a modified document for its original file (if any); it keeps
    // the recovery file until saved or discarded.
    static std::unique_ptr<Document> restoreRecovery(const RecoveryFile &file,
                                                     Diagnostics *diagnostics = nullptr);
    static bool discardRecovery(const RecoveryFile &file);

signals:
    // Emitted from inside a command's redo()/undo(): slots update views and must not push
    // commands (the stack is mid-step).
    void aboutToChange(const Junction::ChangeSet &changes);
    void changed(const Junction::ChangeSet &changes);
    void modifiedChanged(bool modified);
    void filePathChanged(const QString &filePath);
    // The resolved schema is current again after edits (computed off the UI thread, a short
    // while after the last of them); `delta` says what differs from the one last announced
    // (or the one there was before the first edit). Views that show the resolved schema
    // refresh from here, touching only what the delta names.
    void resolvedChanged(const Junction::ResolvedDelta &delta);

private:
    friend class EditCommand;
    void apply(const ProjectEdit &edit, ProjectEdit::Direction direction);

    void setFilePath(const QString &path);
    void cleanChanged(bool clean);
    void autosave();

    Project m_project;
    QUndoStack m_undoStack;
    QString m_filePath;
    quint64 m_mergeSequence = 0;
    IdAllocator m_ids;

    mutable std::optional<ResolvedSchema> m_resolved;
    mutable quint64 m_resolvedGeneration = 0; // the m_schemaGeneration m_resolved is of
    quint64 m_schemaGeneration = 0;
    ResolveScheduler *m_scheduler;
    mutable QHash<EntityId, int> m_entityIndex;           // empty: to be rebuilt
    mutable QHash<AssociationId, int> m_associationIndex; // empty: to be rebuilt

    RecoveryStore m_recovery;
    QTimer m_autosaveTimer;
    int m_autosaveInterval = 30000;
    quint64 m_editCount = 0;
    quint64 m_recoveredEditCount = 0; // m_editCount when the recovery file was last written
};

} // namespace Junction
