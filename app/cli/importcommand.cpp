// SPDX-License-Identifier: MIT
#include "clicommands.h"

#include "catalogreader.h"
#include "columnfacts.h"
#include "connectionurl.h"
#include "projectwriter.h"
#include "schemaimporter.h"
#include "validator.h"

#include <QCommandLineParser>
#include <QFileInfo>

namespace Junction {

namespace {

Dialect::Kind dialectOf(ConnectionSpec::Engine engine)
{
    switch (engine) {
    case ConnectionSpec::Engine::Sqlite:
        return Dialect::Kind::Sqlite;
    case ConnectionSpec::Engine::Postgres:
        return Dialect::Kind::Postgres;
    case ConnectionSpec::Engine::MySql:
        return Dialect::Kind::MySql;
    }
    return Dialect::Kind::Sqlite;
}

// The database's name, or the SQLite file's base name: what the project is called.
QString projectName(const ConnectionSpec &spec)
{
    if (spec.engine == ConnectionSpec::Engine::Sqlite)
        return QFileInfo(spec.database).completeBaseName();
    return spec.database;
}

} // namespace

// junction-cli import --db URL [-o FILE] [--schema NAME] [--password-stdin]
// Reads the catalog, builds the project, and writes it even when it does not validate (so
// that it can be fixed), exiting 1 then. The password is only ever in the connection.
int runImportCommand(CliContext &cli, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Make a project from a live database: tables become models, foreign keys "
                       "belongsTo with hasMany/hasOne, junction tables belongsToMany pairs. "
                       "Warnings name what the project cannot state exactly."));
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this command's help."));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Write the project to FILE (atomically) "
                                                   "instead of stdout."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption schema(QStringLiteral("schema"),
                                    QStringLiteral("What to read: a PostgreSQL schema (default: "
                                                   "the first on the search_path), a MariaDB "
                                                   "database (default: the URL's), SQLite main or "
                                                   "temp (default: main)."),
                                    QStringLiteral("NAME"));
    parser.addOption(help);
    parser.addOption(output);
    parser.addOption(schema);
    cli.addDatabaseOptions(parser);
    if (!parser.parse(arguments))
        return cli.usage(parser.errorText());
    if (parser.isSet(help)) {
        cli.out << CliContext::commandHelp(parser, QStringLiteral("import"));
        cli.out.flush();
        return CliContext::Ok;
    }
    if (!parser.positionalArguments().isEmpty())
        return cli.usage(QStringLiteral("import takes no FILE; write the project with -o FILE"));

    int exitCode = CliContext::Ok;
    ConnectionSpec spec;
    const auto connection = cli.openDatabase(parser, &exitCode, &spec);
    if (!connection)
        return exitCode;
    const QString where = ConnectionUrl::display(spec);

    QString error;
    const LiveSchema live = CatalogReader::read(*connection, parser.value(schema), &error);
    if (!error.isEmpty()) {
        cli.err << where << ": error[catalog]: " << error << "\n";
        cli.err.flush();
        return CliContext::UsageOrIo;
    }
    const ColumnFacts facts = ColumnFacts::read(*connection, live.schema, &error);
    if (!error.isEmpty()) {
        cli.err << where << ": error[catalog]: " << error << "\n";
        cli.err.flush();
        return CliContext::UsageOrIo;
    }
    const ImportResult result
        = SchemaImporter::importSchema(live, spec.engine, facts, projectName(spec));
    cli.printDiagnostics(where, result.diagnostics, {}, false);

    const QByteArray bytes = ProjectWriter::toBytes(result.project);
    const QString path = parser.value(output);
    if (!cli.writeOutput(path, bytes))
        return CliContext::UsageOrIo;

    // What the written project says about itself, located in what was written.
    const Diagnostics validation
        = validateProject(result.project, resolve(result.project), {dialectOf(spec.engine)});
    cli.printDiagnostics(path.isEmpty() || path == QLatin1String("-") ? QStringLiteral("<stdout>")
                                                                      : path,
                         validation, bytes, false);
    return hasErrors(validation) ? CliContext::ProjectErrors : CliContext::Ok;
}

} // namespace Junction
