// SPDX-License-Identifier: MIT
// The inspector dock driven through its real widgets (keys typed into fields, combo box items
// picked in their popups, table cells edited and toggled): every option reaches the document
// and the resolved DDL, each gesture is one undo step (typing merges until focus leaves),
// refused input is not committed, and undoing everything gives back the exact start.
#include "viewtestsupport.h"
#include "inspectortestsupport.h"
#include "associationpage.h"
#include "associationpreview.h"
#include "attributetable.h"
#include "attributetablemodel.h"
#include "commands/associationcommands.h"
#include "commands/entitycommands.h"
#include "ddlgenerator.h"
#include "diagramscene.h"
#include "diagramview.h"
#include "document.h"
#include "entitypage.h"
#include "inspectorpanel.h"
#include "mainwindow.h"
#include "outlinemodel.h"
#include "outlinepanel.h"
#include "projectpage.h"
#include "projectwriter.h"
#include "tableitem.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace Junction;
using namespace Junction::Testing;

namespace {

QString example(const char *name)
{
    return QStringLiteral(JUNCTION_EXAMPLES "/") + QString::fromUtf8(name);
}

} // namespace

class tst_Inspector : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { Junction::Testing::useFreshTestSettings(); }
    void init();
    void cleanup();
    void followsTheCanvasSelection();
    void projectPage();
    void modelOptions();
    void refusedNameIsNotCommitted();
    void attributeTable();
    void associationOptions();
    void belongsToManyOptions();
    void undoKeepsTheCursor();
    void generatedRowsFollowTheirResolve();
    void screenshots();

private:
    void select(const QString &id);
    std::unique_ptr<MainWindow> m_window;
    Document *m_document = nullptr;
    InspectorPanel *m_inspector = nullptr;
    QByteArray m_start;
};

void tst_Inspector::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QVERIFY(m_window->openFile(example("blog.junction.json")));
    m_document = m_window->document();
    m_document->setAutosaveInterval(0);
    // The layout placed on open is a step of its own; the session starts after it.
    m_document->undoStack()->setClean();
    m_start = ProjectWriter::toBytes(m_document->project());
    m_inspector = m_window->inspectorPanel();
}

void tst_Inspector::cleanup()
{
    if (m_document && !QTest::currentTestFailed()) {
        // Undo of the whole session gives back the exact file; redo the exact end.
        const QByteArray end = ProjectWriter::toBytes(m_document->project());
        const int index = m_document->undoStack()->index();
        m_document->undoStack()->setIndex(m_document->undoStack()->cleanIndex());
        QCOMPARE(ProjectWriter::toBytes(m_document->project()), m_start);
        m_document->undoStack()->setIndex(index);
        QCOMPARE(ProjectWriter::toBytes(m_document->project()), end);
        m_document->undoStack()->setClean(); // no save prompt on close
    }
    m_window.reset();
    m_document = nullptr;
}

void tst_Inspector::select(const QString &id)
{
    QVERIFY(m_window->scene()->selectElements({id}));
}

void tst_Inspector::followsTheCanvasSelection()
{
    DiagramView *view = m_window->view();
    view->resetZoom();
    TableItem *post = m_window->scene()->tableItem(EntityId(QStringLiteral("m-post")));
    view->centerOn(post);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      view->mapFromScene(post->mapToScene(QPointF(20, 10))));
    QCOMPARE(m_inspector->currentPage(), m_inspector->entityPage());
    QCOMPARE(m_inspector->entityPage()->nameEdit()->text(), QStringLiteral("Post"));

    select(QStringLiteral("as-post-tags"));
    QCOMPARE(m_inspector->currentPage(), m_inspector->associationPage());
    QCOMPARE(m_inspector->associationPage()->association(),
             AssociationId(QStringLiteral("as-post-tags")));

    // The junction table stands for the belongsToMany that creates it.
    m_window->scene()->clearSelection();
    m_window->scene()->junctionItem(QStringLiteral("PostTags"))->setSelected(true);
    QCOMPARE(m_inspector->currentPage(), m_inspector->associationPage());
    QCOMPARE(m_inspector->associationPage()->association(),
             AssociationId(QStringLiteral("as-post-tags")));

    m_window->scene()->clearSelection();
    QCOMPARE(m_inspector->currentPage(), m_inspector->projectPage());

    // An attribute chosen in the outline is the current row of its model's table.
    OutlinePanel *outline = m_window->outlinePanel();
    const QModelIndex emailRow = outline->proxy()->mapFromSource(
        outline->model()->indexForId(QStringLiteral("a-user-email")));
    outline->tree()->scrollTo(emailRow);
    QTest::mouseClick(outline->tree()->viewport(), Qt::LeftButton, {},
                      outline->tree()->visualRect(emailRow).center());
    QCOMPARE(m_inspector->currentPage(), m_inspector->entityPage());
    QCOMPARE(m_inspector->entityPage()->entity(), EntityId(QStringLiteral("m-user")));
    QCOMPARE(m_inspector->entityPage()->attributes()->currentAttribute(),
             AttributeId(QStringLiteral("a-user-email")));

    // A model that goes away (undo of its rename is not enough: delete it) leaves its page.
    select(QStringLiteral("m-tag"));
    QCOMPARE(m_inspector->currentPage(), m_inspector->entityPage());
    m_document->push(Commands::removeEntities(*m_document, {EntityId(QStringLiteral("m-tag"))}));
    QCOMPARE(m_inspector->currentPage(), m_inspector->projectPage());
    m_document->undoStack()->undo();
}

