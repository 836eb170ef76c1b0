// SPDX-License-Identifier: MIT
#pragma once

#include "diagnostic.h"
#include "project.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace Junction {

// The format version this build reads and writes.
inline constexpr int CurrentFormatVersion = 1;

struct LoadResult
{
    std::optional<Project> project; // absent when any diagnostic is an error
    Diagnostics diagnostics;
};

// Loads a project file. Structural problems only (JSON syntax, format version, missing keys,
// wrong JSON types, unknown keys, duplicate ids, malformed values); what the strings mean
// (data types, model names, onDelete actions) is the validator's job, so they are stored as
// written. All problems are reported at once, each with its JSON path, line and column; a
// file with any error gives no project, never a half-loaded one. Unknown keys are a warning
// and are kept for saving. Missing ids are derived from names, deterministically.
class ProjectReader
{
public:
    static LoadResult readFile(const QString &path);
    // fileName only names the file in messages about the file as a whole.
    static LoadResult readBytes(const QByteArray &json, const QString &fileName = {});
    // The same without the fast path for clean files (cleanprojectreader.h): what tests compare
    // it with.
    static LoadResult readBytesFully(const QByteArray &json, const QString &fileName = {});
};

} // namespace Junction
