// SPDX-License-Identifier: MIT
#include "attributetablemodel.h"

#include "commands/attributecommands.h"
#include "datatype.h"
#include "refusedcell.h"

#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>

namespace Junction {

namespace {

QString noteOf(const ResolvedColumn &column, const ResolvedSchema &schema)
{
    if (!column.association.isNull()) {
        if (const ResolvedAssociation *a = schema.association(column.association))
            return a->source + u'.' + a->as;
    }
    switch (column.origin) {
    case ResolvedColumn::Origin::ImplicitId:
        return QStringLiteral("implicit");
    case ResolvedColumn::Origin::Timestamp:
        return QStringLiteral("timestamps");
    default:
        return {};
    }
}

bool isCheckColumn(int column)
{
    return column == AttributeTableModel::AllowNullColumn
        || column == AttributeTableModel::PrimaryKeyColumn
        || column == AttributeTableModel::AutoIncrementColumn
        || column == AttributeTableModel::UniqueColumn;
}

bool looksLikeOtherKind(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty() || t != text || t == QLatin1String("null") || t == QLatin1String("true")
        || t == QLatin1String("false") || t.startsWith(u'"'))
        return true;
    if (t.startsWith(QLatin1String("fn:"), Qt::CaseInsensitive)
        || t.startsWith(QLatin1String("sql:"), Qt::CaseInsensitive))
        return true;
    bool number = false;
    t.toDouble(&number);
    return number;
}

} // namespace

AttributeTableModel::AttributeTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void AttributeTableModel::setDocument(Document *document)
{
    if (m_changedConnection)
        disconnect(m_changedConnection);
    if (m_resolvedConnection)
        disconnect(m_resolvedConnection);
    m_document = document;
    if (m_document) {
        m_changedConnection
            = connect(m_document, &Document::changed, this, &AttributeTableModel::documentChanged);
        // The generated rows come from the resolve, which follows edits a little later; only
        // one that changed this model's table or an association a row names concerns them.
        m_resolvedConnection = connect(m_document, &Document::resolvedChanged, this,
                                       [this](const ResolvedDelta &delta) {
                                           if (concerns(delta))
                                               reload(false);
                                       });
    }
    reload(true);
}

void AttributeTableModel::setEntity(const EntityId &entity)
{
    if (entity == m_entity)
        return;
    m_entity = entity;
    m_refused.reset(); // refused input belongs to the model it was typed for
    setProblem({});
    reload(true);
}

bool AttributeTableModel::concerns(const ResolvedDelta &delta) const
{
    if (delta.everything || delta.models.contains(m_entity))
        return true;
    // A generated row's note names its association ("Source.as"), which can change while
    // the column stays.
    for (const Generated &row : m_generated) {
        if (!row.column.association.isNull() && delta.associations.contains(row.column.association))
            return true;
    }
    return false;
}

AttributeId AttributeTableModel::attributeId(int row) const
{
    return row >= 0 && row < m_attributes.size() ? m_attributes.at(row).id : AttributeId();
}

bool AttributeTableModel::hasAllowNull(int row) const
{
    return row >= 0 && row < m_attributes.size() && m_attributes.at(row).allowNull.has_value();
}

bool AttributeTableModel::clearAllowNull(int row)
{
    if (!m_document || !hasAllowNull(row))
        return false;
    Attribute edited = m_attributes.at(row);
    edited.allowNull.reset();
    m_document->breakMergeSequence();
    const bool pushed = m_document->push(Commands::editAttribute(
        *m_document, m_entity, edited, Commands::AttributeField::AllowNull));
    m_document->breakMergeSequence();
    return pushed;
}

int AttributeTableModel::rowOf(const AttributeId &id) const
{
    for (int i = 0; i < m_attributes.size(); ++i) {
        if (m_attributes.at(i).id == id)
            return i;
    }
    return -1;
}

void AttributeTableModel::documentChanged(const ChangeSet &changes)
{
    // Generated columns depend on associations and `define` too: any schema edit may change
    // them. Same rows in the same order: only values changed.
    if (changes.changes.testFlag(Change::Everything) || changes.affectsSchema())
        reload(false);
}

