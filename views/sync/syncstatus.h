// SPDX-License-Identifier: MIT
#pragma once

#include "syncdialog.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

namespace Junction {

class Document;

// What differs between the design and the database it was last synced with, kept current
// while the user edits. After a sync the window hands over the database as read back
// (SyncBaseline); every later edit diffs the design against that snapshot again with
// SchemaDiff (pure, no database access, after a short pause in typing, on a worker thread:
// on the 2,000-model schema it takes over 100 ms), so the markers
// follow the design without touching the server. What someone else changes in the
// database shows at the next sync's plan, not here.
class SyncStatus : public QObject
{
    Q_OBJECT

public:
    explicit SyncStatus(QObject *parent = nullptr);

    void setDocument(Document *document); // forgets the baseline (another project)
    void setBaseline(const SyncBaseline &baseline);
    void clear();

    bool hasBaseline() const { return m_hasBaseline; }
    QString connectionName() const { return m_baseline.connection; }
    bool inSync() const { return m_hasBaseline && m_differences == 0; }
    int differenceCount() const { return m_differences; }
    QString statusText() const;

    // What differs: model and attribute ids (outline), table names with their differing
    // columns (canvas; an empty set marks the table as a whole).
    const QSet<QString> &differingIds() const { return m_ids; }
    const QHash<QString, QSet<QString>> &differingTables() const { return m_tables; }

    void recompute(); // starts now rather than after the pause; changed() when it is done

signals:
    void changed();

private:
    QPointer<Document> m_document;
    QMetaObject::Connection m_documentConnection;
    QMetaObject::Connection m_resolvedConnection;
    SyncBaseline m_baseline;
    bool m_hasBaseline = false;
    int m_differences = 0;
    QSet<QString> m_ids;
    QHash<QString, QSet<QString>> m_tables;
    QTimer m_timer;
    quint64 m_generation = 0; // of the diff in flight: older results are dropped
};

} // namespace Junction
