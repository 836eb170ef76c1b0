// SPDX-License-Identifier: MIT
#pragma once

#include "project.h"

#include <QString>

namespace Junction {

// The ON DELETE / ON UPDATE that apply when an association leaves them unset (Sequelize v4,
// associations.md §2):
//
//   type                     ON UPDATE   ON DELETE
//   belongsTo                CASCADE     SET NULL; NO ACTION when the FK is NOT NULL
//   hasOne, hasMany          CASCADE     SET NULL; CASCADE when the FK is NOT NULL
//   belongsToMany            CASCADE     CASCADE
//   constraints: false       (none: no FOREIGN KEY constraint, so no clause)
//
// The resolver applies the same table while it resolves (where a FK column shared by several
// associations takes its first definer's rules); this is for showing the default of one
// association, e.g. next to an explicit value in the designer.
struct ReferentialActions
{
    QString onDelete; // empty: no constraint
    QString onUpdate;
};

ReferentialActions defaultReferentialActions(AssociationType type, bool constraints,
                                             bool foreignKeyAllowsNull);

} // namespace Junction
