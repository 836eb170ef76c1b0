// SPDX-License-Identifier: MIT
// Import against real SQLite, PostgreSQL 15 and MariaDB 10.11: the DDL of a project (or a
// sync of it) goes into one scratch database, is imported, the imported project's DDL goes
// into a second one, and both catalogs must be the same table by table, column by column
// (constraint names aside).
// Plus databases Junction did not design (legacy names, composite and varchar keys, RESTRICT,
// a unique FK, a PostgreSQL inet), and the type/default rule tables row by row.
#include "catalogreader.h"
#include "columnfacts.h"
#include "ddlgenerator.h"
#include "nativetypemap.h"
#include "projectreader.h"
#include "projectwriter.h"
#include "schemaimporter.h"
#include "scratchdatabase.h"
#include "syncplanner.h"
#include "syncrunner.h"
#include "validator.h"

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

QString codes(const Diagnostics &diagnostics,
              Diagnostic::Severity atLeast = Diagnostic::Severity::Warning)
{
    QStringList out;
    for (const Diagnostic &d : diagnostics) {
        if (int(d.severity) <= int(atLeast))
            out << d.code + u": "_s + d.message;
    }
    return out.join(u'\n');
}

// One scratch database with a project's or hand-written DDL in it, read back.
struct Database
{
    Scratch scratch;
    LiveSchema live;
    ColumnFacts facts;

    bool setUp(Engine engine, QString *error)
    {
        return scratch.setUp(engine, serverSpec(engine).value_or(ConnectionSpec {}), error);
    }
    bool run(const QStringList &statements, QString *error)
    {
        for (const QString &statement : statements) {
            if (!exec(scratch.ddl(), statement, error))
                return false;
        }
        return true;
    }
    bool read(QString *error)
    {
        live = CatalogReader::read(scratch.reader(), scratch.schema(), error);
        if (!error->isEmpty())
            return false;
        facts = ColumnFacts::read(scratch.reader(), live.schema, error);
        return error->isEmpty();
    }
    ImportResult import(Engine engine) const
    {
        return SchemaImporter::importSchema(live, engine, facts, u"imported"_s);
    }
};

QStringList ddlOf(const Project &project, Engine engine, QString *problems)
{
    const ResolvedSchema schema = resolve(project);
    const Diagnostics diagnostics = validateProject(project, schema, {dialectOf(engine)});
    if (hasErrors(diagnostics)) {
        *problems = codes(diagnostics, Diagnostic::Severity::Error);
        return {};
    }
    return DdlGenerator(Dialect::get(dialectOf(engine))).schema(schema);
}

// A table as the catalog says it, with the names of unique and foreign key constraints left
// out (the only names Junction derives rather than keeps) and the enum types compared by
// their labels. Columns by name: Sequelize's column order (id, attributes, timestamps, keys)
// cannot always say where a column made by an association without a constraint stood.
QStringList describe(const LiveTable &t, Engine engine)
{
    QStringList out;
    out << u"table "_s + t.name + u" comment="_s + t.comment;
    QList<LiveColumn> columns = t.columns;
    std::sort(columns.begin(), columns.end(),
              [](const LiveColumn &a, const LiveColumn &b) { return a.name < b.name; });
    for (const LiveColumn &c : columns) {
        const bool enumType = !c.enumValues.isEmpty() && engine == Engine::Postgres;
        out << u"  column %1 %2 null=%3 default=%4 auto=%5 comment=%6 enum=%7"_s.arg(
            c.name, enumType ? u"<enum>"_s : c.nativeType, c.nullable ? u"y"_s : u"n"_s,
            enumType ? c.defaultExpression.section(u"::"_s, 0, 0) : c.defaultExpression,
            c.autoIncrement ? u"y"_s : u"n"_s, c.comment, c.enumValues.join(u'|'));
    }
    out << u"  primary key "_s + t.primaryKey.join(u',');
    QStringList uniques;
    for (const LiveUnique &u : t.uniques)
        uniques << u"  unique "_s + u.columns.join(u',');
    uniques.sort();
    QStringList fks;
    for (const LiveForeignKey &fk : t.foreignKeys)
        fks << u"  foreign key %1 -> %2(%3) on delete %4 on update %5"_s.arg(
            fk.columns.join(u','), fk.referencedTable, fk.referencedColumns.join(u','), fk.onDelete,
            fk.onUpdate);
    fks.sort();
    QStringList indexes;
    for (const LiveIndex &i : t.indexes)
        indexes << u"  index %1 (%2)%3"_s.arg(i.name, i.columns.join(u','),
                                              i.unique ? u" unique"_s : QString());
    indexes.sort();
    return out + uniques + fks + indexes;
}

QStringList describe(const LiveSchema &live, Engine engine)
{
    QStringList out;
    for (const LiveTable &t : live.tables)
        out += describe(t, engine);
    return out;
}

// Compared line by line so that a failure names the first table and column that differ.
void compareCatalogs(const LiveSchema &expected, const LiveSchema &actual, Engine engine)
{
    const QStringList a = describe(expected, engine);
    const QStringList b = describe(actual, engine);
    for (int i = 0; i < qMin(a.size(), b.size()); ++i)
        QCOMPARE(b.at(i), a.at(i));
    QCOMPARE(b.size(), a.size());
}

const Association *findAssociation(const Project &p, AssociationType type, const QString &source,
                                   const QString &target)
{
    for (const Association &a : p.associations) {
        if (a.type == type && a.source == source && a.target == target)
            return &a;
    }
    return nullptr;
}

const QList<Engine> engines {Engine::Sqlite, Engine::Postgres, Engine::MySql};

} // namespace

class TestImport : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void blogDecisions_data();
    void blogDecisions();
    void shopDecisions_data();
    void shopDecisions();
    void legacyDatabase_data();
    void legacyDatabase();
    void unsupportedType();
    void typeMapping_data();
    void typeMapping();
    void defaultMapping_data();
    void defaultMapping();
    void sqliteCheckValues();

