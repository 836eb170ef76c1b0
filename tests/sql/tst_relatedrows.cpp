// SPDX-License-Identifier: MIT
// Every accessor of associations.md section 7 on every association type, on a real SQLite,
// PostgreSQL 15 and MariaDB 10.11: Junction's DDL of the examples is applied to a scratch
// database, fixture rows go in with bound parameters, the accessor runs, and the affected
// tables are read back whole. Rollback, refusals, row-or-bare-key equivalence and hostile
// identifiers too.
#include "ddlgenerator.h"
#include "projectreader.h"
#include "relatedrows.h"
#include "scratchdatabase.h"
#include "validator.h"

#include <QDateTime>
#include <QSqlRecord>
#include <QTest>

#include <functional>

using namespace Junction;
using namespace Junction::TestDatabase;

namespace {

const AssociationId postUser{u"as-post-user"_s};
const AssociationId pictureUser{u"as-picture-user"_s};
const AssociationId userPictures{u"as-user-pictures"_s};
const AssociationId userPosts{u"as-user-posts"_s};
const AssociationId userProfilePicture{u"as-user-profile-picture"_s};
const AssociationId postTags{u"as-post-tags"_s};
const AssociationId tagPosts{u"as-tag-posts"_s};

const QString p1 = u"11111111-1111-4111-8111-111111111111"_s;
const QString p2 = u"22222222-2222-4222-8222-222222222222"_s;
const QString p3 = u"33333333-3333-4333-8333-333333333333"_s;

const QString blog = u"resources/examples/blog.junction.json"_s;
const QString shop = u"resources/examples/shop.junction.json"_s;
const QString hostile = u"tests/data/ddl/hostile-identifiers.junction.json"_s;
const QString keys = u"tests/data/rows/keys.junction.json"_s;
// Placeholder look-alikes in identifiers: QtSql rewrites `?` and `:name` in statement text
// for some drivers, and must not touch them inside quoted identifiers.
const QString placeholders = uR"({
  "junction": 1,
  "name": "Placeholders",
  "models": [
    { "name": "Asker", "tableName": "who?", "attributes": [
      { "name": "what?", "type": "STRING" }, { "name": "a:b", "type": "STRING" } ] },
    { "name": "Answer", "tableName": ":answers", "attributes": [
      { "name": "$1", "type": "STRING" } ] }
  ],
  "associations": [
    { "id": "as-q", "type": "hasMany", "source": "Asker", "target": "Answer", "foreignKey": "who?:id" },
    { "id": "as-t", "type": "belongsToMany", "source": "Answer", "target": "Asker", "through": "?:x" }
  ]
})"_s;
// A hasOne whose key is NOT NULL: a linked row cannot be unlinked, only replaced by delete.
const QString requiredHasOne = uR"({
  "junction": 1,
  "name": "Passports",
  "models": [
    { "name": "Person", "attributes": [ { "name": "name", "type": "STRING" } ] },
    { "name": "Passport", "attributes": [ { "name": "number", "type": "STRING" } ] }
  ],
  "associations": [
    { "id": "as-passport", "type": "hasOne", "source": "Person", "target": "Passport",
      "foreignKey": { "name": "holderId", "allowNull": false } }
  ]
})"_s;

Dialect::Kind dialectOf(Engine engine)
{
    switch (engine) {
    case Engine::Sqlite: return Dialect::Kind::Sqlite;
    case Engine::Postgres: return Dialect::Kind::Postgres;
    case Engine::MySql: return Dialect::Kind::MySql;
    }
    return Dialect::Kind::Sqlite;
}

// One value as text that means the same on every engine: booleans as 0/1, numbers
// without trailing zeros, UUIDs lower-case, NULL as NULL.
QString text(const QVariant &v)
{
    if (v.isNull())
        return u"NULL"_s;
    switch (v.typeId()) {
    case QMetaType::Bool: return v.toBool() ? u"1"_s : u"0"_s;
    case QMetaType::Double:
    case QMetaType::Float: return QString::number(v.toDouble());
    case QMetaType::QUuid: return v.toUuid().toString(QUuid::WithoutBraces);
    default: break;
    }
    const QString s = v.toString();
    bool isNumber = false;
    const double d = s.toDouble(&isNumber);
    if (isNumber && s.contains(u'.'))
        return QString::number(d);
    return s;
}

// A scratch database with one project's tables and its fixture rows.
class Db
{
public:
    Engine engine = Engine::Sqlite;
    ResolvedSchema schema;
    std::unique_ptr<RelatedRows> rows;

    bool setUp(Engine e, const QString &project, QString *error)
    {
        engine = e;
        LoadResult loaded = project.startsWith(u'{')
            ? ProjectReader::readBytes(project.toUtf8(), u"inline"_s)
            : ProjectReader::readFile(QStringLiteral(JUNCTION_SOURCE_DIR "/") + project);
        if (!loaded.project) {
            *error = u"cannot load "_s + project;
            return false;
        }
        schema = resolve(*loaded.project);
        if (hasErrors(validateProject(*loaded.project, schema, {dialectOf(e)}))) {
            *error = project + u" has errors"_s;
            return false;
        }
        if (!m_scratch.setUp(e, serverSpec(e).value_or(ConnectionSpec{}), error))
            return false;
        for (const QString &statement : DdlGenerator(dialect()).schema(schema)) {
            if (!exec(m_scratch.ddl(), statement, error))
                return false;
        }
        rows = std::make_unique<RelatedRows>(m_scratch.ddl(), schema);
        return true;
    }

    const Dialect &dialect() const { return Dialect::get(dialectOf(engine)); }
    const Connection &connection() const { return m_scratch.ddl(); }
    QString q(const QString &identifier) const { return dialect().quote(identifier); }

    // Fixture rows, with bound parameters; timestamps set to an old fixed time.
    bool insert(const QString &table, Row values, QString *error)
    {
        const ResolvedTable *t = schema.table(table);
        if (!t) {
            *error = u"no table "_s + table;
            return false;
        }
        for (const ResolvedColumn &c : t->columns) {
            if (c.origin == ResolvedColumn::Origin::Timestamp && !c.allowNull && !values.contains(c.name))
                values.insert(c.name, fixtureTime());
        }
        QStringList names;
        QStringList marks;
        for (auto it = values.cbegin(); it != values.cend(); ++it) {
            names << q(it.key());
            marks << u"?"_s;
        }
        QSqlQuery query(connection().database());
        if (!query.prepare(u"INSERT INTO %1 (%2) VALUES (%3)"_s.arg(q(table), names.join(u", "_s),
                                                                    marks.join(u", "_s)))) {
            *error = query.lastError().text();
            return false;
        }
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            query.addBindValue(it.value());
        if (!query.exec()) {
            *error = table + u": "_s + query.lastError().text();
            return false;
        }
        return true;
    }

    QVariant fixtureTime() const
    {
        const QDateTime t(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC);
        if (engine == Engine::Sqlite)
            return u"2020-01-01 00:00:00.000 +00:00"_s;
        return t;
    }

