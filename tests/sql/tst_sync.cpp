// SPDX-License-Identifier: MIT
// Sync on real databases (SQLite files, PostgreSQL 15, MariaDB 10.11): a design created in an
// empty database diffs empty; every change kind of the corpus (synccorpus.h) applied over
// data keeps what it must (row counts and per-column checksums), is refused without
// allowDataLoss when destructive (the database untouched) and applied with it; renames
// through `synced` keep the data; a statement failing mid-plan leaves SQLite and PostgreSQL
// exactly as before and makes MariaDB report what ran, and a re-run finishes; PostgreSQL
// plans past the lock budget run in resumable batches; hostile identifiers survive.
#include "synccorpus.h"

#include "connectionurl.h"
#include "livereader.h"
#include "nativetypes.h"
#include "projectwriter.h"
#include "syncedhistory.h"
#include "syncplanner.h"
#include "syncrunner.h"
#include "validator.h"

#include <QTest>

using namespace Junction;
using namespace Junction::TestDatabase;
using namespace Junction::SyncCorpus;

namespace {

struct Snapshot
{
    LiveSchema live;
    QHash<QString, qint64> rows; // table -> rows
    QHash<QString, QByteArray> checksums; // "table.column" -> checksum
};

class Database
{
public:
    Engine engine = Engine::Sqlite;
    QJsonObject history; // the `synced` entry, as the CLI would keep it

    bool setUp(Engine e, QString *error)
    {
        engine = e;
        return m_scratch.setUp(e, serverSpec(e).value_or(ConnectionSpec {}), error);
    }
    const Connection &connection() const { return m_scratch.ddl(); }
    const Dialect &dialect() const { return Dialect::get(NativeTypes::dialectOf(engine)); }
    QString schema() const { return engine == Engine::Postgres ? m_scratch.schema() : QString(); }

    std::optional<SyncPlan> plan(const Project &project, SyncPlan::Mode mode, QString *error) const
    {
        auto planned
            = SyncPlanner::plan(resolve(project), connection(), history, mode, error, schema());
        if (!planned)
            return std::nullopt;
        return planned->plan;
    }
    // Plans, runs and, when it worked, records the names as the CLI does.
    SyncResult sync(const Project &project, SyncPlan::Mode mode, SyncRunOptions options,
                    QString *error)
    {
        const auto p = plan(project, mode, error);
        if (!p) {
            SyncResult failed;
            failed.error = *error;
            return failed;
        }
        const SyncResult result = SyncRunner::run(connection(), *p, options);
        if (result.ok)
            history = SyncedHistory::updatedEntry(history, *p, QDateTime::currentDateTimeUtc());
        return result;
    }
    Snapshot snapshot(QString *error) const
    {
        Snapshot s;
        s.live = LiveReader::read(connection(), schema(), error);
        for (const LiveTable &t : s.live.tables) {
            s.rows.insert(t.name, rowCount(connection(), dialect(), t.name));
            for (const LiveColumn &c : t.columns)
                s.checksums.insert(t.name + u'.' + c.name,
                                   columnChecksum(connection(), dialect(), t.name, c.name, error));
        }
        return s;
    }
    QStringList foreignKeyViolations() const
    {
        QStringList out;
        if (engine != Engine::Sqlite)
            return out; // enforced by the server for every constraint that exists
        QSqlQuery q(connection().database());
        q.exec(u"PRAGMA foreign_key_check"_s);
        while (q.next())
            out << q.value(0).toString() + u" row "_s + q.value(1).toString();
        return out;
    }

private:
    Scratch m_scratch;
};

QString listing(const SyncPlan &plan)
{
    QStringList lines;
    for (const PlanChange &c : plan.changes)
        lines << c.description() + (c.destructive ? u" !"_s : QString()) + u" ["_s
                + c.countDescription() + u"]"_s + u"\n    "_s + c.sql().join(u"\n    "_s);
    return lines.join(u'\n');
}

QString describe(const SyncResult &r)
{
    return u"ok=%1 refused=%2 unchanged=%3 error=%4\nfailed: %5\nran:\n  %6"_s.arg(r.ok)
        .arg(r.refused)
        .arg(r.databaseUnchanged)
        .arg(r.error, r.failedStatement, r.executed.join(u"\n  "_s));
}

Project loadFile(const QString &path)
{
    LoadResult loaded = ProjectReader::readFile(QStringLiteral(JUNCTION_SOURCE_DIR "/") + path);
    return loaded.project ? *loaded.project : Project();
}

// Several safe changes at once, for plans that need a few statements.
Project severalChanges(const Project &base)
{
    Project p = base;
    for (const Case &c : cases()) {
        if (c.name == u"add column"_s || c.name == u"add index"_s || c.name == u"create table"_s
            || c.name == u"rename column"_s || c.name == u"create junction table"_s)
            c.mutate(p);
    }
    return p;
}

void engineRows()
{
    QTest::addColumn<Engine>("engine");
    for (Engine e : {Engine::Sqlite, Engine::Postgres, Engine::MySql})
        QTest::addRow("%s", qPrintable(engineName(e))) << e;
}

} // namespace

