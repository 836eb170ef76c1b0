// SPDX-License-Identifier: MIT
#include "rowwork.h"

#include "inflection.h"

#include <QCoreApplication>
#include <QSet>
#include <QUuid>

namespace Junction {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Junction::RelatedRows", text);
}

} // namespace

QString RowWork::keyText(const QVariantList &key)
{
    QStringList parts;
    for (const QVariant &v : key)
        parts << (v.isNull() ? QStringLiteral("NULL") : RowSql::plain(v).toString());
    return parts.size() == 1
        ? parts.first()
        : QLatin1Char('(') + parts.join(QLatin1String(", ")) + QLatin1Char(')');
}

const ResolvedColumn *RowWork::timestamp(const ResolvedTable &t, const char *camel)
{
    const QString name = QLatin1String(camel);
    const QString underscored = Inflection::underscore(name);
    for (const ResolvedColumn &c : t.columns) {
        if (c.origin == ResolvedColumn::Origin::Timestamp
            && (c.attribute == name || c.attribute == underscored))
            return &c;
    }
    return nullptr;
}

const ResolvedTable *RowWork::table(const QString &nameOrModel)
{
    const ResolvedSchema &s = m_schema;
    if (const ResolvedTable *t = s.tableForEntity(nameOrModel))
        return t;
    if (const ResolvedTable *t = s.table(nameOrModel))
        return t;
    fail(tr("The project has no model or table \"%1\".").arg(nameOrModel));
    return nullptr;
}

const ResolvedAssociation *RowWork::association(const AssociationId &id, const char *accessor,
                                                bool pluralOnly)
{
    const ResolvedAssociation *a = m_schema.association(id);
    if (!a) {
        fail(tr("The project has no association \"%1\".").arg(id.toString()));
        return nullptr;
    }
    if (!a->valid) {
        fail(tr("Association %1 did not resolve; fix the project's errors first.")
                 .arg(id.toString()));
        return nullptr;
    }
    if (pluralOnly && !isPlural(a->type)) {
        fail(tr("%1.%2 is a %3 association: it has no %4 accessor (it has %5).")
                 .arg(a->source, a->as, associationTypeName(a->type), QLatin1String(accessor),
                      a->accessors().join(QLatin1String(", "))));
        return nullptr;
    }
    if (!m_schema.table(a->sourceTable) || !m_schema.table(a->targetTable)
        || (a->type == AssociationType::BelongsToMany && !m_schema.table(a->throughTable))) {
        fail(tr("Association %1 has no tables.").arg(id.toString()));
        return nullptr;
    }
    return a;
}

void RowWork::appendLinked(SqlBuilder &s, const ResolvedAssociation &a, const QVariant &sv)
{
    const ResolvedTable &t = target(a);
    s << QLatin1String(" FROM ") << sql.quote(t.name);
    if (a.type == AssociationType::BelongsToMany) {
        const ResolvedTable &j = through(a);
        s << QLatin1String(" INNER JOIN ") << sql.quote(j.name) << QLatin1String(" ON ")
          << sql.qualified(j, a.otherKeyColumn) << QLatin1String(" = ")
          << sql.qualified(t, junctionTargetKey(a)) << QLatin1String(" WHERE ")
          << sql.qualified(j, a.foreignKeyColumn);
    } else {
        s << QLatin1String(" WHERE ")
          << sql.qualified(
                 t, a.type == AssociationType::BelongsTo ? a.referencedKey : a.foreignKeyColumn);
    }
    s << QLatin1String(" = ");
    s.bind(sv);
}

QString RowWork::junctionTargetKey(const ResolvedAssociation &a) const
{
    for (const ResolvedForeignKey &fk : through(a).foreignKeys) {
        if (fk.columns == QStringList {a.otherKeyColumn} && !fk.referencedColumns.isEmpty())
            return fk.referencedColumns.first();
    }
    return target(a).primaryKey.value(0);
}

