// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include "actions/editactions.h"
#include "actions/toolactions.h"
#include "browser/browseractions.h"
#include "canvas/canvasinteraction.h"
#include "canvas/diagramscene.h"
#include "canvas/diagramview.h"
#include "canvas/minimap.h"
#include "canvas/modelfinder.h"
#include "commands/layoutcommands.h"
#include "document.h"
#include "exportmenu.h"
#include "panels/ddlpanel.h"
#include "panels/diagnosticspanel.h"
#include "panels/inspectorpanel.h"
#include "panels/outlinepanel.h"
#include "shell/documentloader.h"
#include "shell/filedrop.h"
#include "shell/icons.h"
#include "shell/recentfiles.h"
#include "shell/recoveryprompt.h"
#include "shell/windowsettings.h"
#include "sync/databaseactions.h"

#include <QAction>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>

namespace Junction {

namespace {

const QString fileFilter
    = QStringLiteral("Junction projects (*.junction.json);;JSON (*.json);;All files (*)");

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_scene(new DiagramScene(this))
    , m_view(new DiagramView(m_scene, this))
    , m_diagnostics(new DiagnosticsPanel(this))
    , m_ddl(new DdlPanel(this))
    , m_outline(new OutlinePanel(this))
    , m_interaction(new CanvasInteraction(m_view, m_scene, this))
    , m_tools(new ToolActions(m_interaction, m_view, this))
    , m_edits(new EditActions(m_scene, m_view, m_interaction, this))
    , m_inspector(new InspectorPanel(this))
{
    setCentralWidget(m_view);

    auto diagnosticsDock = new QDockWidget(tr("Diagnostics"), this);
    diagnosticsDock->setObjectName(QStringLiteral("diagnosticsDock"));
    diagnosticsDock->setWidget(m_diagnostics);
    addDockWidget(Qt::BottomDockWidgetArea, diagnosticsDock);

    auto ddlDock = new QDockWidget(tr("DDL"), this);
    ddlDock->setObjectName(QStringLiteral("ddlDock"));
    ddlDock->setWidget(m_ddl);
    addDockWidget(Qt::RightDockWidgetArea, ddlDock);
    resizeDocks({ddlDock}, {380}, Qt::Horizontal);

    auto outlineDock = new QDockWidget(tr("Outline"), this);
    outlineDock->setObjectName(QStringLiteral("outlineDock"));
    outlineDock->setWidget(m_outline);
    addDockWidget(Qt::LeftDockWidgetArea, outlineDock);
    resizeDocks({outlineDock}, {260}, Qt::Horizontal);
    m_outline->setCanvas(m_scene, m_view);

    auto inspectorDock = new QDockWidget(tr("Inspector"), this);
    inspectorDock->setObjectName(QStringLiteral("inspectorDock"));
    inspectorDock->setWidget(m_inspector);
    addDockWidget(Qt::RightDockWidgetArea, inspectorDock);
    tabifyDockWidget(inspectorDock, ddlDock);
    inspectorDock->raise(); // in front until the user's saved window state says otherwise
    m_inspector->setScene(m_scene);
    connect(m_outline, &OutlinePanel::attributeSelected, m_inspector,
            &InspectorPanel::showAttribute);
    connect(m_interaction, &CanvasInteraction::associationEditRequested, this,
            [this, inspectorDock](const AssociationId &id) {
                inspectorDock->show();
                inspectorDock->raise();
                m_inspector->editAssociationAlias(id);
            });
    resizeDocks({diagnosticsDock}, {140}, Qt::Vertical);

    connect(m_diagnostics, &DiagnosticsPanel::elementActivated, this, &MainWindow::showElements);
    m_ddl->setScene(m_scene);

    createActions();
    setDocument(Document::newDocument());

    auto drop = new FileDrop(this);
    drop->watch(this);
    drop->watch(m_view->viewport());
    connect(drop, &FileDrop::fileDropped, this, &MainWindow::openWithPrompt);

    m_loader = new DocumentLoader(this);
    connect(m_loader, &DocumentLoader::loaded, this,
            [this](const QString &path) { loadFinished(path, {}); });
    connect(m_loader, &DocumentLoader::failed, this, &MainWindow::loadFinished);

    resize(1280, 800);
    Icons::decorate(this); // once every action exists
    WindowSettings::restore(this); // last: every dock and toolbar must exist
}

MainWindow::~MainWindow()
{
    // The views hold the document: let go of it before it goes.
    m_scene->setDocument(nullptr);
    m_diagnostics->setDocument(nullptr);
    m_ddl->setDocument(nullptr);
    m_outline->setDocument(nullptr);
    m_inspector->setDocument(nullptr);
    m_database->setDocument(nullptr);
}

void MainWindow::createActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonIconOnly); // the tooltips name them

