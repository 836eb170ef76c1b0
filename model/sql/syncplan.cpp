// SPDX-License-Identifier: MIT
#include "syncplan.h"

// Classification: which changes lose data
// =======================================
//
// A change is destructive when applying it can lose data that is in the database now. The
// count comes from the live database (PlanCounter) before anything runs; a conditional
// change that could not be counted (count -1) is treated as destructive.
//
//   change                         destructive when              count
//   DropTable                      always                        rows of the table
//   DropColumn                     always                        non-NULL values
//   AlterColumnType, narrowing     always                        TooLong: values longer than
//     (see NativeTypes::widens)                                  the new length (cut);
//                                                                NotIn: values the new enum
//                                                                lacks (replaced); else the
//                                                                non-NULL values converted
//   SetNotNull                     NULLs != 0                    NULLs (replaced by the
//                                                                default or the type's zero)
//   AddUnique, AddIndex (unique),  duplicate rows != 0           rows that repeat another
//   AlterPrimaryKey                                              row's key (deleted, the row
//                                                                with the lowest key kept)
//   RebuildTable (SQLite)          rows != 0                     rows copied
//   AddForeignKey                  never; BLOCKED when           rows referencing no parent
//                                  orphans != 0                  row
//   anything else                  never
//
// Blocked changes cannot be applied even with --allow-data-loss (the database would refuse
// them, or Junction does not do them); the plan says why and sync changes nothing.
// Fixups (the statements that make data fit: UPDATE ... WHERE c IS NULL, cutting strings,
// deleting duplicates) run only for destructive changes, so a safe plan only ever runs DDL.