const ResolvedColumn *RowWork::column(const ResolvedTable &t, const QString &name)
{
    if (const ResolvedColumn *c = t.column(name))
        return c;
    for (const ResolvedColumn &c : t.columns) {
        if (c.attribute == name)
            return &c;
    }
    QStringList names;
    for (const ResolvedColumn &c : t.columns)
        names << c.name;
    fail(tr("%1 has no column \"%2\" (it has %3).")
             .arg(t.name, name, names.join(QLatin1String(", "))));
    return nullptr;
}

bool RowWork::normalise(const ResolvedTable &t, const Row &in, Row *out)
{
    out->clear();
    for (auto it = in.cbegin(); it != in.cend(); ++it) {
        const ResolvedColumn *c = column(t, it.key());
        if (!c)
            return false;
        out->insert(c->name, it.value());
    }
    return true;
}

bool RowWork::keyOf(const ResolvedTable &t, const RowRef &ref, QVariantList *key)
{
    key->clear();
    if (t.primaryKey.isEmpty())
        return fail(tr("%1 has no primary key, so its rows cannot be named.").arg(t.name));
    if (!ref.isMap()) {
        if (t.primaryKey.size() != 1)
            return fail(tr("%1 has a composite primary key (%2): name a row by a map of "
                           "those columns.")
                            .arg(t.name, t.primaryKey.join(QLatin1String(", "))));
        if (ref.key().isNull())
            return fail(tr("A null key names no row of %1.").arg(t.name));
        *key << ref.key();
        return true;
    }
    const Row map = ref.map();
    for (const QString &c : t.primaryKey) {
        if (!map.contains(c) || map.value(c).isNull())
            return fail(
                tr("The row of %1 given has no value for its primary key %2.").arg(t.name, c));
        *key << map.value(c);
    }
    return true;
}

void RowWork::appendKeyMatch(SqlBuilder &s, const ResolvedTable &t, const QVariantList &key)
{
    for (int i = 0; i < t.primaryKey.size(); ++i) {
        s << (i ? QLatin1String(" AND ") : QLatin1String()) << sql.qualified(t, t.primaryKey.at(i))
          << QLatin1String(" = ");
        s.bind(key.value(i));
    }
}

void RowWork::appendKeysMatch(SqlBuilder &s, const ResolvedTable &t, const QString &column,
                              const QList<QVariantList> &keys)
{
    if (keys.isEmpty()) {
        s << QLatin1String("1 = 0");
        return;
    }
    if (!column.isEmpty() || t.primaryKey.size() == 1) {
        s << sql.qualified(t, column.isEmpty() ? t.primaryKey.first() : column)
          << QLatin1String(" IN (");
        for (int i = 0; i < keys.size(); ++i) {
            s << (i ? QLatin1String(", ") : QLatin1String());
            s.bind(keys.at(i).value(0));
        }
        s << QLatin1String(")");
        return;
    }
    s << QLatin1String("(");
    for (int i = 0; i < keys.size(); ++i) {
        s << (i ? QLatin1String(" OR (") : QLatin1String("("));
        appendKeyMatch(s, t, keys.at(i));
        s << QLatin1String(")");
    }
    s << QLatin1String(")");
}

bool RowWork::rowValues(const ResolvedTable &t, const RowRef &ref, const QStringList &columns,
                        QVariantList *out, bool verify)
{
    out->clear();
    if (ref.isMap()) {
        const Row map = ref.map();
        bool all = true;
        for (const QString &c : columns)
            all = all && map.contains(c);
        if (all) {
            for (const QString &c : columns)
                *out << map.value(c);
            return true;
        }
    } else if (!verify && t.primaryKey.size() == 1 && columns == t.primaryKey
               && !ref.key().isNull()) {
        *out << ref.key();
        return true;
    }
    QVariantList key;
    if (!keyOf(t, ref, &key))
        return false;
    SqlBuilder s;
    s << QLatin1String("SELECT ");
    for (int i = 0; i < columns.size(); ++i)
        s << (i ? QLatin1String(", ") : QLatin1String()) << sql.qualified(t, columns.at(i));
    s << QLatin1String(" FROM ") << sql.quote(t.name) << QLatin1String(" WHERE ");
    appendKeyMatch(s, t, key);
    QSqlQuery q(sql.database());
    if (!sql.exec(q, s, &failure))
        return false;
    if (!q.next())
        return fail(tr("%1 %2 does not exist.").arg(modelName(t), keyText(key)));
    for (int i = 0; i < columns.size(); ++i)
        *out << sql.fromDatabase(q.value(i));
    return true;
}

