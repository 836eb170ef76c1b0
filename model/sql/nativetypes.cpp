// SPDX-License-Identifier: MIT
#include "nativetypes.h"

#include <QRegularExpression>

// How the catalogs spell Junction's types
// =======================================
//
//   format type     PostgreSQL (format_type)       MariaDB (COLUMN_TYPE)   SQLite (as declared)
//   STRING(n)       character varying(n), n = 255  varchar(n)              VARCHAR(n)
//   CHAR(n)         character(n)                   char(n)                 CHAR(n)
//   TEXT            text                           text                    TEXT
//   INTEGER         integer                        int(11)                 INTEGER
//   BIGINT          bigint                         bigint(20)              BIGINT
//   SMALLINT        smallint                       smallint(6)             SMALLINT
//   FLOAT           double precision               float                   FLOAT
//   REAL            real                           double                  REAL
//   DOUBLE          double precision               double                  DOUBLE PRECISION
//   DECIMAL(p,s)    numeric(p,s)                   decimal(p,s)            DECIMAL(p,s)
//   BOOLEAN         boolean                        tinyint(1)              TINYINT(1)
//   DATE            timestamp with time zone       datetime                DATETIME
//   DATEONLY        date                           date                    DATE
//   TIME            time without time zone         time                    TIME
//   UUID            uuid                           char(36)                UUID
//   JSON / JSONB    json / jsonb                   longtext                JSON
//   BLOB            bytea                          blob                    BLOB
//   ENUM(...)       the enum type; by values       enum(...); by values    TEXT; by the CHECK's
//                                                                          values
// SQLite: a lone auto-increment integer key is "INTEGER PRIMARY KEY AUTOINCREMENT", so
// its type reads INTEGER whatever the design's integer type.
// Spellings compare case-insensitively; MySQL 8 leaves out integer display widths, so
// "int(11)" and "int" are the same (tinyint(1) keeps its width: it is the boolean).
//
// Reading a live type back (parse) is the same table the other way, plus the synonyms an
// engine may report for a database Junction did not create (varchar without a length is
// TEXT, timestamp without time zone is DATE, tinyint(n) is SMALLINT, mediumtext is TEXT).
// It only decides whether a type change widens (safe) or narrows (destructive).

