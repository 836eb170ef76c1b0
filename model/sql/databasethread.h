// SPDX-License-Identifier: MIT
#pragma once

#include "connection.h"

#include <QList>
#include <QObject>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <type_traits>
#include <utility>

QT_BEGIN_NAMESPACE
class QThread;
QT_END_NAMESPACE

namespace Junction {

class StatementInterrupter;

// One database connection on its own thread, for the designer: the UI thread queues work
// and gets the result back on its own thread, so no statement ever blocks it.
//
//     auto *db = new DatabaseThread(this);
//     db->open(spec, this, [](const ConnectionError &error) { ... });
//     db->run([](Connection &connection, const std::atomic_bool &cancelled) {
//                 RelatedRows rows(connection, schema);          // on the worker thread
//                 return rows.list(u"Users"_s, query);           // any copyable value
//             },
//             this, [this](RowsResult<RowSet> result) { ... });  // on this's thread
//
// Rules:
// - Jobs run on the worker thread one at a time, in the order they were queued (open()
//   is a job too, so run() may be called right after open()). A job gets the Connection
//   and must not keep it, a QSqlDatabase or a QSqlQuery beyond its return: QtSql objects
//   belong to the thread that made them.
// - Each callback runs on the thread of its context object, in the order the jobs
//   finished. If the context is destroyed first the callback is dropped (the job still
//   runs). Results are moved across threads, so return values (RowsResult, QList, ...),
//   never pointers into the worker's state.
// - Jobs queued while no connection is open (before open(), or after it failed) are
//   skipped with a warning and their callback is not called: call run() after open(),
//   and act on open()'s error.
// - cancel() cancels the job that is running now, not the queued ones: it sets that
//   job's `cancelled` flag, which the job should check between statements, and
//   interrupts its running statement where the engine allows it:
//     SQLite      sqlite3_interrupt() on the connection's handle (immediate);
//     PostgreSQL  PQcancel() with the connection's cancel key (libpq's thread-safe way);
//     MariaDB     KILL QUERY <connection id> from a short second connection.
//   The interrupted statement fails with the engine's error, so the job returns its
//   usual failure; check `cancelled` to tell a cancel from a real error. The interrupt
//   never reaches a later job: it is sent only while the cancelled job still runs, and
//   that job cannot finish until the interrupt is sent. A job inside a transaction that
//   is interrupted should roll back as on any failure (RowTransaction does).
// - The destructor cancels the running job, skips the queued ones (no callbacks), closes
//   the connection on the worker thread and waits for it: it may block for as long as
//   the running statement takes to notice the interrupt.
// - Not copyable; create and destroy it on one thread (the UI thread). open(), run() and
//   cancel() must be called on that thread too.
class DatabaseThread : public QObject
{
    Q_OBJECT

public:
    using OpenCallback = std::function<void(const ConnectionError &error)>;

    explicit DatabaseThread(QObject *parent = nullptr);
    ~DatabaseThread() override;

    // Opens the connection on the worker thread (closing the previous one, if any) and
    // reports to `callback` on `context`'s thread; kind None means it is open.
    void open(const ConnectionSpec &spec, const QObject *context, OpenCallback callback);

    // Queues `job(Connection &, const std::atomic_bool &cancelled)`; its return value is
    // passed to `callback` on `context`'s thread (a job returning void: callback()).
    // Both must be copyable.
    template<typename Job, typename Callback>
    void run(Job job, const QObject *context, Callback callback);

    // Cancels the running job (see above). Harmless when nothing runs.
    void cancel();

    // The spec of the last open() call (with its password: keep it in memory only).
    ConnectionSpec spec() const { return m_spec; }
    ConnectionSpec::Engine engine() const { return m_spec.engine; }

private:
    // Connection is nullptr for open()'s own job, which runs without one.
    using Work = std::function<void(Connection *, const std::atomic_bool &)>;
    struct JobState;

    void enqueue(Work work, bool needsConnection, const QObject *context,
                 std::function<void()> deliver);
    void runOnWorker(const Work &work, bool needsConnection, QObject *notifier);
    void openOnWorker(const ConnectionSpec &spec, ConnectionError *error);
    void closeOnWorker();

    QThread *m_thread = nullptr;
    QObject *m_worker = nullptr; // lives on m_thread; jobs are posted to it
    ConnectionSpec m_spec;
    QList<QThread *> m_helpers; // threads sending a slow interrupt (PostgreSQL, MariaDB)

    // Worker thread only.
    std::unique_ptr<Connection> m_connection;

    // Shared between the threads.
    std::mutex m_stateMutex; // guards the three below
    bool m_stopping = false;
    std::shared_ptr<JobState> m_current; // the running job
    std::shared_ptr<StatementInterrupter> m_interrupter; // for the open connection
    // Held while an interrupt is sent and while a job ends or the connection closes, so
    // that an interrupt reaches only the job it was meant for, and a live handle.
    std::mutex m_interruptMutex;
};

template<typename Job, typename Callback>
void DatabaseThread::run(Job job, const QObject *context, Callback callback)
{
    using Result = std::invoke_result_t<Job &, Connection &, const std::atomic_bool &>;
    if constexpr (std::is_void_v<Result>) {
        enqueue(
            [job](Connection *connection, const std::atomic_bool &cancelled) mutable {
                job(*connection, cancelled);
            },
            true, context, [callback]() mutable { callback(); });
    } else {
        // Written by the worker before the callback is posted, read after: the queued
        // delivery orders the two.
        auto result = std::make_shared<std::optional<Result>>();
        enqueue(
            [job, result](Connection *connection, const std::atomic_bool &cancelled) mutable {
                result->emplace(job(*connection, cancelled));
            },
            true, context, [callback, result]() mutable { callback(std::move(**result)); });
    }
}

} // namespace Junction
