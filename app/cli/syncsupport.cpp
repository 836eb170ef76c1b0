// SPDX-License-Identifier: MIT
#include "syncsupport.h"

#include "connectionurl.h"
#include "nativetypes.h"
#include "validator.h"

#include <QFileInfo>

namespace Junction {

std::optional<SyncTarget> openSyncTarget(CliContext &cli, const QCommandLineParser &parser,
                                         const QString &file, bool createSqliteFile, int *exitCode)
{
    *exitCode = CliContext::UsageOrIo;
    if (!parser.isSet(QStringLiteral("db"))) {
        cli.usage(QStringLiteral("this command needs --db URL"));
        return std::nullopt;
    }
    QString urlError;
    const auto parsed = ConnectionUrl::parse(parser.value(QStringLiteral("db")), &urlError);
    if (!parsed) {
        cli.usage(urlError);
        return std::nullopt;
    }
    const Dialect::Kind dialect = NativeTypes::dialectOf(parsed->engine);

    SyncTarget target;
    auto loaded = cli.load(file, false, exitCode);
    if (!loaded)
        return std::nullopt;
    target.loaded = std::move(*loaded);
    target.design = resolve(target.loaded.project);
    const Diagnostics diagnostics
        = validateProject(target.loaded.project, target.design, {dialect});
    cli.printDiagnostics(file, diagnostics, target.loaded.bytes, false);
    if (hasErrors(diagnostics)) {
        *exitCode = CliContext::ProjectErrors;
        return std::nullopt;
    }

    if (parsed->engine == ConnectionSpec::Engine::Sqlite && !createSqliteFile
        && parsed->database != QLatin1String(":memory:") && !QFileInfo::exists(parsed->database)) {
        ConnectionSpec memory;
        memory.engine = ConnectionSpec::Engine::Sqlite;
        memory.database = QStringLiteral(":memory:");
        ConnectionError error;
        target.connection = Connection::open(memory, &error);
        if (!target.connection) {
            cli.err << ConnectionUrl::display(*parsed) << ": error[connection]: " << error.message
                    << "\n";
            cli.err.flush();
            *exitCode = CliContext::UsageOrIo;
            return std::nullopt;
        }
        target.spec = *parsed;
        target.standIn = true;
        *exitCode = CliContext::Ok;
        return target;
    }
    target.connection = cli.openDatabase(parser, exitCode, &target.spec, createSqliteFile);
    if (!target.connection)
        return std::nullopt;
    return target;
}

} // namespace Junction
