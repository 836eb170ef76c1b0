// SPDX-License-Identifier: MIT
// One row per rule of the association spec: the column, type, nullability and FK rules that
// Sequelize v4.44.4 produces (sequelize-v4-reference.md §2-§4, checked examples), and the
// exact diagnostics for what Sequelize rejects or Junction refuses.
#include "describe.h"
#include "projectreader.h"
#include "resolvedschema.h"
#include "validator.h"

#include <QTest>

#include <algorithm>

using namespace Junction;

namespace {

// A compact project: `models` and `associations` are the JSON arrays' contents.
QByteArray projectJson(const QByteArray &models, const QByteArray &associations,
                       const QByteArray &define = {})
{
    QByteArray json = "{ \"junction\": 1, ";
    if (!define.isEmpty())
        json += "\"define\": " + define + ", ";
    json += "\"models\": [" + models + "], \"associations\": [" + associations + "] }";
    return json;
}

Project load(const QByteArray &json)
{
    LoadResult r = ProjectReader::readBytes(json);
    if (!r.project) {
        QString all;
        for (const Diagnostic &d : r.diagnostics)
            all += d.path + QLatin1String(": ") + d.message + QLatin1Char('\n');
        qWarning().noquote() << "fixture does not load:" << all;
        return {};
    }
    return *r.project;
}

// "UserId INTEGER null -> Users.id ON DELETE SET NULL ON UPDATE CASCADE"
QString columnFact(const ResolvedSchema &schema, const QString &table, const QString &column)
{
    const ResolvedTable *t = schema.table(table);
    if (!t)
        return QStringLiteral("no table ") + table;
    const ResolvedColumn *c = t->column(column);
    if (!c) {
        QStringList names;
        for (const ResolvedColumn &col : t->columns)
            names << col.name;
        return QStringLiteral("no column %1 in %2 (%3)").arg(column, table, names.join(QLatin1Char(',')));
    }
    QString fact = c->name + QLatin1Char(' ') + c->type.toString()
                   + (c->allowNull ? QStringLiteral(" null") : QStringLiteral(" not-null"));
    if (c->primaryKey)
        fact += QStringLiteral(" pk");
    for (const ResolvedForeignKey &fk : t->foreignKeys) {
        if (fk.columns != QStringList{column})
            continue;
        fact += QStringLiteral(" -> %1.%2").arg(fk.referencedTable, fk.referencedColumns.join(QLatin1Char(',')));
        if (!fk.onDelete.isEmpty())
            fact += QStringLiteral(" ON DELETE ") + fk.onDelete;
        if (!fk.onUpdate.isEmpty())
            fact += QStringLiteral(" ON UPDATE ") + fk.onUpdate;
    }
    return fact;
}

QStringList columnNames(const ResolvedTable *t)
{
    QStringList names;
    if (t) {
        for (const ResolvedColumn &c : t->columns)
            names << c.name;
    }
    return names;
}

QStringList errorCodes(const Diagnostics &diagnostics, Diagnostic::Severity severity)
{
    QStringList codes;
    for (const Diagnostic &d : diagnostics) {
        if (d.severity == severity)
            codes << d.code;
    }
    return codes;
}

#define M(name) "{ \"name\": \"" name "\", \"attributes\": [] }"


// Blocks of associations over their own three models, with diagnostics of every stage, a
// created junction shared by a pair and a model used as `through` (whose keys change while
// associating). 200 blocks are prepared in two halves; each must resolve exactly as the
// one block does on its own, and the diagnostics come in association order.
QByteArray associationBlocks(int blocks)
{
    QByteArray models;
    QByteArray associations;
    for (int b = 0; b < blocks; ++b) {
        const QByteArray t = "blk" + QByteArray::number(b) + "x";
        for (const char *m : {"A", "B", "J", "C"})
            models += (models.isEmpty() ? "" : ", ") + QByteArray("{\"name\": \"") + m + t
                      + "\", \"attributes\": []}";
        const QByteArray list[] = {
            R"({"type":"belongsTo","source":"A#","target":"B#"})",
            R"({"type":"hasMany","source":"B#","target":"A#","as":"Items"})",
            R"({"type":"hasOne","source":"B#","target":"A#","onDelete":" cascade "})",
            R"({"type":"belongsToMany","source":"A#","target":"B#","through":"AB#"})",
            R"({"type":"belongsToMany","source":"B#","target":"A#","through":"AB#"})",
            R"({"type":"belongsToMany","source":"A#","target":"B#","as":"Js","through":{"model":"J#"}})",
            R"({"type":"belongsTo","source":"J#","target":"A#","as":"Owner"})",
            R"({"type":"hasMany","source":"A#","target":"Nope#"})",
            R"({"type":"belongsTo","source":"A#","target":"B#","as":{"singular":"X","plural":"Xs"}})",
            R"({"type":"hasMany","source":"A#","target":"B#","as":"Ys","through":"X#"})",
            R"({"type":"hasOne","source":"B#","target":"J#","otherKey":"k"})",
            R"({"type":"belongsTo","source":"B#","target":"A#","as":"Items"})",
            R"({"type":"hasMany","source":"J#","target":"B#","as":"Bees"})", // J's new key
            // B's primary key gets a column name of its own; a later junction references it.
            R"({"type":"hasOne","source":"C#","target":"B#","as":"Keyed","foreignKey":{"name":"id","field":"b_key"}})",
            R"({"type":"belongsToMany","source":"A#","target":"B#","as":"Cs","through":"AC#"})",
        };
        for (QByteArray a : list)
            associations += (associations.isEmpty() ? "" : ", ") + a.replace("#", t);
    }
    return projectJson(models, associations);
}

constexpr int blockSize = 15;

// What block `b` resolved to, its own names written as in block 0.
QStringList blockFacts(const ResolvedSchema &schema, int b)
{
    const QString token = QStringLiteral("blk%1x").arg(b);
    QStringList facts;
    auto add = [&](QString fact) { facts << fact.replace(token, QStringLiteral("blk0x")); };
    for (int k = 0; k < blockSize; ++k) {
        const ResolvedAssociation &a = schema.associations.at(b * blockSize + k);
        add(QStringList{a.source, a.target, a.sourceTable, a.targetTable, a.as, a.singular,
                        a.plural, a.foreignKey, a.foreignKeyColumn, a.foreignKeyTable,
                        a.referencedKey, a.otherKey, a.otherKeyColumn, a.throughTable,
                        a.throughModel, a.onDelete, a.onUpdate,
                        a.constraints ? QStringLiteral("c") : QString(),
                        a.valid ? QStringLiteral("valid") : QString()}
                .join(QLatin1Char('|')));
    }
    QList<const ResolvedTable *> tables;
    for (const char *model : {"A", "B", "J"})
        tables << schema.tableForEntity(QLatin1String(model) + token);
    tables << schema.table(QStringLiteral("AB") + token) << schema.table(QStringLiteral("AC") + token);
    for (const ResolvedTable *t : std::as_const(tables)) {
        if (!t) {
            add(QStringLiteral("a table is missing"));
            continue;
        }
        for (const ResolvedColumn &c : t->columns)
            add(columnFact(schema, t->name, c.name));
    }
    for (const Diagnostic &d : schema.diagnostics) {
        const int index = d.path.mid(13).section(QLatin1Char(']'), 0, 0).toInt();
        if (index / blockSize == b)
            add(QStringLiteral("%1 %2 %3 %4").arg(d.code, d.message, d.ids.join(QLatin1Char(',')))
                    .arg(QStringLiteral("associations[%1]").arg(index % blockSize)
                         + d.path.mid(d.path.indexOf(QLatin1Char(']')) + 1)));
    }
    return facts;
}

} // namespace

class TestResolver : public QObject
{
    Q_OBJECT

private slots:
    void foreignKeyColumn_data();
    void foreignKeyColumn();
    void columnOrder_data();
    void columnOrder();
    void tableNames_data();
    void tableNames();
    void accessors_data();
    void accessors();
    void diagnostics_data();
    void diagnostics();
    void identifiers_data();
    void identifiers();
    void creationOrder();
    void cycleMessage();
    void junctionKeys_data();
    void junctionKeys();
    void largeSchemaDiagnosticsInOrder();
    void largeSchemaResolvesInOrder();
    void largeSchemaLookups_data();
    void largeSchemaLookups();
    void manyAssociationsResolveAsFew();
    void referencedTableByIndex();
    void validatorFastPaths_data();
    void validatorFastPaths();
};