private:
    // The example's DDL in a fresh database, imported.
    bool importExample(const QString &file, Engine engine, Database &db, ImportResult &result,
                       bool viaSync = false);
};

bool TestImport::importExample(const QString &file, Engine engine, Database &db,
                               ImportResult &result, bool viaSync)
{
    // QVERIFY returns from the function it is in: each step is a lambda, checked at once.
    auto failed = [](auto step) {
        step();
        return QTest::currentTestFailed();
    };
    LoadResult loaded = ProjectReader::readFile(QStringLiteral(JUNCTION_SOURCE_DIR "/") + file);
    QString error;
    if (failed([&] { QVERIFY2(loaded.project, qPrintable(file)); })
        || failed([&] { QVERIFY2(db.setUp(engine, &error), qPrintable(error)); }))
        return false;
    if (viaSync) {
        // What `junction-cli sync` does to an empty database.
        const auto planned = SyncPlanner::plan(resolve(*loaded.project), db.scratch.ddl(), {},
                                               SyncPlan::Mode::Create, &error, db.scratch.schema());
        if (failed([&] { QVERIFY2(planned, qPrintable(error)); }))
            return false;
        const SyncResult synced = SyncRunner::run(db.scratch.ddl(), planned->plan);
        if (failed([&] {
                QVERIFY2(synced.ok,
                         qPrintable(synced.error + u"\nin: "_s + synced.failedStatement));
            }))
            return false;
    } else {
        const QStringList statements = ddlOf(*loaded.project, engine, &error);
        if (failed([&] { QVERIFY2(error.isEmpty(), qPrintable(error)); })
            || failed([&] { QVERIFY2(db.run(statements, &error), qPrintable(error)); }))
            return false;
    }
    if (failed([&] { QVERIFY2(db.read(&error), qPrintable(error)); })
        || failed([&] { QCOMPARE(db.live.tables.size(), resolve(*loaded.project).tables.size()); }))
        return false;
    result = db.import(engine);
    return true;
}

void TestImport::roundTrip_data()
{
    QTest::addColumn<QString>("project");
    QTest::addColumn<Engine>("engine");
    QTest::addColumn<bool>("viaSync"); // the first database made by sync rather than the DDL
    const QStringList projects {u"resources/examples/blog.junction.json"_s,
                                u"resources/examples/shop.junction.json"_s,
                                u"tests/data/ddl/hostile-identifiers.junction.json"_s};
    for (const QString &p : projects) {
        for (Engine e : engines) {
            for (bool viaSync : {false, true})
                QTest::addRow("%s on %s%s", qPrintable(p.section(u'/', -1)),
                              qPrintable(engineName(e)), viaSync ? ", synced" : "")
                    << p << e << viaSync;
        }
    }
}

// import(apply(DDL(resolve(P)))) resolves to P's physical schema: applied again, the two
// catalogs are the same. Also when P was applied by sync (what users import after a sync).
void TestImport::roundTrip()
{
    QFETCH(QString, project);
    QFETCH(Engine, engine);
    QFETCH(bool, viaSync);
    if (engine != Engine::Sqlite)
        JUNCTION_REQUIRE_SERVER(engine);

    Database first;
    ImportResult imported;
    if (!importExample(project, engine, first, imported, viaSync))
        return;
    QVERIFY2(imported.diagnostics.isEmpty(), qPrintable(codes(imported.diagnostics)));

    // What the CLI writes is what is applied: through the file format and back.
    const QByteArray bytes = ProjectWriter::toBytes(imported.project);
    LoadResult reread = ProjectReader::readBytes(bytes);
    QVERIFY2(reread.project,
             qPrintable(codes(reread.diagnostics) + u"\n"_s + QString::fromUtf8(bytes)));
    QVERIFY2(reread.diagnostics.isEmpty(), qPrintable(codes(reread.diagnostics)));
    QCOMPARE(ProjectWriter::toBytes(*reread.project), bytes);

    QString error;
    const QStringList statements = ddlOf(*reread.project, engine, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error + u"\n"_s + QString::fromUtf8(bytes)));
    Database second;
    QVERIFY2(second.setUp(engine, &error), qPrintable(error));
    QVERIFY2(second.run(statements, &error), qPrintable(error));
    QVERIFY2(second.read(&error), qPrintable(error));
    compareCatalogs(first.live, second.live, engine);

    // And importing the second database gives the same project again.
    QCOMPARE(ProjectWriter::toBytes(second.import(engine).project), bytes);
}

void TestImport::blogDecisions_data()
{
    QTest::addColumn<Engine>("engine");
    for (Engine e : engines)
        QTest::addRow("%s", qPrintable(engineName(e))) << e;
}

