// SPDX-License-Identifier: MIT
// The sync dialog on real widgets against real SQLite, PostgreSQL and MariaDB: the shop
// example synced into an empty database, then an attribute added and another removed; the
// removal is listed as destructive with its live count and unticked, so Apply keeps the
// column and its rows; ticked, it runs and the report says so. The window shows "in sync"
// and marks what differs on the canvas and in the outline. A long sync cancelled half-way
// leaves SQLite and PostgreSQL exactly as they were.
#include "viewtestsupport.h"
#include "commands/attributecommands.h"
#include "commands/projectcommands.h"
#include "databaseactions.h"
#include "dbtestsupport.h"
#include "diagramscene.h"
#include "diagramview.h"
#include "document.h"
#include "mainwindow.h"
#include "outlinemodel.h"
#include "outlinepanel.h"
#include "syncdialog.h"
#include "syncplanmodel.h"
#include "syncstatus.h"
#include "tableitem.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTreeView>

using namespace Junction;
using namespace Junction::DbTest;

namespace {

QString engineLabel(Engine engine)
{
    switch (engine) {
    case Engine::Sqlite:
        return QStringLiteral("SQLite");
    case Engine::Postgres:
        return QStringLiteral("PostgreSQL");
    case Engine::MySql:
        return QStringLiteral("MariaDB");
    }
    return {};
}

QString quote(Engine engine, const QString &name)
{
    return engine == Engine::MySql ? QLatin1Char('`') + name + QLatin1Char('`')
                                   : QLatin1Char('"') + name + QLatin1Char('"');
}

// The change of this kind on this table and column, or -1.
int findChange(const SyncPlan &plan, PlanChange::Kind kind, const QString &table,
               const QString &column = {})
{
    for (int i = 0; i < plan.changes.size(); ++i) {
        const PlanChange &c = plan.changes.at(i);
        if (c.kind == kind && c.table == table && (column.isEmpty() || c.column == column))
            return i;
    }
    return -1;
}

template<typename Predicate> bool waitFor(Predicate done, int timeoutMs = 60000)
{
    QElapsedTimer clock;
    clock.start();
    while (!done() && clock.elapsed() < timeoutMs)
        QTest::qWait(10);
    return done();
}

QString describePlan(const SyncPlan &plan)
{
    QStringList lines;
    for (const PlanChange &c : plan.changes)
        lines << (c.destructive ? QStringLiteral("! ") : QStringLiteral("  ")) + c.description()
                + QStringLiteral(" [") + c.reason + QLatin1Char(']');
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class tst_SyncDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void shopAddAndRemove_data();
    void shopAddAndRemove();
    void cancelledLongSync_data();
    void cancelledLongSync();

private:
    // A saved connection to an empty database of `engine` (created for the test), named
    // "test"; false (skip) when the server is not configured.
    bool emptyDatabase(Engine engine, SavedConnection *connection);
    // Plan with the dialog's button, answering the password prompt; true when planned.
    bool plan(SyncDialog *dialog, Engine engine, bool expectPrompt);
    bool apply(SyncDialog *dialog);

    QTemporaryDir m_dir;
    std::vector<std::unique_ptr<ScratchDatabase>> m_databases;
};

void tst_SyncDialog::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("JunctionTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_syncdialog"));
    Junction::Testing::useFreshTestSettings();
    QVERIFY(m_dir.isValid());
}

bool tst_SyncDialog::emptyDatabase(Engine engine, SavedConnection *connection)
{
    if (engine == Engine::Sqlite) {
        const QString name
            = QStringLiteral("db%1.sqlite").arg(QRandomGenerator::global()->generate());
        QFile file(m_dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly)) // an empty file is an empty SQLite database
            return false;
        connection->name = QStringLiteral("test");
        connection->engine = QStringLiteral("sqlite");
        connection->database = name; // relative to the project file
        return true;
    }
    if (!hasServer(engine)) {
        if (serversRequired())
            qFatal("JUNCTION_REQUIRE_SERVERS=1 but the %s test server is not configured",
                   qPrintable(engineLabel(engine)));
        return false;
    }
    auto database = std::make_unique<ScratchDatabase>();
    QString error;
    if (!database->create(engine, &error))
        qFatal("cannot create a scratch database: %s", qPrintable(error));
    *connection = serverConnection(engine, QStringLiteral("test"), database->name());
    m_databases.push_back(std::move(database));
    return true;
}

