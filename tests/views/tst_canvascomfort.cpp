// SPDX-License-Identifier: MIT
// Canvas comforts, driven with the mouse on the offscreen platform: the in-place editor lies
// exactly over the text it edits at any zoom (font and place), drawing an association, a
// rubber band or moving a box near the viewport's edge scrolls the view (the association
// reaches its target, the band keeps its start, the box travels along), and a double-click on an
// edge opens its association in the inspector with the alias field ready for typing.
#include "viewtestsupport.h"
#include "associationitem.h"
#include "associationpage.h"
#include "canvasinteraction.h"
#include "commands/entitycommands.h"
#include "diagramscene.h"
#include "diagramview.h"
#include "document.h"
#include "inplaceeditor.h"
#include "inspectorpanel.h"
#include "mainwindow.h"
#include "tableitem.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QScrollBar>
#include <QTest>

using namespace Junction;

class tst_CanvasComfort : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void inPlaceEditorLiesOverItsText_data();
    void inPlaceEditorLiesOverItsText();
    void drawingNearTheEdgeScrolls();
    void rubberBandNearTheEdgeScrolls();
    void movingNearTheEdgeScrolls();
    void doubleClickOnEdgeEditsItsAlias();

private:
    QPoint toView(QPointF scenePos) const { return m_view->mapFromScene(scenePos); }
    QPoint headerOf(const EntityId &id) const;
    EntityId addModelAt(const QString &name, QPointF position);
    // User in the middle of the view at 100 %, Picture far to its right, out of view; both
    // null if that could not be set up.
    std::pair<EntityId, EntityId> farApart();
    // Where a field draws the start of its text and centres it, in viewport coordinates.
    QPointF textOriginOf(QWidget *field) const;
    // Where the box draws that text, in viewport coordinates: left and vertical centre.
    QPointF textOriginOf(const TableItem &item, const TableItem::TextPlace &place) const;

    std::unique_ptr<MainWindow> m_window;
    DiagramView *m_view = nullptr;
    DiagramScene *m_scene = nullptr;
    Document *m_document = nullptr;
};

void tst_CanvasComfort::initTestCase()
{
    Junction::Testing::useFreshTestSettings();
}

void tst_CanvasComfort::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_view = m_window->view();
    m_scene = m_window->scene();
    m_document = m_window->document();
    m_document->setAutosaveInterval(0);
    m_view->setFocus();
}

void tst_CanvasComfort::cleanup()
{
    if (m_window && m_window->document())
        m_window->document()->undoStack()->setClean(); // no unsaved-changes prompt on close
    m_window.reset();
}

QPoint tst_CanvasComfort::headerOf(const EntityId &id) const
{
    const TableItem *item = m_scene->tableItem(id);
    Q_ASSERT(item);
    return toView(item->mapToScene(item->headerRect().center()));
}

EntityId tst_CanvasComfort::addModelAt(const QString &name, QPointF position)
{
    Entity entity;
    entity.name = name;
    Attribute attribute;
    attribute.name = QStringLiteral("title");
    attribute.type = QStringLiteral("STRING");
    entity.attributes << attribute;
    if (!m_document->push(Commands::addEntity(*m_document, entity, position)))
        return {};
    const Entity *added = m_document->project().entity(name);
    return added ? added->id : EntityId();
}

std::pair<EntityId, EntityId> tst_CanvasComfort::farApart()
{
    const EntityId user = addModelAt(QStringLiteral("User"), QPointF(0, 0));
    const EntityId picture = addModelAt(QStringLiteral("Picture"), QPointF(2600, 0));
    if (user.isNull() || picture.isNull())
        return {};
    m_view->resetZoom();
    m_view->centerOn(m_scene->tableItem(user));
    if (m_view->viewport()->rect().contains(headerOf(picture)))
        return {}; // in view: the test would prove nothing
    return {user, picture};
}

QPointF tst_CanvasComfort::textOriginOf(QWidget *field) const
{
    auto edit = qobject_cast<QLineEdit *>(field);
    if (!edit)
        edit = qobject_cast<QComboBox *>(field)->lineEdit();
    // The cursor at the start, nothing scrolled: the cursor's rectangle is centred on the
    // text's start (QLineEdit draws it 5 pixels wide either side) and starts at the line's
    // top.
    edit->setCursorPosition(0);
    (void)edit->grab(); // the line edit places its text vertically when it paints
    const QRect cursor = edit->inputMethodQuery(Qt::ImCursorRectangle).toRect();
    return QPointF(edit->mapTo(m_view->viewport(), cursor.topLeft()))
        + QPointF(5, QFontMetricsF(edit->font()).height() / 2);
}

