// SPDX-License-Identifier: MIT
#include "cleanprojectreader.h"
#include "jsonlocator.h"
#include "jsonprinter.h"
#include "projectreader.h"
#include "projectwriter.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/resource.h>
#endif

using namespace Junction;

namespace {

QString fixturePath(const QString &name)
{
    return QFINDTESTDATA(QStringLiteral(JUNCTION_TEST_DATA "/projects/") + name);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QStringList codes(const Diagnostics &diagnostics)
{
    QStringList out;
    for (const Diagnostic &d : diagnostics)
        out.append(d.code);
    return out;
}

QString describe(const Diagnostics &diagnostics)
{
    QStringList out;
    for (const Diagnostic &d : diagnostics)
        out.append(QStringLiteral("%1 %2 %3:%4 %5")
                       .arg(d.code, d.path)
                       .arg(d.line)
                       .arg(d.column)
                       .arg(d.message));
    return out.join(QLatin1Char('\n'));
}

// Every id in file order: models, their attributes, then associations.
QStringList allIds(const Project &project)
{
    QStringList ids;
    for (const Entity &e : project.entities) {
        ids.append(e.id.toString());
        for (const Attribute &a : e.attributes)
            ids.append(a.id.toString());
    }
    for (const Association &a : project.associations)
        ids.append(a.id.toString());
    return ids;
}

Project projectWithAttribute(const QString &attributeName)
{
    Project project;
    Entity entity;
    entity.id = EntityId(QStringLiteral("m"));
    entity.name = QStringLiteral("M");
    Attribute attribute;
    attribute.id = AttributeId(QStringLiteral("a"));
    attribute.name = attributeName;
    attribute.type = QStringLiteral("STRING");
    entity.attributes.append(attribute);
    project.entities.append(entity);
    return project;
}

} // namespace

class TestProjectIo : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void hostileValues();
    void largeProject();
    void derivedIds();
    void define_data();
    void define();
    void badInput_data();
    void badInput();
    void allProblemsAtOnce();
    void unknownKeysKeptAfterKnownOnes();
    void readFileNamesTheFile();
    void readFileMissing();
    void writeFile();
    void writeFileFailure_data();
    void writeFileFailure();
    void layout_data();
    void layout();
    void numbers_data();
    void numbers();
    void escaping();
    void locate_data();
    void locate();
    void connections();
    void connectionPasswordNeverKept_data();
    void connectionPasswordNeverKept();
    void fastPathMatchesFullPath_data();
    void fastPathMatchesFullPath();
    void fastPathTakesCleanFiles();
};

// Files the program wrote: load → save gives the same bytes.
void TestProjectIo::roundTrip_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<int>("warnings");
    QTest::newRow("blog") << QStringLiteral("blog.junction.json") << 0;
    QTest::newRow("hostile names, unknown keys") << QStringLiteral("hostile.junction.json") << 7;
    QTest::newRow("minimal") << QStringLiteral("minimal.junction.json") << 0;
    // charset: an unknown key of a connection, kept.
    QTest::newRow("connections") << QStringLiteral("connections.junction.json") << 1;
}

void TestProjectIo::roundTrip()
{
    QFETCH(QString, fixture);
    QFETCH(int, warnings);
    const QString path = fixturePath(fixture);
    const QByteArray original = readAll(path);
    QVERIFY2(!original.isEmpty(), qPrintable(QStringLiteral("cannot read %1").arg(fixture)));

    const LoadResult result = ProjectReader::readFile(path);
    QVERIFY2(result.project, qPrintable(describe(result.diagnostics)));
    QCOMPARE(result.diagnostics.size(), warnings);
    for (const Diagnostic &d : result.diagnostics)
        QCOMPARE(d.severity, Diagnostic::Severity::Warning);

    const QByteArray saved = ProjectWriter::toBytes(*result.project);
    QCOMPARE(QString::fromUtf8(saved), QString::fromUtf8(original)); // readable diff
    QCOMPARE(saved, original);
}

void TestProjectIo::hostileValues()
{
    const LoadResult result
        = ProjectReader::readFile(fixturePath(QStringLiteral("hostile.junction.json")));
    QVERIFY2(result.project, qPrintable(describe(result.diagnostics)));
    const Project &p = *result.project;
    QCOMPARE(p.name, QStringLiteral("Hostile \"names\" \\ and 用户 😀"));
    QCOMPARE(p.entities.size(), 2);
    const Entity &e = p.entities.at(0);
    QCOMPARE(e.name, QStringLiteral("Quote\"Model"));
    QCOMPARE(e.tableName, QStringLiteral("back\\slash\\table"));
    QCOMPARE(e.comment,
             QString::fromUtf16(u"line one\nline two\ttabbed\r\nwindows \b\f bell\u0001 "
                                u"unit\u001f del\u007f"));
    QCOMPARE(e.attributes.at(0).name, QStringLiteral("\""));
    QCOMPARE(e.attributes.at(1).name, QStringLiteral("\\"));
    QCOMPARE(e.attributes.at(1).defaultValue.text, QStringLiteral("\\\"\n"));
    QCOMPARE(e.attributes.at(2).field, QStringLiteral("ユーザー名"));
    QCOMPARE(e.attributes.at(3).name, QStringLiteral("emoji😀🎉"));
    QCOMPARE(e.attributes.at(4).name.toUtf8().size(), 64);
    QCOMPARE(e.attributes.at(5).name.toUtf8().size(), 64);
    QCOMPARE(e.attributes.at(5).name.size(), 32); // 16 characters outside the BMP
    QCOMPARE(e.attributes.at(6).name, QString::fromUtf16(u"sep\u2028arator/slash"));
    QCOMPARE(e.attributes.at(6).unknownKeys.keys(),
             QStringList({QStringLiteral("weird \"key\"\n"), QStringLiteral("x-editor")}));
    QCOMPARE(e.unknownKeys.value(QStringLiteral("x-model-note")).toString(),
             QStringLiteral("kept"));
    QCOMPARE(p.define.unknownKeys.value(QStringLiteral("x-define")).toString(),
             QStringLiteral("kept"));
    QCOMPARE(p.associations.at(0).foreignKey.unknownKeys.value(QStringLiteral("x-fk")).toInt(), 1);
    QVERIFY(p.unknownKeys.contains(QStringLiteral("x-top")));

    // The bytes on disk are raw UTF-8 for everything but quotes, backslashes and controls.
    const QByteArray bytes = readAll(fixturePath(QStringLiteral("hostile.junction.json")));
    QVERIFY(bytes.contains(QStringLiteral("\"name\": \"emoji😀🎉\"").toUtf8()));
    QVERIFY(bytes.contains("bell\\u0001 unit\\u001f"));
    QVERIFY(!bytes.contains("\\u00"
                            "e9"));
}

