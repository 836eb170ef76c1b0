// SPDX-License-Identifier: MIT
#include "ddlgenerator.h"

#include "textappend.h"

#include <algorithm>

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

// Where the statements go: each into a string of its own, collected in a list (schema(),
// createTable(): the sync and the previews run or show statements one by one), or all
// into the script itself (schemaScript()), written once, with the separators script() puts
// between them. On a 10,000-table schema, a list joined afterwards was 30,000 strings
// allocated, then walked again, and every one of the 20 MB written twice.
class DdlGenerator::Writer
{
public:
    enum class Statement { CreateType, CreateTable, DropTable, DropType, Other };

    explicit Writer(QStringList *statements)
        : m_statements(statements)
    {}
    explicit Writer(qsizetype scriptSize) { m_script.reserve(scriptSize); }

    // The string to append the statement's text to; `size` is a guess of its length.
    QString &begin(Statement statement, qsizetype size)
    {
        if (m_statements) {
            m_statement = QString();
            m_statement.reserve(size);
            return m_statement;
        }
        if (m_any && blankLineBefore(statement))
            append(m_script, u'\n');
        m_any = true;
        m_previous = statement;
        return m_script;
    }
    void end()
    {
        if (m_statements)
            m_statements->append(std::move(m_statement));
        else
            append(m_script, u";\n");
    }
    QString takeScript() { return std::move(m_script); }

private:
    // script()'s rule, told by the kind of statement instead of its first words: a table's
    // statements start with a blank line, its enum types (PostgreSQL) with the first of them
    // and the drop prelude not at all.
    bool blankLineBefore(Statement statement) const
    {
        switch (statement) {
        case Statement::CreateType: return true;
        case Statement::CreateTable: return m_previous != Statement::CreateType;
        case Statement::DropTable:
            return m_previous != Statement::DropTable && m_previous != Statement::DropType;
        case Statement::DropType:
        case Statement::Other: return false;
        }
        return false;
    }

    QStringList *m_statements = nullptr;
    QString m_statement;
    QString m_script;
    Statement m_previous = Statement::Other;
    bool m_any = false;
};

bool DdlGenerator::inlineAutoIncrementKey(const ResolvedTable &table) const
{
    if (m_dialect.kind() != Dialect::Kind::Sqlite || table.primaryKey.size() != 1)
        return false;
    const ResolvedColumn *c = table.column(table.primaryKey.first());
    return c && c->autoIncrement && c->type.isInteger();
}

// The text is appended straight into the statement or script: on a 10,000-table schema,
// building each piece as its own QString costs more than everything else together.
void DdlGenerator::appendQuoted(QString &out, QStringView identifier) const
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
        m_dialect.appendColumnType(out, column.type, table.name, column.name);
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
        if (!mysqlCannotDefault) {
            const qsizetype before = out.size();
            append(out, u" DEFAULT ");
            if (!m_dialect.appendDefaultLiteral(out, column.defaultValue, column.type))
                out.truncate(before); // no literal: no DEFAULT
        }
    }
    if (column.type.kind == DataType::Kind::Enum && kind == Dialect::Kind::Sqlite) {
        append(out, u" CHECK (");
        appendQuoted(out, column.name);
        append(out, u" IN (");
        for (qsizetype i = 0; i < column.type.enumValues.size(); ++i) {
            if (i > 0)
                append(out, u", ");
            m_dialect.appendQuotedString(out, column.type.enumValues.at(i));
        }
        append(out, u"))");
    }
    if (kind == Dialect::Kind::MySql && !column.comment.isEmpty()) {
        append(out, u" COMMENT ");
        m_dialect.appendQuotedString(out, column.comment);
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
    m_dialect.appendQuotedGeneratedName(out, fk.name);
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

void DdlGenerator::writeCreateTable(Writer &writer, const ResolvedTable &table) const
{
    using Statement = Writer::Statement;
    const Dialect::Kind kind = m_dialect.kind();

    if (kind == Dialect::Kind::Postgres) {
        for (const ResolvedColumn &c : table.columns) {
            if (c.type.kind != DataType::Kind::Enum)
                continue;
            QString &type = writer.begin(Statement::CreateType, 64);
            append(type, u"CREATE TYPE ");
            m_dialect.appendQuotedEnumTypeName(type, table.name, c.name);
            append(type, u" AS ENUM (");
            for (qsizetype i = 0; i < c.type.enumValues.size(); ++i) {
                if (i > 0)
                    append(type, u", ");
                m_dialect.appendQuotedString(type, c.type.enumValues.at(i));
            }
            append(type, u')');
            writer.end();
        }
    }

    const bool inlineKey = inlineAutoIncrementKey(table);
    QString &create = writer.begin(Statement::CreateTable,
                                   64 + table.columns.size() * 56
                                       + table.foreignKeys.size() * 160);
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
            m_dialect.appendQuotedGeneratedName(create, table.name, u"_pkey");
            append(create, u' ');
        }
        append(create, u"PRIMARY KEY (");
        appendQuotedList(create, table.primaryKey);
        append(create, u')');
    }
    for (const ResolvedUnique &u : table.uniques) {
        nextLine();
        append(create, u"CONSTRAINT ");
        m_dialect.appendQuotedGeneratedName(create, u.name);
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
            m_dialect.appendQuotedString(create, table.comment);
        }
    }
    writer.end();

    if (kind == Dialect::Kind::Postgres) {
        if (!table.comment.isEmpty()) {
            QString &comment = writer.begin(Statement::Other, 32 + table.name.size()
                                                                  + table.comment.size());
            append(comment, u"COMMENT ON TABLE ");
            appendQuoted(comment, table.name);
            append(comment, u" IS ");
            m_dialect.appendQuotedString(comment, table.comment);
            writer.end();
        }
        for (const ResolvedColumn &c : table.columns) {
            if (c.comment.isEmpty())
                continue;
            QString &comment = writer.begin(Statement::Other, 32 + table.name.size()
                                                                  + c.name.size()
                                                                  + c.comment.size());
            append(comment, u"COMMENT ON COLUMN ");
            appendQuoted(comment, table.name);
            append(comment, u'.');
            appendQuoted(comment, c.name);
            append(comment, u" IS ");
            m_dialect.appendQuotedString(comment, c.comment);
            writer.end();
        }
    }
    for (const ResolvedIndex &index : table.indexes) {
        QString &create = writer.begin(Statement::Other, 64 + index.name.size() * 2);
        if (index.unique)
            append(create, u"CREATE UNIQUE INDEX ");
        else
            append(create, u"CREATE INDEX ");
        m_dialect.appendQuotedGeneratedName(create, index.name);
        append(create, u" ON ");
        appendQuoted(create, table.name);
        append(create, u" (");
        appendQuotedList(create, index.columns);
        append(create, u')');
        writer.end();
    }
}

