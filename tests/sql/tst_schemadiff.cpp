// SPDX-License-Identifier: MIT
// SchemaDiff: the plan from a resolved design and a live schema read back from a real
// SQLite, PostgreSQL 15 and MariaDB 10.11, one row per change kind with its classification
// and live count (tests/sql/synccorpus.h); designs applied as DDL diff as empty; renames
// only from `synced` ids; the three modes; the ordering rules; and the pure rules under it
// (default keys, widening).
#include "synccorpus.h"

#include "ddlgenerator.h"
#include "livedefaults.h"
#include "livereader.h"
#include "nativetypes.h"
#include "plancounter.h"
#include "schemadiff.h"
#include "validator.h"

#include <QTest>

using namespace Junction;
using namespace Junction::TestDatabase;
using namespace Junction::SyncCorpus;

Q_DECLARE_METATYPE(Junction::PlanChange::Kind)

namespace {

Dialect::Kind dialectOf(Engine engine)
{
    return NativeTypes::dialectOf(engine);
}

// The `synced` entry a sync of `project` would have written.
QJsonObject historyOf(const Project &project)
{
    const ResolvedSchema schema = resolve(project);
    QJsonObject tables;
    QJsonObject columns;
    for (const ResolvedTable &t : schema.tables) {
        tables.insert(t.isCreatedJunction() ? t.junctionOf.toString() : t.entity.toString(),
                      t.name);
        for (const ResolvedColumn &c : t.columns) {
            if (!c.attributeId.isNull())
                columns.insert(c.attributeId.toString(), c.name);
        }
    }
    return QJsonObject {{u"tables"_s, tables}, {u"columns"_s, columns}};
}

struct Database
{
    Scratch scratch;
    Engine engine = Engine::Sqlite;
    const Connection &connection() const { return scratch.ddl(); }
    const Dialect &dialect() const { return Dialect::get(dialectOf(engine)); }
    QString schema() const { return engine == Engine::Postgres ? scratch.schema() : QString(); }

    bool setUp(Engine e, QString *error)
    {
        engine = e;
        return scratch.setUp(e, serverSpec(e).value_or(ConnectionSpec {}), error);
    }
    bool apply(const Project &project, QString *error)
    {
        const ResolvedSchema schema = resolve(project);
        for (const QString &statement : DdlGenerator(dialect()).schema(schema)) {
            if (!exec(connection(), statement, error))
                return false;
        }
        return true;
    }
    LiveSchema read(QString *error) const
    {
        return LiveReader::read(connection(), schema(), error);
    }
    SyncPlan plan(const Project &project, const QJsonObject &history, SyncPlan::Mode mode,
                  QString *error) const
    {
        const LiveSchema live = read(error);
        SyncPlan plan = SchemaDiff::compute(resolve(project), live, dialect(), history, mode);
        PlanCounter::count(plan, connection(), error);
        return plan;
    }
};

QString listing(const SyncPlan &plan)
{
    QStringList lines;
    for (const PlanChange &c : plan.changes)
        lines << PlanChange::kindName(c.kind) + u": "_s + c.description()
                + (c.destructive ? u" !"_s : QString())
                + (c.blocked ? u" BLOCKED: "_s + c.reason : QString()) + u" ["_s
                + c.countDescription() + u"]"_s;
    return lines.join(u'\n');
}

int indexOf(const SyncPlan &plan, PlanChange::Kind kind, const QString &table = {})
{
    for (int i = 0; i < plan.changes.size(); ++i) {
        if (plan.changes.at(i).kind == kind
            && (table.isEmpty() || plan.changes.at(i).table == table))
            return i;
    }
    return -1;
}

void addEngineRows(const QString &name)
{
    for (Engine e : {Engine::Sqlite, Engine::Postgres, Engine::MySql})
        QTest::addRow("%s on %s", qPrintable(name), qPrintable(engineName(e))) << e;
}

} // namespace

class TestSchemaDiff : public QObject
{
    Q_OBJECT

private slots:
    void changeKind_data();
    void changeKind();
    void appliedDesignDiffsEmpty_data();
    void appliedDesignDiffsEmpty();
    void renameNeedsHistory_data();
    void renameNeedsHistory();
    void modes_data();
    void modes();
    void ordering_data();
    void ordering();
    void defaultKeys_data();
    void defaultKeys();
    void widening_data();
    void widening();
};

