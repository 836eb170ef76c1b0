// SPDX-License-Identifier: MIT
#include "rowsql.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QSqlRecord>
#include <QUuid>

// How values cross the driver boundary (checked by tst_relatedrows on all three engines):
//
//   QUuid        bound as text without braces: QMYSQL would write "{...}", and a UUID column
//                is CHAR(36) on MySQL, TEXT on SQLite, uuid on PostgreSQL (which parses text).
//   QDateTime    SQLite: text 'YYYY-MM-DD HH:MM:SS.SSS +00:00' in UTC, as Sequelize v4 writes
//                it; PostgreSQL and MySQL: the UTC QDateTime, which QPSQL sends with its
//                offset and QMYSQL as the UTC wall time (Sequelize's default timezone).
//                Read back, QMYSQL's zone-less local DATETIME is taken as that UTC time.
//   bool         SQLite: 0/1 (Sequelize's BOOLEAN there is TINYINT(1)).
//   map, list    JSON text, for JSON columns.
//
// Inserted keys come back by RETURNING on PostgreSQL (QPSQL has no usable lastInsertId)
// and by the driver's last insert id on SQLite and MySQL.

namespace Junction {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Junction::RelatedRows", text);
}

} // namespace

RowsFailure RowSql::failed(const QString &message, const QSqlError &error)
{
    RowsFailure failure;
    failure.message = message;
    failure.sqlError = error;
    return failure;
}

QString RowSql::qualified(const ResolvedTable &table, const QString &column) const
{
    return quote(table.name) + QLatin1Char('.') + quote(column);
}

QString RowSql::selectList(const ResolvedTable &table) const
{
    QString out;
    for (const ResolvedColumn &c : table.columns) {
        if (!out.isEmpty())
            out += QLatin1String(", ");
        out += qualified(table, c.name);
    }
    return out;
}

bool RowSql::exec(QSqlQuery &query, const SqlBuilder &statement, RowsFailure *failure) const
{
    query.setForwardOnly(true);
    if (!query.prepare(statement.sql)) {
        *failure
            = failed(tr("The database refused the statement: %1").arg(query.lastError().text()),
                     query.lastError());
        return false;
    }
    for (const QVariant &value : statement.values)
        query.addBindValue(toDatabase(value));
    if (!query.exec()) {
        *failure = failed(query.lastError().text(), query.lastError());
        // PostgreSQL refuses to DEALLOCATE the statement until the aborted transaction is
        // rolled back: keep it alive until this RowSql goes, after the RowTransaction.
        m_failedQueries << query;
        return false;
    }
    return true;
}

bool RowSql::count(const SqlBuilder &statement, qint64 *result, RowsFailure *failure) const
{
    QSqlQuery query(database());
    if (!exec(query, statement, failure))
        return false;
    *result = query.next() ? query.value(0).toLongLong() : 0;
    return true;
}

Row RowSql::readRow(const QSqlQuery &query, const QStringList &columns, int first) const
{
    Row row;
    for (int i = 0; i < columns.size(); ++i)
        row.insert(columns.at(i), fromDatabase(query.value(first + i)));
    return row;
}

QList<Row> RowSql::readRows(QSqlQuery &query, const QStringList &columns, int first) const
{
    QList<Row> rows;
    while (query.next())
        rows << readRow(query, columns, first);
    return rows;
}

QVariant RowSql::toDatabase(const QVariant &value) const
{
    if (value.isNull())
        return value;
    const bool sqlite = m_dialect.kind() == Dialect::Kind::Sqlite;
    switch (value.typeId()) {
    case QMetaType::QUuid:
        return value.toUuid().toString(QUuid::WithoutBraces);
    case QMetaType::QDateTime: {
        const QDateTime utc = value.toDateTime().toUTC();
        if (sqlite)
            return utc.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"))
                + QLatin1String(" +00:00");
        return utc;
    }
    case QMetaType::Bool:
        return sqlite ? QVariant(value.toBool() ? 1 : 0) : value;
    case QMetaType::QVariantMap:
    case QMetaType::QVariantList:
    case QMetaType::QVariantHash:
        return QString::fromUtf8(QJsonDocument::fromVariant(value).toJson(QJsonDocument::Compact));
    default:
        return value;
    }
}

