// SPDX-License-Identifier: MIT
#pragma once

#include "dialect.h"
#include "resolvedschema.h"

#include <QSet>
#include <QStringList>

namespace Junction {

struct DdlOptions
{
    bool dropFirst = false; // DROP ... IF EXISTS prelude, dependents first
};

// DDL is a pure function of (ResolvedSchema, Dialect): statements without the trailing
// semicolon, ready for QSqlQuery::exec or for ddlScript().
class DdlGenerator
{
public:
    explicit DdlGenerator(const Dialect &dialect)
        : m_dialect(dialect)
    {}

    // The whole schema in creation order (Sequelize's dependency order).
    QStringList schema(const ResolvedSchema &schema, const DdlOptions &options = {}) const;
    // Only the named tables, in the same creation order (and drop order): the DDL of a
    // part of the schema, such as the designer's selection (see tablesOfModels()).
    // Unknown names are ignored.
    QStringList tables(const ResolvedSchema &schema, const QSet<QString> &tableNames,
                       const DdlOptions &options = {}) const;
    // CREATE TYPE (PostgreSQL enums), CREATE TABLE, comments and indexes of one table.
    QStringList createTable(const ResolvedTable &table) const;
    QStringList dropTable(const ResolvedTable &table) const;
    // What one association adds: the FK column and its constraint as ALTER TABLE
    // statements, or the whole junction table for belongsToMany.
    QStringList associationPreview(const ResolvedSchema &schema, const AssociationId &id) const;

    QString columnDefinition(const ResolvedTable &table, const ResolvedColumn &column,
                             bool inlinePrimaryKey) const;
    QString foreignKeyClause(const ResolvedForeignKey &fk) const;

    // Statements joined as a script: each ends with ";" and a newline, tables apart by a
    // blank line.
    static QString script(const QStringList &statements);
    // script(schema(...)) and script(tables(...)), the same text written in one pass into one
    // string: for callers that want the script and not the statements (export, the DDL
    // preview, the CLI), twice as fast on a 10,000-table schema.
    QString schemaScript(const ResolvedSchema &schema, const DdlOptions &options = {}) const;
    QString tablesScript(const ResolvedSchema &schema, const QSet<QString> &tableNames,
                         const DdlOptions &options = {}) const;

private:
    class Writer;
    void writeTables(Writer &out, const ResolvedSchema &schema, const DdlOptions &options,
                     const QSet<QString> *tableNames) const;
    void writeCreateTable(Writer &out, const ResolvedTable &table) const;
    void writeDropTable(Writer &out, const ResolvedTable &table) const;
    QString scriptOf(const ResolvedSchema &schema, const DdlOptions &options,
                     const QSet<QString> *tableNames) const;
    bool inlineAutoIncrementKey(const ResolvedTable &table) const;
    void appendQuoted(QString &out, QStringView identifier) const;
    void appendQuotedList(QString &out, const QStringList &identifiers) const;
    void appendColumnDefinition(QString &out, const ResolvedTable &table,
                                const ResolvedColumn &column, bool inlinePrimaryKey) const;
    void appendReferences(QString &out, const ResolvedForeignKey &fk) const;
    void appendForeignKeyClause(QString &out, const ResolvedForeignKey &fk) const;

    const Dialect &m_dialect;
};

// The tables of these models plus the junction tables that resolution creates between
// them (a belongsToMany whose both ends are among the models): what "the DDL of a
// selection" means. A through model is a model: it is in only when it is itself named.
QSet<QString> tablesOfModels(const ResolvedSchema &schema, const QSet<EntityId> &models);

} // namespace Junction
