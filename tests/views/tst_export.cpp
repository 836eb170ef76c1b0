// SPDX-License-Identifier: MIT
// File > Export on the offscreen platform: the diagram and the selection as PNG, SVG and
// PDF (valid files of the right shape, without selection marks), and the DDL per dialect.
#include "viewtestsupport.h"
#include "ddlexport.h"
#include "ddlgenerator.h"
#include "diagramexporter.h"
#include "diagramscene.h"
#include "document.h"
#include "exportmenu.h"
#include "mainwindow.h"
#include "tableitem.h"

#include <QAction>
#include <QFile>
#include <QImage>
#include <QMenuBar>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Junction;

class tst_Export : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void png();
    void pngWithoutSelectionMarks();
    void selectionPng();
    void svg();
    void pdf();
    void menuExportsDiagramAndDdl_data();
    void menuExportsDiagramAndDdl();
    void failuresSayWhy();

private:
    static QByteArray readAll(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    // A copy next to the screenshots, to look at.
    static void keep(const QString &path, const QString &name)
    {
        const QString copy = QStringLiteral(JUNCTION_SCREENSHOT_DIR "/") + name;
        QFile::remove(copy);
        QFile::copy(path, copy);
    }
    ExportMenu *exportMenu(MainWindow *window) const
    {
        return window->findChild<ExportMenu *>(QStringLiteral("exportMenu"));
    }
    static void select(MainWindow *window, const QStringList &models)
    {
        window->scene()->clearSelection();
        for (const QString &model : models)
            window->scene()->tableItem(EntityId(model))->setSelected(true);
    }
    QTemporaryDir m_dir;
};

void tst_Export::initTestCase()
{
    Junction::Testing::useFreshTestSettings();
    QVERIFY(m_dir.isValid());
}


void tst_Export::png()
{
    const auto window = Testing::openWindow(Testing::examplePath(QStringLiteral("blog.junction.json")));
    QVERIFY(window);
    DiagramExporter exporter(window->scene());
    const QRectF source = exporter.sourceRect();
    // Every box and edge, with the margin around.
    QCOMPARE(source, window->scene()->itemsBoundingRect().adjusted(-24, -24, 24, 24));

    const QString path = m_dir.filePath(QStringLiteral("blog.png"));
    QString error;
    QVERIFY2(exporter.exportTo(path, &error), qPrintable(error));
    QImage image;
    QVERIFY(image.load(path, "PNG"));
    QCOMPARE(image.size(), exporter.pngSize());
    QCOMPARE(image.width(), qRound(source.width() * 2)); // 2 pixels a unit: crisp on high DPI
    QVERIFY(qAbs(qreal(image.width()) / image.height() - source.width() / source.height()) < 0.01);
    // The margin is background (white on the light default palette); the boxes are drawn.
    QCOMPARE(exporter.background(), QColor(Qt::white));
    QCOMPARE(image.pixelColor(2, 2), QColor(Qt::white));
    QCOMPARE(image.pixelColor(image.width() - 3, image.height() - 3), QColor(Qt::white));
    const TableItem *user = window->scene()->tableItem(EntityId(QStringLiteral("m-user")));
    const QPointF header = (user->mapToScene(QPointF(4, 4)) - source.topLeft()) * 2;
    QVERIFY2(image.pixelColor(header.toPoint()) != QColor(Qt::white), "the User box is drawn");
    image.save(QStringLiteral(JUNCTION_SCREENSHOT_DIR "/export-blog.png"));
}

void tst_Export::pngWithoutSelectionMarks()
{
    const auto window = Testing::openWindow(Testing::examplePath(QStringLiteral("blog.junction.json")));
    QVERIFY(window);
    DiagramExporter exporter(window->scene());
    const QImage plain = exporter.renderImage();
    // Selected boxes and edges are drawn in orange on the canvas; not in an export.
    for (QGraphicsItem *item : window->scene()->items())
        item->setSelected(true);
    const QList<QGraphicsItem *> selected = window->scene()->selectedItems();
    QVERIFY(!selected.isEmpty());
    QCOMPARE(exporter.renderImage(), plain);
    // ... and the selection is as it was.
    QCOMPARE(window->scene()->selectedItems().size(), selected.size());
}

