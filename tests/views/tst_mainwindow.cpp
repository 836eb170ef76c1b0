// SPDX-License-Identifier: MIT
// The designer window on the offscreen platform, driven through real widgets.
#include "viewtestsupport.h"
#include "associationitem.h"
#include "commands/associationcommands.h"
#include "commands/entitycommands.h"
#include "commands/layoutcommands.h"
#include "ddlgenerator.h"
#include "ddlpanel.h"
#include "diagnosticsmodel.h"
#include "diagnosticspanel.h"
#include "diagramscene.h"
#include "diagramview.h"
#include "document.h"
#include "layoutpatch.h"
#include "mainwindow.h"
#include "outlinepanel.h"
#include "resolvescheduler.h"
#include "tableitem.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDebug>
#include <QListView>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QWheelEvent>

using namespace Junction;

class tst_MainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void opensTheBlogAsADiagram();
    void dragIsOneUndoableMove();
    void ddlPanelFollowsTheDialect();
    void diagnosticsListTheCycle();
    void unpositionedFileIsLaidOut();
    void sceneFollowsEdits();
    void foreignKeyNoteFollowsAlias();
    void removingSelectedModelsIsOneSelectionChange();
    void zoomFitAndAutoLayout();
    void brokenFileOpensNothing();
    void relationshipSidesDrawnAsOneEdge();
    void screenshot_data();
    void screenshot();

private:
};

void tst_MainWindow::initTestCase()
{
    Junction::Testing::useFreshTestSettings();
}


void tst_MainWindow::opensTheBlogAsADiagram()
{
    const auto window = Testing::openWindow(Testing::examplePath(QStringLiteral("blog.junction.json")));
    QVERIFY(window);
    const Document *document = window->document();
    const ResolvedSchema &schema = document->resolved();

    const QList<TableItem *> tables = window->scene()->tableItems();
    QCOMPARE(tables.size(), schema.tables.size());
    QCOMPARE(tables.size(), 5);
    for (const ResolvedTable &table : schema.tables) {
        const TableItem *item = table.isCreatedJunction()
            ? window->scene()->junctionItem(table.name)
            : window->scene()->tableItem(table.entity);
        QVERIFY2(item, qPrintable(table.name));
        QCOMPARE(item->isDerived(), table.isCreatedJunction());
        QCOMPARE(item->content().rows.size(), table.columns.size());
    }
    QCOMPARE(window->scene()->associationItems().size(), document->project().associations.size());
    // No cycle here: nothing in the error colour.
    for (const AssociationItem *edge : window->scene()->associationItems())
        QVERIFY(!edge->content().inCycle);

    // Generated columns are marked with what made them.
    const TableItem *picture = window->scene()->tableItem(EntityId(QStringLiteral("m-picture")));
    QVERIFY(picture);
    bool sawForeignKey = false;
    for (const TableItem::Row &row : picture->content().rows) {
        if (row.name == QLatin1String("uid")) {
            sawForeignKey = true;
            QVERIFY2(row.tag.contains(QLatin1String("FK")), qPrintable(row.tag));
            QVERIFY2(!row.note.isEmpty(), "a FK column names its association");
        }
        if (row.name == QLatin1String("id"))
            QVERIFY(row.generated);
    }
    QVERIFY(sawForeignKey);

    // The title names the file.
    QVERIFY2(window->windowTitle().contains(QLatin1String("blog")),
             qPrintable(window->windowTitle()));
}

void tst_MainWindow::dragIsOneUndoableMove()
{
    const auto window = Testing::openWindow(Testing::examplePath(QStringLiteral("blog.junction.json")));
    QVERIFY(window);
    Document *document = window->document();
    const EntityId user(QStringLiteral("m-user"));
    TableItem *item = window->scene()->tableItem(user);
    QVERIFY(item);
    const QPointF before = item->pos();
    const std::optional<QPointF> stored = Layout::modelPosition(document->project().layout, user);
    QVERIFY(stored);
    QCOMPARE(*stored, before);
    const int commands = document->undoStack()->count();

    DiagramView *view = window->view();
    QWidget *viewport = view->viewport();
    const QPoint press = view->mapFromScene(item->mapToScene(QPointF(20, 10)));
    QTest::mousePress(viewport, Qt::LeftButton, {}, press);
    QTest::mouseMove(viewport, press + QPoint(30, 10));
    QTest::mouseMove(viewport, press + QPoint(60, 40));
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, press + QPoint(60, 40));

    QCOMPARE(document->undoStack()->count(), commands + 1);
    const QPointF after = *Layout::modelPosition(document->project().layout, user);
    QVERIFY2(after != before, "the drag moved the model in the project");
    QCOMPARE(item->pos(), after);
    QVERIFY(window->isWindowModified());

    document->undoStack()->undo();
    QCOMPARE(*Layout::modelPosition(document->project().layout, user), before);
    QCOMPARE(item->pos(), before);
}

