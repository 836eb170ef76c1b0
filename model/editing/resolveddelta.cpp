// SPDX-License-Identifier: MIT
#include "resolveddelta.h"

namespace Junction {

namespace {

// Every field that a view can show. Not the indexes into the project (attributeIndex,
// associationIndex, entityIndex...): they locate JSON paths, which the diagnostics carry
// (compared on their own), and removing a model in the middle shifts them in every table
// after it, which no view shows.
bool sameColumn(const ResolvedColumn &a, const ResolvedColumn &b)
{
    return a.name == b.name && a.attribute == b.attribute && a.attributeId == b.attributeId
           && a.type == b.type && a.allowNull == b.allowNull && a.primaryKey == b.primaryKey
           && a.autoIncrement == b.autoIncrement && a.unique == b.unique
           && a.defaultValue == b.defaultValue && a.comment == b.comment && a.origin == b.origin
           && a.association == b.association;
}

bool sameForeignKey(const ResolvedForeignKey &a, const ResolvedForeignKey &b)
{
    return a.name == b.name && a.columns == b.columns && a.referencedTable == b.referencedTable
           && a.referencedColumns == b.referencedColumns && a.onDelete == b.onDelete
           && a.onUpdate == b.onUpdate && a.associations == b.associations;
}

template<typename T, typename Same>
bool sameList(const QList<T> &a, const QList<T> &b, Same same)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (!same(a.at(i), b.at(i)))
            return false;
    }
    return true;
}

bool sameTable(const ResolvedTable &a, const ResolvedTable &b)
{
    return a.name == b.name && a.entity == b.entity && a.entityName == b.entityName
           && a.junctionOf == b.junctionOf && a.comment == b.comment
           && a.primaryKey == b.primaryKey && sameList(a.columns, b.columns, sameColumn)
           && sameList(a.uniques, b.uniques,
                       [](const ResolvedUnique &x, const ResolvedUnique &y) {
                           return x.name == y.name && x.columns == y.columns;
                       })
           && sameList(a.indexes, b.indexes,
                       [](const ResolvedIndex &x, const ResolvedIndex &y) {
                           return x.name == y.name && x.columns == y.columns
                                  && x.unique == y.unique;
                       })
           && sameList(a.foreignKeys, b.foreignKeys, sameForeignKey);
}

bool sameAssociation(const ResolvedAssociation &a, const ResolvedAssociation &b)
{
    return a.id == b.id && a.type == b.type && a.source == b.source && a.target == b.target
           && a.sourceTable == b.sourceTable && a.targetTable == b.targetTable && a.as == b.as
           && a.singular == b.singular && a.plural == b.plural && a.isAliased == b.isAliased
           && a.foreignKey == b.foreignKey && a.foreignKeyColumn == b.foreignKeyColumn
           && a.foreignKeyTable == b.foreignKeyTable && a.referencedKey == b.referencedKey
           && a.otherKey == b.otherKey && a.otherKeyColumn == b.otherKeyColumn
           && a.throughTable == b.throughTable && a.throughModel == b.throughModel
           && a.constraints == b.constraints && a.onDelete == b.onDelete
           && a.onUpdate == b.onUpdate && a.valid == b.valid;
}

bool sameDiagnostic(const Diagnostic &a, const Diagnostic &b)
{
    return a.severity == b.severity && a.code == b.code && a.message == b.message
           && a.path == b.path && a.line == b.line && a.column == b.column && a.ids == b.ids;
}

// The associations the "cycle" diagnostics name.
QSet<QString> cycleIds(const ResolvedSchema &schema)
{
    QSet<QString> ids;
    for (const Diagnostic &diagnostic : schema.diagnostics) {
        if (diagnostic.code == QLatin1String("cycle")) {
            for (const QString &id : diagnostic.ids)
                ids.insert(id);
        }
    }
    return ids;
}

// The key of a table in a view: its model, or the junction's name (the canvas and the
// outline key junction boxes and rows by name).
QString tableKey(const ResolvedTable &table)
{
    return table.isCreatedJunction() ? QLatin1String("junction:") + table.name
                                     : table.entity.toString();
}

// Matches the elements of two lists by key, not by position: a model added anywhere, or one
// removed from the middle, names that one (and what its edges changed), not every element
// after it. Calls changed(element) for each one that came, went or differs; returns whether
// one came or went, or the ones in both are in another order. Both lists' keys are hashed
// once (on the resolve worker: ~15,000 associations at XL take a few ms).
template<typename T, typename Key, typename Same, typename Changed>
bool matchByKey(bool *reordered, const QList<T> &before, const QList<T> &after, Key key,
                Same same, Changed changed)
{
    bool structure = before.size() != after.size();
    QHash<QString, qsizetype> was;
    was.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i) {
        // A key twice (a broken file): the first one is matched, the other came or went.
        was.insert(key(before.at(i)), i);
    }
    // A fast path for the common case: the same key at the same position.
    QList<bool> matched(before.size(), false);
    qsizetype lastMatched = -1;
    for (qsizetype i = 0; i < after.size(); ++i) {
        const T &now = after.at(i);
        const QString k = key(now);
        qsizetype j = i < before.size() && key(before.at(i)) == k ? i : was.value(k, -1);
        if (j >= 0 && matched.at(j))
            j = -1;
        if (j < 0) {
            structure = true;
            changed(now);
            continue;
        }
        matched[j] = true;
        // Kept ones in another order than before.
        if (j < lastMatched) {
            structure = true;
            *reordered = true;
        }
        lastMatched = j;
        if (!same(before.at(j), now))
            changed(now);
    }
    for (qsizetype j = 0; j < before.size(); ++j) {
        if (!matched.at(j)) {
            structure = true;
            changed(before.at(j));
        }
    }
    return structure;
}

} // namespace

ResolvedDelta ResolvedDelta::between(const ResolvedSchema &before, const ResolvedSchema &after)
{
    ResolvedDelta delta;
    delta.everything = false;
    delta.diagnostics = !sameList(before.diagnostics, after.diagnostics, sameDiagnostic);
    delta.cycle = delta.diagnostics && cycleIds(before) != cycleIds(after);

    delta.reordered = false;
    const bool tablesMoved = matchByKey(&delta.reordered, before.tables, after.tables, tableKey, sameTable,
                                        [&delta](const ResolvedTable &table) {
                                            if (table.isCreatedJunction())
                                                delta.junctions.insert(table.name);
                                            else
                                                delta.models.insert(table.entity);
                                        });
    const bool associationsMoved = matchByKey(
        &delta.reordered, before.associations, after.associations,
        [](const ResolvedAssociation &association) { return association.id.toString(); },
        sameAssociation,
        [&delta](const ResolvedAssociation &association) {
            delta.associations.insert(association.id);
        });
    // The creation order holds indexes into the tables: it differs whenever a table came or
    // went before others, which is structure already.
    delta.structure = tablesMoved || associationsMoved || before.hasCycle != after.hasCycle
                      || before.creationOrder != after.creationOrder;
    return delta;
}

} // namespace Junction
