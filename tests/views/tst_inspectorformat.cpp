// SPDX-License-Identifier: MIT
// The fields of the project format the inspector edits beyond the basics (tst_inspector):
// a model's indexes, composite uniques (an attribute's unique group), an attribute's column
// name (`field`), the object form of an association's foreignKey and otherKey (type, field,
// unique, comment); and refused table cells, which keep what was typed. Real widgets, each
// gesture one undo step, the document and the resolved DDL checked, and the whole session
// undone to the exact start.
#include "associationpage.h"
#include "associationpreview.h"
#include "attributetable.h"
#include "attributetablemodel.h"
#include "commands/entitycommands.h"
#include "diagramscene.h"
#include "document.h"
#include "entitypage.h"
#include "indextable.h"
#include "indextablemodel.h"
#include "inspectorpanel.h"
#include "inspectortestsupport.h"
#include "keydetails.h"
#include "mainwindow.h"
#include "projectwriter.h"
#include "viewtestsupport.h"

#include <QAbstractItemModelTester>
#include <QCompleter>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QToolButton>

using namespace Junction;
using namespace Junction::Testing;

namespace {

const EntityId post(QStringLiteral("m-post"));

const Entity &postOf(const Document &document)
{
    return *document.entity(post);
}

} // namespace

class tst_InspectorFormat : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { useFreshTestSettings(); }
    void init();
    void cleanup();
    void indexes();
    void compositeUnique();
    void columnName();
    void allowNullBackToNotSet();
    void refusedCellKeepsTheTypedText();
    void foreignKeyObject();
    void otherKeyObject();
    void screenshots();

private:
    void select(const QString &id);
    void reactivate();
    std::unique_ptr<MainWindow> m_window;
    Document *m_document = nullptr;
    InspectorPanel *m_inspector = nullptr;
    QByteArray m_start;
};

void tst_InspectorFormat::init()
{
    m_window = openWindow(examplePath(QStringLiteral("blog.junction.json")));
    QVERIFY(m_window);
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_document = m_window->document();
    m_document->undoStack()->setClean(); // the session starts after the layout on open
    m_start = ProjectWriter::toBytes(m_document->project());
    m_inspector = m_window->inspectorPanel();
}

void tst_InspectorFormat::cleanup()
{
    if (m_document && !QTest::currentTestFailed()) {
        // Undo of the whole session gives back the exact file; redo the exact end.
        const QByteArray end = ProjectWriter::toBytes(m_document->project());
        const int index = m_document->undoStack()->index();
        m_document->undoStack()->setIndex(m_document->undoStack()->cleanIndex());
        QCOMPARE(ProjectWriter::toBytes(m_document->project()), m_start);
        m_document->undoStack()->setIndex(index);
        QCOMPARE(ProjectWriter::toBytes(m_document->project()), end);
    }
    if (m_document)
        m_document->undoStack()->setClean(); // no save prompt on close
    m_window.reset();
    m_document = nullptr;
}

