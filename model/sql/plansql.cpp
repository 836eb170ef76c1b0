// SPDX-License-Identifier: MIT
#include "plansql.h"

#include "nativetypes.h"

// Statements per change and dialect
// =================================
//
//   change            PostgreSQL                      MySQL/MariaDB                 SQLite
//   rename table      ALTER TABLE a RENAME TO b       same                          same
//   add column        ALTER TABLE ADD COLUMN def      same                          same when
//   SQLite
//                     (NOT NULL without default:                                    allows it, else
//                     DEFAULT zero, then DROP DEFAULT)                              rebuild
//   drop column       ALTER TABLE DROP COLUMN         same                          rebuild
//   rename column     ALTER TABLE RENAME COLUMN       same (MariaDB 10.5+)          same
//   type              ALTER COLUMN TYPE .. USING c::t MODIFY COLUMN (the whole      rebuild
//                     (enum: a new type swapped in)   column, once per column)
//   NOT NULL          ALTER COLUMN SET/DROP NOT NULL  MODIFY COLUMN                 rebuild
//   default           ALTER COLUMN SET/DROP DEFAULT   MODIFY COLUMN                 rebuild
//   comment           COMMENT ON                      MODIFY COLUMN / ALTER TABLE   (none)
//                                                     COMMENT =
//   primary key       DROP CONSTRAINT, ADD .. PRIMARY DROP PRIMARY KEY, ADD         rebuild
//                     KEY                             PRIMARY KEY
//   unique            ADD/DROP CONSTRAINT             ADD CONSTRAINT / DROP INDEX   rebuild
//   index             CREATE INDEX / DROP INDEX       .. / DROP INDEX .. ON t       same as PG
//   foreign key       ADD/DROP CONSTRAINT             ADD / DROP FOREIGN KEY (and   rebuild, or
//                                                     the index InnoDB made for it) ADD COLUMN ..
//                                                                                   REFERENCES
// Fixups (only with --allow-data-loss): NULLs -> the design default or the type's zero;
// strings cut to the new length; duplicates deleted keeping the first row by key; values a
// narrowed enum lacks -> the default, NULL or the first new value (PostgreSQL inside the
// USING expression, MySQL after widening the enum to old + new values, SQLite in the
// rebuild's copy).

