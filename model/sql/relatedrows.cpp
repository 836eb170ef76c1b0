// SPDX-License-Identifier: MIT
#include "relatedrows.h"

#include "rowwork.h"

#include <QCoreApplication>
#include <QSet>

/*
 * What each accessor does to rows: associations.md section 7, as Sequelize v4.44.4 runs it.
 *
 * S is the source table, T the target, J the junction. "given" are the target rows passed
 * in, matched by primary key. [tx]: the statements run in one transaction.
 *
 * belongsTo: fk on S refers to T.sk (the targetKey, else T's primary key)
 *   get     SELECT T WHERE T.sk = S.fk LIMIT 1
 *   set     UPDATE S SET fk = T.sk, or NULL when no row is given (refused when fk is
 *           NOT NULL); the given row must exist                                   [tx]
 *   create  INSERT T; UPDATE S SET fk = T.sk                                      [tx]
 *
 * hasOne, hasMany: fk on T refers to S.sk (hasMany's sourceKey, else S's primary key)
 *   get     SELECT T WHERE T.fk = S.sk (+ where, order, limit; hasOne: LIMIT 1)
 *   set     1. UPDATE T SET fk = NULL WHERE T.fk = S.sk AND NOT given; refused before
 *              anything changes when a row would be unlinked and fk is NOT NULL
 *           2. UPDATE T SET fk = S.sk WHERE given AND not linked yet           [tx]
 *           hasOne takes one row or none.
 *   add     UPDATE T SET fk = S.sk WHERE given; the given rows must exist         [tx]
 *   remove  UPDATE T SET fk = NULL WHERE T.fk = S.sk AND given; refused when fk is
 *           NOT NULL (a row cannot exist unlinked)
 *   has     COUNT T WHERE T.fk = S.sk AND given = number given; no rows given: true
 *   count   COUNT T WHERE T.fk = S.sk (+ where)
 *   create  INSERT T with fk = S.sk (hasOne leaves an earlier linked row linked, as v4)
 *
 * belongsToMany: J.fk refers to S's primary key, J.ok to T.tk (T's primary key)
 *   get     SELECT T, J FROM T JOIN J ON J.ok = T.tk WHERE J.fk = S.sk (+ where, order,
 *           limit); each row comes with its junction row, as Sequelize's row.PostTags
 *   set     1. SELECT J.ok WHERE J.fk = S.sk
 *           2. DELETE J WHERE J.fk = S.sk AND J.ok not given
 *           3. INSERT J for given rows not linked yet; UPDATE J of linked ones when
 *              `through` values are given                                         [tx]
 *   add     steps 1 and 3 of set                                                  [tx]
 *   remove  DELETE J WHERE J.fk = S.sk AND J.ok IN given
 *   has     COUNT T JOIN J WHERE J.fk = S.sk AND given = number given
 *   count   COUNT T JOIN J WHERE J.fk = S.sk (+ where)
 *   create  INSERT T; INSERT J                                                    [tx]
 *
 * Every UPDATE of a row also sets its updatedAt, and every INSERT fills createdAt/updatedAt
 * (junction tables included) and the client-side defaults (UUIDV4, NOW) not given, as
 * Sequelize's save() and bulkCreate() do. Paranoid targets: get, count, has and set's
 * unlinking skip rows whose deletedAt is set, as Sequelize's finders do by default.
 *
 * Rows or bare keys: a map gives the columns it holds (a row is trusted as Sequelize trusts
 * an instance); a bare value is the primary key, except for belongsTo's set, where v4 takes
 * it as the targetKey value itself. Values an accessor needs and the map lacks (S.sk, S.fk)
 * are read by primary key.
 *
 * Stricter than v4, which would silently do nothing or leave a dangling key: set, add and
 * create check that the source row and the given target rows exist; remove and set on a
 * NOT NULL fk are refused before anything changes (v4 sends the UPDATE and the database
 * refuses it); hasOne's set unlinks every other linked row, not only the first v4 finds.
 */

namespace Junction {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Junction::RelatedRows", text);
}

using Type = AssociationType;

