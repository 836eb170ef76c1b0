// SPDX-License-Identifier: MIT
// Drawing on the canvas with the mouse and keyboard, on the offscreen platform: models,
// the four association types, in-place editing, delete, copy/paste, align and nudge, each
// checked in the document and the resolved schema, and the whole session undone and redone.
#include "viewtestsupport.h"
#include "associationitem.h"
#include "canvasinteraction.h"
#include "ddlgenerator.h"
#include "ddlpanel.h"
#include "diagramscene.h"
#include "diagramview.h"
#include "document.h"
#include "inplaceeditor.h"
#include "layoutpatch.h"
#include "mainwindow.h"
#include "projectwriter.h"
#include "tableitem.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace Junction;

namespace {

QString screenshotPath(const QString &name)
{
    return QStringLiteral(JUNCTION_SCREENSHOT_DIR "/drawing-%1.png").arg(name);
}

// Runs `handle` on the next modal dialog or popup that opens (a QMessageBox::exec() or
// QMenu::exec() has its own event loop, so the test acts from a timer inside it).
class ModalHandler : public QObject
{
public:
    explicit ModalHandler(std::function<bool(QWidget *)> handle)
        : m_handle(std::move(handle))
    {
        connect(&m_timer, &QTimer::timeout, this, [this] {
            QWidget *widget = QApplication::activePopupWidget();
            if (!widget)
                widget = QApplication::activeModalWidget();
            if (widget && !m_done && m_handle(widget))
                m_done = true;
        });
        m_timer.start(20);
    }
    bool done() const { return m_done; }

private:
    std::function<bool(QWidget *)> m_handle;
    QTimer m_timer;
    bool m_done = false;
};

} // namespace

class tst_Drawing : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void drawingSession();
    void nothingFromEmptyCanvasOrRelease();
    void escapeReturnsToSelect();
    void nudgesMergeIntoOneStep();
    void clipboardArrangeAndDelete();

private:
    // Mouse and keys, as a user gives them, on the view's viewport.
    QPoint toView(QPointF scenePos) const { return m_view->mapFromScene(scenePos); }
    QPoint headerOf(const EntityId &id) const;
    QPoint rowOf(const EntityId &id, int row) const;
    int rowNamed(const EntityId &id, const QString &name) const;
    void key(int key, Qt::KeyboardModifiers modifiers = {});
    void click(QPoint pos, Qt::KeyboardModifiers modifiers = {});
    void doubleClick(QPoint pos);
    void drag(QPoint from, QPoint to, const std::function<void()> &midway = {});
    // M, a click there, the name typed and Enter.
    EntityId addModel(QPoint pos, const QString &name);
    EntityId entityNamed(const QString &name) const;
    const Association *lastAssociation() const;
    QString ddl() const;
    // A viewport point over no item and no child widget (the minimap, an editor).
    QPoint emptySpot() const;
    // A viewport point where the edge is the topmost item.
    QPoint onEdge(const AssociationId &id) const;
    QStringList selectedNames() const;
    const QGraphicsItem *addAttributeTab(const EntityId &id) const;

    std::unique_ptr<MainWindow> m_window;
    DiagramView *m_view = nullptr;
    DiagramScene *m_scene = nullptr;
    Document *m_document = nullptr;
    InPlaceEditor *m_editor = nullptr;
};

void tst_Drawing::initTestCase()
{
    Junction::Testing::useFreshTestSettings();
}

void tst_Drawing::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_view = m_window->view();
    m_scene = m_window->scene();
    m_document = m_window->document();
    m_editor = m_window->canvasInteraction()->editor();
    m_view->setFocus();
    QVERIFY(m_view->hasFocus());
}

void tst_Drawing::cleanup()
{
    if (m_document)
        m_document->undoStack()->setClean(); // no unsaved-changes prompt on close
    m_window.reset();
}

QPoint tst_Drawing::headerOf(const EntityId &id) const
{
    const TableItem *item = m_scene->tableItem(id);
    Q_ASSERT(item);
    return toView(item->mapToScene(item->headerRect().center()));
}

QPoint tst_Drawing::rowOf(const EntityId &id, int row) const
{
    const TableItem *item = m_scene->tableItem(id);
    Q_ASSERT(item);
    const QRectF rect = item->rowRect(row);
    return toView(item->mapToScene(QPointF(rect.left() + 30, rect.center().y())));
}

int tst_Drawing::rowNamed(const EntityId &id, const QString &name) const
{
    const QList<TableItem::Row> rows = m_scene->tableItem(id)->content().rows;
    for (int i = 0; i < rows.size(); ++i) {
        if (rows.at(i).name == name)
            return i;
    }
    return -1;
}

