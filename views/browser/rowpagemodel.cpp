// SPDX-License-Identifier: MIT
#include "rowpagemodel.h"

#include "databasethread.h"
#include "jobcounter.h"
#include "rowupdate.h"

#include <QBrush>
#include <QDateTime>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>
#include <QSet>

namespace Junction {

namespace {

QString valueText(const QVariant &value)
{
    if (value.isNull())
        return QStringLiteral("NULL");
    if (value.typeId() == QMetaType::Bool)
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.typeId() == QMetaType::QDateTime)
        return value.toDateTime().toString(Qt::ISODateWithMs);
    return value.toString();
}

bool isTextColumn(const ResolvedColumn *column)
{
    if (!column)
        return false;
    using K = DataType::Kind;
    return column->type.kind == K::String || column->type.kind == K::Char
        || column->type.kind == K::Text || column->type.kind == K::Enum
        || column->type.kind == K::Uuid;
}

struct LabelSource
{
    QString column; // the foreign key column of the listed table
    QString table; // referenced table
    QString key; // referenced column
    QString label; // its label column
};

QList<LabelSource> labelSources(const ResolvedSchema &schema, const ResolvedTable &table)
{
    QList<LabelSource> out;
    for (const ResolvedForeignKey &fk : table.foreignKeys) {
        if (fk.columns.size() != 1)
            continue;
        const ResolvedTable *referenced = schema.referencedTable(fk);
        if (!referenced)
            continue;
        const QString label = RowLabel::labelColumn(*referenced);
        if (!label.isEmpty())
            out.append({fk.columns.first(), referenced->name, fk.referencedColumns.value(0), label});
    }
    return out;
}

} // namespace

struct RowPageModel::Page
{
    quint64 generation = 0;
    int offset = 0;
    RowsResult<RowSet> rows;
    QHash<QString, QHash<QString, QString>> labels;
    bool cancelled = false;
};

RowPageModel::RowPageModel(DatabaseThread *database, std::shared_ptr<const ResolvedSchema> schema,
                           QObject *parent)
    : QAbstractTableModel(parent)
    , m_database(database)
    , m_schema(std::move(schema))
{
}

const ResolvedAssociation *RowPageModel::association() const
{
    return m_listing.isAssociation() ? m_schema->association(m_listing.association) : nullptr;
}

void RowPageModel::setListing(const RowListing &listing, const ListingView &view)
{
    keepShown();
    m_listing = listing;
    // The table's columns are needed to type the filter and to order by.
    m_table = m_schema->table(m_listing.table);
    if (!m_table)
        m_table = m_schema->tableForEntity(m_listing.table);
    setFilterConditions(view.filterColumn, view.filterText);
    m_order.clear();
    if (m_table && m_table->column(view.sortColumn)) {
        m_order = {OrderBy {view.sortColumn, view.sortOrder == Qt::DescendingOrder}};
        for (const QString &key : m_table->primaryKey) {
            if (key != view.sortColumn)
                m_order << OrderBy {key, view.sortOrder == Qt::DescendingOrder};
        }
    }
    restart();
}

ListingView RowPageModel::view() const
{
    ListingView view;
    view.filterColumn = m_filterColumn;
    view.filterText = m_filterText;
    if (!m_order.isEmpty()) {
        view.sortColumn = m_order.first().column;
        view.sortOrder = m_order.first().descending ? Qt::DescendingOrder : Qt::AscendingOrder;
    }
    return view;
}

void RowPageModel::setFilter(const QString &column, const QString &text)
{
    keepShown();
    setFilterConditions(column, text);
    restart();
}

void RowPageModel::setFilterConditions(const QString &column, const QString &text)
{
    m_filter.clear();
    m_filterColumn = column;
    m_filterText = text;
    if (!text.isEmpty() && !column.isEmpty() && m_table) {
        const ResolvedColumn *c = m_table->column(column);
        if (text.compare(QLatin1String("NULL"), Qt::CaseInsensitive) == 0)
            m_filter << Condition(column, QVariant());
        else if (isTextColumn(c) && c->type.kind != DataType::Kind::Uuid
                 && c->type.kind != DataType::Kind::Enum)
            m_filter << Condition(column, Condition::Op::Like,
                                  QString(QLatin1Char('%') + text + QLatin1Char('%')));
        else
            m_filter << Condition(column, c ? RelatedRows::valueFromText(*c, text) : text);
    }
}