QPointF tst_CanvasComfort::textOriginOf(const TableItem &item,
                                        const TableItem::TextPlace &place) const
{
    const QRectF rect = m_view->mapFromScene(item.mapToScene(place.rect)).boundingRect();
    return QPointF(rect.left(), rect.center().y());
}

void tst_CanvasComfort::inPlaceEditorLiesOverItsText_data()
{
    QTest::addColumn<qreal>("zoom");
    QTest::addColumn<bool>("attribute");
    QTest::newRow("name at 100 %") << 1.0 << false;
    QTest::newRow("name at 250 %") << 2.5 << false;
    QTest::newRow("name at 60 %") << 0.6 << false;
    QTest::newRow("name far out at 30 %") << 0.3 << false;
    QTest::newRow("attribute at 100 %") << 1.0 << true;
    QTest::newRow("attribute at 200 %") << 2.0 << true;
    QTest::newRow("attribute at 70 %") << 0.7 << true;
}

void tst_CanvasComfort::inPlaceEditorLiesOverItsText()
{
    QFETCH(qreal, zoom);
    QFETCH(bool, attribute);
    const EntityId user = addModelAt(QStringLiteral("UserAccount"), QPointF(0, 0));
    QVERIFY(!user.isNull());
    m_view->setZoom(zoom);
    const TableItem *item = m_scene->tableItem(user);
    m_view->centerOn(item);
    // A real double-click (a click first, as a user's starts) on the title or on the
    // attribute's row (its name column).
    const int row = 1; // id first, then title
    QCOMPARE(item->content().rows.at(row).name, QStringLiteral("title"));
    const QPoint at = attribute
        ? toView(item->mapToScene(item->namePlace(row).rect.center()))
        : toView(item->mapToScene(item->titlePlace(zoom).rect.center()));
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(m_view->viewport(), Qt::LeftButton, {}, at);
    InPlaceEditor *editor = m_window->canvasInteraction()->editor();
    QVERIFY(editor->isEditing());
    QCOMPARE(editor->attribute().isNull(), !attribute);
    QTRY_VERIFY(editor->isVisible());

    struct Field
    {
        QWidget *widget;
        TableItem::TextPlace place;
    };
    QList<Field> fields{
        {editor->nameEdit(), attribute ? item->namePlace(row) : item->titlePlace(zoom)}};
    if (attribute)
        fields.append({editor->typeBox(), item->typePlace(row)});
    for (const Field &field : fields) {
        // The box's font at the view's zoom ...
        QCOMPARE(field.widget->font().pointSizeF(), field.place.font.pointSizeF() * zoom);
        QCOMPARE(field.widget->font().bold(), field.place.font.bold());
        // ... and its text where the box draws it, within a pixel.
        const QPointF shown = textOriginOf(field.widget);
        const QPointF drawn = textOriginOf(*item, field.place);
        QVERIFY2(qAbs(shown.x() - drawn.x()) <= 1.5 && qAbs(shown.y() - drawn.y()) <= 1.5,
                 qPrintable(QStringLiteral("%1: text at %2,%3, the box's at %4,%5")
                                .arg(field.widget->objectName())
                                .arg(shown.x())
                                .arg(shown.y())
                                .arg(drawn.x())
                                .arg(drawn.y())));
    }
    const QString name = QStringLiteral("canvascomfort-editor-%1-%2.png")
                             .arg(attribute ? QStringLiteral("attribute") : QStringLiteral("name"))
                             .arg(qRound(zoom * 100));
    m_view->grab().save(QStringLiteral(JUNCTION_SCREENSHOT_DIR "/") + name);

    // It follows a zoom step while open.
    m_view->zoomBy(1.25);
    const TableItem::TextPlace place = attribute ? item->namePlace(row)
                                                 : item->titlePlace(m_view->zoom());
    QCOMPARE(editor->nameEdit()->font().pointSizeF(), place.font.pointSizeF() * m_view->zoom());
    const QPointF shown = textOriginOf(editor->nameEdit());
    const QPointF drawn = textOriginOf(*item, place);
    QVERIFY(qAbs(shown.x() - drawn.x()) <= 1.5 && qAbs(shown.y() - drawn.y()) <= 1.5);

    // And it still edits: a new name typed and Enter.
    QTest::keyClick(editor->nameEdit(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(editor->nameEdit(), QStringLiteral("renamed"));
    QTest::keyClick(editor->nameEdit(), Qt::Key_Return);
    QVERIFY(!editor->isEditing());
    const Entity *model = m_document->entity(user);
    QCOMPARE(attribute ? model->attributes.constFirst().name : model->name,
             QStringLiteral("renamed"));
}

void tst_CanvasComfort::drawingNearTheEdgeScrolls()
{
    const auto [user, picture] = farApart();
    QVERIFY(!user.isNull() && !picture.isNull());
    QWidget *viewport = m_view->viewport();
    const int commands = m_document->undoStack()->count();

    m_window->findChild<QAction *>(QStringLiteral("hasManyTool"))->trigger();
    const QPoint from = headerOf(user);
    QTest::mousePress(viewport, Qt::LeftButton, {}, from);
    QTest::mouseMove(viewport, from + QPoint(40, 0));
    QVERIFY(m_window->canvasInteraction()->isDrawing());
    // Held near the right edge, the view scrolls on its own until Picture is in view.
    const int start = m_view->horizontalScrollBar()->value();
    const QPoint nearEdge(viewport->width() - 6, from.y());
    QTest::mouseMove(viewport, nearEdge);
    QTRY_VERIFY_WITH_TIMEOUT(viewport->rect().adjusted(40, 0, -40, 0).contains(headerOf(picture)),
                             10000);
    QVERIFY(m_view->horizontalScrollBar()->value() > start + 1000);
    QVERIFY(m_window->canvasInteraction()->isDrawing());
    m_view->grab().save(QStringLiteral(JUNCTION_SCREENSHOT_DIR "/canvascomfort-autoscroll.png"));
    // Back from the edge it stops; the release on Picture draws the association.
    const QPoint target = headerOf(picture);
    QTest::mouseMove(viewport, target);
    const int stopped = m_view->horizontalScrollBar()->value();
    QTest::qWait(3 * 20);
    QCOMPARE(m_view->horizontalScrollBar()->value(), stopped);
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, target);
    QCOMPARE(m_document->undoStack()->count(), commands + 1);
    const Association &drawn = m_document->project().associations.constLast();
    QCOMPARE(drawn.type, AssociationType::HasMany);
    QCOMPARE(drawn.source, QStringLiteral("User"));
    QCOMPARE(drawn.target, QStringLiteral("Picture"));
    QVERIFY(!m_window->canvasInteraction()->isDrawing());
}

void tst_CanvasComfort::rubberBandNearTheEdgeScrolls()
{
    const auto [user, picture] = farApart();
    QVERIFY(!user.isNull() && !picture.isNull());
    QWidget *viewport = m_view->viewport();

    // From empty canvas above and left of User, held near the right edge: the view scrolls
    // until Picture is in view, and the band still starts where it was pressed.
    const QPoint from = toView(m_scene->tableItem(user)->sceneBoundingRect().topLeft())
                        - QPoint(20, 20);
    QVERIFY(m_view->items(from).isEmpty());
    QTest::mousePress(viewport, Qt::LeftButton, {}, from);
    QTest::mouseMove(viewport, from + QPoint(40, 40));
    QTest::mouseMove(viewport, from + QPoint(80, 200));
    const int start = m_view->horizontalScrollBar()->value();
    QTest::mouseMove(viewport, QPoint(viewport->width() - 6, from.y() + 200));
    QTRY_VERIFY_WITH_TIMEOUT(viewport->rect().adjusted(40, 0, -40, 0).contains(headerOf(picture)),
                             10000);
    QVERIFY(m_view->horizontalScrollBar()->value() > start + 1000);
    // Past Picture's right side and released there: both boxes are in the band.
    const QRect pictureInView
        = m_view->mapFromScene(m_scene->tableItem(picture)->sceneBoundingRect()).boundingRect();
    const QPoint end(pictureInView.right() + 10, from.y() + 200);
    QTest::mouseMove(viewport, end);
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, end);
    QVERIFY(m_scene->tableItem(user)->isSelected());
    QVERIFY(m_scene->tableItem(picture)->isSelected());
    const int stopped = m_view->horizontalScrollBar()->value();
    QTest::qWait(3 * 20);
    QCOMPARE(m_view->horizontalScrollBar()->value(), stopped);
}

