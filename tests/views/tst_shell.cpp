// SPDX-License-Identifier: MIT
// The window around the canvas, on the offscreen platform: recent files, remembered window
// state, files dropped on the window.
#include "canvastheme.h"
#include "commands/entitycommands.h"
#include "commands/layoutcommands.h"
#include "ddlpanel.h"
#include "diagramscene.h"
#include "diagramview.h"
#include "document.h"
#include "documentloader.h"
#include "icons.h"
#include "layoutpatch.h"
#include "mainwindow.h"
#include "minimap.h"
#include "modelfinder.h"
#include "projectwriter.h"
#include "recentfiles.h"
#include "tableitem.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCompleter>
#include <QDir>
#include <QDirIterator>
#include <QDockWidget>
#include <QGestureEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QNativeGestureEvent>
#include <QScopeGuard>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QUrl>
#include <QWheelEvent>
#include <QWidgetAction>

#include <functional>
#include <memory>

using namespace Junction;

namespace {

QString example(const QString &name)
{
    return QStringLiteral(JUNCTION_EXAMPLES "/") + name;
}

// Answers the modal message boxes that open (they run their own event loop) with a
// standard button or the button of that object name, and keeps what they said.
class ModalAnswer
{
public:
    explicit ModalAnswer(QMessageBox::StandardButton button)
    {
        start([button](QMessageBox *box) { return box->button(button); });
    }
    // One box after another: the first gets the first name, and so on (the last repeats).
    explicit ModalAnswer(const QStringList &buttonNames)
    {
        start([this, buttonNames](QMessageBox *box) {
            return box->findChild<QAbstractButton *>(
                buttonNames.at(qMin(m_count, buttonNames.size()) - 1));
        });
    }
    QString text() const { return m_text; }
    int count() const { return m_count; }

private:
    void start(const std::function<QAbstractButton *(QMessageBox *)> &find)
    {
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this, find] {
            auto box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            m_text = box->text();
            ++m_count;
            if (QAbstractButton *button = find(box))
                button->click();
            else
                box->reject();
        });
        m_timer.start(10);
    }

    QTimer m_timer;
    QString m_text;
    int m_count = 0;
};

} // namespace

class tst_Shell : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void recentFilesFollowOpenAndSave();
    void missingRecentFileIsRemovedWithAMessage();
    void windowStateIsRestored();
    void droppedFileOpensAfterThePrompt();
    void unpositionedFileOpensClean();
    void recoveryIsOfferedAfterACrash();
    void startOpensThenOffersRecovery();
    void discardedRecoveryIsGone();
    void findJumpsToTheModel();
    void zoomKeepsThePointerAndSpacePans();
    void minimapMovesTheView();
    void iconsFollowThePalette();
    void toolbarShowsIcons();
    void screenshot_data();
    void screenshot();

private:
    static std::unique_ptr<MainWindow> newWindow();
    // Opens a copy of the blog in `dir`, renames Post and leaves a recovery file as a crash
    // would; returns the edited project's bytes.
    static QByteArray crashWhileEditing(const QString &path);
    QTemporaryDir m_settings;
};

void tst_Shell::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_settings.isValid());
    // Settings of this run only: nothing from an earlier run or a real user leaks in.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
    QCoreApplication::setOrganizationName(QStringLiteral("JunctionTest"));
}

void tst_Shell::init()
{
    QSettings().clear();
}

std::unique_ptr<MainWindow> tst_Shell::newWindow()
{
    auto window = std::make_unique<MainWindow>();
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return {};
    return window;
}

void tst_Shell::recentFilesFollowOpenAndSave()
{
    const auto window = newWindow();
    QVERIFY(window);
    RecentFiles *recent = window->recentFiles();
    QCOMPARE(recent->files(), QStringList());
    auto menu = window->findChild<QMenu *>(QStringLiteral("recentFilesMenu"));
    QVERIFY(menu);
    QCOMPARE(menu->actions().size(), 1); // "No recent files", disabled
    QVERIFY(!menu->actions().first()->isEnabled());

    const QString blog
        = QFileInfo(example(QStringLiteral("blog.junction.json"))).absoluteFilePath();
    const QString shop
        = QFileInfo(example(QStringLiteral("shop.junction.json"))).absoluteFilePath();
    QVERIFY(window->openFile(blog));
    QVERIFY(window->openFile(shop));
    QCOMPARE(recent->files(), QStringList({shop, blog}));
    QVERIFY(window->openFile(blog)); // again: moves to the top, not listed twice
    QCOMPARE(recent->files(), QStringList({blog, shop}));
    QCOMPARE(menu->actions().first()->data().toString(), blog);

    // Choosing an entry opens it.
    const QList<QAction *> entries = menu->actions();
    QCOMPARE(entries.at(1)->data().toString(), shop);
    entries.at(1)->trigger();
    QTRY_COMPARE(window->document()->filePath(), shop); // read on a worker thread

    // Saved under a new name: that name is the most recent.
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("copy.junction.json"));
    QVERIFY(window->document()->saveAs(copy));
    QVERIFY(window->openFile(copy));
    QCOMPARE(recent->files().first(), copy);

    // At most ten, the oldest dropped.
    for (int i = 0; i < 12; ++i)
        recent->add(dir.filePath(QStringLiteral("p%1.junction.json").arg(i)));
    QCOMPARE(recent->files().size(), RecentFiles::maximumCount);
    QCOMPARE(recent->files().first(), dir.filePath(QStringLiteral("p11.junction.json")));
    QVERIFY(!recent->files().contains(blog));

    // Another window (the next start) reads the same list, and a menu shown later lists
    // what another window opened meanwhile.
    const auto second = newWindow();
    QCOMPARE(second->recentFiles()->files(), recent->files());
    QVERIFY(second->openFile(blog));
    QCOMPARE(menu->actions().first()->data().toString(),
             dir.filePath(QStringLiteral("p11.junction.json"))); // not shown yet: as it was
    QMetaObject::invokeMethod(menu, "aboutToShow");
    QCOMPARE(menu->actions().first()->data().toString(), blog);
}