void tst_Inspector::projectPage()
{
    ProjectPage *page = m_inspector->projectPage();
    QCOMPARE(m_inspector->currentPage(), page);
    const int steps = m_document->undoStack()->count();
    typeInto(page->nameEdit(), QStringLiteral("Journal"));
    QCOMPARE(m_document->project().name, QStringLiteral("Journal"));
    QCOMPARE(m_document->undoStack()->count(), steps + 1); // typing merged
    page->timestampsBox()->setFocus(); // focus leaves the name
    page->underscoredBox()->setFocus();
    QTest::keyClick(page->underscoredBox(), Qt::Key_Space);
    QVERIFY(m_document->project().define.underscored);
    page->paranoidBox()->setFocus();
    QTest::keyClick(page->paranoidBox(), Qt::Key_Space);
    QVERIFY(m_document->project().define.paranoid);
    page->freezeTableNameBox()->setFocus();
    QTest::keyClick(page->freezeTableNameBox(), Qt::Key_Space);
    QVERIFY(m_document->project().define.freezeTableName);
    page->underscoredAllBox()->setFocus();
    QTest::keyClick(page->underscoredAllBox(), Qt::Key_Space);
    QVERIFY(m_document->project().define.underscoredAll);
    QString ddl = ddlOf(*m_document);
    QVERIFY2(ddl.contains(QLatin1String("CREATE TABLE \"User\"")), qPrintable(ddl));
    QVERIFY2(ddl.contains(QLatin1String("\"deleted_at\"")), qPrintable(ddl));
    QVERIFY2(ddl.contains(QLatin1String("\"created_at\"")), qPrintable(ddl));
    page->timestampsBox()->setFocus();
    QTest::keyClick(page->timestampsBox(), Qt::Key_Space);
    QVERIFY(!m_document->project().define.timestamps);
    QCOMPARE(m_document->undoStack()->count(), steps + 6);
    ddl = ddlOf(*m_document);
    QVERIFY2(!ddl.contains(QLatin1String("\"created_at\"")), qPrintable(ddl));

    m_document->undoStack()->undo(); // the page follows undo
    QVERIFY(page->timestampsBox()->isChecked());
}

void tst_Inspector::modelOptions()
{
    select(QStringLiteral("m-post"));
    EntityPage *page = m_inspector->entityPage();
    QCOMPARE(m_inspector->currentPage(), page);
    QUndoStack *stack = m_document->undoStack();
    const int steps = stack->count();

    typeInto(page->nameEdit(), QStringLiteral("Article"));
    QCOMPARE(stack->count(), steps + 1);
    const Entity *article = m_document->entity(EntityId(QStringLiteral("m-post")));
    QCOMPARE(article->name, QStringLiteral("Article"));
    // Renaming rewrote the associations that name it.
    QCOMPARE(m_document->association(AssociationId(QStringLiteral("as-user-posts")))->target,
             QStringLiteral("Article"));

    typeInto(page->tableNameEdit(), QStringLiteral("articles"));
    QCOMPARE(stack->count(), steps + 2); // another field: another step
    QCOMPARE(article->tableName, QStringLiteral("articles"));
    typeInto(page->commentEdit(), QStringLiteral("What people write"));
    QCOMPARE(stack->count(), steps + 3);
    // Typing on in the same field merges, until the focus leaves it.
    QTest::keyClicks(page->commentEdit(), QStringLiteral("!"));
    QCOMPARE(stack->count(), steps + 3);
    page->tableNameEdit()->setFocus();
    QVERIFY(!page->commentEdit()->hasFocus());
    page->commentEdit()->setFocus();
    QTest::keyClicks(page->commentEdit(), QStringLiteral("?"));
    QCOMPARE(stack->count(), steps + 4);
    QCOMPARE(stack->undoText(), QStringLiteral("Change model comment"));

    choose(page->timestampsBox(), QStringLiteral("On"));
    choose(page->paranoidBox(), QStringLiteral("On"));
    choose(page->underscoredBox(), QStringLiteral("On"));
    choose(page->underscoredAllBox(), QStringLiteral("Off"));
    choose(page->freezeTableNameBox(), QStringLiteral("On"));
    QCOMPARE(stack->count(), steps + 9);
    article = m_document->entity(EntityId(QStringLiteral("m-post")));
    QCOMPARE(article->comment, QStringLiteral("What people write!?"));
    QCOMPARE(article->timestamps, std::optional<bool>(true));
    QCOMPARE(article->paranoid, std::optional<bool>(true));
    QCOMPARE(article->underscored, std::optional<bool>(true));
    QCOMPARE(article->underscoredAll, std::optional<bool>(false));
    QCOMPARE(article->freezeTableName, std::optional<bool>(true));
    // The same choice again is no step.
    choose(page->freezeTableNameBox(), QStringLiteral("On"));
    QCOMPARE(stack->count(), steps + 9);

    const QString ddl = ddlOf(*m_document, Dialect::Kind::Postgres);
    const QString table = tableDdl(ddl, "articles");
    QVERIFY2(!table.isEmpty(), qPrintable(ddl));
    QVERIFY2(table.contains(QLatin1String("\"deleted_at\"")), qPrintable(table));
    QVERIFY2(table.contains(QLatin1String("\"created_at\"")), qPrintable(table));
    QVERIFY2(ddl.contains(QLatin1String("COMMENT ON TABLE \"articles\" IS 'What people write!?'")),
             qPrintable(ddl));

    // "Default" unsets the option again; the default item names what then applies.
    QCOMPARE(page->paranoidBox()->itemText(0), QStringLiteral("Default (off)"));
    choose(page->paranoidBox(), QStringLiteral("Default (off)"));
    QVERIFY(!m_document->entity(EntityId(QStringLiteral("m-post")))->paranoid.has_value());
    QCOMPARE(stack->count(), steps + 10);
    choose(page->timestampsBox(), QStringLiteral("Off"));
    const QString untimed = tableDdl(ddlOf(*m_document), "articles");
    QVERIFY2(!untimed.contains(QLatin1String("created_at")), qPrintable(untimed));
    QCOMPARE(stack->count(), steps + 11);

    // Undo and redo show in the fields.
    stack->undo();
    stack->undo();
    QCOMPARE(page->paranoidBox()->currentText(), QStringLiteral("On"));
    stack->setIndex(steps);
    QCOMPARE(page->nameEdit()->text(), QStringLiteral("Post"));
    QCOMPARE(page->tableNameEdit()->text(), QString());
    QCOMPARE(page->timestampsBox()->currentIndex(), 0);
    stack->setIndex(steps + 11);
    QCOMPARE(page->nameEdit()->text(), QStringLiteral("Article"));
}

