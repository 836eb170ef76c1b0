// SPDX-License-Identifier: MIT
// The asynchronous open (MainWindow::openFileAsync, DocumentLoader): the same document and
// scene as the synchronous open, errors open nothing and are shown, a second open
// supersedes the first, a New, Open Recent or drop made while a file loads supersedes the
// load (the unsaved-changes prompt still comes first), and the event loop keeps turning
// while a large file is read.
#include "associationitem.h"
#include "diagramscene.h"
#include "document.h"
#include "mainwindow.h"
#include "projectwriter.h"
#include "schemagenerator.h"
#include "shell/documentloader.h"
#include "shell/filedrop.h"
#include "shell/recentfiles.h"
#include "tableitem.h"
#include "viewtestsupport.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QMessageBox>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QUndoCommand>

using namespace Junction;

namespace {

QString example(const char *name)
{
    return QStringLiteral(JUNCTION_EXAMPLES "/") + QString::fromUtf8(name);
}

// Every box by id with its position, every edge by id with its ends: the scene as built.
QStringList sceneSummary(const DiagramScene &scene)
{
    QStringList lines;
    for (const TableItem *table : scene.tableItems())
        lines << QStringLiteral("table %1 at %2,%3 size %4x%5")
                     .arg(table->entityId().toString())
                     .arg(table->pos().x())
                     .arg(table->pos().y())
                     .arg(table->boundingRect().width())
                     .arg(table->boundingRect().height());
    for (const AssociationItem *edge : scene.associationItems())
        lines << QStringLiteral("edge %1 path %2")
                     .arg(edge->associationId().toString())
                     .arg(edge->path().elementCount());
    lines.sort();
    return lines;
}

QStringList resolvedTables(const Document &document)
{
    QStringList names;
    for (const ResolvedTable &table : document.resolved().tables)
        names << table.name + QLatin1Char(':') + QString::number(table.columns.size());
    return names;
}

// Answers every message box that comes up with `button` and keeps their texts.
class MessageBoxAnswerer : public QObject
{
public:
    explicit MessageBoxAnswerer(QMessageBox::StandardButton button)
        : m_button(button)
    {
        connect(&m_timer, &QTimer::timeout, this, [this] {
            if (auto box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                texts << box->text();
                box->button(m_button)->click();
            }
        });
        m_timer.start(10);
    }
    QStringList texts;

private:
    QMessageBox::StandardButton m_button;
    QTimer m_timer;
};

// Lets every worker the loader started finish and their results reach the event loop: a
// load that was not dropped would show itself after this.
void settleWorkers()
{
    QThreadPool::globalInstance()->waitForDone();
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents();
}

QAction *action(const MainWindow &window, const char *name)
{
    return window.findChild<QAction *>(QString::fromLatin1(name));
}

} // namespace

class tst_AsyncOpen : public QObject
{
    Q_OBJECT

private slots:
    // Opens add to the recent files: this run's settings must not leak into the next.
    void initTestCase() { Testing::useFreshTestSettings(); }
    void sameAsSynchronous();
    void errorOpensNothing();
    void secondOpenSupersedesFirst();
    void newSupersedesPendingOpen();
    void requestsDuringOpenAskFirst();
    void eventLoopTurnsWhileLoading();
};

void tst_AsyncOpen::sameAsSynchronous()
{
    const QString path = example("shop.junction.json");
    MainWindow sync;
    sync.show();
    QVERIFY(sync.openFile(path));

    MainWindow async;
    async.show();
    QVERIFY(QTest::qWaitForWindowExposed(&async));
    const Document *before = async.document();
    async.openFileAsync(path);
    // Nothing replaced yet: the window says it is busy.
    QCOMPARE(async.document(), before);
    QVERIFY(async.documentLoader()->isLoading());
    QVERIFY2(async.statusBar()->currentMessage().contains(QLatin1String("shop.junction.json")),
             qPrintable(async.statusBar()->currentMessage()));
    QTRY_VERIFY(async.document() != before);
    QVERIFY(!async.documentLoader()->isLoading());
    QVERIFY(async.statusBar()->currentMessage().isEmpty());

    QCOMPARE(async.document()->filePath(), sync.document()->filePath());
    QVERIFY(!async.document()->isModified());
    QCOMPARE(ProjectWriter::toBytes(async.document()->project()),
             ProjectWriter::toBytes(sync.document()->project()));
    QCOMPARE(resolvedTables(*async.document()), resolvedTables(*sync.document()));
    QVERIFY(!async.scene()->tableItems().isEmpty());
    QCOMPARE(sceneSummary(*async.scene()), sceneSummary(*sync.scene()));
}