void tst_MainWindow::ddlPanelFollowsTheDialect()
{
    const auto window = Testing::openWindow(Testing::examplePath(QStringLiteral("blog.junction.json")));
    QVERIFY(window);
    DdlPanel *panel = window->ddlPanel();
    const ResolvedSchema &schema = window->document()->resolved();
    auto expected = [&](Dialect::Kind kind) {
        return DdlGenerator::script(DdlGenerator(Dialect::get(kind)).schema(schema));
    };

    // The dock builds its text on a worker thread.
    QTRY_COMPARE(panel->text(), expected(panel->dialect()));
    const QString sqlite = panel->text();
    // Through the combo box, as a user would.
    QComboBox *box = panel->dialectBox();
    box->setCurrentIndex(box->findData(int(Dialect::Kind::Postgres)));
    QCOMPARE(panel->dialect(), Dialect::Kind::Postgres);
    QTRY_COMPARE(panel->text(), expected(Dialect::Kind::Postgres));
    QVERIFY(panel->text() != sqlite);
    panel->setDialect(Dialect::Kind::MySql);
    QTRY_COMPARE(panel->text(), expected(Dialect::Kind::MySql));
}

void tst_MainWindow::diagnosticsListTheCycle()
{
    const auto window = Testing::openWindow(Testing::examplePath(QStringLiteral("cycle.junction.json")));
    QVERIFY(window);
    // Like junction-cli ddl, the DDL dock gives no DDL for a project with errors.
    QTRY_COMPARE(window->ddlPanel()->text(),
             QStringLiteral("-- No DDL: the project has 1 error(s); see Diagnostics.\n"
                            "--   Cyclic dependency found. Users is dependent of itself.\n"));
    DiagnosticsModel *model = window->diagnosticsPanel()->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    auto cycleRow = [model] {
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row).data(DiagnosticsModel::CodeRole).toString()
                == QLatin1String("cycle"))
                return row;
        }
        return -1;
    };
    const int row = cycleRow();
    QVERIFY2(row >= 0, "the cycle is listed");

    // On the canvas the cycle is drawn in the error colour along its whole path.
    const QStringList onCycle = model->index(row).data(DiagnosticsModel::IdsRole).toStringList();
    QVERIFY(!onCycle.isEmpty());
    for (const QString &id : onCycle) {
        const AssociationItem *edge = window->scene()->associationItem(AssociationId(id));
        QVERIFY2(edge && edge->content().inCycle, qPrintable(id));
        QVERIFY(edge->sourceItem()->content().inCycle);
        QVERIFY(edge->targetItem()->content().inCycle);
    }
    QVERIFY(!model->index(row).data(Qt::DisplayRole).toString().isEmpty());

    // Double-clicking it selects the elements on the cycle.
    QListView *list = window->diagnosticsPanel()->view();
    const QRect rect = list->visualRect(model->index(row));
    QSignalSpy activated(window->diagnosticsPanel(), &DiagnosticsPanel::elementActivated);
    // Qt 6.4's mouseDClick sends no press of its own; the view wants one on the same row.
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(activated.count(), 1);
    QTRY_VERIFY(!window->scene()->selectedItems().isEmpty());

    // An edit re-validates once, after the debounce and the resolve off the UI thread, not
    // inside the undo step; a move changes no diagnostic and re-validates nothing.
    QSignalSpy reset(model, &QAbstractItemModel::modelReset);
    Document *document = window->document();
    const EntityId user(QStringLiteral("m-user"));
    QVERIFY(document->push(Commands::moveEntities(*document, {{user, QPointF(500, 500)}})));
    QVERIFY(document->push(Commands::renameEntity(*document, user, QStringLiteral("Member"))));
    QCOMPARE(reset.count(), 0);
    QTRY_COMPARE(reset.count(), 1);
    QVERIFY(window->diagnosticsPanel()->isUpToDate());
    QTest::qWait(2 * ResolveScheduler::debounceMsec);
    QCOMPARE(reset.count(), 1);
    QVERIFY(cycleRow() >= 0);

    // The canvas followed the rename in place (the cycle names the same associations): the
    // renamed box is still drawn on the cycle's path, every box as a fresh resolve gives it.
    const ResolvedSchema fresh = resolve(document->project());
    QSet<QString> cycleTables;
    for (const Diagnostic &diagnostic : fresh.diagnostics) {
        for (const QString &id : diagnostic.ids) {
            const ResolvedAssociation *a = fresh.association(AssociationId(id));
            if (diagnostic.code == QLatin1String("cycle") && a)
                cycleTables << a->sourceTable << a->targetTable;
        }
    }
    QVERIFY(cycleTables.contains(QStringLiteral("Members")));
    for (const ResolvedTable &table : fresh.tables) {
        const TableItem *item = window->scene()->tableItem(table.entity);
        QVERIFY2(item, qPrintable(table.name));
        QVERIFY2(item->content()
                     == TableItem::contentOf(table, fresh, cycleTables.contains(table.name)),
                 qPrintable(table.name));
    }
}

