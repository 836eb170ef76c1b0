// SPDX-License-Identifier: MIT
#pragma once

#include "document.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;

namespace Junction {

class AttributeTable;
class IndexTable;

// The inspector's page for one model: its name, table name, the per-model options of the
// format (timestamps, paranoid, underscored, underscoredAll, freezeTableName: each "Default"
// or set) and comment, its attributes (composite uniques are the unique cell's group names)
// and its indexes. Typing merges into one undo step per field until
// the field loses focus; a name the format refuses stays in the field with its reason and is
// not committed.
class EntityPage : public QWidget
{
    Q_OBJECT

public:
    explicit EntityPage(QWidget *parent = nullptr);

    void setDocument(Document *document);
    void setEntity(const EntityId &id);
    EntityId entity() const { return m_entity; }
    // Shows the document's values (after an edit, undo or redo).
    void refresh();

    QLineEdit *nameEdit() const { return m_name; }
    QLabel *nameProblem() const { return m_nameProblem; }
    QLineEdit *tableNameEdit() const { return m_tableName; }
    QComboBox *timestampsBox() const { return m_timestamps; }
    QComboBox *paranoidBox() const { return m_paranoid; }
    QComboBox *underscoredBox() const { return m_underscored; }
    QComboBox *underscoredAllBox() const { return m_underscoredAll; }
    QComboBox *freezeTableNameBox() const { return m_freezeTableName; }
    QLineEdit *commentEdit() const { return m_comment; }
    AttributeTable *attributes() const { return m_attributes; }
    IndexTable *indexes() const { return m_indexes; }

private:
    void rename(const QString &name);
    void editOption(int option); // a Commands::EntityOption
    void endTyping();

    QPointer<Document> m_document;
    EntityId m_entity;
    QLabel *m_title;
    QLineEdit *m_name;
    QLabel *m_nameProblem;
    QLineEdit *m_tableName;
    QComboBox *m_timestamps;
    QComboBox *m_paranoid;
    QComboBox *m_underscored;
    QComboBox *m_underscoredAll;
    QComboBox *m_freezeTableName;
    QLineEdit *m_comment;
    AttributeTable *m_attributes;
    IndexTable *m_indexes;
};

} // namespace Junction
