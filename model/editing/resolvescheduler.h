// SPDX-License-Identifier: MIT
#pragma once

#include "change.h"
#include "resolveddelta.h"
#include "resolvedschema.h"

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

namespace Junction {

class Document;

// Keeps a Document's resolved schema current without the UI thread waiting for it: an
// edit that can change the schema starts a short debounce; then resolve() runs on a worker
// thread on a copy of the project (Project copies are implicitly shared: cheap), together
// with the ResolvedDelta from the schema the views last saw. A result for a project that
// has been edited since is dropped and the resolve started again; a current one is handed
// to the document, which announces it (Document::resolvedChanged). Typing faster than the
// resolve therefore costs one resolve per pause, never one per key.
class ResolveScheduler : public QObject
{
    Q_OBJECT

public:
    explicit ResolveScheduler(Document *document);
    ~ResolveScheduler() override;

    // No edit waiting for the debounce or a resolve: resolvedChanged() has announced the
    // project as it is.
    bool isIdle() const;
    // Starts the resolve now (the debounce timer calls it).
    void start();

    // How many results were dropped for being older than the project (tests, benchmarks).
    int droppedCount() const { return m_dropped; }
    int resolveCount() const { return m_resolves; }

    static constexpr int debounceMsec = 120;

private:
    void documentChanged(const ChangeSet &changes);
    void finished();

    struct Result
    {
        ResolvedSchema schema;
        ResolvedDelta delta;
    };

    Document *m_document;
    QTimer m_debounce;
    QFutureWatcher<Result> m_watcher;
    quint64 m_running = 0;   // the generation being resolved; 0: none
    quint64 m_announced = 0; // the generation resolvedChanged() last announced
    bool m_pending = false;  // an edit is waiting to be resolved
    // The schema the views last saw: what the next delta is taken against.
    ResolvedSchema m_shown;
    bool m_hasShown = false;
    int m_dropped = 0;
    int m_resolves = 0;
};

} // namespace Junction
