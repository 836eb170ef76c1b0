// SPDX-License-Identifier: MIT
#pragma once

#include "project.h"

#include <QDialog>
#include <QHash>
#include <QPointer>

class QDialogButtonBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace Junction {

class ConnectionForm;
class ConnectionOpener;
class DatabaseThread;
class Document;
class PasswordStore;

// The project's connections: add, edit, test (on a DatabaseThread, never on the UI
// thread), remove. It edits a copy; OK commits the list as one undoable command
// (Commands::editConnections). Passwords typed here live in this dialog's memory until it
// closes; those with "save" ticked go to the keychain on OK, none ever to the project.
class ConnectionDialog : public QDialog
{
    Q_OBJECT

public:
    ConnectionDialog(Document *document, PasswordStore *store, QWidget *parent = nullptr);
    ~ConnectionDialog() override;

    QList<SavedConnection> connections() const { return m_connections; }
    ConnectionForm *form() const { return m_form; }
    QListWidget *list() const { return m_list; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *testButton() const { return m_test; }
    bool isTesting() const { return m_testing; }

    void accept() override;

signals:
    void testFinished(bool ok);

private:
    void addConnection();
    void removeConnection();
    void currentRowChanged(int row);
    void formEdited();
    void test();
    void createSqlite(const QString &path);
    void showStatus(const QString &text, bool error);
    QString uniqueName(const QString &base) const;
    QString validate() const;

    QPointer<Document> m_document;
    QPointer<PasswordStore> m_store;
    QList<SavedConnection> m_connections;
    QHash<int, QString> m_passwords; // typed this session, by row; memory only
    QHash<int, bool> m_savePasswords;
    int m_row = -1;

    QListWidget *m_list;
    ConnectionForm *m_form;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_test;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    DatabaseThread *m_thread = nullptr;
    ConnectionOpener *m_opener = nullptr;
    bool m_testing = false;
};

} // namespace Junction
