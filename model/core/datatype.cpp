// SPDX-License-Identifier: MIT
#include "datatype.h"

#include <QRegularExpression>

namespace Junction {

namespace {

struct TypeName
{
    const char *name;
    DataType::Kind kind;
    enum Args { None, Length, PrecisionScale, Values } args;
};

// The types of the project format; the argument forms each accepts.
const TypeName typeNames[] = {
    {"STRING", DataType::Kind::String, TypeName::Length},
    {"CHAR", DataType::Kind::Char, TypeName::Length},
    {"TEXT", DataType::Kind::Text, TypeName::None},
    {"INTEGER", DataType::Kind::Integer, TypeName::None},
    {"BIGINT", DataType::Kind::BigInt, TypeName::None},
    {"SMALLINT", DataType::Kind::SmallInt, TypeName::None},
    {"FLOAT", DataType::Kind::Float, TypeName::None},
    {"REAL", DataType::Kind::Real, TypeName::None},
    {"DOUBLE", DataType::Kind::Double, TypeName::None},
    {"DECIMAL", DataType::Kind::Decimal, TypeName::PrecisionScale},
    {"BOOLEAN", DataType::Kind::Boolean, TypeName::None},
    {"DATE", DataType::Kind::Date, TypeName::None},
    {"DATEONLY", DataType::Kind::DateOnly, TypeName::None},
    {"TIME", DataType::Kind::Time, TypeName::None},
    {"UUID", DataType::Kind::Uuid, TypeName::None},
    {"JSON", DataType::Kind::Json, TypeName::None},
    {"JSONB", DataType::Kind::Jsonb, TypeName::None},
    {"BLOB", DataType::Kind::Blob, TypeName::None},
    {"ENUM", DataType::Kind::Enum, TypeName::Values},
};

const TypeName *findType(DataType::Kind kind)
{
    for (const TypeName &t : typeNames) {
        if (t.kind == kind)
            return &t;
    }
    return nullptr;
}

// 'a','b' with '' as an escaped quote inside a value.
std::optional<QStringList> parseEnumValues(const QString &args)
{
    QStringList values;
    int i = 0;
    const int n = args.size();
    auto skipSpace = [&] {
        while (i < n && args.at(i).isSpace())
            ++i;
    };
    skipSpace();
    if (i == n)
        return std::nullopt;
    while (i < n) {
        if (args.at(i) != QLatin1Char('\''))
            return std::nullopt;
        ++i;
        QString value;
        bool closed = false;
        while (i < n) {
            if (args.at(i) == QLatin1Char('\'')) {
                if (i + 1 < n && args.at(i + 1) == QLatin1Char('\'')) {
                    value += QLatin1Char('\'');
                    i += 2;
                    continue;
                }
                ++i;
                closed = true;
                break;
            }
            value += args.at(i++);
        }
        if (!closed)
            return std::nullopt;
        values << value;
        skipSpace();
        if (i == n)
            break;
        if (args.at(i) != QLatin1Char(','))
            return std::nullopt;
        ++i;
        skipSpace();
    }
    return values;
}

} // namespace

QString DataType::toString() const
{
    const TypeName *t = findType(kind);
    if (!t)
        return QStringLiteral("INVALID");
    QString s = QLatin1String(t->name);
    switch (t->args) {
    case TypeName::None: break;
    case TypeName::Length:
        if (length >= 0)
            s += QLatin1Char('(') + QString::number(length) + QLatin1Char(')');
        break;
    case TypeName::PrecisionScale:
        if (precision >= 0) {
            s += QLatin1Char('(') + QString::number(precision);
            if (scale >= 0)
                s += QLatin1Char(',') + QString::number(scale);
            s += QLatin1Char(')');
        }
        break;
    case TypeName::Values: {
        QStringList quoted;
        for (QString v : enumValues)
            quoted << QLatin1Char('\'') + v.replace(QLatin1Char('\''), QLatin1String("''"))
                          + QLatin1Char('\'');
        s += QLatin1Char('(') + quoted.join(QLatin1Char(',')) + QLatin1Char(')');
        break;
    }
    }
    return s;
}

std::optional<DataType> DataType::parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    const int paren = trimmed.indexOf(QLatin1Char('('));
    const QString name = (paren < 0 ? trimmed : trimmed.left(paren)).trimmed().toUpper();
    QString args;
    bool hasArgs = false;
    if (paren >= 0) {
        if (!trimmed.endsWith(QLatin1Char(')')))
            return std::nullopt;
        args = trimmed.mid(paren + 1, trimmed.size() - paren - 2);
        hasArgs = true;
    }
    for (const TypeName &t : typeNames) {
        if (name != QLatin1String(t.name))
            continue;
        DataType type;
        type.kind = t.kind;
        if (!hasArgs)
            return t.args == TypeName::Values ? std::nullopt : std::optional<DataType>(type);
        switch (t.args) {
        case TypeName::None: return std::nullopt;
        case TypeName::Length: {
            bool ok = false;
            const int length = args.trimmed().toInt(&ok);
            if (!ok || length <= 0)
                return std::nullopt;
            type.length = length;
            return type;
        }
        case TypeName::PrecisionScale: {
            const QStringList parts = args.split(QLatin1Char(','));
            if (parts.size() > 2)
                return std::nullopt;
            bool ok = false;
            type.precision = parts.at(0).trimmed().toInt(&ok);
            if (!ok || type.precision <= 0)
                return std::nullopt;
            if (parts.size() == 2) {
                type.scale = parts.at(1).trimmed().toInt(&ok);
                if (!ok || type.scale < 0 || type.scale > type.precision)
                    return std::nullopt;
            }
            return type;
        }
        case TypeName::Values: {
            const auto values = parseEnumValues(args);
            if (!values)
                return std::nullopt;
            type.enumValues = *values;
            return type;
        }
        }
    }
    return std::nullopt;
}

QStringList DataType::knownTypeNames()
{
    QStringList names;
    for (const TypeName &t : typeNames) {
        QString n = QLatin1String(t.name);
        if (t.args == TypeName::Length)
            n += QLatin1String("(n)");
        else if (t.args == TypeName::PrecisionScale)
            n += QLatin1String("(p,s)");
        else if (t.args == TypeName::Values)
            n += QLatin1String("('a','b')");
        names << n;
    }
    return names;
}

} // namespace Junction
