// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace Junction {

// Asks for one connection's password. "Save in the system keychain" is offered only when
// there is a keychain; without one the dialog says so and that it will ask again next time.
class PasswordDialog : public QDialog
{
    Q_OBJECT

public:
    PasswordDialog(const QString &connection, const QString &problem, bool keychain,
                   const QString &noKeychainReason, QWidget *parent = nullptr);

    QString password() const;
    bool saveInKeychain() const;

private:
    QLineEdit *m_password;
    QCheckBox *m_save;
};

} // namespace Junction
