// SPDX-License-Identifier: MIT
#include "planreport.h"

#include "dialect.h"
#include "jsonprinter.h"

namespace Junction {

QString PlanReport::countName(PlanChange::Count count)
{
    using C = PlanChange::Count;
    switch (count) {
    case C::None:
        return {};
    case C::Rows:
        return QStringLiteral("rows");
    case C::Values:
        return QStringLiteral("values");
    case C::Nulls:
        return QStringLiteral("nulls");
    case C::Duplicates:
        return QStringLiteral("duplicates");
    case C::TooLong:
        return QStringLiteral("too-long");
    case C::NotIn:
        return QStringLiteral("not-allowed");
    case C::Orphans:
        return QStringLiteral("orphans");
    }
    return {};
}

QString PlanReport::text(const SyncPlan &plan, const QString &database)
{
    QString out;
    const auto destructive = plan.destructiveChanges();
    const auto blocked = plan.blockedChanges();
    out += QStringLiteral("Plan for %1 (%2, %3 mode): ")
               .arg(database, Dialect::get(plan.dialect).displayName(),
                    SyncPlan::modeName(plan.mode));
    if (plan.isEmpty()) {
        out += QStringLiteral("no changes, the database matches the design");
        if (plan.mode == SyncPlan::Mode::Create && plan.differencesNotApplied > 0)
            out += QStringLiteral(" as far as creating goes");
        out += QStringLiteral(".\n");
    } else {
        out += QStringLiteral("%1 change%2, %3 destructive")
                   .arg(plan.changes.size())
                   .arg(plan.changes.size() == 1 ? QString() : QStringLiteral("s"))
                   .arg(destructive.size());
        if (!blocked.isEmpty())
            out += QStringLiteral(", %1 blocked").arg(blocked.size());
        out += QStringLiteral(".\n");
    }
    if (!destructive.isEmpty()) {
        out += QStringLiteral(
            "\nDESTRUCTIVE: these lose data and are applied only with --allow-data-loss:\n");
        for (const PlanChange *c : destructive)
            out += QStringLiteral("  ! ") + c->reason + QLatin1Char('\n');
    }
    if (!blocked.isEmpty()) {
        out += QStringLiteral("\nBLOCKED: sync cannot make these, so it changes nothing:\n");
        for (const PlanChange *c : blocked)
            out += QStringLiteral("  x ") + c->description() + QStringLiteral(": ") + c->reason
                + QLatin1Char('\n');
    }
    if (!plan.isEmpty()) {
        out += QStringLiteral("\nChanges, in the order they run:\n");
        const int width = int(QString::number(plan.changes.size()).size());
        for (int i = 0; i < plan.changes.size(); ++i) {
            const PlanChange &c = plan.changes.at(i);
            out += QStringLiteral("  %1. ").arg(i + 1, width);
            out += c.blocked    ? QStringLiteral("x ")
                : c.destructive ? QStringLiteral("! ")
                                : QString();
            out += c.description();
            const QString counted = c.countDescription();
            if (!counted.isEmpty())
                out += QStringLiteral(" [") + counted + QLatin1Char(']');
            out += QLatin1Char('\n');
        }
    }
    if (!plan.unmatchedTables.isEmpty()) {
        QStringList names;
        for (const QString &t : plan.unmatchedTables)
            names << QLatin1Char('"') + t + QLatin1Char('"');
        out += QStringLiteral("\nTables in the database that the design does not have: ")
            + names.join(QStringLiteral(", "));
        out += plan.mode == SyncPlan::Mode::Alter
            ? QStringLiteral(" (dropped above)\n")
            : QStringLiteral(" (left alone; sync --alter drops them)\n");
    }
    if (plan.mode == SyncPlan::Mode::Create && plan.differencesNotApplied > 0)
        out += QStringLiteral(
                   "\n%1 other difference%2 not applied in create mode; see 'junction-cli diff' "
                   "and 'sync --alter'.\n")
                   .arg(plan.differencesNotApplied)
                   .arg(plan.differencesNotApplied == 1 ? QString() : QStringLiteral("s"));
    return out;
}

QByteArray PlanReport::json(const SyncPlan &plan, const QString &database)
{
    JsonPrinter p;
    p.expandNext();
    p.object([&] {
        p.key(QLatin1String("database"));
        p.string(database);
        p.key(QLatin1String("dialect"));
        p.string(Dialect::get(plan.dialect).name());
        p.key(QLatin1String("mode"));
        p.string(SyncPlan::modeName(plan.mode));
        p.key(QLatin1String("destructive"));
        p.number(plan.destructiveChanges().size());
        p.key(QLatin1String("blocked"));
        p.number(plan.blockedChanges().size());
        p.key(QLatin1String("changes"));
        p.array([&] {
            for (const PlanChange &c : plan.changes) {
                p.object([&] {
                    p.key(QLatin1String("kind"));
                    p.string(PlanChange::kindName(c.kind));
                    p.key(QLatin1String("table"));
                    p.string(c.table);
                    if (!c.column.isEmpty()) {
                        p.key(QLatin1String("column"));
                        p.string(c.column);
                    }
                    if (!c.name.isEmpty()) {
                        p.key(QLatin1String("name"));
                        p.string(c.name);
                    }
                    p.key(QLatin1String("description"));
                    p.string(c.description());
                    p.key(QLatin1String("destructive"));
                    p.boolean(c.destructive);
                    p.key(QLatin1String("blocked"));
                    p.boolean(c.blocked);
                    if (!c.reason.isEmpty()) {
                        p.key(QLatin1String("reason"));
                        p.string(c.reason);
                    }
                    if (c.countKind != PlanChange::Count::None) {
                        p.key(QLatin1String("counts"));
                        p.string(countName(c.countKind));
                        p.key(QLatin1String("count"));
                        if (c.count >= 0)
                            p.number(double(c.count));
                        else
                            p.null();
                        if (c.countKind == PlanChange::Count::Duplicates && c.groups >= 0) {
                            p.key(QLatin1String("groups"));
                            p.number(double(c.groups));
                        }
                    }
                    p.key(QLatin1String("sql"));
                    p.array([&] {
                        for (const QString &s : c.sql())
                            p.string(s);
                    });
                });
            }
        });
        p.key(QLatin1String("unmatchedTables"));
        p.array([&] {
            for (const QString &t : plan.unmatchedTables)
                p.string(t);
        });
        p.key(QLatin1String("differencesNotApplied"));
        p.number(plan.differencesNotApplied);
    });
    return p.finish();
}

} // namespace Junction
