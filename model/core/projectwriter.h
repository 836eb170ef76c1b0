// SPDX-License-Identifier: MIT
#pragma once

#include "project.h"

#include <QByteArray>
#include <QString>

namespace Junction {

// Saves a Project in the canonical form of the format spec (project-format.md): keys in the spec's
// order, optional members only when set, unknown keys (kept by ProjectReader) after the known ones.
// Loading and saving a file this wrote gives the same bytes.
class ProjectWriter
{
public:
    static QByteArray toBytes(const Project &project);
    // Atomic (QSaveFile): on failure the existing file is untouched and *errorMessage says why.
    static bool writeFile(const Project &project, const QString &path, QString *errorMessage);
};

} // namespace Junction