// Big enough (> 1 MB) that the parse tree is released on a worker thread while the project
// keeps parts of it (layout, unknown keys).
void TestProjectIo::largeProject()
{
    Project project;
    QJsonObject positions;
    for (int m = 0; m < 2000; ++m) {
        Entity entity;
        entity.id = EntityId(QStringLiteral("m-%1").arg(m));
        entity.name = QStringLiteral("Model%1").arg(m);
        entity.unknownKeys.insert(QStringLiteral("x-color"), QStringLiteral("#%1").arg(m));
        for (int a = 0; a < 10; ++a) {
            Attribute attribute;
            attribute.id = AttributeId(QStringLiteral("a-%1-%2").arg(m).arg(a));
            attribute.name = QStringLiteral("attribute%1").arg(a);
            attribute.type = QStringLiteral("STRING(%1)").arg(a + 1);
            attribute.allowNull = a % 2 == 0;
            entity.attributes.append(attribute);
        }
        project.entities.append(entity);
        positions.insert(entity.id.toString(),
                         QJsonObject {{QStringLiteral("x"), m}, {QStringLiteral("y"), -m}});
    }
    project.layout.insert(QStringLiteral("models"), positions);
    const QByteArray bytes = ProjectWriter::toBytes(project);
    QVERIFY2(bytes.size() > 1 << 20, QByteArray::number(bytes.size()).constData());

    for (int round = 0; round < 3; ++round) {
        const LoadResult result = ProjectReader::readBytes(bytes);
        QVERIFY2(result.project, qPrintable(describe(result.diagnostics)));
        QCOMPARE(result.project->entities.size(), 2000);
        QCOMPARE(result.project->layout, project.layout);
        QCOMPARE(
            result.project->entities.last().unknownKeys.value(QStringLiteral("x-color")).toString(),
            QStringLiteral("#1999"));
        QCOMPARE(ProjectWriter::toBytes(*result.project), bytes);
    }
}

// A hand-written file without ids: ids derived from names, explicit ones reserved first,
// collisions numbered; the same on every load; and stable once saved.
void TestProjectIo::derivedIds()
{
    const QString path = fixturePath(QStringLiteral("handwritten.junction.json"));
    const LoadResult first = ProjectReader::readFile(path);
    QVERIFY2(first.project, qPrintable(describe(first.diagnostics)));
    QCOMPARE(first.diagnostics.size(), 0);
    const QStringList expected = {
        QStringLiteral("m-User-2"), // "m-User" is Account's explicit id
        QStringLiteral("a-User-id"),
        QStringLiteral("a-User-email"),
        QStringLiteral("m-User"),
        QStringLiteral("a-Account-email-2"), // "a-Account-email" is taken by `login`
        QStringLiteral("a-Account-email"),
        QStringLiteral("m-Picture"),
        QStringLiteral("m-Tag"),
        QStringLiteral("as-User-hasMany-Picture"),
        QStringLiteral("as-User-hasMany-Picture-2"),
        QStringLiteral("as-Picture-belongsTo-User-Owner"),
        QStringLiteral("as-Picture-belongsToMany-Tag-Labels"),
        QStringLiteral("as-User-hasMany-Picture-3"), // explicit
    };
    QCOMPARE(allIds(*first.project), expected);

    const LoadResult second = ProjectReader::readFile(path);
    QVERIFY(second.project);
    QCOMPARE(allIds(*second.project), expected);

    const QByteArray saved = ProjectWriter::toBytes(*first.project);
    const LoadResult reloaded = ProjectReader::readBytes(saved);
    QVERIFY2(reloaded.project, qPrintable(describe(reloaded.diagnostics)));
    QCOMPARE(allIds(*reloaded.project), expected);
    QCOMPARE(ProjectWriter::toBytes(*reloaded.project), saved);
}

void TestProjectIo::define_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("hasDefine");
    QTest::addColumn<bool>("timestamps");
    QTest::addColumn<bool>("paranoid");
    QTest::addColumn<QByteArray>("written"); // the define line(s) on save; empty: none

    QTest::newRow("absent") << QByteArray(R"({"junction": 1, "models": []})") << false << true
                            << false << QByteArray();
    QTest::newRow("partial") << QByteArray(
        R"({"junction": 1, "define": {"paranoid": true}, "models": []})")
                             << true << true << true
                             << QByteArray("  \"define\": {\n    \"timestamps\": true,\n"
                                           "    \"underscored\": false,\n"
                                           "    \"underscoredAll\": false,\n"
                                           "    \"freezeTableName\": false,\n"
                                           "    \"paranoid\": true\n  },\n");
    QTest::newRow("empty object") << QByteArray(R"({"junction": 1, "define": {}, "models": []})")
                                  << true << true << false << QByteArray("  \"define\": {\n");
    QTest::newRow("timestamps off")
        << QByteArray(R"({"junction": 1, "define": {"timestamps": false}, "models": []})") << true
        << false << false << QByteArray("    \"timestamps\": false,\n");
}

void TestProjectIo::define()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, hasDefine);
    QFETCH(bool, timestamps);
    QFETCH(bool, paranoid);
    QFETCH(QByteArray, written);

    const LoadResult result = ProjectReader::readBytes(json);
    QVERIFY2(result.project, qPrintable(describe(result.diagnostics)));
    QCOMPARE(result.project->hasDefine, hasDefine);
    QCOMPARE(result.project->define.timestamps, timestamps);
    QCOMPARE(result.project->define.paranoid, paranoid);
    QCOMPARE(result.project->define.underscored, false);
    QCOMPARE(result.project->define.underscoredAll, false);
    QCOMPARE(result.project->define.freezeTableName, false);
    const QByteArray saved = ProjectWriter::toBytes(*result.project);
    if (written.isEmpty())
        QVERIFY2(!saved.contains("\"define\""), saved.constData());
    else
        QVERIFY2(saved.contains(written), saved.constData());
}

