// SPDX-License-Identifier: MIT
#pragma once

#include "document.h"
#include "quickfixes.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QWidget>

class QListView;
class QMenu;
class QToolButton;

namespace Junction {

class DiagnosticsModel;

// The live validation list. Re-validates when the document announces a new resolve
// (Document::resolvedChanged: debounced after edits, resolved off the UI thread), on a
// worker thread from copies of the project and the resolved schema, so typing never waits
// for it; a double-click asks to select and centre the element it concerns. A
// diagnostic with quick fixes (see quickfixes.h) offers them in its context menu and on
// the "Fix" button; choosing one pushes its command.
class DiagnosticsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit DiagnosticsPanel(QWidget *parent = nullptr);
    ~DiagnosticsPanel() override;

    void setDocument(Document *document);
    DiagnosticsModel *model() const { return m_model; }
    QListView *view() const { return m_view; }
    QToolButton *fixButton() const { return m_fixButton; }

    // The fixes of the diagnostic at `row` of the model.
    QList<QuickFix> fixes(int row) const;
    // Pushes the fix's command; false when it no longer applies.
    bool applyFix(const QuickFix &fix);

    // Starts validating the document as it is (resolvedChanged() calls it).
    void refresh();
    // No edit waiting to be resolved or validated: the list is the document's diagnostics.
    bool isUpToDate() const;

signals:
    void elementActivated(const QStringList &ids);
    // The list shows the diagnostics of the document as it is.
    void refreshed();

private:
    // Fills `menu` with the fixes of the diagnostic at `row`; false when it has none.
    bool fillFixMenu(QMenu *menu, int row);
    void updateFixButton();
    void validated();

    QPointer<Document> m_document;
    QMetaObject::Connection m_changedConnection;
    DiagnosticsModel *m_model;
    QListView *m_view;
    QToolButton *m_fixButton;
    QMenu *m_fixMenu;
    QFutureWatcher<Diagnostics> m_validation;
    bool m_validating = false;
    bool m_again = false; // a newer resolve came while validating
};

} // namespace Junction