void TestSchemaDiff::changeKind_data()
{
    QTest::addColumn<Engine>("engine");
    QTest::addColumn<int>("index");
    const QList<Case> all = cases();
    for (int i = 0; i < all.size(); ++i) {
        for (Engine e : {Engine::Sqlite, Engine::Postgres, Engine::MySql}) {
            if (!all.at(i).only.isEmpty() && !all.at(i).only.contains(dialectOf(e)))
                continue;
            QTest::addRow("%s on %s", qPrintable(all.at(i).name), qPrintable(engineName(e)))
                << e << i;
        }
    }
}

// One row per change kind: the plan holds it, classified as the rules say, with the live
// count that makes it so.
void TestSchemaDiff::changeKind()
{
    QFETCH(Engine, engine);
    QFETCH(int, index);
    if (engine != Engine::Sqlite)
        JUNCTION_REQUIRE_SERVER(engine);
    const Case c = cases().at(index);
    const Project base = loadProject(baseProject());
    QVERIFY(!base.entities.isEmpty());
    Database db;
    QString error;
    QVERIFY2(db.setUp(engine, &error), qPrintable(error));
    QVERIFY2(db.apply(base, &error), qPrintable(error));
    QVERIFY2(insertBaseData(db.connection(), db.dialect(), &error), qPrintable(error));
    if (c.prepare)
        QVERIFY2(c.prepare(db.connection(), db.dialect(), &error), qPrintable(error));

    Project changed = base;
    c.mutate(changed);
    const ResolvedSchema design = resolve(changed);
    QVERIFY(!hasErrors(validateProject(changed, design, {dialectOf(engine)})));
    error.clear();
    const SyncPlan plan = db.plan(changed, historyOf(base), SyncPlan::Mode::Alter, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    if (qEnvironmentVariableIsSet("JUNCTION_TEST_VERBOSE"))
        qInfo().noquote() << listing(plan);
    const int at = indexOf(plan, c.kind);
    QVERIFY2(at >= 0,
             qPrintable(u"no "_s + PlanChange::kindName(c.kind) + u" in:\n"_s + listing(plan)));
    const PlanChange &change = plan.changes.at(at);
    QVERIFY2(change.destructive == c.destructive, qPrintable(listing(plan)));
    QVERIFY2(change.blocked == c.blocked, qPrintable(listing(plan)));
    if (c.count != -2)
        QCOMPARE(change.count, c.count);
    if (c.destructive || c.blocked)
        QVERIFY2(!change.reason.isEmpty(), qPrintable(listing(plan)));
    if (c.kind == Kind::AddUnique && c.destructive)
        QCOMPARE(change.groups, qint64(1));
    // SQLite rebuilds a table for what ALTER cannot do, which is destructive once it has rows.
    for (const PlanChange &other : plan.changes) {
        if (other.kind == Kind::RebuildTable) {
            QCOMPARE(engine, Engine::Sqlite);
            QVERIFY2(other.destructive == (other.count != 0), qPrintable(listing(plan)));
        }
    }
}

void TestSchemaDiff::appliedDesignDiffsEmpty_data()
{
    QTest::addColumn<QString>("project");
    QTest::addColumn<Engine>("engine");
    for (const char *p :
         {"resources/examples/blog.junction.json", "resources/examples/shop.junction.json",
          "tests/data/ddl/hostile-identifiers.junction.json"}) {
        for (Engine e : {Engine::Sqlite, Engine::Postgres, Engine::MySql})
            QTest::addRow("%s on %s",
                          QString::fromLatin1(p).section(u'/', -1).toLatin1().constData(),
                          qPrintable(engineName(e)))
                << QString::fromLatin1(p) << e;
    }
}

// What engines report differently (types, defaults, rules, names) is normalised: a design's
// own DDL diffs as nothing, and so does the sync corpus's base.
void TestSchemaDiff::appliedDesignDiffsEmpty()
{
    QFETCH(QString, project);
    QFETCH(Engine, engine);
    if (engine != Engine::Sqlite)
        JUNCTION_REQUIRE_SERVER(engine);
    LoadResult loaded = ProjectReader::readFile(QStringLiteral(JUNCTION_SOURCE_DIR "/") + project);
    QVERIFY(loaded.project);
    Database db;
    QString error;
    QVERIFY2(db.setUp(engine, &error), qPrintable(error));
    QVERIFY2(db.apply(*loaded.project, &error), qPrintable(error));
    const SyncPlan plan = db.plan(*loaded.project, {}, SyncPlan::Mode::Alter, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(plan.isEmpty(), qPrintable(listing(plan)));
    QVERIFY(plan.unmatchedTables.isEmpty());
}

void TestSchemaDiff::renameNeedsHistory_data()
{
    QTest::addColumn<Engine>("engine");
    addEngineRows(u"renamed table and column"_s);
}

// A changed name with its id in `synced` is a RENAME; without history it is never guessed:
// the old table and column are dropped (destructive) and new ones created.
void TestSchemaDiff::renameNeedsHistory()
{
    QFETCH(Engine, engine);
    if (engine != Engine::Sqlite)
        JUNCTION_REQUIRE_SERVER(engine);
    const Project base = loadProject(baseProject());
    Database db;
    QString error;
    QVERIFY2(db.setUp(engine, &error), qPrintable(error));
    QVERIFY2(db.apply(base, &error), qPrintable(error));
    QVERIFY2(insertBaseData(db.connection(), db.dialect(), &error), qPrintable(error));
    Project changed = base;
    entity(changed, u"Tag"_s).tableName = u"Labels"_s;
    attribute(changed, u"Author"_s, u"bio"_s).name = u"biography"_s;

    const SyncPlan withHistory = db.plan(changed, historyOf(base), SyncPlan::Mode::Alter, &error);
    QVERIFY2(indexOf(withHistory, Kind::RenameTable) >= 0, qPrintable(listing(withHistory)));
    QVERIFY2(indexOf(withHistory, Kind::RenameColumn) >= 0, qPrintable(listing(withHistory)));
    QCOMPARE(indexOf(withHistory, Kind::DropTable), -1);
    QCOMPARE(indexOf(withHistory, Kind::DropColumn), -1);
    if (engine != Engine::Sqlite)
        QVERIFY2(!withHistory.hasDestructive(), qPrintable(listing(withHistory)));

    const SyncPlan without = db.plan(changed, {}, SyncPlan::Mode::Alter, &error);
    QCOMPARE(indexOf(without, Kind::RenameTable), -1);
    QCOMPARE(indexOf(without, Kind::RenameColumn), -1);
    const int drop = indexOf(without, Kind::DropTable, u"Tags"_s);
    QVERIFY2(drop >= 0 && without.changes.at(drop).destructive
                 && without.changes.at(drop).count == 2,
             qPrintable(listing(without)));
    QVERIFY(indexOf(without, Kind::CreateTable, u"Labels"_s) > drop);
    const int dropColumn = indexOf(without, Kind::DropColumn);
    QVERIFY2(dropColumn >= 0 && without.changes.at(dropColumn).count == 3,
             qPrintable(listing(without)));
    QCOMPARE(without.unmatchedTables, QStringList {u"Tags"_s});
}

void TestSchemaDiff::modes_data()
{
    QTest::addColumn<Engine>("engine");
    addEngineRows(u"modes"_s);
}

// create keeps what is missing (a new table, a missing index) and nothing else; force
// drops every designed table there is and creates all of them.
void TestSchemaDiff::modes()
{
    QFETCH(Engine, engine);
    if (engine != Engine::Sqlite)
        JUNCTION_REQUIRE_SERVER(engine);
    const Project base = loadProject(baseProject());
    Database db;
    QString error;
    QVERIFY2(db.setUp(engine, &error), qPrintable(error));
    QVERIFY2(db.apply(base, &error), qPrintable(error));
    QVERIFY2(insertBaseData(db.connection(), db.dialect(), &error), qPrintable(error));
    Project changed = base;
    for (const Case &c : cases()) {
        if (c.name == u"create table"_s || c.name == u"add index"_s || c.name == u"drop column"_s
            || c.name == u"NOT NULL over NULLs"_s)
            c.mutate(changed);
    }

    const SyncPlan create = db.plan(changed, historyOf(base), SyncPlan::Mode::Create, &error);
    QStringList kinds;
    for (const PlanChange &c : create.changes)
        kinds << PlanChange::kindName(c.kind) + u' ' + c.table;
    QStringList expected {u"add-index Posts"_s, u"create-table Comments"_s};
    QCOMPARE(kinds, expected);
    QVERIFY(!create.hasDestructive());
    QVERIFY(create.differencesNotApplied >= 2);

    const SyncPlan force = db.plan(changed, historyOf(base), SyncPlan::Mode::Force, &error);
    QStringList drops;
    QStringList creates;
    for (const PlanChange &c : force.changes) {
        if (c.kind == Kind::DropTable) {
            drops << c.table;
            QVERIFY(c.destructive);
        }
        if (c.kind == Kind::CreateTable)
            creates << c.table;
    }
    drops.sort();
    QCOMPARE(drops, (QStringList {u"Authors"_s, u"Posts"_s, u"Tags"_s}));
    QCOMPARE(creates.size(), 4);
    // Posts references Authors: it goes first.
    QVERIFY(indexOf(force, Kind::DropTable, u"Posts"_s)
            < indexOf(force, Kind::DropTable, u"Authors"_s));
    QVERIFY(indexOf(force, Kind::CreateTable, u"Authors"_s)
            < indexOf(force, Kind::CreateTable, u"Posts"_s));
}

void TestSchemaDiff::ordering_data()
{
    QTest::addColumn<Engine>("engine");
    addEngineRows(u"ordering"_s);
}

// The order rules of schemadiff.cpp on one plan that needs most of them.
void TestSchemaDiff::ordering()
{
    QFETCH(Engine, engine);
    if (engine != Engine::Sqlite)
        JUNCTION_REQUIRE_SERVER(engine);
    const Project base = loadProject(baseProject());
    Database db;
    QString error;
    QVERIFY2(db.setUp(engine, &error), qPrintable(error));
    QVERIFY2(db.apply(base, &error), qPrintable(error));
    Project changed = base;
    // Authors goes (Posts' key to it too), Tags is renamed, and Post gains a key to a new
    // Comment model.
    changed.entities.removeIf([](const Entity &e) { return e.name == u"Author"_s; });
    changed.associations.clear();
    entity(changed, u"Tag"_s).tableName = u"Labels"_s;
    Entity comment;
    comment.id = EntityId(u"m-comment"_s);
    comment.name = u"Comment"_s;
    changed.entities << comment;
    Association pinned;
    pinned.id = AssociationId(u"as-post-pinned"_s);
    pinned.type = AssociationType::BelongsTo;
    pinned.source = u"Post"_s;
    pinned.target = u"Comment"_s;
    pinned.as.plural = u"Pinned"_s;
    changed.associations << pinned;
    QVERIFY(!hasErrors(validateProject(changed, resolve(changed), {dialectOf(engine)})));

    const SyncPlan plan = db.plan(changed, historyOf(base), SyncPlan::Mode::Alter, &error);
    const int dropKey = indexOf(plan, Kind::DropForeignKey);
    const int rename = indexOf(plan, Kind::RenameTable);
    const int dropTable = indexOf(plan, Kind::DropTable, u"Authors"_s);
    const int create = indexOf(plan, Kind::CreateTable, u"Comments"_s);
    const int addKey = indexOf(plan, Kind::AddForeignKey, u"Posts"_s);
    const int rebuild = indexOf(plan, Kind::RebuildTable, u"Posts"_s);
    QVERIFY2(rename >= 0 && dropTable > rename && create > dropTable, qPrintable(listing(plan)));
    if (engine == Engine::Sqlite) {
        // Everything about Posts rides on its rebuild, after the tables it references exist
        // by name (SQLite checks foreign keys at the end, with foreign_key_check).
        QVERIFY2(rebuild >= 0, qPrintable(listing(plan)));
        QVERIFY2(plan.changes.at(addKey).statements.isEmpty(), qPrintable(listing(plan)));
    } else {
        QVERIFY2(dropKey >= 0 && dropKey < dropTable, qPrintable(listing(plan)));
        QVERIFY2(addKey > create, qPrintable(listing(plan)));
    }
}

void TestSchemaDiff::defaultKeys_data()
{
    QTest::addColumn<Dialect::Kind>("dialect");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("live");
    QTest::addColumn<QString>("key");
    using D = Dialect::Kind;
    QTest::newRow("pg varchar cast")
        << D::Postgres << u"STRING"_s << u"'x'::character varying"_s << u"s:x"_s;
    QTest::newRow("pg quote inside")
        << D::Postgres << u"STRING"_s << u"'it''s'::text"_s << u"s:it's"_s;
    QTest::newRow("pg negative") << D::Postgres << u"INTEGER"_s << u"'-1'::integer"_s << u"n:-1"_s;
    QTest::newRow("pg parenthesised") << D::Postgres << u"INTEGER"_s << u"(-1)"_s << u"n:-1"_s;
    QTest::newRow("pg numeric") << D::Postgres << u"DECIMAL(12,2)"_s << u"1.50"_s << u"n:1.5"_s;
    QTest::newRow("pg boolean") << D::Postgres << u"BOOLEAN"_s << u"true"_s << u"n:1"_s;
    QTest::newRow("pg enum") << D::Postgres << u"ENUM('a','b')"_s << u"'a'::\"enum_T_c\""_s
                             << u"s:a"_s;
    QTest::newRow("pg timestamp") << D::Postgres << u"DATE"_s
                                  << u"'2020-01-01 00:00:00+00'::timestamp with time zone"_s
                                  << u"d:2020-01-01T00:00:00.000Z"_s;
    QTest::newRow("pg now") << D::Postgres << u"DATE"_s << u"now()"_s << u"x:current_timestamp"_s;
    QTest::newRow("pg NULL") << D::Postgres << u"STRING"_s << u"NULL::character varying"_s
                             << QString();
    QTest::newRow("maria string") << D::MySql << u"STRING"_s << u"'x'"_s << u"s:x"_s;
    QTest::newRow("maria backslash") << D::MySql << u"STRING"_s << u"'a\\\\b'"_s << u"s:a\\b"_s;
    QTest::newRow("maria decimal") << D::MySql << u"DECIMAL(12,2)"_s << u"0.00"_s << u"n:0"_s;
    QTest::newRow("maria function")
        << D::MySql << u"DATE"_s << u"current_timestamp()"_s << u"x:current_timestamp"_s;
    QTest::newRow("maria date") << D::MySql << u"DATEONLY"_s << u"'2020-01-01'"_s
                                << u"d:2020-01-01T00:00:00.000Z"_s;
    QTest::newRow("sqlite number") << D::Sqlite << u"INTEGER"_s << u"0"_s << u"n:0"_s;
    QTest::newRow("sqlite number on text") << D::Sqlite << u"STRING"_s << u"5"_s << u"s:5"_s;
    QTest::newRow("sqlite expression")
        << D::Sqlite << u"DATE"_s << u"CURRENT_TIMESTAMP"_s << u"x:current_timestamp"_s;
}

void TestSchemaDiff::defaultKeys()
{
    QFETCH(Dialect::Kind, dialect);
    QFETCH(QString, type);
    QFETCH(QString, live);
    QFETCH(QString, key);
    QCOMPARE(LiveDefaults::liveKey(dialect, live, DataType::parse(type).value()), key);
}

void TestSchemaDiff::widening_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<bool>("widens");
    QTest::newRow("longer string") << u"STRING(20)"_s << u"STRING(40)"_s << true;
    QTest::newRow("shorter string") << u"STRING(40)"_s << u"STRING(20)"_s << false;
    QTest::newRow("string to text") << u"STRING(40)"_s << u"TEXT"_s << true;
    QTest::newRow("text to string") << u"TEXT"_s << u"STRING"_s << false;
    QTest::newRow("integer to bigint") << u"INTEGER"_s << u"BIGINT"_s << true;
    QTest::newRow("bigint to integer") << u"BIGINT"_s << u"INTEGER"_s << false;
    QTest::newRow("decimal more digits") << u"DECIMAL(8,2)"_s << u"DECIMAL(10,3)"_s << true;
    QTest::newRow("decimal fewer integer digits")
        << u"DECIMAL(8,2)"_s << u"DECIMAL(8,3)"_s << false;
    QTest::newRow("enum gains") << u"ENUM('a','b')"_s << u"ENUM('a','b','c')"_s << true;
    QTest::newRow("enum loses") << u"ENUM('a','b')"_s << u"ENUM('a')"_s << false;
    QTest::newRow("integer to string") << u"INTEGER"_s << u"STRING"_s << false;
    QTest::newRow("date to dateonly") << u"DATE"_s << u"DATEONLY"_s << false;
}

void TestSchemaDiff::widening()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(bool, widens);
    QCOMPARE(NativeTypes::widens(DataType::parse(from).value(), DataType::parse(to).value()),
             widens);
}

QTEST_GUILESS_MAIN(TestSchemaDiff)
#include "tst_schemadiff.moc"
