// SPDX-License-Identifier: MIT
// The "keychain present" path of the connection manager, against a real Secret Service:
// with-keyring.sh (CTest runs this test through it) starts a private D-Bus session with an
// unlocked gnome-keyring in a temporary HOME. Debian's QtKeychain (Qt 6) reaches it through
// libsecret. A saved password goes there and nowhere else, a reopened project connects
// with it without asking, a connection edited to another database takes its password along,
// and removing the connection deletes the entry; undo puts entries back each time.
#include "connectiondialog.h"
#include "connectionform.h"
#include "connectionprofile.h"
#include "dbtestsupport.h"
#include "document.h"
#include "keychainfollower.h"
#include "passworddialog.h"
#include "passwordstore.h"
#include "projectreader.h"
#include "viewtestsupport.h"

#include <qt6keychain/keychain.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTimer>

using namespace Junction;
using namespace Junction::DbTest;

namespace {

const QString service = QStringLiteral("Junction"); // what the application's store uses

// What QtKeychain itself reads for `key`: the password, or the error code.
struct KeychainEntry
{
    int error = -1;
    QString password;
};

KeychainEntry readThroughQtKeychain(const QString &key)
{
    QKeychain::ReadPasswordJob job(service);
    job.setAutoDelete(false);
    job.setInsecureFallback(false);
    job.setKey(key);
    QSignalSpy finished(&job, &QKeychain::Job::finished);
    job.start();
    if (!finished.wait(20000))
        return {};
    return {int(job.error()), job.textData()};
}

// The same entry seen from outside Qt, through libsecret's own command-line tool: proves
// the password is in the Secret Service (gnome-keyring), not in some other place that
// QtKeychain might have chosen.
QString secretToolLookup(const QString &key)
{
    QProcess tool;
    tool.start(
        QStringLiteral("secret-tool"),
        {QStringLiteral("lookup"), QStringLiteral("server"), service, QStringLiteral("user"), key});
    if (!tool.waitForFinished(20000))
        return QStringLiteral("<secret-tool hung>");
    return QString::fromUtf8(tool.readAllStandardOutput());
}

void typeInto(QWidget *parent, const char *name, const QString &text)
{
    auto *edit = parent->findChild<QLineEdit *>(QString::fromLatin1(name));
    QVERIFY2(edit, name);
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

// Counts (and turns down) every password prompt that appears while it lives.
class PromptWatch : public QObject
{
public:
    PromptWatch()
    {
        connect(&m_timer, &QTimer::timeout, this, [this] {
            for (QWidget *w : QApplication::topLevelWidgets()) {
                auto *prompt = qobject_cast<PasswordDialog *>(w);
                if (prompt && prompt->isVisible()) {
                    ++prompts;
                    prompt->reject();
                }
            }
        });
        m_timer.start(10);
    }
    int prompts = 0;

private:
    QTimer m_timer;
};

// Every file under `root` whose bytes contain `secret`.
QStringList filesUnder(const QString &root, const QByteArray &secret)
{
    QStringList hits;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(secret))
            hits << path;
    }
    return hits;
}

// The saved project reopened with the connection dialog on it, wired as the window wires
// them: the store, and the follower that keeps the keychain in step with the document.
struct ReopenedProject
{
    explicit ReopenedProject(const QString &path)
        : loaded(ProjectReader::readFile(path))
        , document(loaded.project ? *loaded.project : Project(), path)
        , follower(&store)
        , dialog(&document, &store)
    {
        follower.setDocument(&document);
        dialog.show();
    }
    LoadResult loaded;
    Document document;
    PasswordStore store;
    KeychainFollower follower;
    ConnectionDialog dialog;
};

} // namespace

class tst_Keychain : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void secretServiceFound();
    void savedPasswordGoesToKeychainOnly();
    void reopenedProjectConnectsFromKeychain();
    void editedConnectionCarriesPassword();
    void removingConnectionDeletesEntry();

private:
    QTemporaryDir m_dir;
    QString m_projectPath;
    QString m_key;
};

void tst_Keychain::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("JunctionTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_keychain"));
    Junction::Testing::useFreshTestSettings();
    QVERIFY(m_dir.isValid());
    m_projectPath = m_dir.filePath(QStringLiteral("keychain.junction.json"));

    PasswordStore store;
    bool probed = false;
    store.probe(this, [&probed] { probed = true; });
    QTRY_VERIFY_WITH_TIMEOUT(probed, 30000);
    if (store.hasKeychain())
        return;
    // with-keyring.sh started a Secret Service for this run: not finding it is a failure.
    if (qEnvironmentVariableIsSet("JUNCTION_TEST_KEYRING") || serversRequired())
        QFAIL(qPrintable(QStringLiteral("QtKeychain finds no keychain: ")
                         + store.unavailableReason()));
    QSKIP("no keychain service (CTest runs this test through tests/views/with-keyring.sh)");
}

