// SPDX-License-Identifier: MIT
#include "clirunner.h"

#include "ddlgenerator.h"
#include "describe.h"
#include "jsonlocator.h"
#include "jsonprinter.h"
#include "projectreader.h"
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

// QCommandLineParser names the executable's full path; users type "junction-cli <command>".
QString commandHelp(const QCommandLineParser &parser, const QString &command)
{
    QString text = parser.helpText();
    const qsizetype end = text.indexOf(QLatin1String(" [options]"));
    if (text.startsWith(QLatin1String("Usage: ")) && end > 0)
        text.replace(7, end - 7, QStringLiteral("junction-cli ") + command);
    return text;
}

QString severityWord(Diagnostic::Severity s)
{
    return Diagnostic::severityName(s);
}

} // namespace

int CliRunner::usage(const QString &message)
{
    m_err << m_program << ": " << message << "\n"
          << "Run 'junction-cli --help' for usage.\n";
    m_err.flush();
    return UsageOrIo;
}

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
    return usage(QStringLiteral("unknown command '%1'").arg(command));
}

std::optional<CliRunner::Loaded> CliRunner::load(const QString &path, bool json, int *exitCode)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_err << path << ": error[io]: cannot read the file: " << file.errorString() << "\n";
        m_err.flush();
        *exitCode = UsageOrIo;
        return std::nullopt;
    }
    Loaded loaded;
    loaded.bytes = file.readAll();
    LoadResult result = ProjectReader::readBytes(loaded.bytes, path);
    if (!result.project) {
        printDiagnostics(path, result.diagnostics, loaded.bytes, json);
        *exitCode = ProjectErrors;
        return std::nullopt;
    }
    if (!result.diagnostics.isEmpty())
        printDiagnostics(path, result.diagnostics, loaded.bytes, false);
    loaded.project = std::move(*result.project);
    return loaded;
}

void CliRunner::printDiagnostics(const QString &path, Diagnostics diagnostics,
                                 const QByteArray &bytes, bool json)
{
    std::optional<JsonLocator> locator;
    for (Diagnostic &d : diagnostics) {
        if (d.line > 0 || d.path.isEmpty())
            continue;
        if (!locator)
            locator.emplace(bytes);
        const JsonLocator::Position pos = locator->locate(d.path);
        d.line = pos.line;
        d.column = pos.column;
    }
    if (json) {
        JsonPrinter p;
        p.expandNext();
        p.object([&] {
            p.key(QLatin1String("file"));
            p.string(path);
            p.key(QLatin1String("diagnostics"));
            p.array([&] {
                for (const Diagnostic &d : std::as_const(diagnostics))
                    p.object([&] {
                        p.key(QLatin1String("severity"));
                        p.string(severityWord(d.severity));
                        p.key(QLatin1String("code"));
                        p.string(d.code);
                        p.key(QLatin1String("message"));
                        p.string(d.message);
                        p.key(QLatin1String("path"));
                        p.string(d.path);
                        p.key(QLatin1String("line"));
                        p.number(d.line);
                        p.key(QLatin1String("column"));
                        p.number(d.column);
                        p.key(QLatin1String("ids"));
                        p.array([&] {
                            for (const QString &id : d.ids)
                                p.string(id);
                        });
                    });
            });
        });
        m_out << QString::fromUtf8(p.finish());
        m_out.flush();
        return;
    }
    for (const Diagnostic &d : std::as_const(diagnostics)) {
        m_err << path;
        if (d.line > 0)
            m_err << ':' << d.line << ':' << d.column;
        m_err << ": " << severityWord(d.severity) << '[' << d.code << "]: " << d.message;
        if (!d.path.isEmpty())
            m_err << " (at " << d.path << ')';
        m_err << '\n';
    }
    m_err.flush();
}

bool CliRunner::writeOutput(const QString &path, const QByteArray &data)
{
    if (path.isEmpty() || path == QLatin1String("-")) {
        m_out << QString::fromUtf8(data);
        m_out.flush();
        return true;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        m_err << path << ": error[io]: cannot write the file: " << file.errorString() << "\n";
        m_err.flush();
        return false;
    }
    return true;
}