void TestImport::blogDecisions()
{
    QFETCH(Engine, engine);
    if (engine != Engine::Sqlite)
        JUNCTION_REQUIRE_SERVER(engine);
    Database db;
    ImportResult r;
    if (!importExample(u"resources/examples/blog.junction.json"_s, engine, db, r))
        return;
    const Project &p = r.project;

    QStringList models;
    for (const Entity &e : p.entities)
        models << e.name;
    QCOMPARE(models, (QStringList {u"Picture"_s, u"Post"_s, u"Tag"_s, u"User"_s}));
    for (const Entity &e : p.entities) {
        QVERIFY2(e.tableName.isEmpty(), qPrintable(e.name)); // Users is User's default table
        QVERIFY2(!e.attribute(u"id"_s) && !e.attribute(u"createdAt"_s), qPrintable(e.name));
    }
    QCOMPARE(p.entity(u"User"_s)->id.toString(), u"m-User"_s);
    QCOMPARE(p.entity(u"User"_s)->attribute(u"email"_s)->id.toString(), u"a-User-email"_s);

    // PostTags: no model, a belongsToMany pair through the table.
    const Association *postTags
        = findAssociation(p, AssociationType::BelongsToMany, u"Post"_s, u"Tag"_s);
    const Association *tagPosts
        = findAssociation(p, AssociationType::BelongsToMany, u"Tag"_s, u"Post"_s);
    QVERIFY(postTags && tagPosts);
    for (const Association *a : {postTags, tagPosts}) {
        QCOMPARE(a->through.kind, Through::Kind::Table);
        QCOMPARE(a->through.name, u"PostTags"_s);
        QVERIFY(!a->foreignKey.isSet && !a->otherKey.isSet && !a->as.isSet() && !a->timestamps);
    }
    QCOMPARE(postTags->id.toString(), u"as-Post-belongsToMany-Tag"_s);

    // Posts.UserId is Sequelize's default name with the default rules: nothing explicit.
    const Association *postUser
        = findAssociation(p, AssociationType::BelongsTo, u"Post"_s, u"User"_s);
    const Association *userPosts
        = findAssociation(p, AssociationType::HasMany, u"User"_s, u"Post"_s);
    QVERIFY(postUser && userPosts);
    for (const Association *a : {postUser, userPosts}) {
        QVERIFY(!a->foreignKey.isSet);
        QVERIFY(!a->as.isSet());
        QVERIFY(a->onDelete.isEmpty() && a->onUpdate.isEmpty());
    }

    // Pictures.uid: NOT NULL with ON DELETE CASCADE, hasMany's default: hasMany owns it.
    const int userPictures = int(std::find_if(p.associations.begin(), p.associations.end(),
                                              [](const Association &a) {
                                                  return a.type == AssociationType::HasMany
                                                      && a.target == u"Picture"_s;
                                              })
                                 - p.associations.begin());
    QVERIFY(userPictures < p.associations.size());
    const Association &owner = p.associations.at(userPictures);
    QVERIFY(owner.foreignKey.isObject);
    QCOMPARE(owner.foreignKey.name, u"uid"_s);
    QCOMPARE(owner.foreignKey.allowNull, std::optional<bool>(false));
    QVERIFY(owner.onDelete.isEmpty());
    const Association &back = p.associations.at(userPictures + 1);
    QCOMPARE(back.type, AssociationType::BelongsTo);
    QCOMPARE(back.foreignKey.name, u"uid"_s);
    QVERIFY(!back.foreignKey.isObject);

    // Users.ProfilePictureId has no constraint in the database: a plain attribute.
    QVERIFY(p.entity(u"User"_s)->attribute(u"ProfilePictureId"_s));
    // The enum comes back as an enum on every engine (SQLite: from its CHECK).
    QCOMPARE(p.entity(u"User"_s)->attribute(u"role"_s)->type, u"ENUM('reader','editor','admin')"_s);
    // posts_title is the default index name: not written.
    QCOMPARE(p.entity(u"Post"_s)->indexes.size(), 1);
    QVERIFY(p.entity(u"Post"_s)->indexes.first().name.isEmpty());
}

void TestImport::shopDecisions_data()
{
    blogDecisions_data();
}

void TestImport::shopDecisions()
{
    QFETCH(Engine, engine);
    if (engine != Engine::Sqlite)
        JUNCTION_REQUIRE_SERVER(engine);
    Database db;
    ImportResult r;
    if (!importExample(u"resources/examples/shop.junction.json"_s, engine, db, r))
        return;
    const Project &p = r.project;

    // OrderItems: a through model that keeps its own key and extra attributes.
    const Entity *item = p.entity(u"OrderItem"_s);
    QVERIFY(item);
    QStringList attributes;
    for (const Attribute &a : item->attributes)
        attributes << a.name;
    QCOMPARE(attributes, (QStringList {u"id"_s, u"quantity"_s, u"unitPrice"_s}));
    QVERIFY(item->attribute(u"id"_s)->primaryKey && item->attribute(u"id"_s)->autoIncrement);
    // SQLite has no BIGINT auto-increment key: INTEGER PRIMARY KEY AUTOINCREMENT.
    QCOMPARE(item->attribute(u"id"_s)->type, engine == Engine::Sqlite ? u"INTEGER"_s : u"BIGINT"_s);
    const Association *orderProducts
        = findAssociation(p, AssociationType::BelongsToMany, u"Order"_s, u"Product"_s);
    const Association *productOrders
        = findAssociation(p, AssociationType::BelongsToMany, u"Product"_s, u"Order"_s);
    QVERIFY(orderProducts && productOrders);
    for (const Association *a : {orderProducts, productOrders}) {
        QCOMPARE(a->through.kind, Through::Kind::Model);
        QCOMPARE(a->through.name, u"OrderItem"_s);
    }
    // Pure junctions: no model.
    QVERIFY(!p.entity(u"ProductCategory"_s));
    QVERIFY(!p.entity(u"CustomerReferral"_s));
    const Association *suppliers
        = findAssociation(p, AssociationType::BelongsToMany, u"Supplier"_s, u"Product"_s);
    QVERIFY(suppliers);
    QCOMPARE(suppliers->timestamps, std::optional<bool>(false));

    // The self-referencing n:m needs aliases and both keys.
    QStringList referrals;
    for (const Association &a : p.associations) {
        if (a.through.name == u"CustomerReferrals"_s)
            referrals << a.as.plural + u':' + a.foreignKey.name + u'>' + a.otherKey.name;
    }
    QCOMPARE(
        referrals,
        (QStringList {u"Referreds:referrerId>referredId"_s, u"Referrers:referredId>referrerId"_s}));

    // Orders.ShippingAddressId: `as` gives the name; RESTRICT is not belongsTo's default.
    const Association *shipping
        = findAssociation(p, AssociationType::BelongsTo, u"Order"_s, u"Address"_s);
    QVERIFY(shipping);
    QCOMPARE(shipping->as.plural, u"ShippingAddress"_s);
    QVERIFY(!shipping->foreignKey.isSet);
    QCOMPARE(shipping->onDelete, u"RESTRICT"_s);

    // Categories.parentId: a self-reference named by its alias.
    const Association *parent
        = findAssociation(p, AssociationType::BelongsTo, u"Category"_s, u"Category"_s);
    QVERIFY(parent);
    QCOMPARE(parent->as.plural, u"parent"_s);

    // Customers: paranoid; Employees: underscored timestamps, their camelCase key stated.
    QCOMPARE(p.entity(u"Customer"_s)->paranoid, std::optional<bool>(true));
    QVERIFY(!p.entity(u"Customer"_s)->attribute(u"deletedAt"_s));
    QCOMPARE(p.entity(u"Employee"_s)->underscored, std::optional<bool>(true));
    const Association *staff
        = findAssociation(p, AssociationType::BelongsTo, u"Employee"_s, u"Warehouse"_s);
    QVERIFY(staff);
    QCOMPARE(staff->foreignKey.name, u"WarehouseId"_s);
    // Coupons: a varchar key, no timestamps.
    const Entity *coupon = p.entity(u"Coupon"_s);
    QCOMPARE(coupon->timestamps, std::optional<bool>(false));
    QVERIFY(coupon->attribute(u"code"_s)->primaryKey);
    QCOMPARE(coupon->attribute(u"code"_s)->type, u"STRING(24)"_s);
    // Products.id is a UUID on every engine (MariaDB: CHAR(36) with a binary collation).
    QCOMPARE(p.entity(u"Product"_s)->attribute(u"id"_s)->type, u"UUID"_s);
    QCOMPARE(p.entity(u"Product"_s)->attribute(u"specs"_s)->type, u"JSON"_s);
    // Suppliers' composite unique keeps its group name.
    QCOMPARE(p.entity(u"Supplier"_s)->attribute(u"vatNumber"_s)->uniqueGroup,
             engine == Engine::Sqlite ? u"vatNumber_country"_s : u"supplier_tax"_s);
}