// One row per class of bad input: the code, JSON path, line and column of the first
// diagnostic, and for some the message. `loads`: only warnings, so a project comes back.
void TestProjectIo::badInput_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message"); // empty: not checked
    QTest::addColumn<int>("count");
    QTest::addColumn<bool>("loads");

    auto row = [](const char *name, const char *json, const char *code, const char *path, int line,
                  int column, const char *message = "", int count = 1, bool loads = false) {
        QTest::newRow(name) << QByteArray(json) << QString::fromUtf8(code)
                            << QString::fromUtf8(path) << line << column
                            << QString::fromUtf8(message) << count << loads;
    };

    // JSON syntax: position of the offending character, or of the end when the text stops.
    row("truncated", "{\n  \"junction\": 1,\n  \"models\": [\n", "json-syntax", "", 4, 1,
        "this file is not valid JSON: unterminated array");
    row("trailing comma", "{\n  \"junction\": 1,\n  \"models\": [],\n}\n", "json-syntax", "", 4, 1);
    row("missing comma", "{\n  \"junction\": 1\n  \"models\": []\n}\n", "json-syntax", "", 3, 3);
    row("not JSON", "junction: 1\n", "json-syntax", "", 1, 1);
    row("empty", "", "json-syntax", "", 1, 1);
    row("root is an array", "[\n  {}\n]\n", "wrong-type", "", 1, 1,
        "expected an object at the top level, found an array");

    // Format version.
    row("junction missing", "{\n  \"models\": []\n}\n", "format-version-missing", "", 1, 1,
        "this file is not a Junction project: it has no \"junction\" format version (this "
        "version writes \"junction\": 1)");
    row("newer version", "{\n  \"junction\": 2,\n  \"models\": [],\n  \"futureKey\": {}\n}\n",
        "format-version-newer", "junction", 2, 15,
        "this file was written by a newer Junction (format 2); this version reads format 1");
    row("version is a string", "{ \"junction\": \"1\", \"models\": [] }", "format-version-invalid",
        "junction", 1, 15,
        "junction: the format version must be a positive integer, found a string");
    row("version is a fraction", "{ \"junction\": 1.5, \"models\": [] }", "format-version-invalid",
        "junction", 1, 15, "junction: the format version must be a positive integer, found 1.5");
    row("version zero", "{ \"junction\": 0, \"models\": [] }", "format-version-invalid", "junction",
        1, 15);

    // Missing keys: the position of the object that lacks them.
    row("models missing", "{\n  \"junction\": 1\n}\n", "missing-key", "", 1, 1);
    row("model without name",
        "{\n  \"junction\": 1,\n  \"models\": [\n    { \"attributes\": [] }\n  ]\n}\n",
        "missing-key", "models[0]", 4, 5, "models[0]: a model needs a \"name\"");
    row("attribute without type",
        "{\"junction\": 1, \"models\": [{\"name\": \"A\", \"attributes\": [\n"
        "  {\"name\": \"x\"}\n]}]}",
        "missing-key", "models[0].attributes[0]", 2, 3,
        "models[0].attributes[0]: an attribute needs a \"type\"");
    row("association without target",
        "{\"junction\": 1, \"models\": [], \"associations\": [\n"
        "  {\"type\": \"hasMany\", \"source\": \"A\"}\n]}",
        "missing-key", "associations[0]", 2, 3);
    row("index without fields",
        "{\"junction\": 1, \"models\": [{\"name\": \"A\", \"indexes\": [ {\"name\": \"i\"} ]}]}",
        "missing-key", "models[0].indexes[0]", 1, 55);

    // Connections.
    row("connection without engine",
        "{\"junction\": 1, \"models\": [], \"connections\": [\n  {\"name\": \"db\"}\n]}",
        "missing-key", "connections[0]", 2, 3, "connections[0]: a connection needs an \"engine\"");
    row("connection engine unknown",
        "{\"junction\": 1, \"models\": [], \"connections\": [\n"
        "  {\"name\": \"db\", \"engine\": \"oracle\"}\n]}",
        "invalid-value", "connections[0].engine", 2, 28,
        "connections[0].engine: unknown engine \"oracle\"; use sqlite, postgres, mysql or mariadb");
    row("connection port out of range",
        "{\"junction\": 1, \"models\": [], \"connections\": [\n"
        "  {\"name\": \"db\", \"engine\": \"postgres\", \"port\": 70000}\n]}",
        "invalid-value", "connections[0].port", 2, 48,
        "connections[0].port: a port is a whole number from 1 to 65535, found 70000");
    row("connection port is a string",
        "{\"junction\": 1, \"models\": [], \"connections\": [\n"
        "  {\"name\": \"db\", \"engine\": \"postgres\", \"port\": \"5432\"}\n]}",
        "wrong-type", "connections[0].port", 2, 48,
        "connections[0].port: expected a port number, found a string");
    row("connections is an object", "{\"junction\": 1, \"models\": [], \"connections\": {}}",
        "wrong-type", "connections", 1, 46, "connections: expected an array, found an object");
    row("two connections with one name",
        "{\"junction\": 1, \"models\": [], \"connections\": [\n"
        "  {\"name\": \"db\", \"engine\": \"sqlite\"},\n"
        "  {\"name\": \"db\", \"engine\": \"postgres\"}\n]}",
        "duplicate-connection", "connections[1].name", 3, 12,
        "connections[1].name: a second connection named \"db\" (connections[0] has that name)");

    // Wrong JSON types, at several depths.
    row("models is an object", "{\n  \"junction\": 1,\n  \"models\": {}\n}\n", "wrong-type",
        "models", 3, 13, "models: expected an array, found an object");
    row("model is a string",
        "{\n  \"junction\": 1,\n  \"models\": [\n    { \"name\": \"A\" },\n    \"B\"\n  ]\n}\n",
        "wrong-type", "models[1]", 5, 5, "models[1]: expected an object, found a string");
    row("model name is a number",
        "{\n  \"junction\": 1,\n  \"models\": [\n    { \"name\": \"A\" },\n    { \"name\": \"B\" "
        "},\n"
        "    { \"name\": 3 }\n  ]\n}\n",
        "wrong-type", "models[2].name", 6, 15, "models[2].name: expected a string, found a number");
    row("allowNull is a string",
        "{\"junction\": 1, \"models\": [{\"name\": \"A\", \"attributes\": [\n"
        "  {\"name\": \"x\", \"type\": \"INTEGER\"},\n"
        "  {\"name\": \"y\", \"type\": \"INTEGER\", \"allowNull\": \"no\"}\n]}]}",
        "wrong-type", "models[0].attributes[1].allowNull", 3, 49,
        "models[0].attributes[1].allowNull: expected true or false, found a string");
    row("foreignKey.allowNull is a number",
        "{\"junction\": 1, \"models\": [], \"associations\": [\n"
        "  {\"type\": \"hasMany\", \"source\": \"A\", \"target\": \"B\",\n"
        "   \"foreignKey\": {\"name\": \"aId\", \"allowNull\": 0}}\n]}",
        "wrong-type", "associations[0].foreignKey.allowNull", 3, 47);
    row("index field is a number",
        "{\"junction\": 1, \"models\": [{\"name\": \"A\", \"indexes\": [\n"
        "  {\"fields\": [\"x\", 3]}\n]}]}",
        "wrong-type", "models[0].indexes[0].fields[1]", 2, 20);
    row("layout is an array", "{\"junction\": 1, \"models\": [], \"layout\": []}", "wrong-type",
        "layout", 1, 41);
    row("name is null", "{\"junction\": 1, \"name\": null, \"models\": []}", "wrong-type", "name",
        1, 25, "name: expected a string, found null");

    // Unknown keys: a warning; the project still loads.
    row("misspelt key",
        "{\n  \"junction\": 1,\n  \"models\": [\n    {},\n    {},\n"
        "    { \"name\": \"A\", \"atributes\": [] }\n  ]\n}\n",
        "missing-key", "models[0]", 4, 5, "", 3);
    row("misspelt key alone",
        "{\n  \"junction\": 1,\n  \"models\": [\n    { \"name\": \"A\", \"atributes\": [] }\n  "
        "]\n}\n",
        "unknown-key", "models[0].atributes", 4, 33,
        "models[0].atributes: unknown key \"atributes\" (did you mean \"attributes\"?)", 1, true);
    row("unknown key, no suggestion", "{\"junction\": 1, \"models\": [], \"colour\": \"red\"}",
        "unknown-key", "colour", 1, 41, "colour: unknown key \"colour\"", 1, true);
    row("transposed key",
        "{\"junction\": 1, \"models\": [{\"name\": \"A\", \"attributes\": [{\"name\": \"x\", "
        "\"type\": \"TEXT\", \"tpye\": 1}]}]}",
        "unknown-key", "models[0].attributes[0].tpye", 1, 95,
        "models[0].attributes[0].tpye: unknown key \"tpye\" (did you mean \"type\"?)", 1, true);

    // Association type.
    row("unknown association type",
        "{\"junction\": 1, \"models\": [], \"associations\": [\n"
        "  {\"type\": \"hasmany\", \"source\": \"A\", \"target\": \"B\"}\n]}",
        "unknown-association-type", "associations[0].type", 2, 12,
        "associations[0].type: unknown association type \"hasmany\"; use belongsTo, hasOne, "
        "hasMany or belongsToMany");

    // Duplicate ids: one namespace for models, attributes and associations.
    row("duplicate model id",
        "{\"junction\": 1, \"models\": [\n  {\"id\": \"m-a\", \"name\": \"A\"},\n"
        "  {\"id\": \"m-a\", \"name\": \"B\"}\n]}",
        "duplicate-id", "models[1].id", 3, 10,
        "models[1].id: duplicate id \"m-a\" (already used by models[0])");
    row("association reuses an attribute id",
        "{\"junction\": 1, \"models\": [{\"name\": \"A\", \"attributes\": [\n"
        "  {\"id\": \"x\", \"name\": \"a\", \"type\": \"TEXT\"}]}],\n"
        " \"associations\": [{\"id\": \"x\", \"type\": \"hasOne\", \"source\": \"A\", \"target\": "
        "\"A\"}]}",
        "duplicate-id", "associations[0].id", 3, 26,
        "associations[0].id: duplicate id \"x\" (already used by models[0].attributes[0])");
    row("empty id", "{\"junction\": 1, \"models\": [{\"id\": \"\", \"name\": \"A\"}]}",
        "invalid-value", "models[0].id", 1, 35);

    // Values of none of a key's forms.
    const char *attributeHead
        = "{\"junction\": 1, \"models\": [{\"name\": \"A\", \"attributes\": [\n"
          "  {\"name\": \"x\", \"type\": \"DATE\",\n   \"defaultValue\": ";
    auto defaultRow = [&](const char *name, const char *value, const char *code, const char *path,
                          int column, const char *message = "") {
        const QByteArray json = QByteArray(attributeHead) + value + "}\n]}]}";
        row(name, json.constData(), code, path, 3, column, message);
    };
    defaultRow("defaultValue is an array", "[1]", "invalid-value",
               "models[0].attributes[0].defaultValue", 20);
    defaultRow("defaultValue fn unknown", "{\"fn\": \"NOW()\"}", "invalid-value",
               "models[0].attributes[0].defaultValue.fn", 27,
               "models[0].attributes[0].defaultValue.fn: unknown function \"NOW()\"; use \"NOW\" "
               "or \"UUIDV4\"");
    defaultRow("defaultValue fn and sql", "{\"fn\": \"NOW\", \"sql\": \"now()\"}", "invalid-value",
               "models[0].attributes[0].defaultValue", 20);
    defaultRow("defaultValue other object", "{\"value\": 1}", "invalid-value",
               "models[0].attributes[0].defaultValue", 20);
    defaultRow("defaultValue sql not a string", "{\"sql\": 1}", "wrong-type",
               "models[0].attributes[0].defaultValue.sql", 28);
    row("unique is a number",
        "{\"junction\": 1, \"models\": [{\"name\": \"A\", \"attributes\": [{\"name\": \"x\", "
        "\"type\": \"TEXT\", \"unique\": 1}]}]}",
        "invalid-value", "models[0].attributes[0].unique", 1, 97);

    const char *associationHead
        = "{\"junction\": 1, \"models\": [], \"associations\": [\n"
          "  {\"type\": \"belongsToMany\", \"source\": \"A\", \"target\": \"B\",\n   ";
    auto associationRow
        = [&](const char *name, const char *member, const char *code, const char *path, int column,
              const char *message = "", int count = 1) {
              const QByteArray json = QByteArray(associationHead) + member + "}\n]}";
              row(name, json.constData(), code, path, 3, column, message, count);
          };
    associationRow("foreignKey is a number", "\"foreignKey\": 5", "invalid-value",
                   "associations[0].foreignKey", 18,
                   "associations[0].foreignKey: expected a column name (a string) or an attribute "
                   "definition (an object), found a number");
    associationRow("otherKey is an array", "\"otherKey\": []", "invalid-value",
                   "associations[0].otherKey", 16);
    associationRow("through without model", "\"through\": {\"table\": \"AB\"}", "invalid-value",
                   "associations[0].through", 15,
                   "associations[0].through: a through object needs a \"model\" (the model used "
                   "as the junction table)",
                   2);
    associationRow("through is a boolean", "\"through\": true", "invalid-value",
                   "associations[0].through", 15);
    associationRow("alias without plural", "\"as\": {\"singular\": \"Child\"}", "invalid-value",
                   "associations[0].as", 10,
                   "associations[0].as: an alias object needs both \"singular\" and \"plural\" as "
                   "non-empty strings");
    associationRow("alias is a number", "\"as\": 1", "invalid-value", "associations[0].as", 10);
}

