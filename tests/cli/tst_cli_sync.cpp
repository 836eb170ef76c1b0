// SPDX-License-Identifier: MIT
// junction-cli diff and sync as a user runs them: the real binary in a QProcess against a
// temporary SQLite file (and a fresh PostgreSQL and MariaDB database from scripts/test.sh's
// servers): a new file gets the designed schema, a changed design shows its plan with the
// counts of what it would lose, destructive changes are refused (exit 1, nothing changed)
// until --allow-data-loss, renames keep their data, and the saved project records what was
// synced without ever holding the password.
#include "scratchdatabase.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Junction;
using namespace Junction::TestDatabase;

namespace {

const QString cli = QStringLiteral(JUNCTION_CLI);
const QString sourceDir = QStringLiteral(JUNCTION_SOURCE_DIR);

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QString &dir, const QStringList &arguments, const QString &password = {})
{
    QProcess p;
    p.setWorkingDirectory(dir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"JUNCTION_PASSWORD"_s);
    if (!password.isEmpty())
        env.insert(u"JUNCTION_PASSWORD"_s, password);
    p.setProcessEnvironment(env);
    p.start(cli, arguments);
    Run r;
    if (!p.waitForFinished(120000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QString describe(const Run &r)
{
    return u"exit %1\nstdout:\n%2\nstderr:\n%3"_s.arg(r.exitCode).arg(r.out, r.err);
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

// The blog with User.name renamed to fullName (same id) and User.role removed.
QByteArray changedBlog(const QByteArray &saved)
{
    QJsonObject project = QJsonDocument::fromJson(saved).object();
    QJsonArray models = project.value(u"models"_s).toArray();
    for (int m = 0; m < models.size(); ++m) {
        QJsonObject model = models.at(m).toObject();
        if (model.value(u"name"_s).toString() != u"User"_s)
            continue;
        QJsonArray attributes;
        for (const QJsonValue &value : model.value(u"attributes"_s).toArray()) {
            QJsonObject a = value.toObject();
            if (a.value(u"name"_s).toString() == u"role"_s)
                continue;
            if (a.value(u"name"_s).toString() == u"name"_s)
                a.insert(u"name"_s, u"fullName"_s);
            attributes << a;
        }
        model.insert(u"attributes"_s, attributes);
        models[m] = model;
    }
    project.insert(u"models"_s, models);
    return QJsonDocument(project).toJson();
}

std::unique_ptr<Connection> openSqlite(const QString &path)
{
    ConnectionSpec spec;
    spec.engine = Engine::Sqlite;
    spec.database = path;
    spec.mustExist = true;
    return Connection::open(spec);
}

QStringList values(const Connection &c, const QString &sql)
{
    QStringList out;
    QSqlQuery q(c.database());
    if (!q.exec(sql))
        return {u"error: "_s + q.lastError().text()};
    while (q.next())
        out << q.value(0).toString();
    return out;
}

} // namespace

class TestCliSync : public QObject
{
    Q_OBJECT

private slots:
    void help();
    void usage_data();
    void usage();
    void projectWithErrors();
    void sqliteStory();
    void serverDatabase_data();
    void serverDatabase();
};

void TestCliSync::help()
{
    const Run diff = run(sourceDir, {u"diff"_s, u"--help"_s});
    QCOMPARE(diff.exitCode, 0);
    QVERIFY2(diff.out.contains(u"junction-cli diff"_s) && diff.out.contains(u"--json"_s)
                 && diff.out.contains(u"--db"_s),
             qPrintable(diff.out));
    const Run sync = run(sourceDir, {u"sync"_s, u"--help"_s});
    QCOMPARE(sync.exitCode, 0);
    for (const char *option :
         {"--alter", "--force", "--dry-run", "--allow-data-loss", "--db", "--password-stdin"})
        QVERIFY2(sync.out.contains(QLatin1String(option)), qPrintable(sync.out));
}

void TestCliSync::usage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString blog = u"resources/examples/blog.junction.json"_s;
    QTest::newRow("no --db") << QStringList {u"diff"_s, blog}
                             << u"junction-cli: this command needs --db URL"_s;
    QTest::newRow("alter and force")
        << QStringList {u"sync"_s, blog, u"--db"_s, u"sqlite:x.db"_s, u"--alter"_s, u"--force"_s}
        << u"junction-cli: sync takes --alter or --force, not both"_s;
    QTest::newRow("two files") << QStringList {u"sync"_s, blog, blog}
                               << u"junction-cli: sync takes one FILE"_s;
    QTest::newRow("missing project")
        << QStringList {u"sync"_s, u"nope.junction.json"_s, u"--db"_s, u"sqlite:x.db"_s}
        << u"nope.junction.json: error[io]: cannot read the file: No such file or directory"_s;
}

void TestCliSync::usage()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const Run r = run(sourceDir, arguments);
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err.section(u'\n', 0, 0), message);
    QVERIFY(!QFile::exists(sourceDir + u"/x.db"_s));
}