// The offscreen platform leaves no window active once the attribute completer's popup window
// has closed (a window system gives the main window its focus back): activate it again.
void tst_InspectorFormat::reactivate()
{
    QCoreApplication::processEvents();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void tst_InspectorFormat::select(const QString &id)
{
    QVERIFY(m_window->scene()->selectElements({id}));
}

void tst_InspectorFormat::indexes()
{
    select(post.toString());
    EntityPage *page = m_inspector->entityPage();
    IndexTable *table = page->indexes();
    QTableView *view = table->view();
    IndexTableModel *model = table->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QUndoStack *stack = m_document->undoStack();
    const int steps = stack->count();
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, IndexTableModel::NameColumn).data().toString(),
             QStringLiteral("posts_title"));
    QCOMPARE(model->index(0, IndexTableModel::FieldsColumn).data().toString(),
             QStringLiteral("title"));

    // + starts an index on the attribute current in the attribute table, its attributes
    // open for typing.
    goToCell(page->attributes()->view(), 1, 0); // body
    QTest::mouseClick(table->addButton(), Qt::LeftButton);
    QCOMPARE(stack->count(), steps + 1);
    QCOMPARE(postOf(*m_document).indexes.size(), 2);
    QCOMPARE(postOf(*m_document).indexes.at(1).fields, QStringList({QStringLiteral("body")}));
    auto editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    QVERIFY(editor);
    QCOMPARE(editor->text(), QStringLiteral("body"));
    QTest::keyClick(editor, Qt::Key_End);
    // The last name is completed from the model's attributes, the first kept.
    QTest::keyClicks(editor, QStringLiteral(", pub"));
    QVERIFY(editor->completer());
    QAbstractItemView *popup = editor->completer()->popup();
    QTRY_VERIFY(popup->isVisible());
    QCOMPARE(popup->model()->rowCount(), 1);
    QCOMPARE(popup->model()->index(0, 0).data().toString(), QStringLiteral("published"));
    QTest::keyClick(popup, Qt::Key_Down);
    QTest::keyClick(popup, Qt::Key_Return);
    QTRY_VERIFY(!popup->isVisible());
    QCOMPARE(editor->text(), QStringLiteral("body, published"));
    QTest::keyClick(editor, Qt::Key_Return);
    QCoreApplication::processEvents();
    QCOMPARE(stack->count(), steps + 2);
    reactivate();
    QCOMPARE(postOf(*m_document).indexes.at(1).fields,
             QStringList({QStringLiteral("body"), QStringLiteral("published")}));
    // Unnamed: the derived name, greyed, once the edit is resolved (off the UI thread).
    QTRY_COMPARE(model->index(1, IndexTableModel::NameColumn).data().toString(),
                 QStringLiteral("posts_body_published"));
    QVERIFY(model->index(1, IndexTableModel::NameColumn).data(Qt::FontRole).value<QFont>().italic());
    QString ddl = ddlOf(*m_document, Dialect::Kind::Postgres);
    QVERIFY2(ddl.contains(QLatin1String(
                 "CREATE INDEX \"posts_body_published\" ON \"Posts\" (\"body\", \"published\")")),
             qPrintable(ddl));

    toggleCell(view, 1, IndexTableModel::UniqueColumn);
    QVERIFY(postOf(*m_document).indexes.at(1).unique);
    editCell(view, 1, IndexTableModel::NameColumn, QStringLiteral("posts_body"));
    QCOMPARE(postOf(*m_document).indexes.at(1).name, QStringLiteral("posts_body"));
    QCOMPARE(stack->count(), steps + 4);
    ddl = ddlOf(*m_document, Dialect::Kind::Postgres);
    QVERIFY2(ddl.contains(QLatin1String(
                 "CREATE UNIQUE INDEX \"posts_body\" ON \"Posts\" (\"body\", \"published\")")),
             qPrintable(ddl));

    // Refused: an attribute the model does not have, a name another index has.
    editCell(view, 1, IndexTableModel::FieldsColumn, QStringLiteral("body, titel"));
    QVERIFY(table->problemLabel()->isVisibleTo(table));
    const QString problem = table->problemLabel()->text();
    QVERIFY2(problem.contains(QLatin1String("Post, index posts_body, Attributes: \"body, titel\""))
                 && problem.contains(QLatin1String("Post has no attribute titel")),
             qPrintable(problem));
    QCOMPARE(postOf(*m_document).indexes.at(1).fields.size(), 2);
    reactivate();
    // The cell is open again with the typed text; Esc gives up on it.
    editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    QVERIFY(editor);
    QCOMPARE(editor->text(), QStringLiteral("body, titel"));
    QTest::keyClick(editor, Qt::Key_Escape);
    QVERIFY(!table->problemLabel()->isVisibleTo(table));
    QVERIFY(!model->refusedIndex().isValid());
    editCell(view, 1, IndexTableModel::NameColumn, QStringLiteral("posts_title"));
    QVERIFY2(table->problemLabel()->text().contains(
                 QLatin1String("Post already has an index named posts_title")),
             qPrintable(table->problemLabel()->text()));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QCOMPARE(stack->count(), steps + 4);

    // Renaming an attribute renames it in the indexes.
    editCell(page->attributes()->view(), 1, AttributeTableModel::NameColumn,
             QStringLiteral("text"));
    QCOMPARE(model->index(1, IndexTableModel::FieldsColumn).data().toString(),
             QStringLiteral("text, published"));

    // − deletes the current index; undo brings it back.
    goToCell(view, 0, 0);
    QTest::mouseClick(table->removeButton(), Qt::LeftButton);
    QCOMPARE(postOf(*m_document).indexes.size(), 1);
    QCOMPARE(postOf(*m_document).indexes.at(0).name, QStringLiteral("posts_body"));
    QVERIFY(!ddlOf(*m_document).contains(QLatin1String("posts_title")));
    stack->undo();
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->index(0, IndexTableModel::NameColumn).data().toString(),
             QStringLiteral("posts_title"));

    // A model without attributes has nothing to index: + waits for its first attribute.
    Entity bare;
    bare.name = QStringLiteral("Bare");
    QVERIFY(m_document->push(Commands::addEntity(*m_document, bare, QPointF(900, 40))));
    select(m_document->project().entities.last().id.toString());
    QVERIFY(!table->addButton()->isEnabled());
    QTest::mouseClick(page->attributes()->addButton(), Qt::LeftButton);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QVERIFY(table->addButton()->isEnabled());
}

