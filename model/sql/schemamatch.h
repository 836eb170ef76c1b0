// SPDX-License-Identifier: MIT
#pragma once

#include "catalogreader.h"
#include "resolvedschema.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Junction {

// Which live table and column each designed one is, before anything is compared:
//   1. the same name;
//   2. else the name the project's `synced` entry recorded for its id (tables by model id,
//      or for a created junction table by its belongsToMany's id; columns by attribute id),
//      when that live name exists and no designed table/column has it: a rename.
// Nothing else: no similarity, no guessing. A live table or column left over is unmatched.
class SchemaMatch
{
public:
    SchemaMatch(const ResolvedSchema &design, const LiveSchema &live,
                const QJsonObject &syncedEntry);

    // The id `synced` keys a table by: its model id, or its junction association's id.
    static QString tableId(const ResolvedTable &table);

    int liveTable(int designTable) const { return m_liveOfDesign.at(designTable); }
    int designTable(int liveTable) const { return m_designOfLive.at(liveTable); }
    bool tableRenamed(int designTable) const;
    QList<int> unmatchedLiveTables() const;

    // Live column of a designed one (empty: none), and back.
    QString liveColumn(int designTable, const QString &designColumn) const;
    QString designColumn(int liveTable, const QString &liveColumn) const;
    bool columnRenamed(int designTable, const QString &designColumn) const;

    // A live table's designed name, or empty.
    QString designTableName(const QString &liveTableName) const;

private:
    const ResolvedSchema &m_design;
    const LiveSchema &m_live;
    QList<int> m_liveOfDesign;
    QList<int> m_designOfLive;
    QHash<QString, int> m_liveByName;
    // Per design table (design column, live column), per live table the reverse: a dozen
    // pairs each, where a scan beats building thousands of hashes.
    using Pairs = QList<std::pair<QString, QString>>;
    static QString find(const Pairs &pairs, const QString &name);
    QList<Pairs> m_columns;
    QList<Pairs> m_liveColumns;
};

} // namespace Junction