void tst_Export::selectionPng()
{
    const auto window = Testing::openWindow(Testing::examplePath(QStringLiteral("blog.junction.json")));
    QVERIFY(window);
    DiagramScene *scene = window->scene();
    select(window.get(), {QStringLiteral("m-post"), QStringLiteral("m-tag")});
    DiagramExporter exporter(scene);
    exporter.setScope(DiagramExporter::Scope::Selection);
    // The two boxes, the junction table between them and its edges.
    QRectF expected = scene->tableItem(EntityId(QStringLiteral("m-post")))->sceneBoundingRect()
                      | scene->tableItem(EntityId(QStringLiteral("m-tag")))->sceneBoundingRect()
                      | scene->junctionItem(QStringLiteral("PostTags"))->sceneBoundingRect();
    const QRectF source = exporter.sourceRect();
    QVERIFY2(source.contains(expected.adjusted(-24, -24, 24, 24)), "the selection and the junction");
    QVERIFY(source.width() * source.height() < DiagramExporter(scene).sourceRect().width()
                                                   * DiagramExporter(scene).sourceRect().height());

    const QString path = m_dir.filePath(QStringLiteral("selection.png"));
    QString error;
    QVERIFY2(exporter.exportTo(path, &error), qPrintable(error));
    QImage image(path);
    QVERIFY(!image.isNull());
    QVERIFY(qAbs(qreal(image.width()) / image.height() - source.width() / source.height()) < 0.01);
    // Boxes that are not exported stay on the canvas.
    for (TableItem *table : scene->tableItems())
        QVERIFY(table->isVisible());

    // Nothing selected, nothing to export.
    scene->clearSelection();
    QVERIFY(exporter.sourceRect().isEmpty());
    QVERIFY(!exporter.exportTo(m_dir.filePath(QStringLiteral("none.png")), &error));
    QVERIFY2(error.contains(QLatin1String("selected")), qPrintable(error));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("none.png"))));
}

void tst_Export::svg()
{
    const auto window = Testing::openWindow(Testing::examplePath(QStringLiteral("blog.junction.json")));
    QVERIFY(window);
    DiagramExporter exporter(window->scene());
    const QString path = m_dir.filePath(QStringLiteral("blog.svg"));
    QString error;
    QVERIFY2(exporter.exportTo(path, &error), qPrintable(error));
    const QByteArray bytes = readAll(path);
    keep(path, QStringLiteral("export-blog.svg"));
    QXmlStreamReader xml(bytes);
    QStringList texts;
    QString viewBox;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement) {
            if (xml.name() == QLatin1String("svg"))
                viewBox = xml.attributes().value(QLatin1String("viewBox")).toString();
            if (xml.name() == QLatin1String("text"))
                texts << xml.readElementText(QXmlStreamReader::IncludeChildElements);
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    // Text stays text: every model's name is in the drawing.
    for (const QString &name : {QStringLiteral("User"), QStringLiteral("Picture"),
                                QStringLiteral("Post"), QStringLiteral("Tag"),
                                QStringLiteral("PostTags")})
        QVERIFY2(texts.contains(name), qPrintable(name + QLatin1String(" in ") + texts.join(QLatin1Char('|'))));
    // Scene units, the margin included.
    const QRectF source = exporter.sourceRect();
    QCOMPARE(viewBox, QStringLiteral("0 0 %1 %2").arg(qRound(source.width())).arg(qRound(source.height())));

    // The selection's drawing names its models only.
    select(window.get(), {QStringLiteral("m-post"), QStringLiteral("m-tag")});
    exporter.setScope(DiagramExporter::Scope::Selection);
    const QString selection = m_dir.filePath(QStringLiteral("selection.svg"));
    QVERIFY2(exporter.exportTo(selection, &error), qPrintable(error));
    const QString text = QString::fromUtf8(readAll(selection));
    QVERIFY(text.contains(QLatin1String(">PostTags<")));
    QVERIFY(!text.contains(QLatin1String("Picture")));
}

void tst_Export::pdf()
{
    const auto window = Testing::openWindow(Testing::examplePath(QStringLiteral("blog.junction.json")));
    QVERIFY(window);
    DiagramExporter exporter(window->scene());
    const QString path = m_dir.filePath(QStringLiteral("blog.pdf"));
    QString error;
    QVERIFY2(exporter.exportTo(path, &error), qPrintable(error));
    const QByteArray bytes = readAll(path);
    keep(path, QStringLiteral("export-blog.pdf"));
    QVERIFY(bytes.startsWith("%PDF-"));
    QVERIFY2(bytes.size() > 4000, QByteArray::number(bytes.size()).constData());
    QVERIFY(bytes.trimmed().endsWith("%%EOF"));
    // One page, the diagram's shape.
    const QRegularExpression mediaBox(QStringLiteral("/MediaBox \\[0 0 ([0-9.]+) ([0-9.]+)\\]"));
    const QRegularExpressionMatch match = mediaBox.match(QString::fromLatin1(bytes));
    QVERIFY(match.hasMatch());
    const QRectF source = exporter.sourceRect();
    QVERIFY(qAbs(match.captured(1).toDouble() / match.captured(2).toDouble()
                 - source.width() / source.height())
            < 0.01);
    QCOMPARE(bytes.count("/Type /Page\n") + bytes.count("/Type /Page\r") + bytes.count("/Type /Page "), 1);
}

