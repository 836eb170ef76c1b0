// SPDX-License-Identifier: MIT
// The DDL dock in the designer window on the offscreen platform: whole schema and selection
// per dialect (the core generator's text), highlighting, copy, export, and the debounce.
#include "viewtestsupport.h"
#include "commands/entitycommands.h"
#include "commands/layoutcommands.h"
#include "ddlexport.h"
#include "ddlgenerator.h"
#include "ddlpanel.h"
#include "diagramscene.h"
#include "diagramview.h"
#include "document.h"
#include "mainwindow.h"
#include "sqlhighlighter.h"
#include "tableitem.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QTimer>
#include <QToolButton>

using namespace Junction;

class tst_DdlPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void wholeAndSelection_data();
    void wholeAndSelection();
    void selectionFollowsTheCanvas();
    void highlighting();
    void highlightingFollowsThePalette();
    void copy();
    void exportWritesTheText();
    void exportButtonAsksWhere();
    void noDdlForErrors();
    void editsAreDebounced();
    void largeScriptIsPreviewed();
    void screenshot();

private:
    static std::unique_ptr<MainWindow> openWindow(const QString &path)
    {
        return Testing::openWindow(path, QStringLiteral("ddlDock"));
    }
    static bool waitUpToDate(DdlPanel *panel)
    {
        return QTest::qWaitFor([panel] { return panel->isUpToDate(); }, 10000);
    }
    static bool waitUpToDate(DdlPanel &panel) { return waitUpToDate(&panel); }
    // Selects these models' boxes by Ctrl+clicking them on the canvas.
    static void clickBoxes(MainWindow *window, const QStringList &models);
    QTemporaryDir m_dir;
};

void tst_DdlPanel::initTestCase()
{
    Junction::Testing::useFreshTestSettings();
    QVERIFY(m_dir.isValid());
}


void tst_DdlPanel::clickBoxes(MainWindow *window, const QStringList &models)
{
    DiagramView *view = window->view();
    window->scene()->clearSelection();
    for (const QString &model : models) {
        const TableItem *item = window->scene()->tableItem(EntityId(model));
        QVERIFY2(item, qPrintable(model));
        view->ensureVisible(item);
        // The header, where a click never lands on an edge's label.
        const QPointF header = item->mapToScene(QPointF(item->size().width() / 2, 8));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ControlModifier,
                          view->mapFromScene(header));
        QVERIFY2(item->isSelected(), qPrintable(model));
    }
}

void tst_DdlPanel::wholeAndSelection_data()
{
    QTest::addColumn<int>("dialect");
    QTest::addColumn<bool>("selection");
    for (const Dialect::Kind kind : Dialect::allKinds()) {
        const QByteArray name = Dialect::get(kind).name().toLatin1();
        QTest::addRow("%s whole", name.constData()) << int(kind) << false;
        QTest::addRow("%s selection", name.constData()) << int(kind) << true;
    }
}

void tst_DdlPanel::wholeAndSelection()
{
    QFETCH(int, dialect);
    QFETCH(bool, selection);
    const auto window = openWindow(Testing::examplePath(QStringLiteral("blog.junction.json")));
    QVERIFY(window);
    DdlPanel *panel = window->ddlPanel();
    const Dialect::Kind kind = Dialect::Kind(dialect);
    const ResolvedSchema &schema = window->document()->resolved();
    const DdlGenerator generator(Dialect::get(kind));
    const QSet<EntityId> postAndTag{EntityId(QStringLiteral("m-post")),
                                    EntityId(QStringLiteral("m-tag"))};
    const QString expected = selection
                                 ? DdlGenerator::script(generator.tables(schema, tablesOfModels(schema, postAndTag)))
                                 : DdlGenerator::script(generator.schema(schema));

    clickBoxes(window.get(), {QStringLiteral("m-post"), QStringLiteral("m-tag")});
    // Through the combo boxes, as a user would.
    QComboBox *dialects = panel->dialectBox();
    dialects->setCurrentIndex(dialects->findData(dialect));
    QComboBox *scopes = panel->scopeBox();
    scopes->setCurrentIndex(scopes->findData(int(selection ? DdlPanel::Scope::Selection
                                                           : DdlPanel::Scope::WholeSchema)));
    QVERIFY(waitUpToDate(panel));
    QCOMPARE(panel->text(), expected);
    QVERIFY(panel->hasDdl());
    QVERIFY(panel->exportButton()->isEnabled());
    if (selection) {
        // Posts, Tags and the junction between them, in creation order; no Users.
        QVERIFY(panel->text().indexOf(QLatin1String("TABLE ")) >= 0);
        QVERIFY2(!panel->text().contains(QLatin1String("CREATE TABLE \"Users\""))
                     && !panel->text().contains(QLatin1String("CREATE TABLE `Users`")),
                 qPrintable(panel->text()));
        const qsizetype posts = panel->text().indexOf(QLatin1String("Posts"));
        const qsizetype junction = panel->text().indexOf(QLatin1String("CREATE TABLE ")
                                                         + Dialect::get(kind).quote(QStringLiteral("PostTags")));
        QVERIFY(posts >= 0 && junction > posts);
    }
}

