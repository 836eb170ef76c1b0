// SPDX-License-Identifier: MIT
#pragma once

#include "syncplan.h"

#include <QString>

namespace Junction {

class Connection;

// Fills the counts that make changes destructive (rows of a dropped table, NULLs before
// NOT NULL, duplicates before UNIQUE, ...) with COUNT queries on the live database, then
// classifies the plan. Values reach the server as bound parameters; names are quoted with
// Dialect::quote. Read-only: nothing is changed.
class PlanCounter
{
public:
    // False with *error set when a count query fails; the plan is classified either way
    // (uncounted conditional changes count as destructive).
    static bool count(SyncPlan &plan, const Connection &connection, QString *error = nullptr);
};

} // namespace Junction
