// SPDX-License-Identifier: MIT
#pragma once

#include <QCompleter>

namespace Junction {

// Completes the last item of a comma-separated list in a line edit ("title, pub" offers
// "publishedAt"), keeping the items before it: an index's attributes are typed as such a
// list.
class ListCompleter : public QCompleter
{
    Q_OBJECT

public:
    ListCompleter(const QStringList &words, QObject *parent = nullptr);

    QStringList splitPath(const QString &path) const override;
    QString pathFromIndex(const QModelIndex &index) const override;
};

} // namespace Junction
