// SPDX-License-Identifier: MIT
// The outline dock: its tree follows the document through edits and undo without resets,
// the filter box filters recursively, and its selection and the canvas's follow each other.
#include "viewtestsupport.h"
#include "associationitem.h"
#include "commands/associationcommands.h"
#include "commands/attributecommands.h"
#include "commands/entitycommands.h"
#include "diagramscene.h"
#include "diagramview.h"
#include "document.h"
#include "mainwindow.h"
#include "outlinemodel.h"
#include "outlinepanel.h"
#include "projectwriter.h"
#include "schemagenerator.h"
#include "tableitem.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Junction;

namespace {

QString example(const char *name)
{
    return QStringLiteral(JUNCTION_EXAMPLES "/") + QString::fromUtf8(name);
}

std::unique_ptr<Document> openExample(const char *name)
{
    auto document = Document::open(example(name));
    if (document)
        document->setAutosaveInterval(0);
    return document;
}

// The tree as text, one line per node, indented by depth: what a view would show.
void dump(const QAbstractItemModel *model, const QModelIndex &parent, int depth, QStringList &out)
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        out << QString(depth * 2, u' ') + index.data().toString() + QStringLiteral(" | ")
                + index.siblingAtColumn(1).data().toString() + QStringLiteral(" | ")
                + index.data(OutlineModel::IdRole).toString();
        dump(model, index, depth + 1, out);
    }
}

QStringList dump(const QAbstractItemModel *model)
{
    QStringList out;
    dump(model, {}, 0, out);
    return out;
}

// The view shows `item` where centerOn(item) puts it (as near the middle as the scroll
// range allows).
bool centredOn(QGraphicsView *view, QGraphicsItem *item)
{
    const QPoint now(view->horizontalScrollBar()->value(), view->verticalScrollBar()->value());
    view->centerOn(item);
    const QPoint centred(view->horizontalScrollBar()->value(), view->verticalScrollBar()->value());
    view->horizontalScrollBar()->setValue(now.x()); // only look
    view->verticalScrollBar()->setValue(now.y());
    return now == centred;
}

QStringList freshDump(Document *document)
{
    OutlineModel fresh;
    fresh.setDocument(document);
    return dump(&fresh);
}

} // namespace

class tst_Outline : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { Junction::Testing::useFreshTestSettings(); }
    void showsModelsAssociationsAndJunctions();
    void followsEditsWithoutReset();
    void followsResolvesByWhatChanged();
    void selectAllAndDeleteAll();
    void filterIsRecursive();
    void outlineSelectsOnCanvas();
    void canvasSelectsInOutline();
    void screenshotFiltered();
};

void tst_Outline::showsModelsAssociationsAndJunctions()
{
    auto document = openExample("blog.junction.json");
    QVERIFY(document);
    OutlineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDocument(document.get());
    QCOMPARE(model.rowCount(), 3);
    const QModelIndex models = model.index(0, 0);
    const QModelIndex associations = model.index(1, 0);
    const QModelIndex junctions = model.index(2, 0);
    QCOMPARE(model.rowCount(models), document->project().entities.size());
    QCOMPARE(model.rowCount(associations), document->project().associations.size());
    QCOMPARE(model.rowCount(junctions), 1);
    const QModelIndex user = model.indexForId(QStringLiteral("m-user"));
    QCOMPARE(user.data().toString(), QStringLiteral("User"));
    QCOMPARE(user.siblingAtColumn(1).data().toString(), QStringLiteral("Users"));
    QCOMPARE(model.rowCount(user), 3);
    const QModelIndex email = model.indexForId(QStringLiteral("a-user-email"));
    QCOMPARE(email.parent(), user);
    QCOMPARE(email.data().toString(), QStringLiteral("email"));
    QVERIFY2(email.siblingAtColumn(1).data().toString().startsWith(QLatin1String("STRING(320)")),
             qPrintable(email.siblingAtColumn(1).data().toString()));
    const QModelIndex hasMany = model.indexForId(QStringLiteral("as-user-pictures"));
    QCOMPARE(hasMany.data().toString(), QStringLiteral("User.hasMany(Picture)"));
    QVERIFY2(hasMany.siblingAtColumn(1).data().toString().contains(QLatin1String("FK uid")),
             qPrintable(hasMany.siblingAtColumn(1).data().toString()));
    const QModelIndex postTags = model.index(0, 0, junctions);
    QCOMPARE(postTags.data().toString(), QStringLiteral("PostTags"));
    QVERIFY(postTags.data(OutlineModel::GeneratedRole).toBool());
    QCOMPARE(postTags.data(OutlineModel::IdRole).toString(), OutlineModel::junctionId("PostTags"));
    QVERIFY(model.rowCount(postTags) >= 2); // PostId, TagId (and timestamps)
}