void tst_AsyncOpen::errorOpensNothing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.junction.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\n  \"junction\": 1,\n  \"models\": [ ,\n}\n");
    file.close();

    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const Document *before = window.document();

    QString shown;
    QTimer closer;
    connect(&closer, &QTimer::timeout, &closer, [&] {
        if (auto box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            shown = box->text();
            box->close();
        }
    });
    closer.start(20);
    window.openFileAsync(path);
    QTRY_VERIFY(!shown.isEmpty());
    closer.stop();

    QVERIFY2(shown.contains(QLatin1String("broken.junction.json")), qPrintable(shown));
    QVERIFY2(shown.contains(QLatin1String("Line 3")), qPrintable(shown));
    QCOMPARE(window.document(), before);
    QVERIFY(!window.documentLoader()->isLoading());
}

void tst_AsyncOpen::secondOpenSupersedesFirst()
{
    QTemporaryDir dir;
    const QString broken = dir.filePath(QStringLiteral("broken.junction.json"));
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{ \"junction\": 1, \"models\": [ , }");
    file.close();

    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy failed(window.documentLoader(), &DocumentLoader::failed);
    QSignalSpy loaded(window.documentLoader(), &DocumentLoader::loaded);
    // The broken file's load is dropped: no message, only the shop opens.
    window.openFileAsync(broken);
    window.openFileAsync(example("shop.junction.json"));
    QTRY_COMPARE(loaded.size(), 1);
    QTest::qWait(50); // the first worker's result, if any, would arrive by now
    QCOMPARE(failed.size(), 0);
    QVERIFY(QApplication::activeModalWidget() == nullptr);
    QVERIFY(window.document()->filePath().endsWith(QLatin1String("shop.junction.json")));
    QVERIFY(!window.scene()->tableItems().isEmpty());
}

void tst_AsyncOpen::newSupersedesPendingOpen()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy loaded(window.documentLoader(), &DocumentLoader::loaded);
    const Document *first = window.document();
    window.openFileAsync(example("shop.junction.json"));
    QVERIFY(window.documentLoader()->isLoading());

    // Nothing to save: File > New replaces the document at once and the shop never comes.
    action(window, "newAction")->trigger();
    QVERIFY(!window.documentLoader()->isLoading());
    const Document *fresh = window.document();
    QVERIFY(fresh != first);
    QVERIFY(fresh->filePath().isEmpty());
    QCOMPARE(window.statusBar()->currentMessage(),
             QStringLiteral("Stopped opening shop.junction.json"));
    settleWorkers();
    QCOMPARE(loaded.size(), 0);
    QCOMPARE(window.document(), fresh);
    QVERIFY(window.scene()->tableItems().isEmpty());
    QVERIFY(!window.document()->isModified());

    // Closing while a file loads drops the load too.
    window.openFileAsync(example("shop.junction.json"));
    QVERIFY(window.close());
    settleWorkers();
    QCOMPARE(loaded.size(), 0);
}

