// SPDX-License-Identifier: MIT
#include "importdialog.h"

#include "columnfacts.h"
#include "databasethread.h"
#include "schemaimporter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSqlQuery>
#include <QVBoxLayout>

namespace Junction {

namespace {

struct SchemaList
{
    QStringList schemas;
    QString current;
    QString error;
};

SchemaList readSchemaList(Connection &connection)
{
    SchemaList out;
    QSqlQuery query(connection.database());
    switch (connection.engine()) {
    case ConnectionSpec::Engine::Sqlite:
        out.schemas << QStringLiteral("main");
        out.current = QStringLiteral("main");
        return out;
    case ConnectionSpec::Engine::Postgres:
        if (query.exec(QStringLiteral(
                "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' "
                "AND nspname <> 'information_schema' ORDER BY nspname"))) {
            while (query.next())
                out.schemas << query.value(0).toString();
        }
        if (query.exec(QStringLiteral("SELECT current_schema()")) && query.next())
            out.current = query.value(0).toString();
        break;
    case ConnectionSpec::Engine::MySql:
        if (query.exec(QStringLiteral(
                "SELECT schema_name FROM information_schema.schemata WHERE schema_name NOT IN "
                "('information_schema', 'mysql', 'performance_schema', 'sys') ORDER BY 1"))) {
            while (query.next())
                out.schemas << query.value(0).toString();
        }
        if (query.exec(QStringLiteral("SELECT DATABASE()")) && query.next())
            out.current = query.value(0).toString();
        break;
    }
    if (out.schemas.isEmpty())
        out.error = query.lastError().text();
    return out;
}

struct ReadResult
{
    LiveSchema live;
    QString error;
};

struct ImportOutcome
{
    ImportResult result;
    QString error;
};

QString projectName(const ConnectionSpec &spec)
{
    if (spec.engine == ConnectionSpec::Engine::Sqlite)
        return QFileInfo(spec.database).completeBaseName();
    return spec.database;
}

} // namespace

ImportDialog::ImportDialog(const ConnectionSpec &spec, QWidget *parent)
    : ImportDialog(std::make_unique<DatabaseThread>(), parent, false)
{
    m_spec = spec;
    setBusy(tr("Connecting..."));
    m_database->open(spec, this, [this](const ConnectionError &error) {
        if (error.isError()) {
            setIdle(error.message, true);
            m_import->setEnabled(false);
            return;
        }
        listSchemas();
    });
}

ImportDialog::ImportDialog(std::unique_ptr<DatabaseThread> opened, QWidget *parent)
    : ImportDialog(std::move(opened), parent, true)
{
}

ImportDialog::ImportDialog(std::unique_ptr<DatabaseThread> opened, QWidget *parent,
                           bool connected)
    : QDialog(parent)
    , m_spec(opened->spec())
    , m_database(std::move(opened))
    , m_schemas(new QComboBox(this))
    , m_tables(new QListWidget(this))
    , m_selectAll(new QCheckBox(tr("Select &all"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
{
    setWindowTitle(tr("New Project from Database"));
    m_schemas->setObjectName(QStringLiteral("importSchemas"));
    m_tables->setObjectName(QStringLiteral("importTables"));
    m_selectAll->setObjectName(QStringLiteral("importSelectAll"));
    m_status->setObjectName(QStringLiteral("importStatus"));
    m_status->setWordWrap(true);
    m_progress->setRange(0, 0);
    m_progress->hide();

    auto *buttons = new QDialogButtonBox(this);
    m_import = buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_import->setObjectName(QStringLiteral("importButton"));
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    connect(m_import, &QPushButton::clicked, this, &ImportDialog::startImport);
    connect(m_cancel, &QPushButton::clicked, this, &ImportDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("&Schema:"), m_schemas);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_selectAll);
    layout->addWidget(m_tables, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(480, 520);

    connect(m_schemas, &QComboBox::activated, this,
            [this] { readSchema(m_schemas->currentText()); });
    connect(m_selectAll, &QCheckBox::clicked, this, [this](bool checked) {
        m_updatingChecks = true;
        for (int i = 0; i < m_tables->count(); ++i)
            m_tables->item(i)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
        m_updatingChecks = false;
        updateSelectAll();
    });
    connect(m_tables, &QListWidget::itemChanged, this, [this] {
        if (!m_updatingChecks)
            updateSelectAll();
    });

    if (connected)
        listSchemas();
}

void ImportDialog::listSchemas()
{
    setBusy(tr("Listing the schemas..."));
    m_database->run([](Connection &connection,
                       const std::atomic_bool &) { return readSchemaList(connection); },
                    this, [this, generation = m_generation](SchemaList list) {
                        if (generation != m_generation)
                            return;
                        if (!list.error.isEmpty()) {
                            setIdle(list.error, true);
                            return;
                        }
                        m_schemas->addItems(list.schemas);
                        m_schemas->setCurrentText(list.current);
                        readSchema(m_schemas->currentText());
                    });
}

ImportDialog::~ImportDialog() = default;

QString ImportDialog::statusText() const
{
    return m_status->text();
}

void ImportDialog::setBusy(const QString &stage)
{
    m_busy = true;
    m_progress->show();
    m_status->setStyleSheet(QString());
    m_status->setText(stage);
    m_import->setEnabled(false);
    m_schemas->setEnabled(false);
    m_tables->setEnabled(false);
}

void ImportDialog::setIdle(const QString &status, bool error)
{
    m_busy = false;
    m_progress->hide();
    m_status->setStyleSheet(error ? QStringLiteral("color: #8a1c17") : QString());
    m_status->setText(status);
    m_schemas->setEnabled(true);
    m_tables->setEnabled(true);
    updateSelectAll();
}

void ImportDialog::readSchema(const QString &schema)
{
    setBusy(tr("Reading the tables of %1...").arg(schema));
    m_tables->clear();
    m_database->run(
        [schema](Connection &connection, const std::atomic_bool &) {
            ReadResult out;
            out.live = CatalogReader::read(connection, schema, &out.error);
            return out;
        },
        this, [this, generation = m_generation](ReadResult read) {
            if (generation != m_generation)
                return;
            if (!read.error.isEmpty()) {
                setIdle(read.error, true);
                return;
            }
            m_live = std::move(read.live);
            showTables();
        });
}

void ImportDialog::showTables()
{
    m_updatingChecks = true;
    m_tables->clear();
    for (const LiveTable &table : std::as_const(m_live.tables)) {
        auto *item = new QListWidgetItem(table.name, m_tables);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(Qt::Checked);
        item->setToolTip(tr("%n column(s), %1 foreign key(s)", nullptr, int(table.columns.size()))
                             .arg(table.foreignKeys.size()));
    }
    m_updatingChecks = false;
    setIdle(m_live.tables.isEmpty() ? tr("%1 has no tables.").arg(m_live.schema)
                                    : tr("%n table(s) in %1.", nullptr, int(m_live.tables.size()))
                                          .arg(m_live.schema));
}

void ImportDialog::updateSelectAll()
{
    int checked = 0;
    for (int i = 0; i < m_tables->count(); ++i)
        checked += m_tables->item(i)->checkState() == Qt::Checked ? 1 : 0;
    m_selectAll->setCheckState(checked == 0                    ? Qt::Unchecked
                               : checked == m_tables->count() ? Qt::Checked
                                                               : Qt::PartiallyChecked);
    m_selectAll->setTristate(checked > 0 && checked < m_tables->count());
    m_import->setEnabled(!m_busy && checked > 0);
}

void ImportDialog::startImport()
{
    LiveSchema selection = m_live;
    selection.tables.clear();
    for (int i = 0; i < m_tables->count(); ++i) {
        if (m_tables->item(i)->checkState() == Qt::Checked)
            selection.tables << m_live.tables.at(i);
    }
    if (selection.tables.isEmpty())
        return;
    setBusy(tr("Importing %n table(s)...", nullptr, int(selection.tables.size())));
    const ConnectionSpec::Engine engine = m_spec.engine;
    const QString name = projectName(m_spec);
    m_database->run(
        [selection, engine, name](Connection &connection, const std::atomic_bool &cancelled) {
            ImportOutcome out;
            const ColumnFacts facts = ColumnFacts::read(connection, selection.schema, &out.error);
            if (!out.error.isEmpty() || cancelled)
                return out;
            out.result = SchemaImporter::importSchema(selection, engine, facts, name);
            return out;
        },
        this, [this, generation = m_generation](ImportOutcome outcome) {
            if (generation != m_generation)
                return;
            if (!outcome.error.isEmpty()) {
                setIdle(outcome.error, true);
                return;
            }
            m_project = std::move(outcome.result.project);
            m_diagnostics = std::move(outcome.result.diagnostics);
            setIdle(tr("Imported."));
            accept();
        });
}

void ImportDialog::reject()
{
    // Cancel stops a running read; a second Cancel (or one while idle) closes.
    if (m_busy) {
        m_database->cancel();
        ++m_generation; // what the cancelled job still delivers is dropped
        setIdle(tr("Cancelled."), true);
        return;
    }
    QDialog::reject();
}

} // namespace Junction
