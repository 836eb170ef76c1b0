// SPDX-License-Identifier: MIT
#pragma once

#include "connection.h"
#include "dialect.h"
#include "resolvedschema.h"

#include <QList>
#include <QSqlError>
#include <QString>
#include <QStringList>
#include <QUuid>
#include <QVariant>
#include <QVariantMap>

#include <optional>

namespace Junction {

// One row: column name -> value (the column, not the attribute name). NULL is a null
// QVariant. UUIDs come back as strings without braces.
using Row = QVariantMap;

// Wherever the accessors expect a row they also take a bare primary key value, as
// Sequelize does (`user.addPicture(pid)`). A map is read for the columns it holds: a
// whole row, or just the key columns of a composite primary key.
class RowRef
{
public:
    RowRef(const Row &row)
        : m_value(row)
    {
    }
    RowRef(const QVariant &keyOrMap)
        : m_value(keyOrMap)
    {
    }
    RowRef(int key)
        : m_value(key)
    {
    }
    RowRef(qint64 key)
        : m_value(key)
    {
    }
    RowRef(const QString &key)
        : m_value(key)
    {
    }
    RowRef(const QUuid &key)
        : m_value(key.toString(QUuid::WithoutBraces))
    {
    }

    bool isMap() const { return m_value.typeId() == QMetaType::QVariantMap; }
    Row map() const { return m_value.toMap(); }
    const QVariant &key() const { return m_value; } // the bare value (when !isMap())

private:
    QVariant m_value;
};

// One filter term on a target column. Equality with a null value is `IS NULL`
// (Sequelize's `where: {col: null}`), inequality with null `IS NOT NULL`.
struct Condition
{
    enum class Op { Equal, NotEqual, Less, LessOrEqual, Greater, GreaterOrEqual, Like, In };

    Condition(QString column, QVariant value)
        : column(std::move(column))
        , value(std::move(value))
    {
    }
    Condition(QString column, Op op, QVariant value)
        : column(std::move(column))
        , op(op)
        , value(std::move(value))
    {
    }

    QString column;
    Op op = Op::Equal;
    QVariant value; // In: a QVariantList
};

struct OrderBy
{
    QString column;
    bool descending = false;
};

// What `get`, `count` and `list` read: the AND of the conditions, the order (the primary
// key when none is given, so that results are stable), limit and offset.
struct RowQuery
{
    QList<Condition> where;
    QList<OrderBy> orderBy;
    int limit = -1; // -1: no limit
    int offset = 0;
    // Paranoid models: rows with deletedAt set are left out, as Sequelize does, unless
    // this is set (Sequelize's `paranoid: false`).
    bool includeDeleted = false;

    static RowQuery equals(const Row &columnValues);
};

// The rows a read returns, with the table's columns in table order. For belongsToMany,
// `through` holds the junction row of each target row (Sequelize's `row.PostTags`).
struct RowSet
{
    QString table;
    QStringList columns;
    QList<Row> rows;
    QStringList throughColumns;
    QList<Row> through;
};

// Every call returns one of these: the value, or a sentence for the user and the
// driver's error when the database refused a statement. Nothing throws, nothing prompts.
template<typename T> struct RowsResult
{
    T value {};
    QString error;
    QSqlError sqlError;

    bool ok() const { return error.isEmpty(); }
};

// Sequelize's association accessors over a live connection and the resolved schema
// (rules in relatedrows.cpp). Associations are named by id. Values are always bound
// parameters, identifiers quoted by the engine's Dialect; accessors of more than one
// statement run in one transaction, so a failing step changes nothing. Not for use inside
// a transaction of the caller's own. Like the Connection, use it on the thread that
// opened it; it keeps only the connection's name.
class RelatedRows
{
public:
    RelatedRows(const Connection &connection, ResolvedSchema schema);

    const ResolvedSchema &schema() const { return m_schema; }
    const Dialect &dialect() const { return m_dialect; }

    // Browsing. `table` is a model name or a table name.
    RowsResult<RowSet> list(const QString &table, const RowQuery &query = {}) const;
    RowsResult<std::optional<Row>> find(const QString &table, const RowRef &key) const;

    // get: the target rows (at most one for belongsTo/hasOne; their query ignores limit).
    RowsResult<RowSet> get(const AssociationId &association, const RowRef &source,
                           const RowQuery &query = {}) const;
    // get for belongsTo/hasOne: the one linked row or none.
    RowsResult<std::optional<Row>> getOne(const AssociationId &association,
                                          const RowRef &source) const;
    // set: belongsTo/hasOne take zero targets (unlink) or one; hasMany/belongsToMany link
    // exactly the given rows. `through` sets junction columns of belongsToMany links.
    // The value is the number of rows written.
    RowsResult<qint64> set(const AssociationId &association, const RowRef &source,
                           const QList<RowRef> &targets, const Row &through = {});
    RowsResult<qint64> add(const AssociationId &association, const RowRef &source,
                           const QList<RowRef> &targets, const Row &through = {});
    RowsResult<qint64> remove(const AssociationId &association, const RowRef &source,
                              const QList<RowRef> &targets);
    // true when every given target is linked (and for no targets).
    RowsResult<bool> has(const AssociationId &association, const RowRef &source,
                         const QList<RowRef> &targets) const;
    RowsResult<qint64> count(const AssociationId &association, const RowRef &source,
                             const RowQuery &query = {}) const;
    // Inserts a target row already linked and returns it as the database stored it.
    RowsResult<Row> create(const AssociationId &association, const RowRef &source,
                           const Row &values, const Row &through = {});

    // A command-line or form value as the column's type wants it ("12" -> 12 for integer
    // columns, "true" -> true for booleans); the text itself for other types.
    static QVariant valueFromText(const ResolvedColumn &column, const QString &text);
    // "User 1", "OrderItem (1, 2)": how messages name a row.
    QString describeRow(const ResolvedTable &table, const RowRef &ref) const;

private:
    QString m_connectionName;
    ResolvedSchema m_schema;
    const Dialect &m_dialect;
};

} // namespace Junction