bool RowWork::keysOf(const ResolvedTable &t, const QList<RowRef> &refs, QList<QVariantList> *keys)
{
    keys->clear();
    QSet<QString> seen;
    for (const RowRef &ref : refs) {
        QVariantList key;
        if (!keyOf(t, ref, &key))
            return false;
        const QString text = keyText(key);
        if (!seen.contains(text)) {
            seen.insert(text);
            *keys << key;
        }
    }
    return true;
}

bool RowWork::requireRows(const ResolvedTable &t, const QList<QVariantList> &keys)
{
    if (keys.isEmpty())
        return true;
    SqlBuilder s;
    s << QLatin1String("SELECT ");
    for (int i = 0; i < t.primaryKey.size(); ++i)
        s << (i ? QLatin1String(", ") : QLatin1String()) << sql.qualified(t, t.primaryKey.at(i));
    s << QLatin1String(" FROM ") << sql.quote(t.name) << QLatin1String(" WHERE ");
    appendKeysMatch(s, t, QString(), keys);
    QSqlQuery q(sql.database());
    if (!sql.exec(q, s, &failure))
        return false;
    QSet<QString> found;
    while (q.next()) {
        QVariantList key;
        for (int i = 0; i < t.primaryKey.size(); ++i)
            key << sql.fromDatabase(q.value(i));
        found.insert(keyText(key));
    }
    for (const QVariantList &key : keys) {
        // Text comparison: the database may hand back another spelling of the same
        // value (1 vs "1", UUID letter case).
        if (!found.contains(keyText(key)) && !found.contains(keyText(key).toLower()))
            return fail(tr("%1 %2 does not exist.").arg(modelName(t), keyText(key)));
    }
    return true;
}

void RowWork::appendParanoid(SqlBuilder &s, const ResolvedTable &t, const RowQuery &query)
{
    if (query.includeDeleted)
        return;
    if (const ResolvedColumn *deleted = timestamp(t, "deletedAt"))
        s << QLatin1String(" AND ") << sql.qualified(t, deleted->name) << QLatin1String(" IS NULL");
}

bool RowWork::appendConditions(SqlBuilder &s, const ResolvedTable &t, const RowQuery &query)
{
    for (const Condition &c : query.where) {
        const ResolvedColumn *col = column(t, c.column);
        if (!col)
            return false;
        using Op = Condition::Op;
        if (c.op == Op::In && c.value.toList().isEmpty()) {
            s << QLatin1String(" AND 1 = 0"); // IN () is not SQL; it matches nothing
            continue;
        }
        s << QLatin1String(" AND ") << sql.qualified(t, col->name);
        if (c.op == Op::In) {
            const QVariantList values = c.value.toList();
            s << QLatin1String(" IN (");
            for (int i = 0; i < values.size(); ++i) {
                s << (i ? QLatin1String(", ") : QLatin1String());
                s.bind(values.at(i));
            }
            s << QLatin1String(")");
            continue;
        }
        if (c.value.isNull() && (c.op == Op::Equal || c.op == Op::NotEqual)) {
            s << (c.op == Op::Equal ? QLatin1String(" IS NULL") : QLatin1String(" IS NOT NULL"));
            continue;
        }
        static const char *const ops[] = {" = ", " <> ", " < ", " <= ", " > ", " >= ", " LIKE "};
        s << QLatin1String(ops[int(c.op)]);
        s.bind(c.value);
    }
    appendParanoid(s, t, query);
    return true;
}

