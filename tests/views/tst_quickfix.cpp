// SPDX-License-Identifier: MIT
// Quick fixes in the diagnostics dock: the cycle's "constraints: false" per edge, chosen
// with the mouse from the Fix button, is one undoable command that clears the error, the
// red path on the canvas and the DDL dock's "No DDL"; and the SET NULL fixes.
#include "viewtestsupport.h"
#include "associationitem.h"
#include "ddlpanel.h"
#include "diagnosticsmodel.h"
#include "diagnosticspanel.h"
#include "diagramscene.h"
#include "document.h"
#include "mainwindow.h"
#include "projectreader.h"
#include "projectwriter.h"
#include "quickfixes.h"
#include "tableitem.h"
#include "validator.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDockWidget>
#include <QListView>
#include <QMenu>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace Junction;

class tst_QuickFix : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cycleFixesNameEachEdge();
    void cycleFixFromTheFixButton();
    void edgeOfTwoAssociations();
    void setNullOnNotNull();
    void noFixForOthers();

private:
    static std::unique_ptr<MainWindow> openWindow(const QString &path)
    {
        return Testing::openWindow(path, QStringLiteral("ddlDock"));
    }
    static int rowOf(const DiagnosticsModel *model, const QString &code)
    {
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row).data(DiagnosticsModel::CodeRole).toString() == code)
                return row;
        }
        return -1;
    }
    static std::unique_ptr<Document> documentOf(const char *json)
    {
        LoadResult loaded = ProjectReader::readBytes(QByteArray(json));
        if (!loaded.project)
            return nullptr;
        auto document = std::make_unique<Document>(*loaded.project);
        document->setAutosaveInterval(0);
        return document;
    }
    static Diagnostic diagnosticOf(const Document &document, const QString &code)
    {
        for (const Diagnostic &d : validateProject(document.project(), document.resolved())) {
            if (d.code == code)
                return d;
        }
        return {};
    }
};

void tst_QuickFix::initTestCase()
{
    Junction::Testing::useFreshTestSettings();
}


void tst_QuickFix::cycleFixesNameEachEdge()
{
    const auto window = openWindow(Testing::examplePath(QStringLiteral("cycle.junction.json")));
    QVERIFY(window);
    DiagnosticsPanel *panel = window->diagnosticsPanel();
    const int row = rowOf(panel->model(), QStringLiteral("cycle"));
    QVERIFY(row >= 0);
    const QList<QuickFix> fixes = panel->fixes(row);
    QStringList texts;
    for (const QuickFix &fix : fixes)
        texts << fix.text;
    // One per edge of Users -> Pictures -> Users, in the order the diagnostic names them.
    QCOMPARE(texts, (QStringList{
                        QStringLiteral("Set constraints: false on User.belongsTo(Picture, as ProfilePicture)"),
                        QStringLiteral("Set constraints: false on User.hasMany(Picture)")}));
    for (const QuickFix &fix : fixes) {
        QCOMPARE(fix.edited.size(), 1);
        QCOMPARE(fix.edited.first().constraints, std::optional<bool>(false));
    }
}

void tst_QuickFix::cycleFixFromTheFixButton()
{
    const auto window = openWindow(Testing::examplePath(QStringLiteral("cycle.junction.json")));
    QVERIFY(window);
    Document *document = window->document();
    DiagnosticsPanel *panel = window->diagnosticsPanel();
    DiagnosticsModel *model = panel->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QByteArray before = ProjectWriter::toBytes(document->project());
    const AssociationId profile(QStringLiteral("as-user-profile-picture"));
    const AssociationItem *edge = window->scene()->associationItem(profile);
    QVERIFY(edge && edge->content().inCycle);
    QTRY_VERIFY(window->ddlPanel()->text().startsWith(QLatin1String("-- No DDL")));

    // Click the cycle's row, then the Fix button, and choose the ProfilePicture edge.
    const int row = rowOf(model, QStringLiteral("cycle"));
    QVERIFY(row >= 0);
    QVERIFY(!panel->fixButton()->isEnabled());
    QListView *list = panel->view();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                      list->visualRect(model->index(row)).center());
    QVERIFY(panel->fixButton()->isEnabled());
    QStringList offered;
    QTimer::singleShot(0, this, [&] {
        auto menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return;
        QAction *chosen = nullptr;
        for (QAction *action : menu->actions()) {
            offered << action->text();
            if (action->text().contains(QLatin1String("ProfilePicture")))
                chosen = action;
        }
        // As a click on the entry does: trigger, and the menu closes.
        if (chosen)
            chosen->trigger();
        menu->close();
    });
    const int steps = document->undoStack()->count();
    QTest::mouseClick(panel->fixButton(), Qt::LeftButton);
    QCOMPARE(offered.size(), 2);

    // One command, named after the fix; the file now says constraints: false.
    QCOMPARE(document->undoStack()->count(), steps + 1);
    QCOMPARE(document->undoStack()->undoText(),
             QStringLiteral("Set constraints: false on User.belongsTo(Picture, as ProfilePicture)"));
    QCOMPARE(document->association(profile)->constraints, std::optional<bool>(false));
    QVERIFY(!document->resolved().hasCycle);
    // The error leaves the list, the red path leaves the canvas, and DDL comes back.
    QTRY_COMPARE(rowOf(model, QStringLiteral("cycle")), -1);
    for (const AssociationItem *item : window->scene()->associationItems())
        QVERIFY2(!item->content().inCycle, qPrintable(item->associationId().toString()));
    for (const TableItem *item : window->scene()->tableItems())
        QVERIFY2(!item->content().inCycle, qPrintable(item->tableName()));
    QTRY_VERIFY(window->ddlPanel()->hasDdl());
    QVERIFY(window->ddlPanel()->text().startsWith(QLatin1String("CREATE TABLE")));

    // Undo brings back the exact file and the cycle; redo fixes it again.
    document->undoStack()->undo();
    QCOMPARE(ProjectWriter::toBytes(document->project()), before);
    QVERIFY(document->resolved().hasCycle);
    QTRY_VERIFY(rowOf(model, QStringLiteral("cycle")) >= 0);
    QVERIFY(window->scene()->associationItem(profile)->content().inCycle);
    document->undoStack()->redo();
    QVERIFY(!document->resolved().hasCycle);
    QTRY_COMPARE(rowOf(model, QStringLiteral("cycle")), -1);
}

