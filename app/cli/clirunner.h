// SPDX-License-Identifier: MIT
#pragma once

#include "clicontext.h"

#include <QStringList>
#include <QTextStream>

namespace Junction {

// junction-cli: picks the subcommand and runs it over the core and database libraries.
// The project-only commands live here; the database commands in clicommands.h.
class CliRunner
{
public:
    enum ExitCode { Ok = CliContext::Ok, ProjectErrors = CliContext::ProjectErrors,
                    UsageOrIo = CliContext::UsageOrIo };

    CliRunner(QTextStream &out, QTextStream &err)
        : m_out(out)
        , m_err(err)
        , m_cli(out, err)
    {}

    int run(const QStringList &arguments);

private:
    int validate(const QStringList &arguments);
    int ddl(const QStringList &arguments);
    int describe(const QStringList &arguments);
    int preview(const QStringList &arguments);
    int usage(const QString &message) { return m_cli.usage(message); }

    QTextStream &m_out;
    QTextStream &m_err;
    CliContext m_cli;
    QString m_program = QStringLiteral("junction-cli");
};

} // namespace Junction
