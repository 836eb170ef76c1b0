// SPDX-License-Identifier: MIT
#include "documentloader.h"

#include "document.h"
#include "projectreader.h"
#include "resolvedschema.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace Junction {

// What the worker hands back: plain values, safe to move across threads.
struct LoadedProject
{
    QString path;
    LoadResult result;
    std::optional<ResolvedSchema> resolved;
};

DocumentLoader::DocumentLoader(QObject *parent)
    : QObject(parent)
{
}

DocumentLoader::~DocumentLoader() = default;

void DocumentLoader::load(const QString &path)
{
    cancel();
    m_loading = true;
    m_path = QFileInfo(path).absoluteFilePath();
    const quint64 generation = m_generation;
    auto watcher = new QFutureWatcher<std::shared_ptr<LoadedProject>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation == m_generation)
            finish(watcher->result());
    });
    // The worker works on its own copies only: it may outlive this loader harmlessly.
    watcher->setFuture(QtConcurrent::run([path = m_path] {
        auto loaded = std::make_shared<LoadedProject>();
        loaded->path = path;
        loaded->result = ProjectReader::readFile(path);
        if (loaded->result.project)
            loaded->resolved = resolve(*loaded->result.project);
        return loaded;
    }));
}

void DocumentLoader::cancel()
{
    ++m_generation;
    m_loading = false;
}

std::unique_ptr<Document> DocumentLoader::takeDocument()
{
    return std::move(m_document);
}

void DocumentLoader::finish(const std::shared_ptr<LoadedProject> &done)
{
    m_loading = false;
    if (!done->result.project) {
        emit failed(done->path, done->result.diagnostics);
        return;
    }
    m_document = std::make_unique<Document>(std::move(*done->result.project), done->path);
    m_document->adoptResolved(std::move(*done->resolved));
    emit loaded(done->path);
}

} // namespace Junction
