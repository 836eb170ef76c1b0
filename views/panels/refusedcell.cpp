// SPDX-License-Identifier: MIT
#include "refusedcell.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QPointer>
#include <QTableView>

namespace Junction {

void RefusedCell::keepInView(QTableView *view, std::function<QModelIndex()> refused,
                             std::function<void()> drop)
{
    QAbstractItemDelegate *delegate = view->itemDelegate();
    QObject::connect(
        delegate, &QAbstractItemDelegate::closeEditor, view,
        [view, refused, drop](QWidget *, QAbstractItemDelegate::EndEditHint hint) {
            const QModelIndex cell = refused();
            if (!cell.isValid())
                return;
            if (hint == QAbstractItemDelegate::RevertModelCache) {
                if (view->currentIndex() == cell)
                    drop();
                return;
            }
            if (hint != QAbstractItemDelegate::SubmitModelCache)
                return; // Tab or a click elsewhere: the user moves on; the text stays kept
            // Enter: the view closes the editor after this; open it again once it has.
            QPointer<QTableView> guard(view);
            QMetaObject::invokeMethod(
                view,
                [guard, refused] {
                    if (!guard)
                        return;
                    const QModelIndex again = refused();
                    QWidget *focus = QApplication::focusWidget();
                    if (!again.isValid() || guard->currentIndex() != again
                        || guard->indexWidget(again) // already open
                        || (focus && focus != guard && !guard->isAncestorOf(focus)))
                        return;
                    guard->edit(again);
                },
                Qt::QueuedConnection);
        });
}

void KeepTypedDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    const QVariant typed = index.data(RefusedCell::TextRole);
    if (!typed.isValid()) {
        if (auto combo = qobject_cast<QComboBox *>(editor))
            combo->setCurrentText(index.data(Qt::EditRole).toString());
        else
            QStyledItemDelegate::setEditorData(editor, index);
        return;
    }
    if (auto combo = qobject_cast<QComboBox *>(editor))
        combo->setCurrentText(typed.toString());
    else if (auto line = qobject_cast<QLineEdit *>(editor))
        line->setText(typed.toString());
    else
        QStyledItemDelegate::setEditorData(editor, index);
}

} // namespace Junction
