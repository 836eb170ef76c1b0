// SPDX-License-Identifier: MIT
#include "syncdialog.h"

#include "commands/projectcommands.h"
#include "connectionopener.h"
#include "connectionprofile.h"
#include "databasethread.h"
#include "document.h"
#include "nativetypes.h"
#include "passwordstore.h"
#include "syncedhistory.h"
#include "syncplanmodel.h"
#include "syncplanner.h"
#include "syncrunner.h"
#include "validator.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

namespace Junction {

namespace {

// What a worker job hands back. Values only: they cross threads.
struct PlanOutcome
{
    std::optional<SyncPlan> plan; // the live schema it was made from stays on the worker
    QString error;
};

struct ApplyOutcome
{
    SyncResult result;
    QJsonObject entry; // the `synced` entry after the run (when it succeeded)
    std::optional<SyncPlanner::Planned> after; // the database read back, diffed in alter mode
    QString afterError;
};

QString modeName(SyncPlan::Mode mode)
{
    switch (mode) {
    case SyncPlan::Mode::Create:
        return SyncDialog::tr("Create missing tables");
    case SyncPlan::Mode::Alter:
        return SyncDialog::tr("Alter: make the database match the design");
    case SyncPlan::Mode::Force:
        return SyncDialog::tr("Force: drop the designed tables and create them again");
    }
    return {};
}

} // namespace

SyncDialog::SyncDialog(Document *document, PasswordStore *store, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_store(store)
    , m_connection(new QComboBox(this))
    , m_mode(new QComboBox(this))
    , m_planButton(new QPushButton(tr("&Plan"), this))
    , m_summary(new QLabel(this))
    , m_view(new QTreeView(this))
    , m_model(new SyncPlanModel(this))
    , m_sql(new QPlainTextEdit(this))
    , m_copyButton(new QPushButton(tr("&Copy SQL"), this))
    , m_saveButton(new QPushButton(tr("&Save SQL..."), this))
    , m_progress(new QProgressBar(this))
    , m_applyButton(new QPushButton(tr("&Apply"), this))
    , m_cancelButton(new QPushButton(tr("Ca&ncel"), this))
    , m_report(new QPlainTextEdit(this))
{
    setWindowTitle(tr("Sync with Database"));
    setObjectName(QStringLiteral("syncDialog"));
    m_connection->setObjectName(QStringLiteral("connectionCombo"));
    m_mode->setObjectName(QStringLiteral("modeCombo"));
    m_planButton->setObjectName(QStringLiteral("planButton"));
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_view->setObjectName(QStringLiteral("planView"));
    m_sql->setObjectName(QStringLiteral("sqlView"));
    m_copyButton->setObjectName(QStringLiteral("copySqlButton"));
    m_saveButton->setObjectName(QStringLiteral("saveSqlButton"));
    m_progress->setObjectName(QStringLiteral("progressBar"));
    m_applyButton->setObjectName(QStringLiteral("applyButton"));
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_report->setObjectName(QStringLiteral("reportView"));

    if (m_document) {
        for (const SavedConnection &c : m_document->project().connections)
            m_connection->addItem(QStringLiteral("%1 (%2)").arg(c.name, ConnectionProfile::key(c)),
                                  c.name);
    }
    for (SyncPlan::Mode mode :
         {SyncPlan::Mode::Create, SyncPlan::Mode::Alter, SyncPlan::Mode::Force})
        m_mode->addItem(modeName(mode), int(mode));

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("&Connection:"), this));
    top->addWidget(m_connection, 2);
    top->addWidget(new QLabel(tr("&Mode:"), this));
    top->addWidget(m_mode, 2);
    top->addWidget(m_planButton);
    static_cast<QLabel *>(top->itemAt(0)->widget())->setBuddy(m_connection);
    static_cast<QLabel *>(top->itemAt(2)->widget())->setBuddy(m_mode);

    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setText(tr("Choose a connection and a mode, then Plan: nothing changes in the "
                          "database until you Apply."));

