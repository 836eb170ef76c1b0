// SPDX-License-Identifier: MIT
#include "syncplanner.h"

#include "connection.h"
#include "livereader.h"
#include "nativetypes.h"
#include "plancounter.h"
#include "schemadiff.h"

namespace Junction {

std::optional<SyncPlanner::Planned> SyncPlanner::plan(const ResolvedSchema &design,
                                                      const Connection &connection,
                                                      const QJsonObject &syncedEntry,
                                                      SyncPlan::Mode mode, QString *error,
                                                      const QString &schema)
{
    QString readError;
    Planned planned;
    planned.live = LiveReader::read(connection, schema, &readError);
    if (!readError.isEmpty()) {
        if (error)
            *error = readError;
        return std::nullopt;
    }
    const Dialect &dialect = Dialect::get(NativeTypes::dialectOf(connection.engine()));
    planned.plan = SchemaDiff::compute(design, planned.live, dialect, syncedEntry, mode);
    QString countError;
    if (!PlanCounter::count(planned.plan, connection, &countError)) {
        if (error)
            *error = QStringLiteral("Counting rows for the plan failed: ") + countError;
        return std::nullopt;
    }
    return planned;
}

} // namespace Junction