void tst_DdlPanel::selectionFollowsTheCanvas()
{
    const auto window = openWindow(Testing::examplePath(QStringLiteral("blog.junction.json")));
    QVERIFY(window);
    DdlPanel *panel = window->ddlPanel();
    panel->setDialect(Dialect::Kind::Postgres);
    panel->setScope(DdlPanel::Scope::Selection);
    window->scene()->clearSelection();
    QVERIFY(waitUpToDate(panel));
    QVERIFY(!panel->hasDdl());
    QVERIFY2(panel->text().startsWith(QLatin1String("-- Nothing selected")), qPrintable(panel->text()));
    QVERIFY(!panel->exportButton()->isEnabled());

    // One model: its table only; then the other end of the belongsToMany brings the junction.
    clickBoxes(window.get(), {QStringLiteral("m-post")});
    QTRY_VERIFY(panel->text().contains(QLatin1String("CREATE TABLE \"Posts\"")));
    QVERIFY(!panel->text().contains(QLatin1String("PostTags")));
    clickBoxes(window.get(), {QStringLiteral("m-post"), QStringLiteral("m-tag")});
    QTRY_VERIFY(panel->text().contains(QLatin1String("CREATE TABLE \"PostTags\"")));
    // A selected junction box stands for itself.
    window->scene()->clearSelection();
    TableItem *junction = window->scene()->junctionItem(QStringLiteral("PostTags"));
    QVERIFY(junction);
    junction->setSelected(true);
    QTRY_VERIFY(panel->text().startsWith(QLatin1String("CREATE TABLE \"PostTags\"")));
    QVERIFY(!panel->text().contains(QLatin1String("CREATE TABLE \"Posts\"")));
}