bool tst_SyncDialog::plan(SyncDialog *dialog, Engine engine, bool expectPrompt)
{
    QTest::mouseClick(dialog->planButton(), Qt::LeftButton);
    if (expectPrompt && engine != Engine::Sqlite) {
        const PromptSeen seen = answerPasswordPrompt(password(engine));
        if (!seen.shown) {
            qWarning("no password prompt");
            return false;
        }
    }
    waitFor([dialog] {
        return dialog->state() == SyncDialog::State::Planned
            || dialog->state() == SyncDialog::State::Idle;
    });
    if (dialog->state() != SyncDialog::State::Planned)
        qWarning("not planned: %s", qPrintable(dialog->summaryLabel()->text()));
    return dialog->state() == SyncDialog::State::Planned;
}

bool tst_SyncDialog::apply(SyncDialog *dialog)
{
    if (!dialog->applyButton()->isEnabled()) {
        qWarning("Apply is disabled");
        return false;
    }
    QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
    waitFor([dialog] {
        return dialog->state() == SyncDialog::State::Done
            || dialog->state() == SyncDialog::State::Idle;
    });
    if (dialog->state() != SyncDialog::State::Done)
        qWarning("apply failed: %s", qPrintable(dialog->reportView()->toPlainText()));
    return dialog->state() == SyncDialog::State::Done;
}

void tst_SyncDialog::shopAddAndRemove_data()
{
    QTest::addColumn<int>("engine");
    for (Engine engine : {Engine::Sqlite, Engine::Postgres, Engine::MySql})
        QTest::newRow(qPrintable(engineLabel(engine))) << int(engine);
}

