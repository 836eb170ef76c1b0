// SPDX-License-Identifier: MIT
#include "clicommands.h"

namespace Junction {

// Not built yet: says so plainly instead of pretending.
int runSyncCommand(CliContext &cli, const QStringList &)
{
    return cli.usage(QStringLiteral("'sync' is not available in this build yet"));
}

} // namespace Junction
