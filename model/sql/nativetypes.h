// SPDX-License-Identifier: MIT
#pragma once

#include "connection.h"
#include "datatype.h"
#include "dialect.h"
#include "resolvedschema.h"

#include <QString>

namespace Junction {

// How each engine's catalog spells the types Junction writes, and back. The diff compares
// a designed column with a live one through these; the DDL round-trip tests use the same
// table. Rules at the top of nativetypes.cpp.
class NativeTypes
{
public:
    static Dialect::Kind dialectOf(ConnectionSpec::Engine engine);

    // The type as the catalog reports it for a column Junction created ("character
    // varying(40)", "int(11)", "VARCHAR(40)"). Empty for enums: those compare by values.
    static QString expected(Dialect::Kind dialect, const ResolvedTable &table,
                            const ResolvedColumn &column);
    // The live spelling denotes the expected one (case, MySQL integer display widths).
    static bool same(Dialect::Kind dialect, const QString &expected, const QString &live);
    // Best-effort reading of a live type as a Junction type, to tell widening from
    // narrowing; Invalid when unknown. PostgreSQL enums: pass enumValues.
    static DataType parse(Dialect::Kind dialect, const QString &live,
                          const QStringList &enumValues = {});
    // Every value of `from` fits `to` unchanged (VARCHAR(20) -> VARCHAR(40) -> TEXT,
    // SMALLINT -> INTEGER -> BIGINT, an enum gaining values...). Unknown: false.
    static bool widens(const DataType &from, const DataType &to);
    // The auto-increment the dialect's DDL can express for this column (SQLite: only a
    // lone INTEGER PRIMARY KEY AUTOINCREMENT).
    static bool expectedAutoIncrement(Dialect::Kind dialect, const ResolvedTable &table,
                                      const ResolvedColumn &column);
    // A literal of the type for rows that need a value and have no default: 0, '', false,
    // the epoch, the first enum value (MySQL's implicit defaults).
    static QString zeroLiteral(const Dialect &dialect, const DataType &type);
};

} // namespace Junction