void TestResolver::foreignKeyColumn_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("expected");

    const QByteArray userPost = M("User") ", " M("Post");
    QTest::newRow("belongsTo default") << projectJson(userPost, R"({"type":"belongsTo","source":"Post","target":"User"})")
        << "Posts" << "UserId" << "UserId INTEGER null -> Users.id ON DELETE SET NULL ON UPDATE CASCADE";
    QTest::newRow("belongsTo lower-case models") << projectJson(M("user") ", " M("post"), R"({"type":"belongsTo","source":"post","target":"user"})")
        << "posts" << "userId" << "userId INTEGER null -> users.id ON DELETE SET NULL ON UPDATE CASCADE";
    QTest::newRow("belongsTo alias") << projectJson(userPost, R"({"type":"belongsTo","source":"Post","target":"User","as":"Author"})")
        << "Posts" << "AuthorId" << "AuthorId INTEGER null -> Users.id ON DELETE SET NULL ON UPDATE CASCADE";
    QTest::newRow("belongsTo underscored source alias") << projectJson(M("User") R"(, {"name":"Post","underscored":true,"attributes":[]})", R"({"type":"belongsTo","source":"Post","target":"User","as":"Author"})")
        << "Posts" << "author_id" << "author_id INTEGER null -> Users.id ON DELETE SET NULL ON UPDATE CASCADE";
    QTest::newRow("belongsTo underscored target ignored") << projectJson(R"({"name":"User","underscored":true,"attributes":[]}, )" M("Post"), R"({"type":"belongsTo","source":"Post","target":"User"})")
        << "Posts" << "UserId" << "UserId INTEGER null -> Users.id ON DELETE SET NULL ON UPDATE CASCADE";
    QTest::newRow("belongsTo allowNull false -> NO ACTION") << projectJson(userPost, R"({"type":"belongsTo","source":"Post","target":"User","foreignKey":{"name":"UserId","allowNull":false}})")
        << "Posts" << "UserId" << "UserId INTEGER not-null -> Users.id ON DELETE NO ACTION ON UPDATE CASCADE";
    QTest::newRow("belongsTo BIGINT custom pk") << projectJson(R"({"name":"User","attributes":[{"name":"userKey","type":"BIGINT","primaryKey":true}]}, )" M("Post"), R"({"type":"belongsTo","source":"Post","target":"User"})")
        << "Posts" << "UserUserKey" << "UserUserKey BIGINT null -> Users.userKey ON DELETE SET NULL ON UPDATE CASCADE";
    QTest::newRow("belongsTo targetKey keeps pk name") << projectJson(R"({"name":"User","attributes":[{"name":"email","type":"STRING","unique":true}]}, )" M("Post"), R"({"type":"belongsTo","source":"Post","target":"User","targetKey":"email"})")
        << "Posts" << "UserId" << "UserId STRING null -> Users.email ON DELETE SET NULL ON UPDATE CASCADE";
    QTest::newRow("belongsTo plural model name") << projectJson(M("People") ", " M("Categories"), R"({"type":"belongsTo","source":"People","target":"Categories"})")
        << "People" << "CategoryId" << "CategoryId INTEGER null -> Categories.id ON DELETE SET NULL ON UPDATE CASCADE";
    QTest::newRow("belongsTo self") << projectJson(M("Person"), R"({"type":"belongsTo","source":"Person","target":"Person"})")
        << "People" << "PersonId" << "PersonId INTEGER null -> People.id ON DELETE SET NULL ON UPDATE CASCADE";
    QTest::newRow("belongsTo explicit actions upper-cased") << projectJson(userPost, R"({"type":"belongsTo","source":"Post","target":"User","onDelete":"cascade","onUpdate":"restrict"})")
        << "Posts" << "UserId" << "UserId INTEGER null -> Users.id ON DELETE CASCADE ON UPDATE RESTRICT";
    QTest::newRow("belongsTo constraints false") << projectJson(userPost, R"({"type":"belongsTo","source":"Post","target":"User","constraints":false})")
        << "Posts" << "UserId" << "UserId INTEGER null";
    QTest::newRow("belongsTo constraints false but onDelete") << projectJson(userPost, R"({"type":"belongsTo","source":"Post","target":"User","constraints":false,"onDelete":"CASCADE"})")
        << "Posts" << "UserId" << "UserId INTEGER null -> Users.id ON DELETE CASCADE";
    QTest::newRow("belongsTo pre-declared FK -> NO ACTION, nullable") << projectJson(M("User") R"(, {"name":"Post","attributes":[{"name":"UserId","type":"INTEGER"}]})", R"({"type":"belongsTo","source":"Post","target":"User"})")
        << "Posts" << "UserId" << "UserId INTEGER null -> Users.id ON DELETE NO ACTION ON UPDATE CASCADE";
    QTest::newRow("belongsTo UUID key copied") << projectJson(R"({"name":"User","attributes":[{"name":"id","type":"UUID","primaryKey":true}]}, )" M("Post"), R"({"type":"belongsTo","source":"Post","target":"User"})")
        << "Posts" << "UserId" << "UserId UUID null -> Users.id ON DELETE SET NULL ON UPDATE CASCADE";
    QTest::newRow("belongsTo string key length copied") << projectJson(R"j({"name":"Tag","attributes":[{"name":"code","type":"STRING(16)","primaryKey":true}]}, )j" M("Post"), R"({"type":"belongsTo","source":"Post","target":"Tag","onDelete":"RESTRICT","onUpdate":"NO ACTION"})")
        << "Posts" << "TagCode" << "TagCode STRING(16) null -> Tags.code ON DELETE RESTRICT ON UPDATE NO ACTION";

    const QByteArray userProfile = M("User") ", " M("Profile");
    QTest::newRow("hasOne default") << projectJson(userProfile, R"({"type":"hasOne","source":"User","target":"Profile"})")
        << "Profiles" << "UserId" << "UserId INTEGER null -> Users.id ON DELETE SET NULL ON UPDATE CASCADE";
    QTest::newRow("hasOne alias names the FK") << projectJson(userProfile, R"({"type":"hasOne","source":"User","target":"Profile","as":"Avatar"})")
        << "Profiles" << "AvatarId" << "AvatarId INTEGER null -> Users.id ON DELETE SET NULL ON UPDATE CASCADE";
    QTest::newRow("hasOne plural model name") << projectJson(M("Users") ", " M("Profile"), R"({"type":"hasOne","source":"Users","target":"Profile"})")
        << "Profiles" << "UserId" << "UserId INTEGER null -> Users.id ON DELETE SET NULL ON UPDATE CASCADE";
    QTest::newRow("hasOne underscored target") << projectJson(M("User") R"(, {"name":"Profile","underscored":true,"attributes":[]})", R"({"type":"hasOne","source":"User","target":"Profile"})")
        << "Profiles" << "userId" << "userId INTEGER null -> Users.id ON DELETE SET NULL ON UPDATE CASCADE";
    QTest::newRow("hasOne underscored source") << projectJson(R"({"name":"User","underscored":true,"attributes":[]}, )" M("Profile"), R"({"type":"hasOne","source":"User","target":"Profile"})")
        << "Profiles" << "User_id" << "User_id INTEGER null -> Users.id ON DELETE SET NULL ON UPDATE CASCADE";
    QTest::newRow("hasOne allowNull false -> CASCADE") << projectJson(userProfile, R"({"type":"hasOne","source":"User","target":"Profile","foreignKey":{"name":"UserId","allowNull":false}})")
        << "Profiles" << "UserId" << "UserId INTEGER not-null -> Users.id ON DELETE CASCADE ON UPDATE CASCADE";
    QTest::newRow("hasOne pre-declared FK -> SET NULL (v4)") << projectJson(M("User") R"(, {"name":"Profile","attributes":[{"name":"UserId","type":"INTEGER"}]})", R"({"type":"hasOne","source":"User","target":"Profile"})")
        << "Profiles" << "UserId" << "UserId INTEGER null -> Users.id ON DELETE SET NULL ON UPDATE CASCADE";

    QTest::newRow("hasMany default") << projectJson(userPost, R"({"type":"hasMany","source":"User","target":"Post"})")
        << "Posts" << "UserId" << "UserId INTEGER null -> Users.id ON DELETE SET NULL ON UPDATE CASCADE";
    QTest::newRow("hasMany alias ignored") << projectJson(userPost, R"({"type":"hasMany","source":"User","target":"Post","as":"Articles"})")
        << "Posts" << "UserId" << "UserId INTEGER null -> Users.id ON DELETE SET NULL ON UPDATE CASCADE";
    QTest::newRow("hasMany underscored source") << projectJson(R"({"name":"User","underscored":true,"attributes":[]}, )" M("Post"), R"({"type":"hasMany","source":"User","target":"Post"})")
        << "Posts" << "user_id" << "user_id INTEGER null -> Users.id ON DELETE SET NULL ON UPDATE CASCADE";
    QTest::newRow("hasMany underscored target ignored") << projectJson(M("User") R"(, {"name":"Post","underscored":true,"attributes":[]})", R"({"type":"hasMany","source":"User","target":"Post"})")
        << "Posts" << "UserId" << "UserId INTEGER null -> Users.id ON DELETE SET NULL ON UPDATE CASCADE";
    QTest::newRow("hasMany both underscored") << projectJson(R"({"name":"BlogPost","underscored":true,"attributes":[]}, {"name":"Comment","underscored":true,"attributes":[]})", R"({"type":"hasMany","source":"BlogPost","target":"Comment"})")
        << "Comments" << "blog_post_id" << "blog_post_id INTEGER null -> BlogPosts.id ON DELETE SET NULL ON UPDATE CASCADE";
    QTest::newRow("hasMany UUID pk") << projectJson(R"({"name":"User","attributes":[{"name":"uid","type":"UUID","primaryKey":true}]}, )" M("Post"), R"({"type":"hasMany","source":"User","target":"Post"})")
        << "Posts" << "UserUid" << "UserUid UUID null -> Users.uid ON DELETE SET NULL ON UPDATE CASCADE";
    QTest::newRow("hasMany foreignKey object (seed uid)") << projectJson(M("User") ", " M("Picture"), R"({"type":"hasMany","source":"User","target":"Picture","foreignKey":{"name":"uid","allowNull":false}})")
        << "Pictures" << "uid" << "uid INTEGER not-null -> Users.id ON DELETE CASCADE ON UPDATE CASCADE";
    QTest::newRow("hasMany pre-declared FK -> CASCADE, nullable") << projectJson(M("User") R"(, {"name":"Post","attributes":[{"name":"UserId","type":"INTEGER"}]})", R"({"type":"hasMany","source":"User","target":"Post"})")
        << "Posts" << "UserId" << "UserId INTEGER null -> Users.id ON DELETE CASCADE ON UPDATE CASCADE";
    QTest::newRow("hasMany sourceKey") << projectJson(R"j({"name":"User","attributes":[{"name":"login","type":"STRING(40)","unique":true}]}, )j" M("Post"), R"({"type":"hasMany","source":"User","target":"Post","sourceKey":"login"})")
        << "Posts" << "UserId" << "UserId STRING(40) null -> Users.login ON DELETE SET NULL ON UPDATE CASCADE";
    QTest::newRow("hasMany self") << projectJson(M("Person"), R"({"type":"hasMany","source":"Person","target":"Person","as":"Children"})")
        << "People" << "PersonId" << "PersonId INTEGER null -> People.id ON DELETE SET NULL ON UPDATE CASCADE";
    QTest::newRow("foreignKey field") << projectJson(userPost, R"({"type":"hasMany","source":"User","target":"Post","foreignKey":{"name":"authorId","field":"author_id"}})")
        << "Posts" << "author_id" << "author_id INTEGER null -> Users.id ON DELETE SET NULL ON UPDATE CASCADE";

    QTest::newRow("first association owns the column") << projectJson(userPost, R"({"type":"hasMany","source":"User","target":"Post"}, {"type":"belongsTo","source":"Post","target":"User","onDelete":"CASCADE"})")
        << "Posts" << "UserId" << "UserId INTEGER null -> Users.id ON DELETE SET NULL ON UPDATE CASCADE";
    QTest::newRow("first association owns (reverse order)") << projectJson(userPost, R"({"type":"belongsTo","source":"Post","target":"User","onDelete":"CASCADE"}, {"type":"hasMany","source":"User","target":"Post"})")
        << "Posts" << "UserId" << "UserId INTEGER null -> Users.id ON DELETE CASCADE ON UPDATE CASCADE";
    QTest::newRow("constraints false on one side, other adds it") << projectJson(userPost, R"({"type":"hasMany","source":"User","target":"Post","constraints":false}, {"type":"belongsTo","source":"Post","target":"User"})")
        << "Posts" << "UserId" << "UserId INTEGER null -> Users.id ON DELETE SET NULL ON UPDATE CASCADE";
    QTest::newRow("composite pk target: no constraint") << projectJson(R"({"name":"Pair","attributes":[{"name":"a","type":"INTEGER","primaryKey":true},{"name":"b","type":"INTEGER","primaryKey":true}]}, )" M("Post"), R"({"type":"belongsTo","source":"Post","target":"Pair"})")
        << "Posts" << "PairA" << "PairA INTEGER null";
}