void tst_Shell::missingRecentFileIsRemovedWithAMessage()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("gone.junction.json"));
    QVERIFY(QFile::copy(example(QStringLiteral("blog.junction.json")), path));
    const auto window = newWindow();
    QVERIFY(window);
    QVERIFY(window->openFile(path));
    QVERIFY(QFile::remove(path));
    auto menu = window->findChild<QMenu *>(QStringLiteral("recentFilesMenu"));
    QCOMPARE(menu->actions().first()->data().toString(), path);

    const Document *before = window->document();
    {
        ModalAnswer answer(QMessageBox::Ok);
        menu->actions().first()->trigger();
        QCOMPARE(answer.count(), 1);
        QVERIFY2(answer.text().contains(QLatin1String("gone.junction.json")),
                 qPrintable(answer.text()));
    }
    QVERIFY(!window->recentFiles()->files().contains(path));
    QCOMPARE(window->document(), before); // nothing was opened
    QCOMPARE(menu->actions().size(), 1);
    QVERIFY(!menu->actions().first()->isEnabled());
}

void tst_Shell::windowStateIsRestored()
{
    QRect geometry;
    {
        const auto window = newWindow();
        QVERIFY(window);
        auto dock = window->findChild<QDockWidget *>(QStringLiteral("diagnosticsDock"));
        QVERIFY(dock && dock->isVisible());
        // Closed through View > Panels, as a user would.
        auto panels = window->findChild<QMenu *>(QStringLiteral("panelsMenu"));
        QVERIFY(panels);
        QAction *toggle = nullptr;
        for (QAction *action : panels->actions()) {
            if (action == dock->toggleViewAction())
                toggle = action;
        }
        QVERIFY2(toggle && toggle->isChecked(), "View > Panels lists the dock");
        toggle->trigger();
        QVERIFY(dock->isHidden());
        window->resize(900, 640);
        window->move(40, 30);
        geometry = window->geometry();
        QVERIFY(window->close()); // unmodified: no prompt
    }
    const auto window = newWindow();
    QVERIFY(window);
    auto dock = window->findChild<QDockWidget *>(QStringLiteral("diagnosticsDock"));
    QVERIFY(dock);
    QVERIFY2(dock->isHidden(), "the closed dock stays closed");
    QVERIFY(!dock->toggleViewAction()->isChecked());
    QCOMPARE(window->size(), geometry.size());
    auto outlineDock = window->findChild<QDockWidget *>(QStringLiteral("outlineDock"));
    QVERIFY(outlineDock && outlineDock->isVisible());

    // A window that refuses to close (changes kept) saves nothing.
    window->resize(700, 500);
    QVERIFY(window->document()->push(std::make_unique<QUndoCommand>(QStringLiteral("edit"))));
    {
        ModalAnswer answer(QMessageBox::Cancel);
        QVERIFY(!window->close());
        QCOMPARE(answer.count(), 1);
    }
    const auto third = newWindow();
    QCOMPARE(third->size(), geometry.size());
}

