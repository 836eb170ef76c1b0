// SPDX-License-Identifier: MIT
#pragma once
// What the designer's database tests share: the test servers (scripts/test.sh), scratch
// databases a saved connection can name, and answering the password prompt.

#include "connection.h"
#include "connectionprofile.h"
#include "passworddialog.h"
#include "project.h"

#include <QApplication>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>

#include <memory>
#include <optional>

namespace Junction::DbTest {

using Engine = ConnectionSpec::Engine;

inline QString prefix(Engine engine)
{
    return engine == Engine::Postgres ? QStringLiteral("JUNCTION_PG_")
                                      : QStringLiteral("JUNCTION_MYSQL_");
}

inline QString env(Engine engine, const char *name)
{
    return qEnvironmentVariable((prefix(engine) + QLatin1String(name)).toLocal8Bit().constData());
}

inline bool hasServer(Engine engine)
{
    return !env(engine, "HOST").isEmpty() && !env(engine, "PORT").isEmpty();
}

inline bool serversRequired()
{
    return qEnvironmentVariable("JUNCTION_REQUIRE_SERVERS") == QLatin1String("1");
}

inline QString password(Engine engine)
{
    return env(engine, "PASSWORD");
}

// The server's own test database as a saved connection (no password: never in a project).
inline SavedConnection serverConnection(Engine engine, const QString &name,
                                        const QString &database = {})
{
    SavedConnection c;
    c.name = name;
    c.engine = engine == Engine::Postgres ? QStringLiteral("postgres") : QStringLiteral("mariadb");
    c.host = env(engine, "HOST");
    c.port = env(engine, "PORT").toInt();
    c.user = env(engine, "USER");
    c.database = database.isEmpty() ? env(engine, "DATABASE") : database;
    return c;
}

inline std::unique_ptr<Connection> openDirect(const SavedConnection &c, const QString &projectPath,
                                              QString *error)
{
    const Engine engine = ConnectionProfile::engine(c);
    ConnectionSpec spec = ConnectionProfile::spec(
        c, projectPath, engine == Engine::Sqlite ? QString() : password(engine));
    ConnectionError openError;
    auto connection = Connection::open(spec, &openError);
    if (!connection && error)
        *error = openError.message;
    return connection;
}

inline bool exec(const Connection &connection, const QString &sql, QString *error = nullptr)
{
    QSqlQuery query(connection.database());
    if (query.exec(sql))
        return true;
    if (error)
        *error = query.lastError().text() + QStringLiteral("\nin: ") + sql;
    return false;
}

inline QVariant scalar(const Connection &connection, const QString &sql)
{
    QSqlQuery query(connection.database());
    if (!query.exec(sql) || !query.next())
        return {};
    return query.value(0);
}

// A database of its own on a server, dropped again at the end: PostgreSQL and MariaDB
// databases named junction_t<random> (the test user may create those).
class ScratchDatabase
{
public:
    ~ScratchDatabase()
    {
        if (!m_admin)
            return;
        exec(*m_admin, QStringLiteral("DROP DATABASE IF EXISTS %1").arg(m_name));
    }

    bool create(Engine engine, QString *error)
    {
        m_engine = engine;
        m_name = QStringLiteral("junction_t")
            + QString::number(QRandomGenerator::global()->generate(), 16);
        m_admin = openDirect(serverConnection(engine, QStringLiteral("admin")), QString(), error);
        return m_admin && exec(*m_admin, QStringLiteral("CREATE DATABASE %1").arg(m_name), error);
    }
    QString name() const { return m_name; }

private:
    Engine m_engine = Engine::Postgres;
    QString m_name;
    std::unique_ptr<Connection> m_admin;
};

// Waits for the password prompt, types the password and presses Enter. Returns the prompt's
// state as it was shown: whether it offered the keychain and what it said.
struct PromptSeen
{
    bool shown = false;
    bool keychainOffered = false;
    bool noKeychainNote = false;
    QString problem;
};

inline PromptSeen answerPasswordPrompt(const QString &password, int timeoutMs = 10000)
{
    PromptSeen seen;
    PasswordDialog *dialog = nullptr;
    QElapsedTimer clock;
    clock.start();
    while (!dialog && clock.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        for (QWidget *w : QApplication::topLevelWidgets()) {
            auto *d = qobject_cast<PasswordDialog *>(w);
            if (d && d->isVisible())
                dialog = d;
        }
        if (!dialog)
            QTest::qWait(10);
    }
    if (!dialog)
        return seen;
    seen.shown = true;
    auto *save = dialog->findChild<QWidget *>(QStringLiteral("saveInKeychain"));
    seen.keychainOffered = save && save->isEnabled();
    seen.noKeychainNote = dialog->findChild<QWidget *>(QStringLiteral("noKeychainNote")) != nullptr;
    if (auto *problem = dialog->findChild<QLabel *>(QStringLiteral("problemLabel")))
        seen.problem = problem->text();
    auto *edit = dialog->findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
    QTest::keyClicks(edit, password);
    QTest::keyClick(edit, Qt::Key_Return);
    return seen;
}

// Every file under the test-mode configuration and data folders (where QSettings and any
// plaintext keychain fallback would write) that contains `secret`.
inline QStringList filesContaining(const QByteArray &secret)
{
    QStringList hits;
    for (auto location : {QStandardPaths::GenericConfigLocation, QStandardPaths::AppConfigLocation,
                          QStandardPaths::GenericDataLocation, QStandardPaths::AppDataLocation}) {
        const QString root = QStandardPaths::writableLocation(location);
        QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            if (file.open(QIODevice::ReadOnly) && file.readAll().contains(secret))
                hits << path;
        }
    }
    hits.removeDuplicates();
    return hits;
}

} // namespace Junction::DbTest
