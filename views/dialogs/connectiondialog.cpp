// SPDX-License-Identifier: MIT
#include "connectiondialog.h"

#include "commands/projectcommands.h"
#include "connectionform.h"
#include "connectionopener.h"
#include "connectionprofile.h"
#include "databasethread.h"
#include "document.h"
#include "passwordstore.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSqlError>
#include <QSqlQuery>
#include <QVBoxLayout>

namespace Junction {

ConnectionDialog::ConnectionDialog(Document *document, PasswordStore *store, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_store(store)
    , m_list(new QListWidget(this))
    , m_form(new ConnectionForm(this))
    , m_add(new QPushButton(tr("&Add"), this))
    , m_remove(new QPushButton(tr("&Remove"), this))
    , m_test(new QPushButton(tr("&Test"), this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Connections"));
    setObjectName(QStringLiteral("connectionDialog"));
    m_list->setObjectName(QStringLiteral("connectionList"));
    m_add->setObjectName(QStringLiteral("addButton"));
    m_remove->setObjectName(QStringLiteral("removeButton"));
    m_test->setObjectName(QStringLiteral("testButton"));
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setMinimumHeight(48);
    m_status->setAlignment(Qt::AlignTop | Qt::AlignLeft);

    auto *left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_add);
    listButtons->addWidget(m_remove);
    left->addLayout(listButtons);

    auto *right = new QVBoxLayout;
    right->addWidget(m_form);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addStretch();
    right->addLayout(testRow);
    right->addWidget(m_status);
    right->addStretch();

    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addLayout(right, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_buttons);

    connect(m_add, &QPushButton::clicked, this, &ConnectionDialog::addConnection);
    connect(m_remove, &QPushButton::clicked, this, &ConnectionDialog::removeConnection);
    connect(m_test, &QPushButton::clicked, this, &ConnectionDialog::test);
    connect(m_list, &QListWidget::currentRowChanged, this, &ConnectionDialog::currentRowChanged);
    connect(m_form, &ConnectionForm::edited, this, &ConnectionDialog::formEdited);
    connect(m_form, &ConnectionForm::createSqliteRequested, this, &ConnectionDialog::createSqlite);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    if (m_store) {
        const auto updateKeychain = [this] {
            m_form->setKeychainAvailable(m_store->backend() != PasswordStore::Backend::None,
                                         m_store->unavailableReason());
        };
        connect(m_store, &PasswordStore::backendChanged, this, updateKeychain);
        updateKeychain();
        if (m_store->backend() == PasswordStore::Backend::Unknown)
            m_store->probe(this, [] {});
    } else {
        m_form->setKeychainAvailable(false, QString());
    }

    if (m_document)
        m_connections = m_document->project().connections;
    for (const SavedConnection &c : std::as_const(m_connections))
        m_list->addItem(c.name);
    if (!m_connections.isEmpty())
        m_list->setCurrentRow(0);
    else
        currentRowChanged(-1);
    resize(720, 420);
}

ConnectionDialog::~ConnectionDialog() = default;

QString ConnectionDialog::uniqueName(const QString &base) const
{
    QString name = base;
    for (int n = 2;; ++n) {
        const bool taken = std::any_of(m_connections.begin(), m_connections.end(),
                                       [&](const SavedConnection &c) { return c.name == name; });
        if (!taken)
            return name;
        name = QStringLiteral("%1 %2").arg(base).arg(n);
    }
}

void ConnectionDialog::addConnection()
{
    SavedConnection c;
    c.name = uniqueName(tr("New connection"));
    c.engine = QStringLiteral("sqlite");
    m_connections.append(c);
    m_list->addItem(c.name);
    m_list->setCurrentRow(m_list->count() - 1);
    m_form->setFocus();
}

void ConnectionDialog::removeConnection()
{
    const int row = m_list->currentRow();
    if (row < 0)
        return;
    m_connections.removeAt(row);
    // Rows after it move up: so do their typed passwords.
    QHash<int, QString> passwords;
    QHash<int, bool> saves;
    for (auto it = m_passwords.cbegin(); it != m_passwords.cend(); ++it) {
        if (it.key() != row)
            passwords.insert(it.key() > row ? it.key() - 1 : it.key(), it.value());
    }
    for (auto it = m_savePasswords.cbegin(); it != m_savePasswords.cend(); ++it) {
        if (it.key() != row)
            saves.insert(it.key() > row ? it.key() - 1 : it.key(), it.value());
    }
    m_passwords = passwords;
    m_savePasswords = saves;
    m_row = -1; // nothing to store back: that row is gone
    delete m_list->takeItem(row);
    currentRowChanged(m_list->currentRow());
}

void ConnectionDialog::currentRowChanged(int row)
{
    m_row = row;
    const bool has = row >= 0 && row < m_connections.size();
    m_form->setEnabled(has);
    m_remove->setEnabled(has);
    m_test->setEnabled(has && !m_testing);
    m_form->setConnection(has ? m_connections.at(row) : SavedConnection());
    m_form->setPassword(m_passwords.value(row));
    m_status->clear();
}

void ConnectionDialog::formEdited()
{
    if (m_row < 0 || m_row >= m_connections.size())
        return;
    m_connections[m_row] = m_form->connection();
    m_passwords.insert(m_row, m_form->password());
    m_savePasswords.insert(m_row, m_form->savePassword());
    if (QListWidgetItem *item = m_list->item(m_row))
        item->setText(m_connections.at(m_row).name);
}

void ConnectionDialog::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #b3261e")
                                  : QStringLiteral("color: #1b6e2a"));
}

