// SPDX-License-Identifier: MIT
#include "referentialdefaults.h"

namespace Junction {

ReferentialActions defaultReferentialActions(AssociationType type, bool constraints,
                                             bool foreignKeyAllowsNull)
{
    if (!constraints)
        return {};
    const QString cascade = QStringLiteral("CASCADE");
    switch (type) {
    case AssociationType::BelongsTo:
        return {foreignKeyAllowsNull ? QStringLiteral("SET NULL") : QStringLiteral("NO ACTION"),
                cascade};
    case AssociationType::HasOne:
    case AssociationType::HasMany:
        return {foreignKeyAllowsNull ? QStringLiteral("SET NULL") : cascade, cascade};
    case AssociationType::BelongsToMany:
        return {cascade, cascade};
    }
    return {};
}

} // namespace Junction
