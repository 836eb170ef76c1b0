// SPDX-License-Identifier: MIT
#include "dialect.h"

#include "textappend.h"

#include <QCryptographicHash>
#include <algorithm>
#include <string_view>
#include <vector>

/*
 * Type mapping (Sequelize v4's spelling per dialect, with Junction's SQLite enum CHECK):
 *
 *   format type     PostgreSQL                  MySQL/MariaDB        SQLite
 *   STRING(n)       VARCHAR(n), n = 255         VARCHAR(n)           VARCHAR(n)
 *   CHAR(n)         CHAR(n), n = 255            CHAR(n)              CHAR(n)
 *   TEXT            TEXT                        TEXT                 TEXT
 *   INTEGER         INTEGER (auto: SERIAL)      INTEGER              INTEGER
 *   BIGINT          BIGINT (auto: BIGSERIAL)    BIGINT               BIGINT (auto: INTEGER)
 *   SMALLINT        SMALLINT (auto: SMALLSERIAL) SMALLINT            SMALLINT
 *   FLOAT / REAL    FLOAT / REAL                FLOAT / REAL         FLOAT / REAL
 *   DOUBLE          DOUBLE PRECISION            DOUBLE PRECISION     DOUBLE PRECISION
 *   DECIMAL(p,s)    DECIMAL(p,s)                DECIMAL(p,s)         DECIMAL(p,s)
 *   BOOLEAN         BOOLEAN                     TINYINT(1)           TINYINT(1)
 *   DATE            TIMESTAMP WITH TIME ZONE    DATETIME             DATETIME
 *   DATEONLY        DATE                        DATE                 DATE
 *   TIME            TIME                        TIME                 TIME
 *   UUID            UUID                        CHAR(36) BINARY      UUID
 *   JSON / JSONB    JSON / JSONB                JSON / JSON          JSON / JSON
 *   BLOB            BYTEA                       BLOB                 BLOB
 *   ENUM('a','b')   "enum_<table>_<column>"     ENUM('a','b')        TEXT + CHECK (col IN (...))
 *
 * Identifiers are always quoted: "x" (PostgreSQL, SQLite) or `x` (MySQL), with the quote
 * character doubled inside. Limits: PostgreSQL 63 bytes, MySQL 64 characters, SQLite none.
 * String literals double the single quote; MySQL also doubles backslashes, which it treats
 * as escapes by default. Booleans are true/false in PostgreSQL and 1/0 elsewhere.
 */

