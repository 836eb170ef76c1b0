// SPDX-License-Identifier: MIT
// DatabaseThread: jobs run on its worker thread in order, callbacks come back on the
// caller's thread (or not at all when the context is gone), and cancel() stops a long
// statement early on SQLite, PostgreSQL 15 and MariaDB 10.11, without touching the next job.
#include "databasethread.h"
#include "scratchdatabase.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

using namespace Junction;
using namespace Junction::TestDatabase;

namespace {

struct QueryOutcome
{
    bool ok = false;
    QString error;
    bool cancelled = false;
    qint64 elapsedMs = 0;
};

// A statement that runs for many seconds unless interrupted.
QString longStatement(Engine engine)
{
    switch (engine) {
    case Engine::Sqlite:
        return u"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
               "WHERE x < 4000000000) SELECT count(*) FROM c"_s;
    case Engine::Postgres:
        return u"SELECT pg_sleep(60)"_s;
    case Engine::MySql:
        // Not SLEEP() or BENCHMARK(): killed, they return a value instead of failing.
        // 10^10 rows from the SEQUENCE engine, counted without materializing them.
        return u"SELECT COUNT(*) FROM seq_1_to_100000 a, seq_1_to_100000 b"_s;
    }
    return {};
}

ConnectionSpec specFor(Engine engine, const QTemporaryDir &dir)
{
    if (engine == Engine::Sqlite) {
        ConnectionSpec spec;
        spec.engine = Engine::Sqlite;
        spec.database = dir.filePath(u"thread.db"_s);
        return spec;
    }
    return *serverSpec(engine);
}

// Opens `db` and waits for the answer.
bool openAndWait(DatabaseThread &db, const ConnectionSpec &spec, QObject *context,
                 ConnectionError *error)
{
    bool answered = false;
    db.open(spec, context, [&](const ConnectionError &result) {
        *error = result;
        answered = true;
    });
    return QTest::qWaitFor([&] { return answered; }, 20000) && !error->isError();
}

} // namespace

class TestDatabaseThread : public QObject
{
    Q_OBJECT

private slots:
    void jobsRunInOrderOffTheCallerThread();
    void voidJobsAndResultsCarryValues();
    void destroyedContextDropsCallback();
    void failedOpenReportsAndSkipsJobs();
    void cancelStopsBetweenStatements();
    void cancelInterruptsLongStatement_data();
    void cancelInterruptsLongStatement();
    void destructorCancelsAndSkipsQueued();

private:
    QTemporaryDir m_dir;
};

void TestDatabaseThread::jobsRunInOrderOffTheCallerThread()
{
    QObject context; // callbacks capture locals: they must die with this function
    DatabaseThread db;
    ConnectionError error;
    QVERIFY2(openAndWait(db, specFor(Engine::Sqlite, m_dir), &context, &error),
             qPrintable(error.message));

    QThread *const uiThread = QThread::currentThread();
    QList<int> ran; // written on the worker only, read after the last callback
    QList<int> delivered;
    std::atomic_bool allOffUiThread {true};
    bool callbacksOnUiThread = true;
    for (int i = 0; i < 20; ++i) {
        db.run(
            [i, &ran, &allOffUiThread, uiThread](Connection &connection,
                                                  const std::atomic_bool &) {
                if (QThread::currentThread() == uiThread)
                    allOffUiThread = false;
                QSqlQuery query(connection.database());
                query.exec(u"SELECT %1"_s.arg(i));
                ran.append(i);
                return query.next() ? query.value(0).toInt() : -1;
            },
            &context, [&, uiThread](int value) {
                if (QThread::currentThread() != uiThread)
                    callbacksOnUiThread = false;
                delivered.append(value);
            });
    }
    QTRY_COMPARE(delivered.size(), 20);
    QList<int> expected;
    for (int i = 0; i < 20; ++i)
        expected.append(i);
    QCOMPARE(ran, expected);
    QCOMPARE(delivered, expected);
    QVERIFY2(allOffUiThread, "a job ran on the caller's thread");
    QVERIFY2(callbacksOnUiThread, "a callback ran off the caller's thread");
}

