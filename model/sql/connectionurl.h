// SPDX-License-Identifier: MIT
#pragma once

#include "connection.h"

#include <QString>

#include <optional>

namespace Junction {

// Connection URLs as users type them:
//   sqlite:relative/or/absolute.db        (sqlite:///abs/path.db and sqlite::memory: too)
//   postgres://user@host:port/db?sslmode=require    (postgresql:// as well)
//   mysql://user@host:port/db   mariadb://user@host:port/db
// Query parameters become QtSql connect options ("sslmode=require;connect_timeout=5").
// A password in the URL is refused: it would end up in shell history and in the
// project's `synced` keys. It comes from --password-stdin, JUNCTION_PASSWORD or a prompt.
class ConnectionUrl
{
public:
    static std::optional<ConnectionSpec> parse(const QString &url, QString *error);
    // The URL without a password: the key of the project's `synced` section.
    static QString display(const ConnectionSpec &spec);
};

} // namespace Junction
