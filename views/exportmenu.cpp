// SPDX-License-Identifier: MIT
#include "exportmenu.h"

#include "ddlexport.h"
#include "diagramscene.h"
#include "document.h"
#include "tableitem.h"

#include <QFileDialog>
#include <QGraphicsScene>
#include <QMessageBox>

namespace Junction {

ExportMenu::ExportMenu(QGraphicsScene *scene, std::function<Document *()> document,
                       QWidget *parent)
    : QMenu(tr("&Export"), parent)
    , m_scene(scene)
    , m_document(std::move(document))
{
    setObjectName(QStringLiteral("exportMenu"));
    m_askPath = [this](const QString &title, const QString &suggested, const QString &filter) {
        return QFileDialog::getSaveFileName(parentWidget(), title, suggested, filter);
    };
    m_diagram = addAction(tr("&Diagram as Image..."));
    m_diagram->setObjectName(QStringLiteral("exportDiagramAction"));
    m_diagram->setToolTip(tr("Save the whole diagram as PNG, SVG or PDF"));
    m_selection = addAction(tr("&Selection as Image..."));
    m_selection->setObjectName(QStringLiteral("exportSelectionAction"));
    m_selection->setToolTip(tr("Save the selected models, with the junction tables and "
                               "associations between them, as PNG, SVG or PDF"));
    connect(m_diagram, &QAction::triggered, this,
            [this] { askAndExportDiagram(DiagramExporter::Scope::Whole); });
    connect(m_selection, &QAction::triggered, this,
            [this] { askAndExportDiagram(DiagramExporter::Scope::Selection); });
    addSeparator();
    for (const Dialect::Kind kind : Dialect::allKinds()) {
        QAction *action = addAction(tr("DDL for %1...").arg(Dialect::get(kind).displayName()));
        action->setObjectName(QStringLiteral("exportDdlAction_") + Dialect::get(kind).name());
        connect(action, &QAction::triggered, this, [this, kind] { askAndExportDdl(kind); });
        m_ddl.append({kind, action});
    }
    connect(this, &QMenu::aboutToShow, this, &ExportMenu::updateActions);
}

QAction *ExportMenu::ddlAction(Dialect::Kind kind) const
{
    for (const auto &[k, action] : m_ddl) {
        if (k == kind)
            return action;
    }
    return nullptr;
}

void ExportMenu::updateActions()
{
    bool anyBox = false;
    if (m_scene) {
        for (const QGraphicsItem *item : m_scene->selectedItems())
            anyBox = anyBox || qgraphicsitem_cast<const TableItem *>(item);
    }
    m_selection->setEnabled(anyBox);
}

QString ExportMenu::suggestedPath(const QString &suffix) const
{
    const Document *document = m_document();
    return document ? DdlExport::defaultFilePath(*document, suffix) : QString();
}

bool ExportMenu::exportDiagram(DiagramExporter::Scope scope, const QString &path,
                               QString *errorMessage) const
{
    if (!m_scene)
        return false;
    // Right after an open the canvas may still be filling in: the picture shows all of it.
    if (auto *diagram = qobject_cast<DiagramScene *>(m_scene.data()))
        diagram->finishBuilding();
    DiagramExporter exporter(m_scene);
    exporter.setScope(scope);
    return exporter.exportTo(path, errorMessage);
}

bool ExportMenu::exportDdl(Dialect::Kind kind, const QString &path, QString *errorMessage) const
{
    const Document *document = m_document();
    if (!document)
        return false;
    const DdlExport::Text ddl = DdlExport::generate(document->project(), document->resolved(), kind);
    if (!ddl.isDdl) {
        if (errorMessage) {
            *errorMessage = ddl.text;
            errorMessage->replace(QStringLiteral("-- "), QString());
        }
        return false;
    }
    return DdlExport::writeFile(path, ddl.text, errorMessage);
}

void ExportMenu::askAndExportDiagram(DiagramExporter::Scope scope)
{
    QString path = m_askPath(scope == DiagramExporter::Scope::Whole ? tr("Export Diagram")
                                                                    : tr("Export Selection"),
                             suggestedPath(QStringLiteral("png")),
                             tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
    if (path.isEmpty())
        return;
    if (!DiagramExporter::formatForPath(path))
        path += QStringLiteral(".png");
    QString error;
    if (!exportDiagram(scope, path, &error))
        QMessageBox::warning(parentWidget(), tr("Cannot Export"), error);
}

void ExportMenu::askAndExportDdl(Dialect::Kind kind)
{
    const Document *document = m_document();
    if (!document)
        return;
    const QString path = m_askPath(tr("Export %1 DDL").arg(Dialect::get(kind).displayName()),
                                   DdlExport::defaultFilePath(*document, kind),
                                   tr("SQL scripts (*.sql);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportDdl(kind, path, &error))
        QMessageBox::warning(parentWidget(), tr("Cannot Export"), error);
}

} // namespace Junction
