// SPDX-License-Identifier: MIT
#include "catalogreader.h"
#include "connection.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <optional>

using namespace Junction;
using namespace Qt::StringLiterals;

using Engine = ConnectionSpec::Engine;
Q_DECLARE_METATYPE(ConnectionSpec::Engine)

namespace {

QString engineName(Engine engine)
{
    switch (engine) {
    case Engine::Sqlite:
        return u"SQLite"_s;
    case Engine::Postgres:
        return u"PostgreSQL"_s;
    case Engine::MySql:
        return u"MariaDB"_s;
    }
    return {};
}

// The test servers that scripts/test.sh starts, from its environment variables.
std::optional<ConnectionSpec> serverSpec(Engine engine)
{
    const QString prefix = engine == Engine::Postgres ? u"JUNCTION_PG_"_s : u"JUNCTION_MYSQL_"_s;
    const auto env = [&prefix](const char *name) {
        return qEnvironmentVariable((prefix + QLatin1String(name)).toLocal8Bit().constData());
    };
    if (env("HOST").isEmpty() || env("PORT").isEmpty())
        return std::nullopt;
    ConnectionSpec spec;
    spec.engine = engine;
    spec.host = env("HOST");
    spec.port = env("PORT").toInt();
    spec.user = env("USER");
    spec.password = env("PASSWORD");
    spec.database = env("DATABASE");
    return spec;
}

bool serversRequired()
{
    return qEnvironmentVariable("JUNCTION_REQUIRE_SERVERS") == u"1"_s;
}

QString randomSuffix()
{
    return QString::number(QRandomGenerator::global()->generate(), 16);
}

// A TCP port on 127.0.0.1 that nothing listens on: bound by us, then released.
int closedPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

// A server that accepts TCP connections (the kernel completes the handshake) but never
// says a word: only the connect timeout can end the wait.
class SilentServer
{
public:
    SilentServer()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (m_fd >= 0 && ::bind(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0
            && ::listen(m_fd, 8) == 0
            && ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
            m_port = ntohs(address.sin_port);
    }
    ~SilentServer()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    SilentServer(const SilentServer &) = delete;
    SilentServer &operator=(const SilentServer &) = delete;

    int port() const { return m_port; }

private:
    int m_fd = -1;
    int m_port = 0;
};

bool exec(const Connection &connection, const QString &sql, QString *error = nullptr)
{
    QSqlQuery query(connection.database());
    if (query.exec(sql))
        return true;
    if (error)
        *error = query.lastError().text() + u"\nin: "_s + sql;
    return false;
}

// A throw-away place for one test's tables, removed again in the destructor:
// SQLite: a file in a QTemporaryDir; PostgreSQL: schema junction_t<random> in the test
// database; MariaDB: database junction_t<random>.
class Scratch
{
public:
    ~Scratch()
    {
        if (!m_admin)
            return;
        if (m_engine == Engine::Postgres)
            exec(*m_admin, u"DROP SCHEMA IF EXISTS %1 CASCADE"_s.arg(quotedSchema()));
        else if (m_engine == Engine::MySql)
            exec(*m_admin, u"DROP DATABASE IF EXISTS %1"_s.arg(quotedSchema()));
    }

    // nameSuffix: appended to the server-side scratch name, to make it hostile.
    bool setUp(Engine engine, const ConnectionSpec &serverSpec, QString *error,
               const QString &nameSuffix = {})
    {
        m_engine = engine;
        ConnectionError openError;
        if (engine == Engine::Sqlite) {
            if (!m_dir.isValid()) {
                *error = u"no temporary directory"_s;
                return false;
            }
            ConnectionSpec spec;
            spec.engine = Engine::Sqlite;
            spec.database = m_dir.filePath(u"catalog.db"_s);
            m_ddl = Connection::open(spec, &openError);
            if (!m_ddl) {
                *error = openError.message;
                return false;
            }
            return true;
        }

        m_admin = Connection::open(serverSpec, &openError);
        if (!m_admin) {
            *error = openError.message;
            return false;
        }
        m_schema = u"junction_t"_s + randomSuffix() + nameSuffix;
        if (engine == Engine::Postgres) {
            // DDL and reads share this connection; search_path is moved away again before
            // reading, so the reader must not depend on it.
            // client_min_messages: DROP ... CASCADE's notices would litter the test log.
            if (!exec(*m_admin, u"SET client_min_messages TO warning"_s, error)
                || !exec(*m_admin, u"CREATE SCHEMA %1"_s.arg(quotedSchema()), error)
                || !exec(*m_admin, u"SET search_path TO %1"_s.arg(quotedSchema()), error))
                return false;
            return true;
        }
        if (!exec(*m_admin,
                  u"CREATE DATABASE %1 CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"_s.arg(
                      quotedSchema()),
                  error))
            return false;
        ConnectionSpec spec = serverSpec;
        spec.database = m_schema;
        m_ddl = Connection::open(spec, &openError);
        if (!m_ddl) {
            *error = openError.message;
            return false;
        }
        return true;
    }

