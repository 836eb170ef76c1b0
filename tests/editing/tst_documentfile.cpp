// SPDX-License-Identifier: MIT
// The document's files: save and open through the core IO with a .bak of the previous
// version, open failures with line and column, and the autosave recovery file across a
// simulated crash.
#include "documenttestsupport.h"

#include "commands/entitycommands.h"
#include "commands/projectcommands.h"

#include <QDir>
#include <QFileInfo>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace Junction;
using namespace Junction::Testing;

namespace {

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

void edit(Document &document, const QString &name)
{
    QVERIFY(document.push(Commands::renameProject(document, name)));
    document.breakMergeSequence();
}

QStringList recoveryDirectory()
{
    return QDir(RecoveryStore::directory()).entryList(QDir::Files, QDir::Name);
}

} // namespace

class tst_DocumentFile : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void saveThenOpenIsIdentical();
    void saveNeedsAPath();
    void failedSaveKeepsTheDocument();
    void openFailure_data();
    void openFailure();
    void recoveryWrittenWhileModified();
    void autosave();
    void recoveryOfferedAfterCrash();
    void recoveryDiscarded();
    void untitledRecovery();

private:
    QString copyOfFixture();
    QTemporaryDir m_dir;
};

void tst_DocumentFile::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void tst_DocumentFile::init()
{
    QDir(RecoveryStore::directory()).removeRecursively();
}

QString tst_DocumentFile::copyOfFixture()
{
    const QString path = m_dir.filePath(QStringLiteral("%1.junction.json")
                                            .arg(QString::fromLatin1(QTest::currentTestFunction())));
    QFile::remove(path);
    QFile::remove(Document::backupPath(path));
    if (!QFile::copy(fixturePath(), path))
        qFatal("cannot copy the fixture");
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return path;
}

void tst_DocumentFile::saveThenOpenIsIdentical()
{
    const QString path = copyOfFixture();
    const QByteArray original = readAll(path);
    auto document = Document::open(path);
    QVERIFY(document);
    QCOMPARE(document->filePath(), QFileInfo(path).absoluteFilePath());
    QCOMPARE(document->displayName(), QFileInfo(path).fileName());
    Entity e;
    e.name = s("Comment");
    QVERIFY(document->push(Commands::addEntity(*document, e, QPointF(10.5, 20))));
    QVERIFY(document->isModified());

    QString error;
    QVERIFY2(document->save(&error), qPrintable(error));
    QVERIFY(!document->isModified());
    const QByteArray saved = readAll(path);
    JUNCTION_COMPARE_BYTES(saved, bytesOf(*document));
    QCOMPARE(readAll(Document::backupPath(path)), original);

    auto reopened = Document::open(path);
    QVERIFY(reopened);
    JUNCTION_COMPARE_BYTES(bytesOf(*reopened), saved);
    QVERIFY(reopened->save(&error));
    QCOMPARE(readAll(path), saved); // open -> save changes no byte

    // The next save keeps the version before it.
    edit(*document, s("Second"));
    QVERIFY(document->save(&error));
    QCOMPARE(readAll(Document::backupPath(path)), saved);

    // Save as: a new file has no previous version; the document follows the new path.
    QSignalSpy pathSpy(document.get(), &Document::filePathChanged);
    const QString other = m_dir.filePath(s("other.junction.json"));
    edit(*document, s("Third"));
    QVERIFY(document->saveAs(other, &error));
    QCOMPARE(pathSpy.count(), 1);
    QCOMPARE(document->filePath(), QFileInfo(other).absoluteFilePath());
    QVERIFY(!QFileInfo::exists(Document::backupPath(other)));
    JUNCTION_COMPARE_BYTES(readAll(other), bytesOf(*document));
}

void tst_DocumentFile::saveNeedsAPath()
{
    auto document = Document::newDocument();
    edit(*document, s("New"));
    QString error;
    QVERIFY(!document->save(&error));
    QVERIFY(!error.isEmpty());
    QVERIFY(document->isModified());
}