void tst_Drawing::key(int key, Qt::KeyboardModifiers modifiers)
{
    // After a popup or a message box closes, the window gets its focus back a moment later;
    // the offscreen platform does not always hand activation back to the main window (a
    // window manager would), so do that here.
    if (!QApplication::activeWindow()) {
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }
    QTRY_VERIFY(QApplication::focusWidget());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key(key), modifiers);
}

void tst_Drawing::click(QPoint pos, Qt::KeyboardModifiers modifiers)
{
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, modifiers, pos);
}

void tst_Drawing::doubleClick(QPoint pos)
{
    // Qt 6.4's mouseDClick sends no press of its own; a real double-click starts with a click.
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, pos);
    QTest::mouseDClick(m_view->viewport(), Qt::LeftButton, {}, pos);
}

void tst_Drawing::drag(QPoint from, QPoint to, const std::function<void()> &midway)
{
    QWidget *viewport = m_view->viewport();
    QTest::mousePress(viewport, Qt::LeftButton, {}, from);
    constexpr int steps = 6;
    for (int i = 1; i <= steps; ++i) {
        QTest::mouseMove(viewport, from + (to - from) * i / steps);
        if (i == steps - 1 && midway) // over the target by then
            midway();
    }
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, to);
}

EntityId tst_Drawing::addModel(QPoint pos, const QString &name)
{
    key(Qt::Key_M);
    if (m_window->canvasInteraction()->tool() != CanvasTool::AddModel)
        return {};
    click(pos);
    if (!m_editor->isEditing() || !m_editor->nameEdit()->hasFocus())
        return {};
    QTest::keyClicks(m_editor->nameEdit(), name);
    QTest::keyClick(m_editor->nameEdit(), Qt::Key_Return);
    return entityNamed(name);
}

EntityId tst_Drawing::entityNamed(const QString &name) const
{
    const Entity *entity = m_document->project().entity(name);
    return entity ? entity->id : EntityId();
}

const Association *tst_Drawing::lastAssociation() const
{
    const QList<Association> &associations = m_document->project().associations;
    return associations.isEmpty() ? nullptr : &associations.constLast();
}

QString tst_Drawing::ddl() const
{
    const DdlGenerator generator(Dialect::get(Dialect::Kind::Postgres));
    return DdlGenerator::script(generator.schema(m_document->resolved()));
}

QPoint tst_Drawing::emptySpot() const
{
    const QRect area = m_view->viewport()->rect().adjusted(10, 10, -10, -10);
    for (int y = area.top(); y < area.bottom(); y += 15) {
        for (int x = area.left(); x < area.right(); x += 15) {
            const QPoint point(x, y);
            if (m_view->items(point).isEmpty() && !m_view->viewport()->childAt(point))
                return point;
        }
    }
    return {};
}

QPoint tst_Drawing::onEdge(const AssociationId &id) const
{
    const AssociationItem *edge = m_scene->associationItem(id);
    Q_ASSERT(edge);
    const QRect area = m_view->mapFromScene(edge->sceneBoundingRect()).boundingRect();
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x) {
            const QList<QGraphicsItem *> items = m_view->items(QPoint(x, y));
            if (!items.isEmpty() && items.constFirst() == edge)
                return QPoint(x, y);
        }
    }
    return {};
}

const QGraphicsItem *tst_Drawing::addAttributeTab(const EntityId &id) const
{
    for (const QGraphicsItem *child : m_scene->tableItem(id)->childItems()) {
        if (child->type() == AddAttributeHandleType)
            return child;
    }
    return nullptr;
}

QStringList tst_Drawing::selectedNames() const
{
    QStringList names;
    for (QGraphicsItem *item : m_scene->selectedItems()) {
        if (auto table = qgraphicsitem_cast<TableItem *>(item))
            names << table->content().title;
    }
    names.sort();
    return names;
}

