// SPDX-License-Identifier: MIT
// The asynchronous open (MainWindow::openFileAsync, DocumentLoader): the same document and
// scene as the synchronous open, errors open nothing and are shown, a second open
// supersedes the first, and the event loop keeps turning while a large file is read.
#include "associationitem.h"
#include "diagramscene.h"
#include "document.h"
#include "mainwindow.h"
#include "projectwriter.h"
#include "schemagenerator.h"
#include "shell/documentloader.h"
#include "tableitem.h"
#include "viewtestsupport.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QMessageBox>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

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
