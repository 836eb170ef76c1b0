// SPDX-License-Identifier: MIT
#pragma once

// Seeded random projects for tst_resolverlanes: every association laneReady (so that the
// resolver may replay them in two lanes), yet full of what makes associations depend on each
// other: duplicate and replaced aliases, naming collisions, junction tables shared, paired and
// conflicting, foreign keys merged into one column or into declared attributes, self
// associations, underscored mixes, composite keys, referential actions, constraints: false.
// A Blocker adds one thing that makes a project not laneReady.

#include "project.h"

namespace Junction::LaneProjects {

enum class Blocker {
    None,
    UnknownTarget,       // an association names a model that does not exist
    TypedKey,            // a foreignKey object gives a `type`
    KeyField,            // a foreignKey object gives a `field`
    ThroughModel,        // belongsToMany through {model: ...}
    ThroughNamesModel,   // belongsToMany through "X" where X is a model
    SelfManyNoAlias,     // a self belongsToMany without `as`
    UnknownTargetKey,    // belongsTo with a targetKey the target does not have
    SingleObjectAlias,   // hasOne with an {singular, plural} alias
    OtherKeyOnHasMany,   // otherKey on a hasMany
    UnnamedKeyObject,    // belongsToMany with a foreignKey object without a name
    MissingThrough,      // belongsToMany without `through`
};

QList<Blocker> allBlockers();
QString blockerName(Blocker blocker);

// size: that many associations over half as many models (0: a size the seed picks).
Project conflicted(quint32 seed, Blocker blocker = Blocker::None, int size = 0);

} // namespace Junction::LaneProjects
