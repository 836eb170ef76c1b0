// SPDX-License-Identifier: MIT
#pragma once

#include "catalogreader.h"
#include "dialect.h"
#include "project.h"
#include "resolvedschema.h"
#include "syncplan.h"

#include <QDialog>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>

#include <atomic>
#include <memory>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTreeView;

namespace Junction {

class ConnectionOpener;
class DatabaseThread;
class Document;
class PasswordStore;
class SyncPlanModel;

// What the window needs to know after a successful sync: the database as read back right
// after it, to mark what still differs and what the user changes later (SyncStatus).
struct SyncBaseline
{
    QString connection; // the saved connection's name
    QString key; // its `synced` key (URL without password)
    Dialect::Kind dialect = Dialect::Kind::Sqlite;
    LiveSchema live;
};

// Sync the project to one of its connections: pick the connection and the mode (create
// missing, alter, force), plan on the connection's own thread (the UI never waits on the
// database), look at the plan grouped by table with the destructive changes apart, each
// with its reason and live count and its own checkbox (off by default), copy or save the
// SQL, apply with progress and cancel, read the report. Only the ticked destructive changes
// run. After a successful apply the project's `synced` entry is recorded (one undoable
// step) and baselineReady() hands the database as it now is to the window.
class SyncDialog : public QDialog
{
    Q_OBJECT

public:
    enum class State { Idle, Connecting, Planning, Planned, Applying, Done };

    SyncDialog(Document *document, PasswordStore *store, QWidget *parent = nullptr);
    ~SyncDialog() override;

    void setConnection(const QString &name);
    void setMode(SyncPlan::Mode mode);

    State state() const { return m_state; }
    SyncPlanModel *planModel() const { return m_model; }
    QTreeView *planView() const { return m_view; }
    QPlainTextEdit *sqlView() const { return m_sql; }
    QPlainTextEdit *reportView() const { return m_report; }
    QLabel *summaryLabel() const { return m_summary; }
    QPushButton *planButton() const { return m_planButton; }
    QPushButton *applyButton() const { return m_applyButton; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    QProgressBar *progressBar() const { return m_progress; }
    // Milliseconds from "Plan" to the view filled, for the benchmark.
    qint64 lastPlanMilliseconds() const { return m_planMs; }

    // The SQL Apply would send now (the ticked destructive changes included, the others not).
    QString sqlText() const;
    bool saveSql(const QString &path, QString *error = nullptr) const;

signals:
    void stateChanged(Junction::SyncDialog::State state);
    void baselineReady(const Junction::SyncBaseline &baseline);

protected:
    void reject() override;

private:
    void plan();
    void startPlanning();
    void showPlan(const SyncPlan &plan);
    void apply();
    void cancelWork();
    void setState(State state);
    void updateSql();
    void copySql();
    void saveSqlAs();
    void showError(const QString &text);

    QPointer<Document> m_document;
    QPointer<PasswordStore> m_store;
    DatabaseThread *m_thread = nullptr;
    ConnectionOpener *m_opener = nullptr;
    QString m_openConnection; // the connection m_thread has open ("" none)
    State m_state = State::Idle;

    // What the plan was made for.
    ResolvedSchema m_design;
    Project m_project;
    Dialect::Kind m_dialect = Dialect::Kind::Sqlite;
    QString m_key;
    QString m_connectionName;
    QJsonObject m_entryBefore;
    SyncPlan::Mode m_plannedMode = SyncPlan::Mode::Create;

    QComboBox *m_connection;
    QComboBox *m_mode;
    QPushButton *m_planButton;
    QLabel *m_summary;
    QTreeView *m_view;
    SyncPlanModel *m_model;
    QPlainTextEdit *m_sql;
    QPushButton *m_copyButton;
    QPushButton *m_saveButton;
    QProgressBar *m_progress;
    QPushButton *m_applyButton;
    QPushButton *m_cancelButton;
    QPlainTextEdit *m_report;

    // Apply progress: the worker counts statements, a timer shows them (no signal may
    // reach a dialog that is being destroyed).
    std::shared_ptr<std::atomic_int> m_sent;
    int m_total = 0;
    QTimer m_progressTimer;
    QElapsedTimer m_clock;
    qint64 m_planMs = -1;
    bool m_cancelRequested = false;
    quint64 m_generation = 0; // of the plan in flight: older results are dropped
};

} // namespace Junction

Q_DECLARE_METATYPE(Junction::SyncBaseline)
