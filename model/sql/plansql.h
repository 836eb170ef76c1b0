// SPDX-License-Identifier: MIT
#pragma once

#include "ddlgenerator.h"
#include "dialect.h"
#include "resolvedschema.h"

#include <QStringList>

namespace Junction {

// The statements of each change kind in one dialect. Identifiers are quoted only with
// Dialect::quote; the only values written into statements are literals the DDL itself
// would write (Dialect::defaultLiteral / quoteString) and lengths from the design.
// Whole-table DDL comes from DdlGenerator, so a created table is exactly what `ddl` prints.
class PlanSql
{
public:
    explicit PlanSql(const Dialect &dialect)
        : m_dialect(dialect)
        , m_ddl(dialect)
    {
    }

    const Dialect &dialect() const { return m_dialect; }
    const DdlGenerator &ddl() const { return m_ddl; }
    QString q(const QString &identifier) const { return m_dialect.quote(identifier); }
    QString columnList(const QStringList &columns) const;

    // CREATE TABLE with its indexes and comments; PostgreSQL's CREATE TYPEs separately.
    QStringList createTable(const ResolvedTable &table, QStringList *enumTypes) const;
    QString createEnumType(const QString &name, const QStringList &values) const;
    QString dropEnumType(const QString &name) const;
    QString dropTable(const QString &table) const;
    QString renameTable(const QString &from, const QString &to) const;
    QString renameEnumType(const QString &from, const QString &to) const;

    // `existingTable`: PostgreSQL fills a NOT NULL column without default with the type's
    // zero for the rows already there, then drops that default again.
    QStringList addColumn(const ResolvedTable &table, const ResolvedColumn &column,
                          bool existingTable) const;
    QString dropColumn(const QString &table, const QString &column) const;
    QString renameColumn(const QString &table, const QString &from, const QString &to) const;

    // PostgreSQL: ALTER COLUMN ... TYPE ... USING, with the default dropped before and set
    // after (an old default may not cast). An enum target is a new type swapped in:
    // values the new enum lacks become `fill` (a literal or NULL). `oldEnumType` is dropped
    // when `dropOldEnumType`; the new type takes the designed name when `targetNameFree`.
    QStringList alterType(const ResolvedTable &table, const ResolvedColumn &column, bool hadDefault,
                          const QString &oldEnumType, bool dropOldEnumType,
                          bool targetNameFree) const;
    QString setDefault(const ResolvedTable &table, const ResolvedColumn &column) const;
    QString dropDefault(const QString &table, const QString &column) const;
    QString setNotNull(const QString &table, const QString &column, bool notNull) const;
    QString columnComment(const QString &table, const QString &column,
                          const QString &comment) const;
    QString tableComment(const QString &table, const QString &comment) const;
    // MySQL: the whole column restated.
    QString modifyColumn(const ResolvedTable &table, const ResolvedColumn &column) const;

    QStringList alterPrimaryKey(const QString &table, const QString &livePrimaryKeyName,
                                bool hadPrimaryKey, const ResolvedTable &design) const;
    QString addUnique(const QString &table, const ResolvedUnique &unique) const;
    QString dropUnique(const QString &table, const QString &name) const;
    QString addIndex(const QString &table, const ResolvedIndex &index) const;
    QString dropIndex(const QString &table, const QString &name) const;
    QString addForeignKey(const QString &table, const ResolvedForeignKey &fk) const;
    QStringList dropForeignKey(const QString &table, const QString &name) const;

    // Fixups: statements that make live data fit a change.
    QString fillNulls(const QString &table, const QString &column, const QString &literal) const;
    QString cutStrings(const QString &table, const QString &column, int length) const;
    QString replaceValuesNotIn(const QString &table, const QString &column,
                               const QStringList &values, const QString &literal) const;
    // MySQL: the column as an enum of old and new values (and NULL), so that values the new
    // enum lacks can be replaced by new ones before the final MODIFY.
    QString widenEnum(const QString &table, const QString &column, const QStringList &values) const;
    // Deletes every row that repeats an earlier row's (non-NULL) `columns`, keeping the one
    // that comes first by `orderKey` (PostgreSQL ctid / SQLite rowid when empty).
    QString deleteDuplicates(const QString &table, const QStringList &columns,
                             const QStringList &orderKey) const;
    // The literal NULLs become: the design default, else the type's zero.
    QString fillLiteral(const ResolvedColumn &column) const;
    // What values a narrowed enum lacks become: the design default, else NULL when allowed,
    // else the first new value.
    QString enumFillLiteral(const ResolvedColumn &column) const;

    // SQLite's 12-step procedure, steps 4 to 8 (the runner does 1, 2, 10 to 12): a new table
    // in the designed form, the data copied, the old one dropped, the new one renamed and
    // its indexes created. `copies`: design column -> the expression that fills it from the
    // old table (already renamed); other columns get their default, or the zero of the type
    // when NOT NULL without one.
    QStringList rebuildTable(const ResolvedTable &design, const QString &tempName,
                             const QList<std::pair<QString, QString>> &copies) const;

private:
    QString alter(const QString &table) const;

    const Dialect &m_dialect;
    DdlGenerator m_ddl;
};

} // namespace Junction
