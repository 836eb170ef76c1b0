// SPDX-License-Identifier: MIT
#include "diagnosticspanel.h"

#include "diagnosticsmodel.h"
#include "document.h"
#include "validator.h"

#include <QListView>
#include <QVBoxLayout>

namespace Junction {

DiagnosticsPanel::DiagnosticsPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new DiagnosticsModel(this))
    , m_view(new QListView(this))
{
    m_view->setModel(m_model);
    m_view->setUniformItemSizes(true);
    m_view->setWordWrap(false);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(debounceMsec);
    connect(&m_debounce, &QTimer::timeout, this, &DiagnosticsPanel::refresh);
    connect(m_view, &QListView::doubleClicked, this, [this](const QModelIndex &index) {
        emit elementActivated(index.data(DiagnosticsModel::IdsRole).toStringList());
    });
}

void DiagnosticsPanel::setDocument(Document *document)
{
    if (m_changedConnection)
        disconnect(m_changedConnection);
    m_document = document;
    if (m_document) {
        // Only start the timer here: changed() comes from inside an undo step.
        m_changedConnection
            = connect(m_document, &Document::changed, &m_debounce, qOverload<>(&QTimer::start));
    }
    refresh();
}

void DiagnosticsPanel::refresh()
{
    m_debounce.stop();
    if (!m_document) {
        m_model->setDiagnostics({});
        return;
    }
    m_model->setDiagnostics(validateProject(m_document->project(), m_document->resolved()));
}

} // namespace Junction
