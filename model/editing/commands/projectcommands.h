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
// The connection manager's result, as one step; nullptr when nothing changed.
std::unique_ptr<QUndoCommand> editConnections(Document &document,
                                              const QList<SavedConnection> &connections);
// The `synced` section after a sync (SyncedHistory computes it); nullptr when unchanged.
std::unique_ptr<QUndoCommand> recordSync(Document &document, const QJsonObject &synced,
                                         const QString &database);

} // namespace Commands
} // namespace Junction
