// SPDX-License-Identifier: MIT
// junction-cli against databases, as a user runs it: the real binary in a QProcess.
// import to a file and to stdout, the password from --password-stdin or JUNCTION_PASSWORD
// and never in the written project, and the distinct connection errors (missing Qt driver,
// wrong password, unreachable host within the connect timeout, missing database, missing
// SQLite file that is not created) with exit code 2.
#include "ddlgenerator.h"
#include "projectreader.h"
#include "scratchdatabase.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

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
    qint64 milliseconds = 0;
};

// JUNCTION_PASSWORD only when given: the test's own environment must not leak into a run.
Run run(const QStringList &arguments, const QString &password = {},
        const QByteArray &stdinData = {}, const QString &workingDirectory = sourceDir)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"JUNCTION_PASSWORD"_s);
    if (!password.isNull())
        env.insert(u"JUNCTION_PASSWORD"_s, password);
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(workingDirectory);
    QElapsedTimer timer;
    timer.start();
    p.start(cli, arguments);
    Run r;
    if (!p.waitForStarted(10000))
        return r;
    p.write(stdinData);
    p.closeWriteChannel(); // stdin is not a terminal: no prompt, no waiting
    if (!p.waitForFinished(60000))
        return r;
    r.milliseconds = timer.elapsed();
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString urlOf(Engine engine, const ConnectionSpec &server, const QString &database,
              const QString &user = {})
{
    return u"%1://%2@%3:%4/%5"_s
        .arg(engine == Engine::Postgres ? u"postgres"_s : u"mariadb"_s,
             user.isEmpty() ? server.user : user, server.host)
        .arg(server.port)
        .arg(database);
}

// blog's tables in a fresh scratch database on the server (or a SQLite file).
bool applyBlog(const Connection &connection, Engine engine, QString *error)
{
    LoadResult loaded
        = ProjectReader::readFile(sourceDir + u"/resources/examples/blog.junction.json"_s);
    if (!loaded.project) {
        *error = u"blog example does not load"_s;
        return false;
    }
    const Dialect::Kind kind = engine == Engine::Postgres ? Dialect::Kind::Postgres
        : engine == Engine::MySql                         ? Dialect::Kind::MySql
                                                          : Dialect::Kind::Sqlite;
    for (const QString &statement :
         DdlGenerator(Dialect::get(kind)).schema(resolve(*loaded.project))) {
        if (!exec(connection, statement, error))
            return false;
    }
    return true;
}

} // namespace

class TestCliDb : public QObject
{
    Q_OBJECT

private slots:
    void importSqlite();
    void importWarningsAndErrors();
    void importUsage_data();
    void importUsage();
    void missingSqliteFile();
    void missingDriver_data();
    void missingDriver();
    void wrongPassword_data();
    void wrongPassword();
    void unreachable_data();
    void unreachable();
    void missingDatabase_data();
    void missingDatabase();
    void passwordStdin_data();
    void passwordStdin();

private:
    SilentServer m_silent;
};

void TestCliDb::importSqlite()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(u"blog.db"_s);
    {
        ConnectionSpec spec;
        spec.database = file;
        ConnectionError openError;
        const auto connection = Connection::open(spec, &openError);
        QVERIFY2(connection, qPrintable(openError.message));
        QString error;
        QVERIFY2(applyBlog(*connection, Engine::Sqlite, &error), qPrintable(error));
    }

    // To a file, atomically; nothing on stdout.
    const QString out = dir.filePath(u"blog.junction.json"_s);
    const Run toFile = run({u"import"_s, u"--db"_s, u"sqlite:"_s + file, u"-o"_s, out});
    QCOMPARE(toFile.exitCode, 0);
    QCOMPARE(toFile.err, QString());
    QCOMPARE(toFile.out, QString());
    const QByteArray written = readFile(out);
    LoadResult reread = ProjectReader::readBytes(written);
    QVERIFY2(reread.project, written.constData());
    QCOMPARE(reread.project->name, u"blog"_s);
    QVERIFY(written.contains("\"through\": \"PostTags\""));

    // To stdout: the same bytes. A relative sqlite: path is relative to the working directory.
    const Run toStdout = run({u"import"_s, u"--db"_s, u"sqlite:blog.db"_s}, {}, {}, dir.path());
    QCOMPARE(toStdout.exitCode, 0);
    QCOMPARE(toStdout.err, QString());
    QCOMPARE(toStdout.out.toUtf8(), written);
}