void TestProjectIo::badInput()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, code);
    QFETCH(QString, path);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    QFETCH(int, count);
    QFETCH(bool, loads);

    const LoadResult result = ProjectReader::readBytes(json);
    QVERIFY2(!result.diagnostics.isEmpty(), "no diagnostic");
    const Diagnostic &d = result.diagnostics.first();
    QCOMPARE(d.code, code);
    QCOMPARE(d.path, path);
    QCOMPARE(d.line, line);
    QCOMPARE(d.column, column);
    if (!message.isEmpty())
        QCOMPARE(d.message, message);
    QCOMPARE(result.diagnostics.size(), count);
    QCOMPARE(result.project.has_value(), loads);
    QCOMPARE(d.severity, loads ? Diagnostic::Severity::Warning : Diagnostic::Severity::Error);
}

// Everything wrong is reported in one go, in file order; no project comes back.
void TestProjectIo::allProblemsAtOnce()
{
    const QByteArray json = R"({
  "junction": 1,
  "models": [
    { "id": "m-a", "name": 1, "atributes": [] },
    { "id": "m-a", "name": "B", "attributes": [ { "name": "x", "type": "DATE", "defaultValue": [] } ] }
  ],
  "associations": [ { "type": "hasSome", "source": "A", "target": "B" } ]
}
)";
    const LoadResult result = ProjectReader::readBytes(json);
    QVERIFY(!result.project);
    QCOMPARE(
        codes(result.diagnostics),
        QStringList({QStringLiteral("wrong-type"), QStringLiteral("unknown-key"),
                     QStringLiteral("invalid-value"), QStringLiteral("unknown-association-type"),
                     QStringLiteral("duplicate-id")}));
    QStringList paths;
    for (const Diagnostic &d : result.diagnostics)
        paths.append(d.path);
    QCOMPARE(paths,
             QStringList({QStringLiteral("models[0].name"), QStringLiteral("models[0].atributes"),
                          QStringLiteral("models[1].attributes[0].defaultValue"),
                          QStringLiteral("associations[0].type"), QStringLiteral("models[1].id")}));
}