void TestCliSync::projectWithErrors()
{
    QTemporaryDir dir;
    const Run r = run(dir.path(),
                      {u"sync"_s, sourceDir + u"/resources/examples/cycle.junction.json"_s,
                       u"--db"_s, u"sqlite:cycle.db"_s});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(u"error[cycle]"_s), qPrintable(describe(r)));
    QVERIFY(!QFile::exists(dir.filePath(u"cycle.db"_s)));
}

// The "done": an empty SQLite file gets the design; a changed design shows exactly
// what will happen with counts for what loses data; nothing is lost unconfirmed.
void TestCliSync::sqliteStory()
{
    QTemporaryDir dir;
    const QString project = dir.filePath(u"blog.junction.json"_s);
    QVERIFY(QFile::copy(sourceDir + u"/resources/examples/blog.junction.json"_s, project));
    const QStringList db {u"--db"_s, u"sqlite:blog.db"_s};

    Run r = run(dir.path(), QStringList {u"diff"_s, project} + db);
    QVERIFY2(r.exitCode == 0 && r.out.contains(u"5 changes, 0 destructive"_s),
             qPrintable(describe(r)));
    QVERIFY2(r.out.contains(u"create table \"PostTags\""_s), qPrintable(r.out));
    QVERIFY(!QFile::exists(dir.filePath(u"blog.db"_s)));

    r = run(dir.path(), QStringList {u"sync"_s, project, u"--dry-run"_s} + db);
    QVERIFY2(r.exitCode == 0 && r.out.contains(u"PRAGMA foreign_keys = OFF;\nBEGIN;\n"_s)
                 && r.out.contains(u"CREATE TABLE \"Users\""_s)
                 && r.out.contains(u"PRAGMA foreign_key_check;"_s),
             qPrintable(describe(r)));
    QVERIFY(!QFile::exists(dir.filePath(u"blog.db"_s)));

    r = run(dir.path(), QStringList {u"sync"_s, project} + db);
    QVERIFY2(r.exitCode == 0 && r.out.contains(u"Synced sqlite:blog.db"_s),
             qPrintable(describe(r)));
    QVERIFY(QFile::exists(dir.filePath(u"blog.db"_s)));
    const QJsonObject synced
        = QJsonDocument::fromJson(readFile(project)).object().value(u"synced"_s).toObject();
    QCOMPARE(synced.keys(), QStringList {u"sqlite:blog.db"_s});
    QCOMPARE(synced.value(u"sqlite:blog.db"_s)
                 .toObject()
                 .value(u"columns"_s)
                 .toObject()
                 .value(u"a-user-name"_s)
                 .toString(),
             u"name"_s);
    r = run(dir.path(), QStringList {u"diff"_s, project} + db);
    QVERIFY2(r.exitCode == 0 && r.out.contains(u"no changes"_s), qPrintable(describe(r)));
    // A second sync finds nothing to do and leaves the file alone.
    const QByteArray before = readFile(project);
    r = run(dir.path(), QStringList {u"sync"_s, project} + db);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(readFile(project), before);

    {
        auto c = openSqlite(dir.filePath(u"blog.db"_s));
        QVERIFY(c);
        QVERIFY(exec(*c,
                     u"INSERT INTO \"Users\" (\"name\", \"email\", \"role\", \"createdAt\", "
                     u"\"updatedAt\") VALUES "
                     "('Ann', 'ann@example.org', 'admin', '2026-01-01', '2026-01-01'), "
                     "('Bob', 'bob@example.org', 'reader', '2026-01-01', '2026-01-01')"_s));
    }
    QVERIFY(writeFile(project, changedBlog(readFile(project))));

    r = run(dir.path(), QStringList {u"diff"_s, project} + db);
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    QVERIFY2(r.out.contains(u"DESTRUCTIVE"_s)
                 && r.out.contains(u"drops column \"Users\".\"role\" with 2 non-NULL values"_s)
                 && r.out.contains(u"rename column \"Users\".\"name\" to \"fullName\""_s),
             qPrintable(r.out));
    // Destructive changes come first.
    QVERIFY(r.out.indexOf(u"DESTRUCTIVE"_s) < r.out.indexOf(u"Changes, in the order they run"_s));

    r = run(dir.path(), QStringList {u"diff"_s, project, u"--json"_s} + db);
    const QJsonObject plan = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(plan.value(u"dialect"_s).toString(), u"sqlite"_s);
    QCOMPARE(plan.value(u"destructive"_s).toInt(), 2); // the dropped column, the rebuild with rows
    QStringList kinds;
    for (const QJsonValue &c : plan.value(u"changes"_s).toArray()) {
        kinds << c.toObject().value(u"kind"_s).toString();
        if (c.toObject().value(u"kind"_s).toString() == u"drop-column"_s) {
            QCOMPARE(c.toObject().value(u"count"_s).toInt(), 2);
            QCOMPARE(c.toObject().value(u"counts"_s).toString(), u"values"_s);
        }
    }
    QCOMPARE(kinds, (QStringList {u"rename-column"_s, u"drop-column"_s, u"rebuild-table"_s}));

    // Refused: exit 1, the counts on screen, the database as it was.
    r = run(dir.path(), QStringList {u"sync"_s, project, u"--alter"_s} + db);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(u"nothing was changed"_s) && r.out.contains(u"2 non-NULL values"_s),
             qPrintable(describe(r)));
    {
        auto c = openSqlite(dir.filePath(u"blog.db"_s));
        QCOMPARE(values(*c, u"SELECT \"role\" FROM \"Users\" ORDER BY \"id\""_s),
                 (QStringList {u"admin"_s, u"reader"_s}));
    }

    r = run(dir.path(),
            QStringList {u"sync"_s, project, u"--alter"_s, u"--allow-data-loss"_s} + db);
    QVERIFY2(r.exitCode == 0 && r.out.contains(u"The database matches the design."_s),
             qPrintable(describe(r)));
    {
        auto c = openSqlite(dir.filePath(u"blog.db"_s));
        QCOMPARE(values(*c, u"SELECT \"fullName\" FROM \"Users\" ORDER BY \"id\""_s),
                 (QStringList {u"Ann"_s, u"Bob"_s}));
    }
    r = run(dir.path(), QStringList {u"diff"_s, project} + db);
    QVERIFY2(r.exitCode == 0 && r.out.contains(u"no changes"_s), qPrintable(describe(r)));
    const QJsonObject after
        = QJsonDocument::fromJson(readFile(project)).object().value(u"synced"_s).toObject();
    QCOMPARE(after.value(u"sqlite:blog.db"_s)
                 .toObject()
                 .value(u"columns"_s)
                 .toObject()
                 .value(u"a-user-name"_s)
                 .toString(),
             u"fullName"_s);

    // --force drops tables with rows: destructive too.
    r = run(dir.path(), QStringList {u"sync"_s, project, u"--force"_s} + db);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains(u"drops table \"Users\" with 2 rows"_s), qPrintable(describe(r)));
}