void tst_Drawing::drawingSession()
{
    const QByteArray start = ProjectWriter::toBytes(m_document->project());
    QUndoStack *stack = m_document->undoStack();

    // Three models by mouse: the Add Model tool (M), a double-click on empty canvas, M again.
    const EntityId user = addModel(QPoint(120, 100), QStringLiteral("User"));
    QVERIFY(!user.isNull());
    QCOMPARE(m_window->canvasInteraction()->tool(), CanvasTool::Select); // one-shot tool
    // The box sits where it was clicked: the click is on its header.
    QVERIFY(m_scene->tableItem(user)->sceneBoundingRect().contains(
        m_view->mapToScene(QPoint(120, 100))));

    doubleClick(QPoint(480, 110));
    QVERIFY(m_editor->isEditing());
    QTest::keyClicks(m_editor->nameEdit(), QStringLiteral("Picture"));
    QTest::keyClick(m_editor->nameEdit(), Qt::Key_Enter);
    const EntityId picture = entityNamed(QStringLiteral("Picture"));
    QVERIFY(!picture.isNull());
    QVERIFY(!m_editor->isEditing());

    const EntityId project = addModel(QPoint(300, 380), QStringLiteral("Proj"));
    QVERIFY(!project.isNull());
    QCOMPARE(m_document->project().entities.size(), 3);
    // Add, then rename: each model is two steps.
    QCOMPARE(stack->count(), 6);

    // Rename in place: a taken name is refused with the reason, Escape-free retry commits.
    doubleClick(headerOf(project));
    QVERIFY(m_editor->isEditing());
    QCOMPARE(m_editor->entity(), project);
    QCOMPARE(m_editor->nameEdit()->text(), QStringLiteral("Proj"));
    QTest::keyClicks(m_editor->nameEdit(), QStringLiteral("User")); // replaces the selection
    QTest::keyClick(m_editor->nameEdit(), Qt::Key_Return);
    QVERIFY(m_editor->isEditing());
    QCOMPARE(m_editor->problem(), QStringLiteral("another model is named User"));
    QVERIFY(m_window->grab().save(screenshotPath(QStringLiteral("rename-refused"))));
    QCOMPARE(m_document->project().entities.at(2).name, QStringLiteral("Proj"));
    QCOMPARE(stack->count(), 6);
    m_editor->nameEdit()->selectAll();
    QTest::keyClicks(m_editor->nameEdit(), QStringLiteral("Project"));
    QVERIFY(m_editor->problem().isEmpty());
    QTest::keyClick(m_editor->nameEdit(), Qt::Key_Return);
    QVERIFY(!m_editor->isEditing());
    QCOMPARE(m_document->project().entities.at(2).name, QStringLiteral("Project"));
    QCOMPARE(m_scene->tableItem(project)->content().title, QStringLiteral("Project"));
    // Escape cancels; F2 on the selected model opens the same editor.
    click(headerOf(project));
    key(Qt::Key_F2);
    QVERIFY(m_editor->isEditing());
    QCOMPARE(m_editor->entity(), project);
    QTest::keyClicks(m_editor->nameEdit(), QStringLiteral("Nope"));
    QTest::keyClick(m_editor->nameEdit(), Qt::Key_Escape);
    QVERIFY(!m_editor->isEditing());
    QCOMPARE(m_document->project().entities.at(2).name, QStringLiteral("Project"));
    QCOMPARE(stack->count(), 7);

    // An attribute in place: Insert on the selected model opens its new row.
    click(headerOf(user));
    QVERIFY(m_scene->tableItem(user)->isSelected());
    key(Qt::Key_Insert);
    QVERIFY(m_editor->isEditing());
    QVERIFY(!m_editor->attribute().isNull());
    QTest::keyClicks(m_editor->nameEdit(), QStringLiteral("email"));
    m_editor->typeBox()->lineEdit()->selectAll();
    QTest::keyClicks(m_editor->typeBox()->lineEdit(), QStringLiteral("STRNG(320)"));
    QTest::keyClick(m_editor->typeBox()->lineEdit(), Qt::Key_Return);
    QVERIFY2(m_editor->problem().contains(QLatin1String("STRNG(320) is not a type")),
             qPrintable(m_editor->problem()));
    m_editor->typeBox()->lineEdit()->selectAll();
    QTest::keyClicks(m_editor->typeBox()->lineEdit(), QStringLiteral("string(320)"));
    QTest::keyClick(m_editor->typeBox()->lineEdit(), Qt::Key_Return);
    QVERIFY(!m_editor->isEditing());
    const Entity *userModel = m_document->entity(user);
    QCOMPARE(userModel->attributes.size(), 1);
    QCOMPARE(userModel->attributes.at(0).name, QStringLiteral("email"));
    QCOMPARE(userModel->attributes.at(0).type, QStringLiteral("STRING(320)"));

    // Double-clicking the row edits it again; generated rows (id) open nothing. The box's
    // rows follow the resolve, which follows the edit off the UI thread.
    QTRY_VERIFY(rowNamed(user, QStringLiteral("email")) >= 0);
    const int emailRow = rowNamed(user, QStringLiteral("email"));
    doubleClick(rowOf(user, rowNamed(user, QStringLiteral("id"))));
    QVERIFY(!m_editor->isEditing());
    doubleClick(rowOf(user, emailRow));
    QVERIFY(m_editor->isEditing());
    QCOMPARE(m_editor->nameEdit()->text(), QStringLiteral("email"));
    QCOMPARE(m_editor->typeBox()->currentText(), QStringLiteral("STRING(320)"));
    QTest::keyClicks(m_editor->nameEdit(), QStringLiteral("mail"));
    QTest::keyClick(m_editor->nameEdit(), Qt::Key_Tab);
    QVERIFY(m_editor->typeBox()->hasFocus());
    QTest::keyClick(m_editor->typeBox()->lineEdit(), Qt::Key_Enter);
    QCOMPARE(m_document->entity(user)->attributes.at(0).name, QStringLiteral("mail"));
    QCOMPARE(m_document->entity(user)->attributes.at(0).type, QStringLiteral("STRING(320)"));
    QVERIFY(Testing::waitUntilSettled(m_window.get())); // the rows follow the resolve
    QCOMPARE(m_scene->tableItem(user)->content().rows.at(emailRow).name, QStringLiteral("mail"));

    // The "+ attribute" tab under the one selected box does what Insert does.
    click(headerOf(project));
    const QGraphicsItem *tab = addAttributeTab(project);
    QVERIFY(tab);
    QVERIFY(!addAttributeTab(user));
    click(toView(tab->sceneBoundingRect().center()));
    QVERIFY(m_editor->isEditing());
    QCOMPARE(m_editor->entity(), project);
    QTest::keyClicks(m_editor->nameEdit(), QStringLiteral("title"));
    QTest::keyClick(m_editor->nameEdit(), Qt::Key_Return);
    QCOMPARE(m_document->entity(project)->attributes.size(), 1);
    QCOMPARE(m_document->entity(project)->attributes.at(0).name, QStringLiteral("title"));
    QCOMPARE(m_document->entity(project)->attributes.at(0).type, QStringLiteral("STRING"));
    QVERIFY(Testing::waitUntilSettled(m_window.get())); // the rows follow the resolve
    QVERIFY(addAttributeTab(project)); // still selected: the tab moved under the new row
    QVERIFY(m_window->grab().save(screenshotPath(QStringLiteral("attribute-tab"))));
    click(headerOf(user), Qt::ControlModifier);
    QVERIFY(!addAttributeTab(project) && !addAttributeTab(user)); // two selected: none

    // Everything in view (Ctrl+0), as a user would before drawing between the boxes.
    key(Qt::Key_0, Qt::ControlModifier);
    click(emptySpot());
    QVERIFY(m_scene->selectedItems().isEmpty());

    // hasMany with its own tool (H): User -> Picture. The rubber line shows on the way.
    key(Qt::Key_H);
    QCOMPARE(m_window->canvasInteraction()->tool(), CanvasTool::HasMany);
    bool sawRubberLine = false;
    drag(headerOf(user), headerOf(picture), [&] {
        sawRubberLine = m_window->canvasInteraction()->isDrawing();
        QTest::qWait(400); // the docks catch up after their debounce, for the picture
        QVERIFY(m_window->canvasInteraction()->isDrawing());
        QVERIFY(m_window->grab().save(screenshotPath(QStringLiteral("in-progress"))));
    });
    QVERIFY(sawRubberLine);
    QVERIFY(!m_window->canvasInteraction()->isDrawing());
    QCOMPARE(m_document->project().associations.size(), 1);
    QCOMPARE(lastAssociation()->type, AssociationType::HasMany);
    QCOMPARE(lastAssociation()->source, QStringLiteral("User"));
    QCOMPARE(lastAssociation()->target, QStringLiteral("Picture"));
    QVERIFY(m_scene->associationItem(lastAssociation()->id));
    // The association tools stay armed for the next edge.
    QCOMPARE(m_window->canvasInteraction()->tool(), CanvasTool::HasMany);

    // belongsTo through the asking tool (A): Picture -> Project, picked in the popup.
    key(Qt::Key_A);
    QString offered;
    ModalHandler pick([&](QWidget *widget) {
        auto menu = qobject_cast<QMenu *>(widget);
        if (!menu)
            return false;
        for (QAction *action : menu->actions())
            offered += action->text() + QLatin1Char(' ');
        for (QAction *action : menu->actions()) {
            if (action->text() == QLatin1String("belongsTo")) {
                QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(action).center());
                return true;
            }
        }
        return false;
    });
    drag(headerOf(picture), headerOf(project));
    QVERIFY(pick.done());
    QCOMPARE(offered, QStringLiteral("belongsTo hasOne hasMany belongsToMany "));
    QCOMPARE(m_document->project().associations.size(), 2);
    QCOMPARE(lastAssociation()->type, AssociationType::BelongsTo);
    QCOMPARE(lastAssociation()->source, QStringLiteral("Picture"));
    QCOMPARE(lastAssociation()->target, QStringLiteral("Project"));

    // hasOne (O): User -> Project; belongsToMany (J): User <-> Project.
    key(Qt::Key_O);
    drag(headerOf(user), headerOf(project));
    QCOMPARE(lastAssociation()->type, AssociationType::HasOne);
    key(Qt::Key_J);
    drag(headerOf(user), headerOf(project) + QPoint(20, 30));
    QCOMPARE(lastAssociation()->type, AssociationType::BelongsToMany);
    QCOMPARE(lastAssociation()->through.kind, Through::Kind::Table);
    QCOMPARE(lastAssociation()->through.name, QStringLiteral("UserProjects"));

    // A self-association: out of the box and back onto it (B: belongsTo), drawn as a loop.
    key(Qt::Key_B);
    const QPoint userHeader = headerOf(user);
    QWidget *viewport = m_view->viewport();
    QTest::mousePress(viewport, Qt::LeftButton, {}, userHeader);
    QTest::mouseMove(viewport, userHeader + QPoint(0, -60));
    QTest::mouseMove(viewport, userHeader + QPoint(5, -10));
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, userHeader + QPoint(5, 0));
    QCOMPARE(m_document->project().associations.size(), 5);
    const Association self = *lastAssociation();
    QCOMPARE(self.type, AssociationType::BelongsTo);
    QCOMPARE(self.source, QStringLiteral("User"));
    QCOMPARE(self.target, QStringLiteral("User"));
    const AssociationItem *loop = m_scene->associationItem(self.id);
    QVERIFY(loop);
    QCOMPARE(loop->sourceItem(), loop->targetItem());
    key(Qt::Key_Escape);
    QCOMPARE(m_window->canvasInteraction()->tool(), CanvasTool::Select);

    // What resolution makes of it: the FK columns and the junction table, in the DDL too.
    const ResolvedSchema &schema = m_document->resolved();
    for (const Diagnostic &diagnostic : schema.diagnostics)
        QVERIFY2(diagnostic.severity != Diagnostic::Severity::Error,
                 qPrintable(diagnostic.message));
    const ResolvedTable *pictures = schema.table(QStringLiteral("Pictures"));
    QVERIFY(pictures);
    QVERIFY(pictures->column(QStringLiteral("UserId"))); // User.hasMany(Picture)
    QVERIFY(pictures->column(QStringLiteral("ProjectId"))); // Picture.belongsTo(Project)
    const ResolvedTable *projects = schema.table(QStringLiteral("Projects"));
    QVERIFY(projects && projects->column(QStringLiteral("UserId"))); // User.hasOne(Project)
    const ResolvedTable *users = schema.table(QStringLiteral("Users"));
    QVERIFY(users && users->column(QStringLiteral("UserId"))); // User.belongsTo(User)
    const ResolvedTable *junction = schema.table(QStringLiteral("UserProjects"));
    QVERIFY(junction && junction->isCreatedJunction());
    QVERIFY(junction->column(QStringLiteral("UserId"))
            && junction->column(QStringLiteral("ProjectId")));
    QVERIFY(m_scene->junctionItem(QStringLiteral("UserProjects")));
    const QString script = ddl();
    for (const char *expected : {
             "CREATE TABLE \"UserProjects\"",
             "\"mail\" VARCHAR(320)",
             "FOREIGN KEY (\"UserId\") REFERENCES \"Users\" (\"id\")",
             "FOREIGN KEY (\"ProjectId\") REFERENCES \"Projects\" (\"id\")",
         }) {
        QVERIFY2(script.contains(QLatin1String(expected)), qPrintable(expected + ("\n" + script)));
    }
    // The DDL dock follows after its debounce.
    QTRY_VERIFY(m_window->ddlPanel()->text().contains(QLatin1String("UserProjects")));
    QVERIFY(m_window->grab().save(screenshotPath(QStringLiteral("result"))));

    // Copy and paste: the model comes back as User2 with its attribute and its loop.
    click(headerOf(user));
    key(Qt::Key_C, Qt::ControlModifier);
    key(Qt::Key_V, Qt::ControlModifier);
    const EntityId user2 = entityNamed(QStringLiteral("User2"));
    QVERIFY(!user2.isNull());
    QCOMPARE(m_document->entity(user2)->attributes.at(0).name, QStringLiteral("mail"));
    QCOMPARE(lastAssociation()->source, QStringLiteral("User2"));
    QCOMPARE(lastAssociation()->target, QStringLiteral("User2"));
    QVERIFY(m_scene->tableItem(user2)->isSelected()); // the pasted model is the selection

    // Align the two Users' tops: User, then Ctrl+click User2; Arrange > Align Top.
    click(headerOf(user));
    click(headerOf(user2), Qt::ControlModifier);
    auto action
        = [&](const char *name) { return m_window->findChild<QAction *>(QLatin1String(name)); };
    QVERIFY(action("alignTopAction")->isEnabled());
    action("alignTopAction")->trigger();
    QCOMPARE(m_scene->tableItem(user2)->y(), m_scene->tableItem(user)->y());

    // Delete Picture: its two associations are listed first, then go with it, one step.
    click(headerOf(picture));
    QString listed;
    ModalHandler confirm([&](QWidget *widget) {
        auto box = qobject_cast<QMessageBox *>(widget);
        if (!box)
            return false;
        listed = box->informativeText();
        QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("confirmButton")),
                          Qt::LeftButton);
        return true;
    });
    const int beforeDelete = stack->count();
    key(Qt::Key_Delete);
    QVERIFY(confirm.done());
    QCOMPARE(listed, QStringLiteral("• User.hasMany(Picture)\n• Picture.belongsTo(Project)"));
    QVERIFY(!m_document->entity(picture));
    QVERIFY(!m_scene->tableItem(picture));
    QCOMPARE(m_document->project().associations.size(), 4);
    QCOMPARE(stack->count(), beforeDelete + 1);

    // Undo of the whole session gives back the exact start; redo the exact end.
    const QByteArray end = ProjectWriter::toBytes(m_document->project());
    while (stack->canUndo())
        stack->undo();
    QCOMPARE(ProjectWriter::toBytes(m_document->project()), start);
    QVERIFY(m_scene->tableItems().isEmpty());
    QVERIFY(m_scene->associationItems().isEmpty());
    while (stack->canRedo())
        stack->redo();
    QCOMPARE(ProjectWriter::toBytes(m_document->project()), end);
    QCOMPARE(m_scene->tableItem(user)->content().title, QStringLiteral("User"));

    // Save, open: the same file.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("drawn.junction.json"));
    QString error;
    QVERIFY2(m_document->saveAs(path, &error), qPrintable(error));
    QFile saved(path);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    const QByteArray bytes = saved.readAll();
    QCOMPARE(bytes, end);
    MainWindow reopened;
    QVERIFY(reopened.openFile(path));
    QCOMPARE(ProjectWriter::toBytes(reopened.document()->project()), bytes);
    QCOMPARE(reopened.document()->undoStack()->count(), 0); // every model had its position
    const QString copy = dir.filePath(QStringLiteral("again.junction.json"));
    QVERIFY(reopened.document()->saveAs(copy, &error));
    QFile again(copy);
    QVERIFY(again.open(QIODevice::ReadOnly));
    QCOMPARE(again.readAll(), bytes);
}

