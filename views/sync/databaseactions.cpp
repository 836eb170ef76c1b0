// SPDX-License-Identifier: MIT
#include "databaseactions.h"

#include "connectiondialog.h"
#include "diagramscene.h"
#include "document.h"
#include "keychainfollower.h"
#include "outlinemodel.h"
#include "passwordstore.h"
#include "syncdialog.h"
#include "syncstatus.h"

#include <QAction>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QStatusBar>

namespace Junction {

DatabaseActions::DatabaseActions(QMainWindow *window, DiagramScene *scene, OutlineModel *outline)
    : QObject(window)
    , m_window(window)
    , m_scene(scene)
    , m_outline(outline)
    , m_store(new PasswordStore(this))
    , m_keychain(new KeychainFollower(m_store, this))
    , m_status(new SyncStatus(this))
    , m_menu(new QMenu(tr("&Database"), window))
    , m_label(new QLabel(window))
{
    m_menu->setObjectName(QStringLiteral("databaseMenu"));
    QAction *connections = m_menu->addAction(tr("&Connections..."));
    connections->setObjectName(QStringLiteral("connectionsAction"));
    connect(connections, &QAction::triggered, this, &DatabaseActions::showConnections);
    QAction *sync = m_menu->addAction(tr("&Sync with Database..."));
    sync->setObjectName(QStringLiteral("syncAction"));
    connect(sync, &QAction::triggered, this, &DatabaseActions::showSync);

    m_label->setObjectName(QStringLiteral("syncStatusLabel"));
    window->statusBar()->addPermanentWidget(m_label);
    connect(m_status, &SyncStatus::changed, this, &DatabaseActions::statusChanged);
}

DatabaseActions::~DatabaseActions() = default;

ConnectionDialog *DatabaseActions::connectionDialog() const
{
    return m_connectionDialog;
}

SyncDialog *DatabaseActions::syncDialog() const
{
    return m_syncDialog;
}

void DatabaseActions::setDocument(Document *document)
{
    m_document = document;
    m_status->setDocument(document);
    m_keychain->setDocument(document);
    // A dialog works on the document it was opened for.
    delete m_connectionDialog;
    delete m_syncDialog;
}

ConnectionDialog *DatabaseActions::showConnections()
{
    if (!m_document)
        return nullptr;
    if (!m_connectionDialog) {
        m_connectionDialog = new ConnectionDialog(m_document, m_store, m_window);
        m_connectionDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_connectionDialog->open();
    return m_connectionDialog;
}

SyncDialog *DatabaseActions::showSync()
{
    if (!m_document)
        return nullptr;
    if (m_document->project().connections.isEmpty()) {
        // Nothing to sync with yet: the connections come first.
        showConnections();
        return nullptr;
    }
    if (!m_syncDialog) {
        m_syncDialog = new SyncDialog(m_document, m_store, m_window);
        m_syncDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_syncDialog, &SyncDialog::baselineReady, m_status, &SyncStatus::setBaseline);
    }
    m_syncDialog->open();
    return m_syncDialog;
}

void DatabaseActions::statusChanged()
{
    const QString text = m_status->statusText();
    m_label->setText(text);
    m_label->setStyleSheet(m_status->inSync() || text.isEmpty() ? QString()
                                                                : QStringLiteral("color: #9a5b00"));
    if (m_scene)
        m_scene->setSyncDifferences(m_status->differingTables());
    if (m_outline)
        m_outline->setDifferences(m_status->differingIds(), m_status->connectionName());
}

} // namespace Junction
