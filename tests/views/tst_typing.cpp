// SPDX-License-Identifier: MIT
// Typing on a large schema (issue 5: diagnostics follow edits "debounced, never blocking
// typing"; no UI stall over 100 ms). A model's name is typed key by key into the
// inspector of a whole MainWindow on a generated 2,000-model schema: no key resolves on the
// UI thread (the resolve is left to the ResolveScheduler's worker), the box shows the name
// at once, and once settled the canvas, diagnostics, DDL dock and outline are exactly what
// a fresh synchronous resolve of the project gives. Keys that come while a resolve runs
// make its result stale: it is dropped, and the settled state is still exact.
#include "associationitem.h"
#include "commands/entitycommands.h"
#include "ddlexport.h"
#include "ddlpanel.h"
#include "diagnosticsmodel.h"
#include "diagnosticspanel.h"
#include "diagramscene.h"
#include "document.h"
#include "entitypage.h"
#include "inspectorpanel.h"
#include "mainwindow.h"
#include "outlinemodel.h"
#include "outlinepanel.h"
#include "resolvescheduler.h"
#include "scenesummary.h"
#include "schemagenerator.h"
#include "tableitem.h"
#include "validator.h"
#include "viewtestsupport.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Junction;
using Junction::Testing::builtAtOnce;
using Junction::Testing::sceneSummary;

namespace {

} // namespace

class tst_Typing : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void typingNeverResolvesOnTheUiThread();
    void staleResolvesAreDropped();
    void addingAndRemovingAModelNeverResolvesOnTheUiThread();
    void undoSettlesToo();

private:
    // Waits until the document's resolve is announced and every view followed it.
    bool settled() const;
    // The canvas, diagnostics, DDL dock and outline against resolve(project) computed now.
    void compareWithFreshResolve() const;
    QLineEdit *selectModel(int index);

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void tst_Typing::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("JunctionTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_typing"));
    Testing::useFreshTestSettings();
    const QString path = m_dir.filePath(QStringLiteral("large.junction.json"));
    Document generated(Bench::generateProject(Bench::sizeL.models, Bench::sizeL.associations));
    QVERIFY(generated.saveAs(path));
    m_window = Testing::openWindow(path, QStringLiteral("ddlDock"));
    QVERIFY(m_window);
    m_window->resize(1600, 1000);
    QTRY_VERIFY_WITH_TIMEOUT(settled(), 30000);
}

void tst_Typing::cleanupTestCase()
{
    m_window.reset();
}

bool tst_Typing::settled() const
{
    const Document *document = m_window->document();
    return document->isResolveSettled() && document->isResolvedCurrent()
           && m_window->diagnosticsPanel()->isUpToDate() && m_window->ddlPanel()->isUpToDate()
           && !m_window->outlinePanel()->model()->hasPendingChanges();
}

QLineEdit *tst_Typing::selectModel(int index)
{
    const EntityId id = m_window->document()->project().entities.at(index).id;
    DiagramScene *scene = m_window->scene();
    scene->clearSelection();
    scene->tableItem(id)->setSelected(true);
    QLineEdit *edit = m_window->inspectorPanel()->entityPage()->nameEdit();
    edit->setFocus();
    edit->end(false);
    return edit;
}

