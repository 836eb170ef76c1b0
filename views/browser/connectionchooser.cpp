// SPDX-License-Identifier: MIT
#include "connectionchooser.h"

#include "connectionopener.h"
#include "connectionprofile.h"
#include "connectprompt.h"
#include "databasethread.h"

#include <QInputDialog>
#include <QMessageBox>

namespace Junction {

ConnectionChooser::ConnectionChooser(QWidget *parent, const QString &title, Opened opened)
    : QObject(parent)
    , m_parent(parent)
    , m_title(title)
    , m_opened(std::move(opened))
    , m_database(std::make_unique<DatabaseThread>())
{
}

ConnectionChooser::~ConnectionChooser() = default;

void ConnectionChooser::choose(QWidget *parent, const Project &project,
                               const QString &projectFilePath, PasswordStore *store,
                               const QString &title, Opened opened)
{
    int saved = -1;
    if (!project.connections.isEmpty()) {
        QStringList items;
        for (const SavedConnection &c : project.connections)
            items << QStringLiteral("%1 \u2014 %2").arg(c.name, ConnectionProfile::key(c));
        items << tr("Another database (URL)...");
        bool ok = false;
        const QString item = QInputDialog::getItem(parent, title, tr("Connect to:"), items, 0,
                                                   false, &ok);
        if (!ok)
            return;
        saved = int(items.indexOf(item));
        if (saved >= project.connections.size())
            saved = -1;
    }

    auto *chooser = new ConnectionChooser(parent, title, std::move(opened));
    if (saved >= 0) {
        // The opener belongs to the thread (its parent), and goes where the thread goes.
        auto *opener = new ConnectionOpener(chooser->m_database.get(), store, parent);
        opener->open(project.connections.at(saved), projectFilePath,
                     [chooser](const ConnectionError &error, bool cancelled) {
                         chooser->done(error.message, cancelled && !error.isError());
                     });
        return;
    }
    const std::optional<ConnectionSpec> spec = ConnectPrompt::ask(parent, title);
    if (!spec) {
        chooser->deleteLater();
        return;
    }
    chooser->m_database->open(*spec, chooser, [chooser](const ConnectionError &error) {
        chooser->done(error.message, false);
    });
}

void ConnectionChooser::done(const QString &error, bool cancelled)
{
    deleteLater();
    if (cancelled)
        return; // the password prompt was closed
    if (!error.isEmpty()) {
        QMessageBox::warning(m_parent, m_title, error);
        return;
    }
    m_opened(std::move(m_database));
}

} // namespace Junction