void ConnectionDialog::test()
{
    if (m_row < 0 || m_testing)
        return;
    if (!m_thread) {
        m_thread = new DatabaseThread(this);
        m_opener = new ConnectionOpener(m_thread, m_store, this);
    }
    const SavedConnection connection = m_connections.at(m_row);
    const QString typed = m_passwords.value(m_row);
    m_testing = true;
    m_test->setEnabled(false);
    showStatus(tr("Connecting to %1...").arg(ConnectionProfile::key(connection)), false);
    m_opener->open(
        connection, m_document ? m_document->filePath() : QString(),
        [this, connection](const ConnectionError &error, bool cancelled) {
            m_testing = false;
            m_test->setEnabled(m_row >= 0);
            if (cancelled && !error.isError())
                showStatus(tr("Test cancelled: no password given."), true);
            else if (error.isError())
                showStatus(error.message, true);
            else
                showStatus(tr("Connected to %1.").arg(ConnectionProfile::key(connection)), false);
            emit testFinished(!error.isError() && !cancelled);
        },
        typed.isEmpty() ? std::nullopt : std::optional<QString>(typed));
}

void ConnectionDialog::createSqlite(const QString &path)
{
    if (m_row < 0 || m_testing)
        return;
    // Inside the project's folder the file is kept relative, so the project can move.
    if (m_document && !m_document->filePath().isEmpty()) {
        const QDir base = QFileInfo(m_document->filePath()).absoluteDir();
        const QString relative = base.relativeFilePath(path);
        if (!relative.startsWith(QLatin1String("..")))
            m_form->setConnection([&] {
                SavedConnection c = m_form->connection();
                c.database = relative;
                return c;
            }());
    }
    formEdited();
    if (!m_thread) {
        m_thread = new DatabaseThread(this);
        m_opener = new ConnectionOpener(m_thread, m_store, this);
    }
    m_testing = true;
    m_test->setEnabled(false);
    m_opener->open(
        m_connections.at(m_row), m_document ? m_document->filePath() : QString(),
        [this, path](const ConnectionError &error, bool) {
            if (error.isError()) {
                m_testing = false;
                m_test->setEnabled(m_row >= 0);
                showStatus(error.message, true);
                emit testFinished(false);
                return;
            }
            // SQLite writes the file only when something is stored: store and drop a table.
            m_thread->run(
                [](Connection &connection, const std::atomic_bool &) {
                    QSqlQuery query(connection.database());
                    if (!query.exec(
                            QStringLiteral("CREATE TABLE junction_new_database (x INTEGER)"))
                        || !query.exec(QStringLiteral("DROP TABLE junction_new_database")))
                        return query.lastError().text();
                    return QString();
                },
                this,
                [this, path](const QString &failure) {
                    m_testing = false;
                    m_test->setEnabled(m_row >= 0);
                    if (failure.isEmpty())
                        showStatus(tr("Created the SQLite database %1.")
                                       .arg(QDir::toNativeSeparators(path)),
                                   false);
                    else
                        showStatus(
                            tr("Cannot create %1: %2").arg(QDir::toNativeSeparators(path), failure),
                            true);
                    emit testFinished(failure.isEmpty());
                });
        },
        std::nullopt, false);
}

QString ConnectionDialog::validate() const
{
    for (int i = 0; i < m_connections.size(); ++i) {
        const SavedConnection &c = m_connections.at(i);
        if (c.name.isEmpty())
            return tr("Connection %1 has no name.").arg(i + 1);
        for (int j = 0; j < i; ++j) {
            if (m_connections.at(j).name == c.name)
                return tr("Two connections are named \"%1\".").arg(c.name);
        }
        if (c.isSqlite() && c.database.isEmpty())
            return tr("Connection \"%1\" needs a database file.").arg(c.name);
        if (!c.isSqlite() && c.database.isEmpty())
            return tr("Connection \"%1\" needs a database name.").arg(c.name);
    }
    return {};
}

void ConnectionDialog::accept()
{
    formEdited();
    const QString problem = validate();
    if (!problem.isEmpty()) {
        showStatus(problem, true);
        return;
    }
    if (m_store && m_store->hasKeychain()) {
        for (auto it = m_passwords.cbegin(); it != m_passwords.cend(); ++it) {
            if (it.value().isEmpty() || !m_savePasswords.value(it.key())
                || it.key() >= m_connections.size())
                continue;
            m_store->write(ConnectionProfile::key(m_connections.at(it.key())), it.value(), m_store,
                           [](bool, const QString &) {});
        }
    }
    // The keychain entries of connections that go or change their key follow the document
    // (KeychainFollower), so that undo and redo move them too.
    if (m_document) {
        if (auto command = Commands::editConnections(*m_document, m_connections))
            m_document->push(std::move(command));
    }
    QDialog::accept();
}

} // namespace Junction