void tst_CanvasComfort::movingNearTheEdgeScrolls()
{
    const auto [user, picture] = farApart();
    QVERIFY(!user.isNull() && !picture.isNull());
    QWidget *viewport = m_view->viewport();
    const int commands = m_document->undoStack()->count();
    const QPointF before = m_scene->tableItem(user)->pos();

    // User dragged by its header and held at the right edge travels with the scrolling view.
    const QPoint from = headerOf(user);
    QTest::mousePress(viewport, Qt::LeftButton, {}, from);
    QTest::mouseMove(viewport, from + QPoint(20, 0));
    QTest::mouseMove(viewport, from + QPoint(60, 0));
    const int start = m_view->horizontalScrollBar()->value();
    const QPoint nearEdge(viewport->width() - 6, from.y());
    QTest::mouseMove(viewport, nearEdge);
    QTRY_VERIFY_WITH_TIMEOUT(m_view->horizontalScrollBar()->value() > start + 800, 10000);
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, nearEdge);
    const QPointF after = m_scene->tableItem(user)->pos();
    QVERIFY2(after.x() > before.x() + 800, qPrintable(QString::number(after.x())));
    // Still under the pointer where it was held, and one undo step.
    QVERIFY(m_scene->tableItem(user)->sceneBoundingRect().contains(m_view->mapToScene(nearEdge)));
    QCOMPARE(m_document->undoStack()->count(), commands + 1);
    m_document->undoStack()->undo();
    QCOMPARE(m_scene->tableItem(user)->pos(), before);
}

