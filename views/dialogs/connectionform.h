// SPDX-License-Identifier: MIT
#pragma once

#include "project.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;

namespace Junction {

// Edits one saved connection: its name and engine, for SQLite the file (Browse..., New
// database...), for PostgreSQL and MySQL/MariaDB host, port, database, user, SSL mode, and a
// password that is kept only in memory (the keychain gets it when "save" is ticked and
// there is a keychain; the project file never does).
class ConnectionForm : public QWidget
{
    Q_OBJECT

public:
    explicit ConnectionForm(QWidget *parent = nullptr);

    void setConnection(const SavedConnection &connection);
    SavedConnection connection() const; // unknown keys of the loaded one are kept

    QString password() const;
    void setPassword(const QString &password);
    bool savePassword() const;
    void setKeychainAvailable(bool available, const QString &reason);

signals:
    void edited(); // any field changed by the user
    // "New database...": the user picked where a new SQLite file goes.
    void createSqliteRequested(const QString &path);

private:
    void engineChanged();
    void browse();
    void createNew();

    SavedConnection m_loaded;
    QLineEdit *m_name;
    QComboBox *m_engine;
    QStackedWidget *m_pages;
    QLineEdit *m_file;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_database;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QCheckBox *m_savePassword;
    QComboBox *m_sslMode;
    bool m_loading = false;
};

} // namespace Junction
