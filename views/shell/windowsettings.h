// SPDX-License-Identifier: MIT
#pragma once

class QMainWindow;

namespace Junction {

// The window's geometry and the layout of its docks and toolbars, in QSettings. restore()
// must run after every dock and toolbar exists (restoreState() finds them by object name).
namespace WindowSettings {

bool restore(QMainWindow *window);
void save(const QMainWindow *window);

} // namespace WindowSettings

} // namespace Junction
