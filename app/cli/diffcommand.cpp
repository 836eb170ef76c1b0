// SPDX-License-Identifier: MIT
#include "clicommands.h"

namespace Junction {

// Not built yet: says so plainly instead of pretending.
int runDiffCommand(CliContext &cli, const QStringList &)
{
    return cli.usage(QStringLiteral("'diff' is not available in this build yet"));
}

} // namespace Junction