void RowPageModel::setColumns()
{
    m_table = m_schema->table(m_listing.table);
    if (!m_table)
        m_table = m_schema->tableForEntity(m_listing.table);
    m_columns.clear();
    m_throughPrefix.clear();
    if (m_table) {
        for (const ResolvedColumn &c : m_table->columns)
            m_columns << c.name;
    }
    m_tableColumns = int(m_columns.size());
    const ResolvedAssociation *a = association();
    if (a && a->type == AssociationType::BelongsToMany) {
        if (const ResolvedTable *j = m_schema->table(a->throughTable)) {
            m_throughPrefix = (j->entityName.isEmpty() ? j->name : j->entityName)
                + QLatin1Char('.');
            for (const ResolvedColumn &c : j->columns)
                m_columns << c.name;
        }
    }
}

void RowPageModel::keepShown()
{
    // Kept before the listing, filter or order changes, until the new first page arrives,
    // in case it is cancelled. A second change before then keeps the first one's: that is
    // what the grid showed.
    if (!m_firstPending && !m_columns.isEmpty())
        m_shown = Shown {m_listing, m_filterColumn, m_filterText, m_filter, m_order,
                         m_rows,    m_through,      m_labels,     m_atEnd};
}

void RowPageModel::reload()
{
    keepShown();
    restart();
}

void RowPageModel::restart()
{
    beginResetModel();
    ++m_generation;
    setColumns();
    m_rows.clear();
    m_through.clear();
    m_labels.clear();
    m_loading = false;
    m_paused = false;
    m_atEnd = m_table == nullptr;
    m_firstPending = m_table != nullptr;
    endResetModel();
    if (m_table)
        fetchPage();
}

void RowPageModel::restoreShown()
{
    const Shown shown = *m_shown;
    m_shown.reset();
    beginResetModel();
    ++m_generation; // answers for the cancelled listing are dropped
    m_listing = shown.listing;
    setColumns();
    m_filterColumn = shown.filterColumn;
    m_filterText = shown.filterText;
    m_filter = shown.filter;
    m_order = shown.order;
    m_rows = shown.rows;
    m_through = shown.through;
    m_labels = shown.labels;
    m_atEnd = shown.atEnd;
    m_loading = false;
    m_firstPending = false;
    endResetModel();
}

void RowPageModel::fetchPage()
{
    if (m_loading || m_atEnd || m_paused)
        return;
    m_loading = true;
    if (m_jobs)
        m_jobs->begin();
    RowQuery query;
    query.where = m_filter;
    query.orderBy = m_order;
    query.limit = m_pageSize;
    query.offset = int(m_rows.size());
    const quint64 generation = m_generation;
    const RowListing listing = m_listing;
    const std::shared_ptr<const ResolvedSchema> schema = m_schema;
    const QString tableName = m_table->name;
    m_database->run(
        [=](Connection &connection, const std::atomic_bool &cancelled) {
            Page page;
            page.generation = generation;
            page.offset = query.offset;
            RelatedRows rows(connection, *schema);
            page.rows = listing.isAssociation()
                ? rows.get(listing.association, RowRef(listing.source), query)
                : rows.list(tableName, query);
            if (!page.rows.ok()) {
                // An interrupted statement fails like any other; the flag tells them apart.
                page.cancelled = cancelled;
                return page;
            }
            // One query per foreign key column for the labels of this page's values.
            const ResolvedTable *table = schema->table(tableName);
            for (const LabelSource &source : labelSources(*schema, *table)) {
                QVariantList values;
                QSet<QString> seen;
                for (const Row &row : std::as_const(page.rows.value.rows)) {
                    const QVariant v = row.value(source.column);
                    if (!v.isNull() && !seen.contains(v.toString())) {
                        seen.insert(v.toString());
                        values << v;
                    }
                }
                if (values.isEmpty())
                    continue;
                RowQuery lookup;
                lookup.where << Condition(source.key, Condition::Op::In, values);
                lookup.includeDeleted = true; // a deleted customer still names its orders
                const RowsResult<RowSet> labels = rows.list(source.table, lookup);
                for (const Row &row : labels.value.rows)
                    page.labels[source.column].insert(row.value(source.key).toString(),
                                                      row.value(source.label).toString());
            }
            return page;
        },
        this,
        [this](Page page) {
            if (m_jobs)
                m_jobs->end();
            applyPage(std::move(page));
        });
}