void TestProjectIo::unknownKeysKeptAfterKnownOnes()
{
    const QByteArray json = R"({"zeta": [1, 2], "junction": 1, "models": [
      {"name": "A", "atributes": [{"name": "x"}], "color": "red"}], "alpha": {"b": {}}})";
    const LoadResult result = ProjectReader::readBytes(json);
    QVERIFY2(result.project, qPrintable(describe(result.diagnostics)));
    QCOMPARE(codes(result.diagnostics),
             QStringList({QStringLiteral("unknown-key"), QStringLiteral("unknown-key"),
                          QStringLiteral("unknown-key"), QStringLiteral("unknown-key")}));
    const QByteArray expected = R"({
  "junction": 1,
  "models": [
    {
      "id": "m-A",
      "name": "A",
      "attributes": [],
      "atributes": [
        { "name": "x" }
      ],
      "color": "red"
    }
  ],
  "associations": [],
  "alpha": { "b": {} },
  "zeta": [1, 2]
}
)";
    QCOMPARE(QString::fromUtf8(ProjectWriter::toBytes(*result.project)),
             QString::fromUtf8(expected));
}

void TestProjectIo::readFileNamesTheFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("future.junction.json"));
    QVERIFY(writeAll(path, "{\"junction\": 7, \"models\": []}\n"));
    const LoadResult result = ProjectReader::readFile(path);
    QVERIFY(!result.project);
    QCOMPARE(result.diagnostics.size(), 1);
    QCOMPARE(result.diagnostics.first().code, QStringLiteral("format-version-newer"));
    QCOMPARE(result.diagnostics.first().message,
             QStringLiteral("future.junction.json was written by a newer Junction (format 7); "
                            "this version reads format 1"));
}

void TestProjectIo::readFileMissing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("absent.junction.json"));
    const LoadResult result = ProjectReader::readFile(path);
    QVERIFY(!result.project);
    QCOMPARE(result.diagnostics.size(), 1);
    const Diagnostic &d = result.diagnostics.first();
    QCOMPARE(d.code, QStringLiteral("io"));
    QCOMPARE(d.severity, Diagnostic::Severity::Error);
    QVERIFY2(d.message.startsWith(QStringLiteral("cannot read ") + QDir::toNativeSeparators(path)),
             qPrintable(d.message));
    QVERIFY2(d.message.contains(QStringLiteral("No such file")), qPrintable(d.message));
}

void TestProjectIo::writeFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const LoadResult blog
        = ProjectReader::readFile(fixturePath(QStringLiteral("blog.junction.json")));
    QVERIFY(blog.project);
    const QString path = dir.filePath(QStringLiteral("blog.junction.json"));
    QVERIFY(writeAll(path, "old contents"));
    QString error;
    QVERIFY2(ProjectWriter::writeFile(*blog.project, path, &error), qPrintable(error));
    QCOMPARE(readAll(path), ProjectWriter::toBytes(*blog.project));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files),
             QStringList({QStringLiteral("blog.junction.json")}));
}

// A failed save reports why and leaves the existing file as it was (QSaveFile).
void TestProjectIo::writeFileFailure_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("directory does not exist") << QStringLiteral("missing-dir");
    // Refused for root too (permissions would not stop root): the name is taken by a directory.
    QTest::newRow("target is a directory") << QStringLiteral("directory");
