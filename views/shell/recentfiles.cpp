// SPDX-License-Identifier: MIT
#include "recentfiles.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>

namespace Junction {

namespace {

const QString settingsKey = QStringLiteral("recentFiles");

} // namespace

RecentFiles::RecentFiles(QMenu *menu, QWidget *window)
    : QObject(menu)
    , m_menu(menu)
    , m_window(window)
{
    rebuildMenu();
    // Another window may have opened files since: list what the settings hold now.
    connect(menu, &QMenu::aboutToShow, this, &RecentFiles::rebuildMenu);
}

QStringList RecentFiles::files() const
{
    return QSettings().value(settingsKey).toStringList();
}

void RecentFiles::add(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = files();
    list.removeAll(absolute);
    list.prepend(absolute);
    setFiles(list.mid(0, maximumCount));
}

void RecentFiles::remove(const QString &path)
{
    QStringList list = files();
    if (list.removeAll(QFileInfo(path).absoluteFilePath()) > 0)
        setFiles(list);
}

void RecentFiles::clear()
{
    setFiles({});
}

void RecentFiles::setFiles(const QStringList &files)
{
    QSettings settings;
    if (files.isEmpty())
        settings.remove(settingsKey);
    else
        settings.setValue(settingsKey, files);
    rebuildMenu();
}

void RecentFiles::rebuildMenu()
{
    if (!m_menu)
        return;
    m_menu->clear();
    const QStringList list = files();
    for (int i = 0; i < list.size(); ++i) {
        const QString path = list.at(i);
        // "&1 blog.junction.json", with the full path where a hover shows it.
        const QString text = i < 9 ? tr("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName())
                                   : QFileInfo(path).fileName();
        QAction *action = m_menu->addAction(text);
        action->setData(path);
        action->setStatusTip(QDir::toNativeSeparators(path));
        action->setToolTip(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { choose(path); });
    }
    m_menu->setToolTipsVisible(true);
    if (!list.isEmpty()) {
        m_menu->addSeparator();
        QAction *clearAction = m_menu->addAction(tr("&Clear List"));
        clearAction->setObjectName(QStringLiteral("clearRecentFilesAction"));
        connect(clearAction, &QAction::triggered, this, &RecentFiles::clear);
    }
    // Empty, it stays enabled (another window may add to it) and says so.
    if (list.isEmpty())
        m_menu->addAction(tr("No recent files"))->setEnabled(false);
}

void RecentFiles::choose(const QString &path)
{
    if (!QFileInfo(path).isFile()) {
        remove(path);
        QMessageBox::information(m_window, tr("File Not Found"),
                                 tr("%1 no longer exists; it was removed from the recent files.")
                                     .arg(QDir::toNativeSeparators(path)));
        return;
    }
    emit fileRequested(path);
}

} // namespace Junction
