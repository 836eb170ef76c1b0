// SPDX-License-Identifier: MIT
#include "nativetypemap.h"

#include "datatype.h"

#include <QRegularExpression>

/*
 * Native column type -> project format type, per engine. The left column is the catalog's
 * spelling (CatalogReader: PostgreSQL format_type, MariaDB COLUMN_TYPE, SQLite the declared
 * type), compared without case; "~" marks an approximation reported as a warning that names
 * table.column and what differs, "!" a type with no format equivalent (warning, nearest type).
 * STRING(255) is written STRING.
 *
 *   PostgreSQL                         MariaDB / MySQL
 *   integer, bigint, smallint          int(n), bigint(n), smallint(n)  INTEGER, BIGINT, SMALLINT
 *                                      mediumint(n)       ~INTEGER
 *                                      tinyint(1)          BOOLEAN, other tinyint(n) ~SMALLINT
 *   character varying(n)  STRING(n)    varchar(n)          STRING(n)
 *   character varying    ~TEXT
 *   character(n)          CHAR(n)      char(n)             CHAR(n); char(36) + *_bin: UUID
 *   text                  TEXT         text                TEXT; tinytext, mediumtext ~TEXT
 *                                      longtext            JSON with CHECK json_valid, else ~TEXT
 *   numeric(p,s)          DECIMAL(p,s) decimal(p,s)        DECIMAL(p,s)
 *   real                  REAL         float               FLOAT
 *   double precision      DOUBLE       double              DOUBLE
 *   boolean               BOOLEAN
 *   timestamp with time zone  DATE     datetime            DATE; datetime(n), timestamp ~DATE
 *   timestamp without time zone ~DATE
 *   date                  DATEONLY     date                DATEONLY
 *   time without time zone TIME        time                TIME; time(n) ~TIME
 *   time with time zone  ~TIME
 *   uuid                  UUID
 *   json, jsonb           JSON, JSONB  json (MySQL 8)      JSON
 *   bytea                 BLOB         blob                BLOB; *blob, [var]binary(n) ~BLOB
 *   an enum type          ENUM(labels) enum('a','b')       ENUM('a','b')
 *   anything else        !TEXT (inet, money, interval, arrays, ...)
 *                                      anything else      !TEXT (set, year, bit, geometry)
 *   (n) or precision on a timestamp/time: ~; MariaDB's unsigned and zerofill are dropped: ~.
 *
 *   SQLite (declared types are free text; Junction's own spellings first)
 *   INTEGER, INT -> INTEGER; BIGINT; SMALLINT; MEDIUMINT ~INTEGER; TINYINT(1), BOOLEAN, BOOL ->
 *   BOOLEAN; TINYINT ~SMALLINT; VARCHAR(n), CHARACTER VARYING(n), NVARCHAR(n) -> STRING(n);
 *   CHAR(n), CHARACTER(n), NCHAR(n) -> CHAR(n); TEXT, CLOB -> TEXT, or ENUM('a','b') with
 *   CHECK (col IN ('a', 'b')); DECIMAL/NUMERIC(p,s) -> DECIMAL(p,s); FLOAT; REAL; DOUBLE
 *   [PRECISION] -> DOUBLE; DATETIME, TIMESTAMP -> DATE; DATE -> DATEONLY; TIME; UUID; JSON;
 *   JSONB; BLOB. Anything else by SQLite's affinity rules, in their order: containing INT
 *   ~INTEGER; CHAR, CLOB or TEXT ~TEXT; BLOB or no type ~BLOB; REAL, FLOA or DOUB ~DOUBLE;
 *   else ~DECIMAL.
 *
 * Defaults (the catalog's text, CatalogReader has already turned NULL into no default):
 *   'text' (PostgreSQL: 'text'::type; '' is a quote; MariaDB also unescapes \\, \n, \t, \0, \Z)
 *                          a string; a number when the type is numeric ('-1'::integer), a
 *                          boolean for BOOLEAN ('true'/'false'/'1'/'0')
 *   -1.5, 0, 0.00          a number; 0/1 on BOOLEAN -> false/true
 *   true, false            a boolean
 *   current_timestamp()    {"sql": "CURRENT_TIMESTAMP"} (MariaDB's spelling of the portable one)
 *   anything else          {"sql": "<the expression as the catalog prints it>"}
 */

