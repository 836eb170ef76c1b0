// SPDX-License-Identifier: MIT
#include "listcompleter.h"

#include <QLineEdit>
#include <QStringListModel>

namespace Junction {

ListCompleter::ListCompleter(const QStringList &words, QObject *parent)
    : QCompleter(parent)
{
    setModel(new QStringListModel(words, this));
    setCaseSensitivity(Qt::CaseInsensitive);
    setCompletionMode(QCompleter::PopupCompletion);
}

QStringList ListCompleter::splitPath(const QString &path) const
{
    return {path.mid(path.lastIndexOf(QLatin1Char(',')) + 1).trimmed()};
}

QString ListCompleter::pathFromIndex(const QModelIndex &index) const
{
    const QString word = QCompleter::pathFromIndex(index);
    const auto edit = qobject_cast<const QLineEdit *>(widget());
    const QString text = edit ? edit->text() : QString();
    const qsizetype comma = text.lastIndexOf(QLatin1Char(','));
    return comma < 0 ? word : text.left(comma + 1) + QLatin1Char(' ') + word;
}

} // namespace Junction