class TestSync : public QObject
{
    Q_OBJECT

private slots:
    void createIntoEmpty_data();
    void createIntoEmpty();
    void changeKind_data();
    void changeKind();
    void faultInjected_data() { engineRows(); }
    void faultInjected();
    void statementRefusedByDatabase_data() { engineRows(); }
    void statementRefusedByDatabase();
    void createKeepsTheRest_data() { engineRows(); }
    void createKeepsTheRest();
    void forceRecreates_data() { engineRows(); }
    void forceRecreates();
    void postgresBatches();
    void pendingRenameKeepsOldName();
    void hostileIdentifiers_data() { engineRows(); }
    void hostileIdentifiers();
    void historyNeverHoldsPassword();
};

void TestSync::createIntoEmpty_data()
{
    QTest::addColumn<QString>("project");
    QTest::addColumn<Engine>("engine");
    for (const char *p :
         {"resources/examples/blog.junction.json", "resources/examples/shop.junction.json"}) {
        for (Engine e : {Engine::Sqlite, Engine::Postgres, Engine::MySql})
            QTest::addRow("%s on %s",
                          QString::fromLatin1(p).section(u'/', -1).toLatin1().constData(),
                          qPrintable(engineName(e)))
                << QString::fromLatin1(p) << e;
    }
}

// A new user's first sync: the designed schema in an empty database, nothing left to do.
void TestSync::createIntoEmpty()
{
    QFETCH(QString, project);
    QFETCH(Engine, engine);
    if (engine != Engine::Sqlite)
        JUNCTION_REQUIRE_SERVER(engine);
    const Project p = loadFile(project);
    Database db;
    QString error;
    QVERIFY2(db.setUp(engine, &error), qPrintable(error));
    const SyncResult result = db.sync(p, SyncPlan::Mode::Create, {}, &error);
    QVERIFY2(result.ok, qPrintable(describe(result)));
    QCOMPARE(result.batches, 1);
    const auto again = db.plan(p, SyncPlan::Mode::Alter, &error);
    QVERIFY2(again && again->isEmpty(), qPrintable(again ? listing(*again) : error));
    QCOMPARE(db.history.value(u"tables"_s).toObject().size(), resolve(p).tables.size());
}

void TestSync::changeKind_data()
{
    QTest::addColumn<Engine>("engine");
    QTest::addColumn<int>("index");
    const QList<Case> all = cases();
    for (int i = 0; i < all.size(); ++i) {
        for (Engine e : {Engine::Sqlite, Engine::Postgres, Engine::MySql}) {
            if (!all.at(i).only.isEmpty() && !all.at(i).only.contains(NativeTypes::dialectOf(e)))
                continue;
            QTest::addRow("%s on %s", qPrintable(all.at(i).name), qPrintable(engineName(e)))
                << e << i;
        }
    }
}

