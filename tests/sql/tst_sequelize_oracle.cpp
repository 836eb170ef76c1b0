// SPDX-License-Identifier: MIT
// The Sequelize oracle: for each project and engine, the SQL that the real Sequelize v4.44.4
// sends from sync() (tests/data/sequelize/<project>.<dialect>.sql, made by
// scripts/sequelize-oracle/generate.mjs) runs in one scratch database, Junction's own DDL in
// another, and the two catalogs must agree table by table: names, column order, native
// types, nullability, auto-increment, defaults, keys, uniques, foreign keys with their rules,
// indexes and PostgreSQL enum labels. This checks Junction against Sequelize itself, not
// against our reading of it (tst_ddl_roundtrip checks Junction's DDL against resolve()).
//
// Differences that associations.md §5 makes on purpose are normalised below, each where it
// happens. Any other difference fails, naming the table/column and both values, unless it is
// listed in knownDifferences(): then it is an expected failure (QEXPECT_FAIL) until the
// resolver is fixed, and an entry that no longer occurs fails so that it gets removed.
#include "catalogreader.h"
#include "ddlgenerator.h"
#include "projectreader.h"
#include "scratchdatabase.h"
#include "validator.h"

#include <QFile>
#include <QSet>
#include <QTest>

using namespace Junction;
using namespace Junction::TestDatabase;

namespace {

Dialect::Kind dialectOf(Engine engine)
{
    switch (engine) {
    case Engine::Sqlite:
        return Dialect::Kind::Sqlite;
    case Engine::Postgres:
        return Dialect::Kind::Postgres;
    case Engine::MySql:
        return Dialect::Kind::MySql;
    }
    return Dialect::Kind::Sqlite;
}

// The dialect names generate.mjs takes, which are also the oracle files' suffixes.
QString oracleDialect(Engine engine)
{
    switch (engine) {
    case Engine::Sqlite:
        return u"sqlite"_s;
    case Engine::Postgres:
        return u"postgres"_s;
    case Engine::MySql:
        return u"mysql"_s;
    }
    return {};
}

// One line of the oracle file may hold several statements (Sequelize v4 appends PostgreSQL's
// COMMENT ON TABLE to the CREATE TABLE text); QtSql runs one at a time. Splits on ';'
// outside '...', "..." and `...` (a doubled quote leaves and re-enters, which is harmless).
QStringList splitStatements(const QString &line)
{
    QStringList out;
    QString current;
    QChar quote;
    for (const QChar c : line) {
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == u'\'' || c == u'"' || c == u'`') {
            quote = c;
        } else if (c == u';') {
            if (!current.trimmed().isEmpty())
                out << current.trimmed();
            current.clear();
            continue;
        }
        current += c;
    }
    if (!current.trimmed().isEmpty())
        out << current.trimmed();
    return out;
}

std::optional<QStringList> oracleStatements(const QString &path, Engine engine, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = path + u": "_s + file.errorString();
        return std::nullopt;
    }
    QStringList statements;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    for (const QString &line : lines) {
        if (line.trimmed().isEmpty() || line.startsWith(u"--"_s))
            continue;
        for (QString statement : splitStatements(line)) {
            // Sequelize writes enum types as "public"."enum_..."; the scratch schema is not
            // public (several tests share the server), so the type goes where search_path
            // points, like everything else in the script. This is about where the oracle
            // runs, not a difference between Junction and Sequelize.
            if (engine == Engine::Postgres)
                statement.replace(u"\"public\".\"enum_"_s, u"\"enum_"_s);
            statements << statement;
        }
    }
    return statements;
}

struct Difference
{
    QString where; // "Table" or "Table.column"
    QString what;
    QString junction;
    QString sequelize;

    QString text() const
    {
        return u"%1: %2: Junction %3, Sequelize %4"_s.arg(where, what, junction, sequelize);
    }
};

// A difference found by this test that is not (yet) documented as deliberate in
// associations.md §5: either the resolver/DDL gets fixed or §5 gets a row, and then the
// entry goes. Each stays an expected failure meanwhile, so the suite is green but honest.
struct KnownDifference
{
    const char *project;
    QList<Engine> engines;
    const char *where;
    const char *what;
    const char *reason;
};

const QList<KnownDifference> &knownDifferences()
{
    // None at present: every difference found so far was either fixed in the resolver or
    // documented as deliberate and normalised above.
    static const QList<KnownDifference> list;
    return list;
}

bool applies(const KnownDifference &k, const QString &oracle, Engine engine)
{
    return oracle == QLatin1String(k.project) && k.engines.contains(engine);
}

QString show(const QStringList &list)
{
    return u"["_s + list.join(u", "_s) + u"]"_s;
}

QString show(bool value)
{
    return value ? u"true"_s : u"false"_s;
}

QStringList uniqueSets(const LiveTable &t)
{
    QStringList out;
    for (const LiveUnique &u : t.uniques)
        out << u'(' + u.columns.join(u',') + u')';
    out.sort();
    return out;
}

