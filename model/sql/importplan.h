// SPDX-License-Identifier: MIT
#pragma once
// What SchemaImporter hands to ImportReconciler: the project it built and what each
// association and column of it must resolve to. Internal to the import.

#include "catalogreader.h"
#include "connection.h"
#include "nativetypemap.h"
#include "project.h"

#include <QHash>
#include <QList>
#include <QString>

#include <utility>

namespace Junction {

// The live column each association must produce (otherColumn: a belongsToMany's otherKey).
struct ExpectedKeys
{
    QString table;
    QString column;
    QString otherColumn;
};

// A foreign key column that no attribute declares: its associations make it, so their
// foreignKey/otherKey objects and onDelete/onUpdate must state what the defaults do not.
struct AssociationColumn
{
    QString table;
    QString column;
    QString type; // the imported type
    bool nullable = true;
    bool unique = false; // a single-column unique on it
    QString comment;
    QString onDelete; // as the catalog reports them
    QString onUpdate;
    bool hasConstraint = true;
    // Indexes into Project::associations: whose key spec states the column (belongsTo/hasX:
    // the first, which owns it; belongsToMany: both of the pair), and whose onDelete/onUpdate
    // decide its rules.
    QList<int> specOwners;
    int ruleOwner = -1;
};

// What a live column was imported as, for the final comparison.
struct ImportedColumn
{
    ImportedType type;
    DefaultValue defaultValue;
};

struct ImportPlan
{
    ConnectionSpec::Engine engine = ConnectionSpec::Engine::Sqlite;
    const LiveSchema *live = nullptr;
    Project project;
    QList<ExpectedKeys> expected; // one per association, same index
    QList<AssociationColumn> associationColumns;
    QHash<std::pair<QString, QString>, ImportedColumn> columns; // (table, column)
    // Foreign keys of the live schema the project cannot state (already reported); the
    // comparison skips them. (table, first column)
    QList<std::pair<QString, QString>> skippedForeignKeys;
    QStringList skippedTables; // tables not imported (already reported)
};

} // namespace Junction
