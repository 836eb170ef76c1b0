// SPDX-License-Identifier: MIT
#pragma once

#include "commands/layoutcommands.h"
#include "ids.h"

#include <QObject>

class QAction;
class QMenu;
class QWidget;

namespace Junction {

class CanvasInteraction;
class DiagramScene;
class Document;

// The canvas's editing actions, each one command: Delete (the associations a model
// deletion would orphan are listed for confirmation first), Cut, Copy, Paste and Duplicate
// of models, Select All, Rename (F2, in place), Add Attribute (Insert), arrow-key nudges (1 px, 10
// px with Shift; a run of nudges is one undo step), and Align and Distribute for the Arrange menu.
// Their shortcuts work while the canvas itself has the focus, so Delete or Ctrl+C in a text field
// (a dock's, or one over the canvas) stays that field's.
class EditActions : public QObject
{
    Q_OBJECT

public:
    EditActions(DiagramScene *scene, QWidget *canvas, CanvasInteraction *interaction,
                QObject *parent = nullptr);

    void addEditTo(QMenu *menu) const;
    void addArrangeTo(QMenu *menu) const;
    QAction *addAttributeAction() const { return m_addAttribute; }

    void deleteSelection();
    void cut();
    void copy();
    void paste();
    void duplicate();
    void selectAll();
    void nudge(QPointF delta);
    void align(Commands::Alignment alignment);
    void distribute(Qt::Orientation orientation);

    // How an association is named in the confirmation: User.hasMany(Picture, as Photos).
    static QString describe(const Association &association);

private:
    QAction *makeAction(const QString &text, const QString &objectName,
                        const QList<QKeySequence> &shortcuts);
    void updateEnabled();
    // Deletes the selection; `verb` names the gesture in the confirmation. False when the
    // user cancels.
    bool removeSelection(const QString &verb);

    DiagramScene *m_scene;
    QWidget *m_canvas;
    CanvasInteraction *m_interaction;
    QList<QAction *> m_editActions;
    QList<QAction *> m_arrangeActions;
    QAction *m_delete = nullptr;
    QAction *m_cut = nullptr;
    QAction *m_copy = nullptr;
    QAction *m_paste = nullptr;
    QAction *m_duplicate = nullptr;
    QAction *m_addAttribute = nullptr;
    QAction *m_rename = nullptr;
    QList<QAction *> m_nudges;
    QList<QAction *> m_aligns;
    QList<QAction *> m_distributes;
};

} // namespace Junction
