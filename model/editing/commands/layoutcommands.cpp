// SPDX-License-Identifier: MIT
#include "layoutcommands.h"

#include "document.h"
#include "editcommand.h"

#include <QRectF>

#include <algorithm>
#include <cmath>
#include <limits>

namespace Junction::Commands {

namespace {

struct Box
{
    int index; // in project.entities
    QRectF rect;
};

// The boxes of the models that have a position, in file order.
QList<Box> boxesOf(const Document &document, const QList<EntityId> &ids,
                   const BoxSizeFunction &sizes)
{
    QList<Box> boxes;
    for (const EntityId &id : ids) {
        const int index = document.entityIndex(id);
        if (index < 0)
            continue;
        const Entity &e = document.project().entities.at(index);
        if (const auto p = Layout::modelPosition(document.project().layout, e.id))
            boxes.append({index, QRectF(*p, sizes(e))});
    }
    std::sort(boxes.begin(), boxes.end(), [](const Box &a, const Box &b) { return a.index < b.index; });
    boxes.erase(std::unique(boxes.begin(), boxes.end(),
                            [](const Box &a, const Box &b) { return a.index == b.index; }),
                boxes.end());
    return boxes;
}

QString movedText(qsizetype count, const QString &verb)
{
    return count == 1 ? QStringLiteral("%1 model").arg(verb)
                      : QStringLiteral("%1 %2 models").arg(verb).arg(count);
}

// A command that sets positions by entity index; entries that do not change are left out,
// null when none changes.
std::unique_ptr<EditCommand> positionCommand(Document &document,
                                             const QList<std::pair<int, QPointF>> &positions,
                                             const QString &text)
{
    const Project &project = document.project();
    const QJsonObject models = project.layout.value(Layout::modelsKey()).toObject();
    ProjectEdit edit;
    for (const auto &[index, position] : positions) {
        const QString key = project.entities.at(index).id.toString();
        const QJsonValue previous = models.value(key);
        const QJsonValue next = Layout::withPosition(previous, position);
        if (next != previous)
            edit.layout.set(project.layout, LayoutPatch::Section::Models, key, next);
    }
    if (edit.isEmpty())
        return nullptr;
    return std::make_unique<EditCommand>(&document, text, std::move(edit));
}

} // namespace

std::unique_ptr<QUndoCommand> moveEntities(Document &document,
                                           const QList<std::pair<EntityId, QPointF>> &positions,
                                           const QString &text)
{
    QList<std::pair<int, QPointF>> byIndex;
    for (const auto &[id, position] : positions) {
        const int index = document.entityIndex(id);
        if (index >= 0)
            byIndex.append({index, position});
    }
    std::stable_sort(byIndex.begin(), byIndex.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    return positionCommand(document, byIndex,
                           text.isEmpty() ? movedText(byIndex.size(), QStringLiteral("Move")) : text);
}

std::unique_ptr<QUndoCommand> nudgeEntities(Document &document, const QList<EntityId> &ids,
                                            QPointF delta)
{
    const QList<Box> boxes = boxesOf(document, ids, [](const Entity &) { return QSizeF(); });
    QList<std::pair<int, QPointF>> positions;
    QStringList key;
    for (const Box &box : boxes) {
        positions.append({box.index, box.rect.topLeft() + delta});
        key.append(document.project().entities.at(box.index).id.toString());
    }
    auto command = positionCommand(document, positions,
                                   movedText(positions.size(), QStringLiteral("Nudge")));
    if (command)
        command->setMerge(MergeId::NudgeModels, key.join(u'\n'));
    return command;
}

std::unique_ptr<QUndoCommand> setAssociationBends(Document &document, const AssociationId &id,
                                                  const QList<QPointF> &bends)
{
    if (document.associationIndex(id) < 0)
        return nullptr;
    const QJsonObject &layout = document.project().layout;
    const QJsonValue previous = layout.value(Layout::associationsKey()).toObject().value(id.toString());
    const QJsonValue next = Layout::withBends(previous, bends);
    if (next == previous)
        return nullptr;
    ProjectEdit edit;
    edit.layout.set(layout, LayoutPatch::Section::Associations, id.toString(), next);
    return std::make_unique<EditCommand>(&document, QStringLiteral("Bend association"),
                                         std::move(edit));
}

std::unique_ptr<QUndoCommand> alignEntities(Document &document, const QList<EntityId> &ids,
                                            Alignment alignment, const BoxSizeFunction &sizes)
{
    const QList<Box> boxes = boxesOf(document, ids, sizes);
    if (boxes.size() < 2)
        return nullptr;
    QRectF bounds;
    for (const Box &box : boxes)
        bounds = bounds.isNull() ? box.rect : bounds.united(box.rect);
    QList<std::pair<int, QPointF>> positions;
    for (const Box &box : boxes) {
        QRectF r = box.rect;
        switch (alignment) {
        case Alignment::Left: r.moveLeft(bounds.left()); break;
        case Alignment::Right: r.moveRight(bounds.right()); break;
        case Alignment::Top: r.moveTop(bounds.top()); break;
        case Alignment::Bottom: r.moveBottom(bounds.bottom()); break;
        case Alignment::HorizontalCenter: r.moveCenter({bounds.center().x(), r.center().y()}); break;
        case Alignment::VerticalCenter: r.moveCenter({r.center().x(), bounds.center().y()}); break;
        }
        positions.append({box.index, r.topLeft()});
    }
    return positionCommand(document, positions, QStringLiteral("Align %1 models").arg(boxes.size()));
}

std::unique_ptr<QUndoCommand> distributeEntities(Document &document, const QList<EntityId> &ids,
                                                 Qt::Orientation orientation,
                                                 const BoxSizeFunction &sizes)
{
    QList<Box> boxes = boxesOf(document, ids, sizes);
    if (boxes.size() < 3)
        return nullptr;
    const bool horizontal = orientation == Qt::Horizontal;
    auto start = [&](const QRectF &r) { return horizontal ? r.left() : r.top(); };
    auto extent = [&](const QRectF &r) { return horizontal ? r.width() : r.height(); };
    std::stable_sort(boxes.begin(), boxes.end(), [&](const Box &a, const Box &b) {
        return start(a.rect) < start(b.rect);
    });
    double first = start(boxes.first().rect);
    double end = first;
    double occupied = 0;
    for (const Box &box : boxes) {
        end = std::max(end, start(box.rect) + extent(box.rect));
        occupied += extent(box.rect);
    }
    const double gap = (end - first - occupied) / double(boxes.size() - 1);
    QList<std::pair<int, QPointF>> positions;
    double at = first;
    for (const Box &box : boxes) {
        const QPointF p = horizontal ? QPointF(at, box.rect.top()) : QPointF(box.rect.left(), at);
        positions.append({box.index, QPointF(std::round(p.x()), std::round(p.y()))});
        at += extent(box.rect) + gap;
    }
    std::sort(positions.begin(), positions.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    return positionCommand(document, positions,
                           QStringLiteral("Distribute %1 models").arg(boxes.size()));
}

std::unique_ptr<QUndoCommand> autoLayoutEntities(Document &document, const BoxSizeFunction &sizes)
{
    const Project &project = document.project();
    const QList<QPointF> laidOut = autoLayout(project, document.resolved(), sizes);
    QList<std::pair<int, QPointF>> positions;
    positions.reserve(laidOut.size());
    for (int i = 0; i < laidOut.size(); ++i)
        positions.append({i, laidOut.at(i)});
    return positionCommand(document, positions, QStringLiteral("Auto-layout"));
}

std::unique_ptr<QUndoCommand> placeUnpositionedEntities(Document &document,
                                                        const BoxSizeFunction &sizes)
{
    const Project &project = document.project();
    QList<int> missing;
    for (int i = 0; i < project.entities.size(); ++i) {
        if (!Layout::modelPosition(project.layout, project.entities.at(i).id))
            missing.append(i);
    }
    // Sizes are asked only when something is placed: the canvas may still be building its
    // boxes (a file just opened), and would have to finish them to answer.
    if (missing.isEmpty())
        return nullptr;
    double left = std::numeric_limits<double>::max();
    double bottom = std::numeric_limits<double>::lowest();
    for (const Entity &e : project.entities) {
        if (const auto p = Layout::modelPosition(project.layout, e.id)) {
            left = std::min(left, p->x());
            bottom = std::max(bottom, p->y() + sizes(e).height());
        }
    }
    const bool anyPlaced = missing.size() < project.entities.size();
    const AutoLayoutOptions options;
    const QPointF origin = anyPlaced ? QPointF(std::round(left), std::ceil(bottom) + options.componentGap)
                                     : QPointF();
    const LayoutResult result = layoutGraph(
        layoutGraphOf(project, document.resolved(), sizes, missing), options);
    QList<std::pair<int, QPointF>> positions;
    for (int node = 0; node < missing.size(); ++node)
        positions.append({missing.at(node), origin + result.positions.at(node)});
    return positionCommand(document, positions,
                           movedText(positions.size(), QStringLiteral("Place")));
}

} // namespace Junction::Commands
