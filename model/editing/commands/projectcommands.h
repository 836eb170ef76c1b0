// SPDX-License-Identifier: MIT
#pragma once

#include "project.h"

#include <QUndoCommand>

#include <memory>

namespace Junction {

class Document;

namespace Commands {

// The project's name (typing merges) and its `define` defaults for every model.
std::unique_ptr<QUndoCommand> renameProject(Document &document, const QString &name);
std::unique_ptr<QUndoCommand> editDefine(Document &document, const DefineOptions &define);

} // namespace Commands
} // namespace Junction
