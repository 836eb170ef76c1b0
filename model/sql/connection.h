// SPDX-License-Identifier: MIT
#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

#include <memory>

namespace Junction {

// Where to connect. Plain data: the UI and the CLI fill it, Connection::open() uses it.
struct ConnectionSpec
{
    enum class Engine { Sqlite, Postgres, MySql };

    Engine engine = Engine::Sqlite;
    QString host;
    int port = 0; // 0 = the driver's default port
    QString database; // or, for SQLite, the file path
    QString user;
    QString password;
    QString options; // QtSql connect options, "KEY=value;KEY=value"
    int connectTimeoutSeconds = 5;
    bool mustExist = false; // SQLite: report a missing file instead of creating it
};

// Why open() failed. The kinds are distinct so the UI can say what to fix (install a
// package, check host/port, retype the password, pick another database).
struct ConnectionError
{
    enum class Kind {
        None,
        DriverMissing, // the QtSql plugin is not installed
        FileMissing, // SQLite file absent and mustExist set
        Unreachable, // nothing answers at host:port (or it timed out)
        AuthenticationFailed, // wrong user name or password
        DatabaseMissing, // the server has no such database
        PermissionDenied, // the user may not use that database
        Other,
    };

    Kind kind = Kind::None;
    QString message; // one sentence for the user, with the driver's own text
    QSqlError sqlError; // the driver's error, when there was one

    bool isError() const { return kind != Kind::None; }
};

// Owns one uniquely named QtSql connection for its whole life and removes it on
// destruction. It stores only the name: a QSqlDatabase member would keep the connection
// "in use" and make removeDatabase() warn. Like every QtSql connection it must be used
// (and destroyed) on the thread that opened it.
class Connection
{
public:
    ~Connection();
    Connection(Connection &&other) noexcept;
    Connection &operator=(Connection &&other) noexcept;
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    // Opens a new connection; nullptr on failure, with the reason in *error if given.
    static std::unique_ptr<Connection> open(const ConnectionSpec &spec,
                                            ConnectionError *error = nullptr);

    // The QtSql driver name for an engine ("QPSQL") and the Debian package providing it.
    static QString driverName(ConnectionSpec::Engine engine);
    static QString driverPackage(ConnectionSpec::Engine engine);

    QString name() const { return m_name; }
    ConnectionSpec::Engine engine() const { return m_engine; }
    // A handle looked up by name on each call; do not keep it beyond the Connection.
    QSqlDatabase database() const;

private:
    Connection(QString name, ConnectionSpec::Engine engine);
    void release();

    QString m_name;
    ConnectionSpec::Engine m_engine = ConnectionSpec::Engine::Sqlite;
};

} // namespace Junction