void TestSync::changeKind()
{
    QFETCH(Engine, engine);
    QFETCH(int, index);
    if (engine != Engine::Sqlite)
        JUNCTION_REQUIRE_SERVER(engine);
    const Case c = cases().at(index);
    const Project base = loadProject(baseProject());
    Database db;
    QString error;
    QVERIFY2(db.setUp(engine, &error), qPrintable(error));
    SyncResult result = db.sync(base, SyncPlan::Mode::Create, {}, &error);
    QVERIFY2(result.ok, qPrintable(describe(result)));
    QVERIFY2(insertBaseData(db.connection(), db.dialect(), &error), qPrintable(error));
    if (c.prepare)
        QVERIFY2(c.prepare(db.connection(), db.dialect(), &error), qPrintable(error));
    const Snapshot before = db.snapshot(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    Project changed = base;
    c.mutate(changed);
    const auto plan = db.plan(changed, SyncPlan::Mode::Alter, &error);
    QVERIFY2(plan, qPrintable(error));
    if (qEnvironmentVariableIsSet("JUNCTION_TEST_VERBOSE"))
        qInfo().noquote() << listing(*plan);

    if (plan->hasBlocked() || plan->hasDestructive()) {
        // Refused: not one statement runs, the database is exactly as it was.
        result = SyncRunner::run(db.connection(), *plan, {});
        QVERIFY2(result.refused && !result.ok && result.executed.isEmpty(),
                 qPrintable(describe(result)));
        const Snapshot untouched = db.snapshot(&error);
        QVERIFY(untouched.live == before.live);
        QCOMPARE(untouched.checksums, before.checksums);
    }
    if (c.blocked) {
        QVERIFY(plan->hasBlocked());
        SyncRunOptions allow;
        allow.allowDataLoss = true;
        QVERIFY(SyncRunner::run(db.connection(), *plan, allow).refused);
        return;
    }
    SyncRunOptions options;
    options.allowDataLoss = plan->hasDestructive();
    result = SyncRunner::run(db.connection(), *plan, options);
    QVERIFY2(result.ok, qPrintable(describe(result) + u"\nplan:\n"_s + listing(*plan)));
    db.history = SyncedHistory::updatedEntry(db.history, *plan, QDateTime::currentDateTimeUtc());

    // Done: a fresh diff is empty, no foreign key is violated.
    const auto again = db.plan(changed, SyncPlan::Mode::Alter, &error);
    QVERIFY2(again && again->isEmpty(), qPrintable(again ? listing(*again) : error));
    QCOMPARE(db.foreignKeyViolations(), QStringList());

    // Data survives wherever the case does not say it may change.
    const Snapshot after = db.snapshot(&error);
    auto renamed = [&c](const QString &table, const QString &column) {
        const QString t = c.renamed.value(table, table);
        const QString qualified = c.renamed.value(table + u'.' + column, t + u'.' + column);
        return qualified;
    };
    for (auto it = before.rows.constBegin(); it != before.rows.constEnd(); ++it) {
        const QString table = c.renamed.value(it.key(), it.key());
        if (c.mayChange.contains(it.key()) || !after.rows.contains(table))
            continue;
        QVERIFY2(after.rows.value(table) == *it, qPrintable(table));
    }
    for (auto it = before.checksums.constBegin(); it != before.checksums.constEnd(); ++it) {
        const QString table = it.key().section(u'.', 0, 0);
        const QString column = it.key().section(u'.', 1);
        if (c.mayChange.contains(table) || c.mayChange.contains(it.key()))
            continue;
        const QString now = renamed(table, column);
        if (!after.checksums.contains(now))
            continue; // dropped by the case, which says so in its classification
        QVERIFY2(after.checksums.value(now) == *it,
                 qPrintable(u"values of "_s + it.key() + u" changed"_s));
    }
}

// A statement that fails mid-plan (a test hook inserts it after two statements).
void TestSync::faultInjected()
{
    QFETCH(Engine, engine);
    if (engine != Engine::Sqlite)
        JUNCTION_REQUIRE_SERVER(engine);
    const Project base = loadProject(baseProject());
    Database db;
    QString error;
    QVERIFY2(db.setUp(engine, &error), qPrintable(error));
    QVERIFY2(db.sync(base, SyncPlan::Mode::Create, {}, &error).ok, qPrintable(error));
    QVERIFY2(insertBaseData(db.connection(), db.dialect(), &error), qPrintable(error));
    const Snapshot before = db.snapshot(&error);

    const Project changed = severalChanges(base);
    const auto plan = db.plan(changed, SyncPlan::Mode::Alter, &error);
    QVERIFY2(plan && plan->statements().size() >= 4, qPrintable(plan ? listing(*plan) : error));
    SyncRunOptions options;
    options.allowDataLoss = true; // SQLite rebuilds tables with rows
    options.failAfterStatements = 2;
    const SyncResult failed = SyncRunner::run(db.connection(), *plan, options);
    QVERIFY2(!failed.ok && !failed.refused, qPrintable(describe(failed)));
    QCOMPARE(failed.failedStatement, SyncRunner::injectedFailure());
    QVERIFY(!failed.error.isEmpty());
    QCOMPARE(failed.executed.size(), 2);

    const Snapshot after = db.snapshot(&error);
    if (engine == Engine::MySql) {
        // MariaDB committed the two statements that ran: they are reported, and a new sync
        // from the database as it is now finishes the job.
        QVERIFY(!failed.databaseUnchanged);
        QCOMPARE(failed.executed, plan->statements().mid(0, 2));
        QVERIFY(!(after.live == before.live));
    } else {
        QVERIFY2(failed.databaseUnchanged, qPrintable(describe(failed)));
        QVERIFY(after.live == before.live);
        QCOMPARE(after.checksums, before.checksums);
        QCOMPARE(after.rows, before.rows);
    }
    SyncRunOptions allow;
    allow.allowDataLoss = true;
    const SyncResult resumed = db.sync(changed, SyncPlan::Mode::Alter, allow, &error);
    QVERIFY2(resumed.ok, qPrintable(describe(resumed)));
    const auto again = db.plan(changed, SyncPlan::Mode::Alter, &error);
    QVERIFY2(again && again->isEmpty(), qPrintable(again ? listing(*again) : error));
}

// The database itself refuses a statement: duplicates arrive between planning and applying
// a UNIQUE that was safe when counted.
void TestSync::statementRefusedByDatabase()
{
    QFETCH(Engine, engine);
    if (engine != Engine::Sqlite)
        JUNCTION_REQUIRE_SERVER(engine);
    const Project base = loadProject(baseProject());
    Database db;
    QString error;
    QVERIFY2(db.setUp(engine, &error), qPrintable(error));
    QVERIFY2(db.sync(base, SyncPlan::Mode::Create, {}, &error).ok, qPrintable(error));
    Project changed = severalChanges(base);
    attribute(changed, u"Author"_s, u"name"_s).unique = true;
    const auto plan = db.plan(changed, SyncPlan::Mode::Alter, &error);
    QVERIFY2(plan && !plan->hasDestructive(), qPrintable(plan ? listing(*plan) : error));
    QVERIFY2(insertBaseData(db.connection(), db.dialect(), &error), qPrintable(error));
    const Snapshot before = db.snapshot(&error);

    const SyncResult failed = SyncRunner::run(db.connection(), *plan, {});
    QVERIFY2(!failed.ok && !failed.failedStatement.isEmpty(), qPrintable(describe(failed)));
    const Snapshot after = db.snapshot(&error);
    if (engine == Engine::MySql) {
        QVERIFY(!failed.executed.isEmpty());
        QVERIFY(!failed.executed.contains(failed.failedStatement));
        QVERIFY(failed.failedStatement.contains(u"UNIQUE"_s));
    } else {
        QVERIFY(failed.databaseUnchanged);
        QVERIFY(after.live == before.live);
        QCOMPARE(after.checksums, before.checksums);
    }
}

// Sequelize's default sync: what is missing is created, nothing else is touched.
void TestSync::createKeepsTheRest()
{
    QFETCH(Engine, engine);
    if (engine != Engine::Sqlite)
        JUNCTION_REQUIRE_SERVER(engine);
    const Project base = loadProject(baseProject());
    Database db;
    QString error;
    QVERIFY2(db.setUp(engine, &error), qPrintable(error));
    QVERIFY2(db.sync(base, SyncPlan::Mode::Create, {}, &error).ok, qPrintable(error));
    QVERIFY2(insertBaseData(db.connection(), db.dialect(), &error), qPrintable(error));
    const Snapshot before = db.snapshot(&error);
    Project changed = base;
    for (const Case &c : cases()) {
        if (c.name == u"create table"_s || c.name == u"add index"_s || c.name == u"drop column"_s
            || c.name == u"NOT NULL over NULLs"_s || c.name == u"rename table"_s)
            c.mutate(changed);
    }
    const auto plan = db.plan(changed, SyncPlan::Mode::Create, &error);
    QVERIFY2(plan && !plan->hasDestructive(), qPrintable(plan ? listing(*plan) : error));
    QVERIFY(plan->differencesNotApplied >= 3);
    const SyncResult result = SyncRunner::run(db.connection(), *plan, {});
    QVERIFY2(result.ok, qPrintable(describe(result)));
    db.history = SyncedHistory::updatedEntry(db.history, *plan, QDateTime::currentDateTimeUtc());

    const Snapshot after = db.snapshot(&error);
    QVERIFY(after.live.table(u"Comments"_s));
    QVERIFY(!after.live.table(u"Labels"_s)); // a pending rename is no missing table
    for (auto it = before.checksums.constBegin(); it != before.checksums.constEnd(); ++it)
        QVERIFY2(after.checksums.value(it.key()) == *it, qPrintable(it.key()));
    QCOMPARE(after.live.table(u"Authors"_s)->columns, before.live.table(u"Authors"_s)->columns);
    bool indexed = false;
    for (const LiveIndex &i : after.live.table(u"Posts"_s)->indexes)
        indexed = indexed || i.name == u"posts_title"_s;
    QVERIFY(indexed);
    // The history still names Tags by its old name: --alter will rename it.
    QCOMPARE(db.history.value(u"tables"_s).toObject().value(u"m-tag"_s).toString(), u"Tags"_s);
    const auto alter = db.plan(changed, SyncPlan::Mode::Alter, &error);
    QVERIFY2(alter, qPrintable(error));
    bool renames = false;
    for (const PlanChange &c : alter->changes)
        renames = renames || c.kind == Kind::RenameTable;
    QVERIFY2(renames, qPrintable(listing(*alter)));
}

// --force: every designed table dropped (destructive with rows) and created again.
void TestSync::forceRecreates()
{
    QFETCH(Engine, engine);
    if (engine != Engine::Sqlite)
        JUNCTION_REQUIRE_SERVER(engine);
    const Project base = loadProject(baseProject());
    Database db;
    QString error;
    QVERIFY2(db.setUp(engine, &error), qPrintable(error));
    QVERIFY2(db.sync(base, SyncPlan::Mode::Create, {}, &error).ok, qPrintable(error));
    QVERIFY2(insertBaseData(db.connection(), db.dialect(), &error), qPrintable(error));
    const auto plan = db.plan(base, SyncPlan::Mode::Force, &error);
    QVERIFY2(plan && plan->hasDestructive(), qPrintable(plan ? listing(*plan) : error));
    QVERIFY(SyncRunner::run(db.connection(), *plan, {}).refused);
    QCOMPARE(rowCount(db.connection(), db.dialect(), u"Authors"_s), 4);
    SyncRunOptions allow;
    allow.allowDataLoss = true;
    const SyncResult result = SyncRunner::run(db.connection(), *plan, allow);
    QVERIFY2(result.ok, qPrintable(describe(result)));
    QCOMPARE(rowCount(db.connection(), db.dialect(), u"Authors"_s), 0);
    const auto again = db.plan(base, SyncPlan::Mode::Alter, &error);
    QVERIFY2(again && again->isEmpty(), qPrintable(again ? listing(*again) : error));
}

// The history after a sync: designed names where the plan made them so, the old name where
// a rename is still pending, the previous entry for what the plan does not know.
void TestSync::pendingRenameKeepsOldName()
{
    SyncPlan plan;
    plan.tableNames << SyncPlan::NameMatch {u"m-a"_s, u"New"_s, {}, u"Old"_s, false}
                    << SyncPlan::NameMatch {u"m-b"_s, u"Made"_s, {}, {}, true}
                    << SyncPlan::NameMatch {u"m-c"_s, u"Gone"_s, {}, {}, false};
    plan.columnNames << SyncPlan::NameMatch {u"a-1"_s, u"New"_s, u"renamed"_s, u"old"_s, true};
    const QJsonObject previous {{u"tables"_s, QJsonObject {{u"m-c"_s, u"Earlier"_s}}}};
    const QJsonObject entry = SyncedHistory::updatedEntry(
        previous, plan, QDateTime(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC));
    QCOMPARE(entry.value(u"at"_s).toString(), u"2026-11-25T10:00:00Z"_s);
    const QJsonObject tables = entry.value(u"tables"_s).toObject();
    QCOMPARE(tables.value(u"m-a"_s).toString(), u"Old"_s);
    QCOMPARE(tables.value(u"m-b"_s).toString(), u"Made"_s);
    QCOMPARE(tables.value(u"m-c"_s).toString(), u"Earlier"_s);
    QCOMPARE(entry.value(u"columns"_s).toObject().value(u"a-1"_s).toString(), u"renamed"_s);
}

// A plan bigger than the lock budget runs as several transactions of whole changes; a
// failure in a later one keeps the earlier ones, and a re-run continues from there.
void TestSync::postgresBatches()
{
    JUNCTION_REQUIRE_SERVER(Engine::Postgres);
    const Project p = loadFile(u"resources/examples/shop.junction.json"_s);
    Database db;
    QString error;
    QVERIFY2(db.setUp(Engine::Postgres, &error), qPrintable(error));
    const auto plan = db.plan(p, SyncPlan::Mode::Create, &error);
    QVERIFY2(plan, qPrintable(error));
    SyncRunOptions options;
    options.postgresLockBudget = 40;
    const QList<QList<int>> batches = SyncRunner::batches(db.connection(), *plan, options);
    QVERIFY2(batches.size() >= 3, qPrintable(QString::number(batches.size())));
    // Without an override the budget comes from the server: the shop fits in one.
    QCOMPARE(SyncRunner::batches(db.connection(), *plan, {}).size(), 1);

    int before = 0;
    for (int i : batches.at(0))
        before += int(plan->changes.at(i).sql().size());
    options.failAfterStatements = before + 1; // inside the second batch
    const SyncResult failed = SyncRunner::run(db.connection(), *plan, options);
    QVERIFY2(!failed.ok, qPrintable(describe(failed)));
    QCOMPARE(failed.batches, int(batches.size()));
    QCOMPARE(failed.committedBatches, 1);
    QVERIFY(!failed.databaseUnchanged);
    const LiveSchema partial = LiveReader::read(db.connection(), db.schema(), &error);
    QVERIFY(!partial.tables.isEmpty());

    options.failAfterStatements = -1;
    const SyncResult resumed = db.sync(p, SyncPlan::Mode::Create, options, &error);
    QVERIFY2(resumed.ok, qPrintable(describe(resumed)));
    const auto again = db.plan(p, SyncPlan::Mode::Alter, &error);
    QVERIFY2(again && again->isEmpty(), qPrintable(again ? listing(*again) : error));
}

// Quotes, backticks, semicolons, newlines, Unicode and maximum-length names: created, then
// renamed, extended and retyped through `synced`, and read back unchanged.
void TestSync::hostileIdentifiers()
{
    QFETCH(Engine, engine);
    if (engine != Engine::Sqlite)
        JUNCTION_REQUIRE_SERVER(engine);
    const Project base = loadFile(u"tests/data/ddl/hostile-identifiers.junction.json"_s);
    QVERIFY(!base.entities.isEmpty());
    Database db;
    QString error;
    QVERIFY2(db.setUp(engine, &error), qPrintable(error));
    SyncResult result = db.sync(base, SyncPlan::Mode::Create, {}, &error);
    QVERIFY2(result.ok, qPrintable(describe(result)));
    QString insertError;
    const QDateTime at(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC);
    QVERIFY2(insert(db.connection(), db.dialect(), u"we\"ird table"_s,
                    {u"it's"_s, u"back`tick"_s, u"createdAt"_s, u"updatedAt"_s},
                    {{u"a; DROP TABLE x; --"_s, 1, at, at}, {u"'"_s, 2, at, at}}, &insertError),
             qPrintable(insertError));

    Project changed = base;
    attribute(changed, u"Quote"_s, u"it's"_s).name = u"it''s \"renamed\"; --"_s;
    changed.entities[0].attributes
        << newAttribute(u"a-q-new"_s, u"new`col\"umn;"_s, u"STRING(10)"_s);
    attribute(changed, u"Quote"_s, u"semi;colon"_s).type = u"ENUM('a''b','c;d','e\"f','g`h')"_s;
    entity(changed, u"Long"_s).tableName = u"ttt\"tt"_s;
    QVERIFY(
        !hasErrors(validateProject(changed, resolve(changed), {NativeTypes::dialectOf(engine)})));
    const auto plan = db.plan(changed, SyncPlan::Mode::Alter, &error);
    QVERIFY2(plan, qPrintable(error));
    SyncRunOptions options;
    options.allowDataLoss = plan->hasDestructive(); // SQLite rebuilds
    result = SyncRunner::run(db.connection(), *plan, options);
    QVERIFY2(result.ok, qPrintable(describe(result) + u"\n"_s + listing(*plan)));
    db.history = SyncedHistory::updatedEntry(db.history, *plan, QDateTime::currentDateTimeUtc());

    const auto again = db.plan(changed, SyncPlan::Mode::Alter, &error);
    QVERIFY2(again && again->isEmpty(), qPrintable(again ? listing(*again) : error));
    const LiveSchema live = LiveReader::read(db.connection(), db.schema(), &error);
    const ResolvedSchema design = resolve(changed);
    for (const ResolvedTable &t : design.tables) {
        const LiveTable *l = live.table(t.name);
        QVERIFY2(l, qPrintable(t.name));
        QStringList expected;
        QStringList actual;
        for (const ResolvedColumn &c : t.columns)
            expected << c.name;
        for (const LiveColumn &c : l->columns)
            actual << c.name;
        expected.sort();
        actual.sort();
        QCOMPARE(actual, expected);
    }
    QCOMPARE(columnChecksum(db.connection(), db.dialect(), u"we\"ird table"_s,
                            u"it''s \"renamed\"; --"_s, &error),
             QCryptographicHash::hash(u"'\x1f"
                                      "a; DROP TABLE x; --"_s.toUtf8(),
                                      QCryptographicHash::Sha1)
                 .toHex());
}

// The history is keyed by the URL without password, and a saved project never holds it.
void TestSync::historyNeverHoldsPassword()
{
    ConnectionSpec spec;
    spec.engine = ConnectionSpec::Engine::Postgres;
    spec.host = u"db.example.org"_s;
    spec.user = u"app"_s;
    spec.database = u"shop"_s;
    spec.password = u"s3cret-Pa55"_s;
    const QString key = SyncedHistory::key(spec);
    QCOMPARE(key, u"postgres://app@db.example.org/shop"_s);

    Project project = loadProject(baseProject());
    SyncPlan plan;
    plan.tableNames << SyncPlan::NameMatch {u"m-author"_s, u"Authors"_s, {}, {}, true};
    plan.changes << PlanChange {};
    QVERIFY(SyncedHistory::update(project, key, plan));
    const QByteArray saved = ProjectWriter::toBytes(project);
    QVERIFY(saved.contains("postgres://app@db.example.org/shop"));
    QVERIFY(!saved.contains(spec.password.toUtf8()));
}

QTEST_GUILESS_MAIN(TestSync)
#include "tst_sync.moc"
