// SPDX-License-Identifier: MIT
// ConnectionUrl: every URL form users type, its options, the password it refuses, the
// malformed ones with their messages, and display() (the password-free key of `synced`).
#include "connectionurl.h"

#include <QTest>

using namespace Junction;
using namespace Qt::StringLiterals;
using Engine = ConnectionSpec::Engine;

class TestConnectionUrl : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void malformed_data();
    void malformed();
    void display_data();
    void display();
};

void TestConnectionUrl::parse_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<Engine>("engine");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("options");
    QTest::addColumn<int>("timeout");

    const int defaultTimeout = ConnectionSpec().connectTimeoutSeconds;
    QTest::newRow("sqlite relative")
        << u"sqlite:data/app.db"_s << Engine::Sqlite << QString() << 0 << QString()
        << u"data/app.db"_s << QString() << defaultTimeout;
    QTest::newRow("sqlite absolute")
        << u"sqlite:/var/lib/app.db"_s << Engine::Sqlite << QString() << 0 << QString()
        << u"/var/lib/app.db"_s << QString() << defaultTimeout;
    QTest::newRow("sqlite url form")
        << u"sqlite:///var/lib/app.db"_s << Engine::Sqlite << QString() << 0 << QString()
        << u"/var/lib/app.db"_s << QString() << defaultTimeout;
    QTest::newRow("sqlite memory") << u"sqlite::memory:"_s << Engine::Sqlite << QString() << 0
                                   << QString() << u":memory:"_s << QString() << defaultTimeout;
    QTest::newRow("sqlite keeps a question mark")
        << u"sqlite:odd?name.db"_s << Engine::Sqlite << QString() << 0 << QString()
        << u"odd?name.db"_s << QString() << defaultTimeout;
    QTest::newRow("sqlite scheme case") << u"SQLite:app.db"_s << Engine::Sqlite << QString() << 0
                                        << QString() << u"app.db"_s << QString() << defaultTimeout;
    QTest::newRow("postgres") << u"postgres://app@db.example.com:5433/shop"_s << Engine::Postgres
                              << u"db.example.com"_s << 5433 << u"app"_s << u"shop"_s << QString()
                              << defaultTimeout;
    QTest::newRow("postgresql, no port")
        << u"postgresql://app@localhost/shop"_s << Engine::Postgres << u"localhost"_s << 0
        << u"app"_s << u"shop"_s << QString() << defaultTimeout;
    QTest::newRow("postgres, no user")
        << u"postgres://127.0.0.1:5432/shop"_s << Engine::Postgres << u"127.0.0.1"_s << 5432
        << QString() << u"shop"_s << QString() << defaultTimeout;
    QTest::newRow("postgres sslmode")
        << u"postgres://app@h/shop?sslmode=require"_s << Engine::Postgres << u"h"_s << 0 << u"app"_s
        << u"shop"_s << u"sslmode=require"_s << defaultTimeout;
    QTest::newRow("postgres two options")
        << u"postgres://app@h/shop?sslmode=verify-full&application_name=junction"_s
        << Engine::Postgres << u"h"_s << 0 << u"app"_s << u"shop"_s
        << u"sslmode=verify-full;application_name=junction"_s << defaultTimeout;
    QTest::newRow("connect_timeout is not an option")
        << u"postgres://app@h/shop?connect_timeout=12&sslmode=disable"_s << Engine::Postgres
        << u"h"_s << 0 << u"app"_s << u"shop"_s << u"sslmode=disable"_s << 12;
    QTest::newRow("percent-encoded user")
        << u"postgres://o%27brien@h/shop"_s << Engine::Postgres << u"h"_s << 0 << u"o'brien"_s
        << u"shop"_s << QString() << defaultTimeout;
    QTest::newRow("ipv6 host") << u"postgres://app@[::1]:5432/shop"_s << Engine::Postgres
                               << u"::1"_s << 5432 << u"app"_s << u"shop"_s << QString()
                               << defaultTimeout;
    QTest::newRow("mysql") << u"mysql://root@127.0.0.1:3306/shop"_s << Engine::MySql
                           << u"127.0.0.1"_s << 3306 << u"root"_s << u"shop"_s << QString()
                           << defaultTimeout;
    QTest::newRow("mariadb") << u"mariadb://app@db:3307/shop?MYSQL_OPT_RECONNECT=1"_s
                             << Engine::MySql << u"db"_s << 3307 << u"app"_s << u"shop"_s
                             << u"MYSQL_OPT_RECONNECT=1"_s << defaultTimeout;
    QTest::newRow("surrounding spaces")
        << u"  mysql://app@db/shop  "_s << Engine::MySql << u"db"_s << 0 << u"app"_s << u"shop"_s
        << QString() << defaultTimeout;
}

void TestConnectionUrl::parse()
{
    QFETCH(QString, url);
    QFETCH(Engine, engine);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, user);
    QFETCH(QString, database);
    QFETCH(QString, options);
    QFETCH(int, timeout);
    QString error;
    const auto spec = ConnectionUrl::parse(url, &error);
    QVERIFY2(spec, qPrintable(error));
    QVERIFY(error.isEmpty());
    QCOMPARE(spec->engine, engine);
    QCOMPARE(spec->host, host);
    QCOMPARE(spec->port, port);
    QCOMPARE(spec->user, user);
    QCOMPARE(spec->database, database);
    QCOMPARE(spec->options, options);
    QCOMPARE(spec->connectTimeoutSeconds, timeout);
    QVERIFY(spec->password.isEmpty());
    QVERIFY(!spec->mustExist); // the caller decides whether a missing SQLite file is created
}

