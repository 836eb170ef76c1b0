// SPDX-License-Identifier: MIT
// File > New Project from Database: the import dialog on a database that the shop
// example's DDL made (SQLite, PostgreSQL, MariaDB) lists its tables, select-all unticks and
// ticks them, and the import gives back the shop's resolved schema: the imported project's
// DDL, applied to a fresh database, makes the same catalog as the shop's own DDL (as
// tst_import checks for the command line); and it is the project junction-cli would write.
// A partial selection imports only the ticked tables.
#include "viewtestsupport.h"
#include "catalogreader.h"
#include "columnfacts.h"
#include "importdialog.h"
#include "projectwriter.h"
#include "schemaimporter.h"
#include "shopdatabase.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QListWidget>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>

using namespace Junction;
using namespace Junction::TestDatabase;

namespace {

// A table as the catalog describes it, for comparing two databases (names of derived
// constraints differ by design, so only columns, keys and references are compared).
QStringList describe(const LiveSchema &live)
{
    QStringList out;
    for (const LiveTable &t : live.tables) {
        out << u"table "_s + t.name + u" pk("_s + t.primaryKey.join(u","_s) + u")"_s;
        QStringList columns;
        for (const LiveColumn &c : t.columns)
            columns << u"  "_s + c.name + u" "_s + c.nativeType + (c.nullable ? u" null"_s : u" not null"_s)
                    + u" default "_s + c.defaultExpression + (c.autoIncrement ? u" auto"_s : u""_s);
        columns.sort();
        out << columns;
        QStringList fks;
        for (const LiveForeignKey &fk : t.foreignKeys)
            fks << u"  fk("_s + fk.columns.join(u","_s) + u") -> "_s + fk.referencedTable + u"("_s
                    + fk.referencedColumns.join(u","_s) + u") "_s + fk.onDelete + u"/"_s + fk.onUpdate;
        fks.sort();
        out << fks;
    }
    return out;
}

// On its box, not in the middle of the stretched widget (which is no hit).
void clickCheckBox(QCheckBox *box)
{
    QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(8, box->height() / 2));
}

} // namespace

class TestImportDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { Junction::Testing::useFreshTestSettings(); }
    void importsTheShop_data();
    void importsTheShop();
    void importsTheSelection();

private:
    QString shopPath() const { return QStringLiteral(JUNCTION_EXAMPLES "/shop.junction.json"); }
};

void TestImportDialog::importsTheShop_data()
{
    QTest::addColumn<Engine>("engine");
    QTest::newRow("SQLite") << Engine::Sqlite;
    QTest::newRow("PostgreSQL") << Engine::Postgres;
    QTest::newRow("MariaDB") << Engine::MySql;
}

void TestImportDialog::importsTheShop()
{
    QFETCH(Engine, engine);
    if (engine != Engine::Sqlite)
        JUNCTION_REQUIRE_SERVER(engine);
    ShopDatabase db;
    QString error;
    QVERIFY2(db.setUp(engine, shopPath(), &error), qPrintable(error));

    ImportDialog dialog(db.spec);
    QAbstractItemModelTester tester(dialog.tableList()->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy() && dialog.tableList()->count() > 0, 20000);
    QCOMPARE(dialog.schemaBox()->currentText(), db.schemaName());
    QStringList listed;
    for (int i = 0; i < dialog.tableList()->count(); ++i)
        listed << dialog.tableList()->item(i)->text();
    QStringList expected;
    for (const ResolvedTable &t : db.schema.tables)
        expected << t.name;
    listed.sort();
    expected.sort();
    QCOMPARE(listed, expected);
    QCOMPARE(dialog.selectAllBox()->checkState(), Qt::Checked);

    // Select all off and on again, by clicks.
    clickCheckBox(dialog.selectAllBox());
    QCOMPARE(dialog.selectAllBox()->checkState(), Qt::Unchecked);
    QVERIFY(!dialog.importButton()->isEnabled());
    clickCheckBox(dialog.selectAllBox());
    QCOMPARE(dialog.selectAllBox()->checkState(), Qt::Checked);
    QVERIFY(dialog.importButton()->isEnabled());

    QTest::mouseClick(dialog.importButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.result() == QDialog::Accepted, 30000);
    QVERIFY(dialog.importedProject());
    QVERIFY2(dialog.diagnostics().isEmpty(), qPrintable(dialog.diagnostics().value(0).message));

    // What junction-cli import makes of the same database, byte for byte.
    const LiveSchema live = CatalogReader::read(db.connection(), db.schemaName(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const ColumnFacts facts = ColumnFacts::read(db.connection(), live.schema, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QString name = engine == Engine::Sqlite ? u"shop"_s : db.spec.database;
    QCOMPARE(ProjectWriter::toBytes(*dialog.importedProject()),
             ProjectWriter::toBytes(SchemaImporter::importSchema(live, engine, facts, name).project));

    // The imported project's DDL makes the shop's catalog again.
    const ResolvedSchema imported = resolve(*dialog.importedProject());
    QVERIFY(!hasErrors(validateProject(*dialog.importedProject(), imported, {dialectOf(engine)})));
    ShopDatabase second;
    QVERIFY2(second.setUp(engine, shopPath(), &error, false), qPrintable(error));
    QVERIFY2(second.run(DdlGenerator(second.dialect()).schema(imported), &error), qPrintable(error));
    const LiveSchema again = CatalogReader::read(second.connection(), second.schemaName(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(describe(again), describe(live));
}

void TestImportDialog::importsTheSelection()
{
    ShopDatabase db;
    QString error;
    QVERIFY2(db.setUp(Engine::Sqlite, shopPath(), &error), qPrintable(error));
    ImportDialog dialog(db.spec);
    dialog.show();
    QTRY_VERIFY(!dialog.isBusy() && dialog.tableList()->count() > 0);
    clickCheckBox(dialog.selectAllBox()); // none
    for (const QString &table : {u"Customers"_s, u"Orders"_s}) {
        QListWidgetItem *item = dialog.tableList()->findItems(table, Qt::MatchExactly).value(0);
        QVERIFY(item);
        // Made current by a click on its name, ticked with Space.
        QTest::mouseClick(dialog.tableList()->viewport(), Qt::LeftButton, {},
                          dialog.tableList()->visualItemRect(item).center());
        QTest::keyClick(dialog.tableList()->viewport(), Qt::Key_Space);
        QCOMPARE(item->checkState(), Qt::Checked);
    }
    QCOMPARE(dialog.selectAllBox()->checkState(), Qt::PartiallyChecked);
    QTest::mouseClick(dialog.importButton(), Qt::LeftButton);
    QTRY_VERIFY(dialog.result() == QDialog::Accepted);
    QStringList models;
    for (const Entity &entity : dialog.importedProject()->entities)
        models << entity.name;
    models.sort();
    QCOMPARE(models, QStringList({u"Customer"_s, u"Order"_s}));
}

QTEST_MAIN(TestImportDialog)
#include "tst_importdialog.moc"
