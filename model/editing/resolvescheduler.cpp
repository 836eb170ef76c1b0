// SPDX-License-Identifier: MIT
#include "resolvescheduler.h"

#include "document.h"

#include <QtConcurrent/QtConcurrentRun>

#include <optional>

namespace Junction {

ResolveScheduler::ResolveScheduler(Document *document)
    : QObject(document)
    , m_document(document)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(debounceMsec);
    connect(&m_debounce, &QTimer::timeout, this, &ResolveScheduler::start);
    connect(&m_watcher, &QFutureWatcher<Result>::finished, this, &ResolveScheduler::finished);
    // Connected before any view (the document makes its scheduler first), so the schema the
    // views saw is still the document's last one when the first edit arrives.
    connect(document, &Document::changed, this, &ResolveScheduler::documentChanged);
}

ResolveScheduler::~ResolveScheduler()
{
    // The worker has copies only; its result is dropped.
    m_watcher.disconnect(this);
}

bool ResolveScheduler::isIdle() const
{
    return !m_pending && m_running == 0 && !m_debounce.isActive();
}

void ResolveScheduler::documentChanged(const ChangeSet &changes)
{
    if (!changes.affectsSchema())
        return;
    if (!m_hasShown && m_document->hasResolved()) {
        // The views were built from the document's resolve before this first edit.
        m_shown = m_document->lastResolved();
        m_hasShown = true;
    }
    m_pending = true;
    // Only the timer here: changed() comes from inside an undo step.
    m_debounce.start();
}

void ResolveScheduler::start()
{
    m_debounce.stop();
    if (m_running != 0 || !m_pending)
        return; // finished() starts again when an edit came meanwhile
    m_pending = false;
    const quint64 generation = m_document->schemaGeneration();
    const Project project = m_document->project();
    // Someone needed it at once (a command, a save) and resolved on the UI thread: then only
    // the delta is left to compute.
    std::optional<ResolvedSchema> known;
    if (m_document->isResolvedCurrent())
        known = m_document->lastResolved();
    const std::optional<ResolvedSchema> shown
        = m_hasShown ? std::optional<ResolvedSchema>(m_shown) : std::nullopt;
    m_running = generation;
    ++m_resolves;
    m_watcher.setFuture(QtConcurrent::run([project, known, shown] {
        Result result;
        result.schema = known ? *known : resolve(project);
        if (shown)
            result.delta = ResolvedDelta::between(*shown, result.schema);
        return result;
    }));
}

void ResolveScheduler::finished()
{
    const quint64 generation = std::exchange(m_running, 0);
    if (generation != m_document->schemaGeneration()) {
        // The project was edited while this ran: the result describes no project there is.
        ++m_dropped;
        if (!m_debounce.isActive())
            start();
        return;
    }
    Result result = m_watcher.result();
    // The schemas replaced here are freed on a worker too: at 10,000 models that takes tens
    // of ms (every table, column and string).
    QList<ResolvedSchema> replaced;
    if (m_hasShown)
        replaced.append(std::exchange(m_shown, {}));
    if (!m_document->isResolvedCurrent()) {
        if (m_document->hasResolved())
            replaced.append(m_document->lastResolved());
        m_document->adoptResolved(std::move(result.schema));
    }
    (void)QtConcurrent::run([replaced = std::move(replaced)] {});
    m_shown = m_document->lastResolved();
    m_hasShown = true;
    m_pending = false;
    emit m_document->resolvedChanged(result.delta);
}

} // namespace Junction
