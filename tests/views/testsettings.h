// SPDX-License-Identifier: MIT
#pragma once

#include <QSettings>
#include <QStandardPaths>

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

} // namespace Junction::Testing