namespace Junction {

namespace {

using Engine = ConnectionSpec::Engine;
using Fit = ImportedType::Fit;

struct Parsed
{
    QString base; // lower-case, arguments removed, spaces simplified: "character varying"
    QStringList args;
    bool hasArgs = false;
};

Parsed parse(const QString &nativeType)
{
    Parsed p;
    const QString t = nativeType.trimmed().toLower();
    const qsizetype open = t.indexOf(QLatin1Char('('));
    const qsizetype close = open < 0 ? -1 : t.indexOf(QLatin1Char(')'), open);
    if (open < 0 || close < 0) {
        p.base = t.simplified();
        return p;
    }
    p.hasArgs = true;
    for (const QString &arg : t.mid(open + 1, close - open - 1).split(QLatin1Char(',')))
        p.args << arg.trimmed();
    p.base = (t.left(open) + QLatin1Char(' ') + t.mid(close + 1)).simplified();
    return p;
}

int intArg(const Parsed &p, int i, int fallback = -1)
{
    bool ok = false;
    const int value = p.args.value(i).toInt(&ok);
    return ok ? value : fallback;
}

ImportedType exact(const QString &type)
{
    return {type, Fit::Exact, {}};
}

ImportedType approx(const QString &type, const QString &note)
{
    return {type, Fit::Approximated, note};
}

ImportedType unsupported(const QString &type, const QString &note)
{
    return {type, Fit::Unsupported, note};
}

QString stringType(int length)
{
    if (length <= 0 || length == 255)
        return QStringLiteral("STRING");
    return QStringLiteral("STRING(%1)").arg(length);
}

QString charType(int length)
{
    return QStringLiteral("CHAR(%1)").arg(length > 0 ? length : 1);
}

QString decimalType(const Parsed &p)
{
    const int precision = intArg(p, 0);
    if (precision <= 0)
        return QStringLiteral("DECIMAL");
    const int scale = intArg(p, 1);
    if (scale < 0)
        return QStringLiteral("DECIMAL(%1)").arg(precision);
    return QStringLiteral("DECIMAL(%1,%2)").arg(precision).arg(scale);
}

QString enumType(const QStringList &values)
{
    DataType t;
    t.kind = DataType::Kind::Enum;
    t.enumValues = values;
    return t.toString();
}

ImportedType postgres(const LiveColumn &column)
{
    if (!column.enumValues.isEmpty())
        return exact(enumType(column.enumValues));
    const Parsed p = parse(column.nativeType);
    const QString &b = p.base;
    if (b == QLatin1String("integer"))
        return exact(QStringLiteral("INTEGER"));
    if (b == QLatin1String("bigint"))
        return exact(QStringLiteral("BIGINT"));
    if (b == QLatin1String("smallint"))
        return exact(QStringLiteral("SMALLINT"));
    if (b == QLatin1String("character varying"))
        return p.hasArgs ? exact(stringType(intArg(p, 0)))
                         : approx(QStringLiteral("TEXT"),
                                  QStringLiteral("the same values; only the type's name differs"));
    if (b == QLatin1String("character"))
        return exact(charType(intArg(p, 0, 1)));
    if (b == QLatin1String("text"))
        return exact(QStringLiteral("TEXT"));
    if (b == QLatin1String("numeric"))
        return exact(decimalType(p));
    if (b == QLatin1String("real"))
        return exact(QStringLiteral("REAL"));
    if (b == QLatin1String("double precision"))
        return exact(QStringLiteral("DOUBLE"));
    if (b == QLatin1String("boolean"))
        return exact(QStringLiteral("BOOLEAN"));
    if (b == QLatin1String("timestamp with time zone"))
        return p.hasArgs ? approx(QStringLiteral("DATE"),
                                  QStringLiteral("its fractional-second precision is dropped"))
                         : exact(QStringLiteral("DATE"));
    if (b == QLatin1String("timestamp without time zone"))
        return approx(QStringLiteral("DATE"),
                      QStringLiteral("Junction's DATE is timestamp with time zone"));
    if (b == QLatin1String("date"))
        return exact(QStringLiteral("DATEONLY"));
    if (b == QLatin1String("time without time zone"))
        return p.hasArgs ? approx(QStringLiteral("TIME"),
                                  QStringLiteral("its fractional-second precision is dropped"))
                         : exact(QStringLiteral("TIME"));
    if (b == QLatin1String("time with time zone"))
        return approx(QStringLiteral("TIME"), QStringLiteral("its time zone is dropped"));
    if (b == QLatin1String("uuid"))
        return exact(QStringLiteral("UUID"));
    if (b == QLatin1String("json"))
        return exact(QStringLiteral("JSON"));
    if (b == QLatin1String("jsonb"))
        return exact(QStringLiteral("JSONB"));
    if (b == QLatin1String("bytea"))
        return exact(QStringLiteral("BLOB"));
    return unsupported(QStringLiteral("TEXT"),
                       QStringLiteral("PostgreSQL %1").arg(column.nativeType));
}

ImportedType mysql(const LiveColumn &column, const ColumnFact &fact)
{
    if (!column.enumValues.isEmpty())
        return exact(enumType(column.enumValues));
    Parsed p = parse(column.nativeType);
    QStringList dropped;
    for (const QLatin1String word : {QLatin1String("unsigned"), QLatin1String("zerofill")}) {
        QStringList words = p.base.split(QLatin1Char(' '));
        if (words.removeAll(word) > 0) {
            p.base = words.join(QLatin1Char(' '));
            dropped << word.toString().toUpper() + QStringLiteral(" is dropped");
        }
    }
    const auto fit = [&dropped](const QString &type, const QString &note = {}) {
        QStringList lost = dropped;
        if (!note.isEmpty())
            lost.prepend(note);
        return lost.isEmpty() ? exact(type) : approx(type, lost.join(QLatin1String(", ")));
    };
    const QString &b = p.base;
    if (b == QLatin1String("int") || b == QLatin1String("integer"))
        return fit(QStringLiteral("INTEGER"));
    if (b == QLatin1String("bigint"))
        return fit(QStringLiteral("BIGINT"));
    if (b == QLatin1String("smallint"))
        return fit(QStringLiteral("SMALLINT"));
    if (b == QLatin1String("mediumint"))
        return fit(QStringLiteral("INTEGER"), QStringLiteral("a wider range than MEDIUMINT"));
    if (b == QLatin1String("tinyint"))
        return intArg(p, 0) == 1
            ? fit(QStringLiteral("BOOLEAN"))
            : fit(QStringLiteral("SMALLINT"), QStringLiteral("a wider range than TINYINT"));
    if (b == QLatin1String("varchar"))
        return fit(stringType(intArg(p, 0)));
    if (b == QLatin1String("char")) {
        if (intArg(p, 0) == 36 && fact.binaryCollation)
            return fit(QStringLiteral("UUID"));
        return fit(charType(intArg(p, 0, 1)));
    }
    if (b == QLatin1String("text"))
        return fit(QStringLiteral("TEXT"));
    if (b == QLatin1String("tinytext") || b == QLatin1String("mediumtext"))
        return fit(QStringLiteral("TEXT"),
                   b == QLatin1String("tinytext")
                       ? QStringLiteral("TEXT holds more than TINYTEXT")
                       : QStringLiteral("TEXT holds less than MEDIUMTEXT"));
    if (b == QLatin1String("longtext"))
        return fact.jsonChecked
            ? fit(QStringLiteral("JSON"))
            : fit(QStringLiteral("TEXT"), QStringLiteral("TEXT holds less than LONGTEXT"));
    if (b == QLatin1String("json"))
        return fit(QStringLiteral("JSON"));
    if (b == QLatin1String("decimal") || b == QLatin1String("numeric"))
        return fit(decimalType(p));
    if (b == QLatin1String("float"))
        return p.hasArgs ? fit(QStringLiteral("FLOAT"), QStringLiteral("its precision is dropped"))
                         : fit(QStringLiteral("FLOAT"));
    if (b == QLatin1String("double") || b == QLatin1String("double precision"))
        return p.hasArgs ? fit(QStringLiteral("DOUBLE"), QStringLiteral("its precision is dropped"))
                         : fit(QStringLiteral("DOUBLE"));
    if (b == QLatin1String("datetime"))
        return p.hasArgs ? fit(QStringLiteral("DATE"),
                               QStringLiteral("its fractional-second precision is dropped"))
                         : fit(QStringLiteral("DATE"));
    if (b == QLatin1String("timestamp"))
        return fit(QStringLiteral("DATE"),
                   QStringLiteral("DATETIME has no time-zone conversion and another range"));
    if (b == QLatin1String("date"))
        return fit(QStringLiteral("DATEONLY"));
    if (b == QLatin1String("time"))
        return p.hasArgs ? fit(QStringLiteral("TIME"),
                               QStringLiteral("its fractional-second precision is dropped"))
                         : fit(QStringLiteral("TIME"));
    if (b == QLatin1String("blob"))
        return fit(QStringLiteral("BLOB"));
    if (b == QLatin1String("tinyblob") || b == QLatin1String("mediumblob")
        || b == QLatin1String("longblob") || b == QLatin1String("binary")
        || b == QLatin1String("varbinary"))
        return fit(QStringLiteral("BLOB"), QStringLiteral("BLOB is not %1").arg(column.nativeType));
    return unsupported(QStringLiteral("TEXT"), QStringLiteral("MariaDB %1").arg(column.nativeType));
}

ImportedType sqlite(const LiveColumn &column, const ColumnFact &fact)
{
    const Parsed p = parse(column.nativeType);
    const QString &b = p.base;
    // The CHECK's values, from ColumnFacts or already in the column (LiveReader's).
    const QStringList &values = fact.checkValues.isEmpty() ? column.enumValues : fact.checkValues;
    if (!values.isEmpty() && (b == QLatin1String("text") || b.isEmpty()))
        return exact(enumType(values));
    if (b == QLatin1String("integer") || b == QLatin1String("int"))
        return exact(QStringLiteral("INTEGER"));
    if (b == QLatin1String("bigint"))
        return exact(QStringLiteral("BIGINT"));
    if (b == QLatin1String("smallint"))
        return exact(QStringLiteral("SMALLINT"));
    if (b == QLatin1String("mediumint"))
        return approx(QStringLiteral("INTEGER"),
                      QStringLiteral("the same affinity, another type name"));
    if ((b == QLatin1String("tinyint") && intArg(p, 0) == 1) || b == QLatin1String("boolean")
        || b == QLatin1String("bool"))
        return exact(QStringLiteral("BOOLEAN"));
    if (b == QLatin1String("tinyint"))
        return approx(QStringLiteral("SMALLINT"),
                      QStringLiteral("the same affinity, another type name"));
    if (b == QLatin1String("varchar") || b == QLatin1String("character varying")
        || b == QLatin1String("nvarchar") || b == QLatin1String("varying character"))
        return exact(stringType(intArg(p, 0)));
    if (b == QLatin1String("char") || b == QLatin1String("character")
        || b == QLatin1String("nchar"))
        return exact(charType(intArg(p, 0, 1)));
    if (b == QLatin1String("text") || b == QLatin1String("clob"))
        return exact(QStringLiteral("TEXT"));
    if (b == QLatin1String("decimal") || b == QLatin1String("numeric"))
        return exact(decimalType(p));
    if (b == QLatin1String("float"))
        return exact(QStringLiteral("FLOAT"));
    if (b == QLatin1String("real"))
        return exact(QStringLiteral("REAL"));
    if (b == QLatin1String("double") || b == QLatin1String("double precision"))
        return exact(QStringLiteral("DOUBLE"));
    if (b == QLatin1String("datetime") || b == QLatin1String("timestamp"))
        return exact(QStringLiteral("DATE"));
    if (b == QLatin1String("date"))
        return exact(QStringLiteral("DATEONLY"));
    if (b == QLatin1String("time"))
        return exact(QStringLiteral("TIME"));
    if (b == QLatin1String("uuid"))
        return exact(QStringLiteral("UUID"));
    if (b == QLatin1String("json"))
        return exact(QStringLiteral("JSON"));
    if (b == QLatin1String("jsonb"))
        return exact(QStringLiteral("JSONB"));
    if (b == QLatin1String("blob"))
        return exact(QStringLiteral("BLOB"));
    // SQLite's own affinity rules (datatype3.html, 3.1), in their order.
    const QString declared = column.nativeType.trimmed().isEmpty()
        ? QStringLiteral("no declared type: SQLite's BLOB affinity")
        : QStringLiteral("the type SQLite's affinity rules give it");
    if (b.contains(QLatin1String("int")))
        return approx(QStringLiteral("INTEGER"), declared);
    if (b.contains(QLatin1String("char")) || b.contains(QLatin1String("clob"))
        || b.contains(QLatin1String("text")))
        return approx(QStringLiteral("TEXT"), declared);
    if (b.contains(QLatin1String("blob")) || b.isEmpty())
        return approx(QStringLiteral("BLOB"), declared);
    if (b.contains(QLatin1String("real")) || b.contains(QLatin1String("floa"))
        || b.contains(QLatin1String("doub")))
        return approx(QStringLiteral("DOUBLE"), declared);
    return approx(QStringLiteral("DECIMAL"), declared);
}

bool isNumericType(DataType::Kind kind)
{
    using K = DataType::Kind;
    return kind == K::Integer || kind == K::BigInt || kind == K::SmallInt || kind == K::Float
        || kind == K::Real || kind == K::Double || kind == K::Decimal;
}

// 'it''s' -> it's; MariaDB also escapes with a backslash. nullopt when not one whole
// literal, optionally followed by PostgreSQL's ::cast.
std::optional<QString> unquote(const QString &expression, Engine engine)
{
    if (!expression.startsWith(QLatin1Char('\'')))
        return std::nullopt;
    QString value;
    qsizetype i = 1;
    const qsizetype n = expression.size();
    while (i < n) {
        const QChar c = expression.at(i);
        if (c == QLatin1Char('\'')) {
            if (i + 1 < n && expression.at(i + 1) == QLatin1Char('\'')) {
                value += c;
                i += 2;
                continue;
            }
            break;
        }
        if (c == QLatin1Char('\\') && engine == Engine::MySql && i + 1 < n) {
            const QChar next = expression.at(++i);
            switch (next.unicode()) {
            case 'n':
                value += QLatin1Char('\n');
                break;
            case 't':
                value += QLatin1Char('\t');
                break;
            case 'r':
                value += QLatin1Char('\r');
                break;
            case '0':
                value += QChar(0);
                break;
            case 'Z':
                value += QChar(0x1a);
                break;
            default:
                value += next;
                break;
            }
            ++i;
            continue;
        }
        value += c;
        ++i;
    }
    if (i >= n)
        return std::nullopt; // unterminated
    const QString rest = expression.mid(i + 1).trimmed();
    if (!rest.isEmpty() && !(engine == Engine::Postgres && rest.startsWith(QLatin1String("::"))))
        return std::nullopt;
    return value;
}

std::optional<double> number(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?$"));
    if (!pattern.match(text).hasMatch())
        return std::nullopt;
    bool ok = false;
    const double value = text.toDouble(&ok);
    return ok ? std::optional<double>(value) : std::nullopt;
}

} // namespace

ImportedType NativeTypeMap::type(Engine engine, const LiveColumn &column, const ColumnFact &fact)
{
    switch (engine) {
    case Engine::Postgres:
        return postgres(column);
    case Engine::MySql:
        return mysql(column, fact);
    case Engine::Sqlite:
        return sqlite(column, fact);
    }
    return unsupported(QStringLiteral("TEXT"), column.nativeType);
}

DefaultValue NativeTypeMap::defaultValue(Engine engine, const QString &expression,
                                         const QString &type)
{
    DefaultValue value;
    const QString text = expression.trimmed();
    if (text.isEmpty())
        return value;
    const DataType::Kind kind = DataType::parse(type).value_or(DataType {}).kind;
    const bool boolean = kind == DataType::Kind::Boolean;

    // A literal, quoted or not, then read as the column's type wants it.
    std::optional<QString> literal = unquote(text, engine);
    const bool quoted = literal.has_value();
    if (!literal)
        literal = text;
    if (boolean) {
        const QString word = literal->toLower();
        if (word == QLatin1String("true") || word == QLatin1String("1")
            || word == QLatin1String("false") || word == QLatin1String("0")) {
            value.kind = DefaultValue::Kind::Boolean;
            value.boolean = word == QLatin1String("true") || word == QLatin1String("1");
            return value;
        }
    }
    if ((!quoted || isNumericType(kind))) {
        if (const auto n = number(*literal)) {
            value.kind = DefaultValue::Kind::Number;
            value.number = *n;
            return value;
        }
    }
    if (quoted) {
        value.kind = DefaultValue::Kind::String;
        value.text = *literal;
        return value;
    }
    if (text.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0
        || text.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0) {
        value.kind = DefaultValue::Kind::Boolean;
        value.boolean = text.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
        return value;
    }
    value.kind = DefaultValue::Kind::Sql;
    value.text = engine == Engine::MySql
            && text.compare(QLatin1String("current_timestamp()"), Qt::CaseInsensitive) == 0
        ? QStringLiteral("CURRENT_TIMESTAMP")
        : text;
    return value;
}

} // namespace Junction
