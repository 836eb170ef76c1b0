// SPDX-License-Identifier: MIT
#pragma once

#include "change.h"
#include "document.h"
#include "project.h"
#include "resolvedschema.h"

#include <QAbstractTableModel>
#include <QPointer>

#include <optional>

namespace Junction {

// One model's attributes as an editable table: a row per declared attribute (every edit is
// one editAttribute() command; input the format refuses is not committed: problem() says
// what, where and why, and the cell keeps the typed text for its next editor, see
// RefusedCell), then the columns resolution adds (implicit id, timestamps, FK columns), read-only and
// marked with what made them. It follows Document::changed: value edits are dataChanged,
// added, removed or reordered attributes a reset.
class AttributeTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        FieldColumn, // `field`: the column name, when it differs from the name
        TypeColumn,
        AllowNullColumn,
        PrimaryKeyColumn,
        AutoIncrementColumn,
        UniqueColumn, // checked: `unique: true`; a text: the composite group `unique: "name"`
        DefaultColumn,
        CommentColumn,
        OriginColumn,
        ColumnCount
    };
    enum Role { GeneratedRole = Qt::UserRole + 1, AttributeIdRole };

    explicit AttributeTableModel(QObject *parent = nullptr);

    void setDocument(Document *document);
    void setEntity(const EntityId &entity);
    EntityId entity() const { return m_entity; }

    int declaredCount() const { return int(m_attributes.size()); }
    AttributeId attributeId(int row) const;
    int rowOf(const AttributeId &id) const;
    // Whether the row's allowNull is written in the file (unset is Sequelize's undefined,
    // which a foreign key reusing the attribute treats differently from true).
    bool hasAllowNull(int row) const;
    // Takes allowNull out of the file again: one undo step; false when there is none to clear.
    bool clearAllowNull(int row);
    // Why an edit was refused (what, where, why), until that cell commits or is dropped.
    QString problem() const { return m_problem; }
    // The cell whose edit was refused (its typed text is its RefusedCell::TextRole), or none.
    QModelIndex refusedIndex() const;
    // Forgets the refused edit (Escape): the cell shows the document's value again.
    void dropRefused();
    // Why `field` cannot be the column name of attribute `id` of `entity`, or "".
    static QString fieldProblem(const Entity &entity, const AttributeId &id, const QString &field);

    // defaultValue as one line of text: empty (none), null, true/false, a number,
    // fn:NOW / fn:UUIDV4 (client side), sql:EXPRESSION, or any other text as a string
    // ("quoted" when it would read as one of the others).
    static QString defaultText(const DefaultValue &value);
    static std::optional<DefaultValue> parseDefault(const QString &text, QString *problem);
    // Why `type` is not a type of the format, or empty.
    static QString typeProblem(const QString &type);
    // The format's types with example parameters, for the type chooser.
    static QStringList typeSuggestions();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    void problemChanged(const QString &problem);

private:
    struct Generated
    {
        ResolvedColumn column;
        QString note;
    };

    void documentChanged(const ChangeSet &changes);
    void reload(bool reset);
    // The resolve's delta changes what the rows show (the model's table, or an association
    // a generated row names).
    bool concerns(const ResolvedDelta &delta) const;
    void setProblem(const QString &problem);
    QVariant declaredData(const Attribute &attribute, int column, int role) const;
    QVariant generatedData(const Generated &generated, int column, int role) const;
    void refuse(const QModelIndex &index, const QString &text, const QString &reason);

    struct Refused
    {
        AttributeId attribute;
        int column = -1;
        QString text;
    };

    QPointer<Document> m_document;
    QMetaObject::Connection m_changedConnection;
    QMetaObject::Connection m_resolvedConnection;
    EntityId m_entity;
    QList<Attribute> m_attributes;
    QList<Generated> m_generated;
    QString m_problem;
    std::optional<Refused> m_refused;
};

} // namespace Junction