void tst_InspectorFormat::compositeUnique()
{
    select(post.toString());
    AttributeTable *table = m_inspector->entityPage()->attributes();
    QTableView *view = table->view();
    AttributeTableModel *model = table->model();
    QUndoStack *stack = m_document->undoStack();
    const int steps = stack->count();

    // A group name typed in the unique cells of two attributes: one composite UNIQUE.
    editCell(view, 0, AttributeTableModel::UniqueColumn, QStringLiteral("headline"));
    editCell(view, 2, AttributeTableModel::UniqueColumn, QStringLiteral("headline"));
    QCOMPARE(stack->count(), steps + 2);
    QCOMPARE(attributeNamed(*m_document, "Post", "title")->uniqueGroup, QStringLiteral("headline"));
    QVERIFY(!attributeNamed(*m_document, "Post", "title")->unique);
    QCOMPARE(attributeNamed(*m_document, "Post", "published")->uniqueGroup,
             QStringLiteral("headline"));
    QCOMPARE(model->index(0, AttributeTableModel::UniqueColumn).data(Qt::CheckStateRole),
             QVariant(Qt::PartiallyChecked));
    QCOMPARE(model->index(0, AttributeTableModel::UniqueColumn).data().toString(),
             QStringLiteral("headline"));
    QString posts = tableDdl(ddlOf(*m_document), "Posts");
    QVERIFY2(posts.contains(QLatin1String(
                 "CONSTRAINT \"Posts_headline_unique\" UNIQUE (\"title\", \"published\")")),
             qPrintable(posts));

    // Refused: spaces at the ends.
    editCell(view, 1, AttributeTableModel::UniqueColumn, QStringLiteral("headline "));
    QVERIFY2(table->problemLabel()->text().contains(QLatin1String("Post.body, Unique")),
             qPrintable(table->problemLabel()->text()));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QVERIFY(attributeNamed(*m_document, "Post", "body")->uniqueGroup.isEmpty());

    // The check makes it `unique: true` again, on its own; emptying the name leaves the group.
    toggleCell(view, 0, AttributeTableModel::UniqueColumn);
    QVERIFY(attributeNamed(*m_document, "Post", "title")->unique);
    QVERIFY(attributeNamed(*m_document, "Post", "title")->uniqueGroup.isEmpty());
    editCell(view, 2, AttributeTableModel::UniqueColumn, QString());
    QVERIFY(attributeNamed(*m_document, "Post", "published")->uniqueGroup.isEmpty());
    QCOMPARE(stack->count(), steps + 4);
    posts = tableDdl(ddlOf(*m_document), "Posts");
    QVERIFY2(!posts.contains(QLatin1String("headline")), qPrintable(posts));
    QVERIFY2(posts.contains(QLatin1String("CONSTRAINT \"Posts_title_unique\" UNIQUE (\"title\")")),
             qPrintable(posts));
}