void TestImport::legacyDatabase_data()
{
    QTest::addColumn<Engine>("engine");
    QTest::addColumn<QStringList>("statements");
    const auto ddl = [](Engine e) {
        const QString serial = e == Engine::Sqlite ? u"INTEGER PRIMARY KEY AUTOINCREMENT"_s
            : e == Engine::Postgres                ? u"SERIAL PRIMARY KEY"_s
                                                   : u"INT AUTO_INCREMENT PRIMARY KEY"_s;
        return QStringList {
            u"CREATE TABLE tbl_customer (customer_id %1, name VARCHAR(100) NOT NULL, "
            "email VARCHAR(100), created DATE, referred_by INTEGER, "
            "CONSTRAINT customer_email UNIQUE (email), "
            "CONSTRAINT fk_referrer FOREIGN KEY (referred_by) "
            "REFERENCES tbl_customer (customer_id))"_s.arg(serial),
            u"CREATE TABLE tbl_order (order_no VARCHAR(20) NOT NULL PRIMARY KEY, "
            "customer_id INTEGER NOT NULL, note TEXT, approved_by INTEGER, "
            "CONSTRAINT fk_order_customer FOREIGN KEY (customer_id) "
            "REFERENCES tbl_customer (customer_id) ON DELETE RESTRICT, "
            "CONSTRAINT fk_order_approver FOREIGN KEY (approved_by) "
            "REFERENCES tbl_customer (customer_id) ON DELETE SET NULL ON UPDATE CASCADE)"_s,
            u"CREATE TABLE order_line (order_no VARCHAR(20) NOT NULL, line_no INTEGER NOT NULL, "
            "qty INTEGER NOT NULL DEFAULT 1, PRIMARY KEY (order_no, line_no), "
            "CONSTRAINT fk_line_order FOREIGN KEY (order_no) REFERENCES tbl_order (order_no) "
            "ON DELETE CASCADE)"_s,
            u"CREATE TABLE profile (id INTEGER NOT NULL PRIMARY KEY, customer_id INTEGER, "
            "bio TEXT, "
            "CONSTRAINT profile_customer_unique UNIQUE (customer_id), "
            "CONSTRAINT fk_profile_customer FOREIGN KEY (customer_id) "
            "REFERENCES tbl_customer (customer_id) ON DELETE SET NULL ON UPDATE CASCADE)"_s,
            u"CREATE TABLE newsletter (id INTEGER NOT NULL PRIMARY KEY, "
            "email VARCHAR(100) NOT NULL, "
            "CONSTRAINT fk_newsletter_email FOREIGN KEY (email) REFERENCES tbl_customer (email) "
            "ON DELETE CASCADE ON UPDATE CASCADE)"_s,
            // One-to-one on a shared key: the key column is the foreign key.
            u"CREATE TABLE customer_note (customer_id INTEGER NOT NULL PRIMARY KEY, body TEXT, "
            "CONSTRAINT fk_note_customer FOREIGN KEY (customer_id) "
            "REFERENCES tbl_customer (customer_id) ON DELETE CASCADE ON UPDATE CASCADE)"_s,
            // A pure junction whose two keys have other rules than Sequelize's CASCADE.
            u"CREATE TABLE tbl_tag (tag_id INTEGER NOT NULL PRIMARY KEY, label VARCHAR(20))"_s,
            u"CREATE TABLE customer_tags (customer_id INTEGER NOT NULL, tag_id INTEGER NOT NULL, "
            "PRIMARY KEY (customer_id, tag_id), "
            "CONSTRAINT fk_ct_customer FOREIGN KEY (customer_id) "
            "REFERENCES tbl_customer (customer_id) ON DELETE RESTRICT, "
            "CONSTRAINT fk_ct_tag FOREIGN KEY (tag_id) REFERENCES tbl_tag (tag_id) "
            "ON DELETE CASCADE)"_s,
        };
    };
    for (Engine e : engines)
        QTest::addRow("%s", qPrintable(engineName(e))) << e << ddl(e);
}