    m_view->setModel(m_model);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->header()->setStretchLastSection(true);

    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_sql->setReadOnly(true);
    m_sql->setFont(fixed);
    m_sql->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_sql->setPlaceholderText(tr("The SQL that Apply sends appears here."));
    auto *sqlPane = new QWidget(this);
    auto *sqlLayout = new QVBoxLayout(sqlPane);
    sqlLayout->setContentsMargins(0, 0, 0, 0);
    sqlLayout->addWidget(m_sql);
    auto *sqlButtons = new QHBoxLayout;
    sqlButtons->addStretch();
    sqlButtons->addWidget(m_copyButton);
    sqlButtons->addWidget(m_saveButton);
    sqlLayout->addLayout(sqlButtons);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(sqlPane);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    m_report->setReadOnly(true);
    m_report->setFont(fixed);
    m_report->setMaximumHeight(110);
    m_report->setPlaceholderText(tr("The result of Apply is reported here."));

    m_progress->setTextVisible(true);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_progress, 1);
    bottom->addWidget(m_applyButton);
    bottom->addWidget(m_cancelButton);
    auto *close = new QPushButton(tr("Close"), this);
    close->setObjectName(QStringLiteral("closeButton"));
    bottom->addWidget(close);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_report);
    layout->addLayout(bottom);

    connect(m_planButton, &QPushButton::clicked, this, &SyncDialog::plan);
    connect(m_applyButton, &QPushButton::clicked, this, &SyncDialog::apply);
    connect(m_cancelButton, &QPushButton::clicked, this, &SyncDialog::cancelWork);
    connect(close, &QPushButton::clicked, this, &SyncDialog::reject);
    connect(m_copyButton, &QPushButton::clicked, this, &SyncDialog::copySql);
    connect(m_saveButton, &QPushButton::clicked, this, &SyncDialog::saveSqlAs);
    connect(m_model, &SyncPlanModel::tickedChanged, this, &SyncDialog::updateSql);
    // A plan is for one connection and mode: choosing another one asks for a new plan.
    const auto stale = [this] {
        if (m_state == State::Planned || m_state == State::Done) {
            m_model->setPlan(SyncPlan());
            setState(State::Idle);
        }
    };
    connect(m_connection, &QComboBox::currentIndexChanged, this, stale);
    connect(m_mode, &QComboBox::currentIndexChanged, this, stale);

    m_progressTimer.setInterval(50);
    connect(&m_progressTimer, &QTimer::timeout, this, [this] {
        if (m_sent)
            m_progress->setValue(qMin(m_total, m_sent->load()));
    });

    setState(State::Idle);
    resize(980, 720);
}

SyncDialog::~SyncDialog() = default;

void SyncDialog::setConnection(const QString &name)
{
    const int index = m_connection->findData(name);
    if (index >= 0)
        m_connection->setCurrentIndex(index);
}

void SyncDialog::setMode(SyncPlan::Mode mode)
{
    m_mode->setCurrentIndex(m_mode->findData(int(mode)));
}

void SyncDialog::setState(State state)
{
    m_state = state;
    const bool busy
        = state == State::Connecting || state == State::Planning || state == State::Applying;
    m_connection->setEnabled(!busy);
    m_mode->setEnabled(!busy);
    m_planButton->setEnabled(!busy && m_connection->count() > 0);
    m_cancelButton->setEnabled(state == State::Planning || state == State::Applying);
    const SyncPlan &plan = m_model->plan();
    m_applyButton->setEnabled(state == State::Planned && !plan.isEmpty() && !plan.hasBlocked()
                              && !m_model->selectedPlan().isEmpty());
    m_copyButton->setEnabled(state == State::Planned || state == State::Done);
    m_saveButton->setEnabled(state == State::Planned || state == State::Done);
    if (busy && state != State::Applying) {
        m_progress->setRange(0, 0); // busy: reading the catalog has no count to show
    } else if (!busy) {
        m_progressTimer.stop();
        m_progress->setRange(0, 1);
        m_progress->setValue(state == State::Done ? 1 : 0);
    }
    emit stateChanged(state);
}

void SyncDialog::showError(const QString &text)
{
    m_summary->setText(text);
    m_summary->setStyleSheet(QStringLiteral("color: #b3261e"));
}