void AttributeTableModel::reload(bool reset)
{
    QList<Attribute> attributes;
    QList<Generated> generated;
    const Entity *entity = m_document ? m_document->entity(m_entity) : nullptr;
    if (entity) {
        attributes = entity->attributes;
        // Until resolvedChanged() the resolve from before the last edit (typing never waits);
        // one that does not know a new name yet keeps the generated rows as they were.
        const ResolvedSchema &schema = m_document->lastResolved();
        const ResolvedTable *table = schema.tableForEntity(entity->name);
        if (!table && !m_document->isResolvedCurrent() && !reset)
            generated = m_generated;
        if (table) {
            for (const ResolvedColumn &column : table->columns) {
                if (column.origin != ResolvedColumn::Origin::Declared)
                    generated.append({column, noteOf(column, schema)});
            }
        }
    }
    bool sameRows = !reset && attributes.size() == m_attributes.size()
        && generated.size() == m_generated.size();
    for (int i = 0; sameRows && i < attributes.size(); ++i)
        sameRows = attributes.at(i).id == m_attributes.at(i).id;
    for (int i = 0; sameRows && i < generated.size(); ++i)
        sameRows = generated.at(i).column.name == m_generated.at(i).column.name;
    if (sameRows) {
        m_attributes = attributes;
        m_generated = generated;
        if (rowCount() > 0)
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_attributes = attributes;
    m_generated = generated;
    if (m_refused && rowOf(m_refused->attribute) < 0) { // its attribute is gone
        m_refused.reset();
        setProblem({});
    }
    endResetModel();
}

QModelIndex AttributeTableModel::refusedIndex() const
{
    if (!m_refused)
        return {};
    const int row = rowOf(m_refused->attribute);
    return row < 0 ? QModelIndex() : index(row, m_refused->column);
}

void AttributeTableModel::dropRefused()
{
    const QModelIndex cell = refusedIndex();
    m_refused.reset();
    setProblem({});
    if (cell.isValid())
        emit dataChanged(cell, cell);
}

void AttributeTableModel::refuse(const QModelIndex &cell, const QString &text,
                                 const QString &reason)
{
    const Attribute &a = m_attributes.at(cell.row());
    const Entity *entity = m_document->entity(m_entity);
    const QString current = data(cell, Qt::EditRole).toString();
    // Says what (the typed text), where (model, attribute, column of the table), why, and
    // the way out: the text stays in the cell for its next editor until fixed or dropped.
    const QString way = current.isEmpty()
        ? tr("Fix it, or press Esc to leave it empty.")
        : tr("Fix it, or press Esc to keep \"%1\".").arg(current);
    setProblem(tr("%1.%2, %3: \"%4\" is not applied: %5. %6")
                   .arg(entity ? entity->name : QString(), a.name,
                        headerData(cell.column(), Qt::Horizontal).toString(), text, reason, way));
    m_refused = Refused{a.id, cell.column(), text};
    emit dataChanged(cell, cell);
}

void AttributeTableModel::setProblem(const QString &problem)
{
    if (problem == m_problem)
        return;
    m_problem = problem;
    emit problemChanged(problem);
}

int AttributeTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_attributes.size() + m_generated.size());
}

int AttributeTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AttributeTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const int row = index.row();
    if (row < m_attributes.size())
        return declaredData(m_attributes.at(row), index.column(), role);
    return generatedData(m_generated.at(row - m_attributes.size()), index.column(), role);
}