QStringList DdlGenerator::createTable(const ResolvedTable &table) const
{
    QStringList statements;
    Writer writer(&statements);
    writeCreateTable(writer, table);
    return statements;
}

void DdlGenerator::writeDropTable(Writer &writer, const ResolvedTable &table) const
{
    using Statement = Writer::Statement;
    const bool postgres = m_dialect.kind() == Dialect::Kind::Postgres;
    QString &drop = writer.begin(Statement::DropTable, 32 + table.name.size());
    append(drop, u"DROP TABLE IF EXISTS ");
    appendQuoted(drop, table.name);
    if (postgres)
        append(drop, u" CASCADE");
    writer.end();
    if (!postgres)
        return;
    for (const ResolvedColumn &c : table.columns) {
        if (c.type.kind != DataType::Kind::Enum)
            continue;
        QString &type = writer.begin(Statement::DropType, 32 + table.name.size() + c.name.size());
        append(type, u"DROP TYPE IF EXISTS ");
        m_dialect.appendQuotedEnumTypeName(type, table.name, c.name);
        writer.end();
    }
}

QStringList DdlGenerator::dropTable(const ResolvedTable &table) const
{
    QStringList statements;
    Writer writer(&statements);
    writeDropTable(writer, table);
    return statements;
}

void DdlGenerator::writeTables(Writer &writer, const ResolvedSchema &schema,
                               const DdlOptions &options, const QSet<QString> *tableNames) const
{
    auto wanted = [&](int index) {
        return !tableNames || tableNames->contains(schema.tables.at(index).name);
    };
    if (options.dropFirst) {
        for (auto it = schema.creationOrder.crbegin(); it != schema.creationOrder.crend(); ++it) {
            if (wanted(*it))
                writeDropTable(writer, schema.tables.at(*it));
        }
    }
    for (int index : schema.creationOrder) {
        if (wanted(index))
            writeCreateTable(writer, schema.tables.at(index));
    }
}

QStringList DdlGenerator::schema(const ResolvedSchema &schema, const DdlOptions &options) const
{
    QStringList statements;
    statements.reserve(schema.tables.size() * (options.dropFirst ? 2 : 1));
    Writer writer(&statements);
    writeTables(writer, schema, options, nullptr);
    return statements;
}

QStringList DdlGenerator::tables(const ResolvedSchema &schema, const QSet<QString> &tableNames,
                                 const DdlOptions &options) const
{
    QStringList statements;
    Writer writer(&statements);
    writeTables(writer, schema, options, &tableNames);
    return statements;
}

// The script is written into one string reserved from a guess made from the tables alone
// (their columns are not read twice): a little more than the generated schemas need per
// column and constraint, so that the 20 MB of an XL script are not copied as it grows. The
// rest is not given back: shrinking the block made malloc map fresh pages for the next
// script (the kernel zeroing 20 MB each time) instead of reusing the freed ones.
QString DdlGenerator::scriptOf(const ResolvedSchema &schema, const DdlOptions &options,
                               const QSet<QString> *tableNames) const
{
    qsizetype guess = 0;
    for (const ResolvedTable &table : schema.tables) {
        guess += 64 + 3 * table.name.size() + 2 * table.comment.size()
                 + 42 * table.columns.size() + 80 * table.uniques.size()
                 + 112 * table.indexes.size() + 144 * table.foreignKeys.size();
    }
    if (tableNames && !schema.tables.isEmpty())
        guess = guess / schema.tables.size() * std::min(tableNames->size(), schema.tables.size());
    if (options.dropFirst)
        guess += schema.tables.size() * 64;
    Writer writer(guess);
    writeTables(writer, schema, options, tableNames);
    return writer.takeScript();
}

QString DdlGenerator::schemaScript(const ResolvedSchema &schema, const DdlOptions &options) const
{
    return scriptOf(schema, options, nullptr);
}

QString DdlGenerator::tablesScript(const ResolvedSchema &schema, const QSet<QString> &tableNames,
                                   const DdlOptions &options) const
{
    return scriptOf(schema, options, &tableNames);
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
