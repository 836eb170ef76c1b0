// SPDX-License-Identifier: MIT
// bench_rows: a related-row `get` (Owner.hasMany(Item), 100 rows) on an indexed foreign key
// over a 1,000,000-row table, through RelatedRows as the data browser calls it. SQLite always,
// PostgreSQL when scripts/bench.sh (or servers.sh) has started it. Prints the median and
// p95 of many runs for get and count, compares the get median with the budget of the
// related-rows issue (<= 10 ms) and exits 1 when it is missed.
//
// The rows are generated inside the database in one statement (a recursive CTE on SQLite,
// generate_series on PostgreSQL) and the index is built afterwards, so the setup takes
// seconds, not minutes.
#include "ddlgenerator.h"
#include "ownersanditems.h"
#include "projectreader.h"
#include "relatedrows.h"
#include "scratchdatabase.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlQuery>

#include <algorithm>
#include <cstdio>

using namespace Junction;
using namespace Junction::TestDatabase;

namespace {

constexpr int itemCount = 1000000;
constexpr int ownerCount = 10000; // 100 items each, spread over the whole table
constexpr int runs = 300;
constexpr double budgetMs = 10.0;

const char *const projectJson = R"({
  "junction": 1,
  "name": "Bench rows",
  "models": [
    { "id": "m-owner", "name": "Owner", "attributes": [
      { "id": "a-owner-name", "name": "name", "type": "STRING", "allowNull": false } ] },
    { "id": "m-item", "name": "Item", "attributes": [
      { "id": "a-item-label", "name": "label", "type": "STRING", "allowNull": false },
      { "id": "a-item-value", "name": "value", "type": "INTEGER" } ],
      "indexes": [ { "name": "items_owner_id", "fields": ["OwnerId"] } ] }
  ],
  "associations": [
    { "id": "as-owner-items", "type": "hasMany", "source": "Owner", "target": "Item",
      "foreignKey": { "name": "OwnerId", "allowNull": false } }
  ]
})";

using Bench::Timing;
using Bench::timing;

// false when the budget is missed or something failed.
bool measure(Engine engine, const ResolvedSchema &schema)
{
    Scratch scratch;
    QString error;
    QElapsedTimer setup;
    setup.start();
    if (!scratch.setUp(engine, serverSpec(engine).value_or(ConnectionSpec {}), &error)
        || !Bench::fillOwnersAndItems(engine, scratch.ddl(), schema, ownerCount, itemCount,
                                      &error)) {
        std::printf("%s: setup failed: %s\n", qPrintable(engineName(engine)), qPrintable(error));
        return false;
    }
    const double setupS = setup.elapsed() / 1000.0;
    RelatedRows rows(scratch.ddl(), schema);
    const AssociationId items(u"as-owner-items"_s);

    // Owners in a fixed scattered order; a few warm-up calls first (statement caches, pages).
    QList<int> owners;
    for (int i = 0; i < runs; ++i)
        owners << int((quint64(i) * 7919u) % ownerCount) + 1;
    for (int i = 0; i < 5; ++i)
        rows.get(items, owners.at(i));

    QList<double> getMs;
    QList<double> countMs;
    int returned = 0;
    for (int owner : std::as_const(owners)) {
        QElapsedTimer t;
        t.start();
        const auto got = rows.get(items, owner);
        getMs << t.nsecsElapsed() / 1e6;
        if (!got.ok() || got.value.rows.size() != itemCount / ownerCount) {
            std::printf("%s: get returned %lld rows (%s)\n", qPrintable(engineName(engine)),
                        qlonglong(got.value.rows.size()), qPrintable(got.error));
            return false;
        }
        returned = int(got.value.rows.size());
        t.restart();
        const auto counted = rows.count(items, owner);
        countMs << t.nsecsElapsed() / 1e6;
        if (!counted.ok() || counted.value != returned) {
            std::printf("%s: count said %lld (%s)\n", qPrintable(engineName(engine)), counted.value,
                        qPrintable(counted.error));
            return false;
        }
    }
    const Timing get = timing(getMs);
    const Timing count = timing(countMs);
    const bool pass = get.median <= budgetMs;
    std::printf("%-10s %d items, %d owners, setup %.1f s | get (%d rows) median %.2f ms p95 %.2f ms"
                " | count median %.2f ms p95 %.2f ms | budget get <= %.0f ms %s\n",
                qPrintable(engineName(engine)), itemCount, ownerCount, setupS, returned, get.median,
                get.p95, count.median, count.p95, budgetMs, pass ? "ok" : "OVER BUDGET");
    std::fflush(stdout);
    return pass;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    LoadResult loaded = ProjectReader::readBytes(QByteArray(projectJson), u"bench_rows"_s);
    if (!loaded.project)
        qFatal("bench project does not load");
    const ResolvedSchema schema = resolve(*loaded.project);
    std::printf("bench_rows: RelatedRows::get on Owner.hasMany(Item), indexed FK, median of %d "
                "runs\n",
                runs);
    std::fflush(stdout);
    bool ok = measure(Engine::Sqlite, schema);
    if (serverSpec(Engine::Postgres)) {
        ok = measure(Engine::Postgres, schema) && ok;
    } else if (serversRequired()) {
        std::printf(
            "PostgreSQL test server not configured (JUNCTION_PG_*): run scripts/bench.sh\n");
        ok = false;
    } else {
        std::printf("PostgreSQL   skipped: no test server (JUNCTION_PG_*)\n");
    }
    return ok ? 0 : 1;
}