void TestResolver::foreignKeyColumn()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, table);
    QFETCH(QString, column);
    QFETCH(QString, expected);
    const Project project = load(json);
    QVERIFY(!project.entities.isEmpty());
    const ResolvedSchema schema = resolve(project);
    QCOMPARE(errorCodes(schema.diagnostics, Diagnostic::Severity::Error), QStringList());
    QCOMPARE(columnFact(schema, table, column), expected);
}

void TestResolver::columnOrder_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("table");
    QTest::addColumn<QStringList>("columns");

    QTest::newRow("id, attributes, timestamps, FKs in association order")
        << projectJson(M("User") ", " M("Group") R"(, {"name":"Post","attributes":[{"name":"title","type":"STRING"}]})",
                       R"({"type":"belongsTo","source":"Post","target":"User"}, {"type":"belongsTo","source":"Post","target":"Group"})")
        << "Posts" << QStringList{"id", "title", "createdAt", "updatedAt", "UserId", "GroupId"};
    QTest::newRow("paranoid adds deletedAt")
        << projectJson(R"({"name":"User","paranoid":true,"attributes":[{"name":"name","type":"STRING"}]})", "")
        << "Users" << QStringList{"id", "name", "createdAt", "updatedAt", "deletedAt"};
    QTest::newRow("underscored timestamps (v4 renames the attribute)")
        << projectJson(R"({"name":"User","underscored":true,"paranoid":true,"attributes":[]})", "")
        << "Users" << QStringList{"id", "created_at", "updated_at", "deleted_at"};
    QTest::newRow("timestamps off")
        << projectJson(R"({"name":"User","timestamps":false,"attributes":[{"name":"name","type":"STRING"}]})", "")
        << "Users" << QStringList{"id", "name"};
    QTest::newRow("define timestamps off")
        << projectJson(M("User"), "", R"({"timestamps":false})")
        << "Users" << QStringList{"id"};
    QTest::newRow("declared timestamp keeps its place")
        << projectJson(R"({"name":"User","attributes":[{"name":"updatedAt","type":"DATE"},{"name":"name","type":"STRING"}]})", "")
        << "Users" << QStringList{"id", "updatedAt", "name", "createdAt"};
    QTest::newRow("declared primary key: no implicit id")
        << projectJson(R"({"name":"Coupon","attributes":[{"name":"code","type":"STRING","primaryKey":true}]})", "")
        << "Coupons" << QStringList{"code", "createdAt", "updatedAt"};
    QTest::newRow("declared FK keeps its place")
        << projectJson(M("User") R"(, {"name":"Post","attributes":[{"name":"UserId","type":"INTEGER"},{"name":"title","type":"STRING"}]})",
                       R"({"type":"belongsTo","source":"Post","target":"User"})")
        << "Posts" << QStringList{"id", "UserId", "title", "createdAt", "updatedAt"};
    QTest::newRow("aliased hasMany/belongsTo pair gives two columns")
        << projectJson(M("User") ", " M("Post"),
                       R"({"type":"hasMany","source":"User","target":"Post","as":"Articles"}, {"type":"belongsTo","source":"Post","target":"User","as":"Author"})")
        << "Posts" << QStringList{"id", "createdAt", "updatedAt", "UserId", "AuthorId"};
    QTest::newRow("only one side underscored gives two columns")
        << projectJson(M("User") R"(, {"name":"Post","underscored":true,"attributes":[]})",
                       R"({"type":"hasMany","source":"User","target":"Post"}, {"type":"belongsTo","source":"Post","target":"User"})")
        << "Posts" << QStringList{"id", "created_at", "updated_at", "UserId", "user_id"};
    QTest::newRow("junction: timestamps then keys")
        << projectJson(M("User") ", " M("Group"), R"({"type":"belongsToMany","source":"User","target":"Group","through":"UserGroups"})")
        << "UserGroups" << QStringList{"createdAt", "updatedAt", "UserId", "GroupId"};
    QTest::newRow("junction: source timestamps off is not inherited")
        << projectJson(R"({"name":"User","timestamps":false,"attributes":[]}, )" M("Group"), R"({"type":"belongsToMany","source":"User","target":"Group","through":"UG"})")
        << "UG" << QStringList{"createdAt", "updatedAt", "UserId", "GroupId"};
    QTest::newRow("junction: association timestamps off")
        << projectJson(M("User") ", " M("Group"), R"({"type":"belongsToMany","source":"User","target":"Group","through":"UG","timestamps":false})")
        << "UG" << QStringList{"UserId", "GroupId"};
    QTest::newRow("junction: define timestamps off")
        << projectJson(M("User") ", " M("Group"), R"({"type":"belongsToMany","source":"User","target":"Group","through":"UG"})", R"({"timestamps":false})")
        << "UG" << QStringList{"UserId", "GroupId"};
    QTest::newRow("junction: inherits source underscored")
        << projectJson(R"({"name":"User","underscored":true,"attributes":[]}, {"name":"Group","underscored":true,"attributes":[]})", R"({"type":"belongsToMany","source":"User","target":"Group","through":"user_groups"})")
        << "user_groups" << QStringList{"created_at", "updated_at", "user_id", "group_id"};
    QTest::newRow("junction: self n:m")
        << projectJson(M("User"), R"({"type":"belongsToMany","source":"User","target":"User","as":"Friends","through":"Friendships"})")
        << "Friendships" << QStringList{"createdAt", "updatedAt", "UserId", "FriendId"};
    QTest::newRow("junction: paired, defaulted otherKey takes partner's FK")
        << projectJson(M("User") ", " M("Group"), R"({"type":"belongsToMany","source":"User","target":"Group","through":"UG","foreignKey":"uid"}, {"type":"belongsToMany","source":"Group","target":"User","through":"UG"})")
        << "UG" << QStringList{"createdAt", "updatedAt", "uid", "GroupId"};
    QTest::newRow("junction: through model keeps its attributes")
        << projectJson(M("User") ", " M("Group") R"(, {"name":"Membership","attributes":[{"name":"role","type":"STRING"}]})", R"({"type":"belongsToMany","source":"User","target":"Group","through":{"model":"Membership"}})")
        << "Memberships" << QStringList{"role", "createdAt", "updatedAt", "UserId", "GroupId"};
}

