// SPDX-License-Identifier: MIT
#pragma once

#include "dialect.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantList>

namespace Junction {

// One step of a sync plan: what changes, whether it loses data (and how much, counted in the
// live database), and the SQL that does it. A value type: the diff makes it, PlanCounter
// counts it, SyncRunner applies it, the CLI and the editor show it.
struct PlanChange
{
    enum class Kind {
        CreateEnumType, // PostgreSQL enum types
        DropEnumType,
        CreateTable,
        DropTable,
        RenameTable,
        RebuildTable, // SQLite: the official 12-step procedure, for what ALTER cannot do
        AddColumn,
        DropColumn,
        RenameColumn,
        AlterColumnType,
        SetNotNull,
        DropNotNull,
        SetDefault,
        DropDefault,
        AlterComment, // a table comment when column is empty, else the column's
        AlterPrimaryKey,
        AddForeignKey,
        DropForeignKey,
        AddUnique,
        DropUnique,
        AddIndex,
        DropIndex,
    };

    // What `count` counts, in the live database before the plan runs.
    enum class Count {
        None,
        Rows, // rows of liveTable
        Values, // non-NULL values of liveColumns[0]
        Nulls, // NULLs in liveColumns[0]
        Duplicates, // rows that repeat another row's (non-NULL) liveColumns; groups in `groups`
        TooLong, // values of liveColumns[0] longer than countParameters[0] characters
        NotIn, // non-NULL values of liveColumns[0] not among countParameters
        Orphans, // rows whose liveColumns match no row of referencedLiveTable
    };

    Kind kind = Kind::CreateTable;
    QString table; // the table as designed (for drops of unmatched tables: as it is live)
    QString column;
    QString name; // constraint, index or enum type
    QString detail; // what changes, e.g. "VARCHAR(255) -> VARCHAR(20)"

    // Classification. `conditional` changes are destructive only when their count is not 0
    // (NOT NULL over NULLs, UNIQUE over duplicates, rebuilding an SQLite table with rows);
    // `narrowing` marks a type change that may not keep every value. See classify().
    bool narrowing = false;
    bool conditional = false;
    bool destructive = false;
    bool blocked = false; // cannot be applied at all; `reason` says why
    QString blockReason; // set by the diff for what Junction cannot do
    QString reason;

    // Counting, by PlanCounter. Names here are the live ones (before any rename).
    Count countKind = Count::None;
    QString liveTable;
    QStringList liveColumns;
    QString referencedLiveTable; // Orphans: empty when the parent does not exist yet
    QStringList referencedLiveColumns;
    QVariantList countParameters; // bound, never spliced into SQL
    qint64 count = -1; // -1: not counted (yet)
    qint64 groups = -1; // Duplicates: how many distinct duplicated values

    // SQL, without trailing semicolons. `fixups` are data statements that make the live
    // data fit (fill NULLs, cut strings, delete duplicates); they run, before `statements`,
    // only when the change is destructive, i.e. with --allow-data-loss.
    QStringList fixups;
    QStringList statements;
    int locks = 1; // relations the change locks on PostgreSQL (an upper estimate)

    QString description() const; // one line for people: "add column \"Users\".\"age\""
    QString countDescription() const; // "12 NULLs", "" when nothing was counted
    QStringList sql() const; // fixups (when destructive) + statements
    static QString kindName(Kind kind); // "add-column"
};

// An ordered list of changes for one dialect. The ordering rules are written at the top of
// schemadiff.cpp, which builds it; the classification rules at the top of syncplan.cpp.
struct SyncPlan
{
    // default: create what is missing; alter: everything; force: drop and recreate.
    enum class Mode { Create, Alter, Force };

    // How a design id maps to a live name, for the `synced` history (see SyncedHistory).
    struct NameMatch
    {
        QString id; // model id (or, for a created junction table, its association id)
        QString table; // design table
        QString column; // design column; empty for a table
        QString liveName; // the name in the database before the plan; empty: none
        bool establishes = false; // after the plan the design name exists in the database
    };

    Dialect::Kind dialect = Dialect::Kind::Sqlite;
    Mode mode = Mode::Alter;
    QList<PlanChange> changes;
    QStringList unmatchedTables; // live tables no design table claims
    int differencesNotApplied = 0; // Create mode: differences that need --alter
    QList<NameMatch> tableNames;
    QList<NameMatch> columnNames;

    bool isEmpty() const { return changes.isEmpty(); }
    bool hasDestructive() const;
    bool hasBlocked() const;
    QList<const PlanChange *> destructiveChanges() const;
    QList<const PlanChange *> blockedChanges() const;
    // Every statement in order, fixups included for destructive changes.
    QStringList statements() const;

    // Sets destructive, blocked and reason of every change from its kind and count.
    void classify();
    static void classify(PlanChange &change);
    static QString modeName(Mode mode);
};

} // namespace Junction

Q_DECLARE_TYPEINFO(Junction::PlanChange, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(Junction::SyncPlan::NameMatch, Q_RELOCATABLE_TYPE);
