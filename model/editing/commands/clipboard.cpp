// SPDX-License-Identifier: MIT
#include "clipboard.h"

#include "document.h"
#include "editcommand.h"
#include "projectreader.h"
#include "projectwriter.h"
#include "uniquenames.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <limits>

namespace Junction::Commands {

namespace {

constexpr double pasteStep = 30;

bool isPositionTaken(const QSet<std::pair<qint64, qint64>> &taken, QPointF p)
{
    return taken.contains({qRound64(p.x()), qRound64(p.y())});
}

} // namespace

QString fragmentMimeType()
{
    return QStringLiteral("application/x-junction-fragment+json");
}

QByteArray copyFragment(const Document &document, const QList<EntityId> &ids)
{
    const Project &project = document.project();
    const QSet<EntityId> wanted(ids.cbegin(), ids.cend());
    Project fragment;
    fragment.define = project.define; // what the options meant where they were copied
    fragment.hasDefine = project.hasDefine;
    QSet<QString> names;
    QJsonObject positions;
    const QJsonObject models = project.layout.value(Layout::modelsKey()).toObject();
    for (const Entity &e : project.entities) {
        if (!wanted.contains(e.id))
            continue;
        fragment.entities.append(e);
        names.insert(e.name);
        const QJsonValue position = models.value(e.id.toString());
        if (!position.isUndefined())
            positions.insert(e.id.toString(), position);
    }
    if (fragment.entities.isEmpty())
        return {};
    QJsonObject bends;
    const QJsonObject associationLayout = project.layout.value(Layout::associationsKey()).toObject();
    for (const Association &a : project.associations) {
        const bool throughCopied = a.through.kind != Through::Kind::Model
                                   || names.contains(a.through.name);
        if (!names.contains(a.source) || !names.contains(a.target) || !throughCopied)
            continue;
        fragment.associations.append(a);
        const QJsonValue bend = associationLayout.value(a.id.toString());
        if (!bend.isUndefined())
            bends.insert(a.id.toString(), bend);
    }
    if (!positions.isEmpty())
        fragment.layout.insert(Layout::modelsKey(), positions);
    if (!bends.isEmpty())
        fragment.layout.insert(Layout::associationsKey(), bends);
    return ProjectWriter::toBytes(fragment);
}

std::unique_ptr<QMimeData> copyEntities(const Document &document, const QList<EntityId> &ids)
{
    const QByteArray fragment = copyFragment(document, ids);
    if (fragment.isEmpty())
        return nullptr;
    auto mime = std::make_unique<QMimeData>();
    mime->setData(fragmentMimeType(), fragment);
    mime->setText(QString::fromUtf8(fragment));
    return mime;
}

std::unique_ptr<QUndoCommand> pasteFragment(Document &document, const QByteArray &fragmentBytes,
                                            std::optional<QPointF> at, QList<EntityId> *added)
{
    LoadResult loaded = ProjectReader::readBytes(fragmentBytes, QStringLiteral("clipboard"));
    if (!loaded.project || loaded.project->entities.isEmpty())
        return nullptr;
    const Project &fragment = *loaded.project;
    const Project &project = document.project();
    IdAllocator &ids = document.idAllocator();

    QSet<QString> names, tableNames, junctionNames;
    names.reserve(project.entities.size());
    for (const Entity &e : project.entities) {
        names.insert(e.name);
        if (!e.tableName.isEmpty())
            tableNames.insert(e.tableName);
    }
    for (const Association &a : project.associations) {
        if (a.through.kind == Through::Kind::Table)
            junctionNames.insert(a.through.name);
    }
    UniqueNames freeNames(std::move(names));
    UniqueNames freeTableNames(std::move(tableNames));
    UniqueNames freeJunctionNames(std::move(junctionNames));

    ProjectEdit edit;
    QHash<QString, QString> renamed;     // model name in the fragment -> pasted name
    QHash<QString, QString> idOf;        // fragment id -> pasted id (models, associations)
    QHash<QString, QString> junctionOf;  // junction table in the fragment -> pasted name
    int index = int(project.entities.size());
    for (Entity e : fragment.entities) {
        const QString oldId = e.id.toString();
        e.id = ids.nextEntityId();
        for (Attribute &a : e.attributes)
            a.id = ids.nextAttributeId();
        const QString newName = freeNames.take(e.name);
        renamed.insert(e.name, newName);
        e.name = newName;
        if (!e.tableName.isEmpty())
            e.tableName = freeTableNames.take(e.tableName);
        idOf.insert(oldId, e.id.toString());
        if (added)
            added->append(e.id);
        edit.insertedEntities.append({index++, std::move(e)});
    }
    index = int(project.associations.size());
    for (Association a : fragment.associations) {
        const bool throughPasted = a.through.kind != Through::Kind::Model
                                   || renamed.contains(a.through.name);
        if (!renamed.contains(a.source) || !renamed.contains(a.target) || !throughPasted)
            continue;
        const QString oldId = a.id.toString();
        a.id = ids.nextAssociationId();
        a.source = renamed.value(a.source);
        a.target = renamed.value(a.target);
        if (a.through.kind == Through::Kind::Model) {
            a.through.name = renamed.value(a.through.name);
        } else if (a.through.kind == Through::Kind::Table) {
            // Both sides of a pair share the junction: one new name per old one.
            auto known = junctionOf.constFind(a.through.name);
            if (known == junctionOf.constEnd())
                known = junctionOf.insert(a.through.name, freeJunctionNames.take(a.through.name));
            a.through.name = *known;
        }
        idOf.insert(oldId, a.id.toString());
        edit.insertedAssociations.append({index++, std::move(a)});
    }

    // Where the pasted boxes go: the fragment's arrangement, moved as a whole.
    QList<std::pair<QString, QPointF>> positions;
    QPointF topLeft(std::numeric_limits<double>::max(), std::numeric_limits<double>::max());
    for (const auto &placed : std::as_const(edit.insertedEntities)) {
        const Entity &original = fragment.entities.at(placed.index - project.entities.size());
        if (const auto p = Layout::modelPosition(fragment.layout, original.id)) {
            positions.append({placed.value.id.toString(), *p});
            topLeft = QPointF(std::min(topLeft.x(), p->x()), std::min(topLeft.y(), p->y()));
        }
    }
    QPointF delta;
    if (at && !positions.isEmpty()) {
        delta = *at - topLeft;
    } else if (!positions.isEmpty()) {
        QSet<std::pair<qint64, qint64>> taken;
        for (const QJsonValue &v : project.layout.value(Layout::modelsKey()).toObject()) {
            const QJsonObject xy = v.toObject();
            taken.insert({qRound64(xy.value(QLatin1String("x")).toDouble()),
                          qRound64(xy.value(QLatin1String("y")).toDouble())});
        }
        for (int step = 1; step <= 1000; ++step) {
            delta = QPointF(step * pasteStep, step * pasteStep);
            if (std::none_of(positions.cbegin(), positions.cend(), [&](const auto &p) {
                    return isPositionTaken(taken, p.second + delta);
                }))
                break;
        }
    }
    const QJsonObject fragmentModels = fragment.layout.value(Layout::modelsKey()).toObject();
    for (const auto &placed : std::as_const(edit.insertedEntities)) {
        const Entity &original = fragment.entities.at(placed.index - project.entities.size());
        const auto p = Layout::modelPosition(fragment.layout, original.id);
        if (p)
            edit.layout.set(project.layout, LayoutPatch::Section::Models, placed.value.id.toString(),
                            Layout::withPosition(fragmentModels.value(original.id.toString()), *p + delta));
    }
    const QJsonObject fragmentBends = fragment.layout.value(Layout::associationsKey()).toObject();
    for (auto it = fragmentBends.begin(); it != fragmentBends.end(); ++it) {
        const QString pastedId = idOf.value(it.key());
        if (pastedId.isEmpty())
            continue;
        QList<QPointF> bends = Layout::bendPoints(fragment.layout, AssociationId(it.key()));
        for (QPointF &b : bends)
            b += delta;
        const QJsonValue value = Layout::withBends(it.value(), bends);
        if (!value.isUndefined())
            edit.layout.set(project.layout, LayoutPatch::Section::Associations, pastedId, value);
    }

    const qsizetype count = edit.insertedEntities.size();
    const QString text = count == 1
        ? QStringLiteral("Paste model %1").arg(edit.insertedEntities.first().value.name)
        : QStringLiteral("Paste %1 models").arg(count);
    return std::make_unique<EditCommand>(&document, text, std::move(edit));
}

bool canPaste(const QMimeData &mime)
{
    return mime.hasFormat(fragmentMimeType());
}

std::unique_ptr<QUndoCommand> paste(Document &document, const QMimeData &mime,
                                    std::optional<QPointF> at, QList<EntityId> *added)
{
    // Plain text is tried too: a fragment copied out of a text editor pastes as well.
    const QByteArray fragment = mime.hasFormat(fragmentMimeType())
        ? mime.data(fragmentMimeType())
        : mime.text().toUtf8();
    return pasteFragment(document, fragment, at, added);
}

std::unique_ptr<QUndoCommand> duplicateEntities(Document &document, const QList<EntityId> &ids,
                                                QList<EntityId> *added)
{
    auto command = pasteFragment(document, copyFragment(document, ids), std::nullopt, added);
    if (command)
        command->setText(command->text().replace(QLatin1String("Paste"), QLatin1String("Duplicate")));
    return command;
}

} // namespace Junction::Commands
