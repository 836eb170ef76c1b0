// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <utility>

namespace Junction {

class Connection;

// What an import needs to know about a column beyond what LiveSchema keeps, because it
// decides which Sequelize type the column came from:
//   binaryCollation  MariaDB: a CHAR/VARCHAR with a *_bin collation (Sequelize's UUID is
//                    CHAR(36) BINARY)
//   jsonChecked      MariaDB: CHECK (json_valid(col)) (MariaDB's JSON is LONGTEXT + that check)
//   checkValues      SQLite: CHECK (col IN ('a', 'b')) (Junction's ENUM on SQLite)
struct ColumnFact
{
    bool binaryCollation = false;
    bool jsonChecked = false;
    QStringList checkValues;
};

class ColumnFacts
{
public:
    // Reads the facts of one schema (the LiveSchema's `schema`) with a fixed number of bulk
    // queries, names as bound parameters only. PostgreSQL needs none (its catalog already
    // says uuid, json and the enum values). On failure returns what was read and sets *error.
    static ColumnFacts read(const Connection &connection, const QString &schema,
                            QString *error = nullptr);

    // The `IN (...)` values of a column CHECK in an SQLite CREATE TABLE text, by column name.
    // Only the exact form `CHECK (<column> IN (<string>, ...))` counts.
    static QHash<QString, QStringList> sqliteCheckValues(const QString &createTableSql);

    ColumnFact fact(const QString &table, const QString &column) const
    {
        return m_facts.value({table, column});
    }
    ColumnFact &operator()(const QString &table, const QString &column)
    {
        return m_facts[{table, column}];
    }
    bool isEmpty() const { return m_facts.isEmpty(); }

private:
    QHash<std::pair<QString, QString>, ColumnFact> m_facts;
};

} // namespace Junction