// What the project cannot state is a warning naming table.column (exit 0); a project that
// does not validate is still written, with its errors located in it, and exit 1.
void TestCliDb::importWarningsAndErrors()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(u"legacy.db"_s);
    {
        ConnectionSpec spec;
        spec.database = file;
        ConnectionError openError;
        const auto connection = Connection::open(spec, &openError);
        QVERIFY2(connection, qPrintable(openError.message));
        QString error;
        QVERIFY2(exec(*connection,
                      u"CREATE TABLE price (id INTEGER PRIMARY KEY AUTOINCREMENT, "
                      "amount MONEY)"_s,
                      &error),
                 qPrintable(error));
    }
    const QString out = dir.filePath(u"legacy.junction.json"_s);
    const Run warned = run({u"import"_s, u"--db"_s, u"sqlite:"_s + file, u"-o"_s, out});
    QCOMPARE(warned.exitCode, 0);
    QCOMPARE(warned.err,
             u"sqlite:%1: warning[type-approximated]: price.amount: MONEY is imported "
             "as DECIMAL (the type SQLite's affinity rules give it).\n"_s.arg(file));
    QVERIFY(readFile(out).contains("\"type\": \"DECIMAL\""));

    {
        ConnectionSpec spec;
        spec.database = file;
        const auto connection = Connection::open(spec);
        QString error;
        QVERIFY2(
            exec(*connection, u"CREATE TABLE parent (id BIGINT NOT NULL PRIMARY KEY)"_s, &error)
                && exec(*connection,
                        u"CREATE TABLE child (id INTEGER PRIMARY KEY AUTOINCREMENT, "
                        "parent_id INTEGER REFERENCES parent (id))"_s,
                        &error),
            qPrintable(error));
    }
    const Run failed = run({u"import"_s, u"--db"_s, u"sqlite:"_s + file, u"-o"_s, out});
    QCOMPARE(failed.exitCode, 1);
    QVERIFY2(failed.err.contains(out + u":"_s)
                 && failed.err.contains(u": error[fk-type-mismatch]: "_s),
             qPrintable(failed.err));
    QVERIFY(readFile(out).contains("\"name\": \"child\""));
}

void TestCliDb::importUsage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("no --db") << QStringList {u"import"_s}
                             << u"junction-cli: this command needs --db URL\n"_s;
    QTest::newRow("a FILE") << QStringList {
        u"import"_s, u"--db"_s, u"sqlite:x.db"_s,
        u"x.json"_s} << u"junction-cli: import takes no FILE; write the project with -o FILE\n"_s;
    QTest::newRow("password in the URL")
        << QStringList {u"import"_s, u"--db"_s, u"postgres://app:s3cret@127.0.0.1/shop"_s}
        << u"junction-cli: 'postgres://app@127.0.0.1/shop' contains a password; pass it with "
           "--password-stdin or the JUNCTION_PASSWORD environment variable instead\n"_s;
    QTest::newRow("not a URL") << QStringList {u"import"_s, u"--db"_s, u"shop.db"_s}
                               << u"junction-cli: 'shop.db' is not a connection URL; use "
                                  "sqlite:FILE, postgres://user@host:port/db or "
                                  "mysql://user@host:port/db\n"_s;
}

void TestCliDb::importUsage()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Run r = run(arguments);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.startsWith(message), qPrintable(r.err));
    QVERIFY(!r.err.contains(u"s3cret"_s));
    QCOMPARE(r.out, QString());
}

// import reads: a SQLite file that is not there is an error, and is not created.
void TestCliDb::missingSqliteFile()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(u"missing.db"_s);
    const Run r = run({u"import"_s, u"--db"_s, u"sqlite:"_s + file});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(
        r.err,
        u"sqlite:%1: error[connection]: The SQLite database file %1 does not exist.\n"_s.arg(file));
    QCOMPARE(r.out, QString());
    QVERIFY(!QFile::exists(file));
}

void TestCliDb::missingDriver_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("message");
    QTest::newRow("PostgreSQL") << u"postgres://app@127.0.0.1/shop"_s
                                << u"The Qt PostgreSQL driver (QPSQL) is not installed. Install "
                                   "the Debian package libqt6sql6-psql."_s;
    QTest::newRow("MariaDB") << u"mariadb://app@127.0.0.1/shop"_s
                             << u"The Qt MariaDB/MySQL driver (QMYSQL) is not installed. Install "
                                "the Debian package libqt6sql6-mysql."_s;
    QTest::newRow("SQLite") << u"sqlite:shop.db"_s
                            << u"The Qt SQLite driver (QSQLITE) is not installed. Install the "
                               "Debian package libqt6sql6-sqlite."_s;
}

