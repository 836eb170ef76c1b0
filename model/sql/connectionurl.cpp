// SPDX-License-Identifier: MIT
#include "connectionurl.h"

#include <QUrl>
#include <QUrlQuery>

namespace Junction {

namespace {

using Engine = ConnectionSpec::Engine;

std::optional<Engine> engineOfScheme(const QString &scheme)
{
    if (scheme == QLatin1String("sqlite"))
        return Engine::Sqlite;
    if (scheme == QLatin1String("postgres") || scheme == QLatin1String("postgresql"))
        return Engine::Postgres;
    if (scheme == QLatin1String("mysql") || scheme == QLatin1String("mariadb"))
        return Engine::MySql;
    return std::nullopt;
}

} // namespace

std::optional<ConnectionSpec> ConnectionUrl::parse(const QString &url, QString *error)
{
    auto fail = [error](const QString &message) -> std::optional<ConnectionSpec> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const QString text = url.trimmed();
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return fail(QStringLiteral("'%1' is not a connection URL; use sqlite:FILE, "
                                   "postgres://user@host:port/db or mysql://user@host:port/db")
                        .arg(url));
    const auto engine = engineOfScheme(text.left(colon).toLower());
    if (!engine)
        return fail(QStringLiteral("unknown database '%1' in '%2'; use sqlite, postgres, mysql "
                                   "or mariadb")
                        .arg(text.left(colon), url));

    ConnectionSpec spec;
    spec.engine = *engine;
    if (*engine == Engine::Sqlite) {
        // sqlite:path keeps the path as written (relative paths are the point);
        // sqlite:///abs/path is the URL form of an absolute path.
        QString path = text.mid(colon + 1);
        if (path.startsWith(QLatin1String("//")))
            path = path.mid(2);
        if (path.isEmpty())
            return fail(QStringLiteral("'%1' names no SQLite file").arg(url));
        spec.database = path;
        return spec;
    }

    const QUrl parsed(text, QUrl::StrictMode);
    if (!parsed.isValid()) {
        // QUrl appends the whole URL and its parts to the reason; the reason is enough.
        const QString reason = parsed.errorString().section(QLatin1String("; source was"), 0, 0);
        return fail(QStringLiteral("'%1' is not a valid URL: %2").arg(url, reason));
    }
    if (!parsed.password().isEmpty())
        return fail(QStringLiteral("'%1' contains a password; pass it with --password-stdin or "
                                   "the JUNCTION_PASSWORD environment variable instead")
                        .arg(display([&] {
                            ConnectionSpec s;
                            s.engine = *engine;
                            s.host = parsed.host();
                            s.port = parsed.port(0);
                            s.user = parsed.userName();
                            s.database = parsed.path().mid(1);
                            return s;
                        }())));
    spec.host = parsed.host();
    if (spec.host.isEmpty())
        return fail(QStringLiteral("'%1' names no host").arg(url));
    spec.port = parsed.port(0);
    spec.user = parsed.userName();
    spec.database = parsed.path().mid(1);
    if (spec.database.isEmpty())
        return fail(QStringLiteral("'%1' names no database; add /DATABASE after the host").arg(url));
    QStringList options;
    for (const auto &[key, value] : QUrlQuery(parsed).queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("connect_timeout")) {
            bool ok = false;
            const int seconds = value.toInt(&ok);
            if (!ok || seconds <= 0)
                return fail(QStringLiteral("connect_timeout must be a number of seconds, not '%1'")
                                .arg(value));
            spec.connectTimeoutSeconds = seconds;
            continue;
        }
        if (key.contains(QLatin1Char(';')) || value.contains(QLatin1Char(';')))
            return fail(QStringLiteral("option '%1' may not contain ';'").arg(key));
        options << key + QLatin1Char('=') + value;
    }
    spec.options = options.join(QLatin1Char(';'));
    return spec;
}

QString ConnectionUrl::display(const ConnectionSpec &spec)
{
    switch (spec.engine) {
    case Engine::Sqlite: return QStringLiteral("sqlite:") + spec.database;
    case Engine::Postgres:
    case Engine::MySql: {
        QUrl url;
        url.setScheme(spec.engine == Engine::Postgres ? QStringLiteral("postgres")
                                                      : QStringLiteral("mysql"));
        url.setHost(spec.host);
        if (spec.port > 0)
            url.setPort(spec.port);
        url.setUserName(spec.user);
        url.setPath(QLatin1Char('/') + spec.database);
        if (!spec.options.isEmpty()) {
            QUrlQuery query;
            for (const QString &option : spec.options.split(QLatin1Char(';'))) {
                const qsizetype eq = option.indexOf(QLatin1Char('='));
                query.addQueryItem(option.left(eq), eq < 0 ? QString() : option.mid(eq + 1));
            }
            url.setQuery(query);
        }
        return url.toString();
    }
    }
    return {};
}

} // namespace Junction
