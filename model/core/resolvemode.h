// SPDX-License-Identifier: MIT
#pragma once

// For tests only: which way the resolver replays the associations. resolve() picks the two
// lanes (Resolver::associateInLanes) on its own on a big lane-ready schema; the tests run
// both ways on any project and compare the results, which must be the same to the byte.

#include "resolvedschema.h"

namespace Junction::ResolverDetail {

enum class ResolveMode {
    Default,        // as resolve(): lanes from kLaneMinimum associations, on two cores
    Serial,         // the serial associate() loop, always
    LanesWhenReady, // lanes whenever every association is laneReady, at any size, any core count
};

// resolve(project) with the associations replayed as `mode` says; *tookLanes (when given)
// says whether they went through the lanes.
ResolvedSchema resolveWithMode(const Project &project, ResolveMode mode,
                               bool *tookLanes = nullptr);

} // namespace Junction::ResolverDetail
