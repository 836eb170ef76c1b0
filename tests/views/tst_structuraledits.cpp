// SPDX-License-Identifier: MIT
// Edits that bring or take edges and junction tables (issue 5: no UI stall over 100 ms on
// the 10,000-model schema): an association added, a belongsTo and a belongsToMany removed,
// a model with edges and a junction table deleted, and the undo of each. On a generated
// schema in a whole MainWindow, each is shown at once without resolving the schema on the
// UI thread; once the worker's resolve has landed, the canvas is exactly the scene a full
// build of the document gives (boxes, rows, edges, lanes, routes, junction places), and it
// got there item by item: the boxes and edges the edit does not touch are the same objects.
// Hundreds of models coming back at once (undoing the deletion of all) are built in slices.
#include "associationitem.h"
#include "commands/associationcommands.h"
#include "commands/entitycommands.h"
#include "diagramscene.h"
#include "diagramview.h"
#include "document.h"
#include "mainwindow.h"
#include "resolvescheduler.h"
#include "scenesummary.h"
#include "schemagenerator.h"
#include "tableitem.h"
#include "viewtestsupport.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Junction;
using Junction::Testing::contentsBuiltAtOnce;
using Junction::Testing::sceneContents;

namespace {

enum class Edit { AddHasMany, AddBelongsToMany, RemoveBelongsTo, RemoveBelongsToMany, DeleteModel };

constexpr int models = 600;
constexpr int associations = 900;

} // namespace

Q_DECLARE_METATYPE(Edit)

class tst_StructuralEdits : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void shownItemByItem_data();
    void shownItemByItem();
    void manyComeBackInSlices();

private:
    bool settled() const;
    QSet<const QGraphicsItem *> items() const;
    // The canvas now equals a full build, and kept all but a few of `before`'s items.
    void compareWithFullBuild(const QSet<const QGraphicsItem *> &before, int touched) const;

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void tst_StructuralEdits::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("JunctionTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_structuraledits"));
    Testing::useFreshTestSettings();
    const QString path = m_dir.filePath(QStringLiteral("generated.junction.json"));
    Document generated(Bench::generateProject(models, associations));
    QVERIFY(generated.saveAs(path));
    m_window = Testing::openWindow(path);
    QVERIFY(m_window);
    m_window->resize(1600, 1000);
    QTRY_VERIFY_WITH_TIMEOUT(settled(), 30000);
}

void tst_StructuralEdits::cleanupTestCase()
{
    m_window.reset();
}

bool tst_StructuralEdits::settled() const
{
    const Document *document = m_window->document();
    return document->isResolveSettled() && document->isResolvedCurrent()
           && !m_window->scene()->isBuilding();
}

QSet<const QGraphicsItem *> tst_StructuralEdits::items() const
{
    QSet<const QGraphicsItem *> all;
    for (const TableItem *table : m_window->scene()->tableItems())
        all.insert(table);
    for (const AssociationItem *edge : m_window->scene()->associationItems())
        all.insert(edge);
    return all;
}

void tst_StructuralEdits::compareWithFullBuild(const QSet<const QGraphicsItem *> &before,
                                                int touched) const
{
    Document *document = m_window->document();
    const QStringList shown = sceneContents(*m_window->scene());
    const QStringList full = contentsBuiltAtOnce(*document);
    if (shown != full) {
        for (const QString &line : shown) {
            if (!full.contains(line))
                qWarning("shown, not in a full build: %s", qPrintable(line));
        }
        for (const QString &line : full) {
            if (!shown.contains(line))
                qWarning("in a full build, not shown: %s", qPrintable(line));
        }
    }
    QCOMPARE(shown.size(), full.size());
    QVERIFY(shown == full);
    // Item by item: all but the items the edit made are the ones there were.
    const QSet<const QGraphicsItem *> now = items();
    const qsizetype kept = (now & before).size();
    QVERIFY2(now.size() - kept <= touched,
             qPrintable(QStringLiteral("%1 of %2 items are new").arg(now.size() - kept)
                            .arg(now.size())));
}

void tst_StructuralEdits::shownItemByItem_data()
{
    QTest::addColumn<Edit>("edit");
    QTest::newRow("add hasMany") << Edit::AddHasMany;
    QTest::newRow("add belongsToMany") << Edit::AddBelongsToMany;
    QTest::newRow("remove belongsTo") << Edit::RemoveBelongsTo;
    QTest::newRow("remove belongsToMany") << Edit::RemoveBelongsToMany;
    QTest::newRow("delete model with edges") << Edit::DeleteModel;
}

