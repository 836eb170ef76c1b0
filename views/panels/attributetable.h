// SPDX-License-Identifier: MIT
#pragma once

#include "document.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QMenu;
class QTableView;
class QToolButton;

namespace Junction {

class AttributeTableModel;

// The attribute editor of the model page: the AttributeTableModel in a table (the type
// column offers the format's types), buttons (and Insert, Delete) to add, remove and reorder
// attributes, and the reason an edit was refused below it. The current attribute survives
// reloads.
class AttributeTable : public QWidget
{
    Q_OBJECT

public:
    explicit AttributeTable(QWidget *parent = nullptr);

    void setDocument(Document *document);
    void setEntity(const EntityId &entity);

    AttributeTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QToolButton *addButton() const { return m_add; }
    QToolButton *removeButton() const { return m_remove; }
    QToolButton *upButton() const { return m_up; }
    QToolButton *downButton() const { return m_down; }
    QLabel *problemLabel() const { return m_problem; }

    AttributeId currentAttribute() const;
    void setCurrentAttribute(const AttributeId &id);
    // The context menu of a row (-1: none): reset allowNull to not set, add, delete.
    QMenu *menuFor(int row);

private:
    void addAttribute();
    void removeAttributes();
    void moveCurrent(int step);
    void updateButtons();
    void showMenu(const QPoint &pos);

    QPointer<Document> m_document;
    AttributeTableModel *m_model;
    QTableView *m_view;
    QToolButton *m_add;
    QToolButton *m_remove;
    QToolButton *m_up;
    QToolButton *m_down;
    QLabel *m_problem;
    AttributeId m_kept; // the current attribute across a reset
};

} // namespace Junction
