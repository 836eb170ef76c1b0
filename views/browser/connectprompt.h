// SPDX-License-Identifier: MIT
#pragma once

#include "connection.h"

#include <QDialog>

#include <optional>

class QLabel;
class QLineEdit;

namespace Junction {

// Asks where to connect as a URL (connectionurl.h: sqlite:shop.db, postgres://user@host/db,
// mariadb://user@host/db) and a password, which is kept in memory only. The last URL is
// remembered (without password). A stopgap until the connection manager offers the
// project's connections.
class ConnectPrompt : public QDialog
{
    Q_OBJECT

public:
    explicit ConnectPrompt(const QString &title, QWidget *parent = nullptr);

    QLineEdit *urlEdit() const { return m_url; }
    QLineEdit *passwordEdit() const { return m_password; }
    // The parsed spec; nullopt (and the reason shown) when the URL does not parse.
    std::optional<ConnectionSpec> spec();

    // Runs the prompt until a URL parses or the user cancels.
    static std::optional<ConnectionSpec> ask(QWidget *parent, const QString &title);

    void accept() override;

private:
    QLineEdit *m_url;
    QLineEdit *m_password;
    QLabel *m_error;
};

} // namespace Junction