// Names left out: Junction names every constraint, Sequelize leaves it to the engine
// (associations.md §5: the DDL text is Junction's own, the schema must match).
QString foreignKeyText(const LiveForeignKey &fk)
{
    return u"(%1) -> %2(%3) ON DELETE %4 ON UPDATE %5"_s.arg(
        fk.columns.join(u','), fk.referencedTable, fk.referencedColumns.join(u','), fk.onDelete,
        fk.onUpdate);
}

QStringList indexTexts(const LiveTable &t)
{
    QStringList out;
    for (const LiveIndex &i : t.indexes)
        out << i.name + u'(' + i.columns.join(u',') + u')' + (i.unique ? u" UNIQUE"_s : QString());
    out.sort();
    return out;
}

class Comparison
{
public:
    Comparison(Engine engine, const LiveSchema &junction, const LiveSchema &sequelize)
        : m_engine(engine)
        , m_junction(junction)
        , m_sequelize(sequelize)
    {
    }

    QList<Difference> run()
    {
        QStringList junctionTables;
        QStringList sequelizeTables;
        for (const LiveTable &t : m_junction.tables)
            junctionTables << t.name;
        for (const LiveTable &t : m_sequelize.tables)
            sequelizeTables << t.name;
        check(u"schema"_s, u"tables"_s, show(junctionTables), show(sequelizeTables));
        for (const LiveTable &s : m_sequelize.tables) {
            if (const LiveTable *j = m_junction.table(s.name))
                table(*j, s);
        }
        if (m_engine == Engine::Postgres) {
            QStringList junctionEnums;
            QStringList sequelizeEnums;
            for (auto it = m_junction.enums.cbegin(); it != m_junction.enums.cend(); ++it)
                junctionEnums << it.key() + u'(' + it.value().join(u',') + u')';
            for (auto it = m_sequelize.enums.cbegin(); it != m_sequelize.enums.cend(); ++it)
                sequelizeEnums << it.key() + u'(' + it.value().join(u',') + u')';
            check(u"schema"_s, u"enum types"_s, show(junctionEnums), show(sequelizeEnums));
        }
        return m_differences;
    }

private:
    void check(const QString &where, const QString &what, const QString &junction,
               const QString &sequelize)
    {
        if (junction != sequelize)
            m_differences.append({where, what, junction, sequelize});
    }

    void table(const LiveTable &j, const LiveTable &s)
    {
        QStringList junctionColumns;
        QStringList sequelizeColumns;
        for (const LiveColumn &c : j.columns)
            junctionColumns << c.name;
        for (const LiveColumn &c : s.columns)
            sequelizeColumns << c.name;
        check(s.name, u"columns"_s, show(junctionColumns), show(sequelizeColumns));

        for (const LiveColumn &sc : s.columns) {
            const LiveColumn *jc = j.column(sc.name);
            if (!jc)
                continue;
            const QString where = s.name + u'.' + sc.name;
            check(where, u"native type"_s, jc->nativeType, sc.nativeType);
            // Deliberate (README, "Where Junction differs"): Junction writes NOT NULL on every
            // primary key column. Sequelize v4's SQLite DDL leaves it off a single-column key,
            // and SQLite, unlike the other engines, then accepts NULL keys.
            const bool sqliteKey = m_engine == Engine::Sqlite && s.primaryKey == QStringList{sc.name};
            if (!sqliteKey)
                check(where, u"nullable"_s, show(jc->nullable), show(sc.nullable));
            check(where, u"auto-increment"_s, show(jc->autoIncrement), show(sc.autoIncrement));
            check(where, u"default"_s, jc->defaultExpression, sc.defaultExpression);
            check(where, u"enum labels"_s, show(jc->enumValues), show(sc.enumValues));
            // Column comments are not compared: Junction emits them, v4 drops them
            // (associations.md §5, "Column comments are emitted").
        }
        check(s.name, u"table comment"_s, j.comment, s.comment);
        check(s.name, u"primary key"_s, show(j.primaryKey), show(s.primaryKey));
        check(s.name, u"unique column sets"_s, show(uniqueSets(j)), show(uniqueSets(s)));

        QStringList sequelizeFks;
        for (const LiveForeignKey &fk : s.foreignKeys)
            sequelizeFks << foreignKeyText(fk);
        QStringList junctionFks;
        for (const LiveForeignKey &fk : j.foreignKeys) {
            // associations.md §5: "SQLite keeps REFERENCES on an INTEGER primary key that is
            // also a FK (v4 drops it)". Only that exact constraint is set aside.
            const LiveColumn *key
                = j.primaryKey.size() == 1 ? j.column(j.primaryKey.first()) : nullptr;
            const bool droppedByV4 = m_engine == Engine::Sqlite && key && fk.columns == j.primaryKey
                && key->nativeType.compare(u"INTEGER"_s, Qt::CaseInsensitive) == 0
                && !sequelizeFks.contains(foreignKeyText(fk));
            if (!droppedByV4)
                junctionFks << foreignKeyText(fk);
        }
        junctionFks.sort();
        sequelizeFks.sort();
        check(s.name, u"foreign keys"_s, show(junctionFks), show(sequelizeFks));
        check(s.name, u"indexes"_s, show(indexTexts(j)), show(indexTexts(s)));
    }