    // Object names let Icons::decorate() find the actions, and tests too.
    auto named = [](QAction *action, const char *name) {
        action->setObjectName(QLatin1String(name));
        return action;
    };
    auto add = [this](QMenu *menu, const QString &text, QKeySequence::StandardKey key, auto slot) {
        QAction *action = menu->addAction(text);
        if (key != QKeySequence::UnknownKey)
            action->setShortcut(key);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };

    toolBar->addAction(
        named(add(fileMenu, tr("&New"), QKeySequence::New, &MainWindow::newFile), "newAction"));
    toolBar->addAction(
        named(add(fileMenu, tr("&Open..."), QKeySequence::Open, &MainWindow::open), "openAction"));
    QMenu *recentMenu = fileMenu->addMenu(tr("Open &Recent"));
    recentMenu->setObjectName(QStringLiteral("recentFilesMenu"));
    m_recentFiles = new RecentFiles(recentMenu, this);
    connect(m_recentFiles, &RecentFiles::fileRequested, this, &MainWindow::openWithPrompt);
    toolBar->addAction(
        named(add(fileMenu, tr("&Save"), QKeySequence::Save, &MainWindow::save), "saveAction"));
    named(add(fileMenu, tr("Save &As..."), QKeySequence::SaveAs, &MainWindow::saveAs),
          "saveAsAction");
    fileMenu->addSeparator();
    fileMenu->addMenu(new ExportMenu(m_scene, [this] { return m_document.get(); }, this));
    fileMenu->addSeparator();
    m_browser = new BrowserActions(this, m_scene, [this](std::unique_ptr<Document> document) {
        openImported(std::move(document));
    });
    fileMenu->addAction(m_browser->importAction());
    fileMenu->addSeparator();
    add(fileMenu, tr("&Quit"), QKeySequence::Quit, &MainWindow::close);

    QAction *undo = named(m_undoGroup.createUndoAction(this, tr("&Undo")), "undoAction");
    undo->setShortcut(QKeySequence::Undo);
    // The action's text names the step ("Undo Move User"); a toolbar button stays short.
    undo->setIconText(tr("Undo"));
    QAction *redo = named(m_undoGroup.createRedoAction(this, tr("&Redo")), "redoAction");
    redo->setShortcut(QKeySequence::Redo);
    redo->setIconText(tr("Redo"));
    editMenu->addAction(undo);
    editMenu->addAction(redo);
    editMenu->addSeparator();
    m_edits->addEditTo(editMenu);
    editMenu->addSeparator();
    QAction *layout = editMenu->addAction(tr("Auto-&layout"));
    layout->setObjectName(QStringLiteral("autoLayoutAction"));
    connect(layout, &QAction::triggered, this, &MainWindow::autoLayout);
    toolBar->addSeparator();
    toolBar->addAction(undo);
    toolBar->addAction(redo);
    toolBar->addSeparator();
    toolBar->addAction(layout);

    QAction *fit = viewMenu->addAction(tr("&Fit All"));
    fit->setObjectName(QStringLiteral("fitAllAction"));
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    connect(fit, &QAction::triggered, m_view, &DiagramView::fitAll);
    QAction *actualSize = viewMenu->addAction(tr("Zoom &100 %"));
    actualSize->setObjectName(QStringLiteral("actualSizeAction"));
    actualSize->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    connect(actualSize, &QAction::triggered, m_view, &DiagramView::resetZoom);
    auto finder = new ModelFinder(m_scene, m_view);
    QAction *find
        = add(viewMenu, tr("&Find Model..."), QKeySequence::Find, [finder] { finder->activate(); });
    find->setObjectName(QStringLiteral("findModelAction"));
    auto minimap = new Minimap(m_scene, m_view);
    QAction *showMinimap = viewMenu->addAction(tr("&Minimap"));
    showMinimap->setObjectName(QStringLiteral("minimapAction"));
    showMinimap->setCheckable(true);
    showMinimap->setChecked(minimap->isShown());
    connect(showMinimap, &QAction::toggled, minimap, &Minimap::setShown);
    QAction *mergeSides = viewMenu->addAction(tr("One &Edge per Relationship"));
    mergeSides->setObjectName(QStringLiteral("mergeRelationshipSidesAction"));
    mergeSides->setToolTip(tr("Draw a hasMany or hasOne and the belongsTo back over the same "
                              "foreign key as one edge with both names"));
    mergeSides->setCheckable(true);
    connect(mergeSides, &QAction::toggled, m_scene, &DiagramScene::setMergeRelationshipSides);
    QAction *zoomIn = named(
        add(viewMenu, tr("Zoom &In"), QKeySequence::ZoomIn, [this] { m_view->zoomBy(1.25); }),
        "zoomInAction");
    QAction *zoomOut = named(
        add(viewMenu, tr("Zoom &Out"), QKeySequence::ZoomOut, [this] { m_view->zoomBy(0.8); }),
        "zoomOutAction");
    toolBar->addAction(fit);
    toolBar->addAction(actualSize);
    toolBar->addAction(zoomIn);
    toolBar->addAction(zoomOut);
    toolBar->addAction(find);