    // Where DDL goes.
    const Connection &ddl() const { return m_ddl ? *m_ddl : *m_admin; }
    // Where the reader reads from (for MariaDB another database than its own).
    const Connection &reader() const { return m_admin ? *m_admin : *m_ddl; }
    QString schema() const { return m_schema; }
    // The scratch name as an identifier in this test's hand-written SQL.
    QString quotedSchema() const
    {
        if (m_engine == Engine::MySql)
            return u"`"_s + QString(m_schema).replace(u"`"_s, u"``"_s) + u"`"_s;
        return u"\""_s + QString(m_schema).replace(u"\""_s, u"\"\""_s) + u"\""_s;
    }

private:
    Engine m_engine = Engine::Sqlite;
    QTemporaryDir m_dir;
    std::unique_ptr<Connection> m_admin;
    std::unique_ptr<Connection> m_ddl;
    QString m_schema;
};

// ---------------------------------------------------------------------------------------
// The schema under test, hand-written for each engine.

// Names at the engines' length limits: PostgreSQL 63 bytes, MariaDB 64 characters
// (table names are file names there, so the long table name is ASCII).
QString longTableName(Engine engine)
{
    return u"long_table_"_s.leftJustified(engine == Engine::Postgres ? 63 : 64, u'x');
}

QString longColumnName(Engine engine)
{
    // U+7528 is 3 bytes in UTF-8: 21 of them are exactly 63 bytes.
    return QString(engine == Engine::Postgres ? 21 : 64, QChar(0x7528));
}

QStringList ddlStatements(Engine engine)
{
    QStringList statements;
    switch (engine) {
    case Engine::Postgres:
        statements = {
            uR"(CREATE TYPE author_status AS ENUM ('active', 'it''s complicated', 'banned'))"_s,
            uR"(CREATE TABLE authors (
                id serial PRIMARY KEY,
                email varchar(320) NOT NULL CONSTRAINT authors_email_key UNIQUE,
                name varchar(100) NOT NULL DEFAULT 'anonymous',
                status author_status NOT NULL DEFAULT 'active',
                score integer DEFAULT 0,
                created_at timestamp DEFAULT CURRENT_TIMESTAMP,
                nickname varchar(40) DEFAULT NULL,
                bio text))"_s,
            uR"(COMMENT ON TABLE authors IS 'People who write')"_s,
            uR"(COMMENT ON COLUMN authors.email IS 'Login; it''s unique')"_s,
            uR"(CREATE INDEX authors_name_idx ON authors (name))"_s,
            uR"(CREATE TABLE posts (
                id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                author_id integer NOT NULL,
                editor_id integer,
                reviewer_id integer,
                fallback_id integer DEFAULT 1,
                parent_id integer,
                title varchar(200) NOT NULL,
                slug varchar(200) NOT NULL,
                CONSTRAINT posts_author_fk FOREIGN KEY (author_id) REFERENCES authors (id)
                    ON DELETE CASCADE ON UPDATE CASCADE,
                CONSTRAINT posts_editor_fk FOREIGN KEY (editor_id) REFERENCES authors (id)
                    ON DELETE SET NULL ON UPDATE NO ACTION,
                CONSTRAINT posts_reviewer_fk FOREIGN KEY (reviewer_id) REFERENCES authors (id)
                    ON DELETE RESTRICT ON UPDATE RESTRICT,
                CONSTRAINT posts_fallback_fk FOREIGN KEY (fallback_id) REFERENCES authors (id)
                    ON DELETE SET DEFAULT ON UPDATE SET DEFAULT,
                CONSTRAINT posts_parent_fk FOREIGN KEY (parent_id) REFERENCES posts (id),
                CONSTRAINT posts_author_slug_key UNIQUE (author_id, slug)))"_s,
            uR"(CREATE INDEX posts_author_title_idx ON posts (author_id, title))"_s,
            uR"(CREATE UNIQUE INDEX posts_title_uidx ON posts (title))"_s,
            uR"(CREATE TABLE post_tags (
                post_id integer NOT NULL,
                tag varchar(50) NOT NULL,
                PRIMARY KEY (post_id, tag),
                CONSTRAINT post_tags_post_fk FOREIGN KEY (post_id) REFERENCES posts (id)
                    ON DELETE CASCADE))"_s,
            uR"(CREATE TABLE tag_votes (
                id integer PRIMARY KEY,
                vote_post integer NOT NULL,
                vote_tag varchar(50) NOT NULL,
                CONSTRAINT tag_votes_tag_fk FOREIGN KEY (vote_post, vote_tag)
                    REFERENCES post_tags (post_id, tag) ON DELETE CASCADE ON UPDATE CASCADE))"_s,
            uR"(CREATE TABLE "用户" (id integer PRIMARY KEY, "名前" varchar(20)))"_s,
            uR"(CREATE TABLE "semi;colon" (id integer PRIMARY KEY))"_s,
            uR"(CREATE TABLE "back`tick" (id integer PRIMARY KEY))"_s,
            uR"(CREATE TABLE "--dash" (id integer PRIMARY KEY))"_s,
            uR"(CREATE TABLE "%1" ("%2" integer PRIMARY KEY))"_s.arg(longTableName(engine),
                                                                     longColumnName(engine)),
            uR"(CREATE TABLE "we""ird" (
                id integer PRIMARY KEY,
                "back`tick" integer,
                "semi;colon" text DEFAULT 'a;b',
                "--dash" integer,
                "new
