// SPDX-License-Identifier: MIT
// The outline zoom's picture (OverviewCache): what the view shows from it matches what the
// items paint, the selection shows over it, a change of the diagram is never shown late (the
// part in view is drawn on the spot until the new picture is ready), and boxes being dragged
// are drawn where they are now.
#include "canvastheme.h"
#include "commands/layoutcommands.h"
#include "diagramscene.h"
#include "diagramview.h"
#include "document.h"
#include "overviewcache.h"
#include "projectreader.h"
#include "tableitem.h"

#include <QSignalSpy>
#include <QtTest>

using namespace Junction;

namespace {

// Of the pixels where either image shows the diagram (not the background), the share that
// differ by more than a little in any channel.
double differingShare(const QImage &a, const QImage &b)
{
    if (a.size() != b.size())
        return 1;
    const QImage x = a.convertToFormat(QImage::Format_RGB32);
    const QImage y = b.convertToFormat(QImage::Format_RGB32);
    const QRgb background = CanvasTheme::current().background.rgb() & 0xffffff;
    qint64 drawn = 0;
    qint64 differing = 0;
    for (int row = 0; row < x.height(); ++row) {
        const auto *p = reinterpret_cast<const QRgb *>(x.constScanLine(row));
        const auto *q = reinterpret_cast<const QRgb *>(y.constScanLine(row));
        for (int column = 0; column < x.width(); ++column) {
            if ((p[column] & 0xffffff) == background && (q[column] & 0xffffff) == background)
                continue;
            ++drawn;
            if (qAbs(qRed(p[column]) - qRed(q[column])) > 8
                || qAbs(qGreen(p[column]) - qGreen(q[column])) > 8
                || qAbs(qBlue(p[column]) - qBlue(q[column])) > 8)
                ++differing;
        }
    }
    return drawn > 0 ? double(differing) / drawn : 1;
}

int pixelsOf(const QImage &image, const QColor &color)
{
    const QImage x = image.convertToFormat(QImage::Format_RGB32);
    int count = 0;
    for (int row = 0; row < x.height(); ++row) {
        const auto *p = reinterpret_cast<const QRgb *>(x.constScanLine(row));
        for (int column = 0; column < x.width(); ++column)
            count += (p[column] & 0xffffff) == (color.rgb() & 0xffffff);
    }
    return count;
}

} // namespace

class tst_Overview : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void pictureMatchesTheItems();
    void selectionShowsOverThePicture();
    void changedDiagramIsNeverShownLate();
    void draggedBoxIsDrawnWhereItIs();
    void fitAllAfterAChangeFindsItsPictureMade();

private:
    QImage grab() { return m_view->viewport()->grab().toImage(); }
    // The same view painted by the items themselves (QGraphicsView::render does not go
    // through the view's paintEvent, where the picture is used).
    QImage paintedByItems()
    {
        QImage image(m_view->viewport()->size(), QImage::Format_ARGB32_Premultiplied);
        QPainter painter(&image);
        m_view->render(&painter, QRectF(image.rect()), m_view->viewport()->rect());
        return image;
    }
    static void compareImages(const QImage &a, const QImage &b, const char *what)
    {
        const double share = differingShare(a, b);
        QVERIFY2(share < 0.03,
                 qPrintable(QStringLiteral("%1: %2 % of the pixels differ").arg(what).arg(share * 100)));
    }

    std::unique_ptr<Document> m_document;
    std::unique_ptr<DiagramScene> m_scene;
    std::unique_ptr<DiagramView> m_view;
    OverviewCache *m_cache = nullptr;
};