void TestResolver::columnOrder()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, table);
    QFETCH(QStringList, columns);
    const ResolvedSchema schema = resolve(load(json));
    QCOMPARE(errorCodes(schema.diagnostics, Diagnostic::Severity::Error), QStringList());
    QCOMPARE(columnNames(schema.table(table)), columns);
}

void TestResolver::junctionKeys_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("table");
    QTest::addColumn<QStringList>("primaryKey");
    QTest::addColumn<QString>("unique");
    QTest::addColumn<QString>("fkFact");

    QTest::newRow("created junction: composite primary key, CASCADE")
        << projectJson(M("User") ", " M("Group"), R"({"type":"belongsToMany","source":"User","target":"Group","through":"UserGroups"}, {"type":"belongsToMany","source":"Group","target":"User","through":"UserGroups"})")
        << "UserGroups" << QStringList{"UserId", "GroupId"} << ""
        << "GroupId INTEGER not-null pk -> Groups.id ON DELETE CASCADE ON UPDATE CASCADE";
    QTest::newRow("through model with own pk: UNIQUE named by the last")
        << projectJson(M("User") ", " M("Group") R"(, {"name":"Membership","attributes":[{"name":"id","type":"INTEGER","primaryKey":true,"autoIncrement":true},{"name":"role","type":"STRING"}]})",
                       R"({"type":"belongsToMany","source":"User","target":"Group","through":{"model":"Membership"}}, {"type":"belongsToMany","source":"Group","target":"User","through":{"model":"Membership"}})")
        << "Memberships" << QStringList{"id"} << "Memberships_GroupId_UserId_unique:UserId,GroupId"
        << "UserId INTEGER null -> Users.id ON DELETE CASCADE ON UPDATE CASCADE";
    QTest::newRow("through model without pk: id dropped")
        << projectJson(M("User") ", " M("Group") R"(, {"name":"Membership","attributes":[{"name":"role","type":"STRING"}]})",
                       R"({"type":"belongsToMany","source":"User","target":"Group","through":{"model":"Membership"}})")
        << "Memberships" << QStringList{"UserId", "GroupId"} << ""
        << "UserId INTEGER not-null pk -> Users.id ON DELETE CASCADE ON UPDATE CASCADE";
    QTest::newRow("string through naming a model uses it")
        << projectJson(M("User") ", " M("Group") R"(, {"name":"UG","tableName":"ug_table","attributes":[]})",
                       R"({"type":"belongsToMany","source":"User","target":"Group","through":"UG"})")
        << "ug_table" << QStringList{"UserId", "GroupId"} << ""
        << "GroupId INTEGER not-null pk -> Groups.id ON DELETE CASCADE ON UPDATE CASCADE";
    QTest::newRow("first onDelete applies to both keys")
        << projectJson(M("User") ", " M("Group"), R"({"type":"belongsToMany","source":"User","target":"Group","through":"UG","onDelete":"RESTRICT"}, {"type":"belongsToMany","source":"Group","target":"User","through":"UG"})")
        << "UG" << QStringList{"UserId", "GroupId"} << ""
        << "GroupId INTEGER not-null pk -> Groups.id ON DELETE RESTRICT ON UPDATE CASCADE";
    QTest::newRow("constraints false: keys without REFERENCES")
        << projectJson(M("User") ", " M("Group"), R"({"type":"belongsToMany","source":"User","target":"Group","through":"UG","constraints":false})")
        << "UG" << QStringList{"UserId", "GroupId"} << ""
        << "GroupId INTEGER not-null pk";
    QTest::newRow("UUID keys copied")
        << projectJson(R"({"name":"User","attributes":[{"name":"id","type":"UUID","primaryKey":true}]}, )" M("Group"), R"({"type":"belongsToMany","source":"Group","target":"User","through":"UG"})")
        << "UG" << QStringList{"GroupId", "UserId"} << ""
        << "UserId UUID not-null pk -> Users.id ON DELETE CASCADE ON UPDATE CASCADE";
}

void TestResolver::junctionKeys()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, table);
    QFETCH(QStringList, primaryKey);
    QFETCH(QString, unique);
    QFETCH(QString, fkFact);
    const ResolvedSchema schema = resolve(load(json));
    QCOMPARE(errorCodes(schema.diagnostics, Diagnostic::Severity::Error), QStringList());
    const ResolvedTable *t = schema.table(table);
    QVERIFY2(t, qPrintable(table));
    QCOMPARE(t->primaryKey, primaryKey);
    QStringList uniques;
    for (const ResolvedUnique &u : t->uniques)
        uniques << u.name + QLatin1Char(':') + u.columns.join(QLatin1Char(','));
    QCOMPARE(uniques.join(QLatin1Char(' ')), unique);
    QCOMPARE(columnFact(schema, table, fkFact.section(QLatin1Char(' '), 0, 0)), fkFact);
}

void TestResolver::tableNames_data()
{
    QTest::addColumn<QByteArray>("model");
    QTest::addColumn<QString>("table");
    QTest::newRow("plural keeps case") << QByteArray(R"({"name":"User","attributes":[]})") << "Users";
    QTest::newRow("lower case") << QByteArray(R"({"name":"user","attributes":[]})") << "users";
    QTest::newRow("irregular") << QByteArray(R"({"name":"Person","attributes":[]})") << "People";
    QTest::newRow("y -> ies") << QByteArray(R"({"name":"Category","attributes":[]})") << "Categories";
    QTest::newRow("inflection oddity") << QByteArray(R"({"name":"Goose","attributes":[]})") << "geese";
    QTest::newRow("uncountable") << QByteArray(R"({"name":"Equipment","attributes":[]})") << "Equipment";
    QTest::newRow("freezeTableName") << QByteArray(R"({"name":"User","freezeTableName":true,"attributes":[]})") << "User";
    QTest::newRow("tableName wins") << QByteArray(R"({"name":"User","tableName":"accounts","attributes":[]})") << "accounts";
    QTest::newRow("underscoredAll") << QByteArray(R"({"name":"BlogPost","underscoredAll":true,"attributes":[]})") << "blog_posts";
    QTest::newRow("underscored leaves the table (v4)") << QByteArray(R"({"name":"BlogPost","underscored":true,"attributes":[]})") << "BlogPosts";
}

void TestResolver::tableNames()
{
    QFETCH(QByteArray, model);
    QFETCH(QString, table);
    const ResolvedSchema schema = resolve(load(projectJson(model, "")));
    QCOMPARE(schema.tables.size(), 1);
    QCOMPARE(schema.tables.first().name, table);
}

void TestResolver::accessors_data()
{
    QTest::addColumn<QByteArray>("association");
    QTest::addColumn<QStringList>("accessors");
    QTest::newRow("hasMany") << QByteArray(R"({"type":"hasMany","source":"User","target":"Picture"})")
        << QStringList{"getPictures", "setPictures", "addPictures", "addPicture", "createPicture", "removePicture", "removePictures", "hasPicture", "hasPictures", "countPictures"};
    QTest::newRow("hasMany alias singular == plural") << QByteArray(R"({"type":"hasMany","source":"User","target":"Picture","as":"ProfilePicture"})")
        << QStringList{"getProfilePicture", "setProfilePicture", "addProfilePicture", "createProfilePicture", "removeProfilePicture", "hasProfilePicture", "countProfilePicture"};
    QTest::newRow("belongsTo alias") << QByteArray(R"({"type":"belongsTo","source":"User","target":"Picture","as":"ProfilePicture"})")
        << QStringList{"getProfilePicture", "setProfilePicture", "createProfilePicture"};
    QTest::newRow("hasOne") << QByteArray(R"({"type":"hasOne","source":"User","target":"Picture"})")
        << QStringList{"getPicture", "setPicture", "createPicture"};
    QTest::newRow("alias object") << QByteArray(R"({"type":"hasMany","source":"User","target":"Picture","as":{"singular":"Item","plural":"Stuff"}})")
        << QStringList{"getStuff", "setStuff", "addStuff", "addItem", "createItem", "removeItem", "removeStuff", "hasItem", "hasStuff", "countStuff"};
    QTest::newRow("string alias inflected") << QByteArray(R"({"type":"hasMany","source":"User","target":"Picture","as":"Children"})")
        << QStringList{"getChildren", "setChildren", "addChildren", "addChild", "createChild", "removeChild", "removeChildren", "hasChild", "hasChildren", "countChildren"};
    QTest::newRow("lower-case alias upper-first") << QByteArray(R"({"type":"belongsToMany","source":"User","target":"Picture","as":"photos","through":"UP"})")
        << QStringList{"getPhotos", "setPhotos", "addPhotos", "addPhoto", "createPhoto", "removePhoto", "removePhotos", "hasPhoto", "hasPhotos", "countPhotos"};
}

