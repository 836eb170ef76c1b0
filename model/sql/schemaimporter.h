// SPDX-License-Identifier: MIT
#pragma once

#include "catalogreader.h"
#include "columnfacts.h"
#include "connection.h"
#include "diagnostic.h"
#include "project.h"

#include <QString>

namespace Junction {

struct ImportResult
{
    Project project;
    // Warnings for what the project cannot say exactly (a type with no format equivalent,
    // a composite foreign key, ...), each naming table.column. Never errors: the project is
    // always made; validating it is the caller's business.
    Diagnostics diagnostics;
};

// Turns a live schema into a project whose resolved schema is that database's: models with
// Sequelize's implicit attributes left implicit, foreign keys as belongsTo + hasMany/hasOne,
// junction tables as belongsToMany pairs, and every option Sequelize's defaults would not
// produce written explicitly (checked with resolve()). The rules are at the top of
// schemaimporter.cpp, the type mapping at the top of nativetypemap.cpp. A pure function.
class SchemaImporter
{
public:
    using Engine = ConnectionSpec::Engine;

    static ImportResult importSchema(const LiveSchema &live, Engine engine,
                                     const ColumnFacts &facts = {},
                                     const QString &projectName = {});
};

} // namespace Junction
