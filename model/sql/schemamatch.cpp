// SPDX-License-Identifier: MIT
#include "schemamatch.h"

#include <QSet>

namespace Junction {

QString SchemaMatch::tableId(const ResolvedTable &table)
{
    return table.isCreatedJunction() ? table.junctionOf.toString() : table.entity.toString();
}

SchemaMatch::SchemaMatch(const ResolvedSchema &design, const LiveSchema &live,
                         const QJsonObject &syncedEntry)
    : m_design(design)
    , m_live(live)
{
    const QJsonObject syncedTables = syncedEntry.value(QLatin1String("tables")).toObject();
    const QJsonObject syncedColumns = syncedEntry.value(QLatin1String("columns")).toObject();

    m_liveOfDesign.fill(-1, design.tables.size());
    m_designOfLive.fill(-1, live.tables.size());
    m_liveByName.reserve(live.tables.size());
    for (int i = 0; i < live.tables.size(); ++i)
        m_liveByName.insert(live.tables.at(i).name, i);
    QSet<QString> designNames;
    designNames.reserve(design.tables.size());
    for (const ResolvedTable &t : design.tables)
        designNames.insert(t.name);

    for (int d = 0; d < design.tables.size(); ++d) {
        const int l = m_liveByName.value(design.tables.at(d).name, -1);
        if (l >= 0) {
            m_liveOfDesign[d] = l;
            m_designOfLive[l] = d;
        }
    }
    for (int d = 0; d < design.tables.size(); ++d) {
        if (m_liveOfDesign.at(d) >= 0)
            continue;
        const QString id = tableId(design.tables.at(d));
        const QString old = id.isEmpty() ? QString() : syncedTables.value(id).toString();
        const int l = old.isEmpty() ? -1 : m_liveByName.value(old, -1);
        if (l < 0 || m_designOfLive.at(l) >= 0 || designNames.contains(old))
            continue;
        m_liveOfDesign[d] = l;
        m_designOfLive[l] = d;
    }

    m_columns.resize(design.tables.size());
    m_liveColumns.resize(live.tables.size());
    for (int d = 0; d < design.tables.size(); ++d) {
        const int l = m_liveOfDesign.at(d);
        if (l < 0)
            continue;
        const ResolvedTable &table = design.tables.at(d);
        const LiveTable &liveTable = live.tables.at(l);
        Pairs &columns = m_columns[d];
        Pairs &back = m_liveColumns[l];
        columns.reserve(table.columns.size());
        back.reserve(liveTable.columns.size());
        for (const ResolvedColumn &c : table.columns) {
            if (liveTable.column(c.name)) {
                columns.append({c.name, c.name});
                back.append({c.name, c.name});
            }
        }
        for (const ResolvedColumn &c : table.columns) {
            if (c.attributeId.isNull() || !find(columns, c.name).isEmpty())
                continue;
            const QString old = syncedColumns.value(c.attributeId.toString()).toString();
            if (old.isEmpty() || !liveTable.column(old) || !find(back, old).isEmpty()
                || table.column(old))
                continue;
            columns.append({c.name, old});
            back.append({old, c.name});
        }
    }
}

bool SchemaMatch::tableRenamed(int designTable) const
{
    const int l = m_liveOfDesign.at(designTable);
    return l >= 0 && m_live.tables.at(l).name != m_design.tables.at(designTable).name;
}

QList<int> SchemaMatch::unmatchedLiveTables() const
{
    QList<int> out;
    for (int l = 0; l < m_designOfLive.size(); ++l) {
        if (m_designOfLive.at(l) < 0)
            out << l;
    }
    return out;
}

QString SchemaMatch::find(const Pairs &pairs, const QString &name)
{
    for (const auto &[from, to] : pairs) {
        if (from == name)
            return to;
    }
    return {};
}

QString SchemaMatch::liveColumn(int designTable, const QString &designColumn) const
{
    return find(m_columns.at(designTable), designColumn);
}

QString SchemaMatch::designColumn(int liveTable, const QString &liveColumn) const
{
    return find(m_liveColumns.at(liveTable), liveColumn);
}

bool SchemaMatch::columnRenamed(int designTable, const QString &designColumn) const
{
    const QString live = liveColumn(designTable, designColumn);
    return !live.isEmpty() && live != designColumn;
}

QString SchemaMatch::designTableName(const QString &liveTableName) const
{
    const int l = m_liveByName.value(liveTableName, -1);
    if (l < 0 || m_designOfLive.at(l) < 0)
        return {};
    return m_design.tables.at(m_designOfLive.at(l)).name;
}

} // namespace Junction
