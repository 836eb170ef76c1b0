// SPDX-License-Identifier: MIT
#include "databasethread.h"

#include "statementinterrupter.h"

#include <QThread>
#include <QtDebug>

// How a job travels (see the header for the contract):
//
//   run()/open() on the owner's thread make a JobNotifier, connect its finished() signal
//   to the callback with the context as receiver (queued), move the notifier to the
//   worker thread and post the job to the worker object. Qt drops a connection whose
//   receiver is destroyed, safely across threads, which is what makes "the callback is
//   dropped if the context is gone" hold without a race.
//   On the worker the job runs, emits finished() and deletes the notifier; skipped jobs
//   delete it without emitting. Posted events are delivered in order, so jobs run in the
//   order they were queued.
//
// Cancel: the running job is m_current (under m_stateMutex). cancel() sets its flag and
// sends the engine's interrupt while holding m_interruptMutex; the worker marks a job
// finished, and closes the connection, under the same mutex, so an interrupt is only
// sent while its job runs and while the handle it uses is open.

namespace Junction {

namespace {

class JobNotifier : public QObject
{
    Q_OBJECT

signals:
    void finished();
};

} // namespace

struct DatabaseThread::JobState
{
    std::atomic_bool cancelled {false};
    bool finished = false; // guarded by m_interruptMutex
};

DatabaseThread::DatabaseThread(QObject *parent)
    : QObject(parent)
    , m_thread(new QThread)
    , m_worker(new QObject)
{
    m_thread->setObjectName(QStringLiteral("Junction database"));
    m_worker->moveToThread(m_thread);
    m_thread->start();
}

DatabaseThread::~DatabaseThread()
{
    {
        std::lock_guard lock(m_stateMutex);
        m_stopping = true; // no job starts from now on
    }
    cancel();
    // Posted last, so it runs after every queued job has been skipped.
    QMetaObject::invokeMethod(
        m_worker,
        [this] {
            closeOnWorker();
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    m_thread->wait();
    for (QThread *helper : std::as_const(m_helpers)) {
        helper->wait();
        delete helper;
    }
    delete m_worker; // its thread has ended: deleting it from here is safe
    delete m_thread;
}

void DatabaseThread::open(const ConnectionSpec &spec, const QObject *context, OpenCallback callback)
{
    m_spec = spec;
    auto error = std::make_shared<ConnectionError>();
    enqueue([this, spec, error](Connection *,
                                const std::atomic_bool &) { openOnWorker(spec, error.get()); },
            false, context, [callback, error] { callback(*error); });
}

void DatabaseThread::cancel()
{
    std::shared_ptr<JobState> job;
    std::shared_ptr<StatementInterrupter> interrupter;
    {
        std::lock_guard lock(m_stateMutex);
        job = m_current;
        interrupter = m_interrupter;
    }
    if (!job)
        return;
    job->cancelled = true;
    if (!interrupter)
        return;

    auto send = [this, job, interrupter] {
        std::lock_guard lock(m_interruptMutex);
        if (!job->finished)
            interrupter->interrupt();
    };
    if (interrupter->isImmediate()) {
        send();
        return;
    }
    // A slow interrupt gets its own thread so that the UI does not wait for the server.
    for (auto it = m_helpers.begin(); it != m_helpers.end();) {
        if ((*it)->isFinished()) {
            delete *it;
            it = m_helpers.erase(it);
        } else {
            ++it;
        }
    }
    QThread *helper = QThread::create(send);
    helper->setObjectName(QStringLiteral("Junction database cancel"));
    m_helpers.append(helper);
    helper->start();
}

void DatabaseThread::enqueue(Work work, bool needsConnection, const QObject *context,
                             std::function<void()> deliver)
{
    auto *notifier = new JobNotifier;
    if (context)
        connect(notifier, &JobNotifier::finished, context, std::move(deliver),
                Qt::QueuedConnection);
    notifier->moveToThread(m_thread);
    QMetaObject::invokeMethod(
        m_worker,
        [this, work = std::move(work), needsConnection, notifier] {
            runOnWorker(work, needsConnection, notifier);
        },
        Qt::QueuedConnection);
}

void DatabaseThread::runOnWorker(const Work &work, bool needsConnection, QObject *notifier)
{
    const std::unique_ptr<QObject> notifierOwner(notifier);
    auto state = std::make_shared<JobState>();
    {
        std::lock_guard lock(m_stateMutex);
        if (m_stopping)
            return;
        if (needsConnection && !m_connection) {
            qWarning("Junction::DatabaseThread: a job was queued without an open connection; "
                     "it is skipped");
            return;
        }
        m_current = state;
    }

    work(m_connection.get(), state->cancelled);

    {
        std::lock_guard lock(m_interruptMutex);
        state->finished = true;
    }
    {
        std::lock_guard lock(m_stateMutex);
        m_current.reset();
    }
    emit static_cast<JobNotifier *>(notifier)->finished();
}

void DatabaseThread::openOnWorker(const ConnectionSpec &spec, ConnectionError *error)
{
    closeOnWorker();
    std::unique_ptr<Connection> connection = Connection::open(spec, error);
    if (!connection)
        return;
    std::shared_ptr<StatementInterrupter> interrupter
        = StatementInterrupter::create(*connection, spec);
    m_connection = std::move(connection);
    std::lock_guard lock(m_stateMutex);
    m_interrupter = std::move(interrupter);
}

void DatabaseThread::closeOnWorker()
{
    std::lock_guard interruptLock(m_interruptMutex);
    {
        std::lock_guard lock(m_stateMutex);
        m_interrupter.reset();
    }
    m_connection.reset();
}

} // namespace Junction

#include "databasethread.moc"
