// SPDX-License-Identifier: MIT
#pragma once

#include "resolvedschema.h"

#include <QByteArray>

namespace Junction {

// The resolved physical schema as JSON (`junction-cli describe --json`): tables with their
// columns, keys and foreign keys, the creation order, and per association its resolved keys,
// alias forms and accessors. Deterministic: the same input gives the same bytes.
QByteArray describeJson(const Project &project, const ResolvedSchema &schema);

// The same, for people: one block per table, then the associations with their accessors.
QString describeText(const ResolvedSchema &schema);

QString originName(ResolvedColumn::Origin origin);

} // namespace Junction
