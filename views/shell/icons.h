// SPDX-License-Identifier: MIT
#pragma once

#include <QIcon>
#include <QString>

class QAction;
class QObject;

namespace Junction::Icons {

// Junction's icons: 24 px line drawings in resources/icons/<name>.svg, drawn in
// "currentColor", which is replaced at render time by the palette's text colour (disabled
// and selected states get theirs), so they read on light and dark desktops and are rendered
// at the size asked for, crisp at any device pixel ratio. A null icon for an unknown name.
QIcon icon(const QString &name);

// The icon name for an action's object name ("saveAction" -> "save"), empty if none.
QString nameForAction(const QString &objectName);

// Gives every action (and submenu) below `root` that has a known object name and no icon
// yet its icon, and an action a tooltip with its shortcut ("Save (Ctrl+S)"). Call it once all
// actions exist; it leaves anything else alone, so actions added later can call it again.
void decorate(QObject *root);

// One action's icon and tooltip.
void decorate(QAction *action, const QString &iconName);

} // namespace Junction::Icons