void TestCliSync::serverDatabase_data()
{
    QTest::addColumn<Engine>("engine");
    QTest::newRow("PostgreSQL") << Engine::Postgres;
    QTest::newRow("MariaDB") << Engine::MySql;
}

// A fresh server database synced with the password from the environment: the design is
// there, a new diff is empty, and the saved project never holds the password.
void TestCliSync::serverDatabase()
{
    QFETCH(Engine, engine);
    JUNCTION_REQUIRE_SERVER(engine);
    const ConnectionSpec server = *serverSpec(engine);
    auto admin = Connection::open(server);
    QVERIFY(admin);
    const QString name = u"junction_cli_"_s + randomSuffix();
    const bool pg = engine == Engine::Postgres;
    QVERIFY(exec(*admin,
                 pg ? u"CREATE DATABASE \"%1\""_s.arg(name) : u"CREATE DATABASE `%1`"_s.arg(name)));
    const auto dropDatabase = qScopeGuard([&] {
        exec(*admin,
             pg ? u"DROP DATABASE IF EXISTS \"%1\""_s.arg(name)
                : u"DROP DATABASE IF EXISTS `%1`"_s.arg(name));
    });

    QTemporaryDir dir;
    const QString project = dir.filePath(u"shop.junction.json"_s);
    QVERIFY(QFile::copy(sourceDir + u"/resources/examples/shop.junction.json"_s, project));
    const QString url
        = u"%1://%2@%3:%4/%5"_s.arg(pg ? u"postgres"_s : u"mysql"_s, server.user, server.host)
              .arg(server.port)
              .arg(name);
    Run r = run(dir.path(), {u"sync"_s, project, u"--db"_s, url}, server.password);
    QVERIFY2(r.exitCode == 0 && r.out.contains(u"Synced "_s + url), qPrintable(describe(r)));
    r = run(dir.path(), {u"diff"_s, project, u"--db"_s, url}, server.password);
    QVERIFY2(r.exitCode == 0 && r.out.contains(u"no changes"_s), qPrintable(describe(r)));

    const QByteArray saved = readFile(project);
    QVERIFY(saved.contains(url.toUtf8()));
    QVERIFY2(!saved.contains(server.password.toUtf8()), "the saved project holds the password");
    QVERIFY(!r.out.contains(server.password) && !r.err.contains(server.password));
}

QTEST_GUILESS_MAIN(TestCliSync)
#include "tst_cli_sync.moc"