void tst_SyncDialog::shopAddAndRemove()
{
    QFETCH(int, engine);
    const Engine e = Engine(engine);
    SavedConnection saved;
    if (!emptyDatabase(e, &saved))
        QSKIP("test server not configured (scripts/test.sh starts it)");

    // The shop example, in a folder of its own (the SQLite file is relative to it).
    const QString projectPath = m_dir.filePath(QStringLiteral("shop-%1.junction.json").arg(engine));
    QFile::remove(projectPath);
    QVERIFY(QFile::copy(QStringLiteral(JUNCTION_EXAMPLES "/shop.junction.json"), projectPath));
    QFile::setPermissions(projectPath, QFile::ReadOwner | QFile::WriteOwner);
    MainWindow window;
    QVERIFY(window.openFile(projectPath));
    window.show();
    Document *document = window.document();
    QVERIFY(document->push(Commands::editConnections(*document, {saved})));
    DatabaseActions *database = window.databaseActions();
    QLabel *status = database->statusLabel();
    QVERIFY(status->text().isEmpty());

    // 1. Into the empty database, in the default mode: create what is missing.
    SyncDialog *dialog = database->showSync();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QAbstractItemModelTester tester(dialog->planModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(plan(dialog, e, true));
    const SyncPlan created = dialog->planModel()->plan();
    QVERIFY(created.changes.size() >= 12);
    QVERIFY2(!created.hasDestructive(), qPrintable(describePlan(created)));
    QVERIFY(findChange(created, PlanChange::Kind::CreateTable, QStringLiteral("Customers")) >= 0);
    QVERIFY(dialog->sqlView()->toPlainText().contains(QLatin1String("CREATE TABLE")));
    QVERIFY(apply(dialog));
    QVERIFY2(dialog->reportView()->toPlainText().contains(QLatin1String("Synced")),
             qPrintable(dialog->reportView()->toPlainText()));
    QVERIFY2(dialog->reportView()->toPlainText().contains(QLatin1String("now matches the design")),
             qPrintable(dialog->reportView()->toPlainText()));
    QTRY_COMPARE(status->text(), QStringLiteral("In sync with test"));
    const QString key = ConnectionProfile::key(saved);
    QVERIFY2(document->project().synced.contains(key), qPrintable(key));
    QVERIFY(document->isModified()); // the `synced` names are recorded as an undoable step

    // Three customers, with their vip flags.
    QString error;
    auto direct = openDirect(saved, projectPath, &error);
    QVERIFY2(direct, qPrintable(error));
    const QString customers = quote(e, QStringLiteral("Customers"));
    for (int i = 1; i <= 3; ++i) {
        QVERIFY2(
            exec(*direct,
                 QStringLiteral("INSERT INTO %1 (email, full_name, vip, %2, %3) VALUES "
                                "('c%4@example.org', 'Customer %4', %5, '2024-01-01 00:00:00', "
                                "'2024-01-01 00:00:00')")
                     .arg(customers, quote(e, QStringLiteral("createdAt")),
                          quote(e, QStringLiteral("updatedAt")))
                     .arg(i)
                     .arg(i == 2 ? QStringLiteral("TRUE") : QStringLiteral("FALSE")),
                 &error),
            qPrintable(error));
    }

    // 2. Add an attribute, remove another: the window marks what now differs.
    const EntityId customer(QStringLiteral("m-customer"));
    Attribute nickname;
    nickname.id = AttributeId(QStringLiteral("a-customer-nickname"));
    nickname.name = QStringLiteral("nickname");
    nickname.type = QStringLiteral("STRING(40)");
    QVERIFY(document->push(Commands::addAttribute(*document, customer, nickname)));
    QVERIFY(document->push(Commands::removeAttributes(
        *document, customer, {AttributeId(QStringLiteral("a-customer-vip"))})));
    QTRY_VERIFY2(status->text().contains(QLatin1String("differences from test")),
                 qPrintable(status->text()));
    TableItem *box = window.scene()->tableItem(customer);
    QVERIFY(box);
    QVERIFY(box->differsFromDatabase());
    QVERIFY2(box->differingColumns().contains(QStringLiteral("nickname")),
             qPrintable(box->differingColumns().values().join(u',')));
    OutlineModel *outline = window.outlinePanel()->model();
    QVERIFY(outline->differs(QStringLiteral("m-customer")));
    QVERIFY(outline->differs(QStringLiteral("a-customer-nickname")));
    QVERIFY(outline->indexForId(QStringLiteral("a-customer-nickname"))
                .data(OutlineModel::DiffersRole)
                .toBool());
    QVERIFY(!outline->differs(QStringLiteral("m-product")));
    if (e == Engine::Postgres) {
        window.resize(1280, 800);
        window.view()->resetZoom();
        window.view()->centerOn(box);
        QTest::qWait(50);
        const QString shot = QStringLiteral(JUNCTION_SCREENSHOT_DIR "/sync-markers.png");
        QVERIFY(window.grab().save(shot));
        qInfo("screenshot: %s", qPrintable(shot));
    }
    QVERIFY(
        !window.scene()->tableItem(EntityId(QStringLiteral("m-product")))->differsFromDatabase());

    // 3. Alter: the removal is destructive, with its count, and not ticked.
    dialog->setMode(SyncPlan::Mode::Alter);
    QVERIFY(plan(dialog, e, false)); // the dialog's connection is still open
    SyncPlan altered = dialog->planModel()->plan();
    const int drop = findChange(altered, PlanChange::Kind::DropColumn, QStringLiteral("Customers"),
                                QStringLiteral("vip"));
    QVERIFY2(drop >= 0, qPrintable(describePlan(altered)));
    const PlanChange &dropChange = altered.changes.at(drop);
    QVERIFY(dropChange.destructive);
    QCOMPARE(dropChange.count, 3); // non-NULL values of vip
    QVERIFY2(dropChange.reason.contains(QLatin1String("3 non-NULL values")),
             qPrintable(dropChange.reason));
    QVERIFY(findChange(altered, PlanChange::Kind::AddColumn, QStringLiteral("Customers"),
                       QStringLiteral("nickname"))
            >= 0);
    SyncPlanModel *model = dialog->planModel();
    const QModelIndex dropIndex = model->indexOfChange(drop);
    QCOMPARE(dropIndex.parent().parent(), model->sectionIndex(SyncPlanModel::Section::Destructive));
    QCOMPARE(dropIndex.parent().data().toString(), QStringLiteral("Customers"));
    QCOMPARE(dropIndex.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QVERIFY(model->index(dropIndex.row(), SyncPlanModel::CostColumn, dropIndex.parent())
                .data()
                .toString()
                .contains(QLatin1String("3 non-NULL values")));
    QVERIFY(!dialog->sqlView()->toPlainText().contains(QLatin1String("DROP COLUMN")));

    if (e == Engine::Postgres) {
        dialog->resize(1100, 640);
        QTest::qWait(50);
        const QString shot = QStringLiteral(JUNCTION_SCREENSHOT_DIR "/sync-plan.png");
        QVERIFY(dialog->grab().save(shot));
        qInfo("screenshot: %s", qPrintable(shot));
    }

    // Unticked, Apply leaves the column and its rows. On SQLite everything here is done by
    // the one rebuild of Customers, so with it unticked there is nothing to apply at all.
    QString report;
    if (e == Engine::Sqlite) {
        QVERIFY(!dialog->applyButton()->isEnabled());
        QVERIFY(dialog->sqlView()->toPlainText().isEmpty());
    } else {
        QVERIFY(apply(dialog));
        report = dialog->reportView()->toPlainText();
    }
    QCOMPARE(scalar(*direct, QStringLiteral("SELECT COUNT(vip) FROM %1").arg(customers)).toInt(),
             3);
    QCOMPARE(
        scalar(*direct, QStringLiteral("SELECT COUNT(*) FROM %1 WHERE vip = TRUE").arg(customers))
            .toInt(),
        1);
    if (e == Engine::Sqlite) {
        // SQLite drops a column by rebuilding the table, and the new column comes with that
        // rebuild: left unticked, neither runs.
        QVERIFY(!exec(*direct, QStringLiteral("SELECT nickname FROM %1").arg(customers)));
        QTRY_VERIFY2(status->text().contains(QLatin1String("3 differences from test")),
                     qPrintable(status->text()));
    } else {
        QVERIFY2(report.contains(QLatin1String("1 destructive change was left out")),
                 qPrintable(report));
        QVERIFY2(exec(*direct, QStringLiteral("SELECT nickname FROM %1").arg(customers), &error),
                 qPrintable(error));
        QTRY_VERIFY2(status->text().contains(QLatin1String("1 difference from test")),
                     qPrintable(status->text()));
    }

    // 4. Ticked (Space on the row in the plan view), it runs and the report says so.
    QVERIFY(plan(dialog, e, false));
    altered = dialog->planModel()->plan();
    const int dropAgain = findChange(altered, PlanChange::Kind::DropColumn,
                                     QStringLiteral("Customers"), QStringLiteral("vip"));
    QVERIFY2(dropAgain >= 0, qPrintable(describePlan(altered)));
    QTreeView *view = dialog->planView();
    view->setFocus();
    view->setCurrentIndex(model->indexOfChange(dropAgain));
    QTest::keyClick(view, Qt::Key_Space);
    QVERIFY(model->isTicked(dropAgain));
    QVERIFY(model->runs(dropAgain));
    QVERIFY2(dialog->sqlView()->toPlainText().contains(
                 e == Engine::Sqlite ? QLatin1String("rebuild table") : QLatin1String("vip")),
             qPrintable(dialog->sqlView()->toPlainText()));
    QVERIFY(apply(dialog));
    const QString ticked = dialog->reportView()->toPlainText();
    QVERIFY2(ticked.contains(QLatin1String("ran (destructive): drops column")), qPrintable(ticked));
    QVERIFY2(ticked.contains(QLatin1String("now matches the design")), qPrintable(ticked));
    QVERIFY(!exec(*direct, QStringLiteral("SELECT vip FROM %1").arg(customers)));
    QCOMPARE(scalar(*direct, QStringLiteral("SELECT COUNT(*) FROM %1").arg(customers)).toInt(), 3);
    QTRY_COMPARE(status->text(), QStringLiteral("In sync with test"));
    QVERIFY(!box->differsFromDatabase());
    QVERIFY(!outline->differs(QStringLiteral("m-customer")));

    // The file keeps no password, whatever was typed.
    QString saveError;
    QVERIFY2(document->save(&saveError), qPrintable(saveError));
    QFile file(projectPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.contains(key.toUtf8()));
    if (e != Engine::Sqlite)
        QVERIFY(!bytes.contains(password(e).toUtf8()));
    dialog->close();
}

// A sync long enough to cancel: a type change rewrites a table of a million rows (SQLite
// rebuilds it, PostgreSQL rewrites it). Cancelled while it runs, the statement is
// interrupted, the transaction rolled back: the column keeps its type and every row.
void tst_SyncDialog::cancelledLongSync_data()
{
    QTest::addColumn<int>("engine");
    for (Engine engine : {Engine::Sqlite, Engine::Postgres})
        QTest::newRow(qPrintable(engineLabel(engine))) << int(engine);
}

void tst_SyncDialog::cancelledLongSync()
{
    QFETCH(int, engine);
    const Engine e = Engine(engine);
    SavedConnection saved;
    if (!emptyDatabase(e, &saved))
        QSKIP("test server not configured (scripts/test.sh starts it)");
    const QString projectPath
        = m_dir.filePath(QStringLiteral("readings-%1.junction.json").arg(engine));
    QFile project(projectPath);
    QVERIFY(project.open(QIODevice::WriteOnly | QIODevice::Truncate));
    project.write(R"json({
  "junction": 1,
  "models": [
    { "id": "m-reading", "name": "Reading", "timestamps": false, "attributes": [
      { "id": "a-reading-value", "name": "value", "type": "INTEGER" },
      { "id": "a-reading-note", "name": "note", "type": "STRING(40)" }
    ] }
  ],
  "associations": []
}
)json");
    project.close();
    MainWindow window;
    QVERIFY(window.openFile(projectPath));
    Document *document = window.document();
    QVERIFY(document->push(Commands::editConnections(*document, {saved})));
    SyncDialog *dialog = window.databaseActions()->showSync();
    QVERIFY(dialog);
    QVERIFY(plan(dialog, e, true));
    QVERIFY(apply(dialog));

    const int rows = e == Engine::Sqlite ? 2000000 : 2000000;
    QString error;
    auto direct = openDirect(saved, projectPath, &error);
    QVERIFY2(direct, qPrintable(error));
    const QString fill = e == Engine::Sqlite
        ? QStringLiteral(
            "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < %1) "
            "INSERT INTO \"Readings\" (value, note) SELECT x, 'reading ' || x FROM n")
        : QStringLiteral("INSERT INTO \"Readings\" (value, note) SELECT x, 'reading ' || x "
                         "FROM generate_series(1, %1) AS x");
    QVERIFY2(exec(*direct, fill.arg(rows), &error), qPrintable(error));

    const QString tablesBefore = e == Engine::Sqlite
        ? scalar(*direct, QStringLiteral("SELECT group_concat(name) FROM sqlite_master")).toString()
        : QString();

    // value INTEGER -> BIGINT: the whole table is rewritten.
    Attribute value = document->project().entities.first().attributes.first();
    value.type = QStringLiteral("BIGINT");
    QVERIFY(document->push(Commands::editAttribute(*document, EntityId(QStringLiteral("m-reading")),
                                                   value, Commands::AttributeField::Type)));
    dialog->setMode(SyncPlan::Mode::Alter);
    QVERIFY(plan(dialog, e, false));
    SyncPlanModel *model = dialog->planModel();
    for (int i = 0; i < model->plan().changes.size(); ++i)
        model->setTicked(i, true); // SQLite's rebuild of a table with rows is destructive
    QVERIFY(dialog->applyButton()->isEnabled());
    QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
    QCOMPARE(dialog->state(), SyncDialog::State::Applying);
    QVERIFY(dialog->cancelButton()->isEnabled());
    QTest::qWait(300); // well into the rewrite
    QCOMPARE(dialog->state(), SyncDialog::State::Applying); // still running: a long sync
    QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->state() != SyncDialog::State::Applying, 60000);
    QCOMPARE(dialog->state(), SyncDialog::State::Idle);
    const QString report = dialog->reportView()->toPlainText();
    QVERIFY2(report.contains(QLatin1String("Cancelled")), qPrintable(report));
    QVERIFY2(report.contains(QLatin1String("Nothing was changed")), qPrintable(report));

    // Exactly as before: the type, every row, and no leftover of a rebuild.
    const QString type = e == Engine::Sqlite
        ? scalar(
              *direct,
              QStringLiteral("SELECT type FROM pragma_table_info('Readings') WHERE name = 'value'"))
              .toString()
        : scalar(*direct,
                 QStringLiteral("SELECT data_type FROM information_schema.columns WHERE "
                                "table_name = 'Readings' AND column_name = 'value'"))
              .toString();
    QCOMPARE(type.toUpper(), QStringLiteral("INTEGER"));
    QCOMPARE(scalar(*direct, QStringLiteral("SELECT COUNT(*) FROM \"Readings\"")).toInt(), rows);
    QCOMPARE(scalar(*direct, QStringLiteral("SELECT SUM(value) FROM \"Readings\"")).toLongLong(),
             qint64(rows) * (rows + 1) / 2);
    if (e == Engine::Sqlite)
        QCOMPARE(scalar(*direct, QStringLiteral("SELECT group_concat(name) FROM sqlite_master"))
                     .toString(),
                 tablesBefore);
    dialog->close();
}

QTEST_MAIN(tst_SyncDialog)
#include "tst_syncdialog.moc"