namespace Junction {

namespace {

// Words each engine refuses as a bare identifier (Junction always quotes, so these only
// warn: hand-written SQL against the schema would need quotes).
const char *const sqlWords[] = {
    "ALL", "ALTER", "AND", "ANY", "AS", "ASC", "BETWEEN", "BY", "CASE", "CHECK", "COLUMN",
    "CONSTRAINT", "CREATE", "CROSS", "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP",
    "DEFAULT", "DELETE", "DESC", "DISTINCT", "DROP", "ELSE", "EXISTS", "FALSE", "FOR",
    "FOREIGN", "FROM", "GROUP", "HAVING", "IN", "INDEX", "INNER", "INSERT", "INTO", "IS",
    "JOIN", "KEY", "LEFT", "LIKE", "LIMIT", "NOT", "NULL", "ON", "OR", "ORDER", "OUTER",
    "PRIMARY", "REFERENCES", "RIGHT", "SELECT", "SET", "TABLE", "THEN", "TO", "TRUE", "UNION",
    "UNIQUE", "UPDATE", "USING", "VALUES", "WHEN", "WHERE", "WITH",
};
const char *const postgresWords[] = {
    "ANALYSE", "ANALYZE", "ARRAY", "ASYMMETRIC", "BOTH", "CAST", "COLLATE", "CURRENT_CATALOG",
    "CURRENT_ROLE", "CURRENT_USER", "DEFERRABLE", "DO", "END", "EXCEPT", "FETCH", "GRANT",
    "INITIALLY", "INTERSECT", "LATERAL", "LEADING", "LOCALTIME", "LOCALTIMESTAMP", "OFFSET",
    "ONLY", "PLACING", "RETURNING", "SESSION_USER", "SOME", "SYMMETRIC", "TRAILING", "USER",
    "VARIADIC", "WINDOW",
};
const char *const mysqlWords[] = {
    "ACCESSIBLE", "ADD", "BEFORE", "BIGINT", "BLOB", "BOTH", "CALL", "CHANGE", "CHAR",
    "CHARACTER", "CONDITION", "CONVERT", "CURRENT_USER", "CURSOR", "DATABASE", "DATABASES",
    "DAY_HOUR", "DEC", "DECIMAL", "DECLARE", "DELAYED", "DESCRIBE", "DIV", "DOUBLE", "DUAL",
    "EACH", "ELSEIF", "ENCLOSED", "ESCAPED", "EXIT", "EXPLAIN", "FETCH", "FLOAT", "FORCE",
    "FULLTEXT", "GRANT", "IF", "IGNORE", "INFILE", "INOUT", "INT", "INTEGER", "INTERVAL",
    "ITERATE", "KEYS", "KILL", "LEADING", "LEAVE", "LINES", "LOAD", "LOCK", "LONG", "LOOP",
    "MATCH", "MOD", "MODIFIES", "NATURAL", "OPTIMIZE", "OPTION", "OUT", "PRECISION",
    "PROCEDURE", "PURGE", "RANGE", "READ", "REAL", "REGEXP", "RELEASE", "RENAME", "REPEAT",
    "REPLACE", "REQUIRE", "RESTRICT", "RETURN", "REVOKE", "RLIKE", "SCHEMA", "SEPARATOR",
    "SHOW", "SMALLINT", "SPATIAL", "SQL", "STARTING", "TERMINATED", "TINYINT", "TRAILING",
    "TRIGGER", "UNDO", "UNLOCK", "UNSIGNED", "USAGE", "USE", "VARCHAR", "WHILE", "WRITE",
    "XOR", "ZEROFILL",
};
const char *const sqliteWords[] = {
    "ABORT", "ACTION", "ADD", "AFTER", "ANALYZE", "ATTACH", "AUTOINCREMENT", "BEFORE", "BEGIN",
    "CASCADE", "COLLATE", "COMMIT", "CONFLICT", "DATABASE", "DEFERRABLE", "DETACH", "EACH",
    "END", "ESCAPE", "EXCEPT", "EXCLUSIVE", "EXPLAIN", "FAIL", "GLOB", "IF", "IGNORE",
    "IMMEDIATE", "INDEXED", "INITIALLY", "INSTEAD", "INTERSECT", "ISNULL", "NOTNULL",
    "OFFSET", "PLAN", "PRAGMA", "QUERY", "RAISE", "RECURSIVE", "REGEXP", "REINDEX", "RELEASE",
    "RENAME", "REPLACE", "RESTRICT", "ROLLBACK", "ROW", "SAVEPOINT", "TEMP", "TEMPORARY",
    "TRANSACTION", "TRIGGER", "VACUUM", "VIEW", "VIRTUAL",
};

template<size_t N>
void insertWords(std::vector<std::string_view> &list, const char *const (&words)[N])
{
    for (const char *w : words)
        list.emplace_back(w);
}

// Sorted, for a binary search that needs no allocation.
std::vector<std::string_view> reservedWords(Dialect::Kind kind)
{
    std::vector<std::string_view> list;
    insertWords(list, sqlWords);
    switch (kind) {
    case Dialect::Kind::Postgres: insertWords(list, postgresWords); break;
    case Dialect::Kind::MySql: insertWords(list, mysqlWords); break;
    case Dialect::Kind::Sqlite: insertWords(list, sqliteWords); break;
    }
    std::sort(list.begin(), list.end());
    return list;
}

QString numberLiteral(double value)
{
    if (value == double(qint64(value)) && qAbs(value) < 9007199254740992.0)
        return QString::number(qint64(value));
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

} // namespace

const Dialect &Dialect::get(Kind kind)
{
    static const Dialect sqlite(Kind::Sqlite);
    static const Dialect postgres(Kind::Postgres);
    static const Dialect mysql(Kind::MySql);
    switch (kind) {
    case Kind::Sqlite: return sqlite;
    case Kind::Postgres: return postgres;
    case Kind::MySql: return mysql;
    }
    return sqlite;
}

std::optional<Dialect::Kind> Dialect::kindFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("sqlite") || n == QLatin1String("sqlite3"))
        return Kind::Sqlite;
    if (n == QLatin1String("postgres") || n == QLatin1String("postgresql")
        || n == QLatin1String("pg"))
        return Kind::Postgres;
    if (n == QLatin1String("mysql") || n == QLatin1String("mariadb"))
        return Kind::MySql;
    return std::nullopt;
}

QString Dialect::name() const
{
    switch (m_kind) {
    case Kind::Sqlite: return QStringLiteral("sqlite");
    case Kind::Postgres: return QStringLiteral("postgres");
    case Kind::MySql: return QStringLiteral("mysql");
    }
    return {};
}

QString Dialect::displayName() const
{
    switch (m_kind) {
    case Kind::Sqlite: return QStringLiteral("SQLite");
    case Kind::Postgres: return QStringLiteral("PostgreSQL");
    case Kind::MySql: return QStringLiteral("MySQL/MariaDB");
    }
    return {};
}