namespace Junction {

namespace {

using K = DataType::Kind;

int stringLength(const DataType &t)
{
    return t.length > 0 ? t.length : 255;
}

struct Parsed
{
    QString name;
    QList<int> arguments;
};

// "character varying(40)" -> {"character varying", [40]}.
Parsed split(const QString &type)
{
    static const QRegularExpression pattern(
        QStringLiteral("^\\s*([a-z0-9_ ]+?)\\s*(?:\\(([0-9 ,]*)\\))?\\s*(binary|unsigned)?\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    Parsed p;
    const auto match = pattern.match(type);
    if (!match.hasMatch())
        return p;
    p.name = match.captured(1).toLower();
    const QStringList args = match.captured(2).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &a : args)
        p.arguments << a.trimmed().toInt();
    return p;
}

DataType make(K kind, int length = -1, int precision = -1, int scale = -1)
{
    DataType t;
    t.kind = kind;
    t.length = length;
    t.precision = precision;
    t.scale = scale;
    return t;
}

} // namespace

Dialect::Kind NativeTypes::dialectOf(ConnectionSpec::Engine engine)
{
    switch (engine) {
    case ConnectionSpec::Engine::Sqlite:
        return Dialect::Kind::Sqlite;
    case ConnectionSpec::Engine::Postgres:
        return Dialect::Kind::Postgres;
    case ConnectionSpec::Engine::MySql:
        return Dialect::Kind::MySql;
    }
    return Dialect::Kind::Sqlite;
}

bool NativeTypes::expectedAutoIncrement(Dialect::Kind dialect, const ResolvedTable &table,
                                        const ResolvedColumn &column)
{
    if (!column.autoIncrement)
        return false;
    if (dialect != Dialect::Kind::Sqlite)
        return true;
    return table.primaryKey.size() == 1 && table.primaryKey.first() == column.name
        && column.type.isInteger();
}

QString NativeTypes::expected(Dialect::Kind dialect, const ResolvedTable &table,
                              const ResolvedColumn &c)
{
    const DataType &t = c.type;
    if (t.kind == K::Enum || t.kind == K::Invalid)
        return {};
    if (dialect == Dialect::Kind::Sqlite) {
        if (expectedAutoIncrement(dialect, table, c))
            return QStringLiteral("INTEGER");
        return Dialect::get(dialect).columnType(t, table.name, c.name);
    }
    const bool pg = dialect == Dialect::Kind::Postgres;
    switch (t.kind) {
    case K::String:
        return (pg ? QStringLiteral("character varying(%1)") : QStringLiteral("varchar(%1)"))
            .arg(stringLength(t));
    case K::Char:
        return (pg ? QStringLiteral("character(%1)") : QStringLiteral("char(%1)"))
            .arg(stringLength(t));
    case K::Text:
        return QStringLiteral("text");
    case K::Integer:
        return pg ? QStringLiteral("integer") : QStringLiteral("int(11)");
    case K::BigInt:
        return pg ? QStringLiteral("bigint") : QStringLiteral("bigint(20)");
    case K::SmallInt:
        return pg ? QStringLiteral("smallint") : QStringLiteral("smallint(6)");
    case K::Float:
        return pg ? QStringLiteral("double precision") : QStringLiteral("float");
    case K::Real:
        return pg ? QStringLiteral("real") : QStringLiteral("double");
    case K::Double:
        return pg ? QStringLiteral("double precision") : QStringLiteral("double");
    case K::Decimal:
        if (t.precision < 0)
            return pg ? QStringLiteral("numeric") : QStringLiteral("decimal(10,0)");
        return (pg ? QStringLiteral("numeric(%1,%2)") : QStringLiteral("decimal(%1,%2)"))
            .arg(t.precision)
            .arg(qMax(t.scale, 0));
    case K::Boolean:
        return pg ? QStringLiteral("boolean") : QStringLiteral("tinyint(1)");
    case K::Date:
        return pg ? QStringLiteral("timestamp with time zone") : QStringLiteral("datetime");
    case K::DateOnly:
        return QStringLiteral("date");
    case K::Time:
        return pg ? QStringLiteral("time without time zone") : QStringLiteral("time");
    case K::Uuid:
        return pg ? QStringLiteral("uuid") : QStringLiteral("char(36)");
    case K::Json:
        return pg ? QStringLiteral("json") : QStringLiteral("longtext");
    case K::Jsonb:
        return pg ? QStringLiteral("jsonb") : QStringLiteral("longtext");
    case K::Blob:
        return pg ? QStringLiteral("bytea") : QStringLiteral("blob");
    case K::Enum:
    case K::Invalid:
        return {};
    }
    return {};
}

bool NativeTypes::same(Dialect::Kind dialect, const QString &expected, const QString &live)
{
    if (expected.compare(live, Qt::CaseInsensitive) == 0)
        return true;
    if (dialect != Dialect::Kind::MySql)
        return false;
    static const QRegularExpression width(
        QStringLiteral("^(int|bigint|smallint|mediumint)\\(\\d+\\)"),
        QRegularExpression::CaseInsensitiveOption);
    QString a = expected.toLower();
    QString b = live.toLower();
    a.replace(width, QStringLiteral("\\1"));
    b.replace(width, QStringLiteral("\\1"));
    return a == b;
}

DataType NativeTypes::parse(Dialect::Kind dialect, const QString &live,
                            const QStringList &enumValues)
{
    if (!enumValues.isEmpty()) {
        DataType t = make(K::Enum);
        t.enumValues = enumValues;
        return t;
    }
    const Parsed p = split(live);
    const QString &n = p.name;
    const int a0 = p.arguments.value(0, -1);
    const int a1 = p.arguments.value(1, -1);
    if (n == QLatin1String("character varying") || n == QLatin1String("varchar")
        || n == QLatin1String("nvarchar"))
        return a0 > 0 ? make(K::String, a0) : make(K::Text);
    if (n == QLatin1String("character") || n == QLatin1String("char")
        || n == QLatin1String("bpchar"))
        return make(K::Char, a0 > 0 ? a0 : 1);
    if (n == QLatin1String("text") || n == QLatin1String("tinytext")
        || n == QLatin1String("mediumtext") || n == QLatin1String("longtext")
        || n == QLatin1String("clob"))
        return make(K::Text);
    if (n == QLatin1String("integer") || n == QLatin1String("int") || n == QLatin1String("int4")
        || n == QLatin1String("mediumint"))
        return make(K::Integer);
    if (n == QLatin1String("bigint") || n == QLatin1String("int8"))
        return make(K::BigInt);
    if (n == QLatin1String("smallint") || n == QLatin1String("int2"))
        return make(K::SmallInt);
    if (n == QLatin1String("tinyint"))
        return a0 == 1 ? make(K::Boolean) : make(K::SmallInt);
    if (n == QLatin1String("boolean") || n == QLatin1String("bool"))
        return make(K::Boolean);
    if (n == QLatin1String("double precision") || n == QLatin1String("double")
        || n == QLatin1String("float8"))
        return make(K::Double);
    if (n == QLatin1String("float"))
        return make(dialect == Dialect::Kind::Postgres ? K::Double : K::Float);
    if (n == QLatin1String("real") || n == QLatin1String("float4"))
        return make(dialect == Dialect::Kind::MySql ? K::Double : K::Real);
    if (n == QLatin1String("numeric") || n == QLatin1String("decimal"))
        return make(K::Decimal, -1, a0, a1);
    if (n == QLatin1String("timestamp with time zone")
        || n == QLatin1String("timestamp without time zone") || n == QLatin1String("timestamp")
        || n == QLatin1String("datetime") || n == QLatin1String("timestamptz"))
        return make(K::Date);
    if (n == QLatin1String("date"))
        return make(K::DateOnly);
    if (n == QLatin1String("time without time zone") || n == QLatin1String("time"))
        return make(K::Time);
    if (n == QLatin1String("uuid"))
        return make(K::Uuid);
    if (n == QLatin1String("json"))
        return make(K::Json);
    if (n == QLatin1String("jsonb"))
        return make(K::Jsonb);
    if (n == QLatin1String("bytea") || n == QLatin1String("blob") || n == QLatin1String("longblob")
        || n == QLatin1String("mediumblob"))
        return make(K::Blob);
    return {};
}

bool NativeTypes::widens(const DataType &from, const DataType &to)
{
    if (!from.isValid() || !to.isValid())
        return false;
    if (from == to)
        return true;
    switch (to.kind) {
    case K::Text:
        return from.kind != K::Blob;
    case K::String: {
        const int n = stringLength(to);
        switch (from.kind) {
        case K::String:
        case K::Char:
            return stringLength(from) <= n;
        case K::Uuid:
            return n >= 36;
        case K::Enum:
            for (const QString &v : from.enumValues) {
                if (v.size() > n)
                    return false;
            }
            return true;
        default:
            return false;
        }
    }
    case K::Char:
        return from.kind == K::Char && stringLength(from) <= stringLength(to);
    case K::Integer:
        return from.kind == K::SmallInt;
    case K::BigInt:
        return from.kind == K::SmallInt || from.kind == K::Integer;
    case K::Double:
        return from.kind == K::Float || from.kind == K::Real || from.kind == K::SmallInt
            || from.kind == K::Integer;
    case K::Decimal:
        if (from.kind != K::Decimal)
            return false;
        if (to.precision < 0)
            return true;
        if (from.precision < 0)
            return false;
        return qMax(to.scale, 0) >= qMax(from.scale, 0)
            && to.precision - qMax(to.scale, 0) >= from.precision - qMax(from.scale, 0);
    case K::Enum:
        if (from.kind != K::Enum)
            return false;
        for (const QString &v : from.enumValues) {
            if (!to.enumValues.contains(v))
                return false;
        }
        return true;
    case K::Json:
    case K::Jsonb:
        return from.kind == K::Json || from.kind == K::Jsonb;
    case K::Date:
        return from.kind == K::DateOnly;
    default:
        return false;
    }
}

QString NativeTypes::zeroLiteral(const Dialect &dialect, const DataType &type)
{
    const bool pg = dialect.kind() == Dialect::Kind::Postgres;
    switch (type.kind) {
    case K::Integer:
    case K::BigInt:
    case K::SmallInt:
    case K::Float:
    case K::Real:
    case K::Double:
    case K::Decimal:
        return QStringLiteral("0");
    case K::Boolean:
        return pg ? QStringLiteral("false") : QStringLiteral("0");
    case K::Date:
        return pg ? QStringLiteral("'1970-01-01 00:00:00+00'")
                  : QStringLiteral("'1970-01-01 00:00:00'");
    case K::DateOnly:
        return QStringLiteral("'1970-01-01'");
    case K::Time:
        return QStringLiteral("'00:00:00'");
    case K::Uuid:
        return QStringLiteral("'00000000-0000-0000-0000-000000000000'");
    case K::Json:
    case K::Jsonb:
        return QStringLiteral("'{}'");
    case K::Blob:
        if (pg)
            return QStringLiteral("'\\x'");
        return dialect.kind() == Dialect::Kind::Sqlite ? QStringLiteral("X''")
                                                       : QStringLiteral("''");
    case K::Enum:
        return dialect.quoteString(type.enumValues.value(0));
    case K::String:
    case K::Char:
    case K::Text:
    case K::Invalid:
        return QStringLiteral("''");
    }
    return QStringLiteral("''");
}

} // namespace Junction