line" integer,
                "%1" integer,
                CONSTRAINT "uq;""`--" UNIQUE ("back`tick", "semi;colon"),
                CONSTRAINT "fk ""dash""" FOREIGN KEY ("--dash") REFERENCES "用户" (id)
                    ON DELETE CASCADE,
                CONSTRAINT "fk ""semi""" FOREIGN KEY ("new
line") REFERENCES "semi;colon" (id) ON UPDATE SET NULL))"_s.arg(longColumnName(engine)),
            uR"(CREATE INDEX "ix ""we""ird""; DROP TABLE x; --" ON "we""ird" ("--dash", id))"_s,
            uR"(COMMENT ON TABLE "we""ird" IS '用户 table; -- not a comment')"_s,
            uR"(COMMENT ON COLUMN "we""ird"."semi;colon" IS 'it''s; "hostile"')"_s,
        };
        break;
    case Engine::MySql:
        statements = {
            uR"(CREATE TABLE authors (
                id int AUTO_INCREMENT PRIMARY KEY,
                email varchar(320) NOT NULL COMMENT 'Login; it''s unique',
                name varchar(100) NOT NULL DEFAULT 'anonymous',
                status enum('active', 'it''s complicated', 'banned') NOT NULL DEFAULT 'active',
                score int DEFAULT 0,
                created_at timestamp NULL DEFAULT CURRENT_TIMESTAMP,
                nickname varchar(40) DEFAULT NULL,
                bio text,
                CONSTRAINT authors_email_key UNIQUE (email)
            ) COMMENT 'People who write')"_s,
            uR"(CREATE INDEX authors_name_idx ON authors (name))"_s,
            // InnoDB has no SET DEFAULT, and an unspecified rule is reported as RESTRICT.
            uR"(CREATE TABLE posts (
                id int AUTO_INCREMENT PRIMARY KEY,
                author_id int NOT NULL,
                editor_id int,
                reviewer_id int,
                fallback_id int DEFAULT 1,
                parent_id int,
                title varchar(200) NOT NULL,
                slug varchar(200) NOT NULL,
                CONSTRAINT posts_author_fk FOREIGN KEY (author_id) REFERENCES authors (id)
                    ON DELETE CASCADE ON UPDATE CASCADE,
                CONSTRAINT posts_editor_fk FOREIGN KEY (editor_id) REFERENCES authors (id)
                    ON DELETE SET NULL ON UPDATE NO ACTION,
                CONSTRAINT posts_reviewer_fk FOREIGN KEY (reviewer_id) REFERENCES authors (id)
                    ON DELETE RESTRICT ON UPDATE RESTRICT,
                CONSTRAINT posts_fallback_fk FOREIGN KEY (fallback_id) REFERENCES authors (id),
                CONSTRAINT posts_parent_fk FOREIGN KEY (parent_id) REFERENCES posts (id),
                CONSTRAINT posts_author_slug_key UNIQUE (author_id, slug)))"_s,
            uR"(CREATE INDEX posts_author_title_idx ON posts (author_id, title))"_s,
            uR"(CREATE UNIQUE INDEX posts_title_uidx ON posts (title))"_s,
            uR"(CREATE TABLE post_tags (
                post_id int NOT NULL,
                tag varchar(50) NOT NULL,
                PRIMARY KEY (post_id, tag),
                CONSTRAINT post_tags_post_fk FOREIGN KEY (post_id) REFERENCES posts (id)
                    ON DELETE CASCADE))"_s,
            uR"(CREATE TABLE tag_votes (
                id int PRIMARY KEY,
                vote_post int NOT NULL,
                vote_tag varchar(50) NOT NULL,
                CONSTRAINT tag_votes_tag_fk FOREIGN KEY (vote_post, vote_tag)
                    REFERENCES post_tags (post_id, tag) ON DELETE CASCADE ON UPDATE CASCADE))"_s,
            uR"(CREATE TABLE `用户` (id int PRIMARY KEY, `名前` varchar(20)))"_s,
            uR"(CREATE TABLE `semi;colon` (id int PRIMARY KEY))"_s,
            uR"(CREATE TABLE `back``tick` (id int PRIMARY KEY))"_s,
            uR"(CREATE TABLE `--dash` (id int PRIMARY KEY))"_s,
            uR"(CREATE TABLE `%1` (`%2` int PRIMARY KEY))"_s.arg(longTableName(engine),
                                                                 longColumnName(engine)),
            uR"(CREATE TABLE `we"ird` (
                id int PRIMARY KEY,
                `back``tick` int,
                `semi;colon` varchar(10) DEFAULT 'a;b' COMMENT 'it''s; "hostile"',
                `--dash` int,
                `new
line` int,
                `%1` int,
                CONSTRAINT `uq;"``--` UNIQUE (`back``tick`, `semi;colon`),
                CONSTRAINT `fk "dash"` FOREIGN KEY (`--dash`) REFERENCES `用户` (id)
                    ON DELETE CASCADE,
                CONSTRAINT `fk "semi"` FOREIGN KEY (`new
line`) REFERENCES `semi;colon` (id) ON UPDATE SET NULL
            ) COMMENT '用户 table; -- not a comment')"_s.arg(longColumnName(engine)),
            uR"(CREATE INDEX `ix "we"ird"; DROP TABLE x; --` ON `we"ird` (`--dash`, id))"_s,
        };
        break;
    case Engine::Sqlite:
        statements = {
            uR"(CREATE TABLE authors (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                email varchar(320) NOT NULL CONSTRAINT authors_email_key UNIQUE,
                name varchar(100) NOT NULL DEFAULT 'anonymous',
                status text NOT NULL DEFAULT 'active'
                    CHECK (status IN ('active', 'it''s complicated', 'banned')),
                score integer DEFAULT 0,
                created_at timestamp DEFAULT CURRENT_TIMESTAMP,
                nickname varchar(40) DEFAULT NULL,
                bio text))"_s,
            uR"(CREATE INDEX authors_name_idx ON authors (name))"_s,
            // A rowid alias without AUTOINCREMENT; the keyword only in a comment, a string
            // and a quoted name must not count.
            uR"(CREATE TABLE posts (
                id INTEGER PRIMARY KEY, -- AUTOINCREMENT
                author_id integer NOT NULL,
                editor_id integer,
                reviewer_id integer,
                fallback_id integer DEFAULT 1,
                parent_id integer,
                title varchar(200) NOT NULL /* AUTOINCREMENT */,
                slug varchar(200) NOT NULL DEFAULT 'AUTOINCREMENT',
                CONSTRAINT posts_author_fk FOREIGN KEY (author_id) REFERENCES authors (id)
                    ON DELETE CASCADE ON UPDATE CASCADE,
                CONSTRAINT posts_editor_fk FOREIGN KEY (editor_id) REFERENCES authors (id)
                    ON DELETE SET NULL ON UPDATE NO ACTION,
                CONSTRAINT posts_reviewer_fk FOREIGN KEY (reviewer_id) REFERENCES authors (id)
                    ON DELETE RESTRICT ON UPDATE RESTRICT,
                CONSTRAINT posts_fallback_fk FOREIGN KEY (fallback_id) REFERENCES authors (id)
                    ON DELETE SET DEFAULT ON UPDATE SET DEFAULT,
                CONSTRAINT posts_parent_fk FOREIGN KEY (parent_id) REFERENCES posts,
                CONSTRAINT posts_author_slug_key UNIQUE (author_id, slug)))"_s,
            uR"(CREATE INDEX posts_author_title_idx ON posts (author_id, title))"_s,
            uR"(CREATE UNIQUE INDEX posts_title_uidx ON posts (title))"_s,
            uR"(CREATE TABLE post_tags (
                post_id integer NOT NULL,
                tag varchar(50) NOT NULL,
                PRIMARY KEY (post_id, tag),
                CONSTRAINT post_tags_post_fk FOREIGN KEY (post_id) REFERENCES posts (id)
                    ON DELETE CASCADE))"_s,
            uR"(CREATE TABLE tag_votes (
                id integer PRIMARY KEY,
                vote_post integer NOT NULL,
                vote_tag varchar(50) NOT NULL,
                CONSTRAINT tag_votes_tag_fk FOREIGN KEY (vote_post, vote_tag)
                    REFERENCES post_tags (post_id, tag) ON DELETE CASCADE ON UPDATE CASCADE))"_s,
            uR"(CREATE TABLE "用户" (id integer PRIMARY KEY, "名前" varchar(20)))"_s,
            uR"(CREATE TABLE "semi;colon" (id integer PRIMARY KEY))"_s,
            uR"(CREATE TABLE "back`tick" ("AUTOINCREMENT" integer PRIMARY KEY))"_s,
            uR"(CREATE TABLE "--dash" (id integer PRIMARY KEY))"_s,
            uR"(CREATE TABLE "%1" ("%2" integer PRIMARY KEY))"_s.arg(longTableName(engine),
                                                                     longColumnName(engine)),
            uR"(CREATE TABLE "we""ird" (
                id integer PRIMARY KEY,
                "back`tick" integer,
                "semi;colon" text DEFAULT 'a;b',
                "--dash" integer,
                "new
