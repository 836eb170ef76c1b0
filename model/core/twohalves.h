// SPDX-License-Identifier: MIT
#pragma once

#include <QAtomicInt>
#include <QMutex>
#include <QRunnable>
#include <QThread>
#include <QThreadPool>
#include <QWaitCondition>

#include <functional>
#include <memory>

namespace Junction {

// Runs work(from, to, half) over [0, count) in two halves: the second (half 1) on a pool
// thread, the first (half 0) on this one; below `minimum` items, or on one core, all of it
// here as half 0. Returns when both are done. Whichever thread comes to the second half first
// runs it: when the pool is busy (or runs this very call), this thread does it after the
// first, so nothing ever waits for other work. The caller keeps what each half writes apart
// and joins it in order, so that results do not depend on the threads.
template<typename Work> void inTwoHalves(int count, int minimum, Work work)
{
    if (count < minimum || QThread::idealThreadCount() < 2) {
        work(0, count, 0);
        return;
    }
    // Shared with the pool's task, which may outlive this call (when this thread took its
    // half, the task still runs later and finds it taken).
    struct State
    {
        QAtomicInt taken;
        QMutex mutex;
        QWaitCondition finished;
        bool done = false;
    };
    const auto state = std::make_shared<State>();
    const int middle = count / 2;
    QThreadPool::globalInstance()->start([state, &work, middle, count] {
        if (!state->taken.testAndSetOrdered(0, 1))
            return; // done by the caller; `work` may be gone
        work(middle, count, 1);
        QMutexLocker locker(&state->mutex);
        state->done = true;
        state->finished.wakeAll();
    });
    work(0, middle, 0);
    if (state->taken.testAndSetOrdered(0, 1)) {
        work(middle, count, 1);
        return;
    }
    QMutexLocker locker(&state->mutex);
    while (!state->done)
        state->finished.wait(&state->mutex);
}

// Runs work() on a pool thread while this thread goes on with other things; wait() (or the
// destructor) returns once it is done. As in inTwoHalves, whichever thread comes to it first
// runs it: when the pool has not started it by the time this thread waits, this thread runs it
// itself. With `onPool` false (small inputs, one core) it runs in wait(). The caller reads
// nothing work() writes before wait() returns.
class SideTask
{
public:
    template<typename Work>
    SideTask(bool onPool, Work work)
        : m_state(std::make_shared<State>())
    {
        m_state->work = std::move(work);
        if (!onPool || QThread::idealThreadCount() < 2)
            return;
        QThreadPool::globalInstance()->start([state = m_state] {
            if (!state->taken.testAndSetOrdered(0, 1))
                return; // run by the waiting thread; what work() refers to may be gone
            state->work();
            QMutexLocker locker(&state->mutex);
            state->done = true;
            state->finished.wakeAll();
        });
    }
    ~SideTask() { wait(); }
    SideTask(const SideTask &) = delete;
    SideTask &operator=(const SideTask &) = delete;

    void wait()
    {
        if (m_waited)
            return;
        m_waited = true;
        if (m_state->taken.testAndSetOrdered(0, 1)) {
            m_state->work();
            return;
        }
        QMutexLocker locker(&m_state->mutex);
        while (!m_state->done)
            m_state->finished.wait(&m_state->mutex);
    }

private:
    struct State
    {
        std::function<void()> work;
        QAtomicInt taken;
        QMutex mutex;
        QWaitCondition finished;
        bool done = false;
    };
    std::shared_ptr<State> m_state;
    bool m_waited = false;
};

} // namespace Junction
