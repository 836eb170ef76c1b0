// SPDX-License-Identifier: MIT
// The data browser on the shop example's tables in real SQLite, PostgreSQL and MariaDB
// databases: open Customers, follow one customer's orders and the products on an order,
// link a product to an order through the dialogs (checking the confirmation's text), and
// read the tables back with SQL: exactly the expected rows changed. A link that the
// database refuses changes nothing; a cell edit that breaks a constraint reverts with a
// message; a valid edit is saved. QAbstractItemModelTester watches every model.
#include "viewtestsupport.h"
#include "breadcrumbbar.h"
#include "diagramscene.h"
#include "document.h"
#include "importdialog.h"
#include "mainwindow.h"
#include "tableitem.h"
#include "databrowser.h"
#include "linkdialog.h"
#include "relationeditor.h"
#include "rowform.h"
#include "rowpagemodel.h"
#include "shopdatabase.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>

#include <functional>

using namespace Junction;
using namespace Junction::TestDatabase;

namespace {

const QString p1 = u"11111111-1111-4111-8111-111111111111"_s;
const QString p2 = u"22222222-2222-4222-8222-222222222222"_s;
const QString p3 = u"33333333-3333-4333-8333-333333333333"_s;

#define FIXTURE(db, table, ...)                                                                \
    do {                                                                                       \
        QString fixtureError;                                                                  \
        QVERIFY2((db).insert(table, Row {__VA_ARGS__}, &fixtureError), qPrintable(fixtureError)); \
    } while (false)

void shopRows(ShopDatabase &db)
{
    FIXTURE(db, u"Customers"_s, {u"email"_s, u"ada@example.org"_s}, {u"full_name"_s, u"Ada Lovelace"_s}, {u"vip"_s, true});
    FIXTURE(db, u"Customers"_s, {u"email"_s, u"bob@example.org"_s}, {u"full_name"_s, u"Bob Byte"_s}, {u"vip"_s, false});
    FIXTURE(db, u"Customers"_s, {u"email"_s, u"cy@example.org"_s}, {u"full_name"_s, u"Cy Cache"_s}, {u"vip"_s, false});
    FIXTURE(db, u"Products"_s, {u"id"_s, p1}, {u"sku"_s, u"KB-1"_s}, {u"name"_s, u"Keyboard"_s}, {u"price"_s, u"49.90"_s});
    FIXTURE(db, u"Products"_s, {u"id"_s, p2}, {u"sku"_s, u"MS-1"_s}, {u"name"_s, u"Mouse"_s}, {u"price"_s, u"19.90"_s});
    FIXTURE(db, u"Products"_s, {u"id"_s, p3}, {u"sku"_s, u"MN-1"_s}, {u"name"_s, u"Monitor"_s}, {u"price"_s, u"199.00"_s});
    FIXTURE(db, u"Orders"_s, {u"status"_s, u"placed"_s}, {u"total"_s, 69}, {u"CustomerId"_s, 1});
    FIXTURE(db, u"Orders"_s, {u"status"_s, u"paid"_s}, {u"total"_s, 19}, {u"CustomerId"_s, 1});
    FIXTURE(db, u"Orders"_s, {u"status"_s, u"paid"_s}, {u"total"_s, 5}, {u"CustomerId"_s, 2});
    FIXTURE(db, u"OrderItems"_s, {u"quantity"_s, 1}, {u"unitPrice"_s, u"49.90"_s}, {u"OrderId"_s, 1}, {u"ProductId"_s, p1});
    FIXTURE(db, u"OrderItems"_s, {u"quantity"_s, 2}, {u"unitPrice"_s, u"19.90"_s}, {u"OrderId"_s, 1}, {u"ProductId"_s, p2});
}

// Runs `handler` on the next modal widget that `accept` wants (a dialog opened by exec()
// inside the code under test), polling until it appears.
void whenModal(std::function<bool(QWidget *)> handler, int attempts = 500)
{
    QTimer::singleShot(10, [handler, attempts] {
        QWidget *modal = QApplication::activeModalWidget();
        if (modal && handler(modal))
            return;
        if (attempts > 0)
            whenModal(handler, attempts - 1);
    });
}

QPoint cellCentre(QTableView *view, int row, int column)
{
    return view->visualRect(view->model()->index(row, column)).center();
}

int rowWhere(const RowPageModel *model, const QString &column, const QString &value)
{
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->row(r).value(column).toString() == value)
            return r;
    }
    return -1;
}

QAction *followAction(DataBrowser &browser, const QString &accessor)
{
    return browser.followMenu()->findChild<QAction *>(accessor);
}

} // namespace

class TestBrowser : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void followLinkAndEdit_data();
    void followLinkAndEdit();
    void rowModelPagesAndSorts();
    void mainWindowUsesSavedConnection();
    void cancelSlowQuery_data();
    void cancelSlowQuery();
    void breadcrumbRestoresView();

