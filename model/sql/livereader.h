// SPDX-License-Identifier: MIT
#pragma once

#include "catalogreader.h"

#include <QString>

namespace Junction {

class Connection;

// The live schema as the diff needs it: CatalogReader's, plus on SQLite the values of the
// enum CHECKs Junction writes (`"c" TEXT CHECK ("c" IN ('a', 'b'))`) as the column's
// enumValues, which the catalog has no other place for. A column without such a CHECK keeps
// no values, so a changed or removed CHECK shows as a type change.
class LiveReader
{
public:
    static LiveSchema read(const Connection &connection, const QString &schema = {},
                           QString *error = nullptr);
    // The values of `column`'s enum CHECK in an SQLite CREATE TABLE text; empty when none.
    static QStringList sqliteEnumValues(const QString &createSql, const QString &column);
};

} // namespace Junction
