// SPDX-License-Identifier: MIT
#include "clirunner.h"

#include "clicommands.h"

#include "ddlgenerator.h"
#include "describe.h"
#include "validator.h"

#include <QCommandLineParser>
#include <QFile>
#include <QSaveFile>

namespace Junction {

namespace {

const char *const overview =
    "Usage: junction-cli <command> [options]\n"
    "\n"
    "Junction's command line: the same core as the designer, for CI and scripts.\n"
    "\n"
    "Commands:\n"
    "  validate FILE     check a project; diagnostics as file:line:col: severity[code]: message\n"
    "  ddl FILE          print the CREATE statements for a dialect\n"
    "  describe FILE     the resolved tables, foreign keys, junction tables and accessors\n"
    "  preview FILE ASSOCIATION   the DDL one association adds\n"
    "  diff FILE --db URL          what sync would change in the database, destructive changes\n"
    "                              with their live row counts\n"
    "  sync FILE --db URL          create what is missing (--alter: apply the plan; --force:\n"
    "                              drop and recreate)\n"
    "  import --db URL             a project from a live database\n"
    "  rows FILE --db URL MODEL [KEY [ASSOCIATION]]   browse rows along associations\n"
    "\n"
    "Run 'junction-cli <command> --help' for a command's options.\n"
    "Exit codes: 0 ok, 1 the project has errors, 2 usage or I/O error.\n";

struct Command
{
    QCommandLineParser parser;
    QCommandLineOption help{{QStringLiteral("h"), QStringLiteral("help")},
                            QStringLiteral("Show this command's help.")};
    QCommandLineOption json{QStringLiteral("json"),
                            QStringLiteral("Machine-readable JSON output.")};
    QCommandLineOption dialect{{QStringLiteral("d"), QStringLiteral("dialect")},
                               QStringLiteral("sqlite, postgres, mysql or mariadb."),
                               QStringLiteral("dialect")};

    explicit Command(const QString &description)
    {
        parser.setApplicationDescription(description);
        parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
        parser.addOption(help);
    }
};

} // namespace

int CliRunner::run(const QStringList &arguments)
{
    if (!arguments.isEmpty())
        m_program = QStringLiteral("junction-cli");
    const QStringList args = arguments.mid(1);
    if (args.isEmpty())
        return usage(QStringLiteral("no command given"));
    const QString command = args.first();
    if (command == QLatin1String("-h") || command == QLatin1String("--help")
        || command == QLatin1String("help")) {
        m_out << overview;
        m_out.flush();
        return Ok;
    }
    if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
        m_out << "junction-cli 0.1.0\n";
        m_out.flush();
        return Ok;
    }
    const QStringList rest = QStringList{m_program + QLatin1Char(' ') + command} + args.mid(1);
    if (command == QLatin1String("validate"))
        return validate(rest);
    if (command == QLatin1String("ddl"))
        return ddl(rest);
    if (command == QLatin1String("describe"))
        return describe(rest);
    if (command == QLatin1String("preview"))
        return preview(rest);
    if (command == QLatin1String("diff"))
        return runDiffCommand(m_cli, rest);
    if (command == QLatin1String("sync"))
        return runSyncCommand(m_cli, rest);
    if (command == QLatin1String("import"))
        return runImportCommand(m_cli, rest);
    if (command == QLatin1String("rows"))
        return runRowsCommand(m_cli, rest);
    return m_cli.usage(QStringLiteral("unknown command '%1'").arg(command));
}

