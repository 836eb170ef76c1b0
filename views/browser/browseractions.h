// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

#include <functional>
#include <memory>

class QAction;
class QWidget;

namespace Junction {

class DiagramScene;
class Document;
class PasswordStore;

// The designer's database commands, so that MainWindow only adds them to its menus:
// Database > Browse Data... (the selected model's rows; a model is asked for when none is
// selected) and File > New Project from Database... (ImportDialog). Both connect through
// ConnectionChooser: one of the project's saved connections, or a URL.
class BrowserActions : public QObject
{
    Q_OBJECT

public:
    using OpenDocument = std::function<void(std::unique_ptr<Document>)>;

    BrowserActions(QWidget *window, DiagramScene *scene, OpenDocument openDocument);

    // Where saved connections get their passwords (Database > Connections' store).
    void setPasswordStore(PasswordStore *store) { m_store = store; }
    QAction *browseAction() const { return m_browse; }
    QAction *importAction() const { return m_import; }

    void browse();
    void importProject();

private:
    QWidget *m_window;
    DiagramScene *m_scene;
    PasswordStore *m_store = nullptr;
    OpenDocument m_openDocument;
    QAction *m_browse;
    QAction *m_import;
};

} // namespace Junction
