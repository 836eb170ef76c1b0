// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QThreadPool>

#include <memory>

class QLockFile;

namespace Junction {

struct Project;

// A recovery file left by a document that was modified when its process ended.
struct RecoveryFile
{
    QString path;         // the project as it was (a .junction.json)
    QString originalPath; // the file the document was editing; empty when untitled
    QString projectName;
    QDateTime written;
};

// The autosave recovery files of one document, in AppDataLocation/recovery/:
// <stem>.junction.json (the project, canonical bytes), <stem>.meta.json (the file it stands
// for) and <stem>.lock, held while the document lives. The stem is "<file name>-<hash of
// the path>" or "untitled-<n>", never one whose project file is still there, so a
// leftover from a crash is not overwritten before it was offered. The lock tells a running
// document's files from a crashed one's: pending() offers only files nobody holds.
class RecoveryStore
{
public:
    RecoveryStore();
    // Waits for a write in flight and releases the lock, but keeps the files: a crash would
    // too, and discarding is an explicit remove().
    ~RecoveryStore();

    static QString directory();
    static QList<RecoveryFile> pending(); // newest first
    static bool discard(const RecoveryFile &file);

    bool write(const Project &project, const QString &originalPath, QString *errorMessage);
    // The same off the calling thread: serialising a 10,000-model project takes longer than
    // the UI may stall. The project is an implicitly shared copy, so edits go on meanwhile.
    void writeInBackground(const Project &project, const QString &originalPath);
    void waitForWrite();
    void remove();
    // Continues with the files of a restored recovery (they stay until saved or discarded).
    bool adopt(const RecoveryFile &file);

    QString filePath() const; // the project file; empty before the first write

private:
    bool claim(const QString &originalPath);
    static bool writeFiles(const QString &stem, const Project &project,
                           const QString &originalPath, QString *errorMessage);

    QString m_stem; // directory + stem, no extension
    QString m_originalPath;
    std::unique_ptr<QLockFile> m_lock;
    QThreadPool m_pool; // one thread, so writes land in order
};

} // namespace Junction