void tst_MainWindow::unpositionedFileIsLaidOut()
{
    // The examples have no positions: opening them placed every model apart.
    const auto window = Testing::openWindow(Testing::examplePath(QStringLiteral("blog.junction.json")));
    QVERIFY(window);
    const QList<TableItem *> tables = window->scene()->tableItems();
    for (int i = 0; i < tables.size(); ++i) {
        for (int j = i + 1; j < tables.size(); ++j) {
            QVERIFY2(
                !tables.at(i)->sceneBoundingRect().intersects(tables.at(j)->sceneBoundingRect()),
                qPrintable(tables.at(i)->tableName() + QLatin1String(" overlaps ")
                           + tables.at(j)->tableName()));
        }
    }
}

void tst_MainWindow::foreignKeyNoteFollowsAlias()
{
    // Picture.uid is named by User.hasMany(Picture)'s foreignKey: a new alias changes no
    // column, yet the row's note names the association by it.
    const auto window = Testing::openWindow(Testing::examplePath(QStringLiteral("blog.junction.json")));
    QVERIFY(window);
    Document *document = window->document();
    DiagramScene *scene = window->scene();
    const TableItem *picture = scene->tableItem(EntityId(QStringLiteral("m-picture")));
    QVERIFY(picture);
    auto uidNote = [picture] {
        for (const TableItem::Row &row : picture->content().rows) {
            if (row.name == QLatin1String("uid"))
                return row.note;
        }
        return QString();
    };
    QCOMPARE(uidNote(), QStringLiteral("User.Pictures"));
    Association edited = *document->association(AssociationId(QStringLiteral("as-user-pictures")));
    edited.as.plural = QStringLiteral("Photos");
    QVERIFY(document->push(Commands::editAssociation(*document, edited, Commands::AssociationField::As)));
    QVERIFY(Testing::waitUntilSettled(window.get()));
    QCOMPARE(uidNote(), QStringLiteral("User.Photos"));
    document->undoStack()->undo();
    QVERIFY(Testing::waitUntilSettled(window.get()));
    QCOMPARE(uidNote(), QStringLiteral("User.Pictures"));
    document->undoStack()->setClean();
}

void tst_MainWindow::sceneFollowsEdits()
{
    const auto window = Testing::openWindow(Testing::examplePath(QStringLiteral("blog.junction.json")));
    QVERIFY(window);
    Document *document = window->document();
    DiagramScene *scene = window->scene();
    const EntityId post(QStringLiteral("m-post"));
    TableItem *postItem = scene->tableItem(post);
    TableItem *userItem = scene->tableItem(EntityId(QStringLiteral("m-user")));
    QVERIFY(postItem && userItem);

    // A rename updates the same item; the others stay.
    QVERIFY(document->push(Commands::renameEntity(*document, post, QStringLiteral("Article"))));
    QCOMPARE(scene->tableItem(post), postItem);
    QCOMPARE(postItem->content().title, QStringLiteral("Article"));
    QCOMPARE(scene->tableItem(EntityId(QStringLiteral("m-user"))), userItem);
    // Once resolved, the box knows its new table: the sync markers go by table name.
    QVERIFY(Testing::waitUntilSettled(window.get()));
    QCOMPARE(postItem->tableName(), QStringLiteral("Articles"));
    scene->setSyncDifferences({{QStringLiteral("Articles"), {QStringLiteral("title")}}});
    QVERIFY(postItem->differsFromDatabase());
    QCOMPARE(postItem->differingColumns(), QSet<QString>{QStringLiteral("title")});
    QVERIFY(!userItem->differsFromDatabase());
    scene->setSyncDifferences({});

    // Diagnostics name attributes too: their model's box stands for them.
    QCOMPARE(scene->selectElements({QStringLiteral("a-user-email")}), userItem);
    QVERIFY(userItem->isSelected());

    // A self-association is a loop on its box; undo takes it away again.
    const qsizetype edges = scene->associationItems().size();
    Association loop;
    loop.type = AssociationType::HasMany;
    loop.source = QStringLiteral("User");
    loop.target = QStringLiteral("User");
    loop.as.plural = QStringLiteral("Followers");
    QVERIFY(document->push(Commands::addAssociation(*document, loop)));
    QCOMPARE(scene->associationItems().size(), edges + 1);
    const AssociationId loopId = document->project().associations.last().id;
    const AssociationItem *loopItem = scene->associationItem(loopId);
    QVERIFY(loopItem);
    QCOMPARE(loopItem->sourceItem(), userItem);
    QCOMPARE(loopItem->targetItem(), userItem);
    QVERIFY2(loopItem->content().label.contains(QLatin1String("Followers")),
             qPrintable(loopItem->content().label));
    // The FK column the loop adds appears in the box, marked with the association.
    bool marked = false;
    for (const TableItem::Row &row : userItem->content().rows)
        marked = marked || row.note.contains(QLatin1String("Followers"));
    QVERIFY(marked);

    document->undoStack()->undo();
    QVERIFY(!scene->associationItem(loopId));
    QCOMPARE(scene->associationItems().size(), edges);
    document->undoStack()->undo();
    QCOMPARE(postItem->content().title, QStringLiteral("Post"));
    QVERIFY(Testing::waitUntilSettled(window.get()));
    QCOMPARE(postItem->tableName(), QStringLiteral("Posts"));
}

