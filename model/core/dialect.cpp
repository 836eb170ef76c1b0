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

namespace {

// Copies `text`, doubling every `quote` in it, to `to`; returns the end. Room for twice the
// text must be there. One pass: counting the quotes first and then copying read each
// identifier twice, and quoting was a third of the DDL of a 10,000-table schema.
char16_t *copyDoubling(char16_t *to, QStringView text, char16_t quote)
{
    const char16_t *from = text.utf16();
    const char16_t *const end = from + text.size();
    for (; from != end; ++from) {
        if (*from == quote)
            *to++ = quote;
        *to++ = *from;
    }
    return to;
}

} // namespace

void Dialect::appendQuoted(QString &out, QStringView identifier) const
{
    const char16_t q = m_kind == Kind::MySql ? u'`' : u'"';
    char16_t *to = TextAppend::room(out, 2 * identifier.size() + 2);
    *to++ = q;
    to = copyDoubling(to, identifier, q);
    *to++ = q;
    TextAppend::setEnd(out, to);
}

QString Dialect::quoteString(const QString &text) const
{
    QString out;
    out.reserve(text.size() + 2);
    appendQuotedString(out, text);
    return out;
}

void Dialect::appendQuotedString(QString &out, QStringView text) const
{
    const qsizetype n = text.size();
    char16_t *to = TextAppend::room(out, 2 * n + 2);
    *to++ = u'\'';
    if (m_kind == Kind::MySql) {
        const char16_t *from = text.utf16();
        for (qsizetype i = 0; i < n; ++i) {
            if (from[i] == u'\'' || from[i] == u'\\')
                *to++ = from[i]; // doubled ('' and, in MySQL, \\)
            *to++ = from[i];
        }
    } else {
        to = copyDoubling(to, text, u'\'');
    }
    *to++ = u'\'';
    TextAppend::setEnd(out, to);
}

QString Dialect::enumTypeName(const QString &table, const QString &column) const
{
    return generatedName(QStringLiteral("enum_") + table + QLatin1Char('_') + column);
}

void Dialect::appendQuotedEnumTypeName(QString &out, QStringView table, QStringView column) const
{
    appendQuotedGeneratedName(out, {u"enum_", table, u"_", column});
}

void Dialect::appendQuotedGeneratedName(QString &out, QStringView name, QStringView suffix) const
{
    appendQuotedGeneratedName(out, {name, suffix});
}

// Most generated names are decided by their length alone and written straight from their
// parts, with no joined temporary (joining "enum_<table>_<column>" was a tenth of the
// PostgreSQL DDL of a 10,000-table schema). An ASCII name is as long as its UTF-16 units in
// every dialect, so while the parts are copied their units are OR-ed together: only a
// PostgreSQL name of more than 21 units with a non-ASCII character in it, or a name of more
// units than the limit, is taken back, joined and measured as generatedName() does.
void Dialect::appendQuotedGeneratedName(QString &out, std::initializer_list<QStringView> parts) const
{
    qsizetype units = 0;
    for (QStringView part : parts)
        units += part.size();
    const int limit = maxIdentifierLength();
    if (limit == 0 || units <= limit) {
        const qsizetype at = out.size();
        const char16_t q = m_kind == Kind::MySql ? u'`' : u'"';
        char16_t *to = TextAppend::room(out, 2 * units + 2);
        *to++ = q;
        char16_t seen = 0;
        for (QStringView part : parts) {
            for (const char16_t c : std::u16string_view(part.utf16(), size_t(part.size()))) {
                seen |= c;
                if (c == q)
                    *to++ = q;
                *to++ = c;
            }
        }
        *to++ = q;
        TextAppend::setEnd(out, to);
        // MySQL counts characters (never more than units); PostgreSQL counts UTF-8 bytes.
        if (limit == 0 || m_kind != Kind::Postgres || units * 3 <= limit || seen < 0x80)
            return;
        out.truncate(at);
    }
    QString joined;
    joined.reserve(units);
    for (QStringView part : parts)
        joined.append(part);
    appendQuoted(out, generatedName(joined));
}