void tst_InspectorFormat::columnName()
{
    select(post.toString());
    AttributeTable *table = m_inspector->entityPage()->attributes();
    QTableView *view = table->view();
    const int steps = m_document->undoStack()->count();
    editCell(view, 0, AttributeTableModel::FieldColumn, QStringLiteral("post_title"));
    QCOMPARE(attributeNamed(*m_document, "Post", "title")->field, QStringLiteral("post_title"));
    const QString ddl = ddlOf(*m_document, Dialect::Kind::Postgres);
    QVERIFY2(ddl.contains(QLatin1String("\"post_title\" VARCHAR(255)")), qPrintable(ddl));
    // The index on title follows it to its column.
    QVERIFY2(ddl.contains(QLatin1String("CREATE INDEX \"posts_title\" ON \"Posts\" (\"post_title\")")),
             qPrintable(ddl));

    // Another attribute's column is refused.
    editCell(view, 1, AttributeTableModel::FieldColumn, QStringLiteral("post_title"));
    QVERIFY2(table->problemLabel()->text().contains(
                 QLatin1String("Post already has a column post_title (attribute title)")),
             qPrintable(table->problemLabel()->text()));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QVERIFY(attributeNamed(*m_document, "Post", "body")->field.isEmpty());
    // Empty: the column is named like the attribute again.
    editCell(view, 0, AttributeTableModel::FieldColumn, QString());
    QVERIFY(attributeNamed(*m_document, "Post", "title")->field.isEmpty());
    QCOMPARE(m_document->undoStack()->count(), steps + 2);
}

void tst_InspectorFormat::allowNullBackToNotSet()
{
    select(post.toString());
    AttributeTable *table = m_inspector->entityPage()->attributes();
    QTableView *view = table->view();
    const int row = table->model()->rowOf(attributeNamed(*m_document, "Post", "body")->id);
    QVERIFY(row >= 0);
    QVERIFY(!attributeNamed(*m_document, "Post", "body")->allowNull.has_value());
    const QString ddlBefore = ddlOf(*m_document, Dialect::Kind::Postgres);
    const int steps = m_document->undoStack()->count();

    // The check box writes false, then true: allowNull is in the file either way.
    toggleCell(view, row, AttributeTableModel::AllowNullColumn);
    QCOMPARE(attributeNamed(*m_document, "Post", "body")->allowNull, std::optional<bool>(false));
    toggleCell(view, row, AttributeTableModel::AllowNullColumn);
    QCOMPARE(attributeNamed(*m_document, "Post", "body")->allowNull, std::optional<bool>(true));

    // The row's context menu takes it out of the file again.
    const QPoint at = view->visualRect(table->model()->index(row, AttributeTableModel::NameColumn))
                          .center();
    QContextMenuEvent event(QContextMenuEvent::Mouse, at, view->viewport()->mapToGlobal(at));
    QApplication::sendEvent(view->viewport(), &event);
    QMenu *menu = table->findChild<QMenu *>(QStringLiteral("attributeMenu"));
    QVERIFY(menu);
    QTRY_VERIFY(menu->isVisible());
    QAction *clear = menu->findChild<QAction *>(QStringLiteral("clearAllowNull"));
    QVERIFY(clear && clear->isEnabled());
    QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(clear).center());
    QTRY_VERIFY(!table->findChild<QMenu *>(QStringLiteral("attributeMenu")));
    settle(view);
    QVERIFY(!attributeNamed(*m_document, "Post", "body")->allowNull.has_value());
    QCOMPARE(ddlOf(*m_document, Dialect::Kind::Postgres), ddlBefore);
    QCOMPARE(m_document->undoStack()->count(), steps + 3);

    // Nothing to reset now: the action is disabled.
    std::unique_ptr<QMenu> again(table->menuFor(row));
    QVERIFY(!again->findChild<QAction *>(QStringLiteral("clearAllowNull"))->isEnabled());
}

