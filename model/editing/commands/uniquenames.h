// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QSet>
#include <QString>

#include <utility>

namespace Junction {

// The first of `name`, name2, name3, ... that is not in `taken`; a trailing number counts on:
// "User" -> "User2", "User2" -> "User3", "Model10" -> "Model11". An empty name uses `fallback`.
QString uniqueName(const QString &name, const QSet<QString> &taken,
                   const QString &fallback = QStringLiteral("Model"));

// The same for many names at once (a paste), each one taken as it is handed out. It remembers
// which numbers of a stem it found taken, so pasting Model7 and Model14 into a project of
// Model0 ... Model9999 walks that run of numbers once, not once per name.
class UniqueNames
{
public:
    explicit UniqueNames(QSet<QString> taken = {});

    QString take(const QString &name, const QString &fallback = QStringLiteral("Model"));
    void insert(const QString &name) { m_taken.insert(name); }

private:
    QSet<QString> m_taken;
    QHash<QString, std::pair<qint64, qint64>> m_takenRun; // stem -> [first, last) all taken
};

} // namespace Junction