void RowPageModel::applyPage(Page page)
{
    if (page.generation != m_generation)
        return; // for a listing, filter or order that is gone
    if (!page.rows.ok() && page.cancelled) {
        m_loading = false;
        const bool revert = m_firstPending && m_shown;
        if (revert) {
            restoreShown();
        } else {
            // Rows already shown stay; asking again at once (the view would, at the
            // bottom) would restart what the user just stopped.
            m_firstPending = false;
            m_paused = true;
        }
        emit cancelled(revert);
        return;
    }
    m_firstPending = false;
    m_shown.reset();
    if (!page.rows.ok()) {
        m_loading = false;
        m_atEnd = true;
        emit loadFailed(page.rows.error);
        return;
    }
    const RowSet &set = page.rows.value;
    const ResolvedAssociation *a = association();
    const bool single = a && (a->type == AssociationType::BelongsTo
                              || a->type == AssociationType::HasOne);
    m_atEnd = single || set.rows.size() < m_pageSize;
    for (auto it = page.labels.cbegin(); it != page.labels.cend(); ++it) {
        QHash<QString, QString> &labels = m_labels[it.key()];
        for (auto l = it.value().cbegin(); l != it.value().cend(); ++l)
            labels.insert(l.key(), l.value());
    }
    if (!set.rows.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + set.rows.size() - 1));
        m_rows += set.rows;
        for (int i = 0; i < set.rows.size(); ++i)
            m_through << set.through.value(i);
        endInsertRows();
    }
    // Only now: views and testers ask for more while the rows go in, and that page must
    // start after them.
    m_loading = false;
    emit pageLoaded(int(m_rows.size()));
}

QString RowPageModel::describeRow(const ResolvedTable &table, const Row &row)
{
    QStringList key;
    for (const QString &c : table.primaryKey)
        key << valueText(row.value(c));
    const QString model = table.entityName.isEmpty() ? table.name : table.entityName;
    if (key.size() == 1)
        return model + QLatin1Char(' ') + key.first();
    return model + QStringLiteral(" (") + key.join(QStringLiteral(", ")) + QLatin1Char(')');
}

QString RowPageModel::describeRow(int row) const
{
    return m_table ? describeRow(*m_table, m_rows.value(row)) : QString();
}

int RowPageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RowPageModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QString RowPageModel::cellText(int row, int column) const
{
    const QString name = m_columns.at(column);
    if (column >= m_tableColumns)
        return valueText(m_through.value(row).value(name));
    const QVariant value = m_rows.at(row).value(name);
    const QString text = valueText(value);
    if (!value.isNull()) {
        const auto labels = m_labels.constFind(name);
        if (labels != m_labels.cend()) {
            const auto label = labels->constFind(value.toString());
            if (label != labels->cend() && !label->isEmpty())
                return QStringLiteral("%1 (%2)").arg(*label, text);
        }
    }
    return text;
}

QVariant RowPageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const int column = index.column();
    const QString name = m_columns.at(column);
    const QVariant value = column >= m_tableColumns ? m_through.value(row).value(name)
                                                    : m_rows.at(row).value(name);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return cellText(row, column);
    case Qt::EditRole:
        return value.isNull() ? QString() : valueText(value);
    case RawValueRole:
        return value;
    case Qt::ForegroundRole:
        if (value.isNull())
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::FontRole:
        if (value.isNull()) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole: {
        const ResolvedColumn *c = column < m_tableColumns && m_table ? m_table->column(name)
                                                                     : nullptr;
        if (c && (c->type.isInteger() || c->type.kind == DataType::Kind::Decimal
                  || c->type.kind == DataType::Kind::Float || c->type.kind == DataType::Kind::Double
                  || c->type.kind == DataType::Kind::Real))
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    default:
        return {};
    }
}

