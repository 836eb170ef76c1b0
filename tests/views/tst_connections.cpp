// SPDX-License-Identifier: MIT
// The connection manager on real widgets against real SQLite, PostgreSQL and MariaDB, and
// the rule that a password never reaches a file: not the project, not QSettings, not a
// plaintext keychain fallback. On a machine without a keychain service (this one, CI) the
// keychain path is the real "none available" path of QtKeychain.
#include "viewtestsupport.h"
#include "commands/projectcommands.h"
#include "connectiondialog.h"
#include "connectionform.h"
#include "connectionprofile.h"
#include "dbtestsupport.h"
#include "document.h"
#include "passwordstore.h"
#include "projectwriter.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTimer>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Junction;
using namespace Junction::DbTest;

namespace {

// A TCP port on 127.0.0.1 that nothing listens on.
int closedPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

void selectEngine(ConnectionForm *form, const QString &engine)
{
    auto *combo = form->findChild<QComboBox *>(QStringLiteral("engineCombo"));
    combo->setFocus();
    combo->setCurrentIndex(combo->findData(engine)); // as choosing it in the popup does
}

void typeInto(QWidget *parent, const char *name, const QString &text)
{
    auto *edit = parent->findChild<QLineEdit *>(QString::fromLatin1(name));
    QVERIFY2(edit, name);
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

// Fills the form for a server connection, as a user types it.
void fillServer(ConnectionDialog *dialog, Engine engine, int port, const QString &password)
{
    ConnectionForm *form = dialog->form();
    selectEngine(
        form, engine == Engine::Postgres ? QStringLiteral("postgres") : QStringLiteral("mariadb"));
    typeInto(form, "hostEdit", env(engine, "HOST"));
    auto *portSpin = form->findChild<QSpinBox *>(QStringLiteral("portSpin"));
    portSpin->setValue(port);
    typeInto(form, "databaseEdit", env(engine, "DATABASE"));
    typeInto(form, "userEdit", env(engine, "USER"));
    typeInto(form, "passwordEdit", password);
}

QString runTest(ConnectionDialog *dialog)
{
    QSignalSpy finished(dialog, &ConnectionDialog::testFinished);
    QTest::mouseClick(dialog->testButton(), Qt::LeftButton);
    if (!finished.wait(20000))
        return QStringLiteral("<no answer>");
    return dialog->statusLabel()->text();
}

} // namespace

class tst_Connections : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void keychainAbsenceDetected();
    void sqliteNewDatabaseAndTest();
    void serverMessages_data();
    void serverMessages();
    void promptEachTimeWithoutKeychain();
    void passwordNeverInAFile();
    void missingDriver();
    void screenshot();

private:
    bool needServer(Engine engine);
    QTemporaryDir m_dir;
};

void tst_Connections::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("JunctionTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_connections"));
    Junction::Testing::useFreshTestSettings();
    QVERIFY(m_dir.isValid());
}

bool tst_Connections::needServer(Engine engine)
{
    if (hasServer(engine))
        return true;
    if (serversRequired())
        qFatal("JUNCTION_REQUIRE_SERVERS=1 but the %s test server is not configured",
               engine == Engine::Postgres ? "PostgreSQL" : "MariaDB");
    return false;
}

// QtKeychain's real answer on this machine: with no D-Bus session or Secret Service it says
// so, the store learns there is no keychain, and a write is refused rather than put in a
// file.
void tst_Connections::keychainAbsenceDetected()
{
    PasswordStore store;
    bool probed = false;
    store.probe(this, [&probed] { probed = true; });
    QTRY_VERIFY_WITH_TIMEOUT(probed, 30000);
    QVERIFY(store.backend() != PasswordStore::Backend::Unknown);
    if (store.hasKeychain())
        QSKIP("this machine has a working keychain; the no-keychain path cannot be tried here");
    QVERIFY2(!store.unavailableReason().isEmpty(), "no reason given for the missing keychain");
    qInfo("no keychain: %s", qPrintable(store.unavailableReason()));

    bool answered = false;
    bool ok = true;
    store.write(QStringLiteral("postgres://probe@localhost/x"), QStringLiteral("kc-secret-42"),
                this, [&](bool written, const QString &) {
                    answered = true;
                    ok = written;
                });
    QTRY_VERIFY(answered);
    QVERIFY2(!ok, "a password was 'saved' without a keychain");
    QCOMPARE(filesContaining("kc-secret-42"), QStringList());
}