namespace Junction {

QString PlanSql::alter(const QString &table) const
{
    return QStringLiteral("ALTER TABLE ") + q(table);
}

QString PlanSql::columnList(const QStringList &columns) const
{
    QStringList quoted;
    quoted.reserve(columns.size());
    for (const QString &c : columns)
        quoted << q(c);
    return quoted.join(QStringLiteral(", "));
}

QStringList PlanSql::createTable(const ResolvedTable &table, QStringList *enumTypes) const
{
    QStringList statements = m_ddl.createTable(table);
    while (!statements.isEmpty() && statements.first().startsWith(QLatin1String("CREATE TYPE "))) {
        if (enumTypes)
            *enumTypes << statements.first();
        statements.removeFirst();
    }
    return statements;
}

QString PlanSql::createEnumType(const QString &name, const QStringList &values) const
{
    QStringList literals;
    for (const QString &v : values)
        literals << m_dialect.quoteString(v);
    return QStringLiteral("CREATE TYPE ") + q(name) + QStringLiteral(" AS ENUM (")
        + literals.join(QStringLiteral(", ")) + QLatin1Char(')');
}

QString PlanSql::dropEnumType(const QString &name) const
{
    return QStringLiteral("DROP TYPE ") + q(name);
}

QString PlanSql::dropTable(const QString &table) const
{
    return QStringLiteral("DROP TABLE ") + q(table);
}

QString PlanSql::renameTable(const QString &from, const QString &to) const
{
    return alter(from) + QStringLiteral(" RENAME TO ") + q(to);
}

QString PlanSql::renameEnumType(const QString &from, const QString &to) const
{
    return QStringLiteral("ALTER TYPE ") + q(from) + QStringLiteral(" RENAME TO ") + q(to);
}

QStringList PlanSql::addColumn(const ResolvedTable &table, const ResolvedColumn &column,
                               bool existingTable) const
{
    QString def = m_ddl.columnDefinition(table, column, false);
    QStringList statements;
    const bool pg = m_dialect.kind() == Dialect::Kind::Postgres;
    const bool needsFill = pg && existingTable && !column.allowNull && !column.autoIncrement
        && m_dialect.defaultLiteral(column.defaultValue, column.type).isEmpty();
    if (needsFill)
        def += QStringLiteral(" DEFAULT ") + NativeTypes::zeroLiteral(m_dialect, column.type);
    statements << alter(table.name) + QStringLiteral(" ADD COLUMN ") + def;
    if (needsFill)
        statements << dropDefault(table.name, column.name);
    if (pg && !column.comment.isEmpty())
        statements << columnComment(table.name, column.name, column.comment);
    return statements;
}

QString PlanSql::dropColumn(const QString &table, const QString &column) const
{
    return alter(table) + QStringLiteral(" DROP COLUMN ") + q(column);
}

QString PlanSql::renameColumn(const QString &table, const QString &from, const QString &to) const
{
    return alter(table) + QStringLiteral(" RENAME COLUMN ") + q(from) + QStringLiteral(" TO ")
        + q(to);
}

QStringList PlanSql::alterType(const ResolvedTable &table, const ResolvedColumn &column,
                               bool hadDefault, const QString &oldEnumType, bool dropOldEnumType,
                               bool targetNameFree) const
{
    QStringList statements;
    const QString c = q(column.name);
    const QString alterColumn = alter(table.name) + QStringLiteral(" ALTER COLUMN ") + c;
    if (hadDefault)
        statements << alterColumn + QStringLiteral(" DROP DEFAULT");
    const QString source = oldEnumType.isEmpty() ? c : c + QStringLiteral("::text");
    if (column.type.kind == DataType::Kind::Enum) {
        const QString target = m_dialect.enumTypeName(table.name, column.name);
        const QString temp = m_dialect.generatedName(target + QStringLiteral("_junction_new"));
        statements << createEnumType(temp, column.type.enumValues);
        QStringList allowed;
        for (const QString &v : column.type.enumValues)
            allowed << m_dialect.quoteString(v);
        // Values the new enum lacks are replaced in the conversion itself: the old type
        // could not hold the replacement before, the new one cannot hold the old value.
        const QString converted = QStringLiteral("(CASE WHEN ") + c + QStringLiteral(" IS NULL OR ")
            + c + QStringLiteral("::text IN (") + allowed.join(QStringLiteral(", "))
            + QStringLiteral(") THEN ") + c + QStringLiteral("::text ELSE ")
            + enumFillLiteral(column) + QStringLiteral(" END)::") + q(temp);
        statements << alterColumn + QStringLiteral(" TYPE ") + q(temp) + QStringLiteral(" USING ")
                + converted;
        if (dropOldEnumType && !oldEnumType.isEmpty())
            statements << dropEnumType(oldEnumType);
        if (targetNameFree)
            statements << renameEnumType(temp, target);
    } else {
        const QString type = m_dialect.columnType(column.type, table.name, column.name);
        statements << alterColumn + QStringLiteral(" TYPE ") + type + QStringLiteral(" USING ")
                + source + QStringLiteral("::") + type;
        if (dropOldEnumType && !oldEnumType.isEmpty())
            statements << dropEnumType(oldEnumType);
    }
    if (!m_dialect.defaultLiteral(column.defaultValue, column.type).isEmpty())
        statements << setDefault(table, column);
    return statements;
}

QString PlanSql::setDefault(const ResolvedTable &table, const ResolvedColumn &column) const
{
    return alter(table.name) + QStringLiteral(" ALTER COLUMN ") + q(column.name)
        + QStringLiteral(" SET DEFAULT ")
        + m_dialect.defaultLiteral(column.defaultValue, column.type);
}

QString PlanSql::dropDefault(const QString &table, const QString &column) const
{
    return alter(table) + QStringLiteral(" ALTER COLUMN ") + q(column)
        + QStringLiteral(" DROP DEFAULT");
}

QString PlanSql::setNotNull(const QString &table, const QString &column, bool notNull) const
{
    return alter(table) + QStringLiteral(" ALTER COLUMN ") + q(column)
        + (notNull ? QStringLiteral(" SET NOT NULL") : QStringLiteral(" DROP NOT NULL"));
}

QString PlanSql::columnComment(const QString &table, const QString &column,
                               const QString &comment) const
{
    return QStringLiteral("COMMENT ON COLUMN ") + q(table) + QLatin1Char('.') + q(column)
        + QStringLiteral(" IS ")
        + (comment.isEmpty() ? QStringLiteral("NULL") : m_dialect.quoteString(comment));
}

QString PlanSql::tableComment(const QString &table, const QString &comment) const
{
    if (m_dialect.kind() == Dialect::Kind::MySql)
        return alter(table) + QStringLiteral(" COMMENT = ") + m_dialect.quoteString(comment);
    return QStringLiteral("COMMENT ON TABLE ") + q(table) + QStringLiteral(" IS ")
        + (comment.isEmpty() ? QStringLiteral("NULL") : m_dialect.quoteString(comment));
}

QString PlanSql::modifyColumn(const ResolvedTable &table, const ResolvedColumn &column) const
{
    return alter(table.name) + QStringLiteral(" MODIFY COLUMN ")
        + m_ddl.columnDefinition(table, column, false);
}

QStringList PlanSql::alterPrimaryKey(const QString &table, const QString &livePrimaryKeyName,
                                     bool hadPrimaryKey, const ResolvedTable &design) const
{
    if (m_dialect.kind() == Dialect::Kind::MySql) {
        QStringList parts;
        if (hadPrimaryKey)
            parts << QStringLiteral("DROP PRIMARY KEY");
        if (!design.primaryKey.isEmpty())
            parts << QStringLiteral("ADD PRIMARY KEY (") + columnList(design.primaryKey)
                    + QLatin1Char(')');
        return {alter(table) + QLatin1Char(' ') + parts.join(QStringLiteral(", "))};
    }
    QStringList statements;
    if (hadPrimaryKey)
        statements << alter(table) + QStringLiteral(" DROP CONSTRAINT IF EXISTS ")
                + q(livePrimaryKeyName);
    if (!design.primaryKey.isEmpty())
        statements << alter(table) + QStringLiteral(" ADD CONSTRAINT ")
                + q(m_dialect.generatedName(design.name + QStringLiteral("_pkey")))
                + QStringLiteral(" PRIMARY KEY (") + columnList(design.primaryKey)
                + QLatin1Char(')');
    return statements;
}

QString PlanSql::addUnique(const QString &table, const ResolvedUnique &unique) const
{
    return alter(table) + QStringLiteral(" ADD CONSTRAINT ")
        + q(m_dialect.generatedName(unique.name)) + QStringLiteral(" UNIQUE (")
        + columnList(unique.columns) + QLatin1Char(')');
}

QString PlanSql::dropUnique(const QString &table, const QString &name) const
{
    if (m_dialect.kind() == Dialect::Kind::MySql)
        return alter(table) + QStringLiteral(" DROP INDEX ") + q(name);
    return alter(table) + QStringLiteral(" DROP CONSTRAINT ") + q(name);
}

QString PlanSql::addIndex(const QString &table, const ResolvedIndex &index) const
{
    return QStringLiteral("CREATE ") + (index.unique ? QStringLiteral("UNIQUE ") : QString())
        + QStringLiteral("INDEX ") + q(m_dialect.generatedName(index.name)) + QStringLiteral(" ON ")
        + q(table) + QStringLiteral(" (") + columnList(index.columns) + QLatin1Char(')');
}

QString PlanSql::dropIndex(const QString &table, const QString &name) const
{
    if (m_dialect.kind() == Dialect::Kind::MySql)
        return QStringLiteral("DROP INDEX ") + q(name) + QStringLiteral(" ON ") + q(table);
    return QStringLiteral("DROP INDEX ") + q(name);
}

QString PlanSql::addForeignKey(const QString &table, const ResolvedForeignKey &fk) const
{
    return alter(table) + QStringLiteral(" ADD ") + m_ddl.foreignKeyClause(fk);
}

QStringList PlanSql::dropForeignKey(const QString &table, const QString &name) const
{
    if (m_dialect.kind() == Dialect::Kind::MySql) {
        // InnoDB made an index named after the constraint to back it (unless one existed);
        // it would outlive the key and show up as an index nobody designed.
        return {alter(table) + QStringLiteral(" DROP FOREIGN KEY ") + q(name)
                + QStringLiteral(", DROP INDEX IF EXISTS ") + q(name)};
    }
    return {alter(table) + QStringLiteral(" DROP CONSTRAINT ") + q(name)};
}

QString PlanSql::fillNulls(const QString &table, const QString &column,
                           const QString &literal) const
{
    return QStringLiteral("UPDATE ") + q(table) + QStringLiteral(" SET ") + q(column)
        + QStringLiteral(" = ") + literal + QStringLiteral(" WHERE ") + q(column)
        + QStringLiteral(" IS NULL");
}

QString PlanSql::cutStrings(const QString &table, const QString &column, int length) const
{
    const QString c = q(column);
    const QString n = QString::number(length);
    if (m_dialect.kind() == Dialect::Kind::Sqlite)
        return QStringLiteral("UPDATE ") + q(table) + QStringLiteral(" SET ") + c
            + QStringLiteral(" = substr(") + c + QStringLiteral(", 1, ") + n
            + QStringLiteral(") WHERE length(") + c + QStringLiteral(") > ") + n;
    return QStringLiteral("UPDATE ") + q(table) + QStringLiteral(" SET ") + c
        + QStringLiteral(" = LEFT(") + c + QStringLiteral(", ") + n
        + QStringLiteral(") WHERE CHAR_LENGTH(") + c + QStringLiteral(") > ") + n;
}

QString PlanSql::replaceValuesNotIn(const QString &table, const QString &column,
                                    const QStringList &values, const QString &literal) const
{
    QStringList allowed;
    for (const QString &v : values)
        allowed << m_dialect.quoteString(v);
    return QStringLiteral("UPDATE ") + q(table) + QStringLiteral(" SET ") + q(column)
        + QStringLiteral(" = ") + literal + QStringLiteral(" WHERE ") + q(column)
        + QStringLiteral(" IS NOT NULL AND ") + q(column) + QStringLiteral(" NOT IN (")
        + allowed.join(QStringLiteral(", ")) + QLatin1Char(')');
}

QString PlanSql::widenEnum(const QString &table, const QString &column,
                           const QStringList &values) const
{
    QStringList literals;
    for (const QString &v : values)
        literals << m_dialect.quoteString(v);
    return alter(table) + QStringLiteral(" MODIFY COLUMN ") + q(column) + QStringLiteral(" ENUM(")
        + literals.join(QStringLiteral(", ")) + QStringLiteral(") NULL");
}

QString PlanSql::deleteDuplicates(const QString &table, const QStringList &columns,
                                  const QStringList &orderKey) const
{
    QStringList notNull;
    for (const QString &c : columns)
        notNull << q(c) + QStringLiteral(" IS NOT NULL");
    QString rowId;
    switch (m_dialect.kind()) {
    case Dialect::Kind::Postgres:
        rowId = QStringLiteral("ctid");
        break;
    case Dialect::Kind::Sqlite:
        rowId = QStringLiteral("rowid");
        break;
    case Dialect::Kind::MySql:
        break; // no row id: the key identifies rows
    }
    const QString order = orderKey.isEmpty() ? rowId : columnList(orderKey);
    const QString numbered = QStringLiteral("ROW_NUMBER() OVER (PARTITION BY ")
        + columnList(columns) + QStringLiteral(" ORDER BY ") + order
        + QStringLiteral(") AS junction_rn FROM ") + q(table) + QStringLiteral(" WHERE ")
        + notNull.join(QStringLiteral(" AND "));
    if (!rowId.isEmpty())
        return QStringLiteral("DELETE FROM ") + q(table) + QStringLiteral(" WHERE ") + rowId
            + QStringLiteral(" IN (SELECT junction_id FROM (SELECT ") + rowId
            + QStringLiteral(" AS junction_id, ") + numbered
            + QStringLiteral(") AS junction_d WHERE junction_rn > 1)");
    const QString key = columnList(orderKey);
    const QString target = orderKey.size() == 1 ? key : QLatin1Char('(') + key + QLatin1Char(')');
    // The derived table is materialised (it has a window function), which is what lets
    // MariaDB read the table it deletes from.
    return QStringLiteral("DELETE FROM ") + q(table) + QStringLiteral(" WHERE ") + target
        + QStringLiteral(" IN (SELECT ") + key + QStringLiteral(" FROM (SELECT ") + key
        + QStringLiteral(", ") + numbered
        + QStringLiteral(") AS junction_d WHERE junction_rn > 1)");
}

QString PlanSql::fillLiteral(const ResolvedColumn &column) const
{
    const QString literal = m_dialect.defaultLiteral(column.defaultValue, column.type);
    if (!literal.isEmpty() && literal != QLatin1String("NULL"))
        return literal;
    return NativeTypes::zeroLiteral(m_dialect, column.type);
}

QString PlanSql::enumFillLiteral(const ResolvedColumn &column) const
{
    const QString literal = m_dialect.defaultLiteral(column.defaultValue, column.type);
    if (!literal.isEmpty())
        return literal;
    if (column.allowNull)
        return QStringLiteral("NULL");
    return NativeTypes::zeroLiteral(m_dialect, column.type);
}

QStringList PlanSql::rebuildTable(const ResolvedTable &design, const QString &tempName,
                                  const QList<std::pair<QString, QString>> &copies) const
{
    QStringList create = m_ddl.createTable(design);
    const QString prefix = QStringLiteral("CREATE TABLE ") + q(design.name) + QStringLiteral(" (");
    QStringList statements;
    // The designed CREATE TABLE under the temporary name: the constraint names inside it
    // stay the designed ones.
    if (!create.isEmpty() && create.first().startsWith(prefix))
        statements << QStringLiteral("CREATE TABLE ") + q(tempName) + QStringLiteral(" (")
                + create.first().mid(prefix.size());
    QStringList targets;
    QStringList sources;
    for (const auto &[column, expression] : copies) {
        targets << q(column);
        sources << expression;
    }
    // A NOT NULL column without default that the old table lacks needs a value per row.
    for (const ResolvedColumn &c : design.columns) {
        bool copied = false;
        for (const auto &copy : copies)
            copied = copied || copy.first == c.name;
        if (copied || c.allowNull || c.autoIncrement
            || !m_dialect.defaultLiteral(c.defaultValue, c.type).isEmpty())
            continue;
        targets << q(c.name);
        sources << fillLiteral(c);
    }
    if (!targets.isEmpty())
        statements << QStringLiteral("INSERT INTO ") + q(tempName) + QStringLiteral(" (")
                + targets.join(QStringLiteral(", ")) + QStringLiteral(") SELECT ")
                + sources.join(QStringLiteral(", ")) + QStringLiteral(" FROM ") + q(design.name);
    statements << dropTable(design.name);
    statements << renameTable(tempName, design.name);
    statements += create.mid(1); // its indexes
    return statements;
}

} // namespace Junction
