// SPDX-License-Identifier: MIT
#pragma once
// Scratch databases on the test servers that scripts/test.sh starts (JUNCTION_PG_*,
// JUNCTION_MYSQL_*), shared by the database tests.

#include "connection.h"

#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <memory>
#include <optional>

namespace Junction::TestDatabase {

using namespace Qt::StringLiterals;
using Engine = ConnectionSpec::Engine;

inline QString engineName(Engine engine)
{
    switch (engine) {
    case Engine::Sqlite: return u"SQLite"_s;
    case Engine::Postgres: return u"PostgreSQL"_s;
    case Engine::MySql: return u"MariaDB"_s;
    }
    return {};
}

// The test servers that scripts/test.sh starts, from its environment variables.
inline std::optional<ConnectionSpec> serverSpec(Engine engine)
{
    const QString prefix = engine == Engine::Postgres ? u"JUNCTION_PG_"_s : u"JUNCTION_MYSQL_"_s;
    const auto env = [&prefix](const char *name) {
        return qEnvironmentVariable((prefix + QLatin1String(name)).toLocal8Bit().constData());
    };
    if (env("HOST").isEmpty() || env("PORT").isEmpty())
        return std::nullopt;
    ConnectionSpec spec;
    spec.engine = engine;
    spec.host = env("HOST");
    spec.port = env("PORT").toInt();
    spec.user = env("USER");
    spec.password = env("PASSWORD");
    spec.database = env("DATABASE");
    return spec;
}

inline bool serversRequired()
{
    return qEnvironmentVariable("JUNCTION_REQUIRE_SERVERS") == u"1"_s;
}

inline QString randomSuffix()
{
    return QString::number(QRandomGenerator::global()->generate(), 16);
}

// A TCP port on 127.0.0.1 that nothing listens on: bound by us, then released.
inline int closedPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

// A server that accepts TCP connections (the kernel completes the handshake) but never
// says a word: only the connect timeout can end the wait.
class SilentServer
{
public:
    SilentServer()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (m_fd >= 0 && ::bind(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0
            && ::listen(m_fd, 8) == 0
            && ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
            m_port = ntohs(address.sin_port);
    }
    ~SilentServer()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    SilentServer(const SilentServer &) = delete;
    SilentServer &operator=(const SilentServer &) = delete;

    int port() const { return m_port; }

private:
    int m_fd = -1;
    int m_port = 0;
};

inline bool exec(const Connection &connection, const QString &sql, QString *error = nullptr)
{
    QSqlQuery query(connection.database());
    if (query.exec(sql))
        return true;
    if (error)
        *error = query.lastError().text() + u"\nin: "_s + sql;
    return false;
}

// A throw-away place for one test's tables, removed again in the destructor:
// SQLite: a file in a QTemporaryDir; PostgreSQL: schema junction_t<random> in the test
// database; MariaDB: database junction_t<random>.
class Scratch
{
public:
    ~Scratch()
    {
        if (!m_admin)
            return;
        if (m_engine == Engine::Postgres)
            exec(*m_admin, u"DROP SCHEMA IF EXISTS %1 CASCADE"_s.arg(quotedSchema()));
        else if (m_engine == Engine::MySql)
            exec(*m_admin, u"DROP DATABASE IF EXISTS %1"_s.arg(quotedSchema()));
    }

    // nameSuffix: appended to the server-side scratch name, to make it hostile.
    bool setUp(Engine engine, const ConnectionSpec &serverSpec, QString *error,
               const QString &nameSuffix = {})
    {
        m_engine = engine;
        ConnectionError openError;
        if (engine == Engine::Sqlite) {
            if (!m_dir.isValid()) {
                *error = u"no temporary directory"_s;
                return false;
            }
            ConnectionSpec spec;
            spec.engine = Engine::Sqlite;
            spec.database = m_dir.filePath(u"catalog.db"_s);
            m_ddl = Connection::open(spec, &openError);
            if (!m_ddl) {
                *error = openError.message;
                return false;
            }
            return true;
        }

        m_admin = Connection::open(serverSpec, &openError);
        if (!m_admin) {
            *error = openError.message;
            return false;
        }
        m_schema = u"junction_t"_s + randomSuffix() + nameSuffix;
        if (engine == Engine::Postgres) {
            // DDL and reads share this connection; search_path is moved away again before
            // reading, so the reader must not depend on it.
            // client_min_messages: DROP ... CASCADE's notices would litter the test log.
            if (!exec(*m_admin, u"SET client_min_messages TO warning"_s, error)
                || !exec(*m_admin, u"CREATE SCHEMA %1"_s.arg(quotedSchema()), error)
                || !exec(*m_admin, u"SET search_path TO %1"_s.arg(quotedSchema()), error))
                return false;
            return true;
        }
        if (!exec(*m_admin,
                  u"CREATE DATABASE %1 CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"_s.arg(
                      quotedSchema()),
                  error))
            return false;
        ConnectionSpec spec = serverSpec;
        spec.database = m_schema;
        m_ddl = Connection::open(spec, &openError);
        if (!m_ddl) {
            *error = openError.message;
            return false;
        }
        return true;
    }

    // Where DDL goes.
    const Connection &ddl() const { return m_ddl ? *m_ddl : *m_admin; }
    // Where the reader reads from (for MariaDB another database than its own).
    const Connection &reader() const { return m_admin ? *m_admin : *m_ddl; }
    QString schema() const { return m_schema; }
    // The scratch name as an identifier in this test's hand-written SQL.
    QString quotedSchema() const
    {
        if (m_engine == Engine::MySql)
            return u"`"_s + QString(m_schema).replace(u"`"_s, u"``"_s) + u"`"_s;
        return u"\""_s + QString(m_schema).replace(u"\""_s, u"\"\""_s) + u"\""_s;
    }

private:
    Engine m_engine = Engine::Sqlite;
    QTemporaryDir m_dir;
    std::unique_ptr<Connection> m_admin;
    std::unique_ptr<Connection> m_ddl;
    QString m_schema;
};


// A server row cannot run: fail in CI (JUNCTION_REQUIRE_SERVERS=1), skip elsewhere.
#define JUNCTION_REQUIRE_SERVER(engine)                                                        \
    do {                                                                                       \
        if (!Junction::TestDatabase::serverSpec(engine)) {                                     \
            const QString message = QStringLiteral("%1 test server not configured: run "        \
                                                   "scripts/test.sh")                          \
                                        .arg(Junction::TestDatabase::engineName(engine));      \
            if (Junction::TestDatabase::serversRequired())                                     \
                QFAIL(qPrintable(message));                                                    \
            QSKIP(qPrintable(message));                                                        \
        }                                                                                      \
    } while (false)

} // namespace Junction::TestDatabase