int CliRunner::validate(const QStringList &arguments)
{
    Command c(QStringLiteral("Check a project: associations, cycles, names, types and what each "
                             "dialect can hold. All problems are reported at once."));
    c.parser.addOption(c.json);
    c.parser.addOption(c.dialect);
    c.parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A *.junction.json file."));
    if (!c.parser.parse(arguments))
        return usage(c.parser.errorText());
    if (c.parser.isSet(c.help)) {
        m_out << commandHelp(c.parser, QStringLiteral("validate"));
        return Ok;
    }
    const QStringList files = c.parser.positionalArguments();
    if (files.size() != 1)
        return usage(QStringLiteral("validate takes one FILE"));
    QList<Dialect::Kind> dialects = Dialect::allKinds();
    if (c.parser.isSet(c.dialect)) {
        const auto kind = Dialect::kindFromName(c.parser.value(c.dialect));
        if (!kind)
            return usage(QStringLiteral("unknown dialect '%1' (use sqlite, postgres, mysql or "
                                        "mariadb)")
                             .arg(c.parser.value(c.dialect)));
        dialects = {*kind};
    }
    const bool json = c.parser.isSet(c.json);
    int exitCode = Ok;
    const auto loaded = load(files.first(), json, &exitCode);
    if (!loaded)
        return exitCode;
    const ResolvedSchema schema = resolve(loaded->project);
    const Diagnostics diagnostics = validateProject(loaded->project, schema, dialects);
    printDiagnostics(files.first(), diagnostics, loaded->bytes, json);
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
        return usage(c.parser.errorText());
    if (c.parser.isSet(c.help)) {
        m_out << commandHelp(c.parser, QStringLiteral("ddl"));
        return Ok;
    }
    const QStringList files = c.parser.positionalArguments();
    if (files.size() != 1)
        return usage(QStringLiteral("ddl takes one FILE"));
    if (!c.parser.isSet(c.dialect))
        return usage(QStringLiteral("ddl needs --dialect sqlite|postgres|mysql|mariadb"));
    const auto kind = Dialect::kindFromName(c.parser.value(c.dialect));
    if (!kind)
        return usage(QStringLiteral("unknown dialect '%1' (use sqlite, postgres, mysql or mariadb)")
                         .arg(c.parser.value(c.dialect)));
    int exitCode = Ok;
    const auto loaded = load(files.first(), false, &exitCode);
    if (!loaded)
        return exitCode;
    const ResolvedSchema schema = resolve(loaded->project);
    const Diagnostics diagnostics = validateProject(loaded->project, schema, {*kind});
    printDiagnostics(files.first(), diagnostics, loaded->bytes, false);
    if (hasErrors(diagnostics))
        return ProjectErrors;
    DdlOptions options;
    options.dropFirst = c.parser.isSet(drop);
    const QStringList statements = DdlGenerator(Dialect::get(*kind)).schema(schema, options);
    return writeOutput(c.parser.value(output), DdlGenerator::script(statements).toUtf8())
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
        return usage(c.parser.errorText());
    if (c.parser.isSet(c.help)) {
        m_out << commandHelp(c.parser, QStringLiteral("describe"));
        return Ok;
    }
    const QStringList files = c.parser.positionalArguments();
    if (files.size() != 1)
        return usage(QStringLiteral("describe takes one FILE"));
    int exitCode = Ok;
    const auto loaded = load(files.first(), false, &exitCode);
    if (!loaded)
        return exitCode;
    const ResolvedSchema schema = resolve(loaded->project);
    const Diagnostics diagnostics = validateProject(loaded->project, schema);
    printDiagnostics(files.first(), diagnostics, loaded->bytes, false);
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
        return usage(c.parser.errorText());
    if (c.parser.isSet(c.help)) {
        m_out << commandHelp(c.parser, QStringLiteral("preview"));
        return Ok;
    }
    const QStringList positional = c.parser.positionalArguments();
    if (positional.size() != 2)
        return usage(QStringLiteral("preview takes FILE and ASSOCIATION"));
    if (!c.parser.isSet(c.dialect))
        return usage(QStringLiteral("preview needs --dialect sqlite|postgres|mysql|mariadb"));
    const auto kind = Dialect::kindFromName(c.parser.value(c.dialect));
    if (!kind)
        return usage(QStringLiteral("unknown dialect '%1'").arg(c.parser.value(c.dialect)));
    int exitCode = Ok;
    const auto loaded = load(positional.at(0), false, &exitCode);
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
        printDiagnostics(positional.at(0), diagnostics, loaded->bytes, false);
        return ProjectErrors;
    }
    const QStringList statements =
        DdlGenerator(Dialect::get(*kind)).associationPreview(schema, found->id);
    m_out << DdlGenerator::script(statements);
    m_out.flush();
    return Ok;
}

} // namespace Junction
