// SPDX-License-Identifier: MIT
#include "document.h"

#include "projectreader.h"
#include "projectwriter.h"
#include "resolvescheduler.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentRun>

namespace Junction {

namespace {

// The file as it is on disk, copied next to it before it is replaced.
bool copyToBackup(const QString &path, const QString &backup, QString *errorMessage)
{
    QFile original(path);
    QSaveFile copy(backup);
    if (original.open(QIODevice::ReadOnly) && copy.open(QIODevice::WriteOnly)) {
        const QByteArray bytes = original.readAll();
        if (original.error() == QFileDevice::NoError && copy.write(bytes) == bytes.size()
            && copy.flush() && copy.commit())
            return true;
    }
    if (errorMessage) {
        const QString why = original.error() != QFileDevice::NoError ? original.errorString()
                                                                      : copy.errorString();
        *errorMessage = QStringLiteral("cannot keep the previous version as %1: %2")
                            .arg(QDir::toNativeSeparators(backup), why);
    }
    copy.cancelWriting();
    return false;
}

} // namespace

Document::Document(Project project, const QString &filePath, QObject *parent)
    : QObject(parent)
    , m_project(std::move(project))
    , m_filePath(filePath)
    , m_scheduler(new ResolveScheduler(this))
{
    // Seeded now, from the file as opened: a model deleted before the first add must not
    // hand its id to the new one (a sync would take that for a rename).
    m_ids.seed(m_project);
    connect(&m_undoStack, &QUndoStack::cleanChanged, this, &Document::cleanChanged);
    m_autosaveTimer.setInterval(m_autosaveInterval);
    connect(&m_autosaveTimer, &QTimer::timeout, this, &Document::autosave);
}

Document::~Document()
{
    // The stack's commands go with it; nothing may call back into a half-destroyed document.
    m_undoStack.disconnect(this);
    // A 10,000-model project and its resolve take some 40 ms to free (every model, column
    // and string): a worker frees them, not the window that is opening the next file.
    (void)QtConcurrent::run([project = std::exchange(m_project, {}),
                             resolved = std::exchange(m_resolved, std::nullopt)] {});
}

std::unique_ptr<Document> Document::newDocument()
{
    return std::make_unique<Document>();
}

std::unique_ptr<Document> Document::open(const QString &path, Diagnostics *diagnostics)
{
    LoadResult result = ProjectReader::readFile(path);
    if (diagnostics)
        *diagnostics = std::move(result.diagnostics);
    if (!result.project)
        return nullptr;
    return std::make_unique<Document>(std::move(*result.project),
                                      QFileInfo(path).absoluteFilePath());
}

const ResolvedSchema &Document::resolved() const
{
    if (!isResolvedCurrent()) {
        m_resolved = resolve(m_project);
        m_resolvedGeneration = m_schemaGeneration;
    }
    return *m_resolved;
}

const ResolvedSchema &Document::lastResolved() const
{
    return m_resolved ? *m_resolved : resolved();
}

void Document::adoptResolved(ResolvedSchema resolved)
{
    m_resolved = std::move(resolved);
    m_resolvedGeneration = m_schemaGeneration;
}

bool Document::isResolveSettled() const
{
    return m_scheduler->isIdle();
}

bool Document::push(std::unique_ptr<QUndoCommand> command)
{
    if (!command)
        return false;
    m_undoStack.push(command.release());
    return true;
}

int Document::entityIndex(const EntityId &id) const
{
    if (m_entityIndex.isEmpty() && !m_project.entities.isEmpty()) {
        m_entityIndex.reserve(m_project.entities.size());
        for (int i = 0; i < m_project.entities.size(); ++i)
            m_entityIndex.insert(m_project.entities.at(i).id, i);
    }
    return m_entityIndex.value(id, -1);
}

int Document::entityIndexByName(const QString &name) const
{
    for (int i = 0; i < m_project.entities.size(); ++i) {
        if (m_project.entities.at(i).name == name)
            return i;
    }
    return -1;
}

int Document::associationIndex(const AssociationId &id) const
{
    if (m_associationIndex.isEmpty() && !m_project.associations.isEmpty()) {
        m_associationIndex.reserve(m_project.associations.size());
        for (int i = 0; i < m_project.associations.size(); ++i)
            m_associationIndex.insert(m_project.associations.at(i).id, i);
    }
    return m_associationIndex.value(id, -1);
}

const Entity *Document::entity(const EntityId &id) const
{
    const int index = entityIndex(id);
    return index < 0 ? nullptr : &m_project.entities.at(index);
}

const Association *Document::association(const AssociationId &id) const
{
    const int index = associationIndex(id);
    return index < 0 ? nullptr : &m_project.associations.at(index);
}

IdAllocator &Document::idAllocator()
{
    return m_ids;
}

QString Document::displayName() const
{
    if (!m_filePath.isEmpty())
        return QFileInfo(m_filePath).fileName();
    return m_project.name.isEmpty() ? QStringLiteral("untitled") : m_project.name;
}

void Document::apply(const ProjectEdit &edit, ProjectEdit::Direction direction)
{
    const ChangeSet changes = edit.changeSet(direction);
    emit aboutToChange(changes);
    edit.apply(m_project, direction);
    if (!edit.isValueOnly()) {
        m_entityIndex.clear();
        m_associationIndex.clear();
    }
    if (changes.affectsSchema())
        ++m_schemaGeneration; // m_resolved stays, as lastResolved()
    ++m_editCount;
    emit changed(changes);
}

bool Document::save(QString *errorMessage)
{
    if (m_filePath.isEmpty()) {
        if (errorMessage)
            *errorMessage = QStringLiteral("the document has no file yet; use save as");
        return false;
    }
    return saveAs(m_filePath, errorMessage);
}

bool Document::saveAs(const QString &path, QString *errorMessage)
{
    const QFileInfo target(path);
    if (target.isFile() && !copyToBackup(path, backupPath(path), errorMessage))
        return false;
    if (!ProjectWriter::writeFile(m_project, path, errorMessage))
        return false;
    setFilePath(target.absoluteFilePath());
    m_undoStack.setClean();
    removeRecovery(); // also when it was clean already: saved means nothing to recover
    return true;
}

QString Document::backupPath(const QString &path)
{
    return path + QLatin1String(".bak");
}

void Document::setFilePath(const QString &path)
{
    if (path == m_filePath)
        return;
    m_filePath = path;
    emit filePathChanged(m_filePath);
}

void Document::cleanChanged(bool clean)
{
    if (clean) {
        m_autosaveTimer.stop();
        removeRecovery();
    } else if (m_autosaveInterval > 0) {
        m_autosaveTimer.start();
    }
    emit modifiedChanged(!clean);
}

void Document::setAutosaveInterval(int msec)
{
    m_autosaveInterval = msec;
    if (msec <= 0) {
        m_autosaveTimer.stop();
        return;
    }
    m_autosaveTimer.setInterval(msec);
    if (isModified())
        m_autosaveTimer.start();
}

void Document::autosave()
{
    if (!isModified() || (m_recoveredEditCount == m_editCount && !recoveryFilePath().isEmpty()))
        return;
    m_recoveredEditCount = m_editCount;
    m_recovery.writeInBackground(m_project, m_filePath);
}

bool Document::writeRecovery(QString *errorMessage)
{
    m_recoveredEditCount = m_editCount;
    return m_recovery.write(m_project, m_filePath, errorMessage);
}

void Document::removeRecovery()
{
    m_recovery.remove();
}

QList<RecoveryFile> Document::pendingRecoveries()
{
    return RecoveryStore::pending();
}

std::unique_ptr<Document> Document::restoreRecovery(const RecoveryFile &file,
                                                     Diagnostics *diagnostics)
{
    LoadResult result = ProjectReader::readFile(file.path);
    if (diagnostics)
        *diagnostics = result.diagnostics;
    if (!result.project)
        return nullptr;
    auto document = std::make_unique<Document>(std::move(*result.project), file.originalPath);
    if (!document->m_recovery.adopt(file)) {
        if (diagnostics) {
            Diagnostic d;
            d.code = QStringLiteral("recovery-in-use");
            d.message = QStringLiteral("%1 is being recovered by another window")
                            .arg(QDir::toNativeSeparators(file.path));
            diagnostics->append(d);
        }
        return nullptr;
    }
    // Not what is on disk: modified from the start, with nothing to undo.
    document->m_undoStack.resetClean();
    return document;
}

bool Document::discardRecovery(const RecoveryFile &file)
{
    return RecoveryStore::discard(file);
}

} // namespace Junction