line" integer,
                "%1" integer,
                CONSTRAINT "uq;""`--" UNIQUE ("back`tick", "semi;colon"),
                CONSTRAINT "fk ""dash""" FOREIGN KEY ("--dash") REFERENCES "用户" (id)
                    ON DELETE CASCADE,
                CONSTRAINT "fk ""semi""" FOREIGN KEY ("new
line") REFERENCES "semi;colon" (id) ON UPDATE SET NULL))"_s.arg(longColumnName(engine)),
            uR"(CREATE INDEX "ix ""we""ird""; DROP TABLE x; --" ON "we""ird" ("--dash", id))"_s,
        };
        break;
    }
    return statements;
}

// ---------------------------------------------------------------------------------------
// What each engine's catalog must report for the DDL above.

LiveColumn column(const QString &name, const QString &nativeType, bool nullable,
                  const QString &defaultExpression = {}, bool autoIncrement = false,
                  const QString &comment = {}, const QStringList &enumValues = {})
{
    LiveColumn column;
    column.name = name;
    column.nativeType = nativeType;
    column.nullable = nullable;
    column.defaultExpression = defaultExpression;
    column.autoIncrement = autoIncrement;
    column.comment = comment;
    column.enumValues = enumValues;
    return column;
}

LiveForeignKey foreignKey(const QString &name, const QStringList &columns,
                          const QString &referencedTable, const QStringList &referencedColumns,
                          const QString &onDelete, const QString &onUpdate)
{
    LiveForeignKey key;
    key.name = name;
    key.columns = columns;
    key.referencedTable = referencedTable;
    key.referencedColumns = referencedColumns;
    key.onDelete = onDelete;
    key.onUpdate = onUpdate;
    return key;
}

LiveTable table(const QString &name, const QList<LiveColumn> &columns,
                const QStringList &primaryKey)
{
    LiveTable table;
    table.name = name;
    table.columns = columns;
    table.primaryKey = primaryKey;
    return table;
}

