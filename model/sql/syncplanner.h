// SPDX-License-Identifier: MIT
#pragma once

#include "catalogreader.h"
#include "resolvedschema.h"
#include "syncplan.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace Junction {

class Connection;

// Reads the live schema, diffs it with the design and counts what the plan would lose:
// the steps `diff` and `sync` share. Failure (the catalog or a count query) is a nullopt
// with the reason in *error.
class SyncPlanner
{
public:
    struct Planned
    {
        LiveSchema live;
        SyncPlan plan;
    };

    static std::optional<Planned> plan(const ResolvedSchema &design, const Connection &connection,
                                       const QJsonObject &syncedEntry, SyncPlan::Mode mode,
                                       QString *error, const QString &schema = {});
};

} // namespace Junction