QString Dialect::columnType(const DataType &type, const QString &table,
                            const QString &column) const
{
    QString out;
    appendColumnType(out, type, table, column);
    return out;
}

void Dialect::appendColumnType(QString &out, const DataType &type, const QString &table,
                               const QString &column) const
{
    using K = DataType::Kind;
    using TextAppend::append;
    using TextAppend::appendNumber;
    const bool pg = m_kind == Kind::Postgres;
    const bool my = m_kind == Kind::MySql;
    switch (type.kind) {
    case K::Invalid: append(out, u"INVALID"); return;
    case K::String:
        append(out, u"VARCHAR(");
        appendNumber(out, type.length <= 0 ? 255 : type.length);
        append(out, u')');
        return;
    case K::Char:
        append(out, u"CHAR(");
        appendNumber(out, type.length > 0 ? type.length : 255);
        append(out, u')');
        return;
    case K::Text: append(out, u"TEXT"); return;
    case K::Integer: append(out, u"INTEGER"); return;
    case K::BigInt: append(out, u"BIGINT"); return;
    case K::SmallInt: append(out, u"SMALLINT"); return;
    case K::Float: append(out, u"FLOAT"); return;
    case K::Real: append(out, u"REAL"); return;
    case K::Double: append(out, u"DOUBLE PRECISION"); return;
    case K::Decimal:
        append(out, u"DECIMAL");
        if (type.precision < 0)
            return;
        append(out, u'(');
        appendNumber(out, type.precision);
        if (type.scale >= 0) {
            append(out, u',');
            appendNumber(out, type.scale);
        }
        append(out, u')');
        return;
    case K::Boolean: pg ? append(out, u"BOOLEAN") : append(out, u"TINYINT(1)"); return;
    case K::Date:
        pg ? append(out, u"TIMESTAMP WITH TIME ZONE") : append(out, u"DATETIME");
        return;
    case K::DateOnly: append(out, u"DATE"); return;
    case K::Time: append(out, u"TIME"); return;
    case K::Uuid: my ? append(out, u"CHAR(36) BINARY") : append(out, u"UUID"); return;
    case K::Json: append(out, u"JSON"); return;
    case K::Jsonb: pg ? append(out, u"JSONB") : append(out, u"JSON"); return;
    case K::Blob: pg ? append(out, u"BYTEA") : append(out, u"BLOB"); return;
    case K::Enum:
        if (pg) {
            appendQuotedEnumTypeName(out, table, column);
        } else if (m_kind == Kind::Sqlite) {
            append(out, u"TEXT");
        } else {
            append(out, u"ENUM(");
            for (qsizetype i = 0; i < type.enumValues.size(); ++i) {
                if (i > 0)
                    append(out, u", ");
                appendQuotedString(out, type.enumValues.at(i));
            }
            append(out, u')');
        }
        return;
    }
}

QString Dialect::defaultLiteral(const DefaultValue &value, const DataType &type) const
{
    QString out;
    appendDefaultLiteral(out, value, type);
    return out;
}

bool Dialect::appendDefaultLiteral(QString &out, const DefaultValue &value,
                                   const DataType &type) const
{
    using TextAppend::append;
    switch (value.kind) {
    case DefaultValue::Kind::None:
    case DefaultValue::Kind::Function: return false;
    case DefaultValue::Kind::Null: append(out, u"NULL"); return true;
    case DefaultValue::Kind::Sql: append(out, value.text); return !value.text.isEmpty();
    case DefaultValue::Kind::Boolean:
        if (m_kind == Kind::Postgres)
            value.boolean ? append(out, u"true") : append(out, u"false");
        else
            value.boolean ? append(out, u'1') : append(out, u'0');
        return true;
    case DefaultValue::Kind::Number:
        if (type.kind == DataType::Kind::Boolean && m_kind == Kind::Postgres)
            value.number != 0 ? append(out, u"true") : append(out, u"false");
        else
            append(out, numberLiteral(value.number));
        return true;
    case DefaultValue::Kind::String: appendQuotedString(out, value.text); return true;
    }
    return false;
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

int Dialect::identifierLength(QStringView identifier) const
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

bool Dialect::fitsIdentifier(QStringView identifier) const
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