int CliRunner::validate(const QStringList &arguments)
{
    Command c(QStringLiteral("Check a project: associations, cycles, names, types and what each "
                             "dialect can hold. All problems are reported at once."));
    c.parser.addOption(c.json);
    c.parser.addOption(c.dialect);
    c.parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A *.junction.json file."));
    if (!c.parser.parse(arguments))
        return m_cli.usage(c.parser.errorText());
    if (c.parser.isSet(c.help)) {
        m_out << CliContext::commandHelp(c.parser, QStringLiteral("validate"));
        return Ok;
    }
    const QStringList files = c.parser.positionalArguments();
    if (files.size() != 1)
        return m_cli.usage(QStringLiteral("validate takes one FILE"));
    QList<Dialect::Kind> dialects = Dialect::allKinds();
    if (c.parser.isSet(c.dialect)) {
        const auto kind = Dialect::kindFromName(c.parser.value(c.dialect));
        if (!kind)
            return m_cli.usage(QStringLiteral("unknown dialect '%1' (use sqlite, postgres, mysql or "
                                        "mariadb)")
                             .arg(c.parser.value(c.dialect)));
        dialects = {*kind};
    }
    const bool json = c.parser.isSet(c.json);
    int exitCode = Ok;
    const auto loaded = m_cli.load(files.first(), json, &exitCode);
    if (!loaded)
        return exitCode;
    const ResolvedSchema schema = resolve(loaded->project);
    const Diagnostics diagnostics = validateProject(loaded->project, schema, dialects);
    m_cli.printDiagnostics(files.first(), diagnostics, loaded->bytes, json);
    if (hasErrors(diagnostics))
        return ProjectErrors;
    if (!json) {
        m_out << files.first() << ": ok (" << schema.tables.size() << " tables, "
              << schema.associations.size() << " associations)\n";
        m_out.flush();
    }
    return Ok;
}

int CliRunner::ddl(const QStringList &arguments)
{
    Command c(QStringLiteral("Print the CREATE statements of a project for one dialect, in "
                             "dependency order."));
    c.parser.addOption(c.dialect);
    const QCommandLineOption drop(QStringLiteral("drop"),
                                  QStringLiteral("Start with DROP TABLE IF EXISTS, dependents first."));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Write to FILE (atomically) instead of stdout."),
                                    QStringLiteral("FILE"));
    c.parser.addOption(drop);
    c.parser.addOption(output);
    c.parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A *.junction.json file."));
    if (!c.parser.parse(arguments))
        return m_cli.usage(c.parser.errorText());
    if (c.parser.isSet(c.help)) {
        m_out << CliContext::commandHelp(c.parser, QStringLiteral("ddl"));
        return Ok;
    }
    const QStringList files = c.parser.positionalArguments();
    if (files.size() != 1)
        return m_cli.usage(QStringLiteral("ddl takes one FILE"));
    if (!c.parser.isSet(c.dialect))
        return m_cli.usage(QStringLiteral("ddl needs --dialect sqlite|postgres|mysql|mariadb"));
    const auto kind = Dialect::kindFromName(c.parser.value(c.dialect));
    if (!kind)
        return m_cli.usage(QStringLiteral("unknown dialect '%1' (use sqlite, postgres, mysql or mariadb)")
                         .arg(c.parser.value(c.dialect)));
    int exitCode = Ok;
    const auto loaded = m_cli.load(files.first(), false, &exitCode);
    if (!loaded)
        return exitCode;
    const ResolvedSchema schema = resolve(loaded->project);
    const Diagnostics diagnostics = validateProject(loaded->project, schema, {*kind});
    m_cli.printDiagnostics(files.first(), diagnostics, loaded->bytes, false);
    if (hasErrors(diagnostics))
        return ProjectErrors;
    DdlOptions options;
    options.dropFirst = c.parser.isSet(drop);
    const QString script = DdlGenerator(Dialect::get(*kind)).schemaScript(schema, options);
    return m_cli.writeOutput(c.parser.value(output), script.toUtf8())
               ? Ok
               : UsageOrIo;
}