// QtKeychain's libsecret backend finds gnome-keyring: a write through the application's
// store is read back by QtKeychain and by secret-tool.
void tst_Keychain::secretServiceFound()
{
    PasswordStore store;
    bool answered = false;
    bool ok = false;
    QString error;
    store.write(QStringLiteral("probe://kc"), QStringLiteral("kc-probe-7"), this,
                [&](bool written, const QString &message) {
                    answered = true;
                    ok = written;
                    error = message;
                });
    QTRY_VERIFY_WITH_TIMEOUT(answered, 20000);
    QVERIFY2(ok, qPrintable(error));
    QVERIFY(store.hasKeychain());
    const KeychainEntry entry = readThroughQtKeychain(QStringLiteral("probe://kc"));
    QCOMPARE(entry.error, int(QKeychain::NoError));
    QCOMPARE(entry.password, QStringLiteral("kc-probe-7"));
    QCOMPARE(secretToolLookup(QStringLiteral("probe://kc")), QStringLiteral("kc-probe-7"));

    store.remove(QStringLiteral("probe://kc"));
    QTRY_COMPARE_WITH_TIMEOUT(readThroughQtKeychain(QStringLiteral("probe://kc")).error,
                              int(QKeychain::EntryNotFound), 20000);
}

// The user types the password, ticks "save in keychain", tests and presses OK: the keychain
// holds it, the project file and the settings do not.
void tst_Keychain::savedPasswordGoesToKeychainOnly()
{
    if (!hasServer(Engine::Postgres)) {
        if (serversRequired())
            QFAIL("JUNCTION_REQUIRE_SERVERS=1 but the PostgreSQL test server is not configured");
        QSKIP("PostgreSQL test server not configured (scripts/test.sh starts it)");
    }
    const QString secret = password(Engine::Postgres);
    QVERIFY(!secret.isEmpty());
    Document document;
    QString error;
    QVERIFY2(document.saveAs(m_projectPath, &error), qPrintable(error));
    PasswordStore store;
    {
        ConnectionDialog dialog(&document, &store);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("addButton")),
                          Qt::LeftButton);
        ConnectionForm *form = dialog.form();
        auto *engine = form->findChild<QComboBox *>(QStringLiteral("engineCombo"));
        engine->setFocus();
        engine->setCurrentIndex(engine->findData(QStringLiteral("postgres")));
        typeInto(form, "nameEdit", QStringLiteral("staging"));
        typeInto(form, "hostEdit", env(Engine::Postgres, "HOST"));
        form->findChild<QSpinBox *>(QStringLiteral("portSpin"))
            ->setValue(env(Engine::Postgres, "PORT").toInt());
        typeInto(form, "databaseEdit", env(Engine::Postgres, "DATABASE"));
        typeInto(form, "userEdit", env(Engine::Postgres, "USER"));
        typeInto(form, "passwordEdit", secret);

        auto *save = form->findChild<QCheckBox *>(QStringLiteral("savePasswordCheck"));
        QVERIFY(save);
        QTRY_VERIFY2(save->isEnabled(), "the form does not offer the keychain that is there");
        if (!save->isChecked())
            QTest::mouseClick(save, Qt::LeftButton, {}, QPoint(5, save->height() / 2));
        QVERIFY(save->isChecked());

        QSignalSpy tested(&dialog, &ConnectionDialog::testFinished);
        QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
        QVERIFY(tested.wait(20000));
        QVERIFY2(tested.first().first().toBool(), qPrintable(dialog.statusLabel()->text()));
        QTest::mouseClick(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }
    QCOMPARE(document.project().connections.size(), 1);
    m_key = ConnectionProfile::key(document.project().connections.first());
    QVERIFY2(!m_key.contains(secret), qPrintable(m_key));

    // In the keychain, as QtKeychain and libsecret read it.
    QTRY_COMPARE_WITH_TIMEOUT(readThroughQtKeychain(m_key).password, secret, 20000);
    QCOMPARE(secretToolLookup(m_key), secret);

    // Not in the project, not in any settings file.
    QVERIFY2(document.saveAs(m_projectPath, &error), qPrintable(error));
    QSettings().sync();
    QSettings(service).sync(); // QtKeychain's plaintext fallback file, were it ever used
    QFile saved(m_projectPath);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    const QByteArray bytes = saved.readAll();
    QVERIFY2(bytes.contains("\"connections\""), bytes.constData());
    QVERIFY2(!bytes.contains(secret.toUtf8()), bytes.constData());
    QCOMPARE(filesContaining(secret.toUtf8()), QStringList());
    for (const QString &settingsFile : {QSettings().fileName(), QSettings(service).fileName()}) {
        QFile file(settingsFile);
        if (file.open(QIODevice::ReadOnly))
            QVERIFY2(!file.readAll().contains(secret.toUtf8()), qPrintable(settingsFile));
    }
    // The whole private HOME, the keyring's own (encrypted) files included.
    const QString home = qEnvironmentVariable("JUNCTION_TEST_KEYRING");
    if (!home.isEmpty()) {
        QVERIFY(QDir(home + QStringLiteral("/data/keyrings")).exists());
        QCOMPARE(filesUnder(home, secret.toUtf8()), QStringList());
    }
    QCOMPARE(filesUnder(m_dir.path(), secret.toUtf8()), QStringList());
}