// A database Junction did not design: its decisions, and a second round trip that is stable.
void TestImport::legacyDatabase()
{
    QFETCH(Engine, engine);
    QFETCH(QStringList, statements);
    if (engine != Engine::Sqlite)
        JUNCTION_REQUIRE_SERVER(engine);
    Database first;
    QString error;
    QVERIFY2(first.setUp(engine, &error), qPrintable(error));
    QVERIFY2(first.run(statements, &error), qPrintable(error));
    QVERIFY2(first.read(&error), qPrintable(error));
    const ImportResult r = first.import(engine);
    const Project &p = r.project;
    for (const Diagnostic &d : r.diagnostics)
        QVERIFY2(d.code == u"nullable-primary-key"_s && engine == Engine::Sqlite,
                 qPrintable(codes(r.diagnostics)));

    // Legacy names: singular already, so the table is stated.
    const Entity *customer = p.entity(u"tbl_customer"_s);
    QVERIFY(customer);
    QCOMPARE(customer->tableName, u"tbl_customer"_s);
    QVERIFY(!p.define.timestamps); // most tables have none
    QVERIFY(!customer->timestamps);
    QVERIFY(customer->attribute(u"customer_id"_s)->primaryKey);
    QVERIFY(customer->attribute(u"customer_id"_s)->autoIncrement);
    QCOMPARE(p.entity(u"profile"_s)->tableName, u"profile"_s);

    // A varchar primary key; a belongsTo that must state its column and its RESTRICT.
    const Entity *order = p.entity(u"tbl_order"_s);
    QVERIFY(order->attribute(u"order_no"_s)->primaryKey);
    QCOMPARE(order->attribute(u"order_no"_s)->type, u"STRING(20)"_s);
    QVERIFY(!order->attribute(u"customer_id"_s)); // made by the association
    const Association *orderCustomer
        = findAssociation(p, AssociationType::BelongsTo, u"tbl_order"_s, u"tbl_customer"_s);
    QVERIFY(orderCustomer);
    QCOMPARE(orderCustomer->foreignKey.name, u"customer_id"_s);
    QCOMPARE(orderCustomer->as.plural, u"customer"_s); // from the column, for getCustomer()
    QCOMPARE(orderCustomer->onDelete, u"RESTRICT"_s);
    // A second key to the same table, named nothing like it: its own alias on the inverse.
    QStringList approvals;
    for (const Association &a : p.associations) {
        if (a.foreignKey.name == u"approved_by"_s)
            approvals << associationTypeName(a.type) + u' ' + a.source + u' ' + a.as.plural;
    }
    QCOMPARE(
        approvals,
        (QStringList {u"belongsTo tbl_order "_s, u"hasMany tbl_customer ApprovedByTbl_orders"_s}));
    // A self-reference, and a key to a unique column that is not the primary key.
    QVERIFY(findAssociation(p, AssociationType::BelongsTo, u"tbl_customer"_s, u"tbl_customer"_s));
    QCOMPARE(customer->attribute(u"email"_s)->unique, true);
    const Association *newsletter
        = findAssociation(p, AssociationType::BelongsTo, u"newsletter"_s, u"tbl_customer"_s);
    QVERIFY(newsletter);
    QCOMPARE(newsletter->targetKey, u"email"_s);
    QCOMPARE(newsletter->foreignKey.name, u"email"_s);
    const Association *subscribers
        = findAssociation(p, AssociationType::HasMany, u"tbl_customer"_s, u"newsletter"_s);
    QVERIFY(subscribers);
    QCOMPARE(subscribers->sourceKey, u"email"_s);
    QVERIFY(findAssociation(p, AssociationType::HasMany, u"tbl_customer"_s, u"tbl_order"_s));

    // A composite primary key whose first column is a foreign key: declared, both key columns.
    const Entity *line = p.entity(u"order_line"_s);
    QVERIFY(line->attribute(u"order_no"_s)->primaryKey
            && line->attribute(u"line_no"_s)->primaryKey);
    QCOMPARE(line->attribute(u"order_no"_s)->allowNull, std::optional<bool>(false));
    QVERIFY(findAssociation(p, AssociationType::BelongsTo, u"order_line"_s, u"tbl_order"_s));

    // A unique foreign key: hasOne, first, stating unique and its rules.
    const Association *hasOne
        = findAssociation(p, AssociationType::HasOne, u"tbl_customer"_s, u"profile"_s);
    QVERIFY(hasOne);
    QCOMPARE(hasOne->foreignKey.name, u"customer_id"_s);
    QCOMPARE(hasOne->foreignKey.unique, std::optional<bool>(true));
    QVERIFY(!findAssociation(p, AssociationType::HasMany, u"tbl_customer"_s, u"profile"_s));
    QVERIFY(hasOne
            < findAssociation(p, AssociationType::BelongsTo, u"profile"_s, u"tbl_customer"_s));
    QCOMPARE(hasOne->onDelete, QString()); // SET NULL: hasOne's default for a nullable key

    // The shared key: hasOne, the key column declared as the primary key it is.
    const Association *note
        = findAssociation(p, AssociationType::HasOne, u"tbl_customer"_s, u"customer_note"_s);
    QVERIFY(note);
    QCOMPARE(note->foreignKey.name, u"customer_id"_s);
    QVERIFY(p.entity(u"customer_note"_s)->attribute(u"customer_id"_s)->primaryKey);
    // customer_tags: no model, a pair through the table, each stating the rule of its key.
    QVERIFY(!p.entity(u"customer_tag"_s));
    const Association *tags
        = findAssociation(p, AssociationType::BelongsToMany, u"tbl_customer"_s, u"tbl_tag"_s);
    const Association *customers
        = findAssociation(p, AssociationType::BelongsToMany, u"tbl_tag"_s, u"tbl_customer"_s);
    QVERIFY(tags && customers);
    QCOMPARE(tags->through.kind, Through::Kind::Table);
    QCOMPARE(tags->through.name, u"customer_tags"_s);
    QCOMPARE(tags->onDelete, u"RESTRICT"_s);
    QCOMPARE(customers->onDelete, u"CASCADE"_s); // else it would inherit its partner's

    // Applied and imported again: the same project, and the same catalog as the first.
    const QByteArray bytes = ProjectWriter::toBytes(p);
    const QStringList ddl = ddlOf(p, engine, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error + u"\n"_s + QString::fromUtf8(bytes)));
    Database second;
    QVERIFY2(second.setUp(engine, &error), qPrintable(error));
    QVERIFY2(second.run(ddl, &error), qPrintable(error));
    QVERIFY2(second.read(&error), qPrintable(error));
    const ImportResult again = second.import(engine);
    QVERIFY2(again.diagnostics.isEmpty(), qPrintable(codes(again.diagnostics)));
    QCOMPARE(QString::fromUtf8(ProjectWriter::toBytes(again.project)), QString::fromUtf8(bytes));
    if (engine != Engine::Sqlite)
        compareCatalogs(first.live, second.live, engine);
}

