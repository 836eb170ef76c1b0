// SPDX-License-Identifier: MIT
#pragma once
// The first half of an import: what each live table is (a model or a pure junction), which
// of its columns are declared and which are Sequelize's implicit ones or its associations',
// which foreign keys a Sequelize association can state, and the models' names. Internal to
// SchemaImporter; the rules are at the top of importanalysis.cpp.

#include "catalogreader.h"
#include "columnfacts.h"
#include "connection.h"
#include "datatype.h"
#include "diagnostic.h"
#include "nativetypemap.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace Junction {

// A live column and what it is imported as.
struct AnalyzedColumn
{
    const LiveColumn *live = nullptr;
    ImportedType type;
    DataType dataType;
    DefaultValue defaultValue;
    bool declared = true; // an attribute of the model (else implicit or an association's)
    bool forceDeclared = false; // in a composite unique, or an id/timestamp with a unique
};

// A foreign key an association can state.
struct AnalyzedForeignKey
{
    const LiveForeignKey *live = nullptr;
    int table = -1; // the holder
    int referenced = -1;
    QString column;
    QString referencedColumn;
    int position = 0; // of the column in its table
    bool unique = false; // a single-column unique on it, or it is the holder's whole key
    bool link = false; // one key of a belongsToMany pair
};

// A live table: a model or a pure junction, with its Sequelize options.
struct AnalyzedTable
{
    const LiveTable *live = nullptr;
    bool junction = false; // a pure junction: no model
    bool through = false; // a model used as a belongsToMany through
    QString modelName;
    QString tableName; // written only when needed
    bool timestamps = false;
    bool underscored = false;
    bool paranoid = false;
    QString createdAt;
    QString updatedAt;
    QString deletedAt;
    QHash<QString, int> columnIndex;
    QList<AnalyzedColumn> columns;
    QList<int> foreignKeys; // ImportAnalysis::foreignKeys() indexes, in column order
    int linkFirst = -1; // the belongsToMany pair's two keys, the same kind of index
    int linkSecond = -1;
    int linkUnique = -1; // live unique the pair consumes; -1: the primary key is the pair
    bool referenced = false;
    bool implicitId = false;
    QStringList primaryKey; // the model's key (a keyless table's column id, if it has one)

    const AnalyzedColumn *column(const QString &name) const
    {
        const int i = columnIndex.value(name, -1);
        return i < 0 ? nullptr : &columns.at(i);
    }
    QString pk() const { return primaryKey.isEmpty() ? QStringLiteral("id") : primaryKey.first(); }
};

class ImportAnalysis
{
public:
    using Engine = ConnectionSpec::Engine;

    ImportAnalysis(const LiveSchema &live, Engine engine, const ColumnFacts &facts);

    const QList<AnalyzedTable> &tables() const { return m_tables; }
    const QList<AnalyzedForeignKey> &foreignKeys() const { return m_fks; }
    // Foreign keys no association can state, reported already: (table, first column).
    const QList<std::pair<QString, QString>> &skippedForeignKeys() const { return m_skipped; }
    const Diagnostics &diagnostics() const { return m_diagnostics; }

private:
    void mapColumns();
    void findForeignKeys();
    void detectTimestamps();
    void detectLinks();
    void nameModels();
    void confirmJunctions();
    void decideDeclared();
    void warn(const QString &code, const QString &message, const QStringList &ids = {});

    const LiveSchema &m_live;
    Engine m_engine;
    const ColumnFacts &m_facts;
    QList<AnalyzedTable> m_tables;
    QHash<QString, int> m_tableByName;
    QList<AnalyzedForeignKey> m_fks;
    QList<std::pair<QString, QString>> m_skipped;
    Diagnostics m_diagnostics;
};

} // namespace Junction