bool RowWork::appendOrderAndLimit(SqlBuilder &s, const ResolvedTable &t, const RowQuery &query,
                                  int limit)
{
    QStringList order;
    for (const OrderBy &o : query.orderBy) {
        const ResolvedColumn *col = column(t, o.column);
        if (!col)
            return false;
        order << sql.qualified(t, col->name)
                + (o.descending ? QLatin1String(" DESC") : QLatin1String(" ASC"));
    }
    if (order.isEmpty()) {
        for (const QString &pk : t.primaryKey)
            order << sql.qualified(t, pk) + QLatin1String(" ASC");
    }
    if (!order.isEmpty())
        s << QLatin1String(" ORDER BY ") << order.join(QLatin1String(", "));
    const int offset = qMax(0, query.offset);
    if (limit >= 0) {
        s << QLatin1String(" LIMIT ");
        s.bind(limit);
    } else if (offset > 0) {
        // An OFFSET needs a LIMIT in SQLite and MySQL: the largest each accepts.
        if (sql.dialect().kind() == Dialect::Kind::Sqlite)
            s << QLatin1String(" LIMIT -1");
        else if (sql.dialect().kind() == Dialect::Kind::MySql)
            s << QLatin1String(" LIMIT 18446744073709551615");
    }
    if (offset > 0) {
        s << QLatin1String(" OFFSET ");
        s.bind(offset);
    }
    return true;
}

void RowWork::appendTouch(SqlBuilder &s, const ResolvedTable &t)
{
    if (const ResolvedColumn *updated = timestamp(t, "updatedAt")) {
        s << QLatin1String(", ") << sql.quote(updated->name) << QLatin1String(" = ");
        s.bind(sql.now());
    }
}

Row RowWork::withInsertDefaults(const ResolvedTable &t, Row values)
{
    const QVariant now = sql.now();
    for (const char *name : {"createdAt", "updatedAt"}) {
        if (const ResolvedColumn *c = timestamp(t, name); c && values.value(c->name).isNull())
            values.insert(c->name, now);
    }
    for (const ResolvedColumn &c : t.columns) {
        if (values.contains(c.name) || c.defaultValue.kind != DefaultValue::Kind::Function)
            continue;
        if (c.defaultValue.text.compare(QLatin1String("UUIDV4"), Qt::CaseInsensitive) == 0
            || c.defaultValue.text.compare(QLatin1String("UUIDV1"), Qt::CaseInsensitive) == 0)
            values.insert(c.name, QUuid::createUuid().toString(QUuid::WithoutBraces));
        else if (c.defaultValue.text.compare(QLatin1String("NOW"), Qt::CaseInsensitive) == 0)
            values.insert(c.name, now);
    }
    return values;
}

bool RowWork::insertRow(const ResolvedTable &t, const Row &values, Row *stored)
{
    QVariantList key;
    if (!sql.insert(t, withInsertDefaults(t, values), &key, &failure))
        return false;
    if (key.size() != t.primaryKey.size() || t.primaryKey.isEmpty()) {
        *stored = values;
        return true;
    }
    SqlBuilder s;
    s << QLatin1String("SELECT ") << sql.selectList(t) << QLatin1String(" FROM ")
      << sql.quote(t.name) << QLatin1String(" WHERE ");
    appendKeyMatch(s, t, key);
    QSqlQuery q(sql.database());
    if (!sql.exec(q, s, &failure))
        return false;
    if (!q.next())
        return fail(tr("The new row of %1 cannot be read back.").arg(t.name));
    *stored = sql.readRow(q, columnNames(t));
    return true;
}

QStringList RowWork::columnNames(const ResolvedTable &t)
{
    QStringList names;
    for (const ResolvedColumn &c : t.columns)
        names << c.name;
    return names;
}

bool RowWork::run(const SqlBuilder &s, qint64 *written)
{
    QSqlQuery q(sql.database());
    if (!sql.exec(q, s, &failure))
        return false;
    if (written)
        *written += qMax(0, q.numRowsAffected());
    return true;
}

