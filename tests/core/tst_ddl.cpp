// SPDX-License-Identifier: MIT
// DDL is a pure function of (ResolvedSchema, Dialect): golden text per example and dialect,
// the association preview, quoting and the shortening of generated names.
// Set JUNCTION_UPDATE_GOLDEN=1 to rewrite the golden files after a deliberate change, then
// review the diff.
#include "ddlgenerator.h"
#include "projectreader.h"
#include "schemagenerator.h"
#include "validator.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTest>

#include <limits>

using namespace Junction;

namespace {

const QString sourceDir = QStringLiteral(JUNCTION_SOURCE_DIR);

Project loadFile(const QString &path)
{
    LoadResult r = ProjectReader::readFile(path);
    if (!r.project)
        qWarning() << "cannot load" << path;
    return r.project.value_or(Project{});
}

QString readText(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("<missing golden file %1>").arg(path);
    return QString::fromUtf8(f.readAll());
}

} // namespace

class TestDdl : public QObject
{
    Q_OBJECT

private slots:
    void golden_data();
    void golden();
    void selection_data();
    void selection();
    void selectionTables_data();
    void selectionTables();
    void preview_data();
    void preview();
    void previewOfKeyObject_data();
    void previewOfKeyObject();
    void quoting_data();
    void quoting();
    void generatedNames_data();
    void generatedNames();
    void noDdlForInvalidProject();
    void scriptInOnePass_data();
    void scriptInOnePass();
    void appendedPieces_data();
    void appendedPieces();
};

void TestDdl::golden_data()
{
    QTest::addColumn<QString>("project");
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<bool>("drop");
    const QStringList projects{QStringLiteral("resources/examples/blog.junction.json"),
                               QStringLiteral("resources/examples/shop.junction.json"),
                               QStringLiteral("tests/data/ddl/hostile-identifiers.junction.json")};
    for (const QString &p : projects) {
        for (const QString &d : {QStringLiteral("sqlite"), QStringLiteral("postgres"), QStringLiteral("mysql")})
            QTest::addRow("%s %s", qPrintable(p.section(QLatin1Char('/'), -1)), qPrintable(d)) << p << d << false;
    }
    QTest::newRow("blog postgres --drop") << projects.first() << QStringLiteral("postgres") << true;
}

void TestDdl::golden()
{
    QFETCH(QString, project);
    QFETCH(QString, dialect);
    QFETCH(bool, drop);
    const Project p = loadFile(sourceDir + QLatin1Char('/') + project);
    QVERIFY(!p.entities.isEmpty());
    const ResolvedSchema schema = resolve(p);
    const Dialect::Kind kind = *Dialect::kindFromName(dialect);
    QVERIFY(!hasErrors(validateProject(p, schema, {kind})));
    DdlOptions options;
    options.dropFirst = drop;
    const QString ddl = DdlGenerator::script(DdlGenerator(Dialect::get(kind)).schema(schema, options));

    const QString golden = sourceDir + QStringLiteral("/tests/data/golden/")
                           + project.section(QLatin1Char('/'), -1).section(QLatin1Char('.'), 0, 0)
                           + QLatin1Char('.') + dialect + (drop ? QStringLiteral(".drop") : QString())
                           + QStringLiteral(".sql");
    if (qEnvironmentVariableIntValue("JUNCTION_UPDATE_GOLDEN") == 1) {
        QFile f(golden);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(ddl.toUtf8());
    }
    QCOMPARE(ddl, readText(golden));
}

// The DDL of a part of the schema: Post and Tag bring the junction table between them, in
// creation order, and nothing of Users (which Posts references).
void TestDdl::selection_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<bool>("drop");
    for (const QString &d : {QStringLiteral("sqlite"), QStringLiteral("postgres"), QStringLiteral("mysql")})
        QTest::newRow(qPrintable(d)) << d << false;
    QTest::newRow("postgres --drop") << QStringLiteral("postgres") << true;
}

