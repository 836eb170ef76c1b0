// SPDX-License-Identifier: MIT
#pragma once

#include "relatedrows.h"

#include <QAbstractTableModel>
#include <QHash>

#include <memory>
#include <optional>

namespace Junction {

class DatabaseThread;
class JobCounter;

// What a listing shows: the rows of a table, or the rows an association's get accessor
// returns for one source row.
struct RowListing
{
    QString table; // the table whose rows are shown (the target of `association`)
    AssociationId association; // null: every row of `table`
    Row source; // the source row, when following an association

    bool isAssociation() const { return !association.isNull(); }
};

// How a listing is viewed: its filter and sort, by column name (what a breadcrumb keeps
// so that going back shows the listing as it was left).
struct ListingView
{
    QString filterColumn;
    QString filterText; // as typed: "NULL", part of a text, or a value
    QString sortColumn; // empty: the primary key order
    Qt::SortOrder sortOrder = Qt::AscendingOrder;
};

// The rows of a listing for a QTableView, loaded lazily in pages on the DatabaseThread:
// canFetchMore()/fetchMore() ask for the next page (fetchMore returns at once; the rows
// arrive later), sort() and setFilter() start over with ORDER BY / WHERE in the database.
// Foreign key cells show the referenced row's label column ("Ada Lovelace (7)"), looked up
// in the same job as the page. belongsToMany listings add the junction row's columns
// ("OrderItem.quantity", read-only). Ordinary cells are editable: setData() shows the new
// value at once and saves it with RowUpdate; on failure the old value comes back and
// editFailed() says why.
class RowPageModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    static constexpr int RawValueRole = Qt::UserRole + 1;

    RowPageModel(DatabaseThread *database, std::shared_ptr<const ResolvedSchema> schema,
                 QObject *parent = nullptr);

    // Counts this model's jobs (loads and saves) while they run; optional.
    void setJobCounter(JobCounter *jobs) { m_jobs = jobs; }
    // A new listing with its filter and sort, read in one query.
    void setListing(const RowListing &listing, const ListingView &view = {});
    const RowListing &listing() const { return m_listing; }
    ListingView view() const;
    const ResolvedTable *table() const { return m_table; }
    const std::shared_ptr<const ResolvedSchema> &schema() const { return m_schema; }
    const ResolvedAssociation *association() const;
    // Equality for typed columns, a substring for text ones, "NULL" for IS NULL; an empty
    // text clears the filter.
    void setFilter(const QString &column, const QString &text);
    void setPageSize(int rows) { m_pageSize = rows; }
    void reload();

    bool isLoading() const { return m_loading; }
    bool isComplete() const { return m_atEnd; }
    // After a cancelled page: no more pages are asked for until the next reload.
    bool isPaused() const { return m_paused; }
    QString columnName(int column) const { return m_columns.value(column); }
    int columnOf(const QString &name) const { return int(m_columns.indexOf(name)); }
    Row row(int row) const { return m_rows.value(row); }
    Row throughRow(int row) const { return m_through.value(row); }
    // "Customer 7": how breadcrumbs and confirmations name a row.
    QString describeRow(int row) const;
    static QString describeRow(const ResolvedTable &table, const Row &row);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

signals:
    // After each page (rows: how many are loaded now) and when a read fails.
    void pageLoaded(int rows);
    void loadFailed(const QString &message);
    void editSaved(int row);
    void editFailed(const QString &message);
    // A load or save stopped by DatabaseThread::cancel(). `reverted`: the listing, filter
    // or sort whose first page was cancelled is gone and the previous one is back, rows
    // and all (the grid keeps what it had).
    void cancelled(bool reverted);

private:
    struct Page;
    // What the grid showed before a reload, restored when its first page is cancelled.
    struct Shown
    {
        RowListing listing;
        QString filterColumn;
        QString filterText;
        QList<Condition> filter;
        QList<OrderBy> order;
        QList<Row> rows;
        QList<Row> through;
        QHash<QString, QHash<QString, QString>> labels;
        bool atEnd = true;
    };
    void setColumns();
    void setFilterConditions(const QString &column, const QString &text);
    void setOrder(int column, Qt::SortOrder order);
    void keepShown();
    void restart();
    void restoreShown();
    void fetchPage();
    void applyPage(Page page);
    QString cellText(int row, int column) const;

    DatabaseThread *m_database;
    std::shared_ptr<const ResolvedSchema> m_schema;
    RowListing m_listing;
    const ResolvedTable *m_table = nullptr;
    QStringList m_columns; // the table's columns, then the junction's (shown prefixed)
    int m_tableColumns = 0;
    QString m_throughPrefix;
    QList<Row> m_rows;
    QList<Row> m_through;
    // Per foreign key column: the referenced value as text -> its row's label.
    QHash<QString, QHash<QString, QString>> m_labels;
    QString m_filterColumn;
    QString m_filterText;
    QList<Condition> m_filter;
    QList<OrderBy> m_order;
    int m_pageSize = 200;
    bool m_loading = false;
    bool m_atEnd = true;
    bool m_paused = false;
    bool m_firstPending = false; // a reload's first page has not arrived yet
    std::optional<Shown> m_shown;
    JobCounter *m_jobs = nullptr;
    quint64 m_generation = 0; // answers of an earlier listing, filter or order are dropped
};

} // namespace Junction