// A type with no Junction equivalent: the nearest type, and a warning naming table.column.
void TestImport::unsupportedType()
{
    JUNCTION_REQUIRE_SERVER(Engine::Postgres);
    Database db;
    QString error;
    QVERIFY2(db.setUp(Engine::Postgres, &error), qPrintable(error));
    QVERIFY2(db.run({u"CREATE TABLE hosts (id SERIAL PRIMARY KEY, addr inet NOT NULL, "
                     "seen timestamp without time zone)"_s},
                    &error),
             qPrintable(error));
    QVERIFY2(db.read(&error), qPrintable(error));
    const ImportResult r = db.import(Engine::Postgres);
    QCOMPARE(r.diagnostics.size(), 2);
    QCOMPARE(r.diagnostics.at(0).code, u"unsupported-type"_s);
    QCOMPARE(r.diagnostics.at(0).severity, Diagnostic::Severity::Warning);
    QCOMPARE(r.diagnostics.at(0).message,
             u"hosts.addr: PostgreSQL inet has no Junction type; imported as TEXT, the nearest."_s);
    QCOMPARE(r.diagnostics.at(1).code, u"type-approximated"_s);
    QCOMPARE(r.diagnostics.at(1).message,
             u"hosts.seen: timestamp without time zone is imported as DATE (Junction's DATE is "
             "timestamp with time zone)."_s);
    const Entity *host = r.project.entity(u"host"_s);
    QVERIFY(host);
    QCOMPARE(host->attribute(u"addr"_s)->type, u"TEXT"_s);
    QCOMPARE(host->attribute(u"addr"_s)->allowNull, std::optional<bool>(false));
}

