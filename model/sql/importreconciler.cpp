// SPDX-License-Identifier: MIT
#include "importreconciler.h"

#include "resolvedschema.h"

#include <QSet>

// The loop: resolve, then fix one kind of difference at a time, cheapest first, resolving
// again after each kind that changed something, because each fix can change what the next
// is measured against (a stated key name moves the column; allowNull changes the default
// ON DELETE):
//   1. names   an association whose column is not the live one gets foreignKey/otherKey
//   2. columns a column made by associations whose nullability, type, uniqueness or comment
//              differs: the key spec of the association that owns it becomes an object that
//              says so (both of a belongsToMany pair: each rewrites the column)
//   3. rules   ON DELETE/ON UPDATE that differ: stated on the association that decides them
// Then the whole resolved schema is compared with the live one; what still differs is a
// warning (what was already reported, an unsupported type or a skipped foreign key, is not
// reported twice). No action is compared by name: empty means NO ACTION.

namespace Junction {

namespace {

constexpr int maxRounds = 8;

QString action(const QString &a)
{
    return a.isEmpty() ? QStringLiteral("NO ACTION") : a;
}

// What the database makes of a type: STRING is STRING(255).
DataType physical(DataType type)
{
    if ((type.kind == DataType::Kind::String || type.kind == DataType::Kind::Char)
        && type.length < 0)
        type.length = 255;
    return type;
}

DataType parsed(const QString &type)
{
    return physical(DataType::parse(type).value_or(DataType {}));
}

KeySpec &specFor(ImportPlan &plan, int association, const QString &column)
{
    Association &a = plan.project.associations[association];
    if (a.type == AssociationType::BelongsToMany && plan.expected.at(association).column != column)
        return a.otherKey;
    return a.foreignKey;
}

void setName(KeySpec &spec, const QString &name)
{
    spec.isSet = true;
    spec.name = name;
}

// The object form; a belongsToMany key object must name its column.
KeySpec &asObject(ImportPlan &plan, int association, const QString &column)
{
    KeySpec &spec = specFor(plan, association, column);
    spec.isSet = true;
    spec.isObject = true;
    if (spec.name.isEmpty()
        && plan.project.associations.at(association).type == AssociationType::BelongsToMany)
        spec.name = column;
    return spec;
}

bool fixNames(ImportPlan &plan, const ResolvedSchema &schema)
{
    bool changed = false;
    for (int i = 0; i < plan.project.associations.size(); ++i) {
        const ResolvedAssociation &r = schema.associations.at(i);
        const ExpectedKeys &want = plan.expected.at(i);
        Association &a = plan.project.associations[i];
        if (!r.foreignKeyColumn.isEmpty() && r.foreignKeyColumn != want.column) {
            setName(a.foreignKey, want.column);
            changed = true;
        }
        if (a.type == AssociationType::BelongsToMany && !r.otherKeyColumn.isEmpty()
            && r.otherKeyColumn != want.otherColumn) {
            setName(a.otherKey, want.otherColumn);
            changed = true;
        }
    }
    return changed;
}

bool fixColumns(ImportPlan &plan, const ResolvedSchema &schema)
{
    bool changed = false;
    for (const AssociationColumn &ac : std::as_const(plan.associationColumns)) {
        const ResolvedTable *t = schema.table(ac.table);
        const ResolvedColumn *c = t ? t->column(ac.column) : nullptr;
        if (!c)
            continue;
        const bool keyColumn = t->primaryKey.contains(ac.column);
        for (int owner : ac.specOwners) {
            if (!keyColumn && c->allowNull != ac.nullable) {
                asObject(plan, owner, ac.column).allowNull = ac.nullable;
                changed = true;
            }
            if (physical(c->type) != parsed(ac.type)) {
                asObject(plan, owner, ac.column).type = ac.type;
                changed = true;
            }
            if (c->unique != ac.unique && !keyColumn) {
                asObject(plan, owner, ac.column).unique = ac.unique;
                changed = true;
            }
            if (c->comment != ac.comment && plan.engine != ConnectionSpec::Engine::Sqlite) {
                asObject(plan, owner, ac.column).comment = ac.comment;
                changed = true;
            }
        }
    }
    return changed;
}

bool fixRules(ImportPlan &plan, const ResolvedSchema &schema)
{
    bool changed = false;
    for (const AssociationColumn &ac : std::as_const(plan.associationColumns)) {
        const ResolvedTable *t = schema.table(ac.table);
        if (!t || ac.ruleOwner < 0)
            continue;
        for (const ResolvedForeignKey &fk : t->foreignKeys) {
            if (fk.columns != QStringList {ac.column})
                continue;
            Association &owner = plan.project.associations[ac.ruleOwner];
            if (action(fk.onDelete) != action(ac.onDelete) && owner.onDelete != ac.onDelete) {
                owner.onDelete = ac.onDelete;
                changed = true;
            }
            if (action(fk.onUpdate) != action(ac.onUpdate) && owner.onUpdate != ac.onUpdate) {
                owner.onUpdate = ac.onUpdate;
                changed = true;
            }
        }
    }
    return changed;
}

QStringList sortedColumnSets(const QList<QStringList> &sets)
{
    QStringList out;
    for (const QStringList &s : sets)
        out << s.join(QChar(0));
    out.sort();
    return out;
}

class Comparison
{
public:
    Comparison(const ImportPlan &plan, const ResolvedSchema &schema)
        : m_plan(plan)
        , m_schema(schema)
    {
    }