QString typeWord(Type type)
{
    return associationTypeName(type);
}

} // namespace

RowQuery RowQuery::equals(const Row &columnValues)
{
    RowQuery query;
    for (auto it = columnValues.cbegin(); it != columnValues.cend(); ++it)
        query.where << Condition(it.key(), it.value());
    return query;
}

RelatedRows::RelatedRows(const Connection &connection, ResolvedSchema schema)
    : m_connectionName(connection.name())
    , m_schema(std::move(schema))
    , m_dialect(Dialect::get(
          connection.engine() == ConnectionSpec::Engine::Postgres    ? Dialect::Kind::Postgres
              : connection.engine() == ConnectionSpec::Engine::MySql ? Dialect::Kind::MySql
                                                                     : Dialect::Kind::Sqlite))
{
}

QString RelatedRows::describeRow(const ResolvedTable &table, const RowRef &ref) const
{
    RowWork w(m_schema, m_connectionName, m_dialect);
    QVariantList key;
    if (!w.keyOf(table, ref, &key))
        return RowWork::modelName(table);
    return RowWork::modelName(table) + QLatin1Char(' ') + RowWork::keyText(key);
}

QVariant RelatedRows::valueFromText(const ResolvedColumn &column, const QString &text)
{
    using K = DataType::Kind;
    switch (column.type.kind) {
    case K::Integer:
    case K::BigInt:
    case K::SmallInt: {
        bool ok = false;
        const qlonglong v = text.toLongLong(&ok);
        return ok ? QVariant(v) : QVariant(text);
    }
    case K::Float:
    case K::Real:
    case K::Double: {
        bool ok = false;
        const double v = text.toDouble(&ok);
        return ok ? QVariant(v) : QVariant(text);
    }
    case K::Boolean:
        if (text.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0
            || text == QLatin1String("1"))
            return true;
        if (text.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0
            || text == QLatin1String("0"))
            return false;
        return text;
    default:
        return text;
    }
}

RowsResult<RowSet> RelatedRows::list(const QString &tableName, const RowQuery &query) const
{
    RowWork w(m_schema, m_connectionName, m_dialect);
    RowSet set;
    const ResolvedTable *t = w.table(tableName);
    if (!t)
        return w.result(set);
    SqlBuilder s;
    s << QLatin1String("SELECT ") << w.sql.selectList(*t) << QLatin1String(" FROM ")
      << w.sql.quote(t->name) << QLatin1String(" WHERE 1 = 1");
    if (!w.appendConditions(s, *t, query) || !w.appendOrderAndLimit(s, *t, query, query.limit))
        return w.result(set);
    QSqlQuery q(w.sql.database());
    if (!w.sql.exec(q, s, &w.failure))
        return w.result(set);
    set.table = t->name;
    set.columns = RowWork::columnNames(*t);
    set.rows = w.sql.readRows(q, set.columns);
    return w.result(set);
}

RowsResult<std::optional<Row>> RelatedRows::find(const QString &tableName, const RowRef &ref) const
{
    RowWork w(m_schema, m_connectionName, m_dialect);
    std::optional<Row> row;
    const ResolvedTable *t = w.table(tableName);
    QVariantList key;
    if (!t || !w.keyOf(*t, ref, &key))
        return w.result(row);
    SqlBuilder s;
    s << QLatin1String("SELECT ") << w.sql.selectList(*t) << QLatin1String(" FROM ")
      << w.sql.quote(t->name) << QLatin1String(" WHERE ");
    w.appendKeyMatch(s, *t, key);
    QSqlQuery q(w.sql.database());
    if (w.sql.exec(q, s, &w.failure) && q.next())
        row = w.sql.readRow(q, RowWork::columnNames(*t));
    return w.result(row);
}

