// SPDX-License-Identifier: MIT
#include "projectcommands.h"

#include "document.h"
#include "editcommand.h"

namespace Junction::Commands {

std::unique_ptr<QUndoCommand> renameProject(Document &document, const QString &name)
{
    const QString &before = document.project().name;
    if (before == name)
        return nullptr;
    ProjectEdit edit;
    edit.name = std::pair(before, name);
    auto command = std::make_unique<EditCommand>(
        &document, QStringLiteral("Rename project to %1").arg(name), std::move(edit));
    command->setMerge(MergeId::RenameProject, QString());
    return command;
}

std::unique_ptr<QUndoCommand> editDefine(Document &document, const DefineOptions &define)
{
    ProjectEdit edit;
    edit.define = std::pair(document.project().define, define);
    return std::make_unique<EditCommand>(&document, QStringLiteral("Change model defaults"),
                                         std::move(edit));
}

std::unique_ptr<QUndoCommand> editConnections(Document &document,
                                              const QList<SavedConnection> &connections)
{
    if (document.project().connections == connections)
        return nullptr;
    ProjectEdit edit;
    edit.connections = std::pair(document.project().connections, connections);
    return std::make_unique<EditCommand>(&document, QStringLiteral("Edit connections"),
                                         std::move(edit));
}

std::unique_ptr<QUndoCommand> recordSync(Document &document, const QJsonObject &synced,
                                         const QString &database)
{
    if (document.project().synced == synced)
        return nullptr;
    ProjectEdit edit;
    edit.synced = std::pair(document.project().synced, synced);
    return std::make_unique<EditCommand>(
        &document, QStringLiteral("Record sync with %1").arg(database), std::move(edit));
}

} // namespace Junction::Commands