// SQLite: "New database..." creates the file (picked in the real file dialog), Test
// connects, a missing file is an error of its own and is not created by Test.
void tst_Connections::sqliteNewDatabaseAndTest()
{
    Document document;
    QString error;
    const QString projectPath = m_dir.filePath(QStringLiteral("sqlite.junction.json"));
    QVERIFY2(document.saveAs(projectPath, &error), qPrintable(error));
    PasswordStore store;
    ConnectionDialog dialog(&document, &store);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("addButton")), Qt::LeftButton);
    QCOMPARE(dialog.list()->count(), 1);
    typeInto(dialog.form(), "nameEdit", QStringLiteral("local"));
    QCOMPARE(dialog.list()->item(0)->text(), QStringLiteral("local"));

    // A file that is not there: its own message, and Test creates nothing.
    typeInto(dialog.form(), "fileEdit", QStringLiteral("absent.db"));
    const QString missing = runTest(&dialog);
    QVERIFY2(missing.contains(QLatin1String("does not exist")), qPrintable(missing));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("absent.db"))));

    // New database...: the file dialog picks the path, the file is created off the UI thread.
    const QString created = m_dir.filePath(QStringLiteral("shop.db"));
    QTimer::singleShot(200, [created] {
        auto *fileDialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        QVERIFY(fileDialog);
        // Typed into the dialog's file name field, as a user does.
        auto *name = fileDialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
        QVERIFY(name);
        name->clear();
        QTest::keyClicks(name, created);
        QTest::keyClick(name, Qt::Key_Return);
    });
    QSignalSpy finished(&dialog, &ConnectionDialog::testFinished);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("newDatabaseButton")),
                      Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QVERIFY2(finished.first().first().toBool(), qPrintable(dialog.statusLabel()->text()));
    QVERIFY2(QFile::exists(created),
             qPrintable(dialog.statusLabel()->text() + QLatin1Char(' ')
                        + dialog.connections().first().database));
    // Inside the project's folder the path is kept relative.
    QCOMPARE(dialog.connections().first().database, QStringLiteral("shop.db"));

    const QString ok = runTest(&dialog);
    QVERIFY2(ok.startsWith(QLatin1String("Connected to sqlite:shop.db")), qPrintable(ok));

    QTest::mouseClick(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(document.project().connections.size(), 1);
    QCOMPARE(document.project().connections.first().engine, QStringLiteral("sqlite"));
    QVERIFY(document.isModified());
    document.undoStack()->undo();
    QVERIFY(document.project().connections.isEmpty());
}

// Wrong password, unreachable host, missing database: each its own message.
void tst_Connections::serverMessages_data()
{
    QTest::addColumn<int>("engine");
    QTest::addColumn<QString>("problem");
    QTest::addColumn<QString>("expected");
    for (Engine engine : {Engine::Postgres, Engine::MySql}) {
        const char *name = engine == Engine::Postgres ? "PostgreSQL" : "MariaDB";
        QTest::addRow("%s wrong password", name) << int(engine) << QStringLiteral("password")
                                                 << QStringLiteral("wrong user name or password");
        QTest::addRow("%s unreachable", name)
            << int(engine) << QStringLiteral("port") << QStringLiteral("Cannot reach the");
        QTest::addRow("%s right password", name)
            << int(engine) << QString() << QStringLiteral("Connected to");
    }
}

void tst_Connections::serverMessages()
{
    QFETCH(int, engine);
    QFETCH(QString, problem);
    QFETCH(QString, expected);
    const Engine e = Engine(engine);
    if (!needServer(e))
        QSKIP("test server not configured (scripts/test.sh starts it)");
    Document document;
    PasswordStore store;
    ConnectionDialog dialog(&document, &store);
    dialog.show();
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("addButton")), Qt::LeftButton);
    const int port = problem == QLatin1String("port") ? closedPort() : env(e, "PORT").toInt();
    fillServer(&dialog, e, port,
               problem == QLatin1String("password") ? QStringLiteral("not-the-password")
                                                    : password(e));
    const QString message = runTest(&dialog);
    QVERIFY2(message.contains(expected), qPrintable(message));
    if (problem.isEmpty())
        QCOMPARE(dialog.statusLabel()->styleSheet(), QStringLiteral("color: #1b6e2a"));
}

// No keychain: no password in the form means the prompt asks, says that nothing is saved,
// and asks again the next time.
void tst_Connections::promptEachTimeWithoutKeychain()
{
    if (!needServer(Engine::Postgres))
        QSKIP("test server not configured (scripts/test.sh starts it)");
    PasswordStore store;
    bool probed = false;
    store.probe(this, [&probed] { probed = true; });
    QTRY_VERIFY_WITH_TIMEOUT(probed, 30000);
    if (store.hasKeychain())
        QSKIP("this machine has a working keychain");

    Document document;
    ConnectionDialog dialog(&document, &store);
    dialog.show();
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("addButton")), Qt::LeftButton);
    fillServer(&dialog, Engine::Postgres, env(Engine::Postgres, "PORT").toInt(), QString());
    auto *saveCheck = dialog.form()->findChild<QWidget *>(QStringLiteral("savePasswordCheck"));
    QVERIFY2(!saveCheck->isEnabled(), "the form offers a keychain that is not there");

    for (int attempt = 0; attempt < 2; ++attempt) {
        QSignalSpy finished(&dialog, &ConnectionDialog::testFinished);
        QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
        // A wrong password first: the prompt comes back with the server's message.
        PromptSeen seen = answerPasswordPrompt(QStringLiteral("wrong"));
        QVERIFY2(seen.shown, "no password prompt");
        QVERIFY(!seen.keychainOffered);
        QVERIFY(seen.noKeychainNote);
        seen = answerPasswordPrompt(password(Engine::Postgres));
        QVERIFY2(seen.shown, "the rejected password was not asked for again");
        QVERIFY2(seen.problem.contains(QLatin1String("wrong user name or password")),
                 qPrintable(seen.problem));
        QVERIFY(finished.wait(20000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(dialog.statusLabel()->text()));
    }
}

