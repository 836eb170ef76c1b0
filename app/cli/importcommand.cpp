// SPDX-License-Identifier: MIT
#include "clicommands.h"

namespace Junction {

// Not built yet: says so plainly instead of pretending.
int runImportCommand(CliContext &cli, const QStringList &)
{
    return cli.usage(QStringLiteral("'import' is not available in this build yet"));
}

} // namespace Junction