void tst_Shell::droppedFileOpensAfterThePrompt()
{
    const auto window = newWindow();
    QVERIFY(window);
    const QString blog
        = QFileInfo(example(QStringLiteral("blog.junction.json"))).absoluteFilePath();
    const QString shop
        = QFileInfo(example(QStringLiteral("shop.junction.json"))).absoluteFilePath();
    QWidget *viewport = window->view()->viewport();

    auto drop = [&](QWidget *target, const QList<QUrl> &urls) {
        QMimeData mime;
        mime.setUrls(urls);
        const QPoint at = target->rect().center();
        QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &enter);
        if (!enter.isAccepted())
            return false;
        QDropEvent dropEvent(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &dropEvent);
        return dropEvent.isAccepted();
    };

    // Not a project: refused at the door (on the canvas the scene may still take the drag
    // for itself, but nothing opens).
    const QUrl remote(QStringLiteral("https://example.com/x.json"));
    const QUrl picture = QUrl::fromLocalFile(QStringLiteral("/tmp/picture.png"));
    QVERIFY(!drop(window.get(), {remote}));
    QVERIFY(!drop(window.get(), {picture}));
    const Document *untitled = window->document();
    drop(viewport, {remote, picture});
    QCoreApplication::processEvents(); // a queued open would run here
    QCOMPARE(window->document(), untitled);

    // On the canvas.
    QVERIFY(drop(viewport, {QUrl::fromLocalFile(blog)}));
    QTRY_COMPARE(window->document()->filePath(), blog);
    QVERIFY(!window->scene()->tableItems().isEmpty());

    // With unsaved changes the prompt comes first; Cancel keeps the document.
    Document *edited = window->document();
    QVERIFY(edited->push(std::make_unique<QUndoCommand>(QStringLiteral("edit"))));
    {
        ModalAnswer answer(QMessageBox::Cancel);
        QVERIFY(drop(window.get(), {QUrl::fromLocalFile(shop)}));
        QTRY_COMPARE(answer.count(), 1);
    }
    QCOMPARE(window->document(), edited);
    {
        ModalAnswer answer(QMessageBox::Discard);
        QVERIFY(drop(window.get(), {QUrl::fromLocalFile(shop)}));
        QTRY_COMPARE(window->document()->filePath(), shop);
        QCOMPARE(answer.count(), 1);
    }
    QCOMPARE(window->recentFiles()->files().first(), shop);
}

void tst_Shell::unpositionedFileOpensClean()
{
    // The examples have no positions: the layout placed on open is undoable, but the user
    // changed nothing, so the document is not modified.
    const auto window = newWindow();
    QVERIFY(window);
    QVERIFY(window->openFile(example(QStringLiteral("blog.junction.json"))));
    Document *document = window->document();
    QVERIFY(!document->isModified());
    QVERIFY(!window->isWindowModified());
    QVERIFY(document->undoStack()->canUndo());
    const EntityId user(QStringLiteral("m-user"));
    QVERIFY(Layout::modelPosition(document->project().layout, user));
    document->undoStack()->undo();
    QVERIFY(!Layout::modelPosition(document->project().layout, user));
    document->undoStack()->redo();
    QVERIFY(!document->isModified());
}

QByteArray tst_Shell::crashWhileEditing(const QString &path)
{
    if (!QFile::copy(example(QStringLiteral("blog.junction.json")), path))
        return {};
    const auto window = newWindow();
    if (!window || !window->openFile(path))
        return {};
    Document *document = window->document();
    if (!document->push(Commands::renameEntity(*document, EntityId(QStringLiteral("m-post")),
                                               QStringLiteral("Article"))))
        return {};
    if (!document->writeRecovery()) // what the autosave timer does while modified
        return {};
    return ProjectWriter::toBytes(document->project());
    // The crash: the window goes without closing, saving or discarding.
}

void tst_Shell::recoveryIsOfferedAfterACrash()
{
    QVERIFY(QDir(RecoveryStore::directory()).removeRecursively());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("blog.junction.json"));
    const QByteArray edited = crashWhileEditing(path);
    QVERIFY(!edited.isEmpty());
    QCOMPARE(Document::pendingRecoveries().size(), 1);

    // Later: nothing opens, and the file is offered again next time.
    {
        const auto window = newWindow();
        ModalAnswer later({QStringLiteral("laterButton")});
        window->offerRecoveries();
        QCOMPARE(later.count(), 1);
        QVERIFY2(later.text().contains(QLatin1String("blog.junction.json")),
                 qPrintable(later.text()));
        QVERIFY(!window->document()->isModified());
        QVERIFY(window->document()->filePath().isEmpty());
    }
    QCOMPARE(Document::pendingRecoveries().size(), 1);

    // Restore: the edited project, modified, for its original file. The file was opened
    // from the command line before the offer: the recovered version takes its place.
    const auto window = newWindow();
    QVERIFY(window->openFile(path));
    const int windows = int(QApplication::topLevelWidgets().size());
    {
        ModalAnswer restore({QStringLiteral("restoreButton")});
        window->offerRecoveries();
        QCOMPARE(restore.count(), 1);
    }
    QCOMPARE(int(QApplication::topLevelWidgets().size()), windows);
    Document *restored = window->document();
    QVERIFY(restored->isModified());
    QVERIFY(window->isWindowModified());
    QCOMPARE(restored->filePath(), QFileInfo(path).absoluteFilePath());
    QCOMPARE(ProjectWriter::toBytes(restored->project()), edited);
    const TableItem *post = window->scene()->tableItem(EntityId(QStringLiteral("m-post")));
    QVERIFY(post);
    QCOMPARE(post->content().title, QStringLiteral("Article"));

    // Saved: the file holds the edit and there is nothing left to recover.
    QVERIFY(restored->save());
    QFile saved(path);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(saved.readAll(), edited);
    QVERIFY(Document::pendingRecoveries().isEmpty());
    QCOMPARE(QDir(RecoveryStore::directory()).entryList(QDir::Files), QStringList());
}