void TestImport::typeMapping_data()
{
    QTest::addColumn<Engine>("engine");
    QTest::addColumn<QString>("native");
    QTest::addColumn<QString>("fact"); // "bin", "json" or SQLite CHECK values joined by |
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("fit");
    const int exact = int(ImportedType::Fit::Exact);
    const int approx = int(ImportedType::Fit::Approximated);
    const int none = int(ImportedType::Fit::Unsupported);
    const auto row = [](const char *name, Engine e, const QString &native, const QString &fact,
                        const QString &type,
                        int fit) { QTest::newRow(name) << e << native << fact << type << fit; };
    const Engine pg = Engine::Postgres;
    const Engine my = Engine::MySql;
    const Engine lite = Engine::Sqlite;
    row("pg integer", pg, u"integer"_s, {}, u"INTEGER"_s, exact);
    row("pg bigint", pg, u"bigint"_s, {}, u"BIGINT"_s, exact);
    row("pg smallint", pg, u"smallint"_s, {}, u"SMALLINT"_s, exact);
    row("pg varchar(n)", pg, u"character varying(40)"_s, {}, u"STRING(40)"_s, exact);
    row("pg varchar(255)", pg, u"character varying(255)"_s, {}, u"STRING"_s, exact);
    row("pg varchar", pg, u"character varying"_s, {}, u"TEXT"_s, approx);
    row("pg char", pg, u"character(2)"_s, {}, u"CHAR(2)"_s, exact);
    row("pg text", pg, u"text"_s, {}, u"TEXT"_s, exact);
    row("pg numeric(p,s)", pg, u"numeric(10,2)"_s, {}, u"DECIMAL(10,2)"_s, exact);
    row("pg numeric", pg, u"numeric"_s, {}, u"DECIMAL"_s, exact);
    row("pg real", pg, u"real"_s, {}, u"REAL"_s, exact);
    row("pg double", pg, u"double precision"_s, {}, u"DOUBLE"_s, exact);
    row("pg boolean", pg, u"boolean"_s, {}, u"BOOLEAN"_s, exact);
    row("pg timestamptz", pg, u"timestamp with time zone"_s, {}, u"DATE"_s, exact);
    row("pg timestamptz(3)", pg, u"timestamp(3) with time zone"_s, {}, u"DATE"_s, approx);
    row("pg timestamp", pg, u"timestamp without time zone"_s, {}, u"DATE"_s, approx);
    row("pg date", pg, u"date"_s, {}, u"DATEONLY"_s, exact);
    row("pg time", pg, u"time without time zone"_s, {}, u"TIME"_s, exact);
    row("pg timetz", pg, u"time with time zone"_s, {}, u"TIME"_s, approx);
    row("pg uuid", pg, u"uuid"_s, {}, u"UUID"_s, exact);
    row("pg json", pg, u"json"_s, {}, u"JSON"_s, exact);
    row("pg jsonb", pg, u"jsonb"_s, {}, u"JSONB"_s, exact);
    row("pg bytea", pg, u"bytea"_s, {}, u"BLOB"_s, exact);
    row("pg inet", pg, u"inet"_s, {}, u"TEXT"_s, none);
    row("pg array", pg, u"integer[]"_s, {}, u"TEXT"_s, none);
    row("my int", my, u"int(11)"_s, {}, u"INTEGER"_s, exact);
    row("my int unsigned", my, u"int(10) unsigned"_s, {}, u"INTEGER"_s, approx);
    row("my bigint", my, u"bigint(20)"_s, {}, u"BIGINT"_s, exact);
    row("my smallint", my, u"smallint(6)"_s, {}, u"SMALLINT"_s, exact);
    row("my mediumint", my, u"mediumint(9)"_s, {}, u"INTEGER"_s, approx);
    row("my tinyint(1)", my, u"tinyint(1)"_s, {}, u"BOOLEAN"_s, exact);
    row("my tinyint(4)", my, u"tinyint(4)"_s, {}, u"SMALLINT"_s, approx);
    row("my varchar", my, u"varchar(320)"_s, {}, u"STRING(320)"_s, exact);
    row("my char", my, u"char(2)"_s, {}, u"CHAR(2)"_s, exact);
    row("my char(36) binary", my, u"char(36)"_s, u"bin"_s, u"UUID"_s, exact);
    row("my char(36)", my, u"char(36)"_s, {}, u"CHAR(36)"_s, exact);
    row("my text", my, u"text"_s, {}, u"TEXT"_s, exact);
    row("my mediumtext", my, u"mediumtext"_s, {}, u"TEXT"_s, approx);
    row("my longtext json", my, u"longtext"_s, u"json"_s, u"JSON"_s, exact);
    row("my longtext", my, u"longtext"_s, {}, u"TEXT"_s, approx);
    row("my json", my, u"json"_s, {}, u"JSON"_s, exact);
    row("my decimal", my, u"decimal(12,2)"_s, {}, u"DECIMAL(12,2)"_s, exact);
    row("my float", my, u"float"_s, {}, u"FLOAT"_s, exact);
    row("my double", my, u"double"_s, {}, u"DOUBLE"_s, exact);
    row("my datetime", my, u"datetime"_s, {}, u"DATE"_s, exact);
    row("my datetime(6)", my, u"datetime(6)"_s, {}, u"DATE"_s, approx);
    row("my timestamp", my, u"timestamp"_s, {}, u"DATE"_s, approx);
    row("my date", my, u"date"_s, {}, u"DATEONLY"_s, exact);
    row("my time", my, u"time"_s, {}, u"TIME"_s, exact);
    row("my blob", my, u"blob"_s, {}, u"BLOB"_s, exact);
    row("my longblob", my, u"longblob"_s, {}, u"BLOB"_s, approx);
    row("my set", my, u"set('a','b')"_s, {}, u"TEXT"_s, none);
    row("my year", my, u"year(4)"_s, {}, u"TEXT"_s, none);
    row("lite INTEGER", lite, u"INTEGER"_s, {}, u"INTEGER"_s, exact);
    row("lite int", lite, u"int"_s, {}, u"INTEGER"_s, exact);
    row("lite BIGINT", lite, u"BIGINT"_s, {}, u"BIGINT"_s, exact);
    row("lite TINYINT(1)", lite, u"TINYINT(1)"_s, {}, u"BOOLEAN"_s, exact);
    row("lite BOOLEAN", lite, u"BOOLEAN"_s, {}, u"BOOLEAN"_s, exact);
    row("lite VARCHAR(n)", lite, u"VARCHAR(16)"_s, {}, u"STRING(16)"_s, exact);
    row("lite CHAR", lite, u"CHAR(2)"_s, {}, u"CHAR(2)"_s, exact);
    row("lite TEXT", lite, u"TEXT"_s, {}, u"TEXT"_s, exact);
    row("lite TEXT enum", lite, u"TEXT"_s, u"a|b'c"_s, u"ENUM('a','b''c')"_s, exact);
    row("lite TEXT enum values", lite, u"TEXT"_s, u"enum:x|y"_s, u"ENUM('x','y')"_s, exact);
    row("lite DECIMAL", lite, u"DECIMAL(10,2)"_s, {}, u"DECIMAL(10,2)"_s, exact);
    row("lite DOUBLE PRECISION", lite, u"DOUBLE PRECISION"_s, {}, u"DOUBLE"_s, exact);
    row("lite DATETIME", lite, u"DATETIME"_s, {}, u"DATE"_s, exact);
    row("lite DATE", lite, u"DATE"_s, {}, u"DATEONLY"_s, exact);
    row("lite TIME", lite, u"TIME"_s, {}, u"TIME"_s, exact);
    row("lite UUID", lite, u"UUID"_s, {}, u"UUID"_s, exact);
    row("lite JSON", lite, u"JSON"_s, {}, u"JSON"_s, exact);
    row("lite BLOB", lite, u"BLOB"_s, {}, u"BLOB"_s, exact);
    row("lite affinity int", lite, u"UNSIGNED BIG INT"_s, {}, u"INTEGER"_s, approx);
    row("lite affinity text", lite, u"NATIVE CHARACTER(70)"_s, {}, u"TEXT"_s, approx);
    row("lite no type", lite, u""_s, {}, u"BLOB"_s, approx);
    row("lite affinity real", lite, u"FLOAT8"_s, {}, u"DOUBLE"_s, approx);
    row("lite FLOATING POINT is an integer", lite, u"FLOATING POINT"_s, {}, u"INTEGER"_s, approx);
    row("lite affinity numeric", lite, u"MONEY"_s, {}, u"DECIMAL"_s, approx);
}