    // The table's rows as "a|b|c" of the given columns (all when empty), sorted: the
    // whole table as the database holds it.
    QStringList table(const QString &name, const QStringList &columns = {}) const
    {
        QStringList cols = columns;
        if (cols.isEmpty()) {
            for (const ResolvedColumn &c : schema.table(name)->columns)
                cols << c.name;
        }
        QStringList quoted;
        for (const QString &c : cols)
            quoted << q(c);
        QSqlQuery query(connection().database());
        QStringList out;
        if (!query.exec(u"SELECT %1 FROM %2"_s.arg(quoted.join(u", "_s), q(name)))) {
            out << u"ERROR: "_s + query.lastError().text();
            return out;
        }
        while (query.next()) {
            QStringList values;
            for (int i = 0; i < cols.size(); ++i) {
                QVariant v = query.value(i);
                if (v.typeId() == QMetaType::QDateTime && !v.isNull()) {
                    // in UTC whatever TZ says: QPSQL converts to local time, QMYSQL hands out
                    // the zone-less DATETIME (written as UTC) as local time
                    QDateTime t = v.toDateTime();
                    if (engine == Engine::MySql)
                        t.setTimeSpec(Qt::UTC);
                    v = t.toUTC().toString(Qt::ISODateWithMs);
                }
                values << text(v);
            }
            out << values.join(u'|');
        }
        out.sort();
        return out;
    }

    // Every table, whole: what "nothing changed" compares.
    QStringList everything() const
    {
        QStringList out;
        for (const ResolvedTable &t : schema.tables) {
            out << u"== "_s + t.name;
            out << table(t.name);
        }
        return out;
    }

    QVariant scalar(const QString &sql) const
    {
        QSqlQuery query(connection().database());
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0);
    }

private:
    Scratch m_scratch;
};

#define FIXTURE(db, table, ...)                                                                \
    do {                                                                                       \
        QString fixtureError;                                                                  \
        QVERIFY2((db).insert(table, Row{__VA_ARGS__}, &fixtureError), qPrintable(fixtureError)); \
    } while (false)

#define ROWS_OK(result) QVERIFY2((result).ok(), qPrintable((result).error))

QStringList ids(const RowSet &set, const QString &column = u"id"_s)
{
    QStringList out;
    for (const Row &r : set.rows)
        out << text(r.value(column));
    return out;
}

void blogFixture(Db &db)
{
    FIXTURE(db, u"Users"_s, {u"name"_s, u"Ann"_s}, {u"email"_s, u"ann@example.org"_s});
    FIXTURE(db, u"Users"_s, {u"name"_s, u"Bob"_s}, {u"email"_s, u"bob@example.org"_s});
    FIXTURE(db, u"Users"_s, {u"name"_s, u"Cy"_s}, {u"email"_s, u"cy@example.org"_s});
    FIXTURE(db, u"Pictures"_s, {u"url"_s, u"/1.jpg"_s}, {u"format"_s, u"jpg"_s}, {u"uid"_s, 1});
    FIXTURE(db, u"Pictures"_s, {u"url"_s, u"/2.png"_s}, {u"format"_s, u"png"_s}, {u"uid"_s, 1});
    FIXTURE(db, u"Pictures"_s, {u"url"_s, u"/3.jpg"_s}, {u"format"_s, u"jpg"_s}, {u"uid"_s, 2});
    FIXTURE(db, u"Pictures"_s, {u"url"_s, u"/4.png"_s}, {u"format"_s, u"png"_s}, {u"uid"_s, 2});
    QString error;
    QVERIFY2(exec(db.connection(), u"UPDATE %1 SET %2 = 2 WHERE %3 = 1"_s.arg(
                      db.q(u"Users"_s), db.q(u"ProfilePictureId"_s), db.q(u"id"_s)), &error),
             qPrintable(error));
    FIXTURE(db, u"Posts"_s, {u"title"_s, u"Hello"_s}, {u"UserId"_s, 1});
    FIXTURE(db, u"Posts"_s, {u"title"_s, u"World"_s}, {u"UserId"_s, 1});
    FIXTURE(db, u"Posts"_s, {u"title"_s, u"Orphan"_s});
    FIXTURE(db, u"Posts"_s, {u"title"_s, u"Bob's"_s}, {u"UserId"_s, 2});
    FIXTURE(db, u"Tags"_s, {u"label"_s, u"a"_s});
    FIXTURE(db, u"Tags"_s, {u"label"_s, u"b"_s});
    FIXTURE(db, u"Tags"_s, {u"label"_s, u"c"_s});
    FIXTURE(db, u"PostTags"_s, {u"PostId"_s, 1}, {u"TagId"_s, 1});
    FIXTURE(db, u"PostTags"_s, {u"PostId"_s, 1}, {u"TagId"_s, 2});
    FIXTURE(db, u"PostTags"_s, {u"PostId"_s, 2}, {u"TagId"_s, 2});
}

void shopFixture(Db &db)
{
    const QVariant old = db.fixtureTime();
    FIXTURE(db, u"Customers"_s, {u"email"_s, u"one@example.org"_s}, {u"full_name"_s, u"One"_s}, {u"vip"_s, false});
    FIXTURE(db, u"Customers"_s, {u"email"_s, u"two@example.org"_s}, {u"full_name"_s, u"Two"_s}, {u"vip"_s, true});
    FIXTURE(db, u"Customers"_s, {u"email"_s, u"gone@example.org"_s}, {u"full_name"_s, u"Gone"_s}, {u"vip"_s, false}, {u"deletedAt"_s, old});
    FIXTURE(db, u"Addresses"_s, {u"street"_s, u"A 1"_s}, {u"city"_s, u"X"_s}, {u"country"_s, u"DE"_s}, {u"CustomerId"_s, 1});
    FIXTURE(db, u"Addresses"_s, {u"street"_s, u"A 2"_s}, {u"city"_s, u"X"_s}, {u"country"_s, u"DE"_s}, {u"CustomerId"_s, 1});
    FIXTURE(db, u"Addresses"_s, {u"street"_s, u"B 1"_s}, {u"city"_s, u"Y"_s}, {u"country"_s, u"FR"_s}, {u"CustomerId"_s, 2});
    FIXTURE(db, u"Products"_s, {u"id"_s, p1}, {u"sku"_s, u"S1"_s}, {u"name"_s, u"One"_s}, {u"price"_s, u"1.50"_s});
    FIXTURE(db, u"Products"_s, {u"id"_s, p2}, {u"sku"_s, u"S2"_s}, {u"name"_s, u"Two"_s}, {u"price"_s, u"2.50"_s});
    FIXTURE(db, u"Products"_s, {u"id"_s, p3}, {u"sku"_s, u"S3"_s}, {u"name"_s, u"Three"_s}, {u"price"_s, u"3.50"_s});
    FIXTURE(db, u"Categories"_s, {u"name"_s, u"Root"_s}, {u"slug"_s, u"root"_s});
    FIXTURE(db, u"Categories"_s, {u"name"_s, u"Child"_s}, {u"slug"_s, u"child"_s}, {u"parentId"_s, 1});
    FIXTURE(db, u"Categories"_s, {u"name"_s, u"Loose"_s}, {u"slug"_s, u"loose"_s});
    FIXTURE(db, u"Suppliers"_s, {u"name"_s, u"Acme"_s});
    FIXTURE(db, u"Coupons"_s, {u"code"_s, u"TEN"_s}, {u"percentOff"_s, 10});
    FIXTURE(db, u"Orders"_s, {u"status"_s, u"placed"_s}, {u"total"_s, 0}, {u"CustomerId"_s, 1});
    FIXTURE(db, u"Orders"_s, {u"status"_s, u"paid"_s}, {u"total"_s, 0}, {u"CustomerId"_s, 2});
    FIXTURE(db, u"OrderItems"_s, {u"quantity"_s, 1}, {u"unitPrice"_s, u"9.99"_s}, {u"OrderId"_s, 1}, {u"ProductId"_s, p1});
    FIXTURE(db, u"Reviews"_s, {u"rating"_s, 5}, {u"ProductId"_s, p1}, {u"CustomerId"_s, 1});
    FIXTURE(db, u"Reviews"_s, {u"rating"_s, 3}, {u"ProductId"_s, p1}, {u"CustomerId"_s, 2});
    FIXTURE(db, u"Carts"_s, {u"CustomerId"_s, 1});
    FIXTURE(db, u"Carts"_s, {u"expiresAt"_s, old});
    FIXTURE(db, u"Warehouses"_s, {u"name"_s, u"Main"_s});
    FIXTURE(db, u"Employees"_s, {u"name"_s, u"Boss"_s}, {u"role"_s, u"manager"_s}, {u"WarehouseId"_s, 1});
    FIXTURE(db, u"Employees"_s, {u"name"_s, u"Pick"_s}, {u"role"_s, u"picker"_s}, {u"manager_id"_s, 1});
    FIXTURE(db, u"CustomerReferrals"_s, {u"referrerId"_s, 1}, {u"referredId"_s, 2});
    FIXTURE(db, u"ProductCategories"_s, {u"ProductId"_s, p1}, {u"CategoryId"_s, 1});
}