void tst_CanvasComfort::doubleClickOnEdgeEditsItsAlias()
{
    QVERIFY(m_window->openFile(Junction::Testing::examplePath(QStringLiteral("blog.junction.json"))));
    m_document = m_window->document();
    m_document->setAutosaveInterval(0);
    m_view->resetZoom();
    const AssociationId userPosts(QStringLiteral("as-user-posts"));
    const AssociationItem *edge = m_scene->associationItem(m_scene->shownAs(userPosts));
    QVERIFY(edge);
    m_view->centerOn(edge);
    // A point where the edge is the topmost item. Selecting it shows its page in the
    // inspector, which may resize the canvas: the point is looked for again after that.
    auto pointOnEdge = [&] {
        const QRect area = m_view->mapFromScene(edge->sceneBoundingRect()).boundingRect();
        for (int y = area.top(); y <= area.bottom(); ++y) {
            for (int x = area.left(); x <= area.right(); ++x) {
                const QList<QGraphicsItem *> items = m_view->items(QPoint(x, y));
                if (!items.isEmpty() && items.constFirst() == edge
                    && m_view->viewport()->rect().contains(x, y))
                    return QPoint(x, y);
            }
        }
        return QPoint();
    };
    QPoint onEdge = pointOnEdge();
    QVERIFY(!onEdge.isNull());
    const int models = int(m_document->project().entities.size());
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, onEdge);
    QVERIFY(edge->isSelected());
    QApplication::processEvents();
    onEdge = pointOnEdge();
    QVERIFY(!onEdge.isNull());
    // The double-click itself, its first click included, as a user's.
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, onEdge);
    QTest::mouseDClick(m_view->viewport(), Qt::LeftButton, {}, onEdge);
    QCOMPARE(int(m_document->project().entities.size()), models); // no model was added

    // The association is selected, its page shown, the alias field focused with its text
    // selected, so typing replaces it.
    QCOMPARE(m_scene->selectedItems(), QList<QGraphicsItem *>({const_cast<AssociationItem *>(edge)}));
    auto inspector = m_window->findChild<InspectorPanel *>();
    QVERIFY(inspector);
    QCOMPARE(inspector->currentPage(), inspector->associationPage());
    QCOMPARE(inspector->associationPage()->association(), edge->associationId());
    QLineEdit *alias = inspector->associationPage()->asEdit();
    QTRY_COMPARE(QApplication::focusWidget(), alias);
    QVERIFY(alias->isVisible());
    m_window->grab().save(QStringLiteral(JUNCTION_SCREENSHOT_DIR "/canvascomfort-edge-alias.png"));
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Articles"));
    QTRY_COMPARE(m_document->association(edge->associationId())->as.plural,
                 QStringLiteral("Articles"));
}

QTEST_MAIN(tst_CanvasComfort)
#include "tst_canvascomfort.moc"