void TestDdl::selection()
{
    QFETCH(QString, dialect);
    QFETCH(bool, drop);
    const ResolvedSchema schema = resolve(loadFile(sourceDir + QStringLiteral("/resources/examples/blog.junction.json")));
    const QSet<QString> tables = tablesOfModels(schema, {EntityId(QStringLiteral("m-tag")), EntityId(QStringLiteral("m-post"))});
    QCOMPARE(tables, (QSet<QString>{QStringLiteral("Posts"), QStringLiteral("Tags"), QStringLiteral("PostTags")}));
    DdlOptions options;
    options.dropFirst = drop;
    const QString ddl = DdlGenerator::script(DdlGenerator(Dialect::get(*Dialect::kindFromName(dialect))).tables(schema, tables, options));

    const QString golden = sourceDir + QStringLiteral("/tests/data/golden/blog-post-tag.") + dialect
                           + (drop ? QStringLiteral(".drop") : QString()) + QStringLiteral(".sql");
    if (qEnvironmentVariableIntValue("JUNCTION_UPDATE_GOLDEN") == 1) {
        QFile f(golden);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(ddl.toUtf8());
    }
    QCOMPARE(ddl, readText(golden));
}

void TestDdl::selectionTables_data()
{
    QTest::addColumn<QStringList>("models");
    QTest::addColumn<QStringList>("tables");
    QTest::newRow("none") << QStringList{} << QStringList{};
    QTest::newRow("one model") << QStringList{"m-user"} << QStringList{"Users"};
    QTest::newRow("one end of a belongsToMany: no junction") << QStringList{"m-post", "m-user"} << QStringList{"Posts", "Users"};
    QTest::newRow("both ends: the junction") << QStringList{"m-tag", "m-post"} << QStringList{"PostTags", "Posts", "Tags"};
    QTest::newRow("unknown id") << QStringList{"m-nothing"} << QStringList{};
    QTest::newRow("all") << QStringList{"m-user", "m-picture", "m-post", "m-tag"}
                         << QStringList{"Pictures", "PostTags", "Posts", "Tags", "Users"};
}

void TestDdl::selectionTables()
{
    QFETCH(QStringList, models);
    QFETCH(QStringList, tables);
    const ResolvedSchema schema = resolve(loadFile(sourceDir + QStringLiteral("/resources/examples/blog.junction.json")));
    QSet<EntityId> ids;
    for (const QString &m : std::as_const(models))
        ids.insert(EntityId(m));
    QStringList found = tablesOfModels(schema, ids).values();
    found.sort();
    QCOMPARE(found, tables);
    // Every table named: the same text as the whole schema.
    if (tables.size() == schema.tables.size()) {
        const DdlGenerator generator(Dialect::get(Dialect::Kind::Postgres));
        QCOMPARE(generator.tables(schema, tablesOfModels(schema, ids)), generator.schema(schema));
    }
}

void TestDdl::preview_data()
{
    QTest::addColumn<QString>("association");
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QString>("expected");
    QTest::newRow("hasMany postgres") << "as-user-posts" << "postgres"
        << "ALTER TABLE \"Posts\" ADD COLUMN \"UserId\" INTEGER;\n"
           "ALTER TABLE \"Posts\" ADD CONSTRAINT \"Posts_UserId_fkey\" FOREIGN KEY (\"UserId\") REFERENCES \"Users\" (\"id\") ON DELETE SET NULL ON UPDATE CASCADE;\n";
    QTest::newRow("hasMany mysql") << "as-user-posts" << "mysql"
        << "ALTER TABLE `Posts` ADD COLUMN `UserId` INTEGER;\n"
           "ALTER TABLE `Posts` ADD CONSTRAINT `Posts_UserId_fkey` FOREIGN KEY (`UserId`) REFERENCES `Users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE;\n";
    QTest::newRow("hasMany sqlite: column with REFERENCES") << "as-user-posts" << "sqlite"
        << "ALTER TABLE \"Posts\" ADD COLUMN \"UserId\" INTEGER REFERENCES \"Users\" (\"id\") ON DELETE SET NULL ON UPDATE CASCADE;\n";
    QTest::newRow("constraints false: column only") << "as-user-profile-picture" << "postgres"
        << "ALTER TABLE \"Users\" ADD COLUMN \"ProfilePictureId\" INTEGER;\n";
    QTest::newRow("belongsToMany: the junction table") << "as-post-tags" << "postgres"
        << "CREATE TABLE \"PostTags\" (\n"
           "  \"createdAt\" TIMESTAMP WITH TIME ZONE NOT NULL,\n"
           "  \"updatedAt\" TIMESTAMP WITH TIME ZONE NOT NULL,\n"
           "  \"PostId\" INTEGER NOT NULL,\n"
           "  \"TagId\" INTEGER NOT NULL,\n"
           "  CONSTRAINT \"PostTags_pkey\" PRIMARY KEY (\"PostId\", \"TagId\"),\n"
           "  CONSTRAINT \"PostTags_PostId_fkey\" FOREIGN KEY (\"PostId\") REFERENCES \"Posts\" (\"id\") ON DELETE CASCADE ON UPDATE CASCADE,\n"
           "  CONSTRAINT \"PostTags_TagId_fkey\" FOREIGN KEY (\"TagId\") REFERENCES \"Tags\" (\"id\") ON DELETE CASCADE ON UPDATE CASCADE\n"
           ");\n";
}