void tst_InspectorFormat::refusedCellKeepsTheTypedText()
{
    select(post.toString());
    AttributeTable *table = m_inspector->entityPage()->attributes();
    QTableView *view = table->view();
    AttributeTableModel *model = table->model();
    const int steps = m_document->undoStack()->count();

    // Enter on a name another attribute has: not applied; the message says what, where,
    // why and the way out; the cell's editor is open again with the text as typed.
    editCell(view, 1, AttributeTableModel::NameColumn, QStringLiteral("title"));
    QCOMPARE(attributeNamed(*m_document, "Post", "body")->name, QStringLiteral("body"));
    QVERIFY(table->problemLabel()->isVisibleTo(table));
    QCOMPARE(table->problemLabel()->text(),
             QStringLiteral("Post.body, Name: \"title\" is not applied: Post already has an "
                            "attribute title. Fix it, or press Esc to keep \"body\"."));
    auto editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    QVERIFY(editor);
    QCOMPARE(view->indexWidget(model->index(1, AttributeTableModel::NameColumn)), editor);
    QCOMPARE(editor->text(), QStringLiteral("title"));

    // Going elsewhere keeps it: the cell is marked, and its next editor opens with the text.
    goToCell(view, 0, AttributeTableModel::CommentColumn);
    QVERIFY(table->problemLabel()->isVisibleTo(table));
    const QModelIndex cell = model->index(1, AttributeTableModel::NameColumn);
    QCOMPARE(model->refusedIndex(), cell);
    QCOMPARE(cell.data().toString(), QStringLiteral("body")); // the document's value
    QVERIFY(cell.data(Qt::BackgroundRole).isValid());
    QCOMPARE(cell.data(Qt::ToolTipRole).toString(), table->problemLabel()->text());
    goToCell(view, 1, AttributeTableModel::NameColumn);
    QTest::keyClick(view, Qt::Key_F2);
    editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    QVERIFY(editor);
    QCOMPARE(editor->text(), QStringLiteral("title"));

    // Fixing it commits and clears the message.
    QTest::keyClick(editor, Qt::Key_End);
    QTest::keyClicks(editor, QStringLiteral("Text"));
    QTest::keyClick(editor, Qt::Key_Return);
    QCoreApplication::processEvents();
    QVERIFY(attributeNamed(*m_document, "Post", "titleText"));
    QVERIFY(!table->problemLabel()->isVisibleTo(table));
    QVERIFY(!model->refusedIndex().isValid());
    QVERIFY(!model->index(1, 0).data(Qt::BackgroundRole).isValid());

    // A refused type, then Esc: the document's value, no message, nothing kept.
    editCell(view, 1, AttributeTableModel::TypeColumn, QStringLiteral("TXET"));
    QVERIFY2(table->problemLabel()->text().startsWith(
                 QLatin1String("Post.titleText, Type: \"TXET\" is not applied: TXET is not a type")),
             qPrintable(table->problemLabel()->text()));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QVERIFY(!table->problemLabel()->isVisibleTo(table));
    QVERIFY(!model->refusedIndex().isValid());
    QCOMPARE(attributeNamed(*m_document, "Post", "titleText")->type, QStringLiteral("TEXT"));
    QCOMPARE(m_document->undoStack()->count(), steps + 1);

    // Another model's page forgets it.
    editCell(view, 1, AttributeTableModel::NameColumn, QStringLiteral("title"));
    QVERIFY(model->refusedIndex().isValid());
    select(QStringLiteral("m-user"));
    QVERIFY(!model->refusedIndex().isValid());
    QVERIFY(!table->problemLabel()->isVisibleTo(table));
}