RowsResult<RowSet> RelatedRows::get(const AssociationId &id, const RowRef &source,
                                    const RowQuery &query) const
{
    RowWork w(m_schema, m_connectionName, m_dialect);
    RowSet set;
    const ResolvedAssociation *a = w.association(id, "get", false);
    if (!a)
        return w.result(set);
    const ResolvedTable &s = w.source(*a);
    const ResolvedTable &t = w.target(*a);
    set.table = t.name;
    set.columns = RowWork::columnNames(t);
    // The value the target side is matched against: S.fk for belongsTo, S.sk otherwise.
    const QString sourceColumn
        = a->type == Type::BelongsTo ? a->foreignKeyColumn : a->referencedKey;
    QVariantList sv;
    if (!w.rowValues(s, source, {sourceColumn}, &sv, false))
        return w.result(set);
    if (sv.first().isNull())
        return w.result(set); // nothing can be linked to a NULL key

    SqlBuilder q;
    q << QLatin1String("SELECT ") << w.sql.selectList(t);
    if (a->type == Type::BelongsToMany) {
        const ResolvedTable &j = w.through(*a);
        set.throughColumns = RowWork::columnNames(j);
        q << QLatin1String(", ") << w.sql.selectList(j);
    }
    w.appendLinked(q, *a, sv.first());
    const int limit = RowWork::isPlural(a->type) ? query.limit : 1;
    if (!w.appendConditions(q, t, query) || !w.appendOrderAndLimit(q, t, query, limit))
        return w.result(set);
    QSqlQuery rows(w.sql.database());
    if (!w.sql.exec(rows, q, &w.failure))
        return w.result(set);
    while (rows.next()) {
        set.rows << w.sql.readRow(rows, set.columns);
        if (!set.throughColumns.isEmpty())
            set.through << w.sql.readRow(rows, set.throughColumns, int(set.columns.size()));
    }
    return w.result(set);
}

RowsResult<std::optional<Row>> RelatedRows::getOne(const AssociationId &id,
                                                   const RowRef &source) const
{
    RowsResult<std::optional<Row>> out;
    if (const ResolvedAssociation *a = m_schema.association(id); a && RowWork::isPlural(a->type)) {
        out.error = tr("%1.%2 is a %3 association: use get() for its rows.")
                        .arg(a->source, a->as, typeWord(a->type));
        return out;
    }
    const RowsResult<RowSet> rows = get(id, source);
    out.error = rows.error;
    out.sqlError = rows.sqlError;
    if (rows.ok() && !rows.value.rows.isEmpty())
        out.value = rows.value.rows.first();
    return out;
}

RowsResult<qint64> RelatedRows::count(const AssociationId &id, const RowRef &source,
                                      const RowQuery &query) const
{
    RowWork w(m_schema, m_connectionName, m_dialect);
    const ResolvedAssociation *a = w.association(id, "count", true);
    if (!a)
        return w.result<qint64>();
    const ResolvedTable &t = w.target(*a);
    QVariantList sv;
    if (!w.rowValues(w.source(*a), source, {a->referencedKey}, &sv, false))
        return w.result<qint64>();
    if (sv.first().isNull())
        return w.result<qint64>(0);
    SqlBuilder q;
    q << QLatin1String("SELECT COUNT(*)");
    w.appendLinked(q, *a, sv.first());
    qint64 n = 0;
    if (!w.appendConditions(q, t, query) || !w.sql.count(q, &n, &w.failure))
        return w.result<qint64>();
    return w.result(n);
}

RowsResult<bool> RelatedRows::has(const AssociationId &id, const RowRef &source,
                                  const QList<RowRef> &targets) const
{
    RowWork w(m_schema, m_connectionName, m_dialect);
    const ResolvedAssociation *a = w.association(id, "has", true);
    if (!a)
        return w.result<bool>();
    const ResolvedTable &t = w.target(*a);
    QList<QVariantList> keys;
    QVariantList sv;
    if (!w.keysOf(t, targets, &keys)
        || !w.rowValues(w.source(*a), source, {a->referencedKey}, &sv, false))
        return w.result<bool>();
    if (keys.isEmpty())
        return w.result(true); // v4: every one of no rows is linked
    if (sv.first().isNull())
        return w.result(false);
    SqlBuilder q;
    q << QLatin1String("SELECT COUNT(*)");
    w.appendLinked(q, *a, sv.first());
    q << QLatin1String(" AND ");
    w.appendKeysMatch(q, t, QString(), keys);
    w.appendParanoid(q, t, RowQuery());
    qint64 n = 0;
    if (!w.sql.count(q, &n, &w.failure))
        return w.result<bool>();
    return w.result(n == keys.size());
}

