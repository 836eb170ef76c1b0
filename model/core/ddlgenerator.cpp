// SPDX-License-Identifier: MIT
#include "ddlgenerator.h"

#include "textappend.h"

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

using TextAppend::append;

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

// The text is appended into one string per statement: on a 10,000-table schema, building
// each piece as its own QString costs more than everything else together.
void DdlGenerator::appendQuoted(QString &out, const QString &identifier) const
{
    m_dialect.appendQuoted(out, identifier);
}

void DdlGenerator::appendQuotedList(QString &out, const QStringList &identifiers) const
{
    for (qsizetype i = 0; i < identifiers.size(); ++i) {
        if (i > 0)
            append(out, u", ");
        appendQuoted(out, identifiers.at(i));
    }
}

void DdlGenerator::appendColumnDefinition(QString &out, const ResolvedTable &table,
                                          const ResolvedColumn &column,
                                          bool inlinePrimaryKey) const
{
    const Dialect::Kind kind = m_dialect.kind();
    appendQuoted(out, column.name);
    append(out, u' ');
    if (inlinePrimaryKey) {
        append(out, u"INTEGER PRIMARY KEY AUTOINCREMENT");
        return;
    }
    if (column.autoIncrement && kind == Dialect::Kind::Postgres) {
        if (column.type.kind == DataType::Kind::BigInt)
            append(out, u"BIGSERIAL");
        else if (column.type.kind == DataType::Kind::SmallInt)
            append(out, u"SMALLSERIAL");
        else
            append(out, u"SERIAL");
    } else {
        append(out, m_dialect.columnType(column.type, table.name, column.name));
    }
    if (!column.allowNull)
        append(out, u" NOT NULL");
    if (column.autoIncrement && kind == Dialect::Kind::MySql)
        append(out, u" AUTO_INCREMENT");
    if (column.defaultValue.isSet() && !column.defaultValue.isClientSide()) {
        const bool mysqlCannotDefault = kind == Dialect::Kind::MySql
                                        && column.type.isLargeObject()
                                        && column.defaultValue.kind != DefaultValue::Kind::Sql
                                        && column.defaultValue.kind != DefaultValue::Kind::Null;
        const QString literal = m_dialect.defaultLiteral(column.defaultValue, column.type);
        if (!literal.isEmpty() && !mysqlCannotDefault) {
            append(out, u" DEFAULT ");
            append(out, literal);
        }
    }
    if (column.type.kind == DataType::Kind::Enum && kind == Dialect::Kind::Sqlite) {
        append(out, u" CHECK (");
        appendQuoted(out, column.name);
        append(out, u" IN (");
        for (qsizetype i = 0; i < column.type.enumValues.size(); ++i) {
            if (i > 0)
                append(out, u", ");
            append(out, m_dialect.quoteString(column.type.enumValues.at(i)));
        }
        append(out, u"))");
    }
    if (kind == Dialect::Kind::MySql && !column.comment.isEmpty()) {
        append(out, u" COMMENT ");
        append(out, m_dialect.quoteString(column.comment));
    }
}

QString DdlGenerator::columnDefinition(const ResolvedTable &table, const ResolvedColumn &column,
                                       bool inlinePrimaryKey) const
{
    QString out;
    appendColumnDefinition(out, table, column, inlinePrimaryKey);
    return out;
}

void DdlGenerator::appendReferences(QString &out, const ResolvedForeignKey &fk) const
{
    append(out, u"REFERENCES ");
    appendQuoted(out, fk.referencedTable);
    append(out, u" (");
    appendQuotedList(out, fk.referencedColumns);
    append(out, u')');
    if (!fk.onDelete.isEmpty()) {
        append(out, u" ON DELETE ");
        append(out, fk.onDelete);
    }
    if (!fk.onUpdate.isEmpty()) {
        append(out, u" ON UPDATE ");
        append(out, fk.onUpdate);
    }
}

