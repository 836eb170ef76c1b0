// SPDX-License-Identifier: MIT
#pragma once

#include "project.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QWidget;

namespace Junction {

class DatabaseThread;
class PasswordStore;

// Where the browser and the import connect: one of the project's saved connections
// (Database > Connections...), opened by ConnectionOpener with its password from the
// keychain or a prompt, or any database by URL (ConnectPrompt). It asks which (straight to
// the URL when the project has no connections), opens it on a new DatabaseThread and hands
// that over; a failure is shown and nothing is handed over. It deletes itself when done.
class ConnectionChooser : public QObject
{
    Q_OBJECT

public:
    using Opened = std::function<void(std::unique_ptr<DatabaseThread> database)>;

    static void choose(QWidget *parent, const Project &project, const QString &projectFilePath,
                       PasswordStore *store, const QString &title, Opened opened);
    ~ConnectionChooser() override;

private:
    ConnectionChooser(QWidget *parent, const QString &title, Opened opened);
    void done(const QString &error, bool cancelled);

    QPointer<QWidget> m_parent;
    QString m_title;
    Opened m_opened;
    std::unique_ptr<DatabaseThread> m_database;
};

} // namespace Junction