#ifdef Q_OS_UNIX
    // Fails in the middle of writing, also for root (whom permissions do not stop).
    QTest::newRow("file size limit") << QStringLiteral("size-limit");
#endif
}

void TestProjectIo::writeFileFailure()
{
    QFETCH(QString, kind);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const LoadResult blog
        = ProjectReader::readFile(fixturePath(QStringLiteral("blog.junction.json")));
    QVERIFY(blog.project);
    const QByteArray old = "{\"junction\": 1, \"models\": []}\n";
    QString target = dir.filePath(QStringLiteral("sub/project.junction.json"));
    QString error;
    bool written = true;

    if (kind == QLatin1String("missing-dir")) {
        written = ProjectWriter::writeFile(*blog.project, target, &error);
        QVERIFY(!QFile::exists(target));
    } else if (kind == QLatin1String("directory")) {
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("sub/project.junction.json")));
        QVERIFY(writeAll(target + QStringLiteral("/inside.txt"), old));
        written = ProjectWriter::writeFile(*blog.project, target, &error);
        QVERIFY(QFileInfo(target).isDir());
        QCOMPARE(readAll(target + QStringLiteral("/inside.txt")), old);
        QCOMPARE(QDir(dir.filePath(QStringLiteral("sub"))).entryList(QDir::Files), QStringList());
    } else {
#ifdef Q_OS_UNIX
        target = dir.filePath(QStringLiteral("project.junction.json"));
        QVERIFY(writeAll(target, old));
        // Writes beyond 64 bytes fail with EFBIG instead of raising SIGXFSZ.
        struct sigaction ignore = {}, previous = {};
        ignore.sa_handler = SIG_IGN;
        sigaction(SIGXFSZ, &ignore, &previous);
        rlimit limit = {}, saved = {};
        getrlimit(RLIMIT_FSIZE, &saved);
        limit = saved;
        limit.rlim_cur = 64;
        setrlimit(RLIMIT_FSIZE, &limit);
        written = ProjectWriter::writeFile(*blog.project, target, &error);
        setrlimit(RLIMIT_FSIZE, &saved);
        sigaction(SIGXFSZ, &previous, nullptr);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files),
                 QStringList({QStringLiteral("project.junction.json")})); // no temporary left
#endif
    }

    QVERIFY(!written);
    QVERIFY2(error.startsWith(QStringLiteral("cannot write ") + QDir::toNativeSeparators(target)
                              + QStringLiteral(": ")),
             qPrintable(error));
    QVERIFY2(error.size() > QStringLiteral("cannot write : ").size() + target.size(),
             qPrintable(error));
    if (kind == QLatin1String("size-limit"))
        QCOMPARE(readAll(target), old);
}

// The one-line rule: a container of scalars (and arrays of scalars) stays on one line when
// the line, with indent and a possible comma, fits in 120 columns (code points).
void TestProjectIo::layout_data()
{
    QTest::addColumn<QString>("attributeName");
    QTest::addColumn<bool>("oneLine");

    // 8 spaces + `{ "id": "a", "name": "` + name + `", "type": "STRING" }` = 51 + name.
    QTest::newRow("119 columns") << QString(68, QLatin1Char('n')) << true;
    QTest::newRow("120 columns") << QString(69, QLatin1Char('n')) << false;
    QTest::newRow("119 columns of CJK") << QString(68, QChar(0x540D)) << true;
    QTest::newRow("120 columns of CJK") << QString(69, QChar(0x540D)) << false;
}

void TestProjectIo::layout()
{
    QFETCH(QString, attributeName);
    QFETCH(bool, oneLine);
    const QByteArray bytes = ProjectWriter::toBytes(projectWithAttribute(attributeName));
    const QByteArray name = attributeName.toUtf8();
    const QByteArray single
        = "\n        { \"id\": \"a\", \"name\": \"" + name + "\", \"type\": \"STRING\" }\n";
    const QByteArray multi = "\n        {\n          \"id\": \"a\",\n          \"name\": \"" + name
        + "\",\n          \"type\": \"STRING\"\n        }\n";
    QVERIFY2(bytes.contains(oneLine ? single : multi), bytes.constData());
}

void TestProjectIo::numbers_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("zero") << 0.0 << QByteArray("0");
    QTest::newRow("negative zero") << -0.0 << QByteArray("0");
    QTest::newRow("integer") << 42.0 << QByteArray("42");
    QTest::newRow("negative") << -7.0 << QByteArray("-7");
    QTest::newRow("fraction") << 0.1 << QByteArray("0.1");
    QTest::newRow("one and a half") << 1.5 << QByteArray("1.5");
    QTest::newRow("2^53 - 1") << 9007199254740991.0 << QByteArray("9007199254740991");
    QTest::newRow("2^53") << 9007199254740992.0 << QByteArray("9007199254740992");
    QTest::newRow("1e21") << 1e21 << QByteArray("1e+21");
    QTest::newRow("huge") << 1e300 << QByteArray("1e+300");
    QTest::newRow("tiny") << 1.25e-7 << QByteArray("1.25e-07");
}

void TestProjectIo::numbers()
{
    QFETCH(double, value);
    QFETCH(QByteArray, text);
    JsonPrinter printer;
    printer.array([&] { printer.number(value); });
    QCOMPARE(printer.finish(), "[" + text + "]\n");

    // And the number reads back as the same double.
    Project project = projectWithAttribute(QStringLiteral("x"));
    project.entities[0].attributes[0].defaultValue.kind = DefaultValue::Kind::Number;
    project.entities[0].attributes[0].defaultValue.number = value;
    const LoadResult result = ProjectReader::readBytes(ProjectWriter::toBytes(project));
    QVERIFY2(result.project, qPrintable(describe(result.diagnostics)));
    QCOMPARE(result.project->entities[0].attributes[0].defaultValue.number, value);
}

void TestProjectIo::escaping()
{
    JsonPrinter printer;
    printer.array([&] {
        printer.string(QString::fromUtf16(u"\"\\/\n\t\r\b\f\u0001\u001f\u007f é 名 😀"));
        printer.string(QString(QChar(0xD800))); // a lone surrogate is not Unicode
    });
    QCOMPARE(QString::fromUtf8(printer.finish()),
             QString::fromUtf16(u"[\"\\\"\\\\/\\n\\t\\r\\b\\f\\u0001\\u001f\u007f é 名 😀\", "
                                u"\"\uFFFD\"]\n"));
}

