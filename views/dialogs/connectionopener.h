// SPDX-License-Identifier: MIT
#pragma once

#include "connection.h"
#include "project.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class QWidget;

namespace Junction {

class DatabaseThread;
class PasswordStore;

// Opens a saved connection on a DatabaseThread, with its password from the one allowed
// place: a password given by the caller (typed into the connection form), else the system
// keychain when there is one and it holds the entry, else the user (PasswordDialog). When
// the server rejects a password from the keychain or the prompt, the user is asked again,
// with the server's message. A password is written to the keychain only after the server
// accepted it, and only when the user ticked "save"; without a keychain it is kept nowhere.
class ConnectionOpener : public QObject
{
    Q_OBJECT

public:
    // error.kind None: open. cancelled: the user closed the password prompt (error then
    // holds the last failure, if any).
    using Done = std::function<void(const ConnectionError &error, bool cancelled)>;

    ConnectionOpener(DatabaseThread *thread, PasswordStore *store, QWidget *dialogParent);

    // mustExist: an SQLite file that is not there is an error, never created silently.
    void open(const SavedConnection &connection, const QString &projectFilePath, Done done,
              const std::optional<QString> &password = std::nullopt, bool mustExist = true);

private:
    void prompt(const QString &problem);
    void start(const QString &password, bool fromUser, bool save);

    QPointer<DatabaseThread> m_thread;
    QPointer<PasswordStore> m_store;
    QPointer<QWidget> m_dialogParent;
    SavedConnection m_connection;
    QString m_projectFilePath;
    bool m_mustExist = true;
    Done m_done;
    ConnectionError m_lastError;
};

} // namespace Junction