private:
    QString shopPath() const { return QStringLiteral(JUNCTION_EXAMPLES "/shop.junction.json"); }
};

void TestBrowser::initTestCase()
{
    Junction::Testing::useFreshTestSettings();
}

void TestBrowser::followLinkAndEdit_data()
{
    QTest::addColumn<Engine>("engine");
    QTest::newRow("SQLite") << Engine::Sqlite;
    QTest::newRow("PostgreSQL") << Engine::Postgres;
    QTest::newRow("MariaDB") << Engine::MySql;
}

void TestBrowser::followLinkAndEdit()
{
    QFETCH(Engine, engine);
    if (engine != Engine::Sqlite)
        JUNCTION_REQUIRE_SERVER(engine);
    ShopDatabase db;
    QString error;
    QVERIFY2(db.setUp(engine, shopPath(), &error), qPrintable(error));
    shopRows(db);
    if (QTest::currentTestFailed())
        return;

    DataBrowser browser(db.schema, db.spec, u"Customer"_s);
    QAbstractItemModelTester tester(browser.rowModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    browser.resize(1100, 420);
    browser.show();
    QVERIFY(QTest::qWaitForWindowExposed(&browser));
    RowPageModel *model = browser.rowModel();
    QTableView *view = browser.tableView();

    // Customers, in key order; the breadcrumb starts at the table.
    QTRY_COMPARE(model->rowCount(), 3);
    QCOMPARE(browser.breadcrumb()->text(), u"Customers"_s);
    QCOMPARE(model->data(model->index(0, model->columnOf(u"full_name"_s))).toString(),
             u"Ada Lovelace"_s);

    // Sort by clicking the email header twice: descending puts cy@ first.
    const int emailColumn = model->columnOf(u"email"_s);
    const QPoint header(view->horizontalHeader()->sectionViewportPosition(emailColumn) + 20,
                        view->horizontalHeader()->height() / 2);
    QTest::mouseClick(view->horizontalHeader()->viewport(), Qt::LeftButton, {}, header);
    QTRY_VERIFY(!model->isLoading() && model->rowCount() == 3);
    QTest::mouseClick(view->horizontalHeader()->viewport(), Qt::LeftButton, {}, header);
    QTRY_COMPARE(model->row(0).value(u"email"_s).toString(), u"cy@example.org"_s);
    QTRY_COMPARE(model->rowCount(), 3);

    // The filter: a part of a text column.
    browser.filterColumn()->setCurrentIndex(browser.filterColumn()->findData(u"full_name"_s));
    QTest::keyClicks(browser.filterEdit(), u"Bob"_s);
    QTest::keyClick(browser.filterEdit(), Qt::Key_Return);
    QTRY_COMPARE(model->rowCount(), 1);
    QCOMPARE(model->row(0).value(u"email"_s).toString(), u"bob@example.org"_s);
    browser.filterEdit()->clear();
    QTest::keyClick(browser.filterEdit(), Qt::Key_Return);
    QTRY_COMPARE(model->rowCount(), 3);

    // Customer 1 (Ada) -> getOrders: her two orders, the FK shown with her name.
    int ada = rowWhere(model, u"email"_s, u"ada@example.org"_s);
    QVERIFY(ada >= 0);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cellCentre(view, ada, 1));
    QCOMPARE(browser.currentRow(), ada);
    QAction *getOrders = followAction(browser, u"getOrders"_s);
    QVERIFY2(getOrders, "no getOrders in the Follow menu");
    getOrders->trigger();
    QTRY_COMPARE(model->rowCount(), 2);
    QCOMPARE(browser.breadcrumb()->text(), u"Customers \u203a Customer 1 \u203a Orders"_s);
    QCOMPARE(model->data(model->index(0, model->columnOf(u"CustomerId"_s))).toString(),
             u"Ada Lovelace (1)"_s);

    // Order 1 -> getProducts: Keyboard and Mouse, with their OrderItem columns.
    const int order1 = rowWhere(model, u"id"_s, u"1"_s);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cellCentre(view, order1, 1));
    QVERIFY(followAction(browser, u"getProducts"_s));
    followAction(browser, u"getProducts"_s)->trigger();
    QTRY_COMPARE(model->rowCount(), 2);
    QCOMPARE(browser.breadcrumb()->text(),
             u"Customers \u203a Customer 1 \u203a Orders \u203a Order 1 \u203a Products"_s);
    QStringList names;
    for (int r = 0; r < model->rowCount(); ++r)
        names << model->row(r).value(u"name"_s).toString();
    names.sort();
    QCOMPARE(names, QStringList({u"Keyboard"_s, u"Mouse"_s}));
    QVERIFY(model->columnOf(u"unitPrice"_s) >= 0);
    QCOMPARE(model->headerData(model->columnOf(u"unitPrice"_s), Qt::Horizontal).toString(),
             u"OrderItem.unitPrice"_s);
    browser.grab().save(QStringLiteral(JUNCTION_SCREENSHOT_DIR "/browser-%1.png")
                            .arg(engineName(engine).toLower()));

    // Link the Monitor to order 1 with a unit price: the dialog, then the confirmation.
    const QMap<QString, QStringList> before = db.everything();
    QString confirmation;
    whenModal([](QWidget *modal) {
        auto *dialog = qobject_cast<LinkDialog *>(modal);
        if (!dialog || dialog->targetModel()->rowCount() < 3)
            return false;
        const int monitor = rowWhere(dialog->targetModel(), u"sku"_s, u"MN-1"_s);
        QTest::mouseClick(dialog->targetView()->viewport(), Qt::LeftButton, {},
                          cellCentre(dialog->targetView(), monitor, 2));
        QTest::keyClicks(dialog->throughForm()->field(u"unitPrice"_s), u"189.50"_s);
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        whenModal([](QWidget *box) {
            auto *message = qobject_cast<QMessageBox *>(box);
            if (!message || message->objectName() != u"confirmChange"_s)
                return false;
            message->setProperty("seen", message->text() + u'\n' + message->informativeText());
            qApp->setProperty("confirmation", message->property("seen"));
            for (QAbstractButton *button : message->buttons()) {
                if (button->text() == u"Link"_s)
                    button->click();
            }
            return true;
        });
        return true;
    });
    QSignalSpy done(browser.relations(), &RelationEditor::finished);
    browser.linkAction()->trigger();
    QTRY_COMPARE(done.size(), 1);
    QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));
    confirmation = qApp->property("confirmation").toString();
    QVERIFY2(confirmation.contains(u"Link Product "_s + p3 + u" (Monitor) to Order 1 as its Products?"_s),
             qPrintable(confirmation));
    QVERIFY2(confirmation.contains(u"Inserts one row into OrderItems"_s), qPrintable(confirmation));
    QVERIFY2(confirmation.contains(u"OrderId = 1"_s) && confirmation.contains(u"unitPrice = '189.50'"_s)
                 && confirmation.contains(p3),
             qPrintable(confirmation));
    QTRY_COMPARE(model->rowCount(), 3);

    // Exactly one OrderItems row more; every other table as it was.
    QMap<QString, QStringList> after = db.everything();
    const QStringList items = db.table(u"OrderItems"_s, {u"OrderId"_s, u"ProductId"_s, u"quantity"_s, u"unitPrice"_s});
    QCOMPARE(items, QStringList({u"1|"_s + p1 + u"|1|49.9"_s, u"1|"_s + p2 + u"|2|19.9"_s,
                                 u"1|"_s + p3 + u"|1|189.5"_s}));
    after.remove(u"OrderItems"_s);
    QMap<QString, QStringList> expected = before;
    expected.remove(u"OrderItems"_s);
    QCOMPARE(after, expected);

    // Unlink the Mouse from order 1: its OrderItems row goes, nothing else changes.
    const QMap<QString, QStringList> beforeUnlink = db.everything();
    const int mouse = rowWhere(model, u"sku"_s, u"MS-1"_s);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cellCentre(view, mouse, 1));
    whenModal([](QWidget *box) {
        auto *message = qobject_cast<QMessageBox *>(box);
        if (!message || message->objectName() != u"confirmChange"_s)
            return false;
        qApp->setProperty("confirmation", message->text() + u'\n' + message->informativeText());
        for (QAbstractButton *button : message->buttons()) {
            if (button->text() == u"Unlink"_s)
                button->click();
        }
        return true;
    });
    browser.unlinkAction()->trigger();
    QTRY_COMPARE(done.size(), 2);
    QVERIFY2(done.at(1).at(0).toBool(), qPrintable(done.at(1).at(1).toString()));
    confirmation = qApp->property("confirmation").toString();
    QVERIFY2(confirmation.contains(u"Deletes the OrderItems row OrderId = 1, ProductId = '"_s + p2 + u"'"_s),
             qPrintable(confirmation));
    QTRY_COMPARE(model->rowCount(), 2);
    QCOMPARE(db.table(u"OrderItems"_s, {u"OrderId"_s, u"ProductId"_s}),
             QStringList({u"1|"_s + p1, u"1|"_s + p3}));
    after = db.everything();
    after.remove(u"OrderItems"_s);
    expected = beforeUnlink;
    expected.remove(u"OrderItems"_s);
    QCOMPARE(after, expected);
    QCOMPARE(db.table(u"Products"_s).size(), 3); // the product itself stays

    // Back to the orders by the crumb, then order 2's products, and a link without the
    // required unit price: refused by the database, nothing changes.
    QTest::mouseClick(browser.breadcrumb()->button(2), Qt::LeftButton);
    QTRY_COMPARE(model->rowCount(), 2);
    QCOMPARE(browser.breadcrumb()->text(), u"Customers \u203a Customer 1 \u203a Orders"_s);
    const int order2 = rowWhere(model, u"id"_s, u"2"_s);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cellCentre(view, order2, 1));
    followAction(browser, u"getProducts"_s)->trigger();
    QTRY_VERIFY(!model->isLoading());
    QCOMPARE(model->rowCount(), 0);
    const QMap<QString, QStringList> beforeFailure = db.everything();
    whenModal([](QWidget *modal) {
        auto *dialog = qobject_cast<LinkDialog *>(modal);
        if (!dialog || dialog->targetModel()->rowCount() < 3)
            return false;
        const int keyboard = rowWhere(dialog->targetModel(), u"sku"_s, u"KB-1"_s);
        QTest::mouseClick(dialog->targetView()->viewport(), Qt::LeftButton, {},
                          cellCentre(dialog->targetView(), keyboard, 2));
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        whenModal([](QWidget *box) {
            auto *message = qobject_cast<QMessageBox *>(box);
            if (!message || message->objectName() != u"confirmChange"_s)
                return false;
            for (QAbstractButton *button : message->buttons()) {
                if (button->text() == u"Link"_s)
                    button->click();
            }
            return true;
        });
        return true;
    });
    browser.linkAction()->trigger();
    QTRY_COMPARE(done.size(), 3);
    QVERIFY2(!done.at(2).at(0).toBool(), "a link without the NOT NULL unitPrice succeeded");
    QVERIFY2(browser.message().startsWith(u"Nothing was changed"_s), qPrintable(browser.message()));
    QCOMPARE(db.everything(), beforeFailure);

    // Back to Customers; an email that another customer has: refused, the cell reverts.
    QTest::mouseClick(browser.breadcrumb()->button(0), Qt::LeftButton);
    QTRY_COMPARE(model->rowCount(), 3);
    QCOMPARE(browser.depth(), 1);
    const int bob = rowWhere(model, u"email"_s, u"bob@example.org"_s);
    const QModelIndex bobEmail = model->index(bob, model->columnOf(u"email"_s));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(bobEmail).center());
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(bobEmail).center());
    auto *editor = view->viewport()->findChild<QLineEdit *>();
    QTRY_VERIFY((editor = view->viewport()->findChild<QLineEdit *>()) && editor->isVisible());
    editor->selectAll();
    QTest::keyClicks(editor, u"ada@example.org"_s);
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_VERIFY(browser.message().contains(u"was not saved"_s));
    QTRY_COMPARE(model->data(bobEmail).toString(), u"bob@example.org"_s);
    QCOMPARE(db.table(u"Customers"_s, {u"id"_s, u"email"_s}),
             QStringList({u"1|ada@example.org"_s, u"2|bob@example.org"_s, u"3|cy@example.org"_s}));

    // A valid edit is saved.
    const QModelIndex bobName = model->index(bob, model->columnOf(u"full_name"_s));
    QVERIFY(model->setData(bobName, u"Robert Byte"_s));
    QTRY_VERIFY(browser.message().startsWith(u"Saved"_s));
    QCOMPARE(db.table(u"Customers"_s, {u"id"_s, u"full_name"_s}),
             QStringList({u"1|Ada Lovelace"_s, u"2|Robert Byte"_s, u"3|Cy Cache"_s}));

    // Cy has no orders; New Related Row makes one for her (CustomerId set by the accessor).
    const int cy = rowWhere(model, u"email"_s, u"cy@example.org"_s);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cellCentre(view, cy, 1));
    followAction(browser, u"getOrders"_s)->trigger();
    QTRY_VERIFY(!model->isLoading() && browser.depth() == 2);
    QCOMPARE(model->rowCount(), 0);
    const QMap<QString, QStringList> beforeCreate = db.everything();
    whenModal([](QWidget *modal) {
        auto *dialog = qobject_cast<LinkDialog *>(modal);
        if (!dialog || !dialog->valuesForm())
            return false;
        QTest::keyClicks(dialog->valuesForm()->field(u"status"_s), u"cart"_s);
        QTest::keyClicks(dialog->valuesForm()->field(u"total"_s), u"12.50"_s);
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        whenModal([](QWidget *box) {
            auto *message = qobject_cast<QMessageBox *>(box);
            if (!message || message->objectName() != u"confirmChange"_s)
                return false;
            qApp->setProperty("confirmation", message->text() + u'\n' + message->informativeText());
            for (QAbstractButton *button : message->buttons()) {
                if (button->text() == u"Create"_s)
                    button->click();
            }
            return true;
        });
        return true;
    });
    browser.createAction()->trigger();
    QTRY_COMPARE(done.size(), 4);
    QVERIFY2(done.at(3).at(0).toBool(), qPrintable(done.at(3).at(1).toString()));
    confirmation = qApp->property("confirmation").toString();
    QVERIFY2(confirmation.contains(u"Inserts a new Order row into Orders: CustomerId = 3"_s)
                 && confirmation.contains(u"status = 'cart'"_s),
             qPrintable(confirmation));
    QTRY_COMPARE(model->rowCount(), 1);
    QCOMPARE(db.table(u"Orders"_s, {u"CustomerId"_s, u"status"_s, u"total"_s}),
             QStringList({u"1|paid|19"_s, u"1|placed|69"_s, u"2|paid|5"_s, u"3|cart|12.5"_s}));
    after = db.everything();
    after.remove(u"Orders"_s);
    expected = beforeCreate;
    expected.remove(u"Orders"_s);
    QCOMPARE(after, expected);
}

