// SPDX-License-Identifier: MIT
#include "databrowser.h"

#include "breadcrumbbar.h"
#include "databasethread.h"
#include "jobcounter.h"
#include "relationeditor.h"

#include <QAction>
#include <QComboBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace Junction {

DataBrowser::DataBrowser(const ResolvedSchema &schema, const ConnectionSpec &spec,
                         const QString &model, QWidget *parent)
    : DataBrowser(schema, std::make_unique<DatabaseThread>(), model, parent, false)
{
    m_database->open(spec, this, [this](const ConnectionError &error) {
        if (error.isError()) {
            showMessage(error.message, true);
            m_status->setText(tr("Not connected"));
            return;
        }
        showStep(-1);
    });
    m_status->setText(tr("Connecting..."));
    updateTitle();
}

void DataBrowser::updateTitle()
{
    const ConnectionSpec spec = m_database->spec();
    setWindowTitle(tr("Data Browser \u2014 %1")
                       .arg(spec.engine == ConnectionSpec::Engine::Sqlite
                                ? spec.database
                                : spec.host + QLatin1Char('/') + spec.database));
}

DataBrowser::DataBrowser(const ResolvedSchema &schema, std::unique_ptr<DatabaseThread> opened,
                         const QString &model, QWidget *parent)
    : DataBrowser(schema, std::move(opened), model, parent, true)
{
}

