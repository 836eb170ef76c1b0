// SPDX-License-Identifier: MIT
#pragma once

#include "connection.h"
#include "diagnostic.h"
#include "project.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QTextStream>

#include <memory>
#include <optional>

namespace Junction {

struct LoadedProject
{
    Project project;
    QByteArray bytes; // the file as read: diagnostics locate their line and column in it
};

// What every junction-cli command shares: its streams, loading a project with its
// diagnostics, writing output, and opening the database named by --db.
// Exit codes: 0 ok, 1 the project (or the plan) has errors, 2 usage, I/O or connection error.
class CliContext
{
public:
    enum ExitCode { Ok = 0, ProjectErrors = 1, UsageOrIo = 2 };

    CliContext(QTextStream &outStream, QTextStream &errStream)
        : out(outStream)
        , err(errStream)
    {}

    QTextStream &out;
    QTextStream &err;

    int usage(const QString &message);
    // Reads and parses FILE; prints its diagnostics. nullopt with exitCode set on failure.
    std::optional<LoadedProject> load(const QString &path, bool json, int *exitCode);
    void printDiagnostics(const QString &path, Diagnostics diagnostics, const QByteArray &bytes,
                          bool json);
    // "-" or empty: stdout; else the file, atomically.
    bool writeOutput(const QString &path, const QByteArray &data);
    // QCommandLineParser's help with "junction-cli <command>" in its usage line.
    static QString commandHelp(const QCommandLineParser &parser, const QString &command);

    // --db URL and --password-stdin.
    void addDatabaseOptions(QCommandLineParser &parser);
    // Opens the --db database. The password comes from --password-stdin, else
    // JUNCTION_PASSWORD, else a prompt when stdin is a terminal; never from a file.
    // On failure prints the reason and returns nullptr with exitCode = UsageOrIo.
    std::unique_ptr<Connection> openDatabase(const QCommandLineParser &parser, int *exitCode,
                                             ConnectionSpec *spec = nullptr,
                                             bool createSqliteFile = false);

private:
    QString readPassword(bool fromStdin, const ConnectionSpec &spec);

    QCommandLineOption m_dbOption{QStringLiteral("db"),
                                  QStringLiteral("The database: sqlite:FILE, "
                                                 "postgres://user@host:port/db, "
                                                 "mysql://user@host:port/db."),
                                  QStringLiteral("URL")};
    QCommandLineOption m_passwordStdinOption{
        QStringLiteral("password-stdin"),
        QStringLiteral("Read the database password from the first line of stdin.")};
};

} // namespace Junction