void tst_InspectorFormat::foreignKeyObject()
{
    select(QStringLiteral("as-user-posts")); // User.hasMany(Post): UserId on Posts
    AssociationPage *page = m_inspector->associationPage();
    const AssociationId id(QStringLiteral("as-user-posts"));
    auto association = [&] { return m_document->association(id); };
    KeyDetails *details = page->foreignKeyDetails();
    QUndoStack *stack = m_document->undoStack();
    const int steps = stack->count();

    // Folded while the key is a plain name; the placeholders say what applies.
    QVERIFY(!details->fields()->isVisibleTo(page));
    QTest::mouseClick(details->toggle(), Qt::LeftButton);
    QVERIFY(details->fields()->isVisibleTo(page));
    QCOMPARE(details->typeBox()->lineEdit()->placeholderText(), QStringLiteral("Default: INTEGER"));
    QCOMPARE(details->fieldEdit()->placeholderText(), QStringLiteral("Default: UserId"));

    typeInto(details->typeBox()->lineEdit(), QStringLiteral("BIGINT"));
    QVERIFY(association()->foreignKey.isObject);
    QCOMPARE(association()->foreignKey.type, QStringLiteral("BIGINT"));
    QVERIFY(association()->foreignKey.name.isEmpty());
    QCOMPARE(stack->count(), steps + 1); // typing merged
    typeInto(details->fieldEdit(), QStringLiteral("author_id"));
    QCOMPARE(association()->foreignKey.field, QStringLiteral("author_id"));
    choose(details->uniqueBox(), QStringLiteral("Unique"));
    QCOMPARE(association()->foreignKey.unique, std::optional<bool>(true));
    typeInto(details->commentEdit(), QStringLiteral("who wrote it"));
    QCOMPARE(association()->foreignKey.comment, QStringLiteral("who wrote it"));
    QCOMPARE(stack->count(), steps + 4);
    // The preview shows the column with what the object adds (SQLite: a unique index).
    QCOMPARE(page->preview()->ddl(),
             QStringLiteral("ALTER TABLE \"Posts\" ADD COLUMN \"author_id\" BIGINT REFERENCES "
                            "\"Users\" (\"id\") ON DELETE SET NULL ON UPDATE CASCADE;\n"
                            "CREATE UNIQUE INDEX \"Posts_author_id_unique\" ON \"Posts\" "
                            "(\"author_id\");\n"));
    choose(page->preview()->dialectBox(), QStringLiteral("PostgreSQL"));
    QCOMPARE(page->preview()->ddl(),
             QStringLiteral("ALTER TABLE \"Posts\" ADD COLUMN \"author_id\" BIGINT;\n"
                            "ALTER TABLE \"Posts\" ADD CONSTRAINT \"Posts_author_id_fkey\" FOREIGN "
                            "KEY (\"author_id\") REFERENCES \"Users\" (\"id\") ON DELETE SET NULL "
                            "ON UPDATE CASCADE;\n"
                            "ALTER TABLE \"Posts\" ADD CONSTRAINT \"Posts_author_id_unique\" "
                            "UNIQUE (\"author_id\");\n"
                            "COMMENT ON COLUMN \"Posts\".\"author_id\" IS 'who wrote it';\n"));
    choose(page->preview()->dialectBox(), QStringLiteral("SQLite"));
    const QString ddl = ddlOf(*m_document, Dialect::Kind::Postgres);
    QVERIFY2(ddl.contains(QLatin1String("COMMENT ON COLUMN \"Posts\".\"author_id\" IS 'who wrote it'")),
             qPrintable(ddl));

    // A type the format does not know stays in its field with the reason; not committed.
    typeInto(details->typeBox()->lineEdit(), QStringLiteral("BIGINTEGER"));
    QVERIFY(details->problem()->isVisibleTo(page));
    QVERIFY2(details->problem()->text().contains(QLatin1String("BIGINTEGER is not a type")),
             qPrintable(details->problem()->text()));
    QCOMPARE(association()->foreignKey.type, QStringLiteral("BIGINT"));
    QCOMPARE(details->typeBox()->currentText(), QStringLiteral("BIGINTEGER"));
    // Back to the default type: picked in the list (its first, empty item).
    choose(details->typeBox(), QString());
    QVERIFY(!details->problem()->isVisibleTo(page));
    QVERIFY(association()->foreignKey.type.isEmpty());

    // Undo shows in the fields.
    stack->undo();
    QCOMPARE(details->typeBox()->currentText(), QStringLiteral("BIGINT"));
}

