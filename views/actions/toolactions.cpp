// SPDX-License-Identifier: MIT
#include "toolactions.h"

#include "canvasinteraction.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>
#include <QToolBar>
#include <QWidget>

namespace Junction {

ToolActions::ToolActions(CanvasInteraction *interaction, QWidget *canvas, QObject *parent)
    : QObject(parent)
    , m_interaction(interaction)
    , m_canvas(canvas)
    , m_group(new QActionGroup(this))
{
    m_group->setExclusive(true);
    addTool(CanvasTool::Select, tr("&Select"), QStringLiteral("selectTool"),
            {QKeySequence(Qt::Key_V), QKeySequence(Qt::Key_Escape)},
            tr("Select and move models and associations"));
    addTool(CanvasTool::AddModel, tr("Add &Model"), QStringLiteral("addModelTool"),
            {QKeySequence(Qt::Key_M)}, tr("Click on the canvas to add a model"));
    addTool(CanvasTool::Association, tr("&Association"), QStringLiteral("associationTool"),
            {QKeySequence(Qt::Key_A)},
            tr("Drag from one model to another, then choose the association's type"));
    addTool(CanvasTool::BelongsTo, QStringLiteral("belongsTo"), QStringLiteral("belongsToTool"),
            {QKeySequence(Qt::Key_B)},
            tr("Drag from the model that holds the foreign key to the one it references"));
    addTool(CanvasTool::HasOne, QStringLiteral("hasOne"), QStringLiteral("hasOneTool"),
            {QKeySequence(Qt::Key_O)}, tr("Drag from the owner to the model it has one of"));
    addTool(CanvasTool::HasMany, QStringLiteral("hasMany"), QStringLiteral("hasManyTool"),
            {QKeySequence(Qt::Key_H)}, tr("Drag from the owner to the model it has many of"));
    addTool(CanvasTool::BelongsToMany, QStringLiteral("belongsToMany"),
            QStringLiteral("belongsToManyTool"), {QKeySequence(Qt::Key_J)},
            tr("Drag between two models joined by a junction table"));
    m_actions.value(CanvasTool::Select)->setChecked(true);

    // Esc and finished one-shot gestures move the interaction back to Select: follow it.
    connect(m_interaction, &CanvasInteraction::toolChanged, this, [this](CanvasTool tool) {
        if (QAction *action = m_actions.value(tool))
            action->setChecked(true);
    });
}

QAction *ToolActions::addTool(CanvasTool tool, const QString &text, const QString &objectName,
                              const QList<QKeySequence> &shortcuts, const QString &tip)
{
    auto action = new QAction(text, this);
    action->setObjectName(objectName);
    action->setCheckable(true);
    action->setShortcuts(shortcuts);
    action->setShortcutContext(Qt::WidgetShortcut);
    action->setToolTip(QStringLiteral("%1 (%2)").arg(
        tip, shortcuts.constFirst().toString(QKeySequence::NativeText)));
    action->setStatusTip(tip);
    m_group->addAction(action);
    m_canvas->addAction(action);
    connect(action, &QAction::triggered, this, [this, tool] {
        if (tool == CanvasTool::Select)
            m_interaction->cancel(); // Esc also drops a drag in progress
        else
            m_interaction->setTool(tool);
    });
    m_actions.insert(tool, action);
    m_order.append(tool);
    return action;
}

void ToolActions::addTo(QMenu *menu, QToolBar *toolBar) const
{
    for (const CanvasTool tool : m_order) {
        QAction *action = m_actions.value(tool);
        if (tool == CanvasTool::BelongsTo)
            menu->addSeparator();
        menu->addAction(action);
        if (toolBar)
            toolBar->addAction(action);
    }
}

} // namespace Junction
