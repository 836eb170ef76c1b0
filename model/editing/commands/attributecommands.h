// SPDX-License-Identifier: MIT
#pragma once

#include "project.h"

#include <QUndoCommand>

#include <memory>

namespace Junction {

class Document;

namespace Commands {

// An attribute of model `entity` at `index` (-1: last). A missing id is allocated, an empty
// type becomes STRING, an empty or taken name a free one (attribute, attribute2, ...).
std::unique_ptr<QUndoCommand> addAttribute(Document &document, const EntityId &entity,
                                           Attribute attribute, int index = -1);

std::unique_ptr<QUndoCommand> removeAttributes(Document &document, const EntityId &entity,
                                               const QList<AttributeId> &ids);

// Moves an attribute to `index` in its model (the order is the column order).
std::unique_ptr<QUndoCommand> moveAttribute(Document &document, const EntityId &entity,
                                            const AttributeId &id, int index);

enum class AttributeField {
    All, // a dialog's commit
    Name,
    Field,
    Type,
    AllowNull,
    PrimaryKey,
    AutoIncrement,
    Unique,
    DefaultValue,
    Comment,
};

// Why `name` cannot name attribute `id` of `entity` (empty, or another attribute's), or "".
QString attributeNameProblem(const Entity &entity, const AttributeId &id, const QString &name);

// Replaces the attribute with `edited` (same id); `changed` names the field the gesture
// edited, for the undo text and merging: typing in name, field, type, default value or
// comment merges into one step per attribute and field. A new name must pass
// attributeNameProblem(); it is rewritten where the model's indexes, a belongsTo's targetKey
// or a sourceKey name the attribute. Null when `edited` equals the attribute as it is.
std::unique_ptr<QUndoCommand> editAttribute(Document &document, const EntityId &entity,
                                            const Attribute &edited, AttributeField changed);

} // namespace Commands
} // namespace Junction