QVariant AttributeTableModel::declaredData(const Attribute &a, int column, int role) const
{
    if (role == GeneratedRole)
        return false;
    if (m_refused && m_refused->attribute == a.id && m_refused->column == column) {
        switch (role) {
        case RefusedCell::TextRole:
            return m_refused->text;
        case Qt::BackgroundRole:
            return QColor(0xd0, 0x34, 0x2c, 56); // the inspector's error colour, faint
        case Qt::ToolTipRole:
            return m_problem;
        default:
            break;
        }
    }
    if (role == AttributeIdRole)
        return a.id.toString();
    if (role == Qt::CheckStateRole && isCheckColumn(column)) {
        bool on = false;
        switch (column) {
        case AllowNullColumn:
            on = a.allowNull.value_or(true);
            break;
        case PrimaryKeyColumn:
            on = a.primaryKey;
            break;
        case AutoIncrementColumn:
            on = a.autoIncrement;
            break;
        case UniqueColumn:
            if (!a.uniqueGroup.isEmpty())
                return Qt::PartiallyChecked;
            on = a.unique;
            break;
        }
        return on ? Qt::Checked : Qt::Unchecked;
    }
    if (role == Qt::ToolTipRole) {
        if (column == UniqueColumn && !a.uniqueGroup.isEmpty())
            return tr("Part of the composite unique \"%1\": every attribute with this group "
                      "name is one UNIQUE constraint").arg(a.uniqueGroup);
        if (column == UniqueColumn)
            return tr("Check for unique; type a group name shared with other attributes for "
                      "a composite unique");
        if (column == FieldColumn)
            return tr("The column name; empty: the attribute's name");
        if (column == AllowNullColumn && !a.allowNull.has_value())
            return tr("Not set: allowNull defaults to true");
        if (column == DefaultColumn)
            return tr("Empty: none. null, true, false, a number, fn:NOW, fn:UUIDV4, "
                      "sql:EXPRESSION, or text (\"quoted\" when it would read as one of those)");
        return {};
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (column) {
    case NameColumn:
        return a.name;
    case FieldColumn:
        return a.field;
    case TypeColumn:
        return a.type;
    case UniqueColumn:
        return a.uniqueGroup;
    case DefaultColumn:
        return defaultText(a.defaultValue);
    case CommentColumn:
        return a.comment;
    default:
        return {};
    }
}

QVariant AttributeTableModel::generatedData(const Generated &g, int column, int role) const
{
    const ResolvedColumn &c = g.column;
    switch (role) {
    case GeneratedRole:
        return true;
    case Qt::ForegroundRole:
        return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
    case Qt::FontRole: {
        QFont font = QGuiApplication::font();
        font.setItalic(true);
        return font;
    }
    case Qt::ToolTipRole:
        return tr("Added by resolution (%1); not in the file").arg(g.note);
    case Qt::CheckStateRole:
        if (!isCheckColumn(column))
            return {};
        switch (column) {
        case AllowNullColumn:
            return c.allowNull ? Qt::Checked : Qt::Unchecked;
        case PrimaryKeyColumn:
            return c.primaryKey ? Qt::Checked : Qt::Unchecked;
        case AutoIncrementColumn:
            return c.autoIncrement ? Qt::Checked : Qt::Unchecked;
        default:
            return c.unique ? Qt::Checked : Qt::Unchecked;
        }
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return c.attribute.isEmpty() ? c.name : c.attribute;
        case FieldColumn:
            return !c.attribute.isEmpty() && c.attribute != c.name ? c.name : QString();
        case TypeColumn:
            return c.type.toString();
        case DefaultColumn:
            return defaultText(c.defaultValue);
        case CommentColumn:
            return c.comment;
        case OriginColumn:
            return g.note;
        default:
            return {};
        }
    default:
        return {};
    }
}

