// SPDX-License-Identifier: MIT
#pragma once

#include "clicontext.h"

#include <QStringList>

namespace Junction {

// The database commands, one file each. `arguments` starts with "junction-cli <command>".
int runDiffCommand(CliContext &cli, const QStringList &arguments);   // diffcommand.cpp
int runSyncCommand(CliContext &cli, const QStringList &arguments);   // synccommand.cpp
int runImportCommand(CliContext &cli, const QStringList &arguments); // importcommand.cpp
int runRowsCommand(CliContext &cli, const QStringList &arguments);   // rowscommand.cpp

} // namespace Junction
