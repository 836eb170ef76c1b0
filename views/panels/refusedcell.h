// SPDX-License-Identifier: MIT
#pragma once

#include <QModelIndex>
#include <QStyledItemDelegate>

#include <functional>

class QTableView;

namespace Junction {

// The inspector's tables (attributes, indexes) keep what the user typed when a cell's edit is
// refused, as its line edits do: the model remembers the text of the refused cell and
// answers it for RefusedTextRole; the cell's next editor opens with it (Enter on the refused
// edit opens it again at once), and Escape drops it.
namespace RefusedCell {

constexpr int TextRole = Qt::UserRole + 40;

// Wires `view`: after a commit by Enter that `refused()` reports refused, that cell's editor
// opens again (with its text, through the delegate); Escape in an editor of the refused cell
// calls `drop()`. Focus moving away leaves the text kept for later, and steals nothing.
void keepInView(QTableView *view, std::function<QModelIndex()> refused,
                std::function<void()> drop);

} // namespace RefusedCell

// The item delegate of those tables: an editor opens with the refused text of its cell when
// there is one, else with the cell's value.
class KeepTypedDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
};

} // namespace Junction
