// SPDX-License-Identifier: MIT
#include "livereader.h"

#include "connection.h"
#include "dialect.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Junction {

QStringList LiveReader::sqliteEnumValues(const QString &createSql, const QString &column)
{
    // Exactly the text DdlGenerator writes; anything else is not Junction's enum.
    const QString needle = QStringLiteral("CHECK (")
        + Dialect::get(Dialect::Kind::Sqlite).quote(column) + QStringLiteral(" IN (");
    const qsizetype at = createSql.indexOf(needle);
    if (at < 0)
        return {};
    QStringList values;
    qsizetype i = at + needle.size();
    while (i < createSql.size()) {
        if (createSql.at(i) != QLatin1Char('\''))
            return {};
        QString value;
        ++i;
        while (i < createSql.size()) {
            if (createSql.at(i) == QLatin1Char('\'')) {
                if (i + 1 < createSql.size() && createSql.at(i + 1) == QLatin1Char('\'')) {
                    value += QLatin1Char('\'');
                    i += 2;
                    continue;
                }
                break;
            }
            value += createSql.at(i++);
        }
        ++i; // the closing quote
        values << value;
        if (createSql.mid(i, 2) == QLatin1String("))"))
            return values;
        if (createSql.mid(i, 2) != QLatin1String(", "))
            return {};
        i += 2;
    }
    return {};
}

LiveSchema LiveReader::read(const Connection &connection, const QString &schema, QString *error)
{
    QString readError;
    LiveSchema live = CatalogReader::read(connection, schema, &readError);
    if (!readError.isEmpty()) {
        if (error)
            *error = readError;
        return live;
    }
    if (error)
        error->clear();
    if (connection.engine() != ConnectionSpec::Engine::Sqlite)
        return live;
    // Only the two catalog tables CatalogReader allows; no name is spliced into SQL.
    const QString master = live.schema == QLatin1String("temp")
        ? QStringLiteral("sqlite_temp_schema")
        : QStringLiteral("sqlite_schema");
    QSqlQuery query(connection.database());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT name, sql FROM ") + master
                    + QStringLiteral(" WHERE type = 'table'"))) {
        if (error)
            *error = query.lastError().text();
        return {};
    }
    QHash<QString, QString> createSql;
    while (query.next())
        createSql.insert(query.value(0).toString(), query.value(1).toString());
    for (LiveTable &table : live.tables) {
        const QString sql = createSql.value(table.name);
        if (!sql.contains(QLatin1String("CHECK (")))
            continue;
        for (LiveColumn &column : table.columns)
            column.enumValues = sqliteEnumValues(sql, column.name);
    }
    return live;
}

} // namespace Junction