void SyncDialog::plan()
{
    if (!m_document || m_connection->currentIndex() < 0)
        return;
    m_clock.start();
    m_planMs = -1;
    m_summary->setStyleSheet(QString());
    m_report->clear();
    m_model->setPlan(SyncPlan());
    const QString name = m_connection->currentData().toString();
    const auto &connections = m_document->project().connections;
    const auto it = std::find_if(connections.begin(), connections.end(),
                                 [&](const SavedConnection &c) { return c.name == name; });
    if (it == connections.end())
        return;
    const SavedConnection saved = *it;

    const Dialect::Kind dialect = NativeTypes::dialectOf(ConnectionProfile::engine(saved));
    m_design = m_document->resolved();
    m_project = m_document->project();
    m_dialect = dialect;
    m_connectionName = saved.name;
    m_key = ConnectionProfile::key(saved);
    m_entryBefore = SyncedHistory::entry(m_document->project(), m_key);
    m_plannedMode = SyncPlan::Mode(m_mode->currentData().toInt());

    if (!m_thread) {
        m_thread = new DatabaseThread(this);
        m_opener = new ConnectionOpener(m_thread, m_store, this);
    }
    if (m_openConnection == saved.name) {
        startPlanning();
        return;
    }
    m_openConnection.clear();
    setState(State::Connecting);
    m_summary->setText(tr("Connecting to %1...").arg(m_key));
    m_opener->open(saved, m_document->filePath(),
                   [this, name = saved.name](const ConnectionError &error, bool cancelled) {
                       if (error.isError() || cancelled) {
                           setState(State::Idle);
                           showError(error.isError() ? error.message
                                                     : tr("Not connected: no password given."));
                           return;
                       }
                       m_openConnection = name;
                       startPlanning();
                   });
}

void SyncDialog::startPlanning()
{
    setState(State::Planning);
    const quint64 generation = ++m_generation;
    m_summary->setText(tr("Reading %1 and counting what the plan would touch...").arg(m_key));
    const ResolvedSchema design = m_design;
    const Project project = m_project;
    const Dialect::Kind dialect = m_dialect;
    const QJsonObject entry = m_entryBefore;
    const SyncPlan::Mode mode = m_plannedMode;
    m_thread->run(
        [design, project, dialect, entry, mode](Connection &connection, const std::atomic_bool &) {
            PlanOutcome outcome;
            // As junction-cli sync: a project with errors for this database's dialect gets
            // no plan. Validated here, off the UI thread (it takes a while on a big schema).
            const Diagnostics diagnostics = validateProject(project, design, {dialect});
            if (hasErrors(diagnostics)) {
                QStringList lines;
                for (const Diagnostic &d : diagnostics) {
                    if (d.severity == Diagnostic::Severity::Error && lines.size() < 5)
                        lines << d.message;
                }
                outcome.error
                    = SyncDialog::tr("the project has errors for %1, so there is "
                                     "nothing to sync yet:\n%2")
                          .arg(Dialect::get(dialect).displayName(), lines.join(QLatin1Char('\n')));
                return outcome;
            }
            if (auto planned = SyncPlanner::plan(design, connection, entry, mode, &outcome.error))
                outcome.plan = std::move(planned->plan);
            return outcome;
        },
        this,
        [this, generation](PlanOutcome outcome) {
            // Cancelled meanwhile, or a newer plan was asked for.
            if (m_state != State::Planning || generation != m_generation)
                return;
            if (!outcome.plan) {
                setState(State::Idle);
                showError(tr("Cannot plan the sync with %1: %2").arg(m_key, outcome.error));
                return;
            }
            showPlan(*outcome.plan);
        });
}