// Whatever path a password takes (typed in the form, in the prompt, rejected or accepted),
// neither the saved project nor any settings file holds it.
void tst_Connections::passwordNeverInAFile()
{
    if (!needServer(Engine::Postgres))
        QSKIP("test server not configured (scripts/test.sh starts it)");
    const QString secret = password(Engine::Postgres);
    QVERIFY(!secret.isEmpty());
    Document document;
    PasswordStore store;
    const QString projectPath = m_dir.filePath(QStringLiteral("secret.junction.json"));
    {
        ConnectionDialog dialog(&document, &store);
        dialog.show();
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("addButton")),
                          Qt::LeftButton);
        fillServer(&dialog, Engine::Postgres, env(Engine::Postgres, "PORT").toInt(), secret);
        const QString message = runTest(&dialog);
        QVERIFY2(message.contains(QLatin1String("Connected to")), qPrintable(message));
        QTest::mouseClick(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }
    QString error;
    QVERIFY2(document.saveAs(projectPath, &error), qPrintable(error));
    QSettings().sync();
    QSettings(QStringLiteral("Junction")).sync(); // QtKeychain's fallback file, if ever used
    QTest::qWait(200); // a keychain write job, if any, has finished

    QFile saved(projectPath);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    const QByteArray bytes = saved.readAll();
    QVERIFY2(bytes.contains("\"connections\""), bytes.constData());
    QVERIFY2(!bytes.contains(secret.toUtf8()), bytes.constData());
    QVERIFY2(!bytes.toLower().contains("password"), bytes.constData());
    QCOMPARE(filesContaining(secret.toUtf8()), QStringList());
    for (const QString &settingsFile :
         {QSettings().fileName(), QSettings(QStringLiteral("Junction")).fileName()}) {
        QFile file(settingsFile);
        if (file.open(QIODevice::ReadOnly))
            QVERIFY2(!file.readAll().contains(secret.toUtf8()), qPrintable(settingsFile));
    }
}

// A missing Qt driver, for real: a child process of this test that cannot find any
// QtSql plugin (its library paths point at an empty folder) runs the dialog's Test.
void tst_Connections::missingDriver()
{
    if (qEnvironmentVariableIsSet("JUNCTION_TEST_NO_SQL_DRIVERS")) {
        // The child: no sqldrivers anywhere (the platform plugin is loaded already).
        QCoreApplication::setLibraryPaths({m_dir.path()});
        Document document;
        ConnectionDialog dialog(&document, nullptr);
        dialog.show();
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("addButton")),
                          Qt::LeftButton);
        selectEngine(dialog.form(), QStringLiteral("postgres"));
        typeInto(dialog.form(), "hostEdit", QStringLiteral("127.0.0.1"));
        typeInto(dialog.form(), "databaseEdit", QStringLiteral("x"));
        typeInto(dialog.form(), "passwordEdit", QStringLiteral("x"));
        const QString message = runTest(&dialog);
        QVERIFY2(message.contains(QLatin1String("libqt6sql6-psql")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("is not installed")), qPrintable(message));
        return;
    }
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("JUNCTION_TEST_NO_SQL_DRIVERS"), QStringLiteral("1"));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    child.setProcessEnvironment(environment);
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("missingDriver")});
    QVERIFY(child.waitForFinished(60000));
    const QByteArray output = child.readAllStandardOutput() + child.readAllStandardError();
    QVERIFY2(child.exitCode() == 0, output.constData());
    QVERIFY2(output.contains("PASS   : tst_Connections::missingDriver()"), output.constData());
}

void tst_Connections::screenshot()
{
    Document document;
    SavedConnection sqlite;
    sqlite.name = QStringLiteral("local file");
    sqlite.engine = QStringLiteral("sqlite");
    sqlite.database = QStringLiteral("shop.db");
    SavedConnection postgres;
    postgres.name = QStringLiteral("staging");
    postgres.engine = QStringLiteral("postgres");
    postgres.host = QStringLiteral("db.example.org");
    postgres.database = QStringLiteral("shop");
    postgres.user = QStringLiteral("app");
    postgres.sslMode = QStringLiteral("require");
    document.push(Commands::editConnections(document, {sqlite, postgres}));
    PasswordStore store;
    ConnectionDialog dialog(&document, &store);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.list()->setCurrentRow(1);
    QTRY_VERIFY(store.backend() != PasswordStore::Backend::Unknown);
    const QString path = QStringLiteral(JUNCTION_SCREENSHOT_DIR "/connections.png");
    QVERIFY(dialog.grab().save(path));
    qInfo("screenshot: %s", qPrintable(path));
}

QTEST_MAIN(tst_Connections)
#include "tst_connections.moc"