// Starting with a file (main() calls start()): the file opens without blocking, and only
// then is its recovery offered, so that the restored version takes its place in this window.
// A start file that fails to open still gets the offer after its message.
void tst_Shell::startOpensThenOffersRecovery()
{
    QVERIFY(QDir(RecoveryStore::directory()).removeRecursively());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("blog.junction.json"));
    const QByteArray edited = crashWhileEditing(path);
    QVERIFY(!edited.isEmpty());
    {
        const auto window = newWindow();
        const int windows = int(QApplication::topLevelWidgets().size());
        ModalAnswer restore({QStringLiteral("restoreButton")});
        window->start(path);
        QVERIFY(window->documentLoader()->isLoading()); // returned before the file was read
        QCOMPARE(restore.count(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(restore.count(), 1, 10000);
        QCOMPARE(int(QApplication::topLevelWidgets().size()), windows);
        Document *restored = window->document();
        QCOMPARE(restored->filePath(), QFileInfo(path).absoluteFilePath());
        QVERIFY(restored->isModified());
        QCOMPARE(ProjectWriter::toBytes(restored->project()), edited);
        restored->removeRecovery();
    }

    QVERIFY(!crashWhileEditing(dir.filePath(QStringLiteral("again.junction.json"))).isEmpty());
    const auto window = newWindow();
    // The missing file's message first, then the offer ("Later" keeps the recovery file).
    ModalAnswer answers({QStringLiteral("ok"), QStringLiteral("laterButton")});
    window->start(dir.filePath(QStringLiteral("missing.junction.json")));
    QTRY_COMPARE_WITH_TIMEOUT(answers.count(), 2, 10000);
    QVERIFY2(answers.text().contains(QLatin1String("again.junction.json")),
             qPrintable(answers.text()));
    QVERIFY(window->document()->filePath().isEmpty());
    QCOMPARE(Document::pendingRecoveries().size(), 1);
    QVERIFY(QDir(RecoveryStore::directory()).removeRecursively());
}

void tst_Shell::discardedRecoveryIsGone()
{
    QVERIFY(QDir(RecoveryStore::directory()).removeRecursively());
    QTemporaryDir dir;
    QVERIFY(!crashWhileEditing(dir.filePath(QStringLiteral("one.junction.json"))).isEmpty());
    QVERIFY(!crashWhileEditing(dir.filePath(QStringLiteral("two.junction.json"))).isEmpty());
    QCOMPARE(Document::pendingRecoveries().size(), 2);

    // A window that already shows a file keeps it: a restored project gets its own window.
    const auto window = newWindow();
    QVERIFY(window->openFile(example(QStringLiteral("shop.junction.json"))));
    const Document *shop = window->document();
    {
        ModalAnswer answers({QStringLiteral("restoreButton"), QStringLiteral("discardButton")});
        window->offerRecoveries();
        QCOMPARE(answers.count(), 2);
    }
    QCOMPARE(window->document(), shop);
    MainWindow *other = nullptr;
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (auto candidate = qobject_cast<MainWindow *>(widget);
            candidate && candidate != window.get())
            other = candidate;
    }
    QVERIFY2(other, "the restored project has a window of its own");
    QVERIFY(other->document()->isModified());
    const QString restoredName = QFileInfo(other->document()->filePath()).fileName();
    QVERIFY2(restoredName == QLatin1String("one.junction.json")
                 || restoredName == QLatin1String("two.junction.json"),
             qPrintable(restoredName));

    // The discarded one is gone; the restored one's file stays until it is saved or discarded.
    QCOMPARE(QDir(RecoveryStore::directory()).entryList({QStringLiteral("*.junction.json")}),
             QStringList(QFileInfo(other->document()->recoveryFilePath()).fileName()));
    other->document()->removeRecovery();
    delete other;
    QVERIFY(Document::pendingRecoveries().isEmpty());
}

