// SPDX-License-Identifier: MIT
#include "clicommands.h"

namespace Junction {

// Not built yet: says so plainly instead of pretending.
int runRowsCommand(CliContext &cli, const QStringList &)
{
    return cli.usage(QStringLiteral("'rows' is not available in this build yet"));
}

} // namespace Junction