void tst_DocumentFile::failedSaveKeepsTheDocument()
{
    auto document = Document::open(copyOfFixture());
    edit(*document, s("Changed"));
    const QString directory = m_dir.filePath(s("a-directory"));
    QVERIFY(QDir().mkpath(directory));
    QString error;
    QVERIFY(!document->saveAs(directory, &error));
    QVERIFY2(error.contains(QDir::toNativeSeparators(directory)), qPrintable(error));
    QVERIFY(document->isModified());
    QVERIFY(document->filePath() != QFileInfo(directory).absoluteFilePath());
}

void tst_DocumentFile::openFailure_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::newRow("JSON syntax")
        << QByteArray("{\n  \"junction\": 1,\n  \"models\": [\n    { \"name\": \"A\", }\n  ]\n}\n")
        << s("json-syntax") << 4 << 20; // at the "}" after the comma
    QTest::newRow("wrong type")
        << QByteArray("{\n  \"junction\": 1,\n  \"models\": [\n    { \"name\": 5, \"attributes\": [] }\n  ]\n}\n")
        << s("wrong-type") << 4 << 15;
    QTest::newRow("newer format")
        << QByteArray("{\n  \"junction\": 99,\n  \"models\": []\n}\n")
        << s("format-version-newer") << 2 << 15;
}

void tst_DocumentFile::openFailure()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, code);
    QFETCH(int, line);
    QFETCH(int, column);
    const QString path = m_dir.filePath(s("broken.junction.json"));
    QVERIFY(writeAll(path, content));
    Diagnostics diagnostics;
    QVERIFY(!Document::open(path, &diagnostics));
    QVERIFY(!diagnostics.isEmpty());
    const Diagnostic &d = diagnostics.first();
    QCOMPARE(d.severity, Diagnostic::Severity::Error);
    QCOMPARE(d.code, code);
    QCOMPARE(d.line, line);
    QCOMPARE(d.column, column);
    QVERIFY(!d.message.isEmpty());

    diagnostics.clear();
    QVERIFY(!Document::open(m_dir.filePath(s("missing.junction.json")), &diagnostics));
    QVERIFY(hasErrors(diagnostics));
}

void tst_DocumentFile::recoveryWrittenWhileModified()
{
    const QString path = copyOfFixture();
    auto document = Document::open(path);
    document->setAutosaveInterval(0);
    QVERIFY(document->recoveryFilePath().isEmpty());
    edit(*document, s("Unsaved"));
    QString error;
    QVERIFY2(document->writeRecovery(&error), qPrintable(error));
    const QString recovery = document->recoveryFilePath();
    QVERIFY(recovery.startsWith(RecoveryStore::directory()));
    QVERIFY2(QFileInfo(recovery).fileName().startsWith(QFileInfo(path).fileName() + u'-'),
             qPrintable(recovery));
    JUNCTION_COMPARE_BYTES(readAll(recovery), bytesOf(*document));
    // A running document's recovery is not offered to another window.
    QVERIFY(Document::pendingRecoveries().isEmpty());

    // Undo back to the saved state: nothing to recover.
    document->undoStack()->undo();
    QVERIFY(!QFileInfo::exists(recovery));
    QVERIFY(recoveryDirectory().isEmpty());
}

void tst_DocumentFile::autosave()
{
    auto document = Document::open(copyOfFixture());
    document->setAutosaveInterval(20);
    QCOMPARE(document->autosaveInterval(), 20);
    QTest::qWait(60);
    QVERIFY(document->recoveryFilePath().isEmpty()); // not modified: nothing written

    edit(*document, s("First"));
    QTRY_VERIFY(!document->recoveryFilePath().isEmpty());
    QTRY_COMPARE(readAll(document->recoveryFilePath()), bytesOf(*document));
    edit(*document, s("Second"));
    QTRY_COMPARE(readAll(document->recoveryFilePath()), bytesOf(*document));

    const QString recovery = document->recoveryFilePath();
    QString error;
    QVERIFY(document->save(&error));
    QVERIFY(!QFileInfo::exists(recovery));
    QTest::qWait(60);
    QVERIFY(recoveryDirectory().isEmpty());
}

