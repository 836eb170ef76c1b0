// SPDX-License-Identifier: MIT
#include "syncrunner.h"

#include "connection.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

// How a plan is applied
// =====================
//
// Before anything runs: a plan with a blocked change is refused, and so is a plan with a
// destructive change unless allowDataLoss. Refused means not one statement was sent.
//
// SQLite: one transaction, in SQLite's own procedure for schema changes ALTER TABLE cannot
//   make (https://www.sqlite.org/lang_altertable.html, "making other kinds of table schema
//   changes"):
//     PRAGMA foreign_keys = OFF        outside the transaction (it is a no-op inside one)
//     BEGIN
//     the plan's statements            rebuilds: CREATE new, INSERT ... SELECT, DROP old,
//                                      RENAME new, CREATE INDEX
//     PRAGMA foreign_key_check         must return no row, else ROLLBACK
//     COMMIT
//     PRAGMA foreign_keys = ON         always, whatever happened
//   A failure anywhere rolls everything back: the database is exactly as before.
//
// PostgreSQL: DDL is transactional, so the plan is one transaction, unless it would take
//   more relation locks than the lock table holds (every table, index, sequence and TOAST
//   table a transaction creates, alters or drops stays locked until it ends; past
//   max_locks_per_transaction * (max_connections + max_prepared_transactions) the server
//   fails with "out of shared memory"). The lock count is estimated per change
//   (PlanChange::locks, an upper bound) and checked before starting; a plan that does not
//   fit half of the lock table (the other half is left to other sessions) is split into
//   batches of whole changes, each its own transaction. A failure rolls back its batch;
//   the batches before it stay committed and a new sync continues from there, because
//   the plan's order leaves a state the diff understands after any change.
//
// MySQL/MariaDB: every DDL statement commits on its own, so statements run one by one and
//   the result lists exactly which ran and which failed. The plan's order makes a re-run
//   of sync after fixing the cause resume where it stopped (see schemadiff.cpp).

namespace Junction {

namespace {

struct Runner
{
    QSqlDatabase db;
    const SyncRunOptions &options;
    SyncResult &result;
    int sent = 0;
    int total = 0; // statements of the plan, for progress

    bool exec(const QString &sql)
    {
        if (options.failAfterStatements >= 0 && sent == options.failAfterStatements) {
            ++sent;
            if (!execOne(SyncRunner::injectedFailure()))
                return false;
        }
        if (options.cancelled && options.cancelled->load()) {
            result.cancelled = true;
            result.failedStatement = sql;
            result.error = QStringLiteral("Cancelled before this statement ran.");
            return false;
        }
        ++sent;
        const bool ok = execOne(sql);
        if (options.progress)
            options.progress(sent, total);
        return ok;
    }

    bool execOne(const QString &sql)
    {
        QSqlQuery query(db);
        if (query.exec(sql)) {
            result.executed << sql;
            return true;
        }
        result.failedStatement = sql;
        result.error = query.lastError().text();
        return false;
    }

    // Statements that are no part of the plan (transactions, pragmas).
    bool control(const QString &sql)
    {
        QSqlQuery query(db);
        if (query.exec(sql))
            return true;
        result.failedStatement = sql;
        result.error = query.lastError().text();
        return false;
    }

