// SPDX-License-Identifier: MIT
#pragma once

#include "associationitem.h"
#include "diagramscene.h"
#include "document.h"
#include "tableitem.h"

#include <QStringList>

namespace Junction::Testing {

// Every box by id with its position and size, every edge by id with its path's length: the
// scene as shown, to compare with one built at once (a sliced build, an incremental update).
inline QStringList sceneSummary(const DiagramScene &scene)
{
    QStringList lines;
    for (const TableItem *table : scene.tableItems())
        lines << QStringLiteral("table %1 at %2,%3 size %4x%5")
                     .arg(table->entityId().toString())
                     .arg(table->pos().x())
                     .arg(table->pos().y())
                     .arg(table->boundingRect().width())
                     .arg(table->boundingRect().height());
    for (const AssociationItem *edge : scene.associationItems())
        lines << QStringLiteral("edge %1 path %2")
                     .arg(edge->associationId().toString())
                     .arg(edge->path().elementCount());
    lines.sort();
    return lines;
}

// The scene built at once for `document`, as syncSchema() makes it.
inline QStringList builtAtOnce(Document &document)
{
    DiagramScene scene;
    scene.setDocument(&document);
    const QStringList summary = sceneSummary(scene);
    scene.setDocument(nullptr);
    return summary;
}

} // namespace Junction::Testing
