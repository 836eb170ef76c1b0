// SPDX-License-Identifier: MIT
#include "connection.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSqlQuery>
#include <QStringList>

#include <atomic>
#include <utility>

// How open() tells its failures apart:
//
//   DriverMissing         QSqlDatabase::isDriverAvailable() says no; the message names
//                         the Debian package that ships the plugin.
//   FileMissing           SQLite with mustExist and no file at the path; checked before
//                         opening because SQLite would otherwise create an empty file.
//   Unreachable           PostgreSQL: libpq's "could not connect" / "Connection refused" /
//                         "timeout expired" / unknown host; MariaDB: client errors 2002,
//                         2003, 2005, 2006, 2013.
//   AuthenticationFailed  PostgreSQL: "password authentication failed", "no password
//                         supplied"; MariaDB: 1045, 1698.
//   DatabaseMissing       PostgreSQL: 'database "x" does not exist'; MariaDB: 1049.
//   PermissionDenied      PostgreSQL: "permission denied for database"; MariaDB: 1044
//                         (which MariaDB also answers for a missing database that the user
//                         has no rights on, so as not to reveal whether it exists), 1130.
//   Other                 anything else, with the driver's text.
//
// QPSQL reports no SQLSTATE for a failed connection, only libpq's message, so PostgreSQL
// is matched on the English text (the servers here run with lc_messages=C; a translated
// libpq falls back to Other, still with the full text). MariaDB's client gives error
// numbers, which QMYSQL passes on as nativeErrorCode().

namespace Junction {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Junction::Connection", text);
}

QString engineDisplayName(ConnectionSpec::Engine engine)
{
    switch (engine) {
    case ConnectionSpec::Engine::Sqlite:
        return QStringLiteral("SQLite");
    case ConnectionSpec::Engine::Postgres:
        return QStringLiteral("PostgreSQL");
    case ConnectionSpec::Engine::MySql:
        return QStringLiteral("MariaDB/MySQL");
    }
    return {};
}

// Names are never reused within a process, so a Connection never picks up a leftover.
QString uniqueConnectionName()
{
    static std::atomic<quint64> counter {0};
    return QStringLiteral("junction-sql-%1").arg(++counter);
}

