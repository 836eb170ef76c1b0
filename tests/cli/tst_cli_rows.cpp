// SPDX-License-Identifier: MIT
// junction-cli rows as a user runs it: the real binary in a QProcess on a temporary SQLite
// database made from Junction's DDL of the blog example, following User 1 -> Pictures.
#include "connection.h"
#include "ddlgenerator.h"
#include "projectreader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Junction;
using namespace Qt::StringLiterals;

namespace {

const QString cli = QStringLiteral(JUNCTION_CLI);
const QString sourceDir = QStringLiteral(JUNCTION_SOURCE_DIR);
const QString blog = u"resources/examples/blog.junction.json"_s;
const QString shop = u"resources/examples/shop.junction.json"_s;
const QString stamp = u"2024-01-01 00:00:00.000 +00:00"_s;

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QStringList &arguments)
{
    QProcess p;
    p.setWorkingDirectory(sourceDir);
    p.start(cli, arguments);
    Run r;
    if (!p.waitForFinished(30000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

// The project's tables in a new SQLite file, and rows inserted with bound parameters.
bool makeDatabase(const QString &project, const QString &path,
                  const QList<std::pair<QString, QVariantList>> &rows, QString *error)
{
    LoadResult loaded = ProjectReader::readFile(sourceDir + u'/' + project);
    if (!loaded.project) {
        *error = u"cannot load "_s + project;
        return false;
    }
    const ResolvedSchema schema = resolve(*loaded.project);
    ConnectionSpec spec;
    spec.database = path;
    auto connection = Connection::open(spec);
    if (!connection) {
        *error = u"cannot open "_s + path;
        return false;
    }
    QSqlQuery query(connection->database());
    for (const QString &statement : DdlGenerator(Dialect::get(Dialect::Kind::Sqlite)).schema(schema)) {
        if (!query.exec(statement)) {
            *error = query.lastError().text();
            return false;
        }
    }
    for (const auto &[sql, values] : rows) {
        if (!query.prepare(sql)) {
            *error = query.lastError().text();
            return false;
        }
        for (const QVariant &v : values)
            query.addBindValue(v);
        if (!query.exec()) {
            *error = sql + u": "_s + query.lastError().text();
            return false;
        }
    }
    return true;
}

QList<std::pair<QString, QVariantList>> blogRows()
{
    const QString user = u"INSERT INTO \"Users\" (\"name\", \"email\", \"createdAt\", \"updatedAt\") "
                         "VALUES (?, ?, ?, ?)"_s;
    const QString picture = u"INSERT INTO \"Pictures\" (\"url\", \"format\", \"uid\", \"createdAt\", "
                            "\"updatedAt\") VALUES (?, ?, ?, ?, ?)"_s;
    return {
        {user, {u"Ann"_s, u"ann@example.org"_s, stamp, stamp}},
        {user, {u"Bob"_s, u"bob@example.org"_s, stamp, stamp}},
        {picture, {u"https://example.org/pictures/2023/holiday/beach-at-sunset.jpg"_s, u"jpg"_s, 1, stamp, stamp}},
        {picture, {u"/p/2.png"_s, u"png"_s, 1, stamp, stamp}},
        {picture, {u"/p/3.png"_s, QVariant(), 1, stamp, stamp}},
        {picture, {u"/p/4.png"_s, u"png"_s, 2, stamp, stamp}},
        {u"UPDATE \"Users\" SET \"ProfilePictureId\" = ? WHERE \"id\" = ?"_s, {2, 1}},
    };
}

} // namespace

class TestCliRows : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void picturesPlain();
    void picturesJson();
    void whereAndLimit_data();
    void whereAndLimit();
    void errors_data();
    void errors();
    void throughModel();

private:
    QTemporaryDir m_dir;
    QString m_db;
};

void TestCliRows::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(u"blog.db"_s);
    QString error;
    QVERIFY2(makeDatabase(blog, path, blogRows(), &error), qPrintable(error));
    m_db = u"sqlite:"_s + path;
}

