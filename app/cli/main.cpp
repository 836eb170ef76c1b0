// SPDX-License-Identifier: MIT
#include "allocator.h"
#include "clirunner.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    Junction::configureAllocator();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("junction-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    Junction::CliRunner runner(out, err);
    return runner.run(QCoreApplication::arguments());
}
