// SPDX-License-Identifier: MIT
#pragma once

#include "relatedrows.h"

namespace Junction {

// Saving an edited row, as Sequelize's instance.update() does: UPDATE of the given
// columns (by column or attribute name) and updatedAt, matched by primary key, in one
// transaction; exactly one row must change, else nothing does. The database's own
// refusal (NOT NULL, UNIQUE, CHECK, FOREIGN KEY) comes back as the error, with the driver's
// text. Use on the connection's thread, outside a transaction of the caller's.
class RowUpdate
{
public:
    static RowsResult<qint64> update(const Connection &connection, const ResolvedSchema &schema,
                                     const QString &table, const RowRef &key, const Row &values);
};

// The column that names a row to a person (shown beside foreign keys in the browser): the
// first text column called name, title, label, fullName/full_name, displayName, username,
// email, slug, sku, code (in that order of preference), else none.
class RowLabel
{
public:
    static QString labelColumn(const ResolvedTable &table);
};

} // namespace Junction