void SyncDialog::showPlan(const SyncPlan &plan)
{
    m_model->setPlan(plan);
    m_view->expandAll();
    for (int column = 0; column < SyncPlanModel::SqlColumn; ++column)
        m_view->resizeColumnToContents(column);
    const int destructive = m_model->destructiveCount();
    QString summary;
    if (plan.isEmpty()) {
        summary = tr("%1 already matches the design").arg(m_key);
        if (plan.mode == SyncPlan::Mode::Create && plan.differencesNotApplied > 0)
            summary += tr(" as far as creating goes; %n other difference(s) need the Alter mode",
                          nullptr, plan.differencesNotApplied);
        summary += QLatin1Char('.');
    } else {
        const QString where = tr("for %1 (%2, %3 mode)")
                                  .arg(m_key, Dialect::get(plan.dialect).displayName(),
                                       SyncPlan::modeName(plan.mode));
        summary = plan.changes.size() == 1
            ? tr("1 change %1").arg(where)
            : tr("%1 changes %2").arg(plan.changes.size()).arg(where);
        if (destructive == 1)
            summary += tr("; 1 destructive change loses data and runs only when ticked");
        else if (destructive > 1)
            summary += tr("; %1 destructive changes lose data and run only when ticked")
                           .arg(destructive);
        if (plan.hasBlocked())
            summary += tr("; some changes are blocked, so nothing can be applied");
        if (plan.mode == SyncPlan::Mode::Create && plan.differencesNotApplied > 0)
            summary += tr("; %n other difference(s) need the Alter mode", nullptr,
                          plan.differencesNotApplied);
        if (!plan.unmatchedTables.isEmpty())
            summary += tr("; tables the design does not have: %1")
                           .arg(plan.unmatchedTables.join(QStringLiteral(", ")));
        summary += QLatin1Char('.');
    }
    m_summary->setText(summary);
    setState(State::Planned);
    updateSql();
    m_planMs = m_clock.elapsed();
}

QString SyncDialog::sqlText() const
{
    const SyncPlan selected = m_model->selectedPlan();
    if (selected.isEmpty())
        return {};
    // One batch: a PostgreSQL plan too large for its lock table is split when it runs, and
    // the report says into how many transactions.
    QList<int> all;
    for (int i = 0; i < selected.changes.size(); ++i)
        all << i;
    return SyncRunner::script(selected, {all});
}

void SyncDialog::updateSql()
{
    m_sql->setPlainText(sqlText());
    if (m_state == State::Planned)
        setState(State::Planned); // Apply depends on what is ticked
}

void SyncDialog::copySql()
{
    QApplication::clipboard()->setText(sqlText());
}