DataBrowser::DataBrowser(const ResolvedSchema &schema, std::unique_ptr<DatabaseThread> database,
                         const QString &model, QWidget *parent, bool connected)
    : QWidget(parent)
    , m_database(std::move(database))
    , m_schema(std::make_shared<const ResolvedSchema>(schema))
    , m_breadcrumb(new BreadcrumbBar(this))
    , m_view(new QTableView(this))
    , m_model(new RowPageModel(m_database.get(), m_schema, this))
    , m_jobs(new JobCounter(this))
    , m_relations(new RelationEditor(this))
    , m_followButton(new QToolButton(this))
    , m_followMenu(new QMenu(this))
    , m_filterColumn(new QComboBox(this))
    , m_filterEdit(new QLineEdit(this))
    , m_message(new QLabel(this))
    , m_status(new QLabel(this))
{
    updateTitle();
    auto *toolBar = new QToolBar(this);
    m_followButton->setText(tr("Follow"));
    m_followButton->setToolTip(tr("Show the rows an association of the selected row leads to"));
    m_followButton->setMenu(m_followMenu);
    m_followButton->setPopupMode(QToolButton::InstantPopup);
    toolBar->addWidget(m_followButton);
    m_linkAction = toolBar->addAction(tr("Link..."), m_relations, &RelationEditor::link);
    m_unlinkAction = toolBar->addAction(tr("Unlink"), m_relations, &RelationEditor::unlinkSelected);
    m_createAction = toolBar->addAction(tr("New Related Row..."), m_relations,
                                        &RelationEditor::createRelated);
    toolBar->addSeparator();
    toolBar->addWidget(new QLabel(tr(" Filter "), this));
    m_filterColumn->setObjectName(QStringLiteral("filterColumn"));
    toolBar->addWidget(m_filterColumn);
    m_filterEdit->setObjectName(QStringLiteral("filterEdit"));
    m_filterEdit->setPlaceholderText(tr("value, part of a text, or NULL"));
    m_filterEdit->setClearButtonEnabled(true);
    toolBar->addWidget(m_filterEdit);
    toolBar->addAction(tr("Refresh"), this, &DataBrowser::reload);
    m_cancelAction = toolBar->addAction(tr("Cancel"), this, &DataBrowser::cancel);
    m_cancelAction->setObjectName(QStringLiteral("cancelQuery"));
    m_cancelAction->setToolTip(tr("Stop the running query (Esc)"));
    // Only while busy: otherwise Esc belongs to the cell editor and the dock.
    m_cancelAction->setShortcut(QKeySequence(Qt::Key_Escape));
    m_cancelAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_cancelAction->setVisible(false);
    m_cancelAction->setEnabled(false);
    m_model->setJobCounter(m_jobs);
    connect(m_jobs, &JobCounter::busyChanged, this, [this](bool busy) {
        m_cancelAction->setVisible(busy);
        m_cancelAction->setEnabled(busy);
        // The status says a query runs; what it said before comes back unless the answer
        // (a page, "Cancelled") has replaced it.
        const QString running = tr("Running...");
        if (busy) {
            m_idleStatus = m_status->text();
            m_status->setText(running);
        } else if (m_status->text() == running) {
            m_status->setText(m_idleStatus);
        }
    });

    m_view->setModel(m_model);
    m_view->setSortingEnabled(true);
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::AnyKeyPressed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setDefaultSectionSize(140);
    m_view->horizontalHeader()->setResizeContentsPrecision(100);

    m_message->setObjectName(QStringLiteral("browserMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(toolBar);
    layout->addWidget(m_breadcrumb);
    layout->addWidget(m_message);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);
    m_status->setContentsMargins(6, 0, 6, 2);

    connect(m_breadcrumb, &BreadcrumbBar::crumbClicked, this, &DataBrowser::goBack);
    connect(m_filterEdit, &QLineEdit::returnPressed, this, &DataBrowser::applyFilter);
    connect(m_filterColumn, &QComboBox::activated, this, [this] {
        if (!m_filterEdit->text().isEmpty())
            applyFilter();
    });
    connect(m_model, &RowPageModel::cancelled, this, &DataBrowser::onCancelled);
    connect(m_model, &RowPageModel::pageLoaded, this, [this](int rows) {
        m_shownSteps = m_steps;
        m_status->setText(m_model->isComplete()
                              ? tr("%n row(s)", nullptr, rows)
                              : tr("%n row(s) loaded; more as you scroll", nullptr, rows));
        if (!m_columnsFitted && rows > 0) {
            // Once per listing, from the first page only (precision: a 1,000,000-row table
            // must not be measured whole).
            m_columnsFitted = true;
            m_view->resizeColumnsToContents();
            for (int c = 0; c < m_model->columnCount(); ++c)
                m_view->setColumnWidth(c, qBound(60, m_view->columnWidth(c), 320));
        }
        // Going back: load pages until the row that was at the top (and the one to
        // select) is there, then put it back at the top.
        const int needed = qMax(m_selectWhenLoaded, m_topWhenLoaded);
        if (needed >= rows && m_model->canFetchMore({})) {
            m_model->fetchMore({});
        } else {
            const int top = m_topWhenLoaded < rows ? m_topWhenLoaded : -1;
            const int select = m_selectWhenLoaded < rows ? m_selectWhenLoaded : -1;
            m_topWhenLoaded = -1;
            m_selectWhenLoaded = -1;
            // Queued: after the view has taken the inserted rows in.
            if (top > 0 || select >= 0)
                QMetaObject::invokeMethod(
                    this, [this, top, select] { scrollAndSelect(top, select); },
                    Qt::QueuedConnection);
        }
        updateActions();
    });
    connect(m_model, &RowPageModel::loadFailed, this,
            [this](const QString &message) { showMessage(message, true); });
    connect(m_model, &RowPageModel::editFailed, this,
            [this](const QString &message) { showMessage(message, true); });
    connect(m_model, &RowPageModel::editSaved, this, [this](int row) {
        showMessage(tr("Saved %1.").arg(m_model->describeRow(row)), false);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DataBrowser::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &DataBrowser::updateActions);

    Step root;
    const ResolvedTable *table = m_schema->tableForEntity(model);
    if (!table)
        table = m_schema->table(model);
    root.listing.table = table ? table->name : model;
    root.title = root.listing.table;
    m_steps << root;

    if (!table)
        showMessage(tr("The project has no model \"%1\".").arg(model), true);
    updateBreadcrumb();
    if (connected)
        showStep(-1);
}

DataBrowser::~DataBrowser()
{
    // The model's pending callbacks die with it; the thread goes after them.
    delete m_model;
    m_model = nullptr;
}

QString DataBrowser::status() const
{
    return m_status->text();
}

void DataBrowser::scrollAndSelect(int top, int select)
{
    // The view lays out inserted rows on a timer; until then its scroll range ends at the
    // old last row, and scrollTo() would stop there.
    m_view->doItemsLayout();
    if (top > 0 && top < m_model->rowCount())
        m_view->scrollTo(m_model->index(top, 0), QAbstractItemView::PositionAtTop);
    if (select >= 0 && select < m_model->rowCount()) {
        m_view->selectRow(select);
        m_view->scrollTo(m_model->index(select, 0));
    }
}

void DataBrowser::cancel()
{
    if (m_jobs->isBusy())
        m_database->cancel();
}

void DataBrowser::showCancelled()
{
    m_status->setText(tr("Cancelled"));
}

void DataBrowser::onCancelled(bool reverted)
{
    if (reverted) {
        // The model is back on the listing the grid showed; so are the crumbs and the
        // filter and sort controls.
        m_steps = m_shownSteps;
        m_selectWhenLoaded = -1;
        m_topWhenLoaded = -1;
        updateBreadcrumb();
        showView(m_model->view());
        updateActions();
        emit listingChanged();
    }
    showCancelled();
}

QString DataBrowser::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void DataBrowser::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setProperty("error", error);
    m_message->setStyleSheet(error ? QStringLiteral("QLabel { background: #fde2e1; color: #8a1c17; "
                                                    "padding: 4px; }")
                                   : QStringLiteral("QLabel { background: #e3f1e0; color: #1e4d1a; "
                                                    "padding: 4px; }"));
    m_message->setVisible(!text.isEmpty());
}

int DataBrowser::currentRow() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    return current.isValid() ? current.row() : -1;
}

