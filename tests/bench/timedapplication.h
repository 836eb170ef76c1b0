// SPDX-License-Identifier: MIT
#pragma once

#include <QApplication>
#include <QElapsedTimer>

#include <cstdio>
#include <ctime>

namespace Junction::Bench {

// JUNCTION_BENCH_GAPS=1: every event that took over 30 ms, with its receiver, on stderr.
class TimedApplication : public QApplication
{
public:
    using QApplication::QApplication;
    bool notify(QObject *receiver, QEvent *event) override
    {
        if (!m_print || m_depth > 0)
            return QApplication::notify(receiver, event);
        ++m_depth;
        QElapsedTimer t;
        t.start();
        const double cpuBefore = threadCpuMs();
        const int type = event->type();
        const char *className = receiver->metaObject()->className();
        const QString name = receiver->objectName();
        const bool result = QApplication::notify(receiver, event);
        --m_depth;
        const double ms = t.nsecsElapsed() / 1e6;
        if (ms > 30)
            std::fprintf(stderr, "    event %3d to %s %s: %.1f ms (%.1f ms on the CPU)\n", type,
                         className, qPrintable(name), ms, threadCpuMs() - cpuBefore);
        return result;
    }

private:
    // This thread's CPU time: on a loaded machine a long event can be one that waited for
    // a core rather than one that worked.
    static double threadCpuMs()
    {
        timespec now{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
        return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
    }

    bool m_print = qEnvironmentVariableIsSet("JUNCTION_BENCH_GAPS");
    int m_depth = 0;
};

} // namespace Junction::Bench
