// SPDX-License-Identifier: MIT
#pragma once

#include "diagnostic.h"

#include <QObject>

#include <memory>

namespace Junction {

class Document;
struct LoadedProject;

// Opens a project file off the UI thread: reading, parsing and resolving (the slow part of
// a 10,000-model file) run on a worker; the Document itself is made on the UI thread when
// the work is done (it owns timers and an undo stack, which belong to that thread).
// One load at a time: a new load() supersedes the one in progress, whose result is dropped.
class DocumentLoader : public QObject
{
    Q_OBJECT

public:
    explicit DocumentLoader(QObject *parent = nullptr);
    ~DocumentLoader() override;

    void load(const QString &path);
    // Drops the load in progress, if any: nothing is emitted for it.
    void cancel();
    bool isLoading() const { return m_loading; }
    QString path() const { return m_path; }

    // After loaded(): the document, once.
    std::unique_ptr<Document> takeDocument();

signals:
    void loaded(const QString &path);
    // Nothing opened; diagnostics say what and where.
    void failed(const QString &path, const Junction::Diagnostics &diagnostics);

private:
    void finish(const std::shared_ptr<LoadedProject> &done);

    // Each load has a number; a result whose number is not the latest is dropped. The
    // worker is not waited for (that would block the UI thread): it ends on its own.
    quint64 m_generation = 0;
    bool m_loading = false;
    QString m_path;
    std::unique_ptr<Document> m_document;
};

} // namespace Junction