void tst_Outline::followsEditsWithoutReset()
{
    auto document = openExample("blog.junction.json");
    QVERIFY(document);
    const QByteArray start = ProjectWriter::toBytes(document->project());
    OutlineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDocument(document.get());
    QSortFilterProxyModel proxy;
    proxy.setRecursiveFilteringEnabled(true);
    proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy.setSourceModel(&model);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setFilterFixedString(QStringLiteral("i")); // filtering while the source changes
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

    // A persistent index survives the edits that do not remove its node.
    const QPersistentModelIndex email = model.indexForId(QStringLiteral("a-user-email"));
    QVERIFY(email.isValid());

    const EntityId user(QStringLiteral("m-user"));
    const EntityId tag(QStringLiteral("m-tag"));
    QVERIFY(document->push(Commands::renameEntity(*document, user, QStringLiteral("Person"))));
    // The change reaches the tree once the edits pause (the debounce), not per keystroke.
    QVERIFY(model.hasPendingChanges());
    QCOMPARE(model.indexForId(QStringLiteral("m-user")).data().toString(), QStringLiteral("User"));
    QTRY_VERIFY(!model.hasPendingChanges());
    QCOMPARE(model.indexForId(QStringLiteral("m-user")).data().toString(),
             QStringLiteral("Person"));
    Attribute age;
    age.name = QStringLiteral("age");
    age.type = QStringLiteral("INTEGER");
    QVERIFY(document->push(Commands::addAttribute(*document, user, age, 0)));
    model.flushChanges();
    QVERIFY(document->push(
        Commands::moveAttribute(*document, user, AttributeId(QStringLiteral("a-user-email")), 3)));
    QVERIFY(document->push(
        Commands::removeAttributes(*document, user, {AttributeId(QStringLiteral("a-user-role"))})));
    Association likes;
    likes.type = AssociationType::BelongsToMany;
    likes.source = QStringLiteral("Person");
    likes.target = QStringLiteral("Picture");
    likes.as.plural = QStringLiteral("Likes");
    likes.through.kind = Through::Kind::Table;
    likes.through.name = QStringLiteral("PictureLikes");
    model.flushChanges();
    QVERIFY(document->push(Commands::addAssociation(*document, likes)));
    model.flushChanges();
    QVERIFY(document->push(
        Commands::removeAssociations(*document,
                                     {AssociationId(QStringLiteral("as-post-tags")),
                                      AssociationId(QStringLiteral("as-tag-posts"))})));
    Entity comment;
    comment.name = QStringLiteral("Comment");
    model.flushChanges();
    QVERIFY(document->push(Commands::addEntity(*document, comment, QPointF(0, 0), 1)));
    model.flushChanges();
    QVERIFY(document->push(Commands::removeEntities(*document, {tag})));

    model.flushChanges();
    QCOMPARE(dump(&model), freshDump(document.get()));
    QVERIFY(email.isValid());
    QCOMPARE(email.data().toString(), QStringLiteral("email"));
    QCOMPARE(email.row(), 2); // age, name, email
    QCOMPARE(model.rowCount(model.index(2, 0)), 1); // PictureLikes replaced PostTags
    QCOMPARE(model.index(0, 0, model.index(2, 0)).data().toString(),
             QStringLiteral("PictureLikes"));
    const QStringList end = dump(&model);

    while (document->undoStack()->canUndo()) {
        document->undoStack()->undo();
        model.flushChanges();
        QCOMPARE(dump(&model), freshDump(document.get()));
    }
    QCOMPARE(ProjectWriter::toBytes(document->project()), start);
    while (document->undoStack()->canRedo()) {
        document->undoStack()->redo();
        model.flushChanges();
    }
    QCOMPARE(dump(&model), end);
    QCOMPARE(resets.size(), 0);
}