// Paging: a table larger than a page arrives page by page as the view asks for more.
void TestBrowser::rowModelPagesAndSorts()
{
    ShopDatabase db;
    QString error;
    QVERIFY2(db.setUp(Engine::Sqlite, shopPath(), &error), qPrintable(error));
    QVERIFY2(db.run({u"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) "
                     "INSERT INTO Categories (name, slug, createdAt, updatedAt) "
                     "SELECT 'Category ' || i, 'c' || i, '2020-01-01', '2020-01-01' FROM n"_s},
                    &error),
             qPrintable(error));
    DataBrowser browser(db.schema, db.spec, u"Category"_s);
    QAbstractItemModelTester tester(browser.rowModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    browser.resize(800, 400);
    browser.show();
    RowPageModel *model = browser.rowModel();
    QTRY_COMPARE(model->rowCount(), 200);
    QVERIFY(model->canFetchMore({}));
    browser.tableView()->scrollToBottom();
    QTRY_VERIFY(model->rowCount() >= 400);
    while (model->canFetchMore({})) {
        const int before = model->rowCount();
        model->fetchMore({});
        QTRY_VERIFY(model->rowCount() > before || !model->canFetchMore({}));
    }
    QCOMPARE(model->rowCount(), 1000);
    // Sorted in the database: the last slug first.
    model->sort(model->columnOf(u"slug"_s), Qt::DescendingOrder);
    QTRY_VERIFY(model->rowCount() >= 200);
    QSet<QString> ids;
    for (int r = 0; r < model->rowCount(); ++r)
        ids.insert(model->row(r).value(u"id"_s).toString());
    QCOMPARE(ids.size(), model->rowCount()); // no page twice
    QCOMPARE(model->row(0).value(u"slug"_s).toString(), u"c999"_s);
}

// From the designer: the shop example with a saved SQLite connection; Database > Browse
// Data... on the selected Customer box asks which connection, opens it and shows the rows;
// File > New Project from Database... on the same connection opens the imported project
// in a new window, laid out and unsaved.
void TestBrowser::mainWindowUsesSavedConnection()
{
    ShopDatabase db;
    QString error;
    QVERIFY2(db.setUp(Engine::Sqlite, shopPath(), &error), qPrintable(error));
    shopRows(db);
    QTemporaryDir dir;
    QFile source(shopPath());
    QVERIFY(source.open(QIODevice::ReadOnly));
    QJsonObject json = QJsonDocument::fromJson(source.readAll()).object();
    json.insert(u"connections"_s,
                QJsonArray {QJsonObject {{u"name"_s, u"local"_s},
                                         {u"engine"_s, u"sqlite"_s},
                                         {u"database"_s, db.spec.database}}});
    const QString path = dir.filePath(u"shop.junction.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(json).toJson());
    file.close();

    MainWindow window;
    window.show();
    QVERIFY(window.openFile(path));
    TableItem *customer = window.scene()->tableItem(EntityId(u"m-customer"_s));
    QVERIFY(customer);
    customer->setSelected(true);

    const auto pickSaved = [](QWidget *modal) {
        auto *input = qobject_cast<QInputDialog *>(modal);
        if (!input)
            return false;
        if (!input->comboBoxItems().value(0).startsWith(u"local"_s))
            qWarning("unexpected connections: %s", qPrintable(input->comboBoxItems().join(u", "_s)));
        input->setTextValue(input->comboBoxItems().value(0));
        input->accept();
        return true;
    };
    QAction *browse = window.findChild<QAction *>(u"browseDataAction"_s);
    QVERIFY(browse);
    whenModal(pickSaved);
    browse->trigger();
    DataBrowser *browser = nullptr;
    QTRY_VERIFY((browser = window.findChild<DataBrowser *>(u"dataBrowser"_s)));
    QAbstractItemModelTester tester(browser->rowModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(browser->rowModel()->rowCount(), 3);
    QCOMPARE(browser->breadcrumb()->text(), u"Customers"_s);
    browser->close();

    // Import from the same connection: a new window (this one has a file), unsaved.
    whenModal([&](QWidget *modal) {
        if (!pickSaved(modal))
            return false;
        whenModal([](QWidget *modal) {
        auto *dialog = qobject_cast<ImportDialog *>(modal);
        if (!dialog || dialog->isBusy() || dialog->tableList()->count() == 0)
            return false;
        dialog->importButton()->click();
        return true;
    }, 1000);
        return true;
    });
    const QWidgetList before = QApplication::topLevelWidgets();
    QAction *import = window.findChild<QAction *>(u"importDatabaseAction"_s);
    QVERIFY(import);
    import->trigger();
    MainWindow *imported = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT([&] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *m = qobject_cast<MainWindow *>(w); m && m != &window && !before.contains(w))
                imported = m;
        }
        return imported != nullptr;
    }(), 20000);
    QVERIFY(imported->document()->isModified());
    QVERIFY(imported->document()->filePath().isEmpty());
    QCOMPARE(imported->document()->project().entities.size(), db.project.entities.size());
    QVERIFY2(!imported->document()->project().layout.isEmpty(), "the import was not laid out");
    imported->document()->undoStack()->setClean(); // close without the save prompt
    imported->close();
}