    Diagnostics run();

private:
    void compareTable(const LiveTable &live, const ResolvedTable &resolved);
    void differs(const QString &where, const QString &what)
    {
        Diagnostic d;
        d.severity = Diagnostic::Severity::Warning;
        d.code = QStringLiteral("import-difference");
        d.message = QStringLiteral("%1: %2").arg(where, what);
        m_diagnostics << d;
    }

    const ImportPlan &m_plan;
    const ResolvedSchema &m_schema;
    Diagnostics m_diagnostics;
};

Diagnostics Comparison::run()
{
    QSet<QString> liveNames;
    for (const LiveTable &live : m_plan.live->tables) {
        liveNames.insert(live.name);
        if (m_plan.skippedTables.contains(live.name))
            continue;
        const ResolvedTable *t = m_schema.table(live.name);
        if (!t) {
            differs(live.name, QStringLiteral("the imported project has no such table"));
            continue;
        }
        compareTable(live, *t);
    }
    for (const ResolvedTable &t : m_schema.tables) {
        if (!liveNames.contains(t.name))
            differs(t.name,
                    QStringLiteral("the imported project makes this table, which the "
                                   "database does not have"));
    }
    return m_diagnostics;
}

void Comparison::compareTable(const LiveTable &live, const ResolvedTable &t)
{
    const bool sqlite = m_plan.engine == ConnectionSpec::Engine::Sqlite;
    for (const LiveColumn &lc : live.columns) {
        const QString where = live.name + QLatin1Char('.') + lc.name;
        const ResolvedColumn *c = t.column(lc.name);
        if (!c) {
            differs(where, QStringLiteral("the imported project does not make this column"));
            continue;
        }
        const ImportedColumn imported = m_plan.columns.value({live.name, lc.name});
        if (imported.type.fit == ImportedType::Fit::Exact
            && physical(c->type) != parsed(imported.type.type))
            differs(where,
                    QStringLiteral("resolves to %1, the database has %2")
                        .arg(c->type.toString(), lc.nativeType));
        if (!c->primaryKey && c->allowNull != lc.nullable)
            differs(where,
                    c->allowNull ? QStringLiteral("resolves to a nullable column, the "
                                                  "database's is NOT NULL")
                                 : QStringLiteral("resolves to NOT NULL, the database's "
                                                  "column allows NULL"));
        if (c->autoIncrement != lc.autoIncrement)
            differs(where,
                    c->autoIncrement ? QStringLiteral("resolves to auto-increment")
                                     : QStringLiteral("loses its auto-increment"));
        if (!(c->defaultValue == imported.defaultValue))
            differs(
                where,
                QStringLiteral("resolves to another default than %1").arg(lc.defaultExpression));
        if (!sqlite && c->comment != lc.comment)
            differs(where, QStringLiteral("resolves to another comment"));
    }
    for (const ResolvedColumn &c : t.columns) {
        // A table without a key gets Sequelize's id; that was reported already.
        if (!live.column(c.name) && !(live.primaryKey.isEmpty() && c.name == QLatin1String("id")))
            differs(live.name + QLatin1Char('.') + c.name,
                    QStringLiteral("the imported project makes this column, which the database "
                                   "does not have"));
    }
    if (!live.primaryKey.isEmpty() && t.primaryKey != live.primaryKey)
        differs(live.name,
                QStringLiteral("the primary key resolves to (%1), the database's is (%2)")
                    .arg(t.primaryKey.join(QLatin1String(", ")),
                         live.primaryKey.join(QLatin1String(", "))));

    QList<QStringList> liveUniques;
    QList<QStringList> resolvedUniques;
    for (const LiveUnique &u : live.uniques) {
        if (u.columns != live.primaryKey)
            liveUniques << u.columns;
    }
    for (const ResolvedUnique &u : t.uniques)
        resolvedUniques << u.columns;
    if (sortedColumnSets(liveUniques) != sortedColumnSets(resolvedUniques))
        differs(live.name, QStringLiteral("its unique constraints resolve differently"));

    QList<QStringList> liveIndexes;
    QList<QStringList> resolvedIndexes;
    for (const LiveIndex &i : live.indexes) {
        bool plain = !i.columns.isEmpty();
        for (const QString &column : i.columns)
            plain = plain && live.column(column);
        if (plain) // expression indexes were reported when they were left out
            liveIndexes << (i.columns + QStringList {i.unique ? QStringLiteral("u") : QString()});
    }
    for (const ResolvedIndex &i : t.indexes)
        resolvedIndexes << (i.columns + QStringList {i.unique ? QStringLiteral("u") : QString()});
    if (sortedColumnSets(liveIndexes) != sortedColumnSets(resolvedIndexes))
        differs(live.name, QStringLiteral("its indexes resolve differently"));

    QSet<QString> matched;
    for (const LiveForeignKey &fk : live.foreignKeys) {
        if (m_plan.skippedForeignKeys.contains({live.name, fk.columns.value(0)}))
            continue;
        const QString where = live.name + QLatin1Char('.') + fk.columns.join(QLatin1Char(','));
        const ResolvedForeignKey *r = nullptr;
        for (const ResolvedForeignKey &candidate : t.foreignKeys) {
            if (candidate.columns == fk.columns)
                r = &candidate;
        }
        if (!r) {
            differs(where, QStringLiteral("the imported project makes no foreign key on it"));
            continue;
        }
        matched.insert(fk.columns.join(QChar(0)));
        if (r->referencedTable != fk.referencedTable
            || r->referencedColumns != fk.referencedColumns)
            differs(where,
                    QStringLiteral("resolves to a foreign key to %1(%2), the database's "
                                   "references %3(%4)")
                        .arg(r->referencedTable, r->referencedColumns.join(QLatin1Char(',')),
                             fk.referencedTable, fk.referencedColumns.join(QLatin1Char(','))));
        if (action(r->onDelete) != action(fk.onDelete)
            || action(r->onUpdate) != action(fk.onUpdate))
            differs(where,
                    QStringLiteral("resolves to ON DELETE %1 ON UPDATE %2, the database has "
                                   "ON DELETE %3 ON UPDATE %4")
                        .arg(action(r->onDelete), action(r->onUpdate), action(fk.onDelete),
                             action(fk.onUpdate)));
    }
    for (const ResolvedForeignKey &r : t.foreignKeys) {
        if (!matched.contains(r.columns.join(QChar(0))))
            differs(live.name + QLatin1Char('.') + r.columns.join(QLatin1Char(',')),
                    QStringLiteral("the imported project makes a foreign key the database does "
                                   "not have"));
    }
}

} // namespace

Diagnostics ImportReconciler::reconcile(ImportPlan &plan)
{
    // A resolve of a 10,000-table project takes a good part of a second: the schema the
    // last round found nothing to fix in is the one compared.
    ResolvedSchema schema = resolve(plan.project);
    for (int round = 1; round < maxRounds; ++round) {
        if (!fixNames(plan, schema) && !fixColumns(plan, schema) && !fixRules(plan, schema))
            break;
        schema = resolve(plan.project);
    }
    return Comparison(plan, schema).run();
}

} // namespace Junction