bool DataBrowser::follow(int row, const QString &accessor)
{
    const ResolvedTable *table = m_model->table();
    if (!table)
        return false;
    for (const ResolvedAssociation &a : m_schema->associations) {
        if (a.valid && a.sourceTable == table->name && a.accessors().value(0) == accessor) {
            follow(row, a.id);
            return true;
        }
    }
    return false;
}

void DataBrowser::follow(int row, const AssociationId &id)
{
    const ResolvedAssociation *a = m_schema->association(id);
    if (!a || row < 0 || row >= m_model->rowCount())
        return;
    Step step;
    step.listing.table = a->targetTable;
    step.listing.association = id;
    // Only the key: the accessor reads the rest fresh, so that a link changed meanwhile
    // (belongsTo's set writes the source row) shows as it is now.
    const Row full = m_model->row(row);
    for (const QString &key : m_model->table()->primaryKey)
        step.listing.source.insert(key, full.value(key));
    step.title = a->as;
    step.rowCrumb = m_model->describeRow(row);
    step.sourceRow = row;
    rememberView();
    m_steps << step;
    showStep(-1);
}

void DataBrowser::goBack(int step, int row)
{
    if (step < 0 || step >= m_steps.size())
        return;
    if (step < m_steps.size() - 1) {
        m_steps.resize(step + 1);
        showStep(row);
    } else {
        // The listing shown now: keep its filter and sort, just select.
        rememberView();
        showStep(row);
    }
}

void DataBrowser::reload()
{
    rememberView();
    showStep(currentRow());
}

void DataBrowser::rememberView()
{
    Step &step = m_steps.last();
    step.view = m_model->view();
    step.topRow = qMax(0, m_view->rowAt(0));
}

void DataBrowser::showStep(int selectRow)
{
    const Step &step = m_steps.last();
    m_selectWhenLoaded = selectRow;
    m_topWhenLoaded = step.topRow;
    m_columnsFitted = false;
    m_model->setListing(step.listing, step.view);
    showView(step.view);
    updateBreadcrumb();
    updateActions();
    emit listingChanged();
}

// The filter and sort controls as `view` says, without a new query: the model has it.
void DataBrowser::showView(const ListingView &view)
{
    // RowPageModel::sort() ignores the order it already has.
    const int sortColumn = view.sortColumn.isEmpty() ? -1 : m_model->columnOf(view.sortColumn);
    m_view->horizontalHeader()->setSortIndicator(sortColumn, view.sortOrder);
    // Unfiltered, the column chosen last stays chosen when the table has it.
    const QString filterColumn = view.filterColumn.isEmpty()
        ? m_filterColumn->currentData().toString()
        : view.filterColumn;
    m_filterColumn->clear();
    for (int c = 0; c < m_model->columnCount(); ++c) {
        if (m_model->table() && m_model->table()->column(m_model->columnName(c)))
            m_filterColumn->addItem(m_model->headerData(c, Qt::Horizontal).toString(),
                                    m_model->columnName(c));
    }
    const int filterIndex = m_filterColumn->findData(filterColumn);
    if (filterIndex >= 0)
        m_filterColumn->setCurrentIndex(filterIndex);
    m_filterEdit->setText(view.filterText);
}

void DataBrowser::updateBreadcrumb()
{
    QList<BreadcrumbBar::Crumb> crumbs;
    for (int i = 0; i < m_steps.size(); ++i) {
        const Step &step = m_steps.at(i);
        if (i > 0)
            crumbs.append({step.rowCrumb, i - 1, step.sourceRow});
        crumbs.append({step.title, i, -1});
    }
    m_breadcrumb->setCrumbs(crumbs);
}

void DataBrowser::updateActions()
{
    const int row = currentRow();
    m_followMenu->clear();
    const ResolvedTable *table = m_model->table();
    if (table) {
        for (const ResolvedAssociation &a : m_schema->associations) {
            if (!a.valid || a.sourceTable != table->name)
                continue;
            const QString accessor = a.accessors().value(0);
            QAction *action = m_followMenu->addAction(accessor);
            action->setObjectName(accessor);
            action->setToolTip(tr("%1.%2(%3) as %4")
                                   .arg(a.source, associationTypeName(a.type), a.target, a.as));
            action->setEnabled(row >= 0);
            const AssociationId id = a.id;
            connect(action, &QAction::triggered, this, [this, id] { follow(currentRow(), id); });
        }
    }
    m_followButton->setEnabled(!m_followMenu->isEmpty());
    const bool related = m_model->listing().isAssociation();
    m_linkAction->setEnabled(related);
    m_createAction->setEnabled(related);
    m_unlinkAction->setEnabled(related && row >= 0);
}

void DataBrowser::applyFilter()
{
    m_model->setFilter(m_filterColumn->currentData().toString(), m_filterEdit->text().trimmed());
}

} // namespace Junction