// A copy of junction-cli whose qt.conf points Qt at an empty plugin directory: no QtSql
// driver can load, as on a machine without the driver package.
void TestCliDb::missingDriver()
{
    QFETCH(QString, url);
    QFETCH(QString, message);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(u"junction-cli"_s);
    QVERIFY(QFile::copy(cli, copy));
    QVERIFY(QDir(dir.path()).mkdir(u"no-plugins"_s));
    QFile conf(dir.filePath(u"qt.conf"_s));
    QVERIFY(conf.open(QIODevice::WriteOnly));
    conf.write("[Paths]\nPlugins = no-plugins\n");
    conf.close();

    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"QT_PLUGIN_PATH"_s);
    env.insert(u"JUNCTION_PASSWORD"_s, u"irrelevant"_s);
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(dir.path());
    p.start(copy, {u"import"_s, u"--db"_s, url});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 2);
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(err.contains(u": error[connection]: "_s + message), qPrintable(err));
    QVERIFY(!QFile::exists(dir.filePath(u"shop.db"_s)));
}

void TestCliDb::wrongPassword_data()
{
    QTest::addColumn<Engine>("engine");
    QTest::addColumn<QString>("password"); // null: none given at all
    QTest::newRow("PostgreSQL, JUNCTION_PASSWORD wrong") << Engine::Postgres << u"wrong"_s;
    QTest::newRow("PostgreSQL, no password") << Engine::Postgres << QString();
    QTest::newRow("MariaDB, JUNCTION_PASSWORD wrong") << Engine::MySql << u"wrong"_s;
    QTest::newRow("MariaDB, no password") << Engine::MySql << QString();
}

void TestCliDb::wrongPassword()
{
    QFETCH(Engine, engine);
    QFETCH(QString, password);
    JUNCTION_REQUIRE_SERVER(engine);
    const ConnectionSpec server = *serverSpec(engine);
    const QString url = urlOf(engine, server, server.database);
    const Run r = run({u"import"_s, u"--db"_s, url}, password);
    QCOMPARE(r.exitCode, 2);
    const QString where = u"%1:%2"_s.arg(server.host).arg(server.port);
    const QString expected = u"error[connection]: The %1 server at %2 rejected user \"%3\": wrong "
                             "user name or password."_s.arg(
                                 engine == Engine::Postgres ? u"PostgreSQL"_s : u"MariaDB/MySQL"_s,
                                 where, server.user);
    QVERIFY2(r.err.contains(expected), qPrintable(r.err));
    QString shown = url; // display() spells mariadb:// as mysql://
    QVERIFY2(r.err.startsWith(shown.replace(u"mariadb://"_s, u"mysql://"_s) + u": "_s),
             qPrintable(r.err));
    QCOMPARE(r.out, QString());
}

void TestCliDb::unreachable_data()
{
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("engineName");
    QTest::addColumn<bool>("waits"); // only the connect timeout can end it
    const int port = closedPort();
    QVERIFY(port > 0);
    QVERIFY(m_silent.port() > 0);
    const QString closed = u"127.0.0.1:%1"_s.arg(port);
    const QString silent = u"127.0.0.1:%1"_s.arg(m_silent.port());
    QTest::newRow("PostgreSQL, closed port") << u"postgres"_s << closed << u"PostgreSQL"_s << false;
    QTest::newRow("MariaDB, closed port") << u"mysql"_s << closed << u"MariaDB/MySQL"_s << false;
    QTest::newRow("PostgreSQL, silent server")
        << u"postgres"_s << silent << u"PostgreSQL"_s << true;
    QTest::newRow("MariaDB, silent server") << u"mysql"_s << silent << u"MariaDB/MySQL"_s << true;
    // TEST-NET-1 (RFC 5737) routes nowhere: either the network says so at once or the
    // connect timeout ends the wait.
    QTest::newRow("PostgreSQL, no route")
        << u"postgres"_s << u"192.0.2.1:5432"_s << u"PostgreSQL"_s << false;
    QTest::newRow("MariaDB, no route")
        << u"mysql"_s << u"192.0.2.1:3306"_s << u"MariaDB/MySQL"_s << false;
}