bool AttributeTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !m_document
        || index.row() >= m_attributes.size())
        return false;
    Attribute edited = m_attributes.at(index.row());
    Commands::AttributeField field = Commands::AttributeField::All;
    const int column = index.column();
    if (role == Qt::CheckStateRole && isCheckColumn(column)) {
        const bool on = Qt::CheckState(value.toInt()) == Qt::Checked;
        switch (column) {
        case AllowNullColumn:
            edited.allowNull = on;
            field = Commands::AttributeField::AllowNull;
            break;
        case PrimaryKeyColumn:
            edited.primaryKey = on;
            field = Commands::AttributeField::PrimaryKey;
            break;
        case AutoIncrementColumn:
            edited.autoIncrement = on;
            field = Commands::AttributeField::AutoIncrement;
            break;
        default:
            // `unique` is true or a group's name: checking a grouped one makes it unique on
            // its own, unchecking makes it neither.
            edited.unique = on;
            edited.uniqueGroup.clear();
            field = Commands::AttributeField::Unique;
            break;
        }
    } else if (role == Qt::EditRole) {
        const QString text = value.toString();
        QString problem;
        switch (column) {
        case NameColumn: {
            const Entity *entity = m_document->entity(m_entity);
            if (!entity)
                return false;
            problem = Commands::attributeNameProblem(*entity, edited.id, text);
            edited.name = text;
            field = Commands::AttributeField::Name;
            break;
        }
        case FieldColumn: {
            const Entity *entity = m_document->entity(m_entity);
            if (!entity)
                return false;
            problem = fieldProblem(*entity, edited.id, text);
            edited.field = text;
            field = Commands::AttributeField::Field;
            break;
        }
        case UniqueColumn:
            if (text.trimmed() != text)
                problem = tr("a unique group name cannot start or end with a space");
            // A group name replaces `unique: true` (the format holds one or the other).
            edited.uniqueGroup = text;
            edited.unique = false;
            field = Commands::AttributeField::Unique;
            break;
        case TypeColumn:
            problem = typeProblem(text);
            edited.type = text.trimmed();
            field = Commands::AttributeField::Type;
            break;
        case DefaultColumn: {
            const std::optional<DefaultValue> parsed = parseDefault(text, &problem);
            if (parsed)
                edited.defaultValue = *parsed;
            field = Commands::AttributeField::DefaultValue;
            break;
        }
        case CommentColumn:
            edited.comment = text;
            field = Commands::AttributeField::Comment;
            break;
        default:
            return false;
        }
        if (!problem.isEmpty()) {
            refuse(index, text, problem);
            return false;
        }
    } else {
        return false;
    }
    if (m_refused && m_refused->attribute == edited.id && m_refused->column == column)
        dropRefused(); // fixed
    if (edited == m_attributes.at(index.row()))
        return true; // nothing to undo
    // A table cell commits once (Enter or focus out): its own undo step, never merged.
    m_document->breakMergeSequence();
    const bool pushed
        = m_document->push(Commands::editAttribute(*m_document, m_entity, edited, field));
    m_document->breakMergeSequence();
    return pushed;
}

Qt::ItemFlags AttributeTableModel::flags(const QModelIndex &index) const
{
    // Views ask for the flags of the invalid index (the table's own): none, without a warning.
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.row() >= m_attributes.size())
        return flags;
    if (index.column() == UniqueColumn) // a check, or the name of a composite group
        return flags | Qt::ItemIsUserCheckable | Qt::ItemIsEditable;
    if (isCheckColumn(index.column()))
        return flags | Qt::ItemIsUserCheckable;
    if (index.column() != OriginColumn)
        return flags | Qt::ItemIsEditable;
    return flags;
}

QVariant AttributeTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case AllowNullColumn:
            return tr("allowNull");
        case PrimaryKeyColumn:
            return tr("primaryKey");
        case AutoIncrementColumn:
            return tr("autoIncrement");
        case UniqueColumn:
            return tr("unique: check it, or type a group name several attributes share for a "
                      "composite unique");
        case FieldColumn:
            return tr("field: the column name, when it differs from the attribute's name");
        case OriginColumn:
            return tr("What added a generated column");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case FieldColumn:
        return tr("Column");
    case TypeColumn:
        return tr("Type");
    case AllowNullColumn:
        return tr("Null");
    case PrimaryKeyColumn:
        return tr("PK");
    case AutoIncrementColumn:
        return tr("AI");
    case UniqueColumn:
        return tr("Unique");
    case DefaultColumn:
        return tr("Default");
    case CommentColumn:
        return tr("Comment");
    case OriginColumn:
        return tr("Origin");
    default:
        return {};
    }
}

