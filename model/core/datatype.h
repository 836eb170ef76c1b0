// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace Junction {

// A Sequelize data type as written in a project file: `STRING(320)`, `DECIMAL(12,2)`,
// `ENUM('a','b')`. Parsing keeps the dialect-neutral meaning; each Dialect maps it to SQL.
struct DataType
{
    enum class Kind {
        Invalid,
        String,
        Char,
        Text,
        Integer,
        BigInt,
        SmallInt,
        Float,
        Real,
        Double,
        Decimal,
        Boolean,
        Date,
        DateOnly,
        Time,
        Uuid,
        Json,
        Jsonb,
        Blob,
        Enum,
    };

    Kind kind = Kind::Invalid;
    int length = -1;    // STRING(n), CHAR(n); -1 = the type's default
    int precision = -1; // DECIMAL(p,s)
    int scale = -1;
    QStringList enumValues;

    bool isValid() const { return kind != Kind::Invalid; }
    bool isInteger() const
    {
        return kind == Kind::Integer || kind == Kind::BigInt || kind == Kind::SmallInt;
    }
    // TEXT, BLOB and JSON cannot hold literal defaults in MySQL.
    bool isLargeObject() const
    {
        return kind == Kind::Text || kind == Kind::Blob || kind == Kind::Json
               || kind == Kind::Jsonb;
    }

    // The canonical Sequelize spelling: `STRING(320)`, `ENUM('a','b')`.
    QString toString() const;

    friend bool operator==(const DataType &a, const DataType &b)
    {
        return a.kind == b.kind && a.length == b.length && a.precision == b.precision
               && a.scale == b.scale && a.enumValues == b.enumValues;
    }
    friend bool operator!=(const DataType &a, const DataType &b) { return !(a == b); }

    // Parses a type as written in a file; std::nullopt for an unknown or malformed type.
    static std::optional<DataType> parse(const QString &text);
    // The type names the format accepts, for error messages.
    static QStringList knownTypeNames();
};

} // namespace Junction
