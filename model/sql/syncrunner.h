// SPDX-License-Identifier: MIT
#pragma once

#include "syncplan.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace Junction {

class Connection;

struct SyncRunOptions
{
    bool allowDataLoss = false; // without it a plan with destructive changes is refused
    // PostgreSQL: relation locks one transaction may take; 0 = half the server's lock table
    // (max_locks_per_transaction * (max_connections + max_prepared_transactions)).
    int postgresLockBudget = 0;
    // Test hook: run a statement that fails after this many statements of the plan.
    int failAfterStatements = -1;
    // Checked before each statement of the plan: once set, the run stops as if that
    // statement had failed (rolled back where the engine allows). The designer sets it on
    // cancel, and interrupts the running statement too (DatabaseThread::cancel()).
    const std::atomic_bool *cancelled = nullptr;
    // Called on the running thread after each statement of the plan: (sent, total).
    std::function<void(int, int)> progress;
};

struct SyncResult
{
    bool ok = false;
    bool refused = false; // destructive without allowDataLoss, or blocked: nothing ran
    QStringList executed; // the statements that ran, in order (rolled back or not)
    QString failedStatement; // empty when none failed
    QString error; // the database's error text, or why the plan was refused
    bool databaseUnchanged = true;
    bool cancelled = false; // stopped by SyncRunOptions::cancelled
    int batches = 0; // transactions (PostgreSQL may need several)
    int committedBatches = 0;
    QStringList foreignKeyViolations; // SQLite: what foreign_key_check found
};

// Applies a plan, as atomically as the engine allows (rules at the top of syncrunner.cpp).
// Never shows anything and never throws: everything is in the SyncResult.
class SyncRunner
{
public:
    static SyncResult run(const Connection &connection, const SyncPlan &plan,
                          const SyncRunOptions &options = {});

    // The transactions the plan would run in: change indexes per batch. One batch except
    // on PostgreSQL when the plan would not fit the server's lock table.
    static QList<QList<int>> batches(const Connection &connection, const SyncPlan &plan,
                                     const SyncRunOptions &options, QString *error = nullptr);
    // The plan as the runner would send it, transactions and pragmas included (--dry-run).
    static QString script(const SyncPlan &plan, const QList<QList<int>> &batches);

    static QString injectedFailure(); // the statement failAfterStatements runs
};

} // namespace Junction
