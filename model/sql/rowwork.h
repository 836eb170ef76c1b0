// SPDX-License-Identifier: MIT
#pragma once

#include "relatedrows.h"
#include "rowsql.h"

#include <QHash>

namespace Junction {

// The steps one related-row accessor call is made of, over the resolved schema: finding
// tables and columns, naming rows by key, filters, timestamps, junction links. It keeps
// the first failure; RelatedRows strings the steps together (the rules are there).
class RowWork
{
public:
    RowWork(const ResolvedSchema &schema, const QString &connectionName, const Dialect &dialect)
        : sql(connectionName, dialect)
        , m_schema(schema)
    {
    }

    RowSql sql;
    RowsFailure failure;

    bool fail(const QString &message, const QSqlError &error = {})
    {
        failure = RowSql::failed(message, error);
        return false;
    }

    template<typename T> RowsResult<T> result(T value = {}) const
    {
        RowsResult<T> r;
        r.value = std::move(value);
        r.error = failure.message;
        r.sqlError = failure.sqlError;
        return r;
    }

    const ResolvedTable *table(const QString &nameOrModel);

    // The association, if it is valid and `accessor` is one of its type's accessors.
    const ResolvedAssociation *association(const AssociationId &id, const char *accessor,
                                           bool pluralOnly);

    const ResolvedTable &source(const ResolvedAssociation &a) const
    {
        return *m_schema.table(a.sourceTable);
    }

    const ResolvedTable &target(const ResolvedAssociation &a) const
    {
        return *m_schema.table(a.targetTable);
    }

    const ResolvedTable &through(const ResolvedAssociation &a) const
    {
        return *m_schema.table(a.throughTable);
    }

    // " FROM T WHERE <T's side of the link> = ?", joining J for belongsToMany: the target
    // rows linked to the source value `sv` (S.fk for belongsTo, S.sk otherwise).
    void appendLinked(SqlBuilder &s, const ResolvedAssociation &a, const QVariant &sv);

    // tk: the target column J.ok refers to.
    QString junctionTargetKey(const ResolvedAssociation &a) const;

    // A column by name, or by attribute name when that differs (`fullName` -> full_name).
    const ResolvedColumn *column(const ResolvedTable &t, const QString &name);

    bool normalise(const ResolvedTable &t, const Row &in, Row *out);

    // The primary key a reference names, without touching the database.
    bool keyOf(const ResolvedTable &t, const RowRef &ref, QVariantList *key);

    // ("T"."a" = ? AND "T"."b" = ?) for one key.
    void appendKeyMatch(SqlBuilder &s, const ResolvedTable &t, const QVariantList &key);

    // The rows named by `keys`: "T"."pk" IN (?, ?) or ((a = ? AND b = ?) OR ...); none: 1 = 0.
    void appendKeysMatch(SqlBuilder &s, const ResolvedTable &t, const QString &column,
                         const QList<QVariantList> &keys);

    // Values of `columns` for the row `ref` names: from the map when it holds them (a row
    // is trusted as Sequelize trusts an instance), else read by primary key. A bare key is
    // read too when `verify` is set (writes), so that a missing row is a clear failure.
    bool rowValues(const ResolvedTable &t, const RowRef &ref, const QStringList &columns,
                   QVariantList *out, bool verify);

    bool keysOf(const ResolvedTable &t, const QList<RowRef> &refs, QList<QVariantList> *keys);

    // Fails naming the first of `keys` that has no row in t.
    bool requireRows(const ResolvedTable &t, const QList<QVariantList> &keys);

    void appendParanoid(SqlBuilder &s, const ResolvedTable &t, const RowQuery &query);

    bool appendConditions(SqlBuilder &s, const ResolvedTable &t, const RowQuery &query);

    bool appendOrderAndLimit(SqlBuilder &s, const ResolvedTable &t, const RowQuery &query,
                             int limit);

    // ", "updatedAt" = ?" when T keeps updatedAt: Sequelize's save() sets it.
    void appendTouch(SqlBuilder &s, const ResolvedTable &t);

    // What Sequelize fills in before an INSERT: timestamps and client-side defaults.
    Row withInsertDefaults(const ResolvedTable &t, Row values);

    // INSERT and read the stored row back (database defaults included).
    bool insertRow(const ResolvedTable &t, const Row &values, Row *stored);

    static QStringList columnNames(const ResolvedTable &t);

    bool run(const SqlBuilder &s, qint64 *written = nullptr);

    // UPDATE T SET fk = value, updatedAt WHERE <what `where` appends>.
    template<typename Where>
    bool updateForeignKey(const ResolvedTable &t, const QString &fk, const QVariant &value,
                          Where &&where, qint64 *written)
    {
        SqlBuilder s;
        s << QLatin1String("UPDATE ") << sql.quote(t.name) << QLatin1String(" SET ")
          << sql.quote(fk) << QLatin1String(" = ");
        s.bind(value);
        appendTouch(s, t);
        s << QLatin1String(" WHERE ");
        where(s);
        return run(s, written);
    }

    bool refuseNotNull(const ResolvedAssociation &a, const QString &verb);

    // belongsToMany: the tk values of the given targets, checked to exist when linking.
    bool junctionTargets(const ResolvedAssociation &a, const QList<RowRef> &refs,
                         QVariantList *values, bool mustExist = true);

    static Row zip(const ResolvedTable &t, const QVariantList &key);

    // The J.ok values linked to source value sv now, as text -> value.
    bool currentLinks(const ResolvedAssociation &a, const QVariant &sv,
                      QHash<QString, QVariant> *links);

    // Inserts J rows for targets not linked yet, updates `through` columns of linked ones.
    bool link(const ResolvedAssociation &a, const QVariant &sv, const QVariantList &targets,
              const QHash<QString, QVariant> &linked, const Row &throughValues, qint64 *written);

    // Shared wording and lookups.
    static bool isPlural(AssociationType type)
    {
        return type == AssociationType::HasMany || type == AssociationType::BelongsToMany;
    }
    // "1", "(1, 2)": a key as messages show it.
    static QString keyText(const QVariantList &key);
    static QString modelName(const ResolvedTable &t)
    {
        return t.entityName.isEmpty() ? t.name : t.entityName;
    }
    // createdAt/updatedAt/deletedAt as the resolver adds them (underscored or not).
    static const ResolvedColumn *timestamp(const ResolvedTable &t, const char *camel);

private:
    const ResolvedSchema &m_schema;
};

} // namespace Junction
