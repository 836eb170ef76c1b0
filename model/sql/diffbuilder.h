// SPDX-License-Identifier: MIT
#pragma once
// SchemaDiff's working parts, shared by schemadiff.cpp (tables, order, modes) and
// diffcolumns.cpp (columns and constraints of one table). Not a public interface.

#include "catalogreader.h"
#include "plansql.h"
#include "schemamatch.h"
#include "syncplan.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>

namespace Junction::SyncDiff {

enum Step {
    DropForeignKeys,
    DropIndexes,
    Renames,
    DropTables,
    AlterTables,
    AddUniques,
    CreateTables,
    AddForeignKeys,
    StepCount
};

using Kind = PlanChange::Kind;
using Count = PlanChange::Count;

struct Item
{
    PlanChange change;
    int designTable = -1;
    bool createsMissing = false; // kept in create mode
    bool needsRebuild = false; // SQLite: only the table rebuild can do it
};

inline QString key(const QStringList &parts)
{
    return parts.join(QChar(0x1f));
}

// A PostgreSQL type name as format_type printed it: unquoted; empty for a qualified name
// (another schema's type, never Junction's to rename or drop).
QString unquoteTypeName(const QString &nativeType);

class DiffBuilder
{
public:
    DiffBuilder(const ResolvedSchema &design, const LiveSchema &live, const Dialect &dialect,
                const QJsonObject &synced, SyncPlan::Mode mode)
        : m_design(design)
        , m_live(live)
        , m_dialect(dialect)
        , m_kind(dialect.kind())
        , m_sql(dialect)
        , m_match(design, live, synced)
        , m_mode(mode)
    {
        m_alters.resize(design.tables.size());
        m_copies.resize(design.tables.size());
        if (m_kind == Dialect::Kind::Postgres) {
            for (const LiveTable &t : live.tables) {
                for (const LiveColumn &c : t.columns) {
                    const QString type = liveEnumType(c);
                    if (!type.isEmpty())
                        ++m_enumUsers[type];
                }
            }
        }
    }

    SyncPlan build();

private:
    Item item(Kind kind, int designTable, const QString &table, const QString &column = {}) const
    {
        Item i;
        i.change.kind = kind;
        i.change.table = table;
        i.change.column = column;
        i.designTable = designTable;
        return i;
    }

    QString liveEnumType(const LiveColumn &c) const
    {
        if (m_kind != Dialect::Kind::Postgres || c.enumValues.isEmpty())
            return {};
        const QString name = unquoteTypeName(c.nativeType);
        return m_live.enums.contains(name) ? name : QString();
    }
    // The enum type a live column has once renames ran.
    QString currentEnumType(const LiveColumn &c) const
    {
        const QString type = liveEnumType(c);
        return m_typeRenamed.value(type, type);
    }
    bool typeNameFree(const QString &name) const
    {
        if (m_createdTypes.contains(name) || m_renamedTo.contains(name))
            return false;
        if (m_live.enums.contains(name))
            return m_droppedTypes.contains(name) || m_typeRenamed.contains(name);
        return true;
    }
    // One user fewer; true when none is left and the type can go.
    bool releaseEnumType(const QString &type)
    {
        if (type.isEmpty())
            return false;
        int &users = m_enumUsers[type];
        if (--users > 0)
            return false;
        m_droppedTypes.insert(type);
        return true;
    }

    void ensureEnumType(QList<Item> &into, int designTable, const QString &name,
                        const QStringList &values, bool createsMissing);
    void dropTables(const QList<int> &liveTables, bool foreignKeysFromOthers);
    void createTable(int d);
    void compareTable(int d);
    void compareColumn(int d, const ResolvedColumn &dc, const LiveColumn &lc);
    void addColumn(int d, const ResolvedColumn &dc);
    void compareConstraints(int d);
    void foldRebuilds();
    int tableLocks(const LiveTable &t) const
    {
        return 3 + int(t.indexes.size() + t.uniques.size() + t.foreignKeys.size());
    }
    QString mapped(int liveTable, const QString &liveColumn) const
    {
        const QString d = m_match.designColumn(liveTable, liveColumn);
        return d.isEmpty() ? QStringLiteral("\x01") + liveColumn : d;
    }
    QStringList mappedColumns(int liveTable, const QStringList &columns) const
    {
        QStringList out;
        for (const QString &c : columns)
            out << mapped(liveTable, c);
        return out;
    }
    // Live names of designed columns; empty when one of them does not exist yet.
    QStringList liveColumns(int d, const QStringList &designColumns) const
    {
        QStringList out;
        for (const QString &c : designColumns) {
            const QString l = m_match.liveColumn(d, c);
            if (l.isEmpty())
                return {};
            out << l;
        }
        return out;
    }
    int designIndex(const QString &tableName) const
    {
        const ResolvedTable *t = m_design.table(tableName);
        return t ? int(t - m_design.tables.constData()) : -1;
    }
    QString copyExpression(int d, const QString &column) const
    {
        return m_copies.at(d).value(column, m_sql.q(column));
    }

    const ResolvedSchema &m_design;
    const LiveSchema &m_live;
    const Dialect &m_dialect;
    const Dialect::Kind m_kind;
    const PlanSql m_sql;
    const SchemaMatch m_match;
    const SyncPlan::Mode m_mode;

    QList<Item> m_steps[StepCount];
    QList<QList<Item>> m_alters; // step 5, per design table
    QList<QHash<QString, QString>> m_copies; // SQLite rebuild: column -> copy expression
    QHash<QString, int> m_enumUsers; // PostgreSQL: live enum type -> live columns
    QSet<QString> m_droppedTypes;
    QSet<QString> m_createdTypes;
    QHash<QString, QString> m_typeRenamed; // old type name -> new
    QSet<QString> m_renamedTo;
    QSet<QString> m_sqliteInlineKeys; // foreign keys added with their column
};

} // namespace Junction::SyncDiff
