// SPDX-License-Identifier: MIT
#include "connectionform.h"

#include "connectionprofile.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>

namespace Junction {

namespace {

const QString sqliteFilter
    = QStringLiteral("SQLite databases (*.db *.sqlite *.sqlite3);;All files (*)");

} // namespace

ConnectionForm::ConnectionForm(QWidget *parent)
    : QWidget(parent)
    , m_name(new QLineEdit(this))
    , m_engine(new QComboBox(this))
    , m_pages(new QStackedWidget(this))
    , m_file(new QLineEdit(this))
    , m_host(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_database(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_savePassword(new QCheckBox(tr("Save in the system keychain"), this))
    , m_sslMode(new QComboBox(this))
{
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_engine->setObjectName(QStringLiteral("engineCombo"));
    m_file->setObjectName(QStringLiteral("fileEdit"));
    m_host->setObjectName(QStringLiteral("hostEdit"));
    m_port->setObjectName(QStringLiteral("portSpin"));
    m_database->setObjectName(QStringLiteral("databaseEdit"));
    m_user->setObjectName(QStringLiteral("userEdit"));
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_savePassword->setObjectName(QStringLiteral("savePasswordCheck"));
    m_sslMode->setObjectName(QStringLiteral("sslModeCombo"));

    m_engine->addItem(tr("SQLite"), QStringLiteral("sqlite"));
    m_engine->addItem(tr("PostgreSQL"), QStringLiteral("postgres"));
    m_engine->addItem(tr("MySQL"), QStringLiteral("mysql"));
    m_engine->addItem(tr("MariaDB"), QStringLiteral("mariadb"));

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Engine:"), m_engine);
    form->addRow(m_pages);

    // SQLite: a file.
    auto *sqlitePage = new QWidget(m_pages);
    auto *sqliteForm = new QFormLayout(sqlitePage);
    sqliteForm->setContentsMargins(0, 0, 0, 0);
    auto *fileRow = new QHBoxLayout;
    auto *browse = new QPushButton(tr("&Browse..."), sqlitePage);
    browse->setObjectName(QStringLiteral("browseButton"));
    auto *create = new QPushButton(tr("New &database..."), sqlitePage);
    create->setObjectName(QStringLiteral("newDatabaseButton"));
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);
    fileRow->addWidget(create);
    m_file->setPlaceholderText(tr("relative to the project file's folder, or absolute"));
    sqliteForm->addRow(tr("&File:"), fileRow);
    m_pages->addWidget(sqlitePage);

    // Servers.
    auto *serverPage = new QWidget(m_pages);
    auto *serverForm = new QFormLayout(serverPage);
    serverForm->setContentsMargins(0, 0, 0, 0);
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("default"));
    m_host->setPlaceholderText(QStringLiteral("localhost"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("asked for when needed"));
    m_sslMode->addItem(tr("(driver default)"), QString());
    for (const char *mode : {"disable", "allow", "prefer", "require", "verify-ca", "verify-full"})
        m_sslMode->addItem(QString::fromLatin1(mode), QString::fromLatin1(mode));
    serverForm->addRow(tr("&Host:"), m_host);
    serverForm->addRow(tr("&Port:"), m_port);
    serverForm->addRow(tr("&Database:"), m_database);
    serverForm->addRow(tr("&User:"), m_user);
    serverForm->addRow(tr("Pass&word:"), m_password);
    serverForm->addRow(QString(), m_savePassword);
    serverForm->addRow(tr("&SSL mode:"), m_sslMode);
    m_pages->addWidget(serverPage);

    connect(m_engine, &QComboBox::currentIndexChanged, this, &ConnectionForm::engineChanged);
    connect(browse, &QPushButton::clicked, this, &ConnectionForm::browse);
    connect(create, &QPushButton::clicked, this, &ConnectionForm::createNew);
    const auto notify = [this] {
        if (!m_loading)
            emit edited();
    };
    for (QLineEdit *edit : {m_name, m_file, m_host, m_database, m_user, m_password})
        connect(edit, &QLineEdit::textChanged, this, notify);
    connect(m_port, &QSpinBox::valueChanged, this, notify);
    connect(m_sslMode, &QComboBox::currentIndexChanged, this, notify);
    connect(m_savePassword, &QCheckBox::toggled, this, notify);
    engineChanged();
}

void ConnectionForm::engineChanged()
{
    const bool sqlite = m_engine->currentData().toString() == QLatin1String("sqlite");
    m_pages->setCurrentIndex(sqlite ? 0 : 1);
    if (!m_loading)
        emit edited();
}

void ConnectionForm::setConnection(const SavedConnection &connection)
{
    m_loading = true;
    m_loaded = connection;
    m_name->setText(connection.name);
    const int engine = m_engine->findData(connection.engine);
    m_engine->setCurrentIndex(engine < 0 ? 0 : engine);
    m_file->setText(connection.isSqlite() ? connection.database : QString());
    m_host->setText(connection.host);
    m_port->setValue(connection.port);
    m_database->setText(connection.isSqlite() ? QString() : connection.database);
    m_user->setText(connection.user);
    const int ssl = m_sslMode->findData(connection.sslMode);
    m_sslMode->setCurrentIndex(ssl < 0 ? 0 : ssl);
    m_password->clear();
    engineChanged();
    m_loading = false;
}

SavedConnection ConnectionForm::connection() const
{
    SavedConnection c;
    c.unknownKeys = m_loaded.unknownKeys;
    c.name = m_name->text().trimmed();
    c.engine = m_engine->currentData().toString();
    if (c.isSqlite()) {
        c.database = m_file->text().trimmed();
        return c;
    }
    c.host = m_host->text().trimmed();
    c.port = m_port->value();
    c.database = m_database->text().trimmed();
    c.user = m_user->text().trimmed();
    c.sslMode = m_sslMode->currentData().toString();
    return c;
}

QString ConnectionForm::password() const
{
    return m_password->text();
}

void ConnectionForm::setPassword(const QString &password)
{
    const bool loading = m_loading;
    m_loading = true;
    m_password->setText(password);
    m_loading = loading;
}

bool ConnectionForm::savePassword() const
{
    return m_savePassword->isEnabled() && m_savePassword->isChecked();
}

void ConnectionForm::setKeychainAvailable(bool available, const QString &reason)
{
    m_savePassword->setEnabled(available);
    m_savePassword->setChecked(available);
    m_savePassword->setText(available ? tr("Save in the system keychain")
                                      : tr("No system keychain: asked for each time"));
    m_savePassword->setToolTip(reason);
}

void ConnectionForm::browse()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open SQLite Database"),
                                                      m_file->text(), sqliteFilter);
    if (!path.isEmpty())
        m_file->setText(path);
}

void ConnectionForm::createNew()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("New SQLite Database"),
                                                      m_file->text(), sqliteFilter);
    if (path.isEmpty())
        return;
    m_file->setText(path);
    emit createSqliteRequested(path);
}

} // namespace Junction
