// SPDX-License-Identifier: MIT
#include "dependencyorder.h"

#include "resolvedschema.h"

#include <algorithm>

namespace Junction {

namespace {

// "Cyclic dependency found. Users is dependent of itself.\nDependency chain: Users -> Pictures
// => Users" is Sequelize's text, kept verbatim; what follows it is Junction's explanation.
Diagnostic cycleDiagnostic(const ResolvedSchema &schema, const DependencyCycle &cycle)
{
    Diagnostic d;
    d.code = QStringLiteral("cycle");
    d.message = QStringLiteral("Cyclic dependency found. %1 is dependent of itself.\n"
                               "Dependency chain: %2 => %1")
                    .arg(cycle.repeated, cycle.chain.join(QLatin1String(" -> ")));

    // The edges of the cycle proper: from the repeated table round to itself.
    const int start = int(cycle.chain.indexOf(cycle.repeated));
    QStringList loop = cycle.chain.mid(start);
    loop << cycle.repeated;
    QStringList explanation;
    for (int i = 0; i + 1 < loop.size(); ++i) {
        const ResolvedTable *from = schema.table(loop.at(i));
        QStringList made;
        for (const ResolvedForeignKey &fk : from->foreignKeys) {
            if (fk.referencedTable != loop.at(i + 1))
                continue;
            for (const AssociationId &id : fk.associations) {
                const ResolvedAssociation *a = schema.association(id);
                if (!a)
                    continue;
                made << QStringLiteral("%1.%2(%3%4) [%5]")
                            .arg(a->source, associationTypeName(a->type), a->target,
                                 a->isAliased ? QStringLiteral(", as ") + a->as : QString(),
                                 id.toString());
                if (!d.ids.contains(id.toString()))
                    d.ids << id.toString();
            }
            if (fk.associations.isEmpty())
                made << QStringLiteral("column %1").arg(fk.columns.join(QLatin1String(", ")));
        }
        explanation << QStringLiteral("  %1 -> %2 by %3")
                           .arg(loop.at(i), loop.at(i + 1), made.join(QLatin1String(" and ")));
    }
    d.message += QStringLiteral("\nEdges:\n") + explanation.join(QLatin1Char('\n'))
                 + QStringLiteral("\nSet \"constraints\": false on every association of one of "
                                  "these edges to break the cycle.");
    if (!d.ids.isEmpty()) {
        for (int i = 0; i < schema.associations.size(); ++i) {
            if (schema.associations.at(i).id.toString() == d.ids.last()) {
                d.path = QStringLiteral("associations[%1]").arg(i);
                break;
            }
        }
    }
    return d;
}

} // namespace

DependencyOrder computeDependencyOrder(const ResolvedSchema &schema)
{
    const int n = int(schema.tables.size());
    // The schema's own name index (the last table of a name wins, as it did here): building
    // a second one cost as much as the rest of the ordering on a 10,000-table schema. The
    // resolver's foreign keys carry the referenced table's index, which spares hashing and
    // reading each name (half of the ordering's time on 37,500 foreign keys).
    // One flat list of referenced tables, table i's from depStart[i] to depStart[i + 1]: a
    // list per table was a memory allocation per table.
    QList<int> depStart;
    depStart.reserve(n + 1);
    QList<int> deps;
    for (int i = 0; i < n; ++i) {
        depStart << int(deps.size());
        for (const ResolvedForeignKey &fk : schema.tables.at(i).foreignKeys) {
            const int to = schema.referencedTableIndex(fk);
            if (to >= 0 && to != i
                && std::find(deps.cbegin() + depStart.last(), deps.cend(), to) == deps.cend())
                deps << to;
        }
    }
    depStart << int(deps.size());

    DependencyOrder result;
    result.creationOrder.reserve(n);
    enum State : char { Unvisited, OnPath, Done };
    QList<State> state(n, Unvisited);
    struct Frame
    {
        int node;
        int next;
    };
    QList<Frame> stack;
    for (int root = 0; root < n; ++root) {
        if (state.at(root) != Unvisited)
            continue;
        stack.append({root, 0});
        state[root] = OnPath;
        while (!stack.isEmpty()) {
            Frame &top = stack.last();
            if (depStart.at(top.node) + top.next < depStart.at(top.node + 1)) {
                const int dep = deps.at(depStart.at(top.node) + top.next++);
                if (state.at(dep) == OnPath) {
                    DependencyCycle cycle;
                    for (const Frame &f : std::as_const(stack))
                        cycle.chain << schema.tables.at(f.node).name;
                    cycle.repeated = schema.tables.at(dep).name;
                    result.cycles << cycle;
                    result.diagnostics << cycleDiagnostic(schema, cycle);
                } else if (state.at(dep) == Unvisited) {
                    state[dep] = OnPath;
                    stack.append({dep, 0});
                }
                continue;
            }
            state[top.node] = Done;
            result.creationOrder << top.node;
            stack.removeLast();
        }
    }
    return result;
}

} // namespace Junction