void tst_Typing::compareWithFreshResolve() const
{
    const Document *document = m_window->document();
    const Project &project = document->project();
    const ResolvedSchema fresh = resolve(project);
    QVERIFY(ResolvedDelta::between(fresh, document->resolved()).isEmpty());

    // Every box and edge shows what the fresh resolve gives (the schema has no cycle).
    const DiagramScene *scene = m_window->scene();
    for (const ResolvedTable &table : fresh.tables) {
        const TableItem *item = table.isCreatedJunction() ? scene->junctionItem(table.name)
                                                          : scene->tableItem(table.entity);
        QVERIFY2(item, qPrintable(table.name));
        QVERIFY2(item->content() == TableItem::contentOf(table, fresh, false),
                 qPrintable(table.name));
    }
    for (const ResolvedAssociation &association : fresh.associations) {
        const AssociationItem *item = scene->associationItem(association.id);
        QVERIFY2(item, qPrintable(association.id.toString()));
        QVERIFY2(item->content() == AssociationItem::contentOf(association, false),
                 qPrintable(association.id.toString()));
    }

    // And nothing more (a box or an edge that should have gone).
    QCOMPARE(scene->tableItems().size(), fresh.tables.size());
    QCOMPARE(scene->associationItems().size(), fresh.associations.size());

    const DdlPanel *ddl = m_window->ddlPanel();
    QCOMPARE(ddl->text(), DdlExport::generate(project, fresh, ddl->dialect()).text);

    const Diagnostics expected = validateProject(project, fresh);
    const Diagnostics shown = m_window->diagnosticsPanel()->model()->diagnostics();
    QCOMPARE(shown.size(), expected.size());
    for (qsizetype i = 0; i < shown.size(); ++i) {
        QCOMPARE(shown.at(i).code, expected.at(i).code);
        QCOMPARE(shown.at(i).message, expected.at(i).message);
        QCOMPARE(shown.at(i).ids, expected.at(i).ids);
    }
}

void tst_Typing::typingNeverResolvesOnTheUiThread()
{
    Document *document = m_window->document();
    ResolveScheduler *scheduler = document->resolveScheduler();
    const int model = Bench::sizeL.models / 2;
    const EntityId id = document->project().entities.at(model).id;
    const QString name = document->project().entities.at(model).name;
    QLineEdit *edit = selectModel(model);
    QTRY_VERIFY(settled());
    QSignalSpy announced(document, &Document::resolvedChanged);

    QString typed = name;
    for (const char key : {'a', 'b', 'c'}) {
        const int resolvesBefore = scheduler->resolveCount();
        QElapsedTimer clock;
        clock.start();
        QTest::keyClick(edit, key);
        const double ms = clock.nsecsElapsed() / 1e6;
        typed += QLatin1Char(key);
        qInfo("key '%c': the UI thread was busy %.1f ms", key, ms);
        QCOMPARE(document->entity(id)->name, typed);
        // Nobody resolved on the UI thread for this key, and no resolve started yet: it
        // waits for the debounce.
        QVERIFY(!document->isResolvedCurrent());
        QCOMPARE(scheduler->resolveCount(), resolvesBefore);
        // The box shows the name at once.
        QCOMPARE(m_window->scene()->tableItem(id)->content().title, typed);
        QTRY_VERIFY_WITH_TIMEOUT(settled(), 30000);
        QCOMPARE(scheduler->resolveCount(), resolvesBefore + 1);
    }
    QCOMPARE(announced.count(), 3);
    // The delta named the model's own table, not the 2,000 others.
    const auto delta = announced.last().at(0).value<ResolvedDelta>();
    QVERIFY(!delta.everything);
    QVERIFY(!delta.structure);
    QVERIFY(delta.models.contains(id));
    QVERIFY2(delta.models.size() < 50, qPrintable(QString::number(delta.models.size())));
    compareWithFreshResolve();
    QCOMPARE(m_window->inspectorPanel()->entityPage()->nameEdit()->text(), typed);
    const QModelIndexList outlined = m_window->outlinePanel()->model()->match(
        m_window->outlinePanel()->model()->index(0, 0), Qt::DisplayRole, typed, 1,
        Qt::MatchExactly | Qt::MatchRecursive);
    QCOMPARE(outlined.size(), 1);
}