void tst_DdlPanel::highlighting()
{
    const auto window = openWindow(Testing::examplePath(QStringLiteral("blog.junction.json")));
    QVERIFY(window);
    DdlPanel *panel = window->ddlPanel();
    panel->setDialect(Dialect::Kind::Postgres);
    QVERIFY(waitUpToDate(panel));
    const SqlHighlighter *highlighter = panel->highlighter();
    QTextDocument *document = panel->editor()->document();

    // The format of the text at `pos` of the first block starting with `line`.
    auto formatAt = [&](const QString &line, const QString &piece) -> std::optional<QTextCharFormat> {
        for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
            if (!block.text().startsWith(line))
                continue;
            const int pos = int(block.text().indexOf(piece));
            if (pos < 0)
                return std::nullopt;
            for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
                if (range.start <= pos && pos + piece.size() <= range.start + range.length)
                    return range.format;
            }
            return QTextCharFormat();
        }
        return std::nullopt;
    };
    auto colourAt = [&](const QString &line, const QString &piece) {
        const auto format = formatAt(line, piece);
        return format ? format->foreground().color() : QColor();
    };
    using Kind = SqlHighlighter::Kind;
    const QColor keyword = highlighter->format(Kind::Keyword).foreground().color();
    QCOMPARE(colourAt(QStringLiteral("CREATE TABLE \"Users\""), QStringLiteral("CREATE")), keyword);
    QCOMPARE(formatAt(QStringLiteral("CREATE TABLE \"Users\""), QStringLiteral("TABLE"))->fontWeight(),
             int(QFont::Bold));
    QCOMPARE(colourAt(QStringLiteral("CREATE TABLE \"Users\""), QStringLiteral("\"Users\"")),
             highlighter->format(Kind::Identifier).foreground().color());
    QCOMPARE(colourAt(QStringLiteral("  \"name\""), QStringLiteral("VARCHAR")),
             highlighter->format(Kind::Type).foreground().color());
    QCOMPARE(colourAt(QStringLiteral("  \"name\""), QStringLiteral("255")),
             highlighter->format(Kind::Number).foreground().color());
    QCOMPARE(colourAt(QStringLiteral("  \"name\""), QStringLiteral("NULL")), keyword);
    QCOMPARE(colourAt(QStringLiteral("CREATE TYPE"), QStringLiteral("'reader'")),
             highlighter->format(Kind::String).foreground().color());
    // A comment in COMMENT ON TABLE is a string, not a comment.
    QCOMPARE(colourAt(QStringLiteral("COMMENT ON TABLE"), QStringLiteral("'People")),
             highlighter->format(Kind::String).foreground().color());
    // Unformatted text stays the palette's.
    QVERIFY(!formatAt(QStringLiteral("CREATE TABLE \"Users\""), QStringLiteral("("))->hasProperty(QTextFormat::ForegroundBrush));

    // Comments, and literals across lines, on a text of our own.
    QPlainTextEdit own;
    SqlHighlighter ownHighlighter(own.document());
    own.setPlainText(QStringLiteral("-- a comment\nSELECT 'one\ntwo' /* block\nstill */ 42;"));
    auto ownColour = [&](int blockNumber, int pos) {
        const QTextBlock block = own.document()->findBlockByNumber(blockNumber);
        for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
            if (range.start <= pos && pos < range.start + range.length)
                return range.format.foreground().color();
        }
        return QColor();
    };
    const QColor comment = ownHighlighter.format(Kind::Comment).foreground().color();
    const QColor string = ownHighlighter.format(Kind::String).foreground().color();
    QCOMPARE(ownColour(0, 5), comment);
    QCOMPARE(ownColour(1, 0), ownHighlighter.format(Kind::Keyword).foreground().color());
    QCOMPARE(ownColour(1, 8), string);
    QCOMPARE(ownColour(2, 0), string);        // "two'" continues the literal
    QCOMPARE(ownColour(2, 6), comment);       // "/* block"
    QCOMPARE(ownColour(3, 2), comment);       // "still */"
    QCOMPARE(ownColour(3, 9), ownHighlighter.format(Kind::Number).foreground().color());
}

void tst_DdlPanel::highlightingFollowsThePalette()
{
    QTextDocument document;
    SqlHighlighter highlighter(&document);
    QPalette light;
    light.setColor(QPalette::Base, Qt::white);
    light.setColor(QPalette::Text, Qt::black);
    QPalette dark;
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    using Kind = SqlHighlighter::Kind;
    for (const Kind kind : {Kind::Keyword, Kind::Type, Kind::Identifier, Kind::String, Kind::Number}) {
        highlighter.setPalette(light);
        const QColor onLight = highlighter.format(kind).foreground().color();
        highlighter.setPalette(dark);
        const QColor onDark = highlighter.format(kind).foreground().color();
        // Dark text on a light base, light text on a dark base.
        QVERIFY2(onLight.lightness() < 128 && onDark.lightness() > 128,
                 qPrintable(QStringLiteral("kind %1: %2 / %3").arg(int(kind)).arg(onLight.name(), onDark.name())));
    }
}

void tst_DdlPanel::copy()
{
    const auto window = openWindow(Testing::examplePath(QStringLiteral("blog.junction.json")));
    QVERIFY(window);
    DdlPanel *panel = window->ddlPanel();
    panel->setDialect(Dialect::Kind::MySql);
    QVERIFY(waitUpToDate(panel));
    QGuiApplication::clipboard()->setText(QStringLiteral("before"));
    QTest::mouseClick(panel->copyButton(), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), panel->text());
    QVERIFY(panel->text().startsWith(QLatin1String("CREATE TABLE `Users`")));
}

void tst_DdlPanel::exportWritesTheText()
{
    const auto window = openWindow(Testing::examplePath(QStringLiteral("blog.junction.json")));
    QVERIFY(window);
    DdlPanel *panel = window->ddlPanel();
    panel->setDialect(Dialect::Kind::Postgres);
    QVERIFY(waitUpToDate(panel));
    // The default name comes from the project file and the dialect.
    QCOMPARE(DdlExport::defaultFilePath(*window->document(), Dialect::Kind::Postgres),
             QStringLiteral(JUNCTION_EXAMPLES "/blog.postgres.sql"));
    const QString path = m_dir.filePath(QStringLiteral("exported.sql"));
    QString error;
    QVERIFY2(panel->exportTo(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), panel->text().toUtf8());

    // A file that cannot be written says which.
    const QString nowhere = m_dir.filePath(QStringLiteral("no/such/folder/x.sql"));
    QVERIFY(!panel->exportTo(nowhere, &error));
    QVERIFY2(error.contains(QLatin1String("x.sql")), qPrintable(error));
}