void tst_Overview::init()
{
    LoadResult loaded
        = ProjectReader::readFile(QStringLiteral(JUNCTION_EXAMPLES "/shop.junction.json"));
    QVERIFY(loaded.project);
    m_document = std::make_unique<Document>(*loaded.project);
    m_scene = std::make_unique<DiagramScene>();
    m_view = std::make_unique<DiagramView>(m_scene.get());
    // Scroll bars coming and going as the scene grows would change the grabs' size.
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->resize(320, 240);
    m_view->show();
    m_view->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_view.get()));
    m_scene->setDocument(m_document.get());
    m_cache = m_view->findChild<OverviewCache *>();
    QVERIFY(m_cache);
    m_view->setZoom(0.11); // below TableItem::outlineZoom
    QVERIFY(m_view->zoom() < TableItem::outlineZoom);
    m_view->centerOn(m_scene->contentsRect().center());
}

void tst_Overview::cleanup()
{
    m_scene->setDocument(nullptr);
    m_view.reset();
    m_scene.reset();
    m_document.reset();
}

void tst_Overview::pictureMatchesTheItems()
{
    QSignalSpy ready(m_cache, &OverviewCache::ready);
    const QImage byItems = paintedByItems();
    // No picture yet; the whole diagram is about as large as the view: it is made on the spot.
    const QImage byPicture = grab();
    QCOMPARE(m_cache->renderCount(), 1);
    byItems.save(QStringLiteral(JUNCTION_SCREENSHOT_DIR "/overview-items.png"));
    byPicture.save(QStringLiteral(JUNCTION_SCREENSHOT_DIR "/overview-picture.png"));
    QVERIFY(pixelsOf(byPicture, CanvasTheme::current().header) > 500);
    QVERIFY(pixelsOf(byPicture, CanvasTheme::current().edge) > 10);
    compareImages(byItems, byPicture, "picture");
    // Showing it again makes nothing new, on the spot or on the worker.
    grab();
    QCOMPARE(m_cache->renderCount(), 1);
    QTest::qWait(50);
    QCOMPARE(ready.count(), 0);
}

void tst_Overview::selectionShowsOverThePicture()
{
    grab();
    QCOMPARE(m_cache->renderCount(), 1);
    const QColor selected = CanvasTheme::current().selected;
    QCOMPARE(pixelsOf(grab(), selected), 0);
    TableItem *order = nullptr;
    for (TableItem *table : m_scene->tableItems()) {
        if (table->content().title == QLatin1String("Order"))
            order = table;
    }
    QVERIFY(order);
    order->setSelected(true);
    const int pixels = pixelsOf(grab(), selected);
    const QSizeF size = order->size() * m_view->zoom();
    QVERIFY2(pixels >= 0.8 * size.width() * size.height(),
             qPrintable(QStringLiteral("%1 selected pixels").arg(pixels)));
    QCOMPARE(m_cache->renderCount(), 1); // the selection is not in the picture
}

void tst_Overview::changedDiagramIsNeverShownLate()
{
    grab();
    QCOMPARE(m_cache->renderCount(), 1);
    // Move one model far to the right: the old picture must not show, and the diagram is now
    // many times the view, so only the part in view is drawn on the spot while the whole
    // picture is made on the worker.
    const Entity &moved = m_document->project().entities.constFirst();
    const TableItem *item = m_scene->tableItem(moved.id);
    QVERIFY(item);
    QVERIFY(m_document->push(
        Commands::moveEntities(*m_document, {{moved.id, item->pos() + QPointF(30000, 0)}})));
    m_view->centerOn(item->sceneBoundingRect().center());
    QSignalSpy ready(m_cache, &OverviewCache::ready);
    const QImage byItems = paintedByItems();
    const QImage onTheSpot = grab();
    QCOMPARE(m_cache->renderCount(), 2); // the whole one was started
    QTRY_COMPARE(ready.count(), 1);
    const QImage byPicture = grab();
    byItems.save(QStringLiteral(JUNCTION_SCREENSHOT_DIR "/overview-moved-items.png"));
    onTheSpot.save(QStringLiteral(JUNCTION_SCREENSHOT_DIR "/overview-moved-on-the-spot.png"));
    byPicture.save(QStringLiteral(JUNCTION_SCREENSHOT_DIR "/overview-moved-picture.png"));
    QVERIFY(pixelsOf(byPicture, CanvasTheme::current().header) > 100);
    compareImages(byItems, onTheSpot, "on the spot");
    compareImages(byItems, byPicture, "picture");
    QCOMPARE(m_cache->renderCount(), 2);
}