void tst_Shell::findJumpsToTheModel()
{
    const auto window = newWindow();
    QVERIFY(window);
    QVERIFY(window->openFile(example(QStringLiteral("shop.junction.json"))));
    DiagramView *view = window->view();
    DiagramScene *scene = window->scene();
    view->setZoom(2.0);
    view->centerOn(scene->itemsBoundingRect().topLeft());
    auto visible = [view] { return view->mapToScene(view->viewport()->rect()).boundingRect(); };

    // A model whose box is out of sight.
    const Entity *target = nullptr;
    for (const Entity &entity : window->document()->project().entities) {
        if (!visible().intersects(scene->tableItem(entity.id)->sceneBoundingRect())) {
            target = &entity;
            break;
        }
    }
    QVERIFY2(target, "at 200 % some model is out of sight");
    const EntityId id = target->id;
    TableItem *item = scene->tableItem(id);
    // Part of the name, in the wrong case.
    const QString typed = target->name.mid(1, 4).toUpper();

    auto finder = window->findChild<ModelFinder *>();
    QVERIFY(finder && !finder->isVisible());
    QTest::keyClick(view, Qt::Key_F, Qt::ControlModifier);
    QVERIFY(finder->isVisible());
    QTRY_VERIFY(finder->lineEdit()->hasFocus());
    QVERIFY(finder->completer()->model()->rowCount() > 0);
    QVERIFY(window->view()->viewport()->rect().contains(
        finder->geometry().translated(-window->view()->viewport()->pos())));

    QTest::keyClicks(finder->lineEdit(), typed);
    QVERIFY(finder->completer()->completionCount() > 0);
    QTest::keyClick(finder->lineEdit(), Qt::Key_Return);
    QTRY_VERIFY(!finder->isVisible());
    QVERIFY(item->isSelected());
    QCOMPARE(scene->selectedItems().size(), 1);
    QVERIFY2(visible().contains(item->sceneBoundingRect()), "the model is in view");

    // No match: the field stays, says so, and the selection stays.
    QTest::keyClick(view, Qt::Key_F, Qt::ControlModifier);
    QVERIFY(finder->isVisible());
    QTest::keyClicks(finder->lineEdit(), QStringLiteral("nosuchmodel"));
    QTest::keyClick(finder->lineEdit(), Qt::Key_Return);
    QVERIFY(finder->isVisible());
    QVERIFY(finder->findChild<QLabel *>()->isVisible());
    QVERIFY(item->isSelected());
    QTest::keyClick(finder->lineEdit(), Qt::Key_Escape);
    QVERIFY(!finder->isVisible());

    // Whole names and parts, in any case.
    QCOMPARE(finder->find(QStringLiteral("ORDER")), EntityId(QStringLiteral("m-order")));
    QCOMPARE(finder->find(QStringLiteral("rderit")), EntityId(QStringLiteral("m-order-item")));
    QCOMPARE(finder->find(QStringLiteral(" ")), EntityId());
}

void tst_Shell::zoomKeepsThePointerAndSpacePans()
{
    const auto window = newWindow();
    QVERIFY(window);
    QVERIFY(window->openFile(example(QStringLiteral("shop.junction.json"))));
    DiagramView *view = window->view();
    QWidget *viewport = view->viewport();
    view->resetZoom();

    // The wheel zooms around the pointer: the scene point under it stays under it.
    const QPointF at(viewport->width() * 0.25, viewport->height() * 0.3);
    const QPointF before = view->mapToScene(at.toPoint());
    QWheelEvent wheel(at, viewport->mapToGlobal(at), QPoint(), QPoint(0, 240), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(viewport, &wheel);
    QCOMPARE(view->zoom(), 1.15 * 1.15);
    const QPointF after = view->mapToScene(at.toPoint());
    QVERIFY2(QLineF(before, after).length() < 2, "the point under the pointer stays put");

    // A pinch zooms the same way.
    const qreal zoom = view->zoom();
    QNativeGestureEvent pinch(Qt::ZoomNativeGesture, QPointingDevice::primaryPointingDevice(), 2,
                              at, at, viewport->mapToGlobal(at), 0.5, QPointF());
    QApplication::sendEvent(viewport, &pinch);
    QCOMPARE(view->zoom(), zoom * 1.5);
    QVERIFY(QLineF(before, view->mapToScene(at.toPoint())).length() < 2);

    // And a touchscreen pinch.
    QPinchGesture touchPinch;
    touchPinch.setScaleFactor(0.8);
    touchPinch.setChangeFlags(QPinchGesture::ScaleFactorChanged);
    touchPinch.setCenterPoint(viewport->mapToGlobal(at));
    QGestureEvent gestureEvent({&touchPinch});
    QApplication::sendEvent(viewport, &gestureEvent);
    QVERIFY(gestureEvent.isAccepted(&touchPinch));
    QCOMPARE(view->zoom(), zoom * 1.5 * 0.8);
    QVERIFY(QLineF(before, view->mapToScene(at.toPoint())).length() < 2);

    // Space + left drag pans, even when it starts on a box, and moves nothing.
    view->setZoom(1.0);
    // The box nearest the middle, so the view has room to scroll every way.
    const QPointF middle = window->scene()->itemsBoundingRect().center();
    TableItem *item = nullptr;
    for (TableItem *candidate : window->scene()->tableItems()) {
        if (!item
            || QLineF(candidate->sceneBoundingRect().center(), middle).length()
                < QLineF(item->sceneBoundingRect().center(), middle).length())
            item = candidate;
    }
    view->centerOn(item);
    const QPointF itemPos = item->pos();
    const int commands = window->document()->undoStack()->count();
    const QPoint press = view->mapFromScene(item->sceneBoundingRect().center());
    const QPointF centreBefore = view->mapToScene(viewport->rect().center());
    view->setFocus();
    QTest::keyPress(view, Qt::Key_Space);
    QCOMPARE(viewport->cursor().shape(), Qt::OpenHandCursor);
    QTest::mousePress(viewport, Qt::LeftButton, {}, press);
    QTest::mouseMove(viewport, press + QPoint(-40, -30));
    QTest::mouseMove(viewport, press + QPoint(-80, -60));
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, press + QPoint(-80, -60));
    QTest::keyRelease(view, Qt::Key_Space);
    const QPointF moved = view->mapToScene(viewport->rect().center()) - centreBefore;
    QVERIFY2(qAbs(moved.x() - 80) <= 1 && qAbs(moved.y() - 60) <= 1,
             qPrintable(QStringLiteral("panned by %1, %2").arg(moved.x()).arg(moved.y())));
    QCOMPARE(item->pos(), itemPos);
    QCOMPARE(window->document()->undoStack()->count(), commands);
    QCOMPARE(viewport->cursor().shape(), Qt::ArrowCursor);
}