void TestCliRows::picturesPlain()
{
    const Run r = run({u"rows"_s, blog, u"--db"_s, m_db, u"User"_s, u"1"_s, u"Pictures"_s});
    QCOMPARE(r.err, QString());
    QCOMPARE(r.exitCode, 0);
    const QString expected = uR"(User 1 -> Pictures (User.hasMany(Picture))
id  url                                       format  createdAt                       updatedAt                       uid
--  ----------------------------------------  ------  ------------------------------  ------------------------------  ---
 1  https://example.org/pictures/2023/holid…  jpg     2024-01-01 00:00:00.000 +00:00  2024-01-01 00:00:00.000 +00:00    1
 2  /p/2.png                                  png     2024-01-01 00:00:00.000 +00:00  2024-01-01 00:00:00.000 +00:00    1
 3  /p/3.png                                  NULL    2024-01-01 00:00:00.000 +00:00  2024-01-01 00:00:00.000 +00:00    1
(3 rows)
)"_s;
    QCOMPARE(r.out, expected);
    // the same association by its id, its get accessor and Source.name
    for (const QString &name : {u"as-user-pictures"_s, u"getPictures"_s, u"User.Pictures"_s, u"pictures"_s})
        QCOMPARE(run({u"rows"_s, blog, u"--db"_s, m_db, u"User"_s, u"1"_s, name}).out, expected);

    const Run one = run({u"rows"_s, blog, u"--db"_s, m_db, u"User"_s, u"1"_s, u"ProfilePicture"_s});
    QCOMPARE(one.exitCode, 0);
    QVERIFY2(one.out.contains(u"\n 2  /p/2.png"_s) && one.out.endsWith(u"(1 row)\n"_s), qPrintable(one.out));

    const Run row = run({u"rows"_s, blog, u"--db"_s, m_db, u"User"_s, u"2"_s});
    QCOMPARE(row.exitCode, 0);
    QCOMPARE(row.out, uR"(id                2
name              Bob
email             bob@example.org
role              reader
createdAt         2024-01-01 00:00:00.000 +00:00
updatedAt         2024-01-01 00:00:00.000 +00:00
ProfilePictureId  NULL
)"_s);
}

void TestCliRows::picturesJson()
{
    const QStringList arguments{u"rows"_s, blog, u"--db"_s, m_db, u"User"_s, u"1"_s, u"Pictures"_s, u"--json"_s};
    const Run r = run(arguments);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(run(arguments).out, r.out); // deterministic
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8(), &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QCOMPARE(o.value(u"model"_s).toString(), u"Picture"_s);
    QCOMPARE(o.value(u"table"_s).toString(), u"Pictures"_s);
    QCOMPARE(o.value(u"from"_s).toObject().value(u"key"_s).toObject().value(u"id"_s).toInt(), 1);
    QCOMPARE(o.value(u"from"_s).toObject().value(u"association"_s).toString(), u"as-user-pictures"_s);
    QCOMPARE(o.value(u"count"_s).toInt(), 3);
    const QJsonArray rows = o.value(u"rows"_s).toArray();
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows.at(0).toObject().value(u"url"_s).toString(),
             u"https://example.org/pictures/2023/holiday/beach-at-sunset.jpg"_s); // never cut
    QVERIFY(rows.at(2).toObject().value(u"format"_s).isNull());
    QCOMPARE(rows.at(1).toObject().value(u"uid"_s).toInt(), 1);
    QCOMPARE(o.value(u"columns"_s).toArray().first().toString(), u"id"_s);
}

void TestCliRows::whereAndLimit_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QList<int>>("ids");
    QTest::newRow("where") << QStringList{u"--where"_s, u"format=png"_s} << QList<int>{2};
    QTest::newRow("where NULL") << QStringList{u"--where"_s, u"format=NULL"_s} << QList<int>{3};
    QTest::newRow("where twice") << QStringList{u"--where"_s, u"format=jpg"_s, u"--where"_s, u"id=1"_s}
                                 << QList<int>{1};
    QTest::newRow("limit") << QStringList{u"--limit"_s, u"2"_s} << QList<int>{1, 2};
    QTest::newRow("limit offset") << QStringList{u"--limit"_s, u"1"_s, u"--offset"_s, u"2"_s} << QList<int>{3};
    QTest::newRow("where and limit") << QStringList{u"--where"_s, u"uid=1"_s, u"--limit"_s, u"1"_s}
                                     << QList<int>{1};
    QTest::newRow("no match") << QStringList{u"--where"_s, u"format=gif"_s} << QList<int>{};
}

void TestCliRows::whereAndLimit()
{
    QFETCH(QStringList, options);
    QFETCH(QList<int>, ids);
    const Run r = run(QStringList{u"rows"_s, blog, u"--db"_s, m_db, u"User"_s, u"1"_s, u"Pictures"_s, u"--json"_s}
                      + options);
    QCOMPARE(r.exitCode, 0);
    QList<int> got;
    for (const QJsonValue &row : QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"rows"_s).toArray())
        got << row.toObject().value(u"id"_s).toInt();
    QCOMPARE(got, ids);
    // plain output lists the same rows
    const Run plain = run(QStringList{u"rows"_s, blog, u"--db"_s, m_db, u"User"_s, u"1"_s, u"Pictures"_s}
                          + options);
    QCOMPARE(plain.exitCode, 0);
    QVERIFY2(plain.out.endsWith(ids.size() == 1 ? u"(1 row)\n"_s : u"(%1 rows)\n"_s.arg(ids.size())),
             qPrintable(plain.out));
    // and the model's own list filters the same way
    const Run list = run(QStringList{u"rows"_s, blog, u"--db"_s, m_db, u"Picture"_s, u"--where"_s, u"uid=2"_s});
    QCOMPARE(list.exitCode, 0);
    QVERIFY2(list.out.contains(u"\n 4  /p/4.png"_s) && list.out.endsWith(u"(1 row)\n"_s), qPrintable(list.out));
}

