// SPDX-License-Identifier: MIT
#pragma once

#include "ids.h"

namespace Junction {

struct Project;

// Ids for new elements: m-<n>, a-<n>, as-<n>, counting up from past every such id the project
// mentions (models, attributes, associations, layout keys, synced records), so a new element
// never takes an id the file has used, not even one that only `synced` still remembers (that
// would turn a new table into a RENAME of a dropped one). Counters never go back within a
// session, so an id freed by undo is not handed out again. Deterministic for a given file.
class IdAllocator
{
public:
    void seed(const Project &project);

    EntityId nextEntityId();
    AttributeId nextAttributeId();
    AssociationId nextAssociationId();

private:
    enum Kind { EntityKind, AttributeKind, AssociationKind, KindCount };
    void see(const QString &id);
    QString next(Kind kind);

    qint64 m_next[KindCount] = {1, 1, 1};
};

} // namespace Junction
