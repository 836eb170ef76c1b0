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

} // namespace Junction::Commands