int CliRunner::describe(const QStringList &arguments)
{
    Command c(QStringLiteral("Show the resolved schema: tables, columns, foreign keys, junction "
                             "tables, and per association its keys, alias forms and accessors."));
    c.parser.addOption(c.json);
    c.parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A *.junction.json file."));
    if (!c.parser.parse(arguments))
        return m_cli.usage(c.parser.errorText());
    if (c.parser.isSet(c.help)) {
        m_out << CliContext::commandHelp(c.parser, QStringLiteral("describe"));
        return Ok;
    }
    const QStringList files = c.parser.positionalArguments();
    if (files.size() != 1)
        return m_cli.usage(QStringLiteral("describe takes one FILE"));
    int exitCode = Ok;
    const auto loaded = m_cli.load(files.first(), false, &exitCode);
    if (!loaded)
        return exitCode;
    const ResolvedSchema schema = resolve(loaded->project);
    const Diagnostics diagnostics = validateProject(loaded->project, schema);
    m_cli.printDiagnostics(files.first(), diagnostics, loaded->bytes, false);
    if (c.parser.isSet(c.json))
        m_out << QString::fromUtf8(describeJson(loaded->project, schema));
    else
        m_out << describeText(schema);
    m_out.flush();
    return hasErrors(diagnostics) ? ProjectErrors : Ok;
}

int CliRunner::preview(const QStringList &arguments)
{
    Command c(QStringLiteral("Show what one association adds to the schema: its foreign key "
                             "column and constraint as ALTER TABLE, or the whole junction table."));
    c.parser.addOption(c.dialect);
    c.parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A *.junction.json file."));
    c.parser.addPositionalArgument(
        QStringLiteral("ASSOCIATION"),
        QStringLiteral("The association's id, or Source.alias as Sequelize registers it "
                       "(User.Pictures, Picture.User)."));
    if (!c.parser.parse(arguments))
        return m_cli.usage(c.parser.errorText());
    if (c.parser.isSet(c.help)) {
        m_out << CliContext::commandHelp(c.parser, QStringLiteral("preview"));
        return Ok;
    }
    const QStringList positional = c.parser.positionalArguments();
    if (positional.size() != 2)
        return m_cli.usage(QStringLiteral("preview takes FILE and ASSOCIATION"));
    if (!c.parser.isSet(c.dialect))
        return m_cli.usage(QStringLiteral("preview needs --dialect sqlite|postgres|mysql|mariadb"));
    const auto kind = Dialect::kindFromName(c.parser.value(c.dialect));
    if (!kind)
        return m_cli.usage(QStringLiteral("unknown dialect '%1'").arg(c.parser.value(c.dialect)));
    int exitCode = Ok;
    const auto loaded = m_cli.load(positional.at(0), false, &exitCode);
    if (!loaded)
        return exitCode;
    const ResolvedSchema schema = resolve(loaded->project);
    const QString wanted = positional.at(1);
    const ResolvedAssociation *found = nullptr;
    for (const ResolvedAssociation &a : schema.associations) {
        if (a.id.toString() == wanted || a.source + QLatin1Char('.') + a.as == wanted)
            found = &a;
    }
    if (!found) {
        QStringList known;
        for (const ResolvedAssociation &a : schema.associations)
            known << a.id.toString() + QStringLiteral(" (") + a.source + QLatin1Char('.') + a.as
                         + QLatin1Char(')');
        m_err << positional.at(0) << ": error[unknown-association]: no association '" << wanted
              << "'; the project has: " << known.join(QStringLiteral(", ")) << "\n";
        m_err.flush();
        return UsageOrIo;
    }
    const Diagnostics diagnostics = validateProject(loaded->project, schema, {*kind});
    if (!found->valid) {
        m_cli.printDiagnostics(positional.at(0), diagnostics, loaded->bytes, false);
        return ProjectErrors;
    }
    const QStringList statements =
        DdlGenerator(Dialect::get(*kind)).associationPreview(schema, found->id);
    m_out << DdlGenerator::script(statements);
    m_out.flush();
    return Ok;
}

} // namespace Junction
