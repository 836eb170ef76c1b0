// SPDX-License-Identifier: MIT
#include "ddlpanel.h"

#include "document.h"
#include "icons.h"
#include "sqlhighlighter.h"
#include "tableitem.h"
#include "textsync.h"

#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QGraphicsScene>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace Junction {

DdlPanel::DdlPanel(QWidget *parent)
    : QWidget(parent)
    , m_scopeBox(new QComboBox(this))
    , m_dialectBox(new QComboBox(this))
    , m_copyButton(new QToolButton(this))
    , m_exportButton(new QToolButton(this))
    , m_text(new QPlainTextEdit(this))
    , m_highlighter(new SqlHighlighter(m_text->document()))
    , m_sync(new TextSync(m_text, this))
{
    m_scopeBox->addItem(tr("Whole schema"), int(Scope::WholeSchema));
    m_scopeBox->addItem(tr("Selection"), int(Scope::Selection));
    m_scopeBox->setToolTip(tr("The DDL of the whole schema, or of the selected models and "
                              "the junction tables between them"));
    const QList<std::pair<Dialect::Kind, QString>> dialects = {
        {Dialect::Kind::Sqlite, tr("SQLite")},
        {Dialect::Kind::Postgres, tr("PostgreSQL")},
        {Dialect::Kind::MySql, tr("MySQL")},
    };
    for (const auto &[kind, name] : dialects)
        m_dialectBox->addItem(name, int(kind));

    m_copyButton->setText(tr("Copy"));
    m_copyButton->setToolTip(tr("Copy the whole text to the clipboard"));
    m_exportButton->setText(tr("Export..."));
    m_exportButton->setToolTip(tr("Save the DDL to a file"));
    m_exportButton->setEnabled(false);
    for (auto [button, icon] : {std::pair{m_copyButton, "copy"}, {m_exportButton, "export"}}) {
        button->setIcon(Icons::icon(QLatin1String(icon)));
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    }

    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_highlighter->setPalette(palette());

    auto bar = new QHBoxLayout;
    bar->setContentsMargins(4, 4, 4, 0);
    bar->addWidget(m_scopeBox);
    bar->addWidget(m_dialectBox);
    bar->addStretch();
    bar->addWidget(m_copyButton);
    bar->addWidget(m_exportButton);
    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(bar);
    layout->addWidget(m_text);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(debounceMsec);
    connect(&m_debounce, &QTimer::timeout, this, &DdlPanel::refresh);
    connect(m_dialectBox, &QComboBox::currentIndexChanged, this, &DdlPanel::refresh);
    connect(m_scopeBox, &QComboBox::currentIndexChanged, this, &DdlPanel::refresh);
    connect(m_copyButton, &QToolButton::clicked, this, &DdlPanel::copyToClipboard);
    connect(m_exportButton, &QToolButton::clicked, this, &DdlPanel::exportToFile);
    connect(&m_build, &QFutureWatcher<Built>::finished, this, &DdlPanel::built);
    connect(m_sync, &TextSync::done, this, [this] {
        if (isUpToDate())
            emit refreshed();
    });
}

DdlPanel::~DdlPanel()
{
    // The build works on copies; only its result is dropped.
    m_build.disconnect(this);
}

void DdlPanel::setDocument(Document *document)
{
    if (m_changedConnection)
        disconnect(m_changedConnection);
    m_document = document;
    if (m_document) {
        // The resolve after an edit is already debounced and off the UI thread: build from it.
        m_changedConnection
            = connect(m_document, &Document::resolvedChanged, this, &DdlPanel::refresh);
    }
    refresh();
}

void DdlPanel::setScene(QGraphicsScene *scene)
{
    if (m_selectionConnection)
        disconnect(m_selectionConnection);
    m_scene = scene;
    if (m_scene) {
        m_selectionConnection = connect(m_scene, &QGraphicsScene::selectionChanged, this,
                                        &DdlPanel::selectionChanged);
    }
    if (scope() == Scope::Selection)
        refresh();
}

Dialect::Kind DdlPanel::dialect() const
{
    return Dialect::Kind(m_dialectBox->currentData().toInt());
}

void DdlPanel::setDialect(Dialect::Kind kind)
{
    m_dialectBox->setCurrentIndex(m_dialectBox->findData(int(kind)));
}

DdlPanel::Scope DdlPanel::scope() const
{
    return Scope(m_scopeBox->currentData().toInt());
}

