// SPDX-License-Identifier: MIT
#include "ddlgenerator.h"

/*
 * CREATE TABLE layout (Junction's own text; the schema it creates is Sequelize's):
 *   one column per line: name, type, NOT NULL, auto-increment, DEFAULT, inline comment (MySQL);
 *   then PRIMARY KEY, UNIQUE and FOREIGN KEY table constraints, each named (see resolver.cpp),
 *   names past the dialect's limit shortened by Dialect::generatedName.
 * Per dialect:
 *   PostgreSQL  auto-increment integers become SERIAL/BIGSERIAL/SMALLSERIAL; enums are
 *               CREATE TYPE "enum_<table>_<column>" AS ENUM (...) before the table; comments
 *               are COMMENT ON TABLE/COLUMN statements after it.
 *   MySQL       AUTO_INCREMENT; the primary key is unnamed (MySQL calls it PRIMARY);
 *               ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 and inline COMMENT '...'. A literal
 *               DEFAULT on TEXT/BLOB/JSON is left out (the validator warns).
 *   SQLite      a single auto-increment key is "id" INTEGER PRIMARY KEY AUTOINCREMENT inline
 *               (so BIGINT becomes INTEGER); enums are TEXT with a CHECK; no comments.
 * Drop prelude: DROP TABLE IF EXISTS in reverse creation order (PostgreSQL adds CASCADE and
 * drops the enum types after).
 */