void tst_Shell::minimapMovesTheView()
{
    const auto window = newWindow();
    QVERIFY(window);
    QVERIFY(window->openFile(example(QStringLiteral("shop.junction.json"))));
    DiagramView *view = window->view();
    DiagramScene *scene = window->scene();
    auto minimap = window->findChild<Minimap *>();
    QVERIFY(minimap);
    QTRY_VERIFY(minimap->refreshCount() > 0);
    QVERIFY2(!minimap->isVisible(), "all of the diagram is in view: no overview");
    view->setZoom(3.0);
    QVERIFY(minimap->isVisible());
    QVERIFY(minimap->sceneArea().contains(scene->itemsBoundingRect()));
    // In the viewport's bottom right corner, within it.
    const QRect inViewport = minimap->geometry().translated(-view->viewport()->pos());
    QVERIFY(view->viewport()->rect().contains(inViewport));
    QVERIFY(inViewport.right() > view->viewport()->width() / 2);
    QVERIFY(inViewport.bottom() > view->viewport()->height() / 2);

    view->centerOn(scene->itemsBoundingRect().topLeft());
    auto centre = [view] { return view->mapToScene(view->viewport()->rect().center()); };
    // A click centres the view on the scene point under it (one far from the view's edge
    // of the scene, so the view can centre there).
    const QRectF bounds = scene->itemsBoundingRect();
    const QPointF target
        = bounds.topLeft() + QPointF(bounds.width() * 0.55, bounds.height() * 0.65);
    QVERIFY(QLineF(centre(), target).length() > 200);
    const QPoint click = minimap->toWidget(target).toPoint();
    const qreal tolerance = 2
        / (minimap->toWidget(QPointF(1, 0)).x()
           - minimap->toWidget(QPointF(0, 0)).x()); // two minimap pixels
    QTest::mouseClick(minimap, Qt::LeftButton, {}, click);
    QVERIFY2(QLineF(centre(), target).length() <= tolerance,
             qPrintable(QStringLiteral("centre %1,%2 target %3,%4")
                            .arg(centre().x())
                            .arg(centre().y())
                            .arg(target.x())
                            .arg(target.y())));
    QVERIFY(view->mapToScene(view->viewport()->rect()).boundingRect().contains(target));

    // A drag follows the pointer.
    const QPoint from = minimap->rect().center();
    QTest::mousePress(minimap, Qt::LeftButton, {}, from);
    QTest::mouseMove(minimap, from + QPoint(15, 8));
    QTest::mouseMove(minimap, from + QPoint(30, 16));
    QTest::mouseRelease(minimap, Qt::LeftButton, {}, from + QPoint(30, 16));
    QVERIFY(QLineF(centre(), minimap->toScene(from + QPoint(30, 16))).length() <= tolerance);

    // Edits re-render the picture once they settle, not per edit.
    const int refreshes = minimap->refreshCount();
    Document *document = window->document();
    const EntityId customer(QStringLiteral("m-customer"));
    for (int i = 1; i <= 5; ++i)
        QVERIFY(document->push(
            Commands::moveEntities(*document, {{customer, QPointF(-2000 - 100 * i, -1500)}})));
    QCOMPARE(minimap->refreshCount(), refreshes);
    QTRY_COMPARE(minimap->refreshCount(), refreshes + 1);
    QVERIFY(minimap->sceneArea().contains(QPointF(-2500, -1500)));

    // A selected model shows in the selection colour once the picture is redrawn.
    const TableItem *order = scene->tableItem(EntityId(QStringLiteral("m-order")));
    view->centerOn(order); // in the clear part of the overview, not the dimmed rest
    const QPoint orderInMap = minimap->toWidget(order->sceneBoundingRect().center()).toPoint();
    auto orderColour = [&] {
        const QImage image = minimap->grab().toImage();
        return image.pixelColor(orderInMap * image.devicePixelRatio());
    };
    QVERIFY(orderColour() != CanvasTheme::current().selected);
    const int beforeSelection = minimap->refreshCount();
    scene->selectElements({QStringLiteral("m-order")});
    QTRY_COMPARE(minimap->refreshCount(), beforeSelection + 1);
    QCOMPARE(orderColour(), CanvasTheme::current().selected);

    // View > Minimap hides it, and the choice is remembered.
    auto action = window->findChild<QAction *>(QStringLiteral("minimapAction"));
    QVERIFY(action && action->isChecked());
    action->trigger();
    QVERIFY(!minimap->isVisible());
    const auto next = newWindow();
    QVERIFY(!next->findChild<Minimap *>()->isShown());
    action->trigger();
    QVERIFY(minimap->isVisible());
}