// Both sides of one relationship define the same FK: only constraints: false on both
// breaks that edge (one with constraints brings the REFERENCES back), and an explicit
// onDelete would bring it back too.
void tst_QuickFix::edgeOfTwoAssociations()
{
    const auto document = documentOf(R"({
      "junction": 1, "name": "Pair",
      "models": [
        { "id": "m-a", "name": "A", "attributes": [] },
        { "id": "m-b", "name": "B", "attributes": [] }
      ],
      "associations": [
        { "id": "as-a-b", "type": "belongsTo", "source": "A", "target": "B" },
        { "id": "as-b-as", "type": "hasMany", "source": "B", "target": "A", "foreignKey": "BId", "onDelete": "CASCADE" },
        { "id": "as-b-a", "type": "belongsTo", "source": "B", "target": "A" }
      ]
    })");
    QVERIFY(document);
    QVERIFY(document->resolved().hasCycle);
    const Diagnostic cycle = diagnosticOf(*document, QStringLiteral("cycle"));
    const QList<QuickFix> fixes = quickFixes(*document, cycle);
    QCOMPARE(fixes.size(), 2);
    const auto twoSided = std::find_if(fixes.cbegin(), fixes.cend(),
                                       [](const QuickFix &f) { return f.edited.size() == 2; });
    QVERIFY(twoSided != fixes.cend());
    QVERIFY2(twoSided->text.contains(QLatin1String(" and ")), qPrintable(twoSided->text));
    for (const Association &a : twoSided->edited) {
        QCOMPARE(a.constraints, std::optional<bool>(false));
        QVERIFY(a.onDelete.isEmpty());
    }
    const QByteArray before = ProjectWriter::toBytes(document->project());
    QVERIFY(document->push(quickFixCommand(*document, *twoSided)));
    QVERIFY2(!document->resolved().hasCycle, twoSided->text.toUtf8().constData());
    QCOMPARE(document->undoStack()->count(), 1);
    document->undoStack()->undo();
    QCOMPARE(ProjectWriter::toBytes(document->project()), before);

    // Either edge breaks it.
    for (const QuickFix &fix : fixes) {
        QVERIFY(document->push(quickFixCommand(*document, fix)));
        QVERIFY2(!document->resolved().hasCycle, qPrintable(fix.text));
        document->undoStack()->undo();
    }
}

void tst_QuickFix::setNullOnNotNull()
{
    const auto document = documentOf(R"({
      "junction": 1, "name": "SetNull",
      "models": [
        { "id": "m-user", "name": "User", "attributes": [] },
        { "id": "m-post", "name": "Post", "attributes": [] }
      ],
      "associations": [
        { "id": "as-post-user", "type": "belongsTo", "source": "Post", "target": "User",
          "foreignKey": { "name": "authorId", "allowNull": false }, "onDelete": "SET NULL" }
      ]
    })");
    QVERIFY(document);
    const Diagnostic error = diagnosticOf(*document, QStringLiteral("set-null-on-not-null"));
    QCOMPARE(error.code, QStringLiteral("set-null-on-not-null"));
    const QList<QuickFix> fixes = quickFixes(*document, error);
    QCOMPARE(fixes.size(), 2);
    QCOMPARE(fixes.at(0).text, QStringLiteral("Set onDelete: CASCADE on Post.belongsTo(User)"));
    QCOMPARE(fixes.at(1).text, QStringLiteral("Set onDelete: RESTRICT on Post.belongsTo(User)"));
    QVERIFY(document->push(quickFixCommand(*document, fixes.at(1))));
    QCOMPARE(document->project().associations.first().onDelete, QStringLiteral("RESTRICT"));
    QCOMPARE(diagnosticOf(*document, QStringLiteral("set-null-on-not-null")).code, QString());
    document->undoStack()->undo();
    QCOMPARE(document->project().associations.first().onDelete, QStringLiteral("SET NULL"));
}

void tst_QuickFix::noFixForOthers()
{
    const auto window = openWindow(Testing::examplePath(QStringLiteral("blog.junction.json")));
    QVERIFY(window);
    DiagnosticsPanel *panel = window->diagnosticsPanel();
    for (int row = 0; row < panel->model()->rowCount(); ++row)
        QVERIFY(panel->fixes(row).isEmpty());
    QVERIFY(!panel->fixButton()->isEnabled());
}

QTEST_MAIN(tst_QuickFix)
#include "tst_quickfix.moc"
