// SPDX-License-Identifier: MIT
#pragma once

#include "diagnostic.h"

#include <QMainWindow>
#include <QUndoGroup>

#include <memory>

namespace Junction {

class CanvasInteraction;
class BrowserActions;
class DatabaseActions;
class DdlPanel;
class DiagnosticsPanel;
class InspectorPanel;
class OutlinePanel;
class DiagramScene;
class DiagramView;
class Document;
class DocumentLoader;
class RecentFiles;
class EditActions;
class ToolActions;

// The designer's window. It only wires things: the document to the canvas and the panels,
// actions to commands and file operations; the work is done in those.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens nothing and says why (with line and column) when the file has errors.
    bool openFile(const QString &path);
    // The same, with the file read and resolved on a worker thread: the window stays
    // responsive and says so in the status bar. A second open supersedes the first.
    void openFileAsync(const QString &path);
    DocumentLoader *documentLoader() const { return m_loader; }
    // Offers the recovery files a crashed session left (main() calls it at start). A restored
    // project replaces the untouched untitled document (or the same file, unchanged), else
    // it gets a window of its own.
    void offerRecoveries();
    // What starting the application does: opens `path` (none: nothing) without blocking,
    // then offers the recoveries once it has opened or failed, so that a recovered version of
    // that very file takes its place.
    void start(const QString &path);
    // An imported project: laid out, unsaved, in this window if it is untouched.
    void openImported(std::unique_ptr<Document> document);

    Document *document() const { return m_document.get(); }
    DiagramScene *scene() const { return m_scene; }
    DiagramView *view() const { return m_view; }
    DiagnosticsPanel *diagnosticsPanel() const { return m_diagnostics; }
    DdlPanel *ddlPanel() const { return m_ddl; }
    RecentFiles *recentFiles() const { return m_recentFiles; }
    OutlinePanel *outlinePanel() const { return m_outline; }
    CanvasInteraction *canvasInteraction() const { return m_interaction; }
    InspectorPanel *inspectorPanel() const { return m_inspector; }
    DatabaseActions *databaseActions() const { return m_database; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    // inSlices: the canvas and outline fill in over a few turns of the event loop (an open).
    void setDocument(std::unique_ptr<Document> document, bool inSlices = false);
    void updateTitle();

    // True when the document may be replaced: unmodified, saved, or its changes discarded.
    bool maybeSave();
    void newFile();
    void open();
    void openWithPrompt(const QString &path); // asks about unsaved changes first
    // What openFile() does once the file is read: shows it, or says why not.
    bool showOpened(const QString &path, std::unique_ptr<Document> document,
                    const Diagnostics &diagnostics, bool inSlices = false);
    void loadFinished(const QString &path, const Diagnostics &diagnostics);
    void stopLoading();
    void offerRecoveriesAfterLoad();
    bool save();
    bool saveAs();
    void autoLayout();
    void showElements(const QStringList &ids);

    std::unique_ptr<Document> m_document;
    QUndoGroup m_undoGroup; // one undo/redo action pair whatever document is open
    DiagramScene *m_scene;
    DiagramView *m_view;
    DiagnosticsPanel *m_diagnostics;
    DdlPanel *m_ddl;
    RecentFiles *m_recentFiles = nullptr;
    OutlinePanel *m_outline;
    CanvasInteraction *m_interaction;
    ToolActions *m_tools;
    EditActions *m_edits;
    InspectorPanel *m_inspector;
    DatabaseActions *m_database = nullptr;
    DocumentLoader *m_loader = nullptr;
    int m_undoIndexAtLoad = 0; // edits made while a file loads are asked about again
    bool m_recoveriesAfterLoad = false; // start() waits for its file before offering them
    BrowserActions *m_browser = nullptr;
};

} // namespace Junction
