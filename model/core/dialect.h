// SPDX-License-Identifier: MIT
#pragma once

#include "datatype.h"
#include "project.h"

#include <QString>

#include <initializer_list>
#include <optional>

namespace Junction {

// One SQL dialect: quoting, type names, identifier limits and reserved words. Passed to
// the DDL generator as an object, never a global setting. MariaDB is spoken as MySQL.
class Dialect
{
public:
    enum class Kind { Sqlite, Postgres, MySql };

    static const Dialect &get(Kind kind);
    // "sqlite", "postgres"/"postgresql", "mysql"/"mariadb"
    static std::optional<Kind> kindFromName(const QString &name);
    static QList<Kind> allKinds() { return {Kind::Sqlite, Kind::Postgres, Kind::MySql}; }

    Kind kind() const { return m_kind; }
    QString name() const;        // "sqlite", "postgres", "mysql"
    QString displayName() const; // "SQLite", "PostgreSQL", "MySQL/MariaDB"

    // Junction's own identifier quoting: wrap in the dialect's quote and double any quote
    // inside. (QSqlDriver::escapeIdentifier is not safe for user-supplied names in Qt 6.4.)
    QString quote(const QString &identifier) const;
    QString quoteString(const QString &text) const;

    // The column type as written in CREATE TABLE. PostgreSQL enums are named types.
    QString columnType(const DataType &type, const QString &table, const QString &column) const;
    // Sequelize's PostgreSQL enum type name: enum_<table>_<column>, shortened if needed.
    QString enumTypeName(const QString &table, const QString &column) const;
    QString defaultLiteral(const DefaultValue &value, const DataType &type) const;

    // The same texts appended to `out`: the DDL of a 10,000-table schema is written into one
    // string, and a temporary string per piece cost more than the writing itself.
    void appendQuoted(QString &out, QStringView identifier) const;
    void appendQuotedString(QString &out, QStringView text) const;
    void appendColumnType(QString &out, const DataType &type, const QString &table,
                          const QString &column) const;
    // quote(enumTypeName(table, column))
    void appendQuotedEnumTypeName(QString &out, QStringView table, QStringView column) const;
    // quote(generatedName(name + suffix))
    void appendQuotedGeneratedName(QString &out, QStringView name, QStringView suffix = {}) const;
    // False (and nothing appended) when defaultLiteral() is empty.
    bool appendDefaultLiteral(QString &out, const DefaultValue &value, const DataType &type) const;

    // 0 = no limit. PostgreSQL counts UTF-8 bytes (63), MySQL characters (64).
    int maxIdentifierLength() const;
    QString limitDescription() const;
    bool fitsIdentifier(QStringView identifier) const;
    // A name Junction generates (constraint, index, enum type) that is past the limit is
    // shortened deterministically: a readable prefix plus an 8-digit hash of the whole name.
    QString generatedName(const QString &name) const;
    bool isReserved(const QString &word) const;
    // False when no dialect can reserve the word (reserved words are short runs of ASCII
    // letters and underscores), decided without a lookup.
    static bool mayBeReserved(const QString &word);

private:
    explicit Dialect(Kind kind)
        : m_kind(kind)
    {}
    int identifierLength(QStringView identifier) const;
    // quote(generatedName(parts joined))
    void appendQuotedGeneratedName(QString &out, std::initializer_list<QStringView> parts) const;

    Kind m_kind;
};

} // namespace Junction
