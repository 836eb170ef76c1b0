// SPDX-License-Identifier: MIT
#include "resolveddelta.h"

namespace Junction {

namespace {

// Every field that a view can show; the indexes into the project (entityIndex,
// associationIndex...) too: they locate the diagnostics' JSON paths.
bool sameColumn(const ResolvedColumn &a, const ResolvedColumn &b)
{
    return a.name == b.name && a.attribute == b.attribute && a.attributeId == b.attributeId
           && a.attributeIndex == b.attributeIndex && a.type == b.type
           && a.allowNull == b.allowNull && a.primaryKey == b.primaryKey
           && a.autoIncrement == b.autoIncrement && a.unique == b.unique
           && a.defaultValue == b.defaultValue && a.comment == b.comment && a.origin == b.origin
           && a.association == b.association && a.associationIndex == b.associationIndex;
}

bool sameForeignKey(const ResolvedForeignKey &a, const ResolvedForeignKey &b)
{
    return a.name == b.name && a.columns == b.columns && a.referencedTable == b.referencedTable
           && a.referencedColumns == b.referencedColumns && a.onDelete == b.onDelete
           && a.onUpdate == b.onUpdate && a.associations == b.associations
           && a.associationIndex == b.associationIndex;
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
           && a.junctionOf == b.junctionOf && a.entityIndex == b.entityIndex
           && a.junctionOfIndex == b.junctionOfIndex && a.comment == b.comment
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

// The key of a table in a view: its model, or the junction's name.
QString tableKey(const ResolvedTable &table)
{
    return table.isCreatedJunction() ? QLatin1String("junction:") + table.name
                                     : table.entity.toString();
}

} // namespace

ResolvedDelta ResolvedDelta::between(const ResolvedSchema &before, const ResolvedSchema &after)
{
    ResolvedDelta delta;
    delta.everything = false;
    delta.structure = before.tables.size() != after.tables.size()
                      || before.associations.size() != after.associations.size()
                      || before.creationOrder != after.creationOrder
                      || before.hasCycle != after.hasCycle;
    delta.diagnostics = !sameList(before.diagnostics, after.diagnostics, sameDiagnostic);
    delta.cycle = delta.diagnostics && cycleIds(before) != cycleIds(after);

    auto noteTable = [&delta](const ResolvedTable &table) {
        if (table.isCreatedJunction())
            delta.junctions.insert(table.name);
        else
            delta.models.insert(table.entity);
    };
    // Same position, same key: the common case (an edit renames, it does not reorder).
    for (qsizetype i = 0; i < after.tables.size(); ++i) {
        const ResolvedTable &now = after.tables.at(i);
        const ResolvedTable *was = i < before.tables.size() ? &before.tables.at(i) : nullptr;
        if (was && tableKey(*was) == tableKey(now)) {
            if (!sameTable(*was, now))
                noteTable(now);
            continue;
        }
        delta.structure = true;
        noteTable(now);
        if (was)
            noteTable(*was);
    }
    for (qsizetype i = after.tables.size(); i < before.tables.size(); ++i)
        noteTable(before.tables.at(i));

    for (qsizetype i = 0; i < after.associations.size(); ++i) {
        const ResolvedAssociation &now = after.associations.at(i);
        const ResolvedAssociation *was
            = i < before.associations.size() ? &before.associations.at(i) : nullptr;
        if (was && was->id == now.id) {
            if (!sameAssociation(*was, now))
                delta.associations.insert(now.id);
            continue;
        }
        delta.structure = true;
        delta.associations.insert(now.id);
        if (was)
            delta.associations.insert(was->id);
    }
    for (qsizetype i = after.associations.size(); i < before.associations.size(); ++i)
        delta.associations.insert(before.associations.at(i).id);
    return delta;
}

} // namespace Junction