void tst_Drawing::nothingFromEmptyCanvasOrRelease()
{
    const EntityId user = addModel(QPoint(120, 100), QStringLiteral("User"));
    const EntityId picture = addModel(QPoint(480, 100), QStringLiteral("Picture"));
    QVERIFY(!user.isNull() && !picture.isNull());
    const int commands = m_document->undoStack()->count();
    key(Qt::Key_H);
    // From empty canvas onto a model; from a model onto empty canvas; a plain click.
    drag(QPoint(300, 400), headerOf(picture));
    drag(headerOf(user), QPoint(300, 400));
    click(headerOf(user));
    QCOMPARE(m_document->undoStack()->count(), commands);
    QVERIFY(m_document->project().associations.isEmpty());
    // Dismissing the type popup draws nothing either.
    key(Qt::Key_A);
    ModalHandler dismiss([](QWidget *widget) {
        if (!qobject_cast<QMenu *>(widget))
            return false;
        QTest::keyClick(widget, Qt::Key_Escape);
        return true;
    });
    drag(headerOf(user), headerOf(picture));
    QVERIFY(dismiss.done());
    QCOMPARE(m_document->undoStack()->count(), commands);
    // No rubber line is left behind.
    for (QGraphicsItem *item : m_scene->items())
        QVERIFY(item->type() == TableItem::Type || item->type() == AssociationItem::Type
                || item->type() == AddAttributeHandleType);
}