void tst_Outline::followsResolvesByWhatChanged()
{
    // The outline in the window follows each structural edit's resolve (its delta) and
    // shows what a freshly built one does, having touched only the rows the edit concerns.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("generated.junction.json"));
    QVERIFY(Document(Bench::generateProject(300, 450)).saveAs(path));
    const auto window = Junction::Testing::openWindow(path);
    QVERIFY(window);
    Document *document = window->document();
    OutlineModel *model = window->outlinePanel()->model();
    QTRY_VERIFY(!model->isFilling() && !model->hasPendingChanges());
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(window->outlinePanel()->proxy(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changedRows(model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy resets(model, &QAbstractItemModel::modelReset);
    const auto settle = [&] {
        changedRows.clear();
        inserted.clear();
        removed.clear();
        return Junction::Testing::waitUntilSettled(window.get())
               && QTest::qWaitFor([&] { return !model->hasPendingChanges(); });
    };
    // The rows under the groups that the last edit reported as changed (the groups' own rows
    // show their counts).
    const auto changedIds = [&] {
        QStringList ids;
        for (const QList<QVariant> &signal : std::as_const(changedRows)) {
            const auto index = signal.at(0).value<QModelIndex>();
            if (index.parent().isValid())
                ids << index.data(OutlineModel::IdRole).toString();
        }
        ids.sort();
        return ids;
    };
    const QModelIndex modelsGroup = model->index(0, 0);
    const int models = model->rowCount(modelsGroup);

    // A model added at the end: one row comes, no other row is compared as changed.
    Entity added;
    added.name = QStringLiteral("Comment");
    QVERIFY(document->push(Commands::addEntity(*document, added, QPointF(0, 0))));
    QVERIFY(settle());
    QCOMPARE(dump(model), freshDump(document));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(0).value<QModelIndex>(), modelsGroup);
    QCOMPARE(inserted.first().at(1).toInt(), models);
    QCOMPARE(changedIds(), QStringList());
    QCOMPARE(model->index(models, 0, modelsGroup).data().toString(), QStringLiteral("Comment"));
    QCOMPARE(modelsGroup.siblingAtColumn(1).data().toString(), QString::number(models + 1));

    // A model renamed: its row and the rows of the associations that name it.
    const Entity renamed = document->project().entities.at(150);
    QStringList naming;
    for (const Association &association : document->project().associations) {
        if (association.source == renamed.name || association.target == renamed.name)
            naming << association.id.toString();
    }
    QVERIFY2(!naming.isEmpty(), "the generator links neighbours");
    QVERIFY(document->push(Commands::renameEntity(*document, renamed.id, QStringLiteral("Person"))));
    QVERIFY(settle());
    QCOMPARE(dump(model), freshDump(document));
    QVERIFY(changedIds().contains(renamed.id.toString()));
    for (const QString &id : std::as_const(naming))
        QVERIFY2(model->indexForId(id).data().toString().contains(QLatin1String("Person")),
                 qPrintable(model->indexForId(id).data().toString()));
    for (const QSignalSpy *spy : {&inserted, &removed}) {
        for (const QList<QVariant> &signal : *spy)
            QVERIFY(signal.at(0).value<QModelIndex>().row() == 2); // only junction tables
    }

    // A model from the middle deleted with its associations, then undone: rows go and come
    // back in their places.
    const EntityId deleted = document->project().entities.at(100).id;
    const int associations = int(document->project().associations.size());
    QVERIFY(document->push(Commands::removeEntities(*document, {deleted})));
    QVERIFY(settle());
    QCOMPARE(dump(model), freshDump(document));
    QVERIFY(!model->indexForId(deleted.toString()).isValid());
    QVERIFY(model->rowCount(model->index(1, 0)) < associations);
    document->undoStack()->undo();
    QVERIFY(settle());
    QCOMPARE(dump(model), freshDump(document));
    QCOMPARE(model->indexForId(deleted.toString()).row(), 100);
    QCOMPARE(model->rowCount(model->index(1, 0)), associations);

    // And the rest undone, one at a time.
    while (document->undoStack()->canUndo()) {
        document->undoStack()->undo();
        QVERIFY(settle());
        QCOMPARE(dump(model), freshDump(document));
    }
    QCOMPARE(model->rowCount(modelsGroup), models);
    QCOMPARE(resets.size(), 0);
}

void tst_Outline::selectAllAndDeleteAll()
{
    // Select All on a generated schema selects every row of the three groups in the outline
    // as runs (one range per group, not one per row: thousands of ranges took QItemSelectionModel
    // seconds), on the next turn of the event loop (a selection of over
    // OutlinePanel::followAtOnce items), and enables what needs three models; selecting every
    // row in the outline is one selection change on the canvas; deleting every model empties
    // both.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("generated.junction.json"));
    QVERIFY(Document(Bench::generateProject(600, 900)).saveAs(path));
    const auto window = Junction::Testing::openWindow(path);
    QVERIFY(window);
    Document *document = window->document();
    DiagramScene *scene = window->scene();
    OutlinePanel *outline = window->outlinePanel();
    OutlineModel *model = outline->model();
    QTRY_VERIFY(!model->isFilling() && !model->hasPendingChanges());
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto action = [&](const char *name) {
        return window->findChild<QAction *>(QLatin1String(name));
    };
    QVERIFY(!action("deleteAction")->isEnabled());

    action("selectAllAction")->trigger();
    const int models = int(document->project().entities.size());
    const int associations = int(document->project().associations.size());
    const int junctions = model->rowCount(model->index(2, 0));
    QVERIFY(junctions > 0);
    QCOMPARE(scene->selectedItems().size(), models + associations + junctions);
    QStringList expected;
    for (int group = 0; group < 3; ++group) {
        const QModelIndex parent = model->index(group, 0);
        for (int row = 0; row < model->rowCount(parent); ++row)
            expected << model->index(row, 0, parent).data(OutlineModel::IdRole).toString();
    }
    expected.sort();
    const auto selectedIds = [&] {
        QStringList selected = outline->selectedIds();
        selected.sort();
        return selected;
    };
    QTRY_COMPARE(selectedIds(), expected);
    QCOMPARE(outline->tree()->selectionModel()->selection().size(), 3);
    for (const char *name : {"deleteAction", "alignTopAction", "distributeHorizontallyAction"})
        QVERIFY2(action(name)->isEnabled(), name);
    QVERIFY(!scene->tableItem(document->project().entities.first().id)
                 ->childItems()
                 .size()); // no add-attribute tab on one of many

    // The other way: every row selected in the outline, the canvas told once.
    scene->clearSelection();
    QTRY_COMPARE(outline->selectedIds(), QStringList());
    QSignalSpy canvasChanges(scene, &QGraphicsScene::selectionChanged);
    outline->tree()->selectAll();
    QCOMPARE(canvasChanges.size(), 1);
    QCOMPARE(scene->selectedItems().size(), models + associations + junctions);
    QVERIFY(action("distributeHorizontallyAction")->isEnabled());

    QList<EntityId> all;
    for (const Entity &entity : document->project().entities)
        all << entity.id;
    QVERIFY(document->push(Commands::removeEntities(*document, all)));
    QVERIFY(scene->selectedItems().isEmpty());
    QVERIFY(Junction::Testing::waitUntilSettled(window.get()));
    QTRY_VERIFY(!model->hasPendingChanges());
    QCOMPARE(outline->selectedIds(), QStringList());
    for (int group = 0; group < 3; ++group)
        QCOMPARE(model->rowCount(model->index(group, 0)), 0);
    QVERIFY(!action("deleteAction")->isEnabled());

    document->undoStack()->undo();
    QVERIFY(Junction::Testing::waitUntilSettled(window.get()));
    QTRY_VERIFY(!model->hasPendingChanges());
    QCOMPARE(dump(model), freshDump(document));
    QCOMPARE(scene->tableItems().size(), models + junctions);
}

void tst_Outline::filterIsRecursive()
{
    OutlinePanel panel;
    auto document = openExample("blog.junction.json");
    QVERIFY(document);
    QAbstractItemModelTester tester(panel.proxy(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    panel.setDocument(document.get());
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));

    QTest::keyClicks(panel.filterEdit(), QStringLiteral("EMA"));
    const QStringList shown = dump(panel.proxy());
    QCOMPARE(shown,
             QStringList(
                 {QStringLiteral("Models | 4 | "), QStringLiteral("  User | Users | m-user"),
                  QStringLiteral("    email | STRING(320) · NOT NULL · UNIQUE | a-user-email")}));
    // The match is visible without opening the model by hand.
    const QModelIndex email
        = panel.proxy()->index(0, 0, panel.proxy()->index(0, 0, panel.proxy()->index(0, 0)));
    QVERIFY(panel.tree()->visualRect(email).isValid());

    // A filter that matches an association and a junction table by name.
    panel.filterEdit()->clear();
    QTest::keyClicks(panel.filterEdit(), QStringLiteral("tag"));
    const QStringList tags = dump(panel.proxy());
    QVERIFY2(tags.contains(QStringLiteral("  Tag | Tags | m-tag")), qPrintable(tags.join('\n')));
    QVERIFY2(tags.contains(QStringLiteral("  PostTags | Post ↔ Tag | junction:PostTags")),
             qPrintable(tags.join('\n')));
    QVERIFY2(!tags.contains(QStringLiteral("  User | Users | m-user")),
             qPrintable(tags.join('\n')));

    // Editing while filtered: a renamed model leaves or enters the filtered tree.
    QVERIFY(document->push(Commands::renameEntity(*document, EntityId(QStringLiteral("m-user")),
                                                  QStringLiteral("Tagger"))));
    panel.model()->flushChanges();
    QVERIFY(dump(panel.proxy()).contains(QStringLiteral("  Tagger | Taggers | m-user")));
    document->undoStack()->undo();
    panel.model()->flushChanges();
    QVERIFY(!dump(panel.proxy()).contains(QStringLiteral("  Tagger | Taggers | m-user")));

    panel.filterEdit()->clear();
    QCOMPARE(dump(panel.proxy()), dump(panel.model()));
}

void tst_Outline::outlineSelectsOnCanvas()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openFile(example("blog.junction.json")));
    OutlinePanel *outline = window.outlinePanel();
    QTreeView *tree = outline->tree();
    DiagramScene *scene = window.scene();
    window.view()->resetZoom();

    // Click the Tag row: its box is selected and the view centred on it.
    const QModelIndex tagRow
        = outline->proxy()->mapFromSource(outline->model()->indexForId(QStringLiteral("m-tag")));
    tree->scrollTo(tagRow);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(tagRow).center());
    TableItem *tag = scene->tableItem(EntityId(QStringLiteral("m-tag")));
    QCOMPARE(scene->selectedItems(), QList<QGraphicsItem *> {tag});
    QVERIFY(centredOn(window.view(), tag));
    QVERIFY(window.view()->viewport()->rect().contains(
        window.view()->mapFromScene(tag->sceneBoundingRect().center())));

    // An association row selects its edge; Ctrl adds the junction table.
    const QModelIndex edgeRow = outline->proxy()->mapFromSource(
        outline->model()->indexForId(QStringLiteral("as-user-posts")));
    tree->scrollTo(edgeRow);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(edgeRow).center());
    const QModelIndex junctionRow = outline->proxy()->mapFromSource(
        outline->model()->indexForId(OutlineModel::junctionId(QStringLiteral("PostTags"))));
    tree->scrollTo(junctionRow);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, Qt::ControlModifier,
                      tree->visualRect(junctionRow).center());
    QList<QGraphicsItem *> selected = scene->selectedItems();
    QCOMPARE(selected.size(), 2);
    QVERIFY(
        selected.contains(scene->associationItem(AssociationId(QStringLiteral("as-user-posts")))));
    QVERIFY(selected.contains(scene->junctionItem(QStringLiteral("PostTags"))));

    // An attribute row selects its model's box and stays the outline's selection.
    const QModelIndex emailRow = outline->proxy()->mapFromSource(
        outline->model()->indexForId(QStringLiteral("a-user-email")));
    tree->scrollTo(emailRow);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(emailRow).center());
    QCOMPARE(scene->selectedItems(),
             QList<QGraphicsItem *> {scene->tableItem(EntityId(QStringLiteral("m-user")))});
    QCOMPARE(outline->selectedIds(), QStringList {QStringLiteral("a-user-email")});

    // Double-click centres on it again after the view moved away.
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(tagRow).center());
    QCOMPARE(outline->selectedIds(), QStringList {QStringLiteral("m-tag")});
    window.view()->centerOn(QPointF(-5000, -5000));
    QVERIFY(!centredOn(window.view(), tag));
    QTest::mouseDClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(tagRow).center());
    QVERIFY(centredOn(window.view(), tag));
}

