// SPDX-License-Identifier: MIT
#pragma once

#include "diagnostic.h"
#include "importplan.h"

namespace Junction {

// The check half of an import: resolves the project SchemaImporter built, states explicitly
// whatever resolve() does not give back as the live schema has it (key names; allowNull,
// type, unique, comment in a foreignKey/otherKey object; onDelete/onUpdate on the
// association that decides them), and reports as warnings what still differs.
class ImportReconciler
{
public:
    static Diagnostics reconcile(ImportPlan &plan);
};

} // namespace Junction
