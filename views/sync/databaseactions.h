// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>

class QLabel;
class QMainWindow;
class QMenu;

namespace Junction {

class ConnectionDialog;
class DiagramScene;
class Document;
class KeychainFollower;
class OutlineModel;
class PasswordStore;
class SyncDialog;
class SyncStatus;

// The Database menu (Connections..., Sync...), the "in sync with" status bar label and the
// difference markers on the canvas and in the outline: what the window needs of the
// database layer, so that MainWindow only wires one object.
class DatabaseActions : public QObject
{
    Q_OBJECT

public:
    DatabaseActions(QMainWindow *window, DiagramScene *scene, OutlineModel *outline);
    ~DatabaseActions() override;

    void setDocument(Document *document);
    QMenu *menu() const { return m_menu; }

    PasswordStore *passwordStore() const { return m_store; }
    SyncStatus *syncStatus() const { return m_status; }
    QLabel *statusLabel() const { return m_label; }
    // The dialog last opened (nullptr when closed), for tests.
    ConnectionDialog *connectionDialog() const;
    SyncDialog *syncDialog() const;

    ConnectionDialog *showConnections();
    SyncDialog *showSync();

private:
    void statusChanged();

    QMainWindow *m_window;
    QPointer<DiagramScene> m_scene;
    QPointer<OutlineModel> m_outline;
    QPointer<Document> m_document;
    PasswordStore *m_store;
    KeychainFollower *m_keychain;
    SyncStatus *m_status;
    QMenu *m_menu;
    QLabel *m_label;
    QPointer<ConnectionDialog> m_connectionDialog;
    QPointer<SyncDialog> m_syncDialog;
};

} // namespace Junction