    m_edits->addArrangeTo(menuBar()->addMenu(tr("&Arrange")));
    QToolBar *toolsBar = addToolBar(tr("Tools"));
    toolsBar->setObjectName(QStringLiteral("toolsToolBar"));
    toolsBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_tools->addTo(menuBar()->addMenu(tr("&Tools")), toolsBar);
    toolsBar->addSeparator();
    toolsBar->addAction(m_edits->addAttributeAction());
    m_database = new DatabaseActions(this, m_scene, m_outline->model());
    menuBar()->addMenu(m_database->menu());
    m_database->menu()->addSeparator();
    m_database->menu()->addAction(m_browser->browseAction());
    m_browser->setPasswordStore(m_database->passwordStore());

    // Docks and toolbars one closed come back from here; their state is remembered.
    QMenu *panels = createPopupMenu();
    panels->setTitle(tr("&Panels"));
    panels->setObjectName(QStringLiteral("panelsMenu"));
    viewMenu->addSeparator();
    viewMenu->addMenu(panels);
}

bool MainWindow::openFile(const QString &path)
{
    Diagnostics diagnostics;
    std::unique_ptr<Document> document = Document::open(path, &diagnostics);
    return showOpened(path, std::move(document), diagnostics);
}

void MainWindow::openFileAsync(const QString &path)
{
    m_undoIndexAtLoad = m_document->undoStack()->index();
    m_loader->load(path);
    statusBar()->showMessage(tr("Opening %1…").arg(QFileInfo(path).fileName()));
}

void MainWindow::start(const QString &path)
{
    if (path.isEmpty()) {
        offerRecoveries();
        return;
    }
    m_recoveriesAfterLoad = true;
    openFileAsync(path);
}

void MainWindow::offerRecoveriesAfterLoad()
{
    if (!m_recoveriesAfterLoad)
        return;
    m_recoveriesAfterLoad = false;
    // Not from inside the loader's signal or a prompt of the request that stopped it.
    QTimer::singleShot(0, this, &MainWindow::offerRecoveries);
}

void MainWindow::stopLoading()
{
    // A request to replace or close the document supersedes an open in progress, before any
    // prompt: the prompt's event loop would otherwise let the load replace the document the
    // user is being asked about.
    if (!m_loader->isLoading())
        return;
    m_loader->cancel();
    statusBar()->showMessage(
        tr("Stopped opening %1").arg(QFileInfo(m_loader->path()).fileName()), 5000);
    offerRecoveriesAfterLoad();
}

void MainWindow::loadFinished(const QString &path, const Diagnostics &diagnostics)
{
    statusBar()->clearMessage();
    std::unique_ptr<Document> document = m_loader->takeDocument();
    // The user was asked about unsaved changes before the load; ask again about any since.
    if (!document || m_document->undoStack()->index() == m_undoIndexAtLoad || maybeSave())
        showOpened(path, std::move(document), diagnostics, true);
    offerRecoveriesAfterLoad();
}

bool MainWindow::showOpened(const QString &path, std::unique_ptr<Document> document,
                            const Diagnostics &diagnostics, bool inSlices)
{
    if (!document) {
        QStringList lines;
        for (const Diagnostic &diagnostic : std::as_const(diagnostics)) {
            if (diagnostic.severity != Diagnostic::Severity::Error)
                continue;
            lines << (diagnostic.line > 0 ? tr("Line %1, column %2: %3")
                                                .arg(diagnostic.line)
                                                .arg(diagnostic.column)
                                                .arg(diagnostic.message)
                                          : diagnostic.message);
        }
        QMessageBox::warning(this, tr("Cannot Open"),
                             tr("%1 could not be opened.\n\n%2")
                                 .arg(QFileInfo(path).fileName(), lines.join(QLatin1Char('\n'))));
        return false;
    }
    setDocument(std::move(document), inSlices);
    // A hand-written file has no positions: lay it out, as an undoable step of its own. The
    // document still opens clean: the layout is a deterministic function of the file, so
    // closing unsaved loses nothing, and asking to save changes nobody made would mislead.
    if (auto place = Commands::placeUnpositionedEntities(*m_document, m_scene->boxSizeFunction())) {
        m_document->push(std::move(place));
        m_document->undoStack()->setClean();
    }
    m_view->fitAll();
    m_recentFiles->add(m_document->filePath());
    return true;
}