QVariant RowSql::plain(const QVariant &value)
{
    if (value.typeId() == QMetaType::QUuid)
        return value.isNull() ? QVariant()
                              : QVariant(value.toUuid().toString(QUuid::WithoutBraces));
    return value;
}

QVariant RowSql::fromDatabase(const QVariant &value) const
{
    if (value.typeId() == QMetaType::QDateTime && m_dialect.kind() == Dialect::Kind::MySql
        && !value.isNull()) {
        QDateTime utc = value.toDateTime();
        if (utc.timeSpec() == Qt::LocalTime) {
            utc.setTimeSpec(Qt::UTC); // the same wall-clock time, read as UTC
            return utc;
        }
    }
    return plain(value);
}

QVariant RowSql::now() const
{
    return toDatabase(QDateTime::currentDateTimeUtc());
}

bool RowSql::insert(const ResolvedTable &table, const Row &values, QVariantList *key,
                    RowsFailure *failure) const
{
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (!table.column(it.key())) {
            *failure = failed(tr("%1 has no column \"%2\".").arg(table.name, it.key()));
            return false;
        }
    }
    SqlBuilder insert;
    insert << QLatin1String("INSERT INTO ") << quote(table.name);
    QString names;
    SqlBuilder placeholders;
    for (const ResolvedColumn &c : table.columns) {
        if (!values.contains(c.name))
            continue;
        if (!names.isEmpty()) {
            names += QLatin1String(", ");
            placeholders << QLatin1String(", ");
        }
        names += quote(c.name);
        placeholders.bind(values.value(c.name));
    }
    if (names.isEmpty()) {
        insert << (m_dialect.kind() == Dialect::Kind::MySql ? QLatin1String(" () VALUES ()")
                                                            : QLatin1String(" DEFAULT VALUES"));
    } else {
        insert << QLatin1String(" (") << names << QLatin1String(") VALUES (") << placeholders.sql
               << QLatin1String(")");
        insert.values = placeholders.values;
    }

    bool keyGiven = !table.primaryKey.isEmpty();
    for (const QString &column : table.primaryKey)
        keyGiven = keyGiven && values.contains(column) && !values.value(column).isNull();
    const bool returning
        = !keyGiven && m_dialect.kind() == Dialect::Kind::Postgres && !table.primaryKey.isEmpty();
    if (returning) {
        insert << QLatin1String(" RETURNING ");
        for (int i = 0; i < table.primaryKey.size(); ++i)
            insert << (i ? QLatin1String(", ") : QLatin1String()) << quote(table.primaryKey.at(i));
    }

    QSqlQuery query(database());
    if (!exec(query, insert, failure))
        return false;
    key->clear();
    if (keyGiven) {
        for (const QString &column : table.primaryKey)
            *key << values.value(column);
    } else if (returning) {
        if (!query.next()) {
            *failure
                = failed(tr("The database returned no key for the new row of %1.").arg(table.name));
            return false;
        }
        for (int i = 0; i < table.primaryKey.size(); ++i)
            *key << fromDatabase(query.value(i));
    } else if (table.primaryKey.size() == 1) {
        const QVariant id = query.lastInsertId();
        if (!id.isValid()) {
            *failure
                = failed(tr("The database returned no key for the new row of %1.").arg(table.name));
            return false;
        }
        *key << id;
    }
    return true;
}

RowTransaction::~RowTransaction()
{
    if (m_open)
        m_database.rollback();
}

bool RowTransaction::begin(RowsFailure *failure)
{
    if (!m_database.transaction()) {
        *failure = RowSql::failed(
            tr("Cannot start a transaction: %1").arg(m_database.lastError().text()),
            m_database.lastError());
        return false;
    }
    m_open = true;
    return true;
}

bool RowTransaction::commit(RowsFailure *failure)
{
    if (!m_database.commit()) {
        *failure = RowSql::failed(
            tr("Cannot commit the transaction: %1").arg(m_database.lastError().text()),
            m_database.lastError());
        return false; // the destructor rolls back
    }
    m_open = false;
    return true;
}

} // namespace Junction