// Nothing answers: its own message, within the connect timeout (no test server needed).
void TestCliDb::unreachable()
{
    QFETCH(QString, scheme);
    QFETCH(QString, host);
    QFETCH(QString, engineName);
    QFETCH(bool, waits);
    const int timeout = 2;
    const QString url
        = u"%1://junction@%2/junction_test?connect_timeout=%3"_s.arg(scheme, host).arg(timeout);
    const Run r = run({u"import"_s, u"--db"_s, url}, u"irrelevant"_s);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(
                 u"error[connection]: Cannot reach the %1 server at %2."_s.arg(engineName, host)),
             qPrintable(r.err));
    QVERIFY2(r.milliseconds < (timeout + 2) * 1000,
             qPrintable(u"took %1 ms, the timeout is %2 s"_s.arg(r.milliseconds).arg(timeout)));
    if (waits)
        QVERIFY2(r.milliseconds >= timeout * 1000 - 200,
                 qPrintable(u"gave up after %1 ms, before the %2 s timeout"_s.arg(r.milliseconds)
                                .arg(timeout)));
}

void TestCliDb::missingDatabase_data()
{
    QTest::addColumn<Engine>("engine");
    QTest::newRow("PostgreSQL") << Engine::Postgres;
    QTest::newRow("MariaDB") << Engine::MySql;
}

void TestCliDb::missingDatabase()
{
    QFETCH(Engine, engine);
    JUNCTION_REQUIRE_SERVER(engine);
    const ConnectionSpec server = *serverSpec(engine);
    const QString database = u"junction_missing_"_s + randomSuffix();
    const Run r = run({u"import"_s, u"--db"_s, urlOf(engine, server, database)}, server.password);
    QCOMPARE(r.exitCode, 2);
    const QString expected
        = u"error[connection]: The %1 server at %2:%3 has no database \"%4\"."_s
              .arg(engine == Engine::Postgres ? u"PostgreSQL"_s : u"MariaDB/MySQL"_s, server.host)
              .arg(server.port)
              .arg(database);
    QVERIFY2(r.err.contains(expected), qPrintable(r.err));
}

void TestCliDb::passwordStdin_data()
{
    QTest::addColumn<Engine>("engine");
    QTest::addColumn<bool>("fromStdin");
    QTest::newRow("PostgreSQL, --password-stdin") << Engine::Postgres << true;
    QTest::newRow("PostgreSQL, JUNCTION_PASSWORD") << Engine::Postgres << false;
    QTest::newRow("MariaDB, --password-stdin") << Engine::MySql << true;
    QTest::newRow("MariaDB, JUNCTION_PASSWORD") << Engine::MySql << false;
}

// A server import with the password given either way; the written project never holds it.
void TestCliDb::passwordStdin()
{
    QFETCH(Engine, engine);
    QFETCH(bool, fromStdin);
    JUNCTION_REQUIRE_SERVER(engine);
    const ConnectionSpec server = *serverSpec(engine);
    QVERIFY(!server.password.isEmpty());
    Scratch scratch;
    QString error;
    QVERIFY2(scratch.setUp(engine, server, &error), qPrintable(error));
    QVERIFY2(applyBlog(scratch.ddl(), engine, &error), qPrintable(error));

    QStringList arguments {u"import"_s, u"--db"_s};
    if (engine == Engine::Postgres)
        arguments << urlOf(engine, server, server.database) << u"--schema"_s << scratch.schema();
    else
        arguments << urlOf(engine, server, scratch.schema());
    QTemporaryDir dir;
    const QString out = dir.filePath(u"imported.junction.json"_s);
    arguments << u"-o"_s << out;
    if (fromStdin)
        arguments << u"--password-stdin"_s;
    const Run r = fromStdin ? run(arguments, {}, server.password.toUtf8() + '\n')
                            : run(arguments, server.password);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.err, QString());

    const QByteArray written = readFile(out);
    QVERIFY(written.contains("\"through\": \"PostTags\""));
    QVERIFY2(!written.contains(server.password.toUtf8()), written.constData());
    // Not in any other form either: the URL key of a `synced` entry, say.
    QVERIFY(!written.contains("synced"));
}

QTEST_GUILESS_MAIN(TestCliDb)
#include "tst_cli_db.moc"
