// SPDX-License-Identifier: MIT
#include "indextablemodel.h"

#include "commands/indexcommands.h"
#include "refusedcell.h"

#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>

namespace Junction {

IndexTableModel::IndexTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void IndexTableModel::setDocument(Document *document)
{
    if (m_changedConnection)
        disconnect(m_changedConnection);
    if (m_resolvedConnection)
        disconnect(m_resolvedConnection);
    m_document = document;
    if (m_document) {
        m_changedConnection
            = connect(m_document, &Document::changed, this, &IndexTableModel::documentChanged);
        // The derived names come from the resolve, which follows edits a little later: one
        // that changed this model's table.
        m_resolvedConnection = connect(m_document, &Document::resolvedChanged, this,
                                       [this](const ResolvedDelta &delta) {
                                           if (delta.everything || delta.models.contains(m_entity))
                                               reload(false);
                                       });
    }
    reload(true);
}

void IndexTableModel::setEntity(const EntityId &entity)
{
    if (entity == m_entity)
        return;
    m_entity = entity;
    m_refused.reset();
    setProblem({});
    reload(true);
}

QModelIndex IndexTableModel::refusedIndex() const
{
    if (!m_refused || m_refused->row >= m_indexes.size())
        return {};
    return index(m_refused->row, m_refused->column);
}

void IndexTableModel::dropRefused()
{
    const QModelIndex cell = refusedIndex();
    m_refused.reset();
    setProblem({});
    if (cell.isValid())
        emit dataChanged(cell, cell);
}

QStringList IndexTableModel::parseFields(const QString &text)
{
    QStringList fields;
    for (const QString &part : text.split(QLatin1Char(','))) {
        const QString field = part.trimmed();
        if (!field.isEmpty())
            fields << field;
    }
    return fields;
}

void IndexTableModel::documentChanged(const ChangeSet &changes)
{
    if (changes.changes.testFlag(Change::Everything) || changes.affectsSchema())
        reload(false);
}

void IndexTableModel::reload(bool reset)
{
    QList<Index> indexes;
    QStringList derived;
    const Entity *entity = m_document ? m_document->entity(m_entity) : nullptr;
    if (entity) {
        indexes = entity->indexes;
        // The resolver keeps the model's indexes in their order. Until resolvedChanged() the
        // resolve from before the last edit: typing never waits for one.
        const ResolvedTable *table = m_document->lastResolved().tableForEntity(entity->name);
        for (int i = 0; i < indexes.size(); ++i)
            derived << (table && i < table->indexes.size() ? table->indexes.at(i).name : QString());
    }
    if (!reset && indexes.size() == m_indexes.size()) {
        m_indexes = indexes;
        m_derivedNames = derived;
        if (!m_indexes.isEmpty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_indexes = indexes;
    m_derivedNames = derived;
    if (m_refused && m_refused->row >= m_indexes.size()) {
        m_refused.reset();
        setProblem({});
    }
    endResetModel();
}

void IndexTableModel::setProblem(const QString &problem)
{
    if (problem == m_problem)
        return;
    m_problem = problem;
    emit problemChanged(problem);
}

void IndexTableModel::refuse(const QModelIndex &cell, const QString &text, const QString &reason)
{
    const Entity *entity = m_document->entity(m_entity);
    const QString current = data(cell, Qt::EditRole).toString();
    const QString way = current.isEmpty()
        ? tr("Fix it, or press Esc to leave it empty.")
        : tr("Fix it, or press Esc to keep \"%1\".").arg(current);
    const QString which = m_derivedNames.value(cell.row());
    setProblem(tr("%1, index %2, %3: \"%4\" is not applied: %5. %6")
                   .arg(entity ? entity->name : QString(),
                        which.isEmpty() ? QString::number(cell.row() + 1) : which,
                        headerData(cell.column(), Qt::Horizontal).toString(), text, reason, way));
    m_refused = Refused{cell.row(), cell.column(), text};
    emit dataChanged(cell, cell);
}

int IndexTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_indexes.size());
}

int IndexTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IndexTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Index &i = m_indexes.at(index.row());
    const int column = index.column();
    if (m_refused && m_refused->row == index.row() && m_refused->column == column) {
        switch (role) {
        case RefusedCell::TextRole:
            return m_refused->text;
        case Qt::BackgroundRole:
            return QColor(0xd0, 0x34, 0x2c, 56);
        case Qt::ToolTipRole:
            return m_problem;
        default:
            break;
        }
    }
    const bool derived = column == NameColumn && i.name.isEmpty();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return derived ? m_derivedNames.value(index.row()) : i.name;
        case FieldsColumn:
            return i.fields.join(QStringLiteral(", "));
        default:
            return {};
        }
    case Qt::EditRole:
        switch (column) {
        case NameColumn:
            return i.name;
        case FieldsColumn:
            return i.fields.join(QStringLiteral(", "));
        default:
            return {};
        }
    case Qt::CheckStateRole:
        if (column == UniqueColumn)
            return i.unique ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::ForegroundRole:
        if (derived)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::FontRole:
        if (derived) {
            QFont font = QGuiApplication::font();
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::ToolTipRole:
        if (derived)
            return tr("Derived name; type one to set it");
        if (column == FieldsColumn)
            return tr("The attributes indexed, in order, separated by commas");
        return {};
    default:
        return {};
    }
}

bool IndexTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !m_document)
        return false;
    const Entity *entity = m_document->entity(m_entity);
    if (!entity)
        return false;
    Index edited = m_indexes.at(index.row());
    Commands::IndexField field = Commands::IndexField::All;
    const QString text = value.toString();
    if (role == Qt::CheckStateRole && index.column() == UniqueColumn) {
        edited.unique = Qt::CheckState(value.toInt()) == Qt::Checked;
        field = Commands::IndexField::Unique;
    } else if (role == Qt::EditRole && index.column() == NameColumn) {
        edited.name = text;
        field = Commands::IndexField::Name;
    } else if (role == Qt::EditRole && index.column() == FieldsColumn) {
        edited.fields = parseFields(text);
        field = Commands::IndexField::Fields;
    } else {
        return false;
    }
    const QString problem
        = Commands::indexProblem(m_document->project(), *entity, index.row(), edited);
    if (!problem.isEmpty()) {
        refuse(index, text, problem);
        return false;
    }
    if (m_refused && m_refused->row == index.row() && m_refused->column == index.column())
        dropRefused(); // fixed
    if (edited == m_indexes.at(index.row()))
        return true;
    // A cell commits once: its own undo step.
    m_document->breakMergeSequence();
    const bool pushed = m_document->push(
        Commands::editIndex(*m_document, m_entity, index.row(), edited, field));
    m_document->breakMergeSequence();
    return pushed;
}

Qt::ItemFlags IndexTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return Qt::NoItemFlags;
    const Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == UniqueColumn)
        return flags | Qt::ItemIsUserCheckable;
    return flags | Qt::ItemIsEditable;
}

QVariant IndexTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case FieldsColumn:
        return tr("Attributes");
    case UniqueColumn:
        return tr("Unique");
    default:
        return {};
    }
}

} // namespace Junction