void TestResolver::accessors()
{
    QFETCH(QByteArray, association);
    QFETCH(QStringList, accessors);
    const ResolvedSchema schema = resolve(load(projectJson(M("User") ", " M("Picture"), association)));
    QCOMPARE(errorCodes(schema.diagnostics, Diagnostic::Severity::Error), QStringList());
    QCOMPARE(schema.associations.size(), 1);
    QCOMPARE(schema.associations.first().accessors(), accessors);
}

void TestResolver::diagnostics_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");

    const QByteArray userPicture = M("User") ", " M("Picture");
    QTest::newRow("duplicate alias") << projectJson(userPicture, R"({"type":"hasMany","source":"User","target":"Picture","as":"Photos"}, {"type":"hasMany","source":"User","target":"Picture","as":"Photos","foreignKey":"x"})")
        << "duplicate-alias" << "associations[1].as"
        << "You have used the alias Photos in two separate associations. Aliased associations must have unique aliases. (User.hasMany(Picture, as Photos); rename one `as`.)";
    QTest::newRow("alias matches an unaliased key") << projectJson(userPicture, R"({"type":"hasMany","source":"User","target":"Picture"}, {"type":"hasMany","source":"User","target":"Picture","as":"Pictures"})")
        << "duplicate-alias" << "associations[1].as" << "";
    QTest::newRow("naming collision") << projectJson(R"({"name":"User","attributes":[{"name":"avatar","type":"STRING"}]}, )" M("Picture"), R"({"type":"belongsTo","source":"User","target":"Picture","as":"avatar"})")
        << "naming-collision" << "associations[0].as"
        << "Naming collision between attribute 'avatar' and association 'avatar' on model User. To remedy this, change either foreignKey or as in your association definition";
    QTest::newRow("naming collision via foreignKey") << projectJson(userPicture, R"({"type":"belongsTo","source":"User","target":"Picture","as":"author","foreignKey":"author"})")
        << "naming-collision" << "associations[0].as" << "";
    QTest::newRow("missing through") << projectJson(userPicture, R"({"type":"belongsToMany","source":"User","target":"Picture"})")
        << "missing-through" << "associations[0].through"
        << "belongsToMany must be given a through option, either a string or a model (User.belongsToMany(Picture))";
    QTest::newRow("self n:m without as") << projectJson(M("User"), R"({"type":"belongsToMany","source":"User","target":"User","through":"F"})")
        << "self-many-needs-alias" << "associations[0].as"
        << "'as' must be defined for many-to-many self-associations (User.belongsToMany(User))";
    QTest::newRow("hasMany with through") << projectJson(userPicture, R"({"type":"hasMany","source":"User","target":"Picture","through":"X"})")
        << "hasmany-through" << "associations[0].through" << "N:M associations are not supported with hasMany. Use belongsToMany instead";
    QTest::newRow("unknown model") << projectJson(M("User"), R"({"type":"hasMany","source":"User","target":"Photo"})")
        << "unknown-model" << "associations[0].target" << "User.hasMany(Photo) names the model \"Photo\", which does not exist. Define it or correct the name.";
    QTest::newRow("unknown through model") << projectJson(userPicture, R"({"type":"belongsToMany","source":"User","target":"Picture","through":{"model":"Nope"}})")
        << "unknown-model" << "associations[0].through" << "";
    QTest::newRow("unknown targetKey") << projectJson(userPicture, R"({"type":"belongsTo","source":"User","target":"Picture","targetKey":"nope"})")
        << "unknown-target-key" << "associations[0].targetKey"
        << "Unknown attribute \"nope\" passed as targetKey, define this attribute on model \"Picture\" first";
    QTest::newRow("unknown sourceKey") << projectJson(userPicture, R"({"type":"hasMany","source":"User","target":"Picture","sourceKey":"nope"})")
        << "unknown-source-key" << "associations[0].sourceKey" << "";
    QTest::newRow("alias object on belongsTo") << projectJson(userPicture, R"({"type":"belongsTo","source":"User","target":"Picture","as":{"singular":"P","plural":"Ps"}})")
        << "alias-object-single" << "associations[0].as" << "";
    QTest::newRow("n:m key object without name") << projectJson(userPicture, R"({"type":"belongsToMany","source":"User","target":"Picture","through":"UP","foreignKey":{"allowNull":false}})")
        << "key-object-without-name" << "associations[0].foreignKey" << "";
    QTest::newRow("junction shared by string and model") << projectJson(M("User") ", " M("Group") R"(, {"name":"UG","attributes":[]})", R"({"type":"belongsToMany","source":"User","target":"Group","through":"UG"}, {"type":"belongsToMany","source":"Group","target":"User","through":{"model":"UG"}})")
        << "junction-conflict" << "associations[1].through" << "";
    QTest::newRow("junction shared by other model pair") << projectJson(M("User") ", " M("Group") ", " M("Project"), R"({"type":"belongsToMany","source":"User","target":"Group","through":"X"}, {"type":"belongsToMany","source":"User","target":"Project","through":"X"})")
        << "junction-conflict" << "associations[1].through" << "";
    QTest::newRow("reverse self n:m without keys") << projectJson(M("User"), R"({"type":"belongsToMany","source":"User","target":"User","as":"Friends","through":"F"}, {"type":"belongsToMany","source":"User","target":"User","as":"FriendOf","through":"F"})")
        << "junction-conflict" << "associations[1].through" << "";
    QTest::newRow("id not primary key") << projectJson(R"({"name":"User","attributes":[{"name":"id","type":"INTEGER"}]})", "")
        << "id-not-primary-key" << "models[0].attributes[0]"
        << "A column called 'id' was added to the attributes of 'Users' but not marked with 'primaryKey: true'";
    QTest::newRow("unknown type") << projectJson(R"({"name":"User","attributes":[{"name":"x","type":"VARCHAR2"}]})", "")
        << "unknown-type" << "models[0].attributes[0].type" << "";
    QTest::newRow("duplicate model") << projectJson(M("User") ", " M("User"), "")
        << "duplicate-model" << "models[1].name" << "";
    QTest::newRow("SET NULL on NOT NULL") << projectJson(userPicture, R"({"type":"hasMany","source":"User","target":"Picture","foreignKey":{"name":"uid","allowNull":false},"onDelete":"SET NULL"})")
        << "set-null-on-not-null" << "associations[0].onDelete"
        << "ON DELETE SET NULL on Pictures.uid, which is NOT NULL: the database would refuse the change. Allow NULL on the foreign key, or use CASCADE or RESTRICT.";
    QTest::newRow("invalid referential action") << projectJson(userPicture, R"({"type":"hasMany","source":"User","target":"Picture","onDelete":"EXPLODE"})")
        << "invalid-referential-action" << "associations[0].onDelete" << "";
    QTest::newRow("FK type mismatch") << projectJson(M("User") R"(, {"name":"Picture","attributes":[{"name":"UserId","type":"STRING"}]})", R"({"type":"belongsTo","source":"Picture","target":"User"})")
        << "fk-type-mismatch" << "associations[0]" << "";
    QTest::newRow("column collision") << projectJson(R"({"name":"User","attributes":[{"name":"a","field":"x","type":"STRING"},{"name":"b","field":"x","type":"STRING"}]})", "")
        << "column-collision" << "models[0].attributes[1]" << "";
    QTest::newRow("column collision by case") << projectJson(R"({"name":"User","attributes":[{"name":"emailAddress","type":"STRING"},{"name":"EmailAddress","type":"STRING"}]})", "")
        << "column-collision" << "models[0].attributes[1]"
        << "Table Users has columns \"emailAddress\" and \"EmailAddress\", which SQLite and MySQL treat as the same name.";
    QTest::newRow("column collision by case, non-ASCII") << projectJson(R"({"name":"User","attributes":[{"name":"straße","type":"STRING"},{"name":"STRAßE","type":"STRING"}]})", "")
        << "column-collision" << "models[0].attributes[1]"
        << "Table Users has columns \"straße\" and \"STRAßE\", which SQLite and MySQL treat as the same name.";
    QTest::newRow("table collision") << projectJson(R"({"name":"User","attributes":[]}, {"name":"Account","tableName":"Users","attributes":[]})", "")
        << "table-name-collision" << "models[1].name" << "";
    QTest::newRow("64-byte table name") << projectJson(R"({"name":"T","tableName":"t234567890123456789012345678901234567890123456789012345678901234","attributes":[]})", "")
        << "identifier-too-long" << "models[0].name" << "";
    QTest::newRow("enum default outside values") << projectJson(R"j({"name":"User","attributes":[{"name":"r","type":"ENUM('a','b')","defaultValue":"c"}]})j", "")
        << "invalid-default" << "models[0].attributes[0].defaultValue" << "";
    QTest::newRow("auto increment on text") << projectJson(R"({"name":"User","attributes":[{"name":"k","type":"STRING","primaryKey":true,"autoIncrement":true}]})", "")
        << "auto-increment-type" << "models[0].attributes[0].autoIncrement" << "";
}

