// SPDX-License-Identifier: MIT
#pragma once

#include "connection.h"
#include "project.h"

#include <QString>

namespace Junction {

// A project's saved connection (the file's `connections` entry) as something to open, and
// back. The rules:
//   engine    "sqlite", "postgres"; "mysql" and "mariadb" both open with QMYSQL.
//   database  SQLite: a relative file is relative to the project file's folder (the
//             working directory for a project not saved yet).
//   sslMode   PostgreSQL: passed to libpq as sslmode. MySQL/MariaDB: Qt 6.4's QMYSQL knows
//             no modes, only CLIENT_SSL, which makes the client require TLS; it is set
//             for require, verify-ca and verify-full.
//   key       the `synced` key and the keychain entry: ConnectionUrl::display() of the
//             spec with the file as written, so the CLI run from the project's folder with
//             the same URL finds the same `synced` entry.
// No password is ever part of a SavedConnection; spec() takes it separately.
class ConnectionProfile
{
public:
    static ConnectionSpec::Engine engine(const SavedConnection &connection);
    static QString engineName(ConnectionSpec::Engine engine); // "sqlite", "postgres", "mysql"
    static ConnectionSpec spec(const SavedConnection &connection, const QString &projectFilePath,
                               const QString &password = {});
    static QString key(const SavedConnection &connection);
    static bool needsPassword(const SavedConnection &connection) { return !connection.isSqlite(); }
    static int defaultPort(ConnectionSpec::Engine engine); // 5432, 3306; 0 for SQLite
};

} // namespace Junction
