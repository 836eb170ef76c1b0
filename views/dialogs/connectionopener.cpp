// SPDX-License-Identifier: MIT
#include "connectionopener.h"

#include "connectionprofile.h"
#include "databasethread.h"
#include "passworddialog.h"
#include "passwordstore.h"

namespace Junction {

ConnectionOpener::ConnectionOpener(DatabaseThread *thread, PasswordStore *store,
                                   QWidget *dialogParent)
    : QObject(thread)
    , m_thread(thread)
    , m_store(store)
    , m_dialogParent(dialogParent)
{
}

void ConnectionOpener::open(const SavedConnection &connection, const QString &projectFilePath,
                            Done done, const std::optional<QString> &password, bool mustExist)
{
    m_connection = connection;
    m_projectFilePath = projectFilePath;
    m_mustExist = mustExist;
    m_done = std::move(done);
    m_lastError = {};
    if (!ConnectionProfile::needsPassword(connection)) {
        start(QString(), false, false);
        return;
    }
    if (password) {
        start(*password, false, false);
        return;
    }
    if (!m_store) {
        prompt(QString());
        return;
    }
    m_store->read(ConnectionProfile::key(connection), this,
                  [this](const std::optional<QString> &stored) {
                      if (stored)
                          start(*stored, true, false);
                      else
                          prompt(QString());
                  });
}

void ConnectionOpener::prompt(const QString &problem)
{
    const bool keychain = m_store && m_store->hasKeychain();
    auto *dialog
        = new PasswordDialog(ConnectionProfile::key(m_connection), problem, keychain,
                             m_store ? m_store->unavailableReason() : QString(), m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, dialog](int result) {
        if (result != QDialog::Accepted) {
            if (m_done)
                m_done(m_lastError, true);
            return;
        }
        start(dialog->password(), true, dialog->saveInKeychain());
    });
    dialog->open();
}

void ConnectionOpener::start(const QString &password, bool askAgain, bool save)
{
    if (!m_thread)
        return;
    ConnectionSpec spec = ConnectionProfile::spec(m_connection, m_projectFilePath, password);
    spec.mustExist = m_mustExist;
    m_thread->open(spec, this, [this, password, askAgain, save](const ConnectionError &error) {
        m_lastError = error;
        if (error.kind == ConnectionError::Kind::AuthenticationFailed && askAgain) {
            prompt(error.message);
            return;
        }
        if (!error.isError() && save && m_store)
            m_store->write(ConnectionProfile::key(m_connection), password, this,
                           [](bool, const QString &) {});
        if (m_done)
            m_done(error, false);
    });
}

} // namespace Junction
