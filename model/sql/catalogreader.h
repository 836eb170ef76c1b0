// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Junction {

class Connection;

// A database's structure as its own catalog reports it: engine spellings, no
// interpretation. Comparing it with a resolved project is the diff's job, not this one's.
// The rules of how each engine's catalog maps to these fields are at the top of
// catalogreader.cpp.

struct LiveColumn
{
    QString name;
    QString nativeType; // as the catalog spells it: "character varying(40)", "int(11)"
    bool nullable = true;
    QString defaultExpression; // catalog text, e.g. "'x'::character varying"; empty = none
    bool autoIncrement = false;
    QString comment;
    QStringList enumValues; // for enum-typed columns, in declaration order

    friend bool operator==(const LiveColumn &a, const LiveColumn &b)
    {
        return a.name == b.name && a.nativeType == b.nativeType && a.nullable == b.nullable
            && a.defaultExpression == b.defaultExpression && a.autoIncrement == b.autoIncrement
            && a.comment == b.comment && a.enumValues == b.enumValues;
    }
};

struct LiveUnique
{
    QString name; // empty for SQLite, which keeps no constraint names
    QStringList columns;

    friend bool operator==(const LiveUnique &a, const LiveUnique &b)
    {
        return a.name == b.name && a.columns == b.columns;
    }
};

struct LiveIndex
{
    QString name;
    QStringList columns; // in key order; an expression key is its SQL text
    bool unique = false;

    friend bool operator==(const LiveIndex &a, const LiveIndex &b)
    {
        return a.name == b.name && a.columns == b.columns && a.unique == b.unique;
    }
};

struct LiveForeignKey
{
    QString name; // empty for SQLite
    QStringList columns;
    QString referencedSchema; // empty when it is the schema that was read
    QString referencedTable;
    QStringList referencedColumns;
    QString onDelete; // "CASCADE", "SET NULL", "NO ACTION", "RESTRICT", "SET DEFAULT"
    QString onUpdate;

    friend bool operator==(const LiveForeignKey &a, const LiveForeignKey &b)
    {
        return a.name == b.name && a.columns == b.columns
            && a.referencedSchema == b.referencedSchema && a.referencedTable == b.referencedTable
            && a.referencedColumns == b.referencedColumns && a.onDelete == b.onDelete
            && a.onUpdate == b.onUpdate;
    }
};

struct LiveTable
{
    QString name;
    QString comment;
    QList<LiveColumn> columns; // ordinal order
    QStringList primaryKey; // key order; empty = none
    QList<LiveUnique> uniques; // by name, then columns
    QList<LiveIndex> indexes; // by name; without those backing PK/unique constraints
    QList<LiveForeignKey> foreignKeys; // by name, then columns

    const LiveColumn *column(const QString &name) const;

    friend bool operator==(const LiveTable &a, const LiveTable &b)
    {
        return a.name == b.name && a.comment == b.comment && a.columns == b.columns
            && a.primaryKey == b.primaryKey && a.uniques == b.uniques && a.indexes == b.indexes
            && a.foreignKeys == b.foreignKeys;
    }
};

struct LiveSchema
{
    QString schema; // what was read: PG schema, MariaDB database, "main"
    QList<LiveTable> tables; // by name (QString order: UTF-16 code units)
    QMap<QString, QStringList> enums; // PostgreSQL enum types of the schema -> labels

    const LiveTable *table(const QString &name) const;

    friend bool operator==(const LiveSchema &a, const LiveSchema &b)
    {
        return a.schema == b.schema && a.tables == b.tables && a.enums == b.enums;
    }
};

// Reads a whole schema with a fixed number of bulk catalog queries (never one per table),
// with names only ever passed as bound parameters.
class CatalogReader
{
public:
    // schema: PostgreSQL schema (default: current_schema()), MariaDB database (default:
    // the connection's), SQLite "main" or "temp" (default: "main"). On failure returns an
    // empty LiveSchema and sets *error.
    static LiveSchema read(const Connection &connection, const QString &schema = {},
                           QString *error = nullptr);
};

} // namespace Junction
