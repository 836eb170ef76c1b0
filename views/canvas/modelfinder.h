// SPDX-License-Identifier: MIT
#pragma once

#include "ids.h"

#include <QFrame>

class QCompleter;
class QLabel;
class QLineEdit;
class QStringListModel;

namespace Junction {

class DiagramScene;
class DiagramView;

// Find a model by name (Ctrl+F): a small field over the canvas's top right corner that
// completes model names (case-insensitive, anywhere in the name). Enter selects the model's
// box and centres the view on it; Escape closes the field.
class ModelFinder : public QFrame
{
    Q_OBJECT

public:
    ModelFinder(DiagramScene *scene, DiagramView *view);

    QLineEdit *lineEdit() const { return m_edit; }
    QCompleter *completer() const { return m_completer; }

    // Shows the field with fresh names, focused and its text selected.
    void activate();
    // The model of that name, else the first whose name contains `text` (both ignoring
    // case); a null id when none.
    EntityId find(const QString &text) const;
    // Selects and centres on the model `text` finds; false (and says so) when none.
    bool jumpTo(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void place();
    void dismiss(); // hides the field and gives the canvas the focus back

    DiagramScene *m_scene;
    DiagramView *m_view;
    QLineEdit *m_edit;
    QLabel *m_status;
    QStringListModel *m_names;
    QCompleter *m_completer;
};

} // namespace Junction