bool RowWork::refuseNotNull(const ResolvedAssociation &a, const QString &verb)
{
    const ResolvedColumn *fk = target(a).column(a.foreignKeyColumn);
    if (!fk || fk->allowNull)
        return true;
    return fail(tr("Cannot %1 %2 of %3.%4: %5.%6 is NOT NULL, so a %2 row cannot exist "
                   "without its %3. Delete the row or link it to another %3 instead.")
                    .arg(verb, modelName(target(a)), a.source, a.as, a.foreignKeyTable,
                         a.foreignKeyColumn));
}

bool RowWork::junctionTargets(const ResolvedAssociation &a, const QList<RowRef> &refs,
                              QVariantList *values, bool mustExist)
{
    const ResolvedTable &t = target(a);
    const QString tk = junctionTargetKey(a);
    QList<QVariantList> keys;
    if (!keysOf(t, refs, &keys) || (mustExist && !requireRows(t, keys)))
        return false;
    values->clear();
    for (const QVariantList &key : std::as_const(keys)) {
        QVariantList v;
        if (!rowValues(t, key.size() == 1 ? RowRef(key.first()) : RowRef(zip(t, key)), {tk}, &v,
                       false))
            return false;
        *values << v.first();
    }
    return true;
}

Row RowWork::zip(const ResolvedTable &t, const QVariantList &key)
{
    Row row;
    for (int i = 0; i < t.primaryKey.size(); ++i)
        row.insert(t.primaryKey.at(i), key.value(i));
    return row;
}

bool RowWork::currentLinks(const ResolvedAssociation &a, const QVariant &sv,
                           QHash<QString, QVariant> *links)
{
    const ResolvedTable &j = through(a);
    SqlBuilder s;
    s << QLatin1String("SELECT ") << sql.qualified(j, a.otherKeyColumn) << QLatin1String(" FROM ")
      << sql.quote(j.name) << QLatin1String(" WHERE ") << sql.qualified(j, a.foreignKeyColumn)
      << QLatin1String(" = ");
    s.bind(sv);
    QSqlQuery q(sql.database());
    if (!sql.exec(q, s, &failure))
        return false;
    while (q.next()) {
        const QVariant v = sql.fromDatabase(q.value(0));
        links->insert(v.toString().toLower(), v);
    }
    return true;
}

bool RowWork::link(const ResolvedAssociation &a, const QVariant &sv, const QVariantList &targets,
                   const QHash<QString, QVariant> &linked, const Row &throughValues,
                   qint64 *written)
{
    const ResolvedTable &j = through(a);
    Row extra;
    if (!normalise(j, throughValues, &extra))
        return false;
    extra.remove(a.foreignKeyColumn);
    extra.remove(a.otherKeyColumn);
    for (const QVariant &tv : targets) {
        if (linked.contains(tv.toString().toLower())) {
            if (extra.isEmpty())
                continue;
            SqlBuilder s;
            s << QLatin1String("UPDATE ") << sql.quote(j.name) << QLatin1String(" SET ");
            bool first = true;
            for (auto it = extra.cbegin(); it != extra.cend(); ++it) {
                s << (first ? QLatin1String() : QLatin1String(", ")) << sql.quote(it.key())
                  << QLatin1String(" = ");
                s.bind(it.value());
                first = false;
            }
            appendTouch(s, j);
            s << QLatin1String(" WHERE ") << sql.qualified(j, a.foreignKeyColumn)
              << QLatin1String(" = ");
            s.bind(sv);
            s << QLatin1String(" AND ") << sql.qualified(j, a.otherKeyColumn)
              << QLatin1String(" = ");
            s.bind(tv);
            if (!run(s, written))
                return false;
            continue;
        }
        Row values = extra;
        values.insert(a.foreignKeyColumn, sv);
        values.insert(a.otherKeyColumn, tv);
        QVariantList key;
        if (!sql.insert(j, withInsertDefaults(j, values), &key, &failure))
            return false;
        ++*written;
    }
    return true;
}

} // namespace Junction
