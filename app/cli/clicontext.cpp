// SPDX-License-Identifier: MIT
#include "clicontext.h"

#include "jsonlocator.h"
#include "jsonprinter.h"
#include "projectreader.h"

#include "connectionurl.h"

#include <QFile>
#include <QSaveFile>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace Junction {

namespace {

QString severityWord(Diagnostic::Severity s)
{
    return Diagnostic::severityName(s);
}

} // namespace

// QCommandLineParser names the executable's full path; users type "junction-cli <command>".
QString CliContext::commandHelp(const QCommandLineParser &parser, const QString &command)
{
    QString text = parser.helpText();
    const qsizetype end = text.indexOf(QLatin1String(" [options]"));
    if (text.startsWith(QLatin1String("Usage: ")) && end > 0)
        text.replace(7, end - 7, QStringLiteral("junction-cli ") + command);
    return text;
}

int CliContext::usage(const QString &message)
{
    err << QStringLiteral("junction-cli") << ": " << message << "\n"
          << "Run 'junction-cli --help' for usage.\n";
    err.flush();
    return UsageOrIo;
}

std::optional<LoadedProject> CliContext::load(const QString &path, bool json, int *exitCode)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        err << path << ": error[io]: cannot read the file: " << file.errorString() << "\n";
        err.flush();
        *exitCode = UsageOrIo;
        return std::nullopt;
    }
    LoadedProject loaded;
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

void CliContext::printDiagnostics(const QString &path, Diagnostics diagnostics,
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
        out << QString::fromUtf8(p.finish());
        out.flush();
        return;
    }
    for (const Diagnostic &d : std::as_const(diagnostics)) {
        err << path;
        if (d.line > 0)
            err << ':' << d.line << ':' << d.column;
        err << ": " << severityWord(d.severity) << '[' << d.code << "]: " << d.message;
        if (!d.path.isEmpty())
            err << " (at " << d.path << ')';
        err << '\n';
    }
    err.flush();
}

bool CliContext::writeOutput(const QString &path, const QByteArray &data)
{
    if (path.isEmpty() || path == QLatin1String("-")) {
        out << QString::fromUtf8(data);
        out.flush();
        return true;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        err << path << ": error[io]: cannot write the file: " << file.errorString() << "\n";
        err.flush();
        return false;
    }
    return true;
}

void CliContext::addDatabaseOptions(QCommandLineParser &parser)
{
    parser.addOption(m_dbOption);
    parser.addOption(m_passwordStdinOption);
}

QString CliContext::readPassword(bool fromStdin, const ConnectionSpec &spec)
{
    if (spec.engine == ConnectionSpec::Engine::Sqlite)
        return {};
    if (fromStdin) {
        QTextStream in(stdin);
        return in.readLine();
    }
    if (qEnvironmentVariableIsSet("JUNCTION_PASSWORD"))
        return qEnvironmentVariable("JUNCTION_PASSWORD");
    if (!::isatty(STDIN_FILENO))
        return {};
    // A prompt on the terminal, without echo.
    err << "Password for " << ConnectionUrl::display(spec) << ": ";
    err.flush();
    termios saved{};
    const bool haveTerminal = ::tcgetattr(STDIN_FILENO, &saved) == 0;
    if (haveTerminal) {
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    }
    QTextStream in(stdin);
    const QString password = in.readLine();
    if (haveTerminal)
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    err << "\n";
    err.flush();
    return password;
}

std::unique_ptr<Connection> CliContext::openDatabase(const QCommandLineParser &parser,
                                                     int *exitCode, ConnectionSpec *specOut,
                                                     bool createSqliteFile)
{
    *exitCode = UsageOrIo;
    if (!parser.isSet(m_dbOption)) {
        usage(QStringLiteral("this command needs --db URL"));
        return nullptr;
    }
    QString error;
    auto spec = ConnectionUrl::parse(parser.value(m_dbOption), &error);
    if (!spec) {
        usage(error);
        return nullptr;
    }
    spec->mustExist = !createSqliteFile;
    spec->password = readPassword(parser.isSet(m_passwordStdinOption), *spec);
    ConnectionError connectionError;
    auto connection = Connection::open(*spec, &connectionError);
    if (!connection) {
        err << ConnectionUrl::display(*spec) << ": error[connection]: " << connectionError.message
            << "\n";
        err.flush();
        return nullptr;
    }
    spec->password.clear(); // not kept beyond the connection
    if (specOut)
        *specOut = *spec;
    *exitCode = Ok;
    return connection;
}

} // namespace Junction