void MainWindow::offerRecoveries()
{
    RecoveryPrompt::offerPending(this, [this](std::unique_ptr<Document> document) {
        // This window takes it if it shows nothing of its own: an untouched untitled
        // document, or the very file recovered (opened from the command line), unchanged.
        MainWindow *window = this;
        if (m_document->isModified()
            || (!m_document->filePath().isEmpty()
                && m_document->filePath() != document->filePath())) {
            window = new MainWindow;
            window->setAttribute(Qt::WA_DeleteOnClose);
            window->show();
        }
        window->setDocument(std::move(document));
        window->m_view->fitAll();
    });
}

void MainWindow::openImported(std::unique_ptr<Document> document)
{
    // Like a restored recovery: replace an untouched untitled document, else a new window.
    MainWindow *window = this;
    if (m_document->isModified() || !m_document->filePath().isEmpty()) {
        window = new MainWindow;
        window->setAttribute(Qt::WA_DeleteOnClose);
        window->show();
    }
    window->setDocument(std::move(document));
    // Laid out as an undoable step, and left unsaved: closing asks where to keep it.
    if (auto layout = Commands::autoLayoutEntities(*window->m_document, window->m_scene->boxSizeFunction()))
        window->m_document->push(std::move(layout));
    window->m_view->fitAll();
}

void MainWindow::setDocument(std::unique_ptr<Document> document, bool inSlices)
{
    if (m_loader)
        m_loader->cancel(); // whatever replaces the document drops a load still running
    // The views move to the new document first; then the old one can go.
    m_scene->setDocument(document.get(), inSlices ? DiagramScene::Build::InSlices
                                                  : DiagramScene::Build::AtOnce);
    if (inSlices) { // validating an XL schema takes tens of ms: later, as after an edit
        QTimer::singleShot(150, m_diagnostics,
                           [this] { m_diagnostics->setDocument(m_document.get()); });
    } else
        m_diagnostics->setDocument(document.get());
    m_ddl->setDocument(document.get());
    m_outline->setDocument(document.get(), inSlices);
    m_inspector->setDocument(document.get());
    m_database->setDocument(document.get());
    m_undoGroup.addStack(document->undoStack());
    m_undoGroup.setActiveStack(document->undoStack());
    connect(document.get(), &Document::modifiedChanged, this, &MainWindow::updateTitle);
    connect(document.get(), &Document::filePathChanged, this, &MainWindow::updateTitle);
    if (inSlices && m_document) { // freeing an XL document takes tens of ms: on a turn of its own
        m_document->setAutosaveInterval(0);
        m_document.release()->deleteLater();
    }
    m_document = std::move(document);
    updateTitle();
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("%1[*] — Junction").arg(m_document->displayName()));
    setWindowModified(m_document->isModified());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    stopLoading();
    if (maybeSave()) {
        WindowSettings::save(this);
        event->accept();
    } else {
        event->ignore();
    }
}

bool MainWindow::maybeSave()
{
    if (!m_document->isModified())
        return true;
    const QMessageBox::StandardButton answer = QMessageBox::warning(
        this, tr("Unsaved Changes"),
        tr("%1 has unsaved changes. Save them?").arg(m_document->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    if (answer == QMessageBox::Discard) {
        m_document->removeRecovery(); // a deliberate discard leaves nothing to recover
        return true;
    }
    return false;
}

void MainWindow::newFile()
{
    stopLoading();
    if (maybeSave())
        setDocument(Document::newDocument());
}

void MainWindow::open()
{
    stopLoading();
    if (!maybeSave())
        return;
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Project"), QFileInfo(m_document->filePath()).path(), fileFilter);
    if (!path.isEmpty())
        openFileAsync(path);
}

void MainWindow::openWithPrompt(const QString &path)
{
    stopLoading();
    if (maybeSave())
        openFileAsync(path);
}

bool MainWindow::save()
{
    if (m_document->filePath().isEmpty())
        return saveAs();
    QString error;
    if (!m_document->save(&error)) {
        QMessageBox::warning(this, tr("Cannot Save"), error);
        return false;
    }
    return true;
}

bool MainWindow::saveAs()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Save Project As"), m_document->filePath(),
                                                fileFilter);
    if (path.isEmpty())
        return false;
    if (!path.endsWith(QLatin1String(".json")))
        path += QLatin1String(".junction.json");
    QString error;
    if (!m_document->saveAs(path, &error)) {
        QMessageBox::warning(this, tr("Cannot Save"), error);
        return false;
    }
    m_recentFiles->add(m_document->filePath());
    return true;
}

void MainWindow::autoLayout()
{
    if (auto command = Commands::autoLayoutEntities(*m_document, m_scene->boxSizeFunction())) {
        m_document->push(std::move(command));
        m_view->fitAll();
    }
}

void MainWindow::showElements(const QStringList &ids)
{
    if (QGraphicsItem *item = m_scene->selectElements(ids))
        m_view->centerOn(item);
}

} // namespace Junction