LiveSchema expectedSchema(Engine engine, const QString &schemaName)
{
    const bool pg = engine == Engine::Postgres;
    const bool my = engine == Engine::MySql;
    const bool lite = engine == Engine::Sqlite;
    // Spelling per engine: PostgreSQL, MariaDB, SQLite.
    const auto s = [engine](const QString &postgres, const QString &mysql, const QString &sqlite) {
        return engine == Engine::Postgres ? postgres : engine == Engine::MySql ? mysql : sqlite;
    };
    // SQLite (3.37+) reports the types it knows (INTEGER, TEXT, ...) in upper case, others
    // as written.
    const QString integer = s(u"integer"_s, u"int(11)"_s, u"INTEGER"_s);
    const QString intPk = integer;
    const auto varchar = [&s](int n) {
        return s(u"character varying(%1)"_s.arg(n), u"varchar(%1)"_s.arg(n),
                 u"varchar(%1)"_s.arg(n));
    };
    // SQLite keeps no constraint names.
    const auto named = [lite](const QString &name) { return lite ? QString() : name; };
    // The rule MariaDB reports when none was given.
    const QString unspecified = my ? u"RESTRICT"_s : u"NO ACTION"_s;
    const QStringList statusValues = {u"active"_s, u"it's complicated"_s, u"banned"_s};

    LiveSchema schema;
    schema.schema = schemaName;
    if (pg)
        schema.enums.insert(u"author_status"_s, statusValues);

    // Sorted by name in UTF-16 order: '-' < 'a'..'z' < '用'.
    LiveTable dash = table(u"--dash"_s, {column(u"id"_s, intPk, lite)}, {u"id"_s});

    LiveTable authors = table(
        u"authors"_s,
        {
            column(u"id"_s, intPk, lite, {}, true),
            column(u"email"_s, varchar(320), false, {}, false,
                   lite ? QString() : u"Login; it's unique"_s),
            column(u"name"_s, varchar(100), false,
                   s(u"'anonymous'::character varying"_s, u"'anonymous'"_s, u"'anonymous'"_s)),
            column(
                u"status"_s,
                s(u"author_status"_s, u"enum('active','it''s complicated','banned')"_s, u"TEXT"_s),
                false, s(u"'active'::author_status"_s, u"'active'"_s, u"'active'"_s), false, {},
                lite ? QStringList() : statusValues),
            column(u"score"_s, integer, true, u"0"_s),
            column(u"created_at"_s,
                   s(u"timestamp without time zone"_s, u"timestamp"_s, u"timestamp"_s), true,
                   s(u"CURRENT_TIMESTAMP"_s, u"current_timestamp()"_s, u"CURRENT_TIMESTAMP"_s)),
            column(u"nickname"_s, varchar(40), true),
            column(u"bio"_s, s(u"text"_s, u"text"_s, u"TEXT"_s), true),
        },
        {u"id"_s});
    authors.comment = lite ? QString() : u"People who write"_s;
    authors.uniques = {{named(u"authors_email_key"_s), {u"email"_s}}};
    authors.indexes = {{u"authors_name_idx"_s, {u"name"_s}, false}};

    LiveTable backtick
        = table(u"back`tick"_s, {column(lite ? u"AUTOINCREMENT"_s : u"id"_s, intPk, lite)},
                {lite ? u"AUTOINCREMENT"_s : u"id"_s});

    LiveTable longTable
        = table(longTableName(engine), {column(longColumnName(engine), intPk, lite)},
                {longColumnName(engine)});

    LiveTable postTags
        = table(u"post_tags"_s,
                {column(u"post_id"_s, integer, false), column(u"tag"_s, varchar(50), false)},
                {u"post_id"_s, u"tag"_s});
    postTags.foreignKeys = {foreignKey(named(u"post_tags_post_fk"_s), {u"post_id"_s}, u"posts"_s,
                                       {u"id"_s}, u"CASCADE"_s, unspecified)};

    LiveTable posts
        = table(u"posts"_s,
                {
                    // PostgreSQL identity, MariaDB AUTO_INCREMENT; SQLite's
                    // bare rowid alias is not auto-increment.
                    column(u"id"_s, intPk, lite, {}, !lite),
                    column(u"author_id"_s, integer, false),
                    column(u"editor_id"_s, integer, true),
                    column(u"reviewer_id"_s, integer, true),
                    column(u"fallback_id"_s, integer, true, u"1"_s),
                    column(u"parent_id"_s, integer, true),
                    column(u"title"_s, varchar(200), false),
                    column(u"slug"_s, varchar(200), false, lite ? u"'AUTOINCREMENT'"_s : QString()),
                },
                {u"id"_s});
    posts.foreignKeys = {
        foreignKey(named(u"posts_author_fk"_s), {u"author_id"_s}, u"authors"_s, {u"id"_s},
                   u"CASCADE"_s, u"CASCADE"_s),
        foreignKey(named(u"posts_editor_fk"_s), {u"editor_id"_s}, u"authors"_s, {u"id"_s},
                   u"SET NULL"_s, u"NO ACTION"_s),
        foreignKey(named(u"posts_fallback_fk"_s), {u"fallback_id"_s}, u"authors"_s, {u"id"_s},
                   my ? unspecified : u"SET DEFAULT"_s, my ? unspecified : u"SET DEFAULT"_s),
        foreignKey(named(u"posts_parent_fk"_s), {u"parent_id"_s}, u"posts"_s, {u"id"_s},
                   unspecified, unspecified),
        foreignKey(named(u"posts_reviewer_fk"_s), {u"reviewer_id"_s}, u"authors"_s, {u"id"_s},
                   u"RESTRICT"_s, u"RESTRICT"_s),
    };
    posts.uniques = {{named(u"posts_author_slug_key"_s), {u"author_id"_s, u"slug"_s}}};
    posts.indexes = {{u"posts_author_title_idx"_s, {u"author_id"_s, u"title"_s}, false}};
    // MariaDB makes every unique index a UNIQUE constraint.
    if (my)
        posts.uniques.append({u"posts_title_uidx"_s, {u"title"_s}});
    else
        posts.indexes.append({u"posts_title_uidx"_s, {u"title"_s}, true});

    LiveTable semicolon = table(u"semi;colon"_s, {column(u"id"_s, intPk, lite)}, {u"id"_s});

    LiveTable tagVotes
        = table(u"tag_votes"_s,
                {column(u"id"_s, integer, lite), column(u"vote_post"_s, integer, false),
                 column(u"vote_tag"_s, varchar(50), false)},
                {u"id"_s});
    tagVotes.foreignKeys
        = {foreignKey(named(u"tag_votes_tag_fk"_s), {u"vote_post"_s, u"vote_tag"_s}, u"post_tags"_s,
                      {u"post_id"_s, u"tag"_s}, u"CASCADE"_s, u"CASCADE"_s)};

    LiveTable weird = table(u"we\"ird"_s,
                            {
                                column(u"id"_s, intPk, lite),
                                column(u"back`tick"_s, integer, true),
                                column(u"semi;colon"_s, s(u"text"_s, u"varchar(10)"_s, u"TEXT"_s),
                                       true, s(u"'a;b'::text"_s, u"'a;b'"_s, u"'a;b'"_s), false,
                                       lite ? QString() : u"it's; \"hostile\""_s),
                                column(u"--dash"_s, integer, true),
                                column(u"new\nline"_s, integer, true),
                                column(longColumnName(engine), integer, true),
                            },
                            {u"id"_s});
    weird.comment = lite ? QString() : u"用户 table; -- not a comment"_s;
    weird.uniques = {{named(u"uq;\"`--"_s), {u"back`tick"_s, u"semi;colon"_s}}};
    weird.indexes = {{u"ix \"we\"ird\"; DROP TABLE x; --"_s, {u"--dash"_s, u"id"_s}, false}};
    weird.foreignKeys = {
        foreignKey(named(u"fk \"dash\""_s), {u"--dash"_s}, u"用户"_s, {u"id"_s}, u"CASCADE"_s,
                   unspecified),
        foreignKey(named(u"fk \"semi\""_s), {u"new\nline"_s}, u"semi;colon"_s, {u"id"_s},
                   unspecified, u"SET NULL"_s),
    };
    // SQLite has no names to sort by: the order falls to the column lists.
    if (lite) {
        std::sort(
            posts.foreignKeys.begin(), posts.foreignKeys.end(),
            [](const LiveForeignKey &a, const LiveForeignKey &b) { return a.columns < b.columns; });
    }

    LiveTable users = table(
        u"用户"_s, {column(u"id"_s, intPk, lite), column(u"名前"_s, varchar(20), true)}, {u"id"_s});

    schema.tables
        = {dash, authors, backtick, longTable, postTags, posts, semicolon, tagVotes, weird, users};
    return schema;
}