void tst_InspectorFormat::otherKeyObject()
{
    select(QStringLiteral("as-post-tags"));
    AssociationPage *page = m_inspector->associationPage();
    const AssociationId id(QStringLiteral("as-post-tags"));
    KeyDetails *details = page->otherKeyDetails();
    QVERIFY(details->isVisibleTo(page));
    // A junction of its own (PostTags is shared with Tag's belongsToMany back, whose
    // foreignKey defines the column first).
    typeInto(page->throughBox()->lineEdit(), QStringLiteral("Labels"));
    QTest::mouseClick(details->toggle(), Qt::LeftButton);
    typeInto(details->commentEdit(), QStringLiteral("the tag"));
    const Association *a = m_document->association(id);
    QVERIFY(a->otherKey.isObject);
    QCOMPARE(a->otherKey.comment, QStringLiteral("the tag"));
    // The object needs a name on a belongsToMany: it took the one that applied.
    QCOMPARE(a->otherKey.name, QStringLiteral("TagId"));
    QCOMPARE(page->otherKeyBox()->currentText(), QStringLiteral("TagId"));
    QVERIFY2(page->preview()->ddl().contains(QLatin1String("\"TagId\" INTEGER NOT NULL")),
             qPrintable(page->preview()->ddl()));
    const QString ddl = ddlOf(*m_document, Dialect::Kind::MySql);
    QVERIFY2(ddl.contains(QLatin1String("`TagId` INTEGER NOT NULL COMMENT 'the tag'")),
             qPrintable(ddl));
    // Not on a hasMany.
    select(QStringLiteral("as-user-posts"));
    QVERIFY(!page->otherKeyDetails()->isVisibleTo(page));
}

void tst_InspectorFormat::screenshots()
{
    auto dock = qobject_cast<QDockWidget *>(m_inspector->parentWidget());
    QVERIFY(dock);
    dock->setFloating(true);
    dock->resize(560, 1000);
    QVERIFY(QTest::qWaitForWindowExposed(dock));
    select(post.toString());
    AttributeTable *table = m_inspector->entityPage()->attributes();
    editCell(table->view(), 0, AttributeTableModel::UniqueColumn, QStringLiteral("headline"));
    editCell(table->view(), 2, AttributeTableModel::UniqueColumn, QStringLiteral("headline"));
    editCell(table->view(), 1, AttributeTableModel::NameColumn, QStringLiteral("title"));
    QCoreApplication::processEvents();
    QVERIFY(m_inspector->grab().save(
        QStringLiteral(JUNCTION_SCREENSHOT_DIR "/inspector-model-indexes.png")));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    select(QStringLiteral("as-user-posts"));
    AssociationPage *page = m_inspector->associationPage();
    QTest::mouseClick(page->foreignKeyDetails()->toggle(), Qt::LeftButton);
    typeInto(page->foreignKeyDetails()->fieldEdit(), QStringLiteral("author_id"));
    QCoreApplication::processEvents();
    QVERIFY(m_inspector->grab().save(
        QStringLiteral(JUNCTION_SCREENSHOT_DIR "/inspector-foreignkey-details.png")));
    dock->setFloating(false);
}

QTEST_MAIN(tst_InspectorFormat)
#include "tst_inspectorformat.moc"
