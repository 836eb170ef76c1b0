// SPDX-License-Identifier: MIT
#pragma once

#include "document.h"

#include <QPointer>
#include <QWidget>

#include <functional>

class QLabel;
class QTableView;
class QToolButton;

namespace Junction {

class IndexTableModel;

// The index editor of the model page: the IndexTableModel in a table, buttons (and Insert,
// Delete) to add and remove indexes, and the reason an edit was refused below it. A new index
// covers the attribute current in the attribute table, with its attributes cell open.
class IndexTable : public QWidget
{
    Q_OBJECT

public:
    explicit IndexTable(QWidget *parent = nullptr);

    void setDocument(Document *document);
    void setEntity(const EntityId &entity);
    // Names the attribute a new index starts with (empty: the model's first).
    void setFieldSuggestion(std::function<QString()> suggest) { m_suggest = std::move(suggest); }

    IndexTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QToolButton *addButton() const { return m_add; }
    QToolButton *removeButton() const { return m_remove; }
    QLabel *problemLabel() const { return m_problem; }

private:
    void addIndex();
    void removeIndex();
    void updateButtons();

    QPointer<Document> m_document;
    IndexTableModel *m_model;
    QTableView *m_view;
    QToolButton *m_add;
    QToolButton *m_remove;
    QLabel *m_problem;
    std::function<QString()> m_suggest;
};

} // namespace Junction