// Select All, then remove every model: the selection changes once per update, not once
// per deleted item (each change has the outline, inspector and DDL dock follow the whole selection;
// with 500 models that took 42 s).
void tst_MainWindow::removingSelectedModelsIsOneSelectionChange()
{
    const auto window = Testing::openWindow(Testing::examplePath(QStringLiteral("shop.junction.json")));
    QVERIFY(window);
    Document *document = window->document();
    DiagramScene *scene = window->scene();
    window->findChild<QAction *>(QStringLiteral("selectAllAction"))->trigger();
    const qsizetype selected = scene->selectedItems().size();
    QVERIFY(selected > 12);
    QList<EntityId> all;
    for (const Entity &entity : document->project().entities)
        all << entity.id;
    QSignalSpy changes(scene, &QGraphicsScene::selectionChanged);
    QVERIFY(document->push(Commands::removeEntities(*document, all)));
    // One change per update that deletes items (a removal can come in two), never one per
    // selected item: there were more than a dozen.
    QVERIFY2(changes.count() <= 2, qPrintable(QString::number(changes.count())));
    QVERIFY(scene->selectedItems().isEmpty());
    QVERIFY(scene->tableItems().isEmpty());
    QVERIFY(window->outlinePanel()->selectedIds().isEmpty());

    document->undoStack()->undo();
    QCOMPARE(scene->tableItems().size(), document->resolved().tables.size());
}

void tst_MainWindow::zoomFitAndAutoLayout()
{
    const auto window = Testing::openWindow(Testing::examplePath(QStringLiteral("blog.junction.json")));
    QVERIFY(window);
    DiagramView *view = window->view();
    DiagramScene *scene = window->scene();
    auto action
        = [&](const char *name) { return window->findChild<QAction *>(QLatin1String(name)); };
    QVERIFY(action("actualSizeAction") && action("fitAllAction") && action("autoLayoutAction"));

    action("actualSizeAction")->trigger();
    QCOMPARE(view->zoom(), 1.0);
    // One wheel notch zooms in by 15 %.
    const QPointF at(100, 100);
    QWheelEvent wheel(at, view->viewport()->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view->viewport(), &wheel);
    QCOMPARE(view->zoom(), 1.15);

    action("fitAllAction")->trigger();
    const QRectF visible = view->mapToScene(view->viewport()->rect()).boundingRect();
    QVERIFY2(visible.contains(scene->itemsBoundingRect()), "fit all shows every item");

    // Auto-layout is one undoable step that separates boxes a move piled up.
    Document *document = window->document();
    const EntityId user(QStringLiteral("m-user"));
    const EntityId post(QStringLiteral("m-post"));
    const QPointF postAt = scene->tableItem(post)->pos();
    QVERIFY(document->push(Commands::moveEntities(*document, {{user, postAt}})));
    QVERIFY(scene->tableItem(user)->sceneBoundingRect().intersects(
        scene->tableItem(post)->sceneBoundingRect()));
    const int commands = document->undoStack()->count();
    action("autoLayoutAction")->trigger();
    QCOMPARE(document->undoStack()->count(), commands + 1);
    QVERIFY(!scene->tableItem(user)->sceneBoundingRect().intersects(
        scene->tableItem(post)->sceneBoundingRect()));
}

