// SPDX-License-Identifier: MIT
#pragma once

#include "syncplan.h"

#include <QByteArray>
#include <QString>

namespace Junction {

// A plan for people and for machines. Destructive and blocked changes come first and
// loudly, each with its reason and live count; then every change in the order it runs.
class PlanReport
{
public:
    static QString text(const SyncPlan &plan, const QString &database);
    // Deterministic JSON: the same plan gives the same bytes.
    static QByteArray json(const SyncPlan &plan, const QString &database);
    static QString countName(PlanChange::Count count); // "nulls", "duplicates", ...
};

} // namespace Junction
