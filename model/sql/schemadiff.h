// SPDX-License-Identifier: MIT
#pragma once

#include "catalogreader.h"
#include "dialect.h"
#include "resolvedschema.h"
#include "syncplan.h"

#include <QJsonObject>

namespace Junction {

// The plan that turns a live database into the resolved design: a pure function of the
// design, what the catalog reported (CatalogReader, or LiveReader for SQLite's enum
// CHECKs), the dialect and the project's `synced` entry for this database (renames come
// from its ids, nothing is guessed). Counts are not filled here: PlanCounter does that
// against the database, then SyncPlan::classify() decides what is destructive. The
// ordering rules are at the top of schemadiff.cpp.
class SchemaDiff
{
public:
    static SyncPlan compute(const ResolvedSchema &design, const LiveSchema &live,
                            const Dialect &dialect, const QJsonObject &syncedEntry = {},
                            SyncPlan::Mode mode = SyncPlan::Mode::Alter);
};

} // namespace Junction
