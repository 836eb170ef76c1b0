// SPDX-License-Identifier: MIT
#pragma once

#include "relatedrows.h"

namespace Junction {

// The confirmation text of a change through an association's accessors: which table,
// which row, which column gets which value, which row is inserted or deleted. The wording
// follows what RelatedRows runs (the rules at the top of relatedrows.cpp).
class ChangeDescription
{
public:
    // `linked`: the target rows linked now (the listing), for what set() unlinks.
    static QString link(const ResolvedSchema &schema, const ResolvedAssociation &a,
                        const Row &source, const Row &target, const Row &through,
                        const QList<Row> &linked);
    static QString unlink(const ResolvedSchema &schema, const ResolvedAssociation &a,
                          const Row &source, const QList<Row> &targets);
    static QString create(const ResolvedSchema &schema, const ResolvedAssociation &a,
                          const Row &source, const Row &values, const Row &through);

    // "Customer 7 (Ada Lovelace)"
    static QString rowName(const ResolvedTable &table, const Row &row);
    // "status = 'paid', total = 12.5"
    static QString assignments(const Row &values);
};

} // namespace Junction
