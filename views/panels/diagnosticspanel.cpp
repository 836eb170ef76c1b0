// SPDX-License-Identifier: MIT
#include "diagnosticspanel.h"

#include "diagnosticsmodel.h"
#include "document.h"
#include "validator.h"

#include <QHBoxLayout>
#include <QListView>
#include <QMenu>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace Junction {

DiagnosticsPanel::DiagnosticsPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new DiagnosticsModel(this))
    , m_view(new QListView(this))
    , m_fixButton(new QToolButton(this))
    , m_fixMenu(new QMenu(this))
{
    m_view->setModel(m_model);
    m_view->setUniformItemSizes(true);
    m_view->setWordWrap(false);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_fixButton->setText(tr("Fix"));
    m_fixButton->setToolTip(tr("Quick fixes for the selected diagnostic"));
    m_fixButton->setPopupMode(QToolButton::InstantPopup);
    m_fixButton->setMenu(m_fixMenu);
    m_fixButton->setEnabled(false);
    auto side = new QVBoxLayout;
    side->setContentsMargins(0, 2, 2, 2);
    side->addWidget(m_fixButton);
    side->addStretch();
    auto layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_view);
    layout->addLayout(side);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &DiagnosticsPanel::updateFixButton);
    connect(m_model, &QAbstractItemModel::modelReset, this, &DiagnosticsPanel::updateFixButton);
    connect(m_fixMenu, &QMenu::aboutToShow, this,
            [this] { fillFixMenu(m_fixMenu, m_view->currentIndex().row()); });
    connect(m_view, &QListView::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_view->indexAt(pos);
        if (!index.isValid())
            return;
        m_view->setCurrentIndex(index);
        QMenu menu;
        if (fillFixMenu(&menu, index.row()))
            menu.exec(m_view->viewport()->mapToGlobal(pos));
    });

    connect(&m_validation, &QFutureWatcher<Diagnostics>::finished, this,
            &DiagnosticsPanel::validated);
    connect(m_view, &QListView::doubleClicked, this, [this](const QModelIndex &index) {
        emit elementActivated(index.data(DiagnosticsModel::IdsRole).toStringList());
    });
}

DiagnosticsPanel::~DiagnosticsPanel()
{
    // The validation works on copies; only its result is dropped.
    m_validation.disconnect(this);
}

void DiagnosticsPanel::setDocument(Document *document)
{
    if (m_changedConnection)
        disconnect(m_changedConnection);
    m_document = document;
    if (m_document) {
        m_changedConnection
            = connect(m_document, &Document::resolvedChanged, this, &DiagnosticsPanel::refresh);
    }
    refresh();
}

bool DiagnosticsPanel::isUpToDate() const
{
    return !m_validating && (!m_document || m_document->isResolveSettled());
}

QList<QuickFix> DiagnosticsPanel::fixes(int row) const
{
    if (!m_document || row < 0 || row >= m_model->diagnostics().size())
        return {};
    return quickFixes(*m_document, m_model->diagnostics().at(row));
}

bool DiagnosticsPanel::applyFix(const QuickFix &fix)
{
    if (!m_document)
        return false;
    return m_document->push(quickFixCommand(*m_document, fix));
}

bool DiagnosticsPanel::fillFixMenu(QMenu *menu, int row)
{
    menu->clear();
    const QList<QuickFix> list = fixes(row);
    for (const QuickFix &fix : list) {
        QAction *action = menu->addAction(fix.text);
        connect(action, &QAction::triggered, this, [this, fix] { applyFix(fix); });
    }
    if (list.isEmpty())
        menu->addAction(tr("No quick fix"))->setEnabled(false);
    return !list.isEmpty();
}

void DiagnosticsPanel::updateFixButton()
{
    // Cheap: only the current diagnostic's fixes, and most diagnostics have none.
    m_fixButton->setEnabled(!fixes(m_view->currentIndex().row()).isEmpty());
}

void DiagnosticsPanel::refresh()
{
    if (m_validating) {
        m_again = true;
        return;
    }
    m_again = false;
    if (!m_document) {
        m_model->setDiagnostics({});
        emit refreshed();
        return;
    }
    // Edits are being resolved: resolvedChanged() calls again.
    if (!m_document->isResolvedCurrent() && !m_document->isResolveSettled())
        return;
    // Copies (implicitly shared, cheap): the worker never sees the document change.
    const Project project = m_document->project();
    const ResolvedSchema schema = m_document->resolved();
    m_validating = true;
    m_validation.setFuture(
        QtConcurrent::run([project, schema] { return validateProject(project, schema); }));
}

void DiagnosticsPanel::validated()
{
    m_validating = false;
    if (m_again) {
        refresh();
        return;
    }
    m_model->setDiagnostics(m_validation.result());
    emit refreshed();
}

} // namespace Junction
