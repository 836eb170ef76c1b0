// SPDX-License-Identifier: MIT
#include "schemadiff.h"

#include "diffbuilder.h"

#include <QSet>

// What the diff compares, and in which order the plan runs
// ========================================================
//
// Tables and columns are matched by SchemaMatch (same name, else a rename recorded in
// `synced`). Then, per matched table:
//   columns      type (NativeTypes spelling; enums by their values: PostgreSQL's type,
//                MySQL's enum(...), SQLite's CHECK), auto-increment, nullability (not for
//                primary key columns: SQLite reports those nullable), default (LiveDefaults
//                keys), comment (not SQLite, which keeps none)
//   primary key  its column list
//   uniques      by column list (SQLite keeps no names); on MySQL a unique index the design
//                declares is an index, not a unique constraint
//   indexes      by name, then columns and uniqueness
//   foreign keys by (columns, referenced table, referenced columns), then ON DELETE and
//                ON UPDATE (LiveDefaults::rule); a change is a drop plus an add
//   comment      the table's (not SQLite)
// Names of constraints other than indexes are not compared: a renamed table keeps
// <old>_pkey and so on, which is harmless.
//
// Order of the plan (each step in design order unless said otherwise):
//   1. drop foreign keys that go away or change, and those into tables about to be dropped
//      from tables that stay (and one per cycle among dropped tables)
//   2. drop uniques and indexes that go away or change
//      (1 and 2 use the live names: they run before any rename)
//   3. rename tables, then columns (PostgreSQL renames their enum types along)
//   4. drop tables, dependents first, then enum types nothing uses any more
//   5. per existing table: new enum types, add columns, change type, default, nullability,
//      comment, primary key, drop columns; on SQLite everything ALTER cannot do is one
//      rebuild at the end of the table (12-step procedure), which also creates its
//      uniques, indexes and foreign keys
//   6. add uniques and indexes to existing tables (after the columns they cover exist)
//   7. create tables in Sequelize's creation order (dependencies first), each after its
//      enum types, with its foreign keys inline: what they reference exists by then
//   8. add foreign keys to existing tables, after every table they need was created
// MySQL commits every DDL statement on its own, so a run that fails half-way leaves a
// prefix of this plan applied. Every step is a single statement whose effect a new diff
// recognises (no temporary names on MySQL, renames before anything refers to the new
// names, fixups before the statement that needs them), so re-running sync computes the
// rest of the plan and finishes it. PostgreSQL and SQLite apply the plan in a transaction.
//
// Modes: alter is all of the above. create (Sequelize's default sync) keeps only what is
// missing: tables not in the database (and their enum types), and indexes missing by name
// on tables that exist under their designed name. force drops every designed table that
// exists (steps 1 and 4) and creates all of them (step 7).

