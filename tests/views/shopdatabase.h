// SPDX-License-Identifier: MIT
#pragma once
// The shop example's tables in a scratch database (SQLite file, PostgreSQL schema or
// MariaDB database; tests/sql/scratchdatabase.h), with a spec that a DatabaseThread can
// open to reach them, and helpers to insert rows and read whole tables back with SQL.

#include "ddlgenerator.h"
#include "projectreader.h"
#include "relatedrows.h"
#include "resolvedschema.h"
#include "scratchdatabase.h"
#include "validator.h"

#include <QDateTime>
#include <QSqlQuery>

namespace Junction::TestDatabase {

inline Dialect::Kind dialectOf(Engine engine)
{
    switch (engine) {
    case Engine::Sqlite: return Dialect::Kind::Sqlite;
    case Engine::Postgres: return Dialect::Kind::Postgres;
    case Engine::MySql: return Dialect::Kind::MySql;
    }
    return Dialect::Kind::Sqlite;
}

class ShopDatabase
{
public:
    Engine engine = Engine::Sqlite;
    Project project;
    ResolvedSchema schema;
    ConnectionSpec spec; // where the code under test connects

    bool setUp(Engine e, const QString &projectPath, QString *error, bool createTables = true)
    {
        engine = e;
        LoadResult loaded = ProjectReader::readFile(projectPath);
        if (!loaded.project) {
            *error = u"cannot load "_s + projectPath;
            return false;
        }
        project = *loaded.project;
        schema = resolve(project);
        if (hasErrors(validateProject(project, schema, {dialectOf(e)}))) {
            *error = projectPath + u" has errors"_s;
            return false;
        }
        if (e == Engine::Sqlite) {
            spec.engine = Engine::Sqlite;
            spec.database = m_dir.filePath(u"shop.db"_s);
            ConnectionError openError;
            m_sqlite = Connection::open(spec, &openError);
            if (!m_sqlite) {
                *error = openError.message;
                return false;
            }
        } else {
            if (!m_scratch.setUp(e, serverSpec(e).value_or(ConnectionSpec {}), error))
                return false;
            spec = *serverSpec(e);
            if (e == Engine::Postgres)
                spec.options = u"options=-csearch_path="_s + m_scratch.schema();
            else
                spec.database = m_scratch.schema();
        }
        return !createTables || run(DdlGenerator(dialect()).schema(schema), error);
    }

    const Connection &connection() const { return m_sqlite ? *m_sqlite : m_scratch.ddl(); }
    const Dialect &dialect() const { return Dialect::get(dialectOf(engine)); }
    QString q(const QString &identifier) const { return dialect().quote(identifier); }
    QString schemaName() const { return m_sqlite ? u"main"_s : m_scratch.schema(); }

    bool run(const QStringList &statements, QString *error)
    {
        for (const QString &statement : statements) {
            if (!exec(connection(), statement, error))
                return false;
        }
        return true;
    }

    // One row with bound values; NOT NULL timestamps filled with a fixed old time.
    bool insert(const QString &table, Row values, QString *error)
    {
        const ResolvedTable *t = schema.table(table);
        if (!t) {
            *error = u"no table "_s + table;
            return false;
        }
        for (const ResolvedColumn &c : t->columns) {
            if (c.origin == ResolvedColumn::Origin::Timestamp && !c.allowNull
                && !values.contains(c.name))
                values.insert(c.name, fixtureTime());
        }
        QStringList names;
        QStringList marks;
        for (auto it = values.cbegin(); it != values.cend(); ++it) {
            names << q(it.key());
            marks << u"?"_s;
        }
        QSqlQuery query(connection().database());
        if (!query.prepare(u"INSERT INTO %1 (%2) VALUES (%3)"_s.arg(q(table), names.join(u", "_s),
                                                                    marks.join(u", "_s)))) {
            *error = query.lastError().text();
            return false;
        }
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            query.addBindValue(it.value());
        if (!query.exec()) {
            *error = table + u": "_s + query.lastError().text();
            return false;
        }
        return true;
    }

    QVariant fixtureTime() const
    {
        if (engine == Engine::Sqlite)
            return u"2020-01-01 00:00:00.000 +00:00"_s;
        return QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC);
    }

    // The table as "a|b|c" lines of the given columns, sorted; numbers normalised so that
    // every engine writes them alike (9.9 for 9.90).
    QStringList table(const QString &name, const QStringList &columns) const
    {
        QStringList quoted;
        for (const QString &c : columns)
            quoted << q(c);
        QSqlQuery query(connection().database());
        QStringList out;
        if (!query.exec(u"SELECT %1 FROM %2"_s.arg(quoted.join(u", "_s), q(name)))) {
            out << u"ERROR: "_s + query.lastError().text();
            return out;
        }
        while (query.next()) {
            QStringList values;
            for (int i = 0; i < columns.size(); ++i) {
                const QVariant v = query.value(i);
                QString s = v.isNull() ? u"NULL"_s : v.toString();
                bool number = false;
                const double d = s.toDouble(&number);
                if (number && s.contains(u'.'))
                    s = QString::number(d);
                values << s;
            }
            out << values.join(u'|');
        }
        out.sort();
        return out;
    }

    // Every column of the table except updatedAt (which a save rewrites).
    QStringList table(const QString &name) const
    {
        QStringList columns;
        for (const ResolvedColumn &c : schema.table(name)->columns) {
            if (c.name != u"updatedAt"_s && c.name != u"createdAt"_s)
                columns << c.name;
        }
        return table(name, columns);
    }

    // Every table: what "nothing else changed" compares.
    QMap<QString, QStringList> everything() const
    {
        QMap<QString, QStringList> out;
        for (const ResolvedTable &t : schema.tables)
            out.insert(t.name, table(t.name));
        return out;
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Connection> m_sqlite;
    Scratch m_scratch;
};

} // namespace Junction::TestDatabase
