// SPDX-License-Identifier: MIT
#include "recoverystore.h"

#include "project.h"
#include "projectwriter.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

namespace Junction {

Q_LOGGING_CATEGORY(lcRecovery, "junction.recovery")

namespace {

QLatin1String projectSuffix() { return QLatin1String(".junction.json"); }
QLatin1String metaSuffix() { return QLatin1String(".meta.json"); }
QLatin1String lockSuffix() { return QLatin1String(".lock"); }

QString stemOf(const QString &projectPath)
{
    return projectPath.chopped(projectSuffix().size());
}

std::unique_ptr<QLockFile> lockFor(const QString &stem)
{
    auto lock = std::make_unique<QLockFile>(stem + lockSuffix());
    lock->setStaleLockTime(0); // held for the document's lifetime; only a dead owner is stale
    return lock;
}

bool saveBytes(const QString &path, const QByteArray &bytes, QString *errorMessage)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.flush()
        && file.commit())
        return true;
    if (errorMessage)
        *errorMessage = QStringLiteral("cannot write %1: %2")
                            .arg(QDir::toNativeSeparators(path), file.errorString());
    file.cancelWriting();
    return false;
}

} // namespace

RecoveryStore::RecoveryStore()
{
    m_pool.setMaxThreadCount(1);
}

RecoveryStore::~RecoveryStore()
{
    m_pool.waitForDone();
}

QString RecoveryStore::directory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
           + QLatin1String("/recovery");
}

QList<RecoveryFile> RecoveryStore::pending()
{
    QList<RecoveryFile> files;
    const QDir dir(directory());
    const QStringList names = dir.entryList({QStringLiteral("*.junction.json")}, QDir::Files,
                                            QDir::Name);
    for (const QString &name : names) {
        RecoveryFile file;
        file.path = dir.filePath(name);
        const QString stem = stemOf(file.path);
        const auto lock = lockFor(stem);
        if (!lock->tryLock(0))
            continue; // a running document's
        lock->unlock();
        file.written = QFileInfo(file.path).lastModified();
        QFile metaFile(stem + metaSuffix());
        if (metaFile.open(QIODevice::ReadOnly)) {
            const QJsonObject meta = QJsonDocument::fromJson(metaFile.readAll()).object();
            file.originalPath = meta.value(QLatin1String("original")).toString();
            file.projectName = meta.value(QLatin1String("name")).toString();
        }
        files.append(file);
    }
    std::stable_sort(files.begin(), files.end(), [](const RecoveryFile &a, const RecoveryFile &b) {
        return a.written > b.written;
    });
    return files;
}

bool RecoveryStore::discard(const RecoveryFile &file)
{
    const QString stem = stemOf(file.path);
    const auto lock = lockFor(stem);
    if (!lock->tryLock(0))
        return false;
    QFile::remove(stem + metaSuffix());
    const bool removed = QFile::remove(file.path);
    lock->unlock();
    return removed;
}

// Takes the first free stem for this file and locks it.
bool RecoveryStore::claim(const QString &originalPath)
{
    if (!QDir().mkpath(directory()))
        return false;
    QString base;
    if (originalPath.isEmpty()) {
        base = QStringLiteral("untitled");
    } else {
        const QByteArray hash = QCryptographicHash::hash(
            QFileInfo(originalPath).absoluteFilePath().toUtf8(), QCryptographicHash::Sha1);
        base = QFileInfo(originalPath).fileName() + u'-'
               + QString::fromLatin1(hash.toHex().left(8));
    }
    const QDir dir(directory());
    for (int n = 1; n < 1000; ++n) {
        const bool plain = n == 1 && !originalPath.isEmpty();
        const QString stem = dir.filePath(plain ? base : base + u'-' + QString::number(n));
        auto lock = lockFor(stem);
        if (!lock->tryLock(0))
            continue;
        if (QFileInfo::exists(stem + projectSuffix())) {
            lock->unlock(); // a crashed session's file, still to be offered
            continue;
        }
        m_stem = stem;
        m_originalPath = originalPath;
        m_lock = std::move(lock);
        return true;
    }
    return false;
}

bool RecoveryStore::writeFiles(const QString &stem, const Project &project,
                               const QString &originalPath, QString *errorMessage)
{
    if (!saveBytes(stem + projectSuffix(), ProjectWriter::toBytes(project), errorMessage))
        return false;
    const QJsonObject meta{{QLatin1String("original"), originalPath},
                           {QLatin1String("name"), project.name}};
    return saveBytes(stem + metaSuffix(), QJsonDocument(meta).toJson(QJsonDocument::Compact),
                     errorMessage);
}

bool RecoveryStore::write(const Project &project, const QString &originalPath,
                          QString *errorMessage)
{
    waitForWrite();
    if (m_stem.isEmpty() || m_originalPath != originalPath) {
        remove();
        if (!claim(originalPath)) {
            if (errorMessage)
                *errorMessage = QStringLiteral("no recovery file can be created in %1")
                                    .arg(QDir::toNativeSeparators(directory()));
            return false;
        }
    }
    return writeFiles(m_stem, project, originalPath, errorMessage);
}

void RecoveryStore::writeInBackground(const Project &project, const QString &originalPath)
{
    if (m_stem.isEmpty() || m_originalPath != originalPath) {
        remove();
        if (!claim(originalPath)) {
            qCWarning(lcRecovery, "no recovery file can be created in %s",
                      qPrintable(directory()));
            return;
        }
    }
    m_pool.start([stem = m_stem, project, originalPath] {
        QString error;
        if (!writeFiles(stem, project, originalPath, &error))
            qCWarning(lcRecovery, "%s", qPrintable(error));
    });
}

void RecoveryStore::waitForWrite()
{
    m_pool.waitForDone();
}

void RecoveryStore::remove()
{
    waitForWrite();
    if (m_stem.isEmpty())
        return;
    QFile::remove(m_stem + projectSuffix());
    QFile::remove(m_stem + metaSuffix());
    m_lock.reset(); // unlocks and removes the lock file
    m_stem.clear();
    m_originalPath.clear();
}

bool RecoveryStore::adopt(const RecoveryFile &file)
{
    remove();
    const QString stem = stemOf(file.path);
    auto lock = lockFor(stem);
    if (!lock->tryLock(0))
        return false;
    m_stem = stem;
    m_originalPath = file.originalPath;
    m_lock = std::move(lock);
    return true;
}

QString RecoveryStore::filePath() const
{
    return m_stem.isEmpty() ? QString() : m_stem + projectSuffix();
}

} // namespace Junction
