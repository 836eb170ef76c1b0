// SPDX-License-Identifier: MIT
#include "livedefaults.h"

#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>

// Default keys
// ============
//
// Engines print the same default differently: PostgreSQL 'x'::character varying, '-1'::integer,
// 1.50, true, CURRENT_TIMESTAMP; MariaDB 'x', -1, 1.50, 1, current_timestamp(); SQLite the
// text of the DDL. Both the design's default and the live one are reduced to a key:
//
//   none            ""   (no default, DEFAULT NULL, a client-side fn, and on MySQL a literal
//                         on TEXT/BLOB/JSON, which Junction's DDL leaves out)
//   number          "n:" + the value as a double ('-1'::integer, 1.50, true/false, 1/0 on
//                         numeric and boolean columns)
//   date or time    "d:" + ISO text, UTC ('2020-01-01 00:00:00+00'::timestamp with time zone
//                         and '2020-01-01' are the same on DATE, DATEONLY and TIME columns)
//   string          "s:" + the unquoted text ('' doubled; MariaDB's and E'' backslash escapes)
//   expression      "x:" + lower case, no blanks, no trailing "()", casts dropped, now ->
//                         current_timestamp
//
// Parentheses around the whole expression and PostgreSQL casts after a literal are dropped
// first. A design {"sql": ...} default goes through the live rules, as the engine will
// print it the same way. Referential actions: empty is NO ACTION; MariaDB reports a rule
// that was not given as RESTRICT, and InnoDB treats both alike, so on MySQL they are one.

