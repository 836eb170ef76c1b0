// SPDX-License-Identifier: MIT
#pragma once

#include "document.h"
#include "quickfixes.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QListView;
class QMenu;
class QToolButton;

namespace Junction {

class DiagnosticsModel;

// The live validation list. Re-validates ~150 ms after the last change, so typing never
// waits for it; a double-click asks to select and centre the element it concerns. A
// diagnostic with quick fixes (see quickfixes.h) offers them in its context menu and on
// the "Fix" button; choosing one pushes its command.
class DiagnosticsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit DiagnosticsPanel(QWidget *parent = nullptr);

    void setDocument(Document *document);
    DiagnosticsModel *model() const { return m_model; }
    QListView *view() const { return m_view; }
    QToolButton *fixButton() const { return m_fixButton; }

    // The fixes of the diagnostic at `row` of the model.
    QList<QuickFix> fixes(int row) const;
    // Pushes the fix's command; false when it no longer applies.
    bool applyFix(const QuickFix &fix);

    // Validates now (the debounce timer calls it).
    void refresh();
    // No edit waiting to be validated: the list is the document's diagnostics.
    bool isUpToDate() const { return !m_debounce.isActive(); }

    static constexpr int debounceMsec = 150;

signals:
    void elementActivated(const QStringList &ids);

private:
    // Fills `menu` with the fixes of the diagnostic at `row`; false when it has none.
    bool fillFixMenu(QMenu *menu, int row);
    void updateFixButton();

    QPointer<Document> m_document;
    QMetaObject::Connection m_changedConnection;
    DiagnosticsModel *m_model;
    QListView *m_view;
    QToolButton *m_fixButton;
    QMenu *m_fixMenu;
    QTimer m_debounce;
};

} // namespace Junction
