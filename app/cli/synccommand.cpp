// SPDX-License-Identifier: MIT
// junction-cli sync FILE --db URL [--alter | --force] [--dry-run] [--allow-data-loss]
//
// Sequelize's three modes: by default create what is missing (tables, their enum types,
// indexes missing by name) and touch nothing else; --alter applies the whole plan `diff`
// shows; --force drops every designed table that exists and creates them again. A plan
// with destructive changes is listed with its counts and refused (exit 1, nothing changed)
// unless --allow-data-loss. --dry-run prints the SQL as it would run and changes nothing.
// After a successful sync the project's `synced` entry for the database (its URL without
// password) records the names now in it, and the file is saved (atomically); with --alter
// or --force the database is read again and must equal the design.
// Exit codes: 0 ok, 1 project errors, refused or failed apply, 2 usage, I/O or connection.
#include "clicommands.h"

#include "syncsupport.h"

#include "planreport.h"
#include "projectwriter.h"
#include "syncedhistory.h"
#include "syncplanner.h"
#include "syncrunner.h"

namespace Junction {

namespace {

void printFailure(CliContext &cli, const SyncResult &result, ConnectionSpec::Engine engine)
{
    cli.err << "error[sync]: "
            << (result.failedStatement.isEmpty() ? QString() : QStringLiteral("statement failed: "))
            << result.error << "\n";
    if (!result.failedStatement.isEmpty())
        cli.err << "  failed: " << result.failedStatement << "\n";
    if (result.databaseUnchanged) {
        cli.err << "Nothing was changed: the database is exactly as before.\n";
    } else if (engine == ConnectionSpec::Engine::MySql) {
        // MariaDB committed every statement that ran: say exactly which.
        cli.err << result.executed.size() << " statement(s) ran and stay applied (MySQL/MariaDB "
                << "commits DDL at once); fix the cause and run sync again to finish:\n";
        for (const QString &s : result.executed)
            cli.err << "  ran: " << QString(s).replace(QLatin1Char('\n'), QLatin1Char(' ')) << "\n";
    } else {
        cli.err << result.committedBatches << " of " << result.batches
                << " transaction(s) were committed; fix the cause and run sync again to finish.\n";
    }
    cli.err.flush();
}

} // namespace

int runSyncCommand(CliContext &cli, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Make a database match a project. Default: create what is missing and "
                       "touch nothing else. Destructive changes are applied only with "
                       "--allow-data-loss; without it they are listed with their counts and "
                       "nothing is changed."));
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this command's help."));
    const QCommandLineOption alter(
        QStringLiteral("alter"),
        QStringLiteral("Apply the whole plan (junction-cli diff shows it)."));
    const QCommandLineOption force(QStringLiteral("force"),
                                   QStringLiteral("Drop the designed tables and create them again "
                                                  "(destructive)."));
    const QCommandLineOption dryRun(
        QStringLiteral("dry-run"), QStringLiteral("Print the SQL sync would run; change nothing."));
    const QCommandLineOption allowDataLoss(QStringLiteral("allow-data-loss"),
                                           QStringLiteral("Apply destructive changes too."));
    for (const QCommandLineOption &o : {help, alter, force, dryRun, allowDataLoss})
        parser.addOption(o);
    cli.addDatabaseOptions(parser);
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A *.junction.json file."));
    if (!parser.parse(arguments))
        return cli.usage(parser.errorText());
    if (parser.isSet(help)) {
        cli.out << CliContext::commandHelp(parser, QStringLiteral("sync"));
        cli.out.flush();
        return CliContext::Ok;
    }
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1)
        return cli.usage(QStringLiteral("sync takes one FILE"));
    if (parser.isSet(alter) && parser.isSet(force))
        return cli.usage(QStringLiteral("sync takes --alter or --force, not both"));
    const SyncPlan::Mode mode = parser.isSet(force) ? SyncPlan::Mode::Force
        : parser.isSet(alter)                       ? SyncPlan::Mode::Alter
                                                    : SyncPlan::Mode::Create;
    const bool dry = parser.isSet(dryRun);

    int exitCode = CliContext::Ok;
    auto target = openSyncTarget(cli, parser, files.first(), !dry, &exitCode);
    if (!target)
        return exitCode;
    Project &project = target->loaded.project;
    const QString database = SyncedHistory::key(target->spec);
    QString error;
    auto planned = SyncPlanner::plan(target->design, *target->connection,
                                     SyncedHistory::entry(project, database), mode, &error);
    if (!planned) {
        cli.err << database << ": error[database]: " << error << "\n";
        cli.err.flush();
        return CliContext::UsageOrIo;
    }
    const SyncPlan &plan = planned->plan;
    cli.out << PlanReport::text(plan, database);
    cli.out.flush();

    if (plan.hasBlocked()) {
        cli.err << "error[blocked]: the plan has changes sync cannot make; nothing was changed.\n";
        cli.err.flush();
        return CliContext::ProjectErrors;
    }
    const bool allow = parser.isSet(allowDataLoss);
    if (plan.hasDestructive() && !allow) {
        cli.err << "error[destructive]: " << plan.destructiveChanges().size()
                << " destructive change(s), listed above with their counts; nothing was changed. "
                << "Run again with --allow-data-loss to apply them.\n";
        cli.err.flush();
        return CliContext::ProjectErrors;
    }

    SyncRunOptions options;
    options.allowDataLoss = allow;
    if (dry) {
        const auto batches = SyncRunner::batches(*target->connection, plan, options, &error);
        cli.out << "\n-- dry run: nothing was changed\n" << SyncRunner::script(plan, batches);
        cli.out.flush();
        return CliContext::Ok;
    }

    const SyncResult result = SyncRunner::run(*target->connection, plan, options);
    if (!result.ok) {
        printFailure(cli, result, target->spec.engine);
        return CliContext::ProjectErrors;
    }
    cli.out << "\nSynced " << database << ": " << result.executed.size() << " statement(s)";
    if (result.batches > 1)
        cli.out << " in " << result.batches
                << " transactions (the plan would not fit the lock table in one)";
    cli.out << ".\n";
    cli.out.flush();

    if (SyncedHistory::update(project, database, plan)) {
        QString writeError;
        if (!ProjectWriter::writeFile(project, files.first(), &writeError)) {
            cli.err << files.first() << ": error[io]: the database was synced, but the project's "
                    << "`synced` names could not be saved: " << writeError << "\n";
            cli.err.flush();
            return CliContext::UsageOrIo;
        }
    }

    if (mode != SyncPlan::Mode::Create) {
        const QJsonObject entry = SyncedHistory::entry(project, database);
        auto again = SyncPlanner::plan(target->design, *target->connection, entry,
                                       SyncPlan::Mode::Alter, &error);
        // --force leaves tables the design does not have alone.
        bool differs = !again;
        for (const PlanChange &c : again ? again->plan.changes : QList<PlanChange>())
            differs = differs || !again->plan.unmatchedTables.contains(c.table);
        if (differs) {
            cli.err << "error[sync]: the database still differs from the design after sync:\n"
                    << (again ? PlanReport::text(again->plan, database) : error) << "\n";
            cli.err.flush();
            return CliContext::ProjectErrors;
        }
        cli.out << "The database matches the design.\n";
        cli.out.flush();
    }
    return CliContext::Ok;
}

} // namespace Junction
