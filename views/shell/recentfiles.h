// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>

class QMenu;
class QWidget;

namespace Junction {

// File > Open Recent, kept in QSettings under "recentFiles": most recent first, at most
// maximumCount, absolute paths. A file that is gone when chosen is taken off the list and
// the user told so; the list is not pruned behind the user's back (a network drive may only
// be offline).
class RecentFiles : public QObject
{
    Q_OBJECT

public:
    // Fills `menu` (and keeps it up to date); messages go to `window`.
    RecentFiles(QMenu *menu, QWidget *window);

    static constexpr int maximumCount = 10;

    QStringList files() const;
    void add(const QString &path);
    void remove(const QString &path);
    void clear();

signals:
    // A listed file that exists was chosen.
    void fileRequested(const QString &path);

private:
    void setFiles(const QStringList &files);
    void rebuildMenu();
    void choose(const QString &path);

    QPointer<QMenu> m_menu;
    QWidget *m_window;
};

} // namespace Junction
