// SPDX-License-Identifier: MIT
#pragma once

#include "project.h"

namespace Junction::Bench {

// Generated schemas for the benchmarks: `models` models of 10 attributes each and
// `associations` associations of all four kinds, acyclic (a FK always points at a model
// defined earlier), deterministic for a given size.
struct SchemaSize
{
    const char *name;
    int models;
    int associations;
};

inline constexpr SchemaSize sizeM{"M", 500, 700};
inline constexpr SchemaSize sizeL{"L", 2000, 3000};
inline constexpr SchemaSize sizeXL{"XL", 10000, 15000};

Project generateProject(int models, int associations);

// 50 design changes spread over a generated L (or larger) project: 10 added columns, 10
// renamed (they sync as renames through `synced`), 10 widened, 10 dropped, 10 new indexes.
Project fiftyChanges(Project project);

} // namespace Junction::Bench
