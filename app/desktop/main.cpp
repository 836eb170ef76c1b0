// SPDX-License-Identifier: MIT
#include "allocator.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
    Junction::configureAllocator();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Junction"));
    QApplication::setOrganizationName(QStringLiteral("Junction"));
    QApplication::setApplicationVersion(QStringLiteral(JUNCTION_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Junction: a visual designer for Sequelize schemas."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QApplication::translate("main", "The project to open."),
                                 QStringLiteral("[file]"));
    parser.process(app);

    Junction::MainWindow window;
    window.show();
    const QStringList files = parser.positionalArguments();
    window.start(files.isEmpty() ? QString() : files.first());
    return app.exec();
}
