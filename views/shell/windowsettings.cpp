// SPDX-License-Identifier: MIT
#include "windowsettings.h"

#include <QMainWindow>
#include <QSettings>

namespace Junction::WindowSettings {

namespace {

// Bumped when docks or toolbars change so much that an old layout would restore badly;
// restoreState() then ignores the stored one.
constexpr int stateVersion = 1;

const QString geometryKey = QStringLiteral("mainWindow/geometry");
const QString stateKey = QStringLiteral("mainWindow/state");

} // namespace

bool restore(QMainWindow *window)
{
    const QSettings settings;
    const QByteArray geometry = settings.value(geometryKey).toByteArray();
    const QByteArray state = settings.value(stateKey).toByteArray();
    const bool restored = !geometry.isEmpty() && window->restoreGeometry(geometry);
    return (!state.isEmpty() && window->restoreState(state, stateVersion)) || restored;
}

void save(const QMainWindow *window)
{
    QSettings settings;
    settings.setValue(geometryKey, window->saveGeometry());
    settings.setValue(stateKey, window->saveState(stateVersion));
}

} // namespace Junction::WindowSettings
