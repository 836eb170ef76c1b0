// SPDX-License-Identifier: MIT
#pragma once

#include "diagnostic.h"
#include "project.h"

#include <QStringList>
#include <QTextStream>

#include <optional>

namespace Junction {

// junction-cli: parses the arguments of one subcommand and runs it over the core library.
// Exit codes: 0 ok, 1 the project has errors (validation, or a file that does not load),
// 2 usage or I/O error.
class CliRunner
{
public:
    enum ExitCode { Ok = 0, ProjectErrors = 1, UsageOrIo = 2 };

    CliRunner(QTextStream &out, QTextStream &err)
        : m_out(out)
        , m_err(err)
    {}

    int run(const QStringList &arguments);

private:
    struct Loaded
    {
        Project project;
        QByteArray bytes;
    };

    int validate(const QStringList &arguments);
    int ddl(const QStringList &arguments);
    int describe(const QStringList &arguments);
    int preview(const QStringList &arguments);
    int usage(const QString &message);

    // Reads and parses FILE; prints its diagnostics. nullopt with exitCode set on failure.
    std::optional<Loaded> load(const QString &path, bool json, int *exitCode);
    void printDiagnostics(const QString &path, Diagnostics diagnostics, const QByteArray &bytes,
                          bool json);
    bool writeOutput(const QString &path, const QByteArray &data);

    QTextStream &m_out;
    QTextStream &m_err;
    QString m_program = QStringLiteral("junction-cli");
};

} // namespace Junction
