// SPDX-License-Identifier: MIT
#pragma once

#include "dialect.h"
#include "resolvedschema.h"

#include <QString>

namespace Junction {

// Compares what engines report differently: column defaults ('x'::character varying,
// current_timestamp(), 1.50) and referential actions (MariaDB's RESTRICT for an unspecified
// rule). Each side is reduced to a key; equal keys mean the same thing. Rules at the top of
// livedefaults.cpp.
class LiveDefaults
{
public:
    // The default Junction's DDL gives the column, as a key; empty for none.
    static QString designKey(const Dialect &dialect, const ResolvedColumn &column);
    // A catalog's default expression, as a key; empty for none.
    static QString liveKey(Dialect::Kind dialect, const QString &expression, const DataType &type);
    // "NO ACTION" for an empty rule; on MySQL/MariaDB RESTRICT is NO ACTION.
    static QString rule(Dialect::Kind dialect, const QString &action);
};

} // namespace Junction