void DdlPanel::setScope(Scope scope)
{
    m_scopeBox->setCurrentIndex(m_scopeBox->findData(int(scope)));
}

QString DdlPanel::preview(const QString &text)
{
    if (text.size() <= previewChars)
        return text;
    // Between statements: at the last blank line (or line end) before the limit.
    qsizetype cut = text.lastIndexOf(QLatin1String("\n\n"), previewChars);
    if (cut < 0)
        cut = text.lastIndexOf(QLatin1Char('\n'), previewChars);
    cut = cut < 0 ? previewChars : cut + 1;
    return QStringView(text).left(cut) + QLatin1Char('\n')
           + tr("-- The preview ends here: %1 of %2 KB shown. Copy or Export gives the whole "
                "script.")
                 .arg(cut / 1024)
                 .arg(text.size() / 1024)
           + QLatin1Char('\n');
}

bool DdlPanel::isUpToDate() const
{
    return !m_debounce.isActive() && !m_building && !m_rebuild && !m_stale && m_sync->isDone()
           && (!m_document || m_document->isResolveSettled());
}

void DdlPanel::selectionChanged()
{
    if (scope() == Scope::Selection)
        m_debounce.start();
}

void DdlPanel::refresh()
{
    m_debounce.stop();
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    m_stale = false;
    if (m_building) {
        m_rebuild = true;
        return;
    }
    m_rebuild = false;
    if (!m_document) {
        display({}, {}, false);
        return;
    }
    // Edits are being resolved: resolvedChanged() calls again, rather than this resolving on
    // the UI thread.
    if (!m_document->isResolvedCurrent() && !m_document->isResolveSettled())
        return;

    std::optional<QSet<EntityId>> models;
    QSet<QString> junctions;
    if (scope() == Scope::Selection) {
        models.emplace();
        const QList<QGraphicsItem *> selected
            = m_scene ? m_scene->selectedItems() : QList<QGraphicsItem *>();
        for (const QGraphicsItem *item : selected) {
            if (const auto table = qgraphicsitem_cast<const TableItem *>(item)) {
                if (table->isDerived())
                    junctions.insert(table->tableName());
                else
                    models->insert(table->entityId());
            }
        }
    }
    // Copies: Qt's implicitly shared containers make them cheap, and the worker then never
    // sees the document change under it.
    const Project project = m_document->project();
    const ResolvedSchema schema = m_document->resolved();
    const Dialect::Kind kind = dialect();
    m_building = true;
    m_build.setFuture(QtConcurrent::run([project, schema, kind, models, junctions] {
        Built built{DdlExport::generate(project, schema, kind, models, junctions), {}};
        built.preview = preview(built.text.text);
        return built;
    }));
}

void DdlPanel::built()
{
    m_building = false;
    if (m_rebuild) {
        refresh();
        return;
    }
    // MySQL strings take backslash escapes: another dialect's text is highlighted anew.
    const Dialect::Kind kind = dialect();
    const bool escapes = kind == Dialect::Kind::MySql;
    const bool rehighlight = escapes != m_highlighter->backslashEscapes();
    m_highlighter->setBackslashEscapes(escapes);
    const Built built = m_build.result();
    display(built.text, built.preview, rehighlight);
}

void DdlPanel::display(const DdlExport::Text &text, const QString &preview, bool rehighlight)
{
    m_hasDdl = text.isDdl;
    m_fullText = text.text;
    m_exportButton->setEnabled(text.isDdl);
    // Only what changed is replaced, so the reader keeps their place.
    m_sync->setText(preview, rehighlight);
}

void DdlPanel::copyToClipboard()
{
    QGuiApplication::clipboard()->setText(text());
}

bool DdlPanel::exportTo(const QString &path, QString *errorMessage)
{
    return DdlExport::writeFile(path, text(), errorMessage);
}

void DdlPanel::exportToFile()
{
    if (!m_document || !m_hasDdl)
        return;
    const QString path
        = QFileDialog::getSaveFileName(this, tr("Export DDL"),
                                       DdlExport::defaultFilePath(*m_document, dialect()),
                                       tr("SQL scripts (*.sql);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportTo(path, &error))
        QMessageBox::warning(this, tr("Cannot Export"), error);
}

void DdlPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

void DdlPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // The editor's own palette may not have followed yet: the panel's is the one to read.
    if (event->type() == QEvent::PaletteChange) {
        m_highlighter->setPalette(palette());
        m_sync->setText(m_sync->text(), true); // highlighted anew, in chunks
    }
}

} // namespace Junction