void tst_Inspector::refusedNameIsNotCommitted()
{
    select(QStringLiteral("m-post"));
    EntityPage *page = m_inspector->entityPage();
    const QByteArray before = ProjectWriter::toBytes(m_document->project());
    typeInto(page->nameEdit(), QStringLiteral("User"));
    QVERIFY(page->nameProblem()->isVisibleTo(page));
    QVERIFY2(page->nameProblem()->text().contains(QLatin1String("User")),
             qPrintable(page->nameProblem()->text()));
    // "Use" was a fine name on the way; "User" is taken: the document keeps "Use".
    QCOMPARE(m_document->entity(EntityId(QStringLiteral("m-post")))->name, QStringLiteral("Use"));
    // An edit elsewhere does not overwrite what the user is fixing.
    Entity tag = *m_document->project().entity(QStringLiteral("Tag"));
    tag.comment = QStringLiteral("labels");
    QVERIFY(m_document->push(Commands::editEntityOptions(*m_document, tag.id, tag,
                                                         Commands::EntityOption::Comment)));
    QCOMPARE(page->nameEdit()->text(), QStringLiteral("User"));
    QTest::keyClicks(page->nameEdit(), QStringLiteral("s"));
    QVERIFY(!page->nameProblem()->isVisibleTo(page));
    QCOMPARE(m_document->entity(EntityId(QStringLiteral("m-post")))->name, QStringLiteral("Users"));
    QVERIFY(before != ProjectWriter::toBytes(m_document->project()));

    typeInto(page->nameEdit(), QString()); // empty: refused too
    QVERIFY(page->nameProblem()->isVisibleTo(page));
    QCOMPARE(m_document->entity(EntityId(QStringLiteral("m-post")))->name, QStringLiteral("Users"));
    QTest::keyClicks(page->nameEdit(), QStringLiteral("Post"));
    QVERIFY(!page->nameProblem()->isVisibleTo(page));
    tag.comment.clear();
    QVERIFY(m_document->push(Commands::editEntityOptions(*m_document, tag.id, tag,
                                                         Commands::EntityOption::Comment)));
    QCOMPARE(ProjectWriter::toBytes(m_document->project()), before);
}