QString Dialect::quote(const QString &identifier) const
{
    QString out;
    out.reserve(identifier.size() + 2);
    appendQuoted(out, identifier);
    return out;
}

// Both write the finished text in one go: `out += c` is a library call per character, and
// quoting was a third of the DDL of a 10,000-table schema.
void Dialect::appendQuoted(QString &out, const QString &identifier) const
{
    const char16_t q = m_kind == Kind::MySql ? u'`' : u'"';
    const char16_t *from = reinterpret_cast<const char16_t *>(identifier.constData());
    const qsizetype n = identifier.size();
    qsizetype quotes = 0;
    for (qsizetype i = 0; i < n; ++i)
        quotes += from[i] == q ? 1 : 0;
    if (quotes == 0) {
        TextAppend::append(out, q);
        TextAppend::append(out, from, n);
        TextAppend::append(out, q);
        return;
    }
    const qsizetype at = out.size();
    out.resize(at + n + quotes + 2);
    char16_t *to = reinterpret_cast<char16_t *>(out.data()) + at;
    *to++ = q;
    for (qsizetype i = 0; i < n; ++i) {
        if (from[i] == q)
            *to++ = q; // doubled
        *to++ = from[i];
    }
    *to = q;
}

QString Dialect::quoteString(const QString &text) const
{
    const bool mysql = m_kind == Kind::MySql;
    const char16_t *from = reinterpret_cast<const char16_t *>(text.constData());
    const qsizetype n = text.size();
    qsizetype doubled = 0;
    for (qsizetype i = 0; i < n; ++i)
        doubled += from[i] == u'\'' || (mysql && from[i] == u'\\') ? 1 : 0;
    QString out(n + doubled + 2, Qt::Uninitialized);
    char16_t *to = reinterpret_cast<char16_t *>(out.data());
    *to++ = u'\'';
    for (qsizetype i = 0; i < n; ++i) {
        if (from[i] == u'\'' || (mysql && from[i] == u'\\'))
            *to++ = from[i]; // doubled ('' and, in MySQL, \\)
        *to++ = from[i];
    }
    *to = u'\'';
    return out;
}

QString Dialect::enumTypeName(const QString &table, const QString &column) const
{
    return generatedName(QStringLiteral("enum_") + table + QLatin1Char('_') + column);
}

QString Dialect::columnType(const DataType &type, const QString &table,
                            const QString &column) const
{
    using K = DataType::Kind;
    const bool pg = m_kind == Kind::Postgres;
    const bool my = m_kind == Kind::MySql;
    switch (type.kind) {
    case K::Invalid: return QStringLiteral("INVALID");
    case K::String:
        if (type.length <= 0)
            return QStringLiteral("VARCHAR(255)");
        return QLatin1String("VARCHAR(") + QString::number(type.length) + QLatin1Char(')');
    case K::Char:
        return QLatin1String("CHAR(") + QString::number(type.length > 0 ? type.length : 255)
               + QLatin1Char(')');
    case K::Text: return QStringLiteral("TEXT");
    case K::Integer: return QStringLiteral("INTEGER");
    case K::BigInt: return QStringLiteral("BIGINT");
    case K::SmallInt: return QStringLiteral("SMALLINT");
    case K::Float: return QStringLiteral("FLOAT");
    case K::Real: return QStringLiteral("REAL");
    case K::Double: return QStringLiteral("DOUBLE PRECISION");
    case K::Decimal:
        if (type.precision < 0)
            return QStringLiteral("DECIMAL");
        if (type.scale < 0)
            return QLatin1String("DECIMAL(") + QString::number(type.precision) + QLatin1Char(')');
        return QLatin1String("DECIMAL(") + QString::number(type.precision) + QLatin1Char(',')
               + QString::number(type.scale) + QLatin1Char(')');
    case K::Boolean: return pg ? QStringLiteral("BOOLEAN") : QStringLiteral("TINYINT(1)");
    case K::Date:
        return pg ? QStringLiteral("TIMESTAMP WITH TIME ZONE") : QStringLiteral("DATETIME");
    case K::DateOnly: return QStringLiteral("DATE");
    case K::Time: return QStringLiteral("TIME");
    case K::Uuid: return my ? QStringLiteral("CHAR(36) BINARY") : QStringLiteral("UUID");
    case K::Json: return QStringLiteral("JSON");
    case K::Jsonb: return pg ? QStringLiteral("JSONB") : QStringLiteral("JSON");
    case K::Blob: return pg ? QStringLiteral("BYTEA") : QStringLiteral("BLOB");
    case K::Enum: {
        if (pg)
            return quote(enumTypeName(table, column));
        if (m_kind == Kind::Sqlite)
            return QStringLiteral("TEXT");
        QStringList values;
        for (const QString &v : type.enumValues)
            values << quoteString(v);
        return QStringLiteral("ENUM(") + values.join(QStringLiteral(", ")) + QLatin1Char(')');
    }
    }
    return {};
}