    Engine m_engine;
    const LiveSchema &m_junction;
    const LiveSchema &m_sequelize;
    QList<Difference> m_differences;
};

bool runAll(const Scratch &scratch, const QStringList &statements, QString *error)
{
    for (const QString &statement : statements) {
        if (!exec(scratch.ddl(), statement, error))
            return false;
    }
    return true;
}

} // namespace

class TestSequelizeOracle : public QObject
{
    Q_OBJECT

private slots:
    void sameSchema_data();
    void sameSchema();
};

void TestSequelizeOracle::sameSchema_data()
{
    QTest::addColumn<QString>("project");
    QTest::addColumn<QString>("oracle");
    QTest::addColumn<Engine>("engine");
    const QList<std::pair<QString, QString>> projects {
        {u"resources/examples/blog.junction.json"_s, u"blog"_s},
        {u"resources/examples/shop.junction.json"_s, u"shop"_s},
        {u"tests/data/sequelize/rules.junction.json"_s, u"rules"_s},
    };
    for (const auto &[project, oracle] : projects) {
        for (Engine e : {Engine::Sqlite, Engine::Postgres, Engine::MySql})
            QTest::addRow("%s on %s", qPrintable(oracle), qPrintable(engineName(e)))
                << project << oracle << e;
    }
}

void TestSequelizeOracle::sameSchema()
{
    QFETCH(QString, project);
    QFETCH(QString, oracle);
    QFETCH(Engine, engine);
    if (engine != Engine::Sqlite)
        JUNCTION_REQUIRE_SERVER(engine);

    LoadResult loaded = ProjectReader::readFile(QStringLiteral(JUNCTION_SOURCE_DIR "/") + project);
    QVERIFY(loaded.project);
    const ResolvedSchema schema = resolve(*loaded.project);
    const Dialect::Kind kind = dialectOf(engine);
    QVERIFY(!hasErrors(validateProject(*loaded.project, schema, {kind})));
    const QStringList junctionDdl = DdlGenerator(Dialect::get(kind)).schema(schema);

    QString error;
    const std::optional<QStringList> sequelizeDdl
        = oracleStatements(QStringLiteral(JUNCTION_SOURCE_DIR "/tests/data/sequelize/") + oracle
                               + u'.' + oracleDialect(engine) + u".sql"_s,
                           engine, &error);
    QVERIFY2(sequelizeDdl, qPrintable(error));
    QVERIFY(!sequelizeDdl->isEmpty());

    const ConnectionSpec server = serverSpec(engine).value_or(ConnectionSpec {});
    Scratch junctionScratch;
    Scratch sequelizeScratch;
    QVERIFY2(junctionScratch.setUp(engine, server, &error), qPrintable(error));
    QVERIFY2(sequelizeScratch.setUp(engine, server, &error), qPrintable(error));
    QVERIFY2(runAll(junctionScratch, junctionDdl, &error), qPrintable(u"Junction: "_s + error));
    QVERIFY2(runAll(sequelizeScratch, *sequelizeDdl, &error), qPrintable(u"Sequelize: "_s + error));

    const LiveSchema junctionLive
        = CatalogReader::read(junctionScratch.reader(), junctionScratch.schema(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const LiveSchema sequelizeLive
        = CatalogReader::read(sequelizeScratch.reader(), sequelizeScratch.schema(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!sequelizeLive.tables.isEmpty());

    const QList<Difference> differences = Comparison(engine, junctionLive, sequelizeLive).run();

    QSet<int> seen;
    QStringList unexpected;
    for (const Difference &d : differences) {
        int known = -1;
        for (int i = 0; i < knownDifferences().size(); ++i) {
            const KnownDifference &k = knownDifferences().at(i);
            if (applies(k, oracle, engine) && d.where == QLatin1String(k.where)
                && d.what == QLatin1String(k.what)) {
                known = i;
                break;
            }
        }
        if (known < 0) {
            unexpected << d.text();
            continue;
        }
        seen.insert(known);
        const QString reason = d.where + u": "_s + d.what + u": "_s
            + QLatin1String(knownDifferences().at(known).reason);
        QEXPECT_FAIL("", qPrintable(reason), Continue);
        QCOMPARE(d.junction, d.sequelize);
    }
    QVERIFY2(
        unexpected.isEmpty(),
        qPrintable(u"Junction's schema differs from Sequelize's:\n"_s + unexpected.join(u'\n')));

    QStringList stale;
    for (int i = 0; i < knownDifferences().size(); ++i) {
        const KnownDifference &k = knownDifferences().at(i);
        if (applies(k, oracle, engine) && !seen.contains(i))
            stale << QLatin1String(k.where) + u": "_s + QLatin1String(k.what);
    }
    QVERIFY2(stale.isEmpty(),
             qPrintable(u"Known differences that no longer occur; remove them from "
                        "knownDifferences():\n"_s
                        + stale.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestSequelizeOracle)
#include "tst_sequelize_oracle.moc"
