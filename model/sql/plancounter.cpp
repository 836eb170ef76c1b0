// SPDX-License-Identifier: MIT
#include "plancounter.h"

#include "connection.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

// The count queries, per PlanChange::Count (t, c: the live names, quoted):
//   Rows        SELECT COUNT(*) FROM t
//   Values      SELECT COUNT(c) FROM t
//   Nulls       SELECT COUNT(*) FROM t WHERE c IS NULL
//   Duplicates  SELECT COALESCE(SUM(n - 1), 0), COUNT(*) FROM (SELECT COUNT(*) AS n FROM t
//               WHERE c1 IS NOT NULL AND ... GROUP BY c1, ... HAVING COUNT(*) > 1) AS d
//               (rows with a NULL in the key never collide: UNIQUE allows them everywhere)
//   TooLong     SELECT COUNT(*) FROM t WHERE CHAR_LENGTH(c) > ?   (SQLite: length)
//   NotIn       SELECT COUNT(*) FROM t WHERE c IS NOT NULL AND c NOT IN (?, ...)
//               (PostgreSQL compares c::text, as c may be an enum)
//   Orphans     SELECT COUNT(*) FROM t WHERE c1 IS NOT NULL AND ... AND NOT EXISTS
//               (SELECT 1 FROM p WHERE p.k1 = t.c1 AND ...); without a parent table yet:
//               every row with all of c1... set
// Row counts are cached per table: a plan may ask for the same one several times.

namespace Junction {

namespace {

class Counter
{
public:
    Counter(const Connection &connection, const Dialect &dialect)
        : m_db(connection.database())
        , m_dialect(dialect)
    {
    }

    // -1 on failure (with m_error set).
    qint64 count(PlanChange &change);
    QString error() const { return m_error; }

private:
    QString q(const QString &name) const { return m_dialect.quote(name); }
    qint64 scalar(const QString &sql, const QVariantList &params, qint64 *second = nullptr);
    QString notNull(const QStringList &columns, const QString &prefix = {}) const
    {
        QStringList parts;
        for (const QString &c : columns)
            parts << prefix + q(c) + QStringLiteral(" IS NOT NULL");
        return parts.join(QStringLiteral(" AND "));
    }
    QString columnList(const QStringList &columns) const
    {
        QStringList parts;
        for (const QString &c : columns)
            parts << q(c);
        return parts.join(QStringLiteral(", "));
    }

    QSqlDatabase m_db;
    const Dialect &m_dialect;
    QHash<QString, qint64> m_rows;
    QString m_error;
};

qint64 Counter::scalar(const QString &sql, const QVariantList &params, qint64 *second)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
        m_error = query.lastError().text() + QStringLiteral("\nin: ") + sql;
        return -1;
    }
    for (int i = 0; i < params.size(); ++i)
        query.bindValue(i, params.at(i));
    if (!query.exec() || !query.next()) {
        m_error = query.lastError().text() + QStringLiteral("\nin: ") + sql;
        return -1;
    }
    if (second)
        *second = query.value(1).toLongLong();
    return query.value(0).toLongLong();
}

qint64 Counter::count(PlanChange &change)
{
    using C = PlanChange::Count;
    const QString t = q(change.liveTable);
    const QString c = change.liveColumns.isEmpty() ? QString() : q(change.liveColumns.first());
    const bool pg = m_dialect.kind() == Dialect::Kind::Postgres;
    const QString length = m_dialect.kind() == Dialect::Kind::Sqlite
        ? QStringLiteral("length")
        : QStringLiteral("CHAR_LENGTH");
    switch (change.countKind) {
    case C::None:
        return -1;
    case C::Rows: {
        const auto cached = m_rows.constFind(change.liveTable);
        if (cached != m_rows.constEnd())
            return *cached;
        const qint64 n = scalar(QStringLiteral("SELECT COUNT(*) FROM ") + t, {});
        if (n >= 0)
            m_rows.insert(change.liveTable, n);
        return n;
    }
    case C::Values:
        return scalar(QStringLiteral("SELECT COUNT(") + c + QStringLiteral(") FROM ") + t, {});
    case C::Nulls:
        return scalar(QStringLiteral("SELECT COUNT(*) FROM ") + t + QStringLiteral(" WHERE ") + c
                          + QStringLiteral(" IS NULL"),
                      {});
    case C::Duplicates: {
        qint64 groups = 0;
        const qint64 n
            = scalar(QStringLiteral("SELECT COALESCE(SUM(junction_n - 1), 0), COUNT(*) FROM "
                                    "(SELECT COUNT(*) AS junction_n FROM ")
                         + t + QStringLiteral(" WHERE ") + notNull(change.liveColumns)
                         + QStringLiteral(" GROUP BY ") + columnList(change.liveColumns)
                         + QStringLiteral(" HAVING COUNT(*) > 1) AS junction_d"),
                     {}, &groups);
        change.groups = n >= 0 ? groups : -1;
        return n;
    }
    case C::TooLong:
        return scalar(QStringLiteral("SELECT COUNT(*) FROM ") + t + QStringLiteral(" WHERE ")
                          + length + QLatin1Char('(') + c + QStringLiteral(") > ?"),
                      change.countParameters);
    case C::NotIn: {
        QStringList marks;
        for (int i = 0; i < change.countParameters.size(); ++i)
            marks << QStringLiteral("?");
        QString sql = QStringLiteral("SELECT COUNT(*) FROM ") + t + QStringLiteral(" WHERE ") + c
            + QStringLiteral(" IS NOT NULL");
        if (!marks.isEmpty())
            sql += QStringLiteral(" AND ") + c + (pg ? QStringLiteral("::text") : QString())
                + QStringLiteral(" NOT IN (") + marks.join(QStringLiteral(", ")) + QLatin1Char(')');
        return scalar(sql, change.countParameters);
    }
    case C::Orphans: {
        QString sql = QStringLiteral("SELECT COUNT(*) FROM ") + t
            + QStringLiteral(" AS junction_c WHERE ")
            + notNull(change.liveColumns, QStringLiteral("junction_c."));
        if (!change.referencedLiveTable.isEmpty()
            && change.referencedLiveColumns.size() == change.liveColumns.size()) {
            QStringList match;
            for (int i = 0; i < change.liveColumns.size(); ++i)
                match << QStringLiteral("junction_p.") + q(change.referencedLiveColumns.at(i))
                        + QStringLiteral(" = junction_c.") + q(change.liveColumns.at(i));
            sql += QStringLiteral(" AND NOT EXISTS (SELECT 1 FROM ") + q(change.referencedLiveTable)
                + QStringLiteral(" AS junction_p WHERE ") + match.join(QStringLiteral(" AND "))
                + QLatin1Char(')');
        }
        return scalar(sql, {});
    }
    }
    return -1;
}

} // namespace

bool PlanCounter::count(SyncPlan &plan, const Connection &connection, QString *error)
{
    Counter counter(connection, Dialect::get(plan.dialect));
    bool ok = true;
    for (PlanChange &change : plan.changes) {
        if (change.countKind == PlanChange::Count::None || change.liveTable.isEmpty())
            continue;
        change.count = counter.count(change);
        if (change.count < 0 && ok) {
            ok = false;
            if (error)
                *error = counter.error();
        }
    }
    plan.classify();
    return ok;
}

} // namespace Junction
