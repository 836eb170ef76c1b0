// SPDX-License-Identifier: MIT
#pragma once

#include "dialect.h"
#include "relatedrows.h"
#include "resolvedschema.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

namespace Junction {

// Why a step failed: a sentence for the user and the driver's error, if any.
struct RowsFailure
{
    QString message;
    QSqlError sqlError;
};

// SQL text with its bound values, built side by side so that a value can never end up in
// the text: identifiers go through Dialect::quote, values through bind().
struct SqlBuilder
{
    QString sql;
    QVariantList values;

    SqlBuilder &operator<<(QStringView text)
    {
        sql += text;
        return *this;
    }
    SqlBuilder &operator<<(QLatin1String text)
    {
        sql += text;
        return *this;
    }
    SqlBuilder &bind(const QVariant &value)
    {
        sql += QLatin1Char('?');
        values << value;
        return *this;
    }
};

// The statements the related-row accessors are made of, for one connection and its
// dialect: quoting, reading rows, inserting with the generated key, the values each
// driver binds correctly, transactions.
class RowSql
{
public:
    RowSql(QString connectionName, const Dialect &dialect)
        : m_connectionName(std::move(connectionName))
        , m_dialect(dialect)
    {
    }

    QSqlDatabase database() const { return QSqlDatabase::database(m_connectionName, false); }
    const Dialect &dialect() const { return m_dialect; }

    QString quote(const QString &identifier) const { return m_dialect.quote(identifier); }
    // "Table"."column"
    QString qualified(const ResolvedTable &table, const QString &column) const;
    // Every column of the table, qualified, in table order.
    QString selectList(const ResolvedTable &table) const;

    // Prepares, binds and runs; false with *failure when the database refuses.
    bool exec(QSqlQuery &query, const SqlBuilder &statement, RowsFailure *failure) const;
    // Runs a statement whose first column of the first row is a count.
    bool count(const SqlBuilder &statement, qint64 *result, RowsFailure *failure) const;
    // The rows of a query, columns read by position starting at `first`.
    QList<Row> readRows(QSqlQuery &query, const QStringList &columns, int first = 0) const;
    Row readRow(const QSqlQuery &query, const QStringList &columns, int first = 0) const;

    // The value as this driver binds it correctly (UUIDs as text, timestamps as
    // Sequelize writes them, booleans as 0/1 for SQLite).
    QVariant toDatabase(const QVariant &value) const;
    // A value read back, in a driver-independent form: UUIDs as text without braces;
    // MySQL DATETIMEs (which QMYSQL hands out as local time) as the UTC Sequelize wrote.
    QVariant fromDatabase(const QVariant &value) const;
    // UUIDs as text without braces, everything else as it is.
    static QVariant plain(const QVariant &value);
    // "Now" as Sequelize stores a DATE: UTC; SQLite text 'YYYY-MM-DD HH:MM:SS.SSS +00:00'.
    QVariant now() const;

    // INSERT of the given columns (table order); *key receives the primary key values of
    // the new row: those given, else RETURNING (PostgreSQL) or the driver's last insert id.
    bool insert(const ResolvedTable &table, const Row &values, QVariantList *key,
                RowsFailure *failure) const;

    static RowsFailure failed(const QString &message, const QSqlError &error = {});

private:
    QString m_connectionName;
    const Dialect &m_dialect;
    mutable QList<QSqlQuery> m_failedQueries;
};

// One transaction: begin() opens it, commit() ends it, and leaving the scope without
// commit() rolls everything back.
class RowTransaction
{
public:
    explicit RowTransaction(QSqlDatabase database)
        : m_database(std::move(database))
    {
    }
    ~RowTransaction();
    RowTransaction(const RowTransaction &) = delete;
    RowTransaction &operator=(const RowTransaction &) = delete;

    bool begin(RowsFailure *failure);
    bool commit(RowsFailure *failure);

private:
    QSqlDatabase m_database;
    bool m_open = false;
};

} // namespace Junction
