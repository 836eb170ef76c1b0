// SPDX-License-Identifier: MIT
#include "syncstatus.h"

#include "document.h"
#include "schemadiff.h"
#include "syncedhistory.h"

namespace Junction {

SyncStatus::SyncStatus(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(150);
    connect(&m_timer, &QTimer::timeout, this, &SyncStatus::recompute);
}

void SyncStatus::setDocument(Document *document)
{
    disconnect(m_documentConnection);
    m_document = document;
    if (document) {
        m_documentConnection
            = connect(document, &Document::changed, this, [this](const ChangeSet &changes) {
                  if (m_hasBaseline
                      && (changes.affectsSchema() || changes.changes.testFlag(Change::Synced)))
                      m_timer.start();
              });
    }
    clear();
}

void SyncStatus::clear()
{
    m_timer.stop();
    m_hasBaseline = false;
    m_baseline = {};
    m_differences = 0;
    m_ids.clear();
    m_tables.clear();
    emit changed();
}

void SyncStatus::setBaseline(const SyncBaseline &baseline)
{
    m_baseline = baseline;
    m_hasBaseline = true;
    recompute();
}

QString SyncStatus::statusText() const
{
    if (!m_hasBaseline)
        return {};
    if (m_differences == 0)
        return tr("In sync with %1").arg(m_baseline.connection);
    if (m_differences == 1)
        return tr("1 difference from %1").arg(m_baseline.connection);
    return tr("%1 differences from %2").arg(m_differences).arg(m_baseline.connection);
}

void SyncStatus::recompute()
{
    m_timer.stop();
    m_ids.clear();
    m_tables.clear();
    m_differences = 0;
    if (!m_hasBaseline || !m_document) {
        emit changed();
        return;
    }
    const ResolvedSchema &design = m_document->resolved();
    const SyncPlan plan = SchemaDiff::compute(
        design, m_baseline.live, Dialect::get(m_baseline.dialect),
        SyncedHistory::entry(m_document->project(), m_baseline.key), SyncPlan::Mode::Alter);
    m_differences = int(plan.changes.size());
    QHash<QString, const ResolvedTable *> tables;
    for (const ResolvedTable &table : design.tables)
        tables.insert(table.name, &table);
    for (const PlanChange &change : plan.changes) {
        const ResolvedTable *table = tables.value(change.table);
        if (!table)
            continue; // a table only the database has: counted, nothing to mark
        QSet<QString> &columns = m_tables[table->name];
        if (!table->entity.isNull())
            m_ids.insert(table->entity.toString());
        if (change.column.isEmpty())
            continue;
        columns.insert(change.column);
        for (const ResolvedColumn &column : table->columns) {
            if (column.name == change.column && !column.attributeId.isNull())
                m_ids.insert(column.attributeId.toString());
        }
    }
    emit changed();
}

} // namespace Junction