void DdlGenerator::appendForeignKeyClause(QString &out, const ResolvedForeignKey &fk) const
{
    append(out, u"CONSTRAINT ");
    appendQuoted(out, m_dialect.generatedName(fk.name));
    append(out, u" FOREIGN KEY (");
    appendQuotedList(out, fk.columns);
    append(out, u") ");
    appendReferences(out, fk);
}

QString DdlGenerator::foreignKeyClause(const ResolvedForeignKey &fk) const
{
    QString out;
    appendForeignKeyClause(out, fk);
    return out;
}

QStringList DdlGenerator::createTable(const ResolvedTable &table) const
{
    const Dialect::Kind kind = m_dialect.kind();
    QStringList statements;

    if (kind == Dialect::Kind::Postgres) {
        for (const ResolvedColumn &c : table.columns) {
            if (c.type.kind != DataType::Kind::Enum)
                continue;
            QString type = QStringLiteral("CREATE TYPE ");
            appendQuoted(type, m_dialect.enumTypeName(table.name, c.name));
            append(type, u" AS ENUM (");
            for (qsizetype i = 0; i < c.type.enumValues.size(); ++i) {
                if (i > 0)
                    append(type, u", ");
                append(type, m_dialect.quoteString(c.type.enumValues.at(i)));
            }
            append(type, u')');
            statements << type;
        }
    }

    const bool inlineKey = inlineAutoIncrementKey(table);
    QString create;
    create.reserve(64 + table.columns.size() * 56 + table.foreignKeys.size() * 160);
    append(create, u"CREATE TABLE ");
    appendQuoted(create, table.name);
    append(create, u" (");
    bool first = true;
    auto nextLine = [&] {
        if (first)
            append(create, u"\n  ");
        else
            append(create, u",\n  ");
        first = false;
    };
    for (const ResolvedColumn &c : table.columns) {
        nextLine();
        appendColumnDefinition(create, table, c, inlineKey && c.name == table.primaryKey.first());
    }
    if (!table.primaryKey.isEmpty() && !inlineKey) {
        nextLine();
        if (kind != Dialect::Kind::MySql) {
            append(create, u"CONSTRAINT ");
            appendQuoted(create, m_dialect.generatedName(table.name + QLatin1String("_pkey")));
            append(create, u' ');
        }
        append(create, u"PRIMARY KEY (");
        appendQuotedList(create, table.primaryKey);
        append(create, u')');
    }
    for (const ResolvedUnique &u : table.uniques) {
        nextLine();
        append(create, u"CONSTRAINT ");
        appendQuoted(create, m_dialect.generatedName(u.name));
        append(create, u" UNIQUE (");
        appendQuotedList(create, u.columns);
        append(create, u')');
    }
    for (const ResolvedForeignKey &fk : table.foreignKeys) {
        nextLine();
        appendForeignKeyClause(create, fk);
    }
    append(create, u"\n)");
    if (kind == Dialect::Kind::MySql) {
        append(create, u" ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
        if (!table.comment.isEmpty()) {
            append(create, u" COMMENT=");
            append(create, m_dialect.quoteString(table.comment));
        }
    }
    statements << create;

    if (kind == Dialect::Kind::Postgres) {
        if (!table.comment.isEmpty()) {
            QString comment = QStringLiteral("COMMENT ON TABLE ");
            appendQuoted(comment, table.name);
            comment += QLatin1String(" IS ") + m_dialect.quoteString(table.comment);
            statements << comment;
        }
        for (const ResolvedColumn &c : table.columns) {
            if (c.comment.isEmpty())
                continue;
            QString comment = QStringLiteral("COMMENT ON COLUMN ");
            appendQuoted(comment, table.name);
            append(comment, u'.');
            appendQuoted(comment, c.name);
            comment += QLatin1String(" IS ") + m_dialect.quoteString(c.comment);
            statements << comment;
        }
    }
    for (const ResolvedIndex &index : table.indexes) {
        QString create = index.unique ? QStringLiteral("CREATE UNIQUE INDEX ")
                                      : QStringLiteral("CREATE INDEX ");
        appendQuoted(create, m_dialect.generatedName(index.name));
        append(create, u" ON ");
        appendQuoted(create, table.name);
        append(create, u" (");
        appendQuotedList(create, index.columns);
        append(create, u')');
        statements << create;
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

QStringList DdlGenerator::tablesWhere(const ResolvedSchema &schema, const DdlOptions &options,
                                      const QSet<QString> *tableNames) const
{
    auto wanted = [&](int index) {
        return !tableNames || tableNames->contains(schema.tables.at(index).name);
    };
    QStringList statements;
    if (options.dropFirst) {
        for (auto it = schema.creationOrder.crbegin(); it != schema.creationOrder.crend(); ++it) {
            if (wanted(*it))
                statements += dropTable(schema.tables.at(*it));
        }
    }
    for (int index : schema.creationOrder) {
        if (wanted(index))
            statements += createTable(schema.tables.at(index));
    }
    return statements;
}

QStringList DdlGenerator::schema(const ResolvedSchema &schema, const DdlOptions &options) const
{
    return tablesWhere(schema, options, nullptr);
}

QStringList DdlGenerator::tables(const ResolvedSchema &schema, const QSet<QString> &tableNames,
                                 const DdlOptions &options) const
{
    return tablesWhere(schema, options, &tableNames);
}

QSet<QString> tablesOfModels(const ResolvedSchema &schema, const QSet<EntityId> &models)
{
    QSet<QString> names;
    QSet<QString> modelNames;
    for (const ResolvedTable &table : schema.tables) {
        if (!table.isCreatedJunction() && models.contains(table.entity)) {
            names.insert(table.name);
            modelNames.insert(table.entityName);
        }
    }
    for (const ResolvedAssociation &a : schema.associations) {
        if (a.type != AssociationType::BelongsToMany || !a.valid
            || !modelNames.contains(a.source) || !modelNames.contains(a.target))
            continue;
        const ResolvedTable *junction = schema.table(a.foreignKeyTable);
        if (junction && junction->isCreatedJunction())
            names.insert(junction->name);
    }
    return names;
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
        const bool sqlite = m_dialect.kind() == Dialect::Kind::Sqlite;
        if (sqlite) {
            // SQLite cannot add a constraint to an existing table, only a column with one.
            if (fk) {
                append(add, u' ');
                appendReferences(add, *fk);
            }
            statements << add;
        } else {
            statements << add;
            if (fk)
                statements << alter + QStringLiteral(" ADD ") + foreignKeyClause(*fk);
        }
        // What a key's object form adds: `unique` (SQLite adds no UNIQUE column: an index
        // does the same), and a comment where it is a statement of its own.
        for (const ResolvedUnique &u : holder->uniques) {
            if (u.columns != QStringList{name})
                continue;
            QString unique = sqlite ? QStringLiteral("CREATE UNIQUE INDEX ")
                                    : alter + QStringLiteral(" ADD CONSTRAINT ");
            appendQuoted(unique, m_dialect.generatedName(u.name));
            if (sqlite) {
                append(unique, u" ON ");
                appendQuoted(unique, holder->name);
                append(unique, u" (");
            } else {
                append(unique, u" UNIQUE (");
            }
            appendQuoted(unique, name);
            append(unique, u')');
            statements << unique;
        }
        if (m_dialect.kind() == Dialect::Kind::Postgres && !column->comment.isEmpty()) {
            QString comment = QStringLiteral("COMMENT ON COLUMN ");
            appendQuoted(comment, holder->name);
            append(comment, u'.');
            appendQuoted(comment, name);
            comment += QLatin1String(" IS ") + m_dialect.quoteString(column->comment);
            statements << comment;
        }
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
        append(out, u";\n");
    }
    return out;
}

} // namespace Junction