void TestDdl::preview()
{
    QFETCH(QString, association);
    QFETCH(QString, dialect);
    QFETCH(QString, expected);
    const ResolvedSchema schema = resolve(loadFile(sourceDir + QStringLiteral("/resources/examples/blog.junction.json")));
    const QStringList statements = DdlGenerator(Dialect::get(*Dialect::kindFromName(dialect)))
                                       .associationPreview(schema, AssociationId(association));
    QCOMPARE(DdlGenerator::script(statements), expected);
}

// What a foreignKey object adds to its column shows in the preview too: the type, the
// UNIQUE (SQLite adds no UNIQUE column: a unique index) and the comment.
void TestDdl::previewOfKeyObject_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QString>("expected");
    QTest::newRow("postgres") << "postgres"
        << "ALTER TABLE \"Posts\" ADD COLUMN \"authorId\" BIGINT;\n"
           "ALTER TABLE \"Posts\" ADD CONSTRAINT \"Posts_authorId_fkey\" FOREIGN KEY (\"authorId\") REFERENCES \"Users\" (\"id\") ON DELETE SET NULL ON UPDATE CASCADE;\n"
           "ALTER TABLE \"Posts\" ADD CONSTRAINT \"Posts_authorId_unique\" UNIQUE (\"authorId\");\n"
           "COMMENT ON COLUMN \"Posts\".\"authorId\" IS 'who';\n";
    QTest::newRow("mysql") << "mysql"
        << "ALTER TABLE `Posts` ADD COLUMN `authorId` BIGINT COMMENT 'who';\n"
           "ALTER TABLE `Posts` ADD CONSTRAINT `Posts_authorId_fkey` FOREIGN KEY (`authorId`) REFERENCES `Users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE;\n"
           "ALTER TABLE `Posts` ADD CONSTRAINT `Posts_authorId_unique` UNIQUE (`authorId`);\n";
    QTest::newRow("sqlite") << "sqlite"
        << "ALTER TABLE \"Posts\" ADD COLUMN \"authorId\" BIGINT REFERENCES \"Users\" (\"id\") ON DELETE SET NULL ON UPDATE CASCADE;\n"
           "CREATE UNIQUE INDEX \"Posts_authorId_unique\" ON \"Posts\" (\"authorId\");\n";
}

void TestDdl::previewOfKeyObject()
{
    QFETCH(QString, dialect);
    QFETCH(QString, expected);
    const LoadResult loaded = ProjectReader::readBytes(R"({
  "junction": 1,
  "models": [
    { "id": "m-user", "name": "User", "timestamps": false, "attributes": [] },
    { "id": "m-post", "name": "Post", "timestamps": false, "attributes": [] }
  ],
  "associations": [
    { "id": "as-1", "type": "hasMany", "source": "User", "target": "Post",
      "foreignKey": { "name": "authorId", "type": "BIGINT", "unique": true, "comment": "who" } }
  ]
}
)");
    QVERIFY(loaded.project);
    const ResolvedSchema schema = resolve(*loaded.project);
    const QStringList statements = DdlGenerator(Dialect::get(*Dialect::kindFromName(dialect)))
                                       .associationPreview(schema, AssociationId(QStringLiteral("as-1")));
    QCOMPARE(DdlGenerator::script(statements), expected);
}

void TestDdl::quoting_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QString>("identifier");
    QTest::addColumn<QString>("quoted");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("literal");
    QTest::newRow("postgres") << "postgres" << "a\"b;--" << "\"a\"\"b;--\"" << "it's \\" << "'it''s \\'";
    QTest::newRow("sqlite") << "sqlite" << "a\"b" << "\"a\"\"b\"" << "it's" << "'it''s'";
    QTest::newRow("mysql doubles backticks and backslashes") << "mysql" << "a`b\"c" << "`a``b\"c`" << "it's \\" << "'it''s \\\\'";
}