void TestCliRows::errors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing row") << QStringList{u"User"_s, u"9"_s, u"Pictures"_s} << 1
                                 << u"error[no-row]: User 9 does not exist"_s;
    QTest::newRow("unknown association") << QStringList{u"User"_s, u"1"_s, u"Tags"_s} << 2
                                         << u"error[unknown-association]: User has no association 'Tags'; "
                                            "User has: Pictures (as-user-pictures), ProfilePicture "
                                            "(as-user-profile-picture), Posts (as-user-posts)"_s;
    QTest::newRow("association of another model") << QStringList{u"User"_s, u"1"_s, u"as-post-tags"_s} << 2
                                                  << u"association 'as-post-tags' starts at Post, not User"_s;
    QTest::newRow("unknown model") << QStringList{u"Person"_s} << 2 << u"error[unknown-model]: no model 'Person'"_s;
    QTest::newRow("unknown column") << QStringList{u"User"_s, u"1"_s, u"Pictures"_s, u"--where"_s, u"size=1"_s}
                                    << 2 << u"Pictures has no column \"size\""_s;
    QTest::newRow("where on one row") << QStringList{u"User"_s, u"1"_s, u"--where"_s, u"id=1"_s} << 2
                                      << u"--where, --limit and --offset apply to lists"_s;
    QTest::newRow("bad limit") << QStringList{u"User"_s, u"--limit"_s, u"many"_s} << 2
                               << u"--limit needs a number of rows, not 'many'"_s;
    QTest::newRow("bad where") << QStringList{u"User"_s, u"--where"_s, u"format"_s} << 2
                               << u"--where needs COLUMN=VALUE, not 'format'"_s;
    QTest::newRow("too many") << QStringList{u"User"_s, u"1"_s, u"Pictures"_s, u"x"_s} << 2
                              << u"rows takes FILE MODEL [KEY [ASSOCIATION]]"_s;
    QTest::newRow("no database") << QStringList{u"--db"_s, u"sqlite:/nonexistent/x.db"_s, u"User"_s} << 2
                                 << u"error[connection]: The SQLite database file /nonexistent/x.db does not exist."_s;
}

void TestCliRows::errors()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    QStringList all{u"rows"_s, blog};
    if (!arguments.contains(u"--db"_s))
        all << u"--db"_s << m_db;
    const Run r = run(all + arguments);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QCOMPARE(r.out, QString());
}

void TestCliRows::throughModel()
{
    // belongsToMany through a model: the junction's own columns come along.
    const QString path = m_dir.filePath(u"shop.db"_s);
    const QString product = u"INSERT INTO \"Products\" (\"id\", \"sku\", \"name\", \"price\", \"createdAt\", "
                            "\"updatedAt\") VALUES (?, ?, ?, ?, ?, ?)"_s;
    const QString p1 = u"11111111-1111-4111-8111-111111111111"_s;
    QString error;
    QVERIFY2(makeDatabase(shop, path,
                          {{u"INSERT INTO \"Orders\" (\"status\", \"total\", \"createdAt\", \"updatedAt\") "
                            "VALUES (?, ?, ?, ?)"_s, {u"paid"_s, 3, stamp, stamp}},
                           {product, {p1, u"S1"_s, u"Pen"_s, u"1.50"_s, stamp, stamp}},
                           {u"INSERT INTO \"OrderItems\" (\"quantity\", \"unitPrice\", \"OrderId\", "
                            "\"ProductId\", \"createdAt\", \"updatedAt\") VALUES (?, ?, ?, ?, ?, ?)"_s,
                            {2, u"1.50"_s, 1, p1, stamp, stamp}}},
                          &error),
             qPrintable(error));
    const Run r = run({u"rows"_s, shop, u"--db"_s, u"sqlite:"_s + path, u"Order"_s, u"1"_s, u"Products"_s});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith(u"Order 1 -> Products (Order.belongsToMany(Product))\n"_s), qPrintable(r.out));
    QVERIFY2(r.out.contains(u"OrderItem.id  OrderItem.quantity  OrderItem.unitPrice"_s), qPrintable(r.out));
    QVERIFY2(r.out.contains(p1) && r.out.endsWith(u"(1 row)\n"_s), qPrintable(r.out));
    const Run json = run({u"rows"_s, shop, u"--db"_s, u"sqlite:"_s + path, u"Product"_s, p1, u"Orders"_s, u"--json"_s});
    QCOMPARE(json.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QCOMPARE(o.value(u"through"_s).toArray().first().toObject().value(u"quantity"_s).toInt(), 2);
    QCOMPARE(o.value(u"rows"_s).toArray().first().toObject().value(u"total"_s).toString(), u"3"_s);
}

QTEST_GUILESS_MAIN(TestCliRows)
#include "tst_cli_rows.moc"