QString Dialect::defaultLiteral(const DefaultValue &value, const DataType &type) const
{
    switch (value.kind) {
    case DefaultValue::Kind::None:
    case DefaultValue::Kind::Function: return {};
    case DefaultValue::Kind::Null: return QStringLiteral("NULL");
    case DefaultValue::Kind::Sql: return value.text;
    case DefaultValue::Kind::Boolean:
        if (m_kind == Kind::Postgres)
            return value.boolean ? QStringLiteral("true") : QStringLiteral("false");
        return value.boolean ? QStringLiteral("1") : QStringLiteral("0");
    case DefaultValue::Kind::Number:
        if (type.kind == DataType::Kind::Boolean && m_kind == Kind::Postgres)
            return value.number != 0 ? QStringLiteral("true") : QStringLiteral("false");
        return numberLiteral(value.number);
    case DefaultValue::Kind::String: return quoteString(value.text);
    }
    return {};
}

int Dialect::maxIdentifierLength() const
{
    switch (m_kind) {
    case Kind::Postgres: return 63;
    case Kind::MySql: return 64;
    case Kind::Sqlite: return 0;
    }
    return 0;
}

QString Dialect::limitDescription() const
{
    switch (m_kind) {
    case Kind::Postgres: return QStringLiteral("63 bytes");
    case Kind::MySql: return QStringLiteral("64 characters");
    case Kind::Sqlite: return QStringLiteral("no limit");
    }
    return {};
}

int Dialect::identifierLength(const QString &identifier) const
{
    bool ascii = true;
    for (const QChar c : identifier)
        ascii = ascii && c.unicode() < 0x80;
    if (ascii)
        return int(identifier.size()); // bytes = characters = UTF-16 units
    if (m_kind == Kind::Postgres)
        return int(identifier.toUtf8().size());
    return int(identifier.toUcs4().size());
}

bool Dialect::fitsIdentifier(const QString &identifier) const
{
    const int limit = maxIdentifierLength();
    if (limit == 0)
        return true;
    // A UTF-16 unit is at most 3 UTF-8 bytes and at least part of one character: most names
    // are decided without converting them.
    const qsizetype units = identifier.size();
    if (m_kind == Kind::Postgres ? units * 3 <= limit : units <= limit)
        return true;
    return identifierLength(identifier) <= limit;
}

QString Dialect::generatedName(const QString &name) const
{
    if (fitsIdentifier(name))
        return name;
    const QString hash = QString::fromLatin1(
        QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Sha1).toHex().left(8));
    const int room = maxIdentifierLength() - 9; // "_" + 8 hex digits
    QString prefix;
    for (const uint codePoint : name.toUcs4()) {
        const QString next = prefix + QString::fromUcs4(reinterpret_cast<const char32_t *>(&codePoint), 1);
        if (identifierLength(next) > room)
            break;
        prefix = next;
    }
    return prefix + QLatin1Char('_') + hash;
}

namespace {
constexpr qsizetype longestReservedWord = 17; // CURRENT_TIMESTAMP
}

bool Dialect::mayBeReserved(const QString &word)
{
    if (word.isEmpty() || word.size() > longestReservedWord)
        return false;
    for (const QChar c : word) {
        const char16_t u = c.unicode();
        if (!((u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || u == u'_'))
            return false;
    }
    return true;
}

bool Dialect::isReserved(const QString &word) const
{
    // Reserved words are short ASCII letters and underscores: anything else is decided
    // without a lookup, and the lookup upper-cases into a stack buffer.
    static const std::vector<std::string_view> lists[] = {reservedWords(Kind::Sqlite),
                                                          reservedWords(Kind::Postgres),
                                                          reservedWords(Kind::MySql)};
    constexpr qsizetype longest = longestReservedWord;
    if (word.isEmpty() || word.size() > longest)
        return false;
    char upper[longest];
    for (qsizetype i = 0; i < word.size(); ++i) {
        const char16_t u = word.at(i).unicode();
        if (u >= u'a' && u <= u'z')
            upper[i] = char(u - 32);
        else if ((u >= u'A' && u <= u'Z') || u == u'_')
            upper[i] = char(u);
        else
            return false;
    }
    const std::vector<std::string_view> &list = lists[int(m_kind)];
    return std::binary_search(list.begin(), list.end(),
                              std::string_view(upper, size_t(word.size())));
}

} // namespace Junction