void TestDatabaseThread::voidJobsAndResultsCarryValues()
{
    QObject context; // callbacks capture locals: they must die with this function
    DatabaseThread db;
    ConnectionError error;
    QVERIFY2(openAndWait(db, specFor(Engine::Sqlite, m_dir), &context, &error),
             qPrintable(error.message));
    bool voidDone = false;
    db.run([](Connection &connection,
              const std::atomic_bool &) { exec(connection, u"CREATE TABLE IF NOT EXISTS t (x)"_s); },
           &context, [&] { voidDone = true; });
    // A result type without a default constructor travels too.
    struct Named
    {
        explicit Named(QString text)
            : text(std::move(text))
        {
        }
        QString text;
    };
    QString received;
    db.run([](Connection &connection,
              const std::atomic_bool &) { return Named(connection.name()); },
           &context, [&](Named named) { received = named.text; });
    QTRY_VERIFY(voidDone);
    QTRY_VERIFY(!received.isEmpty());
    QVERIFY2(received.startsWith(u"junction-sql-"_s), qPrintable(received));
}

void TestDatabaseThread::destroyedContextDropsCallback()
{
    QObject context; // callbacks capture locals: they must die with this function
    DatabaseThread db;
    ConnectionError error;
    QVERIFY2(openAndWait(db, specFor(Engine::Sqlite, m_dir), &context, &error),
             qPrintable(error.message));
    std::atomic_bool jobRan {false};
    bool droppedDelivered = false;
    bool laterDelivered = false;
    auto *shortLived = new QObject;
    db.run(
        [&jobRan](Connection &, const std::atomic_bool &) {
            QThread::msleep(100);
            jobRan = true;
            return 1;
        },
        shortLived, [&](int) { droppedDelivered = true; });
    delete shortLived; // before the job has finished
    db.run([](Connection &, const std::atomic_bool &) { return 2; }, &context,
           [&](int) { laterDelivered = true; });
    QTRY_VERIFY(laterDelivered);
    QVERIFY(jobRan);
    QVERIFY2(!droppedDelivered, "a callback reached a destroyed context");
}

void TestDatabaseThread::failedOpenReportsAndSkipsJobs()
{
    QObject context; // callbacks capture locals: they must die with this function
    DatabaseThread db;
    ConnectionSpec spec;
    spec.engine = Engine::Sqlite;
    spec.database = m_dir.filePath(u"absent.db"_s);
    spec.mustExist = true;
    ConnectionError error;
    QVERIFY(!openAndWait(db, spec, &context, &error));
    QCOMPARE(error.kind, ConnectionError::Kind::FileMissing);

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"without an open connection"_s));
    bool delivered = false;
    bool marker = false;
    db.run([](Connection &, const std::atomic_bool &) { return 1; }, &context,
           [&](int) { delivered = true; });
    // open() itself needs no connection, so it marks when the skipped job is behind us.
    db.open(spec, &context, [&](const ConnectionError &) { marker = true; });
    QTRY_VERIFY(marker);
    QVERIFY2(!delivered, "a job ran without a connection");
}

void TestDatabaseThread::cancelStopsBetweenStatements()
{
    QObject context; // callbacks capture locals: they must die with this function
    DatabaseThread db;
    ConnectionError error;
    QVERIFY2(openAndWait(db, specFor(Engine::Sqlite, m_dir), &context, &error),
             qPrintable(error.message));
    std::atomic_int done {0};
    int result = -1;
    db.run(
        [&done](Connection &connection, const std::atomic_bool &cancelled) {
            for (int i = 0; i < 1000 && !cancelled; ++i) {
                exec(connection, u"SELECT 1"_s);
                QThread::msleep(5);
                ++done;
            }
            return int(done);
        },
        &context, [&](int count) { result = count; });
    QTRY_VERIFY(done > 3);
    db.cancel();
    QTRY_VERIFY(result >= 0);
    QVERIFY2(result < 1000, qPrintable(u"all %1 statements ran"_s.arg(result)));
}

