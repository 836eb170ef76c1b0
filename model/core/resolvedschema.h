// SPDX-License-Identifier: MIT
#pragma once

#include "datatype.h"
#include "diagnostic.h"
#include "ids.h"
#include "nameindex.h"
#include "project.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace Junction {

namespace ResolverDetail {
class Resolver;
}

// The physical schema a project resolves to, exactly as Sequelize v4 would create it.
// Everything downstream (validator, DDL, describe, diff, editor previews) reads this.

// The small members come last, together: an XL schema holds 200,000 columns, and padding
// after each int and the bools among the strings was 16 bytes of every 240.
struct ResolvedColumn
{
    enum class Origin { Declared, ImplicitId, Timestamp, ForeignKey };

    QString name;            // the column (Sequelize `field`)
    QString attribute;       // the attribute name code sees
    AttributeId attributeId; // set for declared attributes
    DataType type;
    DefaultValue defaultValue;
    QString comment;
    AssociationId association; // the association that created or reused it as a FK
    int attributeIndex = -1;   // its index in the model's attributes, for JSON paths
    int associationIndex = -1; // that association's index in the project
    Origin origin = Origin::Declared;
    bool allowNull = true;
    bool primaryKey = false;
    bool autoIncrement = false;
    bool unique = false;     // a single-column unique (composite ones are in uniques)
};

struct ResolvedForeignKey
{
    QString name;
    QStringList columns;
    QString referencedTable;
    QStringList referencedColumns;
    QString onDelete;        // empty: no clause (the database's NO ACTION)
    QString onUpdate;
    QList<AssociationId> associations; // every association that defines it, owner first
    int associationIndex = -1;         // the owner's index in the project
    // The index of referencedTable in ResolvedSchema::tables when its producer knows it (the
    // resolver does), else -1. A hint only: read it through ResolvedSchema::referencedTable().
    int referencedTableIndex = -1;
};

struct ResolvedUnique
{
    QString name;
    QStringList columns;
};

struct ResolvedIndex
{
    QString name;
    QStringList columns;
    bool unique = false;
};

struct ResolvedTable
{
    QString name;
    EntityId entity;          // null for a junction table the program creates
    QString entityName;
    AssociationId junctionOf; // set for a created junction table: its first belongsToMany
    int entityIndex = -1;     // index of the model in the project, for JSON paths
    int junctionOfIndex = -1; // index of junctionOf in the project
    QString comment;
    QList<ResolvedColumn> columns;
    QStringList primaryKey;
    QList<ResolvedUnique> uniques;
    QList<ResolvedIndex> indexes;
    QList<ResolvedForeignKey> foreignKeys;

    const ResolvedColumn *column(const QString &columnName) const;
    bool isCreatedJunction() const { return entity.isNull(); }
};

struct ResolvedAssociation
{
    AssociationId id;
    QString source;            // model names
    QString target;
    QString sourceTable;
    QString targetTable;
    QString as;                // the key Sequelize registers it under
    QString singular;
    QString plural;
    QString foreignKey;        // attribute name
    QString foreignKeyColumn;
    QString foreignKeyTable;   // where the FK column lives (the junction for belongsToMany)
    QString referencedKey;     // targetKey / sourceKey column the FK references
    QString otherKey;          // belongsToMany
    QString otherKeyColumn;
    QString throughTable;
    QString throughModel;      // set when `through` is a model
    QString onDelete;
    QString onUpdate;
    // The small members together at the end (no padding after each).
    AssociationType type = AssociationType::HasMany;
    bool isAliased = false;
    bool constraints = true;   // a FOREIGN KEY constraint exists for it
    bool valid = false;        // false when an error stopped its resolution

    // Sequelize's accessor method names; computed when asked (they are only shown).
    QStringList accessors() const;
};

struct ResolvedSchema
{
    QList<ResolvedTable> tables;  // definition order: models, then created junction tables
    QList<int> creationOrder;     // indexes into tables; dependencies first
    bool hasCycle = false;
    QList<ResolvedAssociation> associations; // file order
    Diagnostics diagnostics;

    const ResolvedTable *table(const QString &tableName) const;
    int tableIndex(const QString &tableName) const; // -1 if there is none
    const ResolvedTable *tableForEntity(const QString &entityName) const;
    const ResolvedAssociation *association(const AssociationId &id) const;
    // table(fk.referencedTable) and tableIndex(fk.referencedTable), without hashing the name
    // when the foreign key carries the table's index (one lookup per foreign key was a good
    // part of validating and ordering a 10,000-table schema).
    const ResolvedTable *referencedTable(const ResolvedForeignKey &fk) const;
    int referencedTableIndex(const ResolvedForeignKey &fk) const;

    // Filled by resolve() so that lookups stay O(1) on 10,000-table schemas; call again
    // after changing tables or associations by hand.
    void buildIndexes();

private:
    friend class ResolverDetail::Resolver; // builds the indexes as it goes (the same content)
    NameIndex m_tableIndex;
    NameIndex m_entityTableIndex;
    NameIndex m_associationIndex;
};

} // namespace Junction

// Qt value types only: lists of them grow by memcpy.
Q_DECLARE_TYPEINFO(Junction::ResolvedColumn, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(Junction::ResolvedForeignKey, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(Junction::ResolvedUnique, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(Junction::ResolvedIndex, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(Junction::ResolvedTable, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(Junction::ResolvedAssociation, Q_RELOCATABLE_TYPE);

namespace Junction {

// The index is taken only when it names a table of that name and no two tables share a
// name: table() answers the last of such tables, and a schema whose name index has one
// entry per table has none. Anything else (an index left -1 by another producer, a table
// renamed or moved since) is looked up by name as before.
inline int ResolvedSchema::referencedTableIndex(const ResolvedForeignKey &fk) const
{
    const int k = fk.referencedTableIndex;
    if (k >= 0 && k < tables.size() && m_tableIndex.size() == tables.size()) {
        const QString &name = tables.at(k).name;
        // The resolver's foreign keys share the table's name data: no characters compared.
        if (name.size() == fk.referencedTable.size()
            && (name.constData() == fk.referencedTable.constData() || name == fk.referencedTable))
            return k;
    }
    return tableIndex(fk.referencedTable);
}

inline const ResolvedTable *ResolvedSchema::referencedTable(const ResolvedForeignKey &fk) const
{
    const int i = referencedTableIndex(fk);
    return i < 0 ? nullptr : &tables.at(i);
}

// The whole resolution: implicit attributes, association columns, junction tables,
// accessors, creation order and the diagnostics found on the way.
ResolvedSchema resolve(const Project &project);

} // namespace Junction