namespace {

QPalette darkPalette()
{
    // A dark desktop's palette, as a platform theme would set it.
    QPalette palette;
    const QColor window(0x2b, 0x2d, 0x30), base(0x1e, 0x1f, 0x22), text(0xdf, 0xe1, 0xe5);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, window);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, window);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::ToolTipBase, window);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, QColor(0x8c, 0x8f, 0x94));
    palette.setColor(QPalette::Highlight, QColor(0x35, 0x74, 0xf0));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Light, window.lighter(130));
    palette.setColor(QPalette::Midlight, window.lighter(115));
    palette.setColor(QPalette::Mid, window.darker(120));
    palette.setColor(QPalette::Dark, window.darker(150));
    palette.setColor(QPalette::Shadow, Qt::black);
    const QColor disabled(0x6f, 0x73, 0x7a);
    palette.setColor(QPalette::Disabled, QPalette::Text, disabled);
    palette.setColor(QPalette::Disabled, QPalette::WindowText, disabled);
    palette.setColor(QPalette::Disabled, QPalette::ButtonText, disabled);
    return palette;
}

// The most opaque pixel's colour: the stroke of a line icon.
QColor strokeColor(const QImage &image)
{
    QColor best(Qt::transparent);
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.alpha() > best.alpha())
                best = c;
        }
    }
    return best;
}

} // namespace

void tst_Shell::iconsFollowThePalette()
{
    QStringList names;
    QDirIterator it(QStringLiteral(":/icons"));
    while (it.hasNext())
        names << QFileInfo(it.next()).completeBaseName();
    QVERIFY2(names.size() >= 13, qPrintable(names.join(u',')));
    QVERIFY(Icons::icon(QStringLiteral("no-such-icon")).isNull());

    const QPalette original = QApplication::palette();
    const auto restore = qScopeGuard([&] { QApplication::setPalette(original); });
    for (const bool dark : {false, true}) {
        QApplication::setPalette(dark ? darkPalette() : original);
        const QColor text = QApplication::palette().color(QPalette::WindowText);
        for (const QString &name : std::as_const(names)) {
            const QIcon icon = Icons::icon(name);
            QVERIFY2(!icon.isNull(), qPrintable(name));
            // Rendered at the size asked for (an SVG, not a scaled bitmap): 24 and 48 px.
            for (const int size : {24, 48}) {
                const QImage image = icon.pixmap(QSize(size, size)).toImage();
                QCOMPARE(image.size(), QSize(size, size));
                const QColor stroke = strokeColor(image);
                QVERIFY2(stroke.alpha() == 255, qPrintable(name));
                QVERIFY2(qAbs(stroke.lightness() - text.lightness()) < 8,
                         qPrintable(QStringLiteral("%1 at %2 px: %3, text %4")
                                        .arg(name)
                                        .arg(size)
                                        .arg(stroke.name(), text.name())));
            }
            // Disabled icons take the palette's disabled colour.
            const QColor disabled
                = QApplication::palette().color(QPalette::Disabled, QPalette::WindowText);
            const QColor stroke
                = strokeColor(icon.pixmap(QSize(24, 24), QIcon::Disabled).toImage());
            QVERIFY2(qAbs(stroke.lightness() - disabled.lightness()) < 8, qPrintable(name));
        }
    }
}

