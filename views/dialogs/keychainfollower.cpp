// SPDX-License-Identifier: MIT
#include "keychainfollower.h"

#include "change.h"
#include "connectionprofile.h"
#include "document.h"
#include "passwordstore.h"

#include <QSet>

namespace Junction {

KeychainFollower::KeychainFollower(PasswordStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
}

void KeychainFollower::setDocument(Document *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    // The held passwords served the old document's undo stack, which is gone with it.
    m_held.clear();
    m_connections = document ? document->project().connections : QList<SavedConnection>();
    if (document)
        connect(document, &Document::changed, this, &KeychainFollower::documentChanged);
}

bool KeychainFollower::documentHasKey(const QString &key) const
{
    if (!m_document)
        return false;
    for (const SavedConnection &connection : m_document->project().connections) {
        if (ConnectionProfile::key(connection) == key)
            return true;
    }
    return false;
}

void KeychainFollower::documentChanged(const ChangeSet &changes)
{
    if (!(changes.changes & Change::Connections) || !m_document)
        return;
    const QList<SavedConnection> before = m_connections;
    m_connections = m_document->project().connections;
    if (!m_store->hasKeychain())
        return;

    QHash<QString, QString> keyBefore; // name -> key
    QSet<QString> keysBefore;
    for (const SavedConnection &connection : before) {
        const QString key = ConnectionProfile::key(connection);
        keyBefore.insert(connection.name, key);
        keysBefore.insert(key);
    }
    QSet<QString> keysAfter;
    QHash<QString, QString> carry; // old key -> new key of a connection edited in place
    for (const SavedConnection &connection : std::as_const(m_connections)) {
        const QString key = ConnectionProfile::key(connection);
        keysAfter.insert(key);
        const auto old = keyBefore.constFind(connection.name);
        if (old != keyBefore.cend() && *old != key)
            carry.insert(*old, key);
    }

    // Back first (undo of a removal), so that a carried password never overwrites it.
    for (const QString &key : std::as_const(keysAfter)) {
        if (keysBefore.contains(key))
            continue;
        const auto held = m_held.constFind(key);
        if (held == m_held.cend())
            continue;
        m_store->write(key, *held, this, [](bool, const QString &) {});
        m_held.remove(key);
    }
    for (const QString &key : std::as_const(keysBefore)) {
        if (!keysAfter.contains(key))
            connectionGone(key, carry.value(key));
    }
}

void KeychainFollower::connectionGone(const QString &key, const QString &carryTo)
{
    m_store->read(key, this, [this, key, carryTo](const std::optional<QString> &password) {
        // Undone (or the key is back for another connection) before the keychain answered.
        if (!password || documentHasKey(key))
            return;
        m_held.insert(key, *password);
        m_store->remove(key);
        if (carryTo.isEmpty() || m_store->isWriting(carryTo) || m_held.contains(carryTo))
            return;
        const QString carried = *password;
        m_store->read(carryTo, this, [this, carryTo, carried](const std::optional<QString> &own) {
            if (!own && documentHasKey(carryTo) && !m_store->isWriting(carryTo))
                m_store->write(carryTo, carried, this, [](bool, const QString &) {});
        });
    });
}

} // namespace Junction