void tst_MainWindow::relationshipSidesDrawnAsOneEdge()
{
    const auto window
        = Testing::openWindow(Testing::examplePath(QStringLiteral("shop.junction.json")));
    QVERIFY(window);
    DiagramScene *scene = window->scene();
    const int separate = int(scene->associationItems().size());
    const AssociationId orders(QStringLiteral("as-customer-orders"));
    const AssociationId customer(QStringLiteral("as-order-customer"));
    const AssociationId subcategories(QStringLiteral("as-category-subcategories"));
    const AssociationId parent(QStringLiteral("as-category-parent"));
    const AssociationId shipping(QStringLiteral("as-order-shipping-address"));
    QVERIFY(scene->associationItem(customer));
    QCOMPARE(scene->associationItem(orders)->content().label, QStringLiteral("CustomerId"));

    auto merge = window->findChild<QAction *>(QStringLiteral("mergeRelationshipSidesAction"));
    QVERIFY(merge);
    merge->trigger();
    // Customer/Order, Customer/Address, Product/Review and the Category self-pair share
    // their foreign key; the aliased ShippingAddress belongsTo has no hasMany back.
    QCOMPARE(int(scene->associationItems().size()), separate - 4);
    QVERIFY(!scene->associationItem(customer));
    QCOMPARE(scene->shownAs(customer), orders);
    QCOMPARE(scene->associationItem(orders)->content().label,
             QStringLiteral("Orders / Customer · CustomerId"));
    QVERIFY(!scene->associationItem(parent));
    QCOMPARE(scene->associationItem(subcategories)->content().label,
             QStringLiteral("Subcategories / Parent · parentId"));
    QVERIFY(scene->associationItem(shipping));
    // Selecting the hidden side (from the outline or a diagnostic) selects the shared edge.
    QCOMPARE(scene->selectElements({customer.toString()}),
             static_cast<QGraphicsItem *>(scene->associationItem(orders)));
    // The document is untouched: drawing is a view choice.
    QVERIFY(!window->document()->isModified());
    window->view()->fitAll();
    window->grab().save(QStringLiteral(JUNCTION_SCREENSHOT_DIR "/mainwindow-shop-merged.png"));

    merge->trigger();
    QCOMPARE(int(scene->associationItems().size()), separate);
    QVERIFY(scene->associationItem(customer));
    QCOMPARE(scene->shownAs(customer), customer);
}

void tst_MainWindow::brokenFileOpensNothing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("broken.junction.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\n  \"junction\": 1,\n  \"models\": [ ,\n}\n");
    file.close();

    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const Document *before = window.document();

    // The message box is modal: read and close it from inside its event loop.
    QString shown;
    QTimer closer;
    connect(&closer, &QTimer::timeout, &closer, [&] {
        if (auto box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            shown = box->text();
            box->close();
        }
    });
    closer.start(20);
    QVERIFY(!window.openFile(path));
    closer.stop();

    QVERIFY2(shown.contains(QLatin1String("Line 3")), qPrintable(shown));
    QVERIFY2(shown.contains(QLatin1String("column")), qPrintable(shown));
    QCOMPARE(window.document(), before);
}

void tst_MainWindow::screenshot_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<qreal>("zoom"); // 0: fit all
    QTest::newRow("blog") << QStringLiteral("blog.junction.json") << 0.0;
    QTest::newRow("shop") << QStringLiteral("shop.junction.json") << 0.0;
    QTest::newRow("cycle") << QStringLiteral("cycle.junction.json") << 0.0;
    // Below TableItem::detailZoom only boxes and names are drawn.
    QTest::newRow("blog-far") << QStringLiteral("blog.junction.json") << 0.3;
    // Below TableItem::outlineZoom only filled rectangles and hairlines.
    QTest::newRow("shop-outline") << QStringLiteral("shop.junction.json") << 0.1;
}

void tst_MainWindow::screenshot()
{
    QFETCH(QString, file);
    QFETCH(qreal, zoom);
    const auto window = Testing::openWindow(Testing::examplePath(file));
    QVERIFY(window);
    if (zoom > 0) {
        window->view()->setZoom(zoom);
        window->view()->centerOn(window->scene()->itemsBoundingRect().center());
    } else {
        window->view()->fitAll();
    }
    const QString path = QStringLiteral(JUNCTION_SCREENSHOT_DIR "/mainwindow-%1.png")
                             .arg(QString::fromLatin1(QTest::currentDataTag()));
    QVERIFY2(window->grab().save(path), qPrintable(path));
    qInfo("screenshot: %s", qPrintable(path));
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
