// SPDX-License-Identifier: MIT
#pragma once

#include "catalogreader.h"
#include "connection.h"
#include "diagnostic.h"
#include "project.h"

#include <QDialog>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace Junction {

class DatabaseThread;

// File > New Project from Database: connects (on its own DatabaseThread), lists the
// schemas (PostgreSQL schemas, MariaDB databases, SQLite main) and the tables of the chosen
// one, checkable with "select all", and imports the checked tables with SchemaImporter
// (inferred associations; a foreign key to a table left out becomes a plain column, with a
// warning). Every read runs off the UI thread, with the stage shown and Cancel to stop it.
// On success the dialog is accepted and importedProject() holds the project (no layout:
// the caller lays it out).
class ImportDialog : public QDialog
{
    Q_OBJECT

public:
    // Opens its own connection from `spec`.
    explicit ImportDialog(const ConnectionSpec &spec, QWidget *parent = nullptr);
    // On a connection already open (ConnectionChooser), which it takes over.
    explicit ImportDialog(std::unique_ptr<DatabaseThread> opened, QWidget *parent = nullptr);
    ~ImportDialog() override;

    QComboBox *schemaBox() const { return m_schemas; }
    QListWidget *tableList() const { return m_tables; }
    QCheckBox *selectAllBox() const { return m_selectAll; }
    QPushButton *importButton() const { return m_import; }
    QProgressBar *progressBar() const { return m_progress; }
    QString statusText() const;
    bool isBusy() const { return m_busy; }

    const std::optional<Project> &importedProject() const { return m_project; }
    // The importer's warnings (what the project cannot state exactly).
    const Diagnostics &diagnostics() const { return m_diagnostics; }

    void reject() override;

private:
    ImportDialog(std::unique_ptr<DatabaseThread> opened, QWidget *parent, bool connected);
    void listSchemas();
    void setBusy(const QString &stage);
    void setIdle(const QString &status, bool error = false);
    void readSchema(const QString &schema);
    void showTables();
    void startImport();
    void updateSelectAll();

    ConnectionSpec m_spec;
    std::unique_ptr<DatabaseThread> m_database;
    LiveSchema m_live;
    std::optional<Project> m_project;
    Diagnostics m_diagnostics;
    bool m_busy = false;
    bool m_updatingChecks = false;
    quint64 m_generation = 0; // bumped by Cancel: later answers of older jobs are dropped

    QComboBox *m_schemas;
    QListWidget *m_tables;
    QCheckBox *m_selectAll;
    QProgressBar *m_progress;
    QLabel *m_status;
    QPushButton *m_import;
    QPushButton *m_cancel;
};

} // namespace Junction