RowsResult<qint64> RelatedRows::add(const AssociationId &id, const RowRef &source,
                                    const QList<RowRef> &targets, const Row &through)
{
    RowWork w(m_schema, m_connectionName, m_dialect);
    const ResolvedAssociation *a = w.association(id, "add", true);
    if (!a)
        return w.result<qint64>();
    RowTransaction transaction(w.sql.database());
    QVariantList sv;
    qint64 written = 0;
    if (!transaction.begin(&w.failure)
        || !w.rowValues(w.source(*a), source, {a->referencedKey}, &sv, true))
        return w.result<qint64>();
    if (sv.first().isNull()) {
        w.fail(tr("%1 has no %2 value to link to.")
                   .arg(describeRow(w.source(*a), source), a->referencedKey));
        return w.result<qint64>();
    }
    if (a->type == Type::HasMany) {
        const ResolvedTable &t = w.target(*a);
        QList<QVariantList> keys;
        if (!w.keysOf(t, targets, &keys) || !w.requireRows(t, keys))
            return w.result<qint64>();
        if (!keys.isEmpty()
            && !w.updateForeignKey(
                t, a->foreignKeyColumn, sv.first(),
                [&](SqlBuilder &s) { w.appendKeysMatch(s, t, QString(), keys); }, &written))
            return w.result<qint64>();
    } else {
        QVariantList tvs;
        QHash<QString, QVariant> linked;
        if (!w.junctionTargets(*a, targets, &tvs) || !w.currentLinks(*a, sv.first(), &linked)
            || !w.link(*a, sv.first(), tvs, linked, through, &written))
            return w.result<qint64>();
    }
    if (!transaction.commit(&w.failure))
        return w.result<qint64>();
    return w.result(written);
}

RowsResult<qint64> RelatedRows::remove(const AssociationId &id, const RowRef &source,
                                       const QList<RowRef> &targets)
{
    RowWork w(m_schema, m_connectionName, m_dialect);
    const ResolvedAssociation *a = w.association(id, "remove", true);
    if (!a)
        return w.result<qint64>();
    if (a->type == Type::HasMany && !w.refuseNotNull(*a, QStringLiteral("remove")))
        return w.result<qint64>();
    const ResolvedTable &t = w.target(*a);
    QVariantList sv;
    QList<QVariantList> keys;
    if (!w.rowValues(w.source(*a), source, {a->referencedKey}, &sv, false)
        || !w.keysOf(t, targets, &keys))
        return w.result<qint64>();
    qint64 written = 0;
    if (keys.isEmpty() || sv.first().isNull())
        return w.result(written);
    if (a->type == Type::HasMany) {
        w.updateForeignKey(
            t, a->foreignKeyColumn, QVariant(),
            [&](SqlBuilder &s) {
                s << w.sql.qualified(t, a->foreignKeyColumn) << QLatin1String(" = ");
                s.bind(sv.first());
                s << QLatin1String(" AND ");
                w.appendKeysMatch(s, t, QString(), keys);
            },
            &written);
        return w.result(written);
    }
    QVariantList tvs;
    if (!w.junctionTargets(*a, targets, &tvs, false))
        return w.result<qint64>();
    const ResolvedTable &j = w.through(*a);
    SqlBuilder s;
    s << QLatin1String("DELETE FROM ") << w.sql.quote(j.name) << QLatin1String(" WHERE ")
      << w.sql.qualified(j, a->foreignKeyColumn) << QLatin1String(" = ");
    s.bind(sv.first());
    s << QLatin1String(" AND ");
    QList<QVariantList> values;
    for (const QVariant &v : std::as_const(tvs))
        values << QVariantList {v};
    w.appendKeysMatch(s, j, a->otherKeyColumn, values);
    w.run(s, &written);
    return w.result(written);
}