void keysFixture(Db &db)
{
    FIXTURE(db, u"Authors"_s, {u"handle"_s, u"ann"_s}, {u"name"_s, u"Ann"_s});
    FIXTURE(db, u"Authors"_s, {u"handle"_s, u"bob"_s}, {u"name"_s, u"Bob"_s});
    FIXTURE(db, u"Books"_s, {u"title"_s, u"B1"_s}, {u"authorHandle"_s, u"ann"_s});
    FIXTURE(db, u"Books"_s, {u"title"_s, u"B2"_s});
    FIXTURE(db, u"Articles"_s, {u"title"_s, u"A1"_s}, {u"writtenBy"_s, u"ann"_s});
    FIXTURE(db, u"Articles"_s, {u"title"_s, u"A2"_s}, {u"writtenBy"_s, u"bob"_s});
    FIXTURE(db, u"Articles"_s, {u"title"_s, u"A3"_s});
}

void hostileFixture(Db &db)
{
    FIXTURE(db, u"用户"_s, {u"名字"_s, u"甲"_s});
    FIXTURE(db, u"用户"_s, {u"名字"_s, u"乙"_s});
    FIXTURE(db, u"select"_s, {u"order"_s, u"o1"_s});
    FIXTURE(db, u"we\"ird table"_s, {u"it's"_s, u"q1"_s}, {u"back`tick"_s, 1}, {u"用户Id"_s, 1});
    FIXTURE(db, u"we\"ird table"_s, {u"it's"_s, u"q2"_s}, {u"back`tick"_s, 2});
    const QString longTable(63, u't');
    FIXTURE(db, longTable, {u"v"_s, p1});
    FIXTURE(db, longTable, {u"v"_s, p2});
}

struct Case
{
    QString project;
    std::function<void(Db &)> fixture;
    std::function<void(Db &)> run;
};

// ---- the cases: one per accessor and association type ----------------------------------

