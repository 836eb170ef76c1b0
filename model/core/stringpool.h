// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace Junction {

struct Project;

// Identifiers (names, ids, types) kept once for the whole program, in memory that is never
// freed. A pooled QString points at that memory without a reference count (Qt's raw-data
// form), so copying or dropping it writes nothing: resolving a 10,000-model schema copies
// its names and ids about a million times, and each count written was a cache line taken
// from wherever the string lives (and from the other core when both copy it).
//
// Thread-safe: sixteen shards with a lock each, so that threads pooling at the same time rarely
// wait for each other.
//
// What that costs: the characters of every distinct identifier stay allocated until the
// program ends, up to kCapacity characters; beyond that intern() hands back an ordinary copy.
// Pooled strings are ordinary QStrings to everyone else: changing one copies it first.
class StringPool
{
public:
    static constexpr qsizetype kMaxLength = 128;        // longer: not an identifier
    static constexpr qsizetype kCapacity = 32 << 20;    // characters, 64 MB

    // The pooled string with `text`'s characters. An empty text, one longer than kMaxLength
    // or a full pool gives an ordinary string (a null text stays null).
    static QString intern(const QString &text);
    // The same for printable ASCII bytes (the project reader's plain strings), without first
    // making a QString of them.
    static QString internLatin1(const char *text, qsizetype size);

    // internLatin1() in two steps, for a reader that meets an identifier a little before it
    // keeps it: the entry's place in the table is asked for at once (on a big project the
    // lookup waits on memory), the lookup made with the same hash later.
    static quint64 hashLatin1(const char *text, qsizetype size);
    static void prefetch(quint64 hash);
    static QString internLatin1(const char *text, qsizetype size, quint64 hash);

    // Whether `text` points into the pool (for the tests).
    static bool isPooled(const QString &text);
};

// Pools every identifier of the project: model, attribute, association and index names and
// ids, types, fields, keys, aliases, `through` and the referential actions. Not comments,
// defaults or connections. The readers pool what they read; this is for projects built
// otherwise.
void poolIdentifiers(Project &project);

} // namespace Junction
