// SPDX-License-Identifier: MIT
// bench_sql: sync of the generated L schema (2,000 models, 3,000 associations) into an empty
// SQLite file and an empty PostgreSQL schema, and computing an --alter plan for 50 changes to
// L once it is there (catalog read + diff + live counts). Budgets from the sync issue: SQLite
// <= 1 s, PostgreSQL <= 8 s, the plan <= 500 ms. PostgreSQL comes from JUNCTION_PG_* (as the
// tests); without it that part is skipped, or fails with JUNCTION_REQUIRE_SERVERS=1.
// The PostgreSQL schema is emptied again by a sync to a design without tables (batched:
// one DROP SCHEMA of 2,750 tables would not fit the lock table); JUNCTION_BENCH_KEEP=1
// leaves it for inspection. Exit 1 when a budget is missed or anything fails.
#include "schemagenerator.h"
#include "scratchdatabase.h"

#include "livereader.h"
#include "nativetypes.h"
#include "plancounter.h"
#include "schemadiff.h"
#include "syncedhistory.h"
#include "syncplanner.h"
#include "syncrunner.h"
#include "validator.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>

using namespace Junction;
using namespace Junction::TestDatabase;

namespace {

struct Figures
{
    double plan = 0; // read + diff + count into the empty database
    double apply = 0; // the runner
    int statements = 0;
    int batches = 0;
    double alterPlan = 0; // the 50-change plan: read + diff + count
    double alterRead = 0;
    double alterDiff = 0;
    double alterCount = 0;
    int alterChanges = 0;
    bool ok = false;
};

Figures measure(Engine engine, const Project &project, const Project &changed)
{
    Figures f;
    Scratch scratch;
    QString error;
    if (!scratch.setUp(engine, serverSpec(engine).value_or(ConnectionSpec {}), &error)) {
        std::printf("  %s: cannot set up: %s\n", qPrintable(engineName(engine)), qPrintable(error));
        return f;
    }
    const Connection &connection = scratch.ddl();
    const QString schema = engine == Engine::Postgres ? scratch.schema() : QString();
    const ResolvedSchema design = resolve(project);

    QElapsedTimer timer;
    timer.start();
    auto planned
        = SyncPlanner::plan(design, connection, {}, SyncPlan::Mode::Create, &error, schema);
    f.plan = timer.nsecsElapsed() / 1e6;
    if (!planned) {
        std::printf("  %s: plan failed: %s\n", qPrintable(engineName(engine)), qPrintable(error));
        return f;
    }
    timer.restart();
    const SyncResult result = SyncRunner::run(connection, planned->plan);
    f.apply = timer.nsecsElapsed() / 1e6;
    f.statements = int(result.executed.size());
    f.batches = result.batches;
    if (!result.ok) {
        std::printf("  %s: sync failed: %s\n  in: %s\n", qPrintable(engineName(engine)),
                    qPrintable(result.error), qPrintable(result.failedStatement.left(300)));
        return f;
    }
    const QJsonObject history
        = SyncedHistory::updatedEntry({}, planned->plan, QDateTime::currentDateTimeUtc());

    // The plan as SyncPlanner makes it, phase by phase: catalog, diff, counts.
    const ResolvedSchema changedDesign = resolve(changed);
    timer.restart();
    const LiveSchema live = LiveReader::read(connection, schema, &error);
    f.alterRead = timer.nsecsElapsed() / 1e6;
    timer.restart();
    SyncPlan alter
        = SchemaDiff::compute(changedDesign, live, Dialect::get(NativeTypes::dialectOf(engine)),
                              history, SyncPlan::Mode::Alter);
    f.alterDiff = timer.nsecsElapsed() / 1e6;
    timer.restart();
    const bool counted = PlanCounter::count(alter, connection, &error);
    f.alterCount = timer.nsecsElapsed() / 1e6;
    f.alterPlan = f.alterRead + f.alterDiff + f.alterCount;
    f.alterChanges = int(alter.changes.size());
    f.ok = counted && error.isEmpty() && !live.tables.isEmpty();
    if (!f.ok)
        std::printf("  %s: alter plan failed: %s\n", qPrintable(engineName(engine)),
                    qPrintable(error));

    // Clean up with sync itself: a design without tables drops them all, in batches that
    // fit the lock table (DROP SCHEMA ... CASCADE in one transaction would not).
    if (engine == Engine::Postgres && !qEnvironmentVariableIsSet("JUNCTION_BENCH_KEEP")) {
        SyncPlan drop
            = SchemaDiff::compute(ResolvedSchema {}, live, Dialect::get(Dialect::Kind::Postgres),
                                  {}, SyncPlan::Mode::Alter);
        drop.classify();
        SyncRunOptions options;
        options.allowDataLoss = true;
        const SyncResult dropped = SyncRunner::run(connection, drop, options);
        if (!dropped.ok) {
            std::printf("  cleanup failed: %s\n", qPrintable(dropped.error));
            f.ok = false;
        }
    }
    return f;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const Bench::SchemaSize size = Bench::sizeL;
    const Project project = Bench::generateProject(size.models, size.associations);
    const Project changed = Bench::fiftyChanges(project);
    const ResolvedSchema design = resolve(project);
    std::printf("bench_sql: %s schema, %d models, %d associations, %d tables\n", size.name,
                size.models, size.associations, int(design.tables.size()));
    if (hasErrors(validateProject(project, design))
        || hasErrors(validateProject(changed, resolve(changed)))) {
        std::printf("generated schema has errors\n");
        return 1;
    }

    bool ok = true;
    auto check = [&ok](const char *what, double value, double budget) {
        const bool pass = value <= budget;
        ok = ok && pass;
        std::printf("  %-40s %8.1f ms  budget %6.0f ms  %s\n", what, value, budget,
                    pass ? "ok" : "OVER BUDGET");
    };
    for (Engine engine : {Engine::Sqlite, Engine::Postgres}) {
        if (engine != Engine::Sqlite && !serverSpec(engine)) {
            std::printf("%s: no test server (JUNCTION_PG_*)%s\n", qPrintable(engineName(engine)),
                        serversRequired() ? ", required" : "; skipped");
            ok = ok && !serversRequired();
            continue;
        }
        const Figures f = measure(engine, project, changed);
        ok = ok && f.ok;
        std::printf("%s: sync %d statements in %d transaction(s): plan %.1f ms + apply %.1f ms; "
                    "50-change alter plan: %d changes, read %.1f + diff %.1f + count %.1f ms\n",
                    qPrintable(engineName(engine)), f.statements, f.batches, f.plan, f.apply,
                    f.alterChanges, f.alterRead, f.alterDiff, f.alterCount);
        const double budget = engine == Engine::Sqlite ? 1000 : 8000;
        check(qPrintable(engineName(engine) + QStringLiteral(" sync of L into an empty database")),
              f.plan + f.apply, budget);
        check(qPrintable(engineName(engine) + QStringLiteral(" --alter plan, 50 changes")),
              f.alterPlan, 500);
    }
    return ok ? 0 : 1;
}