void TestResolver::diagnostics()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, code);
    QFETCH(QString, path);
    QFETCH(QString, message);
    const Project project = load(json);
    QVERIFY(!project.entities.isEmpty());
    const ResolvedSchema schema = resolve(project);
    const Diagnostics all = validateProject(project, schema);
    const Diagnostic *found = nullptr;
    for (const Diagnostic &d : all) {
        if (d.code == code && !found)
            found = &d;
    }
    QStringList seen;
    for (const Diagnostic &d : all)
        seen << d.code + QLatin1Char('@') + d.path;
    QVERIFY2(found, qPrintable(QStringLiteral("no %1 among: %2").arg(code, seen.join(QLatin1String(", ")))));
    QCOMPARE(found->severity, Diagnostic::Severity::Error);
    QCOMPARE(found->path, path);
    if (!message.isEmpty())
        QCOMPARE(found->message, message);
}

// Hostile and edge-case names: what each dialect accepts, with the exact diagnostic.
void TestResolver::identifiers_data()
{
    QTest::addColumn<QString>("tableName");
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QString>("code");    // empty: no diagnostic at all
    QTest::addColumn<QString>("message");

    const QString n63 = QString(63, QLatin1Char('t'));
    const QString n64 = QString(64, QLatin1Char('t'));
    const QString n65 = QString(65, QLatin1Char('t'));
    QTest::newRow("63 bytes on PostgreSQL") << n63 << "postgres" << "" << "";
    QTest::newRow("64 bytes on PostgreSQL") << n64 << "postgres" << "identifier-too-long"
        << QStringLiteral("The table name \"%1\" is longer than PostgreSQL allows (63 bytes); the "
                          "database would cut it while the application uses the full name. "
                          "Shorten it or set `tableName`.").arg(n64);
    QTest::newRow("64 characters on MySQL") << n64 << "mysql" << "" << "";
    QTest::newRow("65 characters on MySQL") << n65 << "mysql" << "identifier-too-long"
        << QStringLiteral("The table name \"%1\" is longer than MySQL/MariaDB allows (64 "
                          "characters); the database would cut it while the application uses "
                          "the full name. Shorten it or set `tableName`.").arg(n65);
    QTest::newRow("65 characters on SQLite") << n65 << "sqlite" << "" << "";
    // 21 CJK characters are 63 UTF-8 bytes; 22 are 66.
    QTest::newRow("21 CJK characters on PostgreSQL") << QString(21, QChar(0x7528)) << "postgres" << "" << "";
    QTest::newRow("22 CJK characters on PostgreSQL") << QString(22, QChar(0x7528)) << "postgres"
        << "identifier-too-long" << "";
    QTest::newRow("22 CJK characters on MySQL") << QString(22, QChar(0x7528)) << "mysql" << "" << "";
    QTest::newRow("quotes and semicolons") << "we\"ird`; DROP TABLE x; --" << "postgres" << "" << "";
    QTest::newRow("newline") << "two\nlines" << "mysql" << "" << "";
    QTest::newRow("reserved word") << "select" << "postgres" << "reserved-word"
        << "The table name \"select\" is a reserved word in PostgreSQL; Junction quotes it, but "
           "hand-written SQL will need quotes too.";
    QTest::newRow("reserved in MySQL only") << "interval" << "mysql" << "reserved-word" << "";
    QTest::newRow("not reserved in PostgreSQL") << "interval" << "postgres" << "" << "";
    QTest::newRow("trailing space on MySQL") << "users " << "mysql" << "invalid-identifier"
        << "The table name \"users \" ends with a space, which MySQL does not allow.";
    QTest::newRow("NUL") << QStringLiteral("a") + QChar(0) + QStringLiteral("b") << "sqlite" << "invalid-identifier"
        << "The table name \"a\\0b\" contains a NUL character, which no database accepts.";
    QTest::newRow("Cyrillic look-alike") << QStringLiteral("Us") + QChar(0x0435) + QStringLiteral("rs") << "sqlite"
        << "lookalike-name" << "";
}

void TestResolver::identifiers()
{
    QFETCH(QString, tableName);
    QFETCH(QString, dialect);
    QFETCH(QString, code);
    QFETCH(QString, message);
    Project project;
    Entity e;
    e.id = EntityId(QStringLiteral("m-t"));
    e.name = QStringLiteral("T");
    e.tableName = tableName;
    project.entities << e;
    const ResolvedSchema schema = resolve(project);
    const Diagnostics all = validateProject(project, schema, {*Dialect::kindFromName(dialect)});
    QStringList codes;
    for (const Diagnostic &d : all)
        codes << d.code;
    QCOMPARE(codes, code.isEmpty() ? QStringList() : QStringList{code});
    if (!message.isEmpty())
        QCOMPARE(all.first().message, message);
    if (!code.isEmpty())
        QCOMPARE(all.first().path, QStringLiteral("models[0].name"));
}

void TestResolver::creationOrder()
{
    // Sequelize's worked example: User, Post(->Users), Group, UserGroups(->Users, ->Groups).
    const ResolvedSchema schema = resolve(load(projectJson(
        M("User") ", " M("Post") ", " M("Group"),
        R"({"type":"hasMany","source":"User","target":"Post"}, {"type":"belongsTo","source":"Post","target":"User"}, {"type":"belongsToMany","source":"User","target":"Group","through":"UserGroups"})")));
    QStringList order;
    for (int i : schema.creationOrder)
        order << schema.tables.at(i).name;
    QCOMPARE(order, (QStringList{"Users", "Posts", "Groups", "UserGroups"}));

    // A table defined first that depends on a later one is created after it.
    const ResolvedSchema later = resolve(load(projectJson(
        M("Post") ", " M("Zed") ", " M("User"),
        R"({"type":"belongsTo","source":"Post","target":"User"})")));
    order.clear();
    for (int i : later.creationOrder)
        order << later.tables.at(i).name;
    QCOMPARE(order, (QStringList{"Users", "Posts", "Zeds"}));
}

void TestResolver::cycleMessage()
{
    const ResolvedSchema seed = resolve(load(projectJson(
        M("User") ", " M("Picture"),
        R"({"id":"as-1","type":"hasMany","source":"User","target":"Picture"}, {"id":"as-2","type":"belongsTo","source":"User","target":"Picture","as":"ProfilePicture"})")));
    QVERIFY(seed.hasCycle);
    QCOMPARE(seed.diagnostics.size(), 1);
    QCOMPARE(seed.diagnostics.first().code, QStringLiteral("cycle"));
    QVERIFY(seed.diagnostics.first().message.startsWith(
        QStringLiteral("Cyclic dependency found. Users is dependent of itself.\nDependency chain: "
                       "Users -> Pictures => Users\n")));
    QCOMPARE(seed.diagnostics.first().ids, (QStringList{"as-2", "as-1"}));

    const ResolvedSchema three = resolve(load(projectJson(
        M("Zed") ", " M("Apple") ", " M("Mango"),
        R"({"type":"belongsTo","source":"Zed","target":"Apple"}, {"type":"belongsTo","source":"Apple","target":"Mango"}, {"type":"belongsTo","source":"Mango","target":"Zed"})")));
    QVERIFY(three.diagnostics.first().message.startsWith(
        QStringLiteral("Cyclic dependency found. Zeds is dependent of itself.\nDependency chain: "
                       "Zeds -> Apples -> Mangos => Zeds")));

    // constraints: false on the profile picture breaks it; a self-reference is no cycle.
    const ResolvedSchema broken = resolve(load(projectJson(
        M("User") ", " M("Picture"),
        R"({"type":"hasMany","source":"User","target":"Picture"}, {"type":"belongsTo","source":"User","target":"Picture","as":"ProfilePicture","constraints":false}, {"type":"belongsTo","source":"User","target":"User","as":"Manager"})")));
    QVERIFY(!broken.hasCycle);
    QCOMPARE(errorCodes(broken.diagnostics, Diagnostic::Severity::Error), QStringList());
}

// The validator checks the tables of a big schema on two threads: its diagnostics must still
// come in table order, each half's where the sequential check puts them.
void TestResolver::largeSchemaDiagnosticsInOrder()
{
    Project project;
    const QList<int> broken{3, 1500, 2999};
    for (int m = 0; m < 3000; ++m) {
        Entity e;
        e.id = EntityId(QStringLiteral("m%1").arg(m));
        e.name = QStringLiteral("Model%1").arg(m);
        for (const QString &name : {QStringLiteral("title"), QStringLiteral("Title")}) {
            if (name == QLatin1String("Title") && !broken.contains(m))
                continue;
            Attribute a;
            a.id = AttributeId(e.id.toString() + name);
            a.name = name;
            a.type = QStringLiteral("STRING");
            e.attributes << a;
        }
        project.entities << e;
    }
    const ResolvedSchema schema = resolve(project);
    const Diagnostics all = validateProject(project, schema);
    QStringList paths;
    for (const Diagnostic &d : all) {
        QCOMPARE(d.code, QStringLiteral("column-collision"));
        paths << d.path;
    }
    QCOMPARE(paths, (QStringList{QStringLiteral("models[3].attributes[1]"),
                                 QStringLiteral("models[1500].attributes[1]"),
                                 QStringLiteral("models[2999].attributes[1]")}));
}