// QCOMPARE that also says where in the schema the difference is.
#define COMPARE_AT(actual, expected, where)                                                        \
    do {                                                                                           \
        if (!QTest::qCompare(actual, expected, #actual, #expected, __FILE__, __LINE__)) {          \
            qWarning().noquote() << "at" << (where);                                               \
            return;                                                                                \
        }                                                                                          \
    } while (false)

void compareTable(const LiveTable &actual, const LiveTable &expected)
{
    const QString where = u"table "_s + expected.name;
    COMPARE_AT(actual.name, expected.name, where);
    COMPARE_AT(actual.comment, expected.comment, where);
    COMPARE_AT(actual.primaryKey, expected.primaryKey, where);

    QStringList actualColumns, expectedColumns;
    for (const LiveColumn &column : actual.columns)
        actualColumns.append(column.name);
    for (const LiveColumn &column : expected.columns)
        expectedColumns.append(column.name);
    COMPARE_AT(actualColumns, expectedColumns, where);
    for (qsizetype i = 0; i < expected.columns.size(); ++i) {
        const LiveColumn &a = actual.columns.at(i);
        const LiveColumn &e = expected.columns.at(i);
        const QString at = where + u", column "_s + e.name;
        COMPARE_AT(a.nativeType, e.nativeType, at);
        COMPARE_AT(a.nullable, e.nullable, at);
        COMPARE_AT(a.defaultExpression, e.defaultExpression, at);
        COMPARE_AT(a.autoIncrement, e.autoIncrement, at);
        COMPARE_AT(a.comment, e.comment, at);
        COMPARE_AT(a.enumValues, e.enumValues, at);
    }

    COMPARE_AT(actual.uniques.size(), expected.uniques.size(), where + u", uniques"_s);
    for (qsizetype i = 0; i < expected.uniques.size(); ++i) {
        const QString at = where + u", unique "_s + expected.uniques.at(i).name;
        COMPARE_AT(actual.uniques.at(i).name, expected.uniques.at(i).name, at);
        COMPARE_AT(actual.uniques.at(i).columns, expected.uniques.at(i).columns, at);
    }

    COMPARE_AT(actual.indexes.size(), expected.indexes.size(), where + u", indexes"_s);
    for (qsizetype i = 0; i < expected.indexes.size(); ++i) {
        const QString at = where + u", index "_s + expected.indexes.at(i).name;
        COMPARE_AT(actual.indexes.at(i).name, expected.indexes.at(i).name, at);
        COMPARE_AT(actual.indexes.at(i).columns, expected.indexes.at(i).columns, at);
        COMPARE_AT(actual.indexes.at(i).unique, expected.indexes.at(i).unique, at);
    }

    COMPARE_AT(actual.foreignKeys.size(), expected.foreignKeys.size(), where + u", foreign keys"_s);
    for (qsizetype i = 0; i < expected.foreignKeys.size(); ++i) {
        const LiveForeignKey &a = actual.foreignKeys.at(i);
        const LiveForeignKey &e = expected.foreignKeys.at(i);
        const QString at = where + u", foreign key "_s + e.name + u" "_s + e.columns.join(u',');
        COMPARE_AT(a.name, e.name, at);
        COMPARE_AT(a.columns, e.columns, at);
        COMPARE_AT(a.referencedSchema, e.referencedSchema, at);
        COMPARE_AT(a.referencedTable, e.referencedTable, at);
        COMPARE_AT(a.referencedColumns, e.referencedColumns, at);
        COMPARE_AT(a.onDelete, e.onDelete, at);
        COMPARE_AT(a.onUpdate, e.onUpdate, at);
    }
}

} // namespace

// A server row cannot run: fail in CI (JUNCTION_REQUIRE_SERVERS=1), skip elsewhere.
#define REQUIRE_SERVER(engine, spec)                                                               \
    const std::optional<ConnectionSpec> spec = serverSpec(engine);                                 \
    if (!spec) {                                                                                   \
        const QString message                                                                      \
            = engineName(engine) + u" test server not configured: run scripts/test.sh"_s;          \
        if (serversRequired())                                                                     \
            QFAIL(qPrintable(message));                                                            \
        QSKIP(qPrintable(message));                                                                \
    }

class tst_Catalog : public QObject
{
    Q_OBJECT

private slots:
    void readsSchema_data();
    void readsSchema();
    void hostileSchemaName_data();
    void hostileSchemaName();
    void sqliteSchemaArgument();
    void wrongPassword_data();
    void wrongPassword();
    void unreachablePort_data();
    void unreachablePort();
    void silentServerTimesOut_data();
    void silentServerTimesOut();
    void missingDatabase_data();
    void missingDatabase();
    void sqliteMustExist();
    void connectionLifetime();
    void sqliteForeignKeysOn();

private:
    void addEngineRows(bool withSqlite);
};