QVariant RowPageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (orientation == Qt::Vertical)
        return section + 1;
    if (section < 0 || section >= m_columns.size())
        return {};
    return section >= m_tableColumns ? m_throughPrefix + m_columns.at(section)
                                     : m_columns.at(section);
}

Qt::ItemFlags RowPageModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (!index.isValid() || !m_table || index.column() >= m_tableColumns
        || m_table->primaryKey.isEmpty())
        return flags;
    const ResolvedColumn *c = m_table->column(m_columns.at(index.column()));
    if (c && !c->primaryKey)
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool RowPageModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable))
        return false;
    const int row = index.row();
    const QString name = m_columns.at(index.column());
    const ResolvedColumn *c = m_table->column(name);
    const QVariant old = m_rows.at(row).value(name);
    const QString text = value.toString();
    // An emptied cell of a nullable column is NULL; of a NOT NULL text column, ''.
    const QVariant typed = text.isEmpty() && c->allowNull ? QVariant()
                                                          : RelatedRows::valueFromText(*c, text);
    if (typed == old && typed.isNull() == old.isNull())
        return true;
    Row key;
    for (const QString &k : m_table->primaryKey)
        key.insert(k, m_rows.at(row).value(k));
    m_rows[row].insert(name, typed);
    emit dataChanged(index, index);

    const quint64 generation = m_generation;
    const std::shared_ptr<const ResolvedSchema> schema = m_schema;
    const QString tableName = m_table->name;
    if (m_jobs)
        m_jobs->begin();
    m_database->run(
        [=](Connection &connection, const std::atomic_bool &cancelled) {
            std::pair<RowsResult<std::optional<Row>>, bool> out;
            const RowsResult<qint64> written
                = RowUpdate::update(connection, *schema, tableName, RowRef(key), {{name, typed}});
            if (!written.ok()) {
                out.first.error = written.error;
                out.second = cancelled; // RowUpdate rolled back
                return out;
            }
            // The row as the database keeps it now (its types, the new updatedAt).
            out.first = RelatedRows(connection, *schema).find(tableName, RowRef(key));
            return out;
        },
        this,
        [=](std::pair<RowsResult<std::optional<Row>>, bool> answer) {
            if (m_jobs)
                m_jobs->end();
            const RowsResult<std::optional<Row>> &result = answer.first;
            if (answer.second)
                emit cancelled(false);
            if (generation != m_generation)
                return;
            // The row may have moved if pages arrived meanwhile; find it by key.
            int at = -1;
            for (int i = 0; i < m_rows.size() && at < 0; ++i) {
                bool same = true;
                for (auto k = key.cbegin(); k != key.cend() && same; ++k)
                    same = m_rows.at(i).value(k.key()) == k.value();
                if (same)
                    at = i;
            }
            if (at < 0)
                return;
            if (!result.ok()) {
                m_rows[at].insert(name, old);
                emit dataChanged(this->index(at, 0), this->index(at, m_tableColumns - 1));
                emit editFailed(tr("%1 was not saved: %2")
                                    .arg(describeRow(at),
                                         answer.second ? tr("cancelled") : result.error.trimmed()));
                return;
            }
            if (result.value)
                m_rows[at] = *result.value;
            emit dataChanged(this->index(at, 0), this->index(at, m_tableColumns - 1));
            emit editSaved(at);
        });
    return true;
}

bool RowPageModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && !m_paused;
}

void RowPageModel::fetchMore(const QModelIndex &parent)
{
    if (!parent.isValid())
        fetchPage();
}

void RowPageModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= m_tableColumns) {
        if (m_order.isEmpty())
            return;
        keepShown();
        m_order.clear();
    } else {
        // The header repeats the order it was given (restoring a listing's sort): no reload.
        if (!m_order.isEmpty() && m_order.first().column == m_columns.at(column)
            && m_order.first().descending == (order == Qt::DescendingOrder))
            return;
        keepShown();
        // The primary key after the sort column keeps pages stable among equal values.
        m_order = {OrderBy {m_columns.at(column), order == Qt::DescendingOrder}};
        for (const QString &key : m_table->primaryKey) {
            if (key != m_columns.at(column))
                m_order << OrderBy {key, order == Qt::DescendingOrder};
        }
    }
    restart();
}

} // namespace Junction