void TestBrowser::cancelSlowQuery_data()
{
    followLinkAndEdit_data();
}

// Cancel while a filter and then a sort run a query that would take a minute: Categories
// becomes a view whose rows wait on a slow expression (a billion-step recursive count on
// SQLite, pg_sleep, SLEEP) while the Knob table says so. Esc and the Cancel button stop
// it within a second, the grid keeps the rows and controls it had, the status says
// "Cancelled", and the next filter loads as usual.
void TestBrowser::cancelSlowQuery()
{
    QFETCH(Engine, engine);
    if (engine != Engine::Sqlite)
        JUNCTION_REQUIRE_SERVER(engine);
    ShopDatabase db;
    QString error;
    QVERIFY2(db.setUp(engine, shopPath(), &error), qPrintable(error));
    for (int i = 1; i <= 5; ++i)
        FIXTURE(db, u"Categories"_s, {u"name"_s, u"Category %1"_s.arg(i)},
                {u"slug"_s, u"c%1"_s.arg(i)});
    const QString slow = engine == Engine::Sqlite
        ? u"(WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000000000) "
          "SELECT count(*) FROM n) > 0"_s
        : engine == Engine::Postgres ? u"(SELECT pg_sleep(60)::text) IS NOT NULL"_s
                                     : u"SLEEP(60) = 0"_s;
    const QString knob = db.q(u"Knob"_s);
    QVERIFY2(
        db.run(
            {u"ALTER TABLE %1 RENAME TO %2"_s.arg(db.q(u"Categories"_s), db.q(u"CategoryData"_s)),
             u"CREATE TABLE %1 (slow INTEGER)"_s.arg(knob),
             u"INSERT INTO %1 VALUES (0)"_s.arg(knob),
             // Knob 2: slow only past the second row (for the next page, on SQLite).
             u"CREATE VIEW %1 AS SELECT * FROM %2 WHERE CASE WHEN (SELECT slow FROM %3) = 0 "
             "OR ((SELECT slow FROM %3) = 2 AND id <= 2) THEN 1 = 1 ELSE %4 END"_s.arg(
                 db.q(u"Categories"_s), db.q(u"CategoryData"_s), knob, slow)},
            &error),
        qPrintable(error));

    DataBrowser browser(db.schema, db.spec, u"Category"_s);
    QAbstractItemModelTester tester(browser.rowModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    browser.resize(900, 400);
    browser.show();
    browser.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&browser));
    RowPageModel *model = browser.rowModel();
    QTRY_COMPARE(model->rowCount(), 5);
    QTRY_VERIFY(!browser.cancelAction()->isVisible());
    auto *toolBar = browser.findChild<QToolBar *>();
    QVERIFY(toolBar);

    // A filter on the slow view, stopped with Esc.
    QVERIFY2(db.run({u"UPDATE %1 SET slow = 1"_s.arg(knob)}, &error), qPrintable(error));
    browser.filterColumn()->setCurrentIndex(browser.filterColumn()->findData(u"name"_s));
    browser.filterEdit()->setFocus();
    QTest::keyClicks(browser.filterEdit(), u"Category 3"_s);
    QTest::keyClick(browser.filterEdit(), Qt::Key_Return);
    QTRY_VERIFY(browser.cancelAction()->isVisible());
    QTRY_VERIFY(toolBar->widgetForAction(browser.cancelAction())->isVisible());
    QTest::qWait(300); // well inside the statement
    QVERIFY(model->isLoading());
    QCOMPARE(browser.status(), u"Running..."_s);
    browser.grab().save(QDir::temp().filePath(u"junction-browser-running.png"_s));
    QElapsedTimer clock;
    clock.start();
    QTest::keyClick(browser.tableView(), Qt::Key_Escape);
    QTRY_COMPARE_WITH_TIMEOUT(browser.status(), u"Cancelled"_s, 10000);
    const qint64 escMs = clock.elapsed();
    qInfo("Esc to \"Cancelled\" (filter): %lld ms", escMs);
    QVERIFY2(escMs < 1000, qPrintable(QString::number(escMs)));
    QCOMPARE(model->rowCount(), 5); // the grid keeps what it had
    QCOMPARE(model->row(0).value(u"name"_s).toString(), u"Category 1"_s);
    QCOMPARE(browser.filterEdit()->text(), QString());
    QTRY_VERIFY(!browser.cancelAction()->isVisible());

    // A sort by a header click, stopped with the Cancel button: the indicator goes back.
    QTableView *view = browser.tableView();
    const int slugColumn = model->columnOf(u"slug"_s);
    QTest::mouseClick(view->horizontalHeader()->viewport(), Qt::LeftButton, {},
                      QPoint(view->horizontalHeader()->sectionViewportPosition(slugColumn) + 20,
                             view->horizontalHeader()->height() / 2));
    QTRY_VERIFY(browser.cancelAction()->isVisible());
    QTest::qWait(300);
    clock.restart();
    QTest::mouseClick(toolBar->widgetForAction(browser.cancelAction()), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(browser.status(), u"Cancelled"_s, 10000);
    const qint64 buttonMs = clock.elapsed();
    qInfo("Cancel button to \"Cancelled\" (sort): %lld ms", buttonMs);
    QVERIFY2(buttonMs < 1000, qPrintable(QString::number(buttonMs)));
    QCOMPARE(model->rowCount(), 5);
    QCOMPARE(view->horizontalHeader()->sortIndicatorSection(), -1);
    QVERIFY(model->view().sortColumn.isEmpty());

    // Still usable: the next filter loads.
    QVERIFY2(db.run({u"UPDATE %1 SET slow = 0"_s.arg(knob)}, &error), qPrintable(error));
    QTest::keyClicks(browser.filterEdit(), u"Category 3"_s);
    QTest::keyClick(browser.filterEdit(), Qt::Key_Return);
    QTRY_COMPARE(model->rowCount(), 1);
    QCOMPARE(model->row(0).value(u"slug"_s).toString(), u"c3"_s);
    QTRY_COMPARE(browser.status(), u"1 row(s)"_s);
    QVERIFY(browser.message().isEmpty());
    browser.grab().save(QDir::temp().filePath(u"junction-browser-cancel.png"_s));
    if (engine != Engine::Sqlite)
        return; // the others read the whole view before the LIMIT: every page is slow

    // A next page, cancelled: the two rows there stay, and no more are asked for (the
    // view would ask at once, the grid not being full) until Refresh.
    QVERIFY2(db.run({u"UPDATE %1 SET slow = 2"_s.arg(knob)}, &error), qPrintable(error));
    model->setPageSize(2);
    browser.filterEdit()->clear();
    QTest::keyClick(browser.filterEdit(), Qt::Key_Return);
    QTRY_VERIFY(model->rowCount() == 2 && model->isLoading());
    QTest::qWait(300);
    QVERIFY(model->isLoading());
    clock.restart();
    QTest::mouseClick(toolBar->widgetForAction(browser.cancelAction()), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(browser.status(), u"Cancelled"_s, 10000);
    qInfo("Cancel button to \"Cancelled\" (next page): %lld ms", clock.elapsed());
    QVERIFY(clock.elapsed() < 1000);
    QCOMPARE(model->rowCount(), 2);
    QVERIFY(model->isPaused());
    QVERIFY(!model->canFetchMore({}));
    QTest::qWait(200);
    QVERIFY(!model->isLoading());
    QVERIFY2(db.run({u"UPDATE %1 SET slow = 0"_s.arg(knob)}, &error), qPrintable(error));
    QAction *refresh = nullptr;
    for (QAction *action : toolBar->actions()) {
        if (action->text() == u"Refresh"_s)
            refresh = action;
    }
    QVERIFY(refresh);
    QTest::mouseClick(toolBar->widgetForAction(refresh), Qt::LeftButton);
    QTRY_COMPARE(model->rowCount(), 5);
    QCOMPARE(model->row(4).value(u"slug"_s).toString(), u"c5"_s);
}

// The way back: Categories filtered, sorted and scrolled down, follow one category's
// subcategories, filter there, then the Categories crumb: the filter, the sort and the
// row at the top are as they were left.
void TestBrowser::breadcrumbRestoresView()
{
    ShopDatabase db;
    QString error;
    QVERIFY2(db.setUp(Engine::Sqlite, shopPath(), &error), qPrintable(error));
    QVERIFY2(
        db.run({u"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) "
                "INSERT INTO Categories (name, slug, createdAt, updatedAt) "
                "SELECT 'Category ' || i, 'c' || i, '2020-01-01', '2020-01-01' FROM n"_s},
               &error),
        qPrintable(error));
    DataBrowser browser(db.schema, db.spec, u"Category"_s);
    QAbstractItemModelTester tester(browser.rowModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    browser.resize(900, 400);
    browser.show();
    QVERIFY(QTest::qWaitForWindowExposed(&browser));
    RowPageModel *model = browser.rowModel();
    QTableView *view = browser.tableView();
    QTRY_COMPARE(model->rowCount(), 200);

    // Names with a 1 (272 of them), slug descending by two header clicks.
    browser.filterColumn()->setCurrentIndex(browser.filterColumn()->findData(u"name"_s));
    QTest::keyClicks(browser.filterEdit(), u"1"_s);
    QTest::keyClick(browser.filterEdit(), Qt::Key_Return);
    QTRY_COMPARE(model->rowCount(), 200);
    const int slugColumn = model->columnOf(u"slug"_s);
    const QPoint header(view->horizontalHeader()->sectionViewportPosition(slugColumn) + 20,
                        view->horizontalHeader()->height() / 2);
    QTest::mouseClick(view->horizontalHeader()->viewport(), Qt::LeftButton, {}, header);
    QTRY_VERIFY(!model->isLoading() && model->rowCount() == 200);
    QTest::mouseClick(view->horizontalHeader()->viewport(), Qt::LeftButton, {}, header);
    QTRY_COMPARE(model->row(0).value(u"slug"_s).toString(), u"c991"_s);
    // Down to the second page: row 230 at the top, row 235 current.
    while (model->rowCount() < 272) {
        const int before = model->rowCount();
        view->scrollToBottom();
        QTRY_VERIFY(model->rowCount() > before);
    }
    QCOMPARE(model->rowCount(), 272);
    view->scrollTo(model->index(230, 0), QAbstractItemView::PositionAtTop);
    QCOMPARE(view->rowAt(0), 230);
    const QString topSlug = model->row(230).value(u"slug"_s).toString();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cellCentre(view, 235, 1));
    QCOMPARE(browser.currentRow(), 235);
    const QString followedSlug = model->row(235).value(u"slug"_s).toString();

    QVERIFY(browser.follow(235, u"getSubcategories"_s));
    QTRY_VERIFY(!model->isLoading());
    QCOMPARE(browser.breadcrumb()->text(),
             u"Categories \u203a Category %1 \u203a Subcategories"_s.arg(
                 model->listing().source.value(u"id"_s).toString()));
    QCOMPARE(browser.filterEdit()->text(), QString()); // a new listing starts unfiltered
    QCOMPARE(view->horizontalHeader()->sortIndicatorSection(), -1);

    // Back by the first crumb.
    QTest::mouseClick(browser.breadcrumb()->button(0), Qt::LeftButton);
    QTRY_COMPARE(view->rowAt(0), 230);
    QCOMPARE(browser.depth(), 1);
    QCOMPARE(browser.filterEdit()->text(), u"1"_s);
    QCOMPARE(browser.filterColumn()->currentData().toString(), u"name"_s);
    QCOMPARE(view->horizontalHeader()->sortIndicatorSection(), slugColumn);
    QCOMPARE(view->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
    QCOMPARE(model->view().filterText, u"1"_s);
    QCOMPARE(model->view().sortColumn, u"slug"_s);
    QCOMPARE(model->row(0).value(u"slug"_s).toString(), u"c991"_s);
    QCOMPARE(model->row(230).value(u"slug"_s).toString(), topSlug);
    for (int r = 0; r < model->rowCount(); ++r)
        QVERIFY(model->row(r).value(u"name"_s).toString().contains(u'1'));

    // The row crumb goes back with that row selected, the view kept as well.
    QVERIFY(browser.follow(235, u"getSubcategories"_s));
    QTRY_COMPARE(browser.depth(), 2);
    QTest::mouseClick(browser.breadcrumb()->button(1), Qt::LeftButton);
    QTRY_COMPARE(browser.currentRow(), 235);
    QCOMPARE(model->row(235).value(u"slug"_s).toString(), followedSlug);
    QCOMPARE(view->rowAt(0), 230);
    QCOMPARE(browser.filterEdit()->text(), u"1"_s);
}

QTEST_MAIN(TestBrowser)
#include "tst_browser.moc"