void tst_Drawing::escapeReturnsToSelect()
{
    CanvasInteraction *interaction = m_window->canvasInteraction();
    QAction *selectTool = m_window->findChild<QAction *>(QStringLiteral("selectTool"));
    QVERIFY(selectTool && selectTool->isChecked());
    key(Qt::Key_M);
    QCOMPARE(interaction->tool(), CanvasTool::AddModel);
    QVERIFY(m_window->findChild<QAction *>(QStringLiteral("addModelTool"))->isChecked());
    key(Qt::Key_Escape);
    QCOMPARE(interaction->tool(), CanvasTool::Select);
    QVERIFY(selectTool->isChecked());

    // Esc in the middle of drawing drops the line; the release then makes nothing.
    const EntityId user = addModel(QPoint(120, 100), QStringLiteral("User"));
    QVERIFY(!user.isNull());
    const int commands = m_document->undoStack()->count();
    m_window->findChild<QAction *>(QStringLiteral("hasManyTool"))->trigger();
    const QPoint from = headerOf(user);
    QTest::mousePress(m_view->viewport(), Qt::LeftButton, {}, from);
    QTest::mouseMove(m_view->viewport(), from + QPoint(0, 80));
    QVERIFY(interaction->isDrawing());
    key(Qt::Key_Escape);
    QVERIFY(!interaction->isDrawing());
    QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, {}, from);
    QCOMPARE(m_document->undoStack()->count(), commands);
    QCOMPARE(interaction->tool(), CanvasTool::Select);

    // A double-click on empty canvas adds a model with any tool, here hasMany's.
    key(Qt::Key_H);
    doubleClick(emptySpot());
    QVERIFY(m_editor->isEditing());
    QTest::keyClick(m_editor->nameEdit(), Qt::Key_Return);
    QCOMPARE(m_document->project().entities.size(), 2);
    QCOMPARE(m_document->project().entities.at(1).name, QStringLiteral("Model"));
}

