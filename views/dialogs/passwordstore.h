// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace Junction {

// Database passwords in the system keychain, through QtKeychain; nothing else ever holds
// them on disk. QtKeychain's plaintext fallback (a QSettings file) is switched off, always.
//
// Whether a keychain exists is learnt from QtKeychain's answers (0.13 has no
// isAvailable()): "no entry" or a password means there is one; "no backend", "access
// denied", "not implemented" or any other error (on Linux: no D-Bus session, no Secret
// Service or KWallet) means there is none for this session, and the callers ask for the
// password each time instead. probe() asks once up front; every read or write also updates
// the answer.
class PasswordStore : public QObject
{
    Q_OBJECT

public:
    enum class Backend { Unknown, Keychain, None };

    explicit PasswordStore(QObject *parent = nullptr,
                           const QString &service = QStringLiteral("Junction"));

    Backend backend() const { return m_backend; }
    bool hasKeychain() const { return m_backend == Backend::Keychain; }
    // Why there is no keychain, from QtKeychain's error ("D-Bus is not running").
    QString unavailableReason() const { return m_reason; }
    QString service() const { return m_service; }

    // The callbacks run on `context`'s thread (the UI thread), later, never from inside
    // the call; they are dropped if `context` goes first.
    using ReadCallback = std::function<void(std::optional<QString> password)>;
    using WriteCallback = std::function<void(bool ok, const QString &error)>;

    void probe(const QObject *context, std::function<void()> callback);
    // nullopt when there is no entry or no keychain.
    void read(const QString &key, const QObject *context, ReadCallback callback);
    // Refused (ok false) without a keychain: there is no other place a password may go.
    void write(const QString &key, const QString &password, const QObject *context,
               WriteCallback callback);
    void remove(const QString &key);
    // A write of `key` was started and has not finished yet.
    bool isWriting(const QString &key) const { return m_writing.contains(key); }

signals:
    void backendChanged(Junction::PasswordStore::Backend backend);

private:
    void learn(int error, const QString &errorString);

    QString m_service;
    Backend m_backend = Backend::Unknown;
    QString m_reason;
    QHash<QString, int> m_writing; // key -> writes in flight
};

} // namespace Junction