namespace Junction {

namespace {

bool isStatementOfNewTable(const QString &statement)
{
    return statement.startsWith(QLatin1String("CREATE TABLE"))
           || statement.startsWith(QLatin1String("CREATE TYPE"))
           || statement.startsWith(QLatin1String("DROP TABLE"));
}

} // namespace

bool DdlGenerator::inlineAutoIncrementKey(const ResolvedTable &table) const
{
    if (m_dialect.kind() != Dialect::Kind::Sqlite || table.primaryKey.size() != 1)
        return false;
    const ResolvedColumn *c = table.column(table.primaryKey.first());
    return c && c->autoIncrement && c->type.isInteger();
}

QString DdlGenerator::columnDefinition(const ResolvedTable &table, const ResolvedColumn &column,
                                       bool inlinePrimaryKey) const
{
    const Dialect::Kind kind = m_dialect.kind();
    QString type = m_dialect.columnType(column.type, table.name, column.name);
    QString def = m_dialect.quote(column.name) + QLatin1Char(' ');
    if (inlinePrimaryKey) {
        def += QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT");
        return def;
    }
    if (column.autoIncrement && kind == Dialect::Kind::Postgres) {
        if (column.type.kind == DataType::Kind::BigInt)
            type = QStringLiteral("BIGSERIAL");
        else if (column.type.kind == DataType::Kind::SmallInt)
            type = QStringLiteral("SMALLSERIAL");
        else
            type = QStringLiteral("SERIAL");
    }
    def += type;
    if (!column.allowNull)
        def += QStringLiteral(" NOT NULL");
    if (column.autoIncrement && kind == Dialect::Kind::MySql)
        def += QStringLiteral(" AUTO_INCREMENT");
    const bool mysqlCannotDefault = kind == Dialect::Kind::MySql && column.type.isLargeObject()
                                    && column.defaultValue.kind != DefaultValue::Kind::Sql
                                    && column.defaultValue.kind != DefaultValue::Kind::Null;
    const QString literal = m_dialect.defaultLiteral(column.defaultValue, column.type);
    if (!literal.isEmpty() && !mysqlCannotDefault)
        def += QStringLiteral(" DEFAULT ") + literal;
    if (column.type.kind == DataType::Kind::Enum && kind == Dialect::Kind::Sqlite) {
        QStringList values;
        for (const QString &v : column.type.enumValues)
            values << m_dialect.quoteString(v);
        def += QStringLiteral(" CHECK (") + m_dialect.quote(column.name) + QStringLiteral(" IN (")
               + values.join(QStringLiteral(", ")) + QStringLiteral("))");
    }
    if (kind == Dialect::Kind::MySql && !column.comment.isEmpty())
        def += QStringLiteral(" COMMENT ") + m_dialect.quoteString(column.comment);
    return def;
}

QString DdlGenerator::foreignKeyClause(const ResolvedForeignKey &fk) const
{
    auto quoted = [this](const QStringList &names) {
        QStringList q;
        for (const QString &n : names)
            q << m_dialect.quote(n);
        return q.join(QStringLiteral(", "));
    };
    QString s = QStringLiteral("CONSTRAINT ") + m_dialect.quote(m_dialect.generatedName(fk.name))
                + QStringLiteral(" FOREIGN KEY (") + quoted(fk.columns)
                + QStringLiteral(") REFERENCES ") + m_dialect.quote(fk.referencedTable)
                + QStringLiteral(" (") + quoted(fk.referencedColumns) + QLatin1Char(')');
    if (!fk.onDelete.isEmpty())
        s += QStringLiteral(" ON DELETE ") + fk.onDelete;
    if (!fk.onUpdate.isEmpty())
        s += QStringLiteral(" ON UPDATE ") + fk.onUpdate;
    return s;
}

QStringList DdlGenerator::createTable(const ResolvedTable &table) const
{
    const Dialect::Kind kind = m_dialect.kind();
    QStringList statements;
    auto quoted = [this](const QStringList &names) {
        QStringList q;
        for (const QString &n : names)
            q << m_dialect.quote(n);
        return q.join(QStringLiteral(", "));
    };

    if (kind == Dialect::Kind::Postgres) {
        for (const ResolvedColumn &c : table.columns) {
            if (c.type.kind != DataType::Kind::Enum)
                continue;
            QStringList values;
            for (const QString &v : c.type.enumValues)
                values << m_dialect.quoteString(v);
            statements << QStringLiteral("CREATE TYPE ")
                              + m_dialect.quote(m_dialect.enumTypeName(table.name, c.name))
                              + QStringLiteral(" AS ENUM (") + values.join(QStringLiteral(", "))
                              + QLatin1Char(')');
        }
    }

    const bool inlineKey = inlineAutoIncrementKey(table);
    QStringList lines;
    for (const ResolvedColumn &c : table.columns)
        lines << columnDefinition(table, c, inlineKey && c.name == table.primaryKey.first());
    if (!table.primaryKey.isEmpty() && !inlineKey) {
        if (kind == Dialect::Kind::MySql)
            lines << QStringLiteral("PRIMARY KEY (") + quoted(table.primaryKey) + QLatin1Char(')');
        else
            lines << QStringLiteral("CONSTRAINT ")
                         + m_dialect.quote(m_dialect.generatedName(table.name + QStringLiteral("_pkey")))
                         + QStringLiteral(" PRIMARY KEY (") + quoted(table.primaryKey)
                         + QLatin1Char(')');
    }
    for (const ResolvedUnique &u : table.uniques)
        lines << QStringLiteral("CONSTRAINT ") + m_dialect.quote(m_dialect.generatedName(u.name))
                     + QStringLiteral(" UNIQUE (") + quoted(u.columns) + QLatin1Char(')');
    for (const ResolvedForeignKey &fk : table.foreignKeys)
        lines << foreignKeyClause(fk);

    QString create = QStringLiteral("CREATE TABLE ") + m_dialect.quote(table.name)
                     + QStringLiteral(" (\n  ") + lines.join(QStringLiteral(",\n  "))
                     + QStringLiteral("\n)");
    if (kind == Dialect::Kind::MySql) {
        create += QStringLiteral(" ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
        if (!table.comment.isEmpty())
            create += QStringLiteral(" COMMENT=") + m_dialect.quoteString(table.comment);
    }
    statements << create;

    if (kind == Dialect::Kind::Postgres) {
        if (!table.comment.isEmpty())
            statements << QStringLiteral("COMMENT ON TABLE ") + m_dialect.quote(table.name)
                              + QStringLiteral(" IS ") + m_dialect.quoteString(table.comment);
        for (const ResolvedColumn &c : table.columns) {
            if (!c.comment.isEmpty())
                statements << QStringLiteral("COMMENT ON COLUMN ") + m_dialect.quote(table.name)
                                  + QLatin1Char('.') + m_dialect.quote(c.name)
                                  + QStringLiteral(" IS ") + m_dialect.quoteString(c.comment);
        }
    }
    for (const ResolvedIndex &index : table.indexes) {
        statements << QStringLiteral("CREATE ") + (index.unique ? QStringLiteral("UNIQUE ") : QString())
                          + QStringLiteral("INDEX ")
                          + m_dialect.quote(m_dialect.generatedName(index.name))
                          + QStringLiteral(" ON ") + m_dialect.quote(table.name)
                          + QStringLiteral(" (") + quoted(index.columns) + QLatin1Char(')');
    }
    return statements;
}

QStringList DdlGenerator::dropTable(const ResolvedTable &table) const
{
    QStringList statements;
    QString drop = QStringLiteral("DROP TABLE IF EXISTS ") + m_dialect.quote(table.name);
    if (m_dialect.kind() == Dialect::Kind::Postgres)
        drop += QStringLiteral(" CASCADE");
    statements << drop;
    if (m_dialect.kind() == Dialect::Kind::Postgres) {
        for (const ResolvedColumn &c : table.columns) {
            if (c.type.kind == DataType::Kind::Enum)
                statements << QStringLiteral("DROP TYPE IF EXISTS ")
                                  + m_dialect.quote(m_dialect.enumTypeName(table.name, c.name));
        }
    }
    return statements;
}

QStringList DdlGenerator::schema(const ResolvedSchema &schema, const DdlOptions &options) const
{
    QStringList statements;
    if (options.dropFirst) {
        for (auto it = schema.creationOrder.crbegin(); it != schema.creationOrder.crend(); ++it)
            statements += dropTable(schema.tables.at(*it));
    }
    for (int index : schema.creationOrder)
        statements += createTable(schema.tables.at(index));
    return statements;
}

QStringList DdlGenerator::associationPreview(const ResolvedSchema &schema,
                                             const AssociationId &id) const
{
    const ResolvedAssociation *a = schema.association(id);
    if (!a || !a->valid)
        return {};
    const ResolvedTable *holder = schema.table(a->foreignKeyTable);
    if (!holder)
        return {};
    if (a->type == AssociationType::BelongsToMany) {
        if (holder->isCreatedJunction())
            return createTable(*holder);
        // A through model: its key columns and constraints, as for the other types.
    }

    QStringList statements;
    QStringList columns{a->foreignKeyColumn};
    if (a->type == AssociationType::BelongsToMany)
        columns << a->otherKeyColumn;
    for (const QString &name : columns) {
        const ResolvedColumn *column = holder->column(name);
        if (!column)
            continue;
        const ResolvedForeignKey *fk = nullptr;
        for (const ResolvedForeignKey &f : holder->foreignKeys) {
            if (f.columns == QStringList{name})
                fk = &f;
        }
        const QString alter = QStringLiteral("ALTER TABLE ") + m_dialect.quote(holder->name);
        QString add = alter + QStringLiteral(" ADD COLUMN ") + columnDefinition(*holder, *column, false);
        if (m_dialect.kind() == Dialect::Kind::Sqlite) {
            // SQLite cannot add a constraint to an existing table, only a column with one.
            if (fk) {
                add += QStringLiteral(" ") + foreignKeyClause(*fk)
                                                  .mid(foreignKeyClause(*fk).indexOf(QLatin1String("REFERENCES")));
            }
            statements << add;
            continue;
        }
        statements << add;
        if (fk)
            statements << alter + QStringLiteral(" ADD ") + foreignKeyClause(*fk);
    }
    return statements;
}

QString DdlGenerator::script(const QStringList &statements)
{
    QString out;
    qsizetype size = 0;
    for (const QString &s : statements)
        size += s.size() + 3;
    out.reserve(size);
    for (int i = 0; i < statements.size(); ++i) {
        if (i > 0 && isStatementOfNewTable(statements.at(i))
            && !(statements.at(i).startsWith(QLatin1String("CREATE TABLE"))
                 && statements.at(i - 1).startsWith(QLatin1String("CREATE TYPE")))
            && !(statements.at(i).startsWith(QLatin1String("DROP TABLE"))
                 && statements.at(i - 1).startsWith(QLatin1String("DROP"))))
            out += QLatin1Char('\n');
        out += statements.at(i);
        out += QLatin1String(";\n");
    }
    return out;
}

} // namespace Junction
