// SPDX-License-Identifier: MIT
#pragma once

#include "canvastool.h"

#include <QHash>
#include <QObject>

class QAction;
class QActionGroup;
class QMenu;
class QToolBar;
class QWidget;

namespace Junction {

class CanvasInteraction;

// The canvas tools as one exclusive QActionGroup, for the Tools menu and toolbar: Select
// (V, and Esc from any tool), Add Model (M), Association asking its type (A), belongsTo (B),
// hasOne (O), hasMany (H) and belongsToMany (J). The single-key shortcuts work while the
// canvas itself has the focus, so typing in a dock or in a field over the canvas (the
// in-place editor, Find) is never taken for a tool switch, and Esc stays theirs.
class ToolActions : public QObject
{
    Q_OBJECT

public:
    ToolActions(CanvasInteraction *interaction, QWidget *canvas, QObject *parent = nullptr);

    QAction *action(CanvasTool tool) const { return m_actions.value(tool); }
    QActionGroup *group() const { return m_group; }
    void addTo(QMenu *menu, QToolBar *toolBar) const;

private:
    QAction *addTool(CanvasTool tool, const QString &text, const QString &objectName,
                     const QList<QKeySequence> &shortcuts, const QString &tip);

    CanvasInteraction *m_interaction;
    QWidget *m_canvas;
    QActionGroup *m_group;
    QHash<CanvasTool, QAction *> m_actions;
    QList<CanvasTool> m_order;
};

} // namespace Junction
