// SPDX-License-Identifier: MIT
#pragma once

#include "change.h"
#include "document.h"

#include <QAbstractTableModel>
#include <QPointer>

#include <optional>

namespace Junction {

// One model's `indexes` as an editable table: name (empty: the derived name, shown greyed),
// fields (the attribute names, typed comma-separated) and unique. Every edit is one
// editIndex() command; input the format refuses is not committed: problem() says what,
// where and why, and the cell keeps the typed text for its next editor (RefusedCell).
class IndexTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, FieldsColumn, UniqueColumn, ColumnCount };

    explicit IndexTableModel(QObject *parent = nullptr);

    void setDocument(Document *document);
    void setEntity(const EntityId &entity);
    EntityId entity() const { return m_entity; }

    QString problem() const { return m_problem; }
    QModelIndex refusedIndex() const;
    void dropRefused();

    // "a, b" -> {a, b}: the fields cell's text as attribute names.
    static QStringList parseFields(const QString &text);

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
    struct Refused
    {
        int row = -1;
        int column = -1;
        QString text;
    };

    void documentChanged(const ChangeSet &changes);
    void reload(bool reset);
    void setProblem(const QString &problem);
    void refuse(const QModelIndex &index, const QString &text, const QString &reason);

    QPointer<Document> m_document;
    QMetaObject::Connection m_changedConnection;
    QMetaObject::Connection m_resolvedConnection;
    EntityId m_entity;
    QList<Index> m_indexes;
    QStringList m_derivedNames; // the resolved name of each index
    QString m_problem;
    std::optional<Refused> m_refused;
};

} // namespace Junction