void tst_Inspector::attributeTable()
{
    select(QStringLiteral("m-post"));
    AttributeTable *table = m_inspector->entityPage()->attributes();
    QTableView *view = table->view();
    AttributeTableModel *model = table->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QUndoStack *stack = m_document->undoStack();
    const int steps = stack->count();

    // Generated columns follow the declared ones, read-only, with what made them.
    QCOMPARE(model->declaredCount(), 3);
    QStringList generated;
    for (int row = model->declaredCount(); row < model->rowCount(); ++row) {
        QVERIFY(model->index(row, 0).data(AttributeTableModel::GeneratedRole).toBool());
        QVERIFY(!(model->flags(model->index(row, 0)) & Qt::ItemIsEditable));
        generated << model->index(row, 0).data().toString() + u'='
                + model->index(row, AttributeTableModel::OriginColumn).data().toString();
    }
    QCOMPARE(
        generated,
        QStringList({QStringLiteral("id=implicit"), QStringLiteral("createdAt=timestamps"),
                     QStringLiteral("updatedAt=timestamps"), QStringLiteral("UserId=User.Posts")}));

    // Add after "body": the new row's name is open for typing.
    goToCell(view, 1, 0);
    QTest::mouseClick(table->addButton(), Qt::LeftButton);
    QCOMPARE(stack->count(), steps + 1);
    QWidget *editor = QApplication::focusWidget();
    QVERIFY(editor && editor != view);
    QTest::keyClicks(editor, QStringLiteral("rating"));
    QTest::keyClick(editor, Qt::Key_Return);
    QCoreApplication::processEvents();
    QCOMPARE(stack->count(), steps + 2);
    const Entity *post = m_document->entity(EntityId(QStringLiteral("m-post")));
    QCOMPARE(post->attributes.at(2).name, QStringLiteral("rating"));
    const int rating = 2;

    // Type: the combo box of the format's types.
    goToCell(view, rating, AttributeTableModel::TypeColumn);
    QTest::keyClick(view, Qt::Key_F2);
    auto typeEditor = view->findChild<QComboBox *>(QStringLiteral("typeEditor"));
    QVERIFY(typeEditor);
    QVERIFY(typeEditor->findText(QStringLiteral("STRING(255)")) >= 0);
    QVERIFY(typeEditor->findText(QStringLiteral("DECIMAL(10,2)")) >= 0);
    QTest::keyClick(typeEditor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(typeEditor, QStringLiteral("SMALLINT"));
    QTest::keyClick(typeEditor, Qt::Key_Return);
    QCoreApplication::processEvents();
    QCOMPARE(attributeNamed(*m_document, "Post", "rating")->type, QStringLiteral("SMALLINT"));

    // A type the format does not know is refused with the known ones.
    editCell(view, rating, AttributeTableModel::TypeColumn, QStringLiteral("SMALLNIT"));
    QVERIFY(table->problemLabel()->isVisibleTo(table));
    QVERIFY2(table->problemLabel()->text().contains(QLatin1String("SMALLINT")),
             qPrintable(table->problemLabel()->text()));
    QCOMPARE(attributeNamed(*m_document, "Post", "rating")->type, QStringLiteral("SMALLINT"));
    // And a name another attribute has.
    editCell(view, rating, AttributeTableModel::NameColumn, QStringLiteral("title"));
    QVERIFY2(table->problemLabel()->text().contains(QLatin1String("title")),
             qPrintable(table->problemLabel()->text()));
    QVERIFY(attributeNamed(*m_document, "Post", "rating"));
    editCell(view, rating, AttributeTableModel::NameColumn, QStringLiteral("stars"));
    QVERIFY(!table->problemLabel()->isVisibleTo(table));

    toggleCell(view, rating, AttributeTableModel::AllowNullColumn);
    toggleCell(view, rating, AttributeTableModel::UniqueColumn);
    editCell(view, rating, AttributeTableModel::DefaultColumn, QStringLiteral("3"));
    editCell(view, rating, AttributeTableModel::CommentColumn, QStringLiteral("one to five"));
    const Attribute *stars = attributeNamed(*m_document, "Post", "stars");
    QVERIFY(stars);
    QCOMPARE(stars->allowNull, std::optional<bool>(false));
    QVERIFY(stars->unique);
    QCOMPARE(stars->defaultValue.kind, DefaultValue::Kind::Number);
    QCOMPARE(stars->defaultValue.number, 3.0);
    QCOMPARE(stars->comment, QStringLiteral("one to five"));
    QString ddl = ddlOf(*m_document, Dialect::Kind::MySql);
    QVERIFY2(
        ddl.contains(QLatin1String("`stars` SMALLINT NOT NULL DEFAULT 3 COMMENT 'one to five'")),
        qPrintable(ddl));
    QVERIFY2(ddl.contains(QLatin1String("UNIQUE (`stars`)")), qPrintable(ddl));

    // Defaults of every kind, as typed.
    editCell(view, rating, AttributeTableModel::DefaultColumn, QStringLiteral("sql:42"));
    QCOMPARE(attributeNamed(*m_document, "Post", "stars")->defaultValue.kind,
             DefaultValue::Kind::Sql);
    editCell(view, rating, AttributeTableModel::DefaultColumn, QStringLiteral("fn:TOMORROW"));
    QVERIFY(table->problemLabel()->isVisibleTo(table));
    editCell(view, rating, AttributeTableModel::DefaultColumn, QString());
    QVERIFY(!attributeNamed(*m_document, "Post", "stars")->defaultValue.isSet());

    // Primary key and auto-increment: the implicit id goes.
    toggleCell(view, rating, AttributeTableModel::PrimaryKeyColumn);
    toggleCell(view, rating, AttributeTableModel::AutoIncrementColumn);
    stars = attributeNamed(*m_document, "Post", "stars");
    QVERIFY(stars->primaryKey);
    QVERIFY(stars->autoIncrement);
    const ResolvedTable *posts = m_document->resolved().tableForEntity(QStringLiteral("Post"));
    QCOMPARE(posts->primaryKey, QStringList {QStringLiteral("stars")});
    QVERIFY(!posts->column(QStringLiteral("id")));
    // The generated rows follow the resolve, which follows the edit off the UI thread.
    QTRY_COMPARE(model->index(model->declaredCount(), 0).data().toString(),
                 QStringLiteral("createdAt"));

    // Reorder and delete with the buttons; the current attribute follows.
    const int beforeMoves = stack->count();
    goToCell(view, rating, 0);
    QTest::mouseClick(table->upButton(), Qt::LeftButton);
    QCOMPARE(m_document->entity(EntityId(QStringLiteral("m-post")))->attributes.at(1).name,
             QStringLiteral("stars"));
    QCOMPARE(table->currentAttribute(), stars->id);
    QTest::mouseClick(table->downButton(), Qt::LeftButton);
    QTest::mouseClick(table->downButton(), Qt::LeftButton);
    QCOMPARE(m_document->entity(EntityId(QStringLiteral("m-post")))->attributes.last().name,
             QStringLiteral("stars"));
    QVERIFY(!table->downButton()->isEnabled());
    // Delete while the table has the focus.
    QTest::keyClick(view, Qt::Key_Delete);
    QVERIFY(!attributeNamed(*m_document, "Post", "stars"));
    QCOMPARE(stack->count(), beforeMoves + 4);
    QVERIFY(m_document->resolved()
                .tableForEntity(QStringLiteral("Post"))
                ->column(QStringLiteral("id")));

    // Insert adds one after the current row, its name open for typing; Escape keeps the
    // proposed name, the button removes it again.
    goToCell(view, 0, 0);
    QTest::keyClick(view, Qt::Key_Insert);
    QCOMPARE(m_document->entity(EntityId(QStringLiteral("m-post")))->attributes.at(1).name,
             QStringLiteral("attribute"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QCOMPARE(table->currentAttribute(),
             m_document->entity(EntityId(QStringLiteral("m-post")))->attributes.at(1).id);
    QTest::mouseClick(table->removeButton(), Qt::LeftButton);
    QCOMPARE(m_document->entity(EntityId(QStringLiteral("m-post")))->attributes.size(), 3);
    stack->undo();
    stack->undo();

    // Undo brings the table back with it; the tester watches the whole way back and forth.
    stack->undo();
    QCOMPARE(model->index(3, 0).data().toString(), QStringLiteral("stars"));
    QCOMPARE(model->index(3, AttributeTableModel::TypeColumn).data().toString(),
             QStringLiteral("SMALLINT"));
    const int end = stack->index();
    while (stack->index() > steps)
        stack->undo();
    QCOMPARE(model->declaredCount(), 3);
    QCOMPARE(model->rowCount(), 7);
    while (stack->index() < end)
        stack->redo();
    QCOMPARE(model->index(3, 0).data().toString(), QStringLiteral("stars"));
}

void tst_Inspector::associationOptions()
{
    select(QStringLiteral("as-user-posts")); // User.hasMany(Post)
    AssociationPage *page = m_inspector->associationPage();
    QCOMPARE(m_inspector->currentPage(), page);
    const AssociationId id(QStringLiteral("as-user-posts"));
    auto association = [&] { return m_document->association(id); };
    auto resolved = [&] { return m_document->resolved().association(id); };
    QUndoStack *stack = m_document->undoStack();
    const int steps = stack->count();

    // Rows for what a hasMany takes.
    QVERIFY(page->isFieldShown(page->sourceKeyBox()));
    QVERIFY(page->isFieldShown(page->singularEdit()));
    QVERIFY(!page->isFieldShown(page->targetKeyBox()));
    QVERIFY(!page->isFieldShown(page->throughBox()));
    QVERIFY(!page->isFieldShown(page->otherKeyBox()));
    // Unset rules name what applies.
    QCOMPARE(page->onDeleteBox()->currentText(), QStringLiteral("Default (SET NULL)"));
    QCOMPARE(page->onUpdateBox()->currentText(), QStringLiteral("Default (CASCADE)"));
    QCOMPARE(page->constraintsBox()->currentText(), QStringLiteral("Default (on)"));
    QVERIFY2(
        page->preview()->accessorsLabel()->text().startsWith(QLatin1String("getPosts, setPosts")),
        qPrintable(page->preview()->accessorsLabel()->text()));
    QCOMPARE(page->preview()->ddl(),
             QStringLiteral("ALTER TABLE \"Posts\" ADD COLUMN \"UserId\" INTEGER REFERENCES "
                            "\"Users\" (\"id\") ON DELETE SET NULL ON UPDATE CASCADE;\n"));

    // as: a plural and its singular; an alias the source already uses is refused.
    typeInto(page->asEdit(), QStringLiteral("Pictures"));
    QVERIFY(page->asProblem()->isVisibleTo(page));
    QVERIFY2(page->asProblem()->text().contains(QLatin1String("Pictures")),
             qPrintable(page->asProblem()->text()));
    QCOMPARE(association()->as.plural, QStringLiteral("Picture")); // the last fine text
    typeInto(page->asEdit(), QStringLiteral("Articles"));
    QVERIFY(!page->asProblem()->isVisibleTo(page));
    typeInto(page->singularEdit(), QStringLiteral("Piece"));
    QCOMPARE(association()->as.plural, QStringLiteral("Articles"));
    QCOMPARE(association()->as.singular, QStringLiteral("Piece"));
    QVERIFY(association()->as.isObject);
    QCOMPARE(stack->count(), steps + 2); // two fields typed, each merged
    // The accessors follow the resolve, which follows the edits off the UI thread.
    QTRY_VERIFY2(page->preview()->accessorsLabel()->text().contains(QLatin1String("addPiece")),
                 qPrintable(page->preview()->accessorsLabel()->text()));

    // foreignKey: a name and NOT NULL; the default ON DELETE follows the nullability.
    typeInto(page->foreignKeyBox()->lineEdit(), QStringLiteral("authorId"));
    choose(page->foreignKeyNullBox(), QStringLiteral("NOT NULL"));
    QCOMPARE(association()->foreignKey.name, QStringLiteral("authorId"));
    QCOMPARE(association()->foreignKey.allowNull, std::optional<bool>(false));
    QVERIFY(association()->foreignKey.isObject);
    // The default shown follows the resolve, which follows the edit off the UI thread.
    QTRY_COMPARE(page->onDeleteBox()->currentText(), QStringLiteral("Default (CASCADE)"));
    QCOMPARE(resolved()->onDelete, QStringLiteral("CASCADE"));

    // sourceKey from the source's attributes: the FK takes its type.
    choose(page->sourceKeyBox(), QStringLiteral("email"));
    QCOMPARE(association()->sourceKey, QStringLiteral("email"));
    QCOMPARE(resolved()->referencedKey, QStringLiteral("email"));

    choose(page->onDeleteBox(), QStringLiteral("RESTRICT"));
    choose(page->onUpdateBox(), QStringLiteral("NO ACTION"));
    QCOMPARE(association()->onDelete, QStringLiteral("RESTRICT"));
    QCOMPARE(association()->onUpdate, QStringLiteral("NO ACTION"));
    // With a value set, the default item still says what unsetting would give.
    QCOMPARE(page->onDeleteBox()->itemText(0), QStringLiteral("Default (CASCADE)"));
    typeInto(page->commentEdit(), QStringLiteral("who wrote it"));
    QCOMPARE(association()->comment, QStringLiteral("who wrote it"));
    QCOMPARE(page->preview()->ddl(),
             QStringLiteral("ALTER TABLE \"Posts\" ADD COLUMN \"authorId\" VARCHAR(320) NOT NULL "
                            "REFERENCES \"Users\" (\"email\") ON DELETE RESTRICT ON UPDATE NO "
                            "ACTION;\n"));
    choose(page->preview()->dialectBox(), QStringLiteral("MySQL"));
    QVERIFY2(page->preview()->ddl().contains(
                 QLatin1String("ALTER TABLE `Posts` ADD CONSTRAINT `Posts_authorId_fkey` FOREIGN "
                               "KEY (`authorId`) REFERENCES `Users` (`email`) ON DELETE RESTRICT "
                               "ON UPDATE NO ACTION")),
             qPrintable(page->preview()->ddl()));
    choose(page->preview()->dialectBox(), QStringLiteral("SQLite"));

    // constraints off, with the rules unset: no FOREIGN KEY, and the defaults say so.
    choose(page->onDeleteBox(), QStringLiteral("Default (CASCADE)"));
    choose(page->onUpdateBox(), QStringLiteral("Default (CASCADE)"));
    choose(page->constraintsBox(), QStringLiteral("Off"));
    QCOMPARE(association()->constraints, std::optional<bool>(false));
    QVERIFY(!resolved()->constraints);
    QCOMPARE(page->onDeleteBox()->currentText(), QStringLiteral("Default (none: no constraint)"));
    QVERIFY2(!page->preview()->ddl().contains(QLatin1String("REFERENCES")),
             qPrintable(page->preview()->ddl()));
    const QString ddl = ddlOf(*m_document);
    QVERIFY2(ddl.contains(QLatin1String("\"authorId\" VARCHAR(320) NOT NULL")), qPrintable(ddl));

    // Target: another model; the FK moves there.
    choose(page->targetBox(), QStringLiteral("Tag"));
    QCOMPARE(association()->target, QStringLiteral("Tag"));
    QCOMPARE(resolved()->foreignKeyTable, QStringLiteral("Tags"));
    // Source.
    choose(page->sourceBox(), QStringLiteral("Picture"));
    QCOMPARE(association()->source, QStringLiteral("Picture"));
    // Picture has no email: the resolver's error shows and the preview says why.
    QVERIFY2(page->preview()->problemsLabel()->text().contains(QLatin1String("Error")),
             qPrintable(page->preview()->problemsLabel()->text()));
    QVERIFY(page->preview()->ddl().startsWith(QLatin1String("-- No DDL")));
    choose(page->sourceKeyBox(), page->sourceKeyBox()->itemText(0));
    QVERIFY(association()->sourceKey.isEmpty());
    QVERIFY(!page->preview()->problemsLabel()->isVisibleTo(page));

    // Type: to belongsTo drops what it does not take and shows targetKey.
    choose(page->typeBox(), QStringLiteral("belongsTo"));
    QCOMPARE(association()->type, AssociationType::BelongsTo);
    QVERIFY(!association()->as.isObject);
    QVERIFY(page->isFieldShown(page->targetKeyBox()));
    QVERIFY(!page->isFieldShown(page->singularEdit()));
    choose(page->targetKeyBox(), QStringLiteral("label"));
    QCOMPARE(association()->targetKey, QStringLiteral("label"));
    QCOMPARE(resolved()->referencedKey, QStringLiteral("label"));
    QCOMPARE(resolved()->foreignKeyTable, QStringLiteral("Pictures"));
    // To belongsToMany: a junction named after its models appears.
    choose(page->typeBox(), QStringLiteral("belongsToMany"));
    QCOMPARE(association()->through.name, QStringLiteral("PictureTags"));
    QVERIFY(association()->targetKey.isEmpty());
    QVERIFY(m_document->resolved().table(QStringLiteral("PictureTags")));
    QVERIFY(page->isFieldShown(page->throughBox()));
    QVERIFY(page->preview()->ddl().startsWith(QLatin1String("CREATE TABLE \"PictureTags\"")));
}

void tst_Inspector::belongsToManyOptions()
{
    select(QStringLiteral("as-post-tags"));
    AssociationPage *page = m_inspector->associationPage();
    const AssociationId id(QStringLiteral("as-post-tags"));
    auto association = [&] { return m_document->association(id); };
    QVERIFY(page->isFieldShown(page->throughBox()));
    QVERIFY(page->isFieldShown(page->otherKeyBox()));
    QVERIFY(page->isFieldShown(page->timestampsBox()));
    QVERIFY(!page->isFieldShown(page->targetKeyBox()));
    QCOMPARE(page->onDeleteBox()->currentText(), QStringLiteral("Default (CASCADE)"));
    QCOMPARE(page->throughBox()->currentText(), QStringLiteral("PostTags"));
    QVERIFY(page->preview()->ddl().startsWith(QLatin1String("CREATE TABLE \"PostTags\"")));

    // A through model that does not exist is refused.
    choose(page->throughKindBox(), QStringLiteral("Model"));
    QVERIFY(page->throughProblem()->isVisibleTo(page));
    QCOMPARE(association()->through.kind, Through::Kind::Table);
    choose(page->throughKindBox(), QStringLiteral("Table"));
    QVERIFY(!page->throughProblem()->isVisibleTo(page));

    typeInto(page->throughBox()->lineEdit(), QStringLiteral("Labels"));
    typeInto(page->otherKeyBox()->lineEdit(), QStringLiteral("labelId"));
    choose(page->otherKeyNullBox(), QStringLiteral("NOT NULL"));
    typeInto(page->foreignKeyBox()->lineEdit(), QStringLiteral("postId"));
    choose(page->timestampsBox(), QStringLiteral("Off"));
    QCOMPARE(association()->through.name, QStringLiteral("Labels"));
    QCOMPARE(association()->otherKey.name, QStringLiteral("labelId"));
    QCOMPARE(association()->otherKey.allowNull, std::optional<bool>(false));
    QCOMPARE(association()->foreignKey.name, QStringLiteral("postId"));
    QCOMPARE(association()->timestamps, std::optional<bool>(false));
    QTRY_COMPARE(
        page->preview()->ddl(),
        QStringLiteral("CREATE TABLE \"Labels\" (\n"
                       "  \"postId\" INTEGER NOT NULL,\n"
                       "  \"labelId\" INTEGER NOT NULL,\n"
                       "  CONSTRAINT \"Labels_pkey\" PRIMARY KEY (\"postId\", \"labelId\"),\n"
                       "  CONSTRAINT \"Labels_postId_fkey\" FOREIGN KEY (\"postId\") REFERENCES "
                       "\"Posts\" (\"id\") ON DELETE CASCADE ON UPDATE CASCADE,\n"
                       "  CONSTRAINT \"Labels_labelId_fkey\" FOREIGN KEY (\"labelId\") "
                       "REFERENCES \"Tags\" (\"id\") ON DELETE CASCADE ON UPDATE CASCADE\n"
                       ");\n"));
    QVERIFY2(page->preview()->accessorsLabel()->text().contains(QLatin1String("addTags")),
             qPrintable(page->preview()->accessorsLabel()->text()));
    const QString ddl = ddlOf(*m_document, Dialect::Kind::Postgres);
    QVERIFY2(ddl.contains(QLatin1String("CREATE TABLE \"Labels\"")), qPrintable(ddl));

    // Through a model: Tag's partner keeps PostTags; a junction model of our own.
    choose(page->throughKindBox(), QStringLiteral("Model")); // "Labels" is no model: refused
    QVERIFY(page->throughProblem()->isVisibleTo(page));
    typeInto(page->throughBox()->lineEdit(), QStringLiteral("User"));
    QVERIFY(!page->throughProblem()->isVisibleTo(page));
    QCOMPARE(association()->through.kind, Through::Kind::Model);
    QCOMPARE(association()->through.name, QStringLiteral("User"));
    // The keys now choose among the through model's attributes.
    QVERIFY(page->otherKeyBox()->findText(QStringLiteral("email")) >= 0);
}

void tst_Inspector::undoKeepsTheCursor()
{
    select(QStringLiteral("m-user"));
    EntityPage *page = m_inspector->entityPage();
    QLineEdit *name = page->nameEdit();
    typeInto(name, QStringLiteral("Person"));
    QTest::keyClick(name, Qt::Key_Left);
    QTest::keyClick(name, Qt::Key_Left);
    QCOMPARE(name->cursorPosition(), 4);
    // Edits elsewhere (even of this model) leave the field and its cursor alone.
    m_document->push(Commands::editEntityOptions(
        *m_document, EntityId(QStringLiteral("m-user")),
        [&] {
            Entity e = *m_document->entity(EntityId(QStringLiteral("m-user")));
            e.comment = QStringLiteral("changed");
            return e;
        }(),
        Commands::EntityOption::Comment));
    QCOMPARE(page->commentEdit()->text(), QStringLiteral("changed"));
    QCOMPARE(name->cursorPosition(), 4);
    QCOMPARE(QApplication::focusWidget(), name);
    // Typing in the middle keeps going where the cursor is.
    QTest::keyClicks(name, QStringLiteral("xx"));
    QCOMPARE(name->text(), QStringLiteral("Persxxon"));
    QCOMPARE(name->cursorPosition(), 6);
    // Undo of the "xx" (its own step: the comment came between) shows in the field, the
    // cursor kept where it can be.
    m_document->undoStack()->undo();
    QCOMPARE(name->text(), QStringLiteral("Person"));
    QCOMPARE(name->cursorPosition(), 6);
    m_document->undoStack()->undo(); // the comment: the name is left alone
    QCOMPARE(page->commentEdit()->text(), QStringLiteral("People who sign in and upload pictures"));
    QCOMPARE(name->text(), QStringLiteral("Person"));
    QCOMPARE(name->cursorPosition(), 6);
    m_document->undoStack()->undo(); // the whole typed name: one step
    QCOMPARE(name->text(), QStringLiteral("User"));
    QCOMPARE(m_document->project().associations.first().source, QStringLiteral("User"));
}

void tst_Inspector::generatedRowsFollowTheirResolve()
{
    // The attribute table reloads on a resolve that changed its model's table or an
    // association a generated row names, and not on one that changed neither.
    Document *document = m_document;
    AttributeTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDocument(document);
    model.setEntity(EntityId(QStringLiteral("m-picture")));
    const auto noteOf = [&](const QString &column) {
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.index(row, AttributeTableModel::NameColumn).data().toString() == column)
                return model.index(row, AttributeTableModel::OriginColumn).data().toString();
        }
        return QStringLiteral("(no row %1)").arg(column);
    };
    QCOMPARE(noteOf(QStringLiteral("uid")), QStringLiteral("User.Pictures"));
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

    // An alias for User.hasMany(Picture): the uid column stays, its note follows.
    Association aliased = *document->association(AssociationId(QStringLiteral("as-user-pictures")));
    aliased.as.plural = QStringLiteral("Photos");
    QVERIFY(document->push(
        Commands::editAssociation(*document, aliased, Commands::AssociationField::As)));
    QTRY_COMPARE(noteOf(QStringLiteral("uid")), QStringLiteral("User.Photos"));
    QVERIFY(document->isResolveSettled());

    // A model Picture has nothing to do with: its resolve leaves the rows alone.
    QVERIFY(waitUntilSettled(m_window.get()));
    changes.clear();
    resets.clear();
    Entity unrelated;
    unrelated.name = QStringLiteral("Comment");
    QVERIFY(document->push(Commands::addEntity(*document, unrelated, QPointF(0, 0))));
    changes.clear(); // the edit itself reloads the values (Document::changed)
    QVERIFY(waitUntilSettled(m_window.get()));
    QCOMPARE(changes.size(), 0);
    QCOMPARE(resets.size(), 0);
    QCOMPARE(noteOf(QStringLiteral("uid")), QStringLiteral("User.Photos"));
}

void tst_Inspector::screenshots()
{
    // The dock floats at a size that shows a whole page.
    auto dock = qobject_cast<QDockWidget *>(m_inspector->parentWidget());
    QVERIFY(dock);
    dock->setFloating(true);
    dock->resize(520, 1000);
    QVERIFY(QTest::qWaitForWindowExposed(dock));
    select(QStringLiteral("m-user"));
    QCoreApplication::processEvents();
    QVERIFY(
        m_inspector->grab().save(QStringLiteral(JUNCTION_SCREENSHOT_DIR "/inspector-model.png")));
    select(QStringLiteral("as-post-tags"));
    QVERIFY(m_inspector->grab().save(
        QStringLiteral(JUNCTION_SCREENSHOT_DIR "/inspector-belongstomany.png")));
    select(QStringLiteral("as-user-pictures"));
    QVERIFY(
        m_inspector->grab().save(QStringLiteral(JUNCTION_SCREENSHOT_DIR "/inspector-hasmany.png")));
    dock->setFloating(false);
    dock->raise();
    select(QStringLiteral("as-post-tags"));
    m_window->view()->fitAll();
    QCoreApplication::processEvents();
    QVERIFY(m_window->grab().save(QStringLiteral(JUNCTION_SCREENSHOT_DIR "/inspector-window.png")));
}

QTEST_MAIN(tst_Inspector)
#include "tst_inspector.moc"