QString AttributeTableModel::defaultText(const DefaultValue &value)
{
    switch (value.kind) {
    case DefaultValue::Kind::None:
        return {};
    case DefaultValue::Kind::Null:
        return QStringLiteral("null");
    case DefaultValue::Kind::Boolean:
        return value.boolean ? QStringLiteral("true") : QStringLiteral("false");
    case DefaultValue::Kind::Number:
        return QString::number(value.number, 'g', 17);
    case DefaultValue::Kind::Function:
        return QStringLiteral("fn:") + value.text;
    case DefaultValue::Kind::Sql:
        return QStringLiteral("sql:") + value.text;
    case DefaultValue::Kind::String:
        return looksLikeOtherKind(value.text) ? u'"' + value.text + u'"' : value.text;
    }
    return {};
}

std::optional<DefaultValue> AttributeTableModel::parseDefault(const QString &text, QString *problem)
{
    DefaultValue value;
    const QString t = text.trimmed();
    if (text.size() >= 2 && text.startsWith(u'"') && text.endsWith(u'"')) {
        value.kind = DefaultValue::Kind::String;
        value.text = text.mid(1, text.size() - 2);
        return value;
    }
    if (t.isEmpty())
        return value;
    if (t == QLatin1String("null")) {
        value.kind = DefaultValue::Kind::Null;
        return value;
    }
    if (t == QLatin1String("true") || t == QLatin1String("false")) {
        value.kind = DefaultValue::Kind::Boolean;
        value.boolean = t == QLatin1String("true");
        return value;
    }
    bool number = false;
    const double n = t.toDouble(&number);
    if (number) {
        value.kind = DefaultValue::Kind::Number;
        value.number = n;
        return value;
    }
    if (t.startsWith(QLatin1String("fn:"), Qt::CaseInsensitive)) {
        const QString fn = t.mid(3).trimmed().toUpper();
        if (fn != QLatin1String("NOW") && fn != QLatin1String("UUIDV4")) {
            if (problem)
                *problem = tr("a client-side default is fn:NOW or fn:UUIDV4");
            return std::nullopt;
        }
        value.kind = DefaultValue::Kind::Function;
        value.text = fn;
        return value;
    }
    if (t.startsWith(QLatin1String("sql:"), Qt::CaseInsensitive)) {
        value.text = t.mid(4).trimmed();
        if (value.text.isEmpty()) {
            if (problem)
                *problem = tr("sql: needs an expression, e.g. sql:CURRENT_TIMESTAMP");
            return std::nullopt;
        }
        value.kind = DefaultValue::Kind::Sql;
        return value;
    }
    value.kind = DefaultValue::Kind::String;
    value.text = text;
    return value;
}

QString AttributeTableModel::fieldProblem(const Entity &entity, const AttributeId &id,
                                         const QString &field)
{
    if (field.trimmed() != field)
        return tr("a column name cannot start or end with a space");
    if (field.isEmpty())
        return {};
    for (const Attribute &a : entity.attributes) {
        if (a.id != id && a.columnName() == field)
            return tr("%1 already has a column %2 (attribute %3)").arg(entity.name, field, a.name);
    }
    return {};
}

QString AttributeTableModel::typeProblem(const QString &type)
{
    if (type.trimmed().isEmpty())
        return tr("an attribute needs a type");
    if (DataType::parse(type.trimmed()))
        return {};
    return tr("%1 is not a type of the format; known: %2")
        .arg(type.trimmed(), DataType::knownTypeNames().join(QLatin1String(", ")));
}

QStringList AttributeTableModel::typeSuggestions()
{
    QStringList types;
    for (const QString &name : DataType::knownTypeNames()) {
        if (name.endsWith(QLatin1String("(n)"))) {
            const QString base = name.chopped(3);
            types << base;
            types << base
                    + (base == QLatin1String("CHAR") ? QStringLiteral("(1)")
                                                     : QStringLiteral("(255)"));
        } else if (name.endsWith(QLatin1String("(p,s)"))) {
            types << name.chopped(5) << name.chopped(5) + QStringLiteral("(10,2)");
        } else {
            types << name;
        }
    }
    types.removeDuplicates();
    types.removeIf([](const QString &type) { return !DataType::parse(type); });
    return types;
}

} // namespace Junction