void tst_Export::menuExportsDiagramAndDdl_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("suggested");
    QTest::newRow("png") << "exportDiagramAction" << "m.png" << "blog.png";
    QTest::newRow("svg") << "exportDiagramAction" << "m.svg" << "blog.png";
    QTest::newRow("pdf") << "exportDiagramAction" << "m.pdf" << "blog.png";
    QTest::newRow("selection pdf") << "exportSelectionAction" << "s.pdf" << "blog.png";
    QTest::newRow("sqlite") << "exportDdlAction_sqlite" << "d.sqlite.sql" << "blog.sqlite.sql";
    QTest::newRow("postgres") << "exportDdlAction_postgres" << "d.postgres.sql" << "blog.postgres.sql";
    QTest::newRow("mysql") << "exportDdlAction_mysql" << "d.mysql.sql" << "blog.mysql.sql";
}

void tst_Export::menuExportsDiagramAndDdl()
{
    QFETCH(QString, action);
    QFETCH(QString, file);
    QFETCH(QString, suggested);
    const auto window = Testing::openWindow(Testing::examplePath(QStringLiteral("blog.junction.json")));
    QVERIFY(window);
    select(window.get(), {QStringLiteral("m-user")});
    ExportMenu *menu = exportMenu(window.get());
    QVERIFY(menu);
    // The menu is under File.
    QMenu *fileMenu = window->menuBar()->actions().first()->menu();
    QVERIFY(fileMenu->actions().contains(menu->menuAction()));

    const QString path = m_dir.filePath(file);
    QFile::remove(path);
    QString asked;
    menu->setPathAsker([&](const QString &, const QString &suggestedPath, const QString &) {
        asked = suggestedPath;
        return path;
    });
    emit menu->aboutToShow();
    QAction *trigger = menu->findChild<QAction *>(action);
    QVERIFY(trigger);
    QVERIFY(trigger->isEnabled());
    trigger->trigger();
    QCOMPARE(QFileInfo(asked).fileName(), suggested);
    const QByteArray bytes = readAll(path);
    QVERIFY2(!bytes.isEmpty(), qPrintable(path));
    if (file.endsWith(QLatin1String(".sql"))) {
        const Dialect::Kind kind = *Dialect::kindFromName(file.section(QLatin1Char('.'), 1, 1));
        QCOMPARE(QString::fromUtf8(bytes),
                 DdlGenerator::script(DdlGenerator(Dialect::get(kind)).schema(window->document()->resolved())));
    } else if (file.endsWith(QLatin1String(".png"))) {
        QVERIFY(!QImage::fromData(bytes, "PNG").isNull());
    } else if (file.endsWith(QLatin1String(".svg"))) {
        QVERIFY(bytes.contains("<svg"));
    } else {
        QVERIFY(bytes.startsWith("%PDF-"));
    }
}

void tst_Export::failuresSayWhy()
{
    const auto window = Testing::openWindow(Testing::examplePath(QStringLiteral("cycle.junction.json")));
    QVERIFY(window);
    ExportMenu *menu = exportMenu(window.get());
    QVERIFY(menu);
    // A project with errors has no DDL to export, and says why.
    QString error;
    const QString sql = m_dir.filePath(QStringLiteral("cycle.sql"));
    QVERIFY(!menu->exportDdl(Dialect::Kind::Postgres, sql, &error));
    QVERIFY2(error.contains(QLatin1String("Cyclic dependency")), qPrintable(error));
    QVERIFY(!QFile::exists(sql));
    // Nothing selected: the selection entry is off.
    window->scene()->clearSelection();
    emit menu->aboutToShow();
    QVERIFY(!menu->selectionAction()->isEnabled());
    // An unknown picture format.
    DiagramExporter exporter(window->scene());
    QVERIFY(!exporter.exportTo(m_dir.filePath(QStringLiteral("x.gif")), &error));
    QVERIFY2(error.contains(QLatin1String(".png")), qPrintable(error));
    // A folder that does not exist.
    QVERIFY(!exporter.exportTo(m_dir.filePath(QStringLiteral("no/such/x.png")), &error));
    QVERIFY2(error.contains(QLatin1String("x.png")), qPrintable(error));
}

QTEST_MAIN(tst_Export)
#include "tst_export.moc"
