// SPDX-License-Identifier: MIT
// junction-cli diff FILE --db URL [--json]: what `sync --alter` would change in the database,
// in the order it would run, destructive changes first with the live counts that make them
// so (rows, NULLs, duplicates). Read-only: a missing SQLite file is diffed as an empty
// database and not created. Exit codes: 0 ok (with or without differences), 1 the project has
// errors, 2 usage, connection or database error.
#include "clicommands.h"

#include "syncsupport.h"

#include "planreport.h"
#include "syncedhistory.h"
#include "syncplanner.h"

namespace Junction {

int runDiffCommand(CliContext &cli, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Compare a project with a live database and show the plan sync --alter "
                       "would apply: every change in order, destructive ones first with the "
                       "rows, NULLs or duplicates they affect. Renames come from the project's "
                       "`synced` history, never from guessing."));
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this command's help."));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Machine-readable JSON output."));
    parser.addOption(help);
    parser.addOption(json);
    cli.addDatabaseOptions(parser);
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A *.junction.json file."));
    if (!parser.parse(arguments))
        return cli.usage(parser.errorText());
    if (parser.isSet(help)) {
        cli.out << CliContext::commandHelp(parser, QStringLiteral("diff"));
        cli.out.flush();
        return CliContext::Ok;
    }
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1)
        return cli.usage(QStringLiteral("diff takes one FILE"));

    int exitCode = CliContext::Ok;
    auto target = openSyncTarget(cli, parser, files.first(), false, &exitCode);
    if (!target)
        return exitCode;
    const QString database = SyncedHistory::key(target->spec);
    QString error;
    const auto planned = SyncPlanner::plan(target->design, *target->connection,
                                           SyncedHistory::entry(target->loaded.project, database),
                                           SyncPlan::Mode::Alter, &error);
    if (!planned) {
        cli.err << database << ": error[database]: " << error << "\n";
        cli.err.flush();
        return CliContext::UsageOrIo;
    }
    if (parser.isSet(json)) {
        cli.out << QString::fromUtf8(PlanReport::json(planned->plan, database));
    } else {
        if (target->standIn)
            cli.out << "The SQLite file " << target->spec.database
                    << " does not exist yet: compared with an empty database.\n";
        cli.out << PlanReport::text(planned->plan, database);
    }
    cli.out.flush();
    return CliContext::Ok;
}

} // namespace Junction