void tst_Shell::toolbarShowsIcons()
{
    const auto window = newWindow();
    QVERIFY(window);
    auto toolBar = window->findChild<QToolBar *>(QStringLiteral("mainToolBar"));
    QVERIFY(toolBar);
    QCOMPARE(toolBar->toolButtonStyle(), Qt::ToolButtonIconOnly);
    // Every button of every toolbar has an icon and says what it is.
    int buttons = 0;
    for (const QToolBar *bar : window->findChildren<QToolBar *>()) {
        for (QAction *action : bar->actions()) {
            if (action->isSeparator() || qobject_cast<QWidgetAction *>(action))
                continue;
            ++buttons;
            QVERIFY2(!action->icon().isNull(), qPrintable(action->objectName()));
            QVERIFY2(!action->toolTip().isEmpty(), qPrintable(action->objectName()));
            if (!action->shortcut().isEmpty())
                QVERIFY2(action->toolTip().contains(
                             action->shortcut().toString(QKeySequence::NativeText)),
                         qPrintable(action->toolTip()));
        }
    }
    QVERIFY(buttons >= 10);
    // Every action with a known name got its icon, wherever it lives.
    for (QAction *action : window->findChildren<QAction *>()) {
        if (!Icons::nameForAction(action->objectName()).isEmpty())
            QVERIFY2(!action->icon().isNull(), qPrintable(action->objectName()));
    }
    auto exportMenu = window->findChild<QMenu *>(QStringLiteral("exportMenu"));
    QVERIFY(exportMenu && !exportMenu->icon().isNull());
    const QString path = QStringLiteral(JUNCTION_SCREENSHOT_DIR "/shell-toolbar.png");
    QVERIFY(toolBar->grab().save(path));
}

void tst_Shell::screenshot_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("dark");
    QTest::addColumn<qreal>("zoom"); // 0: fit all
    QTest::newRow("blog-light") << QStringLiteral("blog.junction.json") << false << 0.0;
    QTest::newRow("blog-dark") << QStringLiteral("blog.junction.json") << true << 0.0;
    // The shop does not fit at a readable size: part of it, and the minimap shows the rest.
    QTest::newRow("shop-light") << QStringLiteral("shop.junction.json") << false << 0.75;
    QTest::newRow("shop-dark") << QStringLiteral("shop.junction.json") << true << 0.75;
    QTest::newRow("cycle-light") << QStringLiteral("cycle.junction.json") << false << 0.0;
}

void tst_Shell::screenshot()
{
    QFETCH(QString, file);
    QFETCH(bool, dark);
    QFETCH(qreal, zoom);
    const QPalette original = QApplication::palette();
    const auto restore = qScopeGuard([&] { QApplication::setPalette(original); });

    const auto window = newWindow();
    QVERIFY(window);
    QVERIFY(window->openFile(example(file)));
    auto minimap = window->findChild<Minimap *>();
    QTRY_VERIFY(minimap->refreshCount() > 0);
    if (dark) {
        // The desktop turns dark while the window is open: canvas, icons and minimap follow.
        const int refreshes = minimap->refreshCount();
        QApplication::setPalette(darkPalette());
        QTRY_COMPARE(minimap->refreshCount(), refreshes + 1);
    }
    window->view()->fitAll();
    if (zoom > 0) {
        window->view()->setZoom(zoom);
        window->view()->centerOn(window->scene()
                                     ->tableItem(EntityId(QStringLiteral("m-order")))
                                     ->sceneBoundingRect()
                                     .center());
    }
    QTRY_VERIFY(!window->ddlPanel()->text().isEmpty()); // built off the UI thread
    QCOMPARE(minimap->isVisible(), zoom > 0); // fitted, all is in view: no overview
    const QImage image = window->grab().toImage();
    const QString path = QStringLiteral(JUNCTION_SCREENSHOT_DIR "/shell-%1.png")
                             .arg(QString::fromLatin1(QTest::currentDataTag()));
    QVERIFY2(image.save(path), qPrintable(path));
    qInfo("screenshot: %s", qPrintable(path));

    // The canvas and the boxes follow the palette: dark on dark, light on light.
    const QWidget *viewport = window->view()->viewport();
    const QPoint canvasCorner = viewport->mapTo(window.get(), QPoint(4, 4));
    const TableItem *item
        = window->scene()->tableItem(EntityId(QLatin1String(zoom > 0 ? "m-order" : "m-user")));
    QVERIFY(item);
    // The box's lower two thirds (rows, below the header): mostly its body colour.
    const QRectF box = item->sceneBoundingRect();
    const QRect rows(
        viewport->mapTo(window.get(),
                        window->view()->mapFromScene(box.topLeft() + QPointF(0, box.height() / 3))),
        viewport->mapTo(window.get(), window->view()->mapFromScene(box.bottomRight())));
    const qreal scale = image.devicePixelRatio();
    auto lightness = [&](QPoint p) { return image.pixelColor(p * scale).lightness(); };
    QList<int> samples;
    for (int y = rows.top() + 3; y < rows.bottom() - 3; y += 2) {
        for (int x = rows.left() + 3; x < rows.right() - 3; x += 2)
            samples << lightness(QPoint(x, y));
    }
    QVERIFY(samples.size() > 50);
    std::sort(samples.begin(), samples.end());
    const int body = samples.at(samples.size() / 2);
    if (dark) {
        QVERIFY2(lightness(canvasCorner) < 80, "a dark canvas");
        QVERIFY2(body < 80, "dark boxes");
    } else {
        QVERIFY2(lightness(canvasCorner) > 200, "a light canvas");
        QVERIFY2(body > 200, "light boxes");
    }
}

QTEST_MAIN(tst_Shell)
#include "tst_shell.moc"