void tst_Drawing::nudgesMergeIntoOneStep()
{
    const EntityId user = addModel(QPoint(120, 100), QStringLiteral("User"));
    QVERIFY(!user.isNull());
    click(headerOf(user));
    const QPointF before = *Layout::modelPosition(m_document->project().layout, user);
    const int commands = m_document->undoStack()->count();
    key(Qt::Key_Right);
    key(Qt::Key_Right);
    key(Qt::Key_Down, Qt::ShiftModifier);
    QCOMPARE(*Layout::modelPosition(m_document->project().layout, user), before + QPointF(2, 10));
    QCOMPARE(m_scene->tableItem(user)->pos(), before + QPointF(2, 10));
    QCOMPARE(m_document->undoStack()->count(), commands + 1);
    m_document->undoStack()->undo();
    QCOMPARE(*Layout::modelPosition(m_document->project().layout, user), before);
}

void tst_Drawing::clipboardArrangeAndDelete()
{
    QVERIFY(m_window->openFile(QStringLiteral(JUNCTION_EXAMPLES "/blog.junction.json")));
    m_document = m_window->document();
    m_view->setFocus();
    QUndoStack *stack = m_document->undoStack();
    const QByteArray start = ProjectWriter::toBytes(m_document->project());
    const EntityId user(QStringLiteral("m-user"));
    const EntityId picture(QStringLiteral("m-picture"));
    const EntityId post(QStringLiteral("m-post"));
    const EntityId tag(QStringLiteral("m-tag"));

    // Select All takes every box and edge; a click on empty canvas none.
    key(Qt::Key_A, Qt::ControlModifier);
    QCOMPARE(
        selectedNames(),
        QStringList({QStringLiteral("Picture"), QStringLiteral("Post"), QStringLiteral("PostTags"),
                     QStringLiteral("Tag"), QStringLiteral("User")}));
    QCOMPARE(m_scene->selectedItems().size(), 5 + 7);
    const QPoint empty = emptySpot();
    QVERIFY(!empty.isNull());
    click(empty);
    QVERIFY(m_scene->selectedItems().isEmpty());

    // An edge alone is deleted without asking: nothing is left without its model.
    const AssociationId userPosts(QStringLiteral("as-user-posts"));
    const QPoint edgePoint = onEdge(userPosts);
    QVERIFY(!edgePoint.isNull());
    click(edgePoint);
    QVERIFY(m_scene->associationItem(userPosts)->isSelected());
    key(Qt::Key_Delete);
    QVERIFY(!m_document->association(userPosts));
    QVERIFY(!m_scene->associationItem(userPosts));
    stack->undo();
    QVERIFY(m_document->association(userPosts));

    // Duplicate (Ctrl+D): Tag2, beside it, selected.
    click(headerOf(tag));
    key(Qt::Key_D, Qt::ControlModifier);
    const EntityId tag2 = entityNamed(QStringLiteral("Tag2"));
    QVERIFY(!tag2.isNull());
    QCOMPARE(selectedNames(), QStringList({QStringLiteral("Tag2")}));
    QVERIFY(m_scene->tableItem(tag2)->pos() != m_scene->tableItem(tag)->pos());
    stack->undo();
    QVERIFY(!m_document->entity(tag2));

    // Cut asks first, naming the two belongsToMany; No keeps everything, clipboard too.
    QApplication::clipboard()->clear();
    click(headerOf(tag));
    const int commands = stack->count();
    QString listed;
    ModalHandler refuse([&](QWidget *widget) {
        auto box = qobject_cast<QMessageBox *>(widget);
        if (!box)
            return false;
        listed = box->informativeText();
        box->button(QMessageBox::Cancel)->click();
        return true;
    });
    key(Qt::Key_X, Qt::ControlModifier);
    QVERIFY(refuse.done());
    QCOMPARE(listed, QStringLiteral("• Post.belongsToMany(Tag)\n• Tag.belongsToMany(Post)"));
    QCOMPARE(stack->count(), commands);
    QVERIFY(m_document->entity(tag));
    QVERIFY(!m_window->findChild<QAction *>(QStringLiteral("pasteAction"))->isEnabled());
    ModalHandler confirm([&](QWidget *widget) {
        auto box = qobject_cast<QMessageBox *>(widget);
        if (!box)
            return false;
        QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("confirmButton")),
                          Qt::LeftButton);
        return true;
    });
    key(Qt::Key_X, Qt::ControlModifier);
    QVERIFY(confirm.done());
    QVERIFY(!m_document->entity(tag));
    QVERIFY(!m_scene->junctionItem(QStringLiteral("PostTags")));
    QCOMPARE(m_document->project().associations.size(), 5);
    // Paste brings the model back (its associations reached Post, which was not cut).
    QVERIFY(m_window->findChild<QAction *>(QStringLiteral("pasteAction"))->isEnabled());
    key(Qt::Key_V, Qt::ControlModifier);
    const EntityId pasted = entityNamed(QStringLiteral("Tag"));
    QVERIFY(!pasted.isNull());
    QVERIFY(pasted != tag); // a new model with a new id
    QCOMPARE(m_document->entity(pasted)->attributes.at(0).name, QStringLiteral("label"));
    QCOMPARE(m_document->project().associations.size(), 5);
    stack->undo();
    stack->undo();
    QCOMPARE(ProjectWriter::toBytes(m_document->project()), start);

    // Distribute User, Picture, Post horizontally: equal gaps between the boxes.
    click(headerOf(user));
    click(headerOf(picture), Qt::ControlModifier);
    click(headerOf(post), Qt::ControlModifier);
    QCOMPARE(
        selectedNames(),
        QStringList({QStringLiteral("Picture"), QStringLiteral("Post"), QStringLiteral("User")}));
    QAction *distribute
        = m_window->findChild<QAction *>(QStringLiteral("distributeHorizontallyAction"));
    QVERIFY(distribute->isEnabled());
    distribute->trigger();
    QList<QRectF> boxes;
    for (const EntityId &id : {user, picture, post}) {
        const TableItem *item = m_scene->tableItem(id);
        boxes << QRectF(item->pos(), item->size());
    }
    std::sort(boxes.begin(), boxes.end(),
              [](const QRectF &a, const QRectF &b) { return a.center().x() < b.center().x(); });
    const qreal firstGap = boxes.at(1).left() - boxes.at(0).right();
    const qreal secondGap = boxes.at(2).left() - boxes.at(1).right();
    QVERIFY2(qAbs(firstGap - secondGap) <= 1,
             qPrintable(QStringLiteral("%1 vs %2").arg(firstGap).arg(secondGap)));

    // Deleting everything lists all seven associations; undo gives back the file's bytes.
    key(Qt::Key_A, Qt::ControlModifier);
    QStringList everything;
    ModalHandler all([&](QWidget *widget) {
        auto box = qobject_cast<QMessageBox *>(widget);
        if (!box)
            return false;
        everything = box->informativeText().split(QLatin1Char('\n'));
        QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("confirmButton")),
                          Qt::LeftButton);
        return true;
    });
    const int beforeDelete = stack->count();
    key(Qt::Key_Delete);
    QVERIFY(all.done());
    QCOMPARE(everything.size(), 7);
    QVERIFY(m_document->project().entities.isEmpty());
    QVERIFY(m_document->project().associations.isEmpty());
    QVERIFY(m_scene->tableItems().isEmpty());
    QCOMPARE(stack->count(), beforeDelete + 1);
    stack->undo();
    stack->undo(); // the distribution
    QCOMPARE(ProjectWriter::toBytes(m_document->project()), start);
}

QTEST_MAIN(tst_Drawing)
#include "tst_drawing.moc"