void tst_DocumentFile::recoveryOfferedAfterCrash()
{
    const QString path = copyOfFixture();
    const QByteArray onDisk = readAll(path);
    QByteArray unsaved;
    {
        auto document = Document::open(path);
        Entity e;
        e.name = s("Draft");
        QVERIFY(document->push(Commands::addEntity(*document, e, QPointF(5, 5))));
        edit(*document, s("Crashed"));
        QVERIFY(document->writeRecovery());
        unsaved = bytesOf(*document);
        // The document goes away unsaved, as in a crash: no save, no discard.
    }
    QCOMPARE(readAll(path), onDisk);

    const QList<RecoveryFile> pending = Document::pendingRecoveries();
    QCOMPARE(pending.size(), 1);
    QCOMPARE(pending.first().originalPath, QFileInfo(path).absoluteFilePath());
    QCOMPARE(pending.first().projectName, s("Crashed"));
    QVERIFY(pending.first().written.isValid());

    Diagnostics diagnostics;
    auto restored = Document::restoreRecovery(pending.first(), &diagnostics);
    QVERIFY(restored);
    JUNCTION_COMPARE_BYTES(bytesOf(*restored), unsaved);
    QVERIFY(restored->isModified());
    QCOMPARE(restored->filePath(), QFileInfo(path).absoluteFilePath());
    QCOMPARE(restored->recoveryFilePath(), pending.first().path);
    QVERIFY(Document::pendingRecoveries().isEmpty()); // this window has it now
    QVERIFY(!Document::restoreRecovery(pending.first(), &diagnostics)); // not twice

    QString error;
    QVERIFY2(restored->save(&error), qPrintable(error));
    QVERIFY(!restored->isModified());
    JUNCTION_COMPARE_BYTES(readAll(path), unsaved);
    QCOMPARE(readAll(Document::backupPath(path)), onDisk);
    QVERIFY(!QFileInfo::exists(pending.first().path));
    QVERIFY(recoveryDirectory().isEmpty());
    QVERIFY(Document::pendingRecoveries().isEmpty());
}

void tst_DocumentFile::recoveryDiscarded()
{
    const QString path = copyOfFixture();
    {
        auto document = Document::open(path);
        edit(*document, s("Lost"));
        QVERIFY(document->writeRecovery());
    }
    QList<RecoveryFile> pending = Document::pendingRecoveries();
    QCOMPARE(pending.size(), 1);
    QVERIFY(Document::discardRecovery(pending.first()));
    QVERIFY(Document::pendingRecoveries().isEmpty());
    QVERIFY(recoveryDirectory().isEmpty());

    // Closing a modified window without saving discards its recovery file.
    auto document = Document::open(path);
    edit(*document, s("Closed"));
    QVERIFY(document->writeRecovery());
    QVERIFY(QFileInfo::exists(document->recoveryFilePath()));
    document->removeRecovery();
    document.reset();
    QVERIFY(Document::pendingRecoveries().isEmpty());
    QVERIFY(recoveryDirectory().isEmpty());
}

void tst_DocumentFile::untitledRecovery()
{
    {
        auto first = Document::newDocument();
        edit(*first, s("Sketch"));
        QVERIFY(first->writeRecovery());
        QCOMPARE(QFileInfo(first->recoveryFilePath()).fileName(), s("untitled-1.junction.json"));
    }
    // A crash leftover is not overwritten by the next untitled document.
    auto second = Document::newDocument();
    edit(*second, s("Another"));
    QVERIFY(second->writeRecovery());
    QCOMPARE(QFileInfo(second->recoveryFilePath()).fileName(), s("untitled-2.junction.json"));

    const QList<RecoveryFile> pending = Document::pendingRecoveries();
    QCOMPARE(pending.size(), 1);
    QVERIFY(pending.first().originalPath.isEmpty());
    QCOMPARE(pending.first().projectName, s("Sketch"));
    auto restored = Document::restoreRecovery(pending.first());
    QVERIFY(restored);
    QVERIFY(restored->filePath().isEmpty());
    QCOMPARE(restored->project().name, s("Sketch"));
    restored->removeRecovery();
    second->removeRecovery();
    QVERIFY(recoveryDirectory().isEmpty());
}

QTEST_GUILESS_MAIN(tst_DocumentFile)
#include "tst_documentfile.moc"
