// SPDX-License-Identifier: MIT
#pragma once

#include "project.h"

#include <QStringList>

namespace Junction {

// Sequelize's accessor method names (S = upper-first singular, P = upper-first plural):
//   belongsTo, hasOne        get S, set S, create S
//   hasMany, belongsToMany   get P, set P, add P, add S, create S, remove S, remove P,
//                            has S, has P, count P
// When singular equals plural the pairs share one name, listed once.
QStringList accessorNames(AssociationType type, const QString &singular, const QString &plural);

} // namespace Junction