void TestDatabaseThread::cancelInterruptsLongStatement_data()
{
    QTest::addColumn<Engine>("engine");
    QTest::newRow("SQLite") << Engine::Sqlite;
    QTest::newRow("PostgreSQL") << Engine::Postgres;
    QTest::newRow("MariaDB") << Engine::MySql;
}

void TestDatabaseThread::cancelInterruptsLongStatement()
{
    QObject context; // callbacks capture locals: they must die with this function
    QFETCH(Engine, engine);
    if (engine != Engine::Sqlite)
        JUNCTION_REQUIRE_SERVER(engine);

    DatabaseThread db;
    ConnectionError error;
    QVERIFY2(openAndWait(db, specFor(engine, m_dir), &context, &error), qPrintable(error.message));

    std::atomic_bool started {false};
    std::optional<QueryOutcome> outcome;
    const QString sql = longStatement(engine);
    db.run(
        [&started, sql](Connection &connection, const std::atomic_bool &cancelled) {
            QueryOutcome result;
            QElapsedTimer timer;
            timer.start();
            QSqlQuery query(connection.database());
            started = true;
            result.ok = query.exec(sql);
            result.error = query.lastError().text();
            result.elapsedMs = timer.elapsed();
            result.cancelled = cancelled;
            return result;
        },
        &context, [&](QueryOutcome result) { outcome = result; });
    QTRY_VERIFY(started);
    QTest::qWait(300); // let the statement get going on the server
    db.cancel();
    QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 20000);
    QVERIFY2(!outcome->ok, qPrintable(u"the long statement was not interrupted (%1 ms)"_s.arg(
                                          outcome->elapsedMs)));
    QVERIFY(outcome->cancelled);
    QVERIFY2(outcome->elapsedMs < 5000,
             qPrintable(u"the statement stopped only after %1 ms"_s.arg(outcome->elapsedMs)));
    qInfo("%s: interrupted after %lld ms: %s", qPrintable(engineName(engine)),
          outcome->elapsedMs, qPrintable(outcome->error));

    // The interrupt belonged to that job alone: the next one runs normally.
    std::optional<int> next;
    db.run(
        [](Connection &connection, const std::atomic_bool &cancelled) {
            QSqlQuery query(connection.database());
            if (cancelled || !query.exec(u"SELECT 42"_s) || !query.next())
                return -1;
            return query.value(0).toInt();
        },
        &context, [&](int value) { next = value; });
    QTRY_VERIFY(next.has_value());
    QCOMPARE(*next, 42);
}

void TestDatabaseThread::destructorCancelsAndSkipsQueued()
{
    QObject context; // callbacks capture locals: they must die with this function
    const Engine engine = Engine::Sqlite;
    auto db = std::make_unique<DatabaseThread>();
    ConnectionError error;
    QVERIFY2(openAndWait(*db, specFor(engine, m_dir), &context, &error), qPrintable(error.message));
    std::atomic_bool started {false};
    bool firstDelivered = false;
    bool queuedDelivered = false;
    std::atomic_bool queuedRan {false};
    const QString sql = longStatement(engine);
    db->run(
        [&started, sql](Connection &connection, const std::atomic_bool &) {
            started = true;
            QSqlQuery query(connection.database());
            return query.exec(sql);
        },
        &context, [&](bool) { firstDelivered = true; });
    db->run(
        [&queuedRan](Connection &, const std::atomic_bool &) {
            queuedRan = true;
            return true;
        },
        &context, [&](bool) { queuedDelivered = true; });
    QTRY_VERIFY(started);
    QElapsedTimer timer;
    timer.start();
    db.reset();
    QVERIFY2(timer.elapsed() < 5000, qPrintable(u"destruction took %1 ms"_s.arg(timer.elapsed())));
    QVERIFY2(!queuedRan, "a queued job ran during destruction");
    QTest::qWait(50);
    QVERIFY(!queuedDelivered);
    Q_UNUSED(firstDelivered); // the running job's result may or may not arrive
}

QTEST_GUILESS_MAIN(TestDatabaseThread)
#include "tst_databasethread.moc"