namespace Junction {

namespace {

// Names as SQL quotes them, so that one with a quote inside still reads unambiguously.
QString quoted(const QString &name)
{
    QString out = name;
    out.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + out + QLatin1Char('"');
}

QString columnRef(const PlanChange &c)
{
    return quoted(c.table) + QLatin1Char('.') + quoted(c.column);
}

QString number(qint64 n, const char *singular, const char *plural)
{
    return QString::number(n) + QLatin1Char(' ') + QLatin1String(n == 1 ? singular : plural);
}

} // namespace

QString PlanChange::kindName(Kind kind)
{
    switch (kind) {
    case Kind::CreateEnumType:
        return QStringLiteral("create-enum-type");
    case Kind::DropEnumType:
        return QStringLiteral("drop-enum-type");
    case Kind::CreateTable:
        return QStringLiteral("create-table");
    case Kind::DropTable:
        return QStringLiteral("drop-table");
    case Kind::RenameTable:
        return QStringLiteral("rename-table");
    case Kind::RebuildTable:
        return QStringLiteral("rebuild-table");
    case Kind::AddColumn:
        return QStringLiteral("add-column");
    case Kind::DropColumn:
        return QStringLiteral("drop-column");
    case Kind::RenameColumn:
        return QStringLiteral("rename-column");
    case Kind::AlterColumnType:
        return QStringLiteral("alter-column-type");
    case Kind::SetNotNull:
        return QStringLiteral("set-not-null");
    case Kind::DropNotNull:
        return QStringLiteral("drop-not-null");
    case Kind::SetDefault:
        return QStringLiteral("set-default");
    case Kind::DropDefault:
        return QStringLiteral("drop-default");
    case Kind::AlterComment:
        return QStringLiteral("alter-comment");
    case Kind::AlterPrimaryKey:
        return QStringLiteral("alter-primary-key");
    case Kind::AddForeignKey:
        return QStringLiteral("add-foreign-key");
    case Kind::DropForeignKey:
        return QStringLiteral("drop-foreign-key");
    case Kind::AddUnique:
        return QStringLiteral("add-unique");
    case Kind::DropUnique:
        return QStringLiteral("drop-unique");
    case Kind::AddIndex:
        return QStringLiteral("add-index");
    case Kind::DropIndex:
        return QStringLiteral("drop-index");
    }
    return {};
}

QString PlanChange::description() const
{
    QString text;
    switch (kind) {
    case Kind::CreateEnumType:
        text = QStringLiteral("create enum type ") + quoted(name);
        break;
    case Kind::DropEnumType:
        text = QStringLiteral("drop enum type ") + quoted(name);
        break;
    case Kind::CreateTable:
        text = QStringLiteral("create table ") + quoted(table);
        break;
    case Kind::DropTable:
        text = QStringLiteral("drop table ") + quoted(table);
        break;
    case Kind::RenameTable:
        text = QStringLiteral("rename table ") + quoted(liveTable) + QStringLiteral(" to ")
            + quoted(table);
        break;
    case Kind::RebuildTable:
        text = QStringLiteral("rebuild table ") + quoted(table);
        break;
    case Kind::AddColumn:
        text = QStringLiteral("add column ") + columnRef(*this);
        break;
    case Kind::DropColumn:
        text = QStringLiteral("drop column ") + columnRef(*this);
        break;
    case Kind::RenameColumn:
        text = QStringLiteral("rename column ") + quoted(table) + QLatin1Char('.')
            + quoted(liveColumns.value(0)) + QStringLiteral(" to ") + quoted(column);
        break;
    case Kind::AlterColumnType:
        text = QStringLiteral("change the type of ") + columnRef(*this);
        break;
    case Kind::SetNotNull:
        text = QStringLiteral("set NOT NULL on ") + columnRef(*this);
        break;
    case Kind::DropNotNull:
        text = QStringLiteral("drop NOT NULL on ") + columnRef(*this);
        break;
    case Kind::SetDefault:
        text = QStringLiteral("set the default of ") + columnRef(*this);
        break;
    case Kind::DropDefault:
        text = QStringLiteral("drop the default of ") + columnRef(*this);
        break;
    case Kind::AlterComment:
        text = QStringLiteral("change the comment of ")
            + (column.isEmpty() ? QStringLiteral("table ") + quoted(table) : columnRef(*this));
        break;
    case Kind::AlterPrimaryKey:
        text = QStringLiteral("change the primary key of ") + quoted(table);
        break;
    case Kind::AddForeignKey:
        text = QStringLiteral("add foreign key ") + quoted(name) + QStringLiteral(" on ")
            + quoted(table);
        break;
    case Kind::DropForeignKey:
        text = QStringLiteral("drop foreign key ")
            + (name.isEmpty() ? QString() : quoted(name) + QLatin1Char(' ')) + QStringLiteral("on ")
            + quoted(table);
        break;
    case Kind::AddUnique:
        text
            = QStringLiteral("add unique ") + quoted(name) + QStringLiteral(" on ") + quoted(table);
        break;
    case Kind::DropUnique:
        text = QStringLiteral("drop unique ")
            + (name.isEmpty() ? QString() : quoted(name) + QLatin1Char(' ')) + QStringLiteral("on ")
            + quoted(table);
        break;
    case Kind::AddIndex:
        text = QStringLiteral("add index ") + quoted(name) + QStringLiteral(" on ") + quoted(table);
        break;
    case Kind::DropIndex:
        text
            = QStringLiteral("drop index ") + quoted(name) + QStringLiteral(" on ") + quoted(table);
        break;
    }
    if (!detail.isEmpty())
        text += QStringLiteral(" (") + detail + QLatin1Char(')');
    return text;
}

QString PlanChange::countDescription() const
{
    if (count < 0)
        return {};
    switch (countKind) {
    case Count::None:
        return {};
    case Count::Rows:
        return number(count, "row", "rows");
    case Count::Values:
        return number(count, "non-NULL value", "non-NULL values");
    case Count::Nulls:
        return number(count, "NULL", "NULLs");
    case Count::Duplicates:
        return number(count, "duplicate row", "duplicate rows")
            + (groups >= 0 ? QStringLiteral(" in ") + number(groups, "group", "groups")
                           : QString());
    case Count::TooLong:
        return number(count, "value too long", "values too long");
    case Count::NotIn:
        return number(count, "value not allowed", "values not allowed");
    case Count::Orphans:
        return number(count, "orphan row", "orphan rows");
    }
    return {};
}

QStringList PlanChange::sql() const
{
    return destructive ? fixups + statements : statements;
}

void SyncPlan::classify(PlanChange &c)
{
    using K = PlanChange::Kind;
    const bool counted = c.count >= 0;
    const QString counts = counted ? c.countDescription() : QStringLiteral("count unknown");
    c.destructive = false;
    c.blocked = false;
    c.reason.clear();
    switch (c.kind) {
    case K::DropTable:
        c.destructive = true;
        c.reason = QStringLiteral("drops table ") + quoted(c.table) + QStringLiteral(" with ")
            + (counted ? number(c.count, "row", "rows") : QStringLiteral("all its rows"));
        break;
    case K::DropColumn:
        c.destructive = true;
        c.reason = QStringLiteral("drops column ") + columnRef(c) + QStringLiteral(" with ")
            + (counted ? number(c.count, "non-NULL value", "non-NULL values")
                       : QStringLiteral("all its values"));
        break;
    case K::AlterColumnType:
        if (!c.narrowing)
            break;
        c.destructive = true;
        c.reason
            = QStringLiteral("narrows the type of ") + columnRef(c) + QStringLiteral(": ") + counts;
        if (c.countKind == PlanChange::Count::TooLong)
            c.reason += QStringLiteral(" (cut to the new length)");
        else if (c.countKind == PlanChange::Count::NotIn)
            c.reason += QStringLiteral(" (replaced)");
        else
            c.reason += QStringLiteral(" (converted; the database refuses values that do not fit)");
        break;
    case K::SetNotNull:
        c.destructive = !counted || c.count != 0;
        if (c.destructive)
            c.reason = QStringLiteral("adds NOT NULL to ") + columnRef(c)
                + QStringLiteral(" holding ") + counts + QStringLiteral(" (replaced)");
        break;
    case K::AddUnique:
    case K::AddIndex:
    case K::AlterPrimaryKey:
        if (c.countKind != PlanChange::Count::Duplicates)
            break;
        c.destructive = !counted || c.count != 0;
        if (c.destructive)
            c.reason = QStringLiteral("adds ")
                + QLatin1String(c.kind == K::AlterPrimaryKey ? "a PRIMARY KEY" : "UNIQUE")
                + QStringLiteral(" over ") + counts + QStringLiteral(" of ") + quoted(c.table)
                + QStringLiteral(" (deleted; the row with the lowest key of each group is kept)");
        break;
    case K::RebuildTable:
        c.destructive = !counted || c.count != 0;
        if (c.destructive)
            c.reason = QStringLiteral("rebuilds SQLite table ") + quoted(c.table)
                + QStringLiteral(" holding ") + counts;
        break;
    case K::AddForeignKey:
        if (counted && c.count > 0) {
            c.blocked = true;
            c.reason = number(c.count, "row", "rows") + QStringLiteral(" of ") + quoted(c.table)
                + QLatin1String(c.count == 1 ? " references" : " reference")
                + QStringLiteral(" no row of ")
                + quoted(c.referencedLiveTable.isEmpty() ? c.name : c.referencedLiveTable)
                + QStringLiteral("; the database would refuse the foreign key");
        }
        break;
    default:
        break;
    }
    if (!c.blockReason.isEmpty()) {
        c.blocked = true;
        c.reason = c.blockReason;
    }
}

void SyncPlan::classify()
{
    for (PlanChange &change : changes)
        classify(change);
}

bool SyncPlan::hasDestructive() const
{
    for (const PlanChange &c : changes) {
        if (c.destructive)
            return true;
    }
    return false;
}

bool SyncPlan::hasBlocked() const
{
    for (const PlanChange &c : changes) {
        if (c.blocked)
            return true;
    }
    return false;
}

QList<const PlanChange *> SyncPlan::destructiveChanges() const
{
    QList<const PlanChange *> out;
    for (const PlanChange &c : changes) {
        if (c.destructive)
            out << &c;
    }
    return out;
}

QList<const PlanChange *> SyncPlan::blockedChanges() const
{
    QList<const PlanChange *> out;
    for (const PlanChange &c : changes) {
        if (c.blocked)
            out << &c;
    }
    return out;
}

QStringList SyncPlan::statements() const
{
    QStringList out;
    for (const PlanChange &c : changes)
        out += c.sql();
    return out;
}

QString SyncPlan::modeName(Mode mode)
{
    switch (mode) {
    case Mode::Create:
        return QStringLiteral("create");
    case Mode::Alter:
        return QStringLiteral("alter");
    case Mode::Force:
        return QStringLiteral("force");
    }
    return {};
}

} // namespace Junction
