// SPDX-License-Identifier: MIT
#pragma once

#include "dialect.h"
#include "diagramexporter.h"

#include <QMenu>
#include <QPointer>

#include <functional>

class QGraphicsScene;

namespace Junction {

class Document;

// File > Export: the diagram or the selection as PNG, SVG or PDF, and the DDL of the
// whole schema per dialect. It asks for a file name, then leaves the work to
// DiagramExporter and DdlExport; failures are said in a message box.
class ExportMenu : public QMenu
{
    Q_OBJECT

public:
    // The document is the scene's (so it follows File > Open).
    ExportMenu(QGraphicsScene *scene, std::function<Document *()> document,
               QWidget *parent = nullptr);

    // Asks where to save: (title, suggested path, filter) -> path or "" to cancel. A
    // QFileDialog by default; tests put their own.
    using PathAsker = std::function<QString(const QString &, const QString &, const QString &)>;
    void setPathAsker(PathAsker asker) { m_askPath = std::move(asker); }

    QAction *diagramAction() const { return m_diagram; }
    QAction *selectionAction() const { return m_selection; }
    QAction *ddlAction(Dialect::Kind kind) const;

    // The same as the actions, without asking; false with *errorMessage on failure.
    bool exportDiagram(DiagramExporter::Scope scope, const QString &path,
                       QString *errorMessage = nullptr) const;
    bool exportDdl(Dialect::Kind kind, const QString &path, QString *errorMessage = nullptr) const;

private:
    void askAndExportDiagram(DiagramExporter::Scope scope);
    void askAndExportDdl(Dialect::Kind kind);
    void updateActions();
    QString suggestedPath(const QString &suffix) const;

    QPointer<QGraphicsScene> m_scene;
    std::function<Document *()> m_document;
    PathAsker m_askPath;
    QAction *m_diagram;
    QAction *m_selection;
    QList<std::pair<Dialect::Kind, QAction *>> m_ddl;
};

} // namespace Junction