// A new session: the project is read from its file, and Test connects with the password
// from the keychain; no prompt appears.
void tst_Keychain::reopenedProjectConnectsFromKeychain()
{
    if (m_key.isEmpty())
        QSKIP("needs savedPasswordGoesToKeychainOnly");
    LoadResult loaded = ProjectReader::readFile(m_projectPath);
    QVERIFY(loaded.project);
    Document document(*loaded.project, m_projectPath);
    QCOMPARE(document.project().connections.size(), 1);
    QCOMPARE(ConnectionProfile::key(document.project().connections.first()), m_key);

    PasswordStore store; // a fresh one: it knows nothing yet
    ConnectionDialog dialog(&document, &store);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.list()->setCurrentRow(0);
    QVERIFY(dialog.form()->password().isEmpty()); // nothing typed this session

    PromptWatch watch;
    QSignalSpy tested(&dialog, &ConnectionDialog::testFinished);
    QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
    QVERIFY(tested.wait(20000));
    QCOMPARE(watch.prompts, 0);
    QVERIFY2(tested.first().first().toBool(), qPrintable(dialog.statusLabel()->text()));
    QVERIFY2(dialog.statusLabel()->text().startsWith(QLatin1String("Connected to")),
             qPrintable(dialog.statusLabel()->text()));
    QVERIFY(store.hasKeychain());
}

// The connection is edited to name another database, no password typed: the password moves
// to the new key and the old entry goes. Undo moves it back.
void tst_Keychain::editedConnectionCarriesPassword()
{
    if (m_key.isEmpty())
        QSKIP("needs savedPasswordGoesToKeychainOnly");
    const QString secret = password(Engine::Postgres);
    ReopenedProject project(m_projectPath);
    QVERIFY(project.loaded.project);
    Document &document = project.document;
    ConnectionDialog &dialog = project.dialog;
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTRY_VERIFY_WITH_TIMEOUT(project.store.hasKeychain(), 20000);
    dialog.list()->setCurrentRow(0);
    typeInto(dialog.form(), "databaseEdit", QStringLiteral("reporting"));
    QVERIFY(dialog.form()->password().isEmpty());
    QTest::mouseClick(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(document.project().connections.size(), 1);
    const QString movedKey = ConnectionProfile::key(document.project().connections.first());
    QVERIFY2(movedKey != m_key && movedKey.contains(QLatin1String("reporting")),
             qPrintable(movedKey));

    QTRY_COMPARE_WITH_TIMEOUT(readThroughQtKeychain(movedKey).password, secret, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(readThroughQtKeychain(m_key).error, int(QKeychain::EntryNotFound),
                              20000);

    document.undoStack()->undo();
    QCOMPARE(ConnectionProfile::key(document.project().connections.first()), m_key);
    QTRY_COMPARE_WITH_TIMEOUT(readThroughQtKeychain(m_key).password, secret, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(readThroughQtKeychain(movedKey).error,
                              int(QKeychain::EntryNotFound), 20000);
    QCOMPARE(secretToolLookup(movedKey), QString());
}

// Remove + OK deletes the keychain entry; the saved project then has no connection. Undo
// brings the connection back and its entry with it, redo takes both away again.
void tst_Keychain::removingConnectionDeletesEntry()
{
    if (m_key.isEmpty())
        QSKIP("needs savedPasswordGoesToKeychainOnly");
    const QString secret = password(Engine::Postgres);
    ReopenedProject project(m_projectPath);
    QVERIFY(project.loaded.project);
    Document &document = project.document;
    ConnectionDialog &dialog = project.dialog;
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTRY_VERIFY_WITH_TIMEOUT(project.store.hasKeychain(), 20000); // the dialog's own probe
    dialog.list()->setCurrentRow(0);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("removeButton")),
                      Qt::LeftButton);
    QCOMPARE(dialog.list()->count(), 0);
    QTest::mouseClick(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(document.project().connections.isEmpty());

    QTRY_COMPARE_WITH_TIMEOUT(readThroughQtKeychain(m_key).error, int(QKeychain::EntryNotFound),
                              20000);
    QCOMPARE(secretToolLookup(m_key), QString());
    QCOMPARE(project.follower.heldCount(), 1);

    document.undoStack()->undo();
    QCOMPARE(document.project().connections.size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(readThroughQtKeychain(m_key).password, secret, 20000);
    QCOMPARE(project.follower.heldCount(), 0);

    document.undoStack()->redo();
    QVERIFY(document.project().connections.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(readThroughQtKeychain(m_key).error, int(QKeychain::EntryNotFound),
                              20000);
    QCOMPARE(secretToolLookup(m_key), QString());
}

QTEST_MAIN(tst_Keychain)
#include "tst_keychain.moc"
