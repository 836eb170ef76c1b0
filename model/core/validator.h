// SPDX-License-Identifier: MIT
#pragma once

#include "dialect.h"
#include "resolvedschema.h"

namespace Junction {

// Checks a resolved design beyond what resolution itself finds: referential actions,
// contradictions (SET NULL on a NOT NULL column), type mismatches, name collisions, and the
// identifiers each dialect cannot hold. Reports everything at once.
class Validator
{
public:
    explicit Validator(QList<Dialect::Kind> dialects = Dialect::allKinds())
        : m_dialects(std::move(dialects))
    {}

    Diagnostics validate(const Project &project, const ResolvedSchema &schema) const;

private:
    QList<Dialect::Kind> m_dialects;
};

// resolve() + Validator, diagnostics in one list: resolution's first, then the validator's.
Diagnostics validateProject(const Project &project, const ResolvedSchema &schema,
                            const QList<Dialect::Kind> &dialects = Dialect::allKinds());

} // namespace Junction