void TestDdl::quoting()
{
    QFETCH(QString, dialect);
    QFETCH(QString, identifier);
    QFETCH(QString, quoted);
    QFETCH(QString, text);
    QFETCH(QString, literal);
    const Dialect &d = Dialect::get(*Dialect::kindFromName(dialect));
    QCOMPARE(d.quote(identifier), quoted);
    QCOMPARE(d.quoteString(text), literal);
}

void TestDdl::generatedNames_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    const QString fits63 = QString(63, QLatin1Char('a'));
    QTest::newRow("postgres 63 bytes fit") << "postgres" << fits63 << fits63;
    QTest::newRow("postgres 64 bytes shortened") << "postgres" << QString(64, QLatin1Char('a'))
        << QString(54, QLatin1Char('a')) + QStringLiteral("_") + QString::fromLatin1(QCryptographicHash::hash(QByteArray(64, 'a'), QCryptographicHash::Sha1).toHex().left(8));
    QTest::newRow("mysql 64 characters fit") << "mysql" << QString(64, QLatin1Char('a')) << QString(64, QLatin1Char('a'));
    QTest::newRow("sqlite has no limit") << "sqlite" << QString(300, QLatin1Char('a')) << QString(300, QLatin1Char('a'));
}

void TestDdl::generatedNames()
{
    QFETCH(QString, dialect);
    QFETCH(QString, name);
    QFETCH(QString, expected);
    const Dialect &d = Dialect::get(*Dialect::kindFromName(dialect));
    QCOMPARE(d.generatedName(name), expected);
    QVERIFY(d.fitsIdentifier(d.generatedName(name)));
    // CJK: PostgreSQL counts bytes, never cutting a character in half.
    const QString cjk = QString(30, QChar(0x7528)); // 90 bytes
    const QString shortened = Dialect::get(Dialect::Kind::Postgres).generatedName(cjk);
    QVERIFY(shortened.toUtf8().size() <= 63);
    QVERIFY(!shortened.contains(QChar::ReplacementCharacter));
}

void TestDdl::noDdlForInvalidProject()
{
    const Project p = loadFile(sourceDir + QStringLiteral("/resources/examples/cycle.junction.json"));
    const ResolvedSchema schema = resolve(p);
    QVERIFY(schema.hasCycle);
    QVERIFY(hasErrors(validateProject(p, schema)));
}

// schemaScript() and tablesScript() write the script in one pass; the statement list
// (what the sync runs and the previews show) joined by script() must be the same text.
void TestDdl::scriptInOnePass_data()
{
    QTest::addColumn<QString>("project");
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<bool>("drop");
    // "generated": bench_core's schema generator with 1,200 models, whose enum type names
    // ("enum_Model1000s_field9") are past 21 units.
    const QStringList projects{QStringLiteral("resources/examples/blog.junction.json"),
                               QStringLiteral("resources/examples/shop.junction.json"),
                               QStringLiteral("resources/examples/cycle.junction.json"),
                               QStringLiteral("tests/data/ddl/hostile-identifiers.junction.json"),
                               QStringLiteral("generated")};
    for (const QString &p : projects) {
        for (const QString &d : {QStringLiteral("sqlite"), QStringLiteral("postgres"), QStringLiteral("mysql")}) {
            for (bool drop : {false, true}) {
                QTest::addRow("%s %s%s", qPrintable(p.section(QLatin1Char('/'), -1)), qPrintable(d),
                              drop ? " --drop" : "")
                    << p << d << drop;
            }
        }
    }
}