RowsResult<qint64> RelatedRows::set(const AssociationId &id, const RowRef &source,
                                    const QList<RowRef> &targets, const Row &through)
{
    RowWork w(m_schema, m_connectionName, m_dialect);
    const ResolvedAssociation *a = w.association(id, "set", false);
    if (!a)
        return w.result<qint64>();
    if (!RowWork::isPlural(a->type) && targets.size() > 1) {
        w.fail(tr("%1.%2 is a %3 association: set takes one row or none.")
                   .arg(a->source, a->as, typeWord(a->type)));
        return w.result<qint64>();
    }
    const ResolvedTable &s = w.source(*a);
    const ResolvedTable &t = w.target(*a);
    RowTransaction transaction(w.sql.database());
    qint64 written = 0;
    if (!transaction.begin(&w.failure))
        return w.result<qint64>();

    if (a->type == Type::BelongsTo) {
        QVariantList key;
        QVariantList ignored;
        if (!w.keyOf(s, source, &key) || !w.rowValues(s, source, s.primaryKey, &ignored, true))
            return w.result<qint64>();
        QVariant value; // v4: a bare value is the targetKey value itself
        if (!targets.isEmpty()) {
            const RowRef &ref = targets.first();
            QVariantList tk;
            if (ref.isMap()) {
                if (!w.rowValues(t, ref, {a->referencedKey}, &tk, false))
                    return w.result<qint64>();
                value = tk.first();
            } else {
                value = ref.key();
            }
            SqlBuilder check;
            check << QLatin1String("SELECT COUNT(*) FROM ") << w.sql.quote(t.name)
                  << QLatin1String(" WHERE ") << w.sql.qualified(t, a->referencedKey)
                  << QLatin1String(" = ");
            check.bind(value);
            qint64 n = 0;
            if (!w.sql.count(check, &n, &w.failure))
                return w.result<qint64>();
            if (n == 0) {
                w.fail(
                    tr("%1 with %2 = %3 does not exist.")
                        .arg(RowWork::modelName(t), a->referencedKey, RowWork::keyText({value})));
                return w.result<qint64>();
            }
        } else if (const ResolvedColumn *fk = s.column(a->foreignKeyColumn); fk && !fk->allowNull) {
            w.fail(tr("Cannot unset %1.%2: %3.%4 is NOT NULL.")
                       .arg(a->source, a->as, s.name, a->foreignKeyColumn));
            return w.result<qint64>();
        }
        if (!w.updateForeignKey(
                s, a->foreignKeyColumn, value, [&](SqlBuilder &b) { w.appendKeyMatch(b, s, key); },
                &written)
            || !transaction.commit(&w.failure))
            return w.result<qint64>();
        return w.result(written);
    }

    QVariantList sv;
    if (!w.rowValues(s, source, {a->referencedKey}, &sv, true))
        return w.result<qint64>();
    if (sv.first().isNull()) {
        w.fail(tr("%1 has no %2 value to link to.").arg(describeRow(s, source), a->referencedKey));
        return w.result<qint64>();
    }

    if (a->type == Type::BelongsToMany) {
        QVariantList tvs;
        QHash<QString, QVariant> linked;
        if (!w.junctionTargets(*a, targets, &tvs) || !w.currentLinks(*a, sv.first(), &linked))
            return w.result<qint64>();
        QSet<QString> wanted;
        for (const QVariant &v : std::as_const(tvs))
            wanted.insert(v.toString().toLower());
        QList<QVariantList> obsolete;
        for (auto it = linked.cbegin(); it != linked.cend(); ++it) {
            if (!wanted.contains(it.key()))
                obsolete << QVariantList {it.value()};
        }
        if (!obsolete.isEmpty()) {
            const ResolvedTable &j = w.through(*a);
            SqlBuilder del;
            del << QLatin1String("DELETE FROM ") << w.sql.quote(j.name) << QLatin1String(" WHERE ")
                << w.sql.qualified(j, a->foreignKeyColumn) << QLatin1String(" = ");
            del.bind(sv.first());
            del << QLatin1String(" AND ");
            w.appendKeysMatch(del, j, a->otherKeyColumn, obsolete);
            if (!w.run(del, &written))
                return w.result<qint64>();
        }
        if (!w.link(*a, sv.first(), tvs, linked, through, &written)
            || !transaction.commit(&w.failure))
            return w.result<qint64>();
        return w.result(written);
    }

    // hasOne / hasMany: unlink the rows linked now and not given, then link the given ones.
    QList<QVariantList> keys;
    if (!w.keysOf(t, targets, &keys) || !w.requireRows(t, keys))
        return w.result<qint64>();
    const auto linkedNotGiven = [&](SqlBuilder &b) {
        b << w.sql.qualified(t, a->foreignKeyColumn) << QLatin1String(" = ");
        b.bind(sv.first());
        b << QLatin1String(" AND NOT (");
        w.appendKeysMatch(b, t, QString(), keys);
        b << QLatin1String(")");
        w.appendParanoid(b, t, RowQuery());
    };
    SqlBuilder others;
    others << QLatin1String("SELECT COUNT(*) FROM ") << w.sql.quote(t.name)
           << QLatin1String(" WHERE ");
    linkedNotGiven(others);
    qint64 toUnlink = 0;
    if (!w.sql.count(others, &toUnlink, &w.failure))
        return w.result<qint64>();
    if (toUnlink > 0) {
        if (!w.refuseNotNull(*a, QStringLiteral("unlink the current")))
            return w.result<qint64>();
        if (!w.updateForeignKey(t, a->foreignKeyColumn, QVariant(), linkedNotGiven, &written))
            return w.result<qint64>();
    }
    if (!keys.isEmpty()
        && !w.updateForeignKey(
            t, a->foreignKeyColumn, sv.first(),
            [&](SqlBuilder &b) {
                w.appendKeysMatch(b, t, QString(), keys);
                b << QLatin1String(" AND (") << w.sql.qualified(t, a->foreignKeyColumn)
                  << QLatin1String(" IS NULL OR ") << w.sql.qualified(t, a->foreignKeyColumn)
                  << QLatin1String(" <> ");
                b.bind(sv.first());
                b << QLatin1String(")");
            },
            &written))
        return w.result<qint64>();
    if (!transaction.commit(&w.failure))
        return w.result<qint64>();
    return w.result(written);
}

