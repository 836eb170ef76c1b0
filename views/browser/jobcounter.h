// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

namespace Junction {

// Counts the browser's database jobs that have been queued and not yet answered (page
// loads, follows, saves, link changes), so that the browser can show its Cancel control
// exactly while one of them may be running. DatabaseThread itself does not say when it is
// idle, and each caller knows best when its own answer has arrived.
class JobCounter : public QObject
{
    Q_OBJECT

public:
    explicit JobCounter(QObject *parent = nullptr);

    void begin();
    void end();
    bool isBusy() const { return m_running > 0; }

signals:
    void busyChanged(bool busy);

private:
    int m_running = 0;
};

} // namespace Junction
