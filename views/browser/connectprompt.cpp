// SPDX-License-Identifier: MIT
#include "connectprompt.h"

#include "connectionurl.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>

namespace Junction {

namespace {
const char urlKey[] = "database/lastUrl";
}

ConnectPrompt::ConnectPrompt(const QString &title, QWidget *parent)
    : QDialog(parent)
    , m_url(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(title);
    m_url->setObjectName(QStringLiteral("connectUrl"));
    m_url->setPlaceholderText(QStringLiteral("postgres://user@localhost:5432/shop"));
    m_url->setText(QSettings().value(QLatin1String(urlKey)).toString());
    m_url->setMinimumWidth(380);
    m_password->setObjectName(QStringLiteral("connectPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("not stored"));
    m_error->setObjectName(QStringLiteral("connectError"));
    m_error->setStyleSheet(QStringLiteral("color: #8a1c17"));
    m_error->setWordWrap(true);
    m_error->hide();

    auto *file = new QPushButton(tr("SQLite File..."), this);
    connect(file, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("SQLite Database"), {},
                                                          tr("SQLite databases (*.db *.sqlite "
                                                             "*.sqlite3);;All files (*)"));
        if (!path.isEmpty())
            m_url->setText(QStringLiteral("sqlite:") + path);
    });
    auto *urlRow = new QHBoxLayout;
    urlRow->addWidget(m_url, 1);
    urlRow->addWidget(file);

    auto *form = new QFormLayout;
    form->addRow(tr("Database &URL:"), urlRow);
    form->addRow(tr("&Password:"), m_password);
    auto *hint = new QLabel(tr("sqlite:FILE, postgres://USER@HOST:PORT/DATABASE or "
                               "mariadb://USER@HOST:PORT/DATABASE"),
                            this);
    hint->setEnabled(false);
    form->addRow(QString(), hint);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectPrompt::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

std::optional<ConnectionSpec> ConnectPrompt::spec()
{
    QString error;
    std::optional<ConnectionSpec> spec = ConnectionUrl::parse(m_url->text().trimmed(), &error);
    if (!spec) {
        m_error->setText(error);
        m_error->show();
        return std::nullopt;
    }
    spec->password = m_password->text();
    return spec;
}

void ConnectPrompt::accept()
{
    if (!spec())
        return;
    QSettings().setValue(QLatin1String(urlKey), m_url->text().trimmed());
    QDialog::accept();
}

std::optional<ConnectionSpec> ConnectPrompt::ask(QWidget *parent, const QString &title)
{
    ConnectPrompt prompt(title, parent);
    if (prompt.exec() != QDialog::Accepted)
        return std::nullopt;
    return prompt.spec();
}

} // namespace Junction
