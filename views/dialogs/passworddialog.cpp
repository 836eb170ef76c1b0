// SPDX-License-Identifier: MIT
#include "passworddialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace Junction {

PasswordDialog::PasswordDialog(const QString &connection, const QString &problem, bool keychain,
                               const QString &noKeychainReason, QWidget *parent)
    : QDialog(parent)
    , m_password(new QLineEdit(this))
    , m_save(new QCheckBox(tr("Save in the system keychain"), this))
{
    setWindowTitle(tr("Password"));
    setObjectName(QStringLiteral("passwordDialog"));
    auto *layout = new QVBoxLayout(this);
    if (!problem.isEmpty()) {
        auto *problemLabel = new QLabel(problem, this);
        problemLabel->setObjectName(QStringLiteral("problemLabel"));
        problemLabel->setWordWrap(true);
        problemLabel->setStyleSheet(QStringLiteral("color: #b3261e"));
        layout->addWidget(problemLabel);
    }
    auto *prompt = new QLabel(tr("Password for %1:").arg(connection), this);
    prompt->setWordWrap(true);
    layout->addWidget(prompt);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    layout->addWidget(m_password);
    m_save->setObjectName(QStringLiteral("saveInKeychain"));
    m_save->setEnabled(keychain);
    m_save->setChecked(keychain);
    layout->addWidget(m_save);
    if (!keychain) {
        auto *note = new QLabel(
            tr("No system keychain is available%1, so the password is not saved anywhere and "
               "Junction asks for it each time.")
                .arg(noKeychainReason.isEmpty() ? QString()
                                                : QStringLiteral(" (%1)").arg(noKeychainReason)),
            this);
        note->setObjectName(QStringLiteral("noKeychainNote"));
        note->setWordWrap(true);
        layout->addWidget(note);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(420, sizeHint().height());
}

QString PasswordDialog::password() const
{
    return m_password->text();
}

bool PasswordDialog::saveInKeychain() const
{
    return m_save->isEnabled() && m_save->isChecked();
}

} // namespace Junction
