// SPDX-License-Identifier: MIT
#pragma once

#include "diagnosticspanel.h"
#include "document.h"
#include "mainwindow.h"

#include <QDockWidget>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

#include <memory>

namespace Junction::Testing {

// Puts settings and recovery files in Qt's test locations and empties this test's
// settings. The window restores its geometry, docks, recent files and minimap choice, so
// whatever an earlier run left would otherwise change what this run sees. Call it after
// setting the organization and application names, where a test sets them.
inline void useFreshTestSettings()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

#ifdef JUNCTION_EXAMPLES
inline QString examplePath(const QString &fileName)
{
    return QStringLiteral(JUNCTION_EXAMPLES "/") + fileName;
}
#endif

// Waits until the views follow the document as it is: its edits resolved (off the UI thread,
// after a debounce: Document::resolvedChanged) and the diagnostics validated (on a worker).
// False after `msec` without.
inline bool waitUntilSettled(MainWindow *window, int msec = 10000)
{
    return QTest::qWaitFor(
        [window] {
            return window->document()->isResolveSettled()
                   && window->diagnosticsPanel()->isUpToDate();
        },
        msec);
}

// A shown main window with path open and autosave off (a test leaves no recovery files),
// once its views show the document (waitUntilSettled());
// nullptr when the window is not exposed or the file does not open. A dock named by
// dockToRaise is brought in front of the docks it shares a tab with, as a click on its tab
// does: a dock behind another builds nothing.
inline std::unique_ptr<MainWindow> openWindow(const QString &path, const QString &dockToRaise = {})
{
    auto window = std::make_unique<MainWindow>();
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return {};
    if (!window->openFile(path))
        return {};
    window->document()->setAutosaveInterval(0);
    if (!dockToRaise.isEmpty()) {
        if (auto dock = window->findChild<QDockWidget *>(dockToRaise))
            dock->raise();
    }
    if (!waitUntilSettled(window.get()))
        return {};
    return window;
}

} // namespace Junction::Testing
