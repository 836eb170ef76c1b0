// SPDX-License-Identifier: MIT
#include "statementinterrupter.h"

#include <QSqlDriver>
#include <QSqlQuery>

#include <libpq-fe.h>
#include <sqlite3.h>

namespace Junction {

namespace {

// QSqlDriver::handle() wraps the native pointer in a QVariant named after its C type
// ("sqlite3*"; QPSQL's is "pg_conn*", the struct behind libpq's PGconn typedef).
template<typename T> T *nativeHandle(const Connection &connection, const char *typeName)
{
    const QVariant handle = connection.database().driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), typeName) != 0)
        return nullptr;
    return *static_cast<T *const *>(handle.constData());
}

class SqliteInterrupter : public StatementInterrupter
{
public:
    explicit SqliteInterrupter(sqlite3 *handle)
        : m_handle(handle)
    {
    }
    bool isImmediate() const override { return true; }
    void interrupt() override { sqlite3_interrupt(m_handle); }

private:
    sqlite3 *m_handle;
};

// PGcancel holds the server address and the backend's cancel key, not the connection, so
// it stays valid after the connection closes.
class PostgresInterrupter : public StatementInterrupter
{
public:
    explicit PostgresInterrupter(PGcancel *cancel)
        : m_cancel(cancel)
    {
    }
    ~PostgresInterrupter() override { PQfreeCancel(m_cancel); }
    bool isImmediate() const override { return false; }
    void interrupt() override
    {
        char error[256];
        PQcancel(m_cancel, error, int(sizeof error)); // best effort: the job sees its flag
    }

private:
    PGcancel *m_cancel;
};

class MySqlInterrupter : public StatementInterrupter
{
public:
    MySqlInterrupter(const ConnectionSpec &spec, qint64 connectionId)
        : m_spec(spec)
        , m_connectionId(connectionId)
    {
    }
    bool isImmediate() const override { return false; }
    void interrupt() override
    {
        // Opened, used and closed on the calling thread, as QtSql requires.
        const std::unique_ptr<Connection> killer = Connection::open(m_spec);
        if (!killer)
            return;
        QSqlQuery query(killer->database());
        query.exec(QStringLiteral("KILL QUERY %1").arg(m_connectionId)); // an integer, not input
    }

private:
    ConnectionSpec m_spec;
    qint64 m_connectionId;
};

} // namespace

std::unique_ptr<StatementInterrupter> StatementInterrupter::create(const Connection &connection,
                                                                   const ConnectionSpec &spec)
{
    switch (spec.engine) {
    case ConnectionSpec::Engine::Sqlite:
        if (sqlite3 *handle = nativeHandle<sqlite3>(connection, "sqlite3*"))
            return std::make_unique<SqliteInterrupter>(handle);
        return nullptr;
    case ConnectionSpec::Engine::Postgres:
        if (PGconn *handle = nativeHandle<PGconn>(connection, "pg_conn*")) {
            if (PGcancel *cancel = PQgetCancel(handle))
                return std::make_unique<PostgresInterrupter>(cancel);
        }
        return nullptr;
    case ConnectionSpec::Engine::MySql: {
        QSqlQuery query(connection.database());
        if (!query.exec(QStringLiteral("SELECT CONNECTION_ID()")) || !query.next())
            return nullptr;
        ConnectionSpec killerSpec = spec;
        killerSpec.connectTimeoutSeconds
            = spec.connectTimeoutSeconds > 0 ? qMin(spec.connectTimeoutSeconds, 5) : 5;
        return std::make_unique<MySqlInterrupter>(killerSpec, query.value(0).toLongLong());
    }
    }
    return nullptr;
}

} // namespace Junction