    bool runChange(const PlanChange &change, bool allowDataLoss)
    {
        const QStringList statements = allowDataLoss ? change.sql() : change.statements;
        for (const QString &sql : statements) {
            if (!exec(sql))
                return false;
        }
        return true;
    }
};

void runSqlite(Runner &r, const SyncPlan &plan)
{
    SyncResult &result = r.result;
    result.batches = 1;
    if (!r.control(QStringLiteral("PRAGMA foreign_keys = OFF")))
        return;
    bool ok = r.control(QStringLiteral("BEGIN"));
    if (ok) {
        for (const PlanChange &change : plan.changes) {
            if (!(ok = r.runChange(change, r.options.allowDataLoss)))
                break;
        }
        if (ok) {
            QSqlQuery check(r.db);
            if (!check.exec(QStringLiteral("PRAGMA foreign_key_check"))) {
                ok = false;
                result.failedStatement = QStringLiteral("PRAGMA foreign_key_check");
                result.error = check.lastError().text();
            } else {
                while (check.next())
                    result.foreignKeyViolations
                        << QStringLiteral("%1 row %2 references a missing row of %3")
                               .arg(check.value(0).toString(), check.value(1).toString(),
                                    check.value(2).toString());
                if (!result.foreignKeyViolations.isEmpty()) {
                    ok = false;
                    result.failedStatement = QStringLiteral("PRAGMA foreign_key_check");
                    result.error = QStringLiteral("%1 foreign key violation(s): %2")
                                       .arg(result.foreignKeyViolations.size())
                                       .arg(result.foreignKeyViolations.mid(0, 5).join(
                                           QStringLiteral("; ")));
                }
            }
        }
        if (ok)
            ok = r.control(QStringLiteral("COMMIT"));
        if (!ok) {
            QSqlQuery(r.db).exec(QStringLiteral("ROLLBACK"));
        } else {
            result.committedBatches = 1;
            result.databaseUnchanged = result.executed.isEmpty();
        }
    }
    // Always back on: every Junction connection runs with foreign keys enforced.
    QSqlQuery(r.db).exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    result.ok = ok;
}

void runPostgres(Runner &r, const SyncPlan &plan, const QList<QList<int>> &batches)
{
    SyncResult &result = r.result;
    result.batches = int(batches.size());
    for (const QList<int> &batch : batches) {
        bool ok = r.control(QStringLiteral("BEGIN"));
        for (int i = 0; ok && i < batch.size(); ++i)
            ok = r.runChange(plan.changes.at(batch.at(i)), r.options.allowDataLoss);
        if (ok)
            ok = r.control(QStringLiteral("COMMIT"));
        if (!ok) {
            QSqlQuery(r.db).exec(QStringLiteral("ROLLBACK"));
            return;
        }
        ++result.committedBatches;
        result.databaseUnchanged = false;
    }
    result.ok = true;
}

void runMySql(Runner &r, const SyncPlan &plan)
{
    SyncResult &result = r.result;
    result.batches = 1;
    for (const PlanChange &change : plan.changes) {
        const bool ok = r.runChange(change, r.options.allowDataLoss);
        result.databaseUnchanged = result.executed.isEmpty();
        if (!ok)
            return;
    }
    result.committedBatches = 1;
    result.ok = true;
}

} // namespace

QString SyncRunner::injectedFailure()
{
    return QStringLiteral("SELECT junction_injected_failure FROM junction_no_such_table");
}

QList<QList<int>> SyncRunner::batches(const Connection &connection, const SyncPlan &plan,
                                      const SyncRunOptions &options, QString *error)
{
    QList<QList<int>> out;
    QList<int> all;
    for (int i = 0; i < plan.changes.size(); ++i)
        all << i;
    if (connection.engine() != ConnectionSpec::Engine::Postgres || plan.changes.isEmpty()) {
        if (!all.isEmpty())
            out << all;
        return out;
    }
    qint64 budget = options.postgresLockBudget;
    if (budget <= 0) {
        QSqlQuery query(connection.database());
        if (!query.exec(
                QStringLiteral("SELECT current_setting('max_locks_per_transaction')::bigint * "
                               "(current_setting('max_connections')::bigint + "
                               "current_setting('max_prepared_transactions')::bigint)"))
            || !query.next()) {
            if (error)
                *error = query.lastError().text();
            return {all};
        }
        budget = qMax<qint64>(64, query.value(0).toLongLong() / 2);
    }
    qint64 used = 0;
    for (int i = 0; i < plan.changes.size(); ++i) {
        const int locks = qMax(1, plan.changes.at(i).locks);
        if (out.isEmpty() || (used + locks > budget && !out.last().isEmpty())) {
            out.append(QList<int>());
            used = 0;
        }
        out.last() << i;
        used += locks;
    }
    return out;
}

QString SyncRunner::script(const SyncPlan &plan, const QList<QList<int>> &batches)
{
    QString out;
    auto line = [&out](const QString &sql) { out += sql + QStringLiteral(";\n"); };
    auto changes = [&](const QList<int> &indexes) {
        for (int i : indexes) {
            const PlanChange &change = plan.changes.at(i);
            const QStringList sql = change.sql();
            if (sql.isEmpty())
                continue;
            out += QStringLiteral("-- ") + change.description() + QLatin1Char('\n');
            for (const QString &s : sql)
                line(s);
        }
    };
    switch (plan.dialect) {
    case Dialect::Kind::Sqlite:
        line(QStringLiteral("PRAGMA foreign_keys = OFF"));
        line(QStringLiteral("BEGIN"));
        for (const QList<int> &batch : batches)
            changes(batch);
        out += QStringLiteral("-- must return no rows, else ROLLBACK\n");
        line(QStringLiteral("PRAGMA foreign_key_check"));
        line(QStringLiteral("COMMIT"));
        line(QStringLiteral("PRAGMA foreign_keys = ON"));
        break;
    case Dialect::Kind::Postgres:
        for (int b = 0; b < batches.size(); ++b) {
            if (batches.size() > 1)
                out += QStringLiteral("-- batch %1 of %2\n").arg(b + 1).arg(batches.size());
            line(QStringLiteral("BEGIN"));
            changes(batches.at(b));
            line(QStringLiteral("COMMIT"));
        }
        break;
    case Dialect::Kind::MySql:
        out += QStringLiteral("-- MySQL/MariaDB commits each statement on its own\n");
        for (const QList<int> &batch : batches)
            changes(batch);
        break;
    }
    return out;
}

SyncResult SyncRunner::run(const Connection &connection, const SyncPlan &plan,
                           const SyncRunOptions &options)
{
    SyncResult result;
    if (plan.hasBlocked()) {
        result.refused = true;
        result.error = QStringLiteral("the plan has changes sync cannot make: ")
            + plan.blockedChanges().first()->reason;
        return result;
    }
    if (plan.hasDestructive() && !options.allowDataLoss) {
        result.refused = true;
        result.error = QStringLiteral("the plan has %1 destructive change(s); nothing was applied "
                                      "(confirm with --allow-data-loss)")
                           .arg(plan.destructiveChanges().size());
        return result;
    }
    if (plan.changes.isEmpty()) {
        result.ok = true;
        return result;
    }
    QString error;
    const QList<QList<int>> batches = SyncRunner::batches(connection, plan, options, &error);
    if (!error.isEmpty()) {
        result.error = error;
        return result;
    }
    Runner runner {connection.database(), options, result};
    for (const PlanChange &change : plan.changes)
        runner.total += int(options.allowDataLoss ? change.sql().size() : change.statements.size());
    switch (connection.engine()) {
    case ConnectionSpec::Engine::Sqlite:
        runSqlite(runner, plan);
        break;
    case ConnectionSpec::Engine::Postgres:
        runPostgres(runner, plan, batches);
        break;
    case ConnectionSpec::Engine::MySql:
        runMySql(runner, plan);
        break;
    }
    return result;
}

} // namespace Junction
