// SPDX-License-Identifier: MIT
#include "jobcounter.h"

namespace Junction {

JobCounter::JobCounter(QObject *parent)
    : QObject(parent)
{
}

void JobCounter::begin()
{
    if (m_running++ == 0)
        emit busyChanged(true);
}

void JobCounter::end()
{
    if (m_running == 0)
        return;
    if (--m_running == 0)
        emit busyChanged(false);
}

} // namespace Junction