void tst_Outline::canvasSelectsInOutline()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openFile(example("blog.junction.json")));
    OutlinePanel *outline = window.outlinePanel();
    DiagramView *view = window.view();
    view->resetZoom();
    TableItem *picture = window.scene()->tableItem(EntityId(QStringLiteral("m-picture")));
    QVERIFY(picture);
    view->centerOn(picture);
    const QPoint press = view->mapFromScene(picture->mapToScene(QPointF(20, 10)));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, press);
    QCOMPARE(window.scene()->selectedItems(), QList<QGraphicsItem *> {picture});
    QCOMPARE(outline->selectedIds(), QStringList {QStringLiteral("m-picture")});
    QCOMPARE(outline->tree()->currentIndex().data().toString(), QStringLiteral("Picture"));

    // A selection made in code (a diagnostic's double-click) is followed too.
    window.scene()->selectElements({QStringLiteral("as-user-profile-picture")});
    QCOMPARE(outline->selectedIds(), QStringList {QStringLiteral("as-user-profile-picture")});
    // Clicking on empty canvas clears both.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, QPoint(2, 2));
    QVERIFY(window.scene()->selectedItems().isEmpty());
    QVERIFY(outline->selectedIds().isEmpty());
}

void tst_Outline::screenshotFiltered()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openFile(example("shop.junction.json")));
    OutlinePanel *outline = window.outlinePanel();
    QTest::keyClicks(outline->filterEdit(), QStringLiteral("order"));
    QVERIFY(outline->proxy()->rowCount() > 0);
    // The names column fits the rows shown (on a turn of the event loop after they came).
    QTreeView *tree = outline->tree();
    int widest = 0;
    for (int group = 0; group < outline->proxy()->rowCount(); ++group) {
        const QModelIndex parent = outline->proxy()->index(group, 0);
        for (int row = 0; row < outline->proxy()->rowCount(parent); ++row) {
            const QString name = outline->proxy()->index(row, 0, parent).data().toString();
            widest = std::max(widest, tree->fontMetrics().horizontalAdvance(name));
        }
    }
    QTRY_VERIFY2(tree->columnWidth(OutlineModel::NameColumn) >= 2 * tree->indentation() + widest,
                 qPrintable(QString::number(tree->columnWidth(OutlineModel::NameColumn))));
    outline->resize(320, 420);
    const QString path = QStringLiteral(JUNCTION_SCREENSHOT_DIR "/outline-filtered.png");
    QVERIFY(outline->grab().save(path));
    qInfo("screenshot: %s", qPrintable(path));
}

QTEST_MAIN(tst_Outline)
#include "tst_outline.moc"