void TestConnectionUrl::malformed_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QString()
                           << u"'' is not a connection URL; use sqlite:FILE, "
                              "postgres://user@host:port/db or mysql://user@host:port/db"_s;
    QTest::newRow("a bare file name")
        << u"shop.db"_s
        << u"'shop.db' is not a connection URL; use sqlite:FILE, "
           "postgres://user@host:port/db or mysql://user@host:port/db"_s;
    QTest::newRow("unknown engine") << u"oracle://app@h/shop"_s
                                    << u"unknown database 'oracle' in 'oracle://app@h/shop'; use "
                                       "sqlite, postgres, mysql or mariadb"_s;
    QTest::newRow("password") << u"postgres://app:s3cret@db:5432/shop"_s
                              << u"'postgres://app@db:5432/shop' contains a password; pass it with "
                                 "--password-stdin or the JUNCTION_PASSWORD environment variable "
                                 "instead"_s;
    QTest::newRow("mysql password") << u"mysql://root:hunter2@db/shop"_s
                                    << u"'mysql://root@db/shop' contains a password; pass it with "
                                       "--password-stdin or the JUNCTION_PASSWORD environment "
                                       "variable instead"_s;
    QTest::newRow("no host") << u"postgres:///shop"_s << u"'postgres:///shop' names no host"_s;
    QTest::newRow("no database") << u"postgres://app@db:5432"_s
                                 << u"'postgres://app@db:5432' names no database; add /DATABASE "
                                    "after the host"_s;
    QTest::newRow("no database, slash") << u"mysql://app@db/"_s
                                        << u"'mysql://app@db/' names no database; add /DATABASE "
                                           "after the host"_s;
    QTest::newRow("no sqlite file") << u"sqlite:"_s << u"'sqlite:' names no SQLite file"_s;
    QTest::newRow("bad port") << u"postgres://app@db:port/shop"_s
                              << u"'postgres://app@db:port/shop' is not a valid URL: Invalid port "
                                 "or port number out of range"_s;
    QTest::newRow("bad character") << u"postgres://app@db/sh op"_s
                                   << u"'postgres://app@db/sh op' is not a valid URL: Invalid path "
                                      "(character ' ' not permitted)"_s;
    QTest::newRow("bad timeout") << u"postgres://app@db/shop?connect_timeout=soon"_s
                                 << u"connect_timeout must be a number of seconds, not 'soon'"_s;
    QTest::newRow("zero timeout") << u"mysql://app@db/shop?connect_timeout=0"_s
                                  << u"connect_timeout must be a number of seconds, not '0'"_s;
    QTest::newRow("semicolon in an option")
        << u"postgres://app@db/shop?sslmode=require%3Bhost=evil"_s
        << u"option 'sslmode' may not contain ';'"_s;
}

void TestConnectionUrl::malformed()
{
    QFETCH(QString, url);
    QFETCH(QString, message);
    QString error;
    QVERIFY(!ConnectionUrl::parse(url, &error));
    QCOMPARE(error, message);
    QVERIFY2(!error.contains(u"s3cret"_s) && !error.contains(u"hunter2"_s), qPrintable(error));
}

void TestConnectionUrl::display_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("display");
    QTest::newRow("sqlite") << u"sqlite:data/app.db"_s << u"sqlite:data/app.db"_s;
    QTest::newRow("sqlite absolute") << u"sqlite:///var/app.db"_s << u"sqlite:/var/app.db"_s;
    QTest::newRow("postgres") << u"postgres://app@db:5433/shop"_s
                              << u"postgres://app@db:5433/shop"_s;
    QTest::newRow("postgresql becomes postgres")
        << u"postgresql://app@db/shop"_s << u"postgres://app@db/shop"_s;
    QTest::newRow("options kept") << u"postgres://app@db/shop?sslmode=require"_s
                                  << u"postgres://app@db/shop?sslmode=require"_s;
    QTest::newRow("mariadb is spoken as mysql")
        << u"mariadb://app@db:3306/shop"_s << u"mysql://app@db:3306/shop"_s;
    QTest::newRow("no user") << u"mysql://db/shop"_s << u"mysql://db/shop"_s;
}

void TestConnectionUrl::display()
{
    QFETCH(QString, url);
    QFETCH(QString, display);
    QString error;
    const auto spec = ConnectionUrl::parse(url, &error);
    QVERIFY2(spec, qPrintable(error));
    QCOMPARE(ConnectionUrl::display(*spec), display);
    // What display() gives parses back to the same connection.
    const auto again = ConnectionUrl::parse(display, &error);
    QVERIFY2(again, qPrintable(error));
    QCOMPARE(again->engine, spec->engine);
    QCOMPARE(again->host, spec->host);
    QCOMPARE(again->port, spec->port);
    QCOMPARE(again->user, spec->user);
    QCOMPARE(again->database, spec->database);
    QCOMPARE(again->options, spec->options);

    // A password set on the spec never shows.
    ConnectionSpec withPassword = *spec;
    withPassword.password = u"s3cret"_s;
    QVERIFY(!ConnectionUrl::display(withPassword).contains(u"s3cret"_s));
}

QTEST_GUILESS_MAIN(TestConnectionUrl)
#include "tst_connectionurl.moc"
