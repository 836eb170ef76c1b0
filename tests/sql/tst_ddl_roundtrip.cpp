// SPDX-License-Identifier: MIT
// The DDL of every example and of the hostile-identifier corpus runs on a real SQLite, a real
// PostgreSQL 15 and a real MariaDB 10.11, and what each catalog reports back (tables, columns,
// types, nullability, keys, FK rules, enums) equals what resolve() said.
#include "catalogreader.h"
#include "ddlgenerator.h"
#include "nativetypes.h"
#include "projectreader.h"
#include "scratchdatabase.h"
#include "validator.h"

#include <QTest>

using namespace Junction;
using namespace Junction::TestDatabase;

namespace {

Dialect::Kind dialectOf(Engine engine)
{
    return NativeTypes::dialectOf(engine);
}

QString action(const QString &a)
{
    return a.isEmpty() ? u"NO ACTION"_s : a;
}

QStringList sortedFks(const QList<ResolvedForeignKey> &fks)
{
    QStringList out;
    for (const ResolvedForeignKey &fk : fks)
        out << u"(%1) -> %2(%3) ON DELETE %4 ON UPDATE %5"_s.arg(
            fk.columns.join(u','), fk.referencedTable, fk.referencedColumns.join(u','),
            action(fk.onDelete), action(fk.onUpdate));
    out.sort();
    return out;
}

QStringList sortedFks(const QList<LiveForeignKey> &fks)
{
    QStringList out;
    for (const LiveForeignKey &fk : fks)
        out << u"(%1) -> %2(%3) ON DELETE %4 ON UPDATE %5"_s.arg(
            fk.columns.join(u','), fk.referencedTable, fk.referencedColumns.join(u','),
            action(fk.onDelete), action(fk.onUpdate));
    out.sort();
    return out;
}

} // namespace

class TestDdlRoundTrip : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
};

void TestDdlRoundTrip::roundTrip_data()
{
    QTest::addColumn<QString>("project");
    QTest::addColumn<Engine>("engine");
    const QStringList projects{u"resources/examples/blog.junction.json"_s,
                               u"resources/examples/shop.junction.json"_s,
                               u"tests/data/ddl/hostile-identifiers.junction.json"_s};
    for (const QString &p : projects) {
        for (Engine e : {Engine::Sqlite, Engine::Postgres, Engine::MySql})
            QTest::addRow("%s on %s", qPrintable(p.section(u'/', -1)), qPrintable(engineName(e)))
                << p << e;
    }
}

void TestDdlRoundTrip::roundTrip()
{
    QFETCH(QString, project);
    QFETCH(Engine, engine);
    if (engine != Engine::Sqlite)
        JUNCTION_REQUIRE_SERVER(engine);

    LoadResult loaded = ProjectReader::readFile(QStringLiteral(JUNCTION_SOURCE_DIR "/") + project);
    QVERIFY(loaded.project);
    const ResolvedSchema schema = resolve(*loaded.project);
    const Dialect::Kind kind = dialectOf(engine);
    QVERIFY(!hasErrors(validateProject(*loaded.project, schema, {kind})));
    const QStringList statements = DdlGenerator(Dialect::get(kind)).schema(schema);

    Scratch scratch;
    QString error;
    QVERIFY2(scratch.setUp(engine, serverSpec(engine).value_or(ConnectionSpec{}), &error),
             qPrintable(error));
    for (const QString &statement : statements)
        QVERIFY2(exec(scratch.ddl(), statement, &error), qPrintable(error));

    const LiveSchema live = CatalogReader::read(scratch.reader(), scratch.schema(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    QStringList expectedTables;
    for (const ResolvedTable &t : schema.tables)
        expectedTables << t.name;
    expectedTables.sort();
    QStringList liveTables;
    for (const LiveTable &t : live.tables)
        liveTables << t.name;
    liveTables.sort();
    QCOMPARE(liveTables, expectedTables);

    for (const ResolvedTable &t : schema.tables) {
        const LiveTable *l = live.table(t.name);
        QVERIFY2(l, qPrintable(t.name));
        QStringList expectedColumns;
        QStringList liveColumns;
        for (const ResolvedColumn &c : t.columns)
            expectedColumns << c.name;
        for (const LiveColumn &c : l->columns)
            liveColumns << c.name;
        QCOMPARE(liveColumns, expectedColumns);
        for (const ResolvedColumn &c : t.columns) {
            const LiveColumn *lc = l->column(c.name);
            const QString where = t.name + u'.' + c.name;
            if (c.type.kind == DataType::Kind::Enum) {
                if (engine != Engine::Sqlite)
                    QCOMPARE(lc->enumValues, c.type.enumValues);
            } else {
                // The spellings the diff compares with (model/sql/nativetypes.cpp), exactly.
                const QString expected = NativeTypes::expected(kind, t, c);
                QVERIFY2(lc->nativeType == expected,
                         qPrintable(where + u": "_s + lc->nativeType + u" != "_s + expected));
            }
            if (!c.primaryKey)
                QVERIFY2(lc->nullable == c.allowNull, qPrintable(where));
            QVERIFY2(lc->autoIncrement == c.autoIncrement, qPrintable(where));
            if (engine != Engine::Sqlite)
                QVERIFY2(lc->comment == c.comment, qPrintable(where + u": "_s + lc->comment));
        }
        QCOMPARE(l->primaryKey, t.primaryKey);
        QCOMPARE(sortedFks(l->foreignKeys), sortedFks(t.foreignKeys));
        QStringList expectedUniques;
        QStringList liveUniques;
        for (const ResolvedUnique &u : t.uniques)
            expectedUniques << u.columns.join(u',');
        for (const LiveUnique &u : l->uniques)
            liveUniques << u.columns.join(u',');
        expectedUniques.sort();
        liveUniques.sort();
        QCOMPARE(liveUniques, expectedUniques);
        QStringList expectedIndexes;
        QStringList liveIndexes;
        for (const ResolvedIndex &i : t.indexes)
            expectedIndexes << Dialect::get(kind).generatedName(i.name) + u':' + i.columns.join(u',');
        for (const LiveIndex &i : l->indexes)
            liveIndexes << i.name + u':' + i.columns.join(u',');
        QCOMPARE(liveIndexes, expectedIndexes);
        if (engine != Engine::Sqlite)
            QCOMPARE(l->comment, t.comment);
    }
}

QTEST_GUILESS_MAIN(TestDdlRoundTrip)
#include "tst_ddl_roundtrip.moc"
