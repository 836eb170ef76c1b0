// SPDX-License-Identifier: MIT
#include "quickfixes.h"

#include "commands/associationcommands.h"
#include "document.h"
#include "editcommand.h"
#include "resolvedschema.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace Junction {

namespace {

QList<const Association *> associationsOf(const Document &document, const QStringList &ids)
{
    QList<const Association *> out;
    for (const QString &id : ids) {
        if (const Association *a = document.association(AssociationId(id)))
            out.append(a);
    }
    return out;
}

// The tables each table references through a FOREIGN KEY (self-references are no edge).
QHash<QString, QSet<QString>> referenceGraph(const ResolvedSchema &schema)
{
    QHash<QString, QSet<QString>> graph;
    for (const ResolvedTable &t : schema.tables) {
        for (const ResolvedForeignKey &fk : t.foreignKeys) {
            if (fk.referencedTable != t.name)
                graph[t.name].insert(fk.referencedTable);
        }
    }
    return graph;
}

bool reaches(const QHash<QString, QSet<QString>> &graph, const QString &from, const QString &to)
{
    QSet<QString> seen{from};
    QList<QString> todo{from};
    while (!todo.isEmpty()) {
        const QString at = todo.takeLast();
        if (at == to)
            return true;
        for (const QString &next : graph.value(at)) {
            if (!seen.contains(next)) {
                seen.insert(next);
                todo.append(next);
            }
        }
    }
    return false;
}

// The cycle's edges (table -> referenced table) with the associations that make each, in
// the order the diagnostic names them. An edge is on the cycle when the referenced table
// leads back; that keeps out the other FK of a belongsToMany through a model on the cycle.
QList<QuickFix> cycleFixes(const Document &document, const Diagnostic &diagnostic)
{
    const ResolvedSchema &schema = document.resolved();
    const QSet<QString> namedIds(diagnostic.ids.cbegin(), diagnostic.ids.cend());
    const QHash<QString, QSet<QString>> graph = referenceGraph(schema);

    struct Edge
    {
        QString from, to;
        QStringList associations;
        int firstMention = 0;
    };
    QList<Edge> edges;
    for (const ResolvedTable &t : schema.tables) {
        for (const ResolvedForeignKey &fk : t.foreignKeys) {
            if (fk.referencedTable == t.name)
                continue;
            bool named = false;
            for (const AssociationId &id : fk.associations)
                named = named || namedIds.contains(id.toString());
            if (!named || !reaches(graph, fk.referencedTable, t.name))
                continue;
            auto edge = std::find_if(edges.begin(), edges.end(), [&](const Edge &e) {
                return e.from == t.name && e.to == fk.referencedTable;
            });
            if (edge == edges.end()) {
                edges.append({t.name, fk.referencedTable, {}, int(diagnostic.ids.size())});
                edge = edges.end() - 1;
            }
            for (const AssociationId &id : fk.associations) {
                if (!edge->associations.contains(id.toString()))
                    edge->associations.append(id.toString());
                const int mention = int(diagnostic.ids.indexOf(id.toString()));
                if (mention >= 0)
                    edge->firstMention = std::min(edge->firstMention, mention);
            }
        }
    }
    std::stable_sort(edges.begin(), edges.end(), [](const Edge &a, const Edge &b) {
        return a.firstMention < b.firstMention;
    });

    QList<QuickFix> fixes;
    for (const Edge &edge : std::as_const(edges)) {
        QuickFix fix;
        QStringList labels;
        for (const Association *a : associationsOf(document, edge.associations)) {
            Association edited = *a;
            edited.constraints = false;
            // Outside belongsToMany an explicit action adds the REFERENCES back (§3.5).
            if (edited.type != AssociationType::BelongsToMany) {
                edited.onDelete.clear();
                edited.onUpdate.clear();
            }
            labels << associationLabel(*a);
            fix.edited.append(edited);
        }
        if (fix.edited.isEmpty())
            continue;
        fix.field = Commands::AssociationField::Constraints;
        fix.text = QStringLiteral("Set constraints: false on %1").arg(labels.join(QStringLiteral(" and ")));
        fixes.append(fix);
    }
    return fixes;
}

// The owner of the foreign key is the first association the diagnostic names.
QList<QuickFix> setNullFixes(const Document &document, const Diagnostic &diagnostic)
{
    const QList<const Association *> associations = associationsOf(document, diagnostic.ids);
    if (associations.isEmpty())
        return {};
    const bool onUpdate = diagnostic.path.endsWith(QLatin1String(".onUpdate"));
    QList<QuickFix> fixes;
    for (const QString &action : {QStringLiteral("CASCADE"), QStringLiteral("RESTRICT")}) {
        QuickFix fix;
        Association edited = *associations.first();
        (onUpdate ? edited.onUpdate : edited.onDelete) = action;
        fix.text = QStringLiteral("Set %1: %2 on %3")
                       .arg(onUpdate ? QStringLiteral("onUpdate") : QStringLiteral("onDelete"),
                            action, associationLabel(*associations.first()));
        fix.edited.append(edited);
        fix.field = onUpdate ? Commands::AssociationField::OnUpdate
                             : Commands::AssociationField::OnDelete;
        fixes.append(fix);
    }
    return fixes;
}

} // namespace

QString associationLabel(const Association &a)
{
    QString alias = a.as.plural.isEmpty() ? a.as.singular : a.as.plural;
    return QStringLiteral("%1.%2(%3%4)")
        .arg(a.source, associationTypeName(a.type), a.target,
             alias.isEmpty() ? QString() : QStringLiteral(", as ") + alias);
}

QList<QuickFix> quickFixes(const Document &document, const Diagnostic &diagnostic)
{
    if (diagnostic.code == QLatin1String("cycle"))
        return cycleFixes(document, diagnostic);
    if (diagnostic.code == QLatin1String("set-null-on-not-null"))
        return setNullFixes(document, diagnostic);
    return {};
}

std::unique_ptr<QUndoCommand> quickFixCommand(Document &document, const QuickFix &fix)
{
    if (fix.edited.size() == 1) {
        auto command = Commands::editAssociation(document, fix.edited.first(), fix.field);
        if (command)
            command->setText(fix.text);
        return command;
    }
    // Several associations: one edit, so that one undo step takes the fix back.
    ProjectEdit edit;
    for (const Association &a : fix.edited) {
        const int index = document.associationIndex(a.id);
        if (index < 0)
            return nullptr;
        edit.replacedAssociations.append({index, document.project().associations.at(index), a});
    }
    edit.replacementChanges = Change::AssociationFields;
    return std::make_unique<EditCommand>(&document, fix.text, std::move(edit));
}

} // namespace Junction
