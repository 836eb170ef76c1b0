// SPDX-License-Identifier: MIT
#pragma once

// The 1,000,000-row fixture shared by bench_rows and bench_browser: Owner.hasMany(Item)
// tables made from the benchmark's project, filled inside the database, and the median/p95
// of a list of timings.
#include "ddlgenerator.h"
#include "scratchdatabase.h"

#include <QDateTime>
#include <QSqlQuery>

#include <algorithm>

namespace Junction::Bench {

using TestDatabase::Engine;
using TestDatabase::exec;

struct Timing
{
    double median = 0;
    double p95 = 0;
};

inline Timing timing(QList<double> ms)
{
    std::sort(ms.begin(), ms.end());
    return {ms.at(ms.size() / 2), ms.at(qMin(ms.size() - 1, ms.size() * 95 / 100))};
}

inline bool runBound(const Connection &c, const QString &sql, const QVariantList &values,
                     QString *error)
{
    using namespace Qt::StringLiterals;
    QSqlQuery q(c.database());
    if (!q.prepare(sql)) {
        *error = q.lastError().text();
        return false;
    }
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec()) {
        *error = q.lastError().text() + u"\nin: "_s + sql;
        return false;
    }
    return true;
}

// Tables, then the rows generated in the database, then the indexes (faster than
// maintaining the index during the insert).
inline bool fillOwnersAndItems(Engine engine, const Connection &c, const ResolvedSchema &schema,
                               int ownerCount, int itemCount, QString *error)
{
    using namespace Qt::StringLiterals;
    const Dialect &d = Dialect::get(engine == Engine::Postgres ? Dialect::Kind::Postgres
                                                               : Dialect::Kind::Sqlite);
    QStringList indexes;
    for (const QString &statement : DdlGenerator(d).schema(schema)) {
        if (statement.startsWith(u"CREATE INDEX"_s)
            || statement.startsWith(u"CREATE UNIQUE INDEX"_s))
            indexes << statement;
        else if (!exec(c, statement, error))
            return false;
    }
    const QString owners = d.quote(u"Owners"_s);
    const QString items = d.quote(u"Items"_s);
    const auto cols = [&](std::initializer_list<QString> names) {
        QStringList quoted;
        for (const QString &n : names)
            quoted << d.quote(n);
        return quoted.join(u", "_s);
    };
    QVariant now = QDateTime::currentDateTimeUtc();
    if (engine == Engine::Sqlite)
        now = now.toDateTime().toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s) + u" +00:00"_s;
    if (!c.database().transaction()) {
        *error = c.database().lastError().text();
        return false;
    }
    bool ok = false;
    if (engine == Engine::Sqlite) {
        const QString series = u"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                               "WHERE i < ?) "_s;
        ok = runBound(c,
                      series
                          + u"INSERT INTO %1 (%2) SELECT 'owner ' || i, ?, ? FROM n"_s.arg(
                              owners, cols({u"name"_s, u"createdAt"_s, u"updatedAt"_s})),
                      {ownerCount, now, now}, error)
            && runBound(
                 c,
                 series
                     + u"INSERT INTO %1 (%2) SELECT 'item ' || i, i, ?, ?, (i % ?) + 1 FROM n"_s
                           .arg(items,
                                cols({u"label"_s, u"value"_s, u"createdAt"_s, u"updatedAt"_s,
                                      u"OwnerId"_s})),
                 {itemCount, now, now, ownerCount}, error);
    } else {
        ok = runBound(
                 c,
                 u"INSERT INTO %1 (%2) SELECT 'owner ' || i, ?, ? FROM generate_series(1, ?) AS i"_s
                     .arg(owners, cols({u"name"_s, u"createdAt"_s, u"updatedAt"_s})),
                 {now, now, ownerCount}, error)
            && runBound(
                 c,
                 u"INSERT INTO %1 (%2) SELECT 'item ' || i, i, ?, ?, (i % ?) + 1 "
                 "FROM generate_series(1, ?) AS i"_s.arg(
                     items,
                     cols({u"label"_s, u"value"_s, u"createdAt"_s, u"updatedAt"_s, u"OwnerId"_s})),
                 {now, now, ownerCount, itemCount}, error);
    }
    if (!ok || !c.database().commit()) {
        c.database().rollback();
        if (error->isEmpty())
            *error = c.database().lastError().text();
        return false;
    }
    for (const QString &statement : std::as_const(indexes)) {
        if (!exec(c, statement, error))
            return false;
    }
    return exec(c,
                engine == Engine::Sqlite ? u"ANALYZE"_s : u"ANALYZE "_s + items + u", "_s + owners,
                error);
}

} // namespace Junction::Bench