void tst_Overview::draggedBoxIsDrawnWhereItIs()
{
    grab();
    QCOMPARE(m_cache->renderCount(), 1);
    // A real drag with the mouse: press on a box, move in steps, and look mid-drag.
    QWidget *viewport = m_view->viewport();
    TableItem *box = nullptr;
    QPoint press;
    for (TableItem *table : m_scene->tableItems()) {
        press = m_view->mapFromScene(table->sceneBoundingRect().center());
        const QList<QGraphicsItem *> under = m_view->items(press);
        if (!table->isDerived() && !under.isEmpty() && under.constFirst() == table) {
            box = table;
            break;
        }
    }
    QVERIFY2(box, "no model box on top anywhere");
    QTest::mousePress(viewport, Qt::LeftButton, {}, press);
    QCOMPARE(m_scene->mouseGrabberItem(), box);
    const QPointF before = box->pos();
    for (int step = 1; step <= 5; ++step)
        QTest::mouseMove(viewport, press + QPoint(step * 24, step * 16));
    QVERIFY2(box->pos() != before, "the box did not move");
    const QImage byItems = paintedByItems();
    const QImage midDrag = grab();
    midDrag.save(QStringLiteral(JUNCTION_SCREENSHOT_DIR "/overview-dragging.png"));
    compareImages(byItems, midDrag, "mid-drag");
    QCOMPARE(m_cache->renderCount(), 1); // nothing is made for a diagram that is moving
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, press + QPoint(120, 80));
    compareImages(paintedByItems(), grab(), "after the drop");
}

void tst_Overview::fitAllAfterAChangeFindsItsPictureMade()
{
    // At 100 %, a change makes the diagram many times the view: fit-all zooms below the
    // outline zoom.
    m_view->resetZoom();
    const Entity &moved = m_document->project().entities.constFirst();
    const TableItem *item = m_scene->tableItem(moved.id);
    QVERIFY(item);
    QSignalSpy ready(m_cache, &OverviewCache::ready);
    QVERIFY(m_document->push(
        Commands::moveEntities(*m_document, {{moved.id, item->pos() + QPointF(4000, 1500)}})));
    QVERIFY(m_view->fitZoom() < TableItem::outlineZoom);
    // A moment after the change, with nothing painted, the picture for fit-all is made.
    const int before = m_cache->renderCount();
    QTRY_COMPARE(ready.count(), 1);
    QCOMPARE(m_cache->renderCount(), before + 1);
    const int onTheSpot = m_cache->onTheSpotCount();
    m_view->fitAll();
    const QImage fitted = grab();
    QCOMPARE(m_cache->onTheSpotCount(), onTheSpot); // shown, not drawn again
    fitted.save(QStringLiteral(JUNCTION_SCREENSHOT_DIR "/overview-fit-after-change.png"));
    QVERIFY(pixelsOf(fitted, CanvasTheme::current().header) > 20);
    // Made ahead, it may lie a fraction of a pixel off the view's pixels: then one on them
    // follows, and matches the items.
    const int rendered = m_cache->renderCount();
    QVERIFY(rendered <= before + 2);
    if (rendered == before + 2)
        QTRY_COMPARE(ready.count(), 2);
    compareImages(paintedByItems(), grab(), "fit-all");
    grab();
    QCOMPARE(m_cache->renderCount(), rendered);
    QCOMPARE(m_cache->onTheSpotCount(), onTheSpot);
}

QTEST_MAIN(tst_Overview)
#include "tst_overview.moc"