void TestProjectIo::locate_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    QTest::newRow("root") << QString() << 1 << 1;
    QTest::newRow("key") << QStringLiteral("a") << 2 << 8;
    QTest::newRow("array element") << QStringLiteral("list[0]") << 3 << 12;
    QTest::newRow("in an object in an array") << QStringLiteral("list[1].x") << 3 << 22;
    QTest::newRow("nested array") << QStringLiteral("list[2][1]") << 3 << 33;
    QTest::newRow("quoted keys") << QStringLiteral("[\"odd key\"][\"inner.dot\"]") << 4 << 28;
    QTest::newRow("escaped key") << QStringLiteral("[\"esc\\\"aped\"]") << 5 << 16;
    QTest::newRow("after multi-byte text") << QStringLiteral("名前.値") << 6 << 15;
    QTest::newRow("duplicate key: the last") << QStringLiteral("dup") << 7 << 20;
    QTest::newRow("no such key") << QStringLiteral("missing") << 0 << 0;
    QTest::newRow("index out of range") << QStringLiteral("list[3]") << 0 << 0;
    QTest::newRow("key of a number") << QStringLiteral("a.b") << 0 << 0;
    QTest::newRow("index of an object") << QStringLiteral("[\"odd key\"][0]") << 0 << 0;
}

void TestProjectIo::locate()
{
    QFETCH(QString, path);
    QFETCH(int, line);
    QFETCH(int, column);
    const QByteArray json = QStringLiteral("{\n"
                                           "  \"a\": 1,\n"
                                           "  \"list\": [10, {\"x\": true}, [1, 2]],\n"
                                           "  \"odd key\": {\"inner.dot\": \"v\"},\n"
                                           "  \"esc\\\"aped\": 2,\n"
                                           "  \"名前\": {\"値\": 3},\n"
                                           "  \"dup\": 1, \"dup\": 2\n"
                                           "}\n")
                                .toUtf8();
    const JsonLocator locator(json);
    const JsonLocator::Position position = locator.locate(path);
    QCOMPARE(position.line, line);
    QCOMPARE(position.column, column);

    // appendKey writes what locate() reads.
    QString built;
    JsonLocator::appendKey(built, QStringLiteral("odd key"));
    JsonLocator::appendKey(built, QStringLiteral("inner.dot"));
    QCOMPARE(built, QStringLiteral("[\"odd key\"][\"inner.dot\"]"));
}

// A clean file with every form the fast path hands to QJsonDocument or reads itself.
static QByteArray cleanInEveryForm()
{
    return R"json({"junction": 1, "name": "caf\u00e9 \"q\" 用户",
        "define": {"underscored": true, "paranoid": false},
        "models": [{"name": "User", "tableName": "users", "timestamps": false, "comment": "a\tb",
                    "attributes": [{"name": "id", "type": "INTEGER", "primaryKey": true,
                                    "autoIncrement": true},
                                   {"name": "n", "type": "DECIMAL(10,2)", "defaultValue": 1.5},
                                   {"name": "big", "type": "BIGINT", "defaultValue": 12345678901234567890},
                                   {"name": "neg", "type": "INTEGER", "defaultValue": -0},
                                   {"name": "e", "type": "FLOAT", "defaultValue": 1e3},
                                   {"name": "s", "type": "STRING", "defaultValue": "", "unique": "grp"},
                                   {"name": "t", "type": "DATE", "defaultValue": {"fn": "NOW"}},
                                   {"name": "q", "type": "TEXT", "defaultValue": {"sql": "now()"},
                                    "allowNull": false, "field": "q_q", "comment": ""},
                                   {"name": "b", "type": "BOOLEAN", "defaultValue": true},
                                   {"name": "z", "type": "STRING", "defaultValue": null, "unique": true}],
                    "indexes": [{"fields": ["n", "s"], "unique": true}, {"name": "i", "fields": []}]},
                   {"id": "m-2", "name": "Group", "attributes": []}],
        "associations": [
            {"type": "belongsToMany", "source": "User", "target": "Group", "through": {"model": "Group"},
             "as": {"singular": "member", "plural": "members"}, "otherKey": {"name": "g", "allowNull": false},
             "foreignKey": {"name": "u", "type": "INTEGER", "unique": false, "field": "uu", "comment": "c"}},
            {"id": "x", "type": "hasMany", "source": "Group", "target": "User", "as": "Users",
             "foreignKey": "groupId", "sourceKey": "id", "targetKey": "", "constraints": false,
             "onDelete": "cascade", "onUpdate": "SET NULL", "timestamps": true, "comment": "k"},
            {"type": "belongsToMany", "source": "User", "target": "Group", "through": "UG", "as": "gs"}],
        "connections": [{"name": "a", "engine": "postgres", "host": "h", "port": 5432, "database": "d",
                         "user": "u", "sslMode": "prefer"}, {"name": "b", "engine": "sqlite"}],
        "layout": {"models": {"User": {"x": 1.5, "y": -2}}, "z": [1, "\u0041", null]},
        "synced": {"a": {"at": "now"}}}
    )json";
}