// 3,000 models: the resolver builds models and tables in two halves on two threads; the
// result, diagnostics included, must be in model order as if built one by one.
void TestResolver::largeSchemaResolvesInOrder()
{
    Project project;
    for (int m = 0; m < 3000; ++m) {
        Entity e;
        e.id = EntityId(QStringLiteral("m%1").arg(m));
        e.name = QStringLiteral("Model%1").arg(m);
        if (m == 5 || m == 2500)
            e.name.clear();
        if (m == 10)
            e.name = QStringLiteral("Model2");
        if (m == 2600)
            e.name = QStringLiteral("Model1700");
        if (m == 2700) {
            e.paranoid = true;
            e.timestamps = false;
        }
        Attribute a;
        a.id = AttributeId(e.id.toString() + QStringLiteral("a"));
        a.name = QStringLiteral("title");
        a.type = m == 1200 || m == 2998 ? QStringLiteral("STRANG") : QStringLiteral("STRING");
        e.attributes << a;
        project.entities << e;
    }
    Association a;
    a.id = AssociationId(QStringLiteral("as"));
    a.type = AssociationType::BelongsTo;
    a.source = QStringLiteral("Model2900");
    a.target = QStringLiteral("Model100");
    project.associations << a;

    const ResolvedSchema schema = resolve(project);
    QStringList found;
    for (const Diagnostic &d : schema.diagnostics)
        found << d.code + QLatin1Char(' ') + d.path;
    QCOMPARE(found, (QStringList{QStringLiteral("missing-name models[5].name"),
                                 QStringLiteral("duplicate-model models[10].name"),
                                 QStringLiteral("unknown-type models[1200].attributes[0].type"),
                                 QStringLiteral("missing-name models[2500].name"),
                                 QStringLiteral("duplicate-model models[2600].name"),
                                 QStringLiteral("paranoid-without-timestamps models[2700].paranoid"),
                                 QStringLiteral("unknown-type models[2998].attributes[0].type")}));
    QCOMPARE(schema.tables.size(), 2998);
    QCOMPARE(schema.tables.at(2997).entityIndex, 2999);
    const ResolvedTable *holder = schema.tableForEntity(QStringLiteral("Model2900"));
    QVERIFY(holder);
    QCOMPARE(holder->name, QStringLiteral("Model2900s"));
    QCOMPARE(holder->columns.size(), 5); // id, title, createdAt, updatedAt, Model100Id
    QCOMPARE(holder->columns.last().name, QStringLiteral("Model100Id"));
    QCOMPARE(holder->foreignKeys.size(), 1);
    QCOMPARE(holder->foreignKeys.first().referencedTable, QStringLiteral("Model100s"));
    QCOMPARE(schema.tableForEntity(QStringLiteral("Model2700"))->columns.size(), 2); // id, title

    // The validator checks the table names beside the second half of the tables; what it
    // finds still comes after every table's findings.
    QStringList checked;
    for (const Diagnostic &d : Validator().validate(project, schema))
        checked << d.code + QLatin1Char(' ') + d.path;
    QCOMPARE(checked, (QStringList{QStringLiteral("table-name-collision models[2500].name")}));
    Project late = project;
    late.entities[2990].tableName = QStringLiteral("s"); // as the nameless models' table
    late.entities[2995].attributes[0].defaultValue.kind = DefaultValue::Kind::String;
    late.entities[2995].attributes[0].type = QStringLiteral("INTEGER");
    late.entities[2995].attributes[0].defaultValue.text = QStringLiteral("x");
    checked.clear();
    for (const Diagnostic &d : Validator().validate(late, resolve(late)))
        checked << d.code + QLatin1Char(' ') + d.path;
    QCOMPARE(checked,
             (QStringList{QStringLiteral("invalid-default models[2995].attributes[0].defaultValue"),
                          QStringLiteral("table-name-collision models[2500].name"),
                          QStringLiteral("table-name-collision models[2990].name")}));
}

// On a big schema the resolver builds its name and id lookups while it resolves (part of
// them on another core); they must answer as buildIndexes() does after the fact: repeated
// table names (the last table wins), a junction table named like a model's table, nameless
// and repeated models, models without an id (not found by name), repeated association ids.
void TestResolver::largeSchemaLookups_data()
{
    QTest::addColumn<bool>("withoutIds");
    QTest::newRow("every model has an id") << false;
    QTest::newRow("some models without an id") << true;
}

void TestResolver::largeSchemaLookups()
{
    QFETCH(bool, withoutIds);
    Project project;
    for (int m = 0; m < 2500; ++m) {
        Entity e;
        if (!withoutIds || m % 700 != 3)
            e.id = EntityId(QStringLiteral("m%1").arg(m));
        e.name = QStringLiteral("Model%1").arg(m);
        if (m == 5 || m == 2400)
            e.name.clear();
        if (m == 10 || m == 2300)
            e.name = QStringLiteral("Model2");
        if (m % 500 == 7)
            e.tableName = QStringLiteral("shared");
        if (m == 1300)
            e.tableName = QStringLiteral("Link4");
        Attribute a;
        a.id = AttributeId(QStringLiteral("a%1").arg(m));
        a.name = QStringLiteral("title");
        a.type = QStringLiteral("STRING");
        e.attributes << a;
        project.entities << e;
    }
    for (int i = 0; i < 40; ++i) {
        Association a;
        a.id = AssociationId(QStringLiteral("as%1").arg(i % 37));
        a.type = AssociationType(i % 4);
        a.source = QStringLiteral("Model%1").arg(100 + i * 50);
        a.target = QStringLiteral("Model%1").arg(i * 50);
        if (a.type == AssociationType::BelongsToMany) {
            a.through.kind = Through::Kind::Table;
            a.through.name = i == 7 ? QStringLiteral("shared") : QStringLiteral("Link%1").arg(i / 8);
        }
        project.associations << a;
    }

    const ResolvedSchema schema = resolve(project);
    ResolvedSchema rebuilt = schema;
    rebuilt.buildIndexes();
    QVERIFY(schema.tables.size() > 2500 - 2);
    // Positions, so that the two schemas' answers compare whatever their lists share.
    auto at = [](const auto *found, const auto &list) {
        return found ? qsizetype(found - list.constData()) : qsizetype(-1);
    };
    QStringList names{QString(), QStringLiteral("nope"), QStringLiteral("shared")};
    for (const ResolvedTable &t : schema.tables)
        names << t.name;
    for (const QString &name : std::as_const(names)) {
        QCOMPARE(schema.tableIndex(name), rebuilt.tableIndex(name));
        QCOMPARE(at(schema.table(name), schema.tables), at(rebuilt.table(name), rebuilt.tables));
    }
    QStringList models{QString(), QStringLiteral("Model2"), QStringLiteral("Model3")};
    for (const Entity &e : std::as_const(project.entities))
        models << e.name;
    for (const QString &name : std::as_const(models))
        QCOMPARE(at(schema.tableForEntity(name), schema.tables),
                 at(rebuilt.tableForEntity(name), rebuilt.tables));
    QCOMPARE(schema.tableForEntity(QStringLiteral("Model3")) == nullptr, withoutIds);
    QCOMPARE(schema.tableIndex(QStringLiteral("Link4")), rebuilt.tableIndex(QStringLiteral("Link4")));
    QVERIFY(schema.table(QStringLiteral("Link4"))->isCreatedJunction());
    for (int i = 0; i < 40; ++i) {
        const AssociationId id(QStringLiteral("as%1").arg(i));
        QCOMPARE(at(schema.association(id), schema.associations),
                 at(rebuilt.association(id), rebuilt.associations));
    }
    QCOMPARE(schema.association(AssociationId(QStringLiteral("as3")))->id.toString(), QStringLiteral("as3"));
}

