// SPDX-License-Identifier: MIT
#include "passwordstore.h"

#include <qt6keychain/keychain.h>

#include <QPointer>
#include <QTimer>

namespace Junction {

namespace {

// The probe's entry: never written, so its answer is "not found" wherever a keychain works.
const QString probeKey = QStringLiteral("junction-keychain-probe");

template<typename Job> Job *makeJob(const QString &service, const QString &key)
{
    auto *job = new Job(service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plaintext file
    job->setKey(key);
    return job;
}

} // namespace

PasswordStore::PasswordStore(QObject *parent, const QString &service)
    : QObject(parent)
    , m_service(service)
{
}

void PasswordStore::learn(int error, const QString &errorString)
{
    Backend backend = m_backend;
    switch (error) {
    case QKeychain::NoError:
    case QKeychain::EntryNotFound:
        backend = Backend::Keychain;
        m_reason.clear();
        break;
    case QKeychain::AccessDeniedByUser:
        return; // the keychain is there; the user said no this time
    default:
        backend = Backend::None;
        m_reason = errorString;
        break;
    }
    if (backend != m_backend) {
        m_backend = backend;
        emit backendChanged(backend);
    }
}

void PasswordStore::probe(const QObject *context, std::function<void()> callback)
{
    read(probeKey, context, [callback](const std::optional<QString> &) { callback(); });
}

void PasswordStore::read(const QString &key, const QObject *context, ReadCallback callback)
{
    auto *job = makeJob<QKeychain::ReadPasswordJob>(m_service, key);
    QPointer<const QObject> guard(context);
    connect(job, &QKeychain::Job::finished, this, [this, job, guard, callback] {
        learn(job->error(), job->errorString());
        if (!guard)
            return;
        if (job->error() == QKeychain::NoError)
            callback(job->textData());
        else
            callback(std::nullopt);
    });
    job->start();
}

void PasswordStore::write(const QString &key, const QString &password, const QObject *context,
                          WriteCallback callback)
{
    QPointer<const QObject> guard(context);
    if (m_backend == Backend::None) {
        const QString reason = m_reason;
        QTimer::singleShot(0, this, [guard, callback, reason] {
            if (guard)
                callback(false, reason);
        });
        return;
    }
    auto *job = makeJob<QKeychain::WritePasswordJob>(m_service, key);
    job->setTextData(password);
    ++m_writing[key];
    connect(job, &QKeychain::Job::finished, this, [this, job, key, guard, callback] {
        if (--m_writing[key] == 0)
            m_writing.remove(key);
        learn(job->error(), job->errorString());
        if (guard)
            callback(job->error() == QKeychain::NoError, job->errorString());
    });
    job->start();
}

void PasswordStore::remove(const QString &key)
{
    if (m_backend == Backend::None)
        return;
    auto *job = makeJob<QKeychain::DeletePasswordJob>(m_service, key);
    connect(job, &QKeychain::Job::finished, this, [this, job] {
        if (job->error() != QKeychain::EntryNotFound)
            learn(job->error(), job->errorString());
    });
    job->start();
}

} // namespace Junction
