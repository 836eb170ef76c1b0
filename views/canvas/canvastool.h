// SPDX-License-Identifier: MIT
#pragma once

#include "project.h"

#include <optional>

namespace Junction {

// What a left press on the canvas does. Select moves and selects; AddModel puts a model
// where it is clicked (once, then back to Select); the association tools draw an edge from
// the pressed model to the one released on, of their type or, for Association, of the type
// picked in a popup on release.
enum class CanvasTool {
    Select,
    AddModel,
    BelongsTo,
    HasOne,
    HasMany,
    BelongsToMany,
    Association,
};

inline bool isAssociationTool(CanvasTool tool)
{
    return tool >= CanvasTool::BelongsTo;
}

// The type a tool draws; nullopt for Select, AddModel and the asking Association tool.
inline std::optional<AssociationType> associationTypeOf(CanvasTool tool)
{
    switch (tool) {
    case CanvasTool::BelongsTo:
        return AssociationType::BelongsTo;
    case CanvasTool::HasOne:
        return AssociationType::HasOne;
    case CanvasTool::HasMany:
        return AssociationType::HasMany;
    case CanvasTool::BelongsToMany:
        return AssociationType::BelongsToMany;
    default:
        return std::nullopt;
    }
}

} // namespace Junction