void tst_StructuralEdits::shownItemByItem()
{
    QFETCH(Edit, edit);
    Document *document = m_window->document();
    ResolveScheduler *scheduler = document->resolveScheduler();
    DiagramScene *scene = m_window->scene();
    QTRY_VERIFY_WITH_TIMEOUT(settled(), 30000);
    const QStringList start = sceneContents(*scene);
    const QSet<const QGraphicsItem *> startItems = items();
    const Project &project = document->project();

    // The generator cycles belongsTo, hasMany, hasOne, belongsToMany; the ones picked lie in
    // the middle, so that the undo puts them back between others.
    const int half = (associations / 2) & ~3;
    const Association belongsTo = project.associations.at(half);
    const Association belongsToMany = project.associations.at(half + 3);
    QCOMPARE(belongsToMany.type, AssociationType::BelongsToMany);
    std::unique_ptr<QUndoCommand> command;
    // Whether the canvas shows the edit (true) or what was before (false), right away.
    std::function<bool(bool)> shows;
    int touched = 0; // items the edit may make
    switch (edit) {
    case Edit::AddHasMany:
    case Edit::AddBelongsToMany: {
        Association added;
        const bool many = edit == Edit::AddBelongsToMany;
        added.type = many ? AssociationType::BelongsToMany : AssociationType::HasMany;
        added.id = AssociationId(QStringLiteral("as-test-added"));
        added.source = project.entities.at(models / 2 + 3).name;
        added.target = project.entities.at(models / 2 + 103).name;
        added.as.plural = QStringLiteral("TestItems");
        if (many) {
            added.through.kind = Through::Kind::Table;
            added.through.name = QStringLiteral("TestLink");
        }
        command = Commands::addAssociation(*document, added);
        shows = [scene, many](bool done) {
            const AssociationId id(QStringLiteral("as-test-added"));
            return bool(scene->associationItem(id)) == done
                   && (!many || bool(scene->junctionItem(QStringLiteral("TestLink"))) == done);
        };
        touched = many ? 2 : 1;
        break;
    }
    case Edit::RemoveBelongsTo:
        command = Commands::removeAssociations(*document, {belongsTo.id});
        shows = [scene, id = belongsTo.id](bool done) {
            return bool(scene->associationItem(id)) != done;
        };
        touched = 1;
        break;
    case Edit::RemoveBelongsToMany:
        command = Commands::removeAssociations(*document, {belongsToMany.id});
        shows = [scene, id = belongsToMany.id, link = belongsToMany.through.name](bool done) {
            return bool(scene->associationItem(id)) != done
                   && bool(scene->junctionItem(link)) != done;
        };
        touched = 2;
        break;
    case Edit::DeleteModel: {
        // The model holding that belongsToMany: edges both ways and a junction table.
        EntityId holder;
        for (const Entity &entity : project.entities) {
            if (entity.name == belongsToMany.source)
                holder = entity.id;
        }
        touched = 2; // its box, the junction...
        const TableItem *box = scene->tableItem(holder);
        QVERIFY(box);
        QVERIFY2(!box->edges().isEmpty(), "a model with edges");
        touched += int(box->edges().size()); // ...and its edges
        command = Commands::removeEntities(*document, {holder});
        shows = [scene, holder, id = belongsToMany.id, link = belongsToMany.through.name](
                    bool done) {
            return bool(scene->tableItem(holder)) != done
                   && bool(scene->associationItem(id)) != done
                   && bool(scene->junctionItem(link)) != done;
        };
        break;
    }
    }
    QVERIFY(command);

    // At once, without resolving the schema on the UI thread.
    int resolves = scheduler->resolveCount();
    document->push(std::move(command));
    QVERIFY(!document->isResolvedCurrent());
    QCOMPARE(scheduler->resolveCount(), resolves);
    QVERIFY(shows(true));
    QTRY_VERIFY_WITH_TIMEOUT(settled(), 30000);
    QVERIFY(shows(true));
    compareWithFullBuild(startItems, touched);
    if (edit == Edit::AddBelongsToMany) {
        AssociationItem *edge
            = scene->associationItem(AssociationId(QStringLiteral("as-test-added")));
        m_window->view()->resetZoom();
        m_window->view()->centerOn(scene->junctionItem(QStringLiteral("TestLink")));
        edge->setSelected(true);
        QVERIFY(m_window->grab().save(QStringLiteral(JUNCTION_SCREENSHOT_DIR)
                                      + QStringLiteral("/structuraledit-added.png")));
        scene->clearSelection();
    }

    // Undone: at once again, and once settled the scene there was, item by item.
    const QSet<const QGraphicsItem *> editedItems = items();
    resolves = scheduler->resolveCount();
    document->undoStack()->undo();
    QVERIFY(!document->isResolvedCurrent());
    QCOMPARE(scheduler->resolveCount(), resolves);
    QVERIFY(shows(false));
    QTRY_VERIFY_WITH_TIMEOUT(settled(), 30000);
    compareWithFullBuild(editedItems, touched);
    QCOMPARE(sceneContents(*scene), start);

    // Redone, and undone again, for the stack to be as it was for the next row.
    document->undoStack()->redo();
    QVERIFY(shows(true));
    QTRY_VERIFY_WITH_TIMEOUT(settled(), 30000);
    compareWithFullBuild(editedItems, touched);
    document->undoStack()->undo();
    QTRY_VERIFY_WITH_TIMEOUT(settled(), 30000);
    QCOMPARE(sceneContents(*scene), start);
}

void tst_StructuralEdits::manyComeBackInSlices()
{
    Document *document = m_window->document();
    DiagramScene *scene = m_window->scene();
    QTRY_VERIFY_WITH_TIMEOUT(settled(), 30000);
    const QStringList start = sceneContents(*scene);
    QList<EntityId> all;
    for (const Entity &entity : document->project().entities)
        all << entity.id;
    QVERIFY(document->push(Commands::removeEntities(*document, all)));
    QTRY_VERIFY_WITH_TIMEOUT(settled(), 30000);
    QVERIFY(scene->tableItems().isEmpty());
    QVERIFY(scene->associationItems().isEmpty());

    // Undone, 600 models and 900 associations come back at once: the canvas builds them in
    // slices, as on opening, instead of holding the window for all of them, and ends as a
    // full build.
    document->undoStack()->undo();
    QVERIFY(scene->isBuilding());
    QTRY_VERIFY_WITH_TIMEOUT(settled(), 30000);
    QCOMPARE(sceneContents(*scene), contentsBuiltAtOnce(*document));
    QCOMPARE(sceneContents(*scene), start);
}

QTEST_MAIN(tst_StructuralEdits)
#include "tst_structuraledits.moc"