QList<std::pair<QString, Case>> cases()
{
    QList<std::pair<QString, Case>> all;
    auto add = [&](const char *name, const QString &project, std::function<void(Db &)> fixture,
                   std::function<void(Db &)> run) {
        all.append({QString::fromUtf8(name), Case{project, std::move(fixture), std::move(run)}});
    };

    // belongsTo ------------------------------------------------------------------------
    add("belongsTo get", blog, blogFixture, [](Db &db) {
        const auto one = db.rows->getOne(postUser, 1);
        ROWS_OK(one);
        QVERIFY(one.value);
        QCOMPARE(one.value->value(u"name"_s).toString(), u"Ann"_s);
        const auto none = db.rows->getOne(postUser, 3);
        ROWS_OK(none);
        QVERIFY(!none.value);
        // constraints: false (User.ProfilePicture) reads the same way
        const auto profile = db.rows->get(userProfilePicture, 1);
        ROWS_OK(profile);
        QCOMPARE(ids(profile.value), QStringList{u"2"_s});
    });
    add("belongsTo set", blog, blogFixture, [](Db &db) {
        ROWS_OK(db.rows->set(postUser, 3, {2}));
        QCOMPARE(db.table(u"Posts"_s, {u"id"_s, u"UserId"_s}),
                 (QStringList{u"1|1"_s, u"2|1"_s, u"3|2"_s, u"4|2"_s}));
        // updatedAt moved on for the row written, as Sequelize's save() does
        QCOMPARE(db.table(u"Posts"_s, {u"updatedAt"_s}).filter(u"2020-01-01"_s).size(), 3);
    });
    add("belongsTo set none", blog, blogFixture, [](Db &db) {
        ROWS_OK(db.rows->set(postUser, 1, {}));
        QCOMPARE(db.table(u"Posts"_s, {u"id"_s, u"UserId"_s}),
                 (QStringList{u"1|NULL"_s, u"2|1"_s, u"3|NULL"_s, u"4|2"_s}));
        const auto refused = db.rows->set(pictureUser, 1, {}); // uid is NOT NULL
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error.contains(u"NOT NULL"_s), qPrintable(refused.error));
        QCOMPARE(db.table(u"Pictures"_s, {u"id"_s, u"uid"_s}),
                 (QStringList{u"1|1"_s, u"2|1"_s, u"3|2"_s, u"4|2"_s}));
    });
    add("belongsTo set missing target", blog, blogFixture, [](Db &db) {
        const QStringList before = db.everything();
        const auto r = db.rows->set(userProfilePicture, 1, {99}); // no constraint to catch it
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(u"does not exist"_s), qPrintable(r.error));
        QCOMPARE(db.everything(), before);
    });
    add("belongsTo create", blog, blogFixture, [](Db &db) {
        const auto r = db.rows->create(postUser, 3, {{u"name"_s, u"Dee"_s}, {u"email"_s, u"dee@example.org"_s}});
        ROWS_OK(r);
        QCOMPARE(text(r.value.value(u"id"_s)), u"4"_s);
        QCOMPARE(r.value.value(u"role"_s).toString(), u"reader"_s); // database default read back
        // createdAt is now, in UTC, whatever the machine's time zone (run with TZ set)
        const QVariant created = r.value.value(u"createdAt"_s);
        QDateTime at = created.toDateTime();
        if (created.typeId() == QMetaType::QString) {
            at = QDateTime::fromString(created.toString().left(23), u"yyyy-MM-dd HH:mm:ss.zzz"_s);
            at.setTimeSpec(Qt::UTC);
            QVERIFY2(created.toString().endsWith(u" +00:00"_s), qPrintable(created.toString()));
        }
        QVERIFY2(qAbs(at.secsTo(QDateTime::currentDateTimeUtc())) < 120,
                 qPrintable(at.toString(Qt::ISODateWithMs)));
        QCOMPARE(db.table(u"Users"_s, {u"id"_s, u"name"_s}),
                 (QStringList{u"1|Ann"_s, u"2|Bob"_s, u"3|Cy"_s, u"4|Dee"_s}));
        QCOMPARE(db.table(u"Posts"_s, {u"id"_s, u"UserId"_s}),
                 (QStringList{u"1|1"_s, u"2|1"_s, u"3|4"_s, u"4|2"_s}));
    });
    add("belongsTo string key and self", shop, shopFixture, [](Db &db) {
        ROWS_OK(db.rows->set(AssociationId(u"as-order-coupon"_s), 2, {u"TEN"_s}));
        QCOMPARE(db.table(u"Orders"_s, {u"id"_s, u"CouponCode"_s}), (QStringList{u"1|NULL"_s, u"2|TEN"_s}));
        const auto coupon = db.rows->getOne(AssociationId(u"as-order-coupon"_s), 2);
        ROWS_OK(coupon);
        QCOMPARE(coupon.value->value(u"percentOff"_s).toInt(), 10);
        // self reference, underscored model: Employee.Manager (manager_id)
        ROWS_OK(db.rows->set(AssociationId(u"as-employee-manager"_s), 1, {2}));
        QCOMPARE(db.table(u"Employees"_s, {u"id"_s, u"manager_id"_s}), (QStringList{u"1|2"_s, u"2|1"_s}));
        QCOMPARE(db.table(u"Employees"_s, {u"updated_at"_s}).filter(u"2020-01-01"_s).size(), 1);
        const auto created = db.rows->create(AssociationId(u"as-employee-manager"_s), 2,
                                             {{u"name"_s, u"Big"_s}, {u"role"_s, u"manager"_s}});
        ROWS_OK(created);
        QVERIFY(!created.value.value(u"created_at"_s).isNull());
        QCOMPARE(db.table(u"Employees"_s, {u"id"_s, u"manager_id"_s}),
                 (QStringList{u"1|2"_s, u"2|3"_s, u"3|NULL"_s}));
    });
    add("belongsTo targetKey", keys, keysFixture, [](Db &db) {
        const AssociationId bookAuthor(u"as-book-author"_s);
        const auto author = db.rows->getOne(bookAuthor, 1);
        ROWS_OK(author);
        QCOMPARE(author.value->value(u"name"_s).toString(), u"Ann"_s);
        // a row: its targetKey is used; a bare value *is* the targetKey value (v4)
        const auto bob = db.rows->find(u"Author"_s, 2);
        ROWS_OK(bob);
        ROWS_OK(db.rows->set(bookAuthor, 2, {*bob.value}));
        QCOMPARE(db.table(u"Books"_s, {u"id"_s, u"authorHandle"_s}), (QStringList{u"1|ann"_s, u"2|bob"_s}));
        ROWS_OK(db.rows->set(bookAuthor, 1, {u"bob"_s}));
        QCOMPARE(db.table(u"Books"_s, {u"id"_s, u"authorHandle"_s}), (QStringList{u"1|bob"_s, u"2|bob"_s}));
        const auto created = db.rows->create(bookAuthor, 2, {{u"handle"_s, u"cy"_s}});
        ROWS_OK(created);
        QCOMPARE(db.table(u"Books"_s, {u"id"_s, u"authorHandle"_s}), (QStringList{u"1|bob"_s, u"2|cy"_s}));
        QCOMPARE(db.table(u"Authors"_s, {u"id"_s, u"handle"_s}),
                 (QStringList{u"1|ann"_s, u"2|bob"_s, u"3|cy"_s}));
    });

    // hasOne ---------------------------------------------------------------------------
    const AssociationId customerCart(u"as-customer-cart"_s);
    add("hasOne get", shop, shopFixture, [customerCart](Db &db) {
        const auto cart = db.rows->getOne(customerCart, 1);
        ROWS_OK(cart);
        QCOMPARE(text(cart.value->value(u"id"_s)), u"1"_s);
        const auto none = db.rows->getOne(customerCart, 2);
        ROWS_OK(none);
        QVERIFY(!none.value);
    });
    add("hasOne set", shop, shopFixture, [customerCart](Db &db) {
        ROWS_OK(db.rows->set(customerCart, 1, {2}));
        QCOMPARE(db.table(u"Carts"_s, {u"id"_s, u"CustomerId"_s}), (QStringList{u"1|NULL"_s, u"2|1"_s}));
        QCOMPARE(db.table(u"Carts"_s, {u"updatedAt"_s}).filter(u"2020-01-01"_s).size(), 0);
        ROWS_OK(db.rows->set(customerCart, 1, {2})); // already linked: nothing to do
        QCOMPARE(db.table(u"Carts"_s, {u"id"_s, u"CustomerId"_s}), (QStringList{u"1|NULL"_s, u"2|1"_s}));
    });
    add("hasOne set none", shop, shopFixture, [customerCart](Db &db) {
        ROWS_OK(db.rows->set(customerCart, 1, {}));
        QCOMPARE(db.table(u"Carts"_s, {u"id"_s, u"CustomerId"_s}), (QStringList{u"1|NULL"_s, u"2|NULL"_s}));
    });
    add("hasOne set NOT NULL", requiredHasOne, [](Db &db) {
        FIXTURE(db, u"People"_s, {u"name"_s, u"Ann"_s});
        FIXTURE(db, u"People"_s, {u"name"_s, u"Bob"_s});
        FIXTURE(db, u"Passports"_s, {u"number"_s, u"P1"_s}, {u"holderId"_s, 1});
        FIXTURE(db, u"Passports"_s, {u"number"_s, u"P2"_s}, {u"holderId"_s, 2});
    }, [](Db &db) {
        const AssociationId passport(u"as-passport"_s);
        const QStringList before = db.everything();
        auto r = db.rows->set(passport, 1, {2}); // would leave P1 without a holder
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(u"Passports.holderId is NOT NULL"_s), qPrintable(r.error));
        r = db.rows->set(passport, 1, {});
        QVERIFY(!r.ok());
        QCOMPARE(db.everything(), before);
        ROWS_OK(db.rows->set(passport, 1, {1})); // linked already: nothing to unlink
        const auto created = db.rows->create(passport, 2, {{u"number"_s, u"P3"_s}});
        ROWS_OK(created);
        QCOMPARE(db.table(u"Passports"_s, {u"id"_s, u"holderId"_s}),
                 (QStringList{u"1|1"_s, u"2|2"_s, u"3|2"_s}));
        QCOMPARE(db.rows->getOne(passport, 2).value->value(u"number"_s).toString(), u"P2"_s);
    });
    add("hasOne create", shop, shopFixture, [customerCart](Db &db) {
        const auto r = db.rows->create(customerCart, 2, {});
        ROWS_OK(r);
        QCOMPARE(text(r.value.value(u"CustomerId"_s)), u"2"_s);
        QCOMPARE(db.table(u"Carts"_s, {u"id"_s, u"CustomerId"_s}),
                 (QStringList{u"1|1"_s, u"2|NULL"_s, u"3|2"_s}));
        const auto shipment = db.rows->create(AssociationId(u"as-order-shipment"_s), 1,
                                              {{u"trackingNumber"_s, u"T1"_s}});
        ROWS_OK(shipment);
        QCOMPARE(db.table(u"Shipments"_s, {u"id"_s, u"trackingNumber"_s, u"OrderId"_s}),
                 QStringList{u"1|T1|1"_s});
    });

    // hasMany --------------------------------------------------------------------------
    add("hasMany get where order limit", blog, blogFixture, [](Db &db) {
        const auto all = db.rows->get(userPictures, 1);
        ROWS_OK(all);
        QCOMPARE(ids(all.value), (QStringList{u"1"_s, u"2"_s}));
        QCOMPARE(all.value.columns.first(), u"id"_s);
        RowQuery query;
        query.where << Condition(u"format"_s, u"png"_s);
        QCOMPARE(ids(db.rows->get(userPictures, 2, query).value), QStringList{u"4"_s});
        query = {};
        query.orderBy << OrderBy{u"id"_s, true};
        query.limit = 1;
        QCOMPARE(ids(db.rows->get(userPictures, 1, query).value), QStringList{u"2"_s});
        query.offset = 1;
        QCOMPARE(ids(db.rows->get(userPictures, 1, query).value), QStringList{u"1"_s});
        query = {};
        query.where << Condition(u"id"_s, Condition::Op::Greater, 1)
                    << Condition(u"url"_s, Condition::Op::Like, u"%.png"_s);
        QCOMPARE(ids(db.rows->get(userPictures, 1, query).value), QStringList{u"2"_s});
        query = {};
        query.where << Condition(u"id"_s, Condition::Op::In, QVariantList{1, 3});
        QCOMPARE(ids(db.rows->get(userPictures, 1, query).value), QStringList{u"1"_s});
        query = {};
        query.where << Condition(u"id"_s, Condition::Op::In, QVariantList{});
        const auto none = db.rows->get(userPictures, 1, query);
        ROWS_OK(none);
        QCOMPARE(none.value.rows.size(), 0);
        query = {};
        query.where << Condition(u"format"_s, Condition::Op::NotEqual, QVariant());
        QCOMPARE(ids(db.rows->get(userPictures, 1, query).value), (QStringList{u"1"_s, u"2"_s}));
        const auto unknown = db.rows->get(userPictures, 1, RowQuery::equals({{u"nope"_s, 1}}));
        QVERIFY(!unknown.ok());
        QVERIFY2(unknown.error.contains(u"no column \"nope\""_s), qPrintable(unknown.error));
    });
    add("hasMany set", blog, blogFixture, [](Db &db) {
        ROWS_OK(db.rows->set(userPosts, 1, {2, 3}));
        QCOMPARE(db.table(u"Posts"_s, {u"id"_s, u"UserId"_s}),
                 (QStringList{u"1|NULL"_s, u"2|1"_s, u"3|1"_s, u"4|2"_s}));
        // posts 1 and 3 were written; 2 was linked already and stays untouched, as in v4
        QCOMPARE(db.table(u"Posts"_s, {u"updatedAt"_s}).filter(u"2020-01-01"_s).size(), 2);
        ROWS_OK(db.rows->set(userPosts, 1, {}));
        QCOMPARE(db.table(u"Posts"_s, {u"id"_s, u"UserId"_s}),
                 (QStringList{u"1|NULL"_s, u"2|NULL"_s, u"3|NULL"_s, u"4|2"_s}));
    });
    add("hasMany set NOT NULL", blog, blogFixture, [](Db &db) {
        const QStringList before = db.everything();
        const auto refused = db.rows->set(userPictures, 1, {1}); // would unlink picture 2
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error.contains(u"Pictures.uid is NOT NULL"_s), qPrintable(refused.error));
        QCOMPARE(db.everything(), before);
        ROWS_OK(db.rows->set(userPictures, 1, {1, 2, 3})); // only links: allowed
        QCOMPARE(db.table(u"Pictures"_s, {u"id"_s, u"uid"_s}),
                 (QStringList{u"1|1"_s, u"2|1"_s, u"3|1"_s, u"4|2"_s}));
    });
    add("hasMany add", blog, blogFixture, [](Db &db) {
        ROWS_OK(db.rows->add(userPosts, 2, {3, 1}));
        QCOMPARE(db.table(u"Posts"_s, {u"id"_s, u"UserId"_s}),
                 (QStringList{u"1|2"_s, u"2|1"_s, u"3|2"_s, u"4|2"_s}));
        ROWS_OK(db.rows->add(userPictures, 3, {4}));
        QCOMPARE(db.table(u"Pictures"_s, {u"id"_s, u"uid"_s}),
                 (QStringList{u"1|1"_s, u"2|1"_s, u"3|2"_s, u"4|3"_s}));
    });
    add("hasMany remove", blog, blogFixture, [](Db &db) {
        ROWS_OK(db.rows->remove(userPosts, 1, {1, 4})); // 4 is Bob's: not touched
        QCOMPARE(db.table(u"Posts"_s, {u"id"_s, u"UserId"_s}),
                 (QStringList{u"1|NULL"_s, u"2|1"_s, u"3|NULL"_s, u"4|2"_s}));
    });
    add("hasMany remove NOT NULL", blog, blogFixture, [](Db &db) {
        const QStringList before = db.everything();
        const auto refused = db.rows->remove(userPictures, 1, {1});
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error.contains(u"Cannot remove"_s) && refused.error.contains(u"NOT NULL"_s),
                 qPrintable(refused.error));
        QCOMPARE(db.everything(), before);
    });
    add("hasMany has", blog, blogFixture, [](Db &db) {
        QCOMPARE(db.rows->has(userPosts, 1, {1, 2}).value, true);
        QCOMPARE(db.rows->has(userPosts, 1, {1}).value, true);
        QCOMPARE(db.rows->has(userPosts, 1, {1, 4}).value, false); // all must be linked
        QCOMPARE(db.rows->has(userPosts, 1, {99}).value, false);
        QCOMPARE(db.rows->has(userPosts, 1, {}).value, true);
        ROWS_OK(db.rows->has(userPosts, 1, {1}));
    });
    add("hasMany count", blog, blogFixture, [](Db &db) {
        QCOMPARE(db.rows->count(userPosts, 1).value, 2);
        QCOMPARE(db.rows->count(userPosts, 3).value, 0);
        QCOMPARE(db.rows->count(userPictures, 2, RowQuery::equals({{u"format"_s, u"jpg"_s}})).value, 1);
        const auto wrongType = db.rows->count(postUser, 1);
        QVERIFY(!wrongType.ok());
        QVERIFY2(wrongType.error.contains(u"getUser, setUser, createUser"_s), qPrintable(wrongType.error));
    });
    add("hasMany create", blog, blogFixture, [](Db &db) {
        const auto r = db.rows->create(userPosts, 2, {{u"title"_s, u"New"_s}, {u"UserId"_s, 1}});
        ROWS_OK(r);
        QCOMPARE(text(r.value.value(u"UserId"_s)), u"2"_s); // the association's key wins, as in v4
        QCOMPARE(text(r.value.value(u"published"_s)), u"0"_s);
        QCOMPARE(db.table(u"Posts"_s, {u"id"_s, u"title"_s, u"UserId"_s}),
                 (QStringList{u"1|Hello|1"_s, u"2|World|1"_s, u"3|Orphan|NULL"_s, u"4|Bob's|2"_s,
                              u"5|New|2"_s}));
    });
    add("hasMany self, UUID source, alias", shop, shopFixture, [](Db &db) {
        const AssociationId subcategories(u"as-category-subcategories"_s);
        ROWS_OK(db.rows->add(subcategories, 1, {3}));
        QCOMPARE(db.table(u"Categories"_s, {u"id"_s, u"parentId"_s}),
                 (QStringList{u"1|NULL"_s, u"2|1"_s, u"3|1"_s}));
        QCOMPARE(ids(db.rows->get(subcategories, 1).value), (QStringList{u"2"_s, u"3"_s}));
        const AssociationId reviews(u"as-product-reviews"_s);
        const auto r = db.rows->create(reviews, p2, {{u"rating"_s, 4}});
        ROWS_OK(r);
        QCOMPARE(db.table(u"Reviews"_s, {u"id"_s, u"ProductId"_s}),
                 (QStringList{u"1|"_s + p1, u"2|"_s + p1, u"3|"_s + p2}));
        QCOMPARE(db.rows->count(reviews, p1).value, 2);
        ROWS_OK(db.rows->add(reviews, p2, {1}));
        QCOMPARE(db.table(u"Reviews"_s, {u"id"_s, u"ProductId"_s}),
                 (QStringList{u"1|"_s + p2, u"2|"_s + p1, u"3|"_s + p2}));
        const AssociationId staff(u"as-warehouse-staff"_s);
        ROWS_OK(db.rows->set(staff, 1, {2}));
        QCOMPARE(db.table(u"Employees"_s, {u"id"_s, u"WarehouseId"_s}), (QStringList{u"1|NULL"_s, u"2|1"_s}));
    });
    add("hasMany sourceKey", keys, keysFixture, [](Db &db) {
        const AssociationId articles(u"as-author-articles"_s);
        QCOMPARE(ids(db.rows->get(articles, 1).value), QStringList{u"1"_s}); // bare id -> handle
        ROWS_OK(db.rows->add(articles, 1, {3}));
        QCOMPARE(db.table(u"Articles"_s, {u"id"_s, u"writtenBy"_s}),
                 (QStringList{u"1|ann"_s, u"2|bob"_s, u"3|ann"_s}));
        ROWS_OK(db.rows->set(articles, 2, {1}));
        QCOMPARE(db.table(u"Articles"_s, {u"id"_s, u"writtenBy"_s}),
                 (QStringList{u"1|bob"_s, u"2|NULL"_s, u"3|ann"_s}));
        QCOMPARE(db.rows->has(articles, 2, {1}).value, true);
        QCOMPARE(db.rows->count(articles, 1).value, 1);
        ROWS_OK(db.rows->remove(articles, 1, {3}));
        const auto created = db.rows->create(articles, Row{{u"handle"_s, u"ann"_s}}, {{u"title"_s, u"A4"_s}});
        ROWS_OK(created);
        QCOMPARE(db.table(u"Articles"_s, {u"id"_s, u"writtenBy"_s}),
                 (QStringList{u"1|bob"_s, u"2|NULL"_s, u"3|NULL"_s, u"4|ann"_s}));
    });
    add("paranoid target", shop, shopFixture, [](Db &db) {
        // Customer 3 is soft-deleted: get/count/has skip it, as Sequelize's finders do.
        const AssociationId referrals(u"as-customer-referrals"_s);
        ROWS_OK(db.rows->add(referrals, 1, {3}));
        QCOMPARE(ids(db.rows->get(referrals, 1).value), QStringList{u"2"_s});
        QCOMPARE(db.rows->count(referrals, 1).value, 1);
        QCOMPARE(db.rows->has(referrals, 1, {3}).value, false);
        RowQuery all;
        all.includeDeleted = true;
        QCOMPARE(ids(db.rows->get(referrals, 1, all).value), (QStringList{u"2"_s, u"3"_s}));
        QCOMPARE(ids(db.rows->list(u"Customer"_s).value), (QStringList{u"1"_s, u"2"_s}));
    });

    // belongsToMany --------------------------------------------------------------------
    add("belongsToMany get", blog, blogFixture, [](Db &db) {
        const auto tags = db.rows->get(postTags, 1);
        ROWS_OK(tags);
        QCOMPARE(ids(tags.value), (QStringList{u"1"_s, u"2"_s}));
        QCOMPARE(tags.value.through.size(), 2);
        QCOMPARE(text(tags.value.through.at(1).value(u"TagId"_s)), u"2"_s);
        RowQuery query;
        query.where << Condition(u"label"_s, u"b"_s);
        QCOMPARE(ids(db.rows->get(postTags, 1, query).value), QStringList{u"2"_s});
        QCOMPARE(ids(db.rows->get(tagPosts, 2).value), (QStringList{u"1"_s, u"2"_s}));
        query = {};
        query.orderBy << OrderBy{u"label"_s, true};
        query.limit = 1;
        QCOMPARE(ids(db.rows->get(postTags, 1, query).value), QStringList{u"2"_s});
    });
    add("belongsToMany set", blog, blogFixture, [](Db &db) {
        ROWS_OK(db.rows->set(postTags, 1, {2, 3}));
        QCOMPARE(db.table(u"PostTags"_s, {u"PostId"_s, u"TagId"_s}),
                 (QStringList{u"1|2"_s, u"1|3"_s, u"2|2"_s}));
        // the new junction row has its timestamps, the kept one its old ones
        QCOMPARE(db.table(u"PostTags"_s, {u"createdAt"_s}).filter(u"NULL"_s).size(), 0);
        QCOMPARE(db.table(u"PostTags"_s, {u"createdAt"_s}).filter(u"2020-01-01"_s).size(), 2);
        ROWS_OK(db.rows->set(postTags, 1, {}));
        QCOMPARE(db.table(u"PostTags"_s, {u"PostId"_s, u"TagId"_s}), QStringList{u"2|2"_s});
    });
    add("belongsToMany add", blog, blogFixture, [](Db &db) {
        const auto r = db.rows->add(postTags, 2, {1, 2, 1});
        ROWS_OK(r);
        QCOMPARE(r.value, 1); // 2 was linked, 1 given twice
        QCOMPARE(db.table(u"PostTags"_s, {u"PostId"_s, u"TagId"_s}),
                 (QStringList{u"1|1"_s, u"1|2"_s, u"2|1"_s, u"2|2"_s}));
        ROWS_OK(db.rows->add(tagPosts, 3, {4})); // the paired association, same table
        QCOMPARE(db.table(u"PostTags"_s, {u"PostId"_s, u"TagId"_s}),
                 (QStringList{u"1|1"_s, u"1|2"_s, u"2|1"_s, u"2|2"_s, u"4|3"_s}));
    });
    add("belongsToMany remove", blog, blogFixture, [](Db &db) {
        ROWS_OK(db.rows->remove(postTags, 1, {1, 3}));
        QCOMPARE(db.table(u"PostTags"_s, {u"PostId"_s, u"TagId"_s}), (QStringList{u"1|2"_s, u"2|2"_s}));
    });
    add("belongsToMany has", blog, blogFixture, [](Db &db) {
        QCOMPARE(db.rows->has(postTags, 1, {1, 2}).value, true);
        QCOMPARE(db.rows->has(postTags, 1, {2, 3}).value, false);
        QCOMPARE(db.rows->has(postTags, 3, {1}).value, false);
    });
    add("belongsToMany count", blog, blogFixture, [](Db &db) {
        QCOMPARE(db.rows->count(postTags, 1).value, 2);
        QCOMPARE(db.rows->count(tagPosts, 2).value, 2);
        QCOMPARE(db.rows->count(postTags, 1, RowQuery::equals({{u"label"_s, u"a"_s}})).value, 1);
    });
    add("belongsToMany create", blog, blogFixture, [](Db &db) {
        const auto r = db.rows->create(postTags, 2, {{u"label"_s, u"d"_s}});
        ROWS_OK(r);
        QCOMPARE(text(r.value.value(u"id"_s)), u"4"_s);
        QCOMPARE(db.table(u"Tags"_s, {u"id"_s, u"label"_s}),
                 (QStringList{u"1|a"_s, u"2|b"_s, u"3|c"_s, u"4|d"_s}));
        QCOMPARE(db.table(u"PostTags"_s, {u"PostId"_s, u"TagId"_s}),
                 (QStringList{u"1|1"_s, u"1|2"_s, u"2|2"_s, u"2|4"_s}));
    });
    add("belongsToMany self", shop, shopFixture, [](Db &db) {
        const AssociationId referrals(u"as-customer-referrals"_s);
        const AssociationId referrers(u"as-customer-referrers"_s);
        QCOMPARE(ids(db.rows->get(referrers, 2).value), QStringList{u"1"_s});
        ROWS_OK(db.rows->add(referrers, 1, {2}));
        QCOMPARE(db.table(u"CustomerReferrals"_s, {u"referrerId"_s, u"referredId"_s}),
                 (QStringList{u"1|2"_s, u"2|1"_s}));
        QCOMPARE(db.rows->has(referrals, 2, {1}).value, true);
        ROWS_OK(db.rows->remove(referrals, 1, {2}));
        QCOMPARE(db.table(u"CustomerReferrals"_s, {u"referrerId"_s, u"referredId"_s}), QStringList{u"2|1"_s});
        const auto created = db.rows->create(referrals, 2, {{u"email"_s, u"new@example.org"_s},
                                                            {u"fullName"_s, u"New"_s}});
        ROWS_OK(created);
        QCOMPARE(text(created.value.value(u"full_name"_s)), u"New"_s); // attribute name accepted
        QCOMPARE(db.table(u"CustomerReferrals"_s, {u"referrerId"_s, u"referredId"_s}),
                 (QStringList{u"2|1"_s, u"2|4"_s}));
    });
    add("belongsToMany through model", shop, shopFixture, [](Db &db) {
        const AssociationId orderProducts(u"as-order-products"_s);
        ROWS_OK(db.rows->add(orderProducts, 1, {p2}, {{u"unitPrice"_s, u"4.25"_s}, {u"quantity"_s, 2}}));
        ROWS_OK(db.rows->add(orderProducts, 2, {p1}, {{u"unitPrice"_s, 7}}));
        QCOMPARE(db.table(u"OrderItems"_s, {u"id"_s, u"OrderId"_s, u"ProductId"_s, u"quantity"_s, u"unitPrice"_s}),
                 (QStringList{u"1|1|"_s + p1 + u"|1|9.99"_s, u"2|1|"_s + p2 + u"|2|4.25"_s,
                              u"3|2|"_s + p1 + u"|1|7"_s}));
        // linked already: add updates the through values, as v4 does
        ROWS_OK(db.rows->add(orderProducts, 1, {p1}, {{u"quantity"_s, 5}}));
        QCOMPARE(db.table(u"OrderItems"_s, {u"id"_s, u"quantity"_s}),
                 (QStringList{u"1|5"_s, u"2|2"_s, u"3|1"_s}));
        const auto products = db.rows->get(orderProducts, 1);
        ROWS_OK(products);
        QCOMPARE(ids(products.value), (QStringList{p1, p2}));
        QCOMPARE(text(products.value.through.at(1).value(u"quantity"_s)), u"2"_s);
        const AssociationId productOrders(u"as-product-orders"_s);
        QCOMPARE(ids(db.rows->get(productOrders, p1).value), (QStringList{u"1"_s, u"2"_s}));
        ROWS_OK(db.rows->set(orderProducts, 1, {p2}));
        QCOMPARE(db.table(u"OrderItems"_s, {u"id"_s, u"OrderId"_s, u"ProductId"_s}),
                 (QStringList{u"2|1|"_s + p2, u"3|2|"_s + p1}));
        const auto created = db.rows->create(orderProducts, 2, {{u"sku"_s, u"S4"_s}, {u"name"_s, u"Four"_s}},
                                             {{u"unitPrice"_s, 1}});
        ROWS_OK(created);
        const QString newId = created.value.value(u"id"_s).toString();
        QVERIFY2(!QUuid::fromString(newId).isNull(), qPrintable(newId)); // UUIDV4 filled in
        QCOMPARE(db.rows->has(orderProducts, 2, {newId, p1}).value, true);
    });
    add("belongsToMany without timestamps, alias, UUID target", shop, shopFixture, [](Db &db) {
        const AssociationId supplierProducts(u"as-supplier-products"_s);
        ROWS_OK(db.rows->add(supplierProducts, 1, {p1, QUuid::fromString(p3)}));
        QCOMPARE(db.table(u"SupplierProducts"_s), (QStringList{u"1|"_s + p1, u"1|"_s + p3}));
        const AssociationId cartItems(u"as-cart-products"_s);
        ROWS_OK(db.rows->set(cartItems, 2, {p2, p3}));
        QCOMPARE(db.table(u"CartItems"_s, {u"CartId"_s, u"ProductId"_s}),
                 (QStringList{u"2|"_s + p2, u"2|"_s + p3}));
        ROWS_OK(db.rows->remove(cartItems, 2, {p2.toUpper()}));
        QCOMPARE(db.table(u"CartItems"_s, {u"CartId"_s, u"ProductId"_s}), QStringList{u"2|"_s + p3});
        const AssociationId productCategories(u"as-product-categories"_s);
        ROWS_OK(db.rows->add(productCategories, p2, {1, 3}));
        QCOMPARE(ids(db.rows->get(AssociationId(u"as-category-products"_s), 1).value), (QStringList{p1, p2}));
    });

    // transactions and refusals ----------------------------------------------------------
    add("rollback: belongsToMany set", shop, shopFixture, [](Db &db) {
        // Step 1 deletes the p1 link, step 2 inserts an OrderItem without its NOT NULL
        // unitPrice: the database refuses, and the delete must be undone.
        const QStringList before = db.everything();
        const auto r = db.rows->set(AssociationId(u"as-order-products"_s), 1, {p2});
        QVERIFY(!r.ok());
        QVERIFY(r.sqlError.isValid());
        QCOMPARE(db.everything(), before);
    });
    add("rollback: belongsToMany create", shop, shopFixture, [](Db &db) {
        const QStringList before = db.everything();
        const auto r = db.rows->create(AssociationId(u"as-order-products"_s), 1,
                                       {{u"sku"_s, u"S9"_s}, {u"name"_s, u"Nine"_s}});
        QVERIFY(!r.ok());
        QCOMPARE(db.everything(), before); // the product insert is undone too
    });
    add("rollback: belongsTo create", blog, blogFixture, [](Db &db) {
        const QStringList before = db.everything();
        const auto r = db.rows->create(postUser, 1, {{u"name"_s, u"No email"_s}});
        QVERIFY(!r.ok());
        QVERIFY(r.sqlError.isValid());
        QCOMPARE(db.everything(), before);
    });
    add("rollback: missing rows", blog, blogFixture, [](Db &db) {
        const QStringList before = db.everything();
        auto r = db.rows->set(userPosts, 1, {2, 999});
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(u"Post 999 does not exist"_s), qPrintable(r.error));
        r = db.rows->add(postTags, 1, {3, 999});
        QVERIFY(!r.ok());
        r = db.rows->add(userPosts, 999, {3});
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(u"User 999 does not exist"_s), qPrintable(r.error));
        QCOMPARE(db.everything(), before);
    });
    add("refused insert", blog, blogFixture, [](Db &db) {
        // The first statement fails (unique email, unique label): nothing else runs.
        const QStringList before = db.everything();
        auto r = db.rows->create(postUser, 3, {{u"name"_s, u"Ann 2"_s}, {u"email"_s, u"ann@example.org"_s}});
        QVERIFY(!r.ok());
        QVERIFY(r.sqlError.isValid());
        r = db.rows->create(postTags, 1, {{u"label"_s, u"a"_s}});
        QVERIFY(!r.ok());
        QCOMPARE(db.everything(), before);
    });

    // a row or its bare key -----------------------------------------------------------
    add("row or bare key", blog, blogFixture, [](Db &db) {
        const Row user1 = *db.rows->find(u"User"_s, 1).value;
        const Row post1 = *db.rows->find(u"Posts"_s, 1).value;
        const Row post3 = *db.rows->find(u"Posts"_s, 3).value;
        const Row tag3 = *db.rows->find(u"Tag"_s, 3).value;
        QCOMPARE(ids(db.rows->get(userPosts, user1).value), ids(db.rows->get(userPosts, 1).value));
        QVERIFY(db.rows->getOne(postUser, post1).value);
        QCOMPARE(db.rows->getOne(postUser, post1).value, db.rows->getOne(postUser, 1).value);
        QCOMPARE(db.rows->count(postTags, Row{{u"id"_s, 1}}).value, db.rows->count(postTags, 1).value);
        QCOMPARE(db.rows->has(userPosts, user1, {Row{{u"id"_s, 1}}, 2}).value, true);
        ROWS_OK(db.rows->add(userPosts, user1, {post3}));
        const QStringList viaRow = db.table(u"Posts"_s, {u"id"_s, u"UserId"_s});
        ROWS_OK(db.rows->remove(userPosts, 1, {3}));
        ROWS_OK(db.rows->add(userPosts, 1, {3}));
        QCOMPARE(db.table(u"Posts"_s, {u"id"_s, u"UserId"_s}), viaRow);
        ROWS_OK(db.rows->add(postTags, Row{{u"id"_s, 1}, {u"title"_s, u"stale"_s}}, {tag3}));
        ROWS_OK(db.rows->add(postTags, 2, {3}));
        QCOMPARE(db.table(u"PostTags"_s, {u"PostId"_s, u"TagId"_s}),
                 (QStringList{u"1|1"_s, u"1|2"_s, u"1|3"_s, u"2|2"_s, u"2|3"_s}));
        ROWS_OK(db.rows->set(postUser, post3, {user1}));
        ROWS_OK(db.rows->set(postUser, 4, {1}));
        QCOMPARE(db.table(u"Posts"_s, {u"id"_s, u"UserId"_s}),
                 (QStringList{u"1|1"_s, u"2|1"_s, u"3|1"_s, u"4|1"_s}));
        const auto composite = db.rows->find(u"PostTags"_s, 1);
        QVERIFY(!composite.ok());
        QVERIFY2(composite.error.contains(u"composite primary key"_s), qPrintable(composite.error));
        const auto byMap = db.rows->find(u"PostTags"_s, Row{{u"PostId"_s, 2}, {u"TagId"_s, 3}});
        ROWS_OK(byMap);
        QVERIFY(byMap.value);
    });

    // hostile identifiers -------------------------------------------------------------
    add("hostile identifiers", hostile, hostileFixture, [](Db &db) {
        const QString longTable(63, u't');
        const AssociationId quotes(u"as-h1"_s);
        const AssociationId select(u"as-h2"_s);
        const AssociationId longs(u"as-h3"_s);
        const AssociationId parent(u"as-h4"_s);
        QCOMPARE(ids(db.rows->get(quotes, 1).value), QStringList{u"1"_s});
        ROWS_OK(db.rows->add(quotes, 1, {2}));
        ROWS_OK(db.rows->remove(quotes, 1, {1}));
        QCOMPARE(db.table(u"we\"ird table"_s, {u"id"_s, u"用户Id"_s}), (QStringList{u"1|NULL"_s, u"2|1"_s}));
        RowQuery query;
        query.where << Condition(u"it's"_s, u"q2"_s);
        QCOMPARE(ids(db.rows->get(quotes, 1, query).value), QStringList{u"2"_s});
        const auto created = db.rows->create(quotes, 2, {{u"it's"_s, u"'; DROP TABLE x; --"_s},
                                                         {u"back`tick"_s, 3},
                                                         {u"new\nline"_s, u"two\nlines"_s}});
        ROWS_OK(created);
        QCOMPARE(db.table(u"we\"ird table"_s, {u"it's"_s, u"用户Id"_s}),
                 (QStringList{u"'; DROP TABLE x; --|2"_s, u"q1|NULL"_s, u"q2|1"_s}));
        ROWS_OK(db.rows->set(select, 2, {1}));
        QCOMPARE(db.rows->getOne(select, 2).value->value(u"order"_s).toString(), u"o1"_s);
        QCOMPARE(db.table(u"we\"ird table"_s, {u"id"_s, u"fk\"to;select"_s}),
                 (QStringList{u"1|NULL"_s, u"2|1"_s, u"3|NULL"_s}));
        ROWS_OK(db.rows->add(longs, 1, {1, 2}));
        ROWS_OK(db.rows->remove(longs, 1, {2}));
        QCOMPARE(db.table(u"join`me\"now"_s, {u"SelectId"_s, u"LongId"_s}), QStringList{u"1|1"_s});
        QCOMPARE(db.rows->count(longs, 1).value, 1);
        ROWS_OK(db.rows->set(parent, 2, {1}));
        QCOMPARE(db.table(longTable, {u"id"_s, u"ParentId"_s}), (QStringList{u"1|NULL"_s, u"2|1"_s}));
        QCOMPARE(ids(db.rows->list(u"用户"_s, RowQuery::equals({{u"名字"_s, u"乙"_s}})).value), QStringList{u"2"_s});
    });
    add("placeholder look-alikes in identifiers", placeholders, [](Db &db) {
        FIXTURE(db, u"who?"_s, {u"what?"_s, u"?"_s}, {u"a:b"_s, u":b"_s});
        FIXTURE(db, u":answers"_s, {u"$1"_s, u"one"_s}, {u"who?:id"_s, 1});
        FIXTURE(db, u":answers"_s, {u"$1"_s, u"two"_s});
    }, [](Db &db) {
        const AssociationId answers(u"as-q"_s);
        const AssociationId askers(u"as-t"_s);
        RowQuery query;
        query.where << Condition(u"$1"_s, u"one"_s);
        QCOMPARE(ids(db.rows->get(answers, 1, query).value), QStringList{u"1"_s});
        ROWS_OK(db.rows->add(answers, 1, {2}));
        QCOMPARE(db.table(u":answers"_s, {u"id"_s, u"who?:id"_s}), (QStringList{u"1|1"_s, u"2|1"_s}));
        const auto created = db.rows->create(askers, 2, {{u"what?"_s, u"?:x"_s}, {u"a:b"_s, u"$1"_s}});
        ROWS_OK(created);
        QCOMPARE(db.table(u"who?"_s, {u"id"_s, u"what?"_s, u"a:b"_s}),
                 (QStringList{u"1|?|:b"_s, u"2|?:x|$1"_s}));
        QCOMPARE(db.table(u"?:x"_s, {u"AnswerId"_s, u"AskerId"_s}), QStringList{u"2|2"_s});
        QCOMPARE(db.rows->count(askers, 2, RowQuery::equals({{u"a:b"_s, u"$1"_s}})).value, 1);
    });
    return all;
}

} // namespace