void tst_AsyncOpen::requestsDuringOpenAskFirst()
{
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("copy.junction.json"));
    QVERIFY(QFile::copy(example("shop.junction.json"), copy));
    const QString blog = QFileInfo(example("blog.junction.json")).absoluteFilePath();

    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openFile(blog));
    Document *edited = window.document();
    edited->setAutosaveInterval(0);
    QVERIFY(edited->push(std::make_unique<QUndoCommand>(QStringLiteral("edit"))));
    QVERIFY(edited->isModified());
    QSignalSpy loaded(window.documentLoader(), &DocumentLoader::loaded);
    QSignalSpy failed(window.documentLoader(), &DocumentLoader::failed);

    // New while the shop loads: the prompt about the blog's changes comes first (the load
    // is stopped before it, so it cannot land while the user is asked); Cancel keeps the
    // blog as it is, and the shop is not opened behind the user's back.
    window.openFileAsync(example("shop.junction.json"));
    {
        MessageBoxAnswerer cancel(QMessageBox::Cancel);
        action(window, "newAction")->trigger();
        QCOMPARE(cancel.texts.size(), 1);
        QVERIFY2(cancel.texts.first().contains(QLatin1String("unsaved changes")),
                 qPrintable(cancel.texts.first()));
    }
    QVERIFY(!window.documentLoader()->isLoading());
    settleWorkers();
    QCOMPARE(loaded.size(), 0);
    QCOMPARE(window.document(), edited);
    QCOMPARE(window.document()->filePath(), blog);
    QVERIFY(window.document()->isModified());

    // A file dropped while the shop loads: asked first, then the dropped file opens, never
    // the shop. The drop's report comes at once here: a real drop reports queued, and the
    // shop's load could end first and open it (tst_shell drops real events).
    window.openFileAsync(example("shop.junction.json"));
    {
        MessageBoxAnswerer discard(QMessageBox::Discard);
        emit window.findChild<FileDrop *>()->fileDropped(copy);
        QTRY_COMPARE(window.document()->filePath(), copy);
        QCOMPARE(discard.texts.size(), 1);
    }
    settleWorkers();
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(window.document()->filePath(), copy);
    QVERIFY(!window.document()->isModified());

    // Open Recent while a file loads: nothing to save, no prompt; the recent file wins.
    window.openFileAsync(example("shop.junction.json"));
    {
        MessageBoxAnswerer none(QMessageBox::Cancel);
        emit window.recentFiles()->fileRequested(blog);
        QTRY_COMPARE(window.document()->filePath(), blog);
        QCOMPARE(none.texts, QStringList());
    }
    settleWorkers();
    QCOMPARE(loaded.size(), 2);
    QCOMPARE(window.document()->filePath(), blog);
}

void tst_AsyncOpen::eventLoopTurnsWhileLoading()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("large.junction.json"));
    const Project project
        = Bench::generateProject(Bench::sizeXL.models, Bench::sizeXL.associations);
    QString error;
    QVERIFY2(ProjectWriter::writeFile(project, path, &error), qPrintable(error));

    DocumentLoader loader;
    QSignalSpy loaded(&loader, &DocumentLoader::loaded);
    QElapsedTimer clock;
    qint64 last = 0;
    qint64 longestGap = 0;
    int ticks = 0;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    connect(&ticker, &QTimer::timeout, &ticker, [&] {
        const qint64 now = clock.elapsed();
        longestGap = std::max(longestGap, now - last);
        last = now;
        ++ticks;
    });
    clock.start();
    ticker.start(20);
    loader.load(path);
    QVERIFY(loaded.wait(30000));
    ticker.stop();
    longestGap = std::max(longestGap, clock.elapsed() - last);

    qInfo("XL file loaded in %lld ms, %d ticks, longest gap %lld ms", clock.elapsed(), ticks,
          longestGap);
    // Read and resolved on the UI thread, this file blocks it for several hundred ms.
    QVERIFY2(longestGap <= 100, qPrintable(QString::number(longestGap)));
    QVERIFY(ticks >= 2);
    const std::unique_ptr<Document> document = loader.takeDocument();
    QVERIFY(document);
    QCOMPARE(document->project().entities.size(), Bench::sizeXL.models);
    QCOMPARE(document->resolved().tables.size(), resolve(project).tables.size());
}

QTEST_MAIN(tst_AsyncOpen)
#include "tst_asyncopen.moc"