void TestResolver::manyAssociationsResolveAsFew()
{
    const ResolvedSchema one = resolve(load(associationBlocks(1)));
    const QStringList expected = blockFacts(one, 0);
    QCOMPARE(expected.filter(QStringLiteral("unknown-model")).size(), 1);
    QCOMPARE(expected.filter(QStringLiteral("duplicate-alias")).size(), 1);
    // Named after J's primary key once J is a junction (its first key), not its old id; no
    // constraint to a composite key.
    QVERIFY(expected.contains(QStringLiteral("Jblk0x|Bblk0x|Jblk0xes|Bblk0xes|Bees|Bee|Bees|"
                                             "Jblk0xAblk0xId|Jblk0xAblk0xId|Bblk0xes|Ablk0xId|"
                                             "|||||||valid")));
    // B's key column as it is when the later junction is joined.
    QVERIFY(expected.contains(QStringLiteral("Bblk0xId INTEGER not-null pk -> Bblk0xes.b_key "
                                             "ON DELETE CASCADE ON UPDATE CASCADE")));
    QVERIFY2(expected.filter(QStringLiteral("|valid")).size() >= 7, qPrintable(expected.join(u'\n')));

    const int blocks = 150; // 2,250 associations: prepared in two halves
    const ResolvedSchema many = resolve(load(associationBlocks(blocks)));
    QCOMPARE(many.associations.size(), blocks * blockSize);
    QCOMPARE(many.diagnostics.size(), one.diagnostics.size() * blocks);
    int lastIndex = -1;
    for (const Diagnostic &d : many.diagnostics) {
        const int index = d.path.mid(13).section(QLatin1Char(']'), 0, 0).toInt();
        QVERIFY2(d.path.startsWith(QLatin1String("associations[")) && index >= lastIndex,
                 qPrintable(d.path));
        lastIndex = index;
    }
    for (int b = 0; b < blocks; ++b)
        QCOMPARE(blockFacts(many, b), expected);
}

// The resolver's foreign keys carry their referenced table's index; referencedTable(fk) must
// still answer exactly what table(fk.referencedTable) does: the last table of a repeated
// name, and by name wherever the index is unknown or no longer names that table.
void TestResolver::referencedTableByIndex()
{
    const ResolvedSchema schema = resolve(load(projectJson(
        M("User") ", " M("Post") ", " M("Group"),
        R"({"type":"belongsTo","source":"Post","target":"User"}, {"type":"belongsToMany","source":"User","target":"Group","through":"UserGroups"})")));
    int foreignKeys = 0;
    for (const ResolvedTable &t : schema.tables) {
        for (const ResolvedForeignKey &fk : t.foreignKeys) {
            ++foreignKeys;
            QVERIFY(fk.referencedTableIndex >= 0);
            QCOMPARE(schema.tables.at(fk.referencedTableIndex).name, fk.referencedTable);
            QCOMPARE(schema.referencedTable(fk), schema.table(fk.referencedTable));
            QCOMPARE(schema.referencedTableIndex(fk), schema.tableIndex(fk.referencedTable));
        }
    }
    QCOMPARE(foreignKeys, 3); // Posts.UserId, UserGroups.UserId and .GroupId

    // Two models share a table name: the key references the first, table() answers the last.
    const ResolvedSchema shared = resolve(load(projectJson(
        R"({"name":"User","tableName":"people","attributes":[]}, )"
        R"({"name":"Admin","tableName":"people","attributes":[]}, )" M("Post"),
        R"({"type":"belongsTo","source":"Post","target":"User"})")));
    const ResolvedForeignKey &toUser = shared.tableForEntity(QStringLiteral("Post"))->foreignKeys.first();
    QCOMPARE(toUser.referencedTableIndex, 0);
    QCOMPARE(shared.tableIndex(QStringLiteral("people")), 1);
    QCOMPARE(shared.referencedTableIndex(toUser), 1);
    QCOMPARE(shared.referencedTable(toUser), &shared.tables.at(1));

    // Another producer leaves the index unknown; a schema rearranged by hand has a stale one.
    ResolvedSchema byHand = schema;
    std::reverse(byHand.tables.begin(), byHand.tables.end());
    byHand.buildIndexes();
    for (const ResolvedTable &t : std::as_const(byHand.tables)) {
        for (ResolvedForeignKey fk : t.foreignKeys) {
            QCOMPARE(byHand.referencedTable(fk), byHand.table(fk.referencedTable));
            QCOMPARE(byHand.referencedTable(fk)->name, fk.referencedTable);
            fk.referencedTableIndex = -1;
            QCOMPARE(byHand.referencedTable(fk), byHand.table(fk.referencedTable));
        }
    }
    ResolvedForeignKey nowhere;
    nowhere.referencedTable = QStringLiteral("Nowhere");
    nowhere.referencedTableIndex = 0;
    QCOMPARE(byHand.referencedTable(nowhere), nullptr);
    QCOMPARE(byHand.referencedTableIndex(nowhere), -1);
}

// The validator decides most names and columns by hashes, shared string data and a few flags;
// these cases take its other paths, with the whole list of findings (code@path) as the
// straightforward checks gave it.
void TestResolver::validatorFastPaths_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("dialect"); // empty: all
    QTest::addColumn<QStringList>("found");

    // Two columns named k: the first one's type decides MySQL's key check.
    QTest::newRow("key column named twice, INTEGER first") << projectJson(
        R"({"name":"User","attributes":[{"name":"a","field":"k","type":"INTEGER","unique":true},{"name":"b","field":"k","type":"TEXT"}]})", "")
        << "mysql" << QStringList{"column-collision@models[0].attributes[1]"};
    QTest::newRow("key column named twice, TEXT first") << projectJson(
        R"({"name":"User","attributes":[{"name":"a","field":"k","type":"TEXT","unique":true},{"name":"b","field":"k","type":"INTEGER"}]})", "")
        << "mysql" << QStringList{"column-collision@models[0].attributes[1]",
                                  "mysql-key-on-text@models[0].attributes[0].type"};
    QTest::newRow("TEXT key among others") << projectJson(
        R"({"name":"User","attributes":[{"name":"t","type":"TEXT"},{"name":"u","type":"BLOB","unique":true},{"name":"v","type":"TEXT","primaryKey":true}]})", "")
        << "mysql" << QStringList{"mysql-key-on-text@models[0].attributes[2].type",
                                  "mysql-key-on-text@models[0].attributes[1].type"};
    // The Kelvin sign lower-cases to an ASCII k.
    QTest::newRow("table names alike after Unicode case folding") << projectJson(
        R"({"name":"A","tableName":"kelvins","attributes":[]}, {"name":"B","tableName":"\u212Aelvins","attributes":[]})", "")
        << "sqlite" << QStringList{"table-name-collision@models[1].name"};
    QTest::newRow("tables differing only in ASCII case") << projectJson(
        R"({"name":"A","tableName":"people","attributes":[]}, {"name":"B","tableName":"People","attributes":[]}, {"name":"C","tableName":"PEOPLE","attributes":[]})", "")
        << "sqlite" << QStringList{"table-name-collision@models[1].name", "table-name-collision@models[2].name"};
    // A non-ASCII column first: every later pair is compared in full.
    QTest::newRow("columns after a non-ASCII one") << projectJson(
        R"({"name":"User","attributes":[{"name":"naïve","type":"STRING"},{"name":"title","type":"STRING"},{"name":"Title","type":"STRING"},{"name":"NAÏVE","type":"STRING"}]})", "")
        << "sqlite" << QStringList{"column-collision@models[0].attributes[2]", "column-collision@models[0].attributes[3]"};
    // Forty columns: more hashes than the set's first 32 slots hold.
    QByteArray many;
    for (int i = 0; i < 40; ++i)
        many += (i ? ", " : "") + QByteArray(R"({"name":"field)") + QByteArray::number(i) + R"(","type":"STRING"})";
    many += R"(, {"name":"FIELD3","type":"STRING"}, {"name":"other","field":"field38","type":"STRING"})";
    QTest::newRow("forty columns") << projectJson(R"({"name":"User","attributes":[)" + many + "]}", "")
        << "sqlite" << QStringList{"column-collision@models[0].attributes[40]", "column-collision@models[0].attributes[41]"};
    QTest::newRow("reserved column in two tables") << projectJson(
        R"({"name":"Alpha","attributes":[{"name":"select","type":"STRING"}]}, {"name":"Beta","attributes":[{"name":"select","type":"STRING"},{"name":"Select","field":"selected","type":"STRING"}]})", "")
        << "postgres" << QStringList{"reserved-word@models[0].attributes[0].name", "reserved-word@models[1].attributes[0].name"};
    QTest::newRow("key referencing a column that is not unique") << projectJson(
        R"({"name":"User","attributes":[{"name":"email","type":"STRING"}]}, )" M("Picture"),
        R"({"type":"belongsTo","source":"Picture","target":"User","targetKey":"email"})")
        << "postgres" << QStringList{"fk-target-not-unique@associations[0]"};
}

void TestResolver::validatorFastPaths()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, dialect);
    QFETCH(QStringList, found);
    const Project project = load(json);
    QVERIFY(!project.entities.isEmpty());
    const QList<Dialect::Kind> kinds = dialect == QLatin1String("mysql") ? QList{Dialect::Kind::MySql}
                                       : dialect == QLatin1String("sqlite") ? QList{Dialect::Kind::Sqlite}
                                                                            : QList{Dialect::Kind::Postgres};
    QStringList seen;
    for (const Diagnostic &d : Validator(kinds).validate(project, resolve(project)))
        seen << d.code + QLatin1Char('@') + d.path;
    QCOMPARE(seen, found);
}

QTEST_GUILESS_MAIN(TestResolver)
#include "tst_resolver.moc"
