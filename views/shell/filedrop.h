// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QMimeData;
class QWidget;

namespace Junction {

// Lets project files be dropped on the watched widgets (the window and the canvas, which
// would otherwise hand the drag to the scene). Only local *.json files are accepted, so the
// cursor says "no" over anything else. The drop is reported queued: the drag returns to the
// source before the window asks about unsaved changes or opens the file.
class FileDrop : public QObject
{
    Q_OBJECT

public:
    explicit FileDrop(QObject *parent = nullptr);

    void watch(QWidget *widget);

    // The first local project file in the drag; empty when there is none.
    static QString projectFile(const QMimeData *mime);

signals:
    void fileDropped(const QString &path);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace Junction