RowsResult<Row> RelatedRows::create(const AssociationId &id, const RowRef &source,
                                    const Row &values, const Row &through)
{
    RowWork w(m_schema, m_connectionName, m_dialect);
    const ResolvedAssociation *a = w.association(id, "create", false);
    if (!a)
        return w.result<Row>();
    const ResolvedTable &s = w.source(*a);
    const ResolvedTable &t = w.target(*a);
    Row row;
    if (!w.normalise(t, values, &row))
        return w.result<Row>();
    RowTransaction transaction(w.sql.database());
    if (!transaction.begin(&w.failure))
        return w.result<Row>();
    Row stored;
    if (a->type == Type::BelongsTo) {
        QVariantList key;
        QVariantList ignored;
        if (!w.keyOf(s, source, &key) || !w.rowValues(s, source, s.primaryKey, &ignored, true)
            || !w.insertRow(t, row, &stored))
            return w.result<Row>();
        qint64 written = 0;
        if (!w.updateForeignKey(
                s, a->foreignKeyColumn, stored.value(a->referencedKey),
                [&](SqlBuilder &b) { w.appendKeyMatch(b, s, key); }, &written))
            return w.result<Row>();
    } else {
        QVariantList sv;
        if (!w.rowValues(s, source, {a->referencedKey}, &sv, true))
            return w.result<Row>();
        if (a->type == Type::BelongsToMany) {
            qint64 written = 0;
            if (!w.insertRow(t, row, &stored)
                || !w.link(*a, sv.first(), {stored.value(w.junctionTargetKey(*a))}, {}, through,
                           &written))
                return w.result<Row>();
        } else {
            row.insert(a->foreignKeyColumn, sv.first()); // v4 overrides a given value
            if (!w.insertRow(t, row, &stored))
                return w.result<Row>();
        }
    }
    if (!transaction.commit(&w.failure))
        return w.result<Row>();
    return w.result(stored);
}

} // namespace Junction
