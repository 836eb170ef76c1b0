// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

namespace Junction {

struct ChangeSet;
class Document;
class PasswordStore;
struct SavedConnection;

// Keeps the keychain's entries in step with the document's `connections`, whichever way
// they change: the Connections dialog, undo or redo.
//
// - A connection that goes (removed, or edited so it names another server, user or
//   database) takes its entry out of the keychain, so no password outlives its connection.
//   The password is kept in memory meanwhile, so that undo puts the entry back; it is
//   forgotten with the document.
// - A connection edited in place (same name, new key) carries its password to the new key,
//   unless the user typed one for it (the store is writing that key already) or the new key
//   has an entry of its own.
class KeychainFollower : public QObject
{
    Q_OBJECT

public:
    explicit KeychainFollower(PasswordStore *store, QObject *parent = nullptr);

    void setDocument(Document *document);

    // Passwords held for undo, for tests: how many.
    int heldCount() const { return int(m_held.size()); }

private:
    void documentChanged(const ChangeSet &changes);
    void connectionGone(const QString &key, const QString &carryTo);
    bool documentHasKey(const QString &key) const;

    PasswordStore *m_store;
    QPointer<Document> m_document;
    QList<SavedConnection> m_connections; // as they were after the last change
    QHash<QString, QString> m_held;       // key -> password of an entry taken out
};

} // namespace Junction