namespace Junction::SyncDiff {

// A PostgreSQL type name as format_type printed it: unquoted; empty for a qualified name
// (another schema's type, never Junction's to rename or drop).
QString unquoteTypeName(const QString &nativeType)
{
    if (!nativeType.startsWith(QLatin1Char('"')))
        return nativeType.contains(QLatin1Char('.')) ? QString() : nativeType;
    QString out;
    for (int i = 1; i < nativeType.size(); ++i) {
        const QChar c = nativeType.at(i);
        if (c == QLatin1Char('"')) {
            if (i + 1 < nativeType.size() && nativeType.at(i + 1) == QLatin1Char('"')) {
                out += c;
                ++i;
                continue;
            }
            return i + 1 == nativeType.size() ? out : QString();
        }
        out += c;
    }
    return {};
}

void DiffBuilder::ensureEnumType(QList<Item> &into, int designTable, const QString &name,
                                 const QStringList &values, bool createsMissing)
{
    const QString table = m_design.tables.at(designTable).name;
    if (m_live.enums.contains(name) && !m_droppedTypes.contains(name)
        && !m_typeRenamed.contains(name)) {
        // A type left behind with this name: reused when it is the same and unused,
        // replaced when unused, else in the way.
        if (m_enumUsers.value(name) == 0) {
            if (m_live.enums.value(name) == values && !m_createdTypes.contains(name)) {
                m_createdTypes.insert(name);
                return;
            }
            Item drop = item(Kind::DropEnumType, designTable, table);
            drop.change.name = name;
            drop.change.statements << m_sql.dropEnumType(name);
            drop.createsMissing = createsMissing;
            into << drop;
            m_droppedTypes.insert(name);
        }
    }
    Item create = item(Kind::CreateEnumType, designTable, table);
    create.change.name = name;
    create.change.statements << m_sql.createEnumType(name, values);
    create.createsMissing = createsMissing;
    if (!typeNameFree(name))
        create.change.blockReason = QStringLiteral("enum type \"%1\" exists and is used by other "
                                                   "columns; rename or drop it first")
                                        .arg(name);
    m_createdTypes.insert(name);
    into << create;
}

void DiffBuilder::dropTables(const QList<int> &liveTables, bool foreignKeysFromOthers)
{
    if (liveTables.isEmpty())
        return;
    const bool canDropKeys = m_kind != Dialect::Kind::Sqlite; // SQLite runs with FKs off
    QSet<QString> dropping;
    for (int l : liveTables)
        dropping.insert(m_live.tables.at(l).name);

    auto dropKey = [&](const LiveTable &t, const LiveForeignKey &fk, const QString &why) {
        Item i = item(Kind::DropForeignKey, -1, t.name);
        i.change.name = fk.name;
        i.change.liveTable = t.name;
        i.change.detail = why;
        i.change.statements = m_sql.dropForeignKey(t.name, fk.name);
        i.change.locks = 3;
        m_steps[DropForeignKeys] << i;
    };
    if (foreignKeysFromOthers && canDropKeys) {
        for (const LiveTable &t : m_live.tables) {
            if (dropping.contains(t.name))
                continue;
            for (const LiveForeignKey &fk : t.foreignKeys) {
                if (fk.referencedSchema.isEmpty() && dropping.contains(fk.referencedTable))
                    dropKey(t, fk,
                            QStringLiteral("it references dropped table \"%1\"")
                                .arg(fk.referencedTable));
            }
        }
    }

    // Dependents first: a table goes once no remaining table to drop references it.
    QHash<QString, int> referencedBy;
    for (int l : liveTables) {
        const LiveTable &t = m_live.tables.at(l);
        for (const LiveForeignKey &fk : t.foreignKeys) {
            if (fk.referencedSchema.isEmpty() && fk.referencedTable != t.name
                && dropping.contains(fk.referencedTable))
                ++referencedBy[fk.referencedTable];
        }
    }
    QList<int> order;
    QList<int> pending = liveTables;
    while (!pending.isEmpty()) {
        bool progress = false;
        for (int i = 0; i < pending.size(); ++i) {
            const LiveTable &t = m_live.tables.at(pending.at(i));
            if (referencedBy.value(t.name) > 0)
                continue;
            order << pending.at(i);
            for (const LiveForeignKey &fk : t.foreignKeys) {
                if (fk.referencedSchema.isEmpty() && fk.referencedTable != t.name
                    && dropping.contains(fk.referencedTable))
                    --referencedBy[fk.referencedTable];
            }
            pending.removeAt(i--);
            progress = true;
        }
        if (progress)
            continue;
        // A cycle: its foreign keys go first, then the tables in any order.
        for (int l : std::as_const(pending)) {
            const LiveTable &t = m_live.tables.at(l);
            for (const LiveForeignKey &fk : t.foreignKeys) {
                if (canDropKeys && fk.referencedTable != t.name
                    && dropping.contains(fk.referencedTable))
                    dropKey(t, fk, QStringLiteral("it closes a cycle among dropped tables"));
            }
        }
        order += pending;
        pending.clear();
    }

    for (int l : std::as_const(order)) {
        const LiveTable &t = m_live.tables.at(l);
        Item drop = item(Kind::DropTable, -1, t.name);
        drop.change.liveTable = t.name;
        drop.change.countKind = Count::Rows;
        drop.change.statements << m_sql.dropTable(t.name);
        drop.change.locks = tableLocks(t) + 2;
        m_steps[DropTables] << drop;
        for (const LiveColumn &c : t.columns) {
            const QString type = liveEnumType(c);
            if (releaseEnumType(type)) {
                Item dropType = item(Kind::DropEnumType, -1, t.name);
                dropType.change.name = type;
                dropType.change.statements << m_sql.dropEnumType(type);
                m_steps[DropTables] << dropType;
            }
        }
    }
}

void DiffBuilder::createTable(int d)
{
    const ResolvedTable &t = m_design.tables.at(d);
    if (m_kind == Dialect::Kind::Postgres) {
        for (const ResolvedColumn &c : t.columns) {
            if (c.type.kind == DataType::Kind::Enum)
                ensureEnumType(m_steps[CreateTables], d, m_dialect.enumTypeName(t.name, c.name),
                               c.type.enumValues, true);
        }
    }
    Item create = item(Kind::CreateTable, d, t.name);
    create.change.statements = m_sql.createTable(t, nullptr);
    create.createsMissing = true;
    QSet<QString> referenced;
    for (const ResolvedForeignKey &fk : t.foreignKeys)
        referenced.insert(fk.referencedTable);
    create.change.locks = 4 + int(t.uniques.size() + t.indexes.size() + referenced.size());
    for (const ResolvedColumn &c : t.columns)
        create.change.locks += c.autoIncrement ? 1 : 0;
    m_steps[CreateTables] << create;
}

void DiffBuilder::compareTable(int d)
{
    const ResolvedTable &t = m_design.tables.at(d);
    const int l = m_match.liveTable(d);
    const LiveTable &lt = m_live.tables.at(l);
    const bool pg = m_kind == Dialect::Kind::Postgres;

    QList<Item> &renames = m_steps[Renames];
    int tableRename = -1; // indexes into renames: pointers would not survive appending
    if (m_match.tableRenamed(d)) {
        Item rename = item(Kind::RenameTable, d, t.name);
        rename.change.liveTable = lt.name;
        rename.change.statements << m_sql.renameTable(lt.name, t.name);
        rename.change.locks = tableLocks(lt);
        tableRename = int(renames.size());
        renames << rename;
    }
    for (const ResolvedColumn &dc : t.columns) {
        const QString live = m_match.liveColumn(d, dc.name);
        const LiveColumn *lc = live.isEmpty() ? nullptr : lt.column(live);
        int columnRename = -1;
        if (lc && live != dc.name) {
            Item rename = item(Kind::RenameColumn, d, t.name, dc.name);
            rename.change.liveTable = lt.name;
            rename.change.liveColumns = {live};
            rename.change.statements << m_sql.renameColumn(t.name, live, dc.name);
            rename.change.locks = 2;
            columnRename = int(renames.size());
            renames << rename;
        }
        // PostgreSQL: a type named by Junction's convention follows its table and column.
        if (pg && lc && (tableRename >= 0 || columnRename >= 0)
            && dc.type.kind == DataType::Kind::Enum) {
            const QString type = liveEnumType(*lc);
            const QString target = m_dialect.enumTypeName(t.name, dc.name);
            if (!type.isEmpty() && type == m_dialect.enumTypeName(lt.name, live) && type != target
                && m_enumUsers.value(type) == 1 && typeNameFree(target)) {
                renames[columnRename >= 0 ? columnRename : tableRename].change.statements
                    << m_sql.renameEnumType(type, target);
                m_typeRenamed.insert(type, target);
                m_renamedTo.insert(target);
                m_enumUsers.insert(target, 1);
            }
        }
    }

    for (const ResolvedColumn &dc : t.columns) {
        const QString live = m_match.liveColumn(d, dc.name);
        if (live.isEmpty())
            addColumn(d, dc);
        else
            compareColumn(d, dc, *lt.column(live));
    }
    // Drops before the primary key changes: a key column that goes takes the old key with
    // it (MySQL cannot drop a key that still holds an auto-increment column).
    for (const LiveColumn &lc : lt.columns) {
        if (!m_match.designColumn(l, lc.name).isEmpty())
            continue;
        Item drop = item(Kind::DropColumn, d, t.name, lc.name);
        drop.change.liveTable = lt.name;
        drop.change.liveColumns = {lc.name};
        drop.change.countKind = Count::Values;
        drop.change.locks = tableLocks(lt);
        if (m_kind == Dialect::Kind::Sqlite)
            drop.needsRebuild = true;
        else
            drop.change.statements << m_sql.dropColumn(t.name, lc.name);
        m_alters[d] << drop;
        const QString type = currentEnumType(lc);
        if (releaseEnumType(type)) {
            Item dropType = item(Kind::DropEnumType, d, t.name);
            dropType.change.name = type;
            dropType.change.statements << m_sql.dropEnumType(type);
            m_alters[d] << dropType;
        }
    }
    compareConstraints(d);
}

void DiffBuilder::foldRebuilds()
{
    QSet<QString> names; // every table name, for temporary names that collide with none
    QSet<int> affected; // design tables something needs rebuilt
    for (int s = 0; s < StepCount; ++s) {
        for (const Item &i : std::as_const(m_steps[s])) {
            if (i.needsRebuild)
                affected.insert(i.designTable);
        }
    }
    for (int d = 0; d < m_design.tables.size(); ++d) {
        for (const Item &i : std::as_const(m_alters[d])) {
            if (i.needsRebuild)
                affected.insert(d);
        }
    }
    for (int d = 0; d < m_design.tables.size(); ++d) {
        if (!affected.contains(d))
            continue;
        if (m_match.liveTable(d) < 0)
            continue;
        // Everything about the table but its renames moves next to the rebuild, which
        // does it; fixups still run first, on the old table.
        QList<Item> table;
        for (Step s : {DropForeignKeys, DropIndexes}) {
            for (int k = 0; k < m_steps[s].size(); ++k) {
                if (m_steps[s].at(k).designTable == d)
                    table << m_steps[s].takeAt(k--);
            }
        }
        table += m_alters[d];
        for (Step s : {AddUniques, AddForeignKeys}) {
            for (int k = 0; k < m_steps[s].size(); ++k) {
                if (m_steps[s].at(k).designTable == d)
                    table << m_steps[s].takeAt(k--);
            }
        }
        for (Item &i : table)
            i.change.statements.clear();

        const ResolvedTable &t = m_design.tables.at(d);
        const LiveTable &lt = m_live.tables.at(m_match.liveTable(d));
        if (names.isEmpty()) {
            for (const LiveTable &x : m_live.tables)
                names.insert(x.name);
            for (const ResolvedTable &x : m_design.tables)
                names.insert(x.name);
        }
        QString temp = QStringLiteral("junction_rebuild_") + t.name;
        for (int n = 2; names.contains(temp); ++n)
            temp = QStringLiteral("junction_rebuild_%1_%2").arg(t.name).arg(n);
        QList<std::pair<QString, QString>> copies;
        for (const ResolvedColumn &c : t.columns) {
            if (!m_match.liveColumn(d, c.name).isEmpty())
                copies.append({c.name, copyExpression(d, c.name)});
        }
        Item rebuild = item(Kind::RebuildTable, d, t.name);
        rebuild.change.liveTable = lt.name;
        rebuild.change.countKind = Count::Rows;
        rebuild.change.conditional = true;
        rebuild.change.statements = m_sql.rebuildTable(t, temp, copies);
        table << rebuild;
        m_alters[d] = table;
    }
}

SyncPlan DiffBuilder::build()
{
    SyncPlan plan;
    plan.dialect = m_kind;
    plan.mode = m_mode;
    const QList<int> unmatched = m_match.unmatchedLiveTables();
    for (int l : unmatched)
        plan.unmatchedTables << m_live.tables.at(l).name;

    if (m_mode == SyncPlan::Mode::Force) {
        QList<int> existing;
        for (int d = 0; d < m_design.tables.size(); ++d) {
            if (m_match.liveTable(d) >= 0)
                existing << m_match.liveTable(d);
        }
        dropTables(existing, true);
        for (int d : m_design.creationOrder)
            createTable(d);
    } else if (m_mode == SyncPlan::Mode::Create) {
        // The tables first, so that the enum types they need are judged on the database
        // as it is (nothing else of the comparison will run).
        for (int d : m_design.creationOrder) {
            if (m_match.liveTable(d) < 0)
                createTable(d);
        }
        for (int d = 0; d < m_design.tables.size(); ++d) {
            if (m_match.liveTable(d) >= 0)
                compareTable(d);
        }
        plan.differencesNotApplied += int(unmatched.size());
    } else {
        for (int d = 0; d < m_design.tables.size(); ++d) {
            if (m_match.liveTable(d) >= 0)
                compareTable(d);
        }
        dropTables(unmatched, false);
        for (int d : m_design.creationOrder) {
            if (m_match.liveTable(d) < 0)
                createTable(d);
        }
    }

    // Create mode keeps what is missing; the rest is counted as not applied.
    if (m_mode == SyncPlan::Mode::Create) {
        auto keep = [&plan](QList<Item> &items) {
            for (int k = 0; k < items.size(); ++k) {
                if (!items.at(k).createsMissing) {
                    ++plan.differencesNotApplied;
                    items.removeAt(k--);
                }
            }
        };
        for (auto &step : m_steps)
            keep(step);
        for (auto &alters : m_alters)
            keep(alters);
    } else if (m_kind == Dialect::Kind::Sqlite) {
        foldRebuilds();
    }

    for (int s = 0; s < StepCount; ++s) {
        if (s == AlterTables) {
            for (const QList<Item> &alters : std::as_const(m_alters)) {
                for (const Item &i : alters)
                    plan.changes << i.change;
            }
            continue;
        }
        for (const Item &i : std::as_const(m_steps[s]))
            plan.changes << i.change;
    }

    // Which designed names the database holds once the plan ran.
    QSet<QString> establishedTables;
    QSet<QString> establishedColumns;
    for (const PlanChange &c : std::as_const(plan.changes)) {
        if (c.kind == Kind::CreateTable || c.kind == Kind::RenameTable)
            establishedTables.insert(c.table);
        if (c.kind == Kind::AddColumn || c.kind == Kind::RenameColumn)
            establishedColumns.insert(key({c.table, c.column}));
    }
    for (int d = 0; d < m_design.tables.size(); ++d) {
        const ResolvedTable &t = m_design.tables.at(d);
        const int l = m_match.liveTable(d);
        const QString liveName = l >= 0 ? m_live.tables.at(l).name : QString();
        const bool tableThere = m_mode == SyncPlan::Mode::Force || liveName == t.name
            || establishedTables.contains(t.name);
        const bool created = m_mode == SyncPlan::Mode::Force || (l < 0 && tableThere);
        plan.tableNames << SyncPlan::NameMatch {
            SchemaMatch::tableId(t), t.name, {}, liveName, tableThere};
        for (const ResolvedColumn &c : t.columns) {
            if (c.attributeId.isNull())
                continue;
            const QString liveColumn = l >= 0 ? m_match.liveColumn(d, c.name) : QString();
            const bool there = created
                || (tableThere
                    && (liveColumn == c.name
                        || establishedColumns.contains(key({t.name, c.name}))));
            plan.columnNames << SyncPlan::NameMatch {c.attributeId.toString(), t.name, c.name,
                                                     liveColumn, there};
        }
    }
    plan.classify();
    return plan;
}

} // namespace Junction::SyncDiff

namespace Junction {

SyncPlan SchemaDiff::compute(const ResolvedSchema &design, const LiveSchema &live,
                             const Dialect &dialect, const QJsonObject &syncedEntry,
                             SyncPlan::Mode mode)
{
    return SyncDiff::DiffBuilder(design, live, dialect, syncedEntry, mode).build();
}

} // namespace Junction
