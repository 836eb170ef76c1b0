// SPDX-License-Identifier: MIT
#pragma once

#include "document.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QListView;

namespace Junction {

class DiagnosticsModel;

// The live validation list. Re-validates ~150 ms after the last change, so typing never
// waits for it; a double-click asks to select and centre the element it concerns.
class DiagnosticsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit DiagnosticsPanel(QWidget *parent = nullptr);

    void setDocument(Document *document);
    DiagnosticsModel *model() const { return m_model; }
    QListView *view() const { return m_view; }

    // Validates now (the debounce timer calls it).
    void refresh();

    static constexpr int debounceMsec = 150;

signals:
    void elementActivated(const QStringList &ids);

private:
    QPointer<Document> m_document;
    QMetaObject::Connection m_changedConnection;
    DiagnosticsModel *m_model;
    QListView *m_view;
    QTimer m_debounce;
};

} // namespace Junction
