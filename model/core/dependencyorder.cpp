// SPDX-License-Identifier: MIT
#include "dependencyorder.h"

#include "resolvedschema.h"

#include <algorithm>
#include <vector>

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
    const ResolvedTable *tables = schema.tables.constData();
    // The schema's own name index (the last table of a name wins, as it did here): building
    // a second one cost as much as the rest of the ordering on a 10,000-table schema. The
    // resolver's foreign keys carry the referenced table's index, which spares hashing and
    // reading each name (half of the ordering's time on 37,500 foreign keys).
    // One flat list of referenced tables, table i's from depStart[i] to depStart[i + 1]: a
    // list per table was a memory allocation per table. Plain vectors and pointers: QList's
    // detach check on every access and append was half of what remained.
    std::vector<int> depStart(size_t(n) + 1);
    std::vector<int> deps;
    deps.reserve(size_t(n) * 2);
    for (int i = 0; i < n; ++i) {
        const auto first = std::ptrdiff_t(deps.size());
        depStart[size_t(i)] = int(first);
        for (const ResolvedForeignKey &fk : tables[i].foreignKeys) {
            const int to = schema.referencedTableIndex(fk);
            if (to >= 0 && to != i && std::find(deps.cbegin() + first, deps.cend(), to) == deps.cend())
                deps.push_back(to);
        }
    }
    depStart[size_t(n)] = int(deps.size());

    DependencyOrder result;
    result.creationOrder.resize(n);
    int *order = result.creationOrder.data();
    int ordered = 0;
    enum State : char { Unvisited, OnPath, Done };
    std::vector<State> state(size_t(n), Unvisited);
    struct Frame
    {
        int node;
        int next; // the index in deps of the next dependency to visit
    };
    std::vector<Frame> stack;
    for (int root = 0; root < n; ++root) {
        if (state[size_t(root)] != Unvisited)
            continue;
        stack.push_back({root, depStart[size_t(root)]});
        state[size_t(root)] = OnPath;
        while (!stack.empty()) {
            Frame &top = stack.back();
            if (top.next < depStart[size_t(top.node) + 1]) {
                const int dep = deps[size_t(top.next++)];
                if (state[size_t(dep)] == OnPath) {
                    DependencyCycle cycle;
                    for (const Frame &f : stack)
                        cycle.chain << tables[f.node].name;
                    cycle.repeated = tables[dep].name;
                    result.cycles << cycle;
                    result.diagnostics << cycleDiagnostic(schema, cycle);
                } else if (state[size_t(dep)] == Unvisited) {
                    state[size_t(dep)] = OnPath;
                    stack.push_back({dep, depStart[size_t(dep)]}); // top is not used after this
                }
                continue;
            }
            state[size_t(top.node)] = Done;
            order[ordered++] = top.node;
            stack.pop_back();
        }
    }
    return result;
}

} // namespace Junction
