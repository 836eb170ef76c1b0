// SPDX-License-Identifier: MIT
#include "connectionprofile.h"

#include "connectionurl.h"

#include <QDir>
#include <QFileInfo>

namespace Junction {

ConnectionSpec::Engine ConnectionProfile::engine(const SavedConnection &connection)
{
    if (connection.engine == QLatin1String("postgres"))
        return ConnectionSpec::Engine::Postgres;
    if (connection.engine == QLatin1String("mysql")
        || connection.engine == QLatin1String("mariadb"))
        return ConnectionSpec::Engine::MySql;
    return ConnectionSpec::Engine::Sqlite;
}

QString ConnectionProfile::engineName(ConnectionSpec::Engine engine)
{
    switch (engine) {
    case ConnectionSpec::Engine::Sqlite:
        return QStringLiteral("sqlite");
    case ConnectionSpec::Engine::Postgres:
        return QStringLiteral("postgres");
    case ConnectionSpec::Engine::MySql:
        return QStringLiteral("mysql");
    }
    return {};
}

int ConnectionProfile::defaultPort(ConnectionSpec::Engine engine)
{
    switch (engine) {
    case ConnectionSpec::Engine::Postgres:
        return 5432;
    case ConnectionSpec::Engine::MySql:
        return 3306;
    case ConnectionSpec::Engine::Sqlite:
        break;
    }
    return 0;
}

namespace {

ConnectionSpec baseSpec(const SavedConnection &connection)
{
    ConnectionSpec spec;
    spec.engine = ConnectionProfile::engine(connection);
    spec.database = connection.database;
    if (spec.engine == ConnectionSpec::Engine::Sqlite)
        return spec;
    spec.host = connection.host;
    spec.port = connection.port;
    spec.user = connection.user;
    const QString mode = connection.sslMode.trimmed().toLower();
    if (mode.isEmpty())
        return spec;
    if (spec.engine == ConnectionSpec::Engine::Postgres) {
        spec.options = QStringLiteral("sslmode=") + mode;
    } else if (mode == QLatin1String("require") || mode.startsWith(QLatin1String("verify"))) {
        spec.options = QStringLiteral("CLIENT_SSL");
    }
    return spec;
}

} // namespace

ConnectionSpec ConnectionProfile::spec(const SavedConnection &connection,
                                       const QString &projectFilePath, const QString &password)
{
    ConnectionSpec spec = baseSpec(connection);
    if (spec.engine == ConnectionSpec::Engine::Sqlite) {
        if (spec.database != QLatin1String(":memory:") && QFileInfo(spec.database).isRelative()) {
            const QDir base = projectFilePath.isEmpty() ? QDir::current()
                                                        : QFileInfo(projectFilePath).absoluteDir();
            spec.database = QDir::cleanPath(base.absoluteFilePath(spec.database));
        }
        return spec;
    }
    spec.password = password;
    return spec;
}

QString ConnectionProfile::key(const SavedConnection &connection)
{
    return ConnectionUrl::display(baseSpec(connection));
}

} // namespace Junction
