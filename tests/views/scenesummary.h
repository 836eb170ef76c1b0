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

// What every box and edge shows and where: titles, rows, edge labels, ends, lanes (as the
// route's bounds), cycle colours. Finer than sceneSummary(), for an incremental update.
inline QStringList sceneContents(const DiagramScene &scene)
{
    QStringList lines;
    for (const TableItem *table : scene.tableItems()) {
        const TableItem::Content &content = table->content();
        QStringList rows;
        for (const TableItem::Row &row : content.rows)
            rows << row.name + QLatin1Char(' ') + row.type + QLatin1Char(' ') + row.tag
                        + QLatin1Char(' ') + row.note;
        lines << QStringLiteral("table %1 %2 '%3' cycle %4 at %5,%6 rows %7")
                     .arg(table->entityId().toString(), table->tableName(), content.title)
                     .arg(content.inCycle)
                     .arg(table->pos().x())
                     .arg(table->pos().y())
                     .arg(rows.join(QLatin1String(" | ")));
    }
    for (const AssociationItem *edge : scene.associationItems()) {
        const QRectF route = edge->path().boundingRect();
        lines << QStringLiteral("edge %1 '%2' cycle %3 from %4 to %5 route %6,%7 %8x%9")
                     .arg(edge->associationId().toString(), edge->content().label)
                     .arg(edge->content().inCycle)
                     .arg(edge->sourceItem()->tableName(), edge->targetItem()->tableName())
                     .arg(route.x())
                     .arg(route.y())
                     .arg(route.width())
                     .arg(route.height());
    }
    lines.sort();
    return lines;
}

// What `describe` (sceneSummary or sceneContents) says of the scene built at once for
// `document`, as syncSchema() makes it.
inline QStringList describeBuiltAtOnce(Document &document,
                                       QStringList (*describe)(const DiagramScene &))
{
    DiagramScene scene;
    scene.setDocument(&document);
    const QStringList described = describe(scene);
    scene.setDocument(nullptr);
    return described;
}

inline QStringList contentsBuiltAtOnce(Document &document)
{
    return describeBuiltAtOnce(document, sceneContents);
}

inline QStringList builtAtOnce(Document &document)
{
    return describeBuiltAtOnce(document, sceneSummary);
}

} // namespace Junction::Testing