namespace Junction {

namespace {

using K = DataType::Kind;

bool isNumeric(const DataType &type)
{
    switch (type.kind) {
    case K::Integer:
    case K::BigInt:
    case K::SmallInt:
    case K::Float:
    case K::Real:
    case K::Double:
    case K::Decimal:
    case K::Boolean:
        return true;
    default:
        return false;
    }
}

bool isTemporal(const DataType &type)
{
    return type.kind == K::Date || type.kind == K::DateOnly || type.kind == K::Time;
}

QString numberKey(double value)
{
    return QStringLiteral("n:") + QString::number(value, 'g', 15);
}

QString temporalKey(const QString &text)
{
    QString t = text.trimmed();
    if (t.size() > 10 && t.at(10) == QLatin1Char(' '))
        t[10] = QLatin1Char('T');
    static const QRegularExpression shortZone(QStringLiteral("([+-]\\d\\d)$"));
    t.replace(shortZone, QStringLiteral("\\1:00"));
    QDateTime dt = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (dt.isValid())
        return QStringLiteral("d:") + dt.toUTC().toString(Qt::ISODateWithMs);
    const QDate date = QDate::fromString(t, Qt::ISODate);
    if (date.isValid())
        return QStringLiteral("d:")
            + QDateTime(date, QTime(0, 0), Qt::UTC).toString(Qt::ISODateWithMs);
    const QTime time = QTime::fromString(t, Qt::ISODateWithMs);
    if (time.isValid())
        return QStringLiteral("d:") + time.toString(Qt::ISODateWithMs);
    return QStringLiteral("s:") + text;
}

// A value (unquoted) read against the column's type.
QString valueKey(const DataType &type, const QString &text)
{
    if (isNumeric(type)) {
        bool ok = false;
        const double value = QLocale::c().toDouble(text.trimmed(), &ok);
        if (ok)
            return numberKey(value);
        if (text.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
            return numberKey(1);
        if (text.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0)
            return numberKey(0);
    }
    if (isTemporal(type))
        return temporalKey(text);
    return QStringLiteral("s:") + text;
}

QString expressionKey(const QString &expression)
{
    QString e;
    e.reserve(expression.size());
    for (const QChar c : expression) {
        if (!c.isSpace())
            e += c.toLower();
    }
    static const QRegularExpression cast(QStringLiteral("::[a-z ]+(\\([0-9,]*\\))?$"));
    e.remove(cast);
    if (e.endsWith(QLatin1String("()")))
        e.chop(2);
    if (e == QLatin1String("now") || e == QLatin1String("localtimestamp"))
        e = QStringLiteral("current_timestamp");
    return QStringLiteral("x:") + e;
}

// Strips parentheses that enclose the whole expression: "(-1)" -> "-1".
QString unwrap(QString e)
{
    e = e.trimmed();
    while (e.size() >= 2 && e.startsWith(QLatin1Char('(')) && e.endsWith(QLatin1Char(')'))) {
        int depth = 0;
        bool enclosing = true;
        bool inString = false;
        for (int i = 0; i < e.size() - 1; ++i) {
            const QChar c = e.at(i);
            if (c == QLatin1Char('\''))
                inString = !inString;
            if (inString)
                continue;
            if (c == QLatin1Char('('))
                ++depth;
            else if (c == QLatin1Char(')'))
                --depth;
            if (depth == 0) {
                enclosing = false;
                break;
            }
        }
        if (!enclosing)
            break;
        e = e.mid(1, e.size() - 2).trimmed();
    }
    return e;
}

// A quoted literal at the start of `e`: its text, and where it ended. Backslash escapes
// count when `backslashes` (MariaDB, PostgreSQL E'').
bool readLiteral(const QString &e, int start, bool backslashes, QString *value, int *end)
{
    QString out;
    int i = start + 1;
    while (i < e.size()) {
        const QChar c = e.at(i);
        if (c == QLatin1Char('\'')) {
            if (i + 1 < e.size() && e.at(i + 1) == QLatin1Char('\'')) {
                out += c;
                i += 2;
                continue;
            }
            *value = out;
            *end = i + 1;
            return true;
        }
        if (backslashes && c == QLatin1Char('\\') && i + 1 < e.size()) {
            const QChar n = e.at(i + 1);
            switch (n.unicode()) {
            case 'n':
                out += QLatin1Char('\n');
                break;
            case 't':
                out += QLatin1Char('\t');
                break;
            case 'r':
                out += QLatin1Char('\r');
                break;
            case '0':
                out += QChar(0);
                break;
            case 'Z':
                out += QChar(26);
                break;
            case 'b':
                out += QLatin1Char('\b');
                break;
            default:
                out += n;
                break;
            }
            i += 2;
            continue;
        }
        out += c;
        ++i;
    }
    return false;
}

} // namespace

QString LiveDefaults::liveKey(Dialect::Kind dialect, const QString &expression,
                              const DataType &type)
{
    const QString e = unwrap(expression);
    static const QRegularExpression nullDefault(
        QStringLiteral("^NULL(::.*)?$"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    if (e.isEmpty() || nullDefault.match(e).hasMatch())
        return {};
    int start = -1;
    bool backslashes = dialect == Dialect::Kind::MySql;
    if (e.startsWith(QLatin1Char('\''))) {
        start = 0;
    } else if (dialect == Dialect::Kind::Postgres && e.size() > 1
               && (e.startsWith(QLatin1String("E'")) || e.startsWith(QLatin1String("e'")))) {
        start = 1;
        backslashes = true;
    }
    if (start >= 0) {
        QString value;
        int end = 0;
        if (readLiteral(e, start, backslashes, &value, &end)) {
            const QString rest = e.mid(end).trimmed();
            if (rest.isEmpty() || rest.startsWith(QLatin1String("::")))
                return valueKey(type, value);
        }
        return expressionKey(e);
    }
    static const QRegularExpression numberPattern(
        QStringLiteral("^[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?$"));
    if (numberPattern.match(e).hasMatch()
        || e.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0
        || e.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0)
        return valueKey(type, e);
    return expressionKey(e);
}

QString LiveDefaults::designKey(const Dialect &dialect, const ResolvedColumn &column)
{
    const DefaultValue &d = column.defaultValue;
    switch (d.kind) {
    case DefaultValue::Kind::None:
    case DefaultValue::Kind::Null:
    case DefaultValue::Kind::Function:
        return {};
    case DefaultValue::Kind::Sql:
        return liveKey(dialect.kind(), d.text, column.type);
    default:
        break;
    }
    if (dialect.kind() == Dialect::Kind::MySql && column.type.isLargeObject())
        return {};
    switch (d.kind) {
    case DefaultValue::Kind::String:
        return valueKey(column.type, d.text);
    case DefaultValue::Kind::Number:
        if (isNumeric(column.type))
            return numberKey(d.number);
        return valueKey(column.type, dialect.defaultLiteral(d, column.type));
    case DefaultValue::Kind::Boolean:
        if (isNumeric(column.type))
            return numberKey(d.boolean ? 1 : 0);
        return valueKey(column.type, dialect.defaultLiteral(d, column.type));
    default:
        return {};
    }
}

QString LiveDefaults::rule(Dialect::Kind dialect, const QString &action)
{
    const QString a = action.trimmed().toUpper();
    if (a.isEmpty())
        return QStringLiteral("NO ACTION");
    if (dialect == Dialect::Kind::MySql && a == QLatin1String("RESTRICT"))
        return QStringLiteral("NO ACTION");
    return a;
}

} // namespace Junction