void TestImport::typeMapping()
{
    QFETCH(Engine, engine);
    QFETCH(QString, native);
    QFETCH(QString, fact);
    QFETCH(QString, type);
    QFETCH(int, fit);
    LiveColumn column;
    column.name = u"c"_s;
    column.nativeType = native;
    ColumnFact f;
    f.binaryCollation = fact == u"bin"_s;
    f.jsonChecked = fact == u"json"_s;
    if (engine == Engine::Sqlite && fact.startsWith(u"enum:"_s))
        column.enumValues = fact.mid(5).split(u'|'); // as LiveReader reports it
    else if (engine == Engine::Sqlite && !fact.isEmpty())
        f.checkValues = fact.split(u'|');
    const ImportedType imported = NativeTypeMap::type(engine, column, f);
    QCOMPARE(imported.type, type);
    QCOMPARE(int(imported.fit), fit);
    QVERIFY(DataType::parse(imported.type));
    if (fit != int(ImportedType::Fit::Exact))
        QVERIFY(!imported.note.isEmpty());
}

void TestImport::defaultMapping_data()
{
    QTest::addColumn<Engine>("engine");
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("number");
    const int str = int(DefaultValue::Kind::String);
    const int num = int(DefaultValue::Kind::Number);
    const int boo = int(DefaultValue::Kind::Boolean);
    const int sql = int(DefaultValue::Kind::Sql);
    const int none = int(DefaultValue::Kind::None);
    const auto row = [](const char *name, Engine e, const QString &expression, const QString &type,
                        int kind, const QString &text, double number) {
        QTest::newRow(name) << e << expression << type << kind << text << number;
    };
    const Engine pg = Engine::Postgres;
    const Engine my = Engine::MySql;
    const Engine lite = Engine::Sqlite;
    row("none", pg, {}, u"STRING"_s, none, {}, 0);
    row("pg string", pg, u"'it''s \\ x'::character varying"_s, u"STRING"_s, str, u"it's \\ x"_s, 0);
    row("pg enum", pg, u"'placed'::\"enum_Orders_status\""_s, u"ENUM('placed')"_s, str, u"placed"_s,
        0);
    row("pg negative", pg, u"'-1'::integer"_s, u"INTEGER"_s, num, {}, -1);
    row("pg numeric", pg, u"'-1.5'::numeric"_s, u"DOUBLE"_s, num, {}, -1.5);
    row("pg zero", pg, u"0"_s, u"DECIMAL(10,2)"_s, num, {}, 0);
    row("pg boolean", pg, u"false"_s, u"BOOLEAN"_s, boo, u"false"_s, 0);
    row("pg quoted number in text", pg, u"'0'::character varying"_s, u"STRING"_s, str, u"0"_s, 0);
    row("pg json", pg, u"'{}'::jsonb"_s, u"JSONB"_s, str, u"{}"_s, 0);
    row("pg now", pg, u"CURRENT_TIMESTAMP"_s, u"DATE"_s, sql, u"CURRENT_TIMESTAMP"_s, 0);
    row("pg function", pg, u"gen_random_uuid()"_s, u"UUID"_s, sql, u"gen_random_uuid()"_s, 0);
    row("my string", my, u"'it''s \\\\ \\n'"_s, u"STRING"_s, str, u"it's \\ \n"_s, 0);
    row("my decimal", my, u"0.00"_s, u"DECIMAL(10,2)"_s, num, {}, 0);
    row("my boolean", my, u"1"_s, u"BOOLEAN"_s, boo, u"true"_s, 0);
    row("my current_timestamp()", my, u"current_timestamp()"_s, u"DATE"_s, sql,
        u"CURRENT_TIMESTAMP"_s, 0);
    row("lite string", lite, u"'DE'"_s, u"CHAR(2)"_s, str, u"DE"_s, 0);
    row("lite boolean", lite, u"0"_s, u"BOOLEAN"_s, boo, u"false"_s, 0);
    row("lite number", lite, u"1"_s, u"INTEGER"_s, num, {}, 1);
    row("lite expression", lite, u"(datetime('now'))"_s, u"DATE"_s, sql, u"(datetime('now'))"_s, 0);
}

void TestImport::defaultMapping()
{
    QFETCH(Engine, engine);
    QFETCH(QString, expression);
    QFETCH(QString, type);
    QFETCH(int, kind);
    QFETCH(QString, text);
    QFETCH(double, number);
    const DefaultValue v = NativeTypeMap::defaultValue(engine, expression, type);
    QCOMPARE(int(v.kind), kind);
    if (v.kind == DefaultValue::Kind::Boolean)
        QCOMPARE(v.boolean ? u"true"_s : u"false"_s, text);
    else if (v.kind == DefaultValue::Kind::Number)
        QCOMPARE(v.number, number);
    else if (kind != int(DefaultValue::Kind::None))
        QCOMPARE(v.text, text);
}

void TestImport::sqliteCheckValues()
{
    const auto checks
        = ColumnFacts::sqliteCheckValues(uR"(CREATE TABLE "t" ("semi;colon" TEXT DEFAULT 'c;d'
  CHECK ("semi;colon" IN ('a''b', 'c;d', 'e"f')),
  -- CHECK (commented IN ('x'))
  plain TEXT CHECK (plain IN ('x')), other INTEGER CHECK (other > 0),
  mixed TEXT CHECK (mixed IN ('a') OR mixed IS NULL))"_s);
    QCOMPARE(checks.size(), 2);
    QCOMPARE(checks.value(u"semi;colon"_s), (QStringList {u"a'b"_s, u"c;d"_s, u"e\"f"_s}));
    QCOMPARE(checks.value(u"plain"_s), QStringList {u"x"_s});
}

QTEST_GUILESS_MAIN(TestImport)
#include "tst_import.moc"
