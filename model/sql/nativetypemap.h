// SPDX-License-Identifier: MIT
#pragma once

#include "catalogreader.h"
#include "columnfacts.h"
#include "connection.h"
#include "project.h"

#include <QString>

namespace Junction {

// A column type of the project format for a type as a catalog spells it.
struct ImportedType
{
    enum class Fit {
        Exact, // DDL of `type` gives this very column type back
        Approximated, // the nearest format type; `note` says what is lost
        Unsupported, // no format type means this; `type` is the nearest, `note` says why
    };
    QString type; // "STRING(40)", "ENUM('a','b')"
    Fit fit = Fit::Exact;
    QString note;
};

// The per-engine rules of how a native column type and default become the project format's
// (the table is at the top of nativetypemap.cpp). Pure functions of their arguments.
class NativeTypeMap
{
public:
    using Engine = ConnectionSpec::Engine;

    static ImportedType type(Engine engine, const LiveColumn &column, const ColumnFact &fact = {});
    // The column default as the project states it; Kind::None for no default. `type` is the
    // imported type: it decides whether '5' is a number and 0 a boolean.
    static DefaultValue defaultValue(Engine engine, const QString &expression, const QString &type);
};

} // namespace Junction