void TestDdl::scriptInOnePass()
{
    QFETCH(QString, project);
    QFETCH(QString, dialect);
    QFETCH(bool, drop);
    const Project p = project == QLatin1String("generated")
                          ? Bench::generateProject(1200, 1800)
                          : loadFile(sourceDir + QLatin1Char('/') + project);
    QVERIFY(!p.entities.isEmpty());
    const ResolvedSchema schema = resolve(p);
    const DdlGenerator generator(Dialect::get(*Dialect::kindFromName(dialect)));
    DdlOptions options;
    options.dropFirst = drop;
    const QString joined = DdlGenerator::script(generator.schema(schema, options));
    QVERIFY(joined.contains(QLatin1String("CREATE TABLE")));
    QCOMPARE(generator.schemaScript(schema, options), joined);

    // Parts of the schema: each table alone (the first 40), every second one, and none.
    QSet<QString> everySecond;
    for (qsizetype i = 0; i < schema.tables.size(); ++i) {
        if (i < 40) {
            const QSet<QString> one{schema.tables.at(i).name};
            QCOMPARE(generator.tablesScript(schema, one, options),
                     DdlGenerator::script(generator.tables(schema, one, options)));
        }
        if (i % 2 == 0)
            everySecond.insert(schema.tables.at(i).name);
    }
    QCOMPARE(generator.tablesScript(schema, everySecond, options),
             DdlGenerator::script(generator.tables(schema, everySecond, options)));
    QCOMPARE(generator.tablesScript(schema, {}, options), QString());
}

// The pieces the generator appends in place are the texts of the functions that return them.
void TestDdl::appendedPieces_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("column");
    const QString cjk = QString(30, QChar(0x7528));
    QTest::newRow("short") << "Users" << "role";
    QTest::newRow("quotes") << "we\"ird`table" << "it's";
    QTest::newRow("63 bytes with enum_ and _") << QString(28, QLatin1Char('t')) << QString(29, QLatin1Char('c'));
    QTest::newRow("64 bytes") << QString(29, QLatin1Char('t')) << QString(29, QLatin1Char('c'));
    QTest::newRow("long ascii") << QString(40, QLatin1Char('t')) << QString(40, QLatin1Char('c'));
    QTest::newRow("cjk") << cjk << QStringLiteral("名字");
    QTest::newRow("cjk, 21 units") << QString(8, QChar(0x7528)) << QString(7, QChar(0x7528));
    QTest::newRow("one non-ASCII, 39 bytes") << QStringLiteral("\u00C4") + QString(30, QLatin1Char('t')) << QStringLiteral("c");
    QTest::newRow("one non-ASCII, 64 bytes") << QStringLiteral("\u00C4") + QString(54, QLatin1Char('t')) << QStringLiteral("c");
    QTest::newRow("surrogate pairs") << QString::fromUtf8("\xF0\x9F\x98\x80").repeated(20) << QStringLiteral("x");
    QTest::newRow("empty") << QString() << QString();
}

void TestDdl::appendedPieces()
{
    QFETCH(QString, table);
    QFETCH(QString, column);
    for (Dialect::Kind kind : Dialect::allKinds()) {
        const Dialect &d = Dialect::get(kind);
        const QString prefix = QStringLiteral("x");
        QString out = prefix;
        d.appendQuotedEnumTypeName(out, table, column);
        QCOMPARE(out, prefix + d.quote(d.enumTypeName(table, column)));
        out = prefix;
        d.appendQuotedGeneratedName(out, table, u"_pkey");
        QCOMPARE(out, prefix + d.quote(d.generatedName(table + QStringLiteral("_pkey"))));
        out = prefix;
        d.appendQuotedGeneratedName(out, column);
        QCOMPARE(out, prefix + d.quote(d.generatedName(column)));
        out = prefix;
        d.appendQuotedString(out, column);
        QCOMPARE(out, prefix + d.quoteString(column));
    }
    // Numbers in type names (VARCHAR(n), DECIMAL(p,s)) as QString::number writes them.
    const Dialect &pg = Dialect::get(Dialect::Kind::Postgres);
    for (int n : {0, 7, 10, 255, 65535, std::numeric_limits<int>::max(), -1, -300,
                  std::numeric_limits<int>::min()}) {
        DataType decimal;
        decimal.kind = DataType::Kind::Decimal;
        decimal.precision = n;
        decimal.scale = n;
        const QString expected = n < 0 ? QStringLiteral("DECIMAL")
                                       : QStringLiteral("DECIMAL(%1,%1)").arg(QString::number(n));
        QCOMPARE(pg.columnType(decimal, table, column), expected);
        DataType chars;
        chars.kind = DataType::Kind::Char;
        chars.length = n;
        QCOMPARE(pg.columnType(chars, table, column),
                 QStringLiteral("CHAR(%1)").arg(QString::number(n > 0 ? n : 255)));
    }
}

QTEST_GUILESS_MAIN(TestDdl)
#include "tst_ddl.moc"
