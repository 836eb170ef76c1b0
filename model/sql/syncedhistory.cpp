// SPDX-License-Identifier: MIT
#include "syncedhistory.h"

#include "connectionurl.h"

#include <QMap>

namespace Junction {

QString SyncedHistory::key(const ConnectionSpec &spec)
{
    return ConnectionUrl::display(spec);
}

QJsonObject SyncedHistory::entry(const Project &project, const QString &key)
{
    return project.synced.value(key).toObject();
}

QJsonObject SyncedHistory::updatedEntry(const QJsonObject &previous, const SyncPlan &plan,
                                        const QDateTime &at)
{
    auto names = [](const QList<SyncPlan::NameMatch> &matches, const QJsonObject &before) {
        // Collected sorted first: QJsonObject keeps its keys sorted, and inserting tens of
        // thousands of ids in any other order moves its storage every time.
        QMap<QString, QJsonValue> sorted;
        for (const SyncPlan::NameMatch &m : matches) {
            if (m.id.isEmpty())
                continue;
            const QString designed = m.column.isEmpty() ? m.table : m.column;
            if (m.establishes)
                sorted.insert(m.id, designed);
            else if (!m.liveName.isEmpty())
                sorted.insert(m.id, m.liveName);
            else if (before.contains(m.id))
                sorted.insert(m.id, before.value(m.id));
        }
        QJsonObject out;
        for (auto it = sorted.constBegin(); it != sorted.constEnd(); ++it)
            out.insert(it.key(), it.value());
        return out;
    };
    QJsonObject entry;
    entry.insert(QStringLiteral("at"), at.toUTC().toString(Qt::ISODate));
    entry.insert(QStringLiteral("tables"),
                 names(plan.tableNames, previous.value(QLatin1String("tables")).toObject()));
    entry.insert(QStringLiteral("columns"),
                 names(plan.columnNames, previous.value(QLatin1String("columns")).toObject()));
    return entry;
}

bool SyncedHistory::update(Project &project, const QString &key, const SyncPlan &plan,
                           const QDateTime &at)
{
    const QJsonObject previous = entry(project, key);
    QJsonObject next = updatedEntry(previous, plan, at);
    // Nothing ran and nothing is named differently: keep the file as it is, so that a
    // sync that found nothing to do does not change it.
    if (plan.isEmpty()
        && next.value(QLatin1String("tables")) == previous.value(QLatin1String("tables"))
        && next.value(QLatin1String("columns")) == previous.value(QLatin1String("columns")))
        return false;
    project.synced.insert(key, next);
    return true;
}

} // namespace Junction
