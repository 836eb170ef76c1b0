// SPDX-License-Identifier: MIT
#include "browseractions.h"

#include "connectionchooser.h"
#include "databasethread.h"
#include "databrowser.h"
#include "diagramscene.h"
#include "document.h"
#include "importdialog.h"
#include "tableitem.h"

#include <QAction>
#include <QInputDialog>
#include <QMessageBox>

namespace Junction {

BrowserActions::BrowserActions(QWidget *window, DiagramScene *scene, OpenDocument openDocument)
    : QObject(window)
    , m_window(window)
    , m_scene(scene)
    , m_openDocument(std::move(openDocument))
    , m_browse(new QAction(tr("&Browse Data..."), this))
    , m_import(new QAction(tr("New Project from &Database..."), this))
{
    m_browse->setObjectName(QStringLiteral("browseDataAction"));
    m_import->setObjectName(QStringLiteral("importDatabaseAction"));
    connect(m_browse, &QAction::triggered, this, &BrowserActions::browse);
    connect(m_import, &QAction::triggered, this, &BrowserActions::importProject);
}

void BrowserActions::browse()
{
    Document *document = m_scene->document();
    if (!document)
        return;
    const ResolvedSchema schema = document->resolved();
    QString model;
    for (QGraphicsItem *item : m_scene->selectedItems()) {
        if (auto *table = qgraphicsitem_cast<TableItem *>(item)) {
            model = table->tableName();
            break;
        }
    }
    if (model.isEmpty()) {
        QStringList names;
        for (const ResolvedTable &table : schema.tables)
            names << table.name;
        if (names.isEmpty()) {
            QMessageBox::information(m_window, tr("Browse Data"),
                                     tr("The project has no models to browse."));
            return;
        }
        bool ok = false;
        model = QInputDialog::getItem(m_window, tr("Browse Data"), tr("Rows of:"), names, 0, false,
                                      &ok);
        if (!ok)
            return;
    }
    ConnectionChooser::choose(
        m_window, document->project(), document->filePath(), m_store, tr("Browse Data"),
        [this, schema, model](std::unique_ptr<DatabaseThread> database) {
            auto *browser = new DataBrowser(schema, std::move(database), model, m_window);
            browser->setObjectName(QStringLiteral("dataBrowser"));
            browser->setWindowFlag(Qt::Window);
            browser->setAttribute(Qt::WA_DeleteOnClose);
            browser->resize(1000, 600);
            browser->show();
        });
}

void BrowserActions::importProject()
{
    Document *document = m_scene->document();
    ConnectionChooser::choose(
        m_window, document ? document->project() : Project(),
        document ? document->filePath() : QString(), m_store, tr("New Project from Database"),
        [this](std::unique_ptr<DatabaseThread> database) {
            ImportDialog dialog(std::move(database), m_window);
            dialog.setObjectName(QStringLiteral("importDialog"));
            if (dialog.exec() != QDialog::Accepted || !dialog.importedProject())
                return;
            m_openDocument(std::make_unique<Document>(*dialog.importedProject()));
        });
}

} // namespace Junction
