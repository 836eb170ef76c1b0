// SPDX-License-Identifier: MIT
#pragma once

#include "project.h"

#include <QByteArray>

#include <optional>
#include <vector>

namespace Junction {

// ProjectReader's fast path, internal to it. Reads a project file straight from its bytes
// into a Project, without a QJsonDocument (building and walking that tree was 80 % of loading
// a 10,000-model file). It only takes files that read cleanly: the first thing that would give
// a diagnostic (a syntax error, an unknown or repeated key, a wrong JSON type, an invalid
// value), or that it does not handle itself (escapes or non-ASCII text, numbers other than the
// version 1), makes it give up with std::nullopt, and ProjectReader reads the file again the
// full way. So every diagnostic still comes from one reader, and a file gives the same
// Project either way (tst_projectio compares both on every test file).
struct CleanProject
{
    Project project;
    std::vector<size_t> idHashes; // qHash of the explicit ids, in ProjectReader's order
};

std::optional<CleanProject> readCleanProject(const QByteArray &json);

} // namespace Junction