void tst_Catalog::addEngineRows(bool withSqlite)
{
    QTest::addColumn<Engine>("engine");
    if (withSqlite)
        QTest::newRow("sqlite") << Engine::Sqlite;
    QTest::newRow("postgres") << Engine::Postgres;
    QTest::newRow("mysql") << Engine::MySql;
}

void tst_Catalog::readsSchema_data()
{
    addEngineRows(true);
}

void tst_Catalog::readsSchema()
{
    QFETCH(Engine, engine);
    ConnectionSpec spec;
    if (engine != Engine::Sqlite) {
        REQUIRE_SERVER(engine, serverSpecification);
        spec = *serverSpecification;
    }

    Scratch scratch;
    QString error;
    QVERIFY2(scratch.setUp(engine, spec, &error), qPrintable(error));
    for (const QString &statement : ddlStatements(engine))
        QVERIFY2(exec(scratch.ddl(), statement, &error), qPrintable(error));

    QString searchPathBefore;
    if (engine == Engine::Postgres) {
        // The reader must not depend on the caller's search_path, nor change it.
        QVERIFY2(exec(scratch.reader(), u"SET search_path TO public"_s, &error), qPrintable(error));
        QSqlQuery show(scratch.reader().database());
        QVERIFY2(show.exec(u"SHOW search_path"_s) && show.next(),
                 qPrintable(show.lastError().text()));
        searchPathBefore = show.value(0).toString();
    }

    const LiveSchema live = CatalogReader::read(scratch.reader(), scratch.schema(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const LiveSchema expected
        = expectedSchema(engine, engine == Engine::Sqlite ? u"main"_s : scratch.schema());

    QCOMPARE(live.schema, expected.schema);
    QStringList actualNames, expectedNames;
    for (const LiveTable &table : live.tables)
        actualNames.append(table.name);
    for (const LiveTable &table : expected.tables)
        expectedNames.append(table.name);
    QCOMPARE(actualNames, expectedNames);
    for (qsizetype i = 0; i < expected.tables.size(); ++i) {
        compareTable(live.tables.at(i), expected.tables.at(i));
        if (QTest::currentTestFailed())
            return;
    }
    QCOMPARE(live.enums, expected.enums);
    // Belt and braces: the field-by-field comparison above covers operator== too.
    QVERIFY(live == expected);

    if (engine == Engine::Postgres) {
        QSqlQuery show(scratch.reader().database());
        QVERIFY2(show.exec(u"SHOW search_path"_s) && show.next(),
                 qPrintable(show.lastError().text()));
        QCOMPARE(show.value(0).toString(), searchPathBefore);

        // The default schema is current_schema(): the scratch schema once it is first.
        QVERIFY2(
            exec(scratch.reader(), u"SET search_path TO %1"_s.arg(scratch.quotedSchema()), &error),
            qPrintable(error));
        const LiveSchema byDefault = CatalogReader::read(scratch.reader(), {}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(byDefault == expected);
    }
}

void tst_Catalog::hostileSchemaName_data()
{
    addEngineRows(false);
}

void tst_Catalog::hostileSchemaName()
{
    // The schema (MariaDB: database) name itself reaches the server only as a parameter.
    QFETCH(Engine, engine);
    REQUIRE_SERVER(engine, spec);
    Scratch scratch;
    QString error;
    QVERIFY2(scratch.setUp(engine, *spec, &error, u"\"`'; --x 用"_s), qPrintable(error));
    QVERIFY2(exec(scratch.ddl(), u"CREATE TABLE t (id integer PRIMARY KEY)"_s, &error),
             qPrintable(error));

    const LiveSchema live = CatalogReader::read(scratch.reader(), scratch.schema(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(live.schema, scratch.schema());
    QCOMPARE(live.tables.size(), 1);
    QCOMPARE(live.tables.first().name, u"t"_s);
    QCOMPARE(live.tables.first().primaryKey, QStringList {u"id"_s});
}

void tst_Catalog::sqliteSchemaArgument()
{
    ConnectionSpec spec;
    spec.database = u":memory:"_s;
    ConnectionError openError;
    const auto connection = Connection::open(spec, &openError);
    QVERIFY2(connection, qPrintable(openError.message));
    QString error;
    QVERIFY2(exec(*connection, u"CREATE TEMP TABLE scratch (id integer PRIMARY KEY)"_s, &error),
             qPrintable(error));
    QVERIFY2(exec(*connection, u"CREATE TABLE kept (id integer PRIMARY KEY)"_s, &error),
             qPrintable(error));

    const LiveSchema temp = CatalogReader::read(*connection, u"temp"_s, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(temp.tables.size(), 1);
    QCOMPARE(temp.tables.first().name, u"scratch"_s);
    QCOMPARE(temp.tables.first().primaryKey, QStringList {u"id"_s});

    const LiveSchema main = CatalogReader::read(*connection, {}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(main.schema, u"main"_s);
    QCOMPARE(main.tables.size(), 1);
    QCOMPARE(main.tables.first().name, u"kept"_s);

    // Attached schemas would need their name in the statement text: refused.
    const LiveSchema other
        = CatalogReader::read(*connection, u"x\"; DROP TABLE kept; --"_s, &error);
    QVERIFY(!error.isEmpty());
    QVERIFY(other.tables.isEmpty());
}

void tst_Catalog::wrongPassword_data()
{
    addEngineRows(false);
}

void tst_Catalog::wrongPassword()
{
    QFETCH(Engine, engine);
    REQUIRE_SERVER(engine, spec);
    ConnectionSpec wrong = *spec;
    wrong.password = u"not-the-password"_s;

    QElapsedTimer timer;
    timer.start();
    ConnectionError error;
    const auto connection = Connection::open(wrong, &error);
    QVERIFY(!connection);
    QCOMPARE(error.kind, ConnectionError::Kind::AuthenticationFailed);
    QVERIFY2(error.message.contains(wrong.user), qPrintable(error.message));
    QVERIFY2(timer.elapsed() < (wrong.connectTimeoutSeconds + 2) * 1000,
             qPrintable(QString::number(timer.elapsed())));

    // And the right password works, so the failure above was about the password.
    QVERIFY2(Connection::open(*spec, &error), qPrintable(error.message));
}

void tst_Catalog::unreachablePort_data()
{
    addEngineRows(false);
}

void tst_Catalog::unreachablePort()
{
    // Needs the Qt driver but no server: nothing listens on the port by construction.
    QFETCH(Engine, engine);
    ConnectionSpec spec;
    spec.engine = engine;
    spec.host = u"127.0.0.1"_s;
    spec.port = closedPort();
    QVERIFY(spec.port > 0);
    spec.user = u"junction"_s;
    spec.password = u"junction-test"_s;
    spec.database = u"junction_test"_s;
    spec.connectTimeoutSeconds = 3;

    QElapsedTimer timer;
    timer.start();
    ConnectionError error;
    const auto connection = Connection::open(spec, &error);
    QVERIFY(!connection);
    QCOMPARE(error.kind, ConnectionError::Kind::Unreachable);
    QVERIFY2(error.message.contains(QString::number(spec.port)), qPrintable(error.message));
    QVERIFY2(timer.elapsed() < (spec.connectTimeoutSeconds + 2) * 1000,
             qPrintable(QString::number(timer.elapsed())));
}

void tst_Catalog::silentServerTimesOut_data()
{
    addEngineRows(false);
}

void tst_Catalog::silentServerTimesOut()
{
    QFETCH(Engine, engine);
    SilentServer server;
    QVERIFY(server.port() > 0);
    ConnectionSpec spec;
    spec.engine = engine;
    spec.host = u"127.0.0.1"_s;
    spec.port = server.port();
    spec.user = u"junction"_s;
    spec.password = u"junction-test"_s;
    spec.database = u"junction_test"_s;
    spec.connectTimeoutSeconds = 2;

    QElapsedTimer timer;
    timer.start();
    ConnectionError error;
    QVERIFY(!Connection::open(spec, &error));
    QCOMPARE(error.kind, ConnectionError::Kind::Unreachable);
    QVERIFY2(timer.elapsed() >= 1500, qPrintable(QString::number(timer.elapsed())));
    QVERIFY2(timer.elapsed() < (spec.connectTimeoutSeconds + 2) * 1000,
             qPrintable(QString::number(timer.elapsed())));
}

void tst_Catalog::missingDatabase_data()
{
    addEngineRows(false);
}

void tst_Catalog::missingDatabase()
{
    QFETCH(Engine, engine);
    REQUIRE_SERVER(engine, spec);
    ConnectionSpec missing = *spec;
    // Inside the junction_% names the MariaDB test user has rights on, so that MariaDB
    // says "unknown database" rather than "access denied".
    missing.database = u"junction_missing_"_s + randomSuffix();
    ConnectionError error;
    QVERIFY(!Connection::open(missing, &error));
    QCOMPARE(error.kind, ConnectionError::Kind::DatabaseMissing);
    QVERIFY2(error.message.contains(missing.database), qPrintable(error.message));
}

void tst_Catalog::sqliteMustExist()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ConnectionSpec spec;
    spec.database = dir.filePath(u"absent.db"_s);
    spec.mustExist = true;

    ConnectionError error;
    QVERIFY(!Connection::open(spec, &error));
    QCOMPARE(error.kind, ConnectionError::Kind::FileMissing);
    QVERIFY2(error.message.contains(spec.database), qPrintable(error.message));
    QVERIFY(!QFile::exists(spec.database));

    // Without the option SQLite creates it, as usual.
    spec.mustExist = false;
    QVERIFY2(Connection::open(spec, &error), qPrintable(error.message));
    QVERIFY(QFile::exists(spec.database));

    spec.mustExist = true;
    QVERIFY2(Connection::open(spec, &error), qPrintable(error.message));
}

void tst_Catalog::connectionLifetime()
{
    ConnectionSpec spec;
    spec.database = u":memory:"_s;
    ConnectionError error;
    auto first = Connection::open(spec, &error);
    QVERIFY2(first, qPrintable(error.message));
    auto second = Connection::open(spec, &error);
    QVERIFY2(second, qPrintable(error.message));

    const QString name = first->name();
    QVERIFY(!name.isEmpty());
    QVERIFY(name != second->name());
    QVERIFY(QSqlDatabase::contains(name));
    QVERIFY(!QSqlDatabase::connectionNames().contains(
        QString::fromLatin1(QSqlDatabase::defaultConnection)));
    QCOMPARE(first->engine(), Engine::Sqlite);
    QVERIFY(first->database().isOpen());

    // Moving hands the connection over; only the last owner removes it.
    Connection moved = std::move(*first);
    QCOMPARE(moved.name(), name);
    QVERIFY(first->name().isEmpty());
    first.reset();
    QVERIFY(QSqlDatabase::contains(name));
    QVERIFY(moved.database().isOpen());

    const QString secondName = second->name();
    moved = std::move(*second);
    QVERIFY(!QSqlDatabase::contains(name));
    QCOMPARE(moved.name(), secondName);
    second.reset();
    QVERIFY(QSqlDatabase::contains(secondName));
}

void tst_Catalog::sqliteForeignKeysOn()
{
    ConnectionSpec spec;
    spec.database = u":memory:"_s;
    ConnectionError error;
    const auto connection = Connection::open(spec, &error);
    QVERIFY2(connection, qPrintable(error.message));
    QSqlQuery query(connection->database());
    QVERIFY2(query.exec(u"PRAGMA foreign_keys"_s) && query.next(),
             qPrintable(query.lastError().text()));
    QCOMPARE(query.value(0).toInt(), 1);
}

QTEST_GUILESS_MAIN(tst_Catalog)
#include "tst_catalog.moc"