void tst_Typing::staleResolvesAreDropped()
{
    Document *document = m_window->document();
    ResolveScheduler *scheduler = document->resolveScheduler();
    QLineEdit *edit = selectModel(Bench::sizeL.models / 3);
    QTRY_VERIFY(settled());
    const int dropped = scheduler->droppedCount();
    const int resolves = scheduler->resolveCount();
    QSignalSpy announced(document, &Document::resolvedChanged);

    // A burst within the debounce: one resolve for all of it.
    QTest::keyClicks(edit, QStringLiteral("xy"));
    QTRY_VERIFY_WITH_TIMEOUT(settled(), 30000);
    QCOMPARE(scheduler->resolveCount(), resolves + 1);
    QCOMPARE(announced.count(), 1);
    compareWithFreshResolve();

    // A key while a resolve runs: that result is of a project there no longer is.
    QTest::keyClick(edit, 'z');
    scheduler->start(); // as the debounce would, now
    QTest::keyClick(edit, 'w');
    QTRY_VERIFY_WITH_TIMEOUT(settled(), 30000);
    QCOMPARE(scheduler->droppedCount(), dropped + 1);
    QCOMPARE(announced.count(), 2); // the dropped result was never announced
    QVERIFY(edit->text().endsWith(QLatin1String("xyzw")));
    compareWithFreshResolve();
}

void tst_Typing::addingAndRemovingAModelNeverResolvesOnTheUiThread()
{
    Document *document = m_window->document();
    ResolveScheduler *scheduler = document->resolveScheduler();
    DiagramScene *scene = m_window->scene();
    QTRY_VERIFY(settled());
    const qsizetype boxes = scene->tableItems().size();

    // A model added (as the canvas's double click does): its box is there at once, the
    // schema is not resolved on the UI thread for it.
    int resolves = scheduler->resolveCount();
    Entity entity;
    entity.name = QStringLiteral("Added");
    document->push(Commands::addEntity(*document, entity, QPointF(-600, -400)));
    const EntityId id = document->project().entities.last().id;
    QVERIFY(!document->isResolvedCurrent());
    QCOMPARE(scheduler->resolveCount(), resolves);
    const TableItem *box = scene->tableItem(id);
    QVERIFY(box);
    QCOMPARE(box->pos(), QPointF(-600, -400));
    QCOMPARE(box->content().title, QStringLiteral("Added"));
    QCOMPARE(scene->tableItems().size(), boxes + 1);
    QTRY_VERIFY_WITH_TIMEOUT(settled(), 30000);
    QCOMPARE(scheduler->resolveCount(), resolves + 1);
    QCOMPARE(scene->tableItems().size(), boxes + 1);
    compareWithFreshResolve();
    QCOMPARE(sceneSummary(*scene), builtAtOnce(*document));

    // Undone: the box goes at once, again without resolving here.
    resolves = scheduler->resolveCount();
    document->undoStack()->undo();
    QVERIFY(!document->entity(id));
    QVERIFY(!document->isResolvedCurrent());
    QCOMPARE(scheduler->resolveCount(), resolves);
    QVERIFY(!scene->tableItem(id));
    QCOMPARE(scene->tableItems().size(), boxes);
    QTRY_VERIFY_WITH_TIMEOUT(settled(), 30000);
    compareWithFreshResolve();
    QCOMPARE(sceneSummary(*scene), builtAtOnce(*document));

    // Redone: the same at once, exact once settled.
    document->undoStack()->redo();
    QVERIFY(scene->tableItem(id));
    QTRY_VERIFY_WITH_TIMEOUT(settled(), 30000);
    compareWithFreshResolve();
    QCOMPARE(sceneSummary(*scene), builtAtOnce(*document));
}

void tst_Typing::undoSettlesToo()
{
    Document *document = m_window->document();
    while (document->undoStack()->canUndo())
        document->undoStack()->undo();
    QTRY_VERIFY_WITH_TIMEOUT(settled(), 30000);
    compareWithFreshResolve();
    document->undoStack()->redo();
    QTRY_VERIFY_WITH_TIMEOUT(settled(), 30000);
    compareWithFreshResolve();
}

QTEST_MAIN(tst_Typing)
#include "tst_typing.moc"