bool hasOption(const QString &options, const QString &key)
{
    const QStringList parts = options.split(QLatin1Char(';'), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        if (part.section(QLatin1Char('='), 0, 0).trimmed().compare(key, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// The user's options win; the timeout is added only when they did not set one.
QString connectOptions(const ConnectionSpec &spec)
{
    QString key;
    switch (spec.engine) {
    case ConnectionSpec::Engine::Postgres:
        key = QStringLiteral("connect_timeout"); // passed through to libpq's conninfo
        break;
    case ConnectionSpec::Engine::MySql:
        key = QStringLiteral("MYSQL_OPT_CONNECT_TIMEOUT");
        break;
    case ConnectionSpec::Engine::Sqlite:
        return spec.options;
    }
    if (spec.connectTimeoutSeconds <= 0 || hasOption(spec.options, key))
        return spec.options;
    QString options = spec.options.trimmed();
    if (!options.isEmpty() && !options.endsWith(QLatin1Char(';')))
        options += QLatin1Char(';');
    return options + key + QLatin1Char('=') + QString::number(spec.connectTimeoutSeconds);
}

ConnectionError::Kind classifyPostgres(const QString &text)
{
    const auto has = [&text](const char *needle) {
        return text.contains(QLatin1String(needle), Qt::CaseInsensitive);
    };
    if (has("password authentication failed") || has("no password supplied")
        || has("authentication failed"))
        return ConnectionError::Kind::AuthenticationFailed;
    if (has("permission denied for database"))
        return ConnectionError::Kind::PermissionDenied;
    if (has("database \"") && has("\" does not exist"))
        return ConnectionError::Kind::DatabaseMissing;
    if (has("role \"") && has("\" does not exist"))
        return ConnectionError::Kind::AuthenticationFailed;
    if (has("could not connect") || has("connection refused") || has("timeout expired")
        || has("could not translate host name") || has("no route to host")
        || has("network is unreachable"))
        return ConnectionError::Kind::Unreachable;
    return ConnectionError::Kind::Other;
}

ConnectionError::Kind classifyMySql(const QString &code)
{
    switch (code.toInt()) {
    case 1045: // ER_ACCESS_DENIED_ERROR
    case 1698: // ER_ACCESS_DENIED_NO_PASSWORD_ERROR
        return ConnectionError::Kind::AuthenticationFailed;
    case 1049: // ER_BAD_DB_ERROR
        return ConnectionError::Kind::DatabaseMissing;
    case 1044: // ER_DBACCESS_DENIED_ERROR
    case 1130: // ER_HOST_NOT_PRIVILEGED
        return ConnectionError::Kind::PermissionDenied;
    case 2002: // CR_CONNECTION_ERROR
    case 2003: // CR_CONN_HOST_ERROR
    case 2005: // CR_UNKNOWN_HOST
    case 2006: // CR_SERVER_GONE_ERROR
    case 2013: // CR_SERVER_LOST
        return ConnectionError::Kind::Unreachable;
    default:
        return ConnectionError::Kind::Other;
    }
}

ConnectionError describeFailure(const ConnectionSpec &spec, const QSqlError &sqlError)
{
    ConnectionError error;
    error.sqlError = sqlError;
    // simplified(): libpq's messages span lines ("...\n\tIs the server running...").
    const QString driverText = sqlError.databaseText().trimmed().isEmpty()
        ? sqlError.text().simplified()
        : sqlError.databaseText().simplified();
    switch (spec.engine) {
    case ConnectionSpec::Engine::Postgres:
        error.kind = classifyPostgres(driverText);
        break;
    case ConnectionSpec::Engine::MySql:
        error.kind = classifyMySql(sqlError.nativeErrorCode());
        break;
    case ConnectionSpec::Engine::Sqlite:
        error.kind = ConnectionError::Kind::Other;
        break;
    }

    const QString where = spec.engine == ConnectionSpec::Engine::Sqlite ? spec.database
        : spec.port > 0 ? QStringLiteral("%1:%2").arg(spec.host).arg(spec.port)
                        : spec.host;
    QString summary;
    switch (error.kind) {
    case ConnectionError::Kind::Unreachable:
        summary
            = tr("Cannot reach the %1 server at %2.").arg(engineDisplayName(spec.engine), where);
        break;
    case ConnectionError::Kind::AuthenticationFailed:
        summary = tr("The %1 server at %2 rejected user \"%3\": wrong user name or password.")
                      .arg(engineDisplayName(spec.engine), where, spec.user);
        break;
    case ConnectionError::Kind::DatabaseMissing:
        summary = tr("The %1 server at %2 has no database \"%3\".")
                      .arg(engineDisplayName(spec.engine), where, spec.database);
        break;
    case ConnectionError::Kind::PermissionDenied:
        summary = tr("User \"%1\" may not use database \"%2\" on the %3 server at %4.")
                      .arg(spec.user, spec.database, engineDisplayName(spec.engine), where);
        break;
    default:
        summary = tr("Cannot open the %1 database %2.").arg(engineDisplayName(spec.engine), where);
        break;
    }
    error.message = driverText.isEmpty() ? summary : summary + QLatin1Char(' ') + driverText;
    return error;
}

} // namespace

Connection::Connection(QString name, ConnectionSpec::Engine engine)
    : m_name(std::move(name))
    , m_engine(engine)
{
}

Connection::~Connection()
{
    release();
}

Connection::Connection(Connection &&other) noexcept
    : m_name(std::exchange(other.m_name, QString()))
    , m_engine(other.m_engine)
{
}

Connection &Connection::operator=(Connection &&other) noexcept
{
    if (this != &other) {
        release();
        m_name = std::exchange(other.m_name, QString());
        m_engine = other.m_engine;
    }
    return *this;
}

void Connection::release()
{
    if (m_name.isEmpty())
        return;
    {
        // The handle must be gone before removeDatabase(), or QtSql warns that the
        // connection is still in use and leaks it.
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
    m_name.clear();
}

QString Connection::driverName(ConnectionSpec::Engine engine)
{
    switch (engine) {
    case ConnectionSpec::Engine::Sqlite:
        return QStringLiteral("QSQLITE");
    case ConnectionSpec::Engine::Postgres:
        return QStringLiteral("QPSQL");
    case ConnectionSpec::Engine::MySql:
        return QStringLiteral("QMYSQL");
    }
    return {};
}

QString Connection::driverPackage(ConnectionSpec::Engine engine)
{
    switch (engine) {
    case ConnectionSpec::Engine::Sqlite:
        return QStringLiteral("libqt6sql6-sqlite");
    case ConnectionSpec::Engine::Postgres:
        return QStringLiteral("libqt6sql6-psql");
    case ConnectionSpec::Engine::MySql:
        return QStringLiteral("libqt6sql6-mysql");
    }
    return {};
}

QSqlDatabase Connection::database() const
{
    // open = false: never silently reconnect behind the caller's back.
    return QSqlDatabase::database(m_name, false);
}

std::unique_ptr<Connection> Connection::open(const ConnectionSpec &spec, ConnectionError *error)
{
    ConnectionError ignored;
    ConnectionError &result = error ? *error : ignored;
    result = {};

    const QString driver = driverName(spec.engine);
    if (!QSqlDatabase::isDriverAvailable(driver)) {
        result.kind = ConnectionError::Kind::DriverMissing;
        result.message
            = tr("The Qt %1 driver (%2) is not installed. Install the Debian "
                 "package %3.")
                  .arg(engineDisplayName(spec.engine), driver, driverPackage(spec.engine));
        return nullptr;
    }

    if (spec.engine == ConnectionSpec::Engine::Sqlite && spec.mustExist
        && !QFileInfo(spec.database).isFile()) {
        result.kind = ConnectionError::Kind::FileMissing;
        result.message = tr("The SQLite database file %1 does not exist.").arg(spec.database);
        return nullptr;
    }

    std::unique_ptr<Connection> connection(new Connection(uniqueConnectionName(), spec.engine));
    bool opened = false;
    QSqlError sqlError;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(driver, connection->m_name);
        if (spec.engine != ConnectionSpec::Engine::Sqlite) {
            db.setHostName(spec.host);
            if (spec.port > 0)
                db.setPort(spec.port);
            db.setUserName(spec.user);
            db.setPassword(spec.password);
        }
        db.setDatabaseName(spec.database);
        db.setConnectOptions(connectOptions(spec));
        opened = db.open();
        if (!opened)
            sqlError = db.lastError();

        // SQLite ships with foreign keys off for backward compatibility; Junction's
        // schemas rely on them, so every connection switches them on.
        if (opened && spec.engine == ConnectionSpec::Engine::Sqlite) {
            QSqlQuery pragma(db);
            if (!pragma.exec(QStringLiteral("PRAGMA foreign_keys = ON"))) {
                opened = false;
                sqlError = pragma.lastError();
            }
        }
    }
    if (!opened) {
        result = describeFailure(spec, sqlError);
        return nullptr; // the destructor removes the half-made connection
    }
    return connection;
}

} // namespace Junction
