// SPDX-License-Identifier: MIT
#include "syncstatus.h"

#include "document.h"
#include "schemadiff.h"
#include "syncedhistory.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

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
    disconnect(m_resolvedConnection);
    m_document = document;
    if (document) {
        m_documentConnection
            = connect(document, &Document::changed, this, [this](const ChangeSet &changes) {
                  if (m_hasBaseline && changes.changes.testFlag(Change::Synced))
                      m_timer.start();
              });
        // A schema edit is compared once it is resolved (off the UI thread, debounced).
        m_resolvedConnection = connect(document, &Document::resolvedChanged, this, [this] {
            if (m_hasBaseline)
                recompute();
        });
    }
    clear();
}

void SyncStatus::clear()
{
    m_timer.stop();
    ++m_generation;
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

namespace {

struct Differences
{
    int count = 0;
    QSet<QString> ids;
    QHash<QString, QSet<QString>> tables;
};

// The diff of the design with the database as last read, turned into what to mark. Pure:
// it runs on a worker thread (on the 2,000-model schema it takes over 100 ms).
Differences differences(const ResolvedSchema &design, const SyncBaseline &baseline,
                        const QJsonObject &entry)
{
    Differences out;
    const SyncPlan plan = SchemaDiff::compute(design, baseline.live, Dialect::get(baseline.dialect),
                                              entry, SyncPlan::Mode::Alter);
    out.count = int(plan.changes.size());
    QHash<QString, const ResolvedTable *> tables;
    for (const ResolvedTable &table : design.tables)
        tables.insert(table.name, &table);
    for (const PlanChange &change : plan.changes) {
        const ResolvedTable *table = tables.value(change.table);
        if (!table)
            continue; // a table only the database has: counted, nothing to mark
        QSet<QString> &columns = out.tables[table->name];
        if (!table->entity.isNull())
            out.ids.insert(table->entity.toString());
        if (change.column.isEmpty())
            continue;
        columns.insert(change.column);
        for (const ResolvedColumn &column : table->columns) {
            if (column.name == change.column && !column.attributeId.isNull())
                out.ids.insert(column.attributeId.toString());
        }
    }
    return out;
}

} // namespace

void SyncStatus::recompute()
{
    m_timer.stop();
    const quint64 generation = ++m_generation;
    if (!m_hasBaseline || !m_document) {
        m_ids.clear();
        m_tables.clear();
        m_differences = 0;
        emit changed();
        return;
    }
    if (!m_document->isResolvedCurrent() && !m_document->isResolveSettled())
        return; // resolvedChanged() comes, rather than resolving on the UI thread
    const ResolvedSchema design = m_document->resolved();
    const SyncBaseline baseline = m_baseline;
    const QJsonObject entry = SyncedHistory::entry(m_document->project(), m_baseline.key);
    auto *watcher = new QFutureWatcher<Differences>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // an edit or a new baseline came after it
        const Differences result = watcher->result();
        m_differences = result.count;
        m_ids = result.ids;
        m_tables = result.tables;
        emit changed();
    });
    watcher->setFuture(QtConcurrent::run(
        [design, baseline, entry] { return differences(design, baseline, entry); }));
}

} // namespace Junction