class TestRelatedRows : public QObject
{
    Q_OBJECT

private slots:
    void accessor_data();
    void accessor();
    void unknownAssociation();
};

void TestRelatedRows::accessor_data()
{
    QTest::addColumn<Engine>("engine");
    QTest::addColumn<QString>("name");
    for (Engine e : {Engine::Sqlite, Engine::Postgres, Engine::MySql}) {
        for (const auto &c : cases())
            QTest::addRow("%s: %s", qPrintable(engineName(e)), qPrintable(c.first)) << e << c.first;
    }
}

void TestRelatedRows::accessor()
{
    QFETCH(Engine, engine);
    QFETCH(QString, name);
    if (engine != Engine::Sqlite)
        JUNCTION_REQUIRE_SERVER(engine);
    const auto all = cases();
    const auto it = std::find_if(all.cbegin(), all.cend(), [&](const auto &c) { return c.first == name; });
    QVERIFY(it != all.cend());
    Db db;
    QString error;
    QVERIFY2(db.setUp(engine, it->second.project, &error), qPrintable(error));
    it->second.fixture(db);
    if (QTest::currentTestFailed())
        return;
    it->second.run(db);
}

void TestRelatedRows::unknownAssociation()
{
    Db db;
    QString error;
    QVERIFY2(db.setUp(Engine::Sqlite, blog, &error), qPrintable(error));
    const auto r = db.rows->get(AssociationId(u"nope"_s), 1);
    QVERIFY(!r.ok());
    QCOMPARE(r.error, u"The project has no association \"nope\"."_s);
    const auto missing = db.rows->list(u"Nope"_s);
    QCOMPARE(missing.error, u"The project has no model or table \"Nope\"."_s);
}

QTEST_GUILESS_MAIN(TestRelatedRows)
#include "tst_relatedrows.moc"
