// SPDX-License-Identifier: MIT
#pragma once

#include "diagnostic.h"

#include <QList>
#include <QStringList>

namespace Junction {

struct ResolvedSchema;

struct DependencyCycle
{
    QStringList chain;     // tables from the root of the search: "Users", "Pictures"
    QString repeated;      // the table reached again: "Users"
};

struct DependencyOrder
{
    QList<int> creationOrder;      // indexes into ResolvedSchema::tables
    QList<DependencyCycle> cycles;
    Diagnostics diagnostics;
};

// Sequelize v4's sync order: depth-first post-order over tables in definition order,
// visiting each table's referenced tables in column order; self-references are no
// dependency. A table reached again while on the current path is a cycle. Reads the
// schema's table index (ResolvedSchema::buildIndexes).
DependencyOrder computeDependencyOrder(const ResolvedSchema &schema);

} // namespace Junction