void tst_DdlPanel::exportButtonAsksWhere()
{
    const auto window = openWindow(Testing::examplePath(QStringLiteral("blog.junction.json")));
    QVERIFY(window);
    DdlPanel *panel = window->ddlPanel();
    panel->setDialect(Dialect::Kind::Sqlite);
    QVERIFY(waitUpToDate(panel));
    const QString path = m_dir.filePath(QStringLiteral("from-dialog.sql"));
    QString suggested;
    // The button opens a save dialog; answer it as a user would.
    QTimer::singleShot(0, this, [&] {
        auto dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        suggested = dialog->selectedFiles().value(0);
        dialog->selectFile(path);
        static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept: as the Save button
    });
    QTest::mouseClick(panel->exportButton(), Qt::LeftButton);
    QCOMPARE(QFileInfo(suggested).fileName(), QStringLiteral("blog.sqlite.sql"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()), panel->text());
}

void tst_DdlPanel::noDdlForErrors()
{
    const auto window = openWindow(Testing::examplePath(QStringLiteral("cycle.junction.json")));
    QVERIFY(window);
    DdlPanel *panel = window->ddlPanel();
    QVERIFY(waitUpToDate(panel));
    QVERIFY(!panel->hasDdl());
    QVERIFY(panel->text().startsWith(QLatin1String("-- No DDL")));
    QVERIFY(!panel->exportButton()->isEnabled());
    // Even for a selection.
    panel->setScope(DdlPanel::Scope::Selection);
    clickBoxes(window.get(), {QStringLiteral("m-user")});
    QVERIFY(waitUpToDate(panel));
    QVERIFY(panel->text().startsWith(QLatin1String("-- No DDL")));
    // The comment is highlighted as one.
    const QTextBlock first = panel->editor()->document()->firstBlock();
    QVERIFY(!first.layout()->formats().isEmpty());
    QCOMPARE(first.layout()->formats().first().format.foreground().color(),
             panel->highlighter()->format(SqlHighlighter::Kind::Comment).foreground().color());
}

void tst_DdlPanel::editsAreDebounced()
{
    const auto window = openWindow(Testing::examplePath(QStringLiteral("blog.junction.json")));
    QVERIFY(window);
    DdlPanel *panel = window->ddlPanel();
    panel->setDialect(Dialect::Kind::Postgres);
    QVERIFY(waitUpToDate(panel));
    Document *document = window->document();
    const QString before = panel->text();
    QSignalSpy refreshed(panel, &DdlPanel::refreshed);

    // Five quick renames (typing): nothing is built until the typing pauses, then once.
    const EntityId tag(QStringLiteral("m-tag"));
    for (const QString &name : {QStringLiteral("L"), QStringLiteral("La"), QStringLiteral("Lab"),
                                QStringLiteral("Labe"), QStringLiteral("Label")}) {
        QElapsedTimer timer;
        timer.start();
        QVERIFY(document->push(Commands::renameEntity(*document, tag, name)));
        QVERIFY2(timer.elapsed() < 50, "an edit does not wait for the DDL");
        QTest::qWait(20);
        QCOMPARE(panel->text(), before);
    }
    QVERIFY(waitUpToDate(panel));
    QCOMPARE(refreshed.count(), 1);
    QVERIFY(panel->text().contains(QLatin1String("CREATE TABLE \"Labels\"")));
    QCOMPARE(panel->text(),
             DdlGenerator::script(DdlGenerator(Dialect::get(Dialect::Kind::Postgres)).schema(document->resolved())));

    // A move changes no DDL and builds nothing.
    QVERIFY(document->push(Commands::moveEntities(*document, {{tag, QPointF(900, 40)}})));
    QTest::qWait(DdlPanel::debounceMsec * 2);
    QCOMPARE(refreshed.count(), 1);
}

