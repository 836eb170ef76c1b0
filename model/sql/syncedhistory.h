// SPDX-License-Identifier: MIT
#pragma once

#include "connection.h"
#include "project.h"
#include "syncplan.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace Junction {

// The project's `synced` section: per database (keyed by its URL without password), when
// it was last synced and which name each model id's table and each attribute id's column
// has there. SchemaDiff reads it to turn a changed name into RENAME; after a successful sync
// it is rewritten from the plan's name matches.
class SyncedHistory
{
public:
    // ConnectionUrl::display(spec): no password, ever.
    static QString key(const ConnectionSpec &spec);
    static QJsonObject entry(const Project &project, const QString &key);
    // The entry once `plan` ran: designed names where the plan established them, the live
    // (old) names where it did not (a rename create mode left pending), the previous
    // entry's otherwise.
    static QJsonObject updatedEntry(const QJsonObject &previous, const SyncPlan &plan,
                                    const QDateTime &at);
    // Sets the entry; true when the project changed.
    static bool update(Project &project, const QString &key, const SyncPlan &plan,
                       const QDateTime &at = QDateTime::currentDateTimeUtc());
};

} // namespace Junction