bool SyncDialog::saveSql(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(sqlText().toUtf8()) < 0 || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

void SyncDialog::saveSqlAs()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save SQL"), QString(),
                                                      tr("SQL files (*.sql);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveSql(path, &error))
        showError(tr("Cannot save %1: %2").arg(QDir::toNativeSeparators(path), error));
}

void SyncDialog::apply()
{
    if (m_state != State::Planned || !m_thread)
        return;
    const SyncPlan selected = m_model->selectedPlan();
    if (selected.isEmpty() || selected.hasBlocked())
        return;
    m_total = 0;
    for (const PlanChange &change : selected.changes)
        m_total += int(change.sql().size());
    m_sent = std::make_shared<std::atomic_int>(0);
    setState(State::Applying);
    m_progress->setRange(0, qMax(1, m_total));
    m_progress->setValue(0);
    m_progressTimer.start();
    m_summary->setStyleSheet(QString());
    m_summary->setText(tr("Applying %n statement(s) to %1...", nullptr, m_total).arg(m_key));

    const ResolvedSchema design = m_design;
    const QJsonObject entryBefore = m_entryBefore;
    const std::shared_ptr<std::atomic_int> sent = m_sent;
    const int leftOut = m_model->destructiveCount() - m_model->tickedCount();
    m_thread->run(
        [selected, design, entryBefore, sent](Connection &connection,
                                              const std::atomic_bool &cancelled) {
            ApplyOutcome outcome;
            SyncRunOptions options;
            // What is destructive in `selected` was ticked: the others were left out.
            options.allowDataLoss = true;
            options.cancelled = &cancelled;
            options.progress = [sent](int done, int) { sent->store(done); };
            outcome.result = SyncRunner::run(connection, selected, options);
            if (!outcome.result.ok)
                return outcome;
            outcome.entry = SyncedHistory::updatedEntry(entryBefore, selected,
                                                        QDateTime::currentDateTimeUtc());
            outcome.after = SyncPlanner::plan(design, connection, outcome.entry,
                                              SyncPlan::Mode::Alter, &outcome.afterError);
            return outcome;
        },
        this,
        [this, selected, leftOut](ApplyOutcome outcome) {
            m_progressTimer.stop();
            const SyncResult &result = outcome.result;
            QStringList lines;
            const auto destructiveRan = selected.destructiveChanges();
            if (result.ok) {
                lines << tr("Synced %1: %n statement(s)", nullptr, int(result.executed.size()))
                             .arg(m_key)
                        + (result.batches > 1 ? tr(" in %1 transactions").arg(result.batches)
                                              : QString())
                        + QLatin1Char('.');
                for (const PlanChange *c : destructiveRan)
                    lines << tr("  ran (destructive): %1").arg(c->reason);
                if (leftOut > 0)
                    lines << (leftOut == 1
                                  ? tr("1 destructive change was left out: it was not ticked.")
                                  : tr("%1 destructive changes were left out: they were not "
                                       "ticked.")
                                        .arg(leftOut));
                if (outcome.after) {
                    const int remaining = int(outcome.after->plan.changes.size());
                    lines << (remaining == 0
                                  ? tr("The database now matches the design.")
                                  : tr("The database still differs from the design in %n place(s).",
                                       nullptr, remaining));
                } else {
                    lines << tr("Could not read the database back: %1").arg(outcome.afterError);
                }
            } else if (result.cancelled || (m_state == State::Applying && m_cancelRequested)) {
                lines << tr("Cancelled.");
            }
            if (!result.ok) {
                if (!result.cancelled && !m_cancelRequested)
                    lines << tr("Sync failed: %1").arg(result.error);
                if (!result.failedStatement.isEmpty() && !result.cancelled)
                    lines << tr("  failed: %1").arg(result.failedStatement.simplified());
                if (result.databaseUnchanged) {
                    lines << tr("Nothing was changed: the database is exactly as before.");
                } else if (m_thread->engine() == ConnectionSpec::Engine::MySql) {
                    lines << tr("%n statement(s) ran and stay applied (MySQL/MariaDB commits DDL "
                                "at once); fix the cause and sync again to finish:",
                                nullptr, int(result.executed.size()));
                    for (const QString &s : result.executed)
                        lines << QStringLiteral("  ran: ") + s.simplified();
                } else {
                    lines << tr("%1 of %2 transaction(s) were committed; sync again to finish.")
                                 .arg(result.committedBatches)
                                 .arg(result.batches);
                }
            }
            m_cancelRequested = false;
            m_report->setPlainText(lines.join(QLatin1Char('\n')));
            if (!result.ok) {
                setState(State::Idle);
                m_summary->setText(result.cancelled ? tr("Cancelled; plan again to continue.")
                                                    : tr("The sync did not finish; see below."));
                return;
            }
            setState(State::Done);
            m_summary->setText(tr("Synced with %1.").arg(m_connectionName));
            if (m_document) {
                QJsonObject synced = m_document->project().synced;
                synced.insert(m_key, outcome.entry);
                if (auto command = Commands::recordSync(*m_document, synced, m_connectionName))
                    m_document->push(std::move(command));
            }
            if (outcome.after) {
                SyncBaseline baseline;
                baseline.connection = m_connectionName;
                baseline.key = m_key;
                baseline.dialect = selected.dialect;
                baseline.live = outcome.after->live;
                emit baselineReady(baseline);
            }
        });
}

void SyncDialog::cancelWork()
{
    if (!m_thread)
        return;
    if (m_state == State::Planning) {
        m_thread->cancel();
        setState(State::Idle);
        m_summary->setText(tr("Planning cancelled."));
    } else if (m_state == State::Applying) {
        m_cancelRequested = true;
        m_cancelButton->setEnabled(false);
        m_summary->setText(tr("Cancelling: the running statement is interrupted and the "
                              "transaction rolled back..."));
        m_thread->cancel();
    }
}

void SyncDialog::reject()
{
    // Never close over a running apply: the report must be seen.
    if (m_state == State::Applying)
        return;
    if (m_state == State::Planning && m_thread)
        m_thread->cancel();
    QDialog::reject();
}

} // namespace Junction
