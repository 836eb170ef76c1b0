// SPDX-License-Identifier: MIT
// The window around the canvas, on the offscreen platform: recent files, remembered window
// state, files dropped on the window.
#include "diagramscene.h"
#include "diagramview.h"
#include "document.h"
#include "layoutpatch.h"
#include "mainwindow.h"
#include "recentfiles.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDockWidget>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>

using namespace Junction;

namespace {

QString example(const QString &name)
{
    return QStringLiteral(JUNCTION_EXAMPLES "/") + name;
}

// Answers the next modal message box (they run their own event loop) with `button` and
// returns what it said.
class ModalAnswer
{
public:
    explicit ModalAnswer(QMessageBox::StandardButton button)
    {
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this, button] {
            auto box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            m_text = box->text();
            ++m_count;
            if (QAbstractButton *b = box->button(button))
                b->click();
            else
                box->reject();
        });
        m_timer.start(10);
    }
    QString text() const { return m_text; }
    int count() const { return m_count; }

private:
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

private:
    static std::unique_ptr<MainWindow> newWindow();
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
    QVERIFY(!menu->isEnabled());

    const QString blog
        = QFileInfo(example(QStringLiteral("blog.junction.json"))).absoluteFilePath();
    const QString shop
        = QFileInfo(example(QStringLiteral("shop.junction.json"))).absoluteFilePath();
    QVERIFY(window->openFile(blog));
    QVERIFY(window->openFile(shop));
    QCOMPARE(recent->files(), QStringList({shop, blog}));
    QVERIFY(window->openFile(blog)); // again: moves to the top, not listed twice
    QCOMPARE(recent->files(), QStringList({blog, shop}));
    QVERIFY(menu->isEnabled());
    QCOMPARE(menu->actions().first()->data().toString(), blog);

    // Choosing an entry opens it.
    const QList<QAction *> entries = menu->actions();
    QCOMPARE(entries.at(1)->data().toString(), shop);
    entries.at(1)->trigger();
    QCOMPARE(window->document()->filePath(), shop);

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

    // Another window (the next start) reads the same list.
    const auto second = newWindow();
    QCOMPARE(second->recentFiles()->files(), recent->files());
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
    QVERIFY(!menu->isEnabled());
}

void tst_Shell::windowStateIsRestored()
{
    QRect geometry;
    {
        const auto window = newWindow();
        QVERIFY(window);
        auto ddlDock = window->findChild<QDockWidget *>(QStringLiteral("ddlDock"));
        QVERIFY(ddlDock && ddlDock->isVisible());
        ddlDock->hide();
        window->resize(900, 640);
        window->move(40, 30);
        geometry = window->geometry();
        QVERIFY(window->close()); // unmodified: no prompt
    }
    const auto window = newWindow();
    QVERIFY(window);
    auto ddlDock = window->findChild<QDockWidget *>(QStringLiteral("ddlDock"));
    QVERIFY(ddlDock);
    QVERIFY2(!ddlDock->isVisible(), "the hidden dock stays hidden");
    QCOMPARE(window->size(), geometry.size());
    auto diagnosticsDock = window->findChild<QDockWidget *>(QStringLiteral("diagnosticsDock"));
    QVERIFY(diagnosticsDock && diagnosticsDock->isVisible());

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

QTEST_MAIN(tst_Shell)
#include "tst_shell.moc"