// A schema of hundreds of tables: the editor shows the start, Copy and Export all of it.
void tst_DdlPanel::largeScriptIsPreviewed()
{
    Project project;
    project.name = QStringLiteral("Large");
    for (int i = 0; i < 1200; ++i) {
        Entity entity;
        entity.id = EntityId(QStringLiteral("m-%1").arg(i));
        entity.name = QStringLiteral("Model%1").arg(i);
        for (const char *name : {"title", "body", "score", "summary", "author", "status"}) {
            Attribute attribute;
            attribute.id = AttributeId(entity.id.toString() + QLatin1Char('-') + QLatin1String(name));
            attribute.name = QLatin1String(name);
            attribute.type = QStringLiteral("STRING");
            entity.attributes.append(attribute);
        }
        project.entities.append(entity);
    }
    Document document(project);
    document.setAutosaveInterval(0);
    DdlPanel panel;
    panel.show();
    panel.setDialect(Dialect::Kind::Postgres);
    panel.setDocument(&document);
    QVERIFY(waitUpToDate(panel));
    const QString whole = DdlGenerator::script(DdlGenerator(Dialect::get(Dialect::Kind::Postgres)).schema(document.resolved()));
    QVERIFY(whole.size() > DdlPanel::previewChars);
    QCOMPARE(panel.text(), whole);
    const QString shown = panel.editor()->toPlainText();
    QCOMPARE(shown, DdlPanel::preview(whole));
    QVERIFY(shown.size() <= DdlPanel::previewChars + 200);
    QVERIFY2(shown.endsWith(QLatin1String("Copy or Export gives the whole script.\n")), qPrintable(shown.right(200)));
    // Cut between statements: the last shown statement is complete.
    const QString cut = shown.section(QLatin1String("\n-- The preview ends here"), 0, 0);
    QVERIFY(whole.startsWith(cut));
    QVERIFY(cut.endsWith(QLatin1String(");\n")));
    QTest::mouseClick(panel.copyButton(), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), whole);

    // An edit near the start replaces only its lines: the editor still shows the preview.
    QVERIFY(document.push(Commands::renameEntity(document, EntityId(QStringLiteral("m-1")), QStringLiteral("Renamed"))));
    QVERIFY(waitUpToDate(panel));
    QVERIFY(panel.text().contains(QLatin1String("CREATE TABLE \"Renameds\"")));
    QCOMPARE(panel.editor()->toPlainText(), DdlPanel::preview(panel.text()));
}

void tst_DdlPanel::screenshot()
{
    const auto window = openWindow(Testing::examplePath(QStringLiteral("blog.junction.json")));
    QVERIFY(window);
    DdlPanel *panel = window->ddlPanel();
    panel->setDialect(Dialect::Kind::Postgres);
    QVERIFY(waitUpToDate(panel));
    auto dock = window->findChild<QDockWidget *>(QStringLiteral("ddlDock"));
    QVERIFY(dock);
    const QString path = QStringLiteral(JUNCTION_SCREENSHOT_DIR "/ddl-dock.png");
    QVERIFY(dock->grab().save(path));
    qInfo("screenshot: %s", qPrintable(path));

    // On a dark desktop the colours turn light, and the text is highlighted anew.
    const QPalette original = QApplication::palette();
    QPalette dark;
    const QColor surface(0x2b, 0x2d, 0x30), base(0x1e, 0x1f, 0x22), text(0xdf, 0xe1, 0xe5);
    dark.setColor(QPalette::Window, surface);
    dark.setColor(QPalette::WindowText, text);
    dark.setColor(QPalette::Base, base);
    dark.setColor(QPalette::Text, text);
    dark.setColor(QPalette::Button, surface);
    dark.setColor(QPalette::ButtonText, text);
    dark.setColor(QPalette::PlaceholderText, QColor(0x8c, 0x8f, 0x94));
    QApplication::setPalette(dark); // the widgets hear of it through posted events
    auto keywordColour = [panel] {
        return panel->highlighter()->format(SqlHighlighter::Kind::Keyword).foreground().color();
    };
    QTRY_VERIFY2(keywordColour().lightness() > 128, qPrintable(keywordColour().name()));
    QVERIFY(waitUpToDate(panel));
    const QColor keyword = keywordColour();
    const QTextBlock first = panel->editor()->document()->firstBlock();
    QCOMPARE(first.layout()->formats().first().format.foreground().color(), keyword);
    const QString darkPath = QStringLiteral(JUNCTION_SCREENSHOT_DIR "/ddl-dock-dark.png");
    QVERIFY(dock->grab().save(darkPath));
    qInfo("screenshot: %s", qPrintable(darkPath));
    QApplication::setPalette(original);
}

QTEST_MAIN(tst_DdlPanel)
#include "tst_ddlpanel.moc"
