// SPDX-License-Identifier: MIT
#pragma once

#include "clicontext.h"
#include "resolvedschema.h"

#include <memory>
#include <optional>

namespace Junction {

// What `diff` and `sync` share: the project checked for the database's dialect, and the
// database opened.
struct SyncTarget
{
    LoadedProject loaded;
    ResolvedSchema design;
    ConnectionSpec spec; // as --db names it: the key of the project's `synced`
    std::unique_ptr<Connection> connection;
    bool standIn = false; // the SQLite file does not exist: an empty in-memory
                          // database stands in (diff and --dry-run create no file)
};

// Reads --db for the dialect, loads FILE, resolves and validates it for that dialect (errors:
// exit 1, before any password prompt), then opens the database; a missing SQLite file is
// created when `createSqliteFile`, else replaced by an empty in-memory stand-in.
std::optional<SyncTarget> openSyncTarget(CliContext &cli, const QCommandLineParser &parser,
                                         const QString &file, bool createSqliteFile, int *exitCode);

} // namespace Junction