// Clean files are read by a fast path (cleanprojectreader.h) that gives up on anything to
// report; both paths must give the same project and diagnostics for every file.
void TestProjectIo::fastPathMatchesFullPath_data()
{
    QTest::addColumn<QByteArray>("json");
    for (const QString &root : {QStringLiteral(JUNCTION_TEST_DATA), QStringLiteral(JUNCTION_EXAMPLES)}) {
        QDirIterator it(root, {QStringLiteral("*.junction.json")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QTest::newRow(qPrintable(QDir(root).relativeFilePath(path))) << readAll(path);
        }
    }
    const QByteArray clean = cleanInEveryForm();
    QTest::newRow("clean, every form") << clean;
    // Each gives up the fast path: the full reader reports (or takes) it.
    const QList<std::pair<const char *, QByteArray>> variants = {
        {"duplicate key", R"("name": "User", "tableName": "users",)"},
        {"escaped known key", R"("n\u0061me": "User", "tableName": "users",)"},
        {"unknown key", R"("name": "User", "tableNmae": "users",)"},
        {"empty id", R"("id": "", "name": "User", "tableName": "users",)"},
        {"wrong type", R"("name": "User", "tableName": 3,)"},
        {"null string", R"("name": "User", "tableName": null,)"},
        {"bad escape", R"("name": "User", "tableName": "\x",)"},
        {"bad number", R"("name": "User", "tableName": "users", "timestamps": 01,)"},
    };
    for (const auto &[name, replacement] : variants) {
        QByteArray json = clean;
        json.replace(R"("name": "User", "tableName": "users",)", replacement);
        QTest::newRow(name) << json;
    }
    QByteArray version = clean;
    QTest::newRow("version 1.0") << version.replace(R"("junction": 1,)", R"("junction": 1.0,)");
    version = clean;
    QTest::newRow("version 2") << version.replace(R"("junction": 1,)", R"("junction": 2,)");
    version = clean;
    QTest::newRow("version 10") << version.replace(R"("junction": 1,)", R"("junction": 10,)");
    QByteArray tail = clean;
    QTest::newRow("garbage after") << tail.append("x");
    QByteArray port = clean;
    QTest::newRow("port 0") << port.replace("5432", "0");
    QByteArray trailingComma = clean;
    QTest::newRow("trailing comma") << trailingComma.replace(R"("b", "engine": "sqlite"})",
                                                             R"("b", "engine": "sqlite",})");
}

void TestProjectIo::fastPathMatchesFullPath()
{
    QFETCH(QByteArray, json);
    const LoadResult full = ProjectReader::readBytesFully(json, QStringLiteral("p.json"));
    const LoadResult read = ProjectReader::readBytes(json, QStringLiteral("p.json"));
    QCOMPARE(describe(read.diagnostics), describe(full.diagnostics));
    QCOMPARE(bool(read.project), bool(full.project));
    if (!full.project)
        return;
    QCOMPARE(allIds(*read.project), allIds(*full.project));
    QCOMPARE(QString::fromUtf8(ProjectWriter::toBytes(*read.project)),
             QString::fromUtf8(ProjectWriter::toBytes(*full.project)));
}

void TestProjectIo::fastPathTakesCleanFiles()
{
    for (const QString &name : {QStringLiteral("blog.junction.json"), QStringLiteral("minimal.junction.json")}) {
        const QByteArray json = readAll(fixturePath(name));
        QVERIFY2(readCleanProject(json), qPrintable(name));
    }
    QVERIFY(readCleanProject(cleanInEveryForm()));
    QVERIFY(!readCleanProject(readAll(fixturePath(QStringLiteral("hostile.junction.json")))));
}

QTEST_GUILESS_MAIN(TestProjectIo)
// The `connections` section reads into values and writes back in the canonical order.
void TestProjectIo::connections()
{
    const LoadResult result
        = ProjectReader::readFile(fixturePath(QStringLiteral("connections.junction.json")));
    QVERIFY2(result.project, qPrintable(describe(result.diagnostics)));
    const QList<SavedConnection> &connections = result.project->connections;
    QCOMPARE(connections.size(), 3);
    QCOMPARE(connections.at(0).name, QStringLiteral("local file"));
    QVERIFY(connections.at(0).isSqlite());
    QCOMPARE(connections.at(0).database, QStringLiteral("shop.db"));
    QCOMPARE(connections.at(1).engine, QStringLiteral("postgres"));
    QCOMPARE(connections.at(1).host, QStringLiteral("db"));
    QCOMPARE(connections.at(1).port, 5433);
    QCOMPARE(connections.at(1).user, QStringLiteral("app"));
    QVERIFY(connections.at(1).sslMode.isEmpty());
    QCOMPARE(connections.at(2).port, 0);
    QCOMPARE(connections.at(2).unknownKeys.value(QStringLiteral("charset")).toString(),
             QStringLiteral("utf8mb4"));
    QCOMPARE(codes(result.diagnostics), QStringList {QStringLiteral("unknown-key")});

    // Built in code, written, read back: the same values.
    Project project;
    SavedConnection c;
    c.name = QStringLiteral("x");
    c.engine = QStringLiteral("mysql");
    c.host = QStringLiteral("h");
    c.port = 3307;
    c.sslMode = QStringLiteral("require");
    project.connections.append(c);
    const LoadResult again = ProjectReader::readBytes(ProjectWriter::toBytes(project));
    QVERIFY2(again.project, qPrintable(describe(again.diagnostics)));
    QCOMPARE(again.project->connections, project.connections);
}

// A password written into a connection by hand is reported, not loaded and never saved,
// however the key is spelt.
void TestProjectIo::connectionPasswordNeverKept_data()
{
    QTest::addColumn<QString>("key");
    QTest::newRow("password") << QStringLiteral("password");
    QTest::newRow("Password") << QStringLiteral("Password");
    QTest::newRow("dbPassword") << QStringLiteral("dbPassword");
    QTest::newRow("passwd") << QStringLiteral("passwd");
    QTest::newRow("pwd") << QStringLiteral("pwd");
}

void TestProjectIo::connectionPasswordNeverKept()
{
    QFETCH(QString, key);
    const QString secret = QStringLiteral("s3cret-Hunter2");
    const QByteArray json
        = QStringLiteral("{\"junction\": 1, \"models\": [], \"connections\": [\n"
                         "  {\"name\": \"db\", \"engine\": \"postgres\", \"%1\": \"%2\"}\n]}")
              .arg(key, secret)
              .toUtf8();
    const LoadResult result = ProjectReader::readBytes(json);
    QVERIFY2(result.project, qPrintable(describe(result.diagnostics)));
    QCOMPARE(codes(result.diagnostics), QStringList {QStringLiteral("password-not-kept")});
    const Diagnostic &d = result.diagnostics.first();
    QCOMPARE(d.severity, Diagnostic::Severity::Warning);
    QCOMPARE(d.path, QStringLiteral("connections[0].") + key);
    QCOMPARE(d.line, 2);
    QVERIFY2(d.message.contains(QLatin1String("never kept in the project file")),
             qPrintable(d.message));
    QVERIFY(result.project->connections.first().unknownKeys.isEmpty());

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.junction.json"));
    QString error;
    QVERIFY2(ProjectWriter::writeFile(*result.project, path, &error), qPrintable(error));
    const QByteArray saved = readAll(path);
    QVERIFY2(saved.contains("\"connections\""), saved.constData());
    QVERIFY2(!saved.contains(secret.toUtf8()), saved.constData());
    QVERIFY2(!saved.toLower().contains("password"), saved.constData());
}

#include "tst_projectio.moc"

