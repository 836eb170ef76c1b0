// SPDX-License-Identifier: MIT
#pragma once

#include "ids.h"

#include <QByteArray>
#include <QList>
#include <QMimeData>
#include <QPointF>
#include <QUndoCommand>

#include <memory>
#include <optional>

namespace Junction {

class Document;

namespace Commands {

// Copy, paste and duplicate of models. What travels is a fragment in the project file's own
// format (ProjectWriter's bytes): the models with their attributes, indexes and positions,
// and the associations among them (source, target and through model all copied) with
// their bends. So a fragment pasted into a text editor is valid JSON of the format, and
// pasting reuses ProjectReader.
QString fragmentMimeType(); // application/x-junction-fragment+json

QByteArray copyFragment(const Document &document, const QList<EntityId> &ids);
// The fragment as fragmentMimeType() and as text. Null when no id names a model.
std::unique_ptr<QMimeData> copyEntities(const Document &document, const QList<EntityId> &ids);

// Adds the fragment's models and associations with new ids. Names taken in the document are
// made unique (User -> User2), and so are explicit table names and created junction tables;
// associations follow the renamed models. Positions keep their arrangement: the top-left at
// `at`, or shifted by 30 px steps until no pasted model sits exactly on another. `added`
// receives the new models' ids (to select them). Null for an unreadable fragment.
std::unique_ptr<QUndoCommand> pasteFragment(Document &document, const QByteArray &fragment,
                                            std::optional<QPointF> at = std::nullopt,
                                            QList<EntityId> *added = nullptr);
std::unique_ptr<QUndoCommand> paste(Document &document, const QMimeData &mime,
                                    std::optional<QPointF> at = std::nullopt,
                                    QList<EntityId> *added = nullptr);
bool canPaste(const QMimeData &mime);

// Copy and paste in one step.
std::unique_ptr<QUndoCommand> duplicateEntities(Document &document, const QList<EntityId> &ids,
                                                QList<EntityId> *added = nullptr);

} // namespace Commands
} // namespace Junction
